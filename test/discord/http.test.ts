// Discord's interactions endpoint (DISCORD_PUBLIC_KEY): requests signed with a real Ed25519 key made
// for the test, PING/PONG, 401 for anything not signed by the application's key (or replayed
// later), and commands answered in the HTTP response then edited over REST on the fake Discord —
// whose request bodies are checked against Discord's OpenAPI description.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { discordRest } from '../../adapters/discord/bot.ts';
import {
  DISCORD_INTERACTIONS_PATH,
  discordInteractionsEndpoint,
  discordPublicKey,
  startInteractionsServer,
} from '../../adapters/discord/http.ts';
import { discordChannels } from '../../adapters/discord/poster.ts';
import type { Store } from '../../src/store/db.ts';
import { APP_ID, FakeDiscord, type InteractionOptions } from '../fakes/discord.ts';
import { type BodyValidator, openApiValidator } from '../fakes/discord-openapi.ts';
import { memoryLogger } from '../support/logs.ts';
import { startCoverwatch } from '../support/running.ts';
import { freshStore, tempSqlitePath } from '../support/stores.ts';

const keys = generateKeyPairSync('ed25519');
// The raw 32-byte key, hex, as the Developer Portal shows it: the SPKI DER form minus its 12-byte prefix.
const PUBLIC_KEY = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
const stranger = generateKeyPairSync('ed25519').privateKey;

let fake: FakeDiscord;
let store: Store;
let url: string;
let close: () => Promise<void>;
const settled = new Map<string, () => void>();
const done = (id: string) => new Promise<void>((resolve) => settled.set(id, resolve));
const validator = openApiValidator();

beforeAll(async () => {
  fake = await new FakeDiscord().start();
  store = await freshStore('sqlite');
  const rest = discordRest({ token: 'http-bot-token-123', applicationId: APP_ID, apiUrl: fake.apiUrl });
  const endpoint = discordInteractionsEndpoint({
    publicKey: discordPublicKey(PUBLIC_KEY),
    rest,
    deps: { store, now: () => new Date('2026-11-21T17:00:00Z'), defaults: { timeZone: 'UTC', alertHour: 9 } },
    channels: discordChannels(rest),
    log: memoryLogger([]).log,
    onSettled: (id) => settled.get(id)?.(),
    apiUrl: fake.apiUrl,
  });
  const server = await startInteractionsServer(endpoint, 0, '127.0.0.1');
  url = `http://127.0.0.1:${server.port}${DISCORD_INTERACTIONS_PATH}`;
  close = server.close;
});

afterAll(async () => {
  await close?.();
  await store?.close();
  await fake?.stop();
});

afterEach(() => {
  const validate: BodyValidator | undefined = validator.validate;
  if (!validate) return;
  for (const r of fake.requests) expect(validate(r) ?? [], `${r.method} ${r.path}`).toEqual([]);
});

