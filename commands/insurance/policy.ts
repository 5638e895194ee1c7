// /insurance policy add|set|list|show|uploaded|remove: certificates of insurance, judged field by field.
import {
  addPolicy,
  listPolicies,
  markUploaded,
  type PolicyFields,
  removePolicy,
  setPolicy,
  showPolicy,
} from '../../src/app/policies.ts';
import { COVERAGE_FORMS, POLICY_BASES } from '../../src/rules/policy.ts';
import { type ArgValues, arg } from '../args.ts';
import { defineCommand } from '../spec.ts';
import { policyReply } from '../views.ts';

const key = { optional: true, keyed: true } as const;

/** The ACORD 25 fields, in the order a certificate lists them (all but the dates optional). */
const fields = {
  insurer: arg.text({ description: 'arg.insurer', exampleId: 'ex.insurer', ...key, max: 300 }),
  rating: arg.text({ description: 'arg.rating', example: 'A+', ...key, max: 40 }),
  number: arg.text({
    description: 'arg.policy-number',
    example: 'GL-1234567',
    ...key,
    aliases: ['policy-number'],
    max: 80,
  }),
  form: arg.choice(COVERAGE_FORMS, { description: 'arg.form', ...key }),
  products: arg.yesno({ description: 'arg.products', ...key }),
  'covers-us': arg.yesno({ description: 'arg.covers-us', ...key }),
  'per-occurrence': arg.money({
    description: 'arg.per-occurrence',
    example: '1,000,000',
    ...key,
    aliases: ['occurrence'],
  }),
  aggregate: arg.money({ description: 'arg.aggregate', example: '2,000,000', ...key }),
  'products-aggregate': arg.money({ description: 'arg.products-aggregate', example: '2,000,000', ...key }),
  deductible: arg.money({ description: 'arg.deductible', example: '2,500', ...key }),
  basis: arg.choice(POLICY_BASES, { description: 'arg.basis', ...key }),
  'additional-insured': arg.text({
    description: 'arg.additional-insured',
    example: 'Amazon.com Services LLC and its affiliates and assignees',
    ...key,
    aliases: ['ai'],
    max: 300,
  }),
  'certificate-holder': arg.text({
    description: 'arg.certificate-holder',
    example: 'Amazon.com Services LLC',
    ...key,
    max: 300,
  }),
  insured: arg.text({
    description: 'arg.insured',
    exampleId: 'ex.legal',
    ...key,
    aliases: ['insured-name'],
    max: 300,
  }),
  'notice-days': arg.integer({ description: 'arg.notice-days', example: '30', ...key, max: 365 }),
  uploaded: arg.date({ description: 'arg.uploaded', example: '2026-01-20', ...key }),
};
const dates = {
  effective: arg.date({
    description: 'arg.effective',
    example: '2026-01-15',
    keyed: true,
    aliases: ['from'],
  }),
  expires: arg.date({
    description: 'arg.expires',
    example: '2027-01-15',
    keyed: true,
    aliases: ['to', 'expiry'],
  }),
};
const optionalDates = {
  effective: arg.date({ description: 'arg.effective', example: '2026-01-15', ...key, aliases: ['from'] }),
  expires: arg.date({ description: 'arg.expires', example: '2027-01-15', ...key, aliases: ['to', 'expiry'] }),
};

/** The fields as typed -> the use case's names. */
function policyFields(a: ArgValues<typeof fields> & ArgValues<typeof optionalDates>): PolicyFields {
  return {
    effectiveOn: a.effective,
    expiresOn: a.expires,
    insurer: a.insurer,
    insurerRating: a.rating,
    policyNumber: a.number,
    coverageForm: a.form,
    productsCompletedOps: a.products,
    coversMarketplace: a['covers-us'],
    perOccurrence: a['per-occurrence'],
    aggregate: a.aggregate,
    productsAggregate: a['products-aggregate'],
    deductible: a.deductible,
    basis: a.basis,
    additionalInsured: a['additional-insured'],
    certificateHolder: a['certificate-holder'],
    insuredName: a.insured,
    cancellationNoticeDays: a['notice-days'],
    uploadedOn: a.uploaded,
  };
}

