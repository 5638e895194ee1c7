// /insurance check: is each account required to be insured, since when, by when, and where it stands.
import { check } from '../../src/app/check.ts';
import { arg } from '../args.ts';
import { defineCommand } from '../spec.ts';
import { alertProblemLine, checkReply } from '../views.ts';

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
    handler: async (ctx, args) => {
      const reply = checkReply(
        await check(ctx.deps, ctx.scope, { account: args.account, asOf: args['as-of'] }),
        ctx.mention,
        ctx.words,
      );
      // Alerts the team counts on are not arriving: the answer it does read says so, after the
      // accounts (a section of its own, so notifications still name the most urgent account).
      const refused = alertProblemLine(ctx.scope.tenant, ctx.words);
      if (!refused || !reply.sections) return reply;
      const note = { heading: ctx.words.t('alerts.section'), tone: 'warn' as const, lines: [refused] };
      return { ...reply, sections: [...reply.sections, note] };
    },
  }),
];
