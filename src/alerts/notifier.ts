// Where alerts go: each platform posts a Reply to a channel of a tenant. The router picks the
// tenant's platform; a platform not configured in this process is a delivery failure (retried).
import type { Reply } from '../reply.ts';
import type { Platform } from '../store/schema.ts';
import type { AlertProblem, Tenant } from '../store/tenants.ts';

export type { AlertProblem };

/**
 * A platform answered "too many requests" for this team's channel: try again after `retryAfterMs`.
 * Posters throw it instead of waiting inside the call, so a lease never has to outlast a
 * Retry-After, and one team's limit never delays another team's alerts.
 */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterMs: number) {
    super(`rate limited; retry after ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

/**
 * The platform refuses the bot's posts in this channel for a reason only the team can fix (the bot
 * was removed from it, lost its permission, the channel is gone, the app was uninstalled). Asking
 * again will not help, and Discord bans an address that makes too many refused requests: delivery
 * holds the team's alerts and tells the team (delivery.ts) instead of retrying.
 */
export class ChannelUnavailableError extends Error {
  override name = 'ChannelUnavailableError';
  constructor(
    readonly reason: AlertProblem,
    /** What the platform said, for the logs. */
    readonly detail: string,
  ) {
    super(`the platform refuses posts in this channel (${reason}): ${detail}`);
  }
}

/**
 * The platform refuses coverwatch's own credentials (its bot token was revoked, reset or mistyped):
 * no team's alert can go out there until the operator sets a working token. Delivery holds every
 * alert of that platform without using them up, and asks again only after CREDENTIALS_HOLD_MS:
 * retrying each alert would burn its attempts, and Discord bans an address that keeps making
 * refused requests. The other platform's alerts go on.
 */
export class CredentialsRefusedError extends Error {
  override name = 'CredentialsRefusedError';
  constructor(
    readonly platform: Platform,
    /** What the platform (or its client) said, for the logs. */
    readonly detail: string,
  ) {
    super(`${platform} refuses the bot's credentials: ${detail}`);
  }
}

export interface Notifier {
  post(tenant: Tenant, channel: string, reply: Reply): Promise<void>;
  /** The platforms it can post to; delivery leases only their alerts (undefined: all). */
  readonly platforms?: readonly Platform[];
}

export function routeByPlatform(posters: Partial<Record<Platform, Notifier>>): Notifier {
  return {
    // A replica without a platform's credentials leaves that platform's alerts to one that has them.
    platforms: Object.keys(posters) as Platform[],
    async post(tenant, channel, reply) {
      const poster = posters[tenant.platform];
      if (!poster) throw new Error(`the ${tenant.platform} adapter is not configured in this process`);
      await poster.post(tenant, channel, reply);
    },
  };
}

/** How each platform mentions a member in an alert. */
export function mentionFor(platform: Platform): (userId: string) => string {
  return platform === 'shell' ? (id) => `@${id}` : (id) => `<@${id}>`;
}

/** Minimum time between two posts to one channel: Slack allows about one message a second per channel. */
export const CHANNEL_PACE_MS: Record<Platform, number> = { slack: 1100, discord: 1000, shell: 0 };
