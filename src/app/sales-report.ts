// Sales report files, read into one figure per day: a Seller Central Business Report by date (CSV:
// "Date", "Ordered Product Sales", in the store's dates and currency; 日期 and 已订购商品销售额 when
// Seller Central is set to Chinese, as Amazon's Chinese help names the columns) or a
// GET_SALES_AND_TRAFFIC_REPORT document (JSON, Amazon's published schema). Every row is checked;
// the first bad one is named by row and column, and nothing is taken from a file with a bad row.
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { daysBetween, isCalendarDate } from '../rules/calendar.ts';
import { type Currency, type Money, MoneyError, parseMoney } from '../rules/money.ts';
import type { DayFigure } from '../store/sales-days.ts';

/** Which of Amazon's figures a report gives: the one the rules count is ordered product sales. */
export const FIGURE = 'ordered-product-sales';

export type ReportKind = 'business-report-csv' | 'sales-and-traffic-json';

export interface SalesReport {
  readonly kind: ReportKind;
  readonly days: readonly DayFigure[];
}

/** What is wrong with a file, where: row 1 is the first data row (after a CSV's header). */
export class ReportError extends Error {
  override name = 'ReportError';
  constructor(
    readonly problem:
      | 'not-a-report'
      | 'no-date-column'
      | 'no-sales-column'
      | 'bad-date'
      | 'bad-amount'
      | 'other-currency'
      | 'same-day-twice'
      | 'empty',
    readonly values: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${problem} ${JSON.stringify(values)}`);
  }
}

const DATE_COLUMN = 'Date';
const SALES_COLUMN = 'Ordered Product Sales';
/** The same columns in a report downloaded with Seller Central in Chinese. */
const DATE_COLUMNS = [DATE_COLUMN, '日期'].map((c) => c.toLowerCase());
const SALES_COLUMNS = [SALES_COLUMN, '已订购商品销售额'].map((c) => c.toLowerCase());

/** Which number comes first in a report's "a/b/yyyy" date. */
export type DateOrder = 'month-first' | 'day-first';

/**
 * Each store's custom for "a/b/yyyy", used only when a file cannot tell by itself: month first in
 * the US and Canada, day first in the UK, Europe and Mexico (Japan writes the year first).
 */
const STORE_ORDER: Readonly<Record<Currency, DateOrder>> = {
  USD: 'month-first',
  CAD: 'month-first',
  MXN: 'day-first',
  GBP: 'day-first',
  EUR: 'day-first',
  JPY: 'day-first',
};

/**
 * "11/15/2026", "11/15/26" (month first; "15/11/2026" day first), "15.11.2026", "2026/11/15" or
 * "2026-11-15" -> "2026-11-15"; undefined if it is none of them.
 */
export function reportDate(text: string, order: DateOrder = 'month-first'): string | undefined {
  const t = text.trim();
  if (isCalendarDate(t)) return t;
  const yearFirst = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t);
  const yearLast = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/.exec(t);
  let ymd: readonly string[];
  if (yearFirst) ymd = yearFirst.slice(1);
  else if (yearLast) {
    const [, a, b, y] = yearLast as unknown as [string, string, string, string];
    const year = y.length === 2 ? `20${y}` : y;
    ymd = order === 'month-first' ? [year, a, b] : [year, b, a];
  } else return undefined;
  const iso = ymd.map((n) => n.padStart(2, '0')).join('-');
  return isCalendarDate(iso) ? iso : undefined;
}

/**
 * The order of a file's "a/b/yyyy" dates. A report by date has a row a day, so the order that makes
 * its rows consecutive days is the file's, and a date only one order can read (13/11/2026) settles
 * it; only a file that cannot tell (one row, 05/11/2026) is read by its store's custom. Guessing by
 * custom alone would put a day-first report's 5 November on 11 May: a trigger day months off.
 */
export function dateOrderOf(texts: readonly string[], currency: Currency): DateOrder {
  const orders = (['month-first', 'day-first'] as const).filter((o) =>
    texts.every((t) => reportDate(t, o) !== undefined),
  );
  const steady = orders.filter((o) => {
    const days = texts.map((t) => reportDate(t, o)!);
    const steps = days.slice(1).map((d, i) => daysBetween(days[i]!, d));
    return steps.length > 0 && (steps.every((s) => s === 1) || steps.every((s) => s === -1));
  });
  if (orders.length === 1) return orders[0]!;
  if (steady.length === 1) return steady[0]!;
  return STORE_ORDER[currency];
}

function amount(text: string, currency: Currency, where: Record<string, string | number>): Money {
  try {
    return parseMoney(text, currency);
  } catch (err) {
    if (err instanceof MoneyError && err.code === 'other-currency')
      throw new ReportError('other-currency', { ...where, got: text, wanted: currency });
    if (err instanceof MoneyError) throw new ReportError('bad-amount', { ...where, got: text });
    throw err;
  }
}

function byDay(rows: readonly (DayFigure & { row: number })[]): DayFigure[] {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const first = seen.get(r.day);
    if (first !== undefined) throw new ReportError('same-day-twice', { row: r.row, first, day: r.day });
    seen.set(r.day, r.row);
  }
  if (rows.length === 0) throw new ReportError('empty');
  return rows.map(({ day, amount }) => ({ day, amount }));
}

function fromCsv(text: string, currency: Currency): SalesReport {
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch {
    throw new ReportError('not-a-report');
  }
  const [header, ...data] = records;
  if (!header) throw new ReportError('empty');
  const dateAt = header.findIndex((h) => DATE_COLUMNS.includes(h.toLowerCase()));
  const salesAt = header.findIndex((h) => SALES_COLUMNS.includes(h.toLowerCase()));
  if (dateAt < 0) throw new ReportError('no-date-column', { column: DATE_COLUMN });
  if (salesAt < 0) throw new ReportError('no-sales-column', { column: SALES_COLUMN });
  const order = dateOrderOf(
    data.map((cells) => cells[dateAt] ?? ''),
    currency,
  );
  return {
    kind: 'business-report-csv',
    days: byDay(
      data.map((cells, i) => {
        const row = i + 1;
        const day = reportDate(cells[dateAt] ?? '', order);
        if (!day) throw new ReportError('bad-date', { row, column: DATE_COLUMN, got: cells[dateAt] ?? '' });
        return { row, day, amount: amount(cells[salesAt] ?? '', currency, { row, column: SALES_COLUMN }) };
      }),
    ),
  };
}

// Amazon's schema (sellerSalesAndTrafficReport.json), only what is read: the rest may be anything.
const amazonAmount = z.object({ amount: z.number().nonnegative(), currencyCode: z.string().length(3) });
const salesAndTraffic = z.object({
  reportSpecification: z.object({ reportType: z.literal('GET_SALES_AND_TRAFFIC_REPORT') }),
  salesAndTrafficByDate: z.array(
    z.object({
      date: z.string(),
      salesByDate: z.object({ orderedProductSales: amazonAmount }),
    }),
  ),
});

function fromJson(raw: unknown, currency: Currency): SalesReport {
  const report = salesAndTraffic.safeParse(raw);
  if (!report.success) {
    const issue = report.error.issues[0]!;
    const row = issue.path[0] === 'salesAndTrafficByDate' ? Number(issue.path[1]) + 1 : 0;
    throw new ReportError(row ? 'bad-amount' : 'not-a-report', {
      row,
      column: issue.path.slice(2).join('.') || 'date',
      got: issue.message,
    });
  }
  return {
    kind: 'sales-and-traffic-json',
    days: byDay(
      report.data.salesAndTrafficByDate.map((d, i) => {
        const row = i + 1;
        const day = isCalendarDate(d.date) ? d.date : undefined;
        if (!day) throw new ReportError('bad-date', { row, column: 'date', got: d.date });
        const sales = d.salesByDate.orderedProductSales;
        const where = { row, column: 'salesByDate.orderedProductSales' };
        if (sales.currencyCode !== currency)
          throw new ReportError('other-currency', { ...where, got: sales.currencyCode, wanted: currency });
        // A JSON number's shortest decimal form ("636.63") is parsed exactly, never as a float.
        return { row, day, amount: amount(String(sales.amount), currency, where) };
      }),
    ),
  };
}

/** Reads a report file's text, in the account's currency. */
export function readSalesReport(text: string, currency: Currency): SalesReport {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      throw new ReportError('not-a-report');
    }
    return fromJson(raw, currency);
  }
  return fromCsv(body, currency);
}
