// Certificates read from a PDF and waiting for the member's confirmation. A draft is not a policy:
// `/insurance policy confirm <code>` turns it into one, once (the policy id is kept on the draft).
import { z } from 'zod';
import { assertOwnAccount } from './accounts.ts';
import type { Executor } from './db.ts';
import { col, opt, parseRow, type Row, rowSpec } from './rows.ts';
import type { TenantId } from './tenants.ts';

/** The fields as `policy add` takes them (amounts as text), checked again when read back. */
export const draftFields = z
  .object({
    effectiveOn: col.date,
    expiresOn: col.date,
    insurer: z.string().max(300),
    insurerRating: z.string().max(40),
    policyNumber: z.string().max(80),
    coverageForm: z.enum(['general', 'umbrella', 'excess', 'other']),
    productsCompletedOps: z.boolean(),
    coversMarketplace: z.boolean(),
    perOccurrence: z.string().regex(/^\d+\.\d{2}$/),
    aggregate: z.string().regex(/^\d+\.\d{2}$/),
    productsAggregate: z.string().regex(/^\d+\.\d{2}$/),
    deductible: z.string().regex(/^\d+\.\d{2}$/),
    basis: z.enum(['occurrence', 'claims-made']),
    additionalInsured: z.string().max(300),
    certificateHolder: z.string().max(300),
    insuredName: z.string().max(300),
    cancellationNoticeDays: z.number().int().min(0).max(365),
  })
  .partial();
export type DraftFields = z.infer<typeof draftFields>;

const draftRow = rowSpec(
  z.object({
    id: col.id,
    tenant_id: col.id,
    code: z.string().regex(/^[0-9a-f]{6}$/),
    account_id: col.id,
    fields: z.string().transform((text, ctx) => {
      try {
        return draftFields.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not the JSON of a certificate draft' });
        return z.NEVER;
      }
    }),
    file_name: z.string(),
    created_at: col.instant,
    created_by: z.string(),
    policy_id: opt(col.id),
  }),
  (r) => ({
    id: r.id,
    code: r.code,
    accountId: r.account_id,
    fields: r.fields,
    fileName: r.file_name,
    createdAt: r.created_at,
    createdBy: r.created_by,
    /** Set once the draft was confirmed: the policy it became. */
    policyId: r.policy_id,
  }),
);

export type Draft = Row<typeof draftRow>;

export async function insertDraft(
  db: Executor,
  tenant: TenantId,
  accountId: number,
  input: { code: string; fields: DraftFields; fileName: string; at: string; by: string },
): Promise<Draft> {
  await assertOwnAccount(db, tenant, accountId);
  const row = await db
    .insertInto('certificate_drafts')
    .values({
      tenant_id: tenant,
      code: input.code,
      account_id: accountId,
      fields: JSON.stringify(draftFields.parse(input.fields)),
      file_name: input.fileName,
      created_at: input.at,
      created_by: input.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return parseRow('certificate_drafts', draftRow, row);
}

export async function getDraft(db: Executor, tenant: TenantId, code: string): Promise<Draft | undefined> {
  const row = await db
    .selectFrom('certificate_drafts')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? parseRow('certificate_drafts', draftRow, row) : undefined;
}

/** Marks a draft used by a policy; false if it already was (a second click on the button). */
export async function useDraft(
  db: Executor,
  tenant: TenantId,
  id: number,
  policyId: number,
): Promise<boolean> {
  const r = await db
    .updateTable('certificate_drafts')
    .set({ policy_id: policyId })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('policy_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
