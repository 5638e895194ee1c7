// The text form of commands, shared by Slack and the terminal:
//   /insurance sales record acme-us 2026-10 12,480.50
//   /insurance policy add acme-us effective:2026-01-15 insured:"Acme Goods LLC"
// Positional values fill the arguments in declared order; `name:value` sets one by name; quotes
// (straight or the curly ones Slack sends) keep spaces; a trailing text argument takes the rest.
import { CHINESE_NAMES, CODE_ALIASES, CURRENCIES, isCurrencySign } from '../src/rules/money.ts';
import { ArgError, type ArgMap, type ArgProblem, type ArgValues, parseValue } from './args.ts';
import { argsOf, type CommandSpec, type NamedArg } from './spec.ts';

export interface Token {
  readonly value: string;
  /** Set for `name:value` tokens. */
  readonly key?: string;
  readonly quoted: boolean;
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '«': '»' };

/** Splits text into tokens, honouring quotes; unbalanced quotes are an error. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const s = text.normalize('NFC');
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let key: string | undefined;
    const keyMatch = /^([a-z][a-z0-9_-]*):(?=\S)/i.exec(s.slice(i));
    if (keyMatch) {
      key = keyMatch[1]!.toLowerCase().replace(/_/g, '-');
      i += keyMatch[0].length;
    }
    const close = QUOTES[s[i]!];
    if (close) {
      const end = s.indexOf(close, i + 1);
      if (end < 0) throw new ArgError([{ name: '', problem: 'arg.unclosed-quote', got: s.slice(i, i + 20) }]);
      tokens.push({ value: s.slice(i + 1, end), quoted: true, ...(key ? { key } : {}) });
      i = end + 1;
    } else {
      const start = i;
      while (i < s.length && !/\s/.test(s[i]!)) i++;
      const value = s.slice(start, i);
      // "http://x" or "10:30" are values, not keys: only known-looking keys are split, the rest rejoined later.
      tokens.push({ value, quoted: false, ...(key ? { key } : {}) });
    }
  }
  return tokens;
}

function argByKey(spec: CommandSpec, key: string): NamedArg | undefined {
  return argsOf(spec).find((a) => a.name === key || a.aliases?.includes(key));
}

/** "10 000" or "12 480.50": a digit group split off an amount by a space. */
const SPLIT_THOUSANDS = /^\d{3}(?:[.,]\d{1,2})?$/;

/** Raw values by argument name, as typed: text from Slack or the terminal, options from Discord, modal fields. */
export type RawArgs = Readonly<Record<string, string | undefined>>;

