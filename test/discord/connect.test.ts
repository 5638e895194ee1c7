// Connecting a seller account to Amazon from Discord by self-authorization: the refresh token is
// never a command option (Discord shows options in the channel) but a field in a modal only the
// member sees. Over the gateway with the real discord.js and over the signed interactions
// endpoint, against the fake Discord (bodies checked against Discord's OpenAPI) and fake Amazon.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot, discordRest } from '../../adapters/discord/bot.ts';
import { applicationCommands } from '../../adapters/discord/commands-json.ts';
import {
  DISCORD_INTERACTIONS_PATH,
  discordInteractionsEndpoint,
  discordPublicKey,
  startInteractionsServer,
} from '../../adapters/discord/http.ts';
import { discordChannels } from '../../adapters/discord/poster.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { parseSecretKey, sealer } from '../../src/secrets.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeAmazon } from '../fakes/amazon.ts';
import { APP_ID, FakeDiscord, nextId } from '../fakes/discord.ts';
import { openApiValidator } from '../fakes/discord-openapi.ts';
import { virtualClock } from '../support/clock.ts';
import { ask, nest, str } from '../support/discord-driver.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

const BOT_TOKEN = 'discord-connect-bot-token';
const REFRESH = 'Atzr|IwEBI-discord-modal-token-0123456789';
const FORM = 'coverwatch:form:insurance account connect';
const keys = generateKeyPairSync('ed25519');
const PUBLIC_KEY = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');

let fake: FakeDiscord;
let amazon: FakeAmazon;
let store: Store;
let bot: DiscordBot;
let endpoint: string;
let closeEndpoint: () => Promise<void>;
const settled = new Map<string, () => void>();
const logs = memoryLogger([BOT_TOKEN, REFRESH]);
const validator = openApiValidator();

beforeAll(async () => {
  fake = await new FakeDiscord().start();
  amazon = await new FakeAmazon().start();
  amazon.plan = { rate: 1000, burst: 1000 };
  amazon.sellers.set('discord-seller', {
    refreshToken: REFRESH,
    sales: new Map([['2026-11-02', 1_300_000]]),
  });
  store = await freshStore('sqlite');
  const deps: AppDeps = {
    store,
    now: () => new Date('2026-11-21T17:00:00Z'),
    defaults: { timeZone: 'America/Los_Angeles', alertHour: 9 },
    sealer: sealer(parseSecretKey('abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789')),
    amazon: {
      lwaUrl: amazon.lwaUrl,
      apiUrl: amazon.apiUrl,
      clientId: 'amzn1.app',
      clientSecret: 'lwa-secret',
      clock: virtualClock(),
    },
  };
  const config = { token: BOT_TOKEN, applicationId: APP_ID, apiUrl: fake.apiUrl };
  bot = createDiscordBot({ config, deps, log: logs.log, onSettled: fake.settle });
  await bot.start();
  const rest = discordRest(config);
  const server = await startInteractionsServer(
    discordInteractionsEndpoint({
      publicKey: discordPublicKey(PUBLIC_KEY),
      rest,
      deps,
      channels: discordChannels(rest),
      log: logs.log,
      onSettled: (id) => settled.get(id)?.(),
      apiUrl: fake.apiUrl,
    }),
    0,
    '127.0.0.1',
  );
  endpoint = `http://127.0.0.1:${server.port}${DISCORD_INTERACTIONS_PATH}`;
  closeEndpoint = server.close;
});

afterAll(async () => {
  await closeEndpoint?.();
  await bot?.stop();
  await store?.close();
  await amazon?.stop();
  await fake?.stop();
});

// Every body the bot sent is held to Discord's OpenAPI description; none carries a secret.
afterEach(() => {
  const sent = JSON.stringify(fake.requests.map((r) => r.body));
  expect(sent).not.toContain(REFRESH);
  expect(logs.lines.join('\n')).not.toContain(REFRESH);
  if (!validator.validate) return;
  for (const r of fake.requests.filter((x) => x.body !== undefined))
    expect(validator.validate(r) ?? [], `${r.method} ${r.path}`).toEqual([]);
});

/** The modal a callback opened, if it did. */
function modalOf(messages: { kind: string; body: Record<string, unknown> }[]) {
  const callback = messages.find((m) => m.kind === 'callback')?.body as
    | {
        type: number;
        data: {
          custom_id: string;
          title: string;
          components: { type: number; label: string; component: Record<string, unknown> }[];
        };
      }
    | undefined;
  return callback?.type === 9 ? callback.data : undefined;
}

async function connection(guild: string) {
  return store.db
    .selectFrom('amazon_connections')
    .innerJoin('tenants', 'tenants.id', 'amazon_connections.tenant_id')
    .where('tenants.external_id', '=', guild)
    .select(['amazon_connections.refresh_token', 'amazon_connections.synced_through'])
    .executeTakeFirst();
}

