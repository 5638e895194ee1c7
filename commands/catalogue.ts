// The command catalogue: every command, declared once, in the order help lists them.

import { errorReply } from '../src/reply.ts';
import { claimCommands } from './claim.ts';
import { helpFor, helpIndex } from './help.ts';
import { accessCommands } from './insurance/access.ts';
import { accountCommands } from './insurance/account.ts';
import { alertsCommands } from './insurance/alerts.ts';
import { checkCommands } from './insurance/check.ts';
import { policyCommands } from './insurance/policy.ts';
import { requestCommands } from './insurance/request.ts';
import { salesCommands } from './insurance/sales.ts';
import { resolve, tokenize } from './parse.ts';
import type { CommandSpec } from './spec.ts';

function help(root: 'insurance' | 'claim'): CommandSpec {
  return {
    path: [root, 'help'],
    summary: 'How to use coverwatch; or one command in detail.',
    permission: 'read',
    args: [
      {
        name: 'command',
        kind: 'text',
        required: false,
        description: 'A command to explain',
        example: 'sales record',
      },
    ],
    handler: async (_ctx, args) => {
      if (!args.command) return helpIndex(CATALOGUE);
      const words = args.command.replace(/^\//, '').trim().split(/\s+/);
      const start = words[0] === 'insurance' || words[0] === 'claim' ? words.shift()! : root;
      const found = resolve(CATALOGUE, start, tokenize(words.join(' ')));
      if (found.kind === 'command') return helpFor(found.spec);
      if (found.kind === 'group') return helpIndex(found.commands);
      return errorReply(`There is no command "${args.command}".`, {
        lines: found.suggestions.length
          ? [`Did you mean ${found.suggestions.map((s) => `/${s.path.join(' ')}`).join(' or ')}?`]
          : [],
        usage: '/insurance help <command>',
      });
    },
  };
}

export const CATALOGUE: readonly CommandSpec[] = [
  ...checkCommands,
  ...accountCommands,
  ...salesCommands,
  ...requestCommands,
  ...policyCommands,
  ...alertsCommands,
  ...accessCommands,
  help('insurance'),
  ...claimCommands,
  help('claim'),
];

export const ROOTS = ['insurance', 'claim'] as const;

/** What each group of subcommands is about (help, Discord subcommand groups). */
export const GROUPS: Readonly<Record<string, string>> = {
  account: 'Seller accounts: add, list, change, remove',
  sales: 'Monthly sales: record, list, history against the threshold',
  policy: 'Insurance certificates: add, list, show, mark uploaded, remove',
  alerts: 'Where and when alerts are posted',
  access: 'Who may manage coverwatch here',
};
