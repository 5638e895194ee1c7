// Runs a command for every way in — a line of text (Slack, terminal), options (Discord), the
// fields of a modal — through one path: validate every argument, check the manage permission, call
// the handler, and turn every failure into a reply that says what to do (and, for modals, which
// field it concerns). Nothing half-done is ever stored: every write is one transaction.
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { listAccounts } from '../src/app/accounts.ts';
import { recordsVersion } from '../src/app/context.ts';
import { StoreRowError, TryAgainError, UserError } from '../src/app/errors.ts';
import type { Words } from '../src/i18n/index.ts';
import { type CommandResult, commandSeconds, commands } from '../src/metrics.ts';
import { errorReply, type Reply } from '../src/reply.ts';
import { RulesInputError } from '../src/rules/months.ts';
import { ArgError, type ArgProblem, accountKey } from './args.ts';
import { CATALOGUE, GROUPS } from './catalogue.ts';
import { helpGroup, helpIndex } from './help.ts';
import { type RawArgs, rawArgs, resolve, type Token, tokenize, validateArgs } from './parse.ts';
import { argsOf, type CommandContext, type CommandSpec, example, usage } from './spec.ts';

export interface ErrorLog {
  error(obj: object, msg: string): void;
}

/** A reply, and for a modal the problems by field (the modal shows each beside its field). */
export interface Outcome {
  readonly reply: Reply;
  /** Nothing was done, and why: the reply says so to the member. */
  readonly failed?: Exclude<CommandResult, 'ok'> | undefined;
  readonly fieldErrors?: Readonly<Record<string, string>> | undefined;
}

/** Undefined when the member may run the command; otherwise the refusal. */
export async function permissionFor(ctx: CommandContext, spec: CommandSpec): Promise<Outcome | undefined> {
  if (spec.permission === 'manage' && !(await ctx.actor.isManager()))
    return { reply: refusal(ctx), failed: 'refused' };
  // Granting is for the platform's admins: a grantee cannot grant others, nor keep a grant alive.
  if (spec.permission === 'admin' && !(await ctx.actor.isAdmin()))
    return { reply: refusal(ctx, ctx.words.t(`refusal.admin.${ctx.platform}`)), failed: 'refused' };
  return undefined;
}

/** Undefined when every argument is right; otherwise what is wrong with each. Needs no database. */
export function checkArgs(spec: CommandSpec, raw: RawArgs, w: Words): Outcome | undefined {
  try {
    validateArgs(spec, raw);
    return undefined;
  } catch (err) {
    if (err instanceof ArgError) return argFailure(err, spec, w);
    throw err;
  }
}

/** Runs a resolved command with raw values by argument name (Discord options, modal fields). */
export async function runCommand(
  ctx: CommandContext,
  spec: CommandSpec,
  raw: RawArgs,
  log?: ErrorLog,
): Promise<Outcome> {
  const command = spec.path.join(' ');
  const timer = commandSeconds.startTimer({ command });
  const outcome = await attempt(ctx, spec, raw, log);
  timer();
  commands.inc({ command, result: outcome.failed ?? 'ok' });
  return outcome;
}

async function attempt(
  ctx: CommandContext,
  spec: CommandSpec,
  raw: RawArgs,
  log?: ErrorLog,
): Promise<Outcome> {
  try {
    const values = validateArgs(spec, raw);
    const refused = await permissionFor(ctx, spec);
    if (refused) return refused;
    return { reply: await answer(ctx, spec, values) };
  } catch (err) {
    return failure(err, spec, ctx.words, log);
  }
}

/**
 * "private" as the last word (unquoted) asks for an answer only the member sees, e.g.
 * `/insurance check private`. Quote it to give the word itself as a value.
 */
function privateKeyword(tokens: readonly Token[]): { tokens: readonly Token[]; private: boolean } {
  const last = tokens[tokens.length - 1];
  if (last && !last.key && !last.quoted && last.value.toLowerCase() === 'private')
    return { tokens: tokens.slice(0, -1), private: true };
  return { tokens, private: false };
}

/** Whether a line's values satisfy the command's declaration. */
function parses(spec: CommandSpec, tokens: readonly Token[]): boolean {
  try {
    validateArgs(spec, rawArgs(spec, tokens));
    return true;
  } catch (err) {
    if (err instanceof ArgError) return false;
    throw err;
  }
}

/** Commands whose account is new or about to go: never one the member did not name. */
const NAMED_ONLY = new Set([
  'insurance account add',
  'insurance account remove',
  'insurance account disconnect',
]);

/**
 * A line's values by argument name. A team with one seller account need not name it: a line that
 * fits its command with an account put first ("/insurance sales history 2026-10") means the team's
 * one account, unless it already begins with that account's name. The accounts are read only for
 * a line that would fit so; one that begins with its account ("… acme-us 2026-10 5000") does not.
 */
