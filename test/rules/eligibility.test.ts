import { describe, expect, it } from 'vitest';
import { eligibility, explain, RulesInputError, usd } from '../../src/rules/index.ts';
import { account } from './builders.ts';
import { ELIGIBILITY_CASES } from './cases.ts';

describe('eligibility: worked cases', () => {
  for (const c of ELIGIBILITY_CASES) {
    it(`${c.id}: ${c.facts}`, () => {
      const e = eligibility(account(c), c.asOf);
      expect(e.required).toBe(c.expect.required);
      expect(e.status).toBe(c.expect.status);
      if (c.expect.rule) expect(e.trigger?.rule.id).toBe(c.expect.rule);
      if (c.expect.triggeredOn) expect(e.trigger?.on).toBe(c.expect.triggeredOn);
      if (c.expect.deadline) expect(e.deadline).toBe(c.expect.deadline);
      if (c.expect.daysLeft !== undefined) expect(e.daysLeft).toBe(c.expect.daysLeft);
      if (!c.expect.required) expect(e.trigger).toBeUndefined();
      const text = explain(e);
      for (const m of c.expect.mentions ?? []) expect(text).toContain(m);
    });
  }
});

describe('eligibility: details', () => {
  it('reports headroom and percentage for the current month', () => {
    const e = eligibility(account({ sales: ['2026-11 7250.25 2026-11-20'] }), '2026-11-21');
    expect(e.thisMonth).toMatchObject({ month: '2026-11', percent: 72 });
    expect(e.headroom).toEqual(usd(2749, 75));
    expect(e.status).toBe('not-required');
  });

  it('has zero headroom once the month is over', () => {
    const e = eligibility(account({ sales: ['2026-11 12000 2026-11-10'] }), '2026-11-21');
    expect(e.headroom.minor).toBe(0);
  });

  it('rejects a sale in the wrong currency for its marketplace', () => {
    const facts = account({ sales: ['2026-01 500'] });
    const wrong = {
      ...facts,
      sales: [{ month: '2026-01', amount: { minor: 50000, currency: 'CAD' as const } }],
    };
    expect(() => eligibility(wrong, '2026-02-01')).toThrow(RulesInputError);
    expect(() => eligibility(wrong, '2026-02-01')).toThrow(
      /in CAD, but this marketplace counts sales in USD/,
    );
  });

  it('before 2021-09-01 consults only the three-month rule', () => {
    const e = eligibility(account({ sales: ['2021-05 20000'] }), '2021-08-31');
    expect(e.required).toBe(false);
    expect(e.trace.map((t) => t.rule.id)).toEqual(['US-THRESHOLD-3M', 'AMAZON-REQUEST']);
  });

  it('a three-month run met after the old rule ended counts under the one-month rule from its start', () => {
    const e = eligibility(
      account({ sales: ['2021-07 11000', '2021-08 11000', '2021-09 11000'] }),
      '2021-10-15',
    );
    expect(e.trigger?.rule.id).toBe('US-THRESHOLD-1M');
    expect(e.trigger?.on).toBe('2021-09-01');
  });

  it('a proof request earlier than the sales trigger decides the deadline', () => {
    const e = eligibility(account({ sales: ['2025-06 15000'], requests: ['2025-05-02'] }), '2025-07-01');
    expect(e.trigger?.kind).toBe('request');
    expect(e.deadline).toBe('2025-06-01');
    expect(e.status).toBe('overdue');
  });

  it('a deficient policy in force does not make the account insured', () => {
    const facts = account({ sales: ['2025-06 15000'], policies: ['2025-06-15 2026-06-15'] });
    const deficient = { ...facts, policies: [{ ...facts.policies![0]!, aggregate: usd(500_000) }] };
    const e = eligibility(deficient, '2025-07-10');
    expect(e.status).toBe('deadline-running');
    expect(e.coverage?.compliance.verdict).toBe('deficient');
    expect(e.reasons.join(' ')).toContain('deficient');
  });

  it('every decision cites its rules with their sources', () => {
    const e = eligibility(account({ sales: ['2022-03 10000.01 2022-04-02'] }), '2022-04-10');
    const text = explain(e);
    expect(text).toMatchInlineSnapshot(`
      "Required: sales exceeded USD 10,000 in 2022-03; triggered on 2022-03-31. The records show the month over only once it had closed, so the trigger is its last day; Amazon counts from the day sales actually exceeded the threshold, which may be earlier.
      Insurance must be in force by 2022-04-30: 20 day(s) left.

      Rules consulted:
      - US-THRESHOLD-3M: not met
      - US-THRESHOLD-1M: met by 2022-03
      - AMAZON-REQUEST: Amazon has not asked for proof
      - DEADLINE-30D: triggered on 2022-03-31; insurance due by 2022-04-30

      Sources:
      - [US-THRESHOLD-1M] From 2021-09-01, insurance is required once sales on Amazon.com exceed USD 10,000 in any one calendar month; every month of the account’s history counts. — Amazon's email to sellers of 2021-08-10, 'Amazon expands A-to-z Guarantee'; Amazon's notice to US sellers, reported 2021-11-10; Amazon Business Solutions Agreement, section 9 (Insurance) (confirmed)
      - [DEADLINE-30D] Insurance must be in force within 30 days of the trigger: the day sales first exceeded the threshold, or the day Amazon asked. — Amazon Business Solutions Agreement, section 9 (Insurance) (confirmed)"
    `);
    for (const t of e.trace) {
      if (t.decisive === false) expect(text).not.toContain(`[${t.rule.id}]`);
      else expect(text).toContain(`[${t.rule.id}]`);
    }
    expect(e.trace.filter((t) => t.decisive === false).map((t) => t.rule.id)).toEqual([
      'US-THRESHOLD-3M',
      'AMAZON-REQUEST',
    ]);
  });
});
