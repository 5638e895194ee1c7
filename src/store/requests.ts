// Amazon's requests for proof of insurance.
import { z } from 'zod';
import { assertOwnAccount } from './accounts.ts';
import type { Executor } from './db.ts';
import { col, opt, parseRow, parseRows, type Row, rowSpec } from './rows.ts';
import type { TenantId } from './tenants.ts';

export const requestRow = rowSpec(
  z.object({
    id: col.id,
    tenant_id: col.id,
    account_id: col.id,
    requested_on: col.date,
    note: opt(z.string()),
    created_at: col.instant,
    created_by: z.string(),
  }),
  (r) => ({
    id: r.id,
    accountId: r.account_id,
    requestedOn: r.requested_on,
    note: r.note,
    createdBy: r.created_by,
  }),
);

export type ProofRequestRow = Row<typeof requestRow>;

export async function insertRequest(
  db: Executor,
  tenant: TenantId,
  accountId: number,
  input: { requestedOn: string; note?: string | undefined; by: string; at: string },
): Promise<ProofRequestRow> {
  await assertOwnAccount(db, tenant, accountId);
  const row = await db
    .insertInto('proof_requests')
    .values({
      tenant_id: tenant,
      account_id: accountId,
      requested_on: input.requestedOn,
      note: input.note ?? null,
      created_at: input.at,
      created_by: input.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return parseRow('proof_requests', requestRow, row);
}

export async function listRequests(
  db: Executor,
  tenant: TenantId,
  accountId?: number,
): Promise<ProofRequestRow[]> {
  let q = db.selectFrom('proof_requests').selectAll().where('tenant_id', '=', tenant);
  if (accountId !== undefined) q = q.where('account_id', '=', accountId);
  return parseRows('proof_requests', requestRow, await q.orderBy('requested_on').orderBy('id').execute());
}
