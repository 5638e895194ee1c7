// Monthly sales: record a figure (a new revision), list the latest figures, and show history.

import type { SalesChart } from '../charts/sales.ts';
import { addMonthsTo, monthOf } from '../rules/calendar.ts';
import { EXPONENT, type Money, MoneyError, parseMoney } from '../rules/money.ts';
import { MARKETPLACE_CURRENCY, ruleOn } from '../rules/table.ts';
import type { Account } from '../store/accounts.ts';
import {
  latestByMonth,
  listRevisions,
  type SalesRevisionRow,
  recordSales as storeRecord,
} from '../store/sales.ts';
import { recordDays } from '../store/sales-days.ts';
import { loadTenantState } from '../store/state.ts';
import { resolveAccount } from './accounts.ts';
import { type AccountCheck, checkState } from './check.ts';
import { type AppDeps, nowIso, read, type Scope, today, write } from './context.ts';
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
      const day = today(deps, scope, account.timeZone);
      // A month (its total) or a day of it (the month's total so far: "by Nov 15, 8,200").
      const month = input.month.slice(0, 7);
      const through = input.month.length > 7 ? input.month : undefined;
      if (month > monthOf(day))
        throw new UserError(
          'error.month-not-started',
          { month, today: day, account: account.name },
          { field: 'month', example: EXAMPLE },
        );
      if (through && through > day)
        throw new UserError(
          'error.day-not-come',
          { day: through, today: day, account: account.name },
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
  const day = today(deps, scope, account.timeZone);
  const future = report.days.find((d) => d.day > day);
  if (future)
    throw new UserError(
      'error.day-not-come',
      { day: future.day, today: day, account: account.name },
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

export async function listSales(deps: AppDeps, scope: Scope, accountName: string) {
  return read(deps, async (db) => {
    const account = await resolveAccount(db, scope, accountName);
    return { account, months: latestByMonth(await listRevisions(db, scope.tenant.id, account.id)) };
  });
}

export interface HistoryBar {
  readonly month: string;
  readonly amount: Money | undefined;
  readonly limit: Money;
}

/** The last 12 months ending this month, each against the threshold in force then. */
export async function salesHistory(deps: AppDeps, scope: Scope, accountName: string, months = 12) {
  return read(deps, async (db) => {
    const account = await resolveAccount(db, scope, accountName);
    const latest = new Map(
      latestByMonth(await listRevisions(db, scope.tenant.id, account.id)).map((r) => [r.month, r]),
    );
    const current = monthOf(today(deps, scope, account.timeZone));
    const currency = MARKETPLACE_CURRENCY[account.marketplace];
    const bars: HistoryBar[] = [];
    for (let i = months - 1; i >= 0; i--) {
      const month = addMonthsTo(current, -i);
      const rule = ruleOn('threshold', account.marketplace, `${month}-01`);
      bars.push({ month, amount: latest.get(month)?.amount, limit: rule?.amount ?? { minor: 0, currency } });
    }
    return { account, bars };
  });
}

/** Every revision of one month: who recorded what, when, from which source, replacing what. */
export async function monthRevisions(deps: AppDeps, scope: Scope, accountName: string, month: string) {
  return read(deps, async (db) => {
    const account = await resolveAccount(db, scope, accountName);
    return { account, revisions: await listRevisions(db, scope.tenant.id, account.id, month) };
  });
}

/**
 * What `/insurance sales history` draws: this month's daily month-to-date totals with the trigger
 * day and deadline when the account has daily sales this month; otherwise the last 12 months.
 */
export async function salesChartData(
  deps: AppDeps,
  scope: Scope,
  accountName: string,
): Promise<{ account: Account; chart: SalesChart; month: string; currency: string }> {
  const { account, bars } = await salesHistory(deps, scope, accountName);
  const day = today(deps, scope, account.timeZone);
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
    month,
    currency,
    chart: {
      kind: 'monthly',
      bars: bars.map((b) => ({ month: b.month, total: major(b.amount?.minor ?? 0) })),
      threshold,
    },
  };
}
