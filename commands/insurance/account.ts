// /insurance account add|list|set|remove: the team's Amazon seller accounts.
import { addAccount, listAccounts, removeAccount, setAccount } from '../../src/app/accounts.ts';
import { ENTITY_TYPES } from '../../src/rules/policy.ts';
import { accountTimeZone, MARKETPLACES } from '../../src/rules/table.ts';
import { arg } from '../args.ts';
import { defineCommand } from '../spec.ts';

/**
 * What people type for a marketplace (upper-cased): Amazon's store codes for the ones we group, the
 * stores' domains, and their names in Chinese, as Chinese sellers call them (美国站, 欧洲站).
 */
const STORE_CODES = {
  USA: 'US',
  'AMAZON.COM': 'US',
  美国: 'US',
  美国站: 'US',
  'AMAZON.CA': 'CA',
  加拿大: 'CA',
  加拿大站: 'CA',
  'AMAZON.COM.MX': 'MX',
  墨西哥: 'MX',
  墨西哥站: 'MX',
  GB: 'UK',
  'AMAZON.CO.UK': 'UK',
  英国: 'UK',
  英国站: 'UK',
  DE: 'EU',
  FR: 'EU',
  IT: 'EU',
  ES: 'EU',
  NL: 'EU',
  BE: 'EU',
  'AMAZON.DE': 'EU',
  'AMAZON.FR': 'EU',
  'AMAZON.IT': 'EU',
  'AMAZON.ES': 'EU',
  'AMAZON.NL': 'EU',
  'AMAZON.COM.BE': 'EU',
  欧洲: 'EU',
  欧洲站: 'EU',
  德国: 'EU',
  法国: 'EU',
  意大利: 'EU',
  西班牙: 'EU',
  荷兰: 'EU',
  比利时: 'EU',
  'AMAZON.CO.JP': 'JP',
  日本: 'JP',
  日本站: 'JP',
} as const;

/** The optional details both `add` and `set` take. */
const details = {
  legal: arg.text({
    description: 'arg.legal',
    exampleId: 'ex.legal',
    optional: true,
    keyed: true,
    aliases: ['legal-name'],
    max: 200,
  }),
  dba: arg.text({ description: 'arg.dba', exampleId: 'ex.dba', optional: true, keyed: true, max: 200 }),
  owner: arg.user({ description: 'arg.owner', optional: true, keyed: true }),
  'time-zone': arg.timeZone({
    description: 'arg.account-time-zone',
    optional: true,
    keyed: true,
    aliases: ['tz'],
  }),
  entity: arg.choice(ENTITY_TYPES, {
    description: 'arg.entity',
    example: 'single-member-llc',
    optional: true,
    keyed: true,
  }),
};

const detailsOf = (args: {
  legal?: string | undefined;
  dba?: string | undefined;
  owner?: string | undefined;
  'time-zone'?: string | undefined;
  entity?: (typeof ENTITY_TYPES)[number] | undefined;
}) => ({
  legalName: args.legal,
  dba: args.dba,
  owner: args.owner,
  timeZone: args['time-zone'],
  entity: args.entity,
});

export const accountCommands = [
  defineCommand({
    path: ['insurance', 'account', 'add'],
    summary: 'cmd.insurance.account.add',
    permission: 'manage',
    args: {
      name: arg.account({ description: 'arg.account-name' }),
      marketplace: arg.choice(MARKETPLACES, {
        description: 'arg.marketplace.default',
        optional: true,
        default: 'US',
        also: STORE_CODES,
      }),
      ...details,
    },
    handler: async (ctx, args) => {
      const w = ctx.words;
      const account = await addAccount(ctx.deps, ctx.scope, {
        name: args.name,
        marketplace: args.marketplace,
        ...detailsOf(args),
      });
      return {
        title: w.t('account.added', { name: account.name, store: w.t(`marketplace.${account.marketplace}`) }),
        tone: 'ok',
        lines: [
          w.t('account.added.next', { name: account.name }),
          ...(account.legalName ? [] : [w.t('account.added.legal', { name: account.name })]),
        ],
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'account', 'list'],
    summary: 'cmd.insurance.account.list',
    permission: 'read',
    args: {},
    handler: async (ctx) => {
      const w = ctx.words;
      const accounts = await listAccounts(ctx.deps, ctx.scope);
      if (accounts.length === 0)
        return {
          title: w.t('check.none.title'),
          tone: 'info',
          lines: ['/insurance account add acme-us US legal:"Acme Goods LLC"'],
        };
      return {
        title: w.t('account.list.title', { count: accounts.length }),
        tone: 'info',
        table: {
          columns: [
            w.t('account.col.account'),
            w.t('account.col.marketplace'),
            w.t('account.col.legal'),
            w.t('account.col.owner'),
          ],
          rows: accounts.map((a) => [
            a.name,
            a.marketplace,
            a.legalName ?? '—',
            a.owner ? ctx.mention(a.owner) : '—',
          ]),
        },
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'account', 'set'],
    summary: 'cmd.insurance.account.set',
    permission: 'manage',
    args: {
      name: arg.account({ description: 'arg.account-to-change' }),
      rename: arg.account({ description: 'arg.rename', example: 'acme-usa', optional: true, keyed: true }),
      marketplace: arg.choice(MARKETPLACES, {
        description: 'arg.marketplace',
        optional: true,
        keyed: true,
        also: STORE_CODES,
      }),
      ...details,
    },
    handler: async (ctx, args) => {
      const w = ctx.words;
      const account = await setAccount(ctx.deps, ctx.scope, {
        name: args.name,
        rename: args.rename,
        marketplace: args.marketplace,
        ...detailsOf(args),
      });
      return {
        title: w.t('account.updated', { name: account.name }),
        tone: 'ok',
        fields: [
          { label: w.t('account.field.marketplace'), value: account.marketplace },
          { label: w.t('account.field.legal'), value: account.legalName ?? '—' },
          { label: w.t('account.field.dba'), value: account.dba ?? '—' },
          { label: w.t('account.field.entity'), value: account.entity ?? '—' },
          { label: w.t('account.field.owner'), value: account.owner ? ctx.mention(account.owner) : '—' },
          {
            label: w.t('account.field.time-zone'),
            value: account.timeZone ?? w.t('account.store-time-zone', { zone: accountTimeZone(account) }),
          },
        ],
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'account', 'remove'],
    summary: 'cmd.insurance.account.remove',
    permission: 'manage',
    args: { name: arg.account({ description: 'arg.account-to-remove' }) },
    handler: async (ctx, args) => {
      const account = await removeAccount(ctx.deps, ctx.scope, args.name);
      return {
        title: ctx.words.t('account.removed', { name: account.name }),
        tone: 'ok',
        lines: [ctx.words.t('account.removed.hint')],
      };
    },
  }),
];
