// The sweep end to end on a real store: plan, outbox, delivery through Slack, Discord and the
// terminal (real clients against the local fakes), retries, outages, alert hours, dry runs.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordRest } from '../../adapters/discord/bot.ts';
import { discordPoster } from '../../adapters/discord/poster.ts';
import { shellPoster } from '../../adapters/shell/poster.ts';
import { slackPoster } from '../../adapters/slack/poster.ts';
import { type Notifier, routeByPlatform } from '../../src/alerts/notifier.ts';
import { runSweep, type SweepDeps } from '../../src/alerts/sweep.ts';
import { listAlerts, outboxCounts } from '../../src/store/alerts.ts';
import type { Store } from '../../src/store/db.ts';
import { APP_ID, CHANNEL_ID, FakeDiscord } from '../fakes/discord.ts';
import { FakeSlack } from '../fakes/slack.ts';
import { type Harness, harness } from '../support/harness.ts';
import { freshStore } from '../support/stores.ts';

let slack: FakeSlack;
let discord: FakeDiscord;
let store: Store;
let h: Harness;
let clock = new Date('2026-03-20T18:00:00Z');
const terminal = new PassThrough();
let terminalText = '';
terminal.on('data', (d) => {
  terminalText += d;
});

const platforms = (): Notifier =>
  routeByPlatform({
    slack: slackPoster(
      { botToken: 'xoxb-alerts', apiUrl: slack.apiUrl },
      { store, now: () => clock, defaults: { timeZone: 'UTC', alertHour: 9 } },
      {
        retries: 0,
        minTimeout: 10,
        maxTimeout: 10,
      },
    ),
    discord: discordPoster(
      discordRest({ token: 'discord-alerts', applicationId: APP_ID, apiUrl: discord.apiUrl }),
    ),
    shell: shellPoster(terminal, false),
  });

function deps(notifier: Notifier = platforms()): SweepDeps {
  return {
    store,
    notifier,
    now: () => clock,
    owner: 'test-sweeper',
    defaults: { alertHour: 9 },
    delivery: { pace: () => 0, backoff: { baseMs: 60_000, maxMs: 3_600_000 } },
  };
}

beforeAll(async () => {
  slack = await new FakeSlack().start();
  discord = await new FakeDiscord().start();
  store = await freshStore('sqlite');
  h = harness(store, clock.toISOString());
  for (const [platform, tenant, channel] of [
    ['slack', 'T-ALERT', 'C-ALERTS'],
    ['discord', 'G-ALERT', CHANNEL_ID],
    ['shell', 'local', 'terminal'],
  ] as const) {
    const ctx = await h.context({ tenant, platform, channel });
    await h.run(ctx, '/insurance account add acme-us US owner:<@U7>');
    await h.run(ctx, '/insurance sales record acme-us 2026-03 10,500');
    await h.run(ctx, `/insurance alerts here 9 America/Los_Angeles`);
  }
});

afterAll(async () => {
  await store?.close();
  await slack?.stop();
  await discord?.stop();
});

const slackAlerts = () =>
  slack.callsOf('chat.postMessage').filter((c) => String(c.params.text).includes('must now carry'));
const discordAlerts = () =>
  discord
    .find('POST', /^\/channels\/\d+\/messages$/)
    .filter((r) => JSON.stringify(r.body).includes('must now carry'));

