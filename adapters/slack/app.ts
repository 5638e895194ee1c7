// The Slack adapter: /insurance and /claim through @slack/bolt, in HTTP mode (signed requests on
// POST /slack/events, GET /healthz) or Socket Mode, for one workspace (bot token) or many (OAuth
// installs kept in our database). Each request becomes a Session (src/app/session.ts): the team is
// always the one of the verified request.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  App,
  type Logger as BoltLogger,
  HTTPReceiver,
  type Installation,
  type InstallationStore,
  LogLevel,
  type MessageShortcut,
  type SlashCommand,
  SocketModeReceiver,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import { MAX_FILE_MB } from '../../commands/files.ts';
import { type ErrorLog, runText } from '../../commands/run.ts';
import { connectsByForm } from '../../src/app/amazon.ts';
import type { AppDeps } from '../../src/app/context.ts';
import {
  deleteInstallation,
  fetchInstallation,
  forgetTeam,
  installKey,
  saveInstallation,
} from '../../src/app/installations.ts';
import { firstTime } from '../../src/app/receipts.ts';
import { requestDayOf } from '../../src/app/requests.ts';
import { type Attachment, type ChannelAccess, openSession, type Session } from '../../src/app/session.ts';
import type { Config } from '../../src/config.ts';
import { type Locale, localeOf, type Words, wordsFor } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/log.ts';
import type { Reply } from '../../src/reply.ts';
import { RUN_ACTION, toMessage } from './blocks.ts';
import { slackAttachment } from './files.ts';
import { HomeViewers } from './home.ts';
import {
  CERTIFICATE_MODAL,
  CONNECT_MODAL,
  IMPORT_MODAL,
  MODALS,
  type ModalId,
  openModal,
  POLICY_MODAL,
  REJECTED_MODAL,
  REQUEST_MODAL,
  submitModal,
} from './modal.ts';
import { refusalOf, slackClientOptions } from './poster.ts';

/** The message shortcut's callback id (adapters/slack/manifest.json). */
export const REQUEST_SHORTCUT = 'record_proof_request';
/** The message shortcut that imports the report file shared in a message. */
export const IMPORT_SHORTCUT = 'import_sales_report';
/** The message shortcut that checks the certificate PDF shared in a message. */
export const CERTIFICATE_SHORTCUT = 'check_certificate';
/** The message shortcut that decodes Amazon's rejection pasted into a message. */
export const REJECTED_SHORTCUT = 'decode_rejection';

export type SlackConfig = NonNullable<Config['slack']>;

/** How long a command waits for a member's language from Slack before answering in the default. */
const MEMBER_LOCALE_MS = 300;

/** A report file is small (two years by day is about 60 KB): 5 MB is room to spare. */
const SLACK_FILE_LIMITS = { maxBytes: MAX_FILE_MB * 1024 * 1024, timeoutMs: 10_000 };

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
  /** A monotonic clock in ms for the admin cache (tests move it; default `performance`). */
  readonly clock?: { now(): number };
  /** More routes on the HTTP server (HTTP mode): Discord's interactions endpoint shares the port. */
  readonly routes?: readonly {
    path: string;
    method: string[];
    handler: (req: IncomingMessage, res: ServerResponse) => void;
  }[];
}

export interface SlackBot {
  readonly app: App;
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
  /** For readiness: undefined when connected (Socket Mode) or listening (HTTP), else what is wrong. */
  problem(): string | undefined;
}

export const SLACK_SCOPES = ['commands', 'chat:write', 'users:read', 'files:write', 'files:read'];

