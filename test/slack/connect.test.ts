// Connecting a seller account to Amazon from Slack by self-authorization: the refresh token goes
// into a modal only the member sees, never into a message; the real Bolt over signed HTTP against
// the fake Slack, and the fake Amazon behind it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackBot, type SlackBot } from '../../adapters/slack/app.ts';
import { parseSecretKey, sealer } from '../../src/secrets.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeAmazon } from '../fakes/amazon.ts';
import { FakeSlack, postSigned, slashCommand, viewSubmission } from '../fakes/slack.ts';
import { virtualClock } from '../support/clock.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

const SECRET = 'connect-signing-secret';
const TEAM = 'T-CONNECT';
const TOKEN = 'Atzr|IwEBI-slack-modal-token-0123456789';
let fake: FakeSlack;
let amazon: FakeAmazon;
let store: Store;
let bot: SlackBot;
let url: string;
const logs = memoryLogger([SECRET, TOKEN]);

beforeAll(async () => {
  fake = await new FakeSlack().start();
  fake.admins.add('U1');
  amazon = await new FakeAmazon().start();
  amazon.plan = { rate: 1000, burst: 1000 };
  amazon.sellers.set('slack-seller', { refreshToken: TOKEN, sales: new Map([['2026-11-02', 1_200_000]]) });
  store = await freshStore('sqlite');
  bot = createSlackBot({
    config: { botToken: 'xoxb-connect', signingSecret: SECRET, apiUrl: fake.apiUrl },
    port: 0,
    host: '127.0.0.1',
    deps: {
      store,
      now: () => new Date('2026-11-21T17:00:00Z'),
      defaults: { timeZone: 'America/Los_Angeles', alertHour: 9 },
      sealer: sealer(parseSecretKey('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')),
      amazon: {
        lwaUrl: amazon.lwaUrl,
        apiUrl: amazon.apiUrl,
        clientId: 'amzn1.app',
        clientSecret: 'lwa-secret',
        clock: virtualClock(),
      },
    },
    log: logs.log,
  });
  url = `http://127.0.0.1:${(await bot.start()).port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await store?.close();
  await amazon?.stop();
  await fake?.stop();
});

const command = async (text: string) =>
  (await postSigned(url, SECRET, slashCommand(fake, '/insurance', text, { team_id: TEAM, user_id: 'U1' })))
    .json;

it('/insurance account connect <account> opens a form for the token; saving connects and backfills', async () => {
  await command('account add modal-us US');
  const opened = fake.callsOf('views.open').length;
  await command('account connect modal-us');
  await fake.arrival(() => fake.callsOf('views.open').length === opened + 1);
  const view = fake.callsOf('views.open').at(-1)!.params.view as {
    callback_id: string;
    private_metadata: string;
    blocks: { block_id: string; element: Record<string, unknown> }[];
  };
  expect(view.callback_id).toBe('coverwatch_account_connect');
  expect(view.blocks.map((b) => b.block_id)).toEqual(['account', 'refresh']);
  expect(view.blocks[1]!.element.multiline).toBeUndefined();
  const posts = fake.callsOf('chat.postMessage').length;
  const saved = await postSigned(
    url,
    SECRET,
    viewSubmission(TEAM, view, {
      account: { value: { type: 'static_select', selected_option: { value: 'modal-us' } } },
      refresh: { value: { type: 'plain_text_input', value: TOKEN } },
    }),
  );
  expect(saved.status).toBe(200);
  await fake.arrival(() => fake.callsOf('chat.postMessage').length === posts + 1);
  const answer = fake.callsOf('chat.postMessage').at(-1)!.params;
  expect(String(answer.text)).toContain('Connected modal-us to Amazon');
  expect(JSON.stringify(answer)).not.toContain(TOKEN);
  const conn = await store.db.selectFrom('amazon_connections').selectAll().executeTakeFirstOrThrow();
  expect(conn.refresh_token.startsWith('aes256gcm:')).toBe(true);
  // The backfill runs on after the answer; the daily figures arrive.
  const synced = () =>
    store.db.selectFrom('amazon_connections').select('synced_through').executeTakeFirstOrThrow();
  for (let i = 0; i < 200 && !(await synced()).synced_through; i++)
    await new Promise((d) => setTimeout(d, 25));
  expect((await synced()).synced_through).toBe('2026-11-20');
  const day = await store.db
    .selectFrom('sales_days')
    .select('amount_minor')
    .where('day', '=', '2026-11-02')
    .executeTakeFirstOrThrow();
  expect(day.amount_minor).toBe(1_200_000);
  expect(logs.lines.join('\n')).not.toContain(TOKEN);
});

it('a token typed into the command text is refused, and no form opens', async () => {
  const opened = fake.callsOf('views.open').length;
  const r = (await command(`account connect modal-us refresh:${TOKEN}`)) as { text: string };
  expect(JSON.stringify(r)).toContain('never taken from message text');
  expect(JSON.stringify(r)).not.toContain(TOKEN);
  expect(fake.callsOf('views.open').length).toBe(opened);
});
