// Domain results -> Replies, for every platform. Words come from the message catalogue; findings
// are rendered in the catalogue's one place (src/i18n).
import type { AccountCheck } from '../src/app/check.ts';
import type { JudgedClaim } from '../src/app/claims.ts';
import type { Scope } from '../src/app/context.ts';
import type { JudgedPolicy } from '../src/app/policies.ts';
import { type Citation, type MessageId, type Words, wordsFor } from '../src/i18n/index.ts';
import { type Field, type Reply, type Section, TONE_RANK, type Tone } from '../src/reply.ts';
import { dateIn, wallTimeIn } from '../src/rules/calendar.ts';
import type { EligibilityStatus } from '../src/rules/eligibility.ts';
import { citedRules } from '../src/rules/explain.ts';
import type { Outcome } from '../src/rules/policy.ts';
import { renewalDue } from '../src/rules/standing.ts';
import { requireRule, ruleOn } from '../src/rules/table.ts';

export const worst = (tones: readonly Tone[], fallback: Tone = 'info'): Tone =>
  tones.reduce((a, b) => (TONE_RANK[b] > TONE_RANK[a] ? b : a), fallback);

const STATUS_TONE: Record<EligibilityStatus, Tone> = {
  'not-required': 'ok',
  approaching: 'warn',
  'at-threshold': 'warn',
  'proof-on-file': 'ok',
  'not-uploaded': 'warn',
  'deadline-running': 'warn',
  overdue: 'danger',
};
const STATUS_LABEL: Record<EligibilityStatus, MessageId> = {
  'not-required': 'status.not-required',
  approaching: 'status.approaching',
  'at-threshold': 'status.at-threshold',
  'proof-on-file': 'status.proof-on-file',
  'not-uploaded': 'status.not-uploaded',
  'deadline-running': 'status.deadline-running',
  overdue: 'status.overdue',
};
export const OUTCOME_MARK: Record<Outcome, string> = { pass: '✅', fail: '❌', unknown: '❔' };

/** A channel as its platform links it (the terminal has only the name). */
export const channelRef = (platform: Scope['tenant']['platform'], channel: string): string =>
  platform === 'shell' ? channel : `<#${channel}>`;

/** An hour of the day as a clock shows it: 9 -> "09:00". */
export const hourText = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/** An instant as the team reads it: on its wall clock, in its zone, the date in its language. */
export function wallTime(instant: string, zone: string, w: Words): string {
  const { date, time } = wallTimeIn(zone, new Date(instant));
  return `${w.date(date)} ${time} ${zone}`;
}

/** Said wherever the team looks when the platform refuses its alert channel (delivery records it). */
export function alertProblemLine(tenant: Scope['tenant'], w: Words): string | undefined {
  const problem = tenant.alertProblem;
  if (!problem || !tenant.alertChannel) return undefined;
  return w.t('alerts.channel-problem', {
    channel: channelRef(tenant.platform, tenant.alertChannel),
    since: wallTime(problem.since, tenant.timeZone, w),
    reason: w.t(`alerts.refused.${problem.reason}`),
  });
}

export function mergeCitations(lists: readonly (readonly Citation[])[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const list of lists) for (const c of list) if (!seen.has(c.id)) seen.set(c.id, c);
  return [...seen.values()];
}

export const statusLabel = (status: EligibilityStatus, w: Words = wordsFor()) => w.t(STATUS_LABEL[status]);

function checkTone(check: AccountCheck): Tone {
  const e = check.eligibility;
  if (!e.required) return STATUS_TONE[e.status];
  if (e.status === 'proof-on-file')
    return e.standing.coverage?.compliance.verdict === 'unverified' ? 'warn' : 'ok';
  if (e.status === 'not-uploaded' || e.status === 'deadline-running')
    return e.daysLeft < 0 || e.daysLeft <= 7 ? 'danger' : 'warn';
  return 'danger';
}

