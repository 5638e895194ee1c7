// The audit log: every write records who did what to which record.
import { z } from 'zod';
import type { Executor } from './db.ts';
import { col, opt, parseRows } from './rows.ts';
import type { TenantId } from './tenants.ts';

const auditRow = z.object({
  id: col.id,
  tenant_id: col.id,
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  detail: opt(z.string()),
  at: col.instant,
});

export type AuditEntry = z.infer<typeof auditRow>;

export async function audit(
  db: Executor,
  tenant: TenantId,
  entry: { actor: string; action: string; subject: string; detail?: unknown; at: string },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: tenant,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      at: entry.at,
    })
    .execute();
}

export async function listAudit(db: Executor, tenant: TenantId, limit = 50): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return parseRows('audit_log', auditRow, rows);
}
