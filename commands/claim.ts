// /claim open|status|respond|update|close: A-to-z property-damage and personal-injury claims.
import { claimStatus, openClaim, updateClaim } from '../src/app/claims.ts';
import { CLAIM_KINDS, CLAIM_STATUSES } from '../src/rules/claims.ts';
import { arg } from './args.ts';
import { type CommandContext, defineCommand } from './spec.ts';
import { claimsReply } from './views.ts';

const claim = arg.claim({ description: 'arg.claim.description' });
const note = arg.text({ description: 'arg.note', exampleId: 'ex.note', optional: true });
const due = arg.date({ description: 'arg.due', example: '2026-11-28', optional: true, keyed: true });

/** What people call the two kinds (upper-cased): Amazon's, insurers' and the Chinese words. */
const KIND_NAMES = {
  'BODILY-INJURY': 'personal-injury',
  INJURY: 'personal-injury',
  BI: 'personal-injury',
  人身伤害: 'personal-injury',
  DAMAGE: 'property-damage',
  PROPERTY: 'property-damage',
  PD: 'property-damage',
  财产损失: 'property-damage',
} as const;

/** Changes a claim and answers with it, named as it was recorded ("az-77" typed finds "AZ-77"). */
async function changeClaim(
  ctx: CommandContext,
  change: Parameters<typeof updateClaim>[2],
  title: 'claim.responded' | 'claim.updated' | 'claim.closed',
) {
  const judged = await updateClaim(ctx.deps, ctx.scope, change);
  return claimsReply([judged], ctx.words.t(title, { claim: judged.claim.amazonClaimId }), ctx.words);
}

export const claimCommands = [
  defineCommand({
    path: ['claim', 'open'],
    summary: 'cmd.claim.open',
    permission: 'manage',
    args: {
      account: arg.account({ description: 'arg.account.description' }),
      claim,
      amount: arg.money({ description: 'arg.claim-amount', example: '650' }),
      notice: arg.date({ description: 'arg.notice', example: '2026-11-18' }),
      kind: arg.choice(CLAIM_KINDS, {
        description: 'arg.claim-kind',
        optional: true,
        default: 'property-damage',
        also: KIND_NAMES,
      }),
      order: arg.text({
        description: 'arg.order',
        example: '111-2223334-5556667',
        optional: true,
        keyed: true,
        max: 40,
      }),
      incident: arg.date({ description: 'arg.incident', example: '2026-11-10', optional: true, keyed: true }),
      due,
    },
    handler: async (ctx, args) => {
      const judged = await openClaim(ctx.deps, ctx.scope, args);
      return claimsReply(
        [judged],
        ctx.words.t('claim.recorded', { claim: judged.claim.amazonClaimId }),
        ctx.words,
      );
    },
  }),
  defineCommand({
    path: ['claim', 'status'],
    summary: 'cmd.claim.status',
    permission: 'read',
    args: { claim: arg.claim({ description: 'arg.claim.description', optional: true }) },
    handler: async (ctx, args) => {
      const judged = await claimStatus(ctx.deps, ctx.scope, args.claim);
      const w = ctx.words;
      return claimsReply(
        judged,
        args.claim
          ? w.t('claim.one', { claim: judged[0]?.claim.amazonClaimId ?? args.claim })
          : w.t('claim.open-count', { count: judged.length }),
        w,
      );
    },
  }),
  defineCommand({
    path: ['claim', 'respond'],
    summary: 'cmd.claim.respond',
    permission: 'manage',
    args: { claim, note },
    handler: (ctx, args) =>
      changeClaim(ctx, { claim: args.claim, status: 'responded', note: args.note }, 'claim.responded'),
  }),
  defineCommand({
    path: ['claim', 'update'],
    summary: 'cmd.claim.update',
    permission: 'manage',
    args: {
      claim,
      status: arg.choice(CLAIM_STATUSES, {
        description: 'arg.status',
        example: 'rejected',
        optional: true,
        keyed: true,
      }),
      due,
      charged: arg.date({ description: 'arg.charged', example: '2026-11-29', optional: true, keyed: true }),
      note,
    },
    handler: (ctx, args) => changeClaim(ctx, args, 'claim.updated'),
  }),
  defineCommand({
    path: ['claim', 'close'],
    summary: 'cmd.claim.close',
    permission: 'manage',
    args: { claim, note },
    handler: (ctx, args) =>
      changeClaim(ctx, { claim: args.claim, status: 'closed', note: args.note }, 'claim.closed'),
  }),
];