/**
 * Bolt's logger interface over pino, keeping structure: an object argument becomes the line's
 * fields, an Error its `err` (with the stack), the rest the message.
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  let level = LogLevel.INFO;
  const at =
    (write: (fields: object, msg: string) => void) =>
    (...m: unknown[]) => {
      const fields: Record<string, unknown> = {};
      const words: string[] = [];
      for (const part of m)
        if (part instanceof Error) fields.err = part;
        else if (part && typeof part === 'object') Object.assign(fields, part);
        else words.push(String(part));
      write(fields, words.join(' '));
    };
  return {
    debug: at((f, msg) => child.debug(f, msg)),
    info: at((f, msg) => child.info(f, msg)),
    warn: at((f, msg) => child.warn(f, msg)),
    error: at((f, msg) => child.error(f, msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function installationStore(deps: AppDeps): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const ids = {
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      };
      await saveInstallation(deps, installKey(ids), ids, installation);
    },
    async fetchInstallation(query) {
      const found = await fetchInstallation(deps, installKey(query));
      if (!found) throw new Error(`no installation for ${installKey(query)}`);
      return found as Installation;
    },
    async deleteInstallation(query) {
      await deleteInstallation(deps, installKey(query));
    },
  };
}

/**
 * The OAuth callback when the install did not happen: the member cancelled (`access_denied`) or
 * Slack refused. A page that says so, in plain words, not a server error.
 */
