import { recordRequest } from '../../src/app/requests.ts';
import { ACCOUNT_ARG, type CommandSpec } from '../spec.ts';
import { checkSection } from '../views.ts';

export const requestCommands: CommandSpec[] = [
  {
    path: ['insurance', 'request'],
    summary: "Amazon asked for proof of insurance: start the deadline's clock whatever the sales.",
    permission: 'manage',
    args: [
      ACCOUNT_ARG,
      {
        name: 'date',
        kind: 'date',
        required: true,
        description: "The day of Amazon's request",
        example: '2026-11-03',
      },
      {
        name: 'note',
        kind: 'text',
        required: false,
        description: 'What Amazon said',
        example: 'Performance notification about insurance',
      },
    ],
    handler: async (ctx, args) => {
      const { request, check } = await recordRequest(ctx.deps, ctx.scope, {
        account: args.account!,
        date: args.date!,
        note: args.note,
      });
      const { section, citations } = checkSection(check, ctx.mention);
      return {
        title: `Recorded Amazon's request of ${request.requestedOn} for ${check.state.account.name}`,
        tone: section.tone ?? 'warn',
        sections: [section],
        citations,
      };
    },
  },
];
