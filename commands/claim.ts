import { claimStatus, openClaim, updateClaim } from '../src/app/claims.ts';
import { CLAIM_KINDS } from '../src/rules/claims.ts';
import { ACCOUNT_ARG, type ArgSpec, type CommandSpec } from './spec.ts';
import { claimsReply } from './views.ts';

const claimArg: ArgSpec = {
  name: 'claim',
  kind: 'claim',
  required: true,
  description: "Amazon's claim id",
  example: 'AZ-123456',
};
const DUE_ARG: ArgSpec = {
  name: 'due',
  kind: 'date',
  required: false,
  keyed: true,
  description: "Response deadline in Amazon's notice",
  example: '2026-11-28',
};
const noteArg: ArgSpec = {
  name: 'note',
  kind: 'text',
  required: false,
  description: 'What happened',
  example: 'Insurer has the file',
};

export const claimCommands: CommandSpec[] = [
  {
    path: ['claim', 'open'],
    summary: 'Record an A-to-z property-damage or personal-injury claim from Amazon.',
    permission: 'manage',
    args: [
      ACCOUNT_ARG,
      claimArg,
      { name: 'amount', kind: 'money', required: true, description: 'Amount claimed', example: '650' },
      {
        name: 'notice',
        kind: 'date',
        required: true,
        description: "The day of Amazon's notice",
        example: '2026-11-18',
      },
      {
        name: 'kind',
        kind: 'choice',
        required: false,
        choices: CLAIM_KINDS,
        description: 'Property damage or personal injury',
        example: 'property-damage',
      },
      {
        name: 'order',
        kind: 'text',
        required: false,
        keyed: true,
        description: 'Amazon order id',
        example: '111-2223334-5556667',
      },
      {
        name: 'incident',
        kind: 'date',
        required: false,
        keyed: true,
        description: 'The day of the incident',
        example: '2026-11-10',
      },
      DUE_ARG,
    ],
    handler: async (ctx, args) => {
      const judged = await openClaim(ctx.deps, ctx.scope, {
        account: args.account!,
        claim: args.claim!,
        amount: args.amount!,
        notice: args.notice!,
        kind: args.kind as (typeof CLAIM_KINDS)[number] | undefined,
        order: args.order,
        incident: args.incident,
        due: args.due,
      });
      return claimsReply([judged], `Recorded claim ${judged.claim.amazonClaimId}`);
    },
  },
  {
    path: ['claim', 'status'],
    summary: 'Open claims (or one claim): who pays and the next deadline.',
    permission: 'read',
    args: [{ ...claimArg, required: false }],
    handler: async (ctx, args) => {
      const judged = await claimStatus(ctx.deps, ctx.scope, args.claim);
      return claimsReply(judged, args.claim ? `Claim ${args.claim}` : `${judged.length} open claim(s)`);
    },
  },
  {
    path: ['claim', 'respond'],
    summary: 'Record that you or your insurer responded to a claim.',
    permission: 'manage',
    args: [claimArg, noteArg],
    handler: async (ctx, args) =>
      claimsReply(
        [
          await updateClaim(ctx.deps, ctx.scope, {
            claim: args.claim!,
            status: 'responded',
            note: args.note,
          }),
        ],
        `Claim ${args.claim} marked responded`,
      ),
  },
  {
    path: ['claim', 'update'],
    summary: "Change a claim's status, response deadline, or the day Amazon charged you.",
    permission: 'manage',
    args: [
      claimArg,
      {
        name: 'status',
        kind: 'choice',
        required: false,
        keyed: true,
        choices: ['open', 'responded', 'rejected', 'closed'],
        description: 'New status',
        example: 'rejected',
      },
      DUE_ARG,
      {
        name: 'charged',
        kind: 'date',
        required: false,
        keyed: true,
        description: 'The day Amazon asked for reimbursement or withheld funds (starts the appeal window)',
        example: '2026-11-29',
      },
      noteArg,
    ],
    handler: async (ctx, args) =>
      claimsReply(
        [
          await updateClaim(ctx.deps, ctx.scope, {
            claim: args.claim!,
            status: args.status as 'open' | undefined,
            due: args.due,
            charged: args.charged,
            note: args.note,
          }),
        ],
        `Claim ${args.claim} updated`,
      ),
  },
  {
    path: ['claim', 'close'],
    summary: 'Close a resolved claim.',
    permission: 'manage',
    args: [claimArg, noteArg],
    handler: async (ctx, args) =>
      claimsReply(
        [await updateClaim(ctx.deps, ctx.scope, { claim: args.claim!, status: 'closed', note: args.note })],
        `Claim ${args.claim} closed`,
      ),
  },
];