function installFailed(
  error: Error & { code?: string },
  _options: unknown,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const w = wordsFor();
  const cancelled = new URL(req.url ?? '/', 'http://slack').searchParams.get('error') === 'access_denied';
  const html = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(cancelled ? 200 : 400, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><meta charset="utf-8"><title>${html(w.t('slack.install.failed.title'))}</title>` +
      `<h1>${html(w.t('slack.install.failed.title'))}</h1>` +
      `<p>${html(w.t(cancelled ? 'slack.install.cancelled' : 'slack.install.refused', { code: error.code ?? error.name }))}</p>` +
      `<p><a href="/slack/install">${html(w.t('slack.install.again'))}</a></p>`,
  );
}

/** What Slack should do with a reply: private replies are ephemeral, the rest are posted in the channel. */
export function responseFor(reply: Reply, w: Words) {
  // A cached answer is the same Reply object: its Block Kit is built once.
  const built = RESPONSES.get(reply);
  if (built?.words === w) return built.response;
  const response = {
    response_type: reply.private ? ('ephemeral' as const) : ('in_channel' as const),
    ...toMessage(reply, w),
  };
  RESPONSES.set(reply, { words: w, response });
  return response;
}
const RESPONSES = new WeakMap<
  Reply,
  { words: Words; response: ReturnType<typeof toMessage> & { response_type: 'ephemeral' | 'in_channel' } }
>();

/** Slack's reasons for not posting, as the member can fix them. */
const CANNOT_POST_CODES = ['not_in_channel', 'channel_not_found', 'is_archived'] as const;
type CannotPost = (typeof CANNOT_POST_CODES)[number];
const CANNOT_POST: ReadonlySet<string> = new Set(CANNOT_POST_CODES);

function slackError(err: unknown): string {
  return (
    (err as { data?: { error?: string } })?.data?.error ?? (err instanceof Error ? err.message : String(err))
  );
}

export function createSlackBot(opts: SlackOptions): SlackBot {
  const { config, deps, log } = opts;
  const ackBudget = opts.ackBudgetMs ?? 2000;
  const clientOptions = slackClientOptions(config, opts.retries);
  const store = config.oauth ? installationStore(deps) : undefined;
  const oauth = config.oauth
    ? {
        clientId: config.oauth.clientId,
        clientSecret: config.oauth.clientSecret,
        stateSecret: config.oauth.stateSecret,
        scopes: SLACK_SCOPES,
        installationStore: store,
        installerOptions: {
          directInstall: true,
          // A member who cancels the install gets a page that says so, not an error.
          callbackOptions: { failure: installFailed },
        },
      }
    : undefined;
  const socket = Boolean(config.appToken);
  const logger = boltLogger(log);
  // HTTP mode: our own receiver, so each request's signature and timestamp reach the middleware
  // below (replays and requests from the future are refused there).
  // Socket Mode: our own receiver too, so readiness can ask its client whether the socket is up.
  const socketReceiver = socket
    ? new SocketModeReceiver({
        appToken: config.appToken!,
        logger,
        ...(oauth ?? {}),
        // The socket client's Web API calls (apps.connections.open) go where the bot's do; Bolt reads
        // them from installerOptions.clientOptions, which its types do not declare.
        installerOptions: { ...(oauth?.installerOptions ?? {}), clientOptions } as never,
      })
    : undefined;
  const receiver =
    socketReceiver ??
    new HTTPReceiver({
      signingSecret: config.signingSecret!,
      endpoints: '/slack/events',
      logger,
      processBeforeResponse: false,
      ...(oauth ?? {}),
      customPropertiesExtractor: (req) => ({
        requestSignature: req.headers['x-slack-signature'],
        requestTimestamp: req.headers['x-slack-request-timestamp'],
      }),
      customRoutes: [
        ...(opts.routes ?? []),
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ ok: true }));
          },
        },
      ],
    });
  const app = new App({
    // With OAuth the receiver's installer authorises each request; otherwise the one bot token.
    ...(oauth ? {} : { token: config.botToken }),
    receiver,
    clientOptions,
    logger,
    // coverwatch keeps no conversation state; Bolt's default store would run on every request.
    convoStore: false,
    // It listens to no message events, so none can be its own: Bolt's filter would only add a step
    // to every request.
    ignoreSelf: false,
    // start() runs auth.test itself, so a bad token fails start-up (one line) instead of a rejection later.
    deferInitialization: true,
  });
  // Commands being answered, so a shutdown waits for them.
  if (deps.inflight) {
    const inflight = deps.inflight;
    app.use(async ({ next }) => {
      await inflight.track(next());
    });
  }
  // A signed request is handled once: a captured one sent again (Slack accepts timestamps up to five
  // minutes old) or one dated in the future is acknowledged and dropped, on every replica.
  app.use(async (args) => {
    const { requestSignature, requestTimestamp } = args.context as {
      requestSignature?: string;
      requestTimestamp?: string;
    };
    if (typeof requestSignature !== 'string') return args.next();
    const ack = (args as { ack?: () => Promise<void> }).ack;
    if (Number(requestTimestamp) > Date.now() / 1000 + 300) {
      log.warn({ timestamp: requestTimestamp }, 'slack: request dated in the future refused');
      return ack?.();
    }
    const first = firstTime(deps, {
      platform: 'slack',
      timestampS: Number(requestTimestamp),
      signature: requestSignature,
    });
    // A command checks inside its acknowledgement budget (the database may be slow); the rest here.
    if ('command' in args) {
      (args.context as { firstTime?: Promise<boolean> }).firstTime = first;
      return args.next();
    }
    if (!(await first)) {
      log.warn({ timestamp: requestTimestamp }, 'slack: replayed request refused');
      return ack?.();
    }
    await args.next();
  });
  const errorLog: ErrorLog = { error: (obj, msg) => log.error(obj, msg) };

  // users.info answers change rarely; a short cache keeps manage commands fast, and a demoted admin
  // loses the right within a minute.
  const admins = new LRUCache<string, boolean>({
    max: 10_000,
    ttl: 60_000,
    ...(opts.clock ? { perf: opts.clock } : {}),
  });
  // A member's language (users.info with include_locale): asked once an hour, never waited on for
  // more than MEMBER_LOCALE_MS — a slow Slack costs the answer its language, not its time.
  const locales = new LRUCache<string, { locale: Locale | undefined }>({
    max: 10_000,
    ttl: 3_600_000,
    ...(opts.clock ? { perf: opts.clock } : {}),
  });
  async function userInfo(client: WebClient, team: string, user: string) {
    const info = await client.users.info({ user, include_locale: true });
    const u = info.user as
      | { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean; locale?: string }
      | undefined;
    const admin = Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner);
    admins.set(`${team}:${user}`, admin);
    locales.set(`${team}:${user}`, { locale: localeOf(u?.locale) });
    return admin;
  }
  async function isWorkspaceAdmin(client: WebClient, team: string, user: string): Promise<boolean> {
    const hit = admins.get(`${team}:${user}`);
    return hit !== undefined ? hit : userInfo(client, team, user);
  }
  async function memberLocale(client: WebClient, team: string, user: string): Promise<Locale | undefined> {
    const hit = locales.get(`${team}:${user}`);
    if (hit) return hit.locale;
    let timer: NodeJS.Timeout | undefined;
    const asked = userInfo(client, team, user).then(
      () => locales.get(`${team}:${user}`)?.locale,
      () => {
        locales.set(`${team}:${user}`, { locale: undefined });
        return undefined;
      },
    );
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(resolve, MEMBER_LOCALE_MS, undefined);
    });
    try {
      return await Promise.race([asked, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Posts to channels of the request's workspace, with the client Bolt authorised for it. */
  const channelsFor = (client: WebClient): ChannelAccess => ({
    async check(channel, w) {
      try {
        await client.chat.postMessage({ channel, text: w.t('slack.channel-ready') });
        return undefined;
      } catch (err) {
        const code = slackError(err);
        return CANNOT_POST.has(code)
          ? w.t(`slack.cannot-post.${code as CannotPost}`)
          : w.t('slack.refused', { code });
      }
    },
    async post(channel, reply, w) {
      await client.chat.postMessage({ channel, ...toMessage(reply, w) }).catch((err: unknown) => {
        throw refusalOf(err, { oauth: Boolean(config.oauth) });
      });
    },
  });

  /** The one way in: a verified Slack request -> a Session. */
  async function session(
    body: {
      team_id?: string;
      enterprise_id?: string;
      /** "true" in slash command bodies, a boolean elsewhere. */
      is_enterprise_install?: string | boolean;
      user_id: string;
      channel_id?: string;
      team_domain?: string;
    },
    client: WebClient,
    attachments?: ReadonlyMap<string, Attachment>,
    form = false,
  ): Promise<Session> {
    const teamId = body.team_id ?? body.enterprise_id;
    if (!teamId) throw new Error('request without a team');
    // An org-wide install serves every workspace of the org: alerts are posted under the org's installation.
    const orgWide = body.is_enterprise_install === true || body.is_enterprise_install === 'true';
    const locale = await memberLocale(client, teamId, body.user_id);
    return openSession(deps, {
      identity: {
        platform: 'slack',
        externalId: teamId,
        name: body.team_domain,
        ...(orgWide && body.enterprise_id ? { orgId: body.enterprise_id } : {}),
      },
      member: { id: body.user_id, isAdmin: () => isWorkspaceAdmin(client, teamId, body.user_id) },
      channelId: body.channel_id,
      channels: channelsFor(client),
      locale,
      ...(attachments ? { attachments } : {}),
      ...(form ? { form: true } : {}),
    });
  }

  /**
   * A reply's picture (a chart), shared in the channel after the answer (files upload v2). Only
   * for answers the channel sees: a private answer's picture would not be private. Not shared
   * (the bot is not in the channel, no files:write), the text bars in the answer still stand.
   */
  async function shareImage(reply: Reply, channel: string, client: WebClient): Promise<void> {
    if (!reply.image || reply.private) return;
    try {
      await client.filesUploadV2({
        channel_id: channel,
        file: reply.image.png,
        filename: reply.image.name,
        title: reply.image.alt,
        alt_text: reply.image.alt,
      });
    } catch (err) {
      log.warn({ err: slackError(err), channel }, 'slack: could not share a chart');
    }
  }

  app.command(/^\/(insurance|claim)$/, async ({ command, ack, respond, client, context }) => {
    const root = command.command.replace(/^\//, '');
    const policyForm = root === 'insurance' && /^policy\s+add$/i.test(command.text.trim());
    // Connecting without a token, where no website authorization is set up: the token goes in a
    // form, never in the command's text.
    const connectFor =
      root === 'insurance' && connectsByForm(deps)
        ? /^account\s+connect\s+(\S+)$/i.exec(command.text.trim())?.[1]
        : undefined;
    const form = policyForm || connectFor !== undefined;
    // Everything a command does — finding the team included — runs inside the acknowledgement
    // budget: a stalled database gets "Working on it…" and the answer later, never a timeout
    // that makes the member retry a write that is still going to land.
    type Answered = { ctx: Session; reply?: Reply } | { failed: string } | { replay: true };
    let found: Session | undefined;
    const answered = (): Promise<Answered> =>
      session(command as SlashCommand, client).then(
        async (ctx) => {
          found = ctx;
          return form ? { ctx } : { ctx, reply: await runText(ctx, root, command.text, errorLog) };
        },
        (err: unknown) => {
          log.error({ err }, 'slack: could not resolve the workspace');
          return { failed: wordsFor().t('slack.unavailable') };
        },
      );
    // A replayed command (the same signed request again) is acknowledged and does nothing.
    const first = (context as { firstTime?: Promise<boolean> }).firstTime ?? Promise.resolve(true);
    const work: Promise<Answered> = first.then(
      (isFirst) => {
        if (isFirst) return answered();
        log.warn({ team: command.team_id }, 'slack: replayed command refused');
        return { replay: true as const };
      },
      (err: unknown) => {
        log.warn({ err }, 'slack: could not check the request against replays; try again');
        return { failed: wordsFor().t('error.busy.hint') };
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const quick = await Promise.race([
      work,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(resolve, ackBudget, undefined);
      }),
    ]);
    clearTimeout(timer);
    if (quick && 'replay' in quick) return ack();
    if (quick && 'failed' in quick) return ack({ response_type: 'ephemeral', text: quick.failed });
    if (form) {
      // The form needs its trigger within Slack's 3 seconds: only a team found in time gets it.
      if (!quick) return ack({ response_type: 'ephemeral', text: wordsFor().t('error.busy.hint') });
      await openModal({
        id: connectFor !== undefined ? CONNECT_MODAL : POLICY_MODAL,
        ...(connectFor !== undefined ? { initial: { account: connectFor.toLowerCase() } } : {}),
        ctx: quick.ctx,
        ack: () => ack(),
        tell: (text) => ack({ response_type: 'ephemeral', text }),
        client,
        triggerId: command.trigger_id,
        log: errorLog,
      });
      return;
    }
    if (quick) {
      await ack(responseFor(quick.reply!, quick.ctx.words));
      await shareImage(quick.reply!, command.channel_id, client);
      await refreshHomes(quick.ctx, client);
      return;
    }
    // Slack needs an answer within 3 seconds: acknowledge now, answer through response_url.
    await ack({ response_type: 'ephemeral', text: (found?.words ?? wordsFor()).t('slack.working') });
    const late = await work;
    if ('replay' in late) return;
    try {
      if ('failed' in late)
        await respond({ response_type: 'ephemeral', text: late.failed, replace_original: false });
      else {
        await respond({ ...responseFor(late.reply!, late.ctx.words), replace_original: false });
        await shareImage(late.reply!, command.channel_id, client);
      }
    } catch (err) {
      log.error({ err: slackError(err) }, 'slack: could not deliver a delayed reply through response_url');
    }
    if (!('failed' in late)) await refreshHomes(late.ctx, client);
  });

  // Bolt runs every listener's matchers on every request: one listener per kind (one for all the
  // forms, one for all the shortcuts, one for the events) keeps that cost off each command.
  const modalIds = new RegExp(`^(${Object.keys(MODALS).join('|')})$`);
  app.view(modalIds, async ({ ack, body, view, client }) => {
    const id = view.callback_id as ModalId;
    // The import's file is the shared message's: read through Slack's file host, if asked for.
    const fileId =
      id === IMPORT_MODAL || id === CERTIFICATE_MODAL
        ? (JSON.parse(view.private_metadata || '{}') as { hidden?: { file?: string } }).hidden?.file
        : undefined;
    const file = fileId
      ? await slackAttachment(client, fileId, { ...SLACK_FILE_LIMITS, apiUrl: config.apiUrl })
      : undefined;
    const ctx = await session(
      { team_id: body.team?.id ?? body.enterprise?.id ?? '', user_id: body.user.id },
      client,
      file && fileId ? new Map([[fileId, file]]) : undefined,
      // What a modal carries is typed into a form only the member sees, not a message.
      true,
    );
    await submitModal({ id, ctx, ack, view, client, log: errorLog });
    await refreshHomes(ctx, client);
  });

  /**
   * A message shortcut's session, and how to tell its member something privately (acknowledging the
   * shortcut first): every shortcut opens a form from the message it was used on.
   */
  async function shortcutContext(shortcut: MessageShortcut, ack: () => Promise<void>, client: WebClient) {
    const ctx = await session(
      {
        team_id: shortcut.team?.id ?? shortcut.user.team_id,
        user_id: shortcut.user.id,
        channel_id: shortcut.channel.id,
      },
      client,
    );
    const tell = async (message: string) => {
      await ack();
      await client.chat
        .postEphemeral({ channel: shortcut.channel.id, user: shortcut.user.id, text: message })
        .catch((err) => log.warn({ err: slackError(err) }, 'slack: could not answer a shortcut'));
    };
    const form = { ack: () => ack(), tell, client, triggerId: shortcut.trigger_id, log: errorLog };
    return { ctx, form, channel: shortcut.channel.id, text: String(shortcut.message.text ?? '').trim() };
  }

  type ShortcutHandler = (
    shortcut: MessageShortcut,
    ack: () => Promise<void>,
    client: WebClient,
  ) => Promise<void>;
  const shortcuts: Record<string, ShortcutHandler> = {
    // "Record Amazon's proof request" on a message (Amazon's email pasted or forwarded into Slack):
    // the modal starts from the message's day, and its first lines as the note.
    [REQUEST_SHORTCUT]: async (shortcut, ack, client) => {
      const { ctx, form, channel, text } = await shortcutContext(shortcut, ack, client);
      const sent = new Date(Number(shortcut.message.ts) * 1000);
      await openModal({
        id: REQUEST_MODAL,
        ctx,
        ...form,
        initial: {
          date: await requestDayOf(ctx.deps, ctx.scope, sent),
          ...(text ? { note: text.split('\n').slice(0, 3).join(' ').slice(0, 200) } : {}),
        },
        channel,
      });
    },
    // "Decode Amazon's rejection" on Amazon's email pasted into Slack: the form starts from its text.
    [REJECTED_SHORTCUT]: async (shortcut, ack, client) => {
      const { ctx, form, channel, text } = await shortcutContext(shortcut, ack, client);
      await openModal({
        id: REJECTED_MODAL,
        ctx,
        ...form,
        ...(text ? { initial: { message: text.slice(0, 3000) } } : {}),
        channel,
      });
    },
  };
  // "Import sales report" and "Check this certificate" on a message with the file: a form for the
  // account, then the command, the file carried in the form's metadata.
  for (const [callback_id, id, noFile] of [
    [IMPORT_SHORTCUT, IMPORT_MODAL, 'slack.import.no-file'],
    [CERTIFICATE_SHORTCUT, CERTIFICATE_MODAL, 'slack.certificate.no-file'],
  ] as const)
    shortcuts[callback_id] = async (shortcut, ack, client) => {
      const { ctx, form, channel } = await shortcutContext(shortcut, ack, client);
      const file = (shortcut.message.files as { id?: string }[] | undefined)?.[0]?.id;
      if (!file) return form.tell(ctx.words.t(noFile));
      await openModal({ id, ctx, ...form, channel, hidden: { file } });
    };
  app.shortcut(
    { type: 'message_action', callback_id: new RegExp(`^(${Object.keys(shortcuts).join('|')})$`) },
    async ({ shortcut, ack, client }) => shortcuts[shortcut.callback_id]?.(shortcut, ack, client),
  );

  // A button under an answer ("Save as policy"): its value is a command line, run as the member who
  // pressed it — the same parsing, permission check and use case as typing it. The answer goes to
  // the channel the button was in (or only to them, when it is private).
  app.action(new RegExp(`^${RUN_ACTION}_\\d+$`), async ({ ack, body, action, client, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const [root, ...rest] = action.value?.split(' ') ?? [];
    if (root !== 'insurance' && root !== 'claim') return;
    const ctx = await session(
      {
        team_id: body.team?.id ?? body.user.team_id ?? '',
        user_id: body.user.id,
        channel_id: body.channel?.id,
      },
      client,
    );
    const reply = await runText(ctx, root, rest.join(' '), errorLog);
    const message = toMessage(reply, ctx.words);
    await respond({
      ...message,
      response_type: reply.private ? 'ephemeral' : 'in_channel',
      replace_original: false,
    }).catch((err: unknown) => log.warn({ err: slackError(err) }, 'slack: could not answer a button'));
    await refreshHomes(ctx, client);
  });

  // The App Home tab, and its refresh after any command that changed the team's records.
  const homes = new HomeViewers();
  async function refreshHomes(ctx: Session, client: WebClient): Promise<void> {
    await homes
      .refresh(ctx, ctx.scope.tenant.externalId, client, errorLog)
      .catch((err) => log.warn({ err: slackError(err) }, 'slack: could not refresh App Home'));
  }

  // A workspace that removes the app (or revokes its bot token) gets no more alerts — the same use
  // case as /insurance alerts off, audited — and with OAuth installs its installation is deleted.
  // Bolt skips authorisation for these two events.
  const forget = async (
    body: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean },
    why: string,
  ) => {
    const teamId = body.team_id ?? body.enterprise_id;
    if (!teamId) return;
    if (store)
      await store.deleteInstallation?.({
        teamId: body.team_id,
        enterpriseId: body.enterprise_id,
        isEnterpriseInstall: Boolean(body.is_enterprise_install),
      } as never);
    await forgetTeam(deps, { platform: 'slack', externalId: teamId }, `slack:${why}`);
    log.info({ team: teamId, why }, 'slack: app removed from a workspace; alerts off, installation deleted');
  };
  app.event(/^(app_home_opened|app_uninstalled|tokens_revoked)$/, async ({ event, body, client }) => {
    if (event.type === 'app_home_opened') {
      if (event.tab !== 'home') return;
      const ctx = await session({ team_id: body.team_id, user_id: event.user }, client);
      await homes
        .publish(ctx, ctx.scope.tenant.externalId, event.user, client, errorLog)
        .catch((err) => log.warn({ err: slackError(err) }, 'slack: could not publish App Home'));
    } else if (event.type === 'app_uninstalled') await forget(body, 'app_uninstalled');
    else if (event.type === 'tokens_revoked' && event.tokens.bot?.length)
      await forget(body, 'tokens_revoked');
  });

  app.error(async (err) => {
    log.error({ err, code: (err as { code?: string }).code }, 'slack: unhandled error');
  });

  let server: Server | undefined;
  return {
    app,
    async start() {
      await app.init();
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
    problem() {
      if (!socketReceiver) return server?.listening ? undefined : 'not listening';
      return socketReceiver.client.websocket?.isActive() ? undefined : 'Socket Mode not connected';
    },
  };
}
