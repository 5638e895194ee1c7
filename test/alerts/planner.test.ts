// The planner with a fixed clock across a whole year: each alert appears on its stage day, and —
// through an outbox keyed like the real one — never twice. Boundaries of the planner's own numbers
// (stages, the proof-request window, the recent-lapse window) are tried at N and N + 1.
import { describe, expect, it } from 'vitest';
import { decodeAlert, encodeAlert } from '../../src/alerts/payload.ts';
import {
  CLAIM_STAGES,
  DEADLINE_STAGES,
  dueStage,
  EXPIRY_STAGES,
  type PlannedAlert,
  planAlerts,
  RECENT_LAPSE_DAYS,
} from '../../src/alerts/planner.ts';
import { alertReply } from '../../src/alerts/render.ts';
import { addDays } from '../../src/rules/calendar.ts';
import { accountState, withClaim, withPolicy, withRequest, withSales } from './fixtures.ts';

const mention = (id: string) => `<@${id}>`;
const at = (day: string) => new Date(`${day}T18:00:00Z`); // 10:00 or 11:00 in Los Angeles
const plan = (accounts: ReturnType<typeof accountState>[], day: string) => planAlerts({ accounts }, at(day));
const keysOn = (accounts: ReturnType<typeof accountState>[], day: string) =>
  plan(accounts, day).alerts.map((a) => a.key);
const render = (a: PlannedAlert) => alertReply(decodeAlert(encodeAlert(a), a.key), mention);

/** Runs the planner once a day at 10:00 in Los Angeles for a year; returns the day each key was first planned. */
function simulateYear(accounts: ReturnType<typeof accountState>[], from = '2026-01-01', to = '2026-12-31') {
  const firstSeen = new Map<string, string>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const { alerts, problems } = plan(accounts, day);
    expect(problems).toEqual([]);
    const keys = alerts.map((a) => a.key);
    expect(new Set(keys).size, `duplicate keys planned on ${day}`).toBe(keys.length);
    for (const a of alerts) expect(() => render(a), a.key).not.toThrow();
    for (const k of keys) if (!firstSeen.has(k)) firstSeen.set(k, day);
  }
  return firstSeen;
}

describe('dueStage', () => {
  it('picks the smallest stage at or above the days left, and catches up a missed stage', () => {
    expect(dueStage(DEADLINE_STAGES, 15)).toBeUndefined();
    expect(dueStage(DEADLINE_STAGES, 14)).toBe(14);
    expect(dueStage(DEADLINE_STAGES, 9)).toBe(14);
    expect(dueStage(DEADLINE_STAGES, 8)).toBe(14);
    expect(dueStage(DEADLINE_STAGES, 7)).toBe(7);
    expect(dueStage(DEADLINE_STAGES, 5)).toBe(7);
    expect(dueStage(DEADLINE_STAGES, 0)).toBe(0);
    expect(dueStage(DEADLINE_STAGES, -1)).toBeUndefined();
  });
});

