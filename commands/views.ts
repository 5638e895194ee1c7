// Domain results -> Replies. The words a seller reads live here, once, for every platform.
import type { AccountCheck } from '../src/app/check.ts';
import type { JudgedClaim } from '../src/app/claims.ts';
import type { JudgedPolicy } from '../src/app/policies.ts';
import type { Field, Reply, Section, Tone } from '../src/reply.ts';
import type { EligibilityStatus } from '../src/rules/eligibility.ts';
import { type Citation, citation, citations } from '../src/rules/explain.ts';
import { formatMoney } from '../src/rules/money.ts';
import type { Outcome, Verdict } from '../src/rules/policy.ts';
import { MARKETPLACE_INFO } from '../src/rules/table.ts';

const TONE_RANK: Record<Tone, number> = { info: 0, ok: 1, warn: 2, danger: 3 };
export const worst = (tones: readonly Tone[], fallback: Tone = 'info'): Tone =>
  tones.reduce((a, b) => (TONE_RANK[b] > TONE_RANK[a] ? b : a), fallback);

const STATUS: Record<EligibilityStatus, { label: string; tone: Tone }> = {
  'not-required': { label: 'Not required', tone: 'ok' },
  approaching: { label: 'Not required yet — approaching the threshold', tone: 'warn' },
  'at-threshold': { label: 'Not required — at the threshold, at risk', tone: 'warn' },
  insured: { label: 'Required — insured', tone: 'ok' },
  'deadline-running': { label: 'Required — insurance due', tone: 'warn' },
  overdue: { label: 'Required — overdue', tone: 'danger' },
};

const VERDICT: Record<Verdict, string> = {
  compliant: 'compliant',
  incomplete: 'details missing',
  deficient: 'DEFICIENT',
};
const OUTCOME_MARK: Record<Outcome, string> = { pass: '✅', fail: '❌', unknown: '❔' };

function mergeCitations(lists: readonly (readonly Citation[])[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const list of lists) for (const c of list) if (!seen.has(c.id)) seen.set(c.id, c);
  return [...seen.values()];
}

export function checkSection(
  check: AccountCheck,
  mention: (id: string) => string,
): { section: Section; citations: Citation[] } {
  const e = check.eligibility;
  const { account } = check.state;
  const status = STATUS[e.status];
  const tone: Tone = e.status === 'deadline-running' && (e.daysLeft ?? 99) <= 7 ? 'danger' : status.tone;
  const fields: Field[] = [
    { label: 'Status', value: status.label },
    { label: 'Required', value: e.required ? `yes, since ${e.trigger!.on}` : 'no' },
  ];
  if (e.required)
    fields.push({
      label: 'Deadline',
      value:
        e.daysLeft! >= 0
          ? `${e.deadline} (${e.daysLeft} day(s) left)`
          : `${e.deadline} (passed ${-e.daysLeft!} day(s) ago)`,
    });
  const compliance = e.coverage?.compliance;
  fields.push({
    label: 'Policy',
    value: e.coverage
      ? `#${e.coverage.policy.id} ${VERDICT[compliance!.verdict]}, until ${e.coverage.policy.expiresOn}`
      : e.lapsedOn
        ? `none in force (last expired ${e.lapsedOn})`
        : 'none on file',
  });
  fields.push({
    label: `Sales ${e.thisMonth.month}`,
    value: e.thisMonth.recorded
      ? `${formatMoney(e.thisMonth.sales)} — ${e.thisMonth.percent}% of ${formatMoney(e.thisMonth.limit, { short: true })}`
      : `not recorded yet (threshold ${formatMoney(e.thisMonth.limit, { short: true })})`,
  });
  if (account.owner) fields.push({ label: 'Owner', value: mention(account.owner) });
  const lines = [...e.reasons];
  if (compliance)
    for (const r of compliance.results)
      if (r.outcome === 'fail' && !r.advisory)
        lines.push(`❌ Policy #${e.coverage!.policy.id}: ${r.sentence}`);
  const rules = [
    ...citations(e.trace),
    ...(compliance
      ? compliance.results.filter((r) => r.outcome === 'fail').map((r) => citation(r.rule))
      : []),
  ];
  return {
    section: {
      heading: `${account.name} · ${MARKETPLACE_INFO[account.marketplace].name} · as of ${check.asOf}`,
      tone,
      fields,
      lines,
    },
    citations: rules,
  };
}

