// Why the process cannot start, in one line an operator can act on. The terminal gets this line;
// the JSON log gets the error with its stack.
import { SchemaTooNewError } from './store/db.ts';

interface Where {
  /** The database, with any password removed. */
  readonly database?: string;
}

type Coded = Error & { code?: unknown; data?: { error?: unknown }; status?: unknown };

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

// PostgreSQL's SQLSTATE codes an operator meets at start-up.
const POSTGRES_REFUSALS: Record<string, string> = {
  '28P01': 'the password was refused',
  '28000': 'the user is not allowed to connect',
  '3D000': 'the database does not exist',
  '42501': 'the user lacks a permission the migrations need',
};

/** A one-line reason for an error met while starting, naming the setting to fix. */
export function startupProblem(err: unknown, where: Where = {}): string {
  if (err instanceof SchemaTooNewError) return err.message;
  const e = (err instanceof Error ? err : new Error(String(err))) as Coded;
  const code = typeof e.code === 'string' ? e.code : '';
  const db = where.database ?? 'the database';
  if (code === 'SQLITE_NOTADB')
    return `DATABASE_URL: ${db} is not a SQLite database (is it another kind of file?)`;
  if (code === 'SQLITE_CANTOPEN')
    return `DATABASE_URL: cannot open ${db} (check the path and its permissions)`;
  if (code === 'SQLITE_READONLY') return `DATABASE_URL: ${db} is read-only`;
  if (UNREACHABLE.has(code)) return `DATABASE_URL: cannot reach ${db} (${code})`;
  if (/timeout.*connect|connection timeout/i.test(e.message))
    return `DATABASE_URL: cannot reach ${db} (timed out)`;
  if (POSTGRES_REFUSALS[code]) return `DATABASE_URL: ${db}: ${POSTGRES_REFUSALS[code]} (${e.message})`;
  if (code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string')
    return `Slack refused the app's credentials: ${e.data.error} (check SLACK_BOT_TOKEN and SLACK_APP_TOKEN)`;
  if (code === 'slack_webapi_request_error')
    return `cannot reach Slack (${firstLine(e.message)}; check SLACK_API_URL)`;
  if (code === 'TokenInvalid' || (e.name.startsWith('DiscordAPIError') && e.status === 401))
    return 'Discord refused DISCORD_TOKEN: the token is invalid (reset it in the Developer Portal, Bot tab)';
  if (code === 'DisallowedIntents')
    return 'Discord refused the gateway intents the bot asked for (enable them in the Developer Portal, Bot tab)';
  return `${e.name}: ${firstLine(e.message)}`;
}

const firstLine = (text: string) => text.split('\n', 1)[0]!.slice(0, 300);
