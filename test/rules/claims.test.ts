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
});
