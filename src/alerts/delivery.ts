// Delivers due alerts from the outbox: lease a batch, post each through the tenant's platform —
// holding its lease for as long as a post may take (renewed just before when it would not), marking
// it sent just after — and on failure retry with exponential backoff until a limit, then mark it
// failed so `/insurance alerts status` shows it. A sweep hands over the alerts it has just stored
// already leased to itself, so they are posted without being leased again.
// Posts to one channel are paced; a channel the platform rate-limits (Retry-After) waits on its
// own while other teams' alerts go on. A channel the platform refuses for good (the bot removed from
// it, the app uninstalled) holds that team's alerts: recorded on the team, for its members to see,
// and asked again once a day rather than at every sweep. A platform that refuses the bot's own
// token holds every alert of that platform, not used up, while the other platform's go on.

import { wordsFor } from '../i18n/index.ts';
import { alertsDelivered, platformErrors } from '../metrics.ts';
import type { Reply } from '../reply.ts';
import {
  deferAlerts,
  leaseDue,
  markAttemptFailed,
  markSent,
  type OutboxAlert,
  releaseLeases,
  renewLease,
} from '../store/alerts.ts';
import type { Executor, Store } from '../store/db.ts';
import type { Platform } from '../store/schema.ts';
import {
  clearAlertProblem,
  getTenants,
  setAlertProblem,
  type Tenant,
  type TenantId,
} from '../store/tenants.ts';
import {
  CHANNEL_PACE_MS,
  ChannelUnavailableError,
  CredentialsRefusedError,
  mentionFor,
  type Notifier,
  RateLimitedError,
} from './notifier.ts';
import { decodeAlert, type StoredAlert } from './payload.ts';
import { alertReply } from './render.ts';

