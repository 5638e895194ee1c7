// Invariants over arbitrary sales histories (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccountFacts,
  claimOutcome,
  eligibility,
  lastDayOf,
  type PolicyOnFile,
  policyCompliance,
  policyStanding,
  type SalesRevision,
  standingOn,
} from '../../src/rules/index.ts';
import { compliantPolicy } from './builders.ts';

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

/** A policy: a year (or less) from some day, maybe uploaded some days before or after it starts, maybe deficient. */
const policy = fc
  .record({
    start: day,
    length: fc.integer({ min: 1, max: 400 }),
    upload: fc.option(fc.integer({ min: -30, max: 200 }), { nil: undefined }),
    aggregate: fc.constantFrom(500_000_00, 1_000_000_00, 2_000_000_00),
    bare: fc.boolean(),
  })
  .map(({ start, length, upload, aggregate, bare }) => ({ start, length, upload, aggregate, bare }));

const facts = fc
  .record({
    revisions: fc.array(revision, { maxLength: 30 }),
    requests: fc.array(day, { maxLength: 3 }),
    policies: fc.array(policy, { maxLength: 3 }),
    // The same certificate recorded twice: ties between policies are where order could leak in.
    twin: fc.boolean(),
    asOf: day,
  })
  .map(({ revisions, requests, policies: drawn, twin, asOf }) => {
    const policies = twin && drawn[0] ? [...drawn, drawn[0]] : drawn;
    const sales: SalesRevision[] = revisions.map((r, seq) => ({
      month: r.month,
      amount: { minor: r.cents, currency: 'USD' },
      // recorded some days into the month (or after it closed), like a real bookkeeper
      recordedOn: r.recordedAfter === undefined ? undefined : addToMonthStart(r.month, r.recordedAfter),
      seq,
    }));
    const account: AccountFacts = {
      marketplace: 'US',
      legalName: 'Acme Goods LLC',
      sales,
      proofRequests: requests.map((requestedOn) => ({ requestedOn })),
      policies: policies.map((p, i): PolicyOnFile => {
        const expiresOn = addDays(p.start, p.length);
        const uploadedOn = p.upload === undefined ? undefined : addDays(p.start, p.upload);
        return p.bare
          ? { id: i + 1, effectiveOn: p.start, expiresOn, uploadedOn }
          : compliantPolicy(p.start, expiresOn, {
              id: i + 1,
              uploadedOn,
              aggregate: { minor: p.aggregate, currency: 'USD' },
            });
      }),
    };
    return { account, asOf };
  });

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

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
          if (after.required) expect(after.trigger.on <= before.trigger.on).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a deadline never precedes its trigger, and a trigger never follows the as-of date', () => {
    fc.assert(
      fc.property(facts, ({ account, asOf }) => {
        const e = eligibility(account, asOf);
        // Nor does the day this month's figure runs through (the check prints it as a past day).
        if (e.thisMonth.through !== undefined) expect(e.thisMonth.through <= asOf).toBe(true);
        if (!e.required) return;
        expect(e.trigger.on <= e.deadline).toBe(true);
        expect(e.trigger.on <= asOf).toBe(true);
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
          policies: shuffle(account.policies ?? [], seed + 2),
        };
        const a = eligibility(account, asOf);
        const b = eligibility(shuffled, asOf);
        const view = (e: typeof a) => ({
          status: e.status,
          cover: e.standing.coverage?.policy.id,
          upcoming: e.standing.upcoming?.id,
          on: e.required ? e.trigger.on : undefined,
          deadline: e.required ? e.deadline : undefined,
          sales: e.thisMonth.sales,
          reasons: e.reasons,
        });
        expect(view(b)).toEqual(view(a));
      }),
      { numRuns: 500 },
    );
  });

  it('the standing never says "proof on file" without an upload on or before the day it is judged', () => {
    fc.assert(
      fc.property(facts, ({ account, asOf }) => {
        const s = standingOn(account, asOf);
        if (s.kind !== 'proof-on-file') return;
        const p = s.coverage!.policy;
        expect(p.uploadedOn !== undefined && p.uploadedOn <= asOf).toBe(true);
        expect(p.effectiveOn <= asOf && asOf < p.expiresOn).toBe(true);
        expect(s.coverage!.compliance.verdict).not.toBe('deficient');
        // …and check agrees.
        const e = eligibility(account, asOf);
        if (e.required) expect(e.status).toBe('proof-on-file');
      }),
      { numRuns: 500 },
    );
  });

  it('check, policy show and claim status agree on the standing', () => {
    fc.assert(
      fc.property(facts, ({ account, asOf }) => {
        const e = eligibility(account, asOf);
        // policy show: the policy check relies on gives the same standing on its own.
        const c = e.standing.coverage;
        if (c)
          expect(policyStanding(c.policy, policyCompliance(c.policy, account, asOf), asOf)).toBe(
            e.standing.kind,
          );
        // Any policy show answers "proof on file" only if check sees proof on file too.
        for (const p of account.policies ?? [])
          if (policyStanding(p, policyCompliance(p, account, asOf), asOf) === 'proof-on-file')
            expect(e.standing.kind).toBe('proof-on-file');
        // claim status: a claim noticed today has proof at notice exactly when check says proof on file.
        const claim = {
          amount: { minor: 500_00, currency: 'USD' as const },
          noticeOn: asOf,
          status: 'open' as const,
        };
        if (asOf < '2021-09-01') return;
        const o = claimOutcome(claim, account, asOf);
        expect(o.proof.kind === 'at-notice').toBe(e.standing.kind === 'proof-on-file');
      }),
      { numRuns: 500 },
    );
  });
});
