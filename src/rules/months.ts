// Sales grouped by month, as the records showed them on the as-of day, and the day each month was
// first known to be over a limit. This is the engine's hot path: one pass over integer month keys,
// no per-revision allocation, and no sort for sales that arrive sorted from the store.
import { type CalendarDate, lastDayOf, type Month, maxDate } from './calendar.ts';
import type { Money } from './money.ts';

/** Facts the engine cannot judge: a code and values for the catalogue (`error.rules.<code>`). */
export class RulesInputError extends Error {
  override name = 'RulesInputError';
  constructor(
    readonly code: 'currency' | 'marketplace' | 'claims-not-encoded',
    readonly values: Readonly<Record<string, string>>,
  ) {
    super(`${code}: ${JSON.stringify(values)}`);
  }
}

/** One recorded value of a month's sales. Later revisions replace earlier ones. */
export interface SalesRevision {
  readonly month: Month;
  readonly amount: Money;
  /** The day (account's time zone) this value was recorded; absent = recorded after the month closed. */
  readonly recordedOn?: CalendarDate | undefined;
  /** Orders revisions recorded on the same day. */
  readonly seq?: number | undefined;
  /**
   * The month-to-date total through `recordedOn`, summed from daily sales: the month went over on
   * exactly the first such day whose total is over (Amazon's own day), not merely by then.
   */
  readonly daily?: boolean | undefined;
}

/** How the day a month went over was found. */
export type OverBasis =
  /** The first day the records showed the month over (a month-to-date figure): Amazon's day may be earlier. */
  | 'recorded'
  /** The month was recorded after it closed: its last day. Amazon's day may be earlier. */
  | 'month-end'
  /** Daily sales: the day the month-to-date total went over, Amazon's day. */
  | 'daily';

/** One month's records: `sales[from..to)` are its revisions in recording order, as known on the as-of day. */
export interface MonthState {
  readonly month: Month;
  /** year * 12 + month index: consecutive months differ by one. */
  readonly key: number;
  readonly latest: Money;
  readonly sales: readonly SalesRevision[];
  readonly from: number;
  readonly to: number;
}

/** "2026-10" -> 2026 * 12 + 9, read from char codes: month strings are compared in the hot loop. */
export function monthKey(m: string): number {
  const year =
    m.charCodeAt(0) * 1000 + m.charCodeAt(1) * 100 + m.charCodeAt(2) * 10 + m.charCodeAt(3) - 48 * 1111;
  return year * 12 + m.charCodeAt(5) * 10 + m.charCodeAt(6) - 48 * 11 - 1;
}

const withinMonth = (a: SalesRevision, b: SalesRevision): number =>
  (a.recordedOn ?? '9999').localeCompare(b.recordedOn ?? '9999') ||
  (a.seq ?? 0) - (b.seq ?? 0) ||
  a.amount.minor - b.amount.minor;

const bySaleOrder = (a: SalesRevision, b: SalesRevision): number =>
  monthKey(a.month) - monthKey(b.month) || withinMonth(a, b);

/** The day a recorded value counts from: the day it was recorded, or the month's last day if recorded after it closed. */
export function countsFrom(s: SalesRevision, end: CalendarDate): { on: CalendarDate; basis: OverBasis } {
  const recorded = s.recordedOn;
  if (s.daily && recorded !== undefined) return { on: recorded, basis: 'daily' };
  if (recorded === undefined || recorded >= end) return { on: end, basis: 'month-end' };
  return { on: maxDate(recorded, `${s.month}-01`), basis: 'recorded' };
}

/** Groups revisions by month, in month order, keeping what the records showed on `asOf`. */
export function monthStates(
  sales: readonly SalesRevision[],
  currency: string,
  asOf: CalendarDate,
): MonthState[] {
  const lastKey = monthKey(asOf);
  const states: MonthState[] = [];
  let i = 0;
  let key = sales.length ? monthKey(sales[0]!.month) : 0;
  while (i < sales.length) {
    const first = sales[i]!;
    if (key > lastKey) {
      // Later months do not count, but an earlier one further on means the input was not sorted.
      for (let m = i + 1; m < sales.length; m++)
        if (monthKey(sales[m]!.month) <= lastKey)
          return monthStates([...sales].sort(bySaleOrder), currency, asOf);
      break;
    }
    // Each sale's month key is computed once: this loop runs for every month of every check.
    let j = i;
    let nextKey = key;
    for (; j < sales.length; j++) {
      const s = sales[j]!;
      if (j > i) {
        nextKey = monthKey(s.month);
        if (nextKey !== key) break;
        // Stryker disable next-line EqualityOperator: re-sorting equal revisions changes nothing
        if (withinMonth(sales[j - 1]!, s) > 0)
          return monthStates([...sales].sort(bySaleOrder), currency, asOf);
      }
      if (s.amount.currency !== currency)
        throw new RulesInputError('currency', { month: s.month, got: s.amount.currency, wanted: currency });
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sorting sorted input gives the same states; skipping it is speed
    if (j < sales.length && nextKey < key) return monthStates([...sales].sort(bySaleOrder), currency, asOf);
    let to = j;
    // Only in the as-of month can a value count from a later day: a month-to-date figure entered later is not known yet.
    // Stryker disable next-line ConditionalExpression: before the as-of month nothing counts from after it; the check is speed
    if (key === lastKey) {
      const end = lastDayOf(first.month);
      while (to > i && countsFrom(sales[to - 1]!, end).on > asOf) to--;
    }
    if (to > i) states.push({ month: first.month, key, latest: sales[to - 1]!.amount, sales, from: i, to });
    i = j;
    key = nextKey;
  }
  return states;
}

/** The day a month is first known to be over `limitMinor`, or undefined if its latest value is not over it. */
export function overSince(
  state: MonthState,
  limitMinor: number,
): { on: CalendarDate; basis: OverBasis } | undefined {
  // "Exceed": a month exactly at the limit is not over it.
  if (state.latest.minor <= limitMinor) return undefined;
  // Stryker disable next-line EqualityOperator: the latest value (index to - 1) is over, so the loop returns before reaching to
  for (let i = state.from; i < state.to; i++) {
    const s = state.sales[i]!;
    if (s.amount.minor > limitMinor) return countsFrom(s, lastDayOf(state.month));
  }
  return undefined;
}

/**
 * Where this month is heading: from its total through `through` (a day of the month), the day the
 * total would pass `limit` if sales went on at the same daily rate — undefined when already over,
 * with nothing sold yet, or not within the month at this pace. Integer arithmetic: the first day
 * n with n × sales / d > limit.
 */
export function paceCrossing(sales: Money, through: CalendarDate, limit: Money): CalendarDate | undefined {
  // Stryker disable next-line EqualityOperator: with nothing sold, n is Infinity and past the month's end, so `< 0` answers the same
  if (sales.minor <= 0) return undefined;
  if (sales.minor > limit.minor) return undefined;
  const d = Number(through.slice(8, 10));
  const n = Math.floor((limit.minor * d) / sales.minor) + 1;
  const last = lastDayOf(through.slice(0, 7));
  if (n > Number(last.slice(8, 10))) return undefined;
  return `${through.slice(0, 8)}${String(n).padStart(2, '0')}`;
}
