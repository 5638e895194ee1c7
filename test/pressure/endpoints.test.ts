// Every HTTP endpoint the bot serves verifies what it must: Slack events need a valid signature;
// the OAuth callback needs the state it issued; health carries no data; anything else is 404.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackBot, type SlackBot } from '../../adapters/slack/app.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeSlack, postSigned, slashCommand } from '../fakes/slack.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

let fake: FakeSlack;
let store: Store;
let bot: SlackBot;
let base: string;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  store = await freshStore('sqlite');
  bot = createSlackBot({
    config: {
      signingSecret: 'endpoint-secret',
      apiUrl: fake.apiUrl,
      oauth: { clientId: '1.2', clientSecret: 'client-secret-z', stateSecret: 'state-secret-z' },
    },
    port: 0,
    host: '127.0.0.1',
    deps: { store, now: () => new Date(), defaults: { timeZone: 'UTC', alertHour: 9 } },
    log: memoryLogger().log,
  });
  base = `http://127.0.0.1:${(await bot.start()).port}`;
});
afterAll(async () => {
  await bot?.stop();
  await store?.close();
  await fake?.stop();
});

it('POST /slack/events: unsigned, forged or stale requests get 401', async () => {
  const fields = slashCommand(fake, '/insurance', 'check', { team_id: 'T-X' });
  expect(
    (
      await fetch(`${base}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      })
    ).status,
  ).toBe(401);
  expect((await postSigned(`${base}/slack/events`, 'wrong-secret', fields)).status).toBe(401);
  expect(
    (
      await postSigned(`${base}/slack/events`, 'endpoint-secret', fields, {
        timestamp: Math.floor(Date.now() / 1000) - 3600,
      })
    ).status,
  ).toBe(401);
  expect(fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
});

it('GET /slack/oauth_redirect with a state it did not issue installs nothing', async () => {
  const res = await fetch(`${base}/slack/oauth_redirect?code=stolen&state=forged-state`, {
    redirect: 'manual',
  });
  expect(res.status).not.toBe(200);
  expect(fake.callsOf('oauth.v2.access')).toEqual([]);
  const installs = await store.db.selectFrom('slack_installations').selectAll().execute();
  expect(installs).toEqual([]);
});

it('GET /slack/install redirects to Slack with a signed state; GET /healthz says only ok; other paths 404', async () => {
  const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(install.status).toBe(302);
  expect(install.headers.get('location')).toMatch(/^https:\/\/slack\.com\/oauth\/v2\/authorize\?.*state=/);
  const health = await fetch(`${base}/healthz`);
  expect(await health.json()).toEqual({ ok: true });
  expect((await fetch(`${base}/admin`)).status).toBe(404);
  expect((await fetch(`${base}/slack/events`)).status).toBe(404);
});
