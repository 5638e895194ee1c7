// A-to-z property-damage / personal-injury claims, with every status change kept as an event.
import { z } from 'zod';
import { CLAIM_KINDS, CLAIM_STATUSES, type ClaimStatus } from '../rules/claims.ts';
import type { Money } from '../rules/money.ts';
import { assertOwnAccount } from './accounts.ts';
import type { Executor } from './db.ts';
import { col, opt, parseRow, parseRows, type Row, rowSpec } from './rows.ts';
import type { TenantId } from './tenants.ts';

export const claimRow = rowSpec(
  z.object({
    id: col.id,
    tenant_id: col.id,
    account_id: col.id,
    amazon_claim_id: z.string().min(1),
    order_id: opt(z.string()),
    kind: z.enum(CLAIM_KINDS),
    amount_minor: col.minor,
    currency: col.currency,
    incident_on: opt(col.date),
    notice_on: col.date,
    response_due_on: opt(col.date),
    charged_on: opt(col.date),
    status: z.enum(CLAIM_STATUSES),
    created_at: col.instant,
    created_by: z.string(),
    updated_at: col.instant,
  }),
  (r) => ({
    id: r.id,
    accountId: r.account_id,
    amazonClaimId: r.amazon_claim_id,
    orderId: r.order_id,
    kind: r.kind,
    amount: { minor: r.amount_minor, currency: r.currency } as Money,
    incidentOn: r.incident_on,
    noticeOn: r.notice_on,
    responseDueOn: r.response_due_on,
    chargedOn: r.charged_on,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }),
);

export type ClaimRecord = Row<typeof claimRow>;

const eventRow = rowSpec(
  z.object({
    id: col.id,
    tenant_id: col.id,
    claim_id: col.id,
    status: z.enum(CLAIM_STATUSES),
    note: opt(z.string()),
    at: col.instant,
    by: z.string(),
  }),
  (r) => ({ id: r.id, claimId: r.claim_id, status: r.status, note: r.note, at: r.at, by: r.by }),
);

export type ClaimEvent = Row<typeof eventRow>;

export interface ClaimInput {
  readonly amazonClaimId: string;
  readonly orderId?: string | undefined;
  readonly kind: (typeof CLAIM_KINDS)[number];
  readonly amount: Money;
  readonly incidentOn?: string | undefined;
  readonly noticeOn: string;
  readonly responseDueOn?: string | undefined;
}

export async function insertClaim(
  db: Executor,
  tenant: TenantId,
  accountId: number,
  input: ClaimInput,
  meta: { by: string; at: string },
): Promise<ClaimRecord> {
  await assertOwnAccount(db, tenant, accountId);
  const row = await db
    .insertInto('claims')
    .values({
      tenant_id: tenant,
      account_id: accountId,
      amazon_claim_id: input.amazonClaimId,
      order_id: input.orderId ?? null,
      kind: input.kind,
      amount_minor: input.amount.minor,
      currency: input.amount.currency,
      incident_on: input.incidentOn ?? null,
      notice_on: input.noticeOn,
      response_due_on: input.responseDueOn ?? null,
      status: 'open',
      created_at: meta.at,
      created_by: meta.by,
      updated_at: meta.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const claim = parseRow('claims', claimRow, row);
  await insertEvent(db, tenant, claim.id, 'open', 'claim recorded', meta);
  return claim;
}

async function insertEvent(
  db: Executor,
  tenant: TenantId,
  claimId: number,
  status: ClaimStatus,
  note: string | undefined,
  meta: { by: string; at: string },
): Promise<void> {
  await db
    .insertInto('claim_events')
    .values({ tenant_id: tenant, claim_id: claimId, status, note: note ?? null, at: meta.at, by: meta.by })
    .execute();
}

/**
 * A claim by Amazon's id, whatever its case: "az-123" is the claim recorded as "AZ-123". Ids typed
 * before lookups ignored case may differ only in case; the one typed exactly wins.
 */
export async function findClaim(
  db: Executor,
  tenant: TenantId,
  amazonClaimId: string,
): Promise<ClaimRecord | undefined> {
  const rows = await db
    .selectFrom('claims')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where((eb) => eb(eb.fn('lower', ['amazon_claim_id']), '=', amazonClaimId.toLowerCase()))
    .orderBy('id')
    .execute();
  const row = rows.find((r) => r.amazon_claim_id === amazonClaimId) ?? rows[0];
  return row ? parseRow('claims', claimRow, row) : undefined;
}

export async function listClaims(
  db: Executor,
  tenant: TenantId,
  filter: { accountId?: number; openOnly?: boolean } = {},
): Promise<ClaimRecord[]> {
  let q = db.selectFrom('claims').selectAll().where('tenant_id', '=', tenant);
  if (filter.accountId !== undefined) q = q.where('account_id', '=', filter.accountId);
  if (filter.openOnly) q = q.where('status', '!=', 'closed');
  return parseRows('claims', claimRow, await q.orderBy('notice_on').orderBy('id').execute());
}

/** Changes a claim's status and/or response deadline, keeping the change as an event. */
export async function updateClaim(
  db: Executor,
  tenant: TenantId,
  id: number,
  changes: { status?: ClaimStatus; responseDueOn?: string; chargedOn?: string; note?: string | undefined },
  meta: { by: string; at: string },
): Promise<ClaimRecord> {
  const values: Record<string, unknown> = { updated_at: meta.at };
  if (changes.status) values.status = changes.status;
  if (changes.responseDueOn) values.response_due_on = changes.responseDueOn;
  if (changes.chargedOn) values.charged_on = changes.chargedOn;
  const row = await db
    .updateTable('claims')
    .set(values)
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const claim = parseRow('claims', claimRow, row);
  await insertEvent(db, tenant, id, claim.status, changes.note, meta);
  return claim;
}

export async function listClaimEvents(
  db: Executor,
  tenant: TenantId,
  claimId: number,
): Promise<ClaimEvent[]> {
  const rows = await db
    .selectFrom('claim_events')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('claim_id', '=', claimId)
    .orderBy('id')
    .execute();
  return parseRows('claim_events', eventRow, rows);
}
