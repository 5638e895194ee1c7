// What the engine found, as codes with values — never sentences. The message catalogue renders each
// code (message id `finding.<code>`) with its values, in the team's language, in one place.
// Values are plain data: Money, calendar dates and months (ISO strings), numbers, enum strings, and
// lists of them; the renderer formats each by its type for the locale.
import type { CalendarDate, Month } from './calendar.ts';
import type { Money } from './money.ts';
import type { Rule, Topic } from './table.ts';

/** How the trigger day was found: from the records, the month's end, a rule's first day, or daily sales. */
export type TriggerBasis = 'recorded' | 'month-end' | 'rule-start' | 'daily';

export type LimitField = 'per-occurrence' | 'aggregate' | 'products-aggregate' | 'deductible';

interface PolicyValues {
  'policy.limit.missing': { field: LimitField; minimum: Money };
  'policy.limit.currency': { field: LimitField; currency: string; wanted: string };
  'policy.limit.pass': { field: LimitField; value: Money; minimum: Money };
  'policy.limit.fail': { field: LimitField; value: Money; minimum: Money };
  'policy.deductible.relaxed': Record<string, never>;
  'policy.deductible.missing': { maximum: Money };
  'policy.deductible.pass': { value: Money; maximum: Money };
  'policy.deductible.fail': { value: Money; maximum: Money };
  'policy.coverage.form': Record<string, never>;
  'policy.coverage.products': Record<string, never>;
  'policy.coverage.marketplace': Record<string, never>;
  'policy.coverage.missing': { what: 'form' | 'products' | 'both' };
  'policy.coverage.pass': { form: string };
  'policy.basis.missing': Record<string, never>;
  'policy.basis.pass': Record<string, never>;
  'policy.basis.claims-made': Record<string, never>;
  'policy.ai.holder-only': { wanted: string };
  'policy.ai.missing': { wanted: string };
  'policy.ai.pass': { wanted: string };
  'policy.ai.wording': { got: string; wanted: string };
  'policy.ai.not-amazon': { got: string; wanted: string };
  'policy.insured.missing': Record<string, never>;
  'policy.insured.no-legal-name': { insured: string };
  'policy.insured.other-script': { insured: string; legal: string };
  'policy.insured.pass': { legal: string };
  'policy.insured.dba-not-allowed': { dba: string };
  'policy.insured.dba-pass': { dba: string };
  'policy.insured.dba-entity-unknown': { dba: string };
  'policy.insured.dba-entity': { dba: string; entity: string };
  'policy.insured.mismatch': { insured: string; legal: string };
  'policy.rating.missing': { minimum: string };
  'policy.rating.unreadable': { rating: string };
  'policy.rating.pass': { grade: string };
  'policy.rating.fail': { grade: string; minimum: string };
  'policy.notice.missing': { minimum: number };
  'policy.notice.pass': { days: number };
  'policy.notice.fail': { days: number; minimum: number };
  'policy.term.invalid': { effectiveOn: CalendarDate; expiresOn: CalendarDate };
  'policy.term.not-yet': { effectiveOn: CalendarDate };
  'policy.term.expired': { expiresOn: CalendarDate };
  'policy.term.pass': { effectiveOn: CalendarDate; expiresOn: CalendarDate; days: number };
  'policy.validity.not-uploaded': Record<string, never>;
  'policy.validity.short': { days: number; minimum: number };
  'policy.validity.pass': { uploadedOn: CalendarDate; days: number };
  'policy.validity.fail': { uploadedOn: CalendarDate; days: number; minimum: number };
}

