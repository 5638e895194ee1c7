// Every command declared in the catalogue yields help, a parsable example, and a Discord
// application command within Discord's limits (PLATFORMS.md: names, descriptions, option counts,
// choices, 8,000 characters per command, required options first).

import { describe, expect, it } from 'vitest';
import { applicationCommands } from '../../adapters/discord/commands-json.ts';
import { CATALOGUE } from '../../commands/catalogue.ts';
import { topicHeading, topicOf } from '../../commands/help.ts';
import { parseArgs, resolve, tokenize } from '../../commands/parse.ts';
import { argsOf, example, usage } from '../../commands/spec.ts';
import { wordsFor } from '../../src/i18n/index.ts';
import { slackEscaped } from '../support/harness.ts';

const NAME = /^[-_'\p{L}\p{N}]{1,32}$/u;

type Option = {
  name: string;
  description: string;
  required?: boolean;
  options?: Option[];
  choices?: { name: string; value: unknown }[];
};

function* walk(options: readonly Option[] | undefined, path: string[]): Generator<[string[], Option]> {
  for (const o of options ?? []) {
    yield [[...path, o.name], o];
    yield* walk(o.options, [...path, o.name]);
  }
}

function characters(cmd: { name: string; description: string; options?: Option[] }): number {
  let n = cmd.name.length + cmd.description.length;
  for (const [, o] of walk(cmd.options, [])) {
    n += o.name.length + o.description.length;
    for (const c of o.choices ?? []) n += c.name.length + String(c.value).length;
  }
  return n;
}

describe('catalogue', () => {
  it('every command belongs to a help topic with a heading in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const)
      for (const spec of CATALOGUE)
        expect(topicHeading(topicOf(spec), wordsFor(locale)), spec.path.join(' ')).not.toMatch(/^\//);
    // A command whose topic has no heading shows its path instead of nothing.
    expect(topicHeading('reports', wordsFor('en'))).toBe('/insurance reports');
  });

  it('declares every command of the design', () => {
    const names = CATALOGUE.map((c) => c.path.join(' '));
    for (const expected of [
      'insurance check',
      'insurance account add',
      'insurance account list',
      'insurance account remove',
      'insurance account set',
      'insurance sales record',
      'insurance sales list',
      'insurance sales history',
      'insurance request',
      'insurance policy add',
      'insurance policy list',
      'insurance policy show',
      'insurance policy uploaded',
      'insurance policy remove',
      'insurance alerts here',
      'insurance alerts off',
      'insurance alerts status',
      'insurance alerts test',
      'insurance access grant',
      'insurance help',
      'claim open',
      'claim status',
      'claim respond',
      'claim update',
      'claim close',
    ])
      expect(names).toContain(expected);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const spec of CATALOGUE) {
    it(`${spec.path.join(' ')}: its example parses back into valid arguments`, () => {
      const line = slackEscaped(example(spec, wordsFor()).replace(/^\/\S+\s*/, ''));
      const found = resolve(CATALOGUE, spec.path[0]!, tokenize(line));
      expect(found.kind).toBe('command');
      if (found.kind !== 'command') return;
      expect(found.spec).toBe(spec);
      const args = parseArgs(spec, found.rest);
      for (const a of argsOf(spec).filter((x) => x.required)) expect(args[a.name]).toBeDefined();
      expect(usage(spec)).toContain(`/${spec.path.join(' ')}`);
    });
  }
});

describe('Discord application commands from the catalogue', () => {
  const commands = applicationCommands() as unknown as (Option & { type: number })[];

  it('one top-level command per root, within 100 global commands', () => {
    expect(commands.map((c) => c.name)).toEqual(['insurance', 'claim']);
  });

  for (const cmd of applicationCommands() as unknown as Option[]) {
    it(`/${cmd.name} is within Discord's limits`, () => {
      expect(cmd.name).toMatch(NAME);
      expect(cmd.name).toBe(cmd.name.toLowerCase());
      expect(cmd.description.length).toBeGreaterThanOrEqual(1);
      expect(cmd.description.length).toBeLessThanOrEqual(100);
      expect(cmd.options!.length).toBeLessThanOrEqual(25);
      expect(characters(cmd as Option)).toBeLessThanOrEqual(8000);
      for (const [path, o] of walk(cmd.options, [cmd.name])) {
        const where = path.join(' ');
        expect(o.name, where).toMatch(NAME);
        expect(o.name, where).toBe(o.name.toLowerCase());
        expect(o.description.length, where).toBeGreaterThanOrEqual(1);
        expect(o.description.length, where).toBeLessThanOrEqual(100);
        expect((o.options ?? []).length, where).toBeLessThanOrEqual(25);
        expect((o.choices ?? []).length, where).toBeLessThanOrEqual(25);
        for (const c of o.choices ?? []) expect(c.name.length, where).toBeLessThanOrEqual(100);
        const names = (o.options ?? []).map((x) => x.name);
        expect(new Set(names).size, `${where}: option names unique`).toBe(names.length);
        const required = (o.options ?? []).map((x) => Boolean(x.required));
        expect(required, `${where}: required options first`).toEqual(
          [...required].sort((a, b) => Number(b) - Number(a)),
        );
      }
    });
  }

  it('every catalogue command appears exactly once', () => {
    const paths: string[] = [];
    for (const cmd of commands)
      for (const [path, o] of walk(cmd.options, [cmd.name]))
        if ((o as { type?: number }).type === 1) paths.push(path.join(' '));
    expect(paths.sort()).toEqual(CATALOGUE.map((c) => c.path.join(' ')).sort());
  });
});
