// Tenants' whole state in six queries (not one per account or per tenant): what `check`, the
// alert planner and the benchmarks read.
import { type Account, accountRow } from './accounts.ts';
import { type ClaimRecord, claimRow } from './claims.ts';
import { type Executor, readArrays } from './db.ts';
import { type PolicyRecord, policyRow } from './policies.ts';
import { type ProofRequestRow, requestRow } from './requests.ts';
import { parseRows } from './rows.ts';
import {
  SALES_FACT_COLUMNS,
  SALES_FACT_NUMBERS,
  type SalesFact,
  salesFactOf,
  salesFactRow,
} from './sales.ts';
import { latestByDay, SALES_DAY_COLUMNS, type SalesDay, salesDayRow } from './sales-days.ts';
import type { TenantId } from './tenants.ts';

export interface AccountState {
  readonly account: Account;
  /** Oldest first, as the rules engine expects; only the columns the rules read. */
  readonly sales: SalesFact[];
  /** Sales by day (imports, syncs), each day's latest figure, oldest first. */
  readonly days: SalesDay[];
  readonly requests: ProofRequestRow[];
  readonly policies: PolicyRecord[];
  readonly claims: ClaimRecord[];
}

/** Live accounts of several tenants with their records, grouped by tenant. */
export async function loadStates(
  db: Executor,
  tenants: readonly TenantId[],
  accountId?: number,
): Promise<Map<TenantId, AccountState[]>> {
  const result = new Map<TenantId, AccountState[]>(tenants.map((t) => [t, []]));
  if (tenants.length === 0) return result;
  const ids = [...tenants];
  let accountsQ = db
    .selectFrom('accounts')
    .selectAll()
    .where('tenant_id', 'in', ids)
    .where('removed_at', 'is', null);
  let salesQ = db.selectFrom('sales_revisions').select(SALES_FACT_COLUMNS).where('tenant_id', 'in', ids);
  let daysQ = db.selectFrom('sales_days').select(SALES_DAY_COLUMNS).where('tenant_id', 'in', ids);
  let requestsQ = db.selectFrom('proof_requests').selectAll().where('tenant_id', 'in', ids);
  let policiesQ = db
    .selectFrom('policies')
    .selectAll()
    .where('tenant_id', 'in', ids)
    .where('removed_at', 'is', null);
  let claimsQ = db.selectFrom('claims').selectAll().where('tenant_id', 'in', ids);
  if (accountId !== undefined) {
    accountsQ = accountsQ.where('id', '=', accountId);
    salesQ = salesQ.where('account_id', '=', accountId);
    daysQ = daysQ.where('account_id', '=', accountId);
    requestsQ = requestsQ.where('account_id', '=', accountId);
    policiesQ = policiesQ.where('account_id', '=', accountId);
    claimsQ = claimsQ.where('account_id', '=', accountId);
  }
  // In index order (tenant, account, month, id): no sort step over a chunk's rows.
  const salesOrder = ['tenant_id', 'account_id', 'month', 'id'] as const;
  const salesInOrder = salesOrder.reduce((q, c) => q.orderBy(c), salesQ);
  const [accounts, sales, days, requests, policies, claims] = await Promise.all([
    accountsQ.orderBy('name').execute(),
    // Most of a sweep's rows: read as arrays of values where the store can (not in a transaction).
    readArrays(db, salesInOrder, {
      columns: SALES_FACT_COLUMNS,
      numbers: SALES_FACT_NUMBERS,
      orderBy: salesOrder,
    })?.then((rows) => rows.map(salesFactOf)) ??
      salesInOrder.execute().then((rows) => parseRows('sales_revisions', salesFactRow, rows)),
    daysQ.orderBy('tenant_id').orderBy('account_id').orderBy('day').orderBy('id').execute(),
    requestsQ.orderBy('requested_on').orderBy('id').execute(),
    policiesQ.orderBy('effective_on').orderBy('id').execute(),
    claimsQ.orderBy('notice_on').orderBy('id').execute(),
  ]);
  const byAccount = new Map<number, AccountState>();
  for (const row of accounts) {
    const account = parseRows('accounts', accountRow, [row])[0]!;
    const state: AccountState = { account, sales: [], days: [], requests: [], policies: [], claims: [] };
    byAccount.set(account.id, state);
    result.get(row.tenant_id as TenantId)?.push(state);
  }
  for (const r of sales) byAccount.get(r.accountId)?.sales.push(r);
  for (const d of latestByDay(parseRows('sales_days', salesDayRow, days)))
    byAccount.get(d.accountId)?.days.push(d);
  for (const r of parseRows('proof_requests', requestRow, requests))
    byAccount.get(r.accountId)?.requests.push(r);
  for (const p of parseRows('policies', policyRow, policies)) byAccount.get(p.accountId)?.policies.push(p);
  for (const c of parseRows('claims', claimRow, claims)) byAccount.get(c.accountId)?.claims.push(c);
  return result;
}

/** Every live account of one tenant with its records; `accountId` narrows it to one account. */
export async function loadTenantState(
  db: Executor,
  tenant: TenantId,
  accountId?: number,
): Promise<AccountState[]> {
  return (await loadStates(db, [tenant], accountId)).get(tenant) ?? [];
}
