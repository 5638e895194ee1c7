// The Discord adapter: /insurance and /claim as application commands over the gateway with
// discord.js. Every interaction is deferred before any database work, then edited with the answer.
// The tenant is the server (guild) the interaction came from.
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  REST,
  RESTEvents,
  Routes,
} from 'discord.js';

/** How long start-up waits for the gateway to be ready (login, shards, guilds). */
const START_TIMEOUT_MS = 30_000;

import { checkArgs, type ErrorLog, permissionFor, runCommand } from '../../commands/run.ts';
import { listAccounts } from '../../src/app/accounts.ts';
import { openClaimIds } from '../../src/app/claims.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { TryAgainError } from '../../src/app/errors.ts';
import {
  type ChannelAccess,
  findSession,
  openSession,
  type Session,
  type SessionRequest,
} from '../../src/app/session.ts';
import type { Config } from '../../src/config.ts';
import { LOCALES, type Locale, wordsFor } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/log.ts';
import { platformErrors } from '../../src/metrics.ts';
import type { Reply } from '../../src/reply.ts';
import { commandFor } from './commands-json.ts';
import { toDiscordMessages } from './embeds.ts';
import { argsFromOptions, commandPath, type RawOption, wantsPrivate } from './options.ts';
import { postToChannel } from './poster.ts';

export type DiscordConfig = NonNullable<Config['discord']>;

export interface DiscordBot {
  readonly client: Client;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** For readiness: undefined when the gateway is ready, else its state. */
  problem(): string | undefined;
}

export interface DiscordOptions {
  readonly config: DiscordConfig;
  readonly deps: AppDeps;
  readonly log: Logger;
  /** Called once an interaction has been fully answered (or has failed): for metrics and tests. */
  readonly onSettled?: (interactionId: string) => void;
}

/** A REST client pointed at DISCORD_API_URL when set (a proxy, or the test fake). */
export function discordRest(config: DiscordConfig): REST {
  return countRateLimits(
    new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token),
  );
}

/** 429s are waited out inside the REST client; the metric shows how often. */
function countRateLimits(rest: REST): REST {
  return rest.on(RESTEvents.RateLimited, () =>
    platformErrors.inc({ platform: 'discord', kind: 'rate_limited' }),
  );
}

