// The catalogue as Discord application commands: one top-level command per root (/insurance,
// /claim), groups as subcommand groups, arguments as typed options. Pure: no discord.js here.
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { CATALOGUE, GROUPS, ROOTS } from '../../commands/catalogue.ts';
import type { ArgSpec, CommandSpec } from '../../commands/spec.ts';

const ROOT_DESCRIPTION: Record<string, string> = {
  insurance:
    'Amazon product liability insurance: who must be insured, by when, and whether the policy passes',
  claim: 'A-to-z property damage and personal injury claims: who pays and what is due when',
};

function option(arg: ArgSpec): APIApplicationCommandBasicOption {
  const base = { name: arg.name, description: arg.description, required: arg.required };
  switch (arg.kind) {
    case 'user':
      return { ...base, type: ApplicationCommandOptionType.User };
    case 'channel':
      return { ...base, type: ApplicationCommandOptionType.Channel, channel_types: [ChannelType.GuildText] };
    case 'subject':
      return { ...base, type: ApplicationCommandOptionType.Mentionable };
    case 'integer':
      return { ...base, type: ApplicationCommandOptionType.Integer, min_value: 0 };
    case 'choice':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        choices: (arg.choices ?? []).map((c) => ({ name: c, value: c })),
      };
    case 'account':
    case 'claim':
      return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true };
    default:
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        max_length: arg.kind === 'text' ? 500 : 64,
      };
  }
}

function subcommand(spec: CommandSpec): APIApplicationCommandSubcommandOption {
  // Discord wants required options first.
  const args = [...spec.args].sort((a, b) => Number(b.required) - Number(a.required));
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: spec.path[spec.path.length - 1]!,
    description: spec.summary,
    options: args.map(option),
  };
}

export function applicationCommands(
  catalogue: readonly CommandSpec[] = CATALOGUE,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return ROOTS.map((root) => {
    const options: APIApplicationCommandOption[] = [];
    const groups = new Map<string, APIApplicationCommandSubcommandGroupOption>();
    for (const spec of catalogue.filter((c) => c.path[0] === root)) {
      if (spec.path.length === 2) {
        options.push(subcommand(spec));
        continue;
      }
      const name = spec.path[1]!;
      let group = groups.get(name);
      if (!group) {
        group = {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name,
          description: GROUPS[name] ?? `${name} commands`,
          options: [],
        };
        groups.set(name, group);
        options.push(group);
      }
      group.options!.push(subcommand(spec));
    }
    return {
      type: ApplicationCommandType.ChatInput,
      name: root,
      description: ROOT_DESCRIPTION[root] ?? root,
      // Read and manage subcommands share a top-level command, and Discord sets permissions per
      // top-level command only, so manage rights are enforced when each subcommand runs.
      contexts: [InteractionContextType.Guild],
      options,
    };
  });
}

/** Finds the catalogue command an interaction names: [root, group?, subcommand]. */
export function commandFor(
  path: readonly string[],
  catalogue: readonly CommandSpec[] = CATALOGUE,
): CommandSpec | undefined {
  return catalogue.find((c) => c.path.length === path.length && c.path.every((p, i) => p === path[i]));
}
