// A fake Discord on 127.0.0.1: REST (gateway discovery, command registration, interaction
// callbacks, webhook edits and follow-ups, channel messages) and a gateway WebSocket (HELLO,
// IDENTIFY, READY, GUILD_CREATE, heartbeats, RESUME, dispatch). The bot under test is the real
// discord.js. Every request body is kept, and can be checked against Discord's OpenAPI schemas.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import {
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  ApplicationCommandType,
  ChannelType,
  GatewayOpcodes,
  InteractionType,
} from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';
import { discordMessageViolations } from './discord-limits.ts';
import { listen, shut } from './loopback.ts';

export const APP_ID = '100000000000000001';
export const BOT_ID = '100000000000000002';
export const GUILD_ID = '200000000000000001';
export const OTHER_GUILD_ID = '200000000000000002';
export const CHANNEL_ID = '300000000000000001';

export interface DiscordRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly body: unknown;
  /** Files sent with the message (multipart: `payload_json` is the body, `files[n]` the files). */
  readonly files?: readonly { name: string; bytes: Buffer }[];
  readonly authorization: string | undefined;
  readonly at: number;
}

export interface ScriptedResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

let snowflake = 900000000000000000n;
export const nextId = () => String(++snowflake);

export interface InteractionOptions {
  command: 'insurance' | 'claim';
  options: APIApplicationCommandInteractionDataOption[];
  guildId?: string | null;
  userId?: string;
  permissions?: string;
  roles?: string[];
  type?: InteractionType;
  resolved?: Record<string, unknown>;
  /** The member's client language (Discord's locale code). */
  locale?: string;
}

export class FakeDiscord {
  readonly requests: DiscordRequest[] = [];
  readonly commands = new Map<string, unknown[]>();
  readonly forbiddenChannels = new Set<string>();
  /** Bot tokens Discord no longer accepts (reset in the developer portal): every request is a 401. */
  readonly revokedTokens = new Set<string>();
  /** Every message body over Discord's limits; answered 400 as Discord would. */
  readonly violations: string[] = [];
  readonly gatewayFrames: { op: number; d?: unknown }[] = [];
  private readonly scripts: { match: (r: DiscordRequest) => boolean; answer: ScriptedResponse }[] = [];
  private server?: Server;
  private wss?: WebSocketServer;
  private socket?: WebSocket;
  private seq = 0;
  private readonly guilds: string[];
  /** Called for every REST request as it arrives (benchmarks time round trips with it). */
  onRequest?: (r: DiscordRequest) => void;
  private readonly settledIds = new Set<string>();
  private readonly settledWaiters = new Map<string, () => void>();
  identifies = 0;
  resumes = 0;
  port = 0;

  constructor(guilds: string[] = [GUILD_ID, OTHER_GUILD_ID]) {
    this.guilds = guilds;
  }

  /** Files the fake serves as attachments, by path (/attachments/<id>/<name>), and how often. */
  readonly files = new Map<string, Buffer>();
  fileGets = 0;

