// Is an account required to carry product liability insurance on a given day, since when, by what
// deadline, and is it insured? Pure: facts and a date in, a decision with its reasons and rules out.
import {
  addDays,
  type CalendarDate,
  daysBetween,
  lastDayOf,
  type Month,
  maxDate,
  monthOf,
} from './calendar.ts';
import { formatMoney, type Money, money, percentOf } from './money.ts';
import {
  type AccountIdentity,
  inForceOn,
  type PolicyCompliance,
  type PolicyFacts,
  policyCompliance,
} from './policy.ts';
import {
  MARKETPLACE_INFO,
  type Marketplace,
  RULES,
  type Rule,
  type ThresholdRule,
  thresholdRuleOn,
  thresholdRulesUpTo,
} from './table.ts';

export class RulesInputError extends Error {
  override name = 'RulesInputError';
}

/** One recorded value of a month's sales. Later revisions replace earlier ones. */
export interface SalesRevision {
  readonly month: Month;
  readonly amount: Money;
  /** The day (account's time zone) this value was recorded; absent = recorded after the month closed. */
  readonly recordedOn?: CalendarDate | undefined;
  /** Orders revisions recorded on the same day. */
  readonly seq?: number | undefined;
}

export interface ProofRequest {
  readonly requestedOn: CalendarDate;
  readonly note?: string | undefined;
}

export interface PolicyOnFile extends PolicyFacts {
  readonly id?: string | number | undefined;
}

export interface AccountFacts extends AccountIdentity {
  readonly sales: readonly SalesRevision[];
  readonly proofRequests?: readonly ProofRequest[] | undefined;
  readonly policies?: readonly PolicyOnFile[] | undefined;
}

export type EligibilityStatus =
  | 'not-required'
  | 'approaching'
  | 'at-threshold'
  | 'insured'
  | 'deadline-running'
  | 'overdue';

export type Trigger =
  | {
      readonly kind: 'threshold';
      readonly on: CalendarDate;
      readonly rule: ThresholdRule;
      /** The months over the threshold that met the rule. */
      readonly months: readonly Month[];
      /** True when `on` comes from the day the records first showed the month over, not the month's end. */
      readonly fromRecording: boolean;
      /** True when the rule took effect after the months: the trigger is the rule's first day. */
      readonly fromRuleStart: boolean;
    }
  | {
      readonly kind: 'request';
      readonly on: CalendarDate;
      readonly rule: Rule;
      readonly request: ProofRequest;
    };

type ThresholdTrigger = Extract<Trigger, { kind: 'threshold' }>;

export interface TraceEntry {
  readonly rule: Rule;
  readonly finding: string;
  /** False for rules consulted that did not decide the answer (e.g. a threshold not met). */
  readonly decisive?: boolean | undefined;
}

/** Marks which consulted rules decided the answer, so replies cite those and not every rule read. */
function markDecisive(
  trace: TraceEntry[],
  trigger: Trigger | undefined,
  ruleNow: Rule | undefined,
): TraceEntry[] {
  // The entries were made by this module a moment ago: set the flag in place (this runs on every check).
  for (const t of trace as { rule: Rule; decisive?: boolean }[]) {
    if ('consecutiveMonths' in t.rule) t.decisive = trigger ? trigger.rule === t.rule : t.rule === ruleNow;
    else if (t.rule === RULES.request) t.decisive = !trigger || trigger.kind === 'request';
  }
  return trace;
}

export interface Coverage {
  readonly policy: PolicyOnFile;
  readonly compliance: PolicyCompliance;
}

