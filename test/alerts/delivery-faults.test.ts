// Alert delivery on a bad day: a platform request that never answers, a channel with a long backlog
// while a second sweeper starts, and one team's 429. No alert is stuck, none is posted twice, and one
// team's trouble never holds up another's alerts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackPoster } from '../../adapters/slack/poster.ts';
import { deliverDue } from '../../src/alerts/delivery.ts';
import { routeByPlatform } from '../../src/alerts/notifier.ts';
import { runSweep, type SweepDeps } from '../../src/alerts/sweep.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeSlack } from '../fakes/slack.ts';
import { type Harness, harness } from '../support/harness.ts';
import { describeEngines, freshStore } from '../support/stores.ts';

const NOW = '2026-03-20T18:00:00.000Z';
let fake: FakeSlack;
beforeAll(async () => {
  fake = await new FakeSlack().start();
});
afterAll(async () => {
  await fake?.stop();
});

/** Teams on Slack, each with an alert channel and `accounts` accounts over the threshold (one alert each). */
async function seed(h: Harness, teams: { tenant: string; channel: string; accounts: number }[]) {
  for (const t of teams) {
    const ctx = await h.context({ tenant: t.tenant, platform: 'slack', channel: t.channel });
    await h.run(ctx, '/insurance alerts here 9 America/Los_Angeles');
    for (let i = 0; i < t.accounts; i++) {
      await h.run(ctx, `/insurance account add shop-${i} US`);
      await h.run(ctx, `/insurance sales record shop-${i} 2026-03 10,500`);
    }
  }
}

const poster = (h: Harness, timeoutMs = 10_000) =>
  routeByPlatform({
    slack: slackPoster({ botToken: 'xoxb-faults', apiUrl: fake.apiUrl }, h.deps, {
      retries: 0,
      minTimeout: 10,
      maxTimeout: 10,
      timeoutMs,
    }),
  });

async function statusOf(store: Store, channel: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom('alerts')
    .innerJoin('tenants', 'tenants.id', 'alerts.tenant_id')
    .select('alerts.status')
    .where('tenants.alert_channel', '=', channel)
    .execute();
  return rows.map((r) => r.status);
}

describe('a platform request that never answers', () => {
  it('times out for that team alone; every other alert is marked sent as soon as it is posted', async () => {
    const store = await freshStore('sqlite');
    try {
      const h = harness(store, NOW);
      await seed(h, [
        { tenant: 'T-OK1', channel: 'C-OK1', accounts: 1 },
        { tenant: 'T-HUNG', channel: 'C-HUNG', accounts: 1 },
        { tenant: 'T-OK2', channel: 'C-OK2', accounts: 1 },
      ]);
      fake.hung.add('C-HUNG');
      // The hung post is waiting on Slack while the others are posted: they are already marked sent.
      const posts = fake.callsOf('chat.postMessage').length;
      const sweep = runSweep({
        store,
        notifier: poster(h, 400),
        now: h.deps.now,
        owner: 'hung-test',
        defaults: { alertHour: 9 },
        delivery: { pace: () => 0, postBudgetMs: 1000 },
      });
      await fake.arrival(() => fake.callsOf('chat.postMessage').length === posts + 3);
      await expect.poll(() => statusOf(store, 'C-OK1')).toEqual(['sent']);
      await expect.poll(() => statusOf(store, 'C-OK2')).toEqual(['sent']);
      const result = await sweep;
      expect(result).toMatchObject({ delivered: 2, retried: 1, failed: 0 });
      expect(await statusOf(store, 'C-HUNG')).toEqual(['pending']);
      const hung = await store.db
        .selectFrom('alerts')
        .select(['attempts', 'last_error'])
        .where('status', '=', 'pending')
        .execute();
      expect(hung).toHaveLength(1);
      expect(hung[0]!.attempts).toBe(1);
      expect(hung[0]!.last_error).toMatch(/time/i);
    } finally {
      fake.hung.clear();
      await store.close();
    }
  });
});

describe('one team’s 429', () => {
  it('defers that team’s channel until Retry-After, without counting an attempt; the other team’s alert goes now', async () => {
    const store = await freshStore('sqlite');
    try {
      const h = harness(store, NOW);
      await seed(h, [
        { tenant: 'T-LIMITED', channel: 'C-LIMITED', accounts: 2 },
        { tenant: 'T-FREE', channel: 'C-FREE', accounts: 1 },
      ]);
      fake.rateLimited.set('C-LIMITED', 120);
      const deps: SweepDeps = {
        store,
        notifier: poster(h),
        now: h.deps.now,
        owner: 'limit-test',
        defaults: { alertHour: 9 },
        delivery: { pace: () => 0 },
      };
      const posted = (channel: string) =>
        fake.callsOf('chat.postMessage').filter((c) => c.params.channel === channel).length;
      const first = await runSweep(deps);
      expect(first).toMatchObject({ delivered: 1, retried: 2, failed: 0 });
      expect(await statusOf(store, 'C-FREE')).toEqual(['sent']);
      // One 429'd call for the limited team; its second alert was not even tried.
      expect(posted('C-LIMITED')).toBe(1);
      const waiting = await store.db
        .selectFrom('alerts')
        .select(['next_attempt_at', 'attempts'])
        .where('status', '=', 'pending')
        .execute();
      expect(waiting).toEqual([
        { next_attempt_at: '2026-03-20T18:02:00.000Z', attempts: 0 },
        { next_attempt_at: '2026-03-20T18:02:00.000Z', attempts: 0 },
      ]);
      h.setNow('2026-03-20T18:01:00.000Z');
      expect(await deliverDue({ ...deps, now: h.deps.now, pace: () => 0 })).toMatchObject({ delivered: 0 });
      h.setNow('2026-03-20T18:02:00.000Z');
      expect(await deliverDue({ ...deps, now: h.deps.now, pace: () => 0 })).toMatchObject({ delivered: 2 });
      expect(posted('C-LIMITED')).toBe(3);
      expect(await statusOf(store, 'C-LIMITED')).toEqual(['sent', 'sent']);
    } finally {
      await store.close();
    }
  });
});

