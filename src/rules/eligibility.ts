// Is an account required to carry product liability insurance on a given day, since when, by what
// deadline, and where does it stand? Pure: facts and a date in; a decision with its findings and the
// rules that decided it out. The wording lives in the message catalogue.
import {
  addDays,
  type CalendarDate,
  daysBetween,
  lastDayOf,
  type Month,
  maxDate,
  monthOf,
} from './calendar.ts';
import type { Finding, TraceEntry, TriggerBasis } from './findings.ts';
import { type Money, money, percentOf } from './money.ts';
import {
  countsFrom,
  type MonthState,
  monthKey,
  monthStates,
  overSince,
  paceCrossing,
  RulesInputError,
  type SalesRevision,
} from './months.ts';
import { type AccountIdentity, FIELD_TOPICS } from './policy.ts';
import { type PolicyOnFile, type Standing, standingOn, unverifiedFindings } from './standing.ts';
import {
  MARKETPLACE_CURRENCY,
  RULE_TABLE,
  type Rule,
  type RuleOf,
  requireRule,
  ruleOn,
  rulesOf,
  type ThresholdRule,
} from './table.ts';

export { RulesInputError, type SalesRevision } from './months.ts';

export interface ProofRequest {
  readonly requestedOn: CalendarDate;
  readonly note?: string | undefined;
}

export interface AccountFacts extends AccountIdentity {
  readonly sales: readonly SalesRevision[];
  readonly proofRequests?: readonly ProofRequest[] | undefined;
  readonly policies?: readonly PolicyOnFile[] | undefined;
}

export type Trigger =
  | {
      readonly kind: 'threshold';
      readonly on: CalendarDate;
      readonly rule: ThresholdRule;
      /** The months over the threshold that met the rule. */
      readonly months: readonly Month[];
      readonly basis: TriggerBasis;
    }
  | {
      readonly kind: 'request';
      readonly on: CalendarDate;
      readonly rule: RuleOf<'request'>;
      readonly request: ProofRequest;
    };

type ThresholdTrigger = Extract<Trigger, { kind: 'threshold' }>;

export interface ThisMonth {
  readonly month: Month;
  readonly sales: Money;
  /** False when nothing is recorded for the month yet (sales then read zero). */
  readonly recorded: boolean;
  readonly limit: Money;
  readonly percent: number;
  /**
   * The day the month's figure runs through (a month-to-date or daily total), if recorded: never
   * after the as-of day, since a figure counts only once recorded (test/rules/properties.test.ts).
   */
  readonly through: CalendarDate | undefined;
}

interface Common {
  readonly asOf: CalendarDate;
  readonly marketplace: AccountIdentity['marketplace'];
  readonly thisMonth: ThisMonth;
  /** The threshold row in force on the as-of day, if the marketplace has one then. */
  readonly thresholdRule: ThresholdRule | undefined;
  /** Sales that would make this month exceed the threshold; zero once over. */
  readonly headroom: Money;
  /** The one insurance standing on the as-of day. */
  readonly standing: Standing;
  /** Proof requests made on or before `asOf`, earliest first. */
  readonly requests: readonly ProofRequest[];
  /** What the answer says, in order. */
  readonly reasons: readonly Finding[];
  /** Every rule consulted, what it found, and whether it decided the answer. */
  readonly trace: readonly TraceEntry[];
}

export type RequiredStatus = 'proof-on-file' | 'not-uploaded' | 'deadline-running' | 'overdue';
export type NotRequiredStatus = 'not-required' | 'approaching' | 'at-threshold';
export type EligibilityStatus = RequiredStatus | NotRequiredStatus;

export type Eligibility =
  | (Common & { readonly required: false; readonly status: NotRequiredStatus })
  | (Common & {
      readonly required: true;
      readonly status: RequiredStatus;
      readonly trigger: Trigger;
      readonly deadline: CalendarDate;
      /** Days from `asOf` to the deadline; negative once it has passed. */
      readonly daysLeft: number;
    });

/**
 * The earliest day, within the rule's window, on which the rule's condition held. `months` are as
 * the records showed them on the as-of day, so every day found is on or before it.
 */
