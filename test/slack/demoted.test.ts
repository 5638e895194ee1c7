// A workspace admin who is demoted loses the right to change data within a minute: the admin
// check (users.info) is remembered for 60 seconds at most, on a clock the test moves.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackBot, type SlackBot } from '../../adapters/slack/app.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeSlack, postSigned, slashCommand } from '../fakes/slack.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

const SECRET = 'demoted-signing-secret';
let fake: FakeSlack;
let store: Store;
let bot: SlackBot;
let url: string;
let now = 1_000_000;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  store = await freshStore('sqlite');
  bot = createSlackBot({
    config: { botToken: 'xoxb-demoted', signingSecret: SECRET, apiUrl: fake.apiUrl },
    port: 0,
    host: '127.0.0.1',
    deps: { store, now: () => new Date('2026-11-21T17:00:00Z'), defaults: { timeZone: 'UTC', alertHour: 9 } },
    log: memoryLogger([SECRET]).log,
    clock: { now: () => now },
  });
  url = `http://127.0.0.1:${(await bot.start()).port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await store?.close();
  await fake?.stop();
});

const run = async (text: string) =>
  JSON.stringify(
    (await postSigned(url, SECRET, slashCommand(fake, '/insurance', text, { team_id: 'T-DEMOTE' }))).json,
  );

it('an admin demoted in Slack can still manage for under a minute, and not after', async () => {
  fake.admins.add('U1');
  expect(await run('account add one-us US')).toContain('Added one-us');
  fake.admins.delete('U1');
  now += 59_000;
  expect(await run('account add two-us US')).toContain('Added two-us');
  now += 2_000;
  expect(await run('account add three-us US')).toContain('You do not have permission for this');
  expect((await store.db.selectFrom('accounts').select('name').execute()).map((r) => r.name)).toEqual([
    'one-us',
    'two-us',
  ]);
});
