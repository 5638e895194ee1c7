// The planner with a fixed clock across a whole year: each alert appears on its stage day, and —
// through an outbox keyed like the real one — never twice.
import { describe, expect, it } from 'vitest';
import { dueStage, planAlerts } from '../../src/alerts/planner.ts';
import { addDays } from '../../src/rules/calendar.ts';
import { accountState, withClaim, withPolicy, withRequest, withSales } from './fixtures.ts';

const mention = (id: string) => `<@${id}>`;

/** Runs the planner once a day at 10:00 in Los Angeles for a year; returns the day each key was first planned. */
function simulateYear(accounts: ReturnType<typeof accountState>[], from = '2026-01-01', to = '2026-12-31') {
  const firstSeen = new Map<string, string>();
  const perDay: string[][] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const alerts = planAlerts(
      { timeZone: 'America/Los_Angeles', accounts, mention },
      new Date(`${day}T18:00:00Z`),
    );
    const keys = alerts.map((a) => a.key);
    expect(new Set(keys).size, `duplicate keys planned on ${day}`).toBe(keys.length);
    perDay.push(keys);
    for (const k of keys) if (!firstSeen.has(k)) firstSeen.set(k, day);
  }
  return { firstSeen, perDay };
}

describe('dueStage', () => {
  it('picks the smallest stage at or above the days left, and catches up a missed stage', () => {
    expect(dueStage([14, 7, 3, 1, 0], 15)).toBeUndefined();
    expect(dueStage([14, 7, 3, 1, 0], 14)).toBe(14);
    expect(dueStage([14, 7, 3, 1, 0], 9)).toBe(14);
    expect(dueStage([14, 7, 3, 1, 0], 7)).toBe(7);
    expect(dueStage([14, 7, 3, 1, 0], 5)).toBe(7);
    expect(dueStage([14, 7, 3, 1, 0], 0)).toBe(0);
    expect(dueStage([14, 7, 3, 1, 0], -1)).toBeUndefined();
  });
});