function thresholdTrigger(rule: ThresholdRule, months: readonly MonthState[]): ThresholdTrigger | undefined {
  // Months from this key on begin after the rule ended (a rule ending mid-month keeps that month).
  const stopKey = rule.until
    ? monthKey(rule.until) + (rule.until.endsWith('-01') ? 0 : 1)
    : Number.POSITIVE_INFINITY;
  const k = rule.months;
  const limit = rule.amount.minor;
  // Counting the run instead of collecting it keeps this loop free of allocations: it is the hot path.
  let run = 0;
  for (let i = 0; i < months.length; i++) {
    const state = months[i]!;
    if (state.key >= stopKey) break;
    const over = overSince(state, limit);
    if (!over) {
      run = 0;
      continue;
    }
    run = run > 0 && months[i - 1]!.key + 1 === state.key ? run + 1 : 1;
    if (run < k) continue;
    // The first window met is the earliest, and it is met on its last month's day: each month counts
    // from a day inside it, so a later month's day is later. A window met before the rule began
    // counts from the rule's start.
    const window = months.slice(i - k + 1, i + 1);
    const met = over;
    const on = rule.from ? maxDate(met.on, rule.from) : met.on;
    if (rule.until && on >= rule.until) return undefined;
    return {
      kind: 'threshold',
      on,
      rule,
      months: window.map((w) => w.month),
      basis: on !== met.on ? 'rule-start' : met.basis,
    };
  }
  return undefined;
}

/** Consecutive months over `limit` ending with the month whose key is `lastKey`. */
function runEndingAt(months: readonly MonthState[], lastKey: number, limit: number): number {
  let run = 0;
  let expected = lastKey;
  for (let i = months.length - 1; i >= 0; i--) {
    const s = months[i]!;
    if (s.key > expected) continue;
    if (s.key !== expected || !overSince(s, limit)) break;
    run++;
    expected--;
  }
  return run;
}

const second = (rule: Rule | undefined) => rule?.confidence === 'second-hand';

export function eligibility(facts: AccountFacts, asOf: CalendarDate): Eligibility {
  const decision = decide(facts, asOf);
  const eve = eveOfChange(facts, asOf, decision.required);
  // `reasons` was made by decide() a moment ago: append in place (this runs on every check).
  if (eve) (decision.reasons as Finding[]).push(eve);
  return decision;
}