  /** Serves `bytes` as an attachment; returns what an interaction's resolved data says of it. */
  attach(
    id: string,
    name: string,
    bytes: Buffer,
  ): { id: string; filename: string; size: number; url: string; proxy_url: string } {
    const path = `/attachments/${id}/${name}`;
    this.files.set(path, bytes);
    const url = `http://127.0.0.1:${this.port}${path}`;
    return { id, filename: name, size: bytes.length, url, proxy_url: url };
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The next request that `match` accepts gets this answer instead of the default. */
  script(match: (r: DiscordRequest) => boolean, answer: ScriptedResponse): void {
    this.scripts.push({ match, answer });
  }

  find(method: string, pattern: RegExp): DiscordRequest[] {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      // Attachments, as Discord's file host serves them (a member's file on a command).
      const file =
        req.method === 'GET' ? this.files.get(new URL(req.url ?? '/', 'http://x').pathname) : undefined;
      if (file) {
        this.fileGets++;
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.length });
        res.end(file);
        return;
      }
      void this.handle(req).then(({ status, body, headers }) => {
        // A 204 has no body, so no JSON content type either (discord.js would try to parse it).
        res.writeHead(
          status,
          body === undefined ? { ...headers } : { 'content-type': 'application/json', ...headers },
        );
        res.end(body === undefined ? undefined : JSON.stringify(body));
      });
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (ws) => this.onConnection(ws));
    this.port = await listen(this.server);
    return this;
  }

  /** Stops the server; fails if any message the bot sent was over Discord's limits. */
  async stop(): Promise<void> {
    await shut(this.server, this.wss);
    if (this.violations.length)
      throw new Error(`messages over Discord's limits:\n${this.violations.join('\n')}`);
  }

  // --- gateway ---------------------------------------------------------------------------------

  private send(ws: WebSocket, frame: object): void {
    ws.send(JSON.stringify(frame));
  }

  private dispatch(t: string, d: unknown): void {
    if (!this.socket) throw new Error('no gateway connection');
    this.seq += 1;
    this.send(this.socket, { op: GatewayOpcodes.Dispatch, t, s: this.seq, d });
  }

  private onConnection(ws: WebSocket): void {
    this.socket = ws;
    this.send(ws, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: 45_000 } });
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d?: { seq?: number } };
      this.gatewayFrames.push(frame);
      if (frame.op === GatewayOpcodes.Heartbeat) this.send(ws, { op: GatewayOpcodes.HeartbeatAck });
      if (frame.op === GatewayOpcodes.Identify) {
        this.identifies += 1;
        this.dispatch('READY', {
          v: 10,
          user: {
            id: BOT_ID,
            username: 'coverwatch',
            discriminator: '0',
            global_name: null,
            avatar: null,
            bot: true,
          },
          guilds: this.guilds.map((id) => ({ id, unavailable: true })),
          session_id: `session-${this.identifies}`,
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          shard: [0, 1],
          application: { id: APP_ID, flags: 0 },
        });
        for (const id of this.guilds) this.dispatch('GUILD_CREATE', guildPayload(id));
      }
      if (frame.op === GatewayOpcodes.Resume) {
        this.resumes += 1;
        this.dispatch('RESUMED', {});
      }
    });
  }

  /** Asks the client to reconnect (op 7): discord.js closes, reconnects and resumes. */
  requestReconnect(): void {
    if (this.socket) this.send(this.socket, { op: GatewayOpcodes.Reconnect, d: null });
  }

  /** Drops the connection without warning, as a network fault would. */
  dropConnection(): void {
    this.socket?.terminate();
    this.socket = undefined;
  }

  get connected(): boolean {
    return this.socket?.readyState === 1;
  }

  /** The bot is added to a server: GUILD_CREATE, as Discord sends it. */
  joinGuild(id: string): void {
    this.dispatch('GUILD_CREATE', guildPayload(id));
  }

  /**
   * GUILD_DELETE: the bot was removed from the server (or the server deleted); with `unavailable`,
   * an outage instead, which Discord marks so.
   */
  leaveGuild(id: string, opts: { unavailable?: boolean } = {}): void {
    this.dispatch('GUILD_DELETE', opts.unavailable ? { id, unavailable: true } : { id });
  }

  /** Dispatches an INTERACTION_CREATE for a slash command; returns the interaction's id and token. */
  interact(opts: InteractionOptions): { id: string; token: string } {
    const { id, token, payload } = this.interaction(opts);
    this.dispatch('INTERACTION_CREATE', payload);
    return { id, token };
  }

  /**
   * The MODAL_SUBMIT Discord would send when the member fills in the modal `customId` and presses
   * its button: each text field inside a Label component, as Discord sends them now.
   */
  submission(
    opts: Omit<InteractionOptions, 'command' | 'options' | 'type' | 'resolved'> & {
      customId: string;
      values: Record<string, string>;
    },
  ): { id: string; token: string; payload: Record<string, unknown> } {
    const { id, token, payload } = this.interaction({ ...opts, command: 'insurance', options: [] });
    let component = 0;
    const data = {
      custom_id: opts.customId,
      components: Object.entries(opts.values).map(([customId, value]) => ({
        type: 18,
        id: ++component,
        component: { type: 4, id: ++component, custom_id: customId, value },
      })),
    };
    return { id, token, payload: { ...payload, type: InteractionType.ModalSubmit, data } };
  }

  /** Dispatches a MODAL_SUBMIT over the gateway; returns the interaction's id and token. */
  submit(opts: Parameters<FakeDiscord['submission']>[0]): { id: string; token: string } {
    const { id, token, payload } = this.submission(opts);
    this.dispatch('INTERACTION_CREATE', payload);
    return { id, token };
  }

  /** The MESSAGE_COMPONENT Discord sends when the member presses a button under one of the bot's messages. */
  buttonPress(
    opts: Omit<InteractionOptions, 'command' | 'options' | 'type' | 'resolved'> & { customId: string },
  ): { id: string; token: string; payload: Record<string, unknown> } {
    const { id, token, payload } = this.interaction({ ...opts, command: 'insurance', options: [] });
    const message = {
      id: nextId(),
      type: 0,
      channel_id: CHANNEL_ID,
      author: {
        id: BOT_ID,
        username: 'coverwatch',
        discriminator: '0',
        global_name: null,
        avatar: null,
        bot: true,
      },
      content: '',
      embeds: [],
      attachments: [],
      components: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: 0,
      timestamp: '2026-12-02T17:00:00.000Z',
      edited_timestamp: null,
    };
    return {
      id,
      token,
      payload: {
        ...payload,
        type: InteractionType.MessageComponent,
        data: { custom_id: opts.customId, component_type: 2 },
        message,
      },
    };
  }

  /** Dispatches a button press over the gateway; returns the interaction's id and token. */
  press(opts: Parameters<FakeDiscord['buttonPress']>[0]): { id: string; token: string } {
    const { id, token, payload } = this.buttonPress(opts);
    this.dispatch('INTERACTION_CREATE', payload);
    return { id, token };
  }

  /** The interaction Discord would send (over the gateway, or POSTed to an interactions endpoint). */
  interaction(opts: InteractionOptions): {
    id: string;
    token: string;
    payload: APIChatInputApplicationCommandInteraction;
  } {
    const id = nextId();
    const token = `token-${id}`;
    const user = {
      id: opts.userId ?? '400000000000000001',
      username: 'maria',
      discriminator: '0',
      global_name: 'Maria',
      avatar: null,
    };
    const guildId = opts.guildId === undefined ? GUILD_ID : opts.guildId;
    const payload = {
      id,
      application_id: APP_ID,
      type: opts.type ?? InteractionType.ApplicationCommand,
      data: {
        id: `cmd-${opts.command}`,
        name: opts.command,
        type: ApplicationCommandType.ChatInput,
        options: opts.options,
        ...(opts.resolved ? { resolved: opts.resolved } : {}),
      },
      ...(guildId
        ? {
            guild_id: guildId,
            channel_id: CHANNEL_ID,
            channel: { id: CHANNEL_ID, type: ChannelType.GuildText, guild_id: guildId, name: 'insurance' },
            member: {
              user,
              roles: opts.roles ?? [],
              permissions: opts.permissions ?? '32', // MANAGE_GUILD
              joined_at: '2026-01-01T00:00:00.000Z',
              deaf: false,
              mute: false,
              flags: 0,
            },
            guild: { id: guildId, locale: 'en-US', features: [] },
          }
        : { user, channel_id: CHANNEL_ID, channel: { id: CHANNEL_ID, type: ChannelType.DM } }),
      app_permissions: '2248473465835073',
      locale: opts.locale ?? 'en-US',
      guild_locale: 'en-US',
      token,
      version: 1,
      entitlements: [],
      authorizing_integration_owners: {},
      context: guildId ? 0 : 1,
      attachment_size_limit: 10_485_760,
    } as unknown as APIChatInputApplicationCommandInteraction;
    return { id, token, payload };
  }

  // --- REST ------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage): Promise<ScriptedResponse> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const type = req.headers['content-type'] ?? '';
    let body: unknown;
    const files: { name: string; bytes: Buffer }[] = [];
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
      for (const [key, value] of form.entries()) {
        if (key === 'payload_json') body = JSON.parse(String(value));
        else if (typeof value !== 'string') {
          const file = value as Blob & { name: string };
          files.push({ name: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
        }
      }
    } else body = bytes.length ? JSON.parse(bytes.toString('utf8')) : undefined;
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const request: DiscordRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.search,
      body,
      ...(files.length ? { files } : {}),
      authorization: req.headers.authorization,
      at: Date.now(),
    };
    this.requests.push(request);
    this.onRequest?.(request);
    const over = discordMessageViolations(request.body);
    if (over.length) {
      this.violations.push(...over.map((v) => `${request.method} ${path}: ${v}`));
      return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: over } };
    }
    const token = /^Bot (.+)$/.exec(request.authorization ?? '')?.[1];
    if (token && this.revokedTokens.has(token))
      return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    const scripted = this.scripts.findIndex((s) => s.match(request));
    if (scripted >= 0) return this.scripts.splice(scripted, 1)[0]!.answer;
    return this.answer(request);
  }

  private message(channelId: string, body: unknown): Record<string, unknown> {
    const b = (body ?? {}) as Record<string, unknown>;
    return {
      id: nextId(),
      channel_id: channelId,
      type: 0,
      content: b.content ?? '',
      embeds: b.embeds ?? [],
      author: {
        id: BOT_ID,
        username: 'coverwatch',
        discriminator: '0',
        global_name: null,
        avatar: null,
        bot: true,
      },
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      flags: b.flags ?? 0,
      components: [],
    };
  }

  private answer(r: DiscordRequest): ScriptedResponse {
    if (r.method === 'GET' && r.path === '/gateway/bot')
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      };
    const commands = /^\/applications\/\d+(?:\/guilds\/(\d+))?\/commands$/.exec(r.path);
    if (commands) {
      const scope = commands[1] ?? 'global';
      if (r.method === 'GET') return { status: 200, body: this.commands.get(scope) ?? [] };
      if (r.method === 'PUT') {
        const stored = (r.body as Record<string, unknown>[]).map((c) => ({
          id: nextId(),
          application_id: APP_ID,
          version: nextId(),
          default_member_permissions: null,
          nsfw: false,
          integration_types: [0],
          ...(commands[1] ? { guild_id: commands[1] } : {}),
          ...c,
        }));
        this.commands.set(scope, stored);
        return { status: 200, body: stored };
      }
    }
    if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) return { status: 204 };
    const webhook = /^\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.exec(r.path);
    if (webhook) {
      if (r.method === 'DELETE') return { status: 204 };
      return { status: 200, body: this.message(CHANNEL_ID, r.body) };
    }
    const channel = /^\/channels\/(\d+)\/messages$/.exec(r.path);
    if (channel && r.method === 'POST') {
      if (this.forbiddenChannels.has(channel[1]!))
        return { status: 403, body: { message: 'Missing Access', code: 50001 } };
      return { status: 200, body: this.message(channel[1]!, r.body) };
    }
    return { status: 404, body: { message: `fake Discord has no route ${r.method} ${r.path}`, code: 0 } };
  }

  /** Resolves when `condition` holds, checked as each request arrives (never by the clock). */
  arrival(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => {
      const previous = this.onRequest;
      this.onRequest = (r) => {
        previous?.(r);
        if (condition()) {
          this.onRequest = previous;
          resolve();
        }
      };
    });
  }

  /** Pass as the bot's `onSettled`: the bot says when it has finished answering an interaction. */
  readonly settle = (interactionId: string): void => {
    this.settledIds.add(interactionId);
    this.settledWaiters.get(interactionId)?.();
  };

  /** Resolves once the bot has finished answering the interaction (every edit and follow-up sent). */
  settled(interactionId: string): Promise<void> {
    if (this.settledIds.has(interactionId)) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.set(interactionId, resolve));
  }

  /** The embeds of every message the bot sent in answer to one interaction (edits and follow-ups). */
  answersTo(
    token: string,
  ): { kind: string; body: Record<string, unknown>; files?: readonly { name: string; bytes: Buffer }[] }[] {
    return this.requests
      .filter((r) => r.path.includes(`/${token}`) && r.body !== undefined)
      .map((r) => ({
        kind: r.path.endsWith('/callback') ? 'callback' : r.path.endsWith('@original') ? 'edit' : 'followup',
        body: r.body as Record<string, unknown>,
        ...(r.files ? { files: r.files } : {}),
      }));
  }
}

function guildPayload(id: string) {
  return {
    id,
    name: `Guild ${id.slice(-2)}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: '400000000000000009',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id,
        name: '@everyone',
        color: 0,
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: '0',
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    stickers: [],
    safety_alerts_channel_id: null,
    joined_at: '2026-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: [
      {
        id: CHANNEL_ID,
        type: ChannelType.GuildText,
        name: 'insurance',
        position: 0,
        permission_overwrites: [],
        guild_id: id,
      },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
