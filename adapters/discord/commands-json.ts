// The catalogue as Discord application commands: one top-level command per root (/insurance,
// /claim), groups as subcommand groups, arguments as typed options with their ranges. Descriptions
// come from the English catalogue (Discord's description_localizations can carry other languages).
// Pure: no discord.js here.
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
import { argsOf, type CommandSpec, type NamedArg } from '../../commands/spec.ts';
import { type MessageId, wordsFor } from '../../src/i18n/index.ts';
import { truncate } from '../../src/reply.ts';
import { ZH_CN_NAMES } from './names.ts';

/** Discord's limits on application commands. */
export const COMMAND_LIMITS = { description: 100, choices: 25, options: 25, stringLength: 6000 } as const;

const en = wordsFor('en');
const zh = wordsFor('zh-CN');
const cut = (text: string) => truncate(text, COMMAND_LIMITS.description);
const describe = (id: MessageId) => cut(en.t(id));

/**
 * A name and description, with their Simplified Chinese forms (Discord shows them to members whose
 * client is set to 中文; interactions still carry the English name).
 */
function named(name: string, description: MessageId) {
  const zhName = ZH_CN_NAMES[name];
  if (!zhName) throw new Error(`no zh-CN name for the Discord command or option "${name}"`);
  return {
    name,
    name_localizations: { 'zh-CN': zhName },
    description: describe(description),
    description_localizations: { 'zh-CN': cut(zh.t(description)) },
  };
}

function option(a: NamedArg): APIApplicationCommandBasicOption {
  const base = { ...named(a.name, a.description), required: a.required };
  switch (a.kind) {
    case 'user':
      return { ...base, type: ApplicationCommandOptionType.User };
    case 'channel':
      return { ...base, type: ApplicationCommandOptionType.Channel, channel_types: [ChannelType.GuildText] };
    case 'subject':
      return { ...base, type: ApplicationCommandOptionType.Mentionable };
    case 'yesno':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        min_value: a.min ?? 0,
        ...(a.max !== undefined ? { max_value: a.max } : {}),
      };
    case 'choice':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        choices: (a.choices ?? []).slice(0, COMMAND_LIMITS.choices).map((c) => ({ name: c, value: c })),
      };
    case 'account':
    case 'claim':
      return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true, max_length: 64 };
    case 'timezone':
      return { ...base, type: ApplicationCommandOptionType.String, max_length: 64 };
    case 'text':
      return { ...base, type: ApplicationCommandOptionType.String, max_length: 500 };
    case 'file':
      return { ...base, type: ApplicationCommandOptionType.Attachment };
    default:
      return { ...base, type: ApplicationCommandOptionType.String, max_length: 64 };
  }
}

function subcommand(spec: CommandSpec): APIApplicationCommandSubcommandOption {
  // Discord wants required options first. A secret (a refresh token) is never an option, whose
  // value Discord shows in the channel: it is asked for in a modal.
  const args = argsOf(spec)
    .filter((a) => !a.secret)
    .sort((a, b) => Number(b.required) - Number(a.required));
  return {
    type: ApplicationCommandOptionType.Subcommand,
    ...named(spec.path[spec.path.length - 1]!, spec.summary),
    options: [...args.map(option), PRIVATE_OPTION],
  };
}

/** Every subcommand can answer privately (Slack: the word "private" at the end). */
export const PRIVATE_OPTION: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Boolean,
  ...named('private', 'discord.option.private'),
  required: false,
};

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
        const about = GROUPS[name];
        if (!about) throw new Error(`no description for the command group "${name}"`);
        group = {
          type: ApplicationCommandOptionType.SubcommandGroup,
          ...named(name, about),
          options: [],
        };
        groups.set(name, group);
        options.push(group);
      }
      group.options!.push(subcommand(spec));
    }
    return {
      type: ApplicationCommandType.ChatInput,
      ...named(root, `discord.root.${root}`),
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
