// Tenants (a Slack workspace, a Discord server, the terminal) and their settings and manager grants.
// A TenantId is only ever made here, from a platform's verified identity: never from user text.
import { sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { LOCALES } from '../i18n/locales.ts';
import { compiledOnce } from './compiled.ts';
import type { Dialect, Executor } from './db.ts';
import { col, opt, parseRow, parseRows, type Row, rowSpec } from './rows.ts';
import type { Platform } from './schema.ts';

export type TenantId = number & { readonly __tenant: unique symbol };

/**
 * Why a platform refuses the bot's posts in a team's alert channel: the bot is not in it (or cannot
 * see it), it may not post there, the channel is gone or archived, or the app was removed.
 */
export const ALERT_PROBLEMS = [
  'not-in-channel',
  'no-permission',
  'no-channel',
  'archived',
  'removed',
] as const;
export type AlertProblem = (typeof ALERT_PROBLEMS)[number];

const tenantRow = rowSpec(
  z.object({
    id: col.id,
    platform: z.enum(['slack', 'discord', 'shell']),
    external_id: z.string().min(1),
    name: opt(z.string()),
    time_zone: z.string().min(1),
    alert_hour: opt(z.number().int().min(0).max(23)),
    alert_channel: opt(z.string().min(1)),
    created_at: col.instant,
    data_version: z.number().int().min(0),
    planned_on: opt(col.date),
    planned_version: opt(z.number().int().min(0)),
    plan_problems: opt(z.string()),
    locale: opt(z.enum(LOCALES)),
    org_id: opt(z.string().min(1)),
    alert_problem: opt(z.enum(ALERT_PROBLEMS)),
    alert_problem_channel: opt(z.string().min(1)),
    alert_problem_since: opt(col.instant),
    alert_problem_last: opt(col.instant),
  }),
  (r) => ({
    id: r.id as TenantId,
    platform: r.platform,
    externalId: r.external_id,
    name: r.name,
    timeZone: r.time_zone,
    /** The team's own alert hour; undefined means the configured default. */
    alertHour: r.alert_hour,
    alertChannel: r.alert_channel,
    createdAt: r.created_at,
    /** Bumped by every write to the team's records. */
    dataVersion: r.data_version,
    plannedOn: r.planned_on,
    plannedVersion: r.planned_version,
    planProblems: r.plan_problems,
    /** The team's chosen language; undefined means the member's or English. */
    locale: r.locale,
    /** Slack: the Enterprise Grid org whose org-wide install serves this workspace. */
    orgId: r.org_id,
    /**
     * The platform refuses posts in the alert channel: why, since when, and when it last refused.
     * Only while the alert channel is the one it refused.
     */
    alertProblem:
      r.alert_problem && r.alert_problem_channel === r.alert_channel && r.alert_problem_since
        ? {
            reason: r.alert_problem,
            since: r.alert_problem_since,
            last: r.alert_problem_last ?? r.alert_problem_since,
          }
        : undefined,
  }),
);

/** A team (Slack workspace, Discord server, the terminal), as the rest of coverwatch sees it. */
export type Tenant = Row<typeof tenantRow>;

const toTenant = (row: unknown): Tenant => parseRow('tenants', tenantRow, row);

// A team's row is read on every request and seldom changes: zod checks a row only when it differs
// from the last one checked for that team (a hand-edited row is still refused on its next read).
const checked = new LRUCache<string, { raw: Record<string, unknown>; tenant: Tenant }>({ max: 10_000 });

function sameRow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let n = 0;
  for (const k in b) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  return n === Object.keys(a).length;
}

function toCheckedTenant(row: Record<string, unknown>): Tenant {
  const key = `${String(row.platform)}:${String(row.external_id)}`;
  const last = checked.get(key);
  if (last && sameRow(last.raw, row)) return last.tenant;
  const tenant = Object.freeze(toTenant(row));
  checked.set(key, { raw: row, tenant });
  return tenant;
}

// Every request finds its team: compiled once.
const selectTenant = compiledOnce((db, platform: string, externalId: string) =>
  db
    .selectFrom('tenants')
    .selectAll()
    .where('platform', '=', platform as Platform)
    .where('external_id', '=', externalId),
);

/** The tenant of a verified platform identity, if it exists (never creates one). */
export async function findTenant(
  db: Executor,
  identity: { platform: Platform; externalId: string },
): Promise<Tenant | undefined> {
  const { rows } = await selectTenant(db, identity.platform, identity.externalId);
  return rows[0] ? toCheckedTenant(rows[0] as Record<string, unknown>) : undefined;
}

