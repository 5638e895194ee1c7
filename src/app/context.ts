// What every use case gets: the store, a clock, defaults from the configuration, and the scope —
// the tenant from the verified request and the member acting. Writes go through `write`, which
// runs them in one transaction with an audit entry.
import { addDays, addMonthsTo, dateIn, monthOf } from '../rules/calendar.ts';
import type { Sealer } from '../secrets.ts';
import { audit } from '../store/audit.ts';
import type { Executor, Store } from '../store/db.ts';
import type { Tenant } from '../store/tenants.ts';
import { bumpDataVersion, dataVersion } from '../store/tenants.ts';
import type { AmazonDeps } from './amazon.ts';
import { isTransient, TryAgainError } from './errors.ts';
import type { InFlight } from './inflight.ts';

export interface AppDeps {
  readonly store: Store;
  readonly now: () => Date;
  readonly defaults: { readonly timeZone: string; readonly alertHour: number };
  /** Commands being answered; shutdown waits for them. Absent in tests that never shut down. */
  readonly inflight?: InFlight;
  /** Seals secrets at rest (Slack installation tokens); absent: stored as they are. */
  readonly sealer?: Sealer;
  /** Amazon's Selling Partner API, when configured (AMAZON_LWA_CLIENT_ID …). */
  readonly amazon?: AmazonDeps;
}

export interface Scope {
  readonly tenant: Tenant;
  /** The platform's id of the member acting (Slack user id, Discord user id, "terminal"). */
  readonly actor: string;
}

export function nowIso(deps: AppDeps): string {
  return deps.now().toISOString();
}

/**
 * Days people type instead of a date, as the arguments spell them once read ("今天" is "today").
 * They count in the account's time zone, as "the future" does: Amazon's day, not the team's.
 */
export const RELATIVE_DAYS: Readonly<Record<string, 'today' | 'yesterday'>> = {
  today: 'today',
  yesterday: 'yesterday',
  今天: 'today',
  今日: 'today',
  昨天: 'yesterday',
  昨日: 'yesterday',
};

/** Months people type instead of YYYY-MM, as the arguments spell them once read ("上个月" is "last-month"). */
export const RELATIVE_MONTHS: Readonly<Record<string, 'this-month' | 'last-month'>> = {
  'this-month': 'this-month',
  'last-month': 'last-month',
  本月: 'this-month',
  这个月: 'this-month',
  上月: 'last-month',
  上个月: 'last-month',
};

/** The words for days and months, as the arguments give them once read. */
export const DAY_WORDS: ReadonlySet<string> = new Set(Object.values(RELATIVE_DAYS));
export const MONTH_WORDS: ReadonlySet<string> = new Set(Object.values(RELATIVE_MONTHS));

/** A day as the arguments give it, "today" and "yesterday" counted from `day` (the account's today). */
export function dayFrom<T extends string | undefined>(typed: T, day: string): T {
  if (typed === 'today') return day as T;
  if (typed === 'yesterday') return addDays(day, -1) as T;
  return typed;
}

/** A month or a day as the arguments give it, "this-month" and "last-month" too, counted from `day`. */
export function periodFrom<T extends string | undefined>(typed: T, day: string): T {
  if (typed === 'this-month') return monthOf(day) as T;
  if (typed === 'last-month') return addMonthsTo(monthOf(day), -1) as T;
  return dayFrom(typed, day);
}

/** Today in a time zone (an account's, else the tenant's). */
export function today(deps: AppDeps, scope: Scope, timeZone?: string | undefined): string {
  return dateIn(timeZone ?? scope.tenant.timeZone, deps.now());
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isTransient(err)) throw new TryAgainError('the database is busy', { cause: err });
    throw err;
  }
}

/** Scopes that wrote: their tenant row's version is older than the records now. */
const WROTE = new WeakSet<Scope>();

/**
 * The version of the scope's records: answers computed at the same version are still right. A scope
 * lives for one request, and its tenant row (version included) was read when the request arrived,
 * so until the request itself writes, that version is the one to use, and costs no query.
 */
export async function recordsVersion(deps: AppDeps, scope: Scope): Promise<number> {
  if (!WROTE.has(scope)) return scope.tenant.dataVersion;
  return read(deps, (db) => dataVersion(db, scope.tenant.id));
}

/** Reads outside a transaction, with busy/dropped-connection errors turned into "try again". */
export function read<T>(deps: AppDeps, fn: (db: Executor) => Promise<T>): Promise<T> {
  return guard(() => fn(deps.store.db));
}

/** One transaction: the change and its audit entry land together, or nothing does. */
export function write<T>(
  deps: AppDeps,
  scope: Scope,
  action: string,
  subject: string,
  fn: (trx: Executor) => Promise<T>,
  detail?: (result: T) => unknown,
): Promise<T> {
  WROTE.add(scope);
  return guard(() =>
    deps.store.transaction(async (trx) => {
      const result = await fn(trx);
      await bumpDataVersion(trx, scope.tenant.id);
      await audit(trx, scope.tenant.id, {
        actor: scope.actor,
        action,
        subject,
        detail: detail ? detail(result) : undefined,
        at: nowIso(deps),
      });
      return result;
    }),
  );
}
