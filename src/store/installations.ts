// Slack OAuth installations, one per workspace (or per Enterprise Grid org for org-wide installs).
import { z } from 'zod';
import type { Executor } from './db.ts';
import { parseRow } from './rows.ts';

const installationRow = z.object({
  id: z.number().int().positive(),
  install_key: z.string().min(1),
  installation: z.string().min(2),
});

/** "E:<enterprise>" for org-wide installs, else "T:<team>". */
export function installKey(ids: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string {
  if (ids.isEnterpriseInstall && ids.enterpriseId) return `E:${ids.enterpriseId}`;
  if (ids.teamId) return `T:${ids.teamId}`;
  throw new Error('an installation needs a team or an enterprise id');
}

/** Saves an installation as stored text (JSON, sealed when a secret key is configured). */
export async function saveInstallation(
  db: Executor,
  key: string,
  ids: { teamId?: string | undefined; enterpriseId?: string | undefined },
  stored: string,
  at: string,
): Promise<void> {
  const values = {
    install_key: key,
    team_id: ids.teamId ?? null,
    enterprise_id: ids.enterpriseId ?? null,
    installation: stored,
    updated_at: at,
  };
  await db
    .insertInto('slack_installations')
    .values(values)
    .onConflict((oc) =>
      oc.column('install_key').doUpdateSet({ installation: values.installation, updated_at: at }),
    )
    .execute();
}

/** The stored text of an installation, with its row id. */
export async function fetchInstallation(
  db: Executor,
  key: string,
): Promise<{ id: number; stored: string } | undefined> {
  const row = await db
    .selectFrom('slack_installations')
    .selectAll()
    .where('install_key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  const parsed = parseRow('slack_installations', installationRow, row);
  return { id: parsed.id, stored: parsed.installation };
}

/** Every installation's stored text (for sealing them again under a new key). */
export async function listInstallations(db: Executor): Promise<{ id: number; stored: string }[]> {
  const rows = await db.selectFrom('slack_installations').selectAll().orderBy('id').execute();
  return rows.map((r) => {
    const parsed = parseRow('slack_installations', installationRow, r);
    return { id: parsed.id, stored: parsed.installation };
  });
}

export async function replaceInstallation(
  db: Executor,
  id: number,
  stored: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('slack_installations')
    .set({ installation: stored, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function deleteInstallation(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('slack_installations').where('install_key', '=', key).execute();
}
