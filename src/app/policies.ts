// Insurance policies: add (ACORD 25 fields), list, show with every requirement judged, mark as
// uploaded to Amazon, remove.
import { z } from 'zod';
import { isCalendarDate } from '../rules/calendar.ts';
import type { Money } from '../rules/money.ts';
import { COVERAGE_FORMS, POLICY_BASES, type PolicyCompliance, policyCompliance } from '../rules/policy.ts';
import { policyStanding, type StandingKind } from '../rules/standing.ts';
import { MARKETPLACE_CURRENCY } from '../rules/table.ts';
import type { Account } from '../store/accounts.ts';
import { listAccounts } from '../store/accounts.ts';
import * as store from '../store/policies.ts';
import { resolveAccount, validate } from './accounts.ts';
import { type AppDeps, nowIso, read, type Scope, today, write } from './context.ts';
import { UserError } from './errors.ts';
import { parseAmount } from './sales.ts';

export const POLICY_EXAMPLE =
  '/insurance policy add acme-us effective:2026-01-15 expires:2027-01-15 per-occurrence:1m aggregate:2m deductible:2500 basis:occurrence form:general products:yes additional-insured:"Amazon.com Services LLC and its affiliates and assignees" insured:"Acme Goods LLC" insurer:"Hartford" rating:A+';

const date = z.string().trim().refine(isCalendarDate, 'write dates as YYYY-MM-DD, e.g. 2026-01-15');
const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['yes', 'no', 'true', 'false', 'y', 'n'], { message: 'answer yes or no' }))
  .transform((v) => v.startsWith('y') || v === 'true');
const text = z.string().trim().min(1).max(300);
const money = z.string().trim().min(1).max(40);

const policyFields = {
  effective: date,
  expires: date,
  insurer: text.optional(),
  rating: z.string().trim().min(1).max(40).optional(),
  number: z.string().trim().min(1).max(80).optional(),
  form: z.string().trim().toLowerCase().pipe(z.enum(COVERAGE_FORMS)).optional(),
  products: yesNo.optional(),
  'covers-us': yesNo.optional(),
  'per-occurrence': money.optional(),
  aggregate: money.optional(),
  'products-aggregate': money.optional(),
  deductible: money.optional(),
  basis: z.string().trim().toLowerCase().pipe(z.enum(POLICY_BASES)).optional(),
  'additional-insured': text.optional(),
  'certificate-holder': text.optional(),
  insured: text.optional(),
  'notice-days': z.coerce.number().int().min(0).max(365).optional(),
  uploaded: date.optional(),
};

export const policyInput = z
  .object({ account: z.string().min(1), ...policyFields })
  .refine((p) => p.expires > p.effective, {
    message: 'the expiry date must be after the effective date',
    path: ['expires'],
  });

const policyChanges = z.object(policyFields).partial();

export type PolicyArgs = z.input<typeof policyInput>;

function toPolicy(input: z.infer<typeof policyChanges>, account: Account): Partial<store.PolicyInput> {
  const m = (text: string | undefined, label: string): Money | undefined =>
    text === undefined ? undefined : parseAmount(text, account, POLICY_EXAMPLE, label);
  return {
    currency: MARKETPLACE_CURRENCY[account.marketplace],
    effectiveOn: input.effective,
    expiresOn: input.expires,
    insurer: input.insurer,
    insurerRating: input.rating,
    policyNumber: input.number,
    coverageForm: input.form,
    productsCompletedOps: input.products,
    coversMarketplace: input['covers-us'],
    perOccurrence: m(input['per-occurrence'], 'per-occurrence'),
    aggregate: m(input.aggregate, 'aggregate'),
    productsAggregate: m(input['products-aggregate'], 'products-aggregate'),
    deductible: m(input.deductible, 'deductible'),
    basis: input.basis,
    additionalInsured: input['additional-insured'],
    certificateHolder: input['certificate-holder'],
    insuredName: input.insured,
    cancellationNoticeDays: input['notice-days'],
    uploadedOn: input.uploaded,
  };
}

export interface JudgedPolicy {
  readonly policy: store.PolicyRecord;
  readonly account: Account;
  readonly compliance: PolicyCompliance;
  /** What this policy alone gives the account today: proof on file, held but not uploaded, or nothing. */
  readonly standing: StandingKind;
}

/** Judges a policy for its account as of the account's today: the same computation `check` uses. */
function judge(policy: store.PolicyRecord, account: Account, day: string): JudgedPolicy {
  const compliance = policyCompliance(policy, account, day);
  return { policy, account, compliance, standing: policyStanding(policy, compliance, day) };
}

