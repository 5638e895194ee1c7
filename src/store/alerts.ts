// The alert outbox. An alert key is stored once per tenant (unique constraint), so planning the same
// alert twice inserts nothing. Delivery leases due rows, so two replicas never post the same alert.
import { sql } from 'kysely';
import { z } from 'zod';
import { compiledOnce } from './compiled.ts';
import { type Executor, isPostgres, type Store } from './db.ts';
import { col, opt, parseRow, parseRows, type Row, rowSpec } from './rows.ts';
import type { Platform } from './schema.ts';
import type { TenantId } from './tenants.ts';

const alertRow = rowSpec(
  z.object({
    id: col.id,
    tenant_id: col.id,
    key: z.string().min(1),
    kind: z.string().min(1),
    payload: z.string(),
    status: z.enum(['pending', 'sent', 'failed']),
    attempts: z.number().int().min(0),
    next_attempt_at: col.instant,
    lease_until: opt(col.instant),
    lease_owner: opt(z.string()),
    last_error: opt(z.string()),
    created_at: col.instant,
    sent_at: opt(col.instant),
  }),
  (r) => ({
    id: r.id,
    tenantId: r.tenant_id as TenantId,
    key: r.key,
    kind: r.kind,
    payload: r.payload,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    /** Until when its lease holds, if leased (by whoever lease_owner says). */
    leaseUntil: r.lease_until,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }),
);

export type OutboxAlert = Row<typeof alertRow>;

export interface NewAlert {
  readonly key: string;
  readonly kind: string;
  readonly payload: string;
}

/** Inserts the alerts whose keys their tenant has not seen; returns how many were new. */
export async function enqueueAlerts(
  db: Executor,
  tenant: TenantId,
  alerts: readonly NewAlert[],
  at: string,
): Promise<number> {
  const inserted = await enqueueMany(
    db,
    alerts.map((a) => ({ ...a, tenant })),
    at,
  );
  return inserted.length;
}

/** An alert to store, and optionally who holds its first lease (the sweep that will post it next). */
export type Enqueue = NewAlert & {
  readonly tenant: TenantId;
  readonly lease?: { readonly owner: string; readonly until: string } | undefined;
};

/**
 * Stores the alerts of many tenants at once; returns the new ones (a key the tenant already has is
 * skipped). An alert stored with a lease is its holder's to post, exactly as if leased by
 * leaseDue: nobody else takes it before the lease runs out.
 */
export async function enqueueMany(
  db: Executor,
  alerts: readonly Enqueue[],
  at: string,
): Promise<OutboxAlert[]> {
  const stored: { id: number; tenant_id: number; key: string }[] = [];
  if (isPostgres(db)) {
    // One statement per batch, its rows as one JSON parameter: PostgreSQL parses a 10,000-parameter
    // VALUES list far more slowly than it unpacks JSON, and JSON.stringify is native, where the
    // driver escapes every element of an array parameter in JavaScript (a second of a sweep's CPU).
    for (let i = 0; i < alerts.length; i += 5000) {
      const rowsJson = JSON.stringify(
        alerts.slice(i, i + 5000).map((a) => ({
          t: a.tenant,
          k: a.key,
          kd: a.kind,
          p: a.payload,
          o: a.lease?.owner ?? null,
          u: a.lease?.until ?? null,
        })),
      );
      const { rows } = await sql<{ id: number; tenant_id: number; key: string }>`
        insert into alerts (tenant_id, key, kind, payload, status, attempts, next_attempt_at, created_at,
                            lease_owner, lease_until)
        select t, k, kd, p, 'pending', 0, ${at}, ${at}, o, u
        from json_to_recordset(${rowsJson}::json) as n(t int8, k text, kd text, p text, o text, u text)
        on conflict (tenant_id, key) do nothing
        returning id, tenant_id, key`.execute(db);
      stored.push(...rows);
    }
  } else
    for (let i = 0; i < alerts.length; i += 500) {
      const rows = await db
        .insertInto('alerts')
        .values(
          alerts.slice(i, i + 500).map((a) => ({
            tenant_id: a.tenant,
            key: a.key,
            kind: a.kind,
            payload: a.payload,
            status: 'pending' as const,
            attempts: 0,
            next_attempt_at: at,
            created_at: at,
            lease_owner: a.lease?.owner ?? null,
            lease_until: a.lease?.until ?? null,
          })),
        )
        .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
        .returning(['id', 'tenant_id', 'key'])
        .execute();
      stored.push(...rows);
    }
  // The rows are the ones just given: rebuilt from them, not read back.
  const given = new Map(alerts.map((a) => [`${a.tenant}|${a.key}`, a]));
  return stored.map((r) => {
    const a = given.get(`${r.tenant_id}|${r.key}`)!;
    return {
      id: Number(r.id),
      tenantId: a.tenant,
      key: a.key,
      kind: a.kind,
      payload: a.payload,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: at,
      leaseUntil: a.lease?.until,
      lastError: undefined,
      createdAt: at,
      sentAt: undefined,
    };
  });
}