export interface Eligibility {
  readonly asOf: CalendarDate;
  readonly marketplace: Marketplace;
  readonly required: boolean;
  readonly status: EligibilityStatus;
  readonly trigger?: Trigger | undefined;
  readonly deadline?: CalendarDate | undefined;
  /** Days from `asOf` to the deadline; negative once it has passed. */
  readonly daysLeft?: number | undefined;
  readonly thisMonth: {
    readonly month: Month;
    readonly sales: Money;
    /** False when nothing is recorded for the month yet (sales then read zero). */
    readonly recorded: boolean;
    readonly limit: Money;
    readonly percent: number;
  };
  /** Sales still possible this month before the threshold is exceeded (zero once over). */
  readonly headroom: Money;
  /** The best policy in force on `asOf`, if any. */
  readonly coverage?: Coverage | undefined;
  /** When no policy is in force: the day the last one expired. */
  readonly lapsedOn?: CalendarDate | undefined;
  /** Proof requests made on or before `asOf`, earliest first. */
  readonly requests: readonly ProofRequest[];
  readonly reasons: readonly string[];
  readonly trace: readonly TraceEntry[];
}

/** One month's records: `sales[from..to)` are its revisions in recording order, as known on the as-of day. */
interface MonthState {
  readonly month: Month;
  /** year * 12 + month index: consecutive months differ by one. */
  readonly key: number;
  readonly latest: Money;
  readonly sales: readonly SalesRevision[];
  readonly from: number;
  readonly to: number;
}

/** "2026-10" -> 2026 * 12 + 9, read from char codes: month strings are compared in the hot loop. */
function monthKey(m: string): number {
  const year =
    m.charCodeAt(0) * 1000 + m.charCodeAt(1) * 100 + m.charCodeAt(2) * 10 + m.charCodeAt(3) - 48 * 1111;
  return year * 12 + m.charCodeAt(5) * 10 + m.charCodeAt(6) - 48 * 11 - 1;
}

const withinMonth = (a: SalesRevision, b: SalesRevision): number =>
  (a.recordedOn ?? '9999').localeCompare(b.recordedOn ?? '9999') ||
  (a.seq ?? 0) - (b.seq ?? 0) ||
  a.amount.minor - b.amount.minor;

const bySaleOrder = (a: SalesRevision, b: SalesRevision): number =>
  monthKey(a.month) - monthKey(b.month) || withinMonth(a, b);

/** The day a recorded value counts from: the day it was recorded, or the month's last day if recorded after it closed. */
function countsFrom(s: SalesRevision, end: CalendarDate): { on: CalendarDate; fromRecording: boolean } {
  const recorded = s.recordedOn;
  if (recorded === undefined || recorded >= end) return { on: end, fromRecording: false };
  return { on: maxDate(recorded, `${s.month}-01`), fromRecording: true };
}

/**
 * Groups revisions by month, in month order, keeping what the records showed on `asOf`. This is
 * the engine's hot path: one pass over integer month keys, no per-revision allocation, and no
 * sort for sales that arrive sorted from the store.
 */
function monthStates(sales: readonly SalesRevision[], currency: string, asOf: CalendarDate): MonthState[] {
  const lastKey = monthKey(asOf);
  const states: MonthState[] = [];
  let i = 0;
  let key = sales.length ? monthKey(sales[0]!.month) : 0;
  while (i < sales.length) {
    const first = sales[i]!;
    if (key > lastKey) {
      // Later months do not count, but an earlier one further on means the input was not sorted.
      for (let m = i + 1; m < sales.length; m++)
        if (monthKey(sales[m]!.month) <= lastKey)
          return monthStates([...sales].sort(bySaleOrder), currency, asOf);
      break;
    }
    // Each sale's month key is computed once: this loop runs for every month of every check.
    let j = i;
    let nextKey = key;
    for (; j < sales.length; j++) {
      const s = sales[j]!;
      if (j > i) {
        nextKey = monthKey(s.month);
        if (nextKey !== key) break;
        if (withinMonth(sales[j - 1]!, s) > 0)
          return monthStates([...sales].sort(bySaleOrder), currency, asOf);
      }
      if (s.amount.currency !== currency)
        throw new RulesInputError(
          `sales for ${s.month} are in ${s.amount.currency}, but this marketplace counts sales in ${currency}`,
        );
    }
    if (j < sales.length && nextKey < key) return monthStates([...sales].sort(bySaleOrder), currency, asOf);
    let to = j;
    // Only in the as-of month can a value count from a later day: a month-to-date figure entered later is not known yet.
    if (key === lastKey) {
      const end = lastDayOf(first.month);
      while (to > i && countsFrom(sales[to - 1]!, end).on > asOf) to--;
    }
    if (to > i) states.push({ month: first.month, key, latest: sales[to - 1]!.amount, sales, from: i, to });
    i = j;
    key = nextKey;
  }
  return states;
}

