// A fake Slack on 127.0.0.1: the Web API (POST /api/<method>), response_url endpoints, and a
// Socket Mode WebSocket. It records every call, can be scripted to fail, and checks every Block
// Kit payload against Slack's limits. The bot under test is the real @slack/bolt.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { listen, shut } from './loopback.ts';
import { blockKitViolations, viewViolations } from './slack-limits.ts';

export interface SlackCall {
  readonly method: string;
  readonly token: string | undefined;
  readonly params: Record<string, unknown>;
  readonly at: number;
}

export interface Scripted {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const params: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // Object values (blocks, view) arrive as JSON strings.
    params[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return params;
}

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  /** Files announced with files.getUploadURLExternal, and their bytes once uploaded. */
  private readonly uploads = new Map<string, { filename: string; length: number; bytes?: Buffer }>();
  /** Files members shared (files.info, and their bytes on the fake file host), by id. */
  private readonly files = new Map<string, { name: string; bytes: Buffer; token: string }>();
  readonly fileGets: { id: string; authorization: string | undefined }[] = [];

  /** A file a member shared: what a message's `files` carries of it. Only `token` may download it. */
  share(id: string, name: string, bytes: Buffer, token: string): { id: string; name: string } {
    this.files.set(id, { name, bytes, token });
    return { id, name };
  }

