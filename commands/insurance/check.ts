import { check } from '../../src/app/check.ts';
import type { CommandSpec } from '../spec.ts';
import { checkReply } from '../views.ts';

export const checkCommands: CommandSpec[] = [
  {
    path: ['insurance', 'check'],
    summary:
      'Is each account required to be insured, since when, by what deadline, and is its policy compliant?',
    permission: 'read',
    cacheable: true,
    args: [
      {
        name: 'account',
        kind: 'account',
        required: false,
        description: 'One account (default: every account)',
        example: 'acme-us',
      },
      {
        name: 'as-of',
        kind: 'date',
        required: false,
        description: 'Answer for a past or future day',
        example: '2026-10-31',
        aliases: ['asof', 'date'],
      },
    ],
    handler: async (ctx, args) =>
      checkReply(
        await check(ctx.deps, ctx.scope, { account: args.account, asOf: args['as-of'] }),
        ctx.mention,
      ),
  },
];
