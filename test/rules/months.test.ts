// Months as the records showed them on a given day: grouping, ordering of unsorted input, which
// revisions were known yet, and the day a month was first known to be over a limit.
import { describe, expect, it } from 'vitest';
import { usd } from '../../src/rules/money.ts';
import {
  countsFrom,
  monthKey,
  monthStates,
  overSince,
  paceCrossing,
  RulesInputError,
  type SalesRevision,
} from '../../src/rules/months.ts';

const rev = (month: string, dollars: number, recordedOn?: string, seq?: number): SalesRevision => ({
  month,
  amount: usd(dollars),
  recordedOn,
  seq,
});
const summary = (states: ReturnType<typeof monthStates>) =>
  states.map((s) => `${s.month}=${s.latest.minor / 100}`).join(' ');

describe('monthKey', () => {
  it.each([
    ['2026-10', 2026 * 12 + 9],
    ['1999-12', 1999 * 12 + 11],
    ['2000-01', 2000 * 12],
    ['9876-05', 9876 * 12 + 4],
    ['2026-10-31', 2026 * 12 + 9], // a date keys to its month
  ])('%s -> %d', (m, key) => expect(monthKey(m)).toBe(key));

  it('makes consecutive months differ by one across a year end', () => {
    expect(monthKey('2027-01') - monthKey('2026-12')).toBe(1);
  });
});

describe('countsFrom', () => {
  it('counts a value recorded after the month closed (or on its last day) from the last day', () => {
    expect(countsFrom(rev('2026-10', 1), '2026-10-31')).toEqual({ on: '2026-10-31', basis: 'month-end' });
    expect(countsFrom(rev('2026-10', 1, '2026-10-31'), '2026-10-31')).toEqual({
      on: '2026-10-31',
      basis: 'month-end',
    });
    expect(countsFrom(rev('2026-10', 1, '2026-11-03'), '2026-10-31')).toEqual({
      on: '2026-10-31',
      basis: 'month-end',
    });
  });
  it('counts a month-to-date value from the day recorded, never before the month began', () => {
    expect(countsFrom(rev('2026-10', 1, '2026-10-30'), '2026-10-31')).toEqual({
      on: '2026-10-30',
      basis: 'recorded',
    });
    expect(countsFrom(rev('2026-10', 1, '2026-09-28'), '2026-10-31')).toEqual({
      on: '2026-10-01',
      basis: 'recorded',
    });
  });
});