describeEngines('a one-channel backlog with a second sweeper', (engine) => {
  it('each alert is posted once: a lease is renewed alert by alert, and what a sweeper lost it leaves', async () => {
    const store = await freshStore(engine);
    try {
      const h = harness(store, NOW);
      await seed(h, [{ tenant: 'T-BACKLOG', channel: 'C-BACKLOG', accounts: 24 }]);
      // Plan with the fixed clock; deliver on the real one, so leases really expire.
      await runSweep({
        store,
        notifier: { platforms: [], post: async () => undefined },
        now: h.deps.now,
        owner: 'planner',
        defaults: { alertHour: 9 },
      });
      // Delivery on a clock the test moves: every post takes 20 s, well inside the 60 s a post may
      // take, but eight of them outlast the first sweeper's 60 s batch lease. Then a second sweeper
      // starts and leases what has run out; the first posts only what it still holds.
      let clock = new Date(NOW).getTime();
      const posts: string[] = [];
      let startSecond: () => void = () => undefined;
      const secondMayStart = new Promise<void>((resolve) => {
        startSecond = resolve;
      });
      const notifier = {
        platforms: ['slack' as const],
        post: async (
          _tenant: unknown,
          _channel: string,
          reply: { title: string; lines?: readonly string[] },
        ) => {
          posts.push(reply.lines?.join('|') ?? reply.title);
          clock += 20_000;
          if (posts.length === 8) startSecond();
        },
      };
      const common = {
        store,
        notifier,
        now: () => new Date(clock),
        leaseMs: 60_000,
        postBudgetMs: 60_000,
        pace: () => 0,
      };
      const first = deliverDue({ ...common, owner: 'sweeper-a' });
      const second = secondMayStart.then(() => deliverDue({ ...common, owner: 'sweeper-b' }));
      const [a, b] = await Promise.all([first, second]);
      expect(a.delivered + b.delivered).toBe(24);
      // Who posted which depends on who got to the database first; that nothing was posted twice does not.
      expect(posts).toHaveLength(24);
      expect(new Set(posts).size).toBe(24);
      expect(await statusOf(store, 'C-BACKLOG')).toEqual(Array(24).fill('sent'));
    } finally {
      await store.close();
    }
  });
});

describeEngines('a sweep that dies after storing its alerts', (engine) => {
  it('they stay its own until their lease runs out; then the next sweep posts each once', async () => {
    const store = await freshStore(engine);
    try {
      const h = harness(store, NOW);
      await seed(h, [{ tenant: 'T-DIES', channel: 'C-DIES', accounts: 3 }]);
      let clock = new Date(NOW).getTime();
      const posts: string[] = [];
      const sweep = (owner: string, post: () => Promise<void>) =>
        runSweep({
          store,
          notifier: {
            platforms: ['slack'],
            post: async (_t, _c, reply) => {
              await post();
              posts.push(reply.lines?.join('|') ?? reply.title);
            },
          },
          now: () => new Date(clock),
          owner,
          defaults: { alertHour: 9 },
          delivery: { pace: () => 0, leaseMs: 120_000 },
        });
      // The first sweeper stores the alerts leased to itself, then stops dead in its first post (a
      // killed process: nothing after that ever runs).
      let reached: () => void = () => undefined;
      const inFirstPost = new Promise<void>((resolve) => {
        reached = resolve;
      });
      void sweep('dies', () => {
        reached();
        return new Promise<void>(() => undefined);
      });
      await inFirstPost;
      const held = await store.db.selectFrom('alerts').select(['status', 'lease_owner']).execute();
      expect(held).toEqual(Array(3).fill({ status: 'pending', lease_owner: 'dies' }));
      expect(posts).toEqual([]);
      // A minute later another sweeper finds them leased: it posts nothing.
      clock += 60_000;
      expect((await sweep('lives', async () => undefined)).delivered).toBe(0);
      // Past the lease: every alert once.
      clock += 61_000;
      expect((await sweep('lives', async () => undefined)).delivered).toBe(3);
      expect(posts).toHaveLength(3);
      expect(new Set(posts).size).toBe(3);
      expect(await statusOf(store, 'C-DIES')).toEqual(['sent', 'sent', 'sent']);
    } finally {
      await store.close();
    }
  });
});