const policyNumber = arg.integer({ description: 'arg.policy', example: '3', aliases: ['id'], min: 1 });

export const policyCommands = [
  defineCommand({
    path: ['insurance', 'policy', 'add'],
    summary: 'cmd.insurance.policy.add',
    permission: 'manage',
    args: { account: arg.account({ description: 'arg.account.description' }), ...dates, ...fields },
    handler: async (ctx, args) =>
      policyReply(
        await addPolicy(ctx.deps, ctx.scope, {
          ...policyFields(args),
          account: args.account,
          effectiveOn: args.effective,
          expiresOn: args.expires,
        }),
        'added',
        ctx.words,
      ),
  }),
  defineCommand({
    path: ['insurance', 'policy', 'set'],
    summary: 'cmd.insurance.policy.set',
    permission: 'manage',
    args: { policy: policyNumber, ...optionalDates, ...fields },
    handler: async (ctx, args) =>
      policyReply(
        await setPolicy(ctx.deps, ctx.scope, args.policy, policyFields(args)),
        'updated',
        ctx.words,
      ),
  }),
  defineCommand({
    path: ['insurance', 'policy', 'list'],
    summary: 'cmd.insurance.policy.list',
    permission: 'read',
    args: { account: arg.account({ description: 'arg.account.one-or-all', optional: true }) },
    handler: async (ctx, args) => {
      const w = ctx.words;
      const policies = await listPolicies(ctx.deps, ctx.scope, args.account);
      if (policies.length === 0)
        return {
          title: w.t('policy.none.title'),
          tone: 'info',
          lines: [
            '/insurance policy add acme-us effective:2026-01-15 expires:2027-01-15 …',
            w.t('policy.none.help'),
          ],
        };
      return {
        title: w.t('policy.list.title', { count: policies.length }),
        tone: policies.some((p) => p.compliance.verdict === 'deficient') ? 'warn' : 'info',
        table: {
          columns: [
            '#',
            w.t('policy.col.account'),
            w.t('policy.col.coverage'),
            w.t('policy.col.verdict'),
            w.t('policy.col.uploaded'),
            w.t('policy.col.standing'),
          ],
          rows: policies.map(({ policy, account, compliance, standing }) => [
            String(policy.number),
            account.name,
            w.t(compliance.inForce ? 'policy.coverage' : 'policy.coverage.not-in-force', {
              from: policy.effectiveOn,
              to: policy.expiresOn,
            }),
            w.t(`verdict.${compliance.verdict}`),
            policy.uploadedOn ? w.date(policy.uploadedOn) : w.t('policy.uploaded.no'),
            w.t(`standing.${standing}`),
          ]),
        },
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'policy', 'show'],
    summary: 'cmd.insurance.policy.show',
    permission: 'read',
    args: { policy: policyNumber },
    handler: async (ctx, args) =>
      policyReply(await showPolicy(ctx.deps, ctx.scope, args.policy), 'shown', ctx.words),
  }),
  defineCommand({
    path: ['insurance', 'policy', 'uploaded'],
    summary: 'cmd.insurance.policy.uploaded',
    permission: 'manage',
    args: {
      policy: policyNumber,
      date: arg.date({ description: 'arg.upload-date', example: '2026-01-20', optional: true }),
    },
    handler: async (ctx, args) =>
      policyReply(await markUploaded(ctx.deps, ctx.scope, args.policy, args.date), 'uploaded', ctx.words),
  }),
  defineCommand({
    path: ['insurance', 'policy', 'remove'],
    summary: 'cmd.insurance.policy.remove',
    permission: 'manage',
    args: { policy: policyNumber },
    handler: async (ctx, args) => {
      const { policy, account } = await removePolicy(ctx.deps, ctx.scope, args.policy);
      return {
        title: ctx.words.t('policy.removed.title', { policy: policy.number, account: account.name }),
        tone: 'ok',
      };
    },
  }),
];
