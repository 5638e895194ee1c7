// Amazon's Selling Partner API against a local fake (validated against Amazon's published model):
// connecting (the token checked, then stored sealed), the two-year backfill within the seller's
// usage plan, incremental syncs without duplicates, 429s, and a revoked token reported once.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amazonCallback } from '../../adapters/web/amazon-callback.ts';
import { decodeAlert } from '../../src/alerts/payload.ts';
import { alertReply } from '../../src/alerts/render.ts';
import { runSweep } from '../../src/alerts/sweep.ts';
import type { AmazonDeps } from '../../src/app/amazon.ts';
import { resealAmazonTokens, syncAll, syncRange } from '../../src/app/amazon.ts';
import { replyText } from '../../src/reply.ts';
import { parseSecretKey, sealer } from '../../src/secrets.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeAmazon } from '../fakes/amazon.ts';
import { virtualClock } from '../support/clock.ts';
import { type Harness, harness } from '../support/harness.ts';
import { freshStore } from '../support/stores.ts';

const NOW = '2026-11-21T20:00:00.000Z';
const TOKEN = 'Atzr|IwEBI-refresh-token-of-acme-0123456789';

/** 300 dollars a day for two years (at most 9,300 a month), then 700 a day: over 10,000 on Nov 15. */
function salesOfAcme(): Map<string, number> {
  const sales = new Map<string, number>();
  for (let t = Date.parse('2024-11-01'); t <= Date.parse('2026-11-21'); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    sales.set(day, day >= '2026-11-01' ? 70_000 : 30_000);
  }
  return sales;
}

let fake: FakeAmazon;
let store: Store;
let h: Harness;
let clock: ReturnType<typeof virtualClock>;
let amazon: AmazonDeps;

beforeAll(async () => {
  fake = await new FakeAmazon().start();
  // The fake's own bucket is generous: the client's usage plan runs on virtual time here, and its
  // waits are what the test checks.
  fake.plan = { rate: 1000, burst: 1000 };
  fake.sellers.set('acme', { refreshToken: TOKEN, sales: salesOfAcme() });
  store = await freshStore('sqlite');
  clock = virtualClock();
  amazon = {
    lwaUrl: fake.lwaUrl,
    apiUrl: fake.apiUrl,
    clientId: 'amzn1.app',
    clientSecret: 'lwa-secret',
    clock,
  };
  h = harness(store, NOW);
  Object.assign(h.deps, {
    amazon,
    sealer: sealer(parseSecretKey('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')),
  });
});
afterAll(async () => {
  await store?.close();
  await fake?.stop();
});

