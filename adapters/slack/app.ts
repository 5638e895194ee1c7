// The Slack adapter: /insurance and /claim through @slack/bolt, in HTTP mode (signed requests on
// POST /slack/events, GET /healthz) or Socket Mode, for one workspace (bot token) or many (OAuth
// installs kept in our database). The tenant is always the team of the verified request.
import type { Server } from 'node:http';
import {
  App,
  type Logger as BoltLogger,
  type Installation,
  type InstallationStore,
  LogLevel,
  type SlashCommand,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { type ErrorLog, runText } from '../../commands/run.ts';
import type { CommandContext } from '../../commands/spec.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { isGranted } from '../../src/app/settings.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/log.ts';
import type { Reply } from '../../src/reply.ts';
import {
  deleteInstallation,
  fetchInstallation,
  installKey,
  saveInstallation,
} from '../../src/store/installations.ts';
import { ensureTenant, type Tenant, updateTenantSettings } from '../../src/store/tenants.ts';
import { toMessage } from './blocks.ts';
import { openPolicyModal, POLICY_MODAL, submitPolicyModal } from './modal.ts';
import { slackClientOptions, slackPoster } from './poster.ts';

export type SlackConfig = NonNullable<Config['slack']>;

export interface SlackOptions {
  readonly config: SlackConfig;
  readonly port: number;
  /** Interface to listen on in HTTP mode (default all; tests use 127.0.0.1). */
  readonly host?: string;
  readonly deps: AppDeps;
  readonly log: Logger;
  /** How long a command may run before we acknowledge and answer through response_url. */
  readonly ackBudgetMs?: number;
  /** Web API retries (429s wait for Retry-After; 5xx back off). */
  readonly retries?: { retries: number; minTimeout: number; maxTimeout: number };
}

export interface SlackBot {
  readonly app: App;
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
  /** Posts a reply to a channel of a tenant's workspace (alerts). Throws on failure. */
  post(tenant: Tenant, channel: string, reply: Reply): Promise<void>;
}

export const SLACK_SCOPES = ['commands', 'chat:write', 'users:read'];

/** Bolt's logger interface over pino. */
function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => child.debug(m.map(String).join(' ')),
    info: (...m: unknown[]) => child.info(m.map(String).join(' ')),
    warn: (...m: unknown[]) => child.warn(m.map(String).join(' ')),
    error: (...m: unknown[]) => child.error(m.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function installationStore(deps: AppDeps): InstallationStore {
  const db = deps.store.db;
  return {
    async storeInstallation(installation: Installation) {
      const ids = {
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      };
      await saveInstallation(db, installKey(ids), ids, installation, deps.now().toISOString());
    },
    async fetchInstallation(query) {
      const found = await fetchInstallation(db, installKey(query));
      if (!found) throw new Error(`no installation for ${installKey(query)}`);
      return found as Installation;
    },
    async deleteInstallation(query) {
      await deleteInstallation(db, installKey(query));
    },
  };
}

/** What Slack should do with a reply: private replies are ephemeral, the rest are posted in the channel. */
export function responseFor(reply: Reply) {
  return {
    response_type: reply.private ? ('ephemeral' as const) : ('in_channel' as const),
    ...toMessage(reply),
  };
}

const CANNOT_POST: Record<string, string> = {
  not_in_channel:
    'I am not in this channel. Invite me with /invite @coverwatch, then run /insurance alerts here again.',
  channel_not_found:
    'I cannot see this channel (private channels need an invite). Invite me with /invite @coverwatch, then run /insurance alerts here again.',
  is_archived: 'This channel is archived; choose another channel.',
};

function slackError(err: unknown): string {
  return (
    (err as { data?: { error?: string } })?.data?.error ?? (err instanceof Error ? err.message : String(err))
  );
}

export function createSlackBot(opts: SlackOptions): SlackBot {
  const { config, deps, log } = opts;
  const ackBudget = opts.ackBudgetMs ?? 2000;
  const clientOptions = slackClientOptions(config, opts.retries);
  const poster = slackPoster(config, deps.store.db, opts.retries);
  const store = config.oauth ? installationStore(deps) : undefined;
  const auth = config.oauth
    ? {
        clientId: config.oauth.clientId,
        clientSecret: config.oauth.clientSecret,
        stateSecret: config.oauth.stateSecret,
        scopes: SLACK_SCOPES,
        installationStore: store,
        installerOptions: { directInstall: true },
      }
    : { token: config.botToken };
  const socket = Boolean(config.appToken);
  const app = new App({
    ...auth,
    ...(socket
      ? { socketMode: true, appToken: config.appToken }
      : {
          signingSecret: config.signingSecret,
          endpoints: '/slack/events',
          customRoutes: [
            {
              path: '/healthz',
              method: ['GET'],
              handler: (_req, res) => {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end(JSON.stringify({ ok: true }));
              },
            },
          ],
        }),
    clientOptions,
    logger: boltLogger(log),
    processBeforeResponse: false,
    // coverwatch keeps no conversation state; Bolt's default store would run on every request.
    convoStore: false,
  });
  const errorLog: ErrorLog = { error: (obj, msg) => log.error(obj, msg) };

  // users.info answers change rarely; a short cache keeps manage commands fast.
  const adminCache = new Map<string, { admin: boolean; until: number }>();
  async function isWorkspaceAdmin(client: WebClient, team: string, user: string): Promise<boolean> {
    const key = `${team}:${user}`;
    const hit = adminCache.get(key);
    if (hit && hit.until > Date.now()) return hit.admin;
    const info = await client.users.info({ user });
    const u = info.user as { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } | undefined;
    const admin = Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner);
    adminCache.set(key, { admin, until: Date.now() + 5 * 60_000 });
    return admin;
  }

  async function context(
    body: SlashCommand | { team_id?: string; enterprise_id?: string; user_id: string; channel_id?: string },
    client: WebClient,
  ): Promise<CommandContext> {
    const teamId = body.team_id ?? body.enterprise_id;
    if (!teamId) throw new Error('request without a team');
    const tenant = await ensureTenant(
      deps.store.db,
      { platform: 'slack', externalId: teamId, name: (body as SlashCommand).team_domain },
      { timeZone: deps.defaults.timeZone, at: deps.now().toISOString() },
    );
    const scope = { tenant, actor: body.user_id };
    let manager: Promise<boolean> | undefined;
    return {
      deps,
      scope,
      actor: {
        id: body.user_id,
        isManager: () => {
          manager ??= isGranted(deps, scope, body.user_id).then(
            (granted) => granted || isWorkspaceAdmin(client, teamId, body.user_id),
          );
          return manager;
        },
      },
      platform: 'slack',
      channelId: body.channel_id,
      channels: {
        async check(channel) {
          try {
            await client.chat.postMessage({
              channel,
              text: 'coverwatch will post insurance alerts in this channel.',
            });
            return undefined;
          } catch (err) {
            const code = slackError(err);
            return CANNOT_POST[code] ?? `Slack refused to post here (${code}).`;
          }
        },
        async post(channel, reply) {
          await client.chat.postMessage({ channel, ...toMessage(reply) });
        },
      },
      mention: (id) => `<@${id}>`,
    };
  }

  app.command(/^\/(insurance|claim)$/, async ({ command, ack, respond, client }) => {
    const root = command.command.replace(/^\//, '');
    let ctx: CommandContext;
    try {
      ctx = await context(command, client);
    } catch (err) {
      log.error({ err }, 'slack: could not resolve the workspace');
      await ack({
        response_type: 'ephemeral',
        text: 'Something went wrong on our side; nothing was saved. Please try again.',
      });
      return;
    }
    if (root === 'insurance' && /^policy\s+add$/i.test(command.text.trim())) {
      await openPolicyModal({ ctx, ack, client, triggerId: command.trigger_id, log });
      return;
    }
    const work = runText(ctx, root, command.text, errorLog);
    let timer: NodeJS.Timeout | undefined;
    const quick = await Promise.race([
      work,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(resolve, ackBudget, undefined);
      }),
    ]);
    clearTimeout(timer);
    if (quick) {
      await ack(responseFor(quick));
      return;
    }
    // Slack needs an answer within 3 seconds: acknowledge now, answer through response_url.
    await ack({ response_type: 'ephemeral', text: 'Working on it…' });
    const reply = await work;
    try {
      await respond({ ...responseFor(reply), replace_original: false });
    } catch (err) {
      log.error({ err: slackError(err) }, 'slack: could not deliver a delayed reply through response_url');
    }
  });

  app.view(POLICY_MODAL, async ({ ack, body, view, client }) => {
    const ctx = await context(
      { team_id: body.team?.id ?? body.enterprise?.id ?? '', user_id: body.user.id },
      client,
    );
    await submitPolicyModal({ ctx, ack, view, client, log });
  });

  // A workspace that removes the app (or revokes its bot token) gets no more alerts, and with OAuth
  // installs its stored installation is deleted. Bolt skips authorisation for these two events.
  const forget = async (body: {
    team_id?: string;
    enterprise_id?: string;
    is_enterprise_install?: boolean;
  }) => {
    const teamId = body.team_id ?? body.enterprise_id;
    if (!teamId) return;
    if (store)
      await store.deleteInstallation?.({
        teamId: body.team_id,
        enterpriseId: body.enterprise_id,
        isEnterpriseInstall: Boolean(body.is_enterprise_install),
      } as never);
    const tenant = await ensureTenant(
      deps.store.db,
      { platform: 'slack', externalId: teamId },
      { timeZone: deps.defaults.timeZone, at: deps.now().toISOString() },
    );
    await updateTenantSettings(deps.store.db, tenant.id, { alertChannel: null });
    log.info({ team: teamId }, 'slack: app removed from a workspace; alerts off, installation deleted');
  };
  app.event('app_uninstalled', async ({ body }) => forget(body));
  app.event('tokens_revoked', async ({ body, event }) => {
    if (event.tokens.bot?.length) await forget(body);
  });

  app.error(async (err) => {
    log.error({ err: err.message, code: (err as { code?: string }).code }, 'slack: unhandled error');
  });

  let server: Server | undefined;
  return {
    app,
    async start() {
      if (socket) {
        await app.start();
        return {};
      }
      server = (await app.start({ port: opts.port, host: opts.host })) as Server;
      const address = server.address();
      return { port: typeof address === 'object' && address ? address.port : opts.port };
    },
    async stop() {
      await app.stop();
    },
    post: (tenant, channel, reply) => poster.post(tenant, channel, reply),
  };
}
