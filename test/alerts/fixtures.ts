// Account states built in memory, as the store would return them, for planner tests.
import { parseMoney } from '../../src/rules/money.ts';
import { MARKETPLACE_CURRENCY } from '../../src/rules/table.ts';
import type { AccountState } from '../../src/store/state.ts';

let nextId = 1;
const AT = '2026-01-01T00:00:00.000Z';

export function accountState(
  name: string,
  opts: { owner?: string; marketplace?: AccountState['account']['marketplace'] } = {},
): AccountState {
  return {
    account: {
      id: nextId++,
      name,
      marketplace: opts.marketplace ?? 'US',
      legalName: 'Acme Goods LLC',
      dba: undefined,
      owner: opts.owner,
      timeZone: undefined,
      entity: undefined,
      createdAt: AT,
      createdBy: 'test',
    },
    sales: [],
    days: [],
    requests: [],
    policies: [],
    claims: [],
  };
}

export function withSales(s: AccountState, month: string, amount: string, recordedOn: string): AccountState {
  const id = nextId++;
  const currency = MARKETPLACE_CURRENCY[s.account.marketplace];
  s.sales.push({ id, accountId: s.account.id, month, amount: parseMoney(amount, currency), recordedOn });
  return s;
}

export function withRequest(s: AccountState, requestedOn: string): AccountState {
  s.requests.push({ id: nextId++, accountId: s.account.id, requestedOn, note: undefined, createdBy: 'test' });
  return s;
}

export function withPolicy(
  s: AccountState,
  effectiveOn: string,
  expiresOn: string,
  over: Partial<AccountState['policies'][number]> = {},
): AccountState {
  const id = nextId++;
  s.policies.push({
    id,
    accountId: s.account.id,
    number: id,
    version: 1,
    insurer: 'Hartford',
    insurerRating: 'A+',
    policyNumber: 'GL-1',
    coverageForm: 'general',
    productsCompletedOps: true,
    coversMarketplace: true,
    effectiveOn,
    expiresOn,
    perOccurrence: parseMoney('1m', 'USD'),
    aggregate: parseMoney('2m', 'USD'),
    productsAggregate: parseMoney('2m', 'USD'),
    deductible: parseMoney('2500', 'USD'),
    basis: 'occurrence',
    additionalInsured: 'Amazon.com Services LLC and its affiliates and assignees',
    certificateHolder: undefined,
    insuredName: 'Acme Goods LLC',
    cancellationNoticeDays: 30,
    // Uploaded to Amazon the day it starts, unless a test says otherwise.
    uploadedOn: effectiveOn,
    createdAt: AT,
    createdBy: 'test',
    updatedAt: AT,
    ...over,
  });
  return s;
}

export function withClaim(
  s: AccountState,
  id: string,
  amount: string,
  noticeOn: string,
  over: Partial<AccountState['claims'][number]> = {},
): AccountState {
  s.claims.push({
    id: nextId++,
    accountId: s.account.id,
    amazonClaimId: id,
    orderId: undefined,
    kind: 'property-damage',
    amount: parseMoney(amount, 'USD'),
    incidentOn: undefined,
    noticeOn,
    responseDueOn: undefined,
    chargedOn: undefined,
    status: 'open',
    createdAt: AT,
    updatedAt: AT,
    ...over,
  });
  return s;
}
