// Posts alerts (and any reply) to a Discord channel through REST alone: no gateway needed, so a
// sweep can run in any process. Long replies become several messages within Discord's limits.
import { type REST, Routes } from 'discord.js';
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import {
  type AlertProblem,
  ChannelUnavailableError,
  CredentialsRefusedError,
  type Notifier,
  RateLimitedError,
} from '../../src/alerts/notifier.ts';
import type { ChannelAccess } from '../../src/app/session.ts';
import { type Words, wordsFor } from '../../src/i18n/index.ts';
import type { Reply } from '../../src/reply.ts';
import { toDiscordMessages } from './embeds.ts';

/**
 * Posts a reply. The members it notifies (an alert's owner) are mentioned in the first message's
 * content — Discord never notifies from an embed — and `allowed_mentions` names exactly them, so no
 * text in the reply can ping anyone else (@everyone, roles, other members).
 */
export async function postToChannel(rest: REST, channelId: string, reply: Reply, w: Words): Promise<void> {
  const users = [...new Set(reply.notify ?? [])];
  let first = true;
  for (const message of toDiscordMessages(reply, w)) {
    const content = first && users.length ? users.map((id) => `<@${id}>`).join(' ') : undefined;
    await rest.post(Routes.channelMessages(channelId), {
      body: {
        ...(content ? { content } : {}),
        embeds: message.embeds,
        allowed_mentions: { parse: [], users: first ? users : [] },
      },
    });
    first = false;
  }
}

/** Discord's answers that only the server's members can change, as the team is told of them. */
const UNAVAILABLE: ReadonlyMap<number, AlertProblem> = new Map([
  [RESTJSONErrorCodes.MissingAccess, 'not-in-channel'],
  [RESTJSONErrorCodes.MissingPermissions, 'no-permission'],
  [RESTJSONErrorCodes.UnknownChannel, 'no-channel'],
  [RESTJSONErrorCodes.InvalidActionOnArchivedThread, 'archived'],
  [RESTJSONErrorCodes.UnknownGuild, 'removed'],
]);

/**
 * discord.js forgets the token at the first 401, so that it makes no more refused requests; every
 * later call fails at once with this message, without reaching Discord.
 */
const TOKEN_FORGOTTEN = /^Expected token to be set for this request/;

/**
 * A REST error as a refusal only the server's members can fix (ChannelUnavailableError), a token
 * Discord no longer accepts, for every server (CredentialsRefusedError), else itself.
 */
export function refusalOf(err: unknown): unknown {
  const e = err as { code?: unknown; message?: unknown; status?: unknown };
  if (e.status === 401 || TOKEN_FORGOTTEN.test(String(e.message)))
    return new CredentialsRefusedError('discord', String(e.message));
  const reason = typeof e.code === 'number' ? UNAVAILABLE.get(e.code) : undefined;
  return reason ? new ChannelUnavailableError(reason, String(e.message)) : err;
}

/** Posting to a server's channels over REST, for `/insurance alerts here|test`. */
export function discordChannels(rest: REST): ChannelAccess {
  return {
    async check(channelId, w) {
      try {
        await rest.post(Routes.channelMessages(channelId), {
          body: { content: w.t('discord.channel-ready') },
        });
        return undefined;
      } catch (err) {
        const code = (err as { code?: number }).code;
        return refusalOf(err) instanceof ChannelUnavailableError
          ? w.t('discord.cannot-post')
          : w.t('discord.refused', { code: String(code ?? (err as Error).message) });
      }
    },
    post: (channelId, reply, w) =>
      postToChannel(rest, channelId, reply, w).catch((err: unknown) => {
        throw refusalOf(err);
      }),
  };
}

/**
 * Alerts over REST. Give it a client that throws rate limits (`discordRest(config, { throwRateLimits: true })`): a 429
 * becomes a RateLimitedError, so delivery defers that channel alone instead of waiting in the call.
 */
export function discordPoster(rest: REST): Notifier {
  return {
    async post(tenant, channel, reply) {
      try {
        await postToChannel(rest, channel, reply, wordsFor(tenant.locale));
      } catch (err) {
        const limited = err as { name?: string; retryAfter?: number };
        if (String(limited.name).startsWith('RateLimitError') && typeof limited.retryAfter === 'number')
          throw new RateLimitedError(limited.retryAfter);
        throw refusalOf(err);
      }
    },
  };
}