export function checkSection(
  check: AccountCheck,
  mention: (id: string) => string,
  w: Words = wordsFor(),
): { section: Section; citations: Citation[] } {
  const e = check.eligibility;
  const { account } = check.state;
  const { standing } = e;
  const fields: Field[] = [
    { label: w.t('check.field.status'), value: statusLabel(e.status, w) },
    {
      label: w.t('check.field.required'),
      value: e.required ? w.t('check.required.yes', { on: e.trigger.on }) : w.t('check.required.no'),
    },
  ];
  if (e.required)
    fields.push({
      label: w.t('check.field.deadline'),
      value:
        // Insured with proof on file: a deadline long past is history, not an alarm.
        standing.kind === 'proof-on-file'
          ? w.t('check.deadline.insured', { deadline: e.deadline })
          : e.daysLeft >= 0
            ? w.t('check.deadline.left', { deadline: e.deadline, daysLeft: e.daysLeft })
            : w.t('check.deadline.passed', { deadline: e.deadline, daysAgo: -e.daysLeft }),
    });
  const c = standing.coverage;
  // The cover runs out soon and nothing on file continues it: said here as the alerts say it, so a
  // check weeks before a lapse does not look all clear.
  const renewIn =
    c && standing.kind !== 'not-insured' ? renewalDue(c.policy, check.state.policies, check.asOf) : undefined;
  fields.push({
    label: w.t('check.field.policy'),
    value: c
      ? w.t('check.policy.covered', {
          policy: c.policy.id ?? 0,
          verdict: c.compliance.verdict,
          expiresOn: c.policy.expiresOn,
        })
      : standing.upcoming
        ? w.t('check.policy.upcoming', {
            policy: standing.upcoming.id ?? 0,
            effectiveOn: standing.upcoming.effectiveOn,
          })
        : standing.lapsedOn
          ? w.t('check.policy.lapsed', { lapsedOn: standing.lapsedOn })
          : w.t('check.policy.none'),
  });
  fields.push({
    label: w.t('check.field.proof'),
    value:
      standing.kind === 'proof-on-file'
        ? w.t('check.proof.yes', { uploadedOn: c?.policy.uploadedOn ?? '' })
        : standing.kind === 'not-uploaded'
          ? w.t('check.proof.no')
          : // In force but deficient: "no policy in force" would be untrue, and uploading it would not help.
            c && standing.reason === 'deficient'
            ? w.t('check.proof.deficient', { policy: c.policy.id ?? 0 })
            : w.t('check.proof.not-insured'),
  });
  const tm = e.thisMonth;
  // 10,000.01 is 100 % when rounded down, but over the threshold: said, so the two never disagree.
  const over = tm.sales.minor > tm.limit.minor ? 'yes' : 'no';
  fields.push({
    label: w.t('check.field.sales', { month: tm.month }),
    value: !e.thresholdRule
      ? w.t('check.sales.no-rule', { sales: w.money(tm.sales) })
      : tm.recorded
        ? // A month-to-date figure says how old it is: 70 % through the 12th is not 70 % today.
          tm.through
          ? w.t('check.sales.through', {
              sales: w.money(tm.sales),
              day: tm.through,
              percent: tm.percent,
              limit: tm.limit,
              over,
            })
          : w.t('check.sales.recorded', {
              sales: w.money(tm.sales),
              percent: tm.percent,
              limit: tm.limit,
              over,
            })
        : w.t('check.sales.unrecorded', { limit: tm.limit }),
  });
  if (account.owner) fields.push({ label: w.t('check.field.owner'), value: mention(account.owner) });
  const lines = e.reasons.map((f) => w.finding(f));
  if (c && renewIn !== undefined)
    lines.push(
      w.t('check.policy.renew', {
        policy: c.policy.id ?? 0,
        daysLeft: renewIn,
        expiresOn: c.policy.expiresOn,
      }),
    );
  if (c && standing.reason === 'deficient')
    for (const r of c.compliance.results)
      if (r.outcome === 'fail' && !r.advisory)
        lines.push(
          w.t('check.failed-requirement', { policy: c.policy.id ?? 0, problem: w.finding(r.finding) }),
        );
  const next = nextStep(check, w);
  if (next) lines.push(next);
  return {
    section: {
      heading: w.t('check.heading', {
        account: account.name,
        store: w.t(`marketplace.${account.marketplace}`),
        asOf: check.asOf,
        zone: check.zone ?? 'none',
      }),
      tone: worst([
        checkTone(check),
        renewIn === undefined ? 'ok' : renewIn <= 7 ? 'danger' : renewIn <= 30 ? 'warn' : 'ok',
      ]),
      fields,
      lines,
    },
    citations: w.citations([
      ...citedRules(e.trace),
      ...(renewIn === undefined ? [] : [requireRule('policy-term', account.marketplace, check.asOf)]),
    ]),
  };
}

