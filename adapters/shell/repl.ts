// The terminal adapter: one tenant ("this terminal") with manager rights. On a TTY it is a REPL
// with history, help and colour; piped, it reads one command per line and exits at end of input:
//   printf '/insurance account add acme-us\n/insurance check\n' | npx coverwatch shell

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { ROOTS } from '../../commands/catalogue.ts';
import { type ErrorLog, runText } from '../../commands/run.ts';
import type { CommandContext } from '../../commands/spec.ts';
import { listAccounts } from '../../src/app/accounts.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { openSession } from '../../src/app/session.ts';
import type { Reply } from '../../src/reply.ts';
import { complete } from './complete.ts';
import { renderText } from './render.ts';

type Completed = (err: null, result: [string[], string]) => void;

export const SHELL_TENANT = { platform: 'shell' as const, externalId: 'local', name: 'this terminal' };
export const SHELL_CHANNEL = 'terminal';

export interface ShellOptions {
  readonly deps: AppDeps;
  readonly input: Readable;
  readonly output: Writable;
  readonly interactive: boolean;
  readonly log?: ErrorLog;
  readonly historyFile?: string;
  /** Where charts are written (default: coverwatch-charts in the system's temporary directory). */
  readonly chartDir?: string;
}

/** The terminal's session: one team, and whoever sits at it manages it. */
export function shellContext(deps: AppDeps, output: Writable, colour: boolean): Promise<CommandContext> {
  return openSession(deps, {
    identity: SHELL_TENANT,
    member: { id: 'terminal', isAdmin: async () => true },
    channelId: SHELL_CHANNEL,
    channels: {
      check: async () => undefined,
      post: async (_channel, reply, words) => {
        output.write(`${renderText(reply, { colour, words })}\n`);
      },
    },
  });
}

/** Splits "/insurance sales record …" into the root and the rest; undefined if it names no command. */
export function splitLine(line: string): { root: string; text: string } | undefined {
  const m = /^\/?(\S+)\s*(.*)$/s.exec(line.trim());
  if (!m) return undefined;
  const root = m[1]!.toLowerCase();
  return (ROOTS as readonly string[]).includes(root) ? { root, text: m[2]! } : undefined;
}

export async function runShell(opts: ShellOptions): Promise<number> {
  const { deps, output, interactive } = opts;
  const ctx = await shellContext(deps, output, interactive);
  const history = interactive ? loadHistory(opts.historyFile) : [];
  const accountNames = () =>
    listAccounts(deps, ctx.scope).then(
      (accounts) => accounts.map((a) => a.name),
      () => [],
    );
  const completeLine = async (line: string, done: Completed) =>
    done(null, complete(line, await accountNames()));
  const rl = createInterface({
    input: opts.input,
    output: interactive ? output : undefined,
    terminal: interactive,
    history,
    historySize: 500,
    prompt: 'coverwatch> ',
    // Tab: the command's words, then the team's accounts (read on each Tab: one indexed query).
    ...(interactive ? { completer: (line: string, done: Completed) => void completeLine(line, done) } : {}),
  });
  const say = (text: string) => output.write(`${text}\n`);
  if (interactive) {
    say(ctx.words.t('shell.welcome'));
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      if (interactive) rl.prompt();
      continue;
    }
    if (line === 'exit' || line === 'quit') break;
    const command = splitLine(line === 'help' ? '/insurance help' : line);
    if (!command) say(ctx.words.t('shell.not-a-command', { got: line.slice(0, 60) }));
    else {
      // Each line is a request of its own, as in Slack and Discord: the team (its settings and data
      // version) is read afresh, so a change made elsewhere — another process, a sync — is seen.
      const session = await shellContext(deps, output, interactive);
      const reply = await runText(session, command.root, command.text, opts.log);
      say(renderText(reply, { colour: interactive, words: session.words }));
      if (reply.image) say(session.words.t('shell.chart', { path: writeChart(reply.image, opts.chartDir) }));
    }
    if (!interactive) say('');
    else rl.prompt();
  }
  rl.close();
  if (interactive) saveHistory(opts.historyFile, (rl as unknown as { history: string[] }).history ?? history);
  return 0;
}

const defaultHistory = () => join(homedir(), '.coverwatch_history');

/** A terminal cannot show a picture: the PNG goes to a file, and its path is printed. */
function writeChart(image: NonNullable<Reply['image']>, dir = join(tmpdir(), 'coverwatch-charts')): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, image.name);
  writeFileSync(path, image.png);
  return path;
}

function loadHistory(file = defaultHistory()): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 500);
  } catch {
    return [];
  }
}

function saveHistory(file = defaultHistory(), history: readonly string[]): void {
  try {
    writeFileSync(file, `${[...history].reverse().join('\n')}\n`, { mode: 0o600 });
  } catch {
    // History is a convenience; a read-only home directory must not stop the shell.
  }
}
