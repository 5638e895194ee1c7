// Hot queries compiled once: each run takes its own values, in the places the query put them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce } from '../../src/store/compiled.ts';
import type { Store } from '../../src/store/db.ts';
import { ensureTenant } from '../../src/store/tenants.ts';
import { describeEngines, freshStore } from '../support/stores.ts';

describeEngines('compiled queries', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(engine);
    for (const [platform, externalId, timeZone] of [
      ['slack', 'T1', 'America/New_York'],
      ['discord', 'T1', 'Europe/Berlin'],
      ['slack', 'T2', 'Asia/Shanghai'],
    ] as const)
      await ensureTenant(store.db, { platform, externalId }, { timeZone, at: '2026-11-21T10:00:00.000Z' });
  });
  afterAll(() => store?.close());

  describe('compiledOnce', () => {
    // Arguments in the opposite order to the parameters: each still lands where it belongs.
    const zoneOf = compiledOnce((db, externalId: string, platform: string) =>
      db
        .selectFrom('tenants')
        .select('time_zone')
        .where('platform', '=', platform as 'slack')
        .where('external_id', '=', externalId)
        .where('alert_hour', 'is', null),
    );

    it('runs the compiled query with each call’s values', async () => {
      const zone = async (id: string, platform: string) =>
        (await zoneOf(store.db, id, platform)).rows.map((r) => r.time_zone);
      expect(await zone('T1', 'slack')).toEqual(['America/New_York']);
      expect(await zone('T1', 'discord')).toEqual(['Europe/Berlin']);
      expect(await zone('T2', 'slack')).toEqual(['Asia/Shanghai']);
      expect(await zone('T2', 'discord')).toEqual([]);
      // A value that looks like SQL is a value.
      expect(await zone("T1' or '1'='1", 'slack')).toEqual([]);
    });

    it('is compiled once per database, its transactions included', async () => {
      let builds = 0;
      const zone = compiledOnce((db, externalId: string) => {
        builds++;
        return db.selectFrom('tenants').select('time_zone').where('external_id', '=', externalId);
      });
      await zone(store.db, 'T2');
      for (let i = 0; i < 3; i++)
        expect((await store.transaction((trx) => zone(trx, 'T2'))).rows.map((r) => r.time_zone)).toEqual([
          'Asia/Shanghai',
        ]);
      expect(builds).toBe(1);
    });

    it('refuses a query that does not take every argument as a parameter', async () => {
      const wrong = compiledOnce((db, _unused: string) => db.selectFrom('tenants').select('id'));
      await expect(Promise.resolve().then(() => wrong(store.db, 'x'))).rejects.toThrow(
        /not every argument is a parameter/,
      );
    });
  });
});
