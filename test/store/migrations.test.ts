// Migrations that rewrite data, run on both engines from the schema version before them.
import { Migrator, sql } from 'kysely';
import { expect, it } from 'vitest';
import { openStore } from '../../src/store/db.ts';
import { migrations } from '../../src/store/migrations.ts';
import { describeEngines, freshDatabaseUrl } from '../support/stores.ts';

const AT = '2026-11-21T10:00:00.000Z';

describeEngines('migrations', (engine) => {
  it('0005 rewrites name-keyed alerts to account ids: a live account wins over a removed one of the same name', async () => {
    const store = await openStore(await freshDatabaseUrl(engine), { migrate: false });
    try {
      const migrator = new Migrator({
        db: store.db,
        provider: { getMigrations: async () => migrations(store.dialect) },
      });
      const to4 = await migrator.migrateTo('0004_standing_and_claims');
      expect(to4.error).toBeUndefined();
      const tenant = (
        await store.db
          .insertInto('tenants')
          .values({ platform: 'slack', external_id: 'T1', time_zone: 'UTC', created_at: AT })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const account = (name: string, removed: string | null) =>
        store.db
          .insertInto('accounts')
          .values({
            tenant_id: tenant,
            name,
            marketplace: 'US',
            created_at: AT,
            created_by: 'U1',
            removed_at: removed,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      const old = await account('acme-us', AT); // removed: its name was reused
      const live = await account('acme-us', null);
      const other = await account('gone-us', AT);
      const keys = [
        'insurance-deadline/acme-us/2026-11-30/7d',
        'threshold-exceeded/gone-us/2026-10-31',
        'policy-expiring/12/30d',
        `insurance-overdue/${live.id}/2026-12-01/w0`,
      ];
      for (const key of keys)
        await store.db
          .insertInto('alerts')
          .values({
            tenant_id: tenant,
            key,
            kind: key.split('/')[0]!,
            payload: '{}',
            status: 'sent',
            attempts: 1,
            next_attempt_at: AT,
            created_at: AT,
          })
          .execute();
      const rest = await migrator.migrateToLatest();
      expect(rest.error).toBeUndefined();
      const after = await sql<{ key: string }>`select key from alerts order by id`.execute(store.db);
      expect(after.rows.map((r) => r.key)).toEqual([
        `insurance-deadline/${live.id}/2026-11-30/7d`,
        `threshold-exceeded/${other.id}/2026-10-31`,
        'policy-expiring/12/30d',
        `insurance-overdue/${live.id}/2026-12-01/w0`,
      ]);
      expect(old.id).not.toBe(live.id);
    } finally {
      await store.close();
    }
  });
});
