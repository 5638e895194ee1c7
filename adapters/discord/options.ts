// Discord interaction options -> the catalogue's arguments. Works on the raw option data (what
// Discord sent), so it is the same path for real interactions and for fuzzing.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { validateArg } from '../../commands/args.ts';
import type { Args, CommandSpec } from '../../commands/spec.ts';

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

/** Validates every option against its declaration (throws ArgError) and ignores unknown ones. */
export function argsFromOptions(spec: CommandSpec, leaf: readonly RawOption[]): Args {
  const out: Record<string, string> = {};
  for (const arg of spec.args) {
    const option = leaf.find((o) => o.name === arg.name);
    if (!option) continue;
    out[arg.name] = validateArg(arg, asText(option));
  }
  for (const arg of spec.args) if (arg.required && out[arg.name] === undefined) validateArg(arg, '');
  return out;
}
