// Discord interaction options -> raw values by argument name, validated afterwards by the same
// runCommand as typed text. Works on the raw option data (what Discord sent), so it is the same
// path for real interactions and for fuzzing.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { RawArgs } from '../../commands/parse.ts';
import { argsOf, type CommandSpec } from '../../commands/spec.ts';

export interface RawOption {
  readonly name: string;
  readonly type: number;
  readonly value?: string | number | boolean | undefined;
  readonly focused?: boolean | undefined;
  readonly options?: readonly RawOption[] | undefined;
  readonly role?: { readonly id: string } | null | undefined;
  readonly user?: { readonly id: string } | null | undefined;
}

/** The subcommand path of an interaction ([root, group?, sub]) and the leaf options. */
export function commandPath(
  root: string,
  options: readonly RawOption[],
): { path: string[]; leaf: readonly RawOption[] } {
  const path = [root];
  let leaf = options;
  for (;;) {
    const next = leaf.find(
      (o) =>
        o.type === ApplicationCommandOptionType.Subcommand ||
        o.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (!next) break;
    path.push(next.name);
    leaf = next.options ?? [];
  }
  return { path, leaf };
}

function asText(option: RawOption): string {
  switch (option.type) {
    case ApplicationCommandOptionType.Mentionable:
      return option.role ? `role:${option.role.id}` : `user:${option.user?.id ?? String(option.value ?? '')}`;
    case ApplicationCommandOptionType.User:
      return option.user?.id ?? String(option.value ?? '');
    default:
      return String(option.value ?? '');
  }
}

/** The options a command declares, as text; options it does not declare are ignored. */
export function argsFromOptions(spec: CommandSpec, leaf: readonly RawOption[]): RawArgs {
  const out: Record<string, string> = {};
  for (const a of argsOf(spec)) {
    const option = leaf.find((o) => o.name === a.name);
    if (option) out[a.name] = asText(option);
  }
  return out;
}

/** True when the member asked for an answer only they see (the `private` option). */
export function wantsPrivate(leaf: readonly RawOption[]): boolean {
  return leaf.some(
    (o) => o.name === 'private' && o.type === ApplicationCommandOptionType.Boolean && o.value === true,
  );
}
