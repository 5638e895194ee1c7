// Insurance policies: add (ACORD 25 fields), list, show with every requirement judged, mark as
// uploaded to Amazon, remove.
import type { Money } from '../rules/money.ts';
import type { PolicyFacts } from '../rules/policy.ts';
import { type PolicyCompliance, policyCompliance } from '../rules/policy.ts';
import { policyStanding, type StandingKind } from '../rules/standing.ts';
import { accountTimeZone, MARKETPLACE_CURRENCY } from '../rules/table.ts';
import type { Account } from '../store/accounts.ts';
import { listAccounts } from '../store/accounts.ts';
import type { Executor } from '../store/db.ts';
import * as store from '../store/policies.ts';
import { resolveAccount } from './accounts.ts';
import { type AppDeps, dayFrom, nowIso, read, type Scope, today, write } from './context.ts';
import { UserError } from './errors.ts';
import { parseAmount } from './sales.ts';

export const POLICY_EXAMPLE =
  '/insurance policy add acme-us effective:2026-01-15 expires:2027-01-15 per-occurrence:1m aggregate:2m products-aggregate:2m deductible:2500 basis:occurrence form:general products:yes additional-insured:"Amazon.com Services LLC and its affiliates and assignees" insured:"Acme Goods LLC" insurer:"Hartford" rating:A+';

/** The certificate's amounts, typed as text: they are parsed in the account's currency. */
type AmountField = 'perOccurrence' | 'aggregate' | 'productsAggregate' | 'deductible';

/** A certificate's fields as typed: the rules' facts, each optional, amounts as text. */
export type PolicyFields = {
  readonly [K in Exclude<keyof PolicyFacts, AmountField>]?: PolicyFacts[K] | undefined;
} & { readonly [K in AmountField]?: string | undefined };

/** The fields for the store, amounts parsed; each problem names the argument it concerns. */
function toPolicy(input: PolicyFields, account: Account): Partial<store.PolicyInput> {
  const m = (text: string | undefined, field: string): Money | undefined =>
    text === undefined ? undefined : parseAmount(text, account, field, POLICY_EXAMPLE);
  return {
    currency: MARKETPLACE_CURRENCY[account.marketplace],
    effectiveOn: input.effectiveOn,
    expiresOn: input.expiresOn,
    insurer: input.insurer,
    insurerRating: input.insurerRating,
    policyNumber: input.policyNumber,
    coverageForm: input.coverageForm,
    productsCompletedOps: input.productsCompletedOps,
    coversMarketplace: input.coversMarketplace,
    perOccurrence: m(input.perOccurrence, 'per-occurrence'),
    aggregate: m(input.aggregate, 'aggregate'),
    productsAggregate: m(input.productsAggregate, 'products-aggregate'),
    deductible: m(input.deductible, 'deductible'),
    basis: input.basis,
    additionalInsured: input.additionalInsured,
    certificateHolder: input.certificateHolder,
    insuredName: input.insuredName,
    cancellationNoticeDays: input.cancellationNoticeDays,
    uploadedOn: input.uploadedOn,
  };
}

export interface JudgedPolicy {
  readonly policy: store.PolicyRecord;
  readonly account: Account;
  readonly compliance: PolicyCompliance;
  /** What this policy alone gives the account today: proof on file, held but not uploaded, or nothing. */
  readonly standing: StandingKind;
  /** Just added: another live policy of the account with the same dates and number (a repeat?). */
  readonly sameAs?: { readonly policy: number; readonly number: boolean } | undefined;
}

/** Judges a policy for its account as of the account's today: the same computation `check` uses. */
function judge(policy: store.PolicyRecord, account: Account, day: string): JudgedPolicy {
  const compliance = policyCompliance(policy, account, day);
  return { policy, account, compliance, standing: policyStanding(policy, compliance, day) };
}

/** An upload to Amazon cannot be recorded for a day that has not come. */
function notFuture(uploaded: string | undefined, account: Account, day: string, field = 'uploaded'): void {
  if (uploaded !== undefined && uploaded > day)
    throw new UserError(
      'error.future',
      { date: uploaded, today: day, zone: accountTimeZone(account) },
      { field, example: POLICY_EXAMPLE },
    );
}

/** The policy's days as typed, "today" and "yesterday" counted from the account's `day`. */
function daysFrom<T extends Pick<PolicyFields, 'effectiveOn' | 'expiresOn' | 'uploadedOn'>>(
  input: T,
  day: string,
) {
  return {
    effectiveOn: dayFrom(input.effectiveOn, day),
    expiresOn: dayFrom(input.expiresOn, day),
    uploadedOn: dayFrom(input.uploadedOn, day),
  } as Pick<T, 'effectiveOn' | 'expiresOn' | 'uploadedOn'>;
}

function datesInOrder(effective: string, expires: string): void {
  if (expires <= effective)
    throw new UserError('error.expiry-order', {}, { field: 'expires', example: POLICY_EXAMPLE });
}

export async function addPolicy(
  deps: AppDeps,
  scope: Scope,
  input: PolicyFields & { account: string; effectiveOn: string; expiresOn: string },
): Promise<JudgedPolicy> {
  return write(
    deps,
    scope,
    'policy.add',
    input.account,
    async (trx) => insertJudged(trx, deps, scope, await resolveAccount(trx, scope, input.account), input),
    (r) => ({ id: r.policy.id }),
  );
}

