// What happens to an A-to-z property-damage / personal-injury claim: who bears the cost, whether
// Amazon will seek reimbursement, the next deadline, and what follows if the seller does nothing.
// Proof of insurance is judged with the one standing computation, against the day it was provided
// (uploaded, and in force), never against today.
import { addDays, type CalendarDate, daysBetween, maxDate } from './calendar.ts';
import { type AccountFacts, eligibility } from './eligibility.ts';
import type { Finding, TraceEntry } from './findings.ts';
import type { Money } from './money.ts';
import { RulesInputError } from './months.ts';
import { inForceOn, policyCompliance } from './policy.ts';
import { type PolicyOnFile, standingOn } from './standing.ts';
import { MARKETPLACE_CURRENCY, type Rule, type RuleOf, requireRule, ruleOn, rulesOf } from './table.ts';

export const CLAIM_KINDS = ['property-damage', 'personal-injury'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export const CLAIM_STATUSES = ['open', 'responded', 'rejected', 'closed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface ClaimFacts {
  readonly amount: Money;
  /** The day Amazon notified the seller of the claim. */
  readonly noticeOn: CalendarDate;
  readonly incidentOn?: CalendarDate | undefined;
  readonly status: ClaimStatus;
  /** The response deadline stated in Amazon's notice, when the seller recorded it. */
  readonly responseDueOn?: CalendarDate | undefined;
  /** The day Amazon asked for reimbursement or withheld funds, when the seller recorded it. */
  readonly chargedOn?: CalendarDate | undefined;
}

/**
 * Who bears the cost. `amazon`: Amazon pays and does not seek reimbursement; `amazon-not-stated`:
 * Amazon pays and its terms say nothing of reimbursement; `you-unless-proof`: Amazon pays and will
 * expect the amount back unless proof is provided by `due`; `you`: Amazon paid and expects it back;
 * `you-or-insurer`: the seller or its insurer must resolve it.
 */
export type CostBearer =
  | 'amazon'
  | 'amazon-not-stated'
  | 'you-unless-proof'
  | 'you'
  | 'you-or-insurer'
  | 'customer-and-seller'
  | 'settled';

/** How Amazon has proof of insurance for this claim. */
export type ClaimProof =
  | { readonly kind: 'at-notice'; readonly policy: PolicyOnFile }
  | { readonly kind: 'in-window'; readonly policy: PolicyOnFile; readonly providedOn: CalendarDate }
  | { readonly kind: 'late'; readonly policy: PolicyOnFile; readonly providedOn: CalendarDate }
  | { readonly kind: 'none' };

export interface ClaimOutcome {
  readonly cost: {
    readonly bearer: CostBearer;
    readonly amount: Money;
    /** `you-unless-proof`: the last day proof counts. */
    readonly due?: CalendarDate | undefined;
    /** `you`: the last day to appeal, when the day Amazon charged is known. */
    readonly appealBy?: CalendarDate | undefined;
    /** `you`: days to appeal (from the rule table). */
    readonly appealDays?: number | undefined;
  };
  readonly nextDeadline?:
    | { readonly on: CalendarDate; readonly what: 'upload-proof' | 'respond'; readonly daysLeft: number }
    | undefined;
  readonly proof: ClaimProof;
  /** What follows if the seller does nothing more, when something does. */
  readonly ifNothing?: Finding | undefined;
  readonly reasons: readonly Finding[];
  readonly trace: readonly TraceEntry[];
}

const policyId = (p: PolicyOnFile) => p.id ?? 0;

/** The earliest day a recorded policy became proof on file: uploaded, in force, not deficient. */
function proofProvided(
  account: AccountFacts,
  within: CalendarDate,
): { policy: PolicyOnFile; providedOn: CalendarDate } | undefined {
  let best: { policy: PolicyOnFile; providedOn: CalendarDate } | undefined;
  for (const policy of account.policies ?? []) {
    if (!policy.uploadedOn) continue;
    // Proof exists from the later of the upload and the start of cover.
    const providedOn = maxDate(policy.uploadedOn, policy.effectiveOn);
    if (providedOn > within || !inForceOn(policy, providedOn)) continue;
    if (policyCompliance(policy, account, providedOn).verdict === 'deficient') continue;
    if (!best || providedOn < best.providedOn) best = { policy, providedOn };
  }
  return best;
}

export function claimOutcome(claim: ClaimFacts, account: AccountFacts, asOf: CalendarDate): ClaimOutcome {
  const m = account.marketplace;
  const azRows = rulesOf('az-start', m);
  if (azRows.length === 0 || claim.amount.currency !== MARKETPLACE_CURRENCY[m])
    throw new RulesInputError('claims-not-encoded', { currency: claim.amount.currency, marketplace: m });
  const amount = claim.amount;
  const trace: TraceEntry[] = [];
  const reasons: Finding[] = [];
  const note = (rule: Rule, finding: Finding, decisive = true) => {
    reasons.push(finding);
    trace.push({ rule, finding, decisive });
  };

  const filing = ruleOn('claim-filing', m, claim.noticeOn);
  if (filing && claim.incidentOn && daysBetween(claim.incidentOn, claim.noticeOn) > filing.days)
    note(filing, {
      code: 'claim.late-notice',
      values: { days: daysBetween(claim.incidentOn, claim.noticeOn), filingDays: filing.days },
    });
  const max = ruleOn('claim-max', m, claim.noticeOn);
  if (max && amount.minor > max.amount.minor)
    note(max, { code: 'claim.over-max', values: { amount, max: max.amount } });

  const start = ruleOn('az-start', m, claim.noticeOn);
  if (!start) {
    const row = azRows[0]!;
    note(row, { code: 'claim.before-az', values: { start: row.from!, noticeOn: claim.noticeOn } });
    return { cost: { bearer: 'customer-and-seller', amount }, proof: { kind: 'none' }, reasons, trace };
  }

  const small = requireRule('claim-small', m, claim.noticeOn);
  const isSmall = amount.minor <= small.amount.minor;
  const proof = claimProof(claim, account, asOf);
  if (claim.status === 'closed') {
    note(isSmall ? small : requireRule('claim-large', m, claim.noticeOn), {
      code: 'claim.closed',
      values: { amount },
    });
    return { cost: { bearer: 'settled', amount }, proof, reasons, trace };
  }
  if (!isSmall) {
    const large = largeClaim(claim, requireRule('claim-large', m, claim.noticeOn), small, asOf, note);
    return { ...large, proof, reasons, trace };
  }

  note(small, { code: 'claim.small', values: { amount, limit: small.amount } });
  const upload = ruleOn('upload', m, claim.noticeOn);
  if (proof.kind === 'at-notice') {
    const f: Finding = {
      code: 'claim.proof-at-notice',
      values: { policy: policyId(proof.policy), uploadedOn: proof.policy.uploadedOn! },
    };
    if (upload) note(upload, f);
    else reasons.push(f);
    return { cost: { bearer: 'amazon', amount }, proof, reasons, trace };
  }
  const window = requireRule('claim-proof-window', m, claim.noticeOn);
  if (!eligibility(account, claim.noticeOn).required) {
    note(window, { code: 'claim.not-required', values: { days: window.days } });
    return { cost: { bearer: 'amazon-not-stated', amount }, proof, reasons, trace };
  }
  const due = addDays(claim.noticeOn, window.days);
  if (proof.kind === 'in-window') {
    note(window, {
      code: 'claim.proof-in-window',
      values: { policy: policyId(proof.policy), uploadedOn: proof.providedOn, due },
    });
    flagLateCover(claim, proof.policy, reasons);
    return { cost: { bearer: 'amazon', amount }, proof, reasons, trace };
  }
  const daysLeft = daysBetween(asOf, due);
  if (daysLeft >= 0) {
    note(window, { code: 'claim.proof-due', values: { due, daysLeft, amount } });
    const appeal = requireRule('claim-appeal', m, claim.noticeOn);
    return {
      cost: { bearer: 'you-unless-proof', amount, due },
      nextDeadline: { on: due, what: 'upload-proof', daysLeft },
      proof,
      ifNothing: { code: 'claim.reimbursement', values: { amount, days: appeal.days, appealBy: 'unknown' } },
      reasons,
      trace,
    };
  }
  note(window, {
    code: 'claim.proof-late',
    values: { due, uploadedOn: proof.kind === 'late' ? proof.providedOn : 'never' },
  });
  if (proof.kind === 'late') flagLateCover(claim, proof.policy, reasons);
  const appeal = requireRule('claim-appeal', m, claim.noticeOn);
  const appealBy = claim.chargedOn ? addDays(claim.chargedOn, appeal.days) : undefined;
  note(appeal, {
    code: 'claim.reimbursement',
    values: { amount, days: appeal.days, appealBy: appealBy ?? 'unknown' },
  });
  return { cost: { bearer: 'you', amount, appealBy, appealDays: appeal.days }, proof, reasons, trace };
}

/** How Amazon has proof of insurance for a claim, judged by upload days, not by today. */
export function claimProof(claim: ClaimFacts, account: AccountFacts, asOf: CalendarDate): ClaimProof {
  const atNotice = standingOn(account, claim.noticeOn);
  if (atNotice.kind === 'proof-on-file' && atNotice.coverage)
    return { kind: 'at-notice', policy: atNotice.coverage.policy };
  const window = ruleOn('claim-proof-window', account.marketplace, claim.noticeOn);
  const provided = proofProvided(account, asOf);
  if (!provided || !window) return { kind: 'none' };
  const due = addDays(claim.noticeOn, window.days);
  return provided.providedOn <= due ? { kind: 'in-window', ...provided } : { kind: 'late', ...provided };
}

/** A policy that began after the incident (or the notice) may not cover the claim at all: say so. */
function flagLateCover(claim: ClaimFacts, policy: PolicyOnFile, reasons: Finding[]): void {
  const claimOn = claim.incidentOn ?? claim.noticeOn;
  if (policy.effectiveOn > claimOn)
    reasons.push({
      code: 'claim.policy-after-claim',
      values: { policy: policyId(policy), effectiveOn: policy.effectiveOn, claimOn },
    });
}

/** Over the claim line: the seller or its insurer responds; Amazon steps in if nobody does. */
function largeClaim(
  claim: ClaimFacts,
  rule: RuleOf<'claim-large'>,
  small: RuleOf<'claim-small'>,
  asOf: CalendarDate,
  note: (rule: Rule, finding: Finding) => void,
): Pick<ClaimOutcome, 'cost' | 'nextDeadline' | 'ifNothing'> {
  const amount = claim.amount;
  const base = { cost: { bearer: 'you-or-insurer' as const, amount } };
  // Answered: what is left is the answer's consequence, not "respond", nor "if you do nothing".
  if (claim.status === 'rejected' || claim.status === 'responded') {
    note(rule, {
      code: claim.status === 'rejected' ? 'claim.rejected' : 'claim.responded',
      values: { amount },
    });
    return base;
  }
  note(rule, { code: 'claim.large', values: { amount, limit: small.amount } });
  const ifNothing: Finding = { code: 'claim.if-nothing-large', values: {} };
  const due = claim.responseDueOn;
  if (!due) {
    note(rule, { code: 'claim.no-due', values: {} });
    return { ...base, ifNothing };
  }
  const daysLeft = daysBetween(asOf, due);
  note(
    rule,
    daysLeft >= 0
      ? { code: 'claim.respond-by', values: { due, daysLeft } }
      : { code: 'claim.response-overdue', values: { due, daysAgo: -daysLeft } },
  );
  return { ...base, nextDeadline: { on: due, what: 'respond', daysLeft }, ifNothing };
}
