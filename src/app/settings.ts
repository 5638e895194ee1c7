// Tenant settings: the alert channel, alert hour and time zone, and who may manage the tenant.
import { z } from 'zod';
import { isTimeZone } from '../rules/calendar.ts';
import { lastSweep, listAlerts, outboxCounts } from '../store/alerts.ts';
import * as tenants from '../store/tenants.ts';
import { type AppDeps, nowIso, read, type Scope, write } from './context.ts';
import { UserError } from './errors.ts';

export async function setAlertChannel(
  deps: AppDeps,
  scope: Scope,
  input: { channel: string; hour?: number | undefined; timeZone?: string | undefined },
): Promise<tenants.Tenant> {
  if (input.hour !== undefined && (!Number.isInteger(input.hour) || input.hour < 0 || input.hour > 23))
    throw new UserError('hour: give an hour from 0 to 23', '/insurance alerts here 9 America/New_York');
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone))
    throw new UserError(
      `time-zone: "${input.timeZone}" is not a time zone`,
      '/insurance alerts here 9 America/New_York',
    );
  return write(deps, scope, 'alerts.here', input.channel, async (trx) => {
    await tenants.updateTenantSettings(trx, scope.tenant.id, {
      alertChannel: input.channel,
      ...(input.hour !== undefined ? { alertHour: input.hour } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
    });
    return tenants.getTenant(trx, scope.tenant.id);
  });
}

export async function alertsOff(deps: AppDeps, scope: Scope): Promise<void> {
  await write(deps, scope, 'alerts.off', 'channel', (trx) =>
    tenants.updateTenantSettings(trx, scope.tenant.id, { alertChannel: null }),
  );
}

const planProblems = z.array(z.object({ account: z.string(), problem: z.string() }));

export async function alertsStatus(deps: AppDeps, scope: Scope) {
  return read(deps, async (db) => {
    const tenant = await tenants.getTenant(db, scope.tenant.id);
    // Written by the sweep; a value that does not parse is itself reported rather than hidden.
    const parsed = tenant.plan_problems ? planProblems.safeParse(safeJson(tenant.plan_problems)) : undefined;
    return {
      tenant,
      counts: await outboxCounts(db, scope.tenant.id),
      failed: await listAlerts(db, scope.tenant.id, { status: 'failed', limit: 5 }),
      lastSweep: await lastSweep(db),
      alertHour: scope.tenant.alert_hour ?? deps.defaults.alertHour,
      problems:
        parsed === undefined
          ? []
          : parsed.success
            ? parsed.data
            : [{ account: '*', problem: tenant.plan_problems! }],
    };
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type Subject = { readonly kind: 'user' | 'role'; readonly id: string };

export async function grantManager(deps: AppDeps, scope: Scope, subject: Subject): Promise<boolean> {
  return write(deps, scope, 'access.grant', `${subject.kind}:${subject.id}`, (trx) =>
    tenants.addGrant(trx, scope.tenant.id, {
      kind: subject.kind,
      subjectId: subject.id,
      by: scope.actor,
      at: nowIso(deps),
    }),
  );
}

export async function revokeManager(deps: AppDeps, scope: Scope, subject: Subject): Promise<boolean> {
  return write(deps, scope, 'access.revoke', `${subject.kind}:${subject.id}`, (trx) =>
    tenants.removeGrant(trx, scope.tenant.id, subject.kind, subject.id),
  );
}

export function listManagers(deps: AppDeps, scope: Scope) {
  return read(deps, (db) => tenants.listGrants(db, scope.tenant.id));
}

/** Whether the member is granted manager rights here, directly or through one of their roles. */
export async function isGranted(
  deps: AppDeps,
  scope: Scope,
  userId: string,
  roles: readonly string[] = [],
): Promise<boolean> {
  const grants = await listManagers(deps, scope);
  return grants.some(
    (g) =>
      (g.kind === 'user' && g.subject_id === userId) || (g.kind === 'role' && roles.includes(g.subject_id)),
  );
}