function decide(facts: AccountFacts, asOf: CalendarDate): Eligibility {
  const m = facts.marketplace;
  const currency = MARKETPLACE_CURRENCY[m];
  if (!currency) throw new RulesInputError('marketplace', { marketplace: String(m) });
  const months = monthStates(facts.sales, currency, asOf);
  const trace: TraceEntry[] = [];
  const reasons: Finding[] = [];

  let trigger: Trigger | undefined;
  const ruleNow = ruleOn('threshold', m, asOf);
  for (const rule of rulesOf('threshold', m)) {
    if (rule.from !== null && rule.from > asOf) continue;
    const t = thresholdTrigger(rule, months);
    // An earlier row that did not trigger has no say today: only the row in force is consulted then.
    if (!t && rule !== ruleNow) continue;
    // Rows come in date order and a row triggers only within its own period, so the first row that
    // triggers triggers earliest.
    if (t && !trigger) trigger = t;
    trace.push({
      rule,
      // Stryker disable next-line BooleanLiteral: a placeholder, set below once the trigger is known
      decisive: false,
      finding: t
        ? {
            code: 'eligibility.threshold-met',
            values: {
              limit: rule.amount,
              months: [...t.months],
              count: rule.months,
              on: t.on,
              basis: t.basis,
            },
          }
        : { code: 'eligibility.not-required', values: { limit: rule.amount, count: rule.months } },
    });
  }

  const requests = facts.proofRequests?.length
    ? facts.proofRequests
        .filter((r) => r.requestedOn <= asOf)
        .sort((a, b) => a.requestedOn.localeCompare(b.requestedOn))
    : [];
  const firstRequest = requests[0];
  const requestRule = requireRule('request', m, firstRequest?.requestedOn ?? asOf);
  const requestFinding: Finding = firstRequest
    ? {
        code: 'eligibility.request',
        values: {
          on: firstRequest.requestedOn,
          dates: requests.map((r) => r.requestedOn),
          count: requests.length,
        },
      }
    : { code: 'eligibility.no-request', values: {} };
  if (firstRequest && (!trigger || firstRequest.requestedOn < trigger.on))
    trigger = { kind: 'request', on: firstRequest.requestedOn, rule: requestRule, request: firstRequest };

  const limit = ruleNow?.amount ?? money(0, currency);
  const lastState = months[months.length - 1];
  const current = lastState?.month === monthOf(asOf) ? lastState : undefined;
  const sales = current?.latest ?? money(0, currency);
  const thisMonth: ThisMonth = {
    month: monthOf(asOf),
    sales,
    recorded: current !== undefined,
    limit,
    percent: ruleNow ? percentOf(sales, limit) : 0,
    through: current ? countsFrom(current.sales[current.to - 1]!, lastDayOf(current.month)).on : undefined,
  };
  const headroom = money(ruleNow ? Math.max(0, limit.minor - sales.minor + 1) : 0, currency);
  const standing = standingOn(facts, asOf);
  // Decisions are built as literals with every field named, never by spreading a shared part: this
  // runs on every check, and V8 turns spread-then-extend literals into slow dictionary objects.
  const notRequired = (status: NotRequiredStatus): Eligibility => ({
    asOf,
    marketplace: m,
    thisMonth,
    thresholdRule: ruleNow,
    headroom,
    standing,
    requests,
    reasons,
    trace,
    required: false,
    status,
  });

  if (!trigger) {
    // Decisive: the threshold row in force, not met (with no trigger it is the only row in the
    // trace), and Amazon not having asked (any request on or before today would have triggered).
    for (const t of trace) (t as { decisive: boolean }).decisive = true;
    trace.push({ rule: requestRule, finding: requestFinding, decisive: true });
    if (!ruleNow) {
      const next = ruleOnOrAfter(m, asOf);
      reasons.push({ code: 'eligibility.no-rule', values: { starts: next?.from ?? 'none' } });
      return finish(notRequired('not-required'), []);
    }
    reasons.push({ code: 'eligibility.not-required', values: { limit, count: ruleNow.months } });
    let status: NotRequiredStatus = 'not-required';
    const atLimit = months.filter((s) => s.latest.minor === ruleNow.amount.minor);
    const atRule = ruleOn('at-threshold', m, asOf);
    if (atLimit.length > 0 && atRule) {
      status = 'at-threshold';
      const finding: Finding = {
        code: 'eligibility.at-threshold',
        values: { months: atLimit.map((s) => s.month), limit },
      };
      reasons.push(finding);
      trace.push({ rule: atRule, finding, decisive: true });
    } else {
      const advice = approachingAdvice(months, ruleNow, thisMonth, headroom, asOf);
      if (advice) {
        status = 'approaching';
        reasons.push(advice.finding);
        trace.push({ rule: advice.rule, finding: advice.finding, decisive: true });
        if (advice.passed) reasons.push(advice.passed);
      }
    }
    return finish(notRequired(status), []);
  }

  const deadlineRule = requireRule('deadline', m, trigger.on);
  const deadline = addDays(trigger.on, deadlineRule.days);
  const daysLeft = daysBetween(asOf, deadline);
  // Decisive: the rule that triggered, the request rule only if Amazon's request came first, the deadline.
  // (A request's rule is never among the threshold rows: with a request trigger none is decisive.)
  for (const t of trace) (t as { decisive: boolean }).decisive = t.rule === trigger.rule;
  if (trigger.kind === 'request') {
    reasons.push(requestFinding);
    trace.push({ rule: trigger.rule, finding: requestFinding, decisive: true });
  } else {
    // The trigger's row is the first in the trace (see above).
    reasons.push(trace[0]!.finding);
    if (requests.length) trace.push({ rule: requestRule, finding: requestFinding, decisive: false });
    // An old trigger still binds: say so when the latest month no longer shows sales over the line.
    const latestOver = lastState && overSince(lastState, trigger.rule.amount.minor);
    const term = ruleOn('obligation-term', m, asOf);
    // (A trigger month is over, so a latest month that is not over is a later one.)
    if (term && lastState && !latestOver) {
      const finding: Finding = { code: 'eligibility.obligation-continues', values: { since: trigger.on } };
      reasons.push(finding);
      trace.push({ rule: term, finding, decisive: true });
    }
  }
  const deadlineFinding: Finding =
    daysLeft >= 0
      ? { code: 'eligibility.deadline', values: { deadline, daysLeft } }
      : { code: 'eligibility.overdue', values: { deadline, daysAgo: -daysLeft } };
  trace.push({ rule: deadlineRule, finding: deadlineFinding, decisive: true });

  const status: RequiredStatus =
    standing.kind === 'proof-on-file'
      ? 'proof-on-file'
      : standing.kind === 'not-uploaded'
        ? 'not-uploaded'
        : daysLeft >= 0
          ? 'deadline-running'
          : 'overdue';
  const standingFindings = describeStanding(standing, deadline, daysLeft);
  if (status === 'deadline-running' || status === 'overdue') reasons.push(deadlineFinding);
  const decision: Eligibility = {
    asOf,
    marketplace: m,
    thisMonth,
    thresholdRule: ruleNow,
    headroom,
    standing,
    requests,
    reasons,
    trace,
    required: true,
    status,
    trigger,
    deadline,
    daysLeft,
  };
  const upload = ruleOn('upload', m, asOf);
  if (upload && standing.kind !== 'not-insured')
    trace.push({ rule: upload, finding: standingFindings[0]!, decisive: true });
  if (standing.reason === 'lapsed')
    trace.push({ rule: requireRule('policy-term', m, asOf), finding: standingFindings[0]!, decisive: true });
  if (standing.reason === 'deficient')
    for (const r of standing.coverage!.compliance.results)
      if (r.outcome === 'fail' && !r.advisory)
        trace.push({ rule: r.rule, finding: r.finding, decisive: true });
  return finish(decision, standingFindings);
}

