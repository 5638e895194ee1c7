// What happens to an A-to-z property-damage / personal-injury claim: who pays, whether Amazon
// will seek reimbursement, the next deadline, and what follows if the seller does nothing.
import { addDays, type CalendarDate, daysBetween } from './calendar.ts';
import { RulesInputError, type TraceEntry } from './eligibility.ts';
import { formatMoney, type Money } from './money.ts';
import {
  A_TO_Z_FROM,
  CLAIM_APPEAL_DAYS,
  CLAIM_FILING_DAYS,
  CLAIM_PROOF_DAYS,
  CLAIM_SMALL_LIMIT_MINOR,
  RULES,
} from './table.ts';

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
}

export interface InsuranceStanding {
  /** Required to be insured (by sales or because Amazon asked) on the day of the notice. */
  readonly required: boolean;
  /** Valid proof of insurance on file with Amazon. */
  readonly proofOnFile: boolean;
}

export type Payer = 'amazon' | 'seller-or-insurer' | 'customer-and-seller' | 'settled';
export type Reimbursement = 'not-sought' | 'unless-proof-by' | 'expected' | 'not-stated' | 'possible';

export interface ClaimOutcome {
  readonly payer: Payer;
  readonly reimbursement: Reimbursement;
  readonly nextDeadline?:
    | { readonly on: CalendarDate; readonly what: string; readonly daysLeft: number }
    | undefined;
  readonly ifNothing: string;
  readonly reasons: readonly string[];
  readonly trace: readonly TraceEntry[];
}

export function isSmallClaim(amount: Money): boolean {
  return amount.minor <= CLAIM_SMALL_LIMIT_MINOR;
}

export function claimOutcome(
  claim: ClaimFacts,
  standing: InsuranceStanding,
  asOf: CalendarDate,
): ClaimOutcome {
  if (claim.amount.currency !== 'USD')
    throw new RulesInputError(
      `A-to-z claim rules are encoded for Amazon.com in USD; this claim is in ${claim.amount.currency}`,
    );
  const amount = formatMoney(claim.amount);
  const trace: TraceEntry[] = [];
  const reasons: string[] = [];

  if (claim.incidentOn && daysBetween(claim.incidentOn, claim.noticeOn) > CLAIM_FILING_DAYS)
    trace.push({
      rule: RULES.claimFacts,
      finding: `notice came ${daysBetween(claim.incidentOn, claim.noticeOn)} days after the incident; customers are meant to file within ${CLAIM_FILING_DAYS}`,
    });

  if (claim.noticeOn < A_TO_Z_FROM) {
    trace.push({ rule: RULES.claimBefore, finding: `notice on ${claim.noticeOn}, before ${A_TO_Z_FROM}` });
    return {
      payer: 'customer-and-seller',
      reimbursement: 'not-stated',
      ifNothing: 'The customer may pursue the seller directly.',
      reasons: [
        `The claim predates Amazon's A-to-z handling of such claims (${A_TO_Z_FROM}); it is settled between customer and seller.`,
      ],
      trace,
    };
  }

  if (claim.status === 'closed') {
    trace.push({
      rule: isSmallClaim(claim.amount) ? RULES.claimSmall : RULES.claimLarge,
      finding: 'claim closed',
    });
    return {
      payer: 'settled',
      reimbursement: 'not-stated',
      ifNothing: 'Nothing: the claim is closed.',
      reasons: [`The ${amount} claim is closed.`],
      trace,
    };
  }

  if (isSmallClaim(claim.amount)) {
    trace.push({ rule: RULES.claimSmall, finding: `${amount} is USD 1,000 or less` });
    reasons.push(
      `Amazon resolves this ${amount} claim by a concession to the customer; it does not affect your order defect rate.`,
    );
    if (standing.proofOnFile) {
      reasons.push('Valid proof of insurance is on file, so Amazon does not seek reimbursement.');
      return {
        payer: 'amazon',
        reimbursement: 'not-sought',
        ifNothing: 'Nothing more is needed from you.',
        reasons,
        trace,
      };
    }
    if (!standing.required) {
      reasons.push(
        'The account is not required to be insured and Amazon has not asked, so the 7-day proof window does not apply; Amazon’s terms do not say it will seek reimbursement.',
      );
      return {
        payer: 'amazon',
        reimbursement: 'not-stated',
        ifNothing: 'Nothing is due under the published terms.',
        reasons,
        trace,
      };
    }
    const due = addDays(claim.noticeOn, CLAIM_PROOF_DAYS);
    const left = daysBetween(asOf, due);
    trace.push({ rule: RULES.claimProofWindow, finding: `no proof on file; proof due ${due}` });
    const consequence = `Amazon expects reimbursement of ${amount} and may withhold funds; you can appeal within ${CLAIM_APPEAL_DAYS} days.`;
    if (left >= 0) {
      reasons.push(`No proof of insurance is on file: upload it to Amazon by ${due} (${left} day(s) left).`);
      return {
        payer: 'amazon',
        reimbursement: 'unless-proof-by',
        nextDeadline: { on: due, what: 'upload proof of insurance to Amazon', daysLeft: left },
        ifNothing: `After ${due}, ${consequence}`,
        reasons,
        trace,
      };
    }
    reasons.push(`Proof of insurance was due by ${due} and is not on file: ${consequence}`);
    return { payer: 'amazon', reimbursement: 'expected', ifNothing: consequence, reasons, trace };
  }

  trace.push({ rule: RULES.claimLarge, finding: `${amount} is over USD 1,000` });
  const ifNothing =
    'If you do not respond, Amazon may step in, pay the customer, and pursue you for the cost.';
  if (claim.status === 'rejected') {
    reasons.push(
      `You rejected this ${amount} claim. If Amazon deems it valid it may pay the customer anyway; you can still defend your product against it.`,
    );
    return { payer: 'seller-or-insurer', reimbursement: 'possible', ifNothing, reasons, trace };
  }
  if (claim.status === 'responded') {
    reasons.push(
      `You or your insurer responded to this ${amount} claim; resolve it with the customer through Amazon.`,
    );
    return { payer: 'seller-or-insurer', reimbursement: 'possible', ifNothing, reasons, trace };
  }
  reasons.push(`You or your insurer must respond to and resolve this ${amount} claim.`);
  const nextDeadline = claim.responseDueOn
    ? {
        on: claim.responseDueOn,
        what: 'respond to the claim',
        daysLeft: daysBetween(asOf, claim.responseDueOn),
      }
    : undefined;
  if (nextDeadline)
    reasons.push(
      nextDeadline.daysLeft >= 0
        ? `Respond by ${nextDeadline.on} (${nextDeadline.daysLeft} day(s) left), as Amazon's notice says.`
        : `The response was due by ${nextDeadline.on}, ${-nextDeadline.daysLeft} day(s) ago.`,
    );
  else reasons.push("Record the response deadline from Amazon's notice to be reminded before it passes.");
  reasons.push(ifNothing);
  return { payer: 'seller-or-insurer', reimbursement: 'possible', nextDeadline, ifNothing, reasons, trace };
}
