// /insurance account connect|disconnect and /insurance sales sync: a seller account's sales
// straight from Amazon's Selling Partner API, by the day.
import {
  authorizationLink,
  connectAccount,
  disconnectAccount,
  type SyncResult,
  syncAll,
} from '../../src/app/amazon.ts';
import { UserError } from '../../src/app/errors.ts';
import type { Words } from '../../src/i18n/index.ts';
import type { Reply } from '../../src/reply.ts';
import { arg } from '../args.ts';
import { defineCommand } from '../spec.ts';

/** One account's sync as a line: what arrived, or why it stopped. */
function syncLine(r: SyncResult, w: Words): string {
  if (r.problem === 'revoked') return w.t('amazon.sync.revoked', { account: r.account });
  if (r.problem === 'unavailable')
    return w.t('amazon.sync.unavailable', { account: r.account, days: r.days, detail: r.detail ?? '' });
  return w.t('amazon.sync.done', {
    account: r.account,
    days: r.days,
    from: r.from ?? '',
    to: r.to ?? '',
    added: r.added,
    changed: r.changed,
  });
}

export const amazonCommands = [
  defineCommand({
    path: ['insurance', 'account', 'connect'],
    summary: 'cmd.insurance.account.connect',
    permission: 'manage',
    args: {
      account: arg.account({ description: 'arg.account.description' }),
      refresh: arg.text({
        description: 'arg.refresh-token',
        example: 'Atzr|IwEB…',
        keyed: true,
        optional: true,
        secret: true,
        max: 2000,
      }),
    },
    handler: async (ctx, args): Promise<Reply> => {
      const w = ctx.words;
      if (!args.refresh) {
        // The website authorization workflow: a link only the member sees, for this account only.
        const link = await authorizationLink(ctx.deps, ctx.scope, args.account);
        if (!link)
          return {
            title: w.t('amazon.link.title', { account: args.account }),
            tone: 'info',
            private: true,
            lines: [w.t('amazon.link.none', { account: args.account })],
          };
        return {
          title: w.t('amazon.link.title', { account: link.account.name }),
          tone: 'info',
          private: true,
          lines: [w.t('amazon.link.open', { account: link.account.name, url: link.url })],
        };
      }
      // A refresh token opens the seller's Amazon data: never taken from chat text, where it would
      // sit in the platform's logs — only at the terminal or in a form (a Slack modal).
      if (ctx.platform !== 'shell' && !ctx.form)
        throw new UserError('error.amazon.token-in-chat', {}, { field: 'refresh' });
      // A form must be answered within seconds: there the backfill runs on after the answer.
      const { account, sync } = await connectAccount(
        ctx.deps,
        ctx.scope,
        { account: args.account, refreshToken: args.refresh },
        { background: ctx.platform !== 'shell' },
      );
      return {
        title: w.t('amazon.connected', { account: account.name }),
        tone: sync?.problem ? 'warn' : 'ok',
        lines: [
          sync ? syncLine(sync, w) : w.t('amazon.backfilling', { account: account.name }),
          w.t('amazon.figure'),
        ],
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'account', 'disconnect'],
    summary: 'cmd.insurance.account.disconnect',
    permission: 'manage',
    args: { account: arg.account({ description: 'arg.account.description' }) },
    handler: async (ctx, args): Promise<Reply> => {
      const account = await disconnectAccount(ctx.deps, ctx.scope, args.account);
      return {
        title: ctx.words.t('amazon.disconnected', { account: account.name }),
        tone: 'ok',
        lines: [ctx.words.t('amazon.disconnected.kept')],
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'sales', 'sync'],
    summary: 'cmd.insurance.sales.sync',
    permission: 'manage',
    args: { account: arg.account({ description: 'arg.account.description', optional: true }) },
    handler: async (ctx, args): Promise<Reply> => {
      const w = ctx.words;
      const results = await syncAll(ctx.deps, { scope: ctx.scope, account: args.account });
      if (results.length === 0)
        return { title: w.t('amazon.sync.none'), tone: 'info', lines: [w.t('amazon.sync.how')] };
      const failed = results.filter((r) => r.problem).length;
      return {
        title: w.t('amazon.sync.title', { count: results.length, failed }),
        tone: failed ? 'warn' : 'ok',
        lines: [...results.map((r) => syncLine(r, w)), w.t('amazon.figure')],
      };
    },
  }),
];