/** Standing as findings: what is in force, whether Amazon has proof, and what is missing or coming. */
export function describeStanding(
  standing: Standing,
  deadline: CalendarDate | undefined,
  daysLeft: number | undefined,
): Finding[] {
  const out: Finding[] = [];
  const c = standing.coverage;
  const id = (p: { id?: number | undefined }) => p.id ?? 0;
  if (standing.kind === 'proof-on-file' && c)
    out.push({
      code: 'standing.proof-on-file',
      values: { policy: id(c.policy), expiresOn: c.policy.expiresOn, uploadedOn: c.policy.uploadedOn! },
    });
  else if (standing.kind === 'not-uploaded' && c)
    out.push({
      code: 'standing.not-uploaded',
      values: { policy: id(c.policy), expiresOn: c.policy.expiresOn },
    });
  // (Checking the reason is belt and braces: coverage is set only for proof on file, not uploaded
  // and deficient. A disable note cannot reach an `else if`, so its mutant is listed as equivalent.)
  else if (standing.reason === 'deficient' && c)
    out.push({
      code: 'standing.deficient',
      values: { policy: id(c.policy), by: deadline && (daysLeft ?? 0) >= 0 ? deadline : 'now' },
    });
  else if (standing.lapsedOn) out.push({ code: 'standing.lapsed', values: { lapsedOn: standing.lapsedOn } });
  else if (standing.reason === 'none') out.push({ code: 'standing.none', values: {} });
  if (c && c.compliance.verdict === 'unverified') out.push(...unverifiedFindings(id(c.policy), c.compliance));
  const up = standing.upcoming;
  // A policy that starts later is shown (never "none on file"); it matters most when it starts after the deadline.
  if (up && standing.kind === 'not-insured')
    out.push({
      code: 'standing.starts-later',
      values: {
        policy: id(up),
        effectiveOn: up.effectiveOn,
        // "After the deadline" matters while the deadline is ahead; past it the gap has begun.
        // Stryker disable next-line UnaryOperator: a deadline always comes with its daysLeft
        deadline: deadline && (daysLeft ?? -1) >= 0 && up.effectiveOn > deadline ? deadline : 'none',
      },
    });
  return out;
}

/** Adds the standing findings and the notes every answer of a second-hand marketplace carries. */
function finish(decision: Eligibility, standingFindings: readonly Finding[]): Eligibility {
  // The decision and its reasons were built by decide() for this call alone: complete them in place.
  const reasons = decision.reasons as Finding[];
  if (decision.required) reasons.push(...standingFindings);
  else if (decision.standing.coverage || decision.standing.upcoming)
    reasons.push(...describeStanding(decision.standing, undefined, undefined));
  if (decision.trace.some((t) => t.decisive && second(t.rule)))
    reasons.push({ code: 'eligibility.second-hand', values: {} });
  const notEncoded = notEncodedTopics(decision.marketplace, decision.asOf);
  if (notEncoded.length) reasons.push({ code: 'eligibility.not-encoded', values: { topics: notEncoded } });
  return decision;
}

