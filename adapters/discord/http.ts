// Discord's interactions endpoint: with DISCORD_PUBLIC_KEY set, Discord POSTs each interaction to
// `/discord/interactions` instead of sending it over the gateway, so any replica behind a load
// balancer can answer. Every request is checked against the application's Ed25519 public key
// (401 otherwise, as Discord requires); the initial response is the HTTP answer, and edits and
// follow-ups go over REST with the interaction's token.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type REST, Routes } from 'discord.js';
import {
  type APIInteraction,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { ErrorLog } from '../../commands/run.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { firstTime } from '../../src/app/receipts.ts';
import type { ChannelAccess } from '../../src/app/session.ts';
import { localeOf, wordsFor } from '../../src/i18n/index.ts';
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

export const DISCORD_INTERACTIONS_PATH = '/discord/interactions';

/** Interactions are small; anything larger is not from Discord. */
const MAX_BODY = 256 * 1024;
/** A signed request older (or newer) than this is refused: a captured request cannot be replayed later. */
const MAX_SKEW_S = 300;

// An Ed25519 public key in SPKI DER is this fixed prefix and the 32 raw key bytes.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The application's public key (64 hex characters, from the Developer Portal). */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hexadecimal characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/** True when Discord signed `timestamp + body` with the application's key. */
export function verifyDiscordSignature(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowS: number = Date.now() / 1000,
): boolean {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d+$/.test(timestamp))
    return false;
  if (Math.abs(nowS - Number(timestamp)) > MAX_SKEW_S) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, Buffer.from(signature, 'hex'));
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Who sent a raw interaction, and where from. */
function memberOf(i: APIInteraction): MemberInteraction {
  const member = 'member' in i ? i.member : undefined;
  return {
    id: i.id,
    guildId: i.guild_id ?? null,
    channelId: i.channel?.id ?? i.channel_id,
    userId: member?.user.id ?? i.user?.id ?? '',
    roles: member?.roles ?? [],
    permissions: BigInt(member?.permissions ?? '0'),
    locale: 'locale' in i ? i.locale : undefined,
  };
}

/** A component of a submitted modal: an action row or a label around fields, or a field. */
interface SubmittedComponent {
  readonly custom_id?: string;
  readonly value?: unknown;
  readonly component?: SubmittedComponent;
  readonly components?: readonly SubmittedComponent[];
}

/** A raw MODAL_SUBMIT: its id and text fields by id, found inside rows and labels alike. */
function fromSubmission(i: APIInteraction): FormSubmission {
  const data = (i.data ?? {}) as { custom_id?: string; components?: SubmittedComponent[] };
  const values = new Map<string, string>();
  const walk = (c: SubmittedComponent) => {
    if (c.custom_id && typeof c.value === 'string') values.set(c.custom_id, c.value);
    if (c.component) walk(c.component);
    for (const inner of c.components ?? []) walk(inner);
  };
  for (const c of data.components ?? []) walk(c);
  return { ...memberOf(i), customId: data.custom_id ?? '', values };
}

/** A raw MESSAGE_COMPONENT: the button's custom id. */
function fromButton(i: APIInteraction): ButtonPress {
  const data = (i.data ?? {}) as { custom_id?: string };
  return { ...memberOf(i), customId: data.custom_id ?? '' };
}

/** The raw interaction as the shared handlers see it. */
function fromPayload(i: APIInteraction): CommandInteraction {
  const data = (i.data ?? {}) as {
    name?: string;
    options?: RawOption[];
    resolved?: { attachments?: Record<string, { url: string; filename: string; size: number }> };
  };
  const attachments = data.resolved?.attachments;
  return {
    ...memberOf(i),
    commandName: data.name ?? '',
    options: data.options ?? [],
    ...(attachments
      ? {
          files: new Map(
            Object.entries(attachments).map(([id, a]) => [
              id,
              { url: a.url, name: a.filename, size: a.size },
            ]),
          ),
        }
      : {}),
  };
}