/** Fills a command's raw arguments from tokens (positional in declared order, or `name:value`). */
export function rawArgs(spec: CommandSpec, tokens: readonly Token[]): RawArgs {
  const problems: ArgProblem[] = [];
  // A space inside an amount would otherwise read "10 000" as 10.00 with "000" left over (or taken
  // as the next argument): refuse it rather than guess.
  const money = argsOf(spec).find((a) => a.kind === 'money');
  for (let i = 0; money && i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const a = t.key ? argByKey(spec, t.key) : undefined;
    const next = tokens[i + 1]!;
    const moneyish = a ? a.kind === 'money' : !t.key && /^[$£€¥]?\d{1,3}$/.test(t.value);
    if (moneyish && !next.key && !next.quoted && SPLIT_THOUSANDS.test(next.value)) {
      problems.push({
        name: a?.name ?? money.name,
        problem: 'arg.money-spaced',
        got: `${t.value} ${next.value}`,
      });
      break;
    }
  }
  const values: Record<string, string> = {};
  const positional: Token[] = [];
  for (const t of tokens) {
    const a = t.key ? argByKey(spec, t.key) : undefined;
    if (t.key && !a) {
      // Not one of ours: treat "key:value" as a plain value (e.g. a note that contains a colon).
      positional.push({ value: `${t.key}:${t.value}`, quoted: t.quoted });
      continue;
    }
    if (a) {
      if (values[a.name] !== undefined) problems.push({ name: a.name, problem: 'arg.twice' });
      values[a.name] = t.value;
    } else positional.push(t);
  }
  const open = argsOf(spec).filter((a) => !a.keyed && values[a.name] === undefined);
  for (let i = 0; i < positional.length; i++) {
    const a = open.shift();
    if (!a) {
      problems.push({
        name: '',
        problem: 'arg.unexpected',
        got: positional
          .slice(i)
          .map((t) => t.value)
          .join(' '),
      });
      break;
    }
    // The last free text argument takes the rest of the line, so notes need no quotes.
    if (a.kind === 'text' && open.length === 0) {
      values[a.name] = positional
        .slice(i)
        .map((t) => t.value)
        .join(' ');
      break;
    }
    // An amount with its currency as a word of its own ("12,000 EUR", "USD 12,000") is one amount:
    // otherwise the code would be read as the next argument (a sales record's source) and the
    // amount taken in the account's currency. The use case then accepts or refuses the currency.
    const next = positional[i + 1];
    if (a.kind === 'money' && next && !next.quoted) {
      const here = positional[i]!.value;
      if (isCurrencyWord(next.value) || (isCurrencyWord(here) && /\d/.test(next.value))) {
        values[a.name] = `${here} ${next.value}`;
        i++;
        continue;
      }
    }
    values[a.name] = positional[i]!.value;
  }
  if (problems.length) throw new ArgError(problems);
  return values;
}

/**
 * A currency written as a word: its sign (€, $, C$), an ISO 4217 code in capitals (as Intl knows them: "EUR", "CNY"),
 * a code coverwatch counts in, in any case ("usd"), a Chinese name (美元, 人民币) or RMB. A
 * lower-case word that happens to be a code ("all", "top") stays a word of the source.
 */
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const OURS: ReadonlySet<string> = new Set(CURRENCIES);
const isCurrencyWord = (word: string): boolean =>
  isCurrencySign(word) ||
  Object.hasOwn(CHINESE_NAMES, word) ||
  Object.hasOwn(CODE_ALIASES, word.toUpperCase()) ||
  (/^[A-Z]{3}$/.test(word) && CURRENCY_CODES.has(word)) ||
  (/^[a-z]{3}$/i.test(word) && OURS.has(word.toUpperCase()));

/**
 * Validates raw values against the declaration, every argument at once: the handler's typed values,
 * or an ArgError naming each argument that is not right. The one validation for every way in.
 */
export function validateArgs<A extends ArgMap>(spec: CommandSpec<A>, raw: RawArgs): ArgValues<A> {
  const out: Record<string, unknown> = {};
  const problems: ArgProblem[] = [];
  for (const a of argsOf(spec as CommandSpec)) {
    const value = raw[a.name];
    if (value === undefined || value.trim() === '') {
      if (a.default !== undefined) out[a.name] = a.default;
      else if (a.required) problems.push({ name: a.name, problem: 'arg.missing' });
      continue;
    }
    const parsed = parseValue(a.name, a, value);
    if (parsed.ok) out[a.name] = parsed.value;
    else problems.push(parsed.problem);
  }
  if (problems.length) throw new ArgError(problems);
  return out as ArgValues<A>;
}

/** Fills and validates a command's arguments from tokens. */
export function parseArgs(spec: CommandSpec, tokens: readonly Token[]) {
  return validateArgs(spec, rawArgs(spec, tokens));
}

