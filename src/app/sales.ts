// Monthly sales: record a figure (a new revision), list the latest figures, and show history.
import { addMonthsTo, monthOf } from '../rules/calendar.ts';
import { type Money, MoneyError, parseMoney } from '../rules/money.ts';
import { MARKETPLACE_CURRENCY, ruleOn } from '../rules/table.ts';
import type { Account } from '../store/accounts.ts';
import {
  latestByMonth,
  listRevisions,
  type SalesRevisionRow,
  recordSales as storeRecord,
} from '../store/sales.ts';
import { loadTenantState } from '../store/state.ts';
import { resolveAccount } from './accounts.ts';
import { type AccountCheck, checkState } from './check.ts';
import { type AppDeps, nowIso, read, type Scope, today, write } from './context.ts';
import { UserError } from './errors.ts';

const EXAMPLE = '/insurance sales record acme-us 2026-10 12,480.50';

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
      if (input.month > monthOf(day))
        throw new UserError(
          'error.month-not-started',
          { month: input.month, today: day, account: account.name },
          { field: 'month', example: EXAMPLE },
        );
      const revision = await storeRecord(trx, scope.tenant.id, account.id, {
        month: input.month,
        amount,
        source: input.source ?? 'manual',
        recordedOn: day,
        at: nowIso(deps),
        by: scope.actor,
      });
      const [state] = await loadTenantState(trx, scope.tenant.id, account.id);
      if (!state) throw new Error(`account ${account.id} vanished inside its own transaction`);
      return { revision, account, check: checkState(state, day) };
    },
    (r) => ({ minor: r.revision.amount.minor, previous: r.revision.previous?.minor ?? null }),
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
