// Insurance policies (the ACORD 25 fields). Each change bumps the version, so an alert about a
// deficient policy is raised once per version, not once per sweep.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Money } from '../rules/money.ts';
import { COVERAGE_FORMS, POLICY_BASES, type PolicyFacts } from '../rules/policy.ts';
import { assertOwnAccount } from './accounts.ts';
import { type Executor, isPostgres } from './db.ts';
import { col, flagValue, opt, parseRow, parseRows, type Row, rowSpec } from './rows.ts';
import type { PoliciesTable } from './schema.ts';
import type { TenantId } from './tenants.ts';

export const policyRow = rowSpec(
  z
    .object({
      id: col.id,
      tenant_id: col.id,
      account_id: col.id,
      number: col.ordinal,
      version: col.ordinal,
      insurer: opt(col.text),
      insurer_rating: opt(col.text),
      policy_number: opt(col.text),
      coverage_form: opt(col.oneOf(COVERAGE_FORMS)),
      products_completed_ops: col.flag,
      covers_marketplace: col.flag,
      effective_on: col.date,
      expires_on: col.date,
      currency: col.currency,
      per_occurrence_minor: opt(col.minor),
      aggregate_minor: opt(col.minor),
      products_aggregate_minor: opt(col.minor),
      deductible_minor: opt(col.minor),
      basis: opt(col.oneOf(POLICY_BASES)),
      additional_insured: opt(col.text),
      certificate_holder: opt(col.text),
      insured_name: opt(col.text),
      cancellation_notice_days: opt(col.count),
      uploaded_on: opt(col.date),
      created_at: col.instant,
      created_by: col.text,
      updated_at: col.instant,
      removed_at: opt(col.instant),
    })
    .refine((r) => r.expires_on > r.effective_on, {
      message: 'expires_on must be after effective_on',
      path: ['expires_on'],
    }),
  (r) => {
    const m = (minor: number | undefined): Money | undefined =>
      minor === undefined ? undefined : { minor, currency: r.currency };
    return {
      id: r.id,
      accountId: r.account_id,
      number: r.number,
      version: r.version,
      insurer: r.insurer,
      insurerRating: r.insurer_rating,
      policyNumber: r.policy_number,
      coverageForm: r.coverage_form,
      productsCompletedOps: flagValue(r.products_completed_ops),
      coversMarketplace: flagValue(r.covers_marketplace),
      effectiveOn: r.effective_on,
      expiresOn: r.expires_on,
      perOccurrence: m(r.per_occurrence_minor),
      aggregate: m(r.aggregate_minor),
      productsAggregate: m(r.products_aggregate_minor),
      deductible: m(r.deductible_minor),
      basis: r.basis,
      additionalInsured: r.additional_insured,
      certificateHolder: r.certificate_holder,
      insuredName: r.insured_name,
      cancellationNoticeDays: r.cancellation_notice_days,
      uploadedOn: r.uploaded_on,
      createdAt: r.created_at,
      createdBy: r.created_by,
      updatedAt: r.updated_at,
    };
  },
  // The refine above, for rows checked without zod.
  { rowCheck: (r) => String(r.expires_on) > String(r.effective_on) },
);

export type PolicyRecord = Row<typeof policyRow>;
export type PolicyInput = PolicyFacts & { readonly currency: PoliciesTable['currency'] };

type PolicyColumns = Partial<Omit<PoliciesTable, 'id'>>;

function columns(p: Partial<PolicyInput>): PolicyColumns {
  const flag = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);
  const out: PolicyColumns = {
    insurer: p.insurer,
    insurer_rating: p.insurerRating,
    policy_number: p.policyNumber,
    coverage_form: p.coverageForm,
    products_completed_ops: flag(p.productsCompletedOps),
    covers_marketplace: flag(p.coversMarketplace),
    effective_on: p.effectiveOn,
    expires_on: p.expiresOn,
    per_occurrence_minor: p.perOccurrence?.minor,
    aggregate_minor: p.aggregate?.minor,
    products_aggregate_minor: p.productsAggregate?.minor,
    deductible_minor: p.deductible?.minor,
    basis: p.basis,
    additional_insured: p.additionalInsured,
    certificate_holder: p.certificateHolder,
    insured_name: p.insuredName,
    cancellation_notice_days: p.cancellationNoticeDays,
    uploaded_on: p.uploadedOn,
    currency: p.currency,
  };
  for (const k of Object.keys(out) as (keyof typeof out)[]) if (out[k] === undefined) delete out[k];
  return out;
}

export async function insertPolicy(
  db: Executor,
  tenant: TenantId,
  accountId: number,
  input: PolicyInput,
  meta: { by: string; at: string },
): Promise<PolicyRecord> {
  await assertOwnAccount(db, tenant, accountId);
  // The team's next number. PostgreSQL: lock the team's row so two writers cannot take the same one
  // (SQLite transactions already hold the write lock); the unique index is the last word either way.
  if (isPostgres(db)) await sql`select id from tenants where id = ${tenant} for update`.execute(db);
  const next = await db
    .selectFrom('policies')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('tenant_id', '=', tenant)
    .executeTakeFirst();
  const row = await db
    .insertInto('policies')
    .values({
      ...(columns(input) as Omit<PoliciesTable, 'id' | 'version' | 'number'>),
      tenant_id: tenant,
      account_id: accountId,
      number: Number(next?.n ?? 0) + 1,
      version: 1,
      created_at: meta.at,
      created_by: meta.by,
      updated_at: meta.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return parseRow('policies', policyRow, row);
}

/** Live policies of the tenant (or one account), by account then effective date. */
export async function listPolicies(
  db: Executor,
  tenant: TenantId,
  accountId?: number,
): Promise<PolicyRecord[]> {
  let q = db
    .selectFrom('policies')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('removed_at', 'is', null);
  if (accountId !== undefined) q = q.where('account_id', '=', accountId);
  return parseRows(
    'policies',
    policyRow,
    await q.orderBy('account_id').orderBy('effective_on').orderBy('id').execute(),
  );
}

/** A live policy of the team by the number users see (#1, #2 …). */
export async function getPolicy(
  db: Executor,
  tenant: TenantId,
  number: number,
): Promise<PolicyRecord | undefined> {
  const row = await db
    .selectFrom('policies')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('number', '=', number)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row ? parseRow('policies', policyRow, row) : undefined;
}

export async function updatePolicy(
  db: Executor,
  tenant: TenantId,
  id: number,
  changes: Partial<PolicyInput>,
  at: string,
): Promise<PolicyRecord | undefined> {
  const row = await db
    .updateTable('policies')
    .set((eb) => ({ ...columns(changes), updated_at: at, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? parseRow('policies', policyRow, row) : undefined;
}

export async function removePolicy(db: Executor, tenant: TenantId, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('policies')
    .set({ removed_at: at, updated_at: at })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