/** The day a month is first known to be over `limit`, or undefined if its latest value is not over it. */
function overSince(
  state: MonthState,
  limitMinor: number,
): { on: CalendarDate; fromRecording: boolean } | undefined {
  if (state.latest.minor <= limitMinor) return undefined;
  for (let i = state.from; i < state.to; i++) {
    const s = state.sales[i]!;
    if (s.amount.minor > limitMinor) return countsFrom(s, lastDayOf(state.month));
  }
  return undefined;
}

/** The earliest day, within the rule's window and up to `asOf`, on which the rule's condition held. */
function thresholdTrigger(
  rule: ThresholdRule,
  months: MonthState[],
  asOf: CalendarDate,
): ThresholdTrigger | undefined {
  // Months from this key on begin after the rule ended (a rule ending mid-month keeps that month).
  const stopKey = rule.until
    ? monthKey(rule.until) + (rule.until.endsWith('-01') ? 0 : 1)
    : Number.POSITIVE_INFINITY;
  const k = rule.consecutiveMonths;
  // Counting the run instead of collecting it keeps this loop free of allocations: it is the hot path.
  let run = 0;
  for (let i = 0; i < months.length; i++) {
    const state = months[i]!;
    if (state.key >= stopKey) break;
    const over = overSince(state, rule.limitMinor);
    if (!over) {
      run = 0;
      continue;
    }
    run = run > 0 && months[i - 1]!.key + 1 === state.key ? run + 1 : 1;
    if (run < k) continue;
    // The first window met is the earliest: each month counts from a day inside it, so later
    // windows are met later, and a window met before the rule began counts from the rule's start.
    const window = months.slice(i - k + 1, i + 1);
    let met = over;
    for (const w of window) {
      const o = overSince(w, rule.limitMinor)!;
      if (o.on > met.on) met = o;
    }
    const on = rule.from ? maxDate(met.on, rule.from) : met.on;
    if (on > asOf || (rule.until && on >= rule.until)) return undefined;
    return {
      kind: 'threshold',
      on,
      rule,
      months: window.map((w) => w.month),
      fromRecording: met.fromRecording && on === met.on,
      fromRuleStart: on !== met.on,
    };
  }
  return undefined;
}

function chooseCoverage(
  facts: AccountFacts,
  asOf: CalendarDate,
): { coverage?: Coverage; lapsedOn?: CalendarDate } {
  const rank = { compliant: 0, incomplete: 1, deficient: 2 } as const;
  let coverage: Coverage | undefined;
  let lapsedOn: CalendarDate | undefined;
  for (const policy of facts.policies ?? []) {
    if (inForceOn(policy, asOf)) {
      const compliance = policyCompliance(policy, facts, asOf);
      if (!coverage || rank[compliance.verdict] < rank[coverage.compliance.verdict])
        coverage = { policy, compliance };
    } else if (policy.expiresOn <= asOf && (!lapsedOn || policy.expiresOn > lapsedOn)) {
      lapsedOn = policy.expiresOn;
    }
  }
  return coverage ? { coverage } : lapsedOn ? { lapsedOn } : {};
}

const APPROACHING_PERCENT = 80;

