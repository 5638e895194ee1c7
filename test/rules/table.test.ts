// The rule table's own invariants: dated rows that never overlap, a source for every row, a
// sentence in the catalogue for every topic, and every number the engine needs present.
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../src/i18n/index.ts';
import { dateIn, isTimeZone } from '../../src/rules/calendar.ts';
import {
  accountTimeZone,
  findRule,
  MARKETPLACE_TIME_ZONE,
  MARKETPLACES,
  RULE_TABLE,
  requireRule,
  ruleOn,
  rulesOf,
  type Topic,
} from '../../src/rules/index.ts';
import { BOUNDARIES, CLAIM_CASES, ELIGIBILITY_CASES, POLICY_CASES } from './cases.ts';

const MIN = '0000-01-01';
const MAX = '9999-12-31';
const TOPICS = [...new Set(RULE_TABLE.map((r) => r.topic))] as Topic[];

describe('rule table', () => {
  it('rows of one topic and marketplace never overlap in time', () => {
    for (const m of MARKETPLACES)
      for (const topic of TOPICS) {
        const rows = [...rulesOf(topic, m)].sort((a, b) => (a.from ?? MIN).localeCompare(b.from ?? MIN));
        for (let i = 1; i < rows.length; i++) {
          const prev = rows[i - 1]!;
          expect((prev.until ?? MAX) <= (rows[i]!.from ?? MIN), `${prev.id} overlaps ${rows[i]!.id}`).toBe(
            true,
          );
        }
      }
  });

  it('every marketplace has a threshold, a deadline, a request and an approaching row today', () => {
    for (const m of MARKETPLACES)
      for (const topic of ['threshold', 'deadline', 'request', 'approaching', 'policy-term'] as const)
        expect(ruleOn(topic, m, '2026-11-21'), `${m} ${topic}`).toBeDefined();
    expect(ruleOn('threshold', 'US', '2021-08-31')?.id).toBe('US-THRESHOLD-3M');
    expect(ruleOn('threshold', 'US', '2021-09-01')?.id).toBe('US-THRESHOLD-1M');
  });

  it('rows the engine asks for on any day exist on every day, in every marketplace', () => {
    for (const m of MARKETPLACES)
      for (const day of ['2015-01-01', '2021-08-31', '2021-09-01', '2024-05-29', '2030-01-01'])
        for (const topic of ['deadline', 'request', 'approaching', 'policy-term'] as const)
          expect(() => requireRule(topic, m, day)).not.toThrow();
  });

  it('confidence follows the sources: confirmed only from Amazon, never outside the US', () => {
    for (const r of RULE_TABLE) {
      if (r.confidence === 'confirmed') {
        expect(
          r.sources.some((s) => s.kind === 'amazon'),
          r.id,
        ).toBe(true);
        expect(r.marketplaces, r.id).toEqual(['US']);
      }
      if (r.confidence === 'second-hand')
        expect(
          r.sources.every((s) => s.kind === 'second-hand'),
          r.id,
        ).toBe(true);
    }
    for (const r of RULE_TABLE.filter((r) => !r.marketplaces.includes('US')))
      expect(r.confidence, r.id).toBe('second-hand');
  });

  it('ids are unique, every row has a source, every topic a sentence in the catalogue', () => {
    expect(new Set(RULE_TABLE.map((r) => r.id)).size).toBe(RULE_TABLE.length);
    for (const r of RULE_TABLE) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      expect(findRule(r.id)).toBe(r);
    }
    for (const topic of TOPICS) expect(hasMessage(`rule.${topic}`), topic).toBe(true);
  });

  it('a topic with no row for a marketplace is a table bug, named', () => {
    expect(() => requireRule('az-start', 'UK', '2025-01-01')).toThrow(
      'rule table has no az-start row for UK on 2025-01-01',
    );
    expect(requireRule('az-start', 'US', '2025-01-01').id).toMatch(/^AZ-/);
  });

  it('ids are readable codes: capitals, digits and single hyphens', () => {
    for (const r of RULE_TABLE) expect(r.id).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)*$/);
  });

  it('conflicting sources are recorded beside the rows they contradict, and only there', () => {
    const withConflicts = RULE_TABLE.filter((r) => r.conflicts?.length).map((r) => r.id);
    expect(withConflicts.sort()).toEqual(
      [
        'EU-THRESHOLD',
        'MX-THRESHOLD-1M',
        'UK-THRESHOLD',
        'POLICY-AGGREGATE-EU',
        'POLICY-PER-OCCURRENCE-EU',
      ].sort(),
    );
    for (const id of withConflicts) {
      const r = findRule(id)!;
      for (const c of r.conflicts!) expect(r.sources, id).not.toContain(c);
    }
  });

  it('every number in the table is tried at its boundary by cases that exist', () => {
    const ids = new Set([...ELIGIBILITY_CASES, ...POLICY_CASES, ...CLAIM_CASES].map((c) => c.id));
    const numeric = RULE_TABLE.filter(
      (r) => ('amount' in r && r.amount) || 'days' in r || 'percent' in r || 'months' in r || 'grade' in r,
    );
    for (const r of numeric) expect(BOUNDARIES[r.id], `${r.id} has no boundary cases`).toBeDefined();
    for (const [rule, cases] of Object.entries(BOUNDARIES)) {
      expect(
        RULE_TABLE.some((r) => r.id === rule),
        rule,
      ).toBe(true);
      for (const c of cases) expect(ids.has(c), `${rule}: no case ${c}`).toBe(true);
    }
  });
});

describe('each store’s day', () => {
  it('is counted where Amazon’s reports count it, unless the account sets its own zone', () => {
    // 23:30 UTC on Nov 30: still the 30th in the Americas and London, already Dec 1 in Berlin and Tokyo.
    const instant = new Date('2026-11-30T23:30:00Z');
    const day = (marketplace: (typeof MARKETPLACES)[number], timeZone?: string) =>
      dateIn(accountTimeZone({ marketplace, timeZone }), instant);
    expect(Object.fromEntries(MARKETPLACES.map((m) => [m, day(m)]))).toEqual({
      US: '2026-11-30',
      CA: '2026-11-30',
      MX: '2026-11-30',
      UK: '2026-11-30',
      EU: '2026-12-01',
      JP: '2026-12-01',
    });
    for (const m of MARKETPLACES) expect(isTimeZone(MARKETPLACE_TIME_ZONE[m]), m).toBe(true);
    expect(MARKETPLACE_TIME_ZONE.US).toBe('America/Los_Angeles');
    expect(day('US', 'Asia/Shanghai')).toBe('2026-12-01');
  });
});
