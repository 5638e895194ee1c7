// Replicas divide the sales sync (PostgreSQL): two `coverwatch sync` processes started together
// against one fake SP-API sync each connected account once between them, and a seller whose
// usage-plan budget another replica spent (kept in the database) is waited for, not overrun.
import { afterAll, beforeAll, expect } from 'vitest';
import { parseSecretKey, sealer } from '../../src/secrets.ts';
import { insertAccount } from '../../src/store/accounts.ts';
import { recordSync, saveConnection } from '../../src/store/connections.ts';
import { openStore, type Store } from '../../src/store/db.ts';
import { ensureTenant } from '../../src/store/tenants.ts';
import { FakeAmazon } from '../fakes/amazon.ts';
import { coverwatch } from '../support/cli.ts';
import { freshDatabaseUrl, itOnPostgres, postgresAvailable } from '../support/stores.ts';

const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const SELLERS = 20;
const available = postgresAvailable();
let amazon: FakeAmazon;
let store: Store | undefined;
let url: string;

beforeAll(async () => {
  if (!available) return;
  amazon = await new FakeAmazon().start();
  url = await freshDatabaseUrl('postgres');
  store = await openStore(url);
  const seal = sealer(parseSecretKey(KEY));
  const now = new Date();
  const at = now.toISOString();
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < SELLERS; i++) {
    const refreshToken = `Atzr|shared-seller-${i}`;
    amazon.sellers.set(`seller-${i}`, { refreshToken, sales: new Map([[yesterday, 1_000_00 + i]]) });
    const tenant = await ensureTenant(
      store.db,
      { platform: 'slack', externalId: `T-SYNC${i}` },
      { timeZone: 'UTC', at },
    );
    const account = await insertAccount(
      store.db,
      tenant.id,
      { name: 'shop-us', marketplace: 'US' },
      { by: 'seed', at },
    );
    const conn = await saveConnection(store.db, tenant.id, account.id, {
      marketplaceId: 'ATVPDKIKX0DER',
      sealedToken: seal.seal(refreshToken),
      at,
      by: 'seed',
    });
    // Synced up to yesterday already: the next sync is the incremental one.
    await recordSync(store.db, conn.id, {
      at: new Date(now.getTime() - 3_600_000).toISOString(),
      syncedThrough: yesterday,
    });
    // Seller 0's budget was just spent by another replica: no token left.
    if (i === 0)
      await store.db
        .updateTable('amazon_connections')
        .set({ plan_tokens: 0, plan_at: at })
        .where('id', '=', conn.id)
        .execute();
  }
});

afterAll(async () => {
  await store?.close();
  await amazon?.stop();
});

itOnPostgres(
  'two replicas syncing at once: every account synced once, every seller within its plan',
  async () => {
    const env = {
      DATABASE_URL: url,
      AMAZON_LWA_CLIENT_ID: 'amzn1.application-oa2-client.shared',
      AMAZON_LWA_CLIENT_SECRET: 'shared-lwa-secret',
      COVERWATCH_SECRET_KEY: KEY,
      AMAZON_SP_API_URL: amazon.apiUrl,
      AMAZON_LWA_URL: amazon.lwaUrl,
    };
    const started = performance.now();
    const [a, b] = await Promise.all([coverwatch(['sync'], '', env), coverwatch(['sync'], '', env)]);
    expect(a.stderr + b.stderr).toBe('');
    const counts = [a, b].map((r) => Number(/synced (\d+) account/.exec(r.stdout)?.[1]));
    expect(counts[0]! + counts[1]!).toBe(SELLERS);
    // Each seller's incremental range asked for once (not once per replica).
    const perSeller = new Map<string, number>();
    for (const c of amazon.calls) perSeller.set(c.seller, (perSeller.get(c.seller) ?? 0) + 1);
    const once = [...perSeller.values()][0]!;
    expect([...perSeller.values()].every((n) => n === once)).toBe(true);
    expect(perSeller.size).toBe(SELLERS);
    // Seller 0 had no token left: its first request waited for the refill (2 s at 0.5 a second).
    const first = amazon.calls.find((c) => c.seller === 'seller-0')!;
    expect(first.at - started).toBeGreaterThan(1500);
    expect(amazon.violations).toEqual([]);
    const leases = await store!.db
      .selectFrom('amazon_connections')
      .select(['sync_lease_owner', 'plan_tokens'])
      .execute();
    expect(leases.every((l) => l.sync_lease_owner === null && l.plan_tokens !== null)).toBe(true);
    console.info(`accounts synced per replica: ${counts.join(' + ')} = ${SELLERS}`);
  },
);
