// The Slack adapter end to end: the real @slack/bolt in HTTP mode, signed requests over loopback,
// and a fake Slack Web API that records (and limit-checks) every payload.

import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { boltLogger, createSlackBot, type SlackBot } from '../../adapters/slack/app.ts';
import { toMessage } from '../../adapters/slack/blocks.ts';
import { CATALOGUE } from '../../commands/catalogue.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { saveInstallation } from '../../src/app/installations.ts';
import { sealer } from '../../src/secrets.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeSlack, postSigned, postSignedJson, slashCommand, viewSubmission } from '../fakes/slack.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

const SECRET = 'test-signing-secret-123';
const TOKEN = 'xoxb-test-token-456';

let fake: FakeSlack;
let store: Store;
let bot: SlackBot;
let url: string;
const logs = memoryLogger([SECRET, TOKEN]);

/** App deps on a store; with `gate`, every write waits until the test opens it. */
function deps(s: Store, gate?: Promise<void>): AppDeps {
  const slow: Store = gate
    ? {
        ...s,
        transaction: async (fn) => {
          await gate;
          return s.transaction(fn);
        },
      }
    : s;
  return {
    store: slow,
    now: () => new Date('2026-11-21T17:00:00Z'),
    defaults: { timeZone: 'America/Los_Angeles', alertHour: 9 },
  };
}

async function command(
  text: string,
  over: Record<string, string> = {},
  root: '/insurance' | '/claim' = '/insurance',
) {
  const res = await postSigned(url, SECRET, slashCommand(fake, root, text, { team_id: team, ...over }));
  expect(res.status).toBe(200);
  return res.json as {
    response_type: string;
    text: string;
    blocks: { type: string; text?: { text: string }; fields?: { text: string }[] }[];
  };
}

