// Replicas divide a sweep (PostgreSQL): three `coverwatch sweep` processes started together over a
// few hundred teams plan every team exactly once between them (the sweeps' own counts add up to the
// team count) and post every alert once; a sweeper killed with SIGKILL mid-batch leaves its claimed
// teams leased, and once the lease lapses the other replicas plan them.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, expect } from 'vitest';
import { dateIn } from '../../src/rules/calendar.ts';
import { usd } from '../../src/rules/money.ts';
import { insertAccount } from '../../src/store/accounts.ts';
import { openStore, type Store } from '../../src/store/db.ts';
import { recordSales } from '../../src/store/sales.ts';
import { ensureTenant, updateTenantSettings } from '../../src/store/tenants.ts';
import { FakeSlack } from '../fakes/slack.ts';
import { BIN, coverwatch } from '../support/cli.ts';
import { freshDatabaseUrl, itOnPostgres, postgresAvailable } from '../support/stores.ts';

const NOW = new Date('2026-11-21T12:00:00Z');
const available = postgresAvailable();
let fake: FakeSlack;
const stores: Store[] = [];

beforeAll(async () => {
  if (!available) return;
  fake = await new FakeSlack().start();
});

afterAll(async () => {
  for (const s of stores) await s.close();
  await fake?.stop();
});

/** A database of `teams` teams, each with an alert channel and one account over the threshold. */
async function seeded(teams: number, prefix: string, now = NOW): Promise<{ url: string; store: Store }> {
  const url = await freshDatabaseUrl('postgres');
  const store = await openStore(url);
  stores.push(store);
  const at = now.toISOString();
  const today = dateIn('UTC', now);
  for (let i = 0; i < teams; i++) {
    const tenant = await ensureTenant(
      store.db,
      { platform: 'slack', externalId: `${prefix}${i}` },
      { timeZone: 'UTC', at },
    );
    await updateTenantSettings(store.db, tenant.id, { alertChannel: `C-${prefix}${i}`, alertHour: 0 });
    const account = await insertAccount(
      store.db,
      tenant.id,
      { name: 'over-us', marketplace: 'US' },
      { by: 'seed', at },
    );
    await recordSales(store.db, tenant.id, account.id, {
      month: today.slice(0, 7),
      amount: usd(15_000),
      source: 'seed',
      recordedOn: today,
      at,
      by: 'seed',
    });
  }
  return { url, store };
}

const envFor = (url: string, extra: Record<string, string> = {}) => ({
  DATABASE_URL: url,
  SLACK_BOT_TOKEN: 'xoxb-shared',
  SLACK_SIGNING_SECRET: 'shared-secret',
  SLACK_API_URL: fake.apiUrl,
  COVERWATCH_NOW: NOW.toISOString(),
  ...extra,
});

itOnPostgres(
  'three sweepers started together plan every team exactly once and post every alert once',
  async () => {
    const TEAMS = 300;
    const { url, store } = await seeded(TEAMS, 'S');
    const before = fake.callsOf('chat.postMessage').length;
    const runs = await Promise.all([1, 2, 3].map(() => coverwatch(['sweep'], '', envFor(url))));
    for (const r of runs) expect(r.stderr).toBe('');
    const split = runs.map((r) => Number(/(\d+) team\(s\) planned/.exec(r.stdout)?.[1]));
    // The replicas' own counts add up to the teams: none planned twice, none left out.
    expect(split.reduce((a, b) => a + b, 0)).toBe(TEAMS);
    const sweeps = await store.db.selectFrom('sweeps').select(['owner', 'tenants_planned']).execute();
    expect(sweeps).toHaveLength(3);
    expect(sweeps.reduce((n, s) => n + Number(s.tenants_planned), 0)).toBe(TEAMS);
    const planned = await store.db
      .selectFrom('tenants')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('planned_on', '=', dateIn('UTC', NOW))
      .where('plan_lease_owner', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(planned.n)).toBe(TEAMS);
    // Every alert posted once.
    const alerts = await store.db.selectFrom('alerts').select(['status', 'tenant_id', 'key']).execute();
    expect(alerts.length).toBeGreaterThanOrEqual(TEAMS);
    expect(alerts.every((a) => a.status === 'sent')).toBe(true);
    const posts = fake.callsOf('chat.postMessage').slice(before);
    expect(posts).toHaveLength(alerts.length);
    const stats = await coverwatch(['sweep', '--stats'], '', envFor(url));
    expect(stats.stdout).toContain(`${TEAMS} team(s) planned by 3 replica(s)`);
    console.info(`teams planned per replica: ${split.join(' + ')} = ${TEAMS}`);
  },
);

itOnPostgres(
  'a sweeper killed mid-batch: its teams stay leased, and after the lease the others plan them',
  async () => {
    const TEAMS = 200;
    // The real clock: the victim's leases (on teams and on alerts) must really lapse.
    const { url, store } = await seeded(TEAMS, 'K', new Date());
    // Posting is slow, so the first sweeper is caught holding claims.
    fake.delays.set('chat.postMessage', 400);
    const { COVERWATCH_NOW: _frozen, ...env } = envFor(url, { ALERT_LEASE_MS: '3000' });
    let victim: ChildProcess | undefined;
    try {
      victim = spawn(process.execPath, [BIN, 'sweep'], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
        stdio: 'ignore',
      });
      const leased = async () =>
        store.db
          .selectFrom('tenants')
          .select(['plan_lease_owner'])
          .where('plan_lease_owner', 'is not', null)
          .execute();
      let held: { plan_lease_owner: string | null }[] = [];
      for (let i = 0; i < 400 && held.length === 0; i++) {
        held = await leased();
        if (held.length === 0) await new Promise((r) => setTimeout(r, 25));
      }
      expect(held.length).toBeGreaterThan(0);
      victim.kill('SIGKILL');
      await new Promise((r) => victim!.once('exit', r));
    } finally {
      fake.delays.delete('chat.postMessage');
      if (victim && victim.exitCode === null && victim.signalCode === null) victim.kill('SIGKILL');
    }
    const orphaned = await store.db
      .selectFrom('tenants')
      .select(['id'])
      .where('plan_lease_owner', 'is not', null)
      .execute();
    expect(orphaned.length).toBeGreaterThan(0);
    const plannedByVictim = Number(
      (
        await store.db
          .selectFrom('tenants')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('planned_on', 'is not', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    // Within the lease the others pass the orphaned teams over; once it lapses they plan them.
    await new Promise((r) => setTimeout(r, 3200));
    const runs = await Promise.all([1, 2].map(() => coverwatch(['sweep'], '', env)));
    for (const r of runs) expect(r.stderr).toBe('');
    const byOthers = runs.map((r) => Number(/(\d+) team\(s\) planned/.exec(r.stdout)?.[1]));
    // Each team planned once: the victim's finished batches, and the others' share.
    expect(plannedByVictim + byOthers[0]! + byOthers[1]!).toBe(TEAMS);
    const left = await store.db
      .selectFrom('tenants')
      .select(['id'])
      .where((eb) => eb.or([eb('planned_on', 'is', null), eb('plan_lease_owner', 'is not', null)]))
      .execute();
    expect(left).toEqual([]);
    const unsent = await store.db.selectFrom('alerts').select(['id']).where('status', '!=', 'sent').execute();
    expect(unsent).toEqual([]);
    console.info(
      `killed after planning ${plannedByVictim} team(s) and holding ${orphaned.length}; the others planned ${byOthers.join(' + ')}`,
    );
  },
);