describe('a year of daily sweeps', () => {
  it('threshold crossed, deadline stages, overdue weekly, then a policy: every alert on its day', () => {
    const a = accountState('acme-us', { owner: 'U7' });
    withSales(a, '2026-03', '10,500', '2026-03-20');
    withPolicy(a, '2026-04-25', '2026-10-25');
    const { firstSeen } = simulateYear([a]);
    expect(Object.fromEntries(firstSeen)).toEqual({
      'threshold-exceeded/acme-us/2026-03-20': '2026-03-20',
      'insurance-deadline/acme-us/2026-04-19/14d': '2026-04-05',
      'insurance-deadline/acme-us/2026-04-19/7d': '2026-04-12',
      'insurance-deadline/acme-us/2026-04-19/3d': '2026-04-16',
      'insurance-deadline/acme-us/2026-04-19/1d': '2026-04-18',
      'insurance-deadline/acme-us/2026-04-19/0d': '2026-04-19',
      'insurance-overdue/acme-us/2026-04-20/w0': '2026-04-20',
      // insured from 2026-04-25 until the policy expires on 2026-10-25
      [`policy-expiring/${a.policies[0]!.id}/60d`]: '2026-08-26',
      [`policy-expiring/${a.policies[0]!.id}/30d`]: '2026-09-25',
      [`policy-expiring/${a.policies[0]!.id}/14d`]: '2026-10-11',
      [`policy-expiring/${a.policies[0]!.id}/7d`]: '2026-10-18',
      [`policy-expiring/${a.policies[0]!.id}/1d`]: '2026-10-24',
      [`policy-expiring/${a.policies[0]!.id}/0d`]: '2026-10-25',
      [`policy-expired/${a.policies[0]!.id}`]: '2026-10-26',
      // uninsured again from the expiry day: weekly from then on
      ...Object.fromEntries(
        Array.from({ length: 10 }, (_, w) => [
          `insurance-overdue/acme-us/2026-10-25/w${w}`,
          addDays('2026-10-25', 7 * w),
        ]),
      ),
    });
  });

  it('approaching the threshold, once per month, only while not required and not insured', () => {
    const b = accountState('small-us');
    withSales(b, '2026-06', '8,600', '2026-06-15');
    withSales(b, '2026-07', '7,000', '2026-07-10');
    withSales(b, '2026-07', '9,000', '2026-07-20');
    withSales(b, '2026-08', '10,000', '2026-08-30');
    const { firstSeen } = simulateYear([b]);
    expect(Object.fromEntries(firstSeen)).toEqual({
      'threshold-approaching/small-us/2026-06': '2026-06-15',
      'threshold-approaching/small-us/2026-07': '2026-07-20',
      'threshold-approaching/small-us/2026-08': '2026-08-30',
    });
  });

  it("Amazon's proof request, a small claim's 7-day proof window, and a deficient policy per version", () => {
    const c = accountState('asked-us');
    withRequest(c, '2026-02-05');
    withPolicy(c, '2026-03-01', '2027-03-01', { aggregate: { minor: 50_000_000, currency: 'USD' } });
    withClaim(c, 'AZ-1', '800', '2026-05-01');
    const { firstSeen } = simulateYear([c]);
    const p = c.policies[0]!.id;
    expect(Object.fromEntries(firstSeen)).toEqual({
      'proof-requested/asked-us/2026-02-05': '2026-02-05',
      'insurance-deadline/asked-us/2026-03-07/14d': '2026-02-21',
      'insurance-deadline/asked-us/2026-03-07/7d': '2026-02-28',
      [`policy-deficient/${p}/v1`]: '2026-01-01',
      [`policy-expiring/${p}/60d`]: '2026-12-31',
      'insurance-deadline/asked-us/2026-03-07/3d': '2026-03-04',
      'insurance-deadline/asked-us/2026-03-07/1d': '2026-03-06',
      'insurance-deadline/asked-us/2026-03-07/0d': '2026-03-07',
      ...Object.fromEntries(
        Array.from({ length: 43 }, (_, w) => [
          `insurance-overdue/asked-us/2026-03-08/w${w}`,
          addDays('2026-03-08', 7 * w),
        ]),
      ),
      'claim-due/AZ-1/2026-05-08/3d': '2026-05-05',
      'claim-due/AZ-1/2026-05-08/1d': '2026-05-07',
      'claim-due/AZ-1/2026-05-08/0d': '2026-05-08',
    });
    c.policies[0] = { ...c.policies[0]!, version: 2 };
    const later = planAlerts(
      { timeZone: 'America/Los_Angeles', accounts: [c], mention },
      new Date('2026-06-01T18:00:00Z'),
    );
    expect(later.map((x) => x.key)).toContain(`policy-deficient/${p}/v2`);
  });

  it('alerts say what to do next, cite their rule and mention the owner', () => {
    const a = accountState('acme-us', { owner: 'U7' });
    withSales(a, '2026-03', '10,500', '2026-03-20');
    const [alert] = planAlerts(
      { timeZone: 'America/Los_Angeles', accounts: [a], mention },
      new Date('2026-03-20T18:00:00Z'),
    );
    expect(alert!.reply.title).toBe('acme-us must now carry product liability insurance');
    expect(alert!.reply.lines?.[0]).toBe('<@U7>');
    expect(alert!.reply.lines?.some((l) => l.startsWith('Next: '))).toBe(true);
    expect(alert!.reply.citations?.map((c) => c.id)).toEqual(['US-THRESHOLD-1M', 'DEADLINE-30D']);
  });

  it('a renewal that starts before the old policy expires suppresses the expiry alerts', () => {
    const a = accountState('renewed-us');
    withSales(a, '2026-01', '20,000', '2026-01-31');
    withPolicy(a, '2026-02-01', '2026-09-01');
    withPolicy(a, '2026-09-01', '2027-09-01');
    const { firstSeen } = simulateYear([a]);
    expect([...firstSeen.keys()].filter((k) => k.startsWith('policy-'))).toEqual([]);
  });
});