export interface DeliveryOptions {
  readonly store: Store;
  readonly notifier: Notifier;
  /** Identifies this process's leases. */
  readonly owner: string;
  readonly now: () => Date;
  readonly batch?: number;
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
  readonly backoff?: { readonly baseMs: number; readonly maxMs: number };
  readonly pace?: (tenant: Tenant) => number;
  /**
   * The longest one post may take, the platform client's timeouts and retries included. Before each
   * post the alert's lease is renewed to cover it, so no other sweeper can lease it meanwhile.
   */
  readonly postBudgetMs?: number;
  /** Checked between posts: when it turns true, unposted leases are released and delivery stops. */
  readonly shouldStop?: () => boolean;
  readonly log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export interface DeliveryResult {
  delivered: number;
  retried: number;
  failed: number;
  stopped: boolean;
  /** Platforms that refused the bot's credentials in this run: their alerts wait for a working token. */
  refused: Platform[];
}

/** One minute, doubling, capped at an hour: 36 attempts span more than a day of downtime. */
export const DEFAULT_BACKOFF = { baseMs: 60_000, maxMs: 3_600_000 };
export const DEFAULT_MAX_ATTEMPTS = 36;

/**
 * How long a team's alerts are held after the platform refused its alert channel for good: the
 * next post is tried a day later (or at once when a member runs /insurance alerts here). Refused
 * requests count towards Discord's ban of an address (10,000 in 10 minutes); one a team a day never
 * comes near it.
 */
export const UNAVAILABLE_HOLD_MS = 24 * 3_600_000;

/**
 * How long a platform's alerts are held after it refused the bot's token: the operator has to set a
 * new one (and restart), so asking sooner only adds refused requests.
 */
export const CREDENTIALS_HOLD_MS = 15 * 60_000;

/** Until when a team's alerts are held because its channel was refused; undefined when not held. */
export function heldUntil(tenant: Tenant, now: Date): number | undefined {
  if (!tenant.alertProblem) return undefined;
  const until = Date.parse(tenant.alertProblem.last) + UNAVAILABLE_HOLD_MS;
  return until > now.getTime() ? until : undefined;
}

const payloadOf = (alert: OutboxAlert, tenant: Tenant, known?: StoredAlert): Reply =>
  alertReply(
    known ?? decodeAlert(alert.payload, `alerts (id ${alert.id})`),
    mentionFor(tenant.platform),
    // Each alert's words are formatted once: nothing to remember.
    wordsFor(tenant.locale, { rememberMessages: false }),
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Posts to different channels run side by side; posts to one channel go one at a time, paced. Each
 * is a different team (Slack's and Discord's limits are per workspace and channel; discord.js queues
 * for its global limit itself), and their sent marks share commits: 64 at once cut the PostgreSQL
 * sweep's delivery from 13.3 s to 7.4 s against 16 (docs/benchmarks.md).
 */
const PARALLEL_CHANNELS = 64;

export interface Delivery {
  /**
   * Posts alerts this process already holds the lease of (a sweep stored them leased to itself),
   * with the alerts themselves by id: what this process just encoded needs no decoding back.
   */
  deliverLeased(alerts: readonly OutboxAlert[], planned?: ReadonlyMap<number, StoredAlert>): Promise<void>;
  /** Leases and posts whatever is due, until nothing is. */
  deliverDue(): Promise<DeliveryResult>;
  readonly result: DeliveryResult;
}

export function deliverDue(opts: DeliveryOptions): Promise<DeliveryResult> {
  return startDelivery(opts).deliverDue();
}

/** One run of delivery: its pacing, rate limits and the alerts it has handled span both entries. */
export function startDelivery(opts: DeliveryOptions): Delivery {
  const result: DeliveryResult = { delivered: 0, retried: 0, failed: 0, stopped: false, refused: [] };
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const pace = opts.pace ?? ((t: Tenant) => CHANNEL_PACE_MS[t.platform]);
  const tenants = new Map<TenantId, Tenant>();
  const lastPost = new Map<string, number>();
  const seen = new Set<number>();
  const at = () => opts.now().toISOString();
  const leaseMs = opts.leaseMs ?? 120_000;
  const postBudget = opts.postBudgetMs ?? 95_000;
  const hold = Math.max(leaseMs, postBudget);
  // Each write is one statement that commits by itself (Store.statement): one round trip on
  // PostgreSQL; on SQLite, waiting for another process's lock happens off the event loop.
  const inTx = <T>(fn: (db: Executor) => Promise<T>) => opts.store.statement(fn);
  const sent = sentMarker(opts.store, opts.owner, at);
  /** The alerts being posted by deliverLeased, as planned. */
  let planned: ReadonlyMap<number, StoredAlert> | undefined;
  /** Channels a platform asked us to leave alone (Retry-After), or refused for good, until when. */
  const limitedUntil = new Map<string, number>();
  /** Platforms that refused the bot's own credentials in this run, until when their alerts wait. */
  const refusedUntil = new Map<Platform, number>();
  /** Teams whose refused channel took a post again in this run: their problem is cleared. */
  const recovered = new Set<TenantId>();

  async function deliverOne(alert: OutboxAlert, tenant: Tenant, channel: string): Promise<void> {
    // Posting needs the lease for as long as a post can take. The lease this process took still
    // covers that when the alert's turn comes soon after; otherwise it is renewed here, one alert
    // at a time, so a long queue for one channel never outlives its lease. Lost (it ran out and
    // another sweeper leased it): that sweeper posts it.
    const now = opts.now().getTime();
    const held = alert.leaseUntil !== undefined && Date.parse(alert.leaseUntil) - now >= postBudget;
    if (!held) {
      const until = new Date(now + hold).toISOString();
      if (!(await inTx((db) => renewLease(db, alert.id, opts.owner, until)))) return;
    }
    // Handled in this run from here on (posted, failed or deferred): never leased again by this run.
    // A lost lease is not: if it runs out again unposted, this run may lease it once more.
    seen.add(alert.id);
    // Asked to stop while renewing: post nothing more (the lease is given back below).
    if (opts.shouldStop?.()) {
      result.stopped = true;
      return;
    }
    try {
      if (!tenant.alertChannel) throw new Error('alerts were turned off for this team before delivery');
      const wait = (lastPost.get(channel) ?? 0) + pace(tenant) - Date.now();
      if (wait > 0) await sleep(wait);
      await opts.notifier.post(tenant, tenant.alertChannel, payloadOf(alert, tenant, planned?.get(alert.id)));
      lastPost.set(channel, Date.now());
      // Marked sent the moment it is posted: a crash can repost at most this one alert (per channel
      // being posted to at that moment).
      if (!(await sent(alert.id)))
        opts.log?.warn({ alert: alert.key, tenant: tenant.id }, 'alert posted after its lease was lost');
      if (tenant.alertProblem && !recovered.has(tenant.id)) {
        recovered.add(tenant.id);
        await inTx((db) => clearAlertProblem(db, tenant.id));
        opts.log?.warn({ tenant: tenant.id }, 'alert channel takes posts again');
      }
      result.delivered++;
      alertsDelivered.inc({ platform: tenant.platform, result: 'sent' });
    } catch (err) {
      if (err instanceof RateLimitedError) return rateLimited(alert, tenant, channel, err);
      if (err instanceof CredentialsRefusedError) return credentialsRefused(alert, err);
      if (err instanceof ChannelUnavailableError && tenant.alertChannel)
        return channelUnavailable(alert, tenant, tenant.alertChannel, channel, err);
      const message = err instanceof Error ? err.message : String(err);
      const attempt = alert.attempts + 1;
      const final = attempt >= maxAttempts || !tenant.alertChannel;
      const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempt - 1));
      const retryAt = final ? null : new Date(opts.now().getTime() + delay).toISOString();
      await inTx((db) => markAttemptFailed(db, alert.id, opts.owner, message, retryAt));
      if (final) result.failed++;
      else result.retried++;
      alertsDelivered.inc({ platform: tenant.platform, result: final ? 'failed' : 'retry' });
      platformErrors.inc({ platform: tenant.platform, kind: isTimeout(err) ? 'timeout' : 'error' });
      opts.log?.warn(
        { alert: alert.key, tenant: tenant.id, attempt, final, error: message },
        'alert delivery failed',
      );
    }
  }