describe('alert sweep', () => {
  it('does nothing before the team’s alert hour', async () => {
    clock = new Date('2026-03-20T15:00:00Z'); // 08:00 in Los Angeles
    const r = await runSweep(deps());
    expect(r).toMatchObject({ tenantsPlanned: 0, inserted: 0, delivered: 0 });
  });

  it('posts each alert once to Slack, Discord and the terminal', async () => {
    clock = new Date('2026-03-20T18:00:00Z');
    const r = await runSweep(deps());
    expect(r).toMatchObject({ tenantsPlanned: 3, inserted: 3, delivered: 3, failed: 0 });
    expect(slackAlerts()).toHaveLength(1);
    expect(slackAlerts()[0]!.params).toMatchObject({ channel: 'C-ALERTS', token: 'xoxb-alerts' });
    expect(discordAlerts()).toHaveLength(1);
    // Discord notifies only from content: the owner is mentioned there, and only the owner may be pinged.
    const post = discordAlerts()[0]!.body as {
      content?: string;
      allowed_mentions?: unknown;
      embeds: unknown[];
    };
    expect(post.content).toBe('<@U7>');
    expect(post.allowed_mentions).toEqual({ parse: [], users: ['U7'] });
    expect(JSON.stringify(post.embeds)).not.toContain('<@U7>');
    expect(JSON.stringify(slackAlerts()[0]!.params.blocks)).toContain('<@U7>');
    expect(terminalText).toContain('📣 alert → terminal');
    expect(terminalText).toContain('acme-us must now carry product liability insurance');
    expect(terminalText).toContain('@U7');
    expect(slack.violations).toEqual([]);
  });

  it('a second sweep posts nothing new and skips unchanged teams', async () => {
    clock = new Date('2026-03-20T19:00:00Z');
    const r = await runSweep(deps());
    expect(r).toMatchObject({ tenantsPlanned: 0, tenantsSkipped: 3, inserted: 0, delivered: 0 });
    expect(slackAlerts()).toHaveLength(1);
    expect(discordAlerts()).toHaveLength(1);
  });

  it('a platform that fails twice then succeeds gets the alert once', async () => {
    const ctx = await h.context({ tenant: 'T-ALERT', platform: 'slack', channel: 'C-ALERTS' });
    await h.run(ctx, '/insurance request acme-us 2026-03-20');
    slack.script(
      'chat.postMessage',
      { status: 500, body: { ok: false, error: 'fatal_error' } },
      { status: 500, body: { ok: false, error: 'fatal_error' } },
    );
    const asked = () =>
      slack
        .callsOf('chat.postMessage')
        .filter((c) => String(c.params.text).includes('asked acme-us for proof'));
    clock = new Date('2026-03-20T20:00:00Z');
    expect(await runSweep(deps())).toMatchObject({ inserted: 1, delivered: 0, retried: 1 }); // retry in 1 minute
    clock = new Date('2026-03-20T20:00:30Z'); // before the retry is due: nothing is posted
    expect(await runSweep(deps())).toMatchObject({ delivered: 0, retried: 0 });
    clock = new Date('2026-03-20T20:02:00Z');
    expect(await runSweep(deps())).toMatchObject({ delivered: 0, retried: 1 }); // retry in 2 minutes
    clock = new Date('2026-03-20T20:05:00Z');
    expect(await runSweep(deps())).toMatchObject({ delivered: 1, retried: 0 });
    expect(asked()).toHaveLength(3);
    const sent = (await listAlerts(store.db, ctx.scope.tenant.id, { status: 'sent' })).find(
      (a) => a.kind === 'proof-requested',
    );
    expect(sent?.attempts).toBe(3);
  });

  it('a platform down for a day gets every alert after it returns', async () => {
    let up = false;
    let failures = 0;
    const delivered: string[] = [];
    const flaky: Notifier = {
      async post(tenant, channel, reply) {
        if (!up) {
          failures++;
          throw new Error('service unavailable');
        }
        await platforms().post(tenant, channel, reply);
        delivered.push(`${tenant.externalId} ${reply.title}`);
      },
    };
    // Hourly sweeps through a whole day of outage, crossing the 14-day deadline stage.
    for (let hour = 0; hour <= 24; hour++) {
      clock = new Date(Date.UTC(2026, 3, 5, 17 + hour));
      await runSweep(deps(flaky));
    }
    const waiting = await store.db
      .selectFrom('alerts')
      .select(['key', 'attempts'])
      .where('status', '=', 'pending')
      .execute();
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    expect(failures).toBeGreaterThan(waiting.length);
    up = true;
    clock = new Date('2026-04-06T19:00:00Z');
    await runSweep(deps(flaky));
    clock = new Date('2026-04-06T21:00:00Z');
    await runSweep(deps(flaky));
    expect(delivered).toHaveLength(waiting.length);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered).toContain('T-ALERT acme-us: insurance due in 14 days (by 2026-04-19)');
    expect(delivered).toContain('G-ALERT acme-us: insurance due in 14 days (by 2026-04-19)');
    expect(delivered).toContain('local acme-us: insurance due in 14 days (by 2026-04-19)');
    const left = await store.db.selectFrom('alerts').select('key').where('status', '!=', 'sent').execute();
    expect(left).toEqual([]);
  });

  it('a dry run at a future instant shows what would be sent and writes nothing', async () => {
    const counts = await h.counts();
    const r = await runSweep(deps(), { at: new Date('2026-04-12T18:00:00Z'), dryRun: true });
    expect(r.preview?.map((p) => p.key).filter((k) => k.includes('/7d'))).toHaveLength(3);
    expect(await h.counts()).toEqual(counts);
  });

  it('stopping mid-delivery releases the leases; the next sweep delivers them', async () => {
    const ctx = await h.context({ tenant: 'local', platform: 'shell' });
    for (const name of ['a1', 'a2', 'a3']) {
      await h.run(ctx, `/insurance account add ${name} US`);
      await h.run(ctx, `/insurance sales record ${name} 2026-04 11,000`);
    }
    clock = new Date('2026-04-12T18:00:00Z');
    let posts = 0;
    const stopAfterOne = { ...deps({ post: async () => void posts++ }), shouldStop: () => posts >= 1 };
    const r = await runSweep(stopAfterOne);
    expect(r.delivered).toBe(1);
    expect((await outboxCounts(store.db, ctx.scope.tenant.id)).pending).toBeGreaterThan(0);
    const pending = await listAlerts(store.db, ctx.scope.tenant.id, { status: 'pending' });
    expect(pending.length).toBeGreaterThan(0);
    const leased = await store.db
      .selectFrom('alerts')
      .select('lease_owner')
      .where('lease_owner', 'is not', null)
      .where('status', '=', 'pending')
      .execute();
    expect(leased).toEqual([]);
    const next = await runSweep(deps({ post: async () => void posts++ }));
    expect(next.delivered).toBeGreaterThanOrEqual(pending.length);
    expect((await outboxCounts(store.db, ctx.scope.tenant.id)).pending).toBe(0);
  });

  it('/insurance alerts status shows the counts, failures, and this team’s last check and post', async () => {
    const ctx = await h.context({ tenant: 'T-ALERT', platform: 'slack' });
    const status = await h.run(ctx, '/insurance alerts status');
    expect(status.fields).toContainEqual({ label: 'Failed', value: '0' });
    expect(Number(status.fields?.find((f) => f.label === 'Sent')?.value)).toBeGreaterThanOrEqual(3);
    expect(status.fields?.find((f) => f.label === 'Last checked for alerts')?.value).toMatch(/^2026-04-1\d$/);
    // On the team's wall clock, with its zone: not a UTC instant.
    expect(status.fields?.find((f) => f.label === 'Last alert posted')?.value).toMatch(
      /^2026-04-1\d \d\d:\d\d America\/Los_Angeles$/,
    );
    // A team that never had alerts sees its own never, not another team's sweep.
    const other = await h.context({ tenant: 'T-QUIET', platform: 'slack' });
    const quiet = await h.run(other, '/insurance alerts status');
    expect(quiet.fields?.filter((f) => f.label.startsWith('Last')).map((f) => f.value)).toEqual([
      'never',
      'never',
    ]);
  });
});

