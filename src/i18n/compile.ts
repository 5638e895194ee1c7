// Messages compiled once per locale and rendered with their values: ICU MessageFormat through
// intl-messageformat, with two shortcuts that give the library's own output (test/i18n/compile.test.ts
// holds every message of every catalogue to that).

import { type MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser';
import { type Formatters, IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from './locales.ts';

/**
 * A message compiled for a locale. Most messages are only text and plain arguments: for those,
 * `plain` holds the text and the argument names in order, and rendering is concatenation, which is
 * what intl-messageformat does for them (a string as it is, a number through String) without its
 * list of parts. Selects and plurals, and anything unusual, go through the library.
 */
export interface Compiled {
  readonly format: IntlMessageFormat;
  readonly plain: readonly (string | { readonly arg: string })[] | undefined;
  /** The select arguments: their enum values are matched with `_` for `-`. */
  readonly selectors: ReadonlySet<string>;
}

/**
 * The library's formatters for one locale, made once and shared by its messages. The library's
 * own are made per message and found again on every use by a key it builds with JSON.stringify
 * of the arguments: for a plural, that cost more than choosing the plural form.
 */
export function formattersFor(locale: Locale): Formatters {
  const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
  const once = <T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
    key: string,
    make: () => T,
  ): T => {
    let f = made.get(key) as T | undefined;
    if (!f) {
      f = make();
      made.set(key, f);
    }
    return f;
  };
  // The locale is the one every message of these words was compiled for: the library passes it back.
  return {
    getNumberFormat: (_locales, opts) =>
      once(`n${opts ? JSON.stringify(opts) : ''}`, () => new Intl.NumberFormat(locale, opts)),
    getDateTimeFormat: (_locales, opts) =>
      once(`d${opts ? JSON.stringify(opts) : ''}`, () => new Intl.DateTimeFormat(locale, opts)),
    getPluralRules: (_locales, opts) =>
      once(`p${opts?.type ?? 'cardinal'}`, () => new Intl.PluralRules(locale, opts)),
  };
}

export function compile(text: string, locale: Locale, formatters: Formatters): Compiled {
  // Messages have no markup: "<claim>" in a usage line is text, not a tag.
  const format = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true, formatters });
  const ast = format.getAst();
  const selectors = new Set<string>();
  collectSelectors(ast, selectors);
  const plain = ast.every((el) => el.type === TYPE.literal || el.type === TYPE.argument)
    ? ast.map((el) => (el.type === TYPE.literal ? el.value : { arg: el.value }))
    : undefined;
  return { format, plain, selectors };
}

/** A compiled message with its values: the concatenation for a plain one, else the library's. */
export function render(m: Compiled, values: Record<string, string | number> | undefined): string {
  if (m.plain) {
    let out = '';
    for (const part of m.plain) {
      if (typeof part === 'string') out += part;
      else {
        const v = values?.[part.arg];
        if (typeof v === 'string') out += v;
        else if (typeof v === 'number') out += String(v);
        // A value missing: the library's error, which names it.
        else return m.format.format(values) as string;
      }
    }
    return out;
  }
  return m.format.format(values) as string;
}

function collectSelectors(elements: readonly MessageFormatElement[], into: Set<string>): void {
  for (const el of elements) {
    if (el.type === TYPE.select) into.add(el.value);
    if (el.type === TYPE.select || el.type === TYPE.plural)
      for (const option of Object.values(el.options)) collectSelectors(option.value, into);
    if (el.type === TYPE.tag) collectSelectors(el.children, into);
  }
}