export function checkReply(checks: readonly AccountCheck[], mention: (id: string) => string): Reply {
  if (checks.length === 0)
    return {
      title: 'No seller accounts yet',
      tone: 'info',
      lines: ['Add one with /insurance account add <name> <marketplace>, then record its monthly sales.'],
      private: true,
    };
  const parts = checks.map((c) => checkSection(c, mention));
  const tone = worst(parts.map((p) => p.section.tone ?? 'info'));
  const required = checks.filter((c) => c.eligibility.required).length;
  return {
    title:
      checks.length === 1
        ? `Insurance check: ${checks[0]!.state.account.name} — ${STATUS[checks[0]!.eligibility.status].label}`
        : `Insurance check: ${checks.length} accounts, ${required} required to be insured`,
    tone,
    sections: parts.map((p) => p.section),
    citations: mergeCitations(parts.map((p) => p.citations)),
  };
}

export function policyReply(judged: JudgedPolicy, title: string): Reply {
  const { policy, compliance, account } = judged;
  const m = (x: typeof policy.aggregate) => (x ? formatMoney(x, { short: true }) : '—');
  const tone: Tone =
    compliance.verdict === 'deficient'
      ? 'danger'
      : compliance.verdict === 'incomplete' || !compliance.inForce
        ? 'warn'
        : 'ok';
  return {
    title: `${title}: policy #${policy.id} for ${account.name} — ${VERDICT[compliance.verdict]}${compliance.inForce ? '' : ', not in force'}`,
    tone,
    fields: [
      {
        label: 'Insurer',
        value: `${policy.insurer ?? '—'}${policy.insurerRating ? ` (${policy.insurerRating})` : ''}`,
      },
      { label: 'Policy number', value: policy.policyNumber ?? '—' },
      { label: 'Coverage', value: `${policy.effectiveOn} → ${policy.expiresOn}` },
      { label: 'Per occurrence / aggregate', value: `${m(policy.perOccurrence)} / ${m(policy.aggregate)}` },
      { label: 'Deductible', value: m(policy.deductible) },
      { label: 'Uploaded to Amazon', value: policy.uploadedOn ?? 'not yet' },
    ],
    lines: [
      ...compliance.results.map(
        (r) => `${OUTCOME_MARK[r.outcome]} ${r.sentence}${r.advisory ? ' (advisory)' : ''}`,
      ),
      ...(compliance.note ? [compliance.note] : []),
    ],
    citations: mergeCitations([
      compliance.results.filter((r) => r.outcome !== 'pass').map((r) => citation(r.rule)),
    ]),
  };
}

const PAYER: Record<string, string> = {
  amazon: 'Amazon',
  'seller-or-insurer': 'you or your insurer',
  'customer-and-seller': 'settled between customer and seller',
  settled: 'settled',
};

export function claimSection(j: JudgedClaim): { section: Section; citations: Citation[] } {
  const { claim, outcome } = j;
  const due = outcome.nextDeadline;
  const tone: Tone =
    claim.status === 'closed'
      ? 'info'
      : due && due.daysLeft <= 3
        ? 'danger'
        : outcome.reimbursement === 'expected'
          ? 'danger'
          : 'warn';
  return {
    section: {
      heading: `${claim.amazonClaimId} · ${j.account.name} · ${formatMoney(claim.amount)} ${claim.kind} · ${claim.status}`,
      tone,
      fields: [
        { label: 'Who pays', value: PAYER[outcome.payer] ?? outcome.payer },
        {
          label: 'Next deadline',
          value: due ? `${due.on}: ${due.what} (${due.daysLeft} day(s) left)` : 'none recorded',
        },
        { label: 'Notice', value: claim.noticeOn },
        ...(claim.orderId ? [{ label: 'Order', value: claim.orderId }] : []),
      ],
      lines: [
        ...outcome.reasons,
        ...(outcome.reasons.includes(outcome.ifNothing) ? [] : [`If you do nothing: ${outcome.ifNothing}`]),
      ],
    },
    citations: citations(outcome.trace),
  };
}

export function claimsReply(judged: readonly JudgedClaim[], title: string): Reply {
  if (judged.length === 0)
    return { title: 'No open claims', tone: 'ok', lines: ['Record one with /claim open.'] };
  const parts = judged.map(claimSection);
  return {
    title,
    tone: worst(parts.map((p) => p.section.tone ?? 'info')),
    sections: parts.map((p) => p.section),
    citations: mergeCitations(parts.map((p) => p.citations)),
  };
}