async function textArgs(ctx: CommandContext, spec: CommandSpec, tokens: readonly Token[]): Promise<RawArgs> {
  const first = argsOf(spec).find((a) => !a.keyed);
  if (first?.kind === 'account' && !first.required) return withoutAccount(ctx, spec, tokens);
  if (first?.kind !== 'account' || NAMED_ONLY.has(spec.path.join(' '))) return rawArgs(spec, tokens);
  const put = (name: string) => [{ value: name, quoted: true }, ...tokens];
  if (!parses(spec, put('a'))) return rawArgs(spec, tokens);
  const accounts = await listAccounts(ctx.deps, ctx.scope);
  const word = tokens.find((t) => !t.key);
  const typed = word && accountKey(word.value);
  if (accounts.length !== 1 || accounts[0]!.name === typed) return rawArgs(spec, tokens);
  return rawArgs(spec, put(accounts[0]!.name));
}

/**
 * An optional account left out: "/insurance check 2026-10-31" is the as-of day, not an account of
 * that name. A lone word that reads as the next argument means it unless the team has an account
 * so named; the accounts are read only for such a line.
 */
async function withoutAccount(
  ctx: CommandContext,
  spec: CommandSpec,
  tokens: readonly Token[],
): Promise<RawArgs> {
  const next = argsOf(spec).filter((a) => !a.keyed)[1];
  if (!next) return rawArgs(spec, tokens);
  const words = tokens.filter((t) => !t.key);
  // Given by name already ("check acme-us as-of:…", the usual form): the word is the account.
  const named = tokens.some(
    (t) => t.key === next.name || (t.key !== undefined && next.aliases?.includes(t.key)),
  );
  if (words.length !== 1 || named) return rawArgs(spec, tokens);
  const moved = tokens.map((t) => (t === words[0] ? { ...t, key: next.name } : t));
  if (!parses(spec, moved)) return rawArgs(spec, tokens);
  const typed = accountKey(words[0]!.value);
  const accounts = await listAccounts(ctx.deps, ctx.scope);
  return rawArgs(spec, accounts.some((a) => a.name === typed) ? tokens : moved);
}

/** A line that left out its account: the refusal names the team's accounts to choose from. */
async function withKnownAccounts(
  ctx: CommandContext,
  spec: CommandSpec,
  raw: RawArgs,
  outcome: Outcome,
): Promise<Reply> {
  const first = argsOf(spec).find((a) => !a.keyed);
  if (outcome.failed !== 'invalid' || first?.kind !== 'account' || raw[first.name] !== undefined)
    return outcome.reply;
  if (spec.path.join(' ') === 'insurance account add') return outcome.reply; // its name is a new one
  const names = (await listAccounts(ctx.deps, ctx.scope)).map((a) => a.name);
  const known = names.length
    ? ctx.words.t('error.known-accounts', { names })
    : ctx.words.t('error.no-accounts-yet');
  return { ...outcome.reply, lines: [...(outcome.reply.lines ?? []), known] };
}

/** Parses one line of command text (Slack's `text`, a terminal line) and runs it. */
export async function runText(
  ctx: CommandContext,
  root: string,
  text: string,
  log?: ErrorLog,
): Promise<Reply> {
  let spec: CommandSpec | undefined;
  const w = ctx.words;
  try {
    const tokens = tokenize(text);
    if (tokens.length === 0) return helpIndex(CATALOGUE, w, root);
    const found = resolve(CATALOGUE, root, tokens);
    if (found.kind === 'group') return helpGroup(found.path, found.commands, w, GROUPS[found.path[1]!]);
    if (found.kind === 'unknown')
      return errorReply(w.t('error.unknown-command', { typed: found.typed }), w, {
        lines: [
          found.suggestions.length
            ? w.t('error.did-you-mean', {
                commands: w.list(
                  found.suggestions.map((s) => `/${s.path.join(' ')}`),
                  'or',
                ),
              })
            : w.t('error.see-help'),
        ],
      });
    spec = found.spec;
    const { tokens: rest, private: alone } = privateKeyword(found.rest);
    const raw = await textArgs(ctx, spec, rest);
    const reply = await withKnownAccounts(ctx, spec, raw, await runCommand(ctx, spec, raw, log));
    return alone ? { ...reply, private: true } : reply;
  } catch (err) {
    return failure(err, spec, w, log).reply;
  }
}

function refusal(ctx: CommandContext, why: string = ctx.refusal): Reply {
  return { title: ctx.words.t('error.no-permission'), tone: 'danger', private: true, lines: [why] };
}

/**
 * Teams ask the same question again and again; the answer only changes when their records change
 * (every write bumps the data version) or the clock moves. The minute is in the key: in some time
 * zones the day turns at :30 or :45 past the hour. One cache per database (tenant ids are only
 * unique within one), bounded, and entries expire with the minute they belong to.
 */
const ANSWERS = new WeakMap<object, LRUCache<string, Reply>>();