describe('Amazon Selling Partner API', () => {
  it('connect: the token is checked with Amazon, stored sealed, and two years are backfilled', async () => {
    const ctx = await h.context({ tenant: 'T-amazon', platform: 'shell' });
    await h.run(ctx, '/insurance account add acme-us US');
    const r = await h.run(ctx, `/insurance account connect acme-us refresh:${TOKEN}`);
    expect(r.title).toBe('Connected acme-us to Amazon');
    expect(r.text).toContain('acme-us: 721 days from 2024-12-01 to 2026-11-21: 721 new, 0 changed.');
    // Month by month: 24 requests, the first 15 at once (the burst), then one every two seconds.
    expect(fake.calls).toHaveLength(24);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeCloseTo(18_000, -2);
    expect(fake.violations).toEqual([]);
    expect(fake.calls[0]!.query.get('granularity')).toBe('Day');
    expect(fake.calls[0]!.query.get('granularityTimeZone')).toBe('America/Los_Angeles');
    expect(fake.calls[0]!.query.get('interval')).toBe('2024-12-01T00:00:00-08:00--2025-01-01T00:00:00-08:00');
    // The token is in the database only sealed: not in its files (the WAL included) in clear.
    const file = Buffer.concat(
      [store.location, `${store.location}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
    );
    expect(file.includes(Buffer.from(TOKEN))).toBe(false);
    expect(file.includes(Buffer.from('aes256gcm:'))).toBe(true);
    // Nor in any reply or the audit log.
    expect(r.text).not.toContain(TOKEN);
    const audit = await store.db.selectFrom('audit_log').select(['action', 'subject', 'detail']).execute();
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
    // The daily figures decide the trigger: 700 a day crosses 10,000 on November 15.
    const check = await h.run(ctx, '/insurance check acme-us');
    expect(check.text).toContain('triggered on 2026-11-15');
    expect(check.text).toContain('first day your daily sales took the month over');
  });

  it('the threshold-crossed alert goes out the day the sync sees it, not after the month closes', async () => {
    const ctx = await h.context({ tenant: 'T-amazon', platform: 'shell' });
    await h.run(ctx, '/insurance alerts here 9 America/Los_Angeles');
    const posted: string[] = [];
    const result = await runSweep({
      store,
      notifier: { post: async (_t, _c, reply) => void posted.push(reply.title) },
      now: () => new Date(NOW),
      owner: 'test',
      defaults: { alertHour: 9 },
      delivery: { pace: () => 0 },
    });
    expect(result.delivered).toBeGreaterThan(0);
    expect(posted.some((t) => t.includes('acme-us') && /must now carry/.test(t))).toBe(true);
    const exceeded = await store.db
      .selectFrom('alerts')
      .select('key')
      .where('kind', '=', 'threshold-exceeded')
      .execute();
    // Keyed by the trigger day the daily sales gave: November 15, while November is still running.
    expect(exceeded.map((a) => a.key)).toEqual([expect.stringMatching(/\/2026-11-15$/)]);
    await store.db.deleteFrom('alerts').execute();
  });

  it('incremental sync: from two days before the last synced day; nothing written twice', async () => {
    const ctx = await h.context({ tenant: 'T-amazon', platform: 'shell' });
    expect(syncRange({ syncedThrough: '2026-11-20' }, '2026-11-21')).toEqual({
      from: '2026-11-18',
      to: '2026-11-21',
    });
    const before = (await h.counts()).sales_days ?? 0;
    fake.calls.length = 0;
    const again = await h.run(ctx, '/insurance sales sync');
    expect(again.text).toContain('acme-us: 4 days from 2026-11-18 to 2026-11-21: 0 new, 0 changed.');
    expect(fake.calls).toHaveLength(1);
    expect((await h.counts()).sales_days).toBe(before);
    // A late order changes the 19th: one revision, nothing else.
    fake.sellers.get('acme')!.sales.set('2026-11-19', 75_000);
    expect((await h.run(ctx, '/insurance sales sync acme-us')).text).toContain('0 new, 1 changed.');
    expect((await h.counts()).sales_days).toBe(before + 1);
  });

  it('a 429 empties the seller’s bucket and is tried again after the plan’s interval', async () => {
    const ctx = await h.context({ tenant: 'T-amazon', platform: 'shell' });
    fake.throttle.set('acme', 2);
    // A minute later, the bucket has refilled: the waits run on the virtual clock, and the budget the
    // last sync left in the database is dated by the wall clock (replicas share it).
    clock.at += 60_000;
    await store.db
      .updateTable('amazon_connections')
      .set({ plan_at: new Date(Date.now() - 60_000).toISOString() })
      .execute();
    clock.slept.length = 0;
    const r = await h.run(ctx, '/insurance sales sync acme-us');
    expect(r.text).toContain('acme-us: 4 days');
    // Two 429s, each followed by a full two-second wait before the next try.
    expect(clock.slept.filter((ms) => ms >= 1999)).toHaveLength(2);
  });

  it('a revoked token is recorded, told once, and not tried again until reconnected', async () => {
    const ctx = await h.context({ tenant: 'T-amazon', platform: 'shell' });
    fake.revoked.add('acme');
    const r = await h.run(ctx, '/insurance sales sync');
    expect(r.tone).toBe('warn');
    expect(r.text).toContain('acme-us: Amazon refused the refresh token (revoked or expired).');
    const conn = await store.db
      .selectFrom('amazon_connections')
      .select(['status', 'last_error'])
      .executeTakeFirst();
    expect(conn?.status).toBe('revoked');
    fake.calls.length = 0;
    expect(await syncAll(h.deps)).toEqual([]);
    expect(fake.calls).toHaveLength(0);
    // The team is told once, in its alert channel, what happened and what to do.
    const alerts = await store.db.selectFrom('alerts').select(['kind', 'payload', 'status']).execute();
    expect(alerts.map((a) => [a.kind, a.status])).toEqual([['amazon-disconnected', 'pending']]);
    const reply = alertReply(decodeAlert(alerts[0]!.payload, 'test'), (id) => `@${id}`);
    expect(reply.title).toBe('acme-us: Amazon stopped sending sales');
    expect(replyText(reply)).toContain('/insurance account connect acme-us refresh:<token> at the terminal');
    fake.revoked.delete('acme');
  });

  it('a refused token on connect stores nothing; a token in Slack text is refused before use', async () => {
    const ctx = await h.context({ tenant: 'T-amazon2', platform: 'shell' });
    await h.run(ctx, '/insurance account add other-us US');
    const before = await h.counts();
    const r = await h.run(ctx, '/insurance account connect other-us refresh:Atzr|wrong');
    expect(r.title).toContain('Amazon refused this refresh token');
    expect(await h.counts()).toEqual(before);
    const slack = await h.context({ tenant: 'T-amazon3', platform: 'slack' });
    await h.run(slack, '/insurance account add chat-us US');
    const calls = fake.calls.length;
    const chat = await h.run(slack, `/insurance account connect chat-us refresh:${TOKEN}`);
    expect(chat.title).toContain('never taken from message text');
    expect(chat.text).not.toContain(TOKEN);
    expect(fake.calls.length).toBe(calls);
  });

  it('secrets rotate seals the refresh token with the new key; the old key no longer needed', async () => {
    const oldKey = parseSecretKey('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
    const newKey = parseSecretKey('fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210');
    const rotated = { ...h.deps, sealer: sealer(newKey, [oldKey]) };
    expect(await resealAmazonTokens(rotated)).toEqual({ resealed: 1, total: 1 });
    expect(await resealAmazonTokens(rotated)).toEqual({ resealed: 0, total: 1 });
    const row = await store.db
      .selectFrom('amazon_connections')
      .select('refresh_token')
      .executeTakeFirstOrThrow();
    expect(sealer(newKey).open(row.refresh_token)).toBe(TOKEN);
    expect(() => sealer(oldKey).open(row.refresh_token)).toThrow(/neither COVERWATCH_SECRET_KEY/);
  });

  it('disconnect deletes the token and keeps the synced sales', async () => {
    const ctx = await h.context({ tenant: 'T-amazon', platform: 'shell' });
    const days = (await h.counts()).sales_days;
    expect((await h.run(ctx, '/insurance account disconnect acme-us')).title).toBe(
      'Disconnected acme-us from Amazon',
    );
    expect(await store.db.selectFrom('amazon_connections').selectAll().execute()).toEqual([]);
    expect((await h.counts()).sales_days).toBe(days);
    expect((await h.run(ctx, '/insurance account disconnect acme-us')).title).toBe(
      'acme-us is not connected to Amazon.',
    );
  });
});

describe('Amazon website authorization workflow', () => {
  it('a link only the member sees; consent in Seller Central; the callback stores the token and backfills', async () => {
    const web = {
      ...amazon,
      website: {
        appId: 'amzn1.sp.solution.test',
        consentUrl: 'https://sellercentral.example/apps/authorize/consent',
        redirectUri: 'https://coverwatch.example/amazon/callback',
        draft: true,
      },
    };
    fake.sellers.set('web', { refreshToken: 'Atzr|web-seller-refresh', sales: salesOfAcme() });
    Object.assign(h.deps, { amazon: web });
    const server = createServer(
      amazonCallback(h.deps, { info: () => undefined, warn: () => undefined, error: () => undefined }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/amazon/callback`;
    try {
      const slack = await h.context({ tenant: 'T-web', platform: 'slack' });
      await h.run(slack, '/insurance account add web-us US');
      const reply = await h.run(slack, '/insurance account connect web-us');
      expect(reply.private).toBe(true);
      const link = new URL(/https:\/\/sellercentral\.example\S+/.exec(reply.text)![0]);
      expect(link.searchParams.get('application_id')).toBe('amzn1.sp.solution.test');
      expect(link.searchParams.get('version')).toBe('beta');
      expect(link.searchParams.get('redirect_uri')).toBe('https://coverwatch.example/amazon/callback');
      const state = link.searchParams.get('state')!;
      // A changed state is refused; nothing is stored.
      fake.codes.set('code-1', 'web');
      const forged = await fetch(
        `${base}?state=${encodeURIComponent(`${state.slice(0, -4)}AAAA`)}&spapi_oauth_code=code-1`,
      );
      expect(forged.status).toBe(400);
      expect(await forged.text()).toContain('not one coverwatch made');
      // The page speaks the browser's language.
      const inChinese = await fetch(`${base}?state=x`, {
        headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
      });
      expect(await inChinese.text()).toContain('亚马逊连接没有完成');
      // Seller Central sends the seller back with a code: connected, and two years arrive.
      const back = await fetch(
        `${base}?state=${encodeURIComponent(state)}&selling_partner_id=A1SELLER&spapi_oauth_code=code-1`,
      );
      expect(back.status).toBe(200);
      expect(await back.text()).toContain('Connected web-us to Amazon');
      expect(fake.redirects.at(-1)).toBe('https://coverwatch.example/amazon/callback');
      const conn = await store.db
        .selectFrom('amazon_connections')
        .selectAll()
        .where('status', '=', 'active')
        .execute();
      expect(conn.map((c) => c.refresh_token.startsWith('aes256gcm:'))).toContain(true);
      expect(JSON.stringify(conn)).not.toContain('Atzr|web-seller-refresh');
      for (let i = 0; i < 200; i++) {
        const synced = await store.db
          .selectFrom('amazon_connections')
          .select('synced_through')
          .where('id', '=', conn.at(-1)!.id)
          .executeTakeFirst();
        if (synced?.synced_through) break;
        await new Promise((d) => setTimeout(d, 25));
      }
      expect((await h.run(slack, '/insurance check web-us')).text).toContain('triggered on 2026-11-15');
      // The same link later: expired.
      h.setNow('2026-11-21T20:16:00.000Z');
      fake.codes.set('code-2', 'web');
      const late = await fetch(`${base}?state=${encodeURIComponent(state)}&spapi_oauth_code=code-2`);
      expect(late.status).toBe(400);
      expect(await late.text()).toContain('expired');
    } finally {
      h.setNow(NOW);
      Object.assign(h.deps, { amazon });
      await new Promise((r) => server.close(r));
    }
  });
});
