// Runs a command for any adapter: text (Slack, terminal) or already-typed options (Discord).
// Checks the manage permission, calls the handler, and turns every failure into a reply that says
// what to do — nothing half-done is ever stored, because every write is one transaction.
import { randomUUID } from 'node:crypto';
import { recordsVersion } from '../src/app/context.ts';
import { TryAgainError, UserError } from '../src/app/errors.ts';
import { errorReply, type Reply } from '../src/reply.ts';
import { RulesInputError } from '../src/rules/eligibility.ts';
import { StoreRowError } from '../src/store/rows.ts';
import { ArgError } from './args.ts';
import { CATALOGUE, GROUPS } from './catalogue.ts';
import { helpGroup, helpIndex } from './help.ts';
import { parseArgs, resolve, tokenize } from './parse.ts';
import { type Args, type CommandContext, type CommandSpec, example, usage } from './spec.ts';

export interface ErrorLog {
  error(obj: object, msg: string): void;
}

const MANAGE_REFUSAL: Record<string, string> = {
  slack: 'Only workspace admins and owners, or members granted with /insurance access grant, can do this.',
  discord: 'Only members with Manage Server, or a role granted with /insurance access grant, can do this.',
  shell: 'Only managers can do this.',
};

/** Runs a resolved command with raw values; used by Discord, whose options arrive already split. */
export async function runCommand(
  ctx: CommandContext,
  spec: CommandSpec,
  args: Args,
  log?: ErrorLog,
): Promise<Reply> {
  try {
    if (spec.permission === 'manage' && !(await ctx.actor.isManager()))
      return {
        title: 'You do not have permission for this',
        tone: 'danger',
        private: true,
        lines: [MANAGE_REFUSAL[ctx.platform] ?? ''],
      };
    if (!spec.cacheable) return await spec.handler(ctx, args);
    // Teams ask the same question again and again; the answer only changes when their records
    // change (every write bumps the data version) or the clock moves. The minute is in the key:
    // in some time zones the day turns at :30 or :45 past the hour.
    const version = await recordsVersion(ctx.deps, ctx.scope);
    const key = `${ctx.platform}|${ctx.scope.tenant.id}|${version}|${ctx.deps.now().toISOString().slice(0, 16)}|${spec.path.join(' ')}|${JSON.stringify(args)}`;
    const hit = answers.get(key);
    if (hit) return hit;
    const reply = await spec.handler(ctx, args);
    if (reply.tone !== 'danger') {
      if (answers.size >= 1000) answers.delete(answers.keys().next().value!);
      answers.set(key, reply);
    }
    return reply;
  } catch (err) {
    return failure(err, spec, log);
  }
}

const answers = new Map<string, Reply>();

/** Parses one line of command text (Slack's `text`, a terminal line) and runs it. */
export async function runText(
  ctx: CommandContext,
  root: string,
  text: string,
  log?: ErrorLog,
): Promise<Reply> {
  let spec: CommandSpec | undefined;
  try {
    const tokens = tokenize(text);
    if (tokens.length === 0) return helpIndex(CATALOGUE, root);
    const found = resolve(CATALOGUE, root, tokens);
    if (found.kind === 'group') return helpGroup(found.path, found.commands, GROUPS[found.path[1]!]);
    if (found.kind === 'unknown')
      return errorReply(`Unknown command ${found.typed}.`, {
        lines: found.suggestions.length
          ? [`Did you mean ${found.suggestions.map((s) => `/${s.path.join(' ')}`).join(' or ')}?`]
          : ['See /insurance help for every command.'],
      });
    spec = found.spec;
    return await runCommand(ctx, spec, parseArgs(spec, found.rest), log);
  } catch (err) {
    return failure(err, spec, log);
  }
}

function failure(err: unknown, spec: CommandSpec | undefined, log?: ErrorLog): Reply {
  const help = spec ? { usage: usage(spec), example: example(spec) } : {};
  if (err instanceof ArgError) return errorReply(capitalise(err.message), help);
  if (err instanceof UserError)
    return errorReply(err.message, {
      lines: err.lines,
      ...(err.example ? { example: err.example } : spec ? { example: example(spec) } : {}),
    });
  if (err instanceof RulesInputError) return errorReply(capitalise(err.message), help);
  if (err instanceof TryAgainError)
    return {
      title: 'The database is busy — nothing was saved',
      tone: 'warn',
      private: true,
      lines: ['Please try the same command again in a moment.'],
    };
  if (err instanceof StoreRowError)
    return {
      title: 'A stored record is invalid',
      tone: 'danger',
      private: true,
      lines: [err.message, 'Nothing was changed. An administrator should correct that row.'],
    };
  const id = randomUUID().slice(0, 8);
  log?.error({ err, errorId: id, command: spec?.path.join(' ') }, 'command failed');
  return {
    title: 'Something went wrong — nothing was saved',
    tone: 'danger',
    private: true,
    lines: [`Error id ${id}; the details are in the bot's log.`],
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
