// The message catalogue is complete and has nothing dead in it.
//
// Used but missing: every id handed to the catalogue is typed MessageId, and ids built at run time
// are template literals over typed unions (`finding.${FindingCode}`, `alert.${AlertKind}.title`), so
// the compiler proves each exists — provided nobody casts. This suite forbids the cast, and renders
// every id of each run-time family from the values the code can produce.
// Defined but unused: every id is either written literally in the code, or belongs to a family the
// code builds at run time.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { ROOTS } from '../../commands/catalogue.ts';
import { ALERT_KINDS } from '../../src/alerts/planner.ts';
import { LOCALES, wordsFor } from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/messages/en.ts';
import { MARKETPLACES, RULE_TABLE } from '../../src/rules/table.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const KEYS = Object.keys(en);

function sources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const rel = join(dir, name);
      if (statSync(join(ROOT, rel)).isDirectory()) walk(rel);
      else if (rel.endsWith('.ts') && !rel.startsWith(join('src', 'i18n', 'messages')))
        out.push({ file: rel, text: readFileSync(join(ROOT, rel), 'utf8') });
    }
  };
  for (const dir of ['src', 'commands', 'adapters']) walk(dir);
  return out;
}
const CODE = sources();

/** Where the code hands an id it builds at run time to the catalogue: t(`x.${…}`), UserError(`x.${…}`), … */
const DYNAMIC =
  /(?:\bt\(|hasMessage\(|describe\(|named\([a-z]+, |UserError\(|\bid: )\s*`([a-z][a-z0-9.-]*\.)\$\{/g;

describe('the message catalogue', () => {
  it('ids are never cast: the compiler checks every one the code builds', () => {
    const casts = CODE.filter((f) => /as MessageId\b/.test(f.text)).map((f) => f.file);
    expect(casts).toEqual([]);
  });

  it('every message is used: literally, or by a family of ids built at run time', () => {
    const literal = new Set<string>();
    for (const { text } of CODE)
      for (const m of text.matchAll(/['"`]([a-z][a-z0-9._-]*)['"`]/g)) literal.add(m[1]!);
    const families = new Set<string>();
    for (const { text } of CODE) for (const m of text.matchAll(DYNAMIC)) families.add(m[1]!);
    // A prefix this short would hide every id under it: families name at least their namespace.
    expect([...families].filter((f) => f.split('.').length < 2)).toEqual([]);
    const unused = KEYS.filter((k) => !literal.has(k) && ![...families].some((f) => k.startsWith(f)));
    expect(unused).toEqual([]);
  });

  it('every id of each run-time family exists, for every value the code can produce', () => {
    const ids = [
      ...ALERT_KINDS.flatMap((k) => [`alert.${k}.title`, `alert.${k}.next`]),
      ...MARKETPLACES.map((m) => `marketplace.${m}`),
      ...[...new Set(RULE_TABLE.map((r) => r.topic))].flatMap((t) => [`rule.${t}`, `topic.${t}`]),
      ...(['slack', 'discord', 'shell'] as const).map((p) => `refusal.${p}`),
      ...ROOTS.map((r) => `discord.root.${r}`),
    ];
    expect(ids.filter((id) => !KEYS.includes(id))).toEqual([]);
  });

  it('every message parses and renders in every language, with a value for each placeholder', () => {
    for (const locale of LOCALES) {
      const w = wordsFor(locale);
      for (const id of KEYS) {
        const values = { ...sampleValues(parse(en[id as keyof typeof en], { ignoreTag: true })), ...TYPED };
        expect(w.t(id as keyof typeof en, values), id).not.toMatch(/\{[a-z]/i);
      }
    }
  });
});

/** Placeholders whose values are ids themselves (a policy field, rule topics). */
const TYPED = { field: 'aggregate', topics: ['basis', 'coverage'], missing: ['deductible'] };

/** A value for each placeholder of a message: numbers for plurals, a select's first option, text otherwise. */
function sampleValues(
  elements: readonly MessageFormatElement[],
  into: Record<string, string | number | string[]> = {},
) {
  for (const el of elements) {
    if (el.type === TYPE.plural || el.type === TYPE.number) into[el.value] = 2;
    else if (el.type === TYPE.select) into[el.value] ??= Object.keys(el.options)[0]!;
    else if (el.type === TYPE.argument) into[el.value] ??= 'x';
    if (el.type === TYPE.select || el.type === TYPE.plural)
      for (const option of Object.values(el.options)) sampleValues(option.value, into);
  }
  return into;
}
