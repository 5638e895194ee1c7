// The text form of commands, shared by Slack and the terminal:
//   /insurance sales record acme-us 2026-10 12,480.50
//   /insurance policy add acme-us effective:2026-01-15 insured:"Acme Goods LLC"
// Positional values fill the arguments in declared order; `name:value` sets one by name; quotes
// (straight or the curly ones Slack sends) keep spaces; a trailing text argument takes the rest.
import { ArgError, validateArg } from './args.ts';
import type { ArgSpec, Args, CommandSpec } from './spec.ts';

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
      if (end < 0) throw new ArgError(`a quote opened at "${s.slice(i, i + 20)}" is never closed`);
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

function argByKey(spec: CommandSpec, key: string): ArgSpec | undefined {
  return spec.args.find((a) => a.name === key || a.aliases?.includes(key));
}

/** "10 000" or "12 480.50": a digit group split off an amount by a space. */
const SPLIT_THOUSANDS = /^\d{3}(?:[.,]\d{1,2})?$/;

/** Fills and validates a command's arguments from tokens. Throws ArgError naming the problem. */
export function parseArgs(spec: CommandSpec, tokens: readonly Token[]): Args {
  // A space inside an amount would otherwise read "10 000" as 10.00 with "000" left over (or taken
  // as the next argument): refuse it rather than guess.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const arg = t.key ? argByKey(spec, t.key) : undefined;
    const next = tokens[i + 1]!;
    const moneyish = arg ? arg.kind === 'money' : !t.key && /^[$£€¥]?\d{1,3}$/.test(t.value);
    if (
      moneyish &&
      spec.args.some((a) => a.kind === 'money') &&
      !next.key &&
      !next.quoted &&
      SPLIT_THOUSANDS.test(next.value)
    )
      throw new ArgError(
        `"${t.value} ${next.value}" is ambiguous: write the amount without spaces, e.g. ${t.value.replace(/^[$£€¥]/, '')},${next.value} or ${t.value.replace(/^[$£€¥]/, '')}${next.value}`,
      );
  }
  const values: Record<string, string> = {};
  const positional: Token[] = [];
  for (const t of tokens) {
    const arg = t.key ? argByKey(spec, t.key) : undefined;
    if (t.key && !arg) {
      // Not one of ours: treat "key:value" as a plain value (e.g. a note that contains a colon).
      positional.push({ value: `${t.key}:${t.value}`, quoted: t.quoted });
      continue;
    }
    if (arg) {
      if (values[arg.name] !== undefined) throw new ArgError(`${arg.name} is given twice`);
      values[arg.name] = t.value;
    } else positional.push(t);
  }
  const open = spec.args.filter((a) => !a.keyed && values[a.name] === undefined);
  for (let i = 0; i < positional.length; i++) {
    const arg = open.shift();
    if (!arg) {
      const extra = positional
        .slice(i)
        .map((t) => t.value)
        .join(' ');
      throw new ArgError(`unexpected "${extra}"`);
    }
    // The last free text argument takes the rest of the line, so notes need no quotes.
    if (arg.kind === 'text' && open.length === 0) {
      values[arg.name] = positional
        .slice(i)
        .map((t) => t.value)
        .join(' ');
      break;
    }
    values[arg.name] = positional[i]!.value;
  }
  const out: Record<string, string> = {};
  for (const arg of spec.args) {
    const raw = values[arg.name];
    if (raw === undefined) {
      if (arg.required) throw new ArgError(`missing ${arg.name} (${arg.description.toLowerCase()})`);
      continue;
    }
    out[arg.name] = validateArg(arg, raw);
  }
  return out;
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
  return { kind: 'unknown', typed: `/${typed}`, suggestions: nearest(group.length ? group : inRoot, typed) };
}

function nearest(specs: readonly CommandSpec[], typed: string): CommandSpec[] {
  return specs
    .map((spec) => {
      const name = spec.path.join(' ');
      // Compare with as many words as were typed, so "sale recrd" finds "sales record".
      const words = typed.split(' ').length;
      const prefix = spec.path.slice(0, words).join(' ');
      return { spec, d: Math.min(distance(typed, name), distance(typed, prefix)) };
    })
    .filter((x) => x.d <= Math.max(3, Math.floor(typed.length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.spec);
}
