// Several replicas: `coverwatch sweep` processes run at once against one PostgreSQL. Two with the
// same Slack credentials post every alert exactly once; a Slack-only and a Discord-only process
// each post exactly their own platform's alerts, once, and never burn the other's retries.
import { afterAll, beforeAll, expect } from 'vitest';
import { dateIn } from '../../src/rules/calendar.ts';
import { usd } from '../../src/rules/money.ts';
import { insertAccount } from '../../src/store/accounts.ts';
import { openStore, type Store } from '../../src/store/db.ts';
import { recordSales } from '../../src/store/sales.ts';
import { ensureTenant, updateTenantSettings } from '../../src/store/tenants.ts';
import { FakeDiscord } from '../fakes/discord.ts';
import { FakeSlack } from '../fakes/slack.ts';
import { coverwatch } from '../support/cli.ts';
import { freshDatabaseUrl, itOnPostgres, postgresAvailable } from '../support/stores.ts';

const TEAMS = 16;
let fake: FakeSlack;
let url: string;
let store: Store;
const available = postgresAvailable();

/** One clock for the seed and the sweepers: a run that straddles midnight cannot split the day. */
const NOW = new Date('2026-11-21T12:00:00Z');

beforeAll(async () => {
  if (!available) return;
  fake = await new FakeSlack().start();
  url = await freshDatabaseUrl('postgres');
  store = await openStore(url);
  const at = NOW.toISOString();
  const today = dateIn('UTC', NOW);
  const month = today.slice(0, 7);
  for (let i = 0; i < TEAMS; i++) {
    const tenant = await ensureTenant(
      store.db,
      { platform: 'slack', externalId: `T-R${i}` },
      { timeZone: 'UTC', at },
    );
    await updateTenantSettings(store.db, tenant.id, { alertChannel: `C-R${i}`, alertHour: 0 });
    const over = await insertAccount(
      store.db,
      tenant.id,
      { name: 'over-us', marketplace: 'US' },
      { by: 'seed', at },
    );
    await recordSales(store.db, tenant.id, over.id, {
      month,
      amount: usd(15_000),
      source: 'seed',
      recordedOn: today,
      at,
      by: 'seed',
    });
    const near = await insertAccount(
      store.db,
      tenant.id,
      { name: 'near-us', marketplace: 'US' },
      { by: 'seed', at },
    );
    await recordSales(store.db, tenant.id, near.id, {
      month,
      amount: usd(9_000),
      source: 'seed',
      recordedOn: today,
      at,
      by: 'seed',
    });
  }
});

afterAll(async () => {
  await store?.close();
  await fake?.stop();
});

itOnPostgres('two sweepers against one PostgreSQL post every alert exactly once', async () => {
  const env = {
    DATABASE_URL: url,
    SLACK_BOT_TOKEN: 'xoxb-replicas',
    SLACK_SIGNING_SECRET: 'replica-secret',
    SLACK_API_URL: fake.apiUrl,
    ALERT_DELIVERY_BATCH: '4',
    COVERWATCH_NOW: NOW.toISOString(),
  };
  const [a, b] = await Promise.all([coverwatch(['sweep'], '', env), coverwatch(['sweep'], '', env)]);
  expect(a.stderr + b.stderr).toBe('');
  const delivered = [a, b].map((r) => Number(/(\d+) delivered/.exec(r.stdout)?.[1]));
  const posts = fake.callsOf('chat.postMessage');
  const keys = posts.map((p) => `${p.params.channel} ${String(p.params.text).split('\n')[0]}`);
  expect(posts).toHaveLength(2 * TEAMS);
  expect(new Set(keys).size).toBe(2 * TEAMS);
  expect(delivered[0]! + delivered[1]!).toBe(2 * TEAMS);
  const rows = await store.db.selectFrom('alerts').select(['status']).execute();
  expect(rows).toHaveLength(2 * TEAMS);
  expect(rows.every((r) => r.status === 'sent')).toBe(true);
  console.info(`replica split: ${delivered.join(' + ')} alerts`);
});

itOnPostgres(
  'a Slack-only and a Discord-only replica each post their own platform’s alerts, once',
  async () => {
    const slack = await new FakeSlack().start();
    const discord = await new FakeDiscord().start();
    const db = await freshDatabaseUrl('postgres');
    const seeded = await openStore(db);
    try {
      const at = NOW.toISOString();
      const today = dateIn('UTC', NOW);
      const teams = { slack: 6, discord: 6 } as const;
      for (const platform of ['slack', 'discord'] as const)
        for (let i = 0; i < teams[platform]; i++) {
          const tenant = await ensureTenant(
            seeded.db,
            { platform, externalId: `${platform}-${i}` },
            { timeZone: 'UTC', at },
          );
          // Discord channel ids are snowflakes; Slack's are C….
          const channel = platform === 'slack' ? `C-S${i}` : `7000000000000000${String(i).padStart(2, '0')}`;
          await updateTenantSettings(seeded.db, tenant.id, { alertChannel: channel, alertHour: 0 });
          const account = await insertAccount(
            seeded.db,
            tenant.id,
            { name: 'over-us', marketplace: 'US' },
            { by: 'seed', at },
          );
          await recordSales(seeded.db, tenant.id, account.id, {
            month: today.slice(0, 7),
            amount: usd(15_000),
            source: 'seed',
            recordedOn: today,
            at,
            by: 'seed',
          });
        }
      const common = { DATABASE_URL: db, COVERWATCH_NOW: at, ALERT_DELIVERY_BATCH: '2' };
      const [onlySlack, onlyDiscord] = await Promise.all([
        coverwatch(['sweep'], '', {
          ...common,
          SLACK_BOT_TOKEN: 'xoxb-only-slack',
          SLACK_SIGNING_SECRET: 'only-slack-secret',
          SLACK_API_URL: slack.apiUrl,
        }),
        coverwatch(['sweep'], '', {
          ...common,
          DISCORD_TOKEN: 'only-discord-token',
          DISCORD_API_URL: discord.apiUrl,
        }),
      ]);
      expect(onlySlack.stderr + onlyDiscord.stderr).toBe('');
      expect(onlySlack.stdout).toContain(`${teams.slack} delivered, 0 to retry, 0 failed`);
      expect(onlyDiscord.stdout).toContain(`${teams.discord} delivered, 0 to retry, 0 failed`);
      const slackPosts = slack.callsOf('chat.postMessage').map((c) => c.params.channel);
      const discordPosts = discord.find('POST', /^\/channels\/\d+\/messages$/).map((r) => r.path);
      expect(slackPosts).toHaveLength(teams.slack);
      expect(new Set(slackPosts).size).toBe(teams.slack);
      expect(discordPosts).toHaveLength(teams.discord);
      expect(new Set(discordPosts).size).toBe(teams.discord);
      const rows = await seeded.db
        .selectFrom('alerts')
        .select(['status', 'attempts', 'last_error'])
        .execute();
      expect(rows).toHaveLength(teams.slack + teams.discord);
      // Sent by the right process at its first attempt: nobody leased an alert it could not post.
      expect(rows.filter((r) => !(r.status === 'sent' && r.attempts === 1 && r.last_error === null))).toEqual(
        [],
      );
    } finally {
      await seeded.close();
      await slack.stop();
      await discord.stop();
    }
  },
);
