// /insurance access grant|revoke|list: who, besides the platform's admins, may manage coverwatch here.
import { UserError } from '../../src/app/errors.ts';
import { grantManager, listManagers, revokeManager } from '../../src/app/settings.ts';
import { arg, type Subject } from '../args.ts';
import { type CommandContext, defineCommand } from '../spec.ts';

const who = arg.subject({ description: 'arg.who' });
const named = (ctx: CommandContext, s: Subject) =>
  s.kind === 'role' ? ctx.words.t('access.role', { id: s.id }) : ctx.mention(s.id);

export const accessCommands = [
  defineCommand({
    path: ['insurance', 'access', 'grant'],
    summary: 'cmd.insurance.access.grant',
    permission: 'admin',
    args: { who },
    handler: async (ctx, args) => {
      // Slack does not say which user groups a member is in, so a group grant would match nobody.
      if (ctx.platform === 'slack' && args.who.kind === 'role')
        throw new UserError(
          'access.slack-group',
          {},
          { field: 'who', example: '/insurance access grant @maria' },
        );
      const added = await grantManager(ctx.deps, ctx.scope, args.who);
      return {
        title: ctx.words.t(added ? 'access.granted' : 'access.already', { name: named(ctx, args.who) }),
        tone: 'ok',
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'access', 'revoke'],
    summary: 'cmd.insurance.access.revoke',
    permission: 'admin',
    args: { who },
    handler: async (ctx, args) => {
      const removed = await revokeManager(ctx.deps, ctx.scope, args.who);
      return {
        title: ctx.words.t(removed ? 'access.revoked' : 'access.no-grant'),
        tone: removed ? 'ok' : 'info',
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'access', 'list'],
    summary: 'cmd.insurance.access.list',
    permission: 'read',
    args: {},
    handler: async (ctx) => {
      const w = ctx.words;
      const grants = await listManagers(ctx.deps, ctx.scope);
      return {
        title: grants.length ? w.t('access.list.title', { count: grants.length }) : w.t('access.list.none'),
        tone: 'info',
        lines: grants.map((g) =>
          w.t('access.list.line', {
            name: named(ctx, { kind: g.kind, id: g.subject_id }),
            by: ctx.mention(g.granted_by),
            on: g.granted_at.slice(0, 10),
          }),
        ),
      };
    },
  }),
];
