// The Discord adapter: /insurance and /claim as application commands over the gateway with
// discord.js. Every interaction is deferred before any database work, then edited with the answer.
// The tenant is the server (guild) the interaction came from.
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
  REST,
  RESTEvents,
} from 'discord.js';

/** How long start-up waits for the gateway to be ready (login, shards, guilds). */
const START_TIMEOUT_MS = 30_000;

import type { ErrorLog } from '../../commands/run.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { forgetTeam } from '../../src/app/installations.ts';
import type { Config } from '../../src/config.ts';
import { localeOf, wordsFor } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/log.ts';
import { platformErrors } from '../../src/metrics.ts';
import type { DiscordMessage } from './embeds.ts';
import {
  type ButtonPress,
  type CommandInteraction,
  type FormSubmission,
  interactionHandlers,
  type MemberInteraction,
  type Responder,
} from './interactions.ts';
import type { RawOption } from './options.ts';
import { discordChannels } from './poster.ts';

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

/**
 * A REST client pointed at DISCORD_API_URL when set (a proxy, or the test fake). With
 * `throwRateLimits` (alerts), a 429 is thrown for delivery to defer, never waited out in the call.
 */
export function discordRest(config: DiscordConfig, opts: { throwRateLimits?: boolean } = {}): REST {
  return countRateLimits(
    new REST({
      ...(config.apiUrl ? { api: config.apiUrl } : {}),
      ...(opts.throwRateLimits ? { rejectOnRateLimit: () => true } : {}),
    }).setToken(config.token),
  );
}

/** Every 429 Discord answers counts in the platform-errors metric, waited out or thrown. */
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

  const channels = discordChannels(client.rest);

  const handlers = interactionHandlers({ deps, channels, log: errorLog, apiUrl: config.apiUrl });

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const work = interaction.isChatInputCommand()
      ? handlers.command(fromGateway(interaction), gatewayResponder(interaction))
      : interaction.isModalSubmit()
        ? handlers.submit(fromModal(interaction), gatewayResponder(interaction))
        : interaction.isButton()
          ? handlers.press(fromButton(interaction), gatewayResponder(interaction))
          : interaction.isAutocomplete()
            ? handlers.autocomplete(fromGateway(interaction)).then((choices) => interaction.respond(choices))
            : Promise.resolve();
    const settled = work
      .catch(async (err: unknown) => {
        log.error({ err }, 'discord: interaction failed');
        if (!interaction.isChatInputCommand() && !interaction.isModalSubmit() && !interaction.isButton())
          return;
        const content = wordsFor(localeOf(interaction.locale)).t('discord.failed');
        // Failed before any answer: say so privately rather than leave Discord's own error.
        if (interaction.deferred) await interaction.editReply({ content }).catch(() => undefined);
        else if (!interaction.replied)
          await interaction.reply({ content, flags: MessageFlags.Ephemeral }).catch(() => undefined);
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
  // Removed from a server (kicked, or the server deleted; an outage is GuildUnavailable instead):
  // its alerts stop, as a Slack workspace's do on app_uninstalled. Its records stay.
  client.on(Events.GuildDelete, (guild) => {
    const work = forgetTeam(deps, { platform: 'discord', externalId: guild.id }, 'discord:guild_delete')
      .then((known) => {
        if (known) log.info({ guild: guild.id }, 'discord: removed from a server; alerts off');
      })
      .catch((err: unknown) => log.error({ err, guild: guild.id }, 'discord: could not turn off alerts'));
    deps.inflight?.track(work);
  });

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

/** Who sent a discord.js interaction, and where from. */
function memberOf(
  i: ChatInputCommandInteraction | AutocompleteInteraction | ModalSubmitInteraction | ButtonInteraction,
): MemberInteraction {
  const member = i.member as { roles?: string[] | { cache: Map<string, unknown> } } | null;
  const roles = !member?.roles
    ? []
    : Array.isArray(member.roles)
      ? member.roles
      : [...member.roles.cache.keys()];
  return {
    id: i.id,
    guildId: i.guildId,
    guildName: i.guild?.name,
    channelId: i.channelId ?? undefined,
    userId: i.user.id,
    roles,
    permissions: i.memberPermissions?.bitfield ?? 0n,
    locale: i.locale,
  };
}

/** A modal sent back, its text fields by id. */
function fromModal(i: ModalSubmitInteraction): FormSubmission {
  const values = new Map<string, string>();
  for (const [id, field] of i.fields.fields)
    if ('value' in field && typeof field.value === 'string') values.set(id, field.value);
  return { ...memberOf(i), customId: i.customId, values };
}

/** A button pressed under one of our answers. */
function fromButton(i: ButtonInteraction): ButtonPress {
  return { ...memberOf(i), customId: i.customId };
}

/** A discord.js interaction as the shared handlers see it. */
function fromGateway(i: ChatInputCommandInteraction | AutocompleteInteraction): CommandInteraction {
  return {
    ...memberOf(i),
    commandName: i.commandName,
    options: i.options.data as readonly RawOption[],
    ...(i.isChatInputCommand() && i.options.resolved?.attachments?.size
      ? {
          files: new Map(
            [...i.options.resolved.attachments].map(([id, a]) => [
              id,
              { url: a.url, name: a.name, size: a.size },
            ]),
          ),
        }
      : {}),
  };
}

/** Answers through discord.js (the interaction's own REST calls). */
function gatewayResponder(
  i: ChatInputCommandInteraction | ModalSubmitInteraction | ButtonInteraction,
): Responder {
  const flags = (ephemeral: boolean) => (ephemeral ? { flags: MessageFlags.Ephemeral as const } : {});
  const body = (m: {
    content?: string | undefined;
    embeds?: DiscordMessage['embeds'];
    files?: DiscordMessage['files'];
    components?: DiscordMessage['components'];
  }) => ({
    ...(m.content ? { content: m.content } : {}),
    embeds: m.embeds ?? [],
    ...(m.components ? { components: [...m.components] } : {}),
    ...(m.files?.length ? { files: m.files.map((f) => ({ attachment: f.data, name: f.name })) } : {}),
  });
  return {
    reply: async (m, ephemeral) => {
      await i.reply({ ...body(m), ...flags(ephemeral) });
    },
    defer: async (ephemeral) => {
      await i.deferReply(flags(ephemeral));
    },
    editOriginal: async (m) => {
      await i.editReply(body(m));
    },
    followUp: async (m, ephemeral) => {
      await i.followUp({ ...body(m), ...flags(ephemeral) });
    },
    deleteOriginal: () => i.deleteReply(),
    showModal: async (modal) => {
      if (!i.isChatInputCommand()) throw new Error('a modal cannot answer a modal');
      await i.showModal(modal);
    },
  };
}
