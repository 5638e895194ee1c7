// A pino logger that writes into an array, for assertions on what was logged.
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.ts';

export function memoryLogger(secrets: readonly string[] = []): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger({ level: 'debug', secrets, destination }), lines };
}
