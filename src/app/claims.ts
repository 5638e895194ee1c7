// A-to-z property-damage / personal-injury claims: open, status (who pays, next deadline),
// respond, update, close. Every change is kept as a claim event.
import { z } from 'zod';
import { isCalendarDate } from '../rules/calendar.ts';
import { CLAIM_KINDS, type ClaimOutcome, type ClaimStatus, claimOutcome } from '../rules/claims.ts';
import { type Account, listAccounts } from '../store/accounts.ts';
import * as store from '../store/claims.ts';
import type { Executor } from '../store/db.ts';
import { loadTenantState } from '../store/state.ts';
import { resolveAccount, validate } from './accounts.ts';
import { type AppDeps, nowIso, read, type Scope, today, write } from './context.ts';
import { UserError } from './errors.ts';
import { accountFacts } from './facts.ts';
import { parseAmount } from './sales.ts';

export const CLAIM_EXAMPLE =
  '/claim open acme-us AZ-123456 650 2026-11-18 kind:property-damage order:111-2223334-5556667';

const date = z.string().trim().refine(isCalendarDate, 'write dates as YYYY-MM-DD, e.g. 2026-11-18');
const claimId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "use Amazon's claim id, e.g. AZ-123456");

const openInput = z.object({
  account: z.string().min(1),
  claim: claimId,
  amount: z.string().trim().min(1),
  notice: date,
  kind: z.enum(CLAIM_KINDS).default('property-damage'),
  order: z.string().trim().min(1).max(40).optional(),
  incident: date.optional(),
  due: date.optional(),
});

export interface JudgedClaim {
  readonly claim: store.ClaimRecord;
  readonly account: Account;
  readonly outcome: ClaimOutcome;
  readonly events: readonly store.ClaimEvent[];
}

/** Judges a claim against the account's records: required on the notice day, and when proof was provided. */
async function judge(
  db: Executor,
  deps: AppDeps,
  scope: Scope,
  claim: store.ClaimRecord,
): Promise<JudgedClaim> {
  const [state] = await loadTenantState(db, scope.tenant.id, claim.accountId);
  if (!state) throw new UserError(`Claim ${claim.amazonClaimId} belongs to a removed account.`);
  const asOf = today(deps, scope, state.account.timeZone);
  return {
    claim,
    account: state.account,
    outcome: claimOutcome(claim, accountFacts(state), asOf),
    events: await store.listClaimEvents(db, scope.tenant.id, claim.id),
  };
}

async function resolveAccountById(db: Executor, scope: Scope, id: number): Promise<Account | undefined> {
  return (await listAccounts(db, scope.tenant.id)).find((a) => a.id === id);
}

async function claimByAmazonId(db: Executor, scope: Scope, id: string): Promise<store.ClaimRecord> {
  const claim = await store.findClaim(db, scope.tenant.id, id.trim());
  if (claim) return claim;
  const open = (await store.listClaims(db, scope.tenant.id, { openOnly: true })).map((c) => c.amazonClaimId);
  throw new UserError(
    `There is no claim "${id}".`,
    '/claim status',
    open.length ? [`Open claims: ${open.join(', ')}.`] : [],
  );
}

export async function openClaim(
  deps: AppDeps,
  scope: Scope,
  raw: z.input<typeof openInput>,
): Promise<JudgedClaim> {
  const input = validate(openInput, raw, CLAIM_EXAMPLE);
  return write(deps, scope, 'claim.open', input.claim, async (trx) => {
    const account = await resolveAccount(trx, scope, input.account);
    if (account.marketplace !== 'US')
      throw new UserError(
        `A-to-z claim rules are encoded for Amazon.com (US); ${account.name} sells on ${account.marketplace}.`,
      );
    const day = today(deps, scope, account.timeZone);
    if (input.notice > day)
      throw new UserError(`notice: ${input.notice} is in the future (today is ${day}).`, CLAIM_EXAMPLE);
    if (input.incident && input.incident > input.notice)
      throw new UserError("incident: the incident cannot come after Amazon's notice.", CLAIM_EXAMPLE);
    if (input.due && input.due < input.notice)
      throw new UserError(`due: ${input.due} is before Amazon's notice of ${input.notice}.`, CLAIM_EXAMPLE);
    if (await store.findClaim(trx, scope.tenant.id, input.claim))
      throw new UserError(`Claim ${input.claim} is already recorded.`, `/claim status ${input.claim}`);
    const claim = await store.insertClaim(
      trx,
      scope.tenant.id,
      account.id,
      {
        amazonClaimId: input.claim,
        orderId: input.order,
        kind: input.kind,
        amount: parseAmount(input.amount, account, CLAIM_EXAMPLE),
        incidentOn: input.incident,
        noticeOn: input.notice,
        responseDueOn: input.due,
      },
      { by: scope.actor, at: nowIso(deps) },
    );
    return judge(trx, deps, scope, claim);
  });
}

/** One claim, or every open claim of the tenant, each with who pays and the next deadline. */
export async function claimStatus(deps: AppDeps, scope: Scope, id?: string): Promise<JudgedClaim[]> {
  return read(deps, async (db) => {
    if (id) return [await judge(db, deps, scope, await claimByAmazonId(db, scope, id))];
    const live = new Set((await listAccounts(db, scope.tenant.id)).map((a) => a.id));
    const open = (await store.listClaims(db, scope.tenant.id, { openOnly: true })).filter((c) =>
      live.has(c.accountId),
    );
    const judged: JudgedClaim[] = [];
    for (const claim of open) judged.push(await judge(db, deps, scope, claim));
    return judged;
  });
}

const updateInput = z.object({
  claim: claimId,
  status: z.enum(['open', 'responded', 'rejected', 'closed']).optional(),
  due: date.optional(),
  charged: date.optional(),
  note: z.string().trim().max(500).optional(),
});

export async function updateClaim(
  deps: AppDeps,
  scope: Scope,
  raw: z.input<typeof updateInput>,
): Promise<JudgedClaim> {
  const input = validate(updateInput, raw, '/claim update AZ-123456 due:2026-12-01 note:"insurer has it"');
  if (!input.status && !input.due && !input.charged && !input.note)
    throw new UserError('Nothing to change.', '/claim update AZ-123456 due:2026-12-01');
  return write(deps, scope, `claim.${input.status ?? 'update'}`, input.claim, async (trx) => {
    const claim = await claimByAmazonId(trx, scope, input.claim);
    if (claim.status === 'closed' && input.status !== 'open')
      throw new UserError(`Claim ${claim.amazonClaimId} is closed; reopen it with status:open first.`);
    const day = today(deps, scope, (await resolveAccountById(trx, scope, claim.accountId))?.timeZone);
    if (input.due && input.due < claim.noticeOn)
      throw new UserError(`due: ${input.due} is before Amazon's notice of ${claim.noticeOn}.`);
    if (input.charged && (input.charged < claim.noticeOn || input.charged > day))
      throw new UserError(
        `charged: ${input.charged} must be between Amazon's notice (${claim.noticeOn}) and today (${day}).`,
      );
    const changes: { status?: ClaimStatus; responseDueOn?: string; chargedOn?: string; note?: string } = {};
    if (input.status) changes.status = input.status;
    if (input.due) changes.responseDueOn = input.due;
    if (input.charged) changes.chargedOn = input.charged;
    if (input.note) changes.note = input.note;
    const updated = await store.updateClaim(trx, scope.tenant.id, claim.id, changes, {
      by: scope.actor,
      at: nowIso(deps),
    });
    return judge(trx, deps, scope, updated);
  });
}
