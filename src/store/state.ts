// A tenant's whole state in five queries (not one per account): what `check`, the alert planner
// and the benchmarks read.
import { type Account, listAccounts } from './accounts.ts';
import { type ClaimRecord, listClaims } from './claims.ts';
import type { Executor } from './db.ts';
import { listPolicies, type PolicyRecord } from './policies.ts';
import { listRequests, type ProofRequestRow } from './requests.ts';
import { parseRows } from './rows.ts';
import { revisionRow, type SalesRevisionRow } from './sales.ts';
import type { TenantId } from './tenants.ts';

export interface AccountState {
  readonly account: Account;
  /** Oldest first, as the rules engine expects. */
  readonly sales: SalesRevisionRow[];
  readonly requests: ProofRequestRow[];
  readonly policies: PolicyRecord[];
  readonly claims: ClaimRecord[];
}

/** Every live account of the tenant with its records; `accountId` narrows it to one account. */
export async function loadTenantState(
  db: Executor,
  tenant: TenantId,
  accountId?: number,
): Promise<AccountState[]> {
  let sales = db.selectFrom('sales_revisions').selectAll().where('tenant_id', '=', tenant);
  if (accountId !== undefined) sales = sales.where('account_id', '=', accountId);
  const [accounts, revisions, requests, policies, claims] = await Promise.all([
    listAccounts(db, tenant).then((all) =>
      accountId === undefined ? all : all.filter((a) => a.id === accountId),
    ),
    sales
      .orderBy('account_id')
      .orderBy('month')
      .orderBy('id')
      .execute()
      .then((rows) => parseRows('sales_revisions', revisionRow, rows)),
    listRequests(db, tenant, accountId),
    listPolicies(db, tenant, accountId),
    listClaims(db, tenant, accountId === undefined ? {} : { accountId }),
  ]);
  const states = new Map<number, AccountState>(
    accounts.map((account) => [account.id, { account, sales: [], requests: [], policies: [], claims: [] }]),
  );
  for (const r of revisions) states.get(r.accountId)?.sales.push(r);
  for (const r of requests) states.get(r.accountId)?.requests.push(r);
  for (const p of policies) states.get(p.accountId)?.policies.push(p);
  for (const c of claims) states.get(c.accountId)?.claims.push(c);
  return [...states.values()];
}