async function post(
  body: string,
  opts: { key?: KeyObject; timestamp?: number; signature?: string; headers?: boolean } = {},
) {
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const signature =
    opts.signature ?? sign(null, Buffer.from(ts + body), opts.key ?? keys.privateKey).toString('hex');
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(opts.headers === false ? {} : { 'x-signature-ed25519': signature, 'x-signature-timestamp': ts }),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** Sends a command interaction; resolves with the HTTP answer and, once settled, what went over REST. */
async function interact(opts: Omit<InteractionOptions, 'command'> & { command?: 'insurance' | 'claim' }) {
  const { id, token, payload } = fake.interaction({ command: 'insurance', ...opts });
  const finished = done(id);
  const res = await post(JSON.stringify(payload));
  await finished;
  // The HTTP answer is an interaction response: the same body Discord's callback route takes.
  const errors = validator.validate?.({
    method: 'POST',
    path: `/interactions/${id}/${token}/callback`,
    query: '',
    body: res.json,
    at: Date.now(),
  } as never);
  expect(errors ?? []).toEqual([]);
  return { ...res, rest: fake.answersTo(token) };
}
const sub = (name: string, options: unknown[] = []) => [{ type: 1, name, options }] as never;
const group = (g: string, name: string, options: unknown[] = []) =>
  [{ type: 2, name: g, options: [{ type: 1, name, options }] }] as never;
const str = (name: string, value: string) => ({ type: 3, name, value });

describe('Discord interactions over HTTP', () => {
  it('answers PING with PONG', async () => {
    expect(
      await post(JSON.stringify({ id: '1', application_id: APP_ID, type: 1, token: 't', version: 1 })),
    ).toEqual({
      status: 200,
      json: { type: 1 },
    });
  });

  it('refuses with 401 what the application key did not sign, or signed long ago', async () => {
    const ping = JSON.stringify({ id: '1', application_id: APP_ID, type: 1, token: 't', version: 1 });
    expect((await post(ping, { key: stranger })).status).toBe(401);
    expect((await post(ping, { headers: false })).status).toBe(401);
    expect((await post(ping, { signature: 'ab'.repeat(64) })).status).toBe(401);
    expect((await post(ping, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    // Signed, then changed on the way: the signature no longer matches.
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(ts + ping), keys.privateKey).toString('hex');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'x-signature-ed25519': signature, 'x-signature-timestamp': ts },
      body: ping.replace('"type":1', '"type":2'),
    });
    expect(res.status).toBe(401);
  });

  it('refuses the same signed request sent again', async () => {
    const ping = JSON.stringify({ id: '2', application_id: APP_ID, type: 1, token: 't', version: 1 });
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await post(ping, { timestamp })).status).toBe(200);
    expect((await post(ping, { timestamp })).status).toBe(401);
  });

  it('defers a command in the HTTP answer, then edits it with the answer over REST', async () => {
    const add = await interact({
      options: group('account', 'add', [str('name', 'acme-us'), str('marketplace', 'US')]),
    });
    expect(add.status).toBe(200);
    expect(add.json).toEqual({ type: 5 });
    expect(add.rest.map((r) => r.kind)).toEqual(['edit']);
    expect(JSON.stringify(add.rest[0]!.body)).toContain('Added acme-us');
    expect(add.rest[0]!.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers bad options and refusals privately in the HTTP answer itself', async () => {
    const bad = await interact({
      options: group('sales', 'record', [str('account', 'acme-us'), str('month', 'Oct'), str('amount', '5')]),
    });
    expect(bad.json).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(bad.json)).toContain('Month is not a month');
    expect(bad.rest).toEqual([]);
    const refused = await interact({
      options: group('account', 'add', [str('name', 'kim-us')]),
      permissions: '0',
      userId: '400000000000000077',
    });
    expect(refused.json).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(refused.json)).toContain('You do not have permission for this');
  });

  it('suggests account names as the member types', async () => {
    const { payload } = fake.interaction({
      command: 'insurance',
      type: 4,
      options: group('sales', 'list', [{ type: 3, name: 'account', value: 'ac', focused: true }]),
    });
    const res = await post(JSON.stringify(payload));
    expect(res.json).toEqual({ type: 8, data: { choices: [{ name: 'acme-us', value: 'acme-us' }] } });
  });

  it('the sales chart goes with the edit as an attachment (multipart), shown in the first embed', async () => {
    const history = await interact({ options: group('sales', 'history', [str('account', 'acme-us')]) });
    const edit = history.rest.find((r) => r.kind === 'edit')!;
    expect(edit.files?.map((f) => f.name)).toEqual(['acme-us-sales-2026-11.png']);
    expect(edit.body.attachments).toEqual([{ id: '0', filename: 'acme-us-sales-2026-11.png' }]);
    const png = edit.files![0]!.bytes;
    expect([png.subarray(1, 4).toString(), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      'PNG',
      800,
      400,
    ]);
    expect(JSON.stringify(edit.body.embeds)).toContain('attachment://acme-us-sales-2026-11.png');
  });

  it('sales import: the attached report is downloaded from Discord’s file host and imported', async () => {
    const csv = Buffer.from(
      '"Date","Ordered Product Sales"\n"11/1/2026","$6,000.00"\n"11/2/2026","$4,000.01"\n',
    );
    const attachment = fake.attach('900000000000000777', 'BusinessReport.csv', csv);
    const gets = fake.fileGets;
    const imported = await interact({
      options: group('sales', 'import', [
        str('account', 'acme-us'),
        { type: 11, name: 'file', value: attachment.id },
      ]),
      resolved: { attachments: { [attachment.id]: attachment } },
    });
    expect(JSON.stringify(imported.rest)).toContain(
      'Imported 2 days of sales for acme-us (2026-11-01 to 2026-11-02)',
    );
    expect(fake.fileGets).toBe(gets + 1);
    // A file anywhere but Discord's own hosts is not fetched.
    const elsewhere = {
      ...attachment,
      id: '900000000000000778',
      url: 'https://files.example.com/report.csv',
    };
    const refused = await interact({
      options: group('sales', 'import', [
        str('account', 'acme-us'),
        { type: 11, name: 'file', value: elsewhere.id },
      ]),
      resolved: { attachments: { [elsewhere.id]: elsewhere } },
    });
    expect(JSON.stringify(refused.rest)).toContain('cannot read BusinessReport.csv (host)');
    expect(fake.fileGets).toBe(gets + 1);
  });

  it('a read command in a server: the same check as over the gateway', async () => {
    const check = await interact({ options: sub('check') });
    expect(check.json).toEqual({ type: 5 });
    expect(JSON.stringify(check.rest)).toContain('Insurance check: acme-us');
  });
});

describe('coverwatch start with DISCORD_PUBLIC_KEY', () => {
  it('serves the endpoint on PORT and never opens a gateway connection', async () => {
    const other = await new FakeDiscord().start();
    const bot = startCoverwatch({
      DATABASE_URL: tempSqlitePath(),
      DISCORD_TOKEN: 'http-mode-token-123',
      DISCORD_PUBLIC_KEY: PUBLIC_KEY,
      DISCORD_API_URL: other.apiUrl,
      PORT: '0',
      ALERT_CRON: '0 0 1 1 *',
    });
    try {
      const { port } = (await bot.logged((l) => l.msg === 'discord interactions endpoint ready')) as {
        port: number;
      };
      const ping = JSON.stringify({ id: '1', application_id: APP_ID, type: 1, token: 't', version: 1 });
      const ts = String(Math.floor(Date.now() / 1000));
      const res = await fetch(`http://127.0.0.1:${port}${DISCORD_INTERACTIONS_PATH}`, {
        method: 'POST',
        headers: {
          'x-signature-ed25519': sign(null, Buffer.from(ts + ping), keys.privateKey).toString('hex'),
          'x-signature-timestamp': ts,
        },
        body: ping,
      });
      expect(await res.json()).toEqual({ type: 1 });
      expect(other.find('GET', /^\/gateway\/bot$/)).toEqual([]);
      expect(other.identifies).toBe(0);
    } finally {
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      await other.stop();
    }
  });
});
