// A team another replica's sweep holds when this one reaches it is not left for the next sweep:
// this sweep waits for the other to let go, reads the team again, and delivers its alerts.
import { expect, it } from 'vitest';
import { runSweep } from '../../src/alerts/sweep.ts';
import { claimTenants, releaseTenants, type Tenant } from '../../src/store/tenants.ts';
import { harness } from '../support/harness.ts';
import { describeEngines, freshStore } from '../support/stores.ts';

const NOW = '2026-03-20T18:00:00.000Z';

describeEngines('a team held by another replica', (engine) => {
  it('is waited for, then planned and posted in the same sweep', async () => {
    const store = await freshStore(engine);
    try {
      const h = harness(store, NOW);
      const teams: Tenant[] = [];
      for (const name of ['HELD', 'FREE']) {
        const ctx = await h.context({ tenant: `T-${name}`, platform: 'slack', channel: `C-${name}` });
        await h.run(ctx, '/insurance alerts here 9 America/Los_Angeles');
        await h.run(ctx, '/insurance account add shop US');
        await h.run(ctx, '/insurance sales record shop 2026-03 10,500');
        teams.push(ctx.scope.tenant);
      }
      const held = teams[0]!;
      // Another replica claims the first team (real time: claims are about processes)...
      const claimed = await claimTenants(store.db, store.dialect, {
        owner: 'other-replica',
        until: new Date(Date.now() + 60_000).toISOString(),
        now: new Date().toISOString(),
        ids: [held.id],
      });
      expect(claimed.map((t) => t.id)).toEqual([held.id]);
      // ...and lets go of it, unplanned, a moment after this sweep has passed it over.
      const posted: string[] = [];
      let releasedAt = 0;
      const release = new Promise<void>((resolve) =>
        setTimeout(async () => {
          await releaseTenants(store.db, 'other-replica', [held.id]);
          releasedAt = Date.now();
          resolve();
        }, 300),
      );
      const result = await runSweep({
        store,
        notifier: {
          async post(tenant) {
            posted.push(
              `${tenant.externalId}@${Date.now() >= releasedAt && releasedAt > 0 ? 'after' : 'before'}`,
            );
          },
        },
        now: h.deps.now,
        owner: 'this-replica',
        defaults: { alertHour: 9 },
        delivery: { pace: () => 0 },
      });
      await release;
      expect(result).toMatchObject({ tenantsPlanned: 2, delivered: 2, failed: 0 });
      // The free team went at once; the held one only after the other replica let go.
      expect(posted.sort()).toEqual(['T-FREE@before', 'T-HELD@after']);
    } finally {
      await store.close();
    }
  });
});
