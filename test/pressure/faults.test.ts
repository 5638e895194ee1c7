// Faults: a locked SQLite file, a PostgreSQL connection dropped in the middle of a command, and
// SIGTERM in the middle of a sweep. The user gets a clear "try again", nothing is half-written,
// and the process stops cleanly and resumes on the next start.
import { spawn } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dateIn } from '../../src/rules/calendar.ts';
import { usd } from '../../src/rules/money.ts';
import { insertAccount } from '../../src/store/accounts.ts';
import { openStore, type Store } from '../../src/store/db.ts';
import { recordSales } from '../../src/store/sales.ts';
import { ensureTenant, updateTenantSettings } from '../../src/store/tenants.ts';
import { FakeSlack } from '../fakes/slack.ts';
import { BIN, coverwatch } from '../support/cli.ts';
import { harness } from '../support/harness.ts';
import { freshDatabaseUrl, itOnPostgres, tempSqlitePath } from '../support/stores.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

describe('database faults', () => {
  it('a locked SQLite file: "try again", nothing written; the retry succeeds', async () => {
    const path = tempSqlitePath();
    const store = await openStore(path, { busyTimeoutMs: 100 });
    cleanup.push(() => store.close());
    const h = harness(store);
    const ctx = await h.context();
    await h.run(ctx, '/insurance account add acme-us US');
    const blocker = new SQLite(path);
    blocker.exec('begin immediate');
    const before = await h.counts();
    const busy = await h.run(ctx, '/insurance sales record acme-us 2026-10 5000');
    expect(busy.title).toBe('The database is busy — nothing was saved');
    expect(busy.lines).toEqual(['Please try the same command again in a moment.']);
    // Reads still work while another process writes (WAL).
    expect((await h.run(ctx, '/insurance check')).title).toContain('acme-us');
    blocker.exec('rollback');
    blocker.close();
    expect(await h.counts()).toEqual(before);
    expect((await h.run(ctx, '/insurance sales record acme-us 2026-10 5000')).title).toBe(
      'Recorded USD 5,000.00 for acme-us in 2026-10',
    );
  });

  it('another process holding the SQLite write lock never freezes this one: reads answer while a write waits, then it lands', async () => {
    const path = tempSqlitePath();
    const store = await openStore(path);
    cleanup.push(() => store.close());
    const h = harness(store);
    const ctx = await h.context();
    await h.run(ctx, '/insurance account add acme-us US');
    const blocker = new SQLite(path);
    blocker.exec('begin immediate');
    let landed = false;
    const write = h.run(ctx, '/insurance sales record acme-us 2026-10 5000').then((r) => {
      landed = true;
      return r;
    });
    // While the write waits for the lock, this process still answers a read.
    expect((await h.run(ctx, '/insurance check')).title).toContain('acme-us');
    expect(landed).toBe(false);
    blocker.exec('rollback');
    blocker.close();
    expect((await write).title).toBe('Recorded USD 5,000.00 for acme-us in 2026-10');
  });

  itOnPostgres(
    'a PostgreSQL connection dropped during a command: "try again", nothing half-written; the next command works',
    async () => {
      const url = await freshDatabaseUrl('postgres');
      const real = await openStore(url, { poolSize: 2 });
      cleanup.push(() => real.close());
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      cleanup.push(() => admin.end());
      const kill = () =>
        admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        );
      let dropNext = false;
      // The connection dies after the command's writes and before its commit.
      const store: Store = {
        ...real,
        transaction: (fn) =>
          real.transaction(async (trx) => {
            const result = await fn(trx);
            if (dropNext) {
              dropNext = false;
              await kill();
              await sql`select 1`.execute(trx);
            }
            return result;
          }),
      };
      const h = harness(store);
      const ctx = await h.context();
      await h.run(ctx, '/insurance account add acme-us US');
      const before = await h.counts();
      dropNext = true;
      const dropped = await h.run(ctx, '/insurance sales record acme-us 2026-10 12000');
      expect(dropped.title).toBe('The database is busy — nothing was saved');
      expect(await h.counts()).toEqual(before);
      await kill(); // idle connections die too; the pool replaces them once it notices
      let title = '';
      for (let attempt = 0; attempt < 3 && !title.startsWith('Recorded'); attempt++) {
        title = (await h.run(ctx, '/insurance sales record acme-us 2026-10 12000')).title;
        if (!title.startsWith('Recorded')) expect(title).toBe('The database is busy — nothing was saved');
      }
      expect(title).toBe('Recorded USD 12,000.00 for acme-us in 2026-10');
      expect((await h.counts()).sales_revisions).toBe(before.sales_revisions! + 1);
    },
  );
});

describe('SIGTERM during a sweep', () => {
  it('stops posting, gives back its leases and exits 0; the next start delivers the rest, each once', async () => {
    const fake = await new FakeSlack().start();
    cleanup.push(() => fake.stop());
    // The second post is held unanswered until the signal has been sent: SIGTERM lands mid-sweep.
    const second = fake.hold('chat.postMessage', 2);
    const db = tempSqlitePath();
    const store = await openStore(db);
    // One clock for the seed and the child: a run that straddles midnight cannot split the day.
    const now = new Date('2026-11-21T12:00:00Z');
    const at = now.toISOString();
    const today = dateIn('UTC', now);
    const tenant = await ensureTenant(
      store.db,
      { platform: 'slack', externalId: 'T-TERM' },
      { timeZone: 'UTC', at },
    );
    await updateTenantSettings(store.db, tenant.id, { alertChannel: 'C-TERM', alertHour: 0 });
    for (let i = 0; i < 6; i++) {
      const account = await insertAccount(
        store.db,
        tenant.id,
        { name: `shop-${i}`, marketplace: 'US' },
        { by: 'seed', at },
      );
      await recordSales(store.db, tenant.id, account.id, {
        month: today.slice(0, 7),
        amount: usd(20_000),
        source: 'seed',
        recordedOn: today,
        at,
        by: 'seed',
      });
    }
    await store.close();
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: db,
      SLACK_BOT_TOKEN: 'xoxb-term',
      SLACK_SIGNING_SECRET: 'term-secret',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      ALERT_CRON: '0 0 1 1 *',
      LOG_LEVEL: 'info',
      COVERWATCH_NOW: at,
    };
    const child = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let logs = '';
    child.stderr.on('data', (d) => {
      logs += d;
    });
    const posts = () =>
      fake.callsOf('chat.postMessage').filter((c) => String(c.params.text).includes('must now carry'));
    await second.arrived;
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await expect.poll(() => logs.includes('"msg":"stopping"'), { timeout: 20_000 }).toBe(true);
    second.release();
    expect(await exited).toBe(0);
    // The held post was in flight when the signal came: it completes; nothing after it starts.
    expect(posts()).toHaveLength(2);
    const check = new SQLite(db, { readonly: true });
    const leased = check
      .prepare("select count(*) as n from alerts where status = 'pending' and lease_owner is not null")
      .get() as { n: number };
    check.close();
    expect(leased.n).toBe(0);
    const next = await coverwatch(['sweep'], '', env);
    expect(next.code).toBe(0);
    expect(posts()).toHaveLength(6);
    expect(new Set(posts().map((p) => String(p.params.text).split('\n')[0])).size).toBe(6);
  });
});
