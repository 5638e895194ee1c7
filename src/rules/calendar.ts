// Calendar dates ("2026-10-31") and months ("2026-10") as ISO strings: they compare correctly as
// strings, store identically on every database, and carry no time zone. Arithmetic goes through
// date-fns (month arithmetic, formatting, time zones via @date-fns/tz) on local-midnight Dates; whole-day
// arithmetic uses UTC day numbers.
import { tz } from '@date-fns/tz';
import { addMonths, format, getDaysInMonth } from 'date-fns';

export type CalendarDate = string & { readonly __brand?: 'CalendarDate' };
export type Month = string & { readonly __brand?: 'Month' };

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_RE = /^\d{4}-\d{2}$/;

export class CalendarError extends Error {
  override name = 'CalendarError';
}

function toDate(date: CalendarDate): Date {
  return new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

// Validation runs on every date read from the database, so it is plain arithmetic: a shape check,
// then the day against the month's length (leap years included).
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function isCalendarDate(text: string): boolean {
  if (!DATE_RE.test(text)) return false;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!);
}

export function isMonth(text: string): boolean {
  if (!MONTH_RE.test(text)) return false;
  const m = Number(text.slice(5, 7));
  return m >= 1 && m <= 12 && Number(text.slice(0, 4)) >= 1000;
}

export function parseCalendarDate(text: string): CalendarDate {
  const t = text.trim();
  if (!isCalendarDate(t))
    throw new CalendarError(`"${text}" is not a date; write it as YYYY-MM-DD, e.g. 2026-10-31`);
  return t;
}

export function parseMonth(text: string): Month {
  const t = text.trim();
  if (!isMonth(t)) throw new CalendarError(`"${text}" is not a month; write it as YYYY-MM, e.g. 2026-10`);
  return t;
}

// Whole-day arithmetic on UTC day numbers: exact in every zone, and cheap enough for the
// eligibility hot path (date-fns' general versions normalise time zones on every call).
const DAY_MS = 86_400_000;
function dayNumber(date: CalendarDate): number {
  // Char codes, not slices: no closures or strings on the hot path ("0" is 48).
  const y =
    date.charCodeAt(0) * 1000 +
    date.charCodeAt(1) * 100 +
    date.charCodeAt(2) * 10 +
    date.charCodeAt(3) -
    53_328;
  const m = date.charCodeAt(5) * 10 + date.charCodeAt(6) - 528;
  const d = date.charCodeAt(8) * 10 + date.charCodeAt(9) - 528;
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date((dayNumber(date) + days) * DAY_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function monthOf(date: CalendarDate): Month {
  return date.slice(0, 7);
}

export function firstDayOf(month: Month): CalendarDate {
  return `${month}-01`;
}

// Month ends are asked for every month of every check; a small cache keeps date-fns off the hot path.
const lastDays = new Map<Month, CalendarDate>();
export function lastDayOf(month: Month): CalendarDate {
  let day = lastDays.get(month);
  // Stryker disable next-line ConditionalExpression: a cache; the answer is the same without it
  if (!day) {
    // Months have 28 to 31 days: always two digits.
    day = `${month}-${getDaysInMonth(toDate(firstDayOf(month)))}`;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound only caps memory; the answer is the same
    if (lastDays.size < 10_000) lastDays.set(month, day);
  }
  return day;
}

export function addMonthsTo(month: Month, n: number): Month {
  return format(addMonths(toDate(firstDayOf(month)), n), 'yyyy-MM');
}

// Stryker disable next-line EqualityOperator: when a equals b either is the answer
export const maxDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b);

/** Zones found valid: asking Intl means building a formatter, and every account row read asks. */
const KNOWN_ZONES = new Set<string>();
export function isTimeZone(zone: string): boolean {
  if (KNOWN_ZONES.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  // Only names Intl accepts get here (zone names and their spellings), so the set stays small.
  KNOWN_ZONES.add(zone);
  return true;
}

/** The calendar date an instant falls on in a named time zone. */
export function dateIn(zone: string, instant: Date): CalendarDate {
  return wallClock(zone, instant).date;
}

/** An instant's date and minute on the wall clock of a named time zone: "2026-12-02 21:28". */
export function wallTimeIn(zone: string, instant: Date): { date: CalendarDate; time: string } {
  const [date, time] = format(instant, 'yyyy-MM-dd|HH:mm', { in: tz(zone) }).split('|') as [string, string];
  return { date, time };
}

/** The hour (0-23) an instant falls on in a named time zone. */
export function hourIn(zone: string, instant: Date): number {
  return wallClock(zone, instant).hour;
}

/**
 * An instant's date and hour in a zone. A sweep asks for every team and account at the same instant
 * (ten thousand teams, a handful of zones): the last answers are remembered.
 */
function wallClock(zone: string, instant: Date): { date: CalendarDate; hour: number } {
  const key = `${zone}|${instant.getTime()}`;
  let known = recentClocks.get(key);
  // Stryker disable next-line ConditionalExpression: a cache; the answer is the same without it
  if (!known) {
    const [date, hour] = format(instant, 'yyyy-MM-dd|H', { in: tz(zone) }).split('|') as [string, string];
    known = { date, hour: Number(hour) };
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound only caps memory; the answer is the same
    if (recentClocks.size > 1000) recentClocks.clear();
    recentClocks.set(key, known);
  }
  return known;
}
const recentClocks = new Map<string, { date: CalendarDate; hour: number }>();
