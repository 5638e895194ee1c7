// Amazon connections: connect a seller account with its Login-with-Amazon refresh token (checked
// with Amazon first, stored sealed), disconnect, and sync its daily sales — a backfill of the last
// two years (Amazon's limit) on the first sync, then from two days before the last synced day
// (late orders change recent days), month by month within the seller's usage plan. One account's
// failure is its own: the others go on. A revoked token is recorded and reported once, not retried.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { encodeAlert } from '../alerts/payload.ts';
import {
  AmazonUnavailableError,
  accessToken,
  exchangeCode,
  forgetAccessToken,
  type LwaConfig,
  RevokedTokenError,
} from '../amazon/lwa.ts';
import { MARKETPLACE_ID } from '../amazon/marketplaces.ts';
import { AccessDeniedError, orderMetricsByDay } from '../amazon/sales-api.ts';
import {
  type Clock,
  ORDER_METRICS_PLAN,
  type Plan,
  REAL_CLOCK,
  refilled,
  UsagePlan,
} from '../amazon/usage-plan.ts';
import { addDays, addMonthsTo, lastDayOf, monthOf } from '../rules/calendar.ts';
import { accountTimeZone, MARKETPLACE_CURRENCY } from '../rules/table.ts';
import { type Account, accountsById, listAccounts } from '../store/accounts.ts';
import { enqueueAlerts } from '../store/alerts.ts';
import {
  type Connection,
  claimSync,
  listConnections,
  recordSync,
  releaseSync,
  removeConnection,
  resealToken,
  saveConnection,
  sealedTokens,
} from '../store/connections.ts';
import { type DayFigure, recordDays } from '../store/sales-days.ts';
import { getTenants, type TenantId } from '../store/tenants.ts';
import { resolveAccount } from './accounts.ts';
import { type AppDeps, nowIso, read, type Scope, today, write } from './context.ts';
import { UserError } from './errors.ts';

export interface AmazonDeps extends LwaConfig {
  readonly apiUrl: string;
  /** Tests move time; production waits for real. */
  readonly clock?: Clock;
  /** getOrderMetrics' usage plan per seller (Amazon's default: 0.5 a second, burst 15). */
  readonly plan?: Plan;
  /** The website authorization workflow, for a public app. */
  readonly website?: {
    readonly appId: string;
    readonly consentUrl: string;
    readonly redirectUri: string;
    readonly draft: boolean;
  };
}

/** How long a consent link stays good: the seller signs in to Seller Central and clicks Confirm. */
const CONSENT_MINUTES = 15;

/**
 * True when this coverwatch connects accounts by self-authorization only (no website workflow):
 * `account connect <account>` then asks for the refresh token in a private form (a Slack or
 * Discord modal) instead of answering with a link.
 */
export function connectsByForm(deps: AppDeps): boolean {
  return deps.amazon !== undefined && !deps.amazon.website;
}

/**
 * The link that starts the website authorization workflow for one account: Seller Central's consent
 * page, with a state that says (sealed: nobody can read or forge it) which team, account and member
 * it is for, and until when.
 */
export async function authorizationLink(
  deps: AppDeps,
  scope: Scope,
  name: string,
): Promise<{ account: Account; url: string } | undefined> {
  const amazon = amazonOf(deps);
  if (!amazon.website) return undefined;
  const account = await read(deps, (db) => resolveAccount(db, scope, name));
  const state = deps.sealer!.seal(
    JSON.stringify({
      t: scope.tenant.id,
      a: account.id,
      by: scope.actor,
      exp: deps.now().getTime() + CONSENT_MINUTES * 60_000,
    }),
  );
  const url = new URL(amazon.website.consentUrl);
  url.searchParams.set('application_id', amazon.website.appId);
  url.searchParams.set('state', state);
  url.searchParams.set('redirect_uri', amazon.website.redirectUri);
  if (amazon.website.draft) url.searchParams.set('version', 'beta');
  return { account, url: url.toString() };
}

export class AuthorizationError extends Error {
  override name = 'AuthorizationError';
  constructor(readonly problem: 'state' | 'expired' | 'account' | 'refused' | 'unavailable') {
    super(problem);
  }
}

/**
 * Seller Central sent the seller back with a code: check the state, exchange the code for the
 * refresh token, store it sealed. The backfill is the caller's to start (it takes a while).
 */
