// Help, generated from the declarations: the list of commands, and each command's usage,
// arguments and example — in the team's language.
import type { MessageId, Words } from '../src/i18n/index.ts';
import type { Reply } from '../src/reply.ts';
import { argsOf, type CommandSpec, commandName, example, sample, usage } from './spec.ts';

/** The index's headings, by a command's topic: its second word (`/insurance sales …`), or `claim`. */
const TOPICS: Readonly<Record<string, MessageId>> = {
  check: 'help.topic.check',
  account: 'help.topic.account',
  sales: 'help.topic.sales',
  request: 'help.topic.request',
  policy: 'help.topic.policy',
  alerts: 'help.topic.alerts',
  settings: 'help.topic.settings',
  access: 'help.topic.access',
  help: 'help.topic.help',
  claim: 'help.topic.claim',
};

export const topicOf = (spec: CommandSpec): string =>
  spec.path[0] === 'claim' ? 'claim' : (spec.path[1] ?? spec.path[0]!);

/** A topic's heading; a topic without one (a command added without its heading) shows its path. */
export const topicHeading = (topic: string, w: Words): string =>
  TOPICS[topic] ? w.t(TOPICS[topic]) : `/insurance ${topic}`;

/**
 * Every command (of `root`, when given), one section per topic: a newcomer scans headings, not forty
 * lines. Topics keep the order of their first command, so `/insurance account connect` (declared
 * with the Amazon commands) is read with the other account commands. `asked` is the command the
 * member typed, whose help the footer points to.
 */
export function helpIndex(
  catalogue: readonly CommandSpec[],
  w: Words,
  root?: string,
  asked: string = root ?? 'insurance',
): Reply {
  const topics = new Map<string, CommandSpec[]>();
  for (const spec of catalogue) {
    if (root && spec.path[0] !== root) continue;
    const topic = topicOf(spec);
    const listed = topics.get(topic);
    if (listed) listed.push(spec);
    else topics.set(topic, [spec]);
  }
  return {
    title: w.t('help.title'),
    tone: 'info',
    private: true,
    lines: [w.t(asked === 'claim' ? 'help.details.claim' : 'help.details'), w.t('help.private')],
    sections: [...topics].map(([topic, specs]) => ({
      heading: topicHeading(topic, w),
      tone: 'info' as const,
      lines: specs.map((s) =>
        w.t(
          s.permission === 'read'
            ? 'help.line'
            : s.permission === 'admin'
              ? 'help.line.admin'
              : 'help.line.manage',
          { usage: usage(s), summary: w.t(s.summary) },
        ),
      ),
    })),
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
