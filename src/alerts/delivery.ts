// Delivers due alerts from the outbox: lease a batch, post each through the tenant's platform,
// mark it sent; on failure retry with exponential backoff until a limit, then mark it failed so
// `/insurance alerts status` shows it. Posts to one channel are paced. (The Slack and Discord
// clients wait out a platform's Retry-After within their own retries.)

import { wordsFor } from '../i18n/index.ts';
import { alertsDelivered, platformErrors } from '../metrics.ts';
import type { Reply } from '../reply.ts';
import { leaseDue, markAttemptFailed, markSent, type OutboxAlert, releaseLeases } from '../store/alerts.ts';
import type { Store } from '../store/db.ts';
import { getTenants, type Tenant, type TenantId } from '../store/tenants.ts';
import { CHANNEL_PACE_MS, mentionFor, type Notifier } from './notifier.ts';
import { decodeAlert } from './payload.ts';
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
  /** Checked between posts: when it turns true, unposted leases are released and delivery stops. */
  readonly shouldStop?: () => boolean;
  readonly log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export interface DeliveryResult {
  delivered: number;
  retried: number;
  failed: number;
  stopped: boolean;
}

/** One minute, doubling, capped at an hour: 36 attempts span more than a day of downtime. */
export const DEFAULT_BACKOFF = { baseMs: 60_000, maxMs: 3_600_000 };
export const DEFAULT_MAX_ATTEMPTS = 36;

const payloadOf = (alert: OutboxAlert, tenant: Tenant): Reply =>
  alertReply(
    decodeAlert(alert.payload, `alerts (id ${alert.id})`),
    mentionFor(tenant.platform),
    wordsFor(tenant.locale),
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Posts to different channels run side by side; posts to one channel go one at a time, paced. */
const PARALLEL_CHANNELS = 16;

export async function deliverDue(opts: DeliveryOptions): Promise<DeliveryResult> {
  const result: DeliveryResult = { delivered: 0, retried: 0, failed: 0, stopped: false };
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const pace = opts.pace ?? ((t: Tenant) => CHANNEL_PACE_MS[t.platform]);
  const tenants = new Map<TenantId, Tenant>();
  const lastPost = new Map<string, number>();
  const seen = new Set<number>();
  const at = () => opts.now().toISOString();
  // Posted alerts are marked sent once per batch, in one statement. A crash before that mark means
  // the lease expires and the alert is posted again: delivery is at least once, never silently lost.
  let sent: number[] = [];
  const flush = async () => {
    if (sent.length) await markSent(opts.store.db, sent, opts.owner, at());
    sent = [];
  };

  async function deliverOne(alert: OutboxAlert, tenant: Tenant): Promise<void> {
    try {
      if (!tenant.alertChannel) throw new Error('alerts were turned off for this team before delivery');
      const channel = `${tenant.platform}:${tenant.externalId}:${tenant.alertChannel}`;
      const wait = (lastPost.get(channel) ?? 0) + pace(tenant) - Date.now();
      if (wait > 0) await sleep(wait);
      await opts.notifier.post(tenant, tenant.alertChannel, payloadOf(alert, tenant));
      lastPost.set(channel, Date.now());
      sent.push(alert.id);
      result.delivered++;
      alertsDelivered.inc({ platform: tenant.platform, result: 'sent' });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const attempt = alert.attempts + 1;
      const final = attempt >= maxAttempts || !tenant.alertChannel;
      const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempt - 1));
      await markAttemptFailed(
        opts.store.db,
        alert.id,
        opts.owner,
        message,
        final ? null : new Date(opts.now().getTime() + delay).toISOString(),
      );
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

  for (;;) {
    const now = opts.now();
    const leased = (
      await leaseDue(opts.store, {
        now: now.toISOString(),
        owner: opts.owner,
        leaseUntil: new Date(now.getTime() + (opts.leaseMs ?? 120_000)).toISOString(),
        limit: opts.batch ?? 200,
        ...(opts.notifier.platforms ? { platforms: opts.notifier.platforms } : {}),
      })
    ).filter((a) => !seen.has(a.id));
    if (leased.length === 0) return result;
    // The batch's teams in one query, not one per team.
    const missing = [...new Set(leased.map((a) => a.tenantId))].filter((id) => !tenants.has(id));
    for (const t of await getTenants(opts.store.db, missing)) tenants.set(t.id, t);
    const byChannel = new Map<string, { alert: OutboxAlert; tenant: Tenant }[]>();
    for (const alert of leased) {
      seen.add(alert.id);
      const tenant = tenants.get(alert.tenantId)!;
      const key = `${tenant.id}:${tenant.alertChannel}`;
      const queue = byChannel.get(key);
      if (queue) queue.push({ alert, tenant });
      else byChannel.set(key, [{ alert, tenant }]);
    }
    const queues = [...byChannel.values()];
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift())
        for (const { alert, tenant } of queue) {
          if (opts.shouldStop?.()) {
            result.stopped = true;
            return;
          }
          await deliverOne(alert, tenant);
        }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_CHANNELS, queues.length) }, worker));
    await flush();
    if (result.stopped) {
      // Unposted leases go back at once, so the next sweep (here or on another replica) delivers them.
      await releaseLeases(opts.store.db, opts.owner);
      return result;
    }
  }
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
