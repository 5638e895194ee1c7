// The worked cases and every family of wrong answers from the rules review, run as data.
import { describe, expect, it } from 'vitest';
import { eligibility, RulesInputError, usd } from '../../src/rules/index.ts';
import { account, cited, explain } from './builders.ts';
import { ELIGIBILITY_CASES } from './cases.ts';

describe('eligibility: cases', () => {
  for (const c of ELIGIBILITY_CASES) {
    it(`${c.id}: ${c.facts}`, () => {
      const e = eligibility(account(c), c.asOf);
      expect(e.required).toBe(c.expect.required);
      expect(e.status).toBe(c.expect.status);
      if (e.required) {
        if (c.expect.rule) expect(e.trigger.rule.id).toBe(c.expect.rule);
        if (c.expect.triggeredOn) expect(e.trigger.on).toBe(c.expect.triggeredOn);
        if (c.expect.deadline) expect(e.deadline).toBe(c.expect.deadline);
        if (c.expect.daysLeft !== undefined) expect(e.daysLeft).toBe(c.expect.daysLeft);
      } else {
        expect(c.expect.rule).toBeUndefined();
        expect('trigger' in e).toBe(false);
      }
      if (c.expect.standing) expect(e.standing.kind).toBe(c.expect.standing);
      const text = explain(e);
      for (const m of c.expect.mentions ?? []) expect(text).toContain(m);
      for (const m of c.expect.never ?? []) expect(text).not.toContain(m);
      if (c.expect.cites) expect(cited(e).sort()).toEqual([...c.expect.cites].sort());
    });
  }
});

describe('eligibility: details', () => {
  it('reports headroom (what makes the month exceed) and percentage for the current month', () => {
    const e = eligibility(account({ sales: ['2026-11 7250.25 2026-11-20'] }), '2026-11-21');
    expect(e.thisMonth).toMatchObject({
      month: '2026-11',
      percent: 72,
      recorded: true,
      through: '2026-11-20',
    });
    expect(e.headroom).toEqual(usd(2749, 76));
    expect(e.status).toBe('not-required');
  });

  it('has zero headroom once the month is over', () => {
    const e = eligibility(account({ sales: ['2026-11 12000 2026-11-10'] }), '2026-11-21');
    expect(e.headroom.minor).toBe(0);
  });

  it('rejects a sale in the wrong currency for its marketplace, naming both', () => {
    const wrong = {
      ...account({ sales: [] }),
      sales: [{ month: '2026-01', amount: { minor: 50000, currency: 'CAD' as const } }],
    };
    expect(() => eligibility(wrong, '2026-02-01')).toThrow(RulesInputError);
    expect(() => eligibility(wrong, '2026-02-01')).toThrow(
      expect.objectContaining({ code: 'currency', values: { month: '2026-01', got: 'CAD', wanted: 'USD' } }),
    );
  });

  it('refuses a marketplace it does not know, naming it', () => {
    const facts = { ...account({ sales: [] }), marketplace: 'XX' as never };
    expect(() => eligibility(facts, '2026-02-01')).toThrow(
      expect.objectContaining({
        name: 'RulesInputError',
        code: 'marketplace',
        values: { marketplace: 'XX' },
      }),
    );
  });

  it('before 2021-09-01 consults only the three-month rule and the request rule', () => {
    const e = eligibility(account({ sales: ['2021-05 20000'] }), '2021-08-30');
    expect(e.required).toBe(false);
    expect(e.trace.map((t) => t.rule.id)).toEqual(['US-THRESHOLD-3M', 'AMAZON-REQUEST']);
    expect(e.trace.every((t) => t.decisive)).toBe(true);
  });

  it('a three-month run met after the old rule ended counts under the one-month rule from its start', () => {
    const e = eligibility(
      account({ sales: ['2021-07 11000', '2021-08 11000', '2021-09 11000'] }),
      '2021-10-15',
    );
    expect(e.required && e.trigger.rule.id).toBe('US-THRESHOLD-1M');
    expect(e.required && e.trigger.on).toBe('2021-09-01');
  });

  it('a proof request earlier than the sales trigger decides the deadline; the threshold rule is not cited', () => {
    const e = eligibility(account({ sales: ['2025-06 15000'], requests: ['2025-05-02'] }), '2025-07-01');
    expect(e.required && e.trigger.kind).toBe('request');
    expect(e.required && e.deadline).toBe('2025-06-01');
    expect(e.status).toBe('overdue');
    expect(cited(e).sort()).toEqual(['AMAZON-REQUEST', 'DEADLINE-30D']);
  });

  it('marks decisive entries on every path: each consulted rule is either cited or marked not decisive', () => {
    for (const c of ELIGIBILITY_CASES) {
      const e = eligibility(account(c), c.asOf);
      for (const t of e.trace) expect(typeof t.decisive, `${c.id} ${t.rule.id}`).toBe('boolean');
      expect(cited(e).length, c.id).toBeGreaterThan(0);
    }
  });

  it('an answer renders as the seller reads it, with its rules and their sources', () => {
    const e = eligibility(account({ sales: ['2022-03 10000.01 2022-04-02'] }), '2022-04-10');
    expect(explain(e)).toMatchInlineSnapshot(`
      "Required: sales exceeded USD 10,000 in 2022-03; triggered on 2022-03-31. The records show the month over only once it had closed, so the trigger is its last day; Amazon counts from the day sales actually exceeded the threshold, which may be earlier.
      Insurance must be in force by 2022-04-30: 20 days left.
      No policy is on file.

      [US-THRESHOLD-1M] From 2021-09-01: insurance is required once sales on Amazon.com (United States) exceed USD 10,000 in any one calendar month; every month of the account’s history counts. — Amazon's email to sellers of 2021-08-10, 'Amazon expands A-to-z Guarantee'; Amazon's notice to US sellers, reported 2021-11-10; Amazon Services Business Solutions Agreement (US), section 9 (Insurance) (confirmed)
      [DEADLINE-30D] Insurance must be in force within 30 days of the trigger: the day sales first exceeded the threshold, or the day Amazon asked. — Amazon Services Business Solutions Agreement (US), section 9 (Insurance) (confirmed)"
    `);
  });
});