describe('a year of daily sweeps', () => {
  it('threshold crossed, deadline stages, overdue weekly, then a policy: every alert on its day', () => {
    const a = accountState('acme-us', { owner: 'U7' });
    const id = a.account.id;
    withSales(a, '2026-03', '10,500', '2026-03-20');
    withPolicy(a, '2026-04-25', '2026-10-25');
    const p = a.policies[0]!.id;
    expect(Object.fromEntries(simulateYear([a]))).toEqual({
      [`threshold-exceeded/${id}/2026-03-20`]: '2026-03-20',
      [`insurance-deadline/${id}/2026-04-19/14d`]: '2026-04-05',
      [`insurance-deadline/${id}/2026-04-19/7d`]: '2026-04-12',
      [`insurance-deadline/${id}/2026-04-19/3d`]: '2026-04-16',
      [`insurance-deadline/${id}/2026-04-19/1d`]: '2026-04-18',
      [`insurance-deadline/${id}/2026-04-19/0d`]: '2026-04-19',
      [`insurance-overdue/${id}/2026-04-20/w0`]: '2026-04-20',
      // proof on file from 2026-04-25 until the policy expires on 2026-10-25
      [`policy-expiring/${p}/60d`]: '2026-08-26',
      [`policy-expiring/${p}/30d`]: '2026-09-25',
      [`policy-expiring/${p}/14d`]: '2026-10-11',
      [`policy-expiring/${p}/7d`]: '2026-10-18',
      [`policy-expiring/${p}/1d`]: '2026-10-24',
      [`policy-expiring/${p}/0d`]: '2026-10-25',
      [`policy-expired/${p}`]: '2026-10-26',
      // uninsured again from the expiry day: weekly from then on
      ...Object.fromEntries(
        Array.from({ length: 10 }, (_, w) => [
          `insurance-overdue/${id}/2026-10-25/w${w}`,
          addDays('2026-10-25', 7 * w),
        ]),
      ),
    });
  });

  it('approaching the threshold (or at it), once per month, only while not required and not insured', () => {
    const b = accountState('small-us');
    const id = b.account.id;
    withSales(b, '2026-06', '8,600', '2026-06-15');
    withSales(b, '2026-07', '7,000', '2026-07-10');
    withSales(b, '2026-07', '9,000', '2026-07-20');
    withSales(b, '2026-08', '10,000', '2026-08-30');
    expect(Object.fromEntries(simulateYear([b]))).toEqual({
      [`threshold-approaching/${id}/2026-06`]: '2026-06-15',
      [`threshold-approaching/${id}/2026-07`]: '2026-07-20',
      [`threshold-approaching/${id}/2026-08`]: '2026-08-30',
    });
  });

  it("Amazon's proof request, a small claim's 7-day proof window, and a deficient policy per version", () => {
    const c = accountState('asked-us');
    const id = c.account.id;
    withRequest(c, '2026-02-05');
    withPolicy(c, '2026-03-01', '2027-03-01', { aggregate: { minor: 50_000_000, currency: 'USD' } });
    withClaim(c, 'AZ-1', '800', '2026-05-01');
    const p = c.policies[0]!.id;
    expect(Object.fromEntries(simulateYear([c]))).toEqual({
      [`proof-requested/${id}/2026-02-05`]: '2026-02-05',
      [`insurance-deadline/${id}/2026-03-07/14d`]: '2026-02-21',
      [`insurance-deadline/${id}/2026-03-07/7d`]: '2026-02-28',
      [`policy-deficient/${p}/v1`]: '2026-01-01',
      [`policy-expiring/${p}/60d`]: '2026-12-31',
      [`insurance-deadline/${id}/2026-03-07/3d`]: '2026-03-04',
      [`insurance-deadline/${id}/2026-03-07/1d`]: '2026-03-06',
      [`insurance-deadline/${id}/2026-03-07/0d`]: '2026-03-07',
      ...Object.fromEntries(
        Array.from({ length: 43 }, (_, w) => [
          `insurance-overdue/${id}/2026-03-08/w${w}`,
          addDays('2026-03-08', 7 * w),
        ]),
      ),
      'claim-due/AZ-1/2026-05-08/3d': '2026-05-05',
      'claim-due/AZ-1/2026-05-08/1d': '2026-05-07',
      'claim-due/AZ-1/2026-05-08/0d': '2026-05-08',
    });
    c.policies[0] = { ...c.policies[0]!, version: 2 };
    expect(keysOn([c], '2026-06-01')).toContain(`policy-deficient/${p}/v2`);
  });

  it('in force but not uploaded: said at once, then on the deadline’s stages, until it is uploaded', () => {
    const d = accountState('held-us');
    withSales(d, '2026-03', '10,500', '2026-03-20'); // deadline 2026-04-19
    withPolicy(d, '2026-03-25', '2027-03-25', { uploadedOn: undefined });
    const p = d.policies[0]!.id;
    const seen = simulateYear([d], '2026-03-20', '2026-04-30');
    expect(Object.fromEntries([...seen].filter(([k]) => k.startsWith('policy-not-uploaded')))).toEqual({
      [`policy-not-uploaded/${p}/2026-04-19/now`]: '2026-03-25',
      [`policy-not-uploaded/${p}/2026-04-19/14d`]: '2026-04-05',
      [`policy-not-uploaded/${p}/2026-04-19/7d`]: '2026-04-12',
      [`policy-not-uploaded/${p}/2026-04-19/3d`]: '2026-04-16',
      [`policy-not-uploaded/${p}/2026-04-19/1d`]: '2026-04-18',
      [`policy-not-uploaded/${p}/2026-04-19/0d`]: '2026-04-19',
      [`policy-not-uploaded/${p}/2026-04-19/w0`]: '2026-04-20',
      [`policy-not-uploaded/${p}/2026-04-19/w1`]: '2026-04-27',
    });
    // Never the "insurance due" alerts of an account with nothing in force.
    expect(
      [...seen.keys()].some((k) => k.startsWith('insurance-deadline') && seen.get(k)! >= '2026-03-25'),
    ).toBe(false);
    d.policies[0] = { ...d.policies[0]!, uploadedOn: '2026-04-21' };
    expect(keysOn([d], '2026-04-22').filter((k) => k.startsWith('policy-not-uploaded'))).toEqual([]);
    const alert = plan([d], '2026-03-26').alerts.find((a) => a.kind === 'threshold-exceeded');
    expect(alert, 'held but not uploaded still warns that insurance is required').toBeDefined();
    // …without telling the team to buy the policy it already has.
    expect(render(alert!).lines?.at(-1)).toBe(
      `Policy #${d.policies[0]!.number} is in force: it counts once Amazon has its certificate, by 2026-04-19.`,
    );
  });

  it('an unverified policy of a required account is flagged once per version', () => {
    const e = accountState('bare-us');
    withSales(e, '2026-03', '10,500', '2026-03-20');
    withPolicy(e, '2026-03-25', '2027-03-25', { perOccurrence: undefined, basis: undefined });
    const p = e.policies[0]!.id;
    const alert = plan([e], '2026-03-26').alerts.find((a) => a.kind === 'policy-unverified');
    expect(alert?.key).toBe(`policy-unverified/${p}/v1`);
    expect(render(alert!).lines?.join('\n')).toMatch(
      /per-occurrence limit and occurrence or claims-made basis never given/,
    );
    // Not uploaded either: that alert says so, and leaves the missing details to this one.
    const held = accountState('bare-held-us');
    withSales(held, '2026-03', '10,500', '2026-03-20');
    withPolicy(held, '2026-03-25', '2027-03-25', { perOccurrence: undefined, uploadedOn: undefined });
    const alerts = plan([held], '2026-03-26').alerts;
    const notUploaded = alerts.find((a) => a.kind === 'policy-not-uploaded');
    expect(render(notUploaded!).lines?.join('\n')).toContain('Amazon has no proof of it');
    expect(render(notUploaded!).lines?.join('\n')).not.toContain('never given');
    expect(render(alerts.find((a) => a.kind === 'policy-unverified')!).lines?.join('\n')).toContain(
      'per-occurrence limit never given',
    );
  });

  it('an unverified policy whose only gap is the account’s legal name asks for that name', () => {
    const base = accountState('nolegal-us');
    const e = { ...base, account: { ...base.account, legalName: undefined } };
    withSales(e, '2026-03', '10,500', '2026-03-20');
    withPolicy(e, '2026-03-25', '2027-03-25', { insuredName: 'No Legal LLC' });
    const alert = plan([e], '2026-03-26').alerts.find((a) => a.kind === 'policy-unverified');
    const lines = render(alert!).lines ?? [];
    expect(lines.join('\n')).not.toContain('never given');
    expect(lines.at(-1)).toBe(
      'Next: give the account its legal entity name, exactly as Seller Central shows it: /insurance account set nolegal-us legal:"…"',
    );
    // The insured name itself never given is the certificate's detail to add, not the account's.
    const noInsured = accountState('noinsured-us');
    withSales(noInsured, '2026-03', '10,500', '2026-03-20');
    withPolicy(noInsured, '2026-03-25', '2027-03-25', { insuredName: undefined });
    const other = plan([noInsured], '2026-03-26').alerts.find((a) => a.kind === 'policy-unverified');
    expect(render(other!).lines?.at(-1)).toMatch(/^Next: read the missing details off the certificate/);
  });

  it('alerts say what to do next, cite their rule and mention the owner', () => {
    const a = accountState('acme-us', { owner: 'U7' });
    withSales(a, '2026-03', '10,500', '2026-03-20');
    const [alert] = plan([a], '2026-03-20').alerts;
    const reply = render(alert!);
    expect(reply.title).toBe('acme-us must now carry product liability insurance');
    expect(reply.lines?.[0]).toBe('<@U7>');
    expect(reply.lines?.at(-1)).toBe(
      'Next: buy a policy naming "Amazon.com Services LLC and its affiliates and assignees" as additional insured, then record it with /insurance policy add acme-us …',
    );
    expect(reply.citations?.map((c) => c.id)).toEqual(['US-THRESHOLD-1M', 'DEADLINE-30D']);
  });

  it('a renewal that starts before the old policy expires suppresses the expiry alerts', () => {
    const a = accountState('renewed-us');
    withSales(a, '2026-01', '20,000', '2026-01-31');
    withPolicy(a, '2026-02-01', '2026-09-01');
    withPolicy(a, '2026-09-01', '2027-09-01');
    expect([...simulateYear([a]).keys()].filter((k) => k.startsWith('policy-'))).toEqual([]);
  });
});

