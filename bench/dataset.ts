// A synthetic but realistic dataset for the benchmarks: N tenants x 5 US accounts x 24 months of
// sales (some accounts over the threshold), and one policy per account. Loaded with multi-row
// inserts in transactions, through kysely on either engine.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { addMonthsTo } from '../src/rules/calendar.ts';
import type { Store } from '../src/store/db.ts';
import type { TenantId } from '../src/store/tenants.ts';

export interface DatasetShape {
  readonly tenants: number;
  readonly accountsPerTenant: number;
  readonly months: number;
  readonly lastMonth: string;
  readonly withPolicies: boolean;
}

export const FULL: DatasetShape = {
  tenants: 10_000,
  accountsPerTenant: 5,
  months: 24,
  lastMonth: '2026-10',
  withPolicies: true,
};

const AT = '2026-11-01T00:00:00.000Z';

async function insertChunked<T>(
  rows: T[],
  size: number,
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Loads the dataset; returns the tenant ids and the seconds it took. */
export async function loadDataset(
  store: Store,
  shape: DatasetShape,
): Promise<{ tenants: TenantId[]; seconds: number; rows: number }> {
  const start = performance.now();
  const tenants: TenantId[] = [];
  let rows = 0;
  const monthList = Array.from({ length: shape.months }, (_, i) =>
    addMonthsTo(shape.lastMonth, i - shape.months + 1),
  );
  const batch = 200; // tenants per transaction
  for (let t0 = 0; t0 < shape.tenants; t0 += batch) {
    await store.transaction(async (trx) => {
      const tenantRows = Array.from({ length: Math.min(batch, shape.tenants - t0) }, (_, i) => ({
        platform: 'slack' as const,
        external_id: `T${String(t0 + i).padStart(6, '0')}`,
        name: `team ${t0 + i}`,
        time_zone: 'America/Los_Angeles',
        alert_channel: `C${t0 + i}`,
        created_at: AT,
      }));
      const ids = (await trx.insertInto('tenants').values(tenantRows).returning('id').execute()).map(
        (r) => r.id as TenantId,
      );
      tenants.push(...ids);
      const accounts = ids.flatMap((tenant_id, ti) =>
        Array.from({ length: shape.accountsPerTenant }, (_, a) => ({
          tenant_id,
          name: `acct-${a}`,
          marketplace: 'US',
          legal_name: `Seller ${t0 + ti}-${a} LLC`,
          owner: `U${a}`,
          created_at: AT,
          created_by: 'bench',
        })),
      );
      const accountIds: { id: number; tenant_id: number }[] = [];
      await insertChunked(accounts, 500, async (chunk) => {
        accountIds.push(
          ...(await trx.insertInto('accounts').values(chunk).returning(['id', 'tenant_id']).execute()),
        );
      });
      const sales = accountIds.flatMap(({ id, tenant_id }) =>
        monthList.map((month, m) => ({
          tenant_id,
          account_id: id,
          month,
          // Deterministic spread from $2k to $13k: about a fifth of account-months are over the threshold.
          amount_minor: 200_000 + ((id * 7919 + m * 104_729) % 1_100_000),
          currency: 'USD',
          previous_minor: null,
          source: 'bench',
          recorded_on: `${month}-28`,
          recorded_at: AT,
          recorded_by: 'bench',
        })),
      );
      await insertChunked(sales, 1000, (chunk) => trx.insertInto('sales_revisions').values(chunk).execute());
      rows += tenantRows.length + accounts.length + sales.length;
      if (shape.withPolicies) {
        // One policy per account, numbered within its team from 1.
        const firstOfTeam = new Map<number, number>();
        for (const a of accountIds) if (!firstOfTeam.has(a.tenant_id)) firstOfTeam.set(a.tenant_id, a.id);
        const policies = accountIds.map(({ id, tenant_id }) => {
          const start = addMonthsTo('2026-01', id % 12);
          return {
            tenant_id,
            account_id: id,
            number: id - firstOfTeam.get(tenant_id)! + 1,
            version: 1,
            insurer: 'Bench Mutual',
            insurer_rating: 'A',
            coverage_form: 'general',
            products_completed_ops: 1,
            covers_marketplace: 1,
            effective_on: `${start}-15`,
            expires_on: `${addMonthsTo(start, 12)}-15`,
            currency: 'USD',
            per_occurrence_minor: 100_000_000,
            // One account in seven carries a deficient aggregate.
            aggregate_minor: id % 7 === 0 ? 50_000_000 : 200_000_000,
            deductible_minor: 250_000,
            basis: 'occurrence',
            additional_insured: 'Amazon.com Services LLC and its affiliates and assignees',
            insured_name: `Seller LLC`,
            created_at: AT,
            created_by: 'bench',
            updated_at: AT,
          };
        });
        await insertChunked(policies, 500, (chunk) => trx.insertInto('policies').values(chunk).execute());
        rows += policies.length;
      }
    });
  }
  // A database that has been in use has planner statistics (autovacuum, or SQLite's optimize); give
  // the freshly loaded one the same, or PostgreSQL would plan every read as a full scan.
  await sql`analyze`.execute(store.db);
  return { tenants, seconds: (performance.now() - start) / 1000, rows };
}
