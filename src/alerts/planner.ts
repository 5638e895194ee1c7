// The alert planner: from a tenant's records and an instant, the alerts due now. Pure. Each alert
// has a deterministic key (ids, never names: renaming an account must not re-send its alerts), so
// planning the same day twice, or catching up after downtime, yields the same keys and the outbox
// stores each once. Stages are caught up: a missed "7 days left" is sent on the next sweep while it
// is still the latest stage reached. Alerts carry findings and values, not words: they are rendered
// in the team's language when posted.
import { accountFacts } from '../app/facts.ts';
import type { MessageId } from '../i18n/index.ts';
import type { Tone } from '../reply.ts';
import { addDays, dateIn, daysBetween } from '../rules/calendar.ts';
import { claimOutcome } from '../rules/claims.ts';
import { type Eligibility, eligibility } from '../rules/eligibility.ts';
import { citedRules } from '../rules/explain.ts';
import type { Finding } from '../rules/findings.ts';
import type { Money } from '../rules/money.ts';
import { RulesInputError } from '../rules/months.ts';
import { inForceOn, policyCompliance } from '../rules/policy.ts';
import { continuedBy, fixedOnAccount, RENEWAL_NOTICE_DAYS, unverifiedFindings } from '../rules/standing.ts';
import { accountTimeZone, requireRule, ruleOn } from '../rules/table.ts';
import type { AccountState } from '../store/state.ts';

