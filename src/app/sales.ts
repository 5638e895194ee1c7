// Monthly sales: record a figure (a new revision), list the latest figures, and show history.

import type { SalesChart } from '../charts/sales.ts';
import { addMonthsTo, monthOf } from '../rules/calendar.ts';
import { EXPONENT, type Money, MoneyError, parseMoney } from '../rules/money.ts';
import { accountTimeZone, MARKETPLACE_CURRENCY, ruleOn } from '../rules/table.ts';
import type { Account } from '../store/accounts.ts';
import { listRevisions, type SalesRevisionRow, recordSales as storeRecord } from '../store/sales.ts';
import { type DayRecord, listDays, recordDays } from '../store/sales-days.ts';
import { loadTenantState } from '../store/state.ts';
import { resolveAccount } from './accounts.ts';
import { type AccountCheck, checkState } from './check.ts';
import { type AppDeps, nowIso, periodFrom, read, type Scope, today, write } from './context.ts';
import { UserError } from './errors.ts';
import { monthToDate } from './facts.ts';
import { ReportError, type ReportKind, readSalesReport, type SalesReport } from './sales-report.ts';

const EXAMPLE = '/insurance sales record acme-us 2026-10 12,480.50';
const IMPORT_EXAMPLE = '/insurance sales import acme-us ./BusinessReport-11-21-26.csv';

/** An amount typed for an account, exactly, in the account's currency; `field` names the argument. */
export function parseAmount(text: string, account: Account, field: string, example?: string): Money {
  try {
    return parseMoney(text, MARKETPLACE_CURRENCY[account.marketplace]);
  } catch (err) {
    if (err instanceof MoneyError)
      throw new UserError(`error.money.${err.code}`, err.values, { field, example });
    throw err;
  }
}

export interface Recorded {
  readonly revision: SalesRevisionRow;
  readonly account: Account;
  /** A month-to-date figure: the day it runs through. */
  readonly through: string | undefined;
  /** The account's standing right after the change. */
  readonly check: AccountCheck;
}

export async function recordSales(
  deps: AppDeps,
  scope: Scope,
  input: { account: string; month: string; amount: string; source?: string | undefined },
): Promise<Recorded> {
  return write(
    deps,
    scope,
    'sales.record',
    `${input.account} ${input.month}`,
    async (trx) => {
      const account = await resolveAccount(trx, scope, input.account);
      const amount = parseAmount(input.amount, account, 'amount', EXAMPLE);
      const day = today(deps, scope, accountTimeZone(account));
      // A month (its total) or a day of it (the month's total so far: "by Nov 15, 8,200").
      const period = periodFrom(input.month, day);
      const month = period.slice(0, 7);
      const through = period.length > 7 ? period : undefined;
      if (month > monthOf(day))
        throw new UserError(
          'error.month-not-started',
          { month, today: day, account: account.name, zone: accountTimeZone(account) },
          { field: 'month', example: EXAMPLE },
        );
      if (through && through > day)
        throw new UserError(
          'error.day-not-come',
          { day: through, today: day, account: account.name, zone: accountTimeZone(account) },
          { field: 'month', example: EXAMPLE },
        );
      const revision = await storeRecord(trx, scope.tenant.id, account.id, {
        month,
        amount,
        source: input.source ?? 'manual',
        // A month-to-date figure counts from its own day; a month total from the day it was typed.
        recordedOn: through ?? day,
        at: nowIso(deps),
        by: scope.actor,
      });
      const [state] = await loadTenantState(trx, scope.tenant.id, account.id);
      if (!state) throw new Error(`account ${account.id} vanished inside its own transaction`);
      return { revision, account, through, check: checkState(state, day) };
    },
    (r) => ({ minor: r.revision.amount.minor, previous: r.revision.previous?.minor ?? null }),
  );
}

export interface Imported {
  readonly account: Account;
  readonly kind: ReportKind;
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly check: AccountCheck;
}

/**
 * Imports a sales report's daily figures for one account, in one transaction: a file with a bad row
 * writes nothing; a figure already on record is not written again.
 */
