// Each certificate requirement, judged against the rule in force on the day, as data.
import { describe, expect, it } from 'vitest';
import { type PolicyOnFile, policyCompliance, unverifiedFindings, usd } from '../../src/rules/index.ts';
import { compliantPolicy, policyFrom, words } from './builders.ts';
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

describe('policyCompliance: each requirement at its edges', () => {
  const us = { marketplace: 'US' as const, legalName: 'Acme Goods LLC' };
  const judge = (over: Partial<PolicyOnFile>, account: Partial<typeof us> & Record<string, unknown> = {}) =>
    policyCompliance(compliantPolicy('2026-01-01', '2027-01-01', over), { ...us, ...account }, '2026-06-01');
  const on = (c: ReturnType<typeof judge>, topic: string) => {
    const r = c.results.find((x) => x.rule.topic === topic)!;
    return [r.outcome, r.finding.code, r.finding.values] as const;
  };

  it('coverage: the form, products/completed operations and the marketplace each decide', () => {
    expect(on(judge({}), 'coverage')).toEqual(['pass', 'policy.coverage.pass', { form: 'general' }]);
    expect(on(judge({ coverageForm: 'other' }), 'coverage')[1]).toBe('policy.coverage.form');
    expect(on(judge({ productsCompletedOps: false }), 'coverage')[1]).toBe('policy.coverage.products');
    expect(on(judge({ coversMarketplace: false }), 'coverage')[1]).toBe('policy.coverage.marketplace');
    // What is missing is named: the form, the products cover, or both.
    expect(on(judge({ coverageForm: undefined }), 'coverage')).toEqual([
      'unknown',
      'policy.coverage.missing',
      { what: 'form' },
    ]);
    expect(
      on(judge({ productsCompletedOps: undefined, productsAggregate: undefined }), 'coverage')[2],
    ).toEqual({
      what: 'products',
    });
    const neither = judge({
      coverageForm: undefined,
      productsCompletedOps: undefined,
      productsAggregate: undefined,
    });
    expect(on(neither, 'coverage')[2]).toEqual({ what: 'both' });
    expect(words.finding(neither.results.find((r) => r.rule.topic === 'coverage')!.finding)).toBe(
      'Type of insurance and products/completed operations not given.',
    );
    // Products cover not stated: a products aggregate above zero says it is there, zero that it is not.
    const noFlag = { productsCompletedOps: undefined };
    expect(on(judge({ ...noFlag, productsAggregate: usd(2_000_000) }), 'coverage')[0]).toBe('pass');
    expect(on(judge({ ...noFlag, productsAggregate: usd(0) }), 'coverage')[1]).toBe(
      'policy.coverage.products',
    );
    expect(on(judge({ ...noFlag, productsAggregate: undefined }), 'coverage')[1]).toBe(
      'policy.coverage.missing',
    );
  });

  it('basis: occurrence passes, claims-made fails, none is unknown', () => {
    expect(on(judge({ basis: 'occurrence' }), 'basis')[1]).toBe('policy.basis.pass');
    expect(on(judge({ basis: 'claims-made' }), 'basis')[0]).toBe('fail');
    expect(on(judge({ basis: undefined }), 'basis')[0]).toBe('unknown');
  });

  it('additional insured: blank is missing (or holder-only when Amazon is only the holder)', () => {
    expect(on(judge({ additionalInsured: '   ' }), 'additional-insured')[1]).toBe('policy.ai.holder-only');
    expect(on(judge({ additionalInsured: '  ', certificateHolder: 'Acme' }), 'additional-insured')[1]).toBe(
      'policy.ai.missing',
    );
    expect(
      on(
        judge({ additionalInsured: '  Amazon.com   Services LLC and its affiliates and assignees ' }),
        'additional-insured',
      )[0],
    ).toBe('pass');
    // Marks copied from a certificate around the wording (a bullet, quotes) are not part of it.
    for (const copied of [
      '• Amazon.com Services LLC and its affiliates and assignees',
      '“Amazon.com Services LLC and its affiliates and assignees” –',
    ])
      expect(on(judge({ additionalInsured: copied }), 'additional-insured')[0], copied).toBe('pass');
  });

  it('insured name: the usual spellings of a company suffix are the same company', () => {
    for (const [legal, insured] of [
      ['Acme Goods LLC', 'Acme Goods Limited Liability Company'],
      ['Acme Goods LLC', 'ACME   GOODS, L.L.C'],
      ['Acme Goods Inc.', 'Acme Goods Incorporated'],
      ['Acme Goods Corp', 'Acme Goods Corporation'],
      ['Acme Goods Co', 'Acme Goods Company'],
      ['Acme Goods Ltd', 'Acme Goods Limited'],
      ['Acme & Sons LLC', 'Acme and Sons LLC'],
      // Chinese companies' English names, written the ways their licences and brokers write them.
      ['SHENZHEN MOUMOU TECHNOLOGY CO.,LTD', 'Shenzhen Moumou Technology Co., Ltd.'],
      ['Shenzhen Moumou Technology Co.,Ltd.', 'SHENZHEN MOUMOU TECHNOLOGY COMPANY LIMITED'],
      ['Yiwu Shine Trading Co.，Ltd', 'Yiwu Shine Trading Co Ltd'],
    ])
      expect(on(judge({ insuredName: insured }, { legalName: legal }), 'insured-name')[0], insured).toBe(
        'pass',
      );
    expect(
      on(judge({ insuredName: 'Acme Goods Inc' }, { legalName: 'Acme Goods LLC' }), 'insured-name')[0],
    ).toBe('fail');
  });

  it('insured name: a third name is a mismatch even when the account has a DBA', () => {
    const c = judge(
      { insuredName: 'Other Trading LLC' },
      { dba: 'Acme Kitchen', entity: 'single-member-llc' },
    );
    expect(on(c, 'insured-name')[1]).toBe('policy.insured.mismatch');
  });

  it('insurer rating: every grade from the top down to A- passes, on either agency’s scale', () => {
    for (const grade of ['AAA', 'AA+', 'AA', 'AA-', 'A++', 'A+', 'A', 'A-'])
      expect(on(judge({ insurerRating: grade }), 'insurer-rating'), grade).toEqual([
        'pass',
        'policy.rating.pass',
        { grade },
      ]);
    for (const [text, grade] of [
      ['AM Best A+', 'A+'],
      ['A.M. Best: A', 'A'],
      ['A.M.Best A-', 'A-'],
      ['AM.BEST AA', 'AA'],
      ['AMBEST A++', 'A++'],
      ['S&P AA-', 'AA-'],
      ['S & P AAA', 'AAA'],
      ['a+ (superior)', 'A+'],
    ])
      expect(on(judge({ insurerRating: text }), 'insurer-rating'), text).toEqual([
        'pass',
        'policy.rating.pass',
        { grade },
      ]);
  });

  it('insurer rating: below A-, unknown grades and unreadable text do not pass', () => {
    expect(on(judge({ insurerRating: 'B++' }), 'insurer-rating')).toEqual([
      'fail',
      'policy.rating.fail',
      { grade: 'B++', minimum: 'A-' },
    ]);
    expect(on(judge({ insurerRating: 'B+ (Good)' }), 'insurer-rating')[2]).toEqual({
      grade: 'B+',
      minimum: 'A-',
    });
    // Every grade below A-, on either agency's scale, is below the minimum.
    for (const grade of ['BBB+', 'BBB', 'BBB-', 'B++', 'B+', 'B', 'B-', 'C++', 'C+', 'C', 'C-', 'D'])
      expect(on(judge({ insurerRating: grade }), 'insurer-rating'), grade).toEqual([
        'fail',
        'policy.rating.fail',
        { grade, minimum: 'A-' },
      ]);
    // Letters no agency gives are not a grade at all: unreadable, so the rating is asked for again.
    expect(on(judge({ insurerRating: 'DDD' }), 'insurer-rating')).toEqual([
      'unknown',
      'policy.rating.unreadable',
      { rating: 'DDD' },
    ]);
    expect(on(judge({ insurerRating: 'A.M Best A' }), 'insurer-rating')[0]).toBe('pass');
    expect(on(judge({ insurerRating: 'Rated A+' }), 'insurer-rating')[1]).toBe('policy.rating.unreadable');
  });

  it('term: a policy that ends the day it starts is invalid; it covers from its first day', () => {
    const c = policyCompliance(compliantPolicy('2026-06-01', '2026-06-01'), us, '2026-06-01');
    expect(on(c, 'policy-term')[1]).toBe('policy.term.invalid');
    const first = policyCompliance(compliantPolicy('2026-06-01', '2027-06-01'), us, '2026-06-01');
    expect(on(first, 'policy-term')[1]).toBe('policy.term.pass');
  });

  it('the US has every requirement encoded on every day', () => {
    for (const day of ['2015-01-01', '2021-08-31', '2021-09-01', '2022-06-27', '2022-08-15', '2026-06-01'])
      expect(policyCompliance(compliantPolicy(day, '2030-01-01'), us, day).notEncoded, day).toEqual([]);
  });

  it('unverifiedFindings names exactly the required fields never given', () => {
    const c = judge({ deductible: undefined, basis: undefined, insurerRating: undefined });
    expect(unverifiedFindings(7, c)).toEqual([
      { code: 'standing.unverified', values: { policy: 7, missing: ['deductible', 'basis'] } },
    ]);
    expect(unverifiedFindings(7, judge({}))).toEqual([]);
  });

  it('upload validity: a policy not uploaded with fewer days left than Amazon wants is told now (advisory)', () => {
    const notUploaded = { uploadedOn: undefined };
    const short = judge({ ...notUploaded, expiresOn: '2026-07-15' });
    expect(on(short, 'upload-validity')).toEqual([
      'fail',
      'policy.validity.short',
      { days: 44, minimum: 60 },
    ]);
    expect(short.verdict).toBe('compliant');
    expect(words.finding(short.results.find((r) => r.rule.topic === 'upload-validity')!.finding)).toBe(
      'Not yet uploaded, and only 44 days are left: Amazon may refuse a certificate valid less than 60 days after upload, so upload the renewal’s certificate instead.',
    );
    expect(on(judge({ ...notUploaded, expiresOn: '2026-07-31' }), 'upload-validity')[1]).toBe(
      'policy.validity.not-uploaded',
    );
    expect(on(judge({ ...notUploaded, expiresOn: '2026-07-30' }), 'upload-validity')[2]).toEqual({
      days: 59,
      minimum: 60,
    });
    // Its last day still counts; once expired, the term says so and this is only "not uploaded".
    const lastDay = judge({ ...notUploaded, expiresOn: '2026-06-01' });
    expect(on(lastDay, 'upload-validity')).toEqual([
      'fail',
      'policy.validity.short',
      { days: 0, minimum: 60 },
    ]);
    expect(words.finding(lastDay.results.find((r) => r.rule.topic === 'upload-validity')!.finding)).toMatch(
      /^Not yet uploaded, and it expires today:/,
    );
    expect(on(judge({ ...notUploaded, expiresOn: '2026-05-31' }), 'upload-validity')[1]).toBe(
      'policy.validity.not-uploaded',
    );
  });

  it('insured name: a legal name in Chinese characters cannot be compared with an English insured name', () => {
    const legal = '深圳某某科技有限公司';
    const c = judge({ insuredName: 'Shenzhen Moumou Technology Co., Ltd.' }, { legalName: legal });
    expect(on(c, 'insured-name')).toEqual([
      'unknown',
      'policy.insured.other-script',
      { insured: 'Shenzhen Moumou Technology Co., Ltd.', legal },
    ]);
    expect(c.verdict).toBe('unverified');
    expect(unverifiedFindings(4, c)).toEqual([
      {
        code: 'standing.no-legal-name',
        values: { policy: 4, insured: 'Shenzhen Moumou Technology Co., Ltd.', legal },
      },
    ]);
    expect(words.finding(unverifiedFindings(4, c)[0]!)).toContain(
      `the account’s legal entity name "${legal}" is in another script, so the two cannot be compared`,
    );
    // The same name in the same script is compared as any other; another Chinese name is a mismatch.
    expect(on(judge({ insuredName: legal }, { legalName: legal }), 'insured-name')[0]).toBe('pass');
    expect(on(judge({ insuredName: '广州另一家公司' }, { legalName: legal }), 'insured-name')[1]).toBe(
      'policy.insured.mismatch',
    );
    // Chinese characters on both sides, Latin letters on one: still comparable, and different.
    expect(on(judge({ insuredName: `${legal} Ltd` }, { legalName: legal }), 'insured-name')[1]).toBe(
      'policy.insured.mismatch',
    );
  });

  it('unverifiedFindings: an insured name with no legal name to compare is not "never given"', () => {
    const noLegal = judge({ insuredName: 'Acme Goods LLC' }, { legalName: undefined });
    expect(noLegal.verdict).toBe('unverified');
    expect(unverifiedFindings(3, noLegal)).toEqual([
      { code: 'standing.no-legal-name', values: { policy: 3, insured: 'Acme Goods LLC', legal: 'none' } },
    ]);
    const both = judge({ insuredName: 'Acme Goods LLC', basis: undefined }, { legalName: undefined });
    expect(unverifiedFindings(3, both).map((f) => f.code)).toEqual([
      'standing.unverified',
      'standing.no-legal-name',
    ]);
    expect(words.finding(unverifiedFindings(3, both)[0]!)).toBe(
      'Policy #3 is unverified: occurrence or claims-made basis never given, so Amazon may reject it. Add them with /insurance policy set 3 …',
    );
  });
});
