// Seller accounts of a tenant. Removing an account keeps its history (soft delete) and frees its name.
import { z } from 'zod';
import { ENTITY_TYPES } from '../rules/policy.ts';
import { MARKETPLACES } from '../rules/table.ts';
import type { Executor } from './db.ts';
import { col, opt, parseRow, parseRows, type Row, rowSpec } from './rows.ts';
import type { TenantId } from './tenants.ts';

export const accountRow = rowSpec(
  z.object({
    id: col.id,
    tenant_id: col.id,
    name: col.name,
    marketplace: col.oneOf(MARKETPLACES),
    legal_name: opt(col.text),
    dba: opt(col.text),
    owner: opt(col.text),
    time_zone: opt(col.zone),
    entity: opt(col.oneOf(ENTITY_TYPES)),
    created_at: col.instant,
    created_by: col.text,
    removed_at: opt(col.instant),
  }),
  (r) => ({
    id: r.id,
    name: r.name,
    marketplace: r.marketplace,
    legalName: r.legal_name,
    dba: r.dba,
    owner: r.owner,
    timeZone: r.time_zone,
    entity: r.entity,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }),
);

export type Account = Row<typeof accountRow>;

export interface AccountInput {
  readonly name: string;
  readonly marketplace: (typeof MARKETPLACES)[number];
  readonly legalName?: string | undefined;
  readonly dba?: string | undefined;
  readonly owner?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly entity?: (typeof ENTITY_TYPES)[number] | undefined;
}

export async function insertAccount(
  db: Executor,
  tenant: TenantId,
  input: AccountInput,
  meta: { by: string; at: string },
): Promise<Account> {
  const row = await db
    .insertInto('accounts')
    .values({
      tenant_id: tenant,
      name: input.name,
      marketplace: input.marketplace,
      legal_name: input.legalName ?? null,
      dba: input.dba ?? null,
      owner: input.owner ?? null,
      time_zone: input.timeZone ?? null,
      entity: input.entity ?? null,
      created_at: meta.at,
      created_by: meta.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return parseRow('accounts', accountRow, row);
}

export async function listAccounts(db: Executor, tenant: TenantId): Promise<Account[]> {
  const rows = await db
    .selectFrom('accounts')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('removed_at', 'is', null)
    .orderBy('name')
    .execute();
  return parseRows('accounts', accountRow, rows);
}

/** Live accounts by id, of any team (the scheduled Amazon sync). */
export async function accountsById(db: Executor, ids: readonly number[]): Promise<Account[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('accounts')
    .selectAll()
    .where('id', 'in', [...ids])
    .where('removed_at', 'is', null)
    .execute();
  return parseRows('accounts', accountRow, rows);
}

export async function findAccount(
  db: Executor,
  tenant: TenantId,
  name: string,
): Promise<Account | undefined> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('name', '=', name)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row ? parseRow('accounts', accountRow, row) : undefined;
}

export async function updateAccount(
  db: Executor,
  tenant: TenantId,
  id: number,
  changes: Partial<Omit<AccountInput, 'name'>> & { name?: string },
): Promise<Account> {
  const values: Record<string, unknown> = {};
  if (changes.name !== undefined) values.name = changes.name;
  if (changes.marketplace !== undefined) values.marketplace = changes.marketplace;
  if (changes.legalName !== undefined) values.legal_name = changes.legalName;
  if (changes.dba !== undefined) values.dba = changes.dba;
  if (changes.owner !== undefined) values.owner = changes.owner;
  if (changes.timeZone !== undefined) values.time_zone = changes.timeZone;
  if (changes.entity !== undefined) values.entity = changes.entity;
  const row = await db
    .updateTable('accounts')
    .set(values)
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return parseRow('accounts', accountRow, row);
}

export async function removeAccount(
  db: Executor,
  tenant: TenantId,
  id: number,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ removed_at: at })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether any sales, policy or claim is recorded for an account: its currency is then fixed. */
export async function hasRecords(db: Executor, tenant: TenantId, accountId: number): Promise<boolean> {
  for (const table of ['sales_revisions', 'policies', 'claims'] as const) {
    const row = await db
      .selectFrom(table)
      .select('id')
      .where('tenant_id', '=', tenant)
      .where('account_id', '=', accountId)
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

/** Refuses a write that names an account of another tenant: the store keeps teams apart on its own. */
export async function assertOwnAccount(db: Executor, tenant: TenantId, accountId: number): Promise<void> {
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where('tenant_id', '=', tenant)
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!row) throw new Error(`account ${accountId} is not an account of tenant ${tenant}`);
}