/** Policy requirements Amazon has that the table does not encode for a marketplace on a day. */
export function notEncodedTopics(marketplace: AccountIdentity['marketplace'], asOf: CalendarDate) {
  return FIELD_TOPICS.filter((t) => !ruleOn(t, marketplace, asOf));
}

function ruleOnOrAfter(
  marketplace: AccountIdentity['marketplace'],
  asOf: CalendarDate,
): ThresholdRule | undefined {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: asked only when no row is in force on asOf, so every later row starts after it
  return rulesOf('threshold', marketplace).find((r) => r.from !== null && r.from > asOf);
}

/**
 * What to tell an account that is not required yet. Under a one-month rule, this month's headroom;
 * under a rule of several consecutive months, crossing this month only matters once the months
 * before it were over too, so the advice says how many are still needed.
 */
function approachingAdvice(
  months: readonly MonthState[],
  rule: ThresholdRule,
  thisMonth: ThisMonth,
  headroom: Money,
  asOf: CalendarDate,
): { finding: Finding; rule: Rule; passed?: Finding | undefined } | undefined {
  const approaching = requireRule('approaching', rule.marketplaces[0]!, asOf);
  const high = thisMonth.percent >= approaching.percent;
  const currentKey = monthKey(asOf);
  const limit = rule.amount.minor;
  const before = runEndingAt(months, currentKey - 1, limit);
  // Stryker disable next-line EqualityOperator: a month exactly at the limit is answered "at the threshold" before this is asked
  const overNow = thisMonth.sales.minor > limit;
  // One month more makes it required. (A one-month rule always lands here when high: a month over
  // would have triggered.)
  if (!overNow && high && before >= rule.months - 1) {
    const through = thisMonth.through;
    const pace = through ? paceCrossing(thisMonth.sales, through, rule.amount) : undefined;
    // A projected day already behind us is no forecast: the figure is older than the crossing.
    const passed = pace !== undefined && pace < asOf;
    return {
      finding: {
        code: 'eligibility.approaching',
        values: {
          month: thisMonth.month,
          percent: thisMonth.percent,
          headroom,
          limit: rule.amount,
          pace: pace === undefined || passed ? 'none' : pace,
        },
      },
      rule: approaching,
      passed: passed
        ? { code: 'eligibility.pace-passed', values: { limit: rule.amount, pace, through: through! } }
        : undefined,
    };
  }
  const streak = before + (overNow ? 1 : 0);
  if (streak === 0 && !high) return undefined;
  return {
    finding: {
      code: 'eligibility.streak',
      values: { streak, count: rule.months, month: thisMonth.month, percent: thisMonth.percent },
    },
    rule,
  };
}

/** On the eve of a rule change: which rows change tomorrow, and whether the answer changes with them. */
function eveOfChange(facts: AccountFacts, asOf: CalendarDate, requiredToday: boolean): Finding | undefined {
  const tomorrow = addDays(asOf, 1);
  const changing = changingOn(facts.marketplace, tomorrow);
  if (!changing) return undefined;
  const requiredTomorrow = decide(facts, tomorrow).required;
  return {
    code: 'eligibility.eve',
    values: {
      date: tomorrow,
      rules: changing,
      effect: !requiredToday && requiredTomorrow ? 'becomes-required' : 'unchanged',
    },
  };
}

// Days on which some row that bears on a check starts or stops, per marketplace (claim rows do not:
// they are cited by claim answers). Checked on every answer, so precomputed.

const CHANGE_DAYS = new Map<string, string[]>();
for (const r of RULE_TABLE.filter((r) => r.topic !== 'az-start' && !r.topic.startsWith('claim-'))) {
  for (const day of [r.from, r.until]) {
    // Stryker disable next-line ConditionalExpression: an open end is not a day; its key is never asked for
    if (!day) continue;
    for (const m of r.marketplaces) {
      const key = `${m}|${day}`;
      CHANGE_DAYS.set(key, [...(CHANGE_DAYS.get(key) ?? []), r.id]);
    }
  }
}

function changingOn(marketplace: string, day: CalendarDate): string[] | undefined {
  return CHANGE_DAYS.get(`${marketplace}|${day}`);
}