  /** Files shared in a channel (files.completeUploadExternal). */
  readonly shared: { channel: string; filename: string; title?: string | undefined; bytes: Buffer }[] = [];
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  readonly violations: string[] = [];
  readonly admins = new Set<string>();
  /** Members' Slack languages (users.info with include_locale), by user id. */
  readonly locales = new Map<string, string>();
  readonly notInChannel = new Set<string>();
  /** Channels whose chat.postMessage is never answered (a hung request). */
  readonly hung = new Set<string>();
  /** Decides, per chat.postMessage, a failure to answer instead of posting (soak: random 500s and 429s). */
  postFault?: (channel: string) => Scripted | undefined;
  /** Channels whose next chat.postMessage is answered 429 with this Retry-After (seconds). */
  readonly rateLimited = new Map<string, number>();
  /** Milliseconds to wait before answering a method (a slow Slack). */
  readonly delays = new Map<string, number>();
  private readonly scripts = new Map<string, Scripted[]>();
  private server?: Server;
  private wss?: WebSocketServer;
  socket?: WebSocket;
  readonly socketMessages: Record<string, unknown>[] = [];
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** The next calls of `method` get these answers, in order, before the default answer resumes. */
  script(method: string, ...answers: Scripted[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...answers]);
  }

  /**
   * Holds the `nth` next call of `method` (1 = the very next) unanswered until `release()`:
   * `arrived` resolves when that call has come in. For landing a signal mid-delivery, by event.
   */
  hold(method: string, nth = 1): { arrived: Promise<void>; release: () => void } {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    this.holds.push({ method, remaining: nth, arrived, released });
    return { arrived: arrival, release };
  }
  private readonly holds: {
    method: string;
    remaining: number;
    arrived: () => void;
    released: Promise<void>;
  }[] = [];

  /** Resolves when `condition` holds, checked as each request arrives (never by the clock). */
  arrival(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ condition, resolve }));
  }
  private readonly waiters: { condition: () => boolean; resolve: () => void }[] = [];
  private wake(): void {
    for (const w of [...this.waiters])
      if (w.condition()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
  }

  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        // A file's bytes go as they are; everything else is JSON.
        if (Buffer.isBuffer(body)) {
          res.writeHead(status, { 'content-type': 'application/octet-stream', ...headers });
          res.end(body);
          return;
        }
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body === undefined ? '' : JSON.stringify(body));
      });
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (ws) => {
      this.socket = ws;
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as Record<string, unknown>;
        this.socketMessages.push(message);
        queueMicrotask(() => this.wake());
        // Socket Mode acks carry the answer most commands give: check it like any other payload.
        const payload = message.payload as { text?: unknown; blocks?: unknown } | undefined;
        if (payload && 'blocks' in payload)
          this.violations.push(...blockKitViolations(payload).map((v) => `socket ack: ${v}`));
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake' },
          connection_info: { app_id: 'A1' },
        }),
      );
    });
    this.port = await listen(this.server);
    return this;
  }

  /** Stops the server; fails if any payload the bot sent was over Slack's limits. */
  async stop(): Promise<void> {
    await shut(this.server, this.wss);
    if (this.violations.length)
      throw new Error(`payloads over Slack's limits:\n${this.violations.join('\n')}`);
  }

  private async handle(req: IncomingMessage): Promise<Scripted> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/private-files/')) {
      // Slack's file host: a shared file's bytes, for the bot token only.
      const file = this.files.get(url.pathname.slice('/private-files/'.length));
      this.fileGets.push({ id: url.pathname, authorization: req.headers.authorization });
      if (!file || req.headers.authorization !== `Bearer ${file.token}`)
        return { status: 404, body: 'not found' };
      return { status: 200, body: file.bytes };
    }
    if (url.pathname.startsWith('/upload/')) {
      // files upload v2, step 2: the file's bytes, posted to the URL step 1 gave.
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const id = url.pathname.slice('/upload/'.length);
      const pending = this.uploads.get(id);
      if (!pending) return { status: 404, body: 'no such upload' };
      // Raw bytes, or (as @slack/web-api sends them) one file in a multipart form.
      const raw = Buffer.concat(chunks);
      const type = req.headers['content-type'] ?? '';
      if (type.startsWith('multipart/form-data')) {
        const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
        const file = [...form.values()].find((v) => typeof v !== 'string') as Blob | undefined;
        pending.bytes = file ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
      } else pending.bytes = raw;
      return { status: 200, body: `OK - ${pending.bytes.length}` };
    }
    const raw = await readBody(req);
    const params = parseParams(raw, req.headers['content-type']);
    if (url.pathname.startsWith('/respond/')) {
      this.responses.push({ id: url.pathname.slice('/respond/'.length), body: params });
      queueMicrotask(() => this.wake());
      const over = blockKitViolations(params);
      this.violations.push(...over.map((v) => `response_url: ${v}`));
      return { status: 200, body: over.length ? { ok: false, error: 'invalid_blocks' } : { ok: true } };
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? (params.token as string | undefined);
    this.calls.push({ method, token, params, at: Date.now() });
    queueMicrotask(() => this.wake());
    if ('blocks' in params || 'text' in params) {
      const over = blockKitViolations(params);
      if (over.length) {
        this.violations.push(...over.map((v) => `${method}: ${v}`));
        return {
          status: 200,
          body: { ok: false, error: 'invalid_blocks', response_metadata: { messages: over } },
        };
      }
    }
    if (method === 'views.open' || method === 'views.publish' || method === 'views.update') {
      const view = typeof params.view === 'string' ? JSON.parse(params.view) : params.view;
      const over = viewViolations(view);
      if (over.length) {
        this.violations.push(...over.map((v) => `${method}: ${v}`));
        return {
          status: 200,
          body: { ok: false, error: 'invalid_arguments', response_metadata: { messages: over } },
        };
      }
    }
    if (method === 'chat.postMessage') {
      const channel = String(params.channel);
      if (this.hung.has(channel)) return new Promise<Scripted>(() => undefined);
      const fault = this.postFault?.(channel);
      if (fault) return fault;
      const retryAfter = this.rateLimited.get(channel);
      if (retryAfter !== undefined) {
        this.rateLimited.delete(channel);
        return {
          status: 429,
          headers: { 'retry-after': String(retryAfter) },
          body: { ok: false, error: 'ratelimited' },
        };
      }
    }
    const delay = this.delays.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const hold = this.holds.find((h) => h.method === method);
    if (hold && --hold.remaining === 0) {
      this.holds.splice(this.holds.indexOf(hold), 1);
      hold.arrived();
      await hold.released;
    }
    const scripted = this.scripts.get(method)?.shift();
    if (scripted) return scripted;
    return { status: 200, body: this.answer(method, params) };
  }

  private answer(method: string, params: Record<string, unknown>): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'coverwatch', team: 'Fake' };
      case 'chat.postMessage':
        if (this.notInChannel.has(String(params.channel))) return { ok: false, error: 'not_in_channel' };
        return { ok: true, channel: params.channel, ts: `${Date.now() / 1000}` };
      case 'users.info':
        return {
          ok: true,
          user: {
            id: params.user,
            is_admin: this.admins.has(String(params.user)),
            // Slack sends the member's language only when asked (include_locale).
            ...(params.include_locale && this.locales.has(String(params.user))
              ? { locale: this.locales.get(String(params.user)) }
              : {}),
          },
        };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'files.info': {
        const file = this.files.get(String(params.file));
        if (!file) return { ok: false, error: 'file_not_found' };
        return {
          ok: true,
          file: {
            id: params.file,
            name: file.name,
            size: file.bytes.length,
            url_private_download: `http://127.0.0.1:${this.port}/private-files/${String(params.file)}`,
          },
        };
      }
      case 'files.getUploadURLExternal': {
        // files upload v2, step 1: a file id and where to send its bytes.
        if (!params.filename || !Number(params.length)) return { ok: false, error: 'invalid_arguments' };
        const id = `F${this.uploads.size + 1}`;
        this.uploads.set(id, { filename: String(params.filename), length: Number(params.length) });
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        // Step 3: the files, complete and of the announced length, shared in the channel.
        const files = (typeof params.files === 'string' ? JSON.parse(params.files) : params.files) as {
          id: string;
          title?: string;
        }[];
        for (const f of files) {
          const up = this.uploads.get(f.id);
          if (!up?.bytes || up.bytes.length !== up.length)
            return { ok: false, error: 'file_upload_incomplete' };
          if (this.notInChannel.has(String(params.channel_id))) return { ok: false, error: 'not_in_channel' };
          this.shared.push({
            channel: String(params.channel_id),
            filename: up.filename,
            title: f.title,
            bytes: up.bytes,
          });
        }
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: true };
    }
  }
}

