// "Check this certificate" end to end in Slack, with the real Bolt over signed HTTP against the fake
// Slack: the broker's PDF shared in a message, the shortcut, the account picked in a modal, the PDF
// read from Slack's file host with the bot token, the answer posted with its buttons, and "Save as
// policy" pressed — the policy stored and audited, once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CERTIFICATE_SHORTCUT,
  createSlackBot,
  REJECTED_SHORTCUT,
  type SlackBot,
} from '../../adapters/slack/app.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeSlack, postSigned, slashCommand, viewSubmission } from '../fakes/slack.ts';
import { COMPLIANT, certificatePdf } from '../support/certificates.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

const SECRET = 'certificate-signing-secret';
const TEAM = 'T-CERT';
const BOT_TOKEN = 'xoxb-cert';
let fake: FakeSlack;
let store: Store;
let bot: SlackBot;
let url: string;
const logs = memoryLogger([SECRET, BOT_TOKEN]);

beforeAll(async () => {
  fake = await new FakeSlack().start();
  fake.admins.add('U1');
  store = await freshStore('sqlite');
  bot = createSlackBot({
    config: { botToken: BOT_TOKEN, signingSecret: SECRET, apiUrl: fake.apiUrl },
    port: 0,
    host: '127.0.0.1',
    deps: {
      store,
      now: () => new Date('2026-12-02T17:00:00Z'),
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

const command = async (text: string) =>
  (await postSigned(url, SECRET, slashCommand(fake, '/insurance', text, { team_id: TEAM, user_id: 'U1' })))
    .json;

function shortcut(files?: { id: string; name: string }[]) {
  return {
    payload: JSON.stringify({
      type: 'message_action',
      callback_id: CERTIFICATE_SHORTCUT,
      trigger_id: 'trig.cert',
      team: { id: TEAM, domain: 'acme' },
      user: { id: 'U1', team_id: TEAM, name: 'maria' },
      channel: { id: 'C-INS', name: 'insurance' },
      message: {
        type: 'message',
        ts: '1796230800.000100',
        text: 'From the broker',
        user: 'U1',
        ...(files ? { files } : {}),
      },
      message_ts: '1796230800.000100',
      response_url: fake.responseUrl('cert'),
      api_app_id: 'A1',
      token: 'legacy',
      action_ts: '1796230800.2',
    }),
  };
}

/** Slack's block_actions interaction for a button the member pressed. */
function press(button: { action_id: string; value: string }, id: string) {
  return {
    payload: JSON.stringify({
      type: 'block_actions',
      team: { id: TEAM, domain: 'acme' },
      user: { id: 'U1', team_id: TEAM, username: 'maria' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: `trig.${id}`,
      channel: { id: 'C-INS', name: 'insurance' },
      container: { type: 'message', message_ts: '1796230900.000200', channel_id: 'C-INS' },
      response_url: fake.responseUrl(id),
      actions: [
        {
          type: 'button',
          block_id: 'b',
          action_id: button.action_id,
          value: button.value,
          action_ts: '1796230900.3',
          text: { type: 'plain_text', text: 'Save' },
        },
      ],
    }),
  };
}

it('a shared certificate PDF: checked, answered with buttons; "Save as policy" stores it once', async () => {
  await command('account add acme-us US legal:"Acme Goods LLC"');
  const pdf = Buffer.from(await certificatePdf(COMPLIANT, 'fillable'));
  const file = fake.share('F-COI', 'acme-coi.pdf', pdf, BOT_TOKEN);
  const opened = fake.callsOf('views.open').length;
  await postSigned(url, SECRET, shortcut([file]));
  await fake.arrival(() => fake.callsOf('views.open').length === opened + 1);
  const view = fake.callsOf('views.open').at(-1)!.params.view as {
    callback_id: string;
    private_metadata: string;
    blocks: { block_id: string }[];
  };
  expect(view.callback_id).toBe('coverwatch_policy_read');
  expect(view.blocks.map((b) => b.block_id)).toEqual(['account']);

  const posts = fake.callsOf('chat.postMessage').length;
  const sent = await postSigned(
    url,
    SECRET,
    viewSubmission(TEAM, view, {
      account: { value: { type: 'static_select', selected_option: { value: 'acme-us' } } },
    }),
  );
  expect(sent.status).toBe(200);
  await fake.arrival(() => fake.callsOf('chat.postMessage').length === posts + 1);
  const answer = fake.callsOf('chat.postMessage').at(-1)!.params as {
    channel: string;
    text: string;
    blocks: { type: string; elements?: { action_id: string; value: string; style?: string }[] }[];
  };
  expect(answer.channel).toBe('C-INS');
  expect(answer.text).toContain('Certificate acme-coi.pdf for acme-us — Amazon should accept it');
  expect(JSON.stringify(answer.blocks)).toContain('form field GeneralLiability_EachOccurrence_LimitAmount_A');
  expect(fake.fileGets.at(-1)).toEqual({ id: '/private-files/F-COI', authorization: `Bearer ${BOT_TOKEN}` });
  const buttons = answer.blocks.find((b) => b.type === 'actions')!.elements!;
  expect(buttons.map((b) => b.action_id)).toEqual(['coverwatch_run_0', 'coverwatch_run_1']);
  expect(buttons[0]!.style).toBe('primary');
  expect(buttons[1]!.value).toMatch(/^insurance policy confirm [0-9a-f]{6} uploaded:2026-12-02$/);
  expect(await store.db.selectFrom('policies').selectAll().execute()).toHaveLength(0);

  // "Save, uploaded to Amazon today".
  expect((await postSigned(url, SECRET, press(buttons[1]!, 'save1'))).status).toBe(200);
  await fake.arrival(() => fake.responses.some((r) => r.id === 'save1'));
  const saved = fake.responses.find((r) => r.id === 'save1')!.body;
  expect(String(saved.text)).toContain('Added: policy #1 for acme-us — compliant, proof on file');
  expect(saved.response_type).toBe('in_channel');
  const policies = await store.db.selectFrom('policies').selectAll().execute();
  expect(policies).toHaveLength(1);
  expect(policies[0]).toMatchObject({ uploaded_on: '2026-12-02', per_occurrence_minor: 100_000_000 });
  const audit = await store.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'certificate.%')
    .execute();
  expect(audit.map((a) => a.action)).toEqual(['certificate.read', 'certificate.confirm']);

  // Pressed again (or the other button): already saved, nothing more stored.
  await postSigned(url, SECRET, press(buttons[0]!, 'save2'));
  await fake.arrival(() => fake.responses.some((r) => r.id === 'save2'));
  expect(String(fake.responses.find((r) => r.id === 'save2')!.body.text)).toContain(
    'is already saved, as policy #1',
  );
  expect(await store.db.selectFrom('policies').selectAll().execute()).toHaveLength(1);
  expect(fake.violations).toEqual([]);
  expect(logs.lines.join('\n')).not.toContain(BOT_TOKEN);
});

it('"Check this certificate" on a message without a file says what to do, privately', async () => {
  const told = fake.callsOf('chat.postEphemeral').length;
  await postSigned(url, SECRET, shortcut());
  await fake.arrival(() => fake.callsOf('chat.postEphemeral').length === told + 1);
  expect(String(fake.callsOf('chat.postEphemeral').at(-1)!.params.text)).toContain(
    'There is no file in this message. Share the certificate PDF',
  );
});

it('"Decode Amazon rejection" on Amazon\'s pasted email: the form starts from its text; the answer names the requirement', async () => {
  const email = 'We could not approve your insurance document: Amazon is only listed as certificate holder.';
  const opened = fake.callsOf('views.open').length;
  await postSigned(url, SECRET, {
    payload: JSON.stringify({
      type: 'message_action',
      callback_id: REJECTED_SHORTCUT,
      trigger_id: 'trig.rejected',
      team: { id: TEAM, domain: 'acme' },
      user: { id: 'U1', team_id: TEAM, name: 'maria' },
      channel: { id: 'C-INS', name: 'insurance' },
      message: { type: 'message', ts: '1796231000.000100', text: email, user: 'U1' },
      message_ts: '1796231000.000100',
      response_url: fake.responseUrl('rejected'),
      api_app_id: 'A1',
      token: 'legacy',
      action_ts: '1796231000.2',
    }),
  });
  await fake.arrival(() => fake.callsOf('views.open').length === opened + 1);
  const view = fake.callsOf('views.open').at(-1)!.params.view as {
    callback_id: string;
    private_metadata: string;
    blocks: { block_id: string; element: { initial_value?: string } }[];
  };
  expect(view.callback_id).toBe('coverwatch_policy_rejected');
  expect(view.blocks.find((b) => b.block_id === 'message')?.element.initial_value).toBe(email);
  const posts = fake.callsOf('chat.postMessage').length;
  await postSigned(
    url,
    SECRET,
    viewSubmission(TEAM, view, {
      account: { value: { type: 'static_select', selected_option: { value: 'acme-us' } } },
      message: { value: { type: 'plain_text_input', value: email } },
    }),
  );
  await fake.arrival(() => fake.callsOf('chat.postMessage').length === posts + 1);
  const answer = fake.callsOf('chat.postMessage').at(-1)!.params;
  expect(String(answer.text)).toContain('Amazon’s message about acme-us’s certificate names 1 requirement');
  expect(JSON.stringify(answer.blocks)).toContain(
    'Amazon is only the certificate holder, not an additional insured',
  );
});