describe('monthStates', () => {
  it('groups sorted revisions by month, keeping the latest', () => {
    const s = [rev('2026-08', 5), rev('2026-09', 7, '2026-09-10', 1), rev('2026-09', 9, '2026-09-20', 2)];
    expect(summary(monthStates(s, 'USD', '2026-11-01'))).toBe('2026-08=5 2026-09=9');
  });

  it('sorts months that arrive out of order', () => {
    const s = [rev('2026-10', 3), rev('2026-08', 1), rev('2026-09', 2)];
    expect(summary(monthStates(s, 'USD', '2026-11-01'))).toBe('2026-08=1 2026-09=2 2026-10=3');
  });

  it('sorts revisions within a month by recording day, then sequence, then amount', () => {
    const byDay = [rev('2026-09', 9, '2026-09-20'), rev('2026-09', 7, '2026-09-10')];
    expect(summary(monthStates(byDay, 'USD', '2026-11-01'))).toBe('2026-09=9');
    // A correction down, recorded on a later day: the later one is the month's figure, whatever its size.
    const lowerLater = [rev('2026-09', 7, '2026-09-20'), rev('2026-09', 9, '2026-09-10')];
    expect(summary(monthStates(lowerLater, 'USD', '2026-11-01'))).toBe('2026-09=7');
    const bySeq = [rev('2026-09', 9, '2026-09-10', 2), rev('2026-09', 7, '2026-09-10', 1)];
    expect(summary(monthStates(bySeq, 'USD', '2026-11-01'))).toBe('2026-09=9');
    const byAmount = [rev('2026-09', 9, '2026-09-10', 1), rev('2026-09', 7, '2026-09-10', 1)];
    expect(summary(monthStates(byAmount, 'USD', '2026-11-01'))).toBe('2026-09=9');
    // A month-to-date value comes before the one recorded after the month closed.
    const closedLast = [rev('2026-09', 9), rev('2026-09', 7, '2026-09-10')];
    expect(summary(monthStates(closedLast, 'USD', '2026-11-01'))).toBe('2026-09=9');
  });

  it('leaves out months after the as-of day, wherever they appear', () => {
    expect(summary(monthStates([rev('2026-10', 1), rev('2027-01', 2)], 'USD', '2026-11-15'))).toBe(
      '2026-10=1',
    );
    expect(
      summary(monthStates([rev('2027-01', 2), rev('2026-11', 1, '2026-11-02')], 'USD', '2026-11-15')),
    ).toBe('2026-11=1');
    expect(summary(monthStates([rev('2027-01', 2), rev('2027-02', 1)], 'USD', '2026-11-15'))).toBe('');
  });

  it('in the as-of month, keeps only what was recorded by the as-of day', () => {
    const s = [rev('2026-11', 4, '2026-11-05', 1), rev('2026-11', 12, '2026-11-20', 2)];
    expect(summary(monthStates(s, 'USD', '2026-11-15'))).toBe('2026-11=4');
    expect(summary(monthStates(s, 'USD', '2026-11-20'))).toBe('2026-11=12');
    expect(summary(monthStates([rev('2026-11', 12, '2026-11-20')], 'USD', '2026-11-15'))).toBe('');
  });

  it('refuses a revision in another currency, naming the month', () => {
    let err: unknown;
    try {
      monthStates(
        [rev('2026-09', 1), { month: '2026-10', amount: { minor: 5, currency: 'EUR' } }],
        'USD',
        '2026-11-01',
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RulesInputError);
    expect(err).toMatchObject({
      name: 'RulesInputError',
      message: 'currency: {"month":"2026-10","got":"EUR","wanted":"USD"}',
      code: 'currency',
      values: { month: '2026-10', got: 'EUR', wanted: 'USD' },
    });
  });

  it('is empty without sales', () => {
    expect(monthStates([], 'USD', '2026-11-01')).toEqual([]);
  });
});

describe('overSince', () => {
  const limit = usd(10_000).minor;
  const state = (...s: SalesRevision[]) => monthStates(s, 'USD', '2027-01-01')[0]!;

  it('is undefined at exactly the limit ("exceed")', () => {
    expect(overSince(state(rev('2026-10', 10_000, '2026-10-20')), limit)).toBeUndefined();
  });
  it('is the first day the records showed the month over', () => {
    const s = state(
      rev('2026-10', 9_000, '2026-10-10', 1),
      rev('2026-10', 10_001, '2026-10-20', 2),
      rev('2026-10', 12_000, '2026-10-25', 3),
    );
    expect(overSince(s, limit)).toEqual({ on: '2026-10-20', basis: 'recorded' });
  });
  it('is undefined when the latest value was corrected back to the limit', () => {
    const s = state(rev('2026-10', 12_000, '2026-10-20', 1), rev('2026-10', 10_000, '2026-10-25', 2));
    expect(overSince(s, limit)).toBeUndefined();
  });
  it('is the month end for a value recorded after the month closed', () => {
    expect(overSince(state(rev('2026-10', 10_001)), limit)).toEqual({ on: '2026-10-31', basis: 'month-end' });
  });
});

describe('paceCrossing: where this month is heading at its rate so far', () => {
  it('the first day the projected total is over the limit, not at it', () => {
    // 5,000 through the 10th: 500 a day; 10,000 on the 20th is at the limit, over on the 21st.
    expect(paceCrossing(usd(5_000), '2026-11-10', usd(10_000))).toBe('2026-11-21');
    // 4,250 through the 10th: 425 a day; over on the 24th (10,200), not the 23rd (9,775).
    expect(paceCrossing(usd(4_250), '2026-11-10', usd(10_000))).toBe('2026-11-24');
  });
  it('nothing when the month cannot get there at this pace, nothing sold, or already over', () => {
    expect(paceCrossing(usd(3_000), '2026-11-10', usd(10_000))).toBeUndefined();
    expect(paceCrossing(usd(0), '2026-11-10', usd(10_000))).toBeUndefined();
    expect(paceCrossing(usd(10_001), '2026-11-10', usd(10_000))).toBeUndefined();
    // A negative total (refunds over sales) has no pace either.
    expect(paceCrossing(usd(-100), '2026-11-10', usd(10_000))).toBeUndefined();
  });
  it('exactly at the limit is not over it: the next day is', () => {
    expect(paceCrossing(usd(10_000), '2026-11-10', usd(10_000))).toBe('2026-11-11');
  });
  it('a day before the 10th is written with two digits', () => {
    // 6,000 through the 3rd: 2,000 a day; over 10,000 on the 6th.
    expect(paceCrossing(usd(6_000), '2026-11-03', usd(10_000))).toBe('2026-11-06');
  });
  it('the month’s own length: the 31st exists in October, not in November', () => {
    expect(paceCrossing(usd(3_300), '2026-10-10', usd(10_000))).toBe('2026-10-31');
    expect(paceCrossing(usd(3_300), '2026-11-10', usd(10_000))).toBeUndefined();
  });
});
