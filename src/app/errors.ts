// Errors a user can act on. Each carries a message id and values for the catalogue, and, where it
// concerns one argument, that argument's name (a modal shows it beside the field). Commands turn
// them into replies that say what was wrong and what is right; anything else is a bug and is
// logged, never shown raw.
import type { MessageId, Values } from '../i18n/index.ts';

export { StoreRowError } from '../store/rows.ts';

export interface Line {
  readonly id: MessageId;
  readonly values?: Values | undefined;
}

/** Bad input: what was wrong; `example` shows what is right. Nothing was written. */
export class UserError extends Error {
  override name = 'UserError';
  readonly example?: string | undefined;
  readonly lines: readonly Line[];
  readonly field?: string | undefined;
  constructor(
    readonly id: MessageId,
    readonly values: Values = {},
    opts: { example?: string | undefined; lines?: readonly Line[]; field?: string | undefined } = {},
  ) {
    super(`${id} ${JSON.stringify(values)}`);
    this.example = opts.example;
    this.lines = opts.lines ?? [];
    this.field = opts.field;
  }
}

/** An account name that does not exist in this tenant; carries the names that do. */
export class UnknownAccountError extends UserError {
  override name = 'UnknownAccountError';
  constructor(
    readonly requested: string,
    readonly known: readonly string[],
    field = 'account',
  ) {
    super(
      'error.no-account',
      { name: requested },
      {
        field,
        lines: [
          known.length
            ? { id: 'error.known-accounts', values: { names: known } }
            : { id: 'error.no-accounts-yet' },
        ],
      },
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