describe('self-authorization in Discord', () => {
  it('the refresh token is not an option of the registered command', () => {
    const insurance = applicationCommands().find((c) => c.name === 'insurance')!;
    const account = insurance.options!.find((o) => o.name === 'account') as {
      options: { name: string; options?: { name: string }[] }[];
    };
    const connect = account.options.find((o) => o.name === 'connect')!;
    expect(connect.options!.map((o) => o.name)).toEqual(['account', 'private']);
  });

  it('gateway: connect opens a modal; sending it connects, seals the token and backfills', async () => {
    const guild = nextId();
    await ask(fake, 'insurance', ['account', 'add'], [str('name', 'modal-us'), str('marketplace', 'US')], {
      guildId: guild,
    });
    const opened = await ask(fake, 'insurance', ['account', 'connect'], [str('account', 'modal-us')], {
      guildId: guild,
    });
    const modal = modalOf(opened.messages);
    expect(modal?.custom_id).toBe(FORM);
    expect(modal?.title).toBe('Connect to Amazon');
    expect(modal?.components.map((c) => [c.label, c.component.custom_id, c.component.value])).toEqual([
      ['Which seller account?', 'account', 'modal-us'],
      ['Login with Amazon refresh token (Atzr|…)', 'refresh', undefined],
    ]);
    expect(modal?.components[1]?.component.required).toBe(true);
    expect(await connection(guild)).toBeUndefined();

    const { id, token } = fake.submit({
      customId: FORM,
      values: { account: 'modal-us', refresh: REFRESH },
      guildId: guild,
    });
    await fake.settled(id);
    const answer = JSON.stringify(fake.answersTo(token));
    expect(answer).toContain('Connected modal-us to Amazon');
    expect(answer).toContain('being fetched');
    const stored = await connection(guild);
    expect(stored?.refresh_token.startsWith('aes256gcm:')).toBe(true);
    // The backfill goes on after the answer: the figures arrive.
    for (let i = 0; i < 200 && !(await connection(guild))?.synced_through; i++)
      await new Promise((d) => setTimeout(d, 25));
    expect((await connection(guild))?.synced_through).toBe('2026-11-20');
  });

  it('gateway: a member who may not manage gets no modal, and a sent form is refused too', async () => {
    const guild = nextId();
    await ask(fake, 'insurance', ['account', 'add'], [str('name', 'modal-us'), str('marketplace', 'US')], {
      guildId: guild,
    });
    const opened = await ask(fake, 'insurance', ['account', 'connect'], [str('account', 'modal-us')], {
      guildId: guild,
      permissions: '0',
    });
    expect(modalOf(opened.messages)).toBeUndefined();
    expect(opened.ephemeral).toBe(true);
    const { id } = fake.submit({
      customId: FORM,
      values: { account: 'modal-us', refresh: REFRESH },
      guildId: guild,
      permissions: '0',
    });
    await fake.settled(id);
    expect(await connection(guild)).toBeUndefined();
  });

  it('gateway: a form sent without the token is answered with what is missing; nothing is stored', async () => {
    const guild = nextId();
    await ask(fake, 'insurance', ['account', 'add'], [str('name', 'modal-us'), str('marketplace', 'US')], {
      guildId: guild,
    });
    const { id, token } = fake.submit({
      customId: FORM,
      values: { account: 'modal-us', refresh: '  ' },
      guildId: guild,
    });
    await fake.settled(id);
    const answer = fake.answersTo(token);
    expect(answer).toHaveLength(1);
    expect(JSON.stringify(answer)).toContain(
      'The form came back without “Login with Amazon refresh token (Atzr|…)”: nothing was stored.',
    );
    expect(await connection(guild)).toBeUndefined();
  });

  it('interactions endpoint: the modal is the HTTP answer; the submission connects', async () => {
    const guild = nextId();
    const post = async (payload: unknown, id: string) => {
      const body = JSON.stringify(payload);
      const ts = String(Math.floor(Date.now() / 1000));
      const finished = new Promise<void>((resolve) => settled.set(id, resolve));
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature-ed25519': sign(null, Buffer.from(ts + body), keys.privateKey).toString('hex'),
          'x-signature-timestamp': ts,
        },
        body,
      });
      const json = (await res.json()) as Record<string, unknown>;
      await finished;
      // The HTTP answer is an interaction response: the body Discord's callback route takes.
      const errors = validator.validate?.({
        method: 'POST',
        path: `/interactions/${id}/t/callback`,
        query: '',
        body: json,
        at: Date.now(),
      } as never);
      expect(errors ?? []).toEqual([]);
      return json;
    };
    const add = fake.interaction({
      command: 'insurance',
      options: nest(['account', 'add'], [str('name', 'web-us'), str('marketplace', 'US')]) as never,
      guildId: guild,
    });
    await post(add.payload, add.id);
    const connect = fake.interaction({
      command: 'insurance',
      options: nest(['account', 'connect'], [str('account', 'web-us')]) as never,
      guildId: guild,
    });
    const shown = (await post(connect.payload, connect.id)) as {
      type: number;
      data: { custom_id: string };
    };
    expect(shown.type).toBe(9);
    expect(shown.data.custom_id).toBe(FORM);
    const sent = fake.submission({
      customId: FORM,
      values: { account: 'web-us', refresh: REFRESH },
      guildId: guild,
    });
    expect(await post(sent.payload, sent.id)).toEqual({ type: 5 });
    expect(JSON.stringify(fake.answersTo(sent.token))).toContain('Connected web-us to Amazon');
    expect((await connection(guild))?.refresh_token.startsWith('aes256gcm:')).toBe(true);
  });
});