/** Stores a policy for an account inside the caller's transaction, and judges it. */
export async function insertJudged(
  trx: Executor,
  deps: AppDeps,
  scope: Scope,
  account: Account,
  typed: PolicyFields & { effectiveOn: string; expiresOn: string },
): Promise<JudgedPolicy> {
  const day = today(deps, scope, accountTimeZone(account));
  const input = { ...typed, ...daysFrom(typed, day) };
  datesInOrder(input.effectiveOn, input.expiresOn);
  notFuture(input.uploadedOn, account, day);
  const fields = toPolicy(input, account) as store.PolicyInput;
  // The same certificate entered twice, or a corrected one added beside the old: said, not refused.
  const twin = (await store.listPolicies(trx, scope.tenant.id, account.id)).find(
    (p) =>
      p.effectiveOn === fields.effectiveOn &&
      p.expiresOn === fields.expiresOn &&
      (p.policyNumber ?? '') === (fields.policyNumber ?? ''),
  );
  const policy = await store.insertPolicy(trx, scope.tenant.id, account.id, fields, {
    by: scope.actor,
    at: nowIso(deps),
  });
  const judged = judge(policy, account, day);
  return twin ? { ...judged, sameAs: { policy: twin.number, number: Boolean(twin.policyNumber) } } : judged;
}

/** What Amazon's requirements say of fields not stored (a certificate being read): no write. */
export function judgeFields(
  input: PolicyFields & { effectiveOn: string; expiresOn: string },
  account: Account,
  day: string,
): PolicyCompliance {
  return policyCompliance(toPolicy(input, account) as PolicyFacts, account, day);
}

export async function listPolicies(
  deps: AppDeps,
  scope: Scope,
  accountName?: string,
): Promise<JudgedPolicy[]> {
  return read(deps, async (db) => {
    const accounts = accountName
      ? [await resolveAccount(db, scope, accountName)]
      : await listAccounts(db, scope.tenant.id);
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const policies = await store.listPolicies(db, scope.tenant.id, accountName ? accounts[0]!.id : undefined);
    return policies
      .filter((p) => byId.has(p.accountId))
      .map((policy) => {
        const account = byId.get(policy.accountId)!;
        return judge(policy, account, today(deps, scope, accountTimeZone(account)));
      });
  });
}

/** A live policy by the team's own number for it (#1, #2 …). */
async function policyById(db: Parameters<typeof store.getPolicy>[0], scope: Scope, id: number) {
  const policy = await store.getPolicy(db, scope.tenant.id, id);
  if (!policy)
    throw new UserError(
      'error.no-policy',
      { policy: id },
      { field: 'policy', example: '/insurance policy list' },
    );
  const account = (await listAccounts(db, scope.tenant.id)).find((a) => a.id === policy.accountId);
  if (!account) throw new UserError('error.policy-removed-account', { policy: id }, { field: 'policy' });
  return { policy, account };
}

export async function showPolicy(deps: AppDeps, scope: Scope, id: number): Promise<JudgedPolicy> {
  return read(deps, async (db) => {
    const { policy, account } = await policyById(db, scope, id);
    return judge(policy, account, today(deps, scope, accountTimeZone(account)));
  });
}

/** Changes some fields of a recorded policy (a corrected certificate, a missing limit). */
export async function setPolicy(
  deps: AppDeps,
  scope: Scope,
  id: number,
  typed: PolicyFields,
): Promise<JudgedPolicy> {
  if (Object.values(typed).every((v) => v === undefined))
    throw new UserError(
      'error.nothing-to-change',
      {},
      { example: '/insurance policy set 3 products-aggregate:2m' },
    );
  return write(
    deps,
    scope,
    'policy.set',
    `#${id}`,
    async (trx) => {
      const { policy: before, account } = await policyById(trx, scope, id);
      const day = today(deps, scope, accountTimeZone(account));
      const input = { ...typed, ...daysFrom(typed, day) };
      notFuture(input.uploadedOn, account, day);
      datesInOrder(input.effectiveOn ?? before.effectiveOn, input.expiresOn ?? before.expiresOn);
      const policy = (await store.updatePolicy(
        trx,
        scope.tenant.id,
        before.id,
        toPolicy(input, account),
        nowIso(deps),
      ))!;
      return judge(policy, account, day);
    },
    (r) => ({ id: r.policy.id, number: r.policy.number, changes: Object.keys(typed) }),
  );
}

export async function markUploaded(
  deps: AppDeps,
  scope: Scope,
  id: number,
  date?: string,
): Promise<JudgedPolicy> {
  return write(deps, scope, 'policy.uploaded', `#${id}`, async (trx) => {
    const { policy: found, account } = await policyById(trx, scope, id);
    const day = today(deps, scope, accountTimeZone(account));
    const uploadedOn = dayFrom(date, day) ?? day;
    notFuture(uploadedOn, account, day, 'date');
    const policy = (await store.updatePolicy(trx, scope.tenant.id, found.id, { uploadedOn }, nowIso(deps)))!;
    return judge(policy, account, day);
  });
}

export async function removePolicy(deps: AppDeps, scope: Scope, id: number): Promise<JudgedPolicy> {
  return write(deps, scope, 'policy.remove', `#${id}`, async (trx) => {
    const { policy, account } = await policyById(trx, scope, id);
    await store.removePolicy(trx, scope.tenant.id, policy.id, nowIso(deps));
    return judge(policy, account, today(deps, scope, accountTimeZone(account)));
  });
}
