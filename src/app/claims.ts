// A-to-z property-damage / personal-injury claims: open, status (who bears the cost, next deadline),
// respond, update, close. Every change is kept as a claim event.

import { type ClaimKind, type ClaimOutcome, type ClaimStatus, claimOutcome } from '../rules/claims.ts';
import { accountTimeZone } from '../rules/table.ts';
import { type Account, listAccounts } from '../store/accounts.ts';
import * as store from '../store/claims.ts';
import type { Executor } from '../store/db.ts';
import { loadTenantState } from '../store/state.ts';
import { resolveAccount } from './accounts.ts';
import { type AppDeps, dayFrom, nowIso, read, type Scope, today, write } from './context.ts';
import { UserError } from './errors.ts';
import { accountFacts } from './facts.ts';
import { parseAmount } from './sales.ts';

export const CLAIM_EXAMPLE =
  '/claim open acme-us AZ-123456 650 2026-11-18 kind:property-damage order:111-2223334-5556667';

export interface JudgedClaim {
  readonly claim: store.ClaimRecord;
  readonly account: Account;
  readonly outcome: ClaimOutcome;
  readonly events: readonly store.ClaimEvent[];
  /** The account's zone (or the team's), in which the claim's days are read. */
  readonly timeZone: string;
}

/** Judges a claim against the account's records: required on the notice day, and when proof was provided. */
async function judge(
  db: Executor,
  deps: AppDeps,
  scope: Scope,
  claim: store.ClaimRecord,
): Promise<JudgedClaim> {
  const [state] = await loadTenantState(db, scope.tenant.id, claim.accountId);
  if (!state)
    throw new UserError('error.claim-removed-account', { claim: claim.amazonClaimId }, { field: 'claim' });
  const timeZone = accountTimeZone(state.account);
  const asOf = today(deps, scope, timeZone);
  return {
    claim,
    account: state.account,
    outcome: claimOutcome(claim, accountFacts(state), asOf),
    events: await store.listClaimEvents(db, scope.tenant.id, claim.id),
    timeZone,
  };
}

/** Amazon's ids of the team's open claims (Discord autocomplete). */
export function openClaimIds(deps: AppDeps, scope: Scope): Promise<string[]> {
  return read(deps, async (db) =>
    (await store.listClaims(db, scope.tenant.id, { openOnly: true })).map((c) => c.amazonClaimId),
  );
}

async function claimByAmazonId(db: Executor, scope: Scope, id: string): Promise<store.ClaimRecord> {
  const claim = await store.findClaim(db, scope.tenant.id, id.trim());
  if (claim) return claim;
  const open = (await store.listClaims(db, scope.tenant.id, { openOnly: true })).map((c) => c.amazonClaimId);
  throw new UserError(
    'error.no-claim',
    { claim: id },
    {
      field: 'claim',
      example: '/claim status',
      lines: open.length ? [{ id: 'error.open-claims', values: { claims: open } }] : [],
    },
  );
}

export async function openClaim(
  deps: AppDeps,
  scope: Scope,
  input: {
    account: string;
    claim: string;
    amount: string;
    notice: string;
    kind: ClaimKind;
    order?: string | undefined;
    incident?: string | undefined;
    due?: string | undefined;
  },
): Promise<JudgedClaim> {
  return write(deps, scope, 'claim.open', input.claim, async (trx) => {
    const account = await resolveAccount(trx, scope, input.account);
    if (account.marketplace !== 'US')
      throw new UserError(
        'error.claims-us-only',
        { account: account.name, marketplace: account.marketplace },
        { field: 'account' },
      );
    const day = today(deps, scope, accountTimeZone(account));
    const notice = dayFrom(input.notice, day);
    const incident = dayFrom(input.incident, day);
    const due = dayFrom(input.due, day);
    if (notice > day)
      throw new UserError(
        'error.future',
        { date: notice, today: day, zone: accountTimeZone(account) },
        { field: 'notice', example: CLAIM_EXAMPLE },
      );
    if (incident && incident > notice)
      throw new UserError('error.incident-after-notice', {}, { field: 'incident', example: CLAIM_EXAMPLE });
    if (due && due < notice)
      throw new UserError(
        'error.due-before-notice',
        { due, notice },
        { field: 'due', example: CLAIM_EXAMPLE },
      );
    const existing = await store.findClaim(trx, scope.tenant.id, input.claim);
    if (existing)
      throw new UserError(
        'error.claim-exists',
        { claim: existing.amazonClaimId },
        { field: 'claim', example: `/claim status ${existing.amazonClaimId}` },
      );
    const claim = await store.insertClaim(
      trx,
      scope.tenant.id,
      account.id,
      {
        amazonClaimId: input.claim,
        orderId: input.order,
        kind: input.kind,
        amount: parseAmount(input.amount, account, 'amount', CLAIM_EXAMPLE),
        incidentOn: incident,
        noticeOn: notice,
        responseDueOn: due,
      },
      { by: scope.actor, at: nowIso(deps) },
    );
    return judge(trx, deps, scope, claim);
  });
}

