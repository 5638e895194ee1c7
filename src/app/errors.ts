// Errors a user can act on. Commands turn them into replies that say what was wrong and what is
// right; anything else is a bug and is logged, never shown raw.

/** Bad input: the message says what was wrong; `example` shows what is right. Nothing was written. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    readonly example?: string,
    readonly lines: readonly string[] = [],
  ) {
    super(message);
  }
}

/** An account name that does not exist in this tenant; carries the names that do. */
export class UnknownAccountError extends UserError {
  override name = 'UnknownAccountError';
  constructor(
    readonly requested: string,
    readonly known: readonly string[],
  ) {
    super(
      `There is no account "${requested}".`,
      undefined,
      known.length
        ? [`Known accounts: ${known.join(', ')}.`]
        : ['No accounts yet: add one with /insurance account add <name> <marketplace>.'],
    );
  }
}

/** The database was busy or unreachable; nothing was written and the same command can be retried. */
export class TryAgainError extends Error {
  override name = 'TryAgainError';
}

const TRANSIENT = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '08006',
  '08003',
  '08001',
]);

/** True for errors that mean "the database is busy or the connection dropped": safe to retry. */
export function isTransient(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT.has(code) || code.startsWith('SQLITE_BUSY'))) return true;
  const message = String((err as { message?: unknown }).message ?? '');
  return /Connection terminated|connection is closed|Client has encountered a connection error|database is locked/i.test(
    message,
  );
}