export function discordInteractionsEndpoint(opts: {
  publicKey: KeyObject;
  /** REST for edits and follow-ups (the interaction token authorises them; no bot token needed). */
  rest: REST;
  deps: AppDeps;
  channels: ChannelAccess;
  log: ErrorLog & { warn(obj: object, msg: string): void };
  onSettled?: (interactionId: string) => void;
  /** DISCORD_API_URL, if set: its host serves attachments too (a local fake). */
  apiUrl?: string | undefined;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const { rest, deps, log } = opts;
  const handlers = interactionHandlers({ deps, channels: opts.channels, log, apiUrl: opts.apiUrl });
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  return (req, res) => {
    void (async () => {
      if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
      const body = await readBody(req);
      if (!body) return send(res, 413, { error: 'too large' });
      const signature = req.headers['x-signature-ed25519'];
      const timestamp = req.headers['x-signature-timestamp'];
      if (
        !verifyDiscordSignature(
          opts.publicKey,
          typeof signature === 'string' ? signature : undefined,
          typeof timestamp === 'string' ? timestamp : undefined,
          body,
        )
      )
        return send(res, 401, { error: 'invalid request signature' });
      // Each signed request once: a captured one sent again (inside the five minutes) is refused.
      if (
        !(await firstTime(deps, {
          platform: 'discord',
          timestampS: Number(timestamp),
          signature: String(signature),
        }))
      )
        return send(res, 401, { error: 'request already handled' });
      let interaction: APIInteraction;
      try {
        interaction = JSON.parse(body.toString('utf8')) as APIInteraction;
      } catch {
        return send(res, 400, { error: 'not JSON' });
      }
      if (interaction.type === InteractionType.Ping)
        return send(res, 200, { type: InteractionResponseType.Pong });
      if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
        const choices = await handlers.autocomplete(fromPayload(interaction)).catch((err: unknown) => {
          log.error({ err }, 'discord: autocomplete failed');
          return [];
        });
        return send(res, 200, {
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices },
        });
      }
      if (
        interaction.type !== InteractionType.ApplicationCommand &&
        interaction.type !== InteractionType.ModalSubmit &&
        interaction.type !== InteractionType.MessageComponent
      )
        return send(res, 400, {
          error: `interaction type ${(interaction as { type: number }).type} is not handled`,
        });
      const work = answerCommand(interaction, res);
      deps.inflight?.track(work);
      await work;
    })().catch((err: unknown) => {
      log.error({ err }, 'discord: interactions endpoint failed');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    });
  };

  async function answerCommand(interaction: APIInteraction, res: ServerResponse): Promise<void> {
    const hook = (path: '@original' | undefined) =>
      path
        ? Routes.webhookMessage(interaction.application_id, interaction.token, path)
        : Routes.webhook(interaction.application_id, interaction.token);
    const payload = (
      m: {
        content?: string | undefined;
        embeds?: DiscordMessage['embeds'];
        files?: DiscordMessage['files'];
        components?: DiscordMessage['components'];
      },
      ephemeral = false,
    ) => ({
      ...(m.content ? { content: m.content } : {}),
      embeds: m.embeds ?? [],
      ...(m.components ? { components: m.components } : {}),
      // Nothing in an answer pings anyone.
      allowed_mentions: { parse: [] },
      ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      // The attachment id is a string in Discord's schema (its index among the files sent).
      ...(m.files?.length
        ? { attachments: m.files.map((f, id) => ({ id: String(id), filename: f.name })) }
        : {}),
    });
    /** A message's files as @discordjs/rest sends them (multipart, beside payload_json). */
    const files = (m: { content?: string | undefined; files?: DiscordMessage['files'] }) =>
      m.files?.length ? { files: m.files.map((f) => ({ name: f.name, data: f.data })) } : {};
    let responded = false;
    let deferred = false;
    const initial = (body: unknown) => {
      if (responded) throw new Error('the interaction already has its initial response');
      responded = true;
      send(res, 200, body);
    };
    const responder: Responder = {
      reply: async (m, ephemeral) =>
        initial({ type: InteractionResponseType.ChannelMessageWithSource, data: payload(m, ephemeral) }),
      defer: async (ephemeral) => {
        deferred = true;
        initial({
          type: InteractionResponseType.DeferredChannelMessageWithSource,
          ...(ephemeral ? { data: { flags: MessageFlags.Ephemeral } } : {}),
        });
      },
      editOriginal: async (m) => {
        await rest.patch(hook('@original'), { body: payload(m), ...files(m), auth: false });
      },
      followUp: async (m, ephemeral) => {
        await rest.post(hook(undefined), { body: payload(m, ephemeral), ...files(m), auth: false });
      },
      deleteOriginal: async () => {
        await rest.delete(hook('@original'), { auth: false });
      },
      showModal: async (data) => initial({ type: InteractionResponseType.Modal, data }),
    };
    try {
      if (interaction.type === InteractionType.ModalSubmit)
        await handlers.submit(fromSubmission(interaction), responder);
      else if (interaction.type === InteractionType.MessageComponent)
        await handlers.press(fromButton(interaction), responder);
      else await handlers.command(fromPayload(interaction), responder);
    } catch (err) {
      log.error({ err }, 'discord: interaction failed');
      const content = wordsFor(localeOf('locale' in interaction ? interaction.locale : undefined)).t(
        'discord.failed',
      );
      if (!responded)
        initial({
          type: InteractionResponseType.ChannelMessageWithSource,
          data: { content, flags: MessageFlags.Ephemeral },
        });
      else if (deferred) await responder.editOriginal({ content }).catch(() => undefined);
    } finally {
      opts.onSettled?.(interaction.id);
    }
  }
}

/** A server for the endpoint alone, when no Slack HTTP server is there to carry it. */
export function startInteractionsServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port: number,
  host?: string,
  /** More routes by path (GET): the Amazon authorization callback. */
  routes: Readonly<Record<string, (req: IncomingMessage, res: ServerResponse) => void>> = {},
): Promise<{ port: number; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://discord').pathname;
    if (path === DISCORD_INTERACTIONS_PATH) return handler(req, res);
    const route = routes[path];
    if (route && req.method === 'GET') return route(req, res);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        server,
        // In-flight requests finish (their answers are tracked); idle keep-alive sockets close now.
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