export const ALERT_KINDS = [
  'threshold-approaching',
  'threshold-exceeded',
  'proof-requested',
  'insurance-deadline',
  'insurance-overdue',
  'policy-not-uploaded',
  'policy-unverified',
  'policy-expiring',
  'policy-expired',
  'policy-deficient',
  'claim-due',
  // Not planned from the records: stored by the Amazon sync when a seller's token is refused.
  'amazon-disconnected',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertValue = string | number | Money;

/** An alert as data: rendered into a Reply (in the team's locale) only when it is posted. */
export interface PlannedAlert {
  readonly key: string;
  readonly kind: AlertKind;
  readonly tone: Tone;
  /** Values for the kind's title and next-step messages. */
  readonly values: Readonly<Record<string, AlertValue>>;
  /** What the engine found, shown as lines. */
  readonly findings: readonly Finding[];
  /** The ids of the rules cited. */
  readonly rules: readonly string[];
  /** The member to mention: the account's owner. */
  readonly owner?: string | undefined;
}

export interface PlanInput {
  /** Each account's days are counted in its own zone, else its store's (accountTimeZone). */
  readonly accounts: readonly AccountState[];
}

/**
 * One account whose records could not be planned: reported, never fatal to the sweep. A problem
 * the rules name (a sale in the wrong currency) carries its message id and values, so the team
 * reads it in its language; any other is kept as the error's text.
 */
export interface PlanProblem {
  readonly account: string;
  readonly problem: string;
  readonly id?: MessageId | undefined;
  readonly values?: Readonly<Record<string, string | number>> | undefined;
}

export interface Plan {
  readonly alerts: PlannedAlert[];
  readonly problems: PlanProblem[];
}

// When coverwatch reminds — its own schedule, not Amazon's rules: days before a deadline or expiry.
export const DEADLINE_STAGES = [14, 7, 3, 1, 0] as const;
export const EXPIRY_STAGES = [RENEWAL_NOTICE_DAYS, 30, 14, 7, 1, 0] as const;
export const CLAIM_STAGES = [3, 1, 0] as const;
/** An expired policy is announced if it lapsed this recently (older lapses show as "overdue"). */
export const RECENT_LAPSE_DAYS = 30;
/** Overdue reminders repeat this often. */
export const OVERDUE_EVERY_DAYS = 7;

/** The stage due when `daysLeft` days remain: the smallest stage at or above it, if any. */
export function dueStage(stages: readonly number[], daysLeft: number): number | undefined {
  if (daysLeft < 0) return undefined;
  // Stages are listed largest first, so the last one at or above the days left is the smallest.
  let due: number | undefined;
  for (const s of stages) if (s >= daysLeft) due = s;
  return due;
}

export function planAlerts(input: PlanInput, now: Date): Plan {
  const alerts: PlannedAlert[] = [];
  const problems: PlanProblem[] = [];
  for (const state of input.accounts) {
    // One account's unreadable records (a hand-edited row, a currency that no longer fits) must not
    // stop the alerts of the team's other accounts, nor of other teams.
    try {
      alerts.push(...planAccount(state, dateIn(accountTimeZone(state.account), now)));
    } catch (err) {
      problems.push({
        account: state.account.name,
        problem: err instanceof Error ? err.message : String(err),
        ...(err instanceof RulesInputError
          ? { id: `error.rules.${err.code}` as const, values: err.values }
          : {}),
      });
    }
  }
  return { alerts, problems };
}

function planAccount(state: AccountState, today: string): PlannedAlert[] {
  const { account } = state;
  const facts = accountFacts(state);
  const e = eligibility(facts, today);
  const out: PlannedAlert[] = [];
  const base = { account: account.name, accountId: account.id };
  const decisive = citedRules(e.trace).map((r) => r.id);
  const add = (
    key: string,
    kind: AlertKind,
    tone: Tone,
    values: Record<string, AlertValue>,
    findings: readonly Finding[],
    rules: readonly string[] = decisive,
  ) => out.push({ key, kind, tone, values: { ...base, ...values }, findings, rules, owner: account.owner });

  // This month near (or exactly at) a threshold whose crossing would make insurance required.
  const approaching = e.reasons.find(
    (f) =>
      f.code === 'eligibility.approaching' ||
      (f.code === 'eligibility.at-threshold' && f.values.months.includes(e.thisMonth.month)),
  );
  if (!e.required && approaching && e.standing.kind !== 'proof-on-file')
    add(
      `threshold-approaching/${account.id}/${e.thisMonth.month}`,
      'threshold-approaching',
      'warn',
      { month: e.thisMonth.month, percent: e.thisMonth.percent, limit: e.thisMonth.limit },
      [approaching, ...e.reasons.filter((f) => f.code === 'eligibility.pace-passed')],
    );

  if (e.required) planRequired(e, state, today, add);

  for (const policy of state.policies) {
    const compliance = policyCompliance(policy, facts, today);
    // Keys use the internal id (stable forever); the words use the team's number for the policy.
    const values = { policy: policy.number, expiresOn: policy.expiresOn };
    const failing = compliance.results.filter((r) => r.outcome === 'fail' && !r.advisory);
    if (compliance.verdict === 'deficient' && policy.expiresOn > today)
      add(
        `policy-deficient/${policy.id}/v${policy.version}`,
        'policy-deficient',
        'danger',
        values,
        failing.map((r) => r.finding),
        failing.map((r) => r.rule.id),
      );
    const missing = compliance.results.filter((r) => r.outcome === 'unknown' && !r.advisory);
    if (e.required && compliance.verdict === 'unverified' && inForceOn(policy, today))
      add(
        `policy-unverified/${policy.id}/v${policy.version}`,
        'policy-unverified',
        'warn',
        // What to do next depends on what is missing: the certificate's details, or the account's legal name.
        {
          ...values,
          fix: missing.some((r) => !fixedOnAccount(r.finding)) ? 'policy' : 'account',
        },
        unverifiedFindings(policy.number, compliance),
        missing.map((r) => r.rule.id),
      );
    // A policy that starts on or before this one expires and runs past it continues the coverage.
    if (continuedBy(state.policies, policy)) continue;
    const left = daysBetween(today, policy.expiresOn);
    const term = requireRule('policy-term', account.marketplace, today).id;
    const stage = policy.effectiveOn <= today ? dueStage(EXPIRY_STAGES, left) : undefined;
    if (stage !== undefined)
      add(
        `policy-expiring/${policy.id}/${stage}d`,
        'policy-expiring',
        left <= 7 ? 'danger' : 'warn',
        { ...values, daysLeft: left },
        [],
        [term],
      );
    if (left < 0 && -left <= RECENT_LAPSE_DAYS && !state.policies.some((p) => inForceOn(p, today)))
      add(
        `policy-expired/${policy.id}`,
        'policy-expired',
        e.required ? 'danger' : 'warn',
        { ...values, required: e.required ? 'yes' : 'no' },
        [],
        [term],
      );
  }

  for (const claim of state.claims) {
    // Stryker disable next-line ConditionalExpression: a shortcut; claimOutcome gives a closed claim no deadline
    if (claim.status === 'closed') continue;
    const outcome = claimOutcome(claim, facts, today);
    const due = outcome.nextDeadline;
    if (!due) continue;
    const stage = dueStage(CLAIM_STAGES, due.daysLeft);
    if (stage === undefined) continue;
    add(
      `claim-due/${claim.amazonClaimId}/${due.on}/${stage}d`,
      'claim-due',
      'danger',
      {
        claim: claim.amazonClaimId,
        what: due.what,
        on: due.on,
        daysLeft: due.daysLeft,
        amount: claim.amount,
        kind: claim.kind,
        noticeOn: claim.noticeOn,
      },
      outcome.ifNothing ? [outcome.ifNothing] : [],
      citedRules(outcome.trace).map((r) => r.id),
    );
  }
  return out;
}

type Add = (
  key: string,
  kind: AlertKind,
  tone: Tone,
  values: Record<string, AlertValue>,
  findings: readonly Finding[],
  rules?: readonly string[],
) => void;

/** Alerts of an account that is required to be insured: the trigger, Amazon's request, the deadline, proof. */
function planRequired(
  e: Extract<Eligibility, { required: true }>,
  state: AccountState,
  today: string,
  add: Add,
): void {
  const { account } = state;
  const id = account.id;
  const deadlineValues = { deadline: e.deadline, daysLeft: e.daysLeft };
  // Announced only when the threshold is the trigger (a request earlier than it is the proof-requested alert).
  const trigger = e.reasons.filter((f) => f.code === 'eligibility.threshold-met');
  const wording = ruleOn('additional-insured', account.marketplace, today)?.wording ?? 'none';
  const covered = e.standing.kind !== 'not-insured';
  // The policy in force, by the team's number: what the next step names when there is one.
  const inForce: Record<string, AlertValue> = covered ? { policy: e.standing.coverage?.policy.id ?? 0 } : {};

  if (e.trigger.kind === 'threshold' && e.daysLeft >= 0 && e.status !== 'proof-on-file')
    add(
      `threshold-exceeded/${id}/${e.trigger.on}`,
      'threshold-exceeded',
      'danger',
      { ...deadlineValues, wording, covered: covered ? 'yes' : 'no', ...inForce },
      trigger,
    );

  // Amazon's request is announced while its clock runs.
  const window = requireRule('deadline', account.marketplace, today).days;
  for (const r of e.requests)
    if (daysBetween(r.requestedOn, today) <= window)
      add(
        `proof-requested/${id}/${r.requestedOn}`,
        'proof-requested',
        e.status === 'proof-on-file' ? 'info' : 'danger',
        { requestedOn: r.requestedOn, deadline: e.deadline, covered: covered ? 'yes' : 'no', ...inForce },
        [],
        [
          requireRule('request', account.marketplace, r.requestedOn).id,
          requireRule('deadline', account.marketplace, r.requestedOn).id,
        ],
      );

  // An unverified policy has an alert of its own (below, per policy): not repeated in these.
  const standingFindings = e.reasons.filter(
    (f) =>
      f.code.startsWith('standing.') &&
      f.code !== 'standing.unverified' &&
      f.code !== 'standing.no-legal-name',
  );
  if (e.status === 'not-uploaded') {
    // In force, but Amazon has no proof: say so at once, then on the deadline's stages, then weekly.
    const number = e.standing.coverage!.policy.id;
    const policy = state.policies.find((p) => p.number === number)!;
    const stage = stageKey(e.deadline, e.daysLeft, today);
    add(
      `policy-not-uploaded/${policy.id}/${e.deadline}/${stage}`,
      'policy-not-uploaded',
      e.daysLeft <= 3 ? 'danger' : 'warn',
      { ...deadlineValues, policy: policy.number },
      standingFindings,
    );
  }
  if (covered) return;
  const stage = dueStage(DEADLINE_STAGES, e.daysLeft);
  if (stage !== undefined)
    add(
      `insurance-deadline/${id}/${e.deadline}/${stage}d`,
      'insurance-deadline',
      e.daysLeft <= 3 ? 'danger' : 'warn',
      deadlineValues,
      standingFindings,
    );
  if (e.daysLeft < 0) {
    // Weekly from the first uninsured day: the day after the deadline, or the day a later policy lapsed.
    const lapsed = e.standing.lapsedOn;
    const firstDay = lapsed && lapsed > e.deadline ? lapsed : addDays(e.deadline, 1);
    const week = Math.floor(daysBetween(firstDay, today) / OVERDUE_EVERY_DAYS);
    add(
      `insurance-overdue/${id}/${firstDay}/w${week}`,
      'insurance-overdue',
      'danger',
      { ...deadlineValues, since: firstDay },
      [...trigger, ...standingFindings],
    );
  }
}

/** "now" before the first deadline stage, "7d" on a stage, "w2" weekly after the deadline. */
function stageKey(deadline: string, daysLeft: number, today: string): string {
  if (daysLeft < 0) return `w${Math.floor(daysBetween(addDays(deadline, 1), today) / OVERDUE_EVERY_DAYS)}`;
  const stage = dueStage(DEADLINE_STAGES, daysLeft);
  return stage === undefined ? 'now' : `${stage}d`;
}
