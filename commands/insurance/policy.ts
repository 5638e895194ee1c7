import {
  addPolicy,
  listPolicies,
  markUploaded,
  removePolicy,
  setPolicy,
  showPolicy,
} from '../../src/app/policies.ts';
import { COVERAGE_FORMS, POLICY_BASES } from '../../src/rules/policy.ts';
import { ACCOUNT_ARG, type ArgSpec, type CommandSpec } from '../spec.ts';
import { policyReply } from '../views.ts';

const key = (
  name: string,
  kind: ArgSpec['kind'],
  description: string,
  example: string,
  extra: Partial<ArgSpec> = {},
): ArgSpec => ({
  name,
  kind,
  required: false,
  keyed: true,
  description,
  example,
  ...extra,
});

/** The ACORD 25 fields, in the order a certificate lists them. */
export const POLICY_FIELDS: ArgSpec[] = [
  {
    name: 'effective',
    kind: 'date',
    required: true,
    keyed: true,
    description: 'Policy effective date',
    example: '2026-01-15',
    aliases: ['from'],
  },
  {
    name: 'expires',
    kind: 'date',
    required: true,
    keyed: true,
    description: 'Policy expiration date',
    example: '2027-01-15',
    aliases: ['to', 'expiry'],
  },
  key('insurer', 'text', 'Insurer affording coverage', 'Hartford Fire Insurance Co.'),
  key('rating', 'text', "Insurer's AM Best or S&P rating", 'A+'),
  key('number', 'text', 'Policy number', 'GL-1234567', { aliases: ['policy-number'] }),
  key('form', 'choice', 'Type of insurance', 'general', { choices: COVERAGE_FORMS }),
  key('products', 'choice', 'Includes products/completed operations', 'yes', { choices: ['yes', 'no'] }),
  key('covers-us', 'choice', 'Covers sales on Amazon.com in the US', 'yes', { choices: ['yes', 'no'] }),
  key('per-occurrence', 'money', 'Each occurrence limit', '1,000,000', { aliases: ['occurrence'] }),
  key('aggregate', 'money', 'General aggregate limit', '2,000,000'),
  key('products-aggregate', 'money', 'Products/completed operations aggregate', '2,000,000'),
  key('deductible', 'money', 'Deductible or retention, as stated on the certificate', '2,500'),
  key('basis', 'choice', 'Occurrence or claims-made', 'occurrence', { choices: POLICY_BASES }),
  key(
    'additional-insured',
    'text',
    'Additional insured, exactly as worded',
    'Amazon.com Services LLC and its affiliates and assignees',
    { aliases: ['ai'] },
  ),
  key('certificate-holder', 'text', 'Certificate holder', 'Amazon.com Services LLC'),
  key('insured', 'text', 'Named insured', 'Acme Goods LLC', { aliases: ['insured-name'] }),
  key('notice-days', 'integer', "Days' notice of cancellation to Amazon", '30'),
  key('uploaded', 'date', 'The day it was uploaded to Amazon', '2026-01-20'),
];

const policyId: ArgSpec = {
  name: 'policy',
  kind: 'integer',
  required: true,
  description: 'The policy number shown by /insurance policy list',
  example: '3',
  aliases: ['id'],
};

export const policyCommands: CommandSpec[] = [
  {
    path: ['insurance', 'policy', 'add'],
    summary: 'Record a certificate of insurance; every requirement is checked field by field.',
    permission: 'manage',
    args: [ACCOUNT_ARG, ...POLICY_FIELDS],
    handler: async (ctx, args) => {
      const { account, ...fields } = args;
      return policyReply(
        await addPolicy(ctx.deps, ctx.scope, { account: account!, ...fields } as Parameters<
          typeof addPolicy
        >[2]),
        'added',
      );
    },
  },
  {
    path: ['insurance', 'policy', 'set'],
    summary: 'Change fields of a recorded policy (a corrected certificate, a limit that was missing).',
    permission: 'manage',
    args: [{ ...policyId }, ...POLICY_FIELDS.map((f) => ({ ...f, required: false }))],
    handler: async (ctx, args) => {
      const { policy, ...fields } = args;
      return policyReply(
        await setPolicy(ctx.deps, ctx.scope, Number(policy), fields as Parameters<typeof setPolicy>[3]),
        'updated',
      );
    },
  },
  {
    path: ['insurance', 'policy', 'list'],
    summary: 'List policies with their status.',
    permission: 'read',
    args: [
      {
        name: 'account',
        kind: 'account',
        required: false,
        description: 'One account (default: all)',
        example: 'acme-us',
      },
    ],
    handler: async (ctx, args) => {
      const policies = await listPolicies(ctx.deps, ctx.scope, args.account);
      if (policies.length === 0)
        return {
          title: 'No policies on file',
          tone: 'info',
          lines: [
            'Add one: /insurance policy add acme-us effective:2026-01-15 expires:2027-01-15 …',
            'See /insurance help policy add.',
          ],
        };
      return {
        title: `${policies.length} polic${policies.length === 1 ? 'y' : 'ies'} on file`,
        tone: policies.some((p) => p.compliance.verdict === 'deficient') ? 'warn' : 'info',
        table: {
          columns: ['#', 'account', 'coverage', 'verdict', 'uploaded', 'standing'],
          rows: policies.map(({ policy, account, compliance, standing }) => [
            String(policy.id),
            account.name,
            `${policy.effectiveOn} → ${policy.expiresOn}${compliance.inForce ? '' : ' (not in force)'}`,
            compliance.verdict,
            policy.uploadedOn ?? 'no',
            standing,
          ]),
        },
      };
    },
  },
  {
    path: ['insurance', 'policy', 'show'],
    summary: 'Show a policy with every requirement judged.',
    permission: 'read',
    args: [policyId],
    handler: async (ctx, args) =>
      policyReply(await showPolicy(ctx.deps, ctx.scope, Number(args.policy)), 'shown'),
  },
  {
    path: ['insurance', 'policy', 'uploaded'],
    summary: 'Mark a policy as uploaded to Amazon (default today).',
    permission: 'manage',
    args: [
      policyId,
      {
        name: 'date',
        kind: 'date',
        required: false,
        description: 'The day it was uploaded',
        example: '2026-01-20',
      },
    ],
    handler: async (ctx, args) =>
      policyReply(await markUploaded(ctx.deps, ctx.scope, Number(args.policy), args.date), 'uploaded'),
  },
  {
    path: ['insurance', 'policy', 'remove'],
    summary: 'Remove a policy recorded by mistake.',
    permission: 'manage',
    args: [policyId],
    handler: async (ctx, args) => {
      const { policy, account } = await removePolicy(ctx.deps, ctx.scope, Number(args.policy));
      return { title: `Removed policy #${policy.id} of ${account.name}`, tone: 'ok' };
    },
  },
];
