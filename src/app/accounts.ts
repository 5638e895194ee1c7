// Seller accounts: add, list, change, remove; and resolving a name the user typed. Inputs arrive
// typed and validated by the command's declaration; these use cases check what only the records
// can tell (a name taken, a marketplace that can no longer change).
import type { EntityType } from '../rules/policy.ts';
import type { Marketplace } from '../rules/table.ts';
import * as store from '../store/accounts.ts';
import type { Executor } from '../store/db.ts';
import type { AccountState } from '../store/state.ts';
import { type AppDeps, nowIso, read, type Scope, write } from './context.ts';
import { UnknownAccountError, UserError } from './errors.ts';

/** A name as the member typed it, the way account names are stored. */
const wantedName = (typed: string) => typed.trim().toLowerCase();

/** The live account with this name, or an error listing the accounts that do exist. */
export async function resolveAccount(
  db: Executor,
  scope: Scope,
  typed: string,
  field = 'account',
): Promise<store.Account> {
  const wanted = wantedName(typed);
  const found = await store.findAccount(db, scope.tenant.id, wanted);
  if (found) return found;
  const known = (await store.listAccounts(db, scope.tenant.id)).map((a) => a.name);
  throw new UnknownAccountError(wanted, known, field);
}

/**
 * The same, from the team's loaded state (its live accounts, by name): the state the request already
 * holds answers it without another query.
 */
export function stateNamed(states: readonly AccountState[], typed: string, field = 'account'): AccountState {
  const wanted = wantedName(typed);
  const found = states.find((s) => s.account.name === wanted);
  if (!found)
    throw new UnknownAccountError(
      wanted,
      states.map((s) => s.account.name),
      field,
    );
  return found;
}

export interface AccountDetails {
  readonly legalName?: string | undefined;
  readonly dba?: string | undefined;
  readonly owner?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly entity?: EntityType | undefined;
}

export async function addAccount(
  deps: AppDeps,
  scope: Scope,
  input: AccountDetails & { name: string; marketplace: Marketplace },
): Promise<store.Account> {
  return write(deps, scope, 'account.add', input.name, async (trx) => {
    if (await store.findAccount(trx, scope.tenant.id, input.name))
      throw new UserError(
        'error.account-exists',
        { name: input.name },
        { example: '/insurance account list', field: 'name' },
      );
    return store.insertAccount(trx, scope.tenant.id, input, { by: scope.actor, at: nowIso(deps) });
  });
}

export function listAccounts(deps: AppDeps, scope: Scope): Promise<store.Account[]> {
  return read(deps, (db) => store.listAccounts(db, scope.tenant.id));
}

export async function setAccount(
  deps: AppDeps,
  scope: Scope,
  input: AccountDetails & {
    name: string;
    rename?: string | undefined;
    marketplace?: Marketplace | undefined;
  },
): Promise<store.Account> {
  const { name: current, rename, ...rest } = input;
  if (!rename && Object.values(rest).every((v) => v === undefined))
    throw new UserError(
      'error.nothing-to-change',
      {},
      { example: '/insurance account set acme-us legal:"Acme Goods LLC"' },
    );
  return write(
    deps,
    scope,
    'account.set',
    current,
    async (trx) => {
      const account = await resolveAccount(trx, scope, current, 'name');
      if (rename && rename !== account.name && (await store.findAccount(trx, scope.tenant.id, rename)))
        throw new UserError('error.account-exists', { name: rename }, { field: 'rename' });
      // Recorded figures are in the old store's currency and judged by its rules: moving them would
      // turn USD 12,000 into GBP 12,000. A store of its own is a new account.
      if (
        rest.marketplace &&
        rest.marketplace !== account.marketplace &&
        (await store.hasRecords(trx, scope.tenant.id, account.id))
      )
        throw new UserError(
          'error.marketplace-fixed',
          { name: account.name, marketplace: account.marketplace },
          {
            field: 'marketplace',
            example: `/insurance account add ${account.name.replace(/-[a-z]+$/, '')}-${rest.marketplace.toLowerCase()} ${rest.marketplace}`,
            lines: [{ id: 'error.marketplace-fixed.hint' }],
          },
        );
      return store.updateAccount(trx, scope.tenant.id, account.id, {
        ...rest,
        ...(rename ? { name: rename } : {}),
      });
    },
    (a) => ({ changes: input, id: a.id }),
  );
}

export async function removeAccount(deps: AppDeps, scope: Scope, typed: string): Promise<store.Account> {
  return write(deps, scope, 'account.remove', typed, async (trx) => {
    const account = await resolveAccount(trx, scope, typed, 'name');
    await store.removeAccount(trx, scope.tenant.id, account.id, nowIso(deps));
    return account;
  });
}