/** An upload to Amazon cannot be recorded for a day that has not come. */
function notFuture(uploaded: string | undefined, day: string): void {
  if (uploaded !== undefined && uploaded > day)
    throw new UserError(`uploaded: ${uploaded} is in the future (today is ${day}).`, POLICY_EXAMPLE);
}

export async function addPolicy(deps: AppDeps, scope: Scope, raw: PolicyArgs): Promise<JudgedPolicy> {
  const input = validate(policyInput, raw, POLICY_EXAMPLE);
  return write(
    deps,
    scope,
    'policy.add',
    input.account,
    async (trx) => {
      const account = await resolveAccount(trx, scope, input.account);
      const day = today(deps, scope, account.timeZone);
      notFuture(input.uploaded, day);
      const fields = toPolicy(input, account) as store.PolicyInput;
      const policy = await store.insertPolicy(trx, scope.tenant.id, account.id, fields, {
        by: scope.actor,
        at: nowIso(deps),
      });
      return judge(policy, account, day);
    },
    (r) => ({ id: r.policy.id }),
  );
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
        return judge(policy, account, today(deps, scope, account.timeZone));
      });
  });
}

async function policyById(db: Parameters<typeof store.getPolicy>[0], scope: Scope, id: number) {
  const policy = await store.getPolicy(db, scope.tenant.id, id);
  if (!policy) throw new UserError(`There is no policy #${id}.`, '/insurance policy list');
  const account = (await listAccounts(db, scope.tenant.id)).find((a) => a.id === policy.accountId);
  if (!account) throw new UserError(`Policy #${id} belongs to a removed account.`);
  return { policy, account };
}

export async function showPolicy(deps: AppDeps, scope: Scope, id: number): Promise<JudgedPolicy> {
  return read(deps, async (db) => {
    const { policy, account } = await policyById(db, scope, id);
    return judge(policy, account, today(deps, scope, account.timeZone));
  });
}

/** Changes some fields of a recorded policy (a corrected certificate, a missing limit). */
export async function setPolicy(
  deps: AppDeps,
  scope: Scope,
  id: number,
  raw: z.input<typeof policyChanges>,
): Promise<JudgedPolicy> {
  const input = validate(policyChanges, raw, '/insurance policy set 3 products-aggregate:2m deductible:2500');
  if (Object.values(input).every((v) => v === undefined))
    throw new UserError('Nothing to change.', '/insurance policy set 3 products-aggregate:2m');
  return write(
    deps,
    scope,
    'policy.set',
    `#${id}`,
    async (trx) => {
      const { policy: before, account } = await policyById(trx, scope, id);
      const day = today(deps, scope, account.timeZone);
      notFuture(input.uploaded, day);
      const effective = input.effective ?? before.effectiveOn;
      const expires = input.expires ?? before.expiresOn;
      if (expires <= effective)
        throw new UserError('expires: the expiry date must be after the effective date', POLICY_EXAMPLE);
      const policy = (await store.updatePolicy(
        trx,
        scope.tenant.id,
        id,
        toPolicy(input, account),
        nowIso(deps),
      ))!;
      return judge(policy, account, day);
    },
    (r) => ({ id: r.policy.id, changes: Object.keys(raw) }),
  );
}

export async function markUploaded(
  deps: AppDeps,
  scope: Scope,
  id: number,
  date?: string,
): Promise<JudgedPolicy> {
  if (date !== undefined && !isCalendarDate(date))
    throw new UserError('write the date as YYYY-MM-DD', '/insurance policy uploaded 3 2026-01-20');
  return write(deps, scope, 'policy.uploaded', `#${id}`, async (trx) => {
    const { account } = await policyById(trx, scope, id);
    const day = today(deps, scope, account.timeZone);
    const uploadedOn = date ?? day;
    if (uploadedOn > day) throw new UserError(`${uploadedOn} is in the future (today is ${day}).`);
    const policy = (await store.updatePolicy(trx, scope.tenant.id, id, { uploadedOn }, nowIso(deps)))!;
    return judge(policy, account, day);
  });
}

export async function removePolicy(deps: AppDeps, scope: Scope, id: number): Promise<JudgedPolicy> {
  return write(deps, scope, 'policy.remove', `#${id}`, async (trx) => {
    const { policy, account } = await policyById(trx, scope, id);
    await store.removePolicy(trx, scope.tenant.id, id, nowIso(deps));
    return judge(policy, account, today(deps, scope, account.timeZone));
  });
}
