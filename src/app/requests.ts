// Amazon asked for proof of insurance: recording it starts the deadline's clock whatever the sales.
import { dateIn } from '../rules/calendar.ts';
import { accountTimeZone } from '../rules/table.ts';
import { listAccounts } from '../store/accounts.ts';
import { insertRequest, type ProofRequestRow } from '../store/requests.ts';
import { loadTenantState } from '../store/state.ts';
import { resolveAccount } from './accounts.ts';
import { type AccountCheck, checkState } from './check.ts';
import { type AppDeps, dayFrom, nowIso, read, type Scope, today, write } from './context.ts';
import { UserError } from './errors.ts';

const EXAMPLE = '/insurance request acme-us 2026-11-03';

/**
 * The day Amazon's message arrived, as the team's accounts count days: a message shortcut fills the
 * form's date before the member picks the account, so in the zone the accounts share (all in the
 * US: Los Angeles, Amazon's day), else in the team's.
 */
export async function requestDayOf(deps: AppDeps, scope: Scope, sent: Date): Promise<string> {
  const zones = new Set((await read(deps, (db) => listAccounts(db, scope.tenant.id))).map(accountTimeZone));
  return dateIn(zones.size === 1 ? [...zones][0]! : scope.tenant.timeZone, sent);
}

export async function recordRequest(
  deps: AppDeps,
  scope: Scope,
  input: { account: string; date: string; note?: string | undefined },
): Promise<{ request: ProofRequestRow; check: AccountCheck }> {
  return write(deps, scope, 'request.record', `${input.account} ${input.date}`, async (trx) => {
    const account = await resolveAccount(trx, scope, input.account);
    const day = today(deps, scope, accountTimeZone(account));
    const date = dayFrom(input.date, day);
    if (date > day)
      throw new UserError(
        'error.future',
        { date, today: day, zone: accountTimeZone(account) },
        { field: 'date', example: EXAMPLE },
      );
    const request = await insertRequest(trx, scope.tenant.id, account.id, {
      requestedOn: date,
      note: input.note,
      by: scope.actor,
      at: nowIso(deps),
    });
    const [state] = await loadTenantState(trx, scope.tenant.id, account.id);
    return { request, check: checkState(state!, day) };
  });
}
