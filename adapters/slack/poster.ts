// Posts alerts to Slack with the Web API alone (no receiver), so a sweep can run in any process:
// the workspace's bot token (one workspace) or its OAuth installation (many).
import { type Installation, webApi } from '@slack/bolt';
import {
  type AlertProblem,
  ChannelUnavailableError,
  CredentialsRefusedError,
  type Notifier,
  RateLimitedError,
} from '../../src/alerts/notifier.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { fetchInstallation, installKey } from '../../src/app/installations.ts';
import type { Config } from '../../src/config.ts';
import { wordsFor } from '../../src/i18n/index.ts';
import { platformErrors } from '../../src/metrics.ts';
import { toMessage } from './blocks.ts';

export function slackClientOptions(
  config: NonNullable<Config['slack']>,
  retries?: { retries: number; minTimeout: number; maxTimeout: number; timeoutMs?: number },
) {
  return {
    ...(config.apiUrl
      ? { slackApiUrl: config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/` }
      : {}),
    retryConfig: retries
      ? { retries: retries.retries, minTimeout: retries.minTimeout, maxTimeout: retries.maxTimeout }
      : { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 10_000 },
    // The Web API client waits forever by default; a request that never answers must not.
    timeout: retries?.timeoutMs ?? 10_000,
  };
}

/** Slack's errors that only the workspace's members can change, as the team is told of them. */
const UNAVAILABLE: Readonly<Record<string, AlertProblem>> = {
  not_in_channel: 'not-in-channel',
  channel_not_found: 'no-channel',
  is_archived: 'archived',
  restricted_action: 'no-permission',
};
/**
 * With OAuth installs, a workspace that uninstalled the app (or whose token was revoked) answers
 * these for its own token alone. With one configured token they mean the operator's token is
 * wrong: every team's alerts wait for a working one (CredentialsRefusedError).
 */
const REMOVED = new Set(['account_inactive', 'token_revoked', 'invalid_auth', 'not_authed']);

/**
 * A Web API error as a refusal only the workspace can fix (ChannelUnavailableError), the
 * operator's token refused (CredentialsRefusedError), else itself.
 */
export function refusalOf(err: unknown, opts: { oauth: boolean }): unknown {
  const error = (err as { data?: { error?: unknown } }).data?.error;
  if (typeof error !== 'string') return err;
  if (!opts.oauth && REMOVED.has(error)) return new CredentialsRefusedError('slack', error);
  const reason = Object.hasOwn(UNAVAILABLE, error)
    ? UNAVAILABLE[error]
    : opts.oauth && REMOVED.has(error)
      ? 'removed'
      : undefined;
  return reason ? new ChannelUnavailableError(reason, error) : err;
}

export function slackPoster(
  config: NonNullable<Config['slack']>,
  deps: AppDeps,
  retries?: Parameters<typeof slackClientOptions>[1],
): Notifier {
  // A 429 is thrown, not waited out inside the call (and the client's queue is never paused for
  // everybody): delivery defers that team's channel alone until Retry-After.
  const client = new webApi.WebClient(undefined, {
    ...slackClientOptions(config, retries),
    rejectRateLimitedCalls: true,
  });
  client.on(webApi.WebClientEvent.RATE_LIMITED, () =>
    platformErrors.inc({ platform: 'slack', kind: 'rate_limited' }),
  );
  return {
    async post(tenant, channel, reply) {
      let token = config.botToken;
      if (config.oauth) {
        // The workspace's own installation, else its org's org-wide one (Enterprise Grid).
        const installation = ((await fetchInstallation(deps, installKey({ teamId: tenant.externalId }))) ??
          (tenant.orgId
            ? await fetchInstallation(
                deps,
                installKey({ enterpriseId: tenant.orgId, isEnterpriseInstall: true }),
              )
            : undefined)) as Installation | undefined;
        token = installation?.bot?.token;
        if (!token)
          throw new ChannelUnavailableError(
            'removed',
            `no Slack installation for team ${tenant.externalId}${tenant.orgId ? ` or its org ${tenant.orgId}` : ''}`,
          );
      }
      try {
        await client.chat.postMessage({ token, channel, ...toMessage(reply, wordsFor(tenant.locale)) });
      } catch (err) {
        const limited = err as { code?: string; retryAfter?: number };
        if (limited.code === 'slack_webapi_rate_limited_error' && typeof limited.retryAfter === 'number')
          throw new RateLimitedError(limited.retryAfter * 1000);
        throw refusalOf(err, { oauth: Boolean(config.oauth) });
      }
    },
  };
}