describe('boundaries of the planner’s numbers', () => {
  it('Amazon’s request is announced while its 30-day clock runs: day 30 yes, day 31 no', () => {
    const a = accountState('asked-us');
    withRequest(a, '2026-02-05');
    const key = `proof-requested/${a.account.id}/2026-02-05`;
    expect(keysOn([a], '2026-03-07')).toContain(key); // day 30
    expect(keysOn([a], '2026-03-08')).not.toContain(key); // day 31
  });

  it('Amazon’s request with a policy in force names that policy in the next step', () => {
    const a = accountState('asked-held-us');
    withPolicy(a, '2026-01-01', '2027-01-01', { uploadedOn: undefined });
    withRequest(a, '2026-02-05');
    const alert = plan([a], '2026-02-06').alerts.find((x) => x.kind === 'proof-requested');
    const number = a.policies[0]!.number;
    expect(render(alert!).lines?.at(-1)).toBe(
      `Policy #${number} is in force: upload its certificate in Seller Central if you have not, then /insurance policy uploaded ${number}.`,
    );
  });

  it('an expired policy is announced for 30 days after its expiry, not on the 31st', () => {
    // Literal days, not the constant: a changed window must fail this test.
    expect(RECENT_LAPSE_DAYS).toBe(30);
    const a = accountState('lapsed-us');
    withPolicy(a, '2025-06-01', '2026-06-01');
    const key = `policy-expired/${a.policies[0]!.id}`;
    expect(keysOn([a], '2026-07-01')).toContain(key); // day 30
    expect(keysOn([a], '2026-07-02')).not.toContain(key); // day 31
  });

  it('approaching at 80% of the month, not at 79.99%', () => {
    const at80 = withSales(accountState('a80'), '2026-06', '8,000.00', '2026-06-15');
    const at79 = withSales(accountState('a79'), '2026-06', '7,999.99', '2026-06-15');
    expect(keysOn([at80], '2026-06-16')).toEqual([`threshold-approaching/${at80.account.id}/2026-06`]);
    expect(keysOn([at79], '2026-06-16')).toEqual([]);
  });

  it('under a three-month rule, 85% of one month alone is no "approaching" alert', () => {
    const mx = accountState('acme-mx', { marketplace: 'MX' });
    withSales(mx, '2024-03', '85,000', '2024-03-20');
    expect(keysOn([mx], '2024-03-21')).toEqual([]);
    withSales(mx, '2024-01', '120,000', '2024-01-31');
    withSales(mx, '2024-02', '130,000', '2024-02-29');
    mx.sales.sort((x, y) => x.month.localeCompare(y.month));
    expect(keysOn([mx], '2024-03-21')).toEqual([`threshold-approaching/${mx.account.id}/2024-03`]);
  });
});

