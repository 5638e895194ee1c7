// The alert planner: from a tenant's records and an instant, the alerts due now. Pure. Each alert
// has a deterministic key, so planning the same day twice (or catching up after downtime) yields
// the same keys and the outbox stores each once. Stages are caught up: a missed "7 days left"
// sweep is sent on the next sweep while it is still the latest stage reached.

import { accountFacts, claimStanding } from '../app/facts.ts';
import type { Reply, Tone } from '../reply.ts';
import { addDays, dateIn, daysBetween } from '../rules/calendar.ts';
import { claimOutcome } from '../rules/claims.ts';
import { eligibility } from '../rules/eligibility.ts';
import { citation, citations } from '../rules/explain.ts';
import { formatMoney } from '../rules/money.ts';
import { inForceOn, policyCompliance } from '../rules/policy.ts';
import { RULES, thresholdRuleOn } from '../rules/table.ts';
import type { AccountState } from '../store/state.ts';

const ALERT_KINDS = [
  'threshold-approaching',
  'threshold-exceeded',
  'proof-requested',
  'insurance-deadline',
  'insurance-overdue',
  'policy-expiring',
  'policy-expired',
  'policy-deficient',
  'claim-due',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface PlannedAlert {
  readonly key: string;
  readonly kind: AlertKind;
  readonly reply: Reply;
}

export interface PlanInput {
  readonly timeZone: string;
  readonly accounts: readonly AccountState[];
  /** How the tenant's platform mentions a member. */
  readonly mention: (userId: string) => string;
}

export const DEADLINE_STAGES = [14, 7, 3, 1, 0] as const;
export const EXPIRY_STAGES = [60, 30, 14, 7, 1, 0] as const;
export const CLAIM_STAGES = [3, 1, 0] as const;
export const APPROACHING_PERCENT = 80;
/** An expired policy is announced if it lapsed this recently (older lapses show as "overdue"). */
const RECENT_LAPSE_DAYS = 30;

/** The stage due when `daysLeft` days remain: the smallest stage at or above it, if any. */
export function dueStage(stages: readonly number[], daysLeft: number): number | undefined {
  if (daysLeft < 0) return undefined;
  let due: number | undefined;
  for (const s of stages) if (s >= daysLeft && (due === undefined || s < due)) due = s;
  return due;
}

const when = (days: number) => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`);

export function planAlerts(input: PlanInput, now: Date): PlannedAlert[] {
  const alerts: PlannedAlert[] = [];
  for (const state of input.accounts)
    alerts.push(...planAccount(state, dateIn(state.account.timeZone ?? input.timeZone, now), input.mention));
  return alerts;
}

function planAccount(state: AccountState, today: string, mention: (id: string) => string): PlannedAlert[] {
  const { account } = state;
  const name = account.name;
  const facts = accountFacts(state);
  const e = eligibility(facts, today);
  const out: PlannedAlert[] = [];
  const owner = account.owner ? [`${mention(account.owner)}`] : [];
  const add = (
    key: string,
    kind: AlertKind,
    title: string,
    tone: Tone,
    lines: string[],
    cited = citations(e.trace),
  ) => out.push({ key, kind, reply: { title, tone, lines: [...owner, ...lines], citations: cited } });

  const compliantInForce = e.coverage?.compliance.verdict === 'compliant';
  if (
    !e.required &&
    !compliantInForce &&
    e.thisMonth.recorded &&
    e.thisMonth.percent >= APPROACHING_PERCENT &&
    e.thisMonth.sales.minor <= e.thisMonth.limit.minor
  ) {
    const rule = thresholdRuleOn(account.marketplace, today);
    add(
      `threshold-approaching/${name}/${e.thisMonth.month}`,
      'threshold-approaching',
      `${name} is at ${e.thisMonth.percent}% of the ${formatMoney(e.thisMonth.limit, { short: true })} threshold in ${e.thisMonth.month}`,
      'warn',
      [
        `${formatMoney(e.headroom)} more this month and product liability insurance becomes required, with 30 days to get it.`,
        'Next: get a quote now, so a policy can start in time.',
      ],
      rule ? [citation(rule)] : [],
    );
  }

  if (e.required && e.trigger && e.deadline && e.daysLeft !== undefined) {
    const insured = e.status === 'insured';
    if (e.trigger.kind === 'threshold' && e.daysLeft >= 0 && !insured)
      add(
        `threshold-exceeded/${name}/${e.trigger.on}`,
        'threshold-exceeded',
        `${name} must now carry product liability insurance`,
        'danger',
        [
          ...e.reasons.slice(0, 1),
          `Insurance must be in force by ${e.deadline} (${e.daysLeft} day(s) left).`,
          `Next: buy a policy naming "Amazon.com Services LLC and its affiliates and assignees" as additional insured, then /insurance policy add ${name} …`,
        ],
      );
    for (const r of e.requests)
      if (daysBetween(r.requestedOn, today) <= 30)
        add(
          `proof-requested/${name}/${r.requestedOn}`,
          'proof-requested',
          `Amazon asked ${name} for proof of insurance on ${r.requestedOn}`,
          insured ? 'info' : 'danger',
          [
            insured
              ? 'A policy is on file: upload its certificate in Seller Central if you have not, then /insurance policy uploaded <#>.'
              : `Insurance is required whatever the sales: it must be in force by ${e.deadline}.`,
          ],
          [citation(RULES.request), citation(RULES.deadline)],
        );
    if (!insured) {
      const stage = dueStage(DEADLINE_STAGES, e.daysLeft);
      if (stage !== undefined)
        add(
          `insurance-deadline/${name}/${e.deadline}/${stage}d`,
          'insurance-deadline',
          `${name}: insurance due ${when(e.daysLeft)} (by ${e.deadline})`,
          e.daysLeft <= 3 ? 'danger' : 'warn',
          [
            ...e.reasons.slice(1),
            `Next: put a compliant policy in force and record it with /insurance policy add ${name}.`,
          ],
        );
      if (e.daysLeft < 0) {
        // Weekly from the first uninsured day: the day after the deadline, or the day a later policy lapsed.
        const firstDay = e.lapsedOn && e.lapsedOn > e.deadline ? e.lapsedOn : addDays(e.deadline, 1);
        const week = Math.floor(daysBetween(firstDay, today) / 7);
        add(
          `insurance-overdue/${name}/${firstDay}/w${week}`,
          'insurance-overdue',
          `${name}: insurance overdue since ${firstDay}`,
          'danger',
          [
            ...e.reasons,
            `Next: Amazon may suspend selling privileges; put a compliant policy in force and record it with /insurance policy add ${name}.`,
          ],
        );
      }
    }
  }

  for (const policy of state.policies) {
    const compliance = policyCompliance(policy, facts, today);
    const label = `Policy #${policy.id} of ${name}`;
    // A policy that starts on or before this one expires and runs past it continues the coverage.
    const renewed = state.policies.some(
      (p) => p !== policy && p.effectiveOn <= policy.expiresOn && p.expiresOn > policy.expiresOn,
    );
    const left = daysBetween(today, policy.expiresOn);
    if (compliance.verdict === 'deficient' && policy.expiresOn > today)
      add(
        `policy-deficient/${policy.id}/v${policy.version}`,
        'policy-deficient',
        `${label} does not satisfy Amazon`,
        'danger',
        [
          ...compliance.results
            .filter((r) => r.outcome === 'fail' && !r.advisory)
            .map((r) => `❌ ${r.sentence}`),
          `Next: ask the insurer for an endorsement or corrected certificate, then /insurance policy show ${policy.id}.`,
        ],
        compliance.results.filter((r) => r.outcome === 'fail' && !r.advisory).map((r) => citation(r.rule)),
      );
    if (renewed) continue;
    const stage = policy.effectiveOn <= today ? dueStage(EXPIRY_STAGES, left) : undefined;
    if (stage !== undefined)
      add(
        `policy-expiring/${policy.id}/${stage}d`,
        'policy-expiring',
        `${label} expires ${when(left)} (${policy.expiresOn})`,
        left <= 7 ? 'danger' : 'warn',
        [
          'Next: renew it, record the renewal with /insurance policy add, and upload the new certificate to Amazon.',
        ],
        [citation(RULES.term)],
      );
    if (left < 0 && -left <= RECENT_LAPSE_DAYS && !state.policies.some((p) => inForceOn(p, today)))
      add(
        `policy-expired/${policy.id}`,
        'policy-expired',
        `${label} expired on ${policy.expiresOn}`,
        e.required ? 'danger' : 'warn',
        [
          e.required
            ? 'The account is required to be insured and now has no policy in force.'
            : 'No policy is in force now.',
          'Next: renew, record and upload it.',
        ],
        [citation(RULES.term)],
      );
  }

  for (const claim of state.claims) {
    if (claim.status === 'closed') continue;
    const outcome = claimOutcome(claim, claimStanding(state, claim, today), today);
    const due = outcome.nextDeadline;
    if (!due) continue;
    const stage = dueStage(CLAIM_STAGES, due.daysLeft);
    if (stage === undefined) continue;
    add(
      `claim-due/${claim.amazonClaimId}/${due.on}/${stage}d`,
      'claim-due',
      `Claim ${claim.amazonClaimId} (${name}): ${due.what} ${when(due.daysLeft)} (${due.on})`,
      'danger',
      [
        `${formatMoney(claim.amount)} ${claim.kind} claim, notice of ${claim.noticeOn}.`,
        `If you do nothing: ${outcome.ifNothing}`,
      ],
      citations(outcome.trace),
    );
  }
  return out;
}
