// Slack OAuth installations (one per workspace, or per Enterprise Grid org for org-wide installs),
// for the Slack adapter's installation store and for posting alerts. And what happens when a
// platform removes the app from a team: its alerts stop (audited, like /insurance alerts off).
import * as store from '../store/installations.ts';
import { type AppDeps, read } from './context.ts';
import { findSession, type TeamIdentity } from './session.ts';
import { alertsOff } from './settings.ts';

export { installKey } from '../store/installations.ts';

/** Saves an installation; its tokens are sealed (AES-256-GCM) when a secret key is configured. */
export function saveInstallation(
  deps: AppDeps,
  key: string,
  ids: { teamId?: string | undefined; enterpriseId?: string | undefined },
  installation: unknown,
): Promise<void> {
  const text = JSON.stringify(installation);
  const stored = deps.sealer ? deps.sealer.seal(text) : text;
  return read(deps, (db) => store.saveInstallation(db, key, ids, stored, deps.now().toISOString()));
}

export async function fetchInstallation(deps: AppDeps, key: string): Promise<unknown | undefined> {
  const row = await read(deps, (db) => store.fetchInstallation(db, key));
  if (!row) return undefined;
  const text = deps.sealer ? deps.sealer.open(row.stored) : row.stored;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(
      `invalid row in slack_installations (id ${row.id}): installation is not JSON${deps.sealer ? '' : ' (sealed? set COVERWATCH_SECRET_KEY)'}`,
    );
  }
}

/**
 * Seals every installation again with the current key (after COVERWATCH_SECRET_KEY changed, the old
 * key in COVERWATCH_SECRET_KEY_PREVIOUS), plain ones included. Returns how many were re-sealed.
 */
export async function resealInstallations(deps: AppDeps): Promise<{ resealed: number; total: number }> {
  const sealer = deps.sealer;
  if (!sealer) throw new Error('COVERWATCH_SECRET_KEY is not set: there is no key to seal with');
  const rows = await read(deps, (db) => store.listInstallations(db));
  let resealed = 0;
  for (const row of rows) {
    if (!sealer.stale(row.stored)) continue;
    const stored = sealer.seal(sealer.open(row.stored));
    await read(deps, (db) => store.replaceInstallation(db, row.id, stored, deps.now().toISOString()));
    resealed++;
  }
  return { resealed, total: rows.length };
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
