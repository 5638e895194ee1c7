// Insurance policies: add (ACORD 25 fields), list, show with every requirement judged, mark as
// uploaded to Amazon, remove.
import { z } from 'zod';
import { isCalendarDate } from '../rules/calendar.ts';
import type { Money } from '../rules/money.ts';
import { COVERAGE_FORMS, POLICY_BASES, type PolicyCompliance, policyCompliance } from '../rules/policy.ts';
import { MARKETPLACE_INFO } from '../rules/table.ts';
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

export const policyInput = z
  .object({
    account: z.string().min(1),
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
  })
  .refine((p) => p.expires > p.effective, {
    message: 'the expiry date must be after the effective date',
    path: ['expires'],
  });

export type PolicyArgs = z.input<typeof policyInput>;

function toPolicy(input: z.infer<typeof policyInput>, account: Account): store.PolicyInput {
  const m = (text: string | undefined, label: string): Money | undefined =>
    text === undefined ? undefined : parseAmount(text, account, POLICY_EXAMPLE, label);
  return {
    currency: MARKETPLACE_INFO[account.marketplace].currency,
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
      const policy = await store.insertPolicy(trx, scope.tenant.id, account.id, toPolicy(input, account), {
        by: scope.actor,
        at: nowIso(deps),
      });
      return {
        policy,
        account,
        compliance: policyCompliance(policy, account, today(deps, scope, account.timeZone)),
      };
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
        return {
          policy,
          account,
          compliance: policyCompliance(policy, account, today(deps, scope, account.timeZone)),
        };
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
    return {
      policy,
      account,
      compliance: policyCompliance(policy, account, today(deps, scope, account.timeZone)),
    };
  });
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
    return { policy, account, compliance: policyCompliance(policy, account, day) };
  });
}

export async function removePolicy(deps: AppDeps, scope: Scope, id: number): Promise<JudgedPolicy> {
  return write(deps, scope, 'policy.remove', `#${id}`, async (trx) => {
    const { policy, account } = await policyById(trx, scope, id);
    await store.removePolicy(trx, scope.tenant.id, id, nowIso(deps));
    return {
      policy,
      account,
      compliance: policyCompliance(policy, account, today(deps, scope, account.timeZone)),
    };
  });
}
