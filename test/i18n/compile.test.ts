// Messages are rendered with two shortcuts (plain messages concatenated, formatters shared per
// locale): every message of every catalogue must come out exactly as intl-messageformat alone
// renders it, for values of every kind its arguments take.
import { type MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { compile, formattersFor, render } from '../../src/i18n/compile.ts';
import { LOCALES, type Locale } from '../../src/i18n/locales.ts';
import { en } from '../../src/i18n/messages/en.ts';
import { zhCN } from '../../src/i18n/messages/zh-CN.ts';

const CATALOGUES: Record<Locale, Record<string, string>> = { en, 'zh-CN': zhCN };

type Arg = { kind: 'plain' } | { kind: 'number' } | { kind: 'select'; options: string[] };

/** Every argument a message takes, and what kind of value it expects. */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Map<string, Arg>()) {
  for (const el of elements) {
    if (el.type === TYPE.argument && !into.has(el.value)) into.set(el.value, { kind: 'plain' });
    if (el.type === TYPE.number || el.type === TYPE.plural) into.set(el.value, { kind: 'number' });
    if (el.type === TYPE.select) into.set(el.value, { kind: 'select', options: Object.keys(el.options) });
    if (el.type === TYPE.select || el.type === TYPE.plural)
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

/** Several sets of values for a message: text, numbers (0, 1, 2, 5, 1234.5) and each select option. */
function valueSets(args: Map<string, Arg>): Record<string, string | number>[] {
  const sets: Record<string, string | number>[] = [];
  const plainValues: (string | number)[] = ['‹x›', 0, 42, 1234.5, ''];
  const numbers = [1, 0, 2, 5, 1234.5];
  const rounds = Math.max(
    plainValues.length,
    ...[...args.values()].map((a) => (a.kind === 'select' ? a.options.length : 0)),
  );
  for (let i = 0; i < rounds; i++) {
    const values: Record<string, string | number> = {};
    for (const [name, arg] of args) {
      if (arg.kind === 'plain') {
        const v = plainValues[i % plainValues.length]!;
        values[name] = typeof v === 'string' && v ? `‹${name}›` : v;
      } else if (arg.kind === 'number') values[name] = numbers[i % numbers.length]!;
      else values[name] = arg.options[i % arg.options.length]!;
    }
    sets.push(values);
  }
  return sets;
}

describe('rendering a compiled message', () => {
  for (const locale of LOCALES)
    it(`gives what intl-messageformat gives, for every ${locale} message`, () => {
      const formatters = formattersFor(locale);
      let plain = 0;
      let checked = 0;
      for (const [id, text] of Object.entries(CATALOGUES[locale])) {
        const library = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
        const compiled = compile(text, locale, formatters);
        if (compiled.plain) plain++;
        for (const values of valueSets(argumentsOf(library.getAst()))) {
          expect(render(compiled, values), `${id} with ${JSON.stringify(values)}`).toBe(
            library.format(values),
          );
          checked++;
        }
      }
      // Most messages take the shortcut; the rest (plurals, selects) go through the library.
      expect(plain).toBeGreaterThan(Object.keys(CATALOGUES[locale]).length / 2);
      expect(checked).toBeGreaterThan(Object.keys(CATALOGUES[locale]).length * 4);
    });

  it('concatenates a plain message, and leaves plurals and selects to the library', () => {
    const formatters = formattersFor('en');
    expect(compile('Hello {name}, {n} left', 'en', formatters).plain).toEqual([
      'Hello ',
      { arg: 'name' },
      ', ',
      { arg: 'n' },
      ' left',
    ]);
    expect(render(compile('Hello {name}, {n} left', 'en', formatters), { name: 'Ana', n: 1000 })).toBe(
      'Hello Ana, 1000 left',
    );
    expect(compile('{n, plural, one {# day} other {# days}}', 'en', formatters).plain).toBeUndefined();
    expect(render(compile('{n, plural, one {# day} other {# days}}', 'en', formatters), { n: 1000 })).toBe(
      '1,000 days',
    );
    expect(compile('{k, select, a {A} other {B}}', 'en', formatters).plain).toBeUndefined();
  });

  it('names a missing value as the library does', () => {
    const text = 'Policy {policy} expires on {on}';
    const library = new IntlMessageFormat(text, 'en', undefined, { ignoreTag: true });
    const expected = (() => {
      try {
        library.format({ policy: '#1' });
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    })();
    expect(expected).toContain('on');
    expect(() => render(compile(text, 'en', formattersFor('en')), { policy: '#1' })).toThrow(expected);
  });

  it('shares one plural rule and number format per locale and kind', () => {
    const formatters = formattersFor('zh-CN');
    expect(formatters.getPluralRules('zh-CN', { type: 'cardinal' })).toBe(formatters.getPluralRules());
    expect(formatters.getPluralRules(undefined, { type: 'ordinal' })).not.toBe(formatters.getPluralRules());
    expect(formatters.getNumberFormat('zh-CN')).toBe(formatters.getNumberFormat());
    expect(formatters.getNumberFormat(undefined, { style: 'percent' }).format(0.5)).toBe(
      new Intl.NumberFormat('zh-CN', { style: 'percent' }).format(0.5),
    );
    expect(formatters.getNumberFormat().resolvedOptions().locale).toBe('zh-CN');
  });
});