describe('faults and identity', () => {
  it("one account's unreadable records are reported and the team's other accounts are still planned", () => {
    const bad = accountState('broken-us');
    bad.sales.push({
      id: 999_001,
      accountId: bad.account.id,
      month: '2026-03',
      amount: { minor: 1_200_000, currency: 'GBP' },
      recordedOn: '2026-03-20',
    });
    const good = withSales(accountState('fine-us'), '2026-03', '10,500', '2026-03-20');
    const { alerts, problems } = plan([bad, good], '2026-03-20');
    expect(problems).toEqual([
      {
        account: 'broken-us',
        problem: expect.any(String),
        id: 'error.rules.currency',
        values: { month: '2026-03', got: 'GBP', wanted: 'USD' },
      },
    ]);
    expect(alerts.map((a) => a.key)).toEqual([`threshold-exceeded/${good.account.id}/2026-03-20`]);
  });

  it('keys name the account by id: renaming it plans the same keys', () => {
    const a = withSales(accountState('before-rename'), '2026-03', '10,500', '2026-03-20');
    const before = keysOn([a], '2026-04-05');
    const renamed = { ...a, account: { ...a.account, name: 'after-rename' } };
    expect(keysOn([renamed], '2026-04-05')).toEqual(before);
    expect(before.every((k) => !k.includes('rename'))).toBe(true);
  });
});

