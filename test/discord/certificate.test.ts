// "/insurance policy read" end to end in Discord: the certificate PDF attached to the command,
// fetched from Discord's file host, the answer with its buttons; "Save as policy" pressed — over the
// gateway with the real discord.js, and over the signed interactions endpoint. Every body the bot
// sends is held to Discord's OpenAPI description.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot, discordRest } from '../../adapters/discord/bot.ts';
import {
  DISCORD_INTERACTIONS_PATH,
  discordInteractionsEndpoint,
  discordPublicKey,
  startInteractionsServer,
} from '../../adapters/discord/http.ts';
import { discordChannels } from '../../adapters/discord/poster.ts';
import type { AppDeps } from '../../src/app/context.ts';
import type { Store } from '../../src/store/db.ts';
import { APP_ID, FakeDiscord, nextId } from '../fakes/discord.ts';
import { openApiValidator } from '../fakes/discord-openapi.ts';
import { COMPLIANT, certificatePdf, variant } from '../support/certificates.ts';
import { ask, nest, str } from '../support/discord-driver.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

const BOT_TOKEN = 'discord-certificate-bot-token';
const keys = generateKeyPairSync('ed25519');
const PUBLIC_KEY = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
let fake: FakeDiscord;
let store: Store;
let bot: DiscordBot;
let endpoint: string;
let closeEndpoint: () => Promise<void>;
const settled = new Map<string, () => void>();
const logs = memoryLogger([BOT_TOKEN]);
const validator = openApiValidator();

beforeAll(async () => {
  fake = await new FakeDiscord().start();
  store = await freshStore('sqlite');
  const deps: AppDeps = {
    store,
    now: () => new Date('2026-12-02T17:00:00Z'),
    defaults: { timeZone: 'America/Los_Angeles', alertHour: 9 },
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
  await fake?.stop();
});

afterEach(() => {
  expect(logs.lines.join('\n') + JSON.stringify(fake.requests.map((r) => r.body))).not.toContain(BOT_TOKEN);
  if (!validator.validate) return;
  for (const r of fake.requests.filter((x) => x.body !== undefined))
    expect(validator.validate(r) ?? [], `${r.method} ${r.path}`).toEqual([]);
});

type Button = { custom_id: string; label: string; style: number };
const buttonsIn = (messages: { body: Record<string, unknown> }[]): Button[] =>
  messages.flatMap((m) => {
    const body = (m.body.data as Record<string, unknown> | undefined) ?? m.body;
    return ((body.components as { components: Button[] }[] | undefined) ?? []).flatMap(
      (row) => row.components,
    );
  });

async function policiesOf(guild: string) {
  return store.db
    .selectFrom('policies')
    .innerJoin('tenants', 'tenants.id', 'policies.tenant_id')
    .where('tenants.external_id', '=', guild)
    .select(['policies.number', 'policies.uploaded_on', 'policies.basis'])
    .execute();
}

describe('the certificate check in Discord', () => {
  it('gateway: attached PDF read, answered with buttons; pressing one saves the policy once', async () => {
    const guild = nextId();
    await ask(
      fake,
      'insurance',
      ['account', 'add'],
      [str('name', 'acme-us'), str('marketplace', 'US'), str('legal', 'Acme Goods LLC')],
      {
        guildId: guild,
      },
    );
    const pdf = Buffer.from(
      await certificatePdf(
        variant((s) => ({ general: { ...s.general!, basis: 'claims-made' } })),
        'flattened',
      ),
    );
    const attachment = fake.attach('900000000000000931', 'coi.pdf', pdf);
    const read = await ask(
      fake,
      'insurance',
      ['policy', 'read'],
      [str('account', 'acme-us'), { name: 'file', type: 11, value: attachment.id }],
      { guildId: guild, resolved: { attachments: { [attachment.id]: attachment } } },
    );
    expect(read.embeds[0]?.title).toContain('Certificate coi.pdf for acme-us — Amazon would reject it');
    expect(read.text).toContain('❌ Written claims-made');
    const buttons = buttonsIn(read.messages);
    expect(buttons.map((b) => b.label)).toEqual(['Save as policy', 'Save, uploaded to Amazon today']);
    expect(buttons[0]!.custom_id).toMatch(/^coverwatch:run:insurance policy confirm [0-9a-f]{6}$/);
    expect(await policiesOf(guild)).toEqual([]);

    const { id, token } = fake.press({ customId: buttons[0]!.custom_id, guildId: guild });
    await fake.settled(id);
    expect(JSON.stringify(fake.answersTo(token))).toContain('Added: policy #1 for acme-us — DEFICIENT');
    expect(await policiesOf(guild)).toEqual([{ number: 1, uploaded_on: null, basis: 'claims-made' }]);
    // A second press: already saved.
    const again = fake.press({ customId: buttons[1]!.custom_id, guildId: guild });
    await fake.settled(again.id);
    expect(JSON.stringify(fake.answersTo(again.token))).toContain('is already saved, as policy #1');
    expect(await policiesOf(guild)).toHaveLength(1);
  });

  it('gateway: a member who may not manage pressing the button is refused, privately', async () => {
    const guild = nextId();
    await ask(fake, 'insurance', ['account', 'add'], [str('name', 'acme-us'), str('marketplace', 'US')], {
      guildId: guild,
    });
    const attachment = fake.attach(
      '900000000000000932',
      'coi.pdf',
      Buffer.from(await certificatePdf(COMPLIANT, 'fillable')),
    );
    const read = await ask(
      fake,
      'insurance',
      ['policy', 'read'],
      [str('account', 'acme-us'), { name: 'file', type: 11, value: attachment.id }],
      { guildId: guild, resolved: { attachments: { [attachment.id]: attachment } } },
    );
    const [save] = buttonsIn(read.messages);
    const { id, token } = fake.press({ customId: save!.custom_id, guildId: guild, permissions: '0' });
    await fake.settled(id);
    const answers = fake.answersTo(token);
    expect(JSON.stringify(answers)).toContain('permission');
    expect(answers.some((a) => (((a.body.flags as number | undefined) ?? 0) & 64) !== 0)).toBe(true);
    expect(await policiesOf(guild)).toEqual([]);
  });

  it('interactions endpoint: the button press is answered over HTTP and REST', async () => {
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
      return json;
    };
    const add = fake.interaction({
      command: 'insurance',
      options: nest(['account', 'add'], [str('name', 'web-us'), str('marketplace', 'US')]) as never,
      guildId: guild,
    });
    await post(add.payload, add.id);
    const attachment = fake.attach(
      '900000000000000933',
      'coi.pdf',
      Buffer.from(await certificatePdf(COMPLIANT, 'fillable')),
    );
    const read = fake.interaction({
      command: 'insurance',
      options: nest(
        ['policy', 'read'],
        [str('account', 'web-us'), { name: 'file', type: 11, value: attachment.id }],
      ) as never,
      guildId: guild,
      resolved: { attachments: { [attachment.id]: attachment } },
    });
    await post(read.payload, read.id);
    const [, saveUploaded] = buttonsIn(fake.answersTo(read.token));
    const pressed = fake.buttonPress({ customId: saveUploaded!.custom_id, guildId: guild });
    expect(await post(pressed.payload, pressed.id)).toEqual({ type: 5 });
    expect(JSON.stringify(fake.answersTo(pressed.token))).toContain('Added: policy #1 for web-us');
    expect(await policiesOf(guild)).toEqual([{ number: 1, uploaded_on: '2026-12-02', basis: 'occurrence' }]);
  });
});