const blockText = (r: {
  blocks: { text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[];
}) =>
  r.blocks
    .map((b) =>
      [
        b.text?.text ?? '',
        ...(b.fields ?? []).map((f) => f.text),
        ...((b as { elements?: { text: string }[] }).elements ?? []).map((e) => e.text),
      ].join('\n'),
    )
    .join('\n');

beforeAll(async () => {
  fake = await new FakeSlack().start();
  fake.admins.add('U1');
  store = await freshStore('sqlite');
  bot = createSlackBot({
    config: { botToken: TOKEN, signingSecret: SECRET, apiUrl: fake.apiUrl },
    port: 0,
    host: '127.0.0.1',
    deps: deps(store),
    log: logs.log,
    retries: { retries: 2, minTimeout: 50, maxTimeout: 100 },
  });
  const { port } = await bot.start();
  url = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await store?.close();
  await fake?.stop();
});

// Each test works in a workspace of its own: no test leans on what another left behind.
let team = 'T1';
let teams = 0;
beforeEach(() => {
  team = `T-HTTP-${++teams}`;
});
// What every test sent is held to the rules as it goes: no secret anywhere, every payload in limits.
afterEach(() => {
  const everything =
    logs.lines.join('') + JSON.stringify(fake.calls.map((c) => c.params)) + JSON.stringify(fake.responses);
  expect(everything).not.toContain(SECRET);
  expect(logs.lines.join('')).not.toContain(TOKEN);
  expect(fake.violations).toEqual([]);
});

/** An account with sales over the threshold in this test's workspace. */
async function seed() {
  await command('account add acme-us US legal:"Acme Goods LLC" owner:<@U7|lee>');
  await command('sales record acme-us 2026-10 12,480.50');
}

describe('Slack over HTTP with the real Bolt', () => {
  it('serves GET /healthz', async () => {
    const res = await fetch(url.replace('/slack/events', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('sales history: the text bars in the answer, the chart shared in the channel as an 800 × 400 PNG', async () => {
    await seed();
    const before = fake.shared.length;
    const r = await command('sales history acme-us', { channel_id: 'C-CHART' });
    expect(r.response_type).toBe('in_channel');
    expect(JSON.stringify(r.blocks)).toContain('|');
    // The upload follows the acknowledgement: wait for it.
    for (let i = 0; i < 100 && fake.shared.length === before; i++)
      await new Promise((d) => setTimeout(d, 20));
    const shared = fake.shared.at(-1)!;
    expect(shared.channel).toBe('C-CHART');
    expect(shared.filename).toBe('acme-us-sales-2026-11.png');
    expect(shared.title).toBe('acme-us — the last 12 months');
    expect(shared.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect([shared.bytes.readUInt32BE(16), shared.bytes.readUInt32BE(20)]).toEqual([800, 400]);
    // A private answer shares no picture with the channel.
    const count = fake.shared.length;
    await command('sales history acme-us private', { channel_id: 'C-CHART' });
    await new Promise((d) => setTimeout(d, 200));
    expect(fake.shared.length).toBe(count);
  });

  it("a team check's notification text names the most urgent account, not the first", async () => {
    await command('account add calm-us US legal:"Calm LLC"');
    await command('account add late-us US legal:"Late LLC"');
    await command('sales record late-us 2026-08 12,000');
    const r = await command('check');
    const [title, line] = r.text.split('\n');
    expect(title).toBe('🚨 Insurance check: 2 accounts, 1 required to be insured');
    expect(line).toMatch(
      /^late-us · Amazon\.com \(United States\) · as of 2026-11-21: Required: sales exceeded USD 10,000 in 2026-08/,
    );
    // One account: its own first line, without repeating the heading the title already names.
    const one = await command('check calm-us');
    expect(one.text.split('\n')[1]).toMatch(/^Not required: /);
  });

  it('accounts and sales: the ack carries Block Kit with a header, fields and a plain-text fallback', async () => {
    const add = await command('account add acme-us US legal:"Acme Goods LLC" owner:<@U7|lee>');
    expect(add.response_type).toBe('in_channel');
    expect(add.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '✅ Added acme-us (Amazon.com (United States))', emoji: true },
    });
    expect(add.text).toContain('Added acme-us');
    const rec = await command('sales record acme-us 2026-10 12,480.50');
    expect(rec.blocks[0]?.text?.text).toBe('⚠️ Recorded USD 12,480.50 for acme-us in 2026-10');
    const text = blockText(rec);
    expect(text).toContain('*Deadline*\n2026-11-30 (9 days left)');
    expect(text).toContain('*Owner*\n<@U7>');
    expect(text).toContain(':scroll: [US-THRESHOLD-1M]');
    const history = await command('sales history acme-us');
    expect(blockText(history)).toMatch(/```2025-12 [·|]+ not recorded\n/);
    expect(blockText(history)).toContain('| marks the threshold.');
  });

  it('check, request, policy, claims, access, help: every family answers through Slack', async () => {
    await seed();
    expect(blockText(await command('check'))).toContain('Required — insurance due');
    expect(blockText(await command('request acme-us 2026-11-02 email from Amazon'))).toContain(
      'Recorded Amazon’s request of 2026-11-02',
    );
    const policy = await command(
      'policy add acme-us effective:2026-11-01 expires:2027-11-01 per-occurrence:1m aggregate:500k deductible:2500 basis:occurrence form:general products:yes ai:"Amazon.com Services LLC and its affiliates and assignees" insured:"Acme Goods LLC"',
    );
    expect(policy.blocks[0]?.text?.text).toBe('🚨 Added: policy #1 for acme-us — DEFICIENT');
    expect(blockText(policy)).toContain('❌ Aggregate limit USD 500,000 is below the USD 1,000,000 minimum.');
    expect(blockText(await command('policy list'))).toContain('```#  account');
    const claim = await command('open acme-us AZ-1 650 2026-11-18', {}, '/claim');
    // The only policy is deficient, so there is no proof: Amazon pays, and expects the money back without it.
    expect(blockText(claim)).toContain(
      '*Who bears the cost*\nAmazon pays the customer; you repay USD 650.00 unless proof is on file by 2026-11-25',
    );
    expect(blockText(await command('status', {}, '/claim'))).toContain(
      'AZ-1 · acme-us · USD 650.00 property damage · open',
    );
    expect(blockText(await command('access grant <@U9|kim>'))).toContain(
      '✅ <@U9> can now manage coverwatch',
    );
    expect((await command('access list')).blocks[0]?.text?.text).toBe('ℹ️ 1 grant');
    const help = await command('help sales record');
    expect(help.response_type).toBe('ephemeral');
    expect(blockText(help)).toContain(
      '*Usage*\n/insurance sales record &lt;account&gt; &lt;month&gt; &lt;amount&gt; [&lt;source&gt;]',
    );
    // The whole index fits one answer: every topic's heading and every command, none left out.
    const index = blockText(await command('help'));
    expect(index).toContain('ℹ️ *Seller accounts*');
    for (const spec of CATALOGUE) expect(index).toContain(`/${spec.path.join(' ')}`);
    expect(index).not.toMatch(/more section/);
  });

  it('malformed text gets a helpful ephemeral error and nothing is written', async () => {
    await seed();
    const before = fake.calls.length;
    const bad = await command('sales record acme-us October 12000');
    expect(bad.response_type).toBe('ephemeral');
    expect(bad.blocks[0]?.text?.text).toBe(
      '🚨 Month is not a month or a day; write YYYY-MM (or last-month), or YYYY-MM-DD (or today) for a total so far, e.g. 2026-10 (got "October")',
    );
    expect(blockText(bad)).toContain('Example: /insurance sales record acme-us 2026-10 12,480.50');
    expect(fake.calls.length).toBe(before);
  });

  it('manage commands ask Slack whether the member is an admin (users.info) and refuse members', async () => {
    const refused = await command('account add other-us US', { user_id: 'U-member' });
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.blocks[0]?.text?.text).toBe('🚨 You do not have permission for this');
    expect(fake.callsOf('users.info').map((c) => c.params.user)).toContain('U-member');
    await command('access grant <@U9|kim>');
    const granted = await command('account add kim-us US', { user_id: 'U9' });
    expect(granted.blocks[0]?.text?.text).toContain('Added kim-us');
  });

  it('a forged signature and a stale timestamp get 401 and nothing is processed', async () => {
    const calls = fake.calls.length;
    const forged = await postSigned(
      url,
      'not-the-secret',
      slashCommand(fake, '/insurance', 'account add forged US', { team_id: team }),
    );
    expect(forged.status).toBe(401);
    const stale = await postSigned(
      url,
      SECRET,
      slashCommand(fake, '/insurance', 'account add stale US', { team_id: team }),
      {
        timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
      },
    );
    expect(stale.status).toBe(401);
    const unsigned = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `command=/insurance&text=check&team_id=${team}`,
    });
    expect(unsigned.status).toBe(401);
    expect(fake.calls.length).toBe(calls);
    expect((await command('account list')).blocks[0]?.text?.text).toBe('ℹ️ No seller accounts yet');
  });

  it('alerts here posts in the channel, and says to invite the bot when Slack answers not_in_channel', async () => {
    const here = await command('alerts here 8', { channel_id: 'C-ALERTS' });
    expect(here.blocks[0]?.text?.text).toBe('✅ Alerts will be posted in this channel');
    expect(fake.callsOf('chat.postMessage').at(-1)?.params.channel).toBe('C-ALERTS');
    fake.notInChannel.add('C-PRIVATE');
    const refused = await command('alerts here', { channel_id: 'C-PRIVATE' });
    expect(refused.response_type).toBe('ephemeral');
    expect(blockText(refused)).toContain('Invite me with /invite @coverwatch');
    expect(blockText(await command('alerts status'))).toContain('*Channel*\nC-ALERTS');
  });

  it('alerts test in a channel the bot was removed from says so and what to do, not an error id', async () => {
    await command('alerts here', { channel_id: 'C0LEFT' });
    fake.notInChannel.add('C0LEFT');
    try {
      const refused = await command('alerts test');
      expect(refused.response_type).toBe('ephemeral');
      expect(refused.blocks[0]?.text?.text).toBe('🚨 Could not post the test alert');
      expect(blockText(refused)).toContain('In <#C0LEFT>: the bot is not in that channel, or cannot see it.');
      expect(blockText(refused)).toContain('run /insurance alerts here in a channel it can post in');
    } finally {
      fake.notInChannel.delete('C0LEFT');
    }
  });

  it('alerts test with the bot token revoked tells the team who can fix it, not an error id', async () => {
    await command('alerts here', { channel_id: 'C-ALERTS' });
    fake.script('chat.postMessage', { status: 200, body: { ok: false, error: 'token_revoked' } });
    const refused = await command('alerts test');
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.blocks[0]?.text?.text).toBe('🚨 Could not post the test alert');
    expect(blockText(refused)).toContain(
      'Slack no longer accepts coverwatch’s bot token (it was reset or revoked), so nothing can be posted',
    );
    expect(blockText(refused)).toContain('Tell whoever runs coverwatch');
  });

  it('a 429 with Retry-After on chat.postMessage is retried after the delay', async () => {
    await command('alerts here', { channel_id: 'C-ALERTS' });
    fake.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const before = fake.callsOf('chat.postMessage').length;
    const res = await command('alerts test');
    expect(res.blocks[0]?.text?.text).toBe('✅ Test alert posted');
    const posts = fake.callsOf('chat.postMessage').slice(before);
    expect(posts).toHaveLength(2);
    // Not before Slack said to: the retry waits at least the Retry-After second.
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(posts[1]!.params.channel).toBe('C-ALERTS');
  });

  it('a 500 is retried, then logged; the process keeps serving', async () => {
    await command('alerts here', { channel_id: 'C-ALERTS' });
    fake.script(
      'chat.postMessage',
      ...Array.from({ length: 3 }, () => ({ status: 500, body: { ok: false, error: 'internal_error' } })),
    );
    const before = fake.callsOf('chat.postMessage').length;
    const failed = await command('alerts test');
    expect(failed.blocks[0]?.text?.text).toBe('🚨 Something went wrong — nothing was saved');
    expect(fake.callsOf('chat.postMessage').length - before).toBe(3);
    expect(logs.lines.join('')).toContain('"msg":"command failed"');
    expect((await command('account list')).blocks[0]?.text?.text).toBe('ℹ️ No seller accounts yet');
  });
});

describe('slow answers, modals, many workspaces', () => {
  it('acknowledges within the budget and delivers the answer through response_url', async () => {
    const slowStore = await freshStore('sqlite');
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const slow = createSlackBot({
      config: { botToken: TOKEN, signingSecret: SECRET, apiUrl: fake.apiUrl },
      port: 0,
      host: '127.0.0.1',
      deps: deps(slowStore, gate),
      log: logs.log,
      ackBudgetMs: 50,
    });
    const { port } = await slow.start();
    try {
      const fields = slashCommand(fake, '/insurance', 'account add slow-us US');
      const id = new URL(fields.response_url!).pathname.split('/').pop();
      // The write cannot finish while the gate is shut, so this ack can only be the early one.
      const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, SECRET, fields);
      expect(res.json).toEqual({ response_type: 'ephemeral', text: 'Working on it…' });
      expect(fake.responses.find((r) => r.id === id)).toBeUndefined();
      open();
      await fake.arrival(() => fake.responses.some((r) => r.id === id));
      const delivered = fake.responses.find((r) => r.id === id)!.body as {
        response_type: string;
        blocks: { text?: { text: string } }[];
      };
      expect(delivered.response_type).toBe('in_channel');
      expect(delivered.blocks[0]?.text?.text).toBe('✅ Added slow-us (Amazon.com (United States))');
    } finally {
      await slow.stop();
      await slowStore.close();
    }
  });

  it('/insurance policy add with no arguments opens a modal; submit shows errors beside the fields, then saves', async () => {
    await seed();
    const opened = fake.callsOf('views.open').length;
    const res = await command('policy add');
    expect(res).toBeUndefined();
    await fake.arrival(() => fake.callsOf('views.open').length === opened + 1);
    const open = fake.callsOf('views.open').at(-1)!;
    const view = open.params.view as {
      callback_id: string;
      blocks: { block_id: string }[];
      private_metadata: string;
    };
    expect(open.params.trigger_id).toMatch(/^trig\./);
    expect(view.blocks.map((b) => b.block_id).slice(0, 4)).toEqual([
      'account',
      'effective',
      'expires',
      'insurer',
    ]);
    const submit = (values: Record<string, unknown>) =>
      postSigned(url, SECRET, viewSubmission(team, view, values));
    const v = (value: string) => ({ value: { type: 'plain_text_input', value } });
    const d = (date: string) => ({ value: { type: 'datepicker', selected_date: date } });
    const s = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
    const bad = await submit({
      account: s('acme-us'),
      effective: d('2026-11-01'),
      expires: d('2026-10-01'),
      deductible: v('lots'),
    });
    expect(bad.status).toBe(200);
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: { deductible: 'deductible is not an amount, e.g. 2,500 (got "lots")' },
    });
    const wrongDates = await submit({
      account: s('acme-us'),
      effective: d('2026-11-01'),
      expires: d('2026-10-01'),
    });
    expect(wrongDates.json).toEqual({
      response_action: 'errors',
      errors: { expires: 'the expiry date must be after the effective date' },
    });
    const ok = await submit({
      account: s('acme-us'),
      effective: d('2026-11-01'),
      expires: d('2027-11-01'),
      'per-occurrence': v('1m'),
      aggregate: v('2m'),
      'products-aggregate': v('2m'),
      deductible: v('2,500'),
      basis: s('occurrence'),
      form: s('general'),
      products: s('yes'),
      'additional-insured': v('Amazon.com Services LLC and its affiliates and assignees'),
      insured: v('Acme Goods LLC'),
    });
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('');
    await fake.arrival(() =>
      /Added: policy #1/.test(String(fake.callsOf('chat.postMessage').at(-1)?.params.text)),
    );
    const posted = fake.callsOf('chat.postMessage').at(-1)!;
    expect((posted.params.blocks as { text: { text: string } }[])[0]!.text.text).toBe(
      '⚠️ Added: policy #1 for acme-us — compliant, not uploaded to Amazon',
    );
  });

  it('the modal and the slash command give the same errors for the same bad policy', async () => {
    await seed();
    const opened = fake.callsOf('views.open').length;
    await command('policy add');
    await fake.arrival(() => fake.callsOf('views.open').length === opened + 1);
    const view = fake.callsOf('views.open').at(-1)!.params.view as {
      callback_id: string;
      private_metadata: string;
    };
    const submit = async (fields: Record<string, string>) => {
      // Each field as Slack sends it: dates from date pickers, choices from selects, the rest typed.
      const values = Object.fromEntries(
        Object.entries(fields).map(([name, value]) => [
          name,
          {
            value: ['effective', 'expires', 'uploaded'].includes(name)
              ? { type: 'datepicker', selected_date: value }
              : ['account', 'basis', 'form', 'products', 'covers-us'].includes(name)
                ? { type: 'static_select', selected_option: { value } }
                : { type: 'plain_text_input', value },
          },
        ]),
      );
      const res = await postSigned(url, SECRET, viewSubmission(team, view, values));
      return (res.json as { errors: Record<string, string> }).errors;
    };
    const typed = (fields: Record<string, string>) =>
      command(
        `policy add ${Object.entries(fields)
          .map(([k, v]) => (k === 'account' ? v : `${k}:"${v}"`))
          .join(' ')}`,
      );
    const dates = { account: 'acme-us', effective: '2026-11-01', expires: '2027-11-01' };
    const cases: { fields: Record<string, string>; errors: Record<string, string> }[] = [
      {
        // Several arguments wrong at once: each is named, none hides another.
        fields: { ...dates, deductible: 'lots', 'notice-days': '9999' },
        errors: {
          deductible: 'deductible is not an amount, e.g. 2,500 (got "lots")',
          'notice-days': 'notice-days must be from 0 to 365 (got "9999")',
        },
      },
      {
        fields: { ...dates, expires: '2026-10-01' },
        errors: { expires: 'the expiry date must be after the effective date' },
      },
      {
        fields: { ...dates, 'per-occurrence': 'CAD 1m' },
        errors: { 'per-occurrence': '"CAD 1m" is in CAD, but this account counts sales in USD' },
      },
      {
        fields: { ...dates, uploaded: '2026-12-01' },
        errors: {
          uploaded:
            '2026-12-01 is in the future (today is 2026-11-21 in America/Los_Angeles, where the account’s days are counted).',
        },
      },
    ];
    for (const { fields, errors } of cases) {
      expect(await submit(fields), JSON.stringify(fields)).toEqual(errors);
      // The slash command says the same sentences (capitalised, a use-case error led by its argument).
      const text = blockText(await typed(fields)).toLowerCase();
      for (const [name, sentence] of Object.entries(errors))
        expect(text, JSON.stringify(fields)).toContain(
          (sentence.startsWith(name) ? sentence : `${name}: ${sentence}`).toLowerCase(),
        );
    }
    expect((await command('policy list')).blocks[0]?.text?.text).toContain('No policies');
  });

  it('two workspaces (OAuth installs) on one database see only their own data', async () => {
    const shared = await freshStore('sqlite');
    // Installations sealed at rest, as with COVERWATCH_SECRET_KEY set.
    const sharedDeps: AppDeps = { ...deps(shared), sealer: sealer(randomBytes(32)) };
    for (const team of ['T-A', 'T-B'])
      await saveInstallation(
        sharedDeps,
        `T:${team}`,
        { teamId: team },
        {
          team: { id: team },
          bot: { token: `xoxb-${team}`, userId: 'UBOT', id: 'BBOT' },
          isEnterpriseInstall: false,
        },
      );
    const multi = createSlackBot({
      config: {
        signingSecret: SECRET,
        apiUrl: fake.apiUrl,
        oauth: { clientId: '1.2', clientSecret: 'client-secret-x', stateSecret: 'state-secret-y' },
      },
      port: 0,
      host: '127.0.0.1',
      deps: sharedDeps,
      log: logs.log,
    });
    const { port } = await multi.start();
    const at = `http://127.0.0.1:${port}/slack/events`;
    const run = async (team: string, text: string) =>
      (await postSigned(at, SECRET, slashCommand(fake, '/insurance', text, { team_id: team, user_id: 'U1' })))
        .json as Parameters<typeof blockText>[0];
    try {
      await run('T-A', 'account add shop US');
      await run('T-B', 'account add shop US');
      await run('T-A', 'sales record shop 2026-10 20000');
      await run('T-B', 'sales record shop 2026-10 100');
      expect(blockText(await run('T-A', 'check'))).toContain('Required');
      expect(blockText(await run('T-B', 'check'))).toContain('Not required');
      expect(blockText(await run('T-B', 'sales list shop'))).not.toContain('20,000');
      const tokens = new Set(
        fake
          .callsOf('users.info')
          .slice(-2)
          .map((c) => c.token),
      );
      expect(tokens).toEqual(new Set(['xoxb-T-A', 'xoxb-T-B']));
      const unknownTeam = await postSigned(
        at,
        SECRET,
        slashCommand(fake, '/insurance', 'check', { team_id: 'T-NOT-INSTALLED' }),
      );
      expect(unknownTeam.text).not.toContain('shop');
      // Removing the app from a workspace deletes its installation and turns its alerts off.
      await run('T-A', 'alerts here');
      const removed = await postSignedJson(at, SECRET, {
        token: 'legacy',
        team_id: 'T-A',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: 'Ev1',
        event_time: Math.floor(Date.now() / 1000),
        event: { type: 'app_uninstalled', event_ts: '1' },
      });
      expect(removed.status).toBe(200);
      await expect
        .poll(async () =>
          (await shared.db.selectFrom('slack_installations').select('install_key').execute()).map(
            (r) => r.install_key,
          ),
        )
        .toEqual(['T:T-B']);
      const teamA = await shared.db
        .selectFrom('tenants')
        .select('alert_channel')
        .where('external_id', '=', 'T-A')
        .executeTakeFirst();
      expect(teamA?.alert_channel).toBeNull();
    } finally {
      await multi.stop();
      await shared.close();
    }
  });

  it('a tenant with sixty accounts still fits Slack: the check says what was left out', async () => {
    for (let i = 0; i < 60; i++)
      await command(`account add bulk-${String(i).padStart(2, '0')} US`, { team_id: 'T-BULK' });
    const res = await command('check', { team_id: 'T-BULK' });
    expect(res.blocks.length).toBeLessThanOrEqual(50);
    expect(blockText(res)).toMatch(/\d+ more not shown here/);
    expect(fake.violations).toEqual([]);
  });
});

