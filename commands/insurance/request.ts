// /insurance request: Amazon asked for proof of insurance; the deadline's clock starts whatever the sales.
import { recordRequest } from '../../src/app/requests.ts';
import { arg } from '../args.ts';
import { defineCommand } from '../spec.ts';
import { checkSection } from '../views.ts';

export const requestCommands = [
  defineCommand({
    path: ['insurance', 'request'],
    summary: 'cmd.insurance.request',
    permission: 'manage',
    args: {
      account: arg.account({ description: 'arg.account.description' }),
      date: arg.date({ description: 'arg.request-date' }),
      note: arg.text({ description: 'arg.request-note', exampleId: 'ex.request-note', optional: true }),
    },
    handler: async (ctx, args) => {
      const { request, check } = await recordRequest(ctx.deps, ctx.scope, args);
      const { section, citations } = checkSection(check, ctx.mention, ctx.words);
      return {
        title: ctx.words.t('request.recorded', {
          date: request.requestedOn,
          account: check.state.account.name,
        }),
        tone: section.tone ?? 'warn',
        sections: [section],
        citations,
      };
    },
  }),
];
