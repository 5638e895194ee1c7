// A `coverwatch start` child process whose JSON log lines can be awaited: tests wait on what the
// process says it did (ready, listening, stopping), never on the clock.
import { type ChildProcess, spawn } from 'node:child_process';
import { BIN } from './cli.ts';

export interface Running {
  readonly child: ChildProcess;
  readonly logs: Record<string, unknown>[];
  /** Everything written to stderr, verbatim. */
  stderr(): string;
  /** The first log line matching `test`, once it has been written. */
  logged(test: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  readonly exited: Promise<number | null>;
}

export function startCoverwatch(
  env: Record<string, string>,
  opts: { args?: string[]; nodeArgs?: string[] } = {},
): Running {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...(opts.args ?? ['start'])], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let raw = '';
  let pending = '';
  const waiters: {
    test: (l: Record<string, unknown>) => boolean;
    resolve: (l: Record<string, unknown>) => void;
  }[] = [];
  child.stderr!.on('data', (d: Buffer) => {
    raw += d;
    pending += d;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      for (const w of [...waiters])
        if (w.test(entry)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(entry);
        }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    logs,
    stderr: () => raw,
    exited,
    logged(test) {
      const found = logs.find(test);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ test, resolve });
        void exited.then((code) => reject(new Error(`exited (${code}) before logging it:\n${raw}`)));
      });
    },
  };
}
