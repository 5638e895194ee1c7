// Tab completion at the terminal prompt: the command's words from the catalogue, then, where the
// command takes them, the team's account names, an argument's choices and its name: keys. Pure:
// the prompt passes in the account names it has read.
import { CATALOGUE } from '../../commands/catalogue.ts';
import { argsOf, type CommandSpec } from '../../commands/spec.ts';

/** Completions for `line` as readline wants them: the candidates, and the word they replace. */
export function complete(line: string, accounts: readonly string[]): [string[], string] {
  const partial = /\S*$/.exec(line)![0];
  const words = line
    .slice(0, line.length - partial.length)
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  if (words.length === 0) return [matching(['/insurance ', '/claim ', 'help', 'exit'], partial), partial];
  const root = words[0]!.replace(/^\//, '');
  const typed = words.slice(1);
  const spec = commandOf(root, typed);
  if (!spec) {
    // Still naming the command: the next words of the commands that go on from what is typed.
    const next = CATALOGUE.filter(
      (s) =>
        s.path[0] === root && s.path.length > typed.length + 1 && typed.every((w, i) => s.path[i + 1] === w),
    ).map((s) => `${s.path[typed.length + 1]} `);
    return [matching([...new Set(next)], partial), partial];
  }
  return [matching(argumentCandidates(spec, typed.slice(spec.path.length - 1), accounts), partial), partial];
}

/** The command the typed words name in full (the longest, as the parser reads it). */
function commandOf(root: string, typed: readonly string[]): CommandSpec | undefined {
  let found: CommandSpec | undefined;
  for (const s of CATALOGUE)
    if (
      s.path[0] === root &&
      s.path.length - 1 <= typed.length &&
      s.path.slice(1).every((p, i) => typed[i] === p) &&
      (!found || s.path.length > found.path.length)
    )
      found = s;
  return found;
}

/** What may come next among a command's arguments: the next positional one's values, and unused keys. */
function argumentCandidates(
  spec: CommandSpec,
  given: readonly string[],
  accounts: readonly string[],
): string[] {
  const args = argsOf(spec);
  const next = args.filter((a) => !a.keyed)[given.filter((w) => !w.includes(':')).length];
  const values = next?.kind === 'account' ? accounts : (next?.choices ?? []);
  const keys = args
    .filter((a) => a.keyed && !given.some((w) => w.startsWith(`${a.name}:`)))
    .map((a) => `${a.name}:`);
  return [...values.map((v) => `${v} `), ...keys];
}

const matching = (candidates: readonly string[], partial: string) =>
  candidates.filter((c) => c.toLowerCase().startsWith(partial.toLowerCase()));
