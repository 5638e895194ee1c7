import { addAccount, listAccounts, removeAccount, setAccount } from '../../src/app/accounts.ts';
import { wordsFor } from '../../src/i18n/index.ts';
import { ENTITY_TYPES } from '../../src/rules/policy.ts';
import { MARKETPLACES } from '../../src/rules/table.ts';
import type { Args, CommandSpec } from '../spec.ts';

const MARKETPLACE_CHOICES = [...MARKETPLACES];

const detailArgs = [
  {
    name: 'legal',
    kind: 'text',
    required: false,
    keyed: true,
    description: 'Legal entity name, as on the certificate',
    example: 'Acme Goods LLC',
    aliases: ['legal-name'],
  },
  {
    name: 'dba',
    kind: 'text',
    required: false,
    keyed: true,
    description: 'DBA (single-member LLCs may insure under it)',
    example: 'Acme Kitchen',
  },
  {
    name: 'owner',
    kind: 'user',
    required: false,
    keyed: true,
    description: 'Who to mention in alerts',
    example: '@maria',
  },
  {
    name: 'time-zone',
    kind: 'text',
    required: false,
    keyed: true,
    description: "The account's time zone (IANA)",
    example: 'America/New_York',
    aliases: ['tz'],
  },
  {
    name: 'entity',
    kind: 'choice',
    required: false,
    keyed: true,
    choices: ENTITY_TYPES,
    description: 'Kind of legal entity (a DBA is accepted only from a single-member LLC)',
    example: 'single-member-llc',
  },
] as const;

/** The optional details both `add` and `set` take, by their use-case names. */
const details = (args: Args) => ({
  legalName: args.legal,
  dba: args.dba,
  owner: args.owner,
  timeZone: args['time-zone'],
  entity: args.entity,
});

export const accountCommands: CommandSpec[] = [
  {
    path: ['insurance', 'account', 'add'],
    summary: 'Add a seller account.',
    permission: 'manage',
    args: [
      {
        name: 'name',
        kind: 'account',
        required: true,
        description: 'A short name for the account',
        example: 'acme-us',
      },
      {
        name: 'marketplace',
        kind: 'choice',
        required: false,
        choices: MARKETPLACE_CHOICES,
        description: 'Where it sells (default US)',
        example: 'US',
      },
      ...detailArgs,
    ],
    handler: async (ctx, args) => {
      const account = await addAccount(ctx.deps, ctx.scope, {
        name: args.name!,
        marketplace: args.marketplace,
        ...details(args),
      });
      return {
        title: `Added ${account.name} (${wordsFor().t(`marketplace.${account.marketplace}`)})`,
        tone: 'ok',
        lines: [
          `Record its monthly sales: /insurance sales record ${account.name} <YYYY-MM> <amount>`,
          ...(account.legalName
            ? []
            : [
                `Add its legal entity name so policies can be checked: /insurance account set ${account.name} legal:"…"`,
              ]),
        ],
      };
    },
  },
  {
    path: ['insurance', 'account', 'list'],
    summary: 'List the seller accounts.',
    permission: 'read',
    args: [],
    handler: async (ctx) => {
      const accounts = await listAccounts(ctx.deps, ctx.scope);
      if (accounts.length === 0)
        return {
          title: 'No seller accounts yet',
          tone: 'info',
          lines: ['Add one: /insurance account add acme-us US legal:"Acme Goods LLC"'],
        };
      return {
        title: `${accounts.length} seller account(s)`,
        tone: 'info',
        table: {
          columns: ['account', 'marketplace', 'legal entity', 'owner'],
          rows: accounts.map((a) => [
            a.name,
            a.marketplace,
            a.legalName ?? '—',
            a.owner ? ctx.mention(a.owner) : '—',
          ]),
        },
      };
    },
  },
  {
    path: ['insurance', 'account', 'set'],
    summary: "Change an account's details.",
    permission: 'manage',
    args: [
      {
        name: 'name',
        kind: 'account',
        required: true,
        description: 'The account to change',
        example: 'acme-us',
      },
      {
        name: 'rename',
        kind: 'account',
        required: false,
        keyed: true,
        description: 'A new name',
        example: 'acme-usa',
      },
      {
        name: 'marketplace',
        kind: 'choice',
        required: false,
        keyed: true,
        choices: MARKETPLACE_CHOICES,
        description: 'Where it sells',
        example: 'US',
      },
      ...detailArgs,
    ],
    handler: async (ctx, args) => {
      const account = await setAccount(ctx.deps, ctx.scope, {
        name: args.name!,
        rename: args.rename,
        marketplace: args.marketplace,
        ...details(args),
      });
      return {
        title: `Updated ${account.name}`,
        tone: 'ok',
        fields: [
          { label: 'Marketplace', value: account.marketplace },
          { label: 'Legal entity', value: account.legalName ?? '—' },
          { label: 'DBA', value: account.dba ?? '—' },
          { label: 'Owner', value: account.owner ? ctx.mention(account.owner) : '—' },
          { label: 'Time zone', value: account.timeZone ?? `${ctx.scope.tenant.time_zone} (team default)` },
        ],
      };
    },
  },
  {
    path: ['insurance', 'account', 'remove'],
    summary: 'Remove an account (its history is kept).',
    permission: 'manage',
    args: [
      {
        name: 'name',
        kind: 'account',
        required: true,
        description: 'The account to remove',
        example: 'acme-us',
      },
    ],
    handler: async (ctx, args) => {
      const account = await removeAccount(ctx.deps, ctx.scope, args.name!);
      return {
        title: `Removed ${account.name}`,
        tone: 'ok',
        lines: ['Its records are kept in the audit history; the name can be reused.'],
      };
    },
  },
];
