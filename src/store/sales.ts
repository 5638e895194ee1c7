// Monthly sales as revisions: every recorded value is kept with who, when, the source and the
// value it replaced. The current figure of a month is its latest revision.
import { z } from 'zod';
import type { Money } from '../rules/money.ts';
import { assertOwnAccount } from './accounts.ts';
import type { Executor } from './db.ts';
import { col, is, opt, parseRow, parseRows, type Row, rowSpec } from './rows.ts';
import type { TenantId } from './tenants.ts';

export const revisionRow = rowSpec(
  z.object({
    id: col.id,
    tenant_id: col.id,
    account_id: col.id,
    month: col.month,
    amount_minor: col.minor,
    currency: col.currency,
    previous_minor: opt(col.minor),
    source: z.string().min(1),
    recorded_on: col.date,
    recorded_at: col.instant,
    recorded_by: z.string(),
  }),
  (r) => ({
    id: r.id,
    accountId: r.account_id,
    month: r.month,
    amount: { minor: r.amount_minor, currency: r.currency } as Money,
    previous:
      r.previous_minor === undefined
        ? undefined
        : ({ minor: r.previous_minor, currency: r.currency } as Money),
    source: r.source,
    recordedOn: r.recorded_on,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }),
);

export type SalesRevisionRow = Row<typeof revisionRow>;

/** What the rules need of a revision. */
export interface SalesFact {
  id: number;
  accountId: number;
  month: string;
  amount: Money;
  recordedOn: string;
}

/** A revision as the rules read it, in bulk (every month of every account) by the planner. */
export const salesFactRow = rowSpec(
  z.object({
    id: col.id,
    tenant_id: col.id,
    account_id: col.id,
    month: col.month,
    amount_minor: col.minor,
    currency: col.currency,
    recorded_on: col.date,
  }),
  (r): SalesFact => ({
    id: r.id,
    accountId: r.account_id,
    month: r.month,
    amount: { minor: r.amount_minor, currency: r.currency } as Money,
    recordedOn: r.recorded_on,
  }),
  (r) => checkedFact(r.id, r.tenant_id, r.account_id, r.month, r.amount_minor, r.currency, r.recorded_on),
);

/** The checks of salesFactRow written out by hand, for the rows read by the million. */
function checkedFact(
  id: unknown,
  tenantId: unknown,
  accountId: unknown,
  month: unknown,
  minor: unknown,
  currency: unknown,
  recordedOn: unknown,
): SalesFact | undefined {
  return is.id(id) &&
    is.id(tenantId) &&
    is.id(accountId) &&
    is.month(month) &&
    is.minor(minor) &&
    is.currency(currency) &&
    is.date(recordedOn)
    ? { id, accountId, month, amount: { minor, currency } as Money, recordedOn }
    : undefined;
}

export const SALES_FACT_COLUMNS = [
  'id',
  'tenant_id',
  'account_id',
  'month',
  'amount_minor',
  'currency',
  'recorded_on',
] as const;
/** Of those, the integer columns. */
export const SALES_FACT_NUMBERS = ['id', 'tenant_id', 'account_id', 'amount_minor'] as const;

/** A sales fact from a bulk read's array of values, in SALES_FACT_COLUMNS order. */
export function salesFactOf(v: readonly unknown[]): SalesFact {
  return (
    checkedFact(v[0], v[1], v[2], v[3], v[4], v[5], v[6]) ??
    // Something is wrong with it: zod says what, as for a row read as an object.
    parseRow('sales_revisions', salesFactRow, Object.fromEntries(SALES_FACT_COLUMNS.map((c, i) => [c, v[i]])))
  );
}

export interface SalesInput {
  readonly month: string;
  readonly amount: Money;
  readonly source: string;
  /** The calendar day in the account's time zone. */
  readonly recordedOn: string;
  readonly at: string;
  readonly by: string;
}

/** Records a month's figure as a new revision; returns it with the value it replaced. */
export async function recordSales(
  db: Executor,
  tenant: TenantId,
  accountId: number,
  input: SalesInput,
): Promise<SalesRevisionRow> {
  await assertOwnAccount(db, tenant, accountId);
  const previous = await db
    .selectFrom('sales_revisions')
    .select('amount_minor')
    .where('tenant_id', '=', tenant)
    .where('account_id', '=', accountId)
    .where('month', '=', input.month)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row = await db
    .insertInto('sales_revisions')
    .values({
      tenant_id: tenant,
      account_id: accountId,
      month: input.month,
      amount_minor: input.amount.minor,
      currency: input.amount.currency,
      previous_minor: previous?.amount_minor ?? null,
      source: input.source,
      recorded_on: input.recordedOn,
      recorded_at: input.at,
      recorded_by: input.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return parseRow('sales_revisions', revisionRow, row);
}

/** Every revision of an account (or of one month), oldest first: the order the rules engine expects. */
export async function listRevisions(
  db: Executor,
  tenant: TenantId,
  accountId: number,
  month?: string,
): Promise<SalesRevisionRow[]> {
  let q = db
    .selectFrom('sales_revisions')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('account_id', '=', accountId);
  if (month) q = q.where('month', '=', month);
  return parseRows('sales_revisions', revisionRow, await q.orderBy('month').orderBy('id').execute());
}