/** Signs a request body exactly as Slack does: v0=HMAC-SHA256(secret, "v0:ts:body"). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The headers of a request Slack signs: its timestamp and the signature over it and the body. */
export function signedHeaders(
  secret: string,
  body: string,
  contentType: string,
  opts: SignedOptions = {},
): Record<string, string> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': opts.signature ?? slackSignature(secret, ts, body),
  };
}

export interface SignedOptions {
  readonly timestamp?: number;
  readonly signature?: string;
}

/** POSTs a form-encoded body to the bot, signed with `secret`. */
export async function postSigned(
  url: string,
  secret: string,
  fields: Record<string, string>,
  opts: SignedOptions = {},
) {
  const body = new URLSearchParams(fields).toString();
  const res = await fetch(url, {
    method: 'POST',
    headers: signedHeaders(secret, body, 'application/x-www-form-urlencoded', opts),
    body,
  });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  // The acknowledgement carries most answers: hold it to Slack's limits like every other payload.
  const over = json && 'blocks' in json ? blockKitViolations(json) : [];
  if (over.length) throw new Error(`acknowledgement over Slack's limits: ${over.join('; ')}`);
  return { status: res.status, text, json };
}

/** POSTs a JSON body (Events API callbacks) to the bot, signed with `secret`. */
export async function postSignedJson(url: string, secret: string, payload: object) {
  const body = JSON.stringify(payload);
  const res = await fetch(url, {
    method: 'POST',
    headers: signedHeaders(secret, body, 'application/json'),
    body,
  });
  return { status: res.status, text: await res.text() };
}

export function slashCommand(
  fake: FakeSlack,
  command: '/insurance' | '/claim',
  text: string,
  over: Record<string, string> = {},
): Record<string, string> {
  const id = `r${Math.random().toString(36).slice(2, 8)}`;
  return {
    token: 'legacy-verification-token',
    command,
    text,
    response_url: fake.responseUrl(id),
    trigger_id: `trig.${id}`,
    user_id: 'U1',
    user_name: 'maria',
    team_id: 'T1',
    team_domain: 'acme',
    channel_id: 'C1',
    channel_name: 'insurance',
    api_app_id: 'A1',
    ...over,
  };
}

/** The form fields Slack posts when a member submits a modal (a view_submission interaction). */
export function viewSubmission(
  team: string,
  view: { callback_id: string; private_metadata: string },
  values: Record<string, unknown>,
  user = 'U1',
): Record<string, string> {
  const id = Math.random().toString(36).slice(2, 8);
  return {
    payload: JSON.stringify({
      type: 'view_submission',
      team: { id: team, domain: 'acme' },
      user: { id: user, team_id: team },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: `trig.${id}`,
      view: { id: `V${id}`, team_id: team, type: 'modal', ...view, state: { values }, hash: 'h', blocks: [] },
    }),
  };
}
