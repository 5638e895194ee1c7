// Help, generated from the declarations: the list of commands, and each command's usage,
// arguments and example.
import type { Reply } from '../src/reply.ts';
import { type CommandSpec, commandName, example, usage } from './spec.ts';

export function helpIndex(catalogue: readonly CommandSpec[], root?: string): Reply {
  const specs = catalogue.filter((c) => !root || c.path[0] === root);
  return {
    title: 'coverwatch commands',
    tone: 'info',
    private: true,
    lines: [
      ...specs.map((s) => `${usage(s)} — ${s.summary}${s.permission === 'manage' ? ' (managers)' : ''}`),
      'Details: /insurance help <command>, e.g. /insurance help sales record',
    ],
  };
}

export function helpFor(spec: CommandSpec): Reply {
  return {
    title: commandName(spec),
    tone: 'info',
    private: true,
    fields: [
      { label: 'Usage', value: usage(spec) },
      { label: 'Example', value: example(spec) },
      {
        label: 'Who',
        value: spec.permission === 'manage' ? 'managers (admins or granted members)' : 'every member',
      },
    ],
    lines: [
      spec.summary,
      ...spec.args.map(
        (a) =>
          `${a.keyed ? `${a.name}:` : `<${a.name}>`}${a.required ? '' : ' (optional)'} — ${a.description}${a.choices ? ` (${a.choices.join(', ')})` : ''}, e.g. ${a.example}`,
      ),
      ...(spec.args.some((a) => a.keyed)
        ? ['Give name:value arguments in any order; quote values with spaces.']
        : []),
    ],
  };
}

export function helpGroup(path: readonly string[], commands: readonly CommandSpec[], about?: string): Reply {
  return {
    title: `/${path.join(' ')} …${about ? ` — ${about}` : ''}`,
    tone: 'info',
    private: true,
    lines: commands.map((s) => `${usage(s)} — ${s.summary}`),
  };
}