export function createDiscordBot(opts: DiscordOptions): DiscordBot {
  const { config, deps, log } = opts;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // As many shards as Discord recommends (/gateway/bot), all in this process.
    shards: 'auto',
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
  countRateLimits(client.rest);
  const errorLog: ErrorLog = { error: (obj, msg) => log.error(obj, msg) };

  /** Discord's codes for "the bot may not post there" (Missing Access, Missing Permissions, Unknown Channel). */
  const CANNOT_POST = new Set([50001, 50013, 10003]);
  const channels: ChannelAccess = {
    async check(channelId, w) {
      try {
        await client.rest.post(Routes.channelMessages(channelId), {
          body: { content: w.t('discord.channel-ready') },
        });
        return undefined;
      } catch (err) {
        const code = (err as { code?: number }).code;
        return code !== undefined && CANNOT_POST.has(code)
          ? w.t('discord.cannot-post')
          : w.t('discord.refused', { code: String(code ?? (err as Error).message) });
      }
    },
    post: (channelId, reply, w) => postToChannel(client.rest, channelId, reply, w),
  };

  /** The one way in: a verified interaction -> the request for its server's Session. */
  function request(
    interaction: ChatInputCommandInteraction<'cached' | 'raw'> | AutocompleteInteraction<'cached' | 'raw'>,
  ): SessionRequest {
    const roles = Array.isArray(interaction.member.roles)
      ? interaction.member.roles
      : [...interaction.member.roles.cache.keys()];
    return {
      identity: { platform: 'discord', externalId: interaction.guildId, name: interaction.guild?.name },
      member: {
        id: interaction.user.id,
        roles,
        isAdmin: async () => Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)),
      },
      channelId: interaction.channelId ?? undefined,
      channels,
      locale: localeOf(interaction.locale),
    };
  }

  /** Sends the answer to a deferred interaction: edit the deferral, then follow up with the rest. */
  async function answer(interaction: ChatInputCommandInteraction, reply: Reply, ctx: Session): Promise<void> {
    const [first, ...rest] = toDiscordMessages(reply, ctx.words);
    if (!first) return;
    if (first.ephemeral && !interaction.ephemeral) {
      // The deferral was public; a private answer replaces it with an ephemeral follow-up.
      await interaction.deleteReply().catch(() => undefined);
      for (const m of [first, ...rest])
        await interaction.followUp({ embeds: m.embeds, flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.editReply({ embeds: first.embeds });
    for (const m of rest)
      await interaction.followUp({
        embeds: m.embeds,
        ...(m.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      });
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const w = wordsFor(localeOf(interaction.locale));
    if (!interaction.inGuild()) {
      await interaction.reply({ content: w.t('discord.guild-only'), flags: MessageFlags.Ephemeral });
      return;
    }
    const { path, leaf } = commandPath(
      interaction.commandName,
      interaction.options.data as readonly RawOption[],
    );
    const spec = commandFor(path);
    if (!spec) {
      await interaction.reply({ content: w.t('discord.outdated'), flags: MessageFlags.Ephemeral });
      return;
    }
    // Bad options answer at once, privately, before any database work; the rest is deferred
    // (Discord's 3-second budget), and a refusal replaces the deferral with a private answer.
    const raw = argsFromOptions(spec, leaf);
    const bad = checkArgs(spec, raw, w);
    if (bad) {
      const [first, ...rest] = toDiscordMessages(bad.reply, w);
      await interaction.reply({ embeds: first!.embeds, flags: MessageFlags.Ephemeral });
      for (const m of rest) await interaction.followUp({ embeds: m.embeds, flags: MessageFlags.Ephemeral });
      return;
    }
    const alone = wantsPrivate(leaf);
    const isHelp = spec.path[spec.path.length - 1] === 'help';
    // A member who may not run a manage command is told so privately from the start, not after a
    // public "thinking…" (the check needs no platform call: Discord sent the member's permissions).
    // Read commands defer first: their session may wait on the database.
    let ctx: Session | undefined;
    if (spec.permission !== 'read') {
      ctx = await openSession(deps, request(interaction));
      const refused = await permissionFor(ctx, spec);
      if (refused) {
        const [first] = toDiscordMessages(refused.reply, w);
        await interaction.reply({ embeds: first!.embeds, flags: MessageFlags.Ephemeral });
        return;
      }
    }
    await interaction.deferReply(isHelp || alone ? { flags: MessageFlags.Ephemeral } : {});
    ctx ??= await openSession(deps, request(interaction));
    const outcome = await runCommand(ctx, spec, raw, errorLog);
    await answer(interaction, alone ? { ...outcome.reply, private: true } : outcome.reply, ctx);
  }

  /** Suggestions for account and claim options; never creates a team, and a busy database suggests nothing. */
  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    if (!interaction.inGuild()) return interaction.respond([]);
    const focused = interaction.options.getFocused(true);
    const typed = String(focused.value).toLowerCase();
    const ctx = await findSession(deps, request(interaction));
    let names: string[] = [];
    try {
      if (ctx && focused.name === 'account') names = (await listAccounts(deps, ctx.scope)).map((a) => a.name);
      else if (ctx && focused.name === 'claim') names = await openClaimIds(deps, ctx.scope);
    } catch (err) {
      if (!(err instanceof TryAgainError)) throw err;
    }
    const matches = names.filter((n) => n.toLowerCase().includes(typed)).slice(0, 25);
    await interaction.respond(matches.map((n) => ({ name: n, value: n })));
  }

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const work = interaction.isChatInputCommand()
      ? onCommand(interaction)
      : interaction.isAutocomplete()
        ? onAutocomplete(interaction)
        : Promise.resolve();
    const settled = work
      .catch(async (err: unknown) => {
        log.error({ err }, 'discord: interaction failed');
        if (interaction.isChatInputCommand() && interaction.deferred)
          await interaction
            .editReply({ content: wordsFor(localeOf(interaction.locale)).t('discord.failed') })
            .catch(() => undefined);
      })
      .finally(() => opts.onSettled?.(interaction.id));
    // A shutdown waits for this answer before closing the client.
    deps.inflight?.track(settled);
  });
  // Shards whose gateway connection is down, from the client's own events: readiness reports them.
  const down = new Set<number>();
  client.on(Events.ShardDisconnect, (event, shard) => {
    down.add(shard);
    log.warn({ code: event.code, shard }, 'discord: gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shard) => {
    down.add(shard);
    log.warn({ shard }, 'discord: gateway reconnecting');
  });
  client.on(Events.ShardError, (err, shard) => {
    down.add(shard);
    log.warn({ err, shard }, 'discord: gateway error');
  });
  client.on(Events.ShardReady, (shard) => down.delete(shard));
  client.on(Events.ShardResume, (shard, replayed) => {
    down.delete(shard);
    log.info({ shard, replayed }, 'discord: gateway resumed');
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord: client error'));

  return {
    client,
    async start() {
      let timer: NodeJS.Timeout | undefined;
      const ready = new Promise<void>((resolve, reject) => {
        client.once(Events.ClientReady, () => resolve());
        timer = setTimeout(
          () =>
            reject(new Error(`Discord's gateway did not become ready within ${START_TIMEOUT_MS / 1000} s`)),
          START_TIMEOUT_MS,
        );
      });
      try {
        await Promise.race([client.login(config.token).then(() => ready), ready]);
      } catch (err) {
        await client.destroy();
        throw err;
      } finally {
        clearTimeout(timer);
      }
    },
    async stop() {
      // Answers in progress edit their deferred replies over this client: let them finish first.
      await deps.inflight?.drain();
      await client.destroy();
    },
    problem() {
      if (!client.isReady()) return 'not logged in';
      if (down.size) return `gateway down (shard ${[...down].join(', ')})`;
      return undefined;
    },
  };
}

/** Discord's locale ("zh-CN", "en-US") -> one of ours, when we have it. */
function localeOf(discordLocale: string | undefined): Locale | undefined {
  if (!discordLocale) return undefined;
  return (LOCALES as readonly string[]).find(
    (l) => l === discordLocale || discordLocale.startsWith(`${l}-`),
  ) as Locale | undefined;
}
