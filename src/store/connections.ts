// Seller accounts connected to Amazon's Selling Partner API. The refresh token is stored sealed
// (src/secrets.ts): this module never sees it in clear, and never returns it to a reply.
import { z } from 'zod';
import { assertOwnAccount } from './accounts.ts';
import type { Executor } from './db.ts';
import { col, opt, parseRow, parseRows, type Row, rowSpec } from './rows.ts';
import type { TenantId } from './tenants.ts';

const connectionRow = rowSpec(
  z.object({
    id: col.id,
    tenant_id: col.id,
    account_id: col.id,
    marketplace_id: z.string().min(1),
    refresh_token: z.string().min(1),
    status: z.enum(['active', 'revoked']),
    connected_at: col.instant,
    connected_by: z.string(),
    synced_through: opt(col.date),
    last_sync_at: opt(col.instant),
    last_error: opt(z.string()),
  }),
  (r) => ({
    id: r.id,
    tenantId: r.tenant_id as TenantId,
    accountId: r.account_id,
    marketplaceId: r.marketplace_id,
    /** Sealed: open it with the Sealer only to call Amazon. */
    sealedToken: r.refresh_token,
    status: r.status,
    connectedAt: r.connected_at,
    connectedBy: r.connected_by,
    /** The last day whose sales are final in our records; undefined before the first sync. */
    syncedThrough: r.synced_through,
    lastSyncAt: r.last_sync_at,
    lastError: r.last_error,
  }),
);

export type Connection = Row<typeof connectionRow>;

/** Connects (or reconnects, with a new token) an account; the sync starts over from its backfill. */
export async function saveConnection(
  db: Executor,
  tenant: TenantId,
  accountId: number,
  input: { marketplaceId: string; sealedToken: string; at: string; by: string },
): Promise<Connection> {
  await assertOwnAccount(db, tenant, accountId);
  await db.deleteFrom('amazon_connections').where('account_id', '=', accountId).execute();
  const row = await db
    .insertInto('amazon_connections')
    .values({
      tenant_id: tenant,
      account_id: accountId,
      marketplace_id: input.marketplaceId,
      refresh_token: input.sealedToken,
      status: 'active',
      connected_at: input.at,
      connected_by: input.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return parseRow('amazon_connections', connectionRow, row);
}

export async function removeConnection(db: Executor, tenant: TenantId, accountId: number): Promise<boolean> {
  const r = await db
    .deleteFrom('amazon_connections')
    .where('tenant_id', '=', tenant)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Active connections: of one team, one account, or (neither: the scheduled sync) every team. */
export async function listConnections(
  db: Executor,
  filter: { tenant?: TenantId; accountId?: number; status?: 'active' | 'revoked' } = {},
): Promise<Connection[]> {
  let q = db.selectFrom('amazon_connections').selectAll();
  if (filter.tenant !== undefined) q = q.where('tenant_id', '=', filter.tenant);
  if (filter.accountId !== undefined) q = q.where('account_id', '=', filter.accountId);
  if (filter.status) q = q.where('status', '=', filter.status);
  return parseRows('amazon_connections', connectionRow, await q.orderBy('id').execute());
}

/** After a sync: how far it got, or why it stopped. A revoked token stays revoked until reconnected. */
export async function recordSync(
  db: Executor,
  id: number,
  result: { at: string; syncedThrough?: string | undefined; error?: string | undefined; revoked?: boolean },
): Promise<void> {
  await db
    .updateTable('amazon_connections')
    .set({
      last_sync_at: result.at,
      last_error: result.error ?? null,
      ...(result.syncedThrough ? { synced_through: result.syncedThrough } : {}),
      ...(result.revoked ? { status: 'revoked' as const } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Every sealed token, for `coverwatch secrets rotate`. */
export async function sealedTokens(db: Executor): Promise<{ id: number; sealed: string }[]> {
  const rows = await db.selectFrom('amazon_connections').select(['id', 'refresh_token']).execute();
  return rows.map((r) => ({ id: r.id, sealed: r.refresh_token }));
}

export async function resealToken(db: Executor, id: number, sealed: string): Promise<void> {
  await db.updateTable('amazon_connections').set({ refresh_token: sealed }).where('id', '=', id).execute();
}

/**
 * Takes a connection for this replica's sync, unless another holds it (its lease has not lapsed) or
 * it was synced since `notSyncedSince` (this cycle, by another replica). One atomic update: two
 * replicas racing for it, one wins. Returns the seller's usage-plan budget as the last sync left it
 * (tokens, and the real time they were counted; null before any), or undefined if not taken.
 */
export async function claimSync(
  db: Executor,
  id: number,
  claim: { owner: string; until: string; now: string; notSyncedSince?: string | undefined },
): Promise<{ budget: { tokens: number; at: string } | null } | undefined> {
  let q = db
    .updateTable('amazon_connections')
    .set({ sync_lease_owner: claim.owner, sync_lease_until: claim.until })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('sync_lease_until', 'is', null), eb('sync_lease_until', '<', claim.now)]));
  if (claim.notSyncedSince)
    q = q.where((eb) =>
      eb.or([eb('last_sync_at', 'is', null), eb('last_sync_at', '<', claim.notSyncedSince!)]),
    );
  const row = await q.returning(['plan_tokens', 'plan_at']).executeTakeFirst();
  if (!row) return undefined;
  return {
    budget:
      row.plan_tokens !== null && row.plan_at ? { tokens: Number(row.plan_tokens), at: row.plan_at } : null,
  };
}

/** Gives the connection back, leaving the seller's budget for whichever replica syncs it next. */
export async function releaseSync(
  db: Executor,
  id: number,
  owner: string,
  budget: { tokens: number; at: string },
): Promise<void> {
  await db
    .updateTable('amazon_connections')
    .set({ sync_lease_owner: null, sync_lease_until: null, plan_tokens: budget.tokens, plan_at: budget.at })
    .where('id', '=', id)
    .where('sync_lease_owner', '=', owner)
    .execute();
}