/** True when the stored team already records the org the request came through (if any). */
export function knowsOrg(tenant: Tenant, identity: { orgId?: string | undefined }): boolean {
  return identity.orgId === undefined || tenant.orgId === identity.orgId;
}

/** Finds or creates the tenant for a verified platform identity. */
export async function ensureTenant(
  db: Executor,
  identity: { platform: Platform; externalId: string; name?: string | undefined; orgId?: string | undefined },
  defaults: { timeZone: string; at: string },
): Promise<Tenant> {
  const existing = await findTenant(db, identity);
  if (existing && knowsOrg(existing, identity)) return existing;
  if (existing) {
    // The workspace now comes through an org-wide install (or another org's): remember which.
    await db
      .updateTable('tenants')
      .set({ org_id: identity.orgId ?? null })
      .where('id', '=', existing.id)
      .execute();
    return { ...existing, orgId: identity.orgId };
  }
  await db
    .insertInto('tenants')
    .values({
      platform: identity.platform,
      external_id: identity.externalId,
      name: identity.name ?? null,
      org_id: identity.orgId ?? null,
      time_zone: defaults.timeZone,
      created_at: defaults.at,
    })
    // Two replicas may see a new workspace's first command at once: the loser reads the winner's row.
    .onConflict((oc) => oc.columns(['platform', 'external_id']).doNothing())
    .execute();
  const row = await db
    .selectFrom('tenants')
    .selectAll()
    .where('platform', '=', identity.platform)
    .where('external_id', '=', identity.externalId)
    .executeTakeFirstOrThrow();
  return toTenant(row);
}

export async function getTenant(db: Executor, tenant: TenantId): Promise<Tenant> {
  return toTenant(
    await db.selectFrom('tenants').selectAll().where('id', '=', tenant).executeTakeFirstOrThrow(),
  );
}

export async function getTenants(db: Executor, ids: readonly TenantId[]): Promise<Tenant[]> {
  if (ids.length === 0) return [];
  return parseRows(
    'tenants',
    tenantRow,
    await db
      .selectFrom('tenants')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute(),
  );
}

export async function listTenants(db: Executor): Promise<Tenant[]> {
  return parseRows('tenants', tenantRow, await db.selectFrom('tenants').selectAll().orderBy('id').execute());
}

export async function updateTenantSettings(
  db: Executor,
  tenant: TenantId,
  settings: {
    alertChannel?: string | null;
    timeZone?: string;
    alertHour?: number | null;
    locale?: string | null;
  },
): Promise<void> {
  const values: Record<string, unknown> = {};
  if (settings.locale !== undefined) values.locale = settings.locale;
  if (settings.alertChannel !== undefined) values.alert_channel = settings.alertChannel;
  if (settings.timeZone !== undefined) values.time_zone = settings.timeZone;
  if (settings.alertHour !== undefined) values.alert_hour = settings.alertHour;
  if (Object.keys(values).length === 0) return;
  await db.updateTable('tenants').set(values).where('id', '=', tenant).execute();
}

/**
 * Records that the platform refuses posts in `channel` (the team's alert channel when it was
 * refused); a later refusal in the same channel keeps the first time it was seen. Not a change to
 * the team's records: the data version stays.
 */
export async function setAlertProblem(
  db: Executor,
  tenant: TenantId,
  problem: { channel: string; reason: AlertProblem; at: string },
): Promise<void> {
  await db
    .updateTable('tenants')
    .set((eb) => ({
      alert_problem: problem.reason,
      alert_problem_channel: problem.channel,
      alert_problem_since: eb
        .case()
        .when('alert_problem_channel', '=', problem.channel)
        .then(eb.fn.coalesce('alert_problem_since', eb.val(problem.at)))
        .else(problem.at)
        .end(),
      alert_problem_last: problem.at,
    }))
    .where('id', '=', tenant)
    .execute();
}

/** The platform took a post in the alert channel again, or the team chose a channel: no problem. */
export async function clearAlertProblem(db: Executor, tenant: TenantId): Promise<void> {
  await db
    .updateTable('tenants')
    .set({
      alert_problem: null,
      alert_problem_channel: null,
      alert_problem_since: null,
      alert_problem_last: null,
    })
    .where('id', '=', tenant)
    .where('alert_problem', 'is not', null)
    .execute();
}

const grantRow = z.object({
  id: col.id,
  tenant_id: col.id,
  kind: z.enum(['user', 'role']),
  subject_id: z.string().min(1),
  granted_by: z.string(),
  granted_at: col.instant,
});
export type Grant = z.infer<typeof grantRow>;

