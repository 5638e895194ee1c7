// Posts alerts (and any reply) to a Discord channel through REST alone: no gateway needed, so a
// sweep can run in any process. Long replies become several messages within Discord's limits.
import { type REST, Routes } from 'discord.js';
import type { Notifier } from '../../src/alerts/notifier.ts';
import { type Words, wordsFor } from '../../src/i18n/index.ts';
import type { Reply } from '../../src/reply.ts';
import { toDiscordMessages } from './embeds.ts';

export async function postToChannel(rest: REST, channelId: string, reply: Reply, w: Words): Promise<void> {
  for (const message of toDiscordMessages(reply, w))
    await rest.post(Routes.channelMessages(channelId), {
      body: { embeds: message.embeds, allowed_mentions: { parse: ['users'] } },
    });
}

export function discordPoster(rest: REST): Notifier {
  return { post: (tenant, channel, reply) => postToChannel(rest, channel, reply, wordsFor(tenant.locale)) };
}
