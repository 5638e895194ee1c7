import { describe, expect, it } from 'vitest';
import { type AccountIdentity, policyCompliance, usd } from '../../src/rules/index.ts';
import { compliantPolicy } from './builders.ts';

const acme: AccountIdentity = { marketplace: 'US', legalName: 'Acme Goods, LLC', dba: 'Acme Kitchen' };
const base = compliantPolicy('2022-04-20', '2023-04-20', { uploadedOn: '2022-04-21' });
const check = (over: Parameters<typeof compliantPolicy>[2], asOf = '2022-05-01') =>
  policyCompliance({ ...base, ...over }, acme, asOf);
const outcome = (c: ReturnType<typeof check>, id: string) => c.results.find((r) => r.rule.id === id);

describe('policyCompliance', () => {
  it('E7: a policy meeting every requirement is compliant and in force', () => {
    const c = check({});
    expect(c.verdict).toBe('compliant');
    expect(c.inForce).toBe(true);
    expect(c.results.every((r) => r.outcome === 'pass')).toBe(true);
    expect(outcome(c, 'POLICY-TERM')?.sentence).toContain('expires in 354 days');
  });

  it('E8: aggregate below USD 1,000,000 is deficient', () => {
    const c = check({ perOccurrence: usd(1_000_000), aggregate: usd(500_000) });
    expect(c.verdict).toBe('deficient');
    expect(outcome(c, 'POLICY-AGGREGATE')).toMatchObject({ outcome: 'fail' });
    expect(outcome(c, 'POLICY-AGGREGATE')?.sentence).toContain(
      'USD 500,000 is below the USD 1,000,000 minimum',
    );
    expect(outcome(c, 'POLICY-PER-OCCURRENCE')?.outcome).toBe('pass');
  });

  it('E9: a USD 25,000 deductible is deficient', () => {
    const c = check({ deductible: usd(25_000) });
    expect(c.verdict).toBe('deficient');
    expect(outcome(c, 'POLICY-DEDUCTIBLE')?.sentence).toBe('Deductible USD 25,000 is above USD 10,000.');
  });

  it('E10: Amazon as certificate holder only is deficient', () => {
    const c = check({ additionalInsured: undefined, certificateHolder: 'Amazon.com Services LLC' });
    expect(c.verdict).toBe('deficient');
    expect(outcome(c, 'POLICY-ADDITIONAL-INSURED')?.sentence).toMatch(/named only as certificate holder/);
  });

  it('E10: "Amazon.com, Inc." as additional insured is deficient', () => {
    const c = check({ additionalInsured: 'Amazon.com, Inc.' });
    expect(c.verdict).toBe('deficient');
    expect(outcome(c, 'POLICY-ADDITIONAL-INSURED')?.sentence).toMatch(/not Amazon's exact wording/);
  });

  it('accepts the additional-insured wording with different punctuation and case', () => {
    const c = check({ additionalInsured: 'AMAZON.COM SERVICES, L.L.C. & its affiliates and assignees' });
    expect(outcome(c, 'POLICY-ADDITIONAL-INSURED')?.outcome).toBe('pass');
  });

  it('claims-made basis and missing products coverage fail', () => {
    const c = check({ basis: 'claims-made', productsCompletedOps: false });
    expect(outcome(c, 'POLICY-OCCURRENCE')?.outcome).toBe('fail');
    expect(outcome(c, 'POLICY-COVERAGE')?.outcome).toBe('fail');
  });

  it('insured name must match the legal entity or the DBA', () => {
    expect(outcome(check({ insuredName: 'ACME GOODS L.L.C.' }), 'POLICY-INSURED-NAME')?.outcome).toBe('pass');
    expect(outcome(check({ insuredName: 'Acme Kitchen' }), 'POLICY-INSURED-NAME')?.sentence).toMatch(/DBA/);
    const other = check({ insuredName: 'Zeta Trading Co' });
    expect(outcome(other, 'POLICY-INSURED-NAME')?.outcome).toBe('fail');
    expect(other.verdict).toBe('deficient');
  });

  it('advisory rules are reported but never make a policy deficient', () => {
    const c = check({ insurerRating: 'B+', cancellationNoticeDays: 10, uploadedOn: '2023-03-01' });
    for (const id of ['POLICY-INSURER-RATING', 'POLICY-CANCELLATION-NOTICE', 'POLICY-UPLOAD-60D']) {
      expect(outcome(c, id)).toMatchObject({ outcome: 'fail', advisory: true });
    }
    expect(c.verdict).toBe('compliant');
  });

  it('reads AM Best and S&P ratings', () => {
    expect(
      outcome(check({ insurerRating: 'AM Best A- (Excellent)' }), 'POLICY-INSURER-RATING')?.outcome,
    ).toBe('pass');
    expect(outcome(check({ insurerRating: 'S&P AA-' }), 'POLICY-INSURER-RATING')?.outcome).toBe('pass');
    expect(outcome(check({ insurerRating: 'BBB+' }), 'POLICY-INSURER-RATING')?.outcome).toBe('fail');
    expect(outcome(check({ insurerRating: 'excellent' }), 'POLICY-INSURER-RATING')?.outcome).toBe('unknown');
  });

  it('fields not given are unknown and make the policy incomplete, not deficient', () => {
    const c = policyCompliance({ effectiveOn: '2022-04-20', expiresOn: '2023-04-20' }, acme, '2022-05-01');
    expect(c.verdict).toBe('incomplete');
    expect(c.results.filter((r) => r.rule.id !== 'POLICY-TERM').every((r) => r.outcome === 'unknown')).toBe(
      true,
    );
  });

  it('coverage dates: not yet in force, expired', () => {
    expect(outcome(check({}, '2022-04-19'), 'POLICY-TERM')?.sentence).toBe(
      'Not yet in force: coverage starts on 2022-04-20.',
    );
    const expired = check({}, '2023-04-20');
    expect(expired.inForce).toBe(false);
    expect(outcome(expired, 'POLICY-TERM')?.sentence).toBe('Expired on 2023-04-20.');
    expect(expired.verdict).toBe('compliant');
  });

  it('other marketplaces check only the common requirements and say so', () => {
    const c = policyCompliance(base, { ...acme, marketplace: 'UK' }, '2022-05-01');
    expect(c.note).toMatch(/not encoded/);
    expect(c.results.map((r) => r.rule.id)).not.toContain('POLICY-AGGREGATE');
  });
});
