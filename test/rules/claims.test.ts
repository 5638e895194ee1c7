// A-to-z claim outcomes as data: who bears the cost, the proof window judged by upload day.
import { describe, expect, it } from 'vitest';
import { type ClaimFacts, claimOutcome, parseMoney, RulesInputError } from '../../src/rules/index.ts';
import { account, cited, explain } from './builders.ts';
import { CLAIM_CASES } from './cases.ts';

describe('claimOutcome: cases', () => {
  for (const c of CLAIM_CASES) {
    it(`${c.id}: ${c.facts}`, () => {
      const claim: ClaimFacts = {
        status: 'open',
        ...c.claim,
        amount: parseMoney(c.claim.amount, 'USD'),
      };
      const o = claimOutcome(
        claim,
        account({ sales: c.sales ?? [], requests: c.requests, policies: c.policies }),
        c.asOf,
      );
      expect(o.cost.bearer).toBe(c.expect.bearer);
      if (c.expect.proof) expect(o.proof.kind).toBe(c.expect.proof);
      if (c.expect.due) expect(o.nextDeadline).toEqual(c.expect.due);
      if (c.expect.appealBy) expect(o.cost.appealBy).toBe(c.expect.appealBy);
      const text = [
        explain(o),
        ...(o.ifNothing ? [explain({ reasons: [o.ifNothing], trace: [] })] : []),
      ].join('\n');
      for (const m of c.expect.mentions ?? []) expect(text).toContain(m);
      for (const m of c.expect.never ?? []) expect(text).not.toContain(m);
      if (c.expect.cites) expect(cited(o).sort()).toEqual([...c.expect.cites].sort());
    });
  }
});

describe('claimOutcome: details', () => {
  it('refuses a marketplace whose claim rules are not encoded', () => {
    const uk = { ...account({ marketplace: 'UK', sales: [] }) };
    expect(() =>
      claimOutcome(
        { amount: parseMoney('50', 'GBP'), noticeOn: '2025-03-03', status: 'open' },
        uk,
        '2025-03-05',
      ),
    ).toThrow(RulesInputError);
  });

  it('who bears the cost of a small claim after the window is the seller, not Amazon', () => {
    const o = claimOutcome(
      { amount: parseMoney('800', 'USD'), noticeOn: '2025-03-03', status: 'open' },
      account({ sales: ['2025-01 12000'] }),
      '2025-03-20',
    );
    expect(o.cost).toMatchObject({ bearer: 'you', amount: { minor: 800_00 }, appealDays: 30 });
  });

  const usdClaim = (amount: string, over: Partial<ClaimFacts> = {}): ClaimFacts => ({
    amount: parseMoney(amount, 'USD'),
    noticeOn: '2025-03-03',
    status: 'open',
    ...over,
  });
  const required = (policies: string[] = []) => account({ sales: ['2025-01 12000'], policies });

  it('refuses a claim where no A-to-z rows exist, even in the marketplace currency, naming both', () => {
    let err: unknown;
    try {
      claimOutcome(
        { amount: parseMoney('50', 'CAD'), noticeOn: '2025-03-03', status: 'open' },
        account({ marketplace: 'CA', sales: [] }),
        '2025-03-05',
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RulesInputError);
    expect(err).toMatchObject({ code: 'claims-not-encoded', values: { currency: 'CAD', marketplace: 'CA' } });
  });

  it('refuses a claim in another currency than its marketplace’s, naming both', () => {
    expect(() =>
      claimOutcome(
        { amount: parseMoney('50', 'EUR'), noticeOn: '2025-03-03', status: 'open' },
        required(),
        '2025-03-05',
      ),
    ).toThrow(
      expect.objectContaining({ code: 'claims-not-encoded', values: { currency: 'EUR', marketplace: 'US' } }),
    );
  });

  it('proof uploaded on the as-of day counts', () => {
    const o = claimOutcome(
      usdClaim('650'),
      required(['2025-02-01 2026-02-01 uploaded:2025-03-05']),
      '2025-03-05',
    );
    expect(o.proof).toMatchObject({ kind: 'in-window', providedOn: '2025-03-05' });
    expect(o.cost.bearer).toBe('amazon');
  });

  it('of several policies that became proof, the earliest is the one, then the first on file', () => {
    const later = '2025-02-01 2026-02-01 uploaded:2025-03-06 id:7';
    const earlier = '2025-02-01 2026-02-01 uploaded:2025-03-04 id:8';
    const sameDay = '2025-02-01 2026-02-01 uploaded:2025-03-04 id:9';
    const o = claimOutcome(usdClaim('650'), required([later, earlier, sameDay]), '2025-03-08');
    expect(o.proof).toMatchObject({ kind: 'in-window', providedOn: '2025-03-04', policy: { id: 8 } });
  });

  it('while proof can still be given, what follows if nothing is done has no appeal date yet', () => {
    const o = claimOutcome(usdClaim('650'), required(), '2025-03-05');
    expect(o.ifNothing).toEqual({
      code: 'claim.reimbursement',
      values: { amount: parseMoney('650', 'USD'), days: 30, appealBy: 'unknown' },
    });
  });

  it('flags cover that began after the incident, and only then', () => {
    const claim = usdClaim('650', { incidentOn: '2025-02-20' });
    const codes = (policy: string) =>
      claimOutcome(claim, required([policy]), '2025-03-08').reasons.map((r) => r.code);
    expect(codes('2025-02-21 2026-02-21 uploaded:2025-03-04')).toContain('claim.policy-after-claim');
    expect(codes('2025-02-20 2026-02-20 uploaded:2025-03-04')).not.toContain('claim.policy-after-claim');
    expect(codes('2025-01-01 2026-01-01 uploaded:2025-03-04')).not.toContain('claim.policy-after-claim');
  });

  it.each([
    ['rejected', 'claim.rejected'],
    ['responded', 'claim.responded'],
  ] as const)('a large claim the seller %s has no response deadline left', (status, code) => {
    const o = claimOutcome(
      usdClaim('5000', { status, responseDueOn: '2025-03-20' }),
      required(['2025-02-01 2026-02-01 uploaded:2025-02-02']),
      '2025-03-05',
    );
    expect(o.cost.bearer).toBe('you-or-insurer');
    expect(o.nextDeadline).toBeUndefined();
    // Answered: neither "respond" nor "if you do nothing" is left to say.
    expect(o.reasons.map((r) => r.code)).toEqual([code]);
    expect(o.ifNothing).toBeUndefined();
  });

  it('a large claim due today is still to respond to, not overdue', () => {
    const o = claimOutcome(usdClaim('5000', { responseDueOn: '2025-03-05' }), required(), '2025-03-05');
    expect(o.nextDeadline).toEqual({ on: '2025-03-05', what: 'respond', daysLeft: 0 });
    expect(o.reasons.map((r) => r.code)).toEqual(['claim.large', 'claim.respond-by']);
    const late = claimOutcome(usdClaim('5000', { responseDueOn: '2025-03-04' }), required(), '2025-03-05');
    expect(late.reasons.at(-1)).toEqual({
      code: 'claim.response-overdue',
      values: { due: '2025-03-04', daysAgo: 1 },
    });
  });
});