export async function completeAuthorization(
  deps: AppDeps,
  input: { state: string; code: string },
): Promise<{ account: Account; connection: Connection }> {
  const amazon = amazonOf(deps);
  if (!amazon.website) throw new AuthorizationError('state');
  let claim: { t: number; a: number; by: string; exp: number };
  try {
    claim = JSON.parse(deps.sealer!.open(input.state));
  } catch {
    throw new AuthorizationError('state');
  }
  if (typeof claim.exp !== 'number' || claim.exp < deps.now().getTime())
    throw new AuthorizationError('expired');
  const [tenant] = await read(deps, (db) => getTenants(db, [claim.t as TenantId]));
  // The account must still be the team's own (and not removed since the link was made).
  const account = tenant
    ? (await read(deps, (db) => listAccounts(db, tenant.id))).find((a) => a.id === claim.a)
    : undefined;
  if (!tenant || !account) throw new AuthorizationError('account');
  let refresh: string;
  try {
    refresh = await exchangeCode(amazon, input.code, amazon.website.redirectUri);
  } catch (err) {
    if (err instanceof RevokedTokenError) throw new AuthorizationError('refused');
    if (err instanceof AmazonUnavailableError) throw new AuthorizationError('unavailable');
    throw err;
  }
  const scope: Scope = { tenant, actor: claim.by };
  const connection = await write(deps, scope, 'amazon.connect', account.name, (trx) =>
    saveConnection(trx, tenant.id, account.id, {
      marketplaceId: MARKETPLACE_ID[account.marketplace],
      sealedToken: deps.sealer!.seal(refresh),
      at: nowIso(deps),
      by: claim.by,
    }),
  );
  return { account, connection };
}

/** Amazon keeps two years of order metrics: the backfill starts with the month 23 months back. */
const BACKFILL_MONTHS = 24;
/** Days before the last synced one fetched again: orders placed late or cancelled change them. */
const OVERLAP_DAYS = 2;
/**
 * Accounts synced side by side. Each waits on its own seller's usage plan (two seconds a request
 * after the burst), so a sync is mostly waiting: hundreds at once cost little.
 */
const PARALLEL_ACCOUNTS = 1000;

/** This process among the replicas: the owner of its claims on connections. */
const REPLICA = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
/** How long a claim on a connection holds: a two-year backfill takes under a minute per seller. */
const SYNC_LEASE_MS = 10 * 60_000;
/** A scheduled sync skips connections another replica synced this recently (the same cycle). */
const CYCLE_MS = 10 * 60_000;

function amazonOf(deps: AppDeps): AmazonDeps {
  if (!deps.amazon || !deps.sealer) throw new UserError('error.amazon.not-configured');
  return deps.amazon;
}

export interface SyncResult {
  readonly account: string;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly days: number;
  readonly added: number;
  readonly changed: number;
  /** Why it stopped, if it did: the token was refused, or Amazon did not answer. */
  readonly problem?: 'revoked' | 'unavailable' | undefined;
  readonly detail?: string | undefined;
}

/** Connects an account: the token must work before it is stored (sealed); then its first sync. */
export async function connectAccount(
  deps: AppDeps,
  scope: Scope,
  input: { account: string; refreshToken: string },
  opts: { background?: boolean } = {},
): Promise<{ account: Account; sync: SyncResult | undefined }> {
  const amazon = amazonOf(deps);
  const account = await read(deps, (db) => resolveAccount(db, scope, input.account));
  try {
    await accessToken(amazon, input.refreshToken);
  } catch (err) {
    if (err instanceof RevokedTokenError)
      throw new UserError('error.amazon.token-refused', {}, { field: 'refresh' });
    if (err instanceof AmazonUnavailableError)
      throw new UserError('error.amazon.unavailable', { detail: err.message }, { field: 'refresh' });
    throw err;
  }
  const sealed = deps.sealer!.seal(input.refreshToken);
  const conn = await write(deps, scope, 'amazon.connect', account.name, (trx) =>
    saveConnection(trx, scope.tenant.id, account.id, {
      marketplaceId: MARKETPLACE_ID[account.marketplace],
      sealedToken: sealed,
      at: nowIso(deps),
      by: scope.actor,
    }),
  );
  if (opts.background) {
    // The backfill takes a while (Amazon's usage plan): it goes on after the answer, and a
    // shutdown waits for it. Amazon's refusals are recorded on the connection by the sync itself;
    // anything else (a database fault) leaves it unsynced, and the scheduled sync starts it again.
    const backfill = syncConnection(deps, conn, account).catch(() => undefined);
    void (deps.inflight ? deps.inflight.track(backfill) : backfill);
    return { account, sync: undefined };
  }
  return { account, sync: await syncConnection(deps, conn, account) };
}

