import { describe, expect, it } from 'vitest';
import { wordsFor } from '../../src/i18n/index.ts';
import { MoneyError, parseMoney, percentOf, usd } from '../../src/rules/index.ts';

describe('parseMoney', () => {
  it.each([
    ['12480.50', 1_248_050],
    ['$12,480.50', 1_248_050],
    ['12,480.5', 1_248_050],
    ['12.5k', 1_250_000],
    ['1.2m', 120_000_000],
    ['10000', 1_000_000],
    ['USD 10,000.01', 1_000_001],
    ['10000usd', 1_000_000],
    ['.99', 99],
    ['0', 0],
    ['12.345k', 1_234_500],
  ])('%s -> %d cents', (text, minor) => {
    expect(parseMoney(text, 'USD')).toEqual({ minor, currency: 'USD' });
  });

  // The problem is a code with values; the words are the catalogue's (here English).
  const en = wordsFor('en');
  it.each([
    ['-5', 'negative', '"-5" is negative'],
    ['12.345', 'decimals', 'more than 2 decimals'],
    ['twelve', 'not-amount', 'is not an amount'],
    ['', 'empty', 'has no number in it'],
    ['1,23,456', 'separators', 'misplaced thousands separators'],
    ['5000000000000000', 'too-large', 'implausibly large'],
    ['CAD 500', 'other-currency', 'is in CAD, but this account counts sales in USD'],
    ['€500', 'other-currency', 'is in EUR'],
    ['XYZ 5', 'unknown-currency', '"XYZ" is not a known currency'],
  ])('rejects %j (%s)', (text, code, words) => {
    const err = (() => {
      try {
        parseMoney(text, 'USD');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(MoneyError);
    const { code: got, values } = err as MoneyError;
    expect(got).toBe(code);
    expect(en.t(`error.money.${got}`, { arg: 'amount', ...values })).toContain(words);
  });

  it('knows currencies without a minor unit', () => {
    expect(parseMoney('1,000,000', 'JPY')).toEqual({ minor: 1_000_000, currency: 'JPY' });
    expect(() => parseMoney('100.5', 'JPY')).toThrow(expect.objectContaining({ code: 'no-minor-unit' }));
  });
});

describe('percentOf', () => {
  it('rounds down and refuses mixed currencies', () => {
    expect(percentOf(usd(7999, 99), usd(10000))).toBe(79);
    expect(percentOf(usd(8000), usd(10000))).toBe(80);
    expect(percentOf(usd(5), { minor: 0, currency: 'USD' })).toBe(0);
    expect(() => percentOf(usd(1), { minor: 1, currency: 'EUR' })).toThrow(
      expect.objectContaining({ code: 'other-currency', values: expect.objectContaining({ wanted: 'EUR' }) }),
    );
  });
});

describe('calendar validation', async () => {
  const { isCalendarDate, isMonth, parseCalendarDate, addDays, daysBetween } = await import(
    '../../src/rules/calendar.ts'
  );
  it('accepts real dates and months only', () => {
    expect(['2024-02-29', '2026-12-31', '2021-09-01'].every(isCalendarDate)).toBe(true);
    expect(
      ['2026-02-29', '2026-13-01', '2026-04-31', '26-01-01', '2026-1-1', '0000-01-01'].some(isCalendarDate),
    ).toBe(false);
    expect(['2026-01', '2026-12'].every(isMonth)).toBe(true);
    expect(['2026-00', '2026-13', '2026-1', '202-01'].some(isMonth)).toBe(false);
    expect(() => parseCalendarDate('31/10/2026')).toThrow(/write it as YYYY-MM-DD/);
  });
  it('adds and counts days across months, leap years and DST', () => {
    expect(addDays('2024-02-05', 30)).toBe('2024-03-06');
    expect(addDays('2021-01-31', 30)).toBe('2021-03-02');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(daysBetween('2022-05-01', '2023-04-20')).toBe(354);
    expect(daysBetween('2023-04-20', '2022-05-01')).toBe(-354);
  });
});
