import { grantManager, listManagers, revokeManager, type Subject } from '../../src/app/settings.ts';
import type { CommandSpec } from '../spec.ts';

const subjectArg = {
  name: 'who',
  kind: 'subject',
  required: true,
  description: 'A member (Slack, Discord) or a role (Discord)',
  example: '@maria',
} as const;

function subject(value: string): Subject {
  const [kind, ...id] = value.split(':');
  return { kind: kind === 'role' ? 'role' : 'user', id: id.join(':') };
}

export const accessCommands: CommandSpec[] = [
  {
    path: ['insurance', 'access', 'grant'],
    summary: 'Let a member or role manage coverwatch here.',
    permission: 'manage',
    args: [subjectArg],
    handler: async (ctx, args) => {
      const s = subject(args.who!);
      const added = await grantManager(ctx.deps, ctx.scope, s);
      const name = s.kind === 'role' ? `role ${s.id}` : ctx.mention(s.id);
      return {
        title: added ? `${name} can now manage coverwatch` : `${name} could already manage coverwatch`,
        tone: 'ok',
      };
    },
  },
  {
    path: ['insurance', 'access', 'revoke'],
    summary: 'Take back a grant.',
    permission: 'manage',
    args: [subjectArg],
    handler: async (ctx, args) => {
      const s = subject(args.who!);
      const removed = await revokeManager(ctx.deps, ctx.scope, s);
      return { title: removed ? 'Grant removed' : 'There was no such grant', tone: removed ? 'ok' : 'info' };
    },
  },
  {
    path: ['insurance', 'access', 'list'],
    summary: 'Who has been granted manager rights.',
    permission: 'read',
    args: [],
    handler: async (ctx) => {
      const grants = await listManagers(ctx.deps, ctx.scope);
      return {
        title: grants.length ? `${grants.length} grant(s)` : 'No grants: only admins can manage',
        tone: 'info',
        lines: grants.map(
          (g) =>
            `${g.kind === 'role' ? `role ${g.subject_id}` : ctx.mention(g.subject_id)} — granted by ${ctx.mention(g.granted_by)} on ${g.granted_at.slice(0, 10)}`,
        ),
      };
    },
  },
];
