// Every decision the rules engine makes for the worked cases, and for probes at the edges the cases
// do not reach (a rule that ends mid-month, the eve of a change, gaps between months, a request on
// the trigger day), written out in full — status, trigger, deadline, every reason in English, the
// rules consulted and which decided — and compared with the reviewed record in
// __snapshots__/eligibility-decisions.md. Any change to what a seller is told shows up there as a
// diff to review; CI never rewrites it.
import { expect, it } from 'vitest';
import { type Eligibility, eligibility } from '../../src/rules/index.ts';
import { account, words } from './builders.ts';
import { ELIGIBILITY_CASES } from './cases.ts';

type Facts = Parameters<typeof account>[0] & { asOf: string };

const PROBES: Record<string, Facts & { facts: string }> = {
  'P-CA-mid-month-end': {
    facts:
      'CA: three months over, the last recorded mid-July, before the three-month rule ended on 2024-07-24',
    marketplace: 'CA',
    sales: ['2024-05 12000', '2024-06 12000', '2024-07 12000 2024-07-10'],
    asOf: '2024-08-15',
  },
  'P-CA-on-end-day': {
    facts: 'CA: the third month goes over on the day the three-month rule ends',
    marketplace: 'CA',
    sales: ['2024-05 12000', '2024-06 12000', '2024-07 12000 2024-07-24'],
    asOf: '2024-08-15',
  },
  'P-CA-after-end': {
    facts: 'CA: the third month is known over only at month end, after the three-month rule ended',
    marketplace: 'CA',
    sales: ['2024-05 12000', '2024-06 12000', '2024-07 12000'],
    asOf: '2024-08-15',
  },
  'P-CA-eve': {
    facts: 'CA: the day before the one-month rule starts',
    marketplace: 'CA',
    sales: ['2024-06 12000'],
    asOf: '2024-07-23',
  },
  'P-US-eve-2021': {
    facts: 'US: the day before the one-month rule starts',
    sales: ['2021-08 20000 2021-08-20'],
    asOf: '2021-08-31',
  },
  'P-US-gaps-2021': {
    facts: 'US before 2021-09: three months over, but not consecutive',
    sales: ['2021-01 20000', '2021-03 20000', '2021-05 20000'],
    asOf: '2021-08-01',
  },
  'P-US-run-2021': {
    facts: 'US before 2021-09: three consecutive months over after one that was not',
    sales: ['2021-01 5000', '2021-02 20000', '2021-03 20000', '2021-04 20000'],
    asOf: '2021-06-01',
  },
  'P-US-request-same-day': {
    facts: 'US: Amazon asks on the day the month is first recorded over',
    sales: ['2026-10 12000 2026-10-15'],
    requests: ['2026-10-15'],
    asOf: '2026-10-20',
  },
  'P-US-request-day-before': {
    facts: 'US: Amazon asks the day before the month is first recorded over',
    sales: ['2026-10 12000 2026-10-15'],
    requests: ['2026-10-14'],
    asOf: '2026-10-20',
  },
  'P-US-old-trigger': {
    facts: 'US: over in 2025-03, under every month since',
    sales: ['2025-03 12000', '2025-04 3000', '2026-10 2000'],
    asOf: '2026-11-21',
  },
  'P-US-overdue': {
    facts: 'US: required, deadline passed twelve days ago, nothing on file',
    sales: ['2026-09 12000'],
    asOf: '2026-11-11',
  },
  'P-US-upcoming': {
    facts: 'US: required; the only policy starts after the deadline',
    sales: ['2026-10 12000'],
    policies: ['2026-12-15 2027-12-15 uploaded:2026-11-20'],
    asOf: '2026-11-21',
  },
  'P-US-upcoming-not-required': {
    facts: 'US: not required; a policy starts next month',
    sales: ['2026-10 2000'],
    policies: ['2026-12-15 2027-12-15'],
    asOf: '2026-11-21',
  },
  'P-US-deficient-overdue': {
    facts: 'US: required and overdue; the uploaded policy has too high a deductible',
    sales: ['2026-08 12000'],
    policies: ['2026-09-01 2027-09-01 uploaded:2026-09-02 deductible:25000'],
    asOf: '2026-11-21',
  },
  'P-US-deficient-due-today': {
    facts: 'US: the deadline is today; the uploaded policy has too high a deductible',
    sales: ['2026-10 12000'],
    policies: ['2026-11-01 2027-11-01 uploaded:2026-11-02 deductible:25000'],
    asOf: '2026-11-30',
  },
  'P-US-starts-on-deadline': {
    facts: 'US: the only policy starts on the deadline day itself',
    sales: ['2026-10 12000'],
    policies: ['2026-11-30 2027-11-30 uploaded:2026-11-20'],
    asOf: '2026-11-21',
  },
  'P-US-starts-after-deadline-today': {
    facts: 'US: the deadline is today; the only policy starts tomorrow',
    sales: ['2026-10 12000'],
    policies: ['2026-12-01 2027-12-01 uploaded:2026-11-20'],
    asOf: '2026-11-30',
  },
  'P-US-renewal-queued': {
    facts: 'US: proof on file, and the renewal (uploaded) starts when it ends',
    sales: ['2026-10 12000'],
    policies: ['2025-12-01 2026-12-01 uploaded:2025-12-02', '2026-12-01 2027-12-01 uploaded:2026-11-15'],
    asOf: '2026-11-21',
  },
  'P-US-approaching-streak': {
    facts: 'US: 85 % of the limit this month',
    sales: ['2026-11 8500 2026-11-20'],
    asOf: '2026-11-21',
  },
  'P-UK-before-rule': {
    facts: 'UK: before any threshold row was in force',
    marketplace: 'UK',
    sales: ['2024-03 9000'],
    asOf: '2024-04-01',
  },
  'P-JP-over': {
    facts: 'JP: one month over the yen threshold',
    marketplace: 'JP',
    sales: ['2026-10 1500000'],
    asOf: '2026-11-02',
  },
};