describe('logs from Bolt', () => {
  it('keep their structure: fields stay fields, an error keeps its stack, no secret leaks', () => {
    const mem = memoryLogger([SECRET]);
    const bolt = boltLogger(mem.log);
    bolt.warn({ team: 'T9', attempt: 2 }, 'retrying');
    bolt.error(new Error(`boom with ${SECRET}`), 'request failed');
    const [warn, error] = mem.lines.map((l) => JSON.parse(l));
    expect(warn).toMatchObject({ component: 'slack', team: 'T9', attempt: 2, msg: 'retrying' });
    expect(error.msg).toBe('request failed');
    expect(error.err.stack).toMatch(/at /);
    expect(mem.lines.join('')).not.toContain(SECRET);
  });
});

describe('user text in Slack messages', () => {
  it('never pings a channel or disguises a link, in blocks or in the notification text', () => {
    const message = toMessage({
      title: 'Acme <!channel> LLC',
      tone: 'warn',
      lines: [
        'Insured: <https://evil.example|Amazon Seller Central> <!here> <!subteam^S1|sellers>',
        '<@U07OWNER>',
      ],
      fields: [{ label: 'Insurer', value: '<!everyone> & Co' }],
    });
    // The header is plain_text, which Slack never parses for mentions or links.
    const [header, ...rest] = message.blocks;
    expect(header).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    const all = JSON.stringify({ text: message.text, blocks: rest });
    for (const raw of ['<!channel>', '<!here>', '<!everyone>', '<!subteam', '<https://'])
      expect(all, raw).not.toContain(raw);
    expect(message.text).toContain('&lt;!channel&gt;');
    expect(all).toContain('&lt;https://evil.example|Amazon Seller Central&gt;');
    // The bot's own mention of the account owner still notifies.
    expect(all).toContain('<@U07OWNER>');
  });
});