export async function disconnectAccount(deps: AppDeps, scope: Scope, name: string): Promise<Account> {
  const account = await read(deps, (db) => resolveAccount(db, scope, name));
  const removed = await write(deps, scope, 'amazon.disconnect', account.name, (trx) =>
    removeConnection(trx, scope.tenant.id, account.id),
  );
  if (!removed)
    throw new UserError('error.amazon.not-connected', { account: account.name }, { field: 'account' });
  return account;
}

/** The days to fetch: the backfill's first month, or a little before the last synced day; to today. */
export function syncRange(
  conn: Pick<Connection, 'syncedThrough'>,
  day: string,
): { from: string; to: string } {
  const from = conn.syncedThrough
    ? addDays(conn.syncedThrough, -OVERLAP_DAYS)
    : `${addMonthsTo(monthOf(day), -(BACKFILL_MONTHS - 1))}-01`;
  return { from: from > day ? day : from, to: day };
}

/**
 * Syncs one connection now, if no other replica is syncing it (then: undefined). Never throws for
 * Amazon's answers: the result says what happened. The seller's usage plan starts from the budget
 * the last sync left in the database, whichever replica ran it, and the budget is left there again.
 */
export async function syncConnection(
  deps: AppDeps,
  conn: Connection,
  account: Account,
  opts: { notSyncedSince?: string | undefined } = {},
): Promise<SyncResult | undefined> {
  const amazon = amazonOf(deps);
  const clock = amazon.clock ?? REAL_CLOCK;
  const wall = Date.now();
  const claimed = await deps.store.transaction((db) =>
    claimSync(db, conn.id, {
      owner: REPLICA,
      until: new Date(wall + SYNC_LEASE_MS).toISOString(),
      now: new Date(wall).toISOString(),
      notSyncedSince: opts.notSyncedSince,
    }),
  );
  if (!claimed) return undefined;
  const rate = amazon.plan ?? ORDER_METRICS_PLAN;
  const left = claimed.budget;
  const plan = new UsagePlan(
    rate,
    clock,
    left ? refilled(rate, left.tokens, wall - Date.parse(left.at)) : rate.burst,
  );
  try {
    return await syncClaimed(deps, conn, account, plan, clock);
  } finally {
    await deps.store.transaction((db) =>
      releaseSync(db, conn.id, REPLICA, { tokens: plan.remaining(), at: new Date().toISOString() }),
    );
  }
}

