// Seller accounts: add, list, change, remove; and resolving a name the user typed.
import { z } from 'zod';
import { isTimeZone } from '../rules/calendar.ts';
import { ENTITY_TYPES } from '../rules/policy.ts';
import { MARKETPLACES } from '../rules/table.ts';
import * as store from '../store/accounts.ts';
import type { Executor } from '../store/db.ts';
import { type AppDeps, nowIso, read, type Scope, write } from './context.ts';
import { UnknownAccountError, UserError } from './errors.ts';

export const ACCOUNT_NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/;

const name = z
  .string()
  .trim()
  .toLowerCase()
  .regex(ACCOUNT_NAME, 'use 1-40 lower-case letters, digits, dots, dashes or underscores, e.g. acme-us');
const marketplace = z
  .string()
  .trim()
  .toUpperCase()
  .transform((m) => (['DE', 'FR', 'IT', 'ES', 'NL', 'BE'].includes(m) ? 'EU' : m === 'GB' ? 'UK' : m))
  .pipe(z.enum(MARKETPLACES, { message: `marketplace must be one of ${MARKETPLACES.join(', ')}` }));
const text = (max: number) => z.string().trim().min(1).max(max);
const timeZone = z
  .string()
  .trim()
  .refine(isTimeZone, 'not a time zone; use an IANA name such as America/New_York');
const entityType = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(ENTITY_TYPES, { message: `entity must be one of ${ENTITY_TYPES.join(', ')}` }));

const addInput = z.object({
  name,
  marketplace: marketplace.default('US'),
  legalName: text(200).optional(),
  dba: text(200).optional(),
  owner: text(100).optional(),
  timeZone: timeZone.optional(),
  entity: entityType.optional(),
});

const setInput = z.object({
  name,
  rename: name.optional(),
  marketplace: marketplace.optional(),
  legalName: text(200).optional(),
  dba: text(200).optional(),
  owner: text(100).optional(),
  timeZone: timeZone.optional(),
  entity: entityType.optional(),
});

/** Parses with zod and turns the first problem into a UserError naming the field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, example?: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.');
  throw new UserError(field ? `${field}: ${issue.message}` : issue.message, example);
}

/** The live account with this name, or an error listing the accounts that do exist. */
export async function resolveAccount(db: Executor, scope: Scope, typed: string): Promise<store.Account> {
  const wanted = typed.trim().toLowerCase();
  const found = await store.findAccount(db, scope.tenant.id, wanted);
  if (found) return found;
  const known = (await store.listAccounts(db, scope.tenant.id)).map((a) => a.name);
  throw new UnknownAccountError(wanted, known);
}

export async function addAccount(
  deps: AppDeps,
  scope: Scope,
  raw: z.input<typeof addInput>,
): Promise<store.Account> {
  const input = validate(addInput, raw, '/insurance account add acme-us US legal:"Acme Goods LLC"');
  return write(deps, scope, 'account.add', input.name, async (trx) => {
    if (await store.findAccount(trx, scope.tenant.id, input.name))
      throw new UserError(`An account named "${input.name}" already exists.`, '/insurance account list');
    return store.insertAccount(trx, scope.tenant.id, input, { by: scope.actor, at: nowIso(deps) });
  });
}

export function listAccounts(deps: AppDeps, scope: Scope): Promise<store.Account[]> {
  return read(deps, (db) => store.listAccounts(db, scope.tenant.id));
}

export async function setAccount(
  deps: AppDeps,
  scope: Scope,
  raw: z.input<typeof setInput>,
): Promise<store.Account> {
  const input = validate(setInput, raw, '/insurance account set acme-us legal:"Acme Goods LLC" owner:@maria');
  const { name: current, rename, ...rest } = input;
  if (!rename && Object.values(rest).every((v) => v === undefined))
    throw new UserError('Nothing to change.', '/insurance account set acme-us legal:"Acme Goods LLC"');
  return write(
    deps,
    scope,
    'account.set',
    current,
    async (trx) => {
      const account = await resolveAccount(trx, scope, current);
      if (rename && rename !== account.name && (await store.findAccount(trx, scope.tenant.id, rename)))
        throw new UserError(`An account named "${rename}" already exists.`);
      // Recorded figures are in the old store's currency and judged by its rules: moving them would
      // turn USD 12,000 into GBP 12,000. A store of its own is a new account.
      if (
        rest.marketplace &&
        rest.marketplace !== account.marketplace &&
        (await store.hasRecords(trx, scope.tenant.id, account.id))
      )
        throw new UserError(
          `${account.name} already has sales, policies or claims recorded for ${account.marketplace}; its marketplace cannot change.`,
          `/insurance account add ${account.name.replace(/-[a-z]+$/, '')}-${rest.marketplace.toLowerCase()} ${rest.marketplace}`,
          ['Each Amazon store is its own account: add one for the new store instead.'],
        );
      return store.updateAccount(trx, scope.tenant.id, account.id, {
        ...rest,
        ...(rename ? { name: rename } : {}),
      });
    },
    (a) => ({ changes: raw, id: a.id }),
  );
}

export async function removeAccount(deps: AppDeps, scope: Scope, typed: string): Promise<store.Account> {
  return write(deps, scope, 'account.remove', typed, async (trx) => {
    const account = await resolveAccount(trx, scope, typed);
    await store.removeAccount(trx, scope.tenant.id, account.id, nowIso(deps));
    return account;
  });
}