export async function importSales(
  deps: AppDeps,
  scope: Scope,
  input: { account: string; text: string; source: string },
): Promise<Imported> {
  const account = await read(deps, (db) => resolveAccount(db, scope, input.account));
  let report: SalesReport;
  try {
    report = readSalesReport(input.text, MARKETPLACE_CURRENCY[account.marketplace]);
  } catch (err) {
    if (err instanceof ReportError)
      throw new UserError(`error.report.${err.problem}`, err.values, {
        field: 'file',
        example: IMPORT_EXAMPLE,
      });
    throw err;
  }
  const day = today(deps, scope, accountTimeZone(account));
  const future = report.days.find((d) => d.day > day);
  if (future)
    throw new UserError(
      'error.day-not-come',
      { day: future.day, today: day, account: account.name, zone: accountTimeZone(account) },
      { field: 'file', example: IMPORT_EXAMPLE },
    );
  const days = report.days.map((d) => d.day).sort();
  return write(
    deps,
    scope,
    'sales.import',
    `${account.name} ${days[0]}..${days[days.length - 1]}`,
    async (trx) => {
      const counts = await recordDays(trx, scope.tenant.id, account.id, report.days, {
        source: `${report.kind}:${input.source}`.slice(0, 200),
        at: nowIso(deps),
        by: scope.actor,
      });
      const [state] = await loadTenantState(trx, scope.tenant.id, account.id);
      if (!state) throw new Error(`account ${account.id} vanished inside its own transaction`);
      return {
        account,
        kind: report.kind,
        from: days[0]!,
        to: days[days.length - 1]!,
        days: days.length,
        ...counts,
        check: checkState(state, day),
      };
    },
    (r) => ({ from: r.from, to: r.to, added: r.added, changed: r.changed }),
  );
}

/** A month's current figure, as the rules read it, with where it came from. */
export interface MonthFigure {
  readonly month: string;
  readonly amount: Money;
  /** The day it was typed, or for daily sales the last day summed. */
  readonly recordedOn: string;
  readonly recordedBy: string;
  readonly source: string;
  /** Daily sales: how many days were summed (undefined for a typed figure). */
  readonly days?: number | undefined;
}

/** Each month's daily sales summed: the month-to-date total through its last day on record. */
export function dailyTotals(days: readonly DayRecord[]): MonthFigure[] {
  const out: MonthFigure[] = [];
  let newest: DayRecord | undefined;
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    const month = d.day.slice(0, 7);
    const prev = out[out.length - 1];
    if (!newest || d.recordedAt > newest.recordedAt) newest = d;
    const total = prev?.month === month ? prev.amount.minor + d.amount.minor : d.amount.minor;
    const figure: MonthFigure = {
      month,
      amount: { minor: total, currency: d.amount.currency },
      recordedOn: d.day,
      // Who brought in the month's latest change, and from where (a report file, Amazon's API).
      recordedBy: newest.recordedBy,
      source: newest.source,
      days: (prev?.month === month ? prev.days! : 0) + 1,
    };
    if (prev?.month === month) out[out.length - 1] = figure;
    else out.push(figure);
    if (days[i + 1]?.day.slice(0, 7) !== month) newest = undefined;
  }
  return out;
}

/**
 * Each month's current figure, newest month first: of its typed revisions and its daily total, the
 * one recorded last — the order the rules engine reads them in (src/app/facts.ts), so a listing
 * never disagrees with a check.
 */
export function monthFigures(
  revisions: readonly SalesRevisionRow[],
  days: readonly DayRecord[],
): MonthFigure[] {
  const latest = new Map<string, MonthFigure & { seq: number }>();
  const offer = (f: MonthFigure, seq: number) => {
    const held = latest.get(f.month);
    if (!held || f.recordedOn > held.recordedOn || (f.recordedOn === held.recordedOn && seq >= held.seq))
      latest.set(f.month, { ...f, seq });
  };
  // A day's total sorts before anything typed the same day (seq 0 against a revision's id).
  for (const f of dailyTotals(days)) offer(f, 0);
  for (const r of revisions)
    offer(
      {
        month: r.month,
        amount: r.amount,
        recordedOn: r.recordedOn,
        recordedBy: r.recordedBy,
        source: r.source,
      },
      r.id,
    );
  return [...latest.values()].sort((a, b) => b.month.localeCompare(a.month)).map(({ seq: _, ...f }) => f);
}

