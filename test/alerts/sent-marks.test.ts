// Posted alerts are marked sent with group commit: the marks of channels posted side by side share
// a statement, and fall on neighbouring rows. (That each is marked right after its own post is
// tested in delivery-faults.test.ts.)
import { expect, it } from 'vitest';
import { inPostingOrder, runSweep } from '../../src/alerts/sweep.ts';
import type { Store } from '../../src/store/db.ts';
import { harness } from '../support/harness.ts';
import { describeEngines, freshStore } from '../support/stores.ts';

const NOW = '2026-03-20T18:00:00.000Z';
const TEAMS = 30;

describeEngines('sent marks', (engine) => {
  it('channels posted together share one statement per round of posts', async () => {
    const base = await freshStore(engine);
    try {
      const h = harness(base, NOW);
      for (let t = 0; t < TEAMS; t++) {
        const ctx = await h.context({ tenant: `T-MARK${t}`, platform: 'slack', channel: `C-MARK${t}` });
        await h.run(ctx, '/insurance alerts here 9 America/Los_Angeles');
        for (const name of ['shop-a', 'shop-b']) {
          await h.run(ctx, `/insurance account add ${name} US`);
          await h.run(ctx, `/insurance sales record ${name} 2026-03 10,500`);
        }
      }
      // Delivery writes each mark as one self-committing statement: count them.
      let statements = 0;
      const store: Store = {
        ...base,
        statement: (fn) => {
          statements++;
          return base.statement(fn);
        },
      };
      let posts = 0;
      const result = await runSweep({
        store,
        notifier: {
          async post() {
            posts++;
          },
        },
        now: h.deps.now,
        owner: 'marks-test',
        defaults: { alertHour: 9 },
        delivery: { pace: () => 0 },
      });
      expect(result).toMatchObject({ delivered: TEAMS * 2, failed: 0, retried: 0 });
      expect(posts).toBe(TEAMS * 2);
      const counts = await base.db
        .selectFrom('alerts')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      expect(counts.map((c) => [c.status, Number(c.n)])).toEqual([['sent', TEAMS * 2]]);
      // Two alerts per channel, every channel at once: one statement per round. (Marking as soon as
      // the first post of a round returned split each round in two: one mark, then all the others.)
      expect(statements).toBe(2);
      // Stored in posting order: every team's first alert, then every team's second. The marks of
      // one round are neighbouring rows (a few pages to write), not one row in each team's page.
      const rows = await base.db.selectFrom('alerts').select(['id', 'tenant_id']).orderBy('id').execute();
      const teamsIn = (part: typeof rows) => new Set(part.map((r) => r.tenant_id)).size;
      expect([teamsIn(rows.slice(0, TEAMS)), teamsIn(rows.slice(TEAMS))]).toEqual([TEAMS, TEAMS]);
    } finally {
      await base.close();
    }
  });
});

it('posting order interleaves the teams and keeps each team’s own order', () => {
  expect(inPostingOrder([['a1', 'a2', 'a3'], [], ['b1'], ['c1', 'c2']])).toEqual([
    'a1',
    'b1',
    'c1',
    'a2',
    'c2',
    'a3',
  ]);
  expect(inPostingOrder([])).toEqual([]);
});
