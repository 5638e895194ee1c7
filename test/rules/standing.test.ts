// The one standing computation when an account has several policies: which one counts, when the
// last one lapsed, which starts next — each in both orders, so the answer never depends on the
// order the store returns policies in.
import { describe, expect, it } from 'vitest';
import {
  continuedBy,
  type PolicyOnFile,
  RENEWAL_NOTICE_DAYS,
  renewalDue,
  standingOn,
} from '../../src/rules/index.ts';
import { compliantPolicy } from './builders.ts';

const account = (policies: PolicyOnFile[]) => ({
  marketplace: 'US' as const,
  legalName: 'Acme Goods LLC',
  policies,
});
const both = (a: PolicyOnFile, b: PolicyOnFile) => [account([a, b]), account([b, a])];

describe('standingOn with several policies', () => {
  const uploaded = compliantPolicy('2026-01-01', '2027-01-01', { id: 1, uploadedOn: '2026-01-05' });
  const held = compliantPolicy('2026-01-01', '2027-01-01', { id: 2 });
  const unverifiedUploaded = compliantPolicy('2026-01-01', '2027-01-01', {
    id: 3,
    uploadedOn: '2026-01-05',
    deductible: undefined,
  });
  const deficient = compliantPolicy('2026-01-01', '2027-01-01', {
    id: 4,
    uploadedOn: '2026-01-05',
    basis: 'claims-made',
  });

  it('proof on file beats a policy held but not uploaded, even one that covers longer', () => {
    for (const a of both(uploaded, held)) expect(standingOn(a, '2026-06-01').coverage?.policy.id).toBe(1);
    const heldLonger = compliantPolicy('2026-01-01', '2027-06-01', { id: 10 });
    for (const a of both(uploaded, heldLonger))
      expect(standingOn(a, '2026-06-01').coverage?.policy.id).toBe(1);
  });

  it('a compliant policy beats an unverified one with the same standing', () => {
    for (const a of both(uploaded, unverifiedUploaded))
      expect(standingOn(a, '2026-06-01').coverage?.policy.id).toBe(1);
  });

  it('an unverified policy on file beats a compliant one only held', () => {
    // Even one recorded later that covers longer: the standing decides before the dates do.
    const heldLonger = compliantPolicy('2026-01-01', '2027-06-01', { id: 11 });
    for (const other of [held, heldLonger])
      for (const a of both(other, unverifiedUploaded)) {
        const s = standingOn(a, '2026-06-01');
        expect([s.kind, s.coverage?.policy.id]).toEqual(['proof-on-file', 3]);
      }
  });

  it('a deficient policy is never the cover when another is held', () => {
    for (const a of both(deficient, held)) {
      const s = standingOn(a, '2026-06-01');
      expect([s.kind, s.coverage?.policy.id]).toEqual(['not-uploaded', 2]);
    }
    const alone = standingOn(account([deficient]), '2026-06-01');
    expect([alone.kind, alone.reason, alone.coverage?.policy.id]).toEqual(['not-insured', 'deficient', 4]);
  });

  it('of two equally good policies covering as long, the one recorded last', () => {
    const again = compliantPolicy('2026-01-01', '2027-01-01', { id: 7, uploadedOn: '2026-01-05' });
    for (const a of both(uploaded, again)) expect(standingOn(a, '2026-06-01').coverage?.policy.id).toBe(7);
    // Recorded last does not beat covering longer.
    const shorter = compliantPolicy('2026-01-01', '2026-12-01', { id: 12, uploadedOn: '2026-01-05' });
    for (const a of both(uploaded, shorter)) expect(standingOn(a, '2026-06-01').coverage?.policy.id).toBe(1);
  });

  it('of two policies starting later on the same day, the one recorded last', () => {
    const first = compliantPolicy('2026-09-01', '2027-09-01', { id: 8 });
    const second = compliantPolicy('2026-09-01', '2027-06-01', { id: 9 });
    for (const a of both(first, second)) {
      const s = standingOn(a, '2026-06-01');
      expect([s.kind, s.reason, s.upcoming?.id]).toEqual(['not-insured', 'starts-later', 9]);
    }
    const sooner = compliantPolicy('2026-08-01', '2027-08-01', { id: 6 });
    for (const a of both(sooner, second)) expect(standingOn(a, '2026-06-01').upcoming?.id).toBe(6);
  });

  it('of two equally good policies, the one that covers longer', () => {
    const longer = compliantPolicy('2026-03-01', '2027-03-01', { id: 5, uploadedOn: '2026-03-02' });
    for (const a of both(uploaded, longer)) expect(standingOn(a, '2026-06-01').coverage?.policy.id).toBe(5);
  });

  it('lapsed on the day the last policy expired', () => {
    const early = compliantPolicy('2024-01-01', '2025-01-01', { id: 6 });
    const late = compliantPolicy('2025-01-01', '2025-07-01', { id: 7 });
    for (const a of both(early, late)) {
      const s = standingOn(a, '2026-06-01');
      expect([s.kind, s.reason, s.lapsedOn]).toEqual(['not-insured', 'lapsed', '2025-07-01']);
    }
    // The day a policy expires it no longer covers.
    expect(standingOn(account([late]), '2025-07-01').lapsedOn).toBe('2025-07-01');
    expect(standingOn(account([late]), '2025-06-30').kind).toBe('not-uploaded');
  });

  it('the next policy is the earliest that starts after the day', () => {
    const soon = compliantPolicy('2026-07-01', '2027-07-01', { id: 8 });
    const later = compliantPolicy('2026-09-01', '2027-09-01', { id: 9 });
    for (const a of both(soon, later)) {
      const s = standingOn(a, '2026-06-01');
      expect([s.kind, s.reason, s.upcoming?.id]).toEqual(['not-insured', 'starts-later', 8]);
    }
    // On its effective day it covers.
    expect(standingOn(account([soon]), '2026-07-01').kind).toBe('not-uploaded');
    // Insured now, the next policy is still shown.
    expect(standingOn(account([uploaded, later]), '2026-06-01').upcoming?.id).toBe(9);
  });

  it('counts only uploads made by the day asked about (a claim judged at its notice)', () => {
    const a = account([compliantPolicy('2026-01-01', '2027-01-01', { uploadedOn: '2026-03-10' })]);
    expect(standingOn(a, '2026-03-15').kind).toBe('proof-on-file');
    expect(standingOn(a, '2026-03-15', { uploadedBy: '2026-03-05' }).kind).toBe('not-uploaded');
    expect(standingOn(a, '2026-03-09').kind).toBe('not-uploaded');
    expect(standingOn(a, '2026-03-10').kind).toBe('proof-on-file');
  });

  it('no policies: not insured, for no reason but none', () => {
    expect(standingOn(account([]), '2026-06-01')).toEqual({
      kind: 'not-insured',
      on: '2026-06-01',
      coverage: undefined,
      reason: 'none',
      lapsedOn: undefined,
      upcoming: undefined,
    });
  });
});

