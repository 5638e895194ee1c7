// An account's insurance standing on a day — the one computation check, policy show, claims and
// alerts all use:
//   not-insured   no policy in force that satisfies Amazon (none, lapsed, deficient, or not started)
//   not-uploaded  a policy is in force, but Amazon has no proof of it: holding is not enough
//   proof-on-file in force, not deficient, and uploaded to Amazon on or before the day judged
// "Uploaded" counts only uploads made on or before `uploadedBy` (default: the day itself), so a
// claim's proof window is judged against the upload date, never against today.
import { type CalendarDate, daysBetween } from './calendar.ts';
import type { Finding } from './findings.ts';
import {
  type AccountIdentity,
  inForceOn,
  type PolicyCompliance,
  type PolicyFacts,
  policyCompliance,
} from './policy.ts';

export interface PolicyOnFile extends PolicyFacts {
  readonly id?: number | undefined;
}

export type StandingKind = 'not-insured' | 'not-uploaded' | 'proof-on-file';
export type NotInsuredReason = 'none' | 'lapsed' | 'deficient' | 'starts-later';

export interface Coverage {
  readonly policy: PolicyOnFile;
  readonly compliance: PolicyCompliance;
}

export interface Standing {
  readonly kind: StandingKind;
  readonly on: CalendarDate;
  /** The best policy in force on the day, even a deficient one. */
  readonly coverage?: Coverage | undefined;
  /** Why not insured; undefined when insured. */
  readonly reason?: NotInsuredReason | undefined;
  /** When nothing is in force: the day the last policy expired. */
  readonly lapsedOn?: CalendarDate | undefined;
  /** The earliest recorded policy that starts after the day. */
  readonly upcoming?: PolicyOnFile | undefined;
}

/** One policy's standing on a day: what it alone would give the account. */
export function policyStanding(
  policy: PolicyFacts,
  compliance: PolicyCompliance,
  day: CalendarDate,
  uploadedBy: CalendarDate = day,
): StandingKind {
  if (!inForceOn(policy, day) || compliance.verdict === 'deficient') return 'not-insured';
  return policy.uploadedOn !== undefined && policy.uploadedOn <= uploadedBy
    ? 'proof-on-file'
    : 'not-uploaded';
}

// Best first: proof on file beats held-but-not-uploaded; compliant beats unverified beats deficient.
const RANK: Record<StandingKind, number> = { 'proof-on-file': 0, 'not-uploaded': 2, 'not-insured': 4 };
const VERDICT_RANK = { compliant: 0, unverified: 1, deficient: 2 } as const;

// Ties go to the policy recorded last (the higher number): the answer never depends on the order
// the policies are read in, and a certificate recorded again is the one a member means.
const recordedAfter = (a: PolicyOnFile, b: PolicyOnFile) => (a.id ?? 0) > (b.id ?? 0);
const coversLonger = (a: PolicyOnFile, b: PolicyOnFile) =>
  a.expiresOn > b.expiresOn || (a.expiresOn === b.expiresOn && recordedAfter(a, b));
const startsSooner = (a: PolicyOnFile, b: PolicyOnFile) =>
  a.effectiveOn < b.effectiveOn || (a.effectiveOn === b.effectiveOn && recordedAfter(a, b));

export function standingOn(
  account: AccountIdentity & { readonly policies?: readonly PolicyOnFile[] | undefined },
  day: CalendarDate,
  opts: { uploadedBy?: CalendarDate } = {},
): Standing {
  const uploadedBy = opts.uploadedBy ?? day;
  let best: { coverage: Coverage; kind: StandingKind; rank: number } | undefined;
  let lapsedOn: CalendarDate | undefined;
  let upcoming: PolicyOnFile | undefined;
  for (const policy of account.policies ?? []) {
    if (inForceOn(policy, day)) {
      const compliance = policyCompliance(policy, account, day);
      const kind = policyStanding(policy, compliance, day, uploadedBy);
      const rank = RANK[kind] + VERDICT_RANK[compliance.verdict] * 0.5;
      // Of two equally good policies, the one that covers longer; of those, the one recorded last.
      if (!best || rank < best.rank || (rank === best.rank && coversLonger(policy, best.coverage.policy)))
        best = { coverage: { policy, compliance }, kind, rank };
    } else if (policy.expiresOn <= day) {
      if (!lapsedOn || policy.expiresOn > lapsedOn) lapsedOn = policy.expiresOn;
    } else if (!upcoming || startsSooner(policy, upcoming)) {
      // Neither in force nor expired: it starts after the day.
      upcoming = policy;
    }
  }
  if (best && best.kind !== 'not-insured')
    return { kind: best.kind, on: day, coverage: best.coverage, upcoming };
  const reason: NotInsuredReason = best
    ? 'deficient'
    : upcoming
      ? 'starts-later'
      : lapsedOn
        ? 'lapsed'
        : 'none';
  return { kind: 'not-insured', on: day, coverage: best?.coverage, reason, lapsedOn, upcoming };
}

/** How far ahead a policy running out is announced: the first expiry alert, and the check's note. */
export const RENEWAL_NOTICE_DAYS = 60;

/** Whether another policy on file picks up where `policy` ends: it starts by then and runs past it. */
export function continuedBy(policies: readonly PolicyFacts[], policy: PolicyFacts): boolean {
  return policies.some((p) => p.effectiveOn <= policy.expiresOn && p.expiresOn > policy.expiresOn);
}

/**
 * Days until the policy giving cover runs out, when that is within RENEWAL_NOTICE_DAYS and no
 * policy on file continues it; undefined when there is nothing to renew yet.
 */
export function renewalDue(
  cover: PolicyFacts,
  policies: readonly PolicyFacts[],
  day: CalendarDate,
): number | undefined {
  const left = daysBetween(day, cover.expiresOn);
  return left <= RENEWAL_NOTICE_DAYS && !continuedBy(policies, cover) ? left : undefined;
}

/**
 * A named insured that cannot be compared — the account has no legal name, or one in another
 * script — is fixed on the account, not the policy: it must not read "never given".
 */
export function fixedOnAccount(finding: Finding): boolean {
  return finding.code === 'policy.insured.no-legal-name' || finding.code === 'policy.insured.other-script';
}

/** What keeps a policy unverified, for the team: the fields it never gave, and what the account lacks. */
export function unverifiedFindings(policy: number, compliance: PolicyCompliance): Finding[] {
  const unknown = compliance.results.filter((r) => r.outcome === 'unknown' && !r.advisory);
  const missing = unknown.filter((r) => !fixedOnAccount(r.finding)).map((r) => r.rule.topic);
  const out: Finding[] = missing.length ? [{ code: 'standing.unverified', values: { policy, missing } }] : [];
  for (const { finding: f } of unknown)
    if (f.code === 'policy.insured.no-legal-name' || f.code === 'policy.insured.other-script')
      out.push({
        code: 'standing.no-legal-name',
        values: {
          policy,
          insured: f.values.insured,
          legal: f.code === 'policy.insured.other-script' ? f.values.legal : 'none',
        },
      });
  return out;
}