async function answer(ctx: CommandContext, spec: CommandSpec, values: Parameters<CommandSpec['handler']>[1]) {
  if (!spec.cacheable) return spec.handler(ctx, values);
  const version = await recordsVersion(ctx.deps, ctx.scope);
  const key = `${ctx.platform}|${ctx.scope.tenant.id}|${version}|${ctx.words.locale}|${ctx.deps.now().toISOString().slice(0, 16)}|${spec.path.join(' ')}|${JSON.stringify(values)}`;
  let answers = ANSWERS.get(ctx.deps.store);
  if (!answers) {
    answers = new LRUCache({ max: 1000, ttl: 60_000 });
    ANSWERS.set(ctx.deps.store, answers);
  }
  const hit = answers.get(key);
  if (hit) return hit;
  // Every reply a handler returns is an answer, warnings and overdue accounts included; failures
  // are thrown, and answered by failure() without the cache.
  const reply = await spec.handler(ctx, values);
  answers.set(key, reply);
  return reply;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One argument's problem as a sentence: "month is not a month; write YYYY-MM, e.g. 2026-10 (got "Oct")". */
export function describeProblem(p: ArgProblem, spec: CommandSpec | undefined, w: Words): string {
  const a = spec ? argsOf(spec).find((x) => x.name === p.name) : undefined;
  const values = {
    name: p.name,
    got: p.got ?? '',
    example: a?.example ?? '',
    choices: (a?.choices ?? []).join(', '),
    description: a ? lowerFirst(w.t(a.description), w) : '',
    min: a?.min ?? 0,
    max: a?.max ?? 0,
  };
  // Problems about the line as a whole are sentences of their own; the rest follow the argument's name.
  if (WHOLE.has(p.problem)) return w.t(p.problem, values);
  const problem = w.t(p.problem, values);
  return p.got === undefined
    ? w.t('error.arg-bare', { name: p.name, problem })
    : w.t('error.arg', { name: p.name, problem, got: p.got });
}

const WHOLE = new Set(['arg.missing', 'arg.twice', 'arg.unexpected', 'arg.unclosed-quote']);

// "missing claim (Amazon’s claim ID)": a name or an acronym keeps its capital inside the sentence.
const PROPER = /^(?:Amazon|[A-Z]{2,}\b)/;
const lowerFirst = (s: string, w: Words) =>
  w.locale === 'en' && !PROPER.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;

function argFailure(err: ArgError, spec: CommandSpec | undefined, w: Words): Outcome {
  const help = spec ? { usage: usage(spec), example: example(spec, w) } : {};
  const sentences = err.problems.map((p) => describeProblem(p, spec, w));
  const fieldErrors = Object.fromEntries(
    err.problems.filter((p) => p.name).map((p, i) => [p.name, sentences[i]!] as const),
  );
  const title =
    sentences.length === 1 ? capitalise(sentences[0]!) : w.t('error.args', { count: sentences.length });
  return {
    reply: errorReply(title, w, { ...help, lines: sentences.length > 1 ? sentences.map(capitalise) : [] }),
    failed: 'invalid',
    fieldErrors,
  };
}

function failure(err: unknown, spec: CommandSpec | undefined, w: Words, log?: ErrorLog): Outcome {
  const help = spec ? { usage: usage(spec), example: example(spec, w) } : {};
  if (err instanceof ArgError) return argFailure(err, spec, w);
  if (err instanceof UserError) {
    const message = w.t(err.id, { arg: err.field, ...err.values });
    const field = err.field ?? 'command';
    return {
      reply: errorReply(message, w, {
        lines: err.lines.map((l) => w.t(l.id, l.values)),
        ...(err.example ? { example: err.example } : spec ? { example: example(spec, w) } : {}),
      }),
      failed: 'invalid',
      // Beside its field, a message needs no "field:" in front.
      fieldErrors: { [field]: message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message },
    };
  }
  if (err instanceof RulesInputError)
    return { reply: errorReply(w.t(`error.rules.${err.code}`, err.values), w, help), failed: 'invalid' };
  if (err instanceof TryAgainError)
    return {
      reply: { title: w.t('error.busy.title'), tone: 'warn', private: true, lines: [w.t('error.busy.hint')] },
      failed: 'busy',
    };
  if (err instanceof StoreRowError)
    return {
      reply: {
        title: w.t('error.bad-row.title'),
        tone: 'danger',
        private: true,
        lines: [err.message, w.t('error.bad-row.hint')],
      },
      failed: 'error',
    };
  const id = randomUUID().slice(0, 8);
  log?.error({ err, errorId: id, command: spec?.path.join(' ') }, 'command failed');
  return {
    reply: {
      title: w.t('error.unexpected.title'),
      tone: 'danger',
      private: true,
      lines: [w.t('error.unexpected.hint', { id })],
    },
    failed: 'error',
  };
}
