// Help, generated from the declarations: the list of commands, and each command's usage,
// arguments and example — in the team's language.
import type { MessageId, Words } from '../src/i18n/index.ts';
import type { Reply } from '../src/reply.ts';
import { argsOf, type CommandSpec, commandName, example, sample, usage } from './spec.ts';

export function helpIndex(catalogue: readonly CommandSpec[], w: Words, root?: string): Reply {
  const specs = catalogue.filter((c) => !root || c.path[0] === root);
  return {
    title: w.t('help.title'),
    tone: 'info',
    private: true,
    lines: [
      ...specs.map((s) =>
        w.t(
          s.permission === 'read'
            ? 'help.line'
            : s.permission === 'admin'
              ? 'help.line.admin'
              : 'help.line.manage',
          {
            usage: usage(s),
            summary: w.t(s.summary),
          },
        ),
      ),
      w.t('help.details'),
      w.t('help.private'),
    ],
  };
}

export function helpFor(spec: CommandSpec, w: Words): Reply {
  const args = argsOf(spec);
  return {
    title: commandName(spec),
    tone: 'info',
    private: true,
    fields: [
      { label: w.t('help.field.usage'), value: usage(spec) },
      { label: w.t('help.field.example'), value: example(spec, w) },
      {
        label: w.t('help.field.who'),
        value: w.t(
          spec.permission === 'read'
            ? 'help.who.everyone'
            : spec.permission === 'admin'
              ? 'help.who.admins'
              : 'help.who.managers',
        ),
      },
    ],
    lines: [
      w.t(spec.summary),
      ...args.map((a) =>
        w.t(a.required ? 'help.arg' : 'help.arg.optional', {
          arg: a.keyed ? `${a.name}:` : `<${a.name}>`,
          description: w.t(a.description),
          choices: a.choices ? ` (${a.choices.join(', ')})` : '',
          example: sample(a, w),
        }),
      ),
      ...(args.some((a) => a.keyed) ? [w.t('help.keyed')] : []),
    ],
  };
}

export function helpGroup(
  path: readonly string[],
  commands: readonly CommandSpec[],
  w: Words,
  about?: MessageId,
): Reply {
  return {
    title: w.t(about ? 'help.group.about' : 'help.group', {
      group: `/${path.join(' ')}`,
      about: about ? w.t(about) : '',
    }),
    tone: 'info',
    private: true,
    lines: commands.map((s) => w.t('help.line', { usage: usage(s), summary: w.t(s.summary) })),
  };
}