describe('replicas with different platforms', () => {
  it('a process without a platform leaves that platform’s alerts to one that has it, burning no retry', async () => {
    const ctx = await h.context({ tenant: 'T-PLATFORM', platform: 'slack', channel: 'C-PLATFORM' });
    await h.run(ctx, '/insurance account add other-us US');
    await h.run(ctx, '/insurance alerts here');
    await h.run(ctx, '/insurance request other-us 2026-03-19');
    const posted = () => slack.callsOf('chat.postMessage').filter((c) => c.params.channel === 'C-PLATFORM');
    const before = posted().length;
    clock = new Date('2026-03-20T19:30:00Z');
    const discordOnly = routeByPlatform({
      discord: discordPoster(discordRest({ token: 't', apiUrl: discord.apiUrl })),
    });
    expect(await runSweep(deps(discordOnly))).toMatchObject({
      inserted: 1,
      delivered: 0,
      retried: 0,
      failed: 0,
    });
    const [pending] = await listAlerts(store.db, ctx.scope.tenant.id, { status: 'pending', limit: 5 });
    expect([pending?.attempts, pending?.lastError]).toEqual([0, undefined]);
    expect(await runSweep(deps())).toMatchObject({ delivered: 1, failed: 0 });
    expect(posted().length).toBe(before + 1);
  });
});
