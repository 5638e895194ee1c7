// The one standing computation when an account has several policies: which one counts, when the
// last one lapsed, which starts next — each in both orders, so the answer never depends on the
// order the store returns policies in.
import { describe, expect, it } from 'vitest';
import { type PolicyOnFile, standingOn } from '../../src/rules/index.ts';
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
    for (const a of both(held, unverifiedUploaded)) {
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
