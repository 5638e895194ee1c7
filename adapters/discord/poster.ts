// Posts alerts (and any reply) to a Discord channel through REST alone: no gateway needed, so a
// sweep can run in any process. Long replies become several messages within Discord's limits.
import { type REST, Routes } from 'discord.js';
import type { Notifier } from '../../src/alerts/notifier.ts';
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

export function discordPoster(rest: REST): Notifier {
  return { post: (tenant, channel, reply) => postToChannel(rest, channel, reply, wordsFor(tenant.locale)) };
}