/** One claim, or every open claim of the tenant, each with who bears the cost and the next deadline. */
export async function claimStatus(deps: AppDeps, scope: Scope, id?: string): Promise<JudgedClaim[]> {
  return read(deps, async (db) => {
    if (id) return [await judge(db, deps, scope, await claimByAmazonId(db, scope, id))];
    const live = new Set((await listAccounts(db, scope.tenant.id)).map((a) => a.id));
    const open = (await store.listClaims(db, scope.tenant.id, { openOnly: true })).filter((c) =>
      live.has(c.accountId),
    );
    const judged: JudgedClaim[] = [];
    for (const claim of open) judged.push(await judge(db, deps, scope, claim));
    // Soonest deadline first; claims with none recorded after them, oldest notice first (the sort is stable).
    return judged.sort((a, b) =>
      (a.outcome.nextDeadline?.on ?? '9999-12-31').localeCompare(b.outcome.nextDeadline?.on ?? '9999-12-31'),
    );
  });
}

export async function updateClaim(
  deps: AppDeps,
  scope: Scope,
  input: {
    claim: string;
    status?: ClaimStatus | undefined;
    due?: string | undefined;
    charged?: string | undefined;
    note?: string | undefined;
  },
): Promise<JudgedClaim> {
  if (!input.status && !input.due && !input.charged && !input.note)
    throw new UserError('error.nothing-to-change', {}, { example: '/claim update AZ-123456 due:2026-12-01' });
  return write(deps, scope, `claim.${input.status ?? 'update'}`, input.claim, async (trx) => {
    const claim = await claimByAmazonId(trx, scope, input.claim);
    if (claim.status === 'closed' && input.status !== 'open')
      throw new UserError('error.claim-closed', { claim: claim.amazonClaimId }, { field: 'status' });
    const account = (await listAccounts(trx, scope.tenant.id)).find((a) => a.id === claim.accountId);
    const zone = account ? accountTimeZone(account) : scope.tenant.timeZone;
    const day = today(deps, scope, zone);
    const due = dayFrom(input.due, day);
    const charged = dayFrom(input.charged, day);
    if (due && due < claim.noticeOn)
      throw new UserError('error.due-before-notice', { due, notice: claim.noticeOn }, { field: 'due' });
    if (charged && (charged < claim.noticeOn || charged > day))
      throw new UserError(
        'error.charged-range',
        { charged, notice: claim.noticeOn, today: day, zone },
        { field: 'charged' },
      );
    const changes: { status?: ClaimStatus; responseDueOn?: string; chargedOn?: string; note?: string } = {};
    if (input.status) changes.status = input.status;
    if (due) changes.responseDueOn = due;
    if (charged) changes.chargedOn = charged;
    if (input.note) changes.note = input.note;
    const updated = await store.updateClaim(trx, scope.tenant.id, claim.id, changes, {
      by: scope.actor,
      at: nowIso(deps),
    });
    return judge(trx, deps, scope, updated);
  });
}
