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

export async function saveInstallation(
  db: Executor,
  key: string,
  ids: { teamId?: string | undefined; enterpriseId?: string | undefined },
  installation: unknown,
  at: string,
): Promise<void> {
  const values = {
    install_key: key,
    team_id: ids.teamId ?? null,
    enterprise_id: ids.enterpriseId ?? null,
    installation: JSON.stringify(installation),
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

export async function fetchInstallation(db: Executor, key: string): Promise<unknown | undefined> {
  const row = await db
    .selectFrom('slack_installations')
    .selectAll()
    .where('install_key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  const parsed = parseRow('slack_installations', installationRow, row);
  try {
    return JSON.parse(parsed.installation);
  } catch {
    throw new Error(`invalid row in slack_installations (id ${parsed.id}): installation is not JSON`);
  }
}

export async function deleteInstallation(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('slack_installations').where('install_key', '=', key).execute();
}