export function eligibility(facts: AccountFacts, asOf: CalendarDate): Eligibility {
  const info = MARKETPLACE_INFO[facts.marketplace];
  if (!info) throw new RulesInputError(`unknown marketplace "${facts.marketplace}"`);
  const months = monthStates(facts.sales, info.currency, asOf);
  const trace: TraceEntry[] = [];
  const reasons: string[] = [];

  let trigger: Trigger | undefined;
  for (const rule of thresholdRulesUpTo(facts.marketplace, asOf)) {
    const t = thresholdTrigger(rule, months, asOf);
    trace.push({
      rule,
      finding: t
        ? `met by ${t.months.join(', ')}${t.fromRuleStart ? `, counted from the rule's start on ${t.on}` : ''}`
        : 'not met',
    });
    if (t && (!trigger || t.on < trigger.on)) trigger = t;
  }

  const requests = facts.proofRequests?.length
    ? facts.proofRequests
        .filter((r) => r.requestedOn <= asOf)
        .sort((a, b) => a.requestedOn.localeCompare(b.requestedOn))
    : [];
  const firstRequest = requests[0];
  trace.push({
    rule: RULES.request,
    finding: firstRequest
      ? `Amazon asked for proof on ${requests.map((r) => r.requestedOn).join(', ')}`
      : 'Amazon has not asked for proof',
  });
  if (firstRequest && (!trigger || firstRequest.requestedOn < trigger.on))
    trigger = { kind: 'request', on: firstRequest.requestedOn, rule: RULES.request, request: firstRequest };

  const ruleNow = thresholdRuleOn(facts.marketplace, asOf);
  const limit = money(ruleNow?.limitMinor ?? 0, info.currency);
  const lastState = months[months.length - 1];
  const current = lastState?.month === monthOf(asOf) ? lastState : undefined;
  const sales = current?.latest ?? money(0, info.currency);
  const thisMonth = {
    month: monthOf(asOf),
    sales,
    recorded: current !== undefined,
    limit,
    percent: percentOf(sales, limit),
  };
  const headroom = money(Math.max(0, limit.minor - sales.minor), info.currency);
  const { coverage, lapsedOn } = chooseCoverage(facts, asOf);
  const insured = coverage !== undefined && coverage.compliance.verdict !== 'deficient';
  if (coverage || lapsedOn)
    trace.push({
      rule: RULES.term,
      finding: coverage
        ? `policy in force until ${coverage.policy.expiresOn} (${coverage.compliance.verdict})`
        : `last policy expired on ${lapsedOn}`,
    });

  if (!trigger) {
    const atLimit = ruleNow ? months.filter((m) => m.latest.minor === ruleNow.limitMinor) : [];
    const streak = ruleNow && ruleNow.consecutiveMonths > 1 ? currentStreak(months, ruleNow, asOf) : 0;
    let status: EligibilityStatus = 'not-required';
    reasons.push(
      `Not required: no month is over ${formatMoney(limit, { short: true })}${ruleNow && ruleNow.consecutiveMonths > 1 ? ` in ${ruleNow.consecutiveMonths} consecutive months` : ''} and Amazon has not asked for proof.`,
    );
    if (atLimit.length > 0) {
      status = 'at-threshold';
      trace.push({
        rule: RULES.atThreshold,
        finding: `${atLimit.map((m) => m.month).join(', ')} exactly at the threshold`,
      });
      reasons.push(
        `At the threshold: ${atLimit.map((m) => m.month).join(', ')} had exactly ${formatMoney(limit)} — not over it, but Amazon's own email said "reach", so treat this account as at risk.`,
      );
    } else if (thisMonth.percent >= APPROACHING_PERCENT || streak > 0) {
      status = 'approaching';
      if (thisMonth.percent >= APPROACHING_PERCENT)
        reasons.push(
          `Approaching: ${thisMonth.month} is at ${thisMonth.percent}% of the threshold; ${formatMoney(headroom)} more and insurance becomes required.`,
        );
      if (streak > 0)
        reasons.push(
          `Approaching: ${streak} consecutive month(s) over the threshold so far; ${ruleNow!.consecutiveMonths} trigger the requirement.`,
        );
    }
    return {
      asOf,
      marketplace: facts.marketplace,
      required: false,
      status,
      thisMonth,
      headroom,
      coverage,
      lapsedOn,
      requests,
      reasons,
      trace,
    };
  }

  const deadlineDays = trigger.kind === 'threshold' ? trigger.rule.deadlineDays : 30;
  const deadline = addDays(trigger.on, deadlineDays);
  const daysLeft = daysBetween(asOf, deadline);
  trace.push({ rule: RULES.deadline, finding: `triggered on ${trigger.on}; insurance due by ${deadline}` });
  reasons.push(describeTrigger(trigger, info.currency));
  const status: EligibilityStatus = insured ? 'insured' : daysLeft >= 0 ? 'deadline-running' : 'overdue';
  if (status === 'insured') {
    reasons.push(
      `Insured: a ${coverage!.compliance.verdict === 'compliant' ? 'compliant' : 'policy (some details not given)'} policy is in force until ${coverage!.policy.expiresOn}.`,
    );
  } else if (coverage) {
    reasons.push(
      `The policy in force is deficient, so it does not satisfy Amazon; fix it ${daysLeft >= 0 ? `by ${deadline}` : 'now'}.`,
    );
  } else if (lapsedOn) {
    reasons.push(`Not insured: the policy expired on ${lapsedOn}${daysLeft < 0 ? ' — overdue' : ''}.`);
  }
  if (status === 'deadline-running')
    reasons.push(`Insurance must be in force by ${deadline}: ${daysLeft} day(s) left.`);
  if (status === 'overdue' && !lapsedOn)
    reasons.push(`Overdue: insurance was due by ${deadline}, ${-daysLeft} day(s) ago.`);
  return {
    asOf,
    marketplace: facts.marketplace,
    required: true,
    status,
    trigger,
    deadline,
    daysLeft,
    thisMonth,
    headroom,
    coverage,
    lapsedOn,
    requests,
    reasons,
    trace: markDecisive(trace, trigger, ruleNow),
  };
}