// The check's renewal note: how many days are left to renew the policy giving cover, from the
// 60th day before it runs out, unless another policy on file picks up where it ends.
describe('renewalDue', () => {
  const cover = compliantPolicy('2026-01-01', '2027-01-01', { id: 1 });

  it('is due from the 60th day before the policy runs out, and not on the 61st', () => {
    expect(RENEWAL_NOTICE_DAYS).toBe(60);
    expect(renewalDue(cover, [cover], '2026-11-01')).toBeUndefined();
    expect(renewalDue(cover, [cover], '2026-11-02')).toBe(60);
    expect(renewalDue(cover, [cover], '2026-12-31')).toBe(1);
    expect(renewalDue(cover, [cover], '2027-01-01')).toBe(0);
  });

  it('is not due when a policy on file starts by the day it runs out and runs past it', () => {
    const renewal = compliantPolicy('2027-01-01', '2028-01-01', { id: 2 });
    const early = compliantPolicy('2026-12-01', '2027-12-01', { id: 3 });
    for (const next of [renewal, early]) {
      expect(continuedBy([cover, next], cover)).toBe(true);
      expect(renewalDue(cover, [cover, next], '2026-12-15')).toBeUndefined();
      expect(renewalDue(cover, [next, cover], '2026-12-15')).toBeUndefined();
    }
  });

  it('is still due when the next policy leaves a gap, or ends no later than this one', () => {
    const afterAGap = compliantPolicy('2027-01-02', '2028-01-02', { id: 4 });
    const endsSameDay = compliantPolicy('2026-06-01', '2027-01-01', { id: 5 });
    for (const other of [afterAGap, endsSameDay]) {
      expect(continuedBy([cover, other], cover)).toBe(false);
      expect(renewalDue(cover, [cover, other], '2026-12-15')).toBe(17);
    }
  });
});
