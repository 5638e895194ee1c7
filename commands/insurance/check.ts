// /insurance check: is each account required to be insured, since when, by when, and where it stands.
import { check } from '../../src/app/check.ts';
import { arg } from '../args.ts';
import { defineCommand } from '../spec.ts';
import { checkReply } from '../views.ts';

export const checkCommands = [
  defineCommand({
    path: ['insurance', 'check'],
    summary: 'cmd.insurance.check',
    permission: 'read',
    cacheable: true,
    args: {
      account: arg.account({ description: 'arg.account.one-or-all', optional: true }),
      'as-of': arg.date({
        description: 'arg.as-of',
        example: '2026-10-31',
        optional: true,
        aliases: ['asof', 'date'],
      }),
    },
    handler: async (ctx, args) =>
      checkReply(
        await check(ctx.deps, ctx.scope, { account: args.account, asOf: args['as-of'] }),
        ctx.mention,
        ctx.words,
      ),
  }),
];
