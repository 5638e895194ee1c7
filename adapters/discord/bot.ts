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
  Routes,
} from 'discord.js';
import { ArgError } from '../../commands/args.ts';
import { type ErrorLog, runCommand } from '../../commands/run.ts';
import { type CommandContext, example, usage } from '../../commands/spec.ts';
import { listAccounts } from '../../src/app/accounts.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { isGranted } from '../../src/app/settings.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/log.ts';
import { errorReply, type Reply } from '../../src/reply.ts';
import { listClaims } from '../../src/store/claims.ts';
import { ensureTenant, type Tenant } from '../../src/store/tenants.ts';
import { commandFor } from './commands-json.ts';
import { toDiscordMessages } from './embeds.ts';
import { argsFromOptions, commandPath, type RawOption } from './options.ts';
import { postToChannel } from './poster.ts';

export type DiscordConfig = NonNullable<Config['discord']>;

export interface DiscordBot {
  readonly client: Client;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts a reply in a channel (alerts). Throws on failure. */
  post(tenant: Tenant, channelId: string, reply: Reply): Promise<void>;
}

export interface DiscordOptions {
  readonly config: DiscordConfig;
  readonly deps: AppDeps;
  readonly log: Logger;
}

/** A REST client pointed at DISCORD_API_URL when set (a proxy, or the test fake). */
export function discordRest(config: DiscordConfig): REST {
  return new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
}

export function createDiscordBot(opts: DiscordOptions): DiscordBot {
  const { config, deps, log } = opts;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // As many shards as Discord recommends (/gateway/bot), all in this process.
    shards: 'auto',
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
  const errorLog: ErrorLog = { error: (obj, msg) => log.error(obj, msg) };

  async function tenantOf(guildId: string, name?: string): Promise<Tenant> {
    return ensureTenant(
      deps.store.db,
      { platform: 'discord', externalId: guildId, name },
      { timeZone: deps.defaults.timeZone, at: deps.now().toISOString() },
    );
  }

  function context(
    interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
    tenant: Tenant,
  ): CommandContext {
    const scope = { tenant, actor: interaction.user.id };
    const roles = Array.isArray(interaction.member.roles)
      ? interaction.member.roles
      : [...interaction.member.roles.cache.keys()];
    return {
      deps,
      scope,
      actor: {
        id: interaction.user.id,
        // Manage Server, or a role (or the member) granted with /insurance access grant.
        isManager: async () =>
          Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) ||
          (await isGranted(deps, scope, interaction.user.id, roles)),
      },
      platform: 'discord',
      channelId: interaction.channelId,
      channels: {
        check: async (channelId) => {
          try {
            await client.rest.post(Routes.channelMessages(channelId), {
              body: { content: 'coverwatch will post insurance alerts in this channel.' },
            });
            return undefined;
          } catch (err) {
            const code = (err as { code?: number }).code;
            return code === 50001 || code === 50013 || code === 10003
              ? 'I cannot post in this channel: give me View Channel and Send Messages here, then run /insurance alerts here again.'
              : `Discord refused to post here (${(err as Error).message}).`;
          }
        },
        post: (channelId, reply) => postReply(channelId, reply),
      },
      mention: (id) => `<@${id}>`,
    };
  }

  const postReply = (channelId: string, reply: Reply) => postToChannel(client.rest, channelId, reply);

  /** Sends the answer to a deferred interaction: edit the deferral, then follow up with the rest. */
  async function answer(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
    const [first, ...rest] = toDiscordMessages(reply);
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
    if (!interaction.inGuild()) {
      await interaction.reply({
        content: 'coverwatch works inside a server: add it to your team’s server and use /insurance there.',
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const { path, leaf } = commandPath(
      interaction.commandName,
      interaction.options.data as readonly RawOption[],
    );
    const spec = commandFor(path);
    if (!spec) {
      await interaction.reply({
        content: 'This command is out of date; ask an admin to run `coverwatch discord register`.',
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    // Options are checked before deferring: bad input answers at once, privately, with no database work.
    let args: ReturnType<typeof argsFromOptions>;
    try {
      args = argsFromOptions(spec, leaf);
    } catch (err) {
      if (!(err instanceof ArgError)) throw err;
      const reply = errorReply(err.message.charAt(0).toUpperCase() + err.message.slice(1), {
        usage: usage(spec),
        example: example(spec),
      });
      await interaction.reply({ embeds: toDiscordMessages(reply)[0]!.embeds, flags: MessageFlags.Ephemeral });
      return;
    }
    const isHelp = spec.path[spec.path.length - 1] === 'help';
    await interaction.deferReply(isHelp ? { flags: MessageFlags.Ephemeral } : {});
    const tenant = await tenantOf(interaction.guildId, interaction.guild?.name);
    const reply = await runCommand(context(interaction, tenant), spec, args, errorLog);
    await answer(interaction, reply);
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    if (!interaction.inGuild()) return interaction.respond([]);
    const focused = interaction.options.getFocused(true);
    const typed = String(focused.value).toLowerCase();
    const tenant = await tenantOf(interaction.guildId);
    const scope = { tenant, actor: interaction.user.id };
    let names: string[] = [];
    if (focused.name === 'account') names = (await listAccounts(deps, scope)).map((a) => a.name);
    else if (focused.name === 'claim')
      names = (await listClaims(deps.store.db, tenant.id, { openOnly: true })).map((c) => c.amazonClaimId);
    const matches = names.filter((n) => n.toLowerCase().includes(typed)).slice(0, 25);
    await interaction.respond(matches.map((n) => ({ name: n, value: n })));
  }

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const work = interaction.isChatInputCommand()
      ? onCommand(interaction)
      : interaction.isAutocomplete()
        ? onAutocomplete(interaction)
        : Promise.resolve();
    work.catch(async (err: unknown) => {
      log.error({ err }, 'discord: interaction failed');
      if (interaction.isChatInputCommand() && interaction.deferred)
        await interaction
          .editReply({ content: 'Something went wrong — nothing was saved. Please try again.' })
          .catch(() => undefined);
    });
  });
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ code: event.code, shard }, 'discord: gateway disconnected'),
  );
  client.on(Events.ShardResume, (shard, replayed) =>
    log.info({ shard, replayed }, 'discord: gateway resumed'),
  );
  client.on(Events.Error, (err) => log.error({ err: err.message }, 'discord: client error'));

  return {
    client,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.token);
      await ready;
    },
    async stop() {
      await client.destroy();
    },
    post: (_tenant, channelId, reply) => postReply(channelId, reply),
  };
}
