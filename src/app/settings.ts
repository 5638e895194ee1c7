// Team settings: the alert channel, alert hour, time zone and language, and who may manage the team.
import { z } from 'zod';
import { hasMessage } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import { dueNow, lastSentAt, listAlerts, outboxCounts } from '../store/alerts.ts';
import * as tenants from '../store/tenants.ts';
import { type AppDeps, nowIso, read, type Scope, write } from './context.ts';

export async function setAlertChannel(
  deps: AppDeps,
  scope: Scope,
  input: { channel: string; hour?: number | undefined; timeZone?: string | undefined },
): Promise<tenants.Tenant> {
  return write(deps, scope, 'alerts.here', input.channel, async (trx) => {
    await tenants.updateTenantSettings(trx, scope.tenant.id, {
      alertChannel: input.channel,
      ...(input.hour !== undefined ? { alertHour: input.hour } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
    });
    // The channel was just checked by posting in it: alerts held for a refused one go out now.
    await tenants.clearAlertProblem(trx, scope.tenant.id);
    await dueNow(trx, scope.tenant.id, nowIso(deps));
    return tenants.getTenant(trx, scope.tenant.id);
  });
}

/** Alerts off: by a member's command, or because the platform removed the app (actor says which). */
export async function alertsOff(deps: AppDeps, scope: Scope): Promise<void> {
  await write(deps, scope, 'alerts.off', 'channel', (trx) =>
    tenants.updateTenantSettings(trx, scope.tenant.id, { alertChannel: null }),
  );
}

export async function setLanguage(
  deps: AppDeps,
  scope: Scope,
  locale: Locale | null,
): Promise<tenants.Tenant> {
  return write(deps, scope, 'settings.language', locale ?? 'default', async (trx) => {
    await tenants.updateTenantSettings(trx, scope.tenant.id, { locale });
    return tenants.getTenant(trx, scope.tenant.id);
  });
}

const planProblems = z.array(
  z.object({
    account: z.string(),
    problem: z.string(),
    id: z.string().refine(hasMessage).optional(),
    values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
);

/** The team's alert hour: its own, or the configured default. */
export const alertHourOf = (deps: AppDeps, tenant: tenants.Tenant): number =>
  tenant.alertHour ?? deps.defaults.alertHour;

export async function alertsStatus(deps: AppDeps, scope: Scope) {
  return read(deps, async (db) => {
    const tenant = await tenants.getTenant(db, scope.tenant.id);
    // Written by the sweep; a value that does not parse is itself reported rather than hidden.
    const parsed = tenant.planProblems ? planProblems.safeParse(safeJson(tenant.planProblems)) : undefined;
    return {
      tenant,
      counts: await outboxCounts(db, scope.tenant.id),
      failed: await listAlerts(db, scope.tenant.id, { status: 'failed', limit: 5 }),
      // The team's own activity only: the sweep log is every team's.
      lastSent: await lastSentAt(db, scope.tenant.id),
      alertHour: alertHourOf(deps, tenant),
      problems:
        parsed === undefined
          ? []
          : parsed.success
            ? parsed.data
            : [{ account: '*', problem: tenant.planProblems! }],
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