export async function addGrant(
  db: Executor,
  tenant: TenantId,
  grant: { kind: 'user' | 'role'; subjectId: string; by: string; at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('manager_grants')
    .values({
      tenant_id: tenant,
      kind: grant.kind,
      subject_id: grant.subjectId,
      granted_by: grant.by,
      granted_at: grant.at,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'kind', 'subject_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeGrant(
  db: Executor,
  tenant: TenantId,
  kind: 'user' | 'role',
  subjectId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('manager_grants')
    .where('tenant_id', '=', tenant)
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listGrants(db: Executor, tenant: TenantId): Promise<Grant[]> {
  const rows = await db
    .selectFrom('manager_grants')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .orderBy('id')
    .execute();
  return parseRows('manager_grants', grantRow, rows);
}

/** The tenant's current data version (bumped by every write to its records). */
export async function dataVersion(db: Executor, tenant: TenantId): Promise<number> {
  const row = await db
    .selectFrom('tenants')
    .select('data_version')
    .where('id', '=', tenant)
    .executeTakeFirstOrThrow();
  return Number(row.data_version);
}

/** Every write to a tenant's data bumps its version, so the alert planner knows to look again. */
export async function bumpDataVersion(db: Executor, tenant: TenantId): Promise<void> {
  await db
    .updateTable('tenants')
    .set((eb) => ({ data_version: eb('data_version', '+', 1) }))
    .where('id', '=', tenant)
    .execute();
}

/** Records, for each tenant, that the planner saw it at `version` on its local day `on`: one statement per 500. */
export async function markPlanned(
  db: Executor,
  marks: readonly { tenant: TenantId; on: string; version: number; problems?: string | null }[],
): Promise<void> {
  for (let i = 0; i < marks.length; i += 500) {
    const chunk = marks.slice(i, i + 500);
    const on = sql<string>`case id ${sql.join(
      chunk.map((m) => sql`when ${m.tenant} then cast(${m.on} as text)`),
      sql` `,
    )} end`;
    const version = sql<number>`case id ${sql.join(
      chunk.map((m) => sql`when ${m.tenant} then cast(${m.version} as integer)`),
      sql` `,
    )} end`;
    const problems = sql<string | null>`case id ${sql.join(
      chunk.map((m) => sql`when ${m.tenant} then cast(${m.problems ?? null} as text)`),
      sql` `,
    )} end`;
    await db
      .updateTable('tenants')
      .set({ planned_on: on, planned_version: version, plan_problems: problems })
      .where(
        'id',
        'in',
        chunk.map((m) => m.tenant),
      )
      .execute();
  }
}

/**
 * Claims teams for this replica's sweep: of `ids`, those whose planning lease is free or lapsed,
 * leased to `owner` until `until`. On PostgreSQL the rows are locked with SKIP LOCKED, so replicas
 * claiming at once take different teams; a team leased by another replica is passed over, and
 * taken again only once its lease lapses. Returns the teams as they are now.
 */
export async function claimTenants(
  db: Executor,
  dialect: Dialect,
  claim: { owner: string; until: string; now: string; ids: readonly TenantId[] },
): Promise<Tenant[]> {
  if (claim.ids.length === 0) return [];
  const lock = dialect === 'postgres' ? sql` for update skip locked` : sql``;
  const rows = await sql<Record<string, unknown>>`
    update tenants set plan_lease_owner = ${claim.owner}, plan_lease_until = ${claim.until}
    where id in (
      select id from tenants
      where id in (${sql.join(claim.ids.map((id) => sql`${id}`))})
        and (plan_lease_until is null or plan_lease_until < ${claim.now})
      order by id${lock}
    )
    returning *`.execute(db);
  return parseRows('tenants', tenantRow, rows.rows).sort((a, b) => a.id - b.id);
}

/** Of `ids`, the teams another replica's sweep holds a live claim on at `now`. */
export async function heldElsewhere(
  db: Executor,
  owner: string,
  ids: readonly TenantId[],
  now: string,
): Promise<TenantId[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('tenants')
    .select('id')
    .where('id', 'in', [...ids])
    // (A team nobody holds has a null owner, which `!=` never matches.)
    .where('plan_lease_owner', '!=', owner)
    .where('plan_lease_until', '>=', now)
    .execute();
  return rows.map((r) => r.id as TenantId);
}

/** Gives back this replica's claims on teams (planned, or not due): another sweep may take them. */
export async function releaseTenants(db: Executor, owner: string, ids: readonly TenantId[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('tenants')
    .set({ plan_lease_owner: null, plan_lease_until: null })
    .where('id', 'in', [...ids])
    .where('plan_lease_owner', '=', owner)
    .execute();
}