describe('what each alert says: tone, findings and cited rules at their edges', () => {
  const one = (accounts: ReturnType<typeof accountState>[], day: string, kind: string) =>
    plan(accounts, day).alerts.filter((a) => a.kind === kind);
  const codes = (a: PlannedAlert | undefined) => a?.findings.map((f) => f.code);

  it('stages are listed largest first (dueStage relies on it)', () => {
    for (const stages of [DEADLINE_STAGES, EXPIRY_STAGES, CLAIM_STAGES])
      expect([...stages]).toEqual([...stages].sort((x, y) => y - x));
  });

  it('policy-expiring: warn at 8 days left, danger from 7; a policy that started today counts', () => {
    const a = withPolicy(accountState('exp-us'), '2026-01-01', '2026-12-31');
    expect(one([a], '2026-12-23', 'policy-expiring').map((x) => [x.key.split('/')[2], x.tone])).toEqual([
      ['14d', 'warn'],
    ]);
    expect(one([a], '2026-12-24', 'policy-expiring').map((x) => [x.key.split('/')[2], x.tone])).toEqual([
      ['7d', 'danger'],
    ]);
    expect(one([a], '2026-12-24', 'policy-expiring')[0]?.rules).toEqual(['POLICY-TERM']);
    const short = withPolicy(accountState('short-us'), '2026-06-01', '2026-07-01');
    expect(one([short], '2026-06-01', 'policy-expiring').length).toBe(1);
    expect(one([short], '2026-05-31', 'policy-expiring')).toEqual([]);
  });

  it('policy-expiring: a renewal that starts by the expiry day silences it; a gap does not', () => {
    const renewed = withPolicy(accountState('ren-us'), '2026-01-01', '2026-12-31');
    withPolicy(renewed, '2026-12-31', '2027-12-31');
    expect(one([renewed], '2026-12-24', 'policy-expiring')).toEqual([]);
    const gap = withPolicy(accountState('gap-us'), '2026-01-01', '2026-12-31');
    withPolicy(gap, '2027-01-01', '2027-12-31');
    expect(one([gap], '2026-12-24', 'policy-expiring').length).toBe(1);
    const shorter = withPolicy(accountState('shorter-us'), '2026-01-01', '2026-12-31');
    withPolicy(shorter, '2026-06-01', '2026-12-30');
    // The longer policy, on file since before the shorter one ends, carries the cover past it.
    expect(one([shorter], '2026-12-24', 'policy-expiring').map((x) => x.values.policy)).toEqual([
      shorter.policies[0]!.number,
    ]);
  });

  it('policy-expired: warn when not required, danger when required; not while another policy covers', () => {
    const free = withPolicy(accountState('free-us'), '2026-01-01', '2026-06-01');
    const [expired] = one([free], '2026-06-05', 'policy-expired');
    expect([expired?.tone, expired?.values.required]).toEqual(['warn', 'no']);
    const bound = withSales(
      withPolicy(accountState('bound-us'), '2026-01-01', '2026-06-01'),
      '2026-02',
      '20,000',
      '2026-02-10',
    );
    const [b] = one([bound], '2026-06-05', 'policy-expired');
    expect([b?.tone, b?.values.required]).toEqual(['danger', 'yes']);
    const overlap = withPolicy(accountState('overlap-us'), '2026-01-01', '2026-06-01');
    withPolicy(overlap, '2026-05-01', '2026-06-03');
    withPolicy(overlap, '2026-06-02', '2027-06-02');
    expect(one([overlap], '2026-06-05', 'policy-expired')).toEqual([]);
    expect(b?.rules).toEqual(['POLICY-TERM']);
  });

  it('policy-expired: a new policy after a gap ends the lapse alerts once it is in force', () => {
    const gap = withPolicy(accountState('gapx-us'), '2026-01-01', '2026-06-01');
    withPolicy(gap, '2026-06-10', '2027-06-10');
    // The new policy does not continue the old one (nine days uncovered): the lapse is announced …
    expect(one([gap], '2026-06-05', 'policy-expired').map((x) => x.key.split('/')[0])).toEqual([
      'policy-expired',
    ]);
    // … and no longer once the new one is in force, though the old one lapsed under 30 days ago.
    expect(one([gap], '2026-06-12', 'policy-expired')).toEqual([]);
  });

  it('policy-deficient: names only the failing requirements that are not advisory; not once expired', () => {
    const a = withPolicy(accountState('def-us'), '2026-01-01', '2026-12-31', {
      basis: 'claims-made',
      insurerRating: 'B',
    });
    const [d] = one([a], '2026-06-01', 'policy-deficient');
    expect([d?.tone, codes(d), d?.rules]).toEqual([
      'danger',
      ['policy.basis.claims-made'],
      ['POLICY-OCCURRENCE'],
    ]);
    expect(one([a], '2026-12-31', 'policy-deficient')).toEqual([]);
    expect(one([a], '2026-12-30', 'policy-deficient').length).toBe(1);
  });

  it('insurance-overdue: counted from the day after the deadline, or from a lapse after it', () => {
    // Required from the March sales; the deadline is 2026-04-19.
    const required = (name: string) => withSales(accountState(name), '2026-03', '10,500', '2026-03-20');
    const firstDay = (a: ReturnType<typeof accountState>, day: string) =>
      one([a], day, 'insurance-overdue').map((x) => [x.key.split('/')[2], x.values.since]);
    // A policy that ran out on the deadline day, or before it, left the account uncovered on the
    // deadline: overdue from the day after, as with no policy at all.
    expect(firstDay(withPolicy(required('od1-us'), '2026-01-01', '2026-04-19'), '2026-04-20')).toEqual([
      ['2026-04-20', '2026-04-20'],
    ]);
    expect(firstDay(withPolicy(required('od2-us'), '2026-01-01', '2026-04-10'), '2026-04-20')).toEqual([
      ['2026-04-20', '2026-04-20'],
    ]);
    // One that ran past the deadline and then lapsed: overdue from the lapse.
    expect(firstDay(withPolicy(required('od3-us'), '2026-01-01', '2026-05-02'), '2026-05-04')).toEqual([
      ['2026-05-02', '2026-05-02'],
    ]);
    // It says why: the trigger, and that nothing is in force.
    const [o] = one([required('od4-us')], '2026-04-20', 'insurance-overdue');
    expect([o?.tone, codes(o)]).toEqual(['danger', ['eligibility.threshold-met', 'standing.none']]);
  });

  it('insurance-deadline: warn at 4 days left, danger from 3', () => {
    const a = withSales(accountState('dl-us'), '2026-03', '10,500', '2026-03-20');
    const tone = (day: string) =>
      one([a], day, 'insurance-deadline').map((x) => [x.key.split('/')[3], x.tone]);
    expect(tone('2026-04-15')).toEqual([['7d', 'warn']]);
    expect(tone('2026-04-16')).toEqual([['3d', 'danger']]);
    expect(codes(one([a], '2026-04-16', 'insurance-deadline')[0])).toEqual(['standing.none']);
  });

  it('threshold-exceeded: the threshold as trigger, planned through the deadline day, never once overdue', () => {
    const a = withSales(accountState('te-us'), '2026-03', '10,500', '2026-03-20');
    withRequest(a, '2026-03-25');
    const [t] = one([a], '2026-03-25', 'threshold-exceeded');
    expect([t?.tone, codes(t)]).toEqual(['danger', ['eligibility.threshold-met']]);
    // Amazon asked first: that request is the trigger, announced as proof-requested instead.
    const asked = withRequest(
      withSales(accountState('te3-us'), '2026-03', '10,500', '2026-03-20'),
      '2026-03-10',
    );
    expect(one([asked], '2026-03-25', 'threshold-exceeded')).toEqual([]);
    expect(one([a], '2026-04-19', 'threshold-exceeded').length).toBe(1);
    // Proof already on file before the deadline: nothing to announce.
    const insured = withPolicy(
      withSales(accountState('te4-us'), '2026-03', '10,500', '2026-03-20'),
      '2026-01-01',
      '2027-01-01',
    );
    expect(one([insured], '2026-03-25', 'threshold-exceeded')).toEqual([]);
    // What to do next names Amazon's additional-insured wording where the rules give one (the US),
    // and asks for a policy without a name where they do not (Canada).
    const next = (x: PlannedAlert | undefined) => (x ? render(x).lines?.at(-1) : undefined);
    expect(next(t)).toContain('naming "Amazon.com Services LLC and its affiliates and assignees"');
    const ca = withSales(accountState('te-ca', { marketplace: 'CA' }), '2026-03', '10,500', '2026-03-20');
    const [c] = one([ca], '2026-03-25', 'threshold-exceeded');
    expect([c?.values.wording, next(c)]).toEqual([
      'none',
      'Next: buy a policy, then record it with /insurance policy add te-ca …',
    ]);
    expect(
      one(
        [withSales(accountState('te2-us'), '2026-03', '10,500', '2026-03-20')],
        '2026-04-20',
        'threshold-exceeded',
      ),
    ).toEqual([]);
  });

  it('threshold-approaching: only near the threshold, and not when proof is on file', () => {
    const low = withSales(accountState('low-us'), '2026-06', '1,000', '2026-06-10');
    expect(one([low], '2026-06-15', 'threshold-approaching')).toEqual([]);
    // 8,500 through the 10th is a pace that passed 10,000 on the 12th: the alert says so.
    const near = withSales(accountState('near-us'), '2026-06', '8,500', '2026-06-10');
    const [n] = one([near], '2026-06-15', 'threshold-approaching');
    expect([n?.tone, codes(n)]).toEqual(['warn', ['eligibility.approaching', 'eligibility.pace-passed']]);
    // Through the 14th, the same total's pace passes it on the 17th: a forecast, alone.
    const fresh = withSales(accountState('fresh-us'), '2026-06', '8,500', '2026-06-14');
    const [f] = one([fresh], '2026-06-15', 'threshold-approaching');
    expect([f?.tone, codes(f)]).toEqual(['warn', ['eligibility.approaching']]);
    withPolicy(near, '2026-01-01', '2027-01-01');
    expect(one([near], '2026-06-15', 'threshold-approaching')).toEqual([]);
  });

  it('proof-requested: danger while uncovered, info once proof is on file', () => {
    const a = withRequest(accountState('pr-us'), '2026-06-01');
    const [p] = one([a], '2026-06-02', 'proof-requested');
    expect([p?.tone, p?.values.covered, p?.rules]).toEqual([
      'danger',
      'no',
      ['AMAZON-REQUEST', 'DEADLINE-30D'],
    ]);
    withPolicy(a, '2026-06-01', '2027-06-01');
    const [q] = one([a], '2026-06-02', 'proof-requested');
    expect([q?.tone, q?.values.covered]).toEqual(['info', 'yes']);
  });

  it('policy-not-uploaded: names the held policy (not the first on file), warn at 4 days, danger from 3', () => {
    const a = withSales(accountState('nu-us'), '2026-03', '10,500', '2026-03-20');
    withPolicy(a, '2025-01-01', '2025-12-31');
    withPolicy(a, '2026-04-01', '2027-04-01', { uploadedOn: undefined });
    const held = a.policies[1]!;
    const at4 = one([a], '2026-04-15', 'policy-not-uploaded');
    expect(at4.map((x) => [x.key.split('/')[1], x.tone, x.values.policy])).toEqual([
      [String(held.id), 'warn', held.number],
    ]);
    expect(codes(at4[0])).toContain('standing.not-uploaded');
    expect(one([a], '2026-04-16', 'policy-not-uploaded')[0]?.tone).toBe('danger');
  });

  it('claim-due: says what follows if nothing is done; closed claims are quiet', () => {
    const a = withClaim(accountState('cd-us'), 'AZ-1', '2,500', '2026-06-01', {
      responseDueOn: '2026-06-05',
    });
    const [c] = one([a], '2026-06-04', 'claim-due');
    expect([c?.tone, c?.findings.length]).toEqual(['danger', 1]);
    const closed = withClaim(accountState('cc-us'), 'AZ-2', '2,500', '2026-06-01', {
      responseDueOn: '2026-06-05',
      status: 'closed',
    });
    expect(one([closed], '2026-06-04', 'claim-due')).toEqual([]);
  });
});

describe('each account’s day', () => {
  it('is its store’s, as Amazon counts it, whatever the team’s zone; an account’s own zone wins', () => {
    // 20:00 UTC on Nov 30: noon in Los Angeles, already Dec 1 in Tokyo.
    const instant = new Date('2026-11-30T20:00:00Z');
    const kinds = (a: ReturnType<typeof accountState>) =>
      planAlerts({ accounts: [a] }, instant).alerts.map((x) => x.kind);
    const us = withSales(accountState('shop-us'), '2026-10', '10,500', '2026-11-02');
    const jp = withSales(
      accountState('shop-jp', { marketplace: 'JP' }),
      '2026-10',
      '1,050,000',
      '2026-11-02',
    );
    // Both crossed in October (trigger Oct 31, deadline Nov 30): the US account's last day, Japan's day after.
    expect(kinds(us)).toContain('insurance-deadline');
    expect(kinds(us)).not.toContain('insurance-overdue');
    expect(kinds(jp)).toContain('insurance-overdue');
    const inTokyo = { ...us, account: { ...us.account, timeZone: 'Asia/Tokyo' } };
    expect(kinds(inTokyo)).toContain('insurance-overdue');
  });
});
