import { describe, expect, it } from 'vitest';
import { formatMoney, MoneyError, parseMoney, percentOf, usd } from '../../src/rules/index.ts';

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

  it.each([
    ['-5', /negative/],
    ['12.345', /more than 2 decimals/],
    ['twelve', /not an amount/],
    ['', /no number/],
    ['1,23,456', /misplaced thousands separators/],
    ['5000000000000000', /implausibly large/],
    ['CAD 500', /in CAD, but this account counts sales in USD/],
    ['€500', /in EUR/],
    ['XYZ 5', /not a known currency/],
  ])('rejects %j', (text, message) => {
    expect(() => parseMoney(text, 'USD')).toThrow(MoneyError);
    expect(() => parseMoney(text, 'USD')).toThrow(message);
  });

  it('knows currencies without a minor unit', () => {
    expect(parseMoney('1,000,000', 'JPY')).toEqual({ minor: 1_000_000, currency: 'JPY' });
    expect(() => parseMoney('100.5', 'JPY')).toThrow(/JPY has no minor unit/);
  });
});

describe('formatMoney', () => {
  it('groups digits and keeps cents', () => {
    expect(formatMoney(usd(12480, 50))).toBe('USD 12,480.50');
    expect(formatMoney(usd(10000), { short: true })).toBe('USD 10,000');
    expect(formatMoney(usd(0, 5))).toBe('USD 0.05');
    expect(formatMoney({ minor: 1_000_000, currency: 'JPY' })).toBe('JPY 1,000,000');
  });

  it('percentOf rounds down and refuses mixed currencies', () => {
    expect(percentOf(usd(7999, 99), usd(10000))).toBe(79);
    expect(() => percentOf(usd(1), { minor: 1, currency: 'EUR' })).toThrow(/cannot compare/);
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
