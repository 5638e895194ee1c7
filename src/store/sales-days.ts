// Sales by day, from a report file or Amazon's Sales API: one row per change of a day's figure
// (the latest row is the figure), so a re-import of the same numbers writes nothing and a corrected
// day keeps what it replaced.
import { z } from 'zod';
import type { Money } from '../rules/money.ts';
import { assertOwnAccount } from './accounts.ts';
import type { Executor } from './db.ts';
import { col, is, parseRows, type Row, rowSpec } from './rows.ts';
import type { TenantId } from './tenants.ts';

const DAY_COLUMNS = {
  id: col.id,
  account_id: col.id,
  day: col.date,
  amount_minor: col.minor,
  currency: col.currency,
};

export const salesDayRow = rowSpec(
  z.object(DAY_COLUMNS),
  (r) => ({
    id: r.id,
    accountId: r.account_id,
    day: r.day,
    amount: { minor: r.amount_minor, currency: r.currency } as Money,
  }),
  (r) =>
    is.id(r.id) &&
    is.id(r.account_id) &&
    is.date(r.day) &&
    is.minor(r.amount_minor) &&
    is.currency(r.currency)
      ? {
          id: r.id,
          accountId: r.account_id,
          day: r.day,
          amount: { minor: r.amount_minor, currency: r.currency },
        }
      : undefined,
);

/** A day's figure as the rules read it. */
export type SalesDay = Row<typeof salesDayRow>;
export const SALES_DAY_COLUMNS = [
  'id',
  'tenant_id',
  'account_id',
  'day',
  'amount_minor',
  'currency',
] as const;

/** Keeps each day's latest row; rows arrive ordered by (account, day, id). */
export function latestByDay<T extends { accountId: number; day: string }>(rows: readonly T[]): T[] {
  const out: T[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.accountId === r.accountId && last.day === r.day) out[out.length - 1] = r;
    else out.push(r);
  }
  return out;
}

export interface DayFigure {
  readonly day: string;
  readonly amount: Money;
}

/**
 * Stores the days whose figure differs from the one on record (or is new); returns how many days
 * were added and how many changed. The caller's transaction makes a whole file land, or none of it.
 */
export async function recordDays(
  db: Executor,
  tenant: TenantId,
  accountId: number,
  days: readonly DayFigure[],
  meta: { source: string; at: string; by: string },
): Promise<{ added: number; changed: number; unchanged: number }> {
  await assertOwnAccount(db, tenant, accountId);
  if (days.length === 0) return { added: 0, changed: 0, unchanged: 0 };
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const known = new Map(
    latestByDay(
      parseRows(
        'sales_days',
        salesDayRow,
        await db
          .selectFrom('sales_days')
          .select(SALES_DAY_COLUMNS)
          .where('tenant_id', '=', tenant)
          .where('account_id', '=', accountId)
          .where('day', '>=', sorted[0]!.day)
          .where('day', '<=', sorted[sorted.length - 1]!.day)
          .orderBy('day')
          .orderBy('id')
          .execute(),
      ),
    ).map((d) => [d.day, d]),
  );
  const rows = [];
  let changed = 0;
  for (const d of sorted) {
    const before = known.get(d.day);
    if (before && before.amount.minor === d.amount.minor && before.amount.currency === d.amount.currency)
      continue;
    if (before) changed++;
    rows.push({
      tenant_id: tenant,
      account_id: accountId,
      day: d.day,
      amount_minor: d.amount.minor,
      currency: d.amount.currency,
      previous_minor: before?.amount.minor ?? null,
      source: meta.source,
      recorded_at: meta.at,
      recorded_by: meta.by,
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('sales_days')
      .values(rows.slice(i, i + 500))
      .execute();
  return { added: rows.length - changed, changed, unchanged: sorted.length - rows.length };
}

/** A day's figure with where it came from, for listings (the rules read `SalesDay`). */
export const dayRecordRow = rowSpec(
  z.object({
    ...DAY_COLUMNS,
    source: col.name,
    recorded_at: col.instant,
    recorded_by: col.text,
  }),
  (r) => ({
    id: r.id,
    accountId: r.account_id,
    day: r.day,
    amount: { minor: r.amount_minor, currency: r.currency } as Money,
    source: r.source,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }),
);

export type DayRecord = Row<typeof dayRecordRow>;

/** An account's daily figures (of one month, if given), each day's latest, oldest day first. */
export async function listDays(
  db: Executor,
  tenant: TenantId,
  accountId: number,
  month?: string,
): Promise<DayRecord[]> {
  let q = db
    .selectFrom('sales_days')
    .select(['id', 'account_id', 'day', 'amount_minor', 'currency', 'source', 'recorded_at', 'recorded_by'])
    .where('tenant_id', '=', tenant)
    .where('account_id', '=', accountId);
  // Days are YYYY-MM-DD text: a month's days sort between its first day and the next month's.
  if (month) q = q.where('day', '>=', `${month}-01`).where('day', '<=', `${month}-31`);
  return latestByDay(parseRows('sales_days', dayRecordRow, await q.orderBy('day').orderBy('id').execute()));
}
