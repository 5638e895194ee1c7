// Amazon asked for proof of insurance: recording it starts the 30-day clock whatever the sales.
import { z } from 'zod';
import { isCalendarDate } from '../rules/calendar.ts';
import { insertRequest, type ProofRequestRow } from '../store/requests.ts';
import { loadTenantState } from '../store/state.ts';
import { resolveAccount, validate } from './accounts.ts';
import { type AccountCheck, checkState } from './check.ts';
import { type AppDeps, nowIso, type Scope, today, write } from './context.ts';
import { UserError } from './errors.ts';

const EXAMPLE = '/insurance request acme-us 2026-11-03 email from Amazon about the certificate';

const requestInput = z.object({
  account: z.string().min(1),
  date: z.string().trim().refine(isCalendarDate, 'write the date as YYYY-MM-DD, e.g. 2026-11-03'),
  note: z.string().trim().max(500).optional(),
});

export async function recordRequest(
  deps: AppDeps,
  scope: Scope,
  raw: z.input<typeof requestInput>,
): Promise<{ request: ProofRequestRow; check: AccountCheck }> {
  const input = validate(requestInput, raw, EXAMPLE);
  return write(deps, scope, 'request.record', `${input.account} ${input.date}`, async (trx) => {
    const account = await resolveAccount(trx, scope, input.account);
    const day = today(deps, scope, account.timeZone);
    if (input.date > day) throw new UserError(`${input.date} is in the future (today is ${day}).`, EXAMPLE);
    const request = await insertRequest(trx, scope.tenant.id, account.id, {
      requestedOn: input.date,
      note: input.note,
      by: scope.actor,
      at: nowIso(deps),
    });
    const [state] = await loadTenantState(trx, scope.tenant.id, account.id);
    return { request, check: checkState(state!, day) };
  });
}