/**
 * The one thing to do next for an account, with the command that does it; nothing when all is well,
 * or when the reasons above already say it (upload the policy in force; complete an unverified one;
 * renew one coming to its end).
 */
function nextStep(check: AccountCheck, w: Words): string | undefined {
  const e = check.eligibility;
  const { standing } = e;
  const c = standing.coverage;
  const account = check.state.account;
  if (c && standing.reason === 'deficient') return w.t('check.next.fix', { policy: c.policy.id ?? 0 });
  // The insured name is fine or not once the account has its legal name: that comes before uploading.
  if (e.reasons.some((f) => f.code === 'standing.no-legal-name'))
    return w.t('check.next.legal-name', { account: account.name });
  if (standing.kind !== 'not-insured') return undefined;
  if (standing.upcoming)
    return w.t('check.next.upcoming', {
      policy: standing.upcoming.id ?? 0,
      effectiveOn: standing.upcoming.effectiveOn,
    });
  if (e.required)
    return w.t('check.next.buy', {
      account: account.name,
      // After a lapse the seller has an insurer already: renewing is the usual way back.
      renew: standing.lapsedOn ? 'yes' : 'no',
      wording: ruleOn('additional-insured', account.marketplace, check.asOf)?.wording ?? 'none',
    });
  if (e.status === 'approaching' || e.status === 'at-threshold')
    return w.t('alert.threshold-approaching.next');
  return undefined;
}

export function checkReply(
  checks: readonly AccountCheck[],
  mention: (id: string) => string,
  w: Words = wordsFor(),
): Reply {
  if (checks.length === 0)
    return { title: w.t('check.none.title'), tone: 'info', lines: [w.t('check.none.hint')], private: true };
  const parts = checks.map((c) => checkSection(c, mention, w));
  const required = checks.filter((c) => c.eligibility.required).length;
  return {
    title:
      checks.length === 1
        ? w.t('check.title.one', {
            account: checks[0]!.state.account.name,
            status: statusLabel(checks[0]!.eligibility.status, w),
          })
        : w.t('check.title.many', { count: checks.length, required }),
    tone: worst(parts.map((p) => p.section.tone ?? 'info')),
    sections: parts.map((p) => p.section),
    citations: mergeCitations(parts.map((p) => p.citations)),
  };
}

export type PolicyAction = 'added' | 'updated' | 'uploaded' | 'removed' | 'shown';

export function policyReply(judged: JudgedPolicy, action: PolicyAction, w: Words = wordsFor()): Reply {
  const { policy, compliance, account, standing } = judged;
  const m = (x: typeof policy.aggregate) => (x ? w.money(x, { short: true }) : '—');
  const tone: Tone =
    compliance.verdict === 'deficient'
      ? 'danger'
      : compliance.verdict === 'unverified' || !compliance.inForce || standing === 'not-uploaded'
        ? 'warn'
        : 'ok';
  return {
    title: w.t('policy.title', {
      action,
      policy: policy.number,
      account: account.name,
      verdict: compliance.verdict,
      standing,
      inForce: compliance.inForce ? 'yes' : 'no',
    }),
    tone,
    fields: [
      {
        label: w.t('policy.field.insurer'),
        value: `${policy.insurer ?? '—'}${policy.insurerRating ? ` (${policy.insurerRating})` : ''}`,
      },
      { label: w.t('policy.field.number'), value: policy.policyNumber ?? '—' },
      {
        label: w.t('policy.field.coverage'),
        value: `${w.date(policy.effectiveOn)} → ${w.date(policy.expiresOn)}`,
      },
      { label: w.t('policy.field.limits'), value: `${m(policy.perOccurrence)} / ${m(policy.aggregate)}` },
      { label: w.t('policy.field.products'), value: m(policy.productsAggregate) },
      { label: w.t('policy.field.deductible'), value: m(policy.deductible) },
      {
        label: w.t('policy.field.uploaded'),
        value: policy.uploadedOn ? w.date(policy.uploadedOn) : w.t('policy.uploaded.not-yet'),
      },
      {
        label: w.t('policy.field.standing'),
        value: w.t(`policy.standing.${standing}`, { policy: policy.number }),
      },
    ],
    lines: [
      ...compliance.results.map((r) =>
        w.t('policy.requirement', {
          mark: OUTCOME_MARK[r.outcome],
          text: w.finding(r.finding),
          advisory: r.advisory ? 'yes' : 'no',
        }),
      ),
      ...(compliance.notEncoded.length
        ? [w.finding({ code: 'eligibility.not-encoded', values: { topics: [...compliance.notEncoded] } })]
        : []),
      ...(judged.sameAs
        ? [
            w.t('policy.same-as', {
              other: judged.sameAs.policy,
              policy: policy.number,
              number: judged.sameAs.number ? 'yes' : 'no',
            }),
          ]
        : []),
    ],
    citations: w.citations(compliance.results.filter((r) => r.outcome !== 'pass').map((r) => r.rule)),
  };
}

