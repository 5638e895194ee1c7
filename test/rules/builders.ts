// Small builders that turn the readable case strings into engine facts, and the English words of a
// decision, so tests read what a seller reads.
import { wordsFor } from '../../src/i18n/index.ts';
import {
  type AccountFacts,
  type CalendarDate,
  type ClaimOutcome,
  type Currency,
  citedRules,
  type Eligibility,
  type EntityType,
  MARKETPLACE_CURRENCY,
  type Marketplace,
  type PolicyOnFile,
  parseMoney,
  type SalesRevision,
} from '../../src/rules/index.ts';

export const words = wordsFor('en');

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
    id: 1,
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
    productsAggregate: parseMoney('2000000', 'USD'),
    deductible: parseMoney('2500', 'USD'),
    basis: 'occurrence',
    additionalInsured: 'Amazon.com Services LLC and its affiliates and assignees',
    certificateHolder: 'Amazon.com Services LLC',
    insuredName: 'Acme Goods LLC',
    cancellationNoticeDays: 30,
    ...over,
  };
}

/**
 * A policy written "effective expiry [uploaded:DAY] [field:value …]": compliant unless a field
 * says otherwise. Fields: uploaded, aggregate, deductible, ai (additional insured; "none"), id.
 */
export function policyFrom(text: string, index: number, currency: Currency = 'USD'): PolicyOnFile {
  const [from, to, ...extras] = text.split(' ');
  const over: Record<string, unknown> = { id: index + 1 };
  for (const e of extras) {
    const [k, v] = e.split(':') as [string, string];
    if (k === 'uploaded') over.uploadedOn = v;
    else if (k === 'id') over.id = Number(v);
    else if (k === 'ai') over.additionalInsured = v === 'none' ? undefined : v.replace(/_/g, ' ');
    else if (k === 'holder') over.certificateHolder = v.replace(/_/g, ' ');
    else if (['aggregate', 'deductible', 'perOccurrence', 'productsAggregate'].includes(k))
      over[k] = v === 'none' ? undefined : parseMoney(v, currency);
    else if (k === 'bare') Object.assign(over, { bare: true });
    else throw new Error(`unknown policy field ${k}`);
  }
  if (over.bare)
    return {
      id: over.id as number,
      effectiveOn: from!,
      expiresOn: to!,
      uploadedOn: over.uploadedOn as string,
    };
  return compliantPolicy(from!, to!, over as Partial<PolicyOnFile>);
}

export function account(c: {
  marketplace?: Marketplace;
  sales: readonly string[];
  requests?: readonly string[];
  policies?: readonly string[];
  legalName?: string;
  dba?: string;
  entity?: EntityType;
}): AccountFacts {
  const marketplace = c.marketplace ?? 'US';
  const currency = MARKETPLACE_CURRENCY[marketplace];
  return {
    marketplace,
    legalName: c.legalName ?? 'Acme Goods, LLC',
    dba: c.dba,
    entity: c.entity,
    sales: sales(c.sales, currency),
    proofRequests: (c.requests ?? []).map((requestedOn) => ({ requestedOn })),
    policies: (c.policies ?? []).map((p, i) => policyFrom(p, i, currency)),
  };
}

/** What a seller reads of a decision: its findings, then the rules cited. */
export function explain(decision: Pick<Eligibility | ClaimOutcome, 'reasons' | 'trace'>): string {
  return [
    ...decision.reasons.map((f) => words.finding(f, { claim: 'AZ-1' })),
    '',
    ...citedRules(decision.trace).map((r) => words.citation(r).text),
  ].join('\n');
}

export const cited = (decision: Pick<Eligibility | ClaimOutcome, 'trace'>): string[] =>
  citedRules(decision.trace).map((r) => r.id);