/**
 * PostgreSQL plans queries from table statistics; after a sweep inserts thousands of alerts they are
 * stale until autovacuum gets round to it, and leasing would scan every pending row per batch.
 * SQLite needs nothing: its planner uses the index regardless.
 */
export async function refreshOutboxStatistics(store: Store): Promise<void> {
  if (store.dialect === 'postgres') await sql`analyze alerts`.execute(store.db);
}

/** The keys a tenant already has, so the planner's output can be filtered before inserting. */
export async function knownKeys(db: Executor, tenant: TenantId): Promise<Set<string>> {
  const rows = await db.selectFrom('alerts').select('key').where('tenant_id', '=', tenant).execute();
  return new Set(rows.map((r) => r.key));
}

/**
 * Leases up to `limit` due alerts for `owner` until `leaseUntil`. PostgreSQL skips rows another
 * replica has locked; SQLite serialises writers, so the same statement is safe there too.
 */
export async function leaseDue(
  store: Store,
  opts: {
    now: string;
    owner: string;
    leaseUntil: string;
    limit: number;
    tenant?: TenantId;
    /** Only alerts of teams on these platforms: the ones this process can post to. */
    platforms?: readonly Platform[];
  },
): Promise<OutboxAlert[]> {
  return store.transaction(async (trx) => {
    let due = trx
      .selectFrom('alerts')
      .select('id')
      // A literal, as the partial index's predicate is: both engines match it only then.
      .where('status', '=', sql.lit('pending'))
      .where('next_attempt_at', '<=', opts.now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', opts.now)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(opts.limit);
    if (opts.tenant !== undefined) due = due.where('tenant_id', '=', opts.tenant);
    if (opts.platforms) {
      if (opts.platforms.length === 0) return [];
      const platforms = [...opts.platforms];
      due = due.where('tenant_id', 'in', (eb) =>
        eb.selectFrom('tenants').select('id').where('platform', 'in', platforms),
      );
    }
    if (store.dialect === 'postgres') due = due.forUpdate().skipLocked();
    // Two statements, not UPDATE … WHERE id IN (SELECT … LIMIT): PostgreSQL may run such a subquery
    // more than once, and then the LIMIT no longer bounds the lease.
    const ids = (await due.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    // The lease conditions again: a lease renewed since the SELECT stays its owner's.
    const rows = await trx
      .updateTable('alerts')
      .set({ lease_owner: opts.owner, lease_until: opts.leaseUntil })
      .where('id', 'in', ids)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', opts.now)]))
      .returningAll()
      .execute();
    return parseRows('alerts', alertRow, rows).sort((a, b) => a.id - b.id);
  });
}

/**
 * The ids as one parameter (a PostgreSQL array, a JSON array on SQLite): one statement text, built
 * and compiled once, however many alerts a mark holds. The list form cost a build and compile per
 * mark, and on PostgreSQL a parse of up to 64 parameters.
 */
const markSentStatement = compiledOnce((db, ids: string, owner: string, at: string) =>
  db
    .updateTable('alerts')
    .set((eb) => ({
      status: 'sent',
      sent_at: at,
      lease_until: null,
      last_error: null,
      attempts: eb('attempts', '+', 1),
    }))
    .where(
      isPostgres(db)
        ? sql<boolean>`id = any(${ids}::int8[])`
        : sql<boolean>`id in (select value from json_each(${ids}))`,
    )
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .returning('id'),
);

/** Marks posted alerts sent, those this owner still holds; returns the ids it marked. */
export async function markSent(
  db: Executor,
  ids: readonly number[],
  owner: string,
  at: string,
): Promise<number[]> {
  if (ids.length === 0) return [];
  // Numbers only reach the literal: an id from anywhere else is refused, not spliced.
  if (!ids.every(Number.isSafeInteger)) throw new Error(`not alert ids: ${ids.join(', ')}`);
  const list = ids.join(',');
  const { rows } = await markSentStatement(db, isPostgres(db) ? `{${list}}` : `[${list}]`, owner, at);
  return rows.map((r) => Number(r.id));
}

/** Records a failed attempt: retried at `retryAt`, or marked failed when `retryAt` is null. */
export async function markAttemptFailed(
  db: Executor,
  id: number,
  owner: string,
  error: string,
  retryAt: string | null,
): Promise<void> {
  await db
    .updateTable('alerts')
    .set((eb) => ({
      status: retryAt ? 'pending' : 'failed',
      next_attempt_at: retryAt ?? sql<string>`next_attempt_at`,
      lease_until: null,
      lease_owner: null,
      last_error: error.slice(0, 500),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

/**
 * Extends this owner's lease on one alert while it still holds it: nobody else leased it since,
 * even if its lease ran out meanwhile. True when the alert may be posted now: nobody else can lease
 * it before `until`.
 */
export async function renewLease(db: Executor, id: number, owner: string, until: string): Promise<boolean> {
  const r = await db
    .updateTable('alerts')
    .set({ lease_until: until })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Gives alerts back to be tried at `at`, without counting an attempt: their channel is rate
 * limited until then (Retry-After), so posting them now would only fail.
 */
export async function deferAlerts(
  db: Executor,
  ids: readonly number[],
  owner: string,
  at: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('alerts')
    .set({ lease_until: null, lease_owner: null, next_attempt_at: at })
    .where('id', 'in', [...ids])
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * A team's alerts that wait for a later attempt (held for a refused channel, or backing off) are due
 * now: a member has just chosen a channel the bot can post in.
 */
export async function dueNow(db: Executor, tenant: number, now: string): Promise<void> {
  await db
    .updateTable('alerts')
    .set({ next_attempt_at: now })
    .where('tenant_id', '=', tenant)
    .where('status', '=', 'pending')
    .where('lease_owner', 'is', null)
    .where('next_attempt_at', '>', now)
    .execute();
}

/** Gives back leases a stopping process still holds, so the next sweep can deliver them at once. */
export async function releaseLeases(db: Executor, owner: string): Promise<number> {
  const r = await db
    .updateTable('alerts')
    .set({ lease_until: null, lease_owner: null })
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Alerts by state for one team, or (no team: metrics) for every team. */
export async function outboxCounts(
  db: Executor,
  tenant?: TenantId,
): Promise<Record<'pending' | 'sent' | 'failed', number>> {
  let q = db.selectFrom('alerts').select(['status', (eb) => eb.fn.countAll<number>().as('n')]);
  if (tenant !== undefined) q = q.where('tenant_id', '=', tenant);
  const rows = await q.groupBy('status').execute();
  const counts = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export async function listAlerts(
  db: Executor,
  tenant: TenantId,
  filter: { status?: 'pending' | 'sent' | 'failed'; limit?: number } = {},
): Promise<OutboxAlert[]> {
  let q = db.selectFrom('alerts').selectAll().where('tenant_id', '=', tenant);
  if (filter.status) q = q.where('status', '=', filter.status);
  return parseRows(
    'alerts',
    alertRow,
    await q
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 20)
      .execute(),
  );
}

const sweepRow = z.object({
  id: col.id,
  started_at: col.instant,
  finished_at: opt(col.instant),
  planned: z.number().int().min(0),
  delivered: z.number().int().min(0),
  failed: z.number().int().min(0),
  owner: z.string(),
});
export type SweepRecord = z.infer<typeof sweepRow>;

export async function startSweep(db: Executor, owner: string, at: string): Promise<number> {
  const row = await db
    .insertInto('sweeps')
    .values({ started_at: at, owner, planned: 0, delivered: 0, failed: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishSweep(
  db: Executor,
  id: number,
  result: { tenantsPlanned: number; planned: number; delivered: number; failed: number; at: string },
): Promise<void> {
  await db
    .updateTable('sweeps')
    .set({
      finished_at: result.at,
      tenants_planned: result.tenantsPlanned,
      planned: result.planned,
      delivered: result.delivered,
      failed: result.failed,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * The sweeps of the last round: every replica's sweep that started within ten minutes of the
 * latest one (replicas run on the same schedule), newest first.
 */
export async function recentSweeps(db: Executor): Promise<
  {
    owner: string;
    startedAt: string;
    finishedAt: string | undefined;
    tenantsPlanned: number;
    planned: number;
    delivered: number;
    failed: number;
  }[]
> {
  const latest = await db
    .selectFrom('sweeps')
    .select('started_at')
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return [];
  const from = new Date(Date.parse(latest.started_at) - 10 * 60_000).toISOString();
  const rows = await db
    .selectFrom('sweeps')
    .selectAll()
    .where('started_at', '>=', from)
    .orderBy('started_at', 'desc')
    .execute();
  return rows.map((r) => ({
    owner: r.owner,
    startedAt: r.started_at,
    finishedAt: r.finished_at ?? undefined,
    tenantsPlanned: Number(r.tenants_planned),
    planned: Number(r.planned),
    delivered: Number(r.delivered),
    failed: Number(r.failed),
  }));
}

/** When the team's last alert was posted. */
export async function lastSentAt(db: Executor, tenant: TenantId): Promise<string | undefined> {
  const row = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.max('sent_at').as('at'))
    .where('tenant_id', '=', tenant)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return row?.at ?? undefined;
}

export async function lastSweep(db: Executor): Promise<SweepRecord | undefined> {
  const row = await db.selectFrom('sweeps').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? parseRow('sweeps', sweepRow, row) : undefined;
}
