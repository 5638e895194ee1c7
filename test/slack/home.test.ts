// The App Home tab and the "Record proof request" message shortcut, with the real Bolt over signed
// HTTP against the fake Slack (whose views are held to Slack's limits).
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createSlackBot,
  IMPORT_SHORTCUT,
  REQUEST_SHORTCUT,
  type SlackBot,
} from '../../adapters/slack/app.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeSlack, postSigned, postSignedJson, slashCommand, viewSubmission } from '../fakes/slack.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

const SECRET = 'home-signing-secret-123';
const TEAM = 'T-HOME';
let fake: FakeSlack;
let store: Store;
let bot: SlackBot;
let url: string;
const logs = memoryLogger([SECRET]);

beforeAll(async () => {
  fake = await new FakeSlack().start();
  fake.admins.add('U1');
  store = await freshStore('sqlite');
  bot = createSlackBot({
    config: { botToken: 'xoxb-home', signingSecret: SECRET, apiUrl: fake.apiUrl },
    port: 0,
    host: '127.0.0.1',
    deps: {
      store,
      now: () => new Date('2026-11-21T17:00:00Z'),
      defaults: { timeZone: 'America/Los_Angeles', alertHour: 9 },
    },
    log: logs.log,
  });
  url = `http://127.0.0.1:${(await bot.start()).port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await store?.close();
  await fake?.stop();
});

const command = async (text: string, user = 'U1') =>
  (await postSigned(url, SECRET, slashCommand(fake, '/insurance', text, { team_id: TEAM, user_id: user })))
    .json;
const published = () => fake.callsOf('views.publish');
const viewText = (call: { params: Record<string, unknown> }) => JSON.stringify(call.params.view);

it('App Home shows the accounts and claims when opened, and again whenever a command changes them', async () => {
  await command('account add acme-us US');
  const opened = await postSignedJson(url, SECRET, {
    token: 'legacy',
    team_id: TEAM,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: 'EvHome1',
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1' },
  });
  expect(opened.status).toBe(200);
  await fake.arrival(() => published().length === 1);
  expect(published()[0]!.params.user_id).toBe('U1');
  expect(viewText(published()[0]!)).toContain('coverwatch: your accounts and claims');
  expect(viewText(published()[0]!)).toContain('acme-us — Not required');

  // A read changes nothing: no new publish. A write does, with what changed.
  await command('check');
  await command('sales record acme-us 2026-10 12000');
  await fake.arrival(() => published().length === 2);
  expect(viewText(published()[1]!)).toContain('acme-us — Required');
  await command('check');
  expect(published()).toHaveLength(2);
  expect(fake.violations).toEqual([]);
});

const EMAIL =
  'Action Required: Provide proof of liability insurance coverage\nHello, we need a certificate naming Amazon as additional insured.';

function shortcut(user: string) {
  return {
    payload: JSON.stringify({
      type: 'message_action',
      callback_id: REQUEST_SHORTCUT,
      trigger_id: `trig.short.${user}`,
      team: { id: TEAM, domain: 'acme' },
      user: { id: user, team_id: TEAM, name: 'maria' },
      channel: { id: 'C-MAIL', name: 'amazon-mail' },
      // 2026-11-10 20:00 UTC: noon that day in Los Angeles, the team's zone.
      message: { type: 'message', ts: '1794340800.000200', text: EMAIL, user: 'U9' },
      message_ts: '1794340800.000200',
      response_url: fake.responseUrl('short'),
      api_app_id: 'A1',
      token: 'legacy',
      action_ts: '1763744400.1',
    }),
  };
}

it('the proof-request shortcut opens a form on the message day, then records the request and says so', async () => {
  await command('account add kim-us US');
  const before = fake.callsOf('views.open').length;
  expect((await postSigned(url, SECRET, shortcut('U1'))).status).toBe(200);
  await fake.arrival(() => fake.callsOf('views.open').length === before + 1);
  const view = fake.callsOf('views.open').at(-1)!.params.view as {
    callback_id: string;
    private_metadata: string;
    blocks: { block_id: string; element: Record<string, unknown> }[];
  };
  expect(view.callback_id).toBe('coverwatch_proof_request');
  const el = (id: string) => view.blocks.find((b) => b.block_id === id)!.element;
  expect(el('date').initial_date).toBe('2026-11-10');
  expect(el('note').initial_value).toBe(
    'Action Required: Provide proof of liability insurance coverage Hello, we need a certificate naming Amazon as additional insured.',
  );
  expect((el('account').options as { value: string }[]).map((o) => o.value)).toContain('kim-us');

  const posts = fake.callsOf('chat.postMessage').length;
  const saved = await postSigned(
    url,
    SECRET,
    viewSubmission(TEAM, view, {
      account: { value: { type: 'static_select', selected_option: { value: 'kim-us' } } },
      date: { value: { type: 'datepicker', selected_date: '2026-11-10' } },
      note: { value: { type: 'plain_text_input', value: 'email of 2026-11-10' } },
    }),
  );
  expect(saved.status).toBe(200);
  await fake.arrival(() => fake.callsOf('chat.postMessage').length === posts + 1);
  const confirmation = fake.callsOf('chat.postMessage').at(-1)!.params;
  expect(confirmation.channel).toBe('C-MAIL');
  expect(String(confirmation.text)).toContain('2026-11-10');
  const check = await command('check kim-us');
  expect(JSON.stringify(check)).toContain('2026-12-10'); // 30 days from the request
});

it('a member who may not record requests is told privately, and no form opens', async () => {
  const before = fake.callsOf('views.open').length;
  await postSigned(url, SECRET, shortcut('U-READER'));
  await fake.arrival(() => fake.callsOf('chat.postEphemeral').length === 1);
  const told = fake.callsOf('chat.postEphemeral')[0]!.params;
  expect(told).toMatchObject({ channel: 'C-MAIL', user: 'U-READER' });
  expect(String(told.text)).toContain('You do not have permission for this');
  expect(fake.callsOf('views.open')).toHaveLength(before);
});

function importShortcut(user: string, files?: { id: string; name: string }[]) {
  return {
    payload: JSON.stringify({
      type: 'message_action',
      callback_id: IMPORT_SHORTCUT,
      trigger_id: `trig.import.${user}`,
      team: { id: TEAM, domain: 'acme' },
      user: { id: user, team_id: TEAM, name: 'maria' },
      channel: { id: 'C-REPORTS', name: 'reports' },
      message: {
        type: 'message',
        ts: '1794340800.000300',
        text: 'November so far',
        user: 'U1',
        ...(files ? { files } : {}),
      },
      message_ts: '1794340800.000300',
      response_url: fake.responseUrl('import'),
      api_app_id: 'A1',
      token: 'legacy',
      action_ts: '1763744400.2',
    }),
  };
}

it('"Import sales report" on a shared file: pick the account, the file is read from Slack with the bot token', async () => {
  await command('account add rep-us US');
  const csv = Buffer.from(
    '"Date","Ordered Product Sales"\n"11/1/2026","$9,000.00"\n"11/2/2026","$1,000.01"\n',
  );
  const file = fake.share('F-REPORT', 'BusinessReport.csv', csv, 'xoxb-home');
  const opened = fake.callsOf('views.open').length;
  await postSigned(url, SECRET, importShortcut('U1', [file]));
  await fake.arrival(() => fake.callsOf('views.open').length === opened + 1);
  const view = fake.callsOf('views.open').at(-1)!.params.view as {
    callback_id: string;
    private_metadata: string;
    blocks: { block_id: string }[];
  };
  expect(view.callback_id).toBe('coverwatch_sales_import');
  // The file is the message's, not a field: only the account is asked for.
  expect(view.blocks.map((b) => b.block_id)).toEqual(['account']);
  const posts = fake.callsOf('chat.postMessage').length;
  const saved = await postSigned(
    url,
    SECRET,
    viewSubmission(TEAM, view, {
      account: { value: { type: 'static_select', selected_option: { value: 'rep-us' } } },
    }),
  );
  expect(saved.status).toBe(200);
  await fake.arrival(() => fake.callsOf('chat.postMessage').length === posts + 1);
  const answer = fake.callsOf('chat.postMessage').at(-1)!.params;
  expect(answer.channel).toBe('C-REPORTS');
  expect(String(answer.text)).toContain('Imported 2 days of sales for rep-us (2026-11-01 to 2026-11-02)');
  expect(fake.fileGets.at(-1)).toEqual({ id: '/private-files/F-REPORT', authorization: 'Bearer xoxb-home' });
  expect(JSON.stringify(await command('check rep-us'))).toContain('2026-11-02');
});

it('"Import sales report" on a message without a file says what to do, privately', async () => {
  const told = fake.callsOf('chat.postEphemeral').length;
  await postSigned(url, SECRET, importShortcut('U1'));
  await fake.arrival(() => fake.callsOf('chat.postEphemeral').length === told + 1);
  expect(String(fake.callsOf('chat.postEphemeral').at(-1)!.params.text)).toContain(
    'This message has no file',
  );
});

it('the proof-request form starts from the day Amazon counts: its accounts’ zone, not a team’s in Shanghai', async () => {
  const team = 'T-SHANGHAI';
  const run = (text: string) =>
    postSigned(url, SECRET, slashCommand(fake, '/insurance', text, { team_id: team, user_id: 'U1' }));
  expect((await run('alerts here 9 Asia/Shanghai')).status).toBe(200);
  const added = await run('account add sh-us US');
  expect(JSON.stringify(added.json)).toContain('Added sh-us');
  // 2026-11-10 20:00 UTC: noon on Nov 10 in Los Angeles, 04:00 on Nov 11 in Shanghai.
  const payload = JSON.parse(shortcut('U1').payload);
  let n = 0;
  const openedOn = async () => {
    const before = fake.callsOf('views.open').length;
    const trigger = {
      ...payload,
      trigger_id: `trig.sh.${++n}`, // a new request each time, not a replay of the last
      team: { id: team, domain: 'sh' },
      user: { ...payload.user, team_id: team },
    };
    await postSigned(url, SECRET, { payload: JSON.stringify(trigger) });
    await fake.arrival(() => fake.callsOf('views.open').length === before + 1);
    const view = fake.callsOf('views.open').at(-1)!.params.view as {
      blocks: { block_id: string; element: { initial_date?: string } }[];
    };
    return view.blocks.find((b) => b.block_id === 'date')!.element.initial_date;
  };
  expect(await openedOn()).toBe('2026-11-10');
  // Accounts in two zones: the form cannot know which one yet, so the team's own day.
  await run('account add sh-uk UK');
  expect(await openedOn()).toBe('2026-11-11');
});
