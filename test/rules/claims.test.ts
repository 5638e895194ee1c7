import { describe, expect, it } from 'vitest';
import { type ClaimFacts, claimOutcome, explain, RulesInputError, usd } from '../../src/rules/index.ts';

const claim = (over: Partial<ClaimFacts>): ClaimFacts => ({
  amount: usd(650),
  noticeOn: '2025-03-03',
  status: 'open',
  ...over,
});

describe('claimOutcome', () => {
  it('C1: exactly USD 1,000.00 with proof on file: Amazon pays, no reimbursement', () => {
    const o = claimOutcome(claim({ amount: usd(1000) }), { required: true, proofOnFile: true }, '2025-03-05');
    expect(o).toMatchObject({ payer: 'amazon', reimbursement: 'not-sought' });
    expect(o.trace.map((t) => t.rule.id)).toEqual(['AZ-CLAIM-SMALL']);
  });

  it('C2: USD 650, required, no proof: proof due 7 days after the notice', () => {
    const o = claimOutcome(claim({}), { required: true, proofOnFile: false }, '2025-03-05');
    expect(o).toMatchObject({ payer: 'amazon', reimbursement: 'unless-proof-by' });
    expect(o.nextDeadline).toEqual({
      on: '2025-03-10',
      what: 'upload proof of insurance to Amazon',
      daysLeft: 5,
    });
    expect(o.ifNothing).toMatch(
      /After 2025-03-10, Amazon expects reimbursement .* may withhold funds; you can appeal within 30 days/,
    );
  });

  it('C2 after the window: reimbursement expected', () => {
    const o = claimOutcome(claim({}), { required: true, proofOnFile: false }, '2025-03-11');
    expect(o.reimbursement).toBe('expected');
    expect(o.nextDeadline).toBeUndefined();
  });

  it('a small claim against an account not required to be insured has no proof window', () => {
    const o = claimOutcome(
      claim({ amount: usd(800) }),
      { required: false, proofOnFile: false },
      '2025-03-05',
    );
    expect(o).toMatchObject({ payer: 'amazon', reimbursement: 'not-stated' });
    expect(o.nextDeadline).toBeUndefined();
  });

  it('C3: USD 4,200 not responded: seller must respond; Amazon may step in and pursue', () => {
    const o = claimOutcome(
      claim({ amount: usd(4200), noticeOn: '2025-06-10' }),
      { required: true, proofOnFile: true },
      '2025-06-20',
    );
    expect(o.payer).toBe('seller-or-insurer');
    expect(o.ifNothing).toMatch(/Amazon may step in, pay the customer, and pursue you/);
    expect(explain(o)).toContain('[AZ-CLAIM-LARGE]');
  });

  it('USD 1,000.01 is a large claim', () => {
    const o = claimOutcome(
      claim({ amount: usd(1000, 1) }),
      { required: true, proofOnFile: true },
      '2025-03-05',
    );
    expect(o.payer).toBe('seller-or-insurer');
  });

  it('a recorded response deadline becomes the next deadline', () => {
    const o = claimOutcome(
      claim({ amount: usd(2500), responseDueOn: '2025-03-20' }),
      { required: false, proofOnFile: false },
      '2025-03-05',
    );
    expect(o.nextDeadline).toMatchObject({ on: '2025-03-20', daysLeft: 15 });
  });

  it('a rejected claim may still be paid by Amazon; the seller can defend', () => {
    const o = claimOutcome(
      claim({ amount: usd(2500), status: 'rejected' }),
      { required: true, proofOnFile: true },
      '2025-03-05',
    );
    expect(o.reasons.join(' ')).toMatch(/may pay the customer anyway; you can still defend/);
  });

  it('claims before 2021-09-01 are outside the A-to-z process', () => {
    const o = claimOutcome(
      claim({ noticeOn: '2021-08-15' }),
      { required: true, proofOnFile: false },
      '2021-08-20',
    );
    expect(o.payer).toBe('customer-and-seller');
    expect(o.trace[0]?.rule.id).toBe('AZ-START');
  });

  it('notes a claim filed more than 90 days after the incident', () => {
    const o = claimOutcome(
      claim({ incidentOn: '2024-10-01' }),
      { required: true, proofOnFile: true },
      '2025-03-05',
    );
    expect(o.trace[0]).toMatchObject({ rule: { id: 'AZ-CLAIM-FACTS' } });
  });

  it('refuses claims not in USD', () => {
    expect(() =>
      claimOutcome(
        claim({ amount: { minor: 100, currency: 'EUR' } }),
        { required: true, proofOnFile: true },
        '2025-03-05',
      ),
    ).toThrow(RulesInputError);
  });
});
