// The command catalogue: every command, declared once, in the order help lists them.
import type { MessageId } from '../src/i18n/index.ts';
import { errorReply } from '../src/reply.ts';
import { arg } from './args.ts';
import { claimCommands } from './claim.ts';
import { helpFor, helpIndex } from './help.ts';
import { accessCommands } from './insurance/access.ts';
import { accountCommands } from './insurance/account.ts';
import { alertsCommands } from './insurance/alerts.ts';
import { amazonCommands } from './insurance/amazon.ts';
import { certificateCommands } from './insurance/certificate.ts';
import { checkCommands } from './insurance/check.ts';
import { policyCommands } from './insurance/policy.ts';
import { requestCommands } from './insurance/request.ts';
import { salesCommands } from './insurance/sales.ts';
import { settingsCommands } from './insurance/settings.ts';
import { resolve, tokenize } from './parse.ts';
import { type CommandSpec, defineCommand } from './spec.ts';

export const ROOTS = ['insurance', 'claim'] as const;

function help(root: (typeof ROOTS)[number]): CommandSpec {
  return defineCommand({
    path: [root, 'help'],
    summary: 'cmd.help',
    permission: 'read',
    args: {
      command: arg.text({
        description: 'arg.help-command',
        example: root === 'claim' ? 'open' : 'sales record',
        optional: true,
      }),
    },
    handler: async (ctx, args) => {
      const w = ctx.words;
      if (!args.command) return helpIndex(CATALOGUE, w, undefined, root);
      const words = args.command.replace(/^\//, '').trim().split(/\s+/);
      const named = words[0] === 'insurance' || words[0] === 'claim' ? words.shift()! : undefined;
      // "/claim help sales record" finds /insurance sales record: look in this root, then the others.
      const roots = named ? [named] : [root, ...ROOTS.filter((r) => r !== root)];
      const tokens = tokenize(words.join(' '));
      let found = resolve(CATALOGUE, roots[0]!, tokens);
      for (const r of roots.slice(1)) {
        if (found.kind !== 'unknown') break;
        const next = resolve(CATALOGUE, r, tokens);
        if (next.kind !== 'unknown') found = next;
      }
      if (found.kind === 'command') return helpFor(found.spec, w);
      if (found.kind === 'group') return helpIndex(found.commands, w, undefined, root);
      return errorReply(w.t('help.no-such-command', { command: args.command }), w, {
        lines: found.suggestions.length
          ? [
              w.t('error.did-you-mean', {
                commands: w.list(
                  found.suggestions.map((s) => `/${s.path.join(' ')}`),
                  'or',
                ),
              }),
            ]
          : [],
        usage: '/insurance help <command>',
      });
    },
  });
}

export const CATALOGUE: readonly CommandSpec[] = [
  ...checkCommands,
  ...accountCommands,
  ...salesCommands,
  ...amazonCommands,
  ...requestCommands,
  ...policyCommands,
  ...certificateCommands,
  ...alertsCommands,
  ...settingsCommands,
  ...accessCommands,
  help('insurance'),
  ...claimCommands,
  help('claim'),
];

/** What each group of subcommands is about (help, Discord subcommand groups). */
export const GROUPS: Readonly<Record<string, MessageId>> = {
  account: 'group.account',
  sales: 'group.sales',
  policy: 'group.policy',
  alerts: 'group.alerts',
  access: 'group.access',
};
