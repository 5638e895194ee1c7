// Each certificate requirement, judged against the rule in force on the day, as data.
import { describe, expect, it } from 'vitest';
import { policyCompliance } from '../../src/rules/index.ts';
import { policyFrom, words } from './builders.ts';
import { POLICY_CASES } from './cases.ts';

describe('policyCompliance: cases', () => {
  for (const c of POLICY_CASES) {
    it(`${c.id}: ${c.facts}`, () => {
      const policy = { ...policyFrom(c.policy, 0), ...c.over };
      const account = {
        marketplace: c.marketplace ?? 'US',
        legalName: 'Acme Goods, LLC',
        dba: c.dba,
        entity: c.entity,
      };
      const result = policyCompliance(policy, account, c.asOf);
      expect(result.verdict).toBe(c.expect.verdict);
      for (const [id, outcome] of Object.entries(c.expect.outcomes ?? {}))
        expect(result.results.find((r) => r.rule.id === id)?.outcome, id).toBe(outcome);
      const text = result.results.map((r) => words.finding(r.finding)).join('\n');
      for (const m of c.expect.mentions ?? []) expect(text).toContain(m);
      expect(result.notEncoded).toEqual(c.expect.notEncoded ?? []);
      // Only rules in force that day are consulted.
      for (const r of result.results)
        expect((r.rule.from ?? '0000') <= c.asOf && c.asOf < (r.rule.until ?? '9999'), r.rule.id).toBe(true);
    });
  }
});

describe('policyCompliance: details', () => {
  const base = policyFrom('2022-09-01 2023-09-01', 0);
  const us = { marketplace: 'US' as const, legalName: 'Acme Goods, LLC' };

  it('advisory rules are reported but never make a policy deficient', () => {
    const c = policyCompliance(
      { ...base, insurerRating: 'B+', cancellationNoticeDays: 10, uploadedOn: '2023-08-01' },
      us,
      '2023-08-01',
    );
    for (const id of ['POLICY-INSURER-RATING', 'POLICY-CANCELLATION-NOTICE', 'POLICY-UPLOAD-60D'])
      expect(c.results.find((r) => r.rule.id === id)).toMatchObject({ outcome: 'fail', advisory: true });
    expect(c.verdict).toBe('compliant');
  });

  it('accepts the additional-insured wording with different punctuation and case', () => {
    const c = policyCompliance(
      { ...base, additionalInsured: 'AMAZON.COM SERVICES, L.L.C. & its affiliates and assignees' },
      us,
      '2022-10-01',
    );
    expect(c.results.find((r) => r.rule.id === 'POLICY-ADDITIONAL-INSURED')?.outcome).toBe('pass');
  });

  it('coverage dates decide "in force", not the verdict', () => {
    expect(words.finding(policyCompliance(base, us, '2022-08-31').results[0]!.finding)).toBe(
      'Not yet in force: coverage starts on 2022-09-01.',
    );
    const expired = policyCompliance(base, us, '2023-09-01');
    expect(expired.inForce).toBe(false);
    expect(words.finding(expired.results[0]!.finding)).toBe('Expired on 2023-09-01.');
    expect(expired.verdict).toBe('compliant');
  });

  it('a limit in another currency fails and says which', () => {
    const c = policyCompliance(
      { ...base, aggregate: { minor: 2_000_000_00, currency: 'EUR' } },
      us,
      '2022-10-01',
    );
    expect(c.verdict).toBe('deficient');
    expect(words.finding(c.results.find((r) => r.rule.id === 'POLICY-AGGREGATE')!.finding)).toBe(
      'Aggregate limit is in EUR; it must be in USD.',
    );
  });
});
