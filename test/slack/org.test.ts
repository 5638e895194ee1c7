// An org-wide (Enterprise Grid) install: one installation, under the org, serves every workspace
// of the org. Commands from a workspace work through it, and that workspace's alerts are posted
// with the org installation's token (the poster used to look up the workspace's own, and fail).

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackBot, type SlackBot } from '../../adapters/slack/app.ts';
import { slackPoster } from '../../adapters/slack/poster.ts';
import { routeByPlatform } from '../../src/alerts/notifier.ts';
import { runSweep } from '../../src/alerts/sweep.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { saveInstallation } from '../../src/app/installations.ts';
import { sealer } from '../../src/secrets.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeSlack, postSigned, slashCommand } from '../fakes/slack.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

const SECRET = 'org-signing-secret-123';
const OAUTH = { clientId: '1.2', clientSecret: 'client-secret-org', stateSecret: 'state-secret-org' };
let fake: FakeSlack;
let store: Store;
let bot: SlackBot;
let url: string;
let deps: AppDeps;
const clock = new Date('2026-11-21T18:00:00Z');

beforeAll(async () => {
  fake = await new FakeSlack().start();
  fake.admins.add('U1');
  store = await freshStore('sqlite');
  deps = {
    store,
    now: () => clock,
    defaults: { timeZone: 'America/Los_Angeles', alertHour: 9 },
    sealer: sealer(randomBytes(32)),
  };
  await saveInstallation(
    deps,
    'E:E-ORG',
    { enterpriseId: 'E-ORG' },
    {
      enterprise: { id: 'E-ORG' },
      isEnterpriseInstall: true,
      bot: { token: 'xoxb-org-wide', userId: 'UBOT', id: 'BBOT' },
    },
  );
  bot = createSlackBot({
    config: { signingSecret: SECRET, apiUrl: fake.apiUrl, oauth: OAUTH },
    port: 0,
    host: '127.0.0.1',
    deps,
    log: memoryLogger([SECRET]).log,
  });
  url = `http://127.0.0.1:${(await bot.start()).port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await store?.close();
  await fake?.stop();
});

const run = async (team: string, text: string) =>
  (
    await postSigned(
      url,
      SECRET,
      slashCommand(fake, '/insurance', text, {
        team_id: team,
        enterprise_id: 'E-ORG',
        is_enterprise_install: 'true',
        user_id: 'U1',
        channel_id: `C-${team}`,
      }),
    )
  ).json as { blocks?: { text?: { text: string } }[] };

it('each workspace of the org works through the org install, and its alerts go out with the org token', async () => {
  for (const team of ['T-ORG-1', 'T-ORG-2']) {
    await run(team, 'account add shop US');
    await run(team, 'sales record shop 2026-11 20000');
    expect(JSON.stringify(await run(team, 'alerts here 9'))).toContain('Daily from 09:00');
  }
  // Every Web API call for these workspaces used the org installation's token.
  expect(new Set(fake.calls.filter((c) => c.method !== 'auth.test').map((c) => c.token))).toEqual(
    new Set(['xoxb-org-wide']),
  );

  const notifier = routeByPlatform({
    slack: slackPoster({ apiUrl: fake.apiUrl, signingSecret: SECRET, oauth: OAUTH }, deps, {
      retries: 0,
      minTimeout: 10,
      maxTimeout: 10,
    }),
  });
  const before = fake.callsOf('chat.postMessage').length;
  const result = await runSweep({
    store,
    notifier,
    now: () => clock,
    owner: 'org-test',
    defaults: { alertHour: 9 },
    delivery: { pace: () => 0 },
  });
  expect(result).toMatchObject({ delivered: 2, failed: 0, retried: 0 });
  const posts = fake.callsOf('chat.postMessage').slice(before);
  expect(posts.map((p) => [p.params.channel, p.token]).sort()).toEqual([
    ['C-T-ORG-1', 'xoxb-org-wide'],
    ['C-T-ORG-2', 'xoxb-org-wide'],
  ]);
});
