import { describe, expect, it } from 'vitest';
import { findRule, MARKETPLACES, RULES, THRESHOLD_RULES, thresholdRuleOn } from '../../src/rules/index.ts';

const MIN = '0000-01-01';
const MAX = '9999-12-31';

describe('rule table', () => {
  it('threshold rules of one marketplace never overlap in time', () => {
    for (const m of MARKETPLACES) {
      const rules = THRESHOLD_RULES.filter((r) => r.marketplace === m).sort((a, b) =>
        (a.from ?? MIN).localeCompare(b.from ?? MIN),
      );
      for (let i = 1; i < rules.length; i++) {
        const prev = rules[i - 1]!;
        expect(prev.until, `${prev.id} must end before ${rules[i]!.id} starts`).not.toBeNull();
        expect((prev.until ?? MAX) <= (rules[i]!.from ?? MIN), `${prev.id} overlaps ${rules[i]!.id}`).toBe(
          true,
        );
      }
    }
  });

  it('every marketplace has a rule in force today, and the US switches on 2021-09-01', () => {
    for (const m of MARKETPLACES) expect(thresholdRuleOn(m, '2026-11-21'), m).toBeDefined();
    expect(thresholdRuleOn('US', '2021-08-31')?.id).toBe('US-THRESHOLD-3M');
    expect(thresholdRuleOn('US', '2021-09-01')?.id).toBe('US-THRESHOLD-1M');
  });

  it('US rules are confirmed; other marketplaces are second-hand and say so', () => {
    for (const r of THRESHOLD_RULES) {
      expect(r.confidence).toBe(r.marketplace === 'US' ? 'confirmed' : 'second-hand');
      if (r.confidence === 'second-hand') expect(r.sentence).toMatch(/second-hand/);
    }
  });

  it('rule ids are unique and every rule has a source', () => {
    const all = [...THRESHOLD_RULES, ...Object.values(RULES)];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all) expect(r.sources.length).toBeGreaterThan(0);
    expect(findRule('AMAZON-REQUEST')).toBe(RULES.request);
  });
});