/** How many months in a row, ending this month or last, are over the limit (for "approaching" under a multi-month rule). */
function currentStreak(months: MonthState[], rule: ThresholdRule, asOf: CalendarDate): number {
  let streak = 0;
  let expected: number | undefined;
  for (const state of months) {
    const over = overSince(state, rule.limitMinor);
    if (over && (expected === undefined || expected === state.key)) streak += 1;
    else streak = over ? 1 : 0;
    expected = state.key + 1;
  }
  const last = months[months.length - 1];
  const recent = last && last.key + 1 >= monthKey(asOf);
  return recent ? streak : 0;
}

function describeTrigger(trigger: Trigger, currency: string): string {
  if (trigger.kind === 'request')
    return `Required because Amazon asked for proof of insurance on ${trigger.on}, whatever the sales.`;
  const limit = formatMoney({ minor: trigger.rule.limitMinor, currency } as Money, { short: true });
  const months = trigger.months.join(', ');
  let text =
    trigger.rule.consecutiveMonths > 1
      ? `Required: sales exceeded ${limit} in ${trigger.rule.consecutiveMonths} consecutive months (${months}); triggered on ${trigger.on}.`
      : `Required: sales exceeded ${limit} in ${months}; triggered on ${trigger.on}.`;
  if (trigger.fromRuleStart)
    text += ` The one-month rule took effect on ${trigger.on}, and earlier months count, so the 30 days run from then.`;
  else if (trigger.fromRecording)
    text += ` That is the first day your records showed the month over; Amazon counts from the day sales actually exceeded the threshold, which may be earlier.`;
  else
    text += ` The records show the month over only once it had closed, so the trigger is its last day; Amazon counts from the day sales actually exceeded the threshold, which may be earlier.`;
  return text;
}