/** Edit distance, for "did you mean" on mistyped commands. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export type Resolution =
  | { readonly kind: 'command'; readonly spec: CommandSpec; readonly rest: readonly Token[] }
  | { readonly kind: 'group'; readonly path: readonly string[]; readonly commands: readonly CommandSpec[] }
  | { readonly kind: 'unknown'; readonly typed: string; readonly suggestions: readonly CommandSpec[] };

/** Finds the command a line names: the longest declared path that prefixes the words typed. */
export function resolve(
  catalogue: readonly CommandSpec[],
  root: string,
  tokens: readonly Token[],
): Resolution {
  const words = tokens.map((t) => (t.key || t.quoted ? '' : t.value.toLowerCase()));
  const inRoot = catalogue.filter((c) => c.path[0] === root);
  let best: CommandSpec | undefined;
  for (const spec of inRoot) {
    const sub = spec.path.slice(1);
    if (sub.every((w, i) => words[i] === w) && (!best || spec.path.length > best.path.length)) best = spec;
  }
  if (best) return { kind: 'command', spec: best, rest: tokens.slice(best.path.length - 1) };
  const group = inRoot.filter((c) => c.path.length > 2 && c.path[1] === words[0]);
  if (group.length && !words[1]) return { kind: 'group', path: [root, words[0]!], commands: group };
  const typed = [root, ...words.slice(0, group.length ? 2 : 1)].filter(Boolean).join(' ');
  const named = catalogue.find((c) => c.path.join(' ') === TOPICS[`${root} ${words[0]}`]);
  const near = nearest(group.length ? group : inRoot, typed).filter((c) => c !== named);
  return { kind: 'unknown', typed: `/${typed}`, suggestions: named ? [named, ...near].slice(0, 3) : near };
}

/**
 * Words people type for what a command of another name does ("/insurance language" is a setting):
 * that command is suggested first, however far its spelling.
 */
const TOPICS: Readonly<Record<string, string>> = {
  'insurance language': 'insurance settings',
  'insurance lang': 'insurance settings',
  'insurance locale': 'insurance settings',
  'insurance 语言': 'insurance settings',
  'insurance 中文': 'insurance settings',
  'insurance 设置': 'insurance settings',
  'insurance timezone': 'insurance alerts here',
  'insurance channel': 'insurance alerts here',
  'insurance 提醒': 'insurance alerts here',
  'insurance status': 'insurance check',
  'insurance 检查': 'insurance check',
  'insurance 帮助': 'insurance help',
  'insurance 账户': 'insurance account list',
  'insurance 保单': 'insurance policy list',
  'insurance 索赔': 'claim status',
  'insurance certificate': 'insurance policy read',
  'insurance coi': 'insurance policy read',
  'insurance upload': 'insurance policy uploaded',
  'insurance accounts': 'insurance account list',
  'insurance policies': 'insurance policy list',
  'insurance claim': 'claim status',
  'insurance claims': 'claim status',
  'claim list': 'claim status',
  'claim claims': 'claim status',
};

/**
 * Verbs people type for the ones the catalogue uses ("/claim add" for "/claim open"): a command
 * whose verb is a synonym of the one typed is suggested first, however far its spelling.
 */
const SYNONYMS: readonly (readonly string[])[] = [
  ['add', 'open', 'new', 'create', 'record'],
  ['remove', 'delete', 'del', 'rm'],
  ['list', 'ls'],
  ['set', 'edit', 'change', 'update'],
];

function synonymous(a: string, b: string): boolean {
  return a !== b && SYNONYMS.some((group) => group.includes(a) && group.includes(b));
}

function nearest(specs: readonly CommandSpec[], typed: string): CommandSpec[] {
  const words = typed.split(' ');
  return specs
    .map((spec) => {
      const name = spec.path.join(' ');
      // Compare with as many words as were typed, so "sale recrd" finds "sales record".
      const prefix = spec.path.slice(0, words.length).join(' ');
      const sameButVerb =
        spec.path.length === words.length &&
        spec.path.every((w, i) => (i === words.length - 1 ? synonymous(words[i]!, w) : words[i] === w));
      return { spec, d: sameButVerb ? 0 : Math.min(distance(typed, name), distance(typed, prefix)) };
    })
    .filter((x) => x.d <= Math.max(3, Math.floor(typed.length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.spec);
}