  /** This team's channel only waits: other teams go on. Not a failed attempt; tried again when allowed. */
  async function rateLimited(alert: OutboxAlert, tenant: Tenant, channel: string, err: RateLimitedError) {
    const until = opts.now().getTime() + err.retryAfterMs;
    limitedUntil.set(channel, until);
    await inTx((db) => deferAlerts(db, [alert.id], opts.owner, new Date(until).toISOString()));
    result.retried++;
    // (The platform clients count the 429 itself in platform_errors_total.)
    alertsDelivered.inc({ platform: tenant.platform, result: 'retry' });
    opts.log?.warn(
      { alert: alert.key, tenant: tenant.id, retryAfterMs: err.retryAfterMs },
      'alert delivery rate limited',
    );
  }

  /**
   * The platform refused the bot itself: no team there can be posted to until the operator sets a
   * working token. Not a failed attempt; every alert of that platform waits, this run's included.
   */
  async function credentialsRefused(alert: OutboxAlert, err: CredentialsRefusedError) {
    const until = opts.now().getTime() + CREDENTIALS_HOLD_MS;
    const first = !refusedUntil.has(err.platform);
    refusedUntil.set(err.platform, until);
    await inTx((db) => deferAlerts(db, [alert.id], opts.owner, new Date(until).toISOString()));
    result.retried++;
    alertsDelivered.inc({ platform: err.platform, result: 'held' });
    platformErrors.inc({ platform: err.platform, kind: 'credentials_refused' });
    if (!first) return;
    result.refused.push(err.platform);
    opts.log?.error(
      { platform: err.platform, error: err.detail, retryAfterMs: CREDENTIALS_HOLD_MS },
      'the platform refuses the bot’s token: its alerts are held until a working token is set',
    );
  }

  /**
   * The platform refused the channel for a reason only the team can fix: not a failed attempt (the
   * alert is not used up), but the team's alerts wait — the rest of this run's queue and every run's
   * until a day has passed or a member chooses a channel — and the team is told (alerts status, check).
   */
  async function channelUnavailable(
    alert: OutboxAlert,
    tenant: Tenant,
    alertChannel: string,
    channel: string,
    err: ChannelUnavailableError,
  ) {
    const now = opts.now();
    const until = now.getTime() + UNAVAILABLE_HOLD_MS;
    limitedUntil.set(channel, until);
    // Recorded before the alert is deferred: should the process die between the two, the alert's
    // lease runs out and the next run holds it as the team's record says — never an alert held
    // without the team being told why.
    await inTx((db) =>
      setAlertProblem(db, tenant.id, { channel: alertChannel, reason: err.reason, at: now.toISOString() }),
    );
    await inTx((db) => deferAlerts(db, [alert.id], opts.owner, new Date(until).toISOString()));
    result.retried++;
    alertsDelivered.inc({ platform: tenant.platform, result: 'held' });
    platformErrors.inc({ platform: tenant.platform, kind: 'channel_unavailable' });
    opts.log?.warn(
      { alert: alert.key, tenant: tenant.id, reason: err.reason, error: err.detail },
      'alert channel refused: the team’s alerts are held',
    );
  }

