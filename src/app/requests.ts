// Amazon asked for proof of insurance: recording it starts the deadline's clock whatever the sales.
import { accountTimeZone } from '../rules/table.ts';
import { insertRequest, type ProofRequestRow } from '../store/requests.ts';
import { loadTenantState } from '../store/state.ts';
import { resolveAccount } from './accounts.ts';
import { type AccountCheck, checkState } from './check.ts';
import { type AppDeps, dayFrom, nowIso, type Scope, today, write } from './context.ts';
import { UserError } from './errors.ts';

const EXAMPLE = '/insurance request acme-us 2026-11-03';

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
