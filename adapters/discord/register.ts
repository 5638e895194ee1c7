// Registers the catalogue's application commands for one server (development) or globally,
// comparing with what Discord has first and writing only when something changed: Discord allows
// 200 command creations a day per server, so re-registering on every start is a bug.
import type { REST } from 'discord.js';
import { type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from 'discord-api-types/v10';
import { applicationCommands } from './commands-json.ts';

type Json = Record<string, unknown>;

/** The fields we set, with Discord's defaults filled in, so ours and Discord's copy compare equal. */
function canonicalOption(o: Json): Json {
  return {
    type: o.type,
    name: o.name,
    description: o.description,
    name_localizations: o.name_localizations ?? null,
    description_localizations: o.description_localizations ?? null,
    required: Boolean(o.required),
    autocomplete: Boolean(o.autocomplete),
    choices: ((o.choices as Json[] | undefined) ?? []).map((c) => ({ name: c.name, value: c.value })),
    min_value: o.min_value ?? null,
    max_length: o.max_length ?? null,
    channel_types: o.channel_types ?? [],
    options: ((o.options as Json[] | undefined) ?? []).map(canonicalOption),
  };
}

export function canonicalCommand(c: Json): Json {
  return {
    type: c.type ?? 1,
    name: c.name,
    description: c.description,
    name_localizations: c.name_localizations ?? null,
    description_localizations: c.description_localizations ?? null,
    contexts: c.contexts ?? null,
    default_member_permissions: c.default_member_permissions ?? null,
    options: ((c.options as Json[] | undefined) ?? []).map(canonicalOption),
  };
}

function same(a: readonly Json[], b: readonly Json[]): boolean {
  const key = (list: readonly Json[]) =>
    JSON.stringify(
      [...list].map(canonicalCommand).sort((x, y) => String(x.name).localeCompare(String(y.name))),
    );
  return key(a) === key(b);
}

export interface RegisterResult {
  readonly scope: string;
  readonly changed: boolean;
  readonly count: number;
}

export async function registerCommands(
  rest: REST,
  applicationId: string,
  guildId?: string,
  desired: RESTPostAPIChatInputApplicationCommandsJSONBody[] = applicationCommands(),
): Promise<RegisterResult> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  // Discord leaves the localizations out of its copy unless asked for them.
  const current = (await rest.get(route, {
    query: new URLSearchParams({ with_localizations: 'true' }),
  })) as Json[];
  const scope = guildId ? `server ${guildId}` : 'global';
  if (same(current, desired as unknown as Json[])) return { scope, changed: false, count: current.length };
  await rest.put(route, { body: desired });
  return { scope, changed: true, count: desired.length };
}
