// Calendar dates and months: every edge of the shape, month-length and leap-year checks, one case
// per input so that a check that stops biting fails by name.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsTo,
  CalendarError,
  dateIn,
  daysBetween,
  hourIn,
  isCalendarDate,
  isMonth,
  isTimeZone,
  lastDayOf,
  maxDate,
  parseCalendarDate,
  parseMonth,
  wallTimeIn,
} from '../../src/rules/calendar.ts';

describe('isCalendarDate', () => {
  it.each([
    '2024-02-29', // leap year
    '2024-01-31', // a leap year's other months keep their own length
    '2024-12-31',
    '2000-02-29', // divisible by 400
    '2026-02-28',
    '2026-12-31',
    '2026-01-31',
    '2026-04-30',
    '2021-09-01',
    '1000-01-01', // the earliest year accepted
  ])('accepts %s', (text) => expect(isCalendarDate(text)).toBe(true));

  it.each([
    ['2026-02-29', 'not a leap year'],
    ['1900-02-29', 'divisible by 100, not by 400'],
    ['2100-02-29', 'divisible by 100, not by 400'],
    ['2026-02-30', 'February is never 30 days'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-01-32', 'day 32'],
    ['0999-12-31', 'year before 1000'],
    ['0000-01-01', 'year 0'],
    ['26-01-01', 'two-digit year'],
    ['2026-1-1', 'single digits'],
    ['x2026-01-01', 'text before'],
    ['2026-01-01x', 'text after'],
    [' 2026-01-01', 'space before (parse trims, the check does not)'],
  ])('refuses %s (%s)', (text) => expect(isCalendarDate(text)).toBe(false));
});

describe('isMonth', () => {
  it.each(['2026-01', '2026-12', '1000-01'])('accepts %s', (text) => expect(isMonth(text)).toBe(true));
  it.each([
    ['2026-00', 'month 0'],
    ['2026-13', 'month 13'],
    ['0999-12', 'year before 1000'],
    ['2026-1', 'single digit'],
    ['202-01', 'three-digit year'],
    ['x2026-01', 'text before'],
    ['2026-01x', 'text after'],
    ['2026-01-01', 'a date'],
  ])('refuses %s (%s)', (text) => expect(isMonth(text)).toBe(false));
});

describe('parsing', () => {
  it('trims and returns the date or month', () => {
    expect(parseCalendarDate('  2026-10-31 ')).toBe('2026-10-31');
    expect(parseMonth(' 2026-10\t')).toBe('2026-10');
  });
  it.each([
    [
      () => parseCalendarDate('31/10/2026'),
      '"31/10/2026" is not a date; write it as YYYY-MM-DD, e.g. 2026-10-31',
    ],
    [() => parseMonth('Oct 2026'), '"Oct 2026" is not a month; write it as YYYY-MM, e.g. 2026-10'],
    [() => parseMonth('2026-13'), '"2026-13" is not a month; write it as YYYY-MM, e.g. 2026-10'],
  ])('refuses with an example of what is right (%#)', (parse, message) => {
    let err: unknown;
    try {
      parse();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CalendarError);
    expect((err as Error).name).toBe('CalendarError');
    expect((err as Error).message).toBe(message);
  });
});

describe('arithmetic', () => {
  it.each([
    ['2024-02-05', 30, '2024-03-06'],
    ['2021-01-31', 30, '2021-03-02'],
    ['2026-03-08', 1, '2026-03-09'], // a DST change in the US
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2999-06-15', 0, '2999-06-15'],
  ])('%s + %d days = %s', (from, n, to) => expect(addDays(from, n)).toBe(to));

  it('counts whole days either way', () => {
    expect(daysBetween('2022-05-01', '2023-04-20')).toBe(354);
    expect(daysBetween('2023-04-20', '2022-05-01')).toBe(-354);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('1999-12-31', '2000-01-01')).toBe(1);
  });

  it.each([
    ['2024-02', '2024-02-29'],
    ['2026-02', '2026-02-28'],
    ['2026-04', '2026-04-30'],
    ['2026-12', '2026-12-31'],
  ])('the last day of %s is %s (asked twice)', (month, last) => {
    expect(lastDayOf(month)).toBe(last);
    expect(lastDayOf(month)).toBe(last);
  });

  it.each([
    ['2026-11', 2, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-05', 0, '2026-05'],
    ['2026-01', 12, '2027-01'],
  ])('%s + %d months = %s', (month, n, to) => expect(addMonthsTo(month, n)).toBe(to));

  it('picks the later date', () => {
    expect(maxDate('2026-01-02', '2026-01-01')).toBe('2026-01-02');
    expect(maxDate('2026-01-01', '2026-01-02')).toBe('2026-01-02');
  });
});

describe('time zones', () => {
  it('knows a zone from a typo', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('America/Los_Angles')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    // Asked again: answered from the zones already found valid, with the same answers.
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('America/Los_Angles')).toBe(false);
  });

  it('gives the date and hour an instant falls on in each zone', () => {
    const instant = new Date('2026-11-22T05:30:00Z');
    expect(dateIn('America/Los_Angeles', instant)).toBe('2026-11-21');
    expect(dateIn('Asia/Shanghai', instant)).toBe('2026-11-22');
    // Asked again (answered from memory) and for another zone at the same instant.
    expect(dateIn('America/Los_Angeles', instant)).toBe('2026-11-21');
    expect(dateIn('UTC', instant)).toBe('2026-11-22');
    expect(hourIn('America/Los_Angeles', instant)).toBe(21);
    expect(hourIn('Asia/Shanghai', instant)).toBe(13);
    expect(hourIn('UTC', instant)).toBe(5);
    // The minute too, zero-padded, on each zone's wall clock.
    expect(wallTimeIn('America/Los_Angeles', instant)).toEqual({ date: '2026-11-21', time: '21:30' });
    expect(wallTimeIn('Asia/Kolkata', new Date('2026-11-22T03:05:00Z'))).toEqual({
      date: '2026-11-22',
      time: '08:35',
    });
  });

  it('stays right after more instants than it remembers', () => {
    const start = Date.UTC(2026, 0, 1);
    for (let h = 0; h < 1100; h++) {
      const instant = new Date(start + h * 3_600_000);
      expect(dateIn('UTC', instant)).toBe(instant.toISOString().slice(0, 10));
      expect(hourIn('UTC', instant)).toBe(h % 24);
    }
  });
});