function describeDecision(id: string, facts: string, asOf: string, e: Eligibility): string {
  const head = e.required
    ? `required, ${e.status}: ${e.trigger.kind} under ${e.trigger.rule.id} on ${e.trigger.on}` +
      `${e.trigger.kind === 'threshold' ? ` (${e.trigger.basis}; ${e.trigger.months.join(', ')})` : ''}` +
      `, deadline ${e.deadline} (${e.daysLeft} days)`
    : `not required, ${e.status}`;
  const m = e.thisMonth;
  return [
    `## ${id} — ${facts}`,
    `as of ${asOf}: ${head}; standing ${e.standing.kind}`,
    `this month ${m.month}: ${m.sales.minor} of ${m.limit.minor} ${m.sales.currency} minor units (${m.percent} %, ${m.recorded ? 'recorded' : 'not recorded'}); headroom ${e.headroom.minor}`,
    `rules: ${e.trace.map((t) => `${t.rule.id}${t.decisive ? ' (decisive)' : ''}`).join(', ')}`,
    ...e.reasons.map((r) => `- ${r.code}: ${words.finding(r)}`),
    '',
  ].join('\n');
}

it('every decision, in full, is the reviewed one', async () => {
  const out: string[] = [
    '# Eligibility decisions (reviewed; regenerate with `npx vitest run test/rules/decisions.test.ts -u`)',
    '',
  ];
  for (const c of ELIGIBILITY_CASES)
    out.push(describeDecision(c.id, c.facts, c.asOf, eligibility(account(c), c.asOf)));
  for (const [id, p] of Object.entries(PROBES))
    out.push(describeDecision(id, p.facts, p.asOf, eligibility(account(p), p.asOf)));
  await expect(out.join('\n')).toMatchFileSnapshot('__snapshots__/eligibility-decisions.md');
});