interface EligibilityValues {
  'eligibility.threshold-met': {
    limit: Money;
    months: Month[];
    count: number;
    on: CalendarDate;
    basis: TriggerBasis;
  };
  'eligibility.request': { on: CalendarDate; dates: CalendarDate[]; count: number };
  'eligibility.no-request': Record<string, never>;
  'eligibility.obligation-continues': { since: CalendarDate };
  'eligibility.not-required': { limit: Money; count: number };
  'eligibility.no-rule': { starts: CalendarDate | 'none' };
  'eligibility.at-threshold': { months: Month[]; limit: Money };
  'eligibility.approaching': {
    month: Month;
    percent: number;
    headroom: Money;
    limit: Money;
    /** At this month's daily rate so far, the day its total would pass the limit; 'none' if not this month. */
    pace: CalendarDate | 'none';
  };
  /**
   * With an older month-to-date figure: at its daily rate the month passed the limit on `pace`,
   * which is already behind the as-of day. The figure through `through` no longer says where it is.
   */
  'eligibility.pace-passed': { limit: Money; pace: CalendarDate; through: CalendarDate };
  'eligibility.streak': { streak: number; count: number; month: Month; percent: number };
  'eligibility.deadline': { deadline: CalendarDate; daysLeft: number };
  'eligibility.overdue': { deadline: CalendarDate; daysAgo: number };
  'eligibility.second-hand': Record<string, never>;
  'eligibility.not-encoded': { topics: Topic[] };
  'eligibility.eve': { date: CalendarDate; rules: string[]; effect: 'becomes-required' | 'unchanged' };
  'standing.proof-on-file': { policy: number; expiresOn: CalendarDate; uploadedOn: CalendarDate };
  'standing.not-uploaded': { policy: number; expiresOn: CalendarDate };
  'standing.unverified': { policy: number; missing: Topic[] };
  /** `legal`: the account's legal name in another script than the insured's, or 'none'. */
  'standing.no-legal-name': { policy: number; insured: string; legal: string };
  'standing.deficient': { policy: number; by: CalendarDate | 'now' };
  'standing.lapsed': { lapsedOn: CalendarDate };
  'standing.none': Record<string, never>;
  'standing.starts-later': { policy: number; effectiveOn: CalendarDate; deadline: CalendarDate | 'none' };
}

interface ClaimValues {
  'claim.before-az': { start: CalendarDate; noticeOn: CalendarDate };
  'claim.closed': { amount: Money };
  'claim.small': { amount: Money; limit: Money };
  'claim.proof-at-notice': { policy: number; uploadedOn: CalendarDate };
  'claim.proof-in-window': { policy: number; uploadedOn: CalendarDate; due: CalendarDate };
  'claim.policy-after-claim': { policy: number; effectiveOn: CalendarDate; claimOn: CalendarDate };
  'claim.not-required': { days: number };
  'claim.proof-due': { due: CalendarDate; daysLeft: number; amount: Money };
  'claim.proof-late': { due: CalendarDate; uploadedOn: CalendarDate | 'never' };
  'claim.reimbursement': { amount: Money; days: number; appealBy: CalendarDate | 'unknown' };
  'claim.large': { amount: Money; limit: Money };
  'claim.rejected': { amount: Money };
  'claim.responded': { amount: Money };
  'claim.respond-by': { due: CalendarDate; daysLeft: number };
  'claim.response-overdue': { due: CalendarDate; daysAgo: number };
  'claim.no-due': Record<string, never>;
  'claim.if-nothing-large': Record<string, never>;
  'claim.late-notice': { days: number; filingDays: number };
  'claim.over-max': { amount: Money; max: Money };
}

export interface FindingValues extends PolicyValues, EligibilityValues, ClaimValues {}
export type FindingCode = keyof FindingValues;

type FindingOf<C extends FindingCode> = { readonly code: C; readonly values: FindingValues[C] };
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];
export type PolicyFinding = { [C in keyof PolicyValues]: FindingOf<C> }[keyof PolicyValues];

/** A rule the engine consulted, what it found, and whether it decided the answer (only those are cited). */
export interface TraceEntry {
  readonly rule: Rule;
  readonly finding: Finding;
  readonly decisive: boolean;
}