export function claimSection(
  j: JudgedClaim,
  w: Words = wordsFor(),
): { section: Section; citations: Citation[] } {
  const { claim, outcome } = j;
  const due = outcome.nextDeadline;
  const cost = outcome.cost;
  const tone: Tone =
    claim.status === 'closed'
      ? 'info'
      : (due && due.daysLeft <= 3) || cost.bearer === 'you'
        ? 'danger'
        : 'warn';
  const lines = outcome.reasons.map((f) => w.finding(f, { claim: claim.amazonClaimId }));
  if (outcome.ifNothing && !outcome.reasons.some((f) => f.code === outcome.ifNothing!.code))
    lines.push(w.t('claim.if-nothing', { what: w.finding(outcome.ifNothing) }));
  return {
    section: {
      heading: w.t('claim.heading', {
        claim: claim.amazonClaimId,
        account: j.account.name,
        amount: w.money(claim.amount),
        kind: claim.kind,
        status: w.t('claim.status', { status: claim.status }),
      }),
      tone,
      fields: [
        {
          label: w.t('claim.field.cost'),
          value: w.t(`claim.cost.${cost.bearer}`, {
            amount: w.money(cost.amount),
            due: cost.due,
            days: cost.appealDays,
            appealBy: cost.appealBy ?? 'unknown',
          }),
        },
        {
          label: w.t('claim.field.deadline'),
          value: !due
            ? w.t('claim.deadline.none')
            : due.daysLeft >= 0
              ? w.t('claim.deadline.upcoming', { on: due.on, what: due.what, daysLeft: due.daysLeft })
              : w.t('claim.deadline.passed', { on: due.on, what: due.what, daysAgo: -due.daysLeft }),
        },
        { label: w.t('claim.field.notice'), value: w.date(claim.noticeOn) },
        ...(claim.orderId ? [{ label: w.t('claim.field.order'), value: claim.orderId }] : []),
        ...lastUpdate(j, w),
      ],
      lines,
    },
    citations: w.citations(citedRules(outcome.trace)),
  };
}

/**
 * The latest change after the claim was recorded (responded, rejected, closed, a note), on the
 * account's calendar: what the team did is part of the answer, not only what Amazon's rules say.
 */
function lastUpdate(j: JudgedClaim, w: Words): Field[] {
  // The first event is the claim being recorded; its note is the bot's own.
  const last = j.events.length > 1 ? j.events.at(-1) : undefined;
  if (!last) return [];
  const values = {
    on: w.date(dateIn(j.timeZone, new Date(last.at))),
    status: w.t('claim.status', { status: last.status }),
  };
  return [
    {
      label: w.t('claim.field.updated'),
      value: last.note
        ? w.t('claim.last-update.note', { ...values, note: last.note })
        : w.t('claim.last-update', values),
    },
  ];
}

export function claimsReply(judged: readonly JudgedClaim[], title: string, w: Words = wordsFor()): Reply {
  if (judged.length === 0)
    return { title: w.t('claim.none.title'), tone: 'ok', lines: [w.t('claim.none.hint')] };
  const parts = judged.map((j) => claimSection(j, w));
  return {
    title,
    tone: worst(parts.map((p) => p.section.tone ?? 'info')),
    sections: parts.map((p) => p.section),
    citations: mergeCitations(parts.map((p) => p.citations)),
  };
}
