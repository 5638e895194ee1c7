// Structured logs (pino). Secrets never reach a log line: known fields are redacted by path, and
// every string is scrubbed of the configured secret values as a last line of defence.
import pino, { type Logger } from 'pino';

const REDACT = [
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.clientSecret',
  '*.stateSecret',
  '*.authorization',
  '*.headers.authorization',
  'config',
];

export function createLogger(
  opts: { level?: string; secrets?: readonly string[]; destination?: pino.DestinationStream } = {},
): Logger {
  const secrets = (opts.secrets ?? []).filter((s) => s.length >= 6);
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join('[secret]'), text);
  return pino(
    {
      level: opts.level ?? 'info',
      redact: { paths: REDACT, censor: '[secret]' },
      hooks: {
        streamWrite: secrets.length ? scrub : (s) => s,
      },
    },
    opts.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

export type { Logger };
