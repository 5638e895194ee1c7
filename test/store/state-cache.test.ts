// The cache of each team's records never answers with stale data: a write through another
// connection (another process, another replica) is seen by the very next command here.
import { expect, it } from 'vitest';
import { openStore } from '../../src/store/db.ts';
import { harness } from '../support/harness.ts';
import { describeEngines, freshDatabaseUrl } from '../support/stores.ts';

describeEngines('team state cache', (engine) => {
  it('a write by another replica is seen by the next check', async () => {
    const url = await freshDatabaseUrl(engine);
    const here = await openStore(url);
    const there = await openStore(url);
    try {
      const a = harness(here);
      const b = harness(there);
      const ctxA = await a.context({ tenant: 'T-CACHE' });
      await a.run(ctxA, '/insurance account add acme-us US');
      // Asked twice here: the second answer comes from the cache.
      expect((await a.run(ctxA, '/insurance check acme-us as-of:2026-11-21')).title).toContain(
        'Not required',
      );
      expect((await a.run(ctxA, '/insurance check acme-us as-of:2026-11-20')).title).toContain(
        'Not required',
      );
      // Another replica records a month over the threshold.
      const ctxB = await b.context({ tenant: 'T-CACHE' });
      expect((await b.run(ctxB, '/insurance sales record acme-us 2026-10 12000')).title).toContain(
        'Recorded',
      );
      expect((await a.run(ctxA, '/insurance check acme-us as-of:2026-11-21')).title).toContain('Required');
    } finally {
      await here.close();
      await there.close();
    }
  });
});
