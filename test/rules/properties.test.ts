// Invariants over arbitrary sales histories (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AccountFacts, eligibility, lastDayOf, type SalesRevision } from '../../src/rules/index.ts';

const month = fc
  .record({ y: fc.integer({ min: 2019, max: 2026 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);
const day = fc.record({ mo: month, d: fc.integer({ min: 1, max: 31 }) }).map(({ mo, d }) => {
  const last = lastDayOf(mo);
  const dd = Math.min(d, Number(last.slice(8)));
  return `${mo}-${String(dd).padStart(2, '0')}`;
});
const revision = fc.record({
  month,
  cents: fc.integer({ min: 0, max: 2_500_000 }),
  recordedAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
});

const facts = fc
  .record({
    revisions: fc.array(revision, { maxLength: 30 }),
    requests: fc.array(day, { maxLength: 3 }),
    asOf: day,
  })
  .map(({ revisions, requests, asOf }) => {
    const sales: SalesRevision[] = revisions.map((r, seq) => ({
      month: r.month,
      amount: { minor: r.cents, currency: 'USD' },
      // recorded some days into the month (or after it closed), like a real bookkeeper
      recordedOn: r.recordedAfter === undefined ? undefined : addToMonthStart(r.month, r.recordedAfter),
      seq,
    }));
    const account: AccountFacts = {
      marketplace: 'US',
      sales,
      proofRequests: requests.map((requestedOn) => ({ requestedOn })),
    };
    return { account, asOf };
  });

function addToMonthStart(m: string, days: number): string {
  const d = new Date(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1 + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('eligibility invariants', () => {
  it('more sales never turn "required" into "not required"', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 2_000_000 }), ({ account, asOf }, extra) => {
        const more = {
          ...account,
          sales: account.sales.map((s) => ({ ...s, amount: { ...s.amount, minor: s.amount.minor + extra } })),
        };
        const before = eligibility(account, asOf);
        const after = eligibility(more, asOf);
        if (before.required) {
          expect(after.required).toBe(true);
          expect(after.trigger!.on <= before.trigger!.on).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a deadline never precedes its trigger, and a trigger never follows the as-of date', () => {
    fc.assert(
      fc.property(facts, ({ account, asOf }) => {
        const e = eligibility(account, asOf);
        if (!e.required) return;
        expect(e.trigger!.on <= e.deadline!).toBe(true);
        expect(e.trigger!.on <= asOf).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the answer does not depend on the order records were entered', () => {
    fc.assert(
      fc.property(facts, fc.integer(), ({ account, asOf }, seed) => {
        const shuffled = {
          ...account,
          sales: shuffle(account.sales, seed),
          proofRequests: shuffle(account.proofRequests ?? [], seed + 1),
        };
        const a = eligibility(account, asOf);
        const b = eligibility(shuffled, asOf);
        expect({
          status: b.status,
          on: b.trigger?.on,
          deadline: b.deadline,
          sales: b.thisMonth.sales,
          reasons: b.reasons,
        }).toEqual({
          status: a.status,
          on: a.trigger?.on,
          deadline: a.deadline,
          sales: a.thisMonth.sales,
          reasons: a.reasons,
        });
      }),
      { numRuns: 500 },
    );
  });
});