/** Each month's current figure of an account, newest month first (`/insurance sales list`). */
export async function listSales(deps: AppDeps, scope: Scope, accountName: string) {
  return read(deps, async (db) => {
    const account = await resolveAccount(db, scope, accountName);
    const [revisions, days] = await Promise.all([
      listRevisions(db, scope.tenant.id, account.id),
      listDays(db, scope.tenant.id, account.id),
    ]);
    return { account, months: monthFigures(revisions, days) };
  });
}

export interface HistoryBar {
  readonly month: string;
  readonly amount: Money | undefined;
  readonly limit: Money;
}

/** The last 12 months ending this month, each against the threshold in force then. */
export async function salesHistory(deps: AppDeps, scope: Scope, accountName: string, months = 12) {
  const { account, months: figures } = await listSales(deps, scope, accountName);
  const latest = new Map(figures.map((f) => [f.month, f]));
  const current = monthOf(today(deps, scope, accountTimeZone(account)));
  const currency = MARKETPLACE_CURRENCY[account.marketplace];
  const bars: HistoryBar[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const month = addMonthsTo(current, -i);
    const rule = ruleOn('threshold', account.marketplace, `${month}-01`);
    bars.push({ month, amount: latest.get(month)?.amount, limit: rule?.amount ?? { minor: 0, currency } });
  }
  return { account, bars };
}

/** Every revision of one month: who recorded what, when, from which source, replacing what. */
export async function monthRevisions(deps: AppDeps, scope: Scope, accountName: string, typed: string) {
  return read(deps, async (db) => {
    const account = await resolveAccount(db, scope, accountName);
    const month = periodFrom(typed, today(deps, scope, accountTimeZone(account)));
    const [revisions, days] = await Promise.all([
      listRevisions(db, scope.tenant.id, account.id, month),
      listDays(db, scope.tenant.id, account.id, month),
    ]);
    // The month's daily sales summed, and the figure the rules use now (typed or daily).
    return {
      account,
      month,
      revisions,
      daily: dailyTotals(days)[0],
      current: monthFigures(revisions, days)[0],
    };
  });
}

/**
 * What `/insurance sales history` shows: the last 12 months' bars, and the chart — this month's daily
 * month-to-date totals with the trigger day and deadline when the account has daily sales this
 * month; otherwise the bars.
 */
export async function salesChartData(
  deps: AppDeps,
  scope: Scope,
  accountName: string,
): Promise<{
  account: Account;
  bars: HistoryBar[];
  chart: SalesChart;
  month: string;
  currency: string;
}> {
  const { account, bars } = await salesHistory(deps, scope, accountName);
  const day = today(deps, scope, accountTimeZone(account));
  const month = monthOf(day);
  const currency = MARKETPLACE_CURRENCY[account.marketplace];
  const major = (minor: number) => minor / 10 ** EXPONENT[currency];
  const threshold = major(bars[bars.length - 1]!.limit.minor);
  const [state] = await read(deps, (db) => loadTenantState(db, scope.tenant.id, account.id));
  const thisMonth = (state?.days ?? []).filter((d) => d.day.startsWith(month));
  if (state && thisMonth.length > 0) {
    const check = checkState(state, day);
    const e = check.eligibility;
    const trigger = e.required && e.trigger.on.startsWith(month) ? e.trigger.on : undefined;
    return {
      account,
      bars,
      month,
      currency,
      chart: {
        kind: 'daily',
        points: monthToDate(thisMonth).map((r) => ({ day: r.recordedOn!, total: major(r.amount.minor) })),
        threshold,
        trigger,
        deadline: trigger && e.required ? e.deadline : undefined,
      },
    };
  }
  return {
    account,
    bars,
    month,
    currency,
    chart: {
      kind: 'monthly',
      bars: bars.map((b) => ({ month: b.month, total: major(b.amount?.minor ?? 0) })),
      threshold,
    },
  };
}