  /** Posts leased alerts, by channel: channels side by side, each channel's queue in order. */
  async function post(leased: readonly OutboxAlert[]): Promise<void> {
    // The batch's teams in one query, not one per team.
    const missing = [...new Set(leased.map((a) => a.tenantId))].filter((id) => !tenants.has(id));
    for (const t of await getTenants(opts.store.db, missing)) tenants.set(t.id, t);
    const byChannel = new Map<string, { alert: OutboxAlert; tenant: Tenant }[]>();
    for (const alert of leased) {
      const tenant = tenants.get(alert.tenantId)!;
      const key = `${tenant.platform}:${tenant.externalId}:${tenant.alertChannel}`;
      const queue = byChannel.get(key);
      if (queue) queue.push({ alert, tenant });
      else byChannel.set(key, [{ alert, tenant }]);
    }
    const queues = [...byChannel.entries()];
    const worker = async () => {
      for (let next = queues.shift(); next; next = queues.shift()) {
        const [channel, queue] = next;
        for (let i = 0; i < queue.length; i++) {
          if (opts.shouldStop?.()) {
            result.stopped = true;
            return;
          }
          const limited =
            limitedUntil.get(channel) ??
            refusedUntil.get(queue[i]!.tenant.platform) ??
            heldUntil(queue[i]!.tenant, opts.now());
          if (limited !== undefined) {
            // The platform asked us to wait, or refused the channel: the rest of its queue waits too.
            const rest = queue.slice(i).map((q) => q.alert.id);
            for (const id of rest) seen.add(id);
            await inTx((db) => deferAlerts(db, rest, opts.owner, new Date(limited).toISOString()));
            result.retried += rest.length;
            break;
          }
          await deliverOne(queue[i]!.alert, queue[i]!.tenant, channel);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_CHANNELS, queues.length) }, worker));
    if (result.stopped)
      // Unposted leases go back at once, so the next sweep (here or on another replica) delivers them.
      await inTx((db) => releaseLeases(db, opts.owner));
  }

  return {
    result,
    async deliverLeased(alerts, known) {
      if (result.stopped || alerts.length === 0) return;
      planned = known;
      try {
        await post(alerts);
      } finally {
        planned = undefined;
      }
    },
    async deliverDue() {
      while (!result.stopped) {
        const now = opts.now();
        const leased = (
          await leaseDue(opts.store, {
            now: now.toISOString(),
            owner: opts.owner,
            leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
            limit: opts.batch ?? 200,
            ...(opts.notifier.platforms ? { platforms: opts.notifier.platforms } : {}),
          })
        ).filter((a) => !seen.has(a.id));
        if (leased.length === 0) break;
        await post(leased);
      }
      return result;
    },
  };
}

/**
 * Marks alerts sent as they are posted, with group commit: a mark asked for while another is being
 * written goes into the next statement, with every other mark that arrived meanwhile. No post waits
 * for another post: each alert is marked right after its own, so a crash can repost no more alerts
 * than one statement per post would — but parallel channels share one commit instead of one each.
 * Each write waits for the end of the event loop's turn: the channels whose marks were just
 * written post their next alerts in that turn, and would otherwise be split into a statement of
 * one mark and one of all the rest (half of a sweep's statements held a single mark).
 */
function sentMarker(store: Store, owner: string, at: () => string): (id: number) => Promise<boolean> {
  let waiting: { id: number; done: (marked: boolean) => void; fail: (err: unknown) => void }[] = [];
  let writing = false;
  const endOfTurn = () => new Promise((r) => setImmediate(r));
  async function write() {
    for (await endOfTurn(); waiting.length; await endOfTurn()) {
      const batch = waiting;
      waiting = [];
      try {
        const ids = batch.map((w) => w.id);
        const marked = new Set(await store.statement((db) => markSent(db, ids, owner, at())));
        for (const w of batch) w.done(marked.has(w.id));
      } catch (err) {
        for (const w of batch) w.fail(err);
      }
    }
    writing = false;
  }
  return (id) =>
    new Promise<boolean>((done, fail) => {
      waiting.push({ id, done, fail });
      if (!writing) {
        writing = true;
        void write();
      }
    });
}

/** A platform call that ran out of time (the clients' own timeouts), as opposed to a refusal. */
function isTimeout(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown; message?: unknown };
  return (
    e?.name === 'AbortError' ||
    e?.name === 'TimeoutError' ||
    e?.code === 'ETIMEDOUT' ||
    /timed? ?out|timeout/i.test(String(e?.message ?? ''))
  );
}
