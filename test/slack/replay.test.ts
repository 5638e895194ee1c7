// Signed requests are handled once: the same captured request sent again inside Slack's
// five-minute window, or one dated in the future, changes nothing. And an install the member
// cancels lands on a page that says so.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackBot, type SlackBot } from '../../adapters/slack/app.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeSlack, postSigned, slashCommand } from '../fakes/slack.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

const SECRET = 'replay-signing-secret';
let fake: FakeSlack;
let store: Store;
let bot: SlackBot;
let oauthBot: SlackBot;
let url: string;
let oauthBase: string;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  fake.admins.add('U1');
  store = await freshStore('sqlite');
  const deps = {
    store,
    now: () => new Date('2026-11-21T17:00:00Z'),
    defaults: { timeZone: 'UTC', alertHour: 9 },
  };
  bot = createSlackBot({
    config: { botToken: 'xoxb-replay', signingSecret: SECRET, apiUrl: fake.apiUrl },
    port: 0,
    host: '127.0.0.1',
    deps,
    log: memoryLogger([SECRET]).log,
  });
  url = `http://127.0.0.1:${(await bot.start()).port}/slack/events`;
  oauthBot = createSlackBot({
    config: {
      signingSecret: SECRET,
      apiUrl: fake.apiUrl,
      oauth: { clientId: '1.2', clientSecret: 'client-secret-r', stateSecret: 'state-secret-r' },
    },
    port: 0,
    host: '127.0.0.1',
    deps,
    log: memoryLogger([SECRET]).log,
  });
  oauthBase = `http://127.0.0.1:${(await oauthBot.start()).port}`;
});

afterAll(async () => {
  await bot?.stop();
  await oauthBot?.stop();
  await store?.close();
  await fake?.stop();
});

const accounts = async () =>
  (await store.db.selectFrom('accounts').select('name').execute()).map((r) => r.name);

it('the same signed command sent three times adds one account', async () => {
  const fields = slashCommand(fake, '/insurance', 'account add once-us US', { team_id: 'T-REPLAY' });
  const timestamp = Math.floor(Date.now() / 1000);
  const first = await postSigned(url, SECRET, fields, { timestamp });
  expect(JSON.stringify(first.json)).toContain('Added once-us');
  for (let i = 0; i < 2; i++) {
    const again = await postSigned(url, SECRET, fields, { timestamp });
    expect(again.status).toBe(200);
    expect(again.text).toBe('');
  }
  expect(await accounts()).toEqual(['once-us']);
});

it('a signed command dated an hour ahead is refused', async () => {
  const fields = slashCommand(fake, '/insurance', 'account add future-us US', { team_id: 'T-REPLAY' });
  const res = await postSigned(url, SECRET, fields, { timestamp: Math.floor(Date.now() / 1000) + 3600 });
  expect(res.text).toBe('');
  expect(await accounts()).not.toContain('future-us');
});

it('an install the member cancels shows a page saying nothing changed', async () => {
  const res = await fetch(`${oauthBase}/slack/oauth_redirect?error=access_denied&state=whatever`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  const page = await res.text();
  expect(page).toContain('coverwatch was not installed');
  expect(page).toContain('The installation was cancelled, so nothing changed in your workspace.');
});