async function syncClaimed(
  deps: AppDeps,
  conn: Connection,
  account: Account,
  plan: UsagePlan,
  clock: Clock,
): Promise<SyncResult> {
  const amazon = amazonOf(deps);
  const [tenant] = await read(deps, (db) => getTenants(db, [conn.tenantId]));
  const scope: Scope = { tenant: tenant!, actor: 'amazon-sync' };
  const timeZone = accountTimeZone(account);
  const day = today(deps, scope, timeZone);
  const { from, to } = syncRange(conn, day);
  const currency = MARKETPLACE_CURRENCY[account.marketplace];
  const refresh = deps.sealer!.open(conn.sealedToken);
  const base = { account: account.name, from, to };
  let added = 0;
  let changed = 0;
  let days = 0;
  try {
    // Month by month: small answers, and what has arrived is kept if a later month fails.
    for (let month = monthOf(from); month <= monthOf(to); month = addMonthsTo(month, 1)) {
      const first = month === monthOf(from) ? from : `${month}-01`;
      const last = month === monthOf(to) ? to : lastDayOf(month);
      const fetch = async () =>
        orderMetricsByDay({
          apiUrl: amazon.apiUrl,
          accessToken: await accessToken(amazon, refresh),
          marketplaceId: conn.marketplaceId,
          from: first,
          to: last,
          timeZone,
          currency,
          plan,
          clock,
        });
      let figures: DayFigure[];
      try {
        figures = await fetch();
      } catch (err) {
        if (!(err instanceof AccessDeniedError)) throw err;
        forgetAccessToken(refresh);
        figures = await fetch();
      }
      const r = await write(deps, scope, 'sales.sync', `${account.name} ${month}`, (trx) =>
        recordDays(trx, conn.tenantId, conn.accountId, figures, {
          source: 'sp-api:getOrderMetrics',
          at: nowIso(deps),
          by: 'amazon-sync',
        }),
      );
      added += r.added;
      changed += r.changed;
      days += figures.length;
    }
    // Today is not over: the next sync fetches it again (and the overlap before it).
    await write(deps, scope, 'sales.synced', account.name, (trx) =>
      recordSync(trx, conn.id, { at: nowIso(deps), syncedThrough: addDays(to, -1) }),
    );
    return { ...base, days, added, changed };
  } catch (err) {
    const revoked = err instanceof RevokedTokenError || err instanceof AccessDeniedError;
    if (!revoked && !(err instanceof AmazonUnavailableError)) throw err;
    await write(deps, scope, revoked ? 'amazon.revoked' : 'sales.sync-failed', account.name, async (trx) => {
      await recordSync(trx, conn.id, { at: nowIso(deps), error: (err as Error).message, revoked });
      // Told to the team's alert channel once per connection: the key is the connection's.
      if (revoked)
        await enqueueAlerts(
          trx,
          conn.tenantId,
          [
            {
              key: `amazon-disconnected/${conn.accountId}/${conn.connectedAt}`,
              kind: 'amazon-disconnected',
              payload: encodeAlert({
                key: '',
                kind: 'amazon-disconnected',
                tone: 'warn',
                values: { account: account.name },
                findings: [],
                rules: [],
              }),
            },
          ],
          nowIso(deps),
        );
    });
    return {
      ...base,
      days,
      added,
      changed,
      problem: revoked ? 'revoked' : 'unavailable',
      detail: (err as Error).message,
    };
  }
}

/**
 * Syncs the active connections of one team (and account), or of every team (the schedule): side
 * by side, each within its seller's usage plan; one failing account never stops the others.
 */
export async function syncAll(
  deps: AppDeps,
  filter: { scope?: Scope; account?: string } = {},
): Promise<SyncResult[]> {
  amazonOf(deps);
  const only =
    filter.account && filter.scope
      ? await read(deps, (db) => resolveAccount(db, filter.scope!, filter.account!))
      : undefined;
  const conns = await read(deps, (db) =>
    listConnections(db, {
      status: 'active',
      ...(filter.scope ? { tenant: filter.scope.tenant.id } : {}),
      ...(only ? { accountId: only.id } : {}),
    }),
  );
  if (only && conns.length === 0)
    throw new UserError('error.amazon.not-connected', { account: only.name }, { field: 'account' });
  const accounts = new Map(
    (
      await read(deps, (db) =>
        accountsById(
          db,
          conns.map((c) => c.accountId),
        ),
      )
    ).map((a) => [a.id, a]),
  );
  const results: SyncResult[] = [];
  const queue = [...conns];
  // The scheduled sync (every team) leaves alone what another replica synced this cycle; a sync
  // someone asked for runs whatever the cycle, unless another replica is syncing it right now.
  const notSyncedSince = filter.scope ? undefined : new Date(Date.now() - CYCLE_MS).toISOString();
  const worker = async () => {
    for (let conn = queue.shift(); conn; conn = queue.shift()) {
      const account = accounts.get(conn.accountId);
      // A removed account's connection stays until the account is gone for good: not synced.
      if (!account) continue;
      const r = await syncConnection(deps, conn, account, { notSyncedSince });
      if (r) results.push(r);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_ACCOUNTS, queue.length) }, worker));
  return results.sort((a, b) => a.account.localeCompare(b.account));
}

/** `coverwatch secrets rotate`: every refresh token sealed with the current key. */
export async function resealAmazonTokens(deps: AppDeps): Promise<{ resealed: number; total: number }> {
  const sealer = deps.sealer;
  if (!sealer) throw new Error('COVERWATCH_SECRET_KEY is not set: there is no key to seal with');
  const tokens = await read(deps, (db) => sealedTokens(db));
  let resealed = 0;
  for (const t of tokens) {
    if (!sealer.stale(t.sealed)) continue;
    const sealed = sealer.seal(sealer.open(t.sealed));
    await read(deps, (db) => resealToken(db, t.id, sealed));
    resealed++;
  }
  return { resealed, total: tokens.length };
}
