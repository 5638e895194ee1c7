// Slack OAuth installations (one per workspace, or per Enterprise Grid org for org-wide installs),
// for the Slack adapter's installation store and for posting alerts. And what happens when a
// platform removes the app from a team: its alerts stop (audited, like /insurance alerts off).
import * as store from '../store/installations.ts';
import { type AppDeps, read } from './context.ts';
import { findSession, type TeamIdentity } from './session.ts';
import { alertsOff } from './settings.ts';

export { installKey } from '../store/installations.ts';

export function saveInstallation(
  deps: AppDeps,
  key: string,
  ids: { teamId?: string | undefined; enterpriseId?: string | undefined },
  installation: unknown,
): Promise<void> {
  return read(deps, (db) => store.saveInstallation(db, key, ids, installation, deps.now().toISOString()));
}

export function fetchInstallation(deps: AppDeps, key: string): Promise<unknown | undefined> {
  return read(deps, (db) => store.fetchInstallation(db, key));
}

export function deleteInstallation(deps: AppDeps, key: string): Promise<void> {
  return read(deps, (db) => store.deleteInstallation(db, key));
}

/**
 * The platform removed the app from a team (or revoked its token): alerts off, recorded in the
 * audit log as done by `actor`. A team that never used coverwatch is not created for this.
 */
export async function forgetTeam(deps: AppDeps, identity: TeamIdentity, actor: string): Promise<boolean> {
  const session = await findSession(deps, { identity, member: { id: actor, isAdmin: async () => false } });
  if (!session) return false;
  await alertsOff(deps, session.scope);
  return true;
}
