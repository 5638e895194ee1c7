// Small builders that turn the readable case strings into engine facts.
import {
  type AccountFacts,
  type CalendarDate,
  type Currency,
  MARKETPLACE_INFO,
  type Marketplace,
  type PolicyOnFile,
  parseMoney,
  type SalesRevision,
} from '../../src/rules/index.ts';

export function sales(lines: readonly string[], currency: Currency = 'USD'): SalesRevision[] {
  return lines.map((line, seq) => {
    const [month, amount, recordedOn] = line.split(' ');
    return { month: month!, amount: parseMoney(amount!, currency), recordedOn, seq };
  });
}

/** A policy meeting every US requirement, with any field overridden. */
export function compliantPolicy(
  effectiveOn: CalendarDate,
  expiresOn: CalendarDate,
  over: Partial<PolicyOnFile> = {},
): PolicyOnFile {
  return {
    insurer: 'Hartford Fire Insurance Co.',
    insurerRating: 'A+',
    policyNumber: 'GL-123',
    coverageForm: 'general',
    productsCompletedOps: true,
    coversMarketplace: true,
    effectiveOn,
    expiresOn,
    perOccurrence: parseMoney('1000000', 'USD'),
    aggregate: parseMoney('2000000', 'USD'),
    deductible: parseMoney('2500', 'USD'),
    basis: 'occurrence',
    additionalInsured: 'Amazon.com Services LLC and its affiliates and assignees',
    certificateHolder: 'Amazon.com Services LLC',
    insuredName: 'Acme Goods LLC',
    cancellationNoticeDays: 30,
    ...over,
  };
}

export function account(c: {
  marketplace?: Marketplace;
  sales: readonly string[];
  requests?: readonly string[];
  policies?: readonly string[];
}): AccountFacts {
  const marketplace = c.marketplace ?? 'US';
  return {
    marketplace,
    legalName: 'Acme Goods, LLC',
    sales: sales(c.sales, MARKETPLACE_INFO[marketplace].currency),
    proofRequests: (c.requests ?? []).map((requestedOn) => ({ requestedOn })),
    policies: (c.policies ?? []).map((p) => {
      const [from, to] = p.split(' ');
      return compliantPolicy(from!, to!);
    }),
  };
}
