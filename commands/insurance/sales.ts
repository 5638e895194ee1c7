import {
  type HistoryBar,
  listSales,
  monthRevisions,
  recordSales,
  salesHistory,
} from '../../src/app/sales.ts';
import type { Reply } from '../../src/reply.ts';
import { formatMoney, percentOf } from '../../src/rules/money.ts';
import { ACCOUNT_ARG, type CommandSpec } from '../spec.ts';
import { checkSection } from '../views.ts';

const WIDTH = 24;

/** A text bar per month, with "|" where the threshold falls: readable in any monospace font. */
export function barChart(bars: readonly HistoryBar[]): string {
  const scale = Math.max(
    ...bars.map((b) => Math.max(b.amount?.minor ?? 0, Math.ceil(b.limit.minor * 1.25))),
    1,
  );
  const amounts = bars.map((b) => (b.amount ? formatMoney(b.amount) : 'not recorded'));
  const pad = Math.max(...amounts.map((a) => a.length));
  return bars
    .map((b, i) => {
      const filled = Math.round(((b.amount?.minor ?? 0) / scale) * WIDTH);
      const mark = Math.min(WIDTH - 1, Math.round((b.limit.minor / scale) * WIDTH));
      const bar = Array.from({ length: WIDTH }, (_, x) => (x === mark ? '|' : x < filled ? '█' : '·')).join(
        '',
      );
      const pct = b.amount ? `${percentOf(b.amount, b.limit)}%` : '';
      const flag = !b.amount
        ? ''
        : b.amount.minor > b.limit.minor
          ? ' over'
          : b.amount.minor === b.limit.minor
            ? ' at threshold'
            : '';
      return `${b.month} ${bar} ${amounts[i]!.padEnd(pad)} ${pct}${flag}`.trimEnd();
    })
    .join('\n');
}

export const salesCommands: CommandSpec[] = [
  {
    path: ['insurance', 'sales', 'record'],
    summary: "Record a month's gross sales (a new figure replaces the old one; both are kept).",
    permission: 'manage',
    args: [
      ACCOUNT_ARG,
      { name: 'month', kind: 'month', required: true, description: 'The month, YYYY-MM', example: '2026-10' },
      {
        name: 'amount',
        kind: 'money',
        required: true,
        description: 'Gross sales for the month so far',
        example: '12,480.50',
      },
      {
        name: 'source',
        kind: 'text',
        required: false,
        description: 'Where the figure comes from',
        example: 'Seller Central payments report',
      },
    ],
    handler: async (ctx, args): Promise<Reply> => {
      const r = await recordSales(ctx.deps, ctx.scope, {
        account: args.account!,
        month: args.month!,
        amount: args.amount!,
        source: args.source,
      });
      const { section, citations } = checkSection(r.check, ctx.mention);
      const was = r.revision.previous ? ` (was ${formatMoney(r.revision.previous)})` : '';
      return {
        title: `Recorded ${formatMoney(r.revision.amount)} for ${r.account.name} in ${r.revision.month}${was}`,
        tone: section.tone ?? 'ok',
        sections: [section],
        citations,
      };
    },
  },
  {
    path: ['insurance', 'sales', 'list'],
    summary: "List an account's monthly figures.",
    permission: 'read',
    args: [ACCOUNT_ARG],
    handler: async (ctx, args) => {
      const { account, months } = await listSales(ctx.deps, ctx.scope, args.account!);
      if (months.length === 0)
        return {
          title: `No sales recorded for ${account.name}`,
          tone: 'info',
          lines: [`/insurance sales record ${account.name} 2026-10 12,480.50`],
        };
      return {
        title: `Sales of ${account.name}`,
        tone: 'info',
        table: {
          columns: ['month', 'gross sales', 'recorded on', 'by', 'source'],
          rows: months
            .slice(0, 36)
            .map((r) => [r.month, formatMoney(r.amount), r.recordedOn, ctx.mention(r.recordedBy), r.source]),
        },
        lines: months.length > 36 ? [`Showing the latest 36 of ${months.length} months.`] : [],
      };
    },
  },
  {
    path: ['insurance', 'sales', 'history'],
    summary: 'The last 12 months against the threshold, or every revision of one month.',
    permission: 'read',
    args: [
      ACCOUNT_ARG,
      {
        name: 'month',
        kind: 'month',
        required: false,
        description: "One month's revisions: who changed what, when",
        example: '2026-10',
      },
    ],
    handler: async (ctx, args): Promise<Reply> => {
      if (args.month) {
        const { account, revisions } = await monthRevisions(ctx.deps, ctx.scope, args.account!, args.month);
        return {
          title: `${account.name} ${args.month}: ${revisions.length} revision(s)`,
          tone: 'info',
          table: {
            columns: ['recorded on', 'amount', 'replaced', 'by', 'source'],
            rows: revisions.map((r) => [
              r.recordedOn,
              formatMoney(r.amount),
              r.previous ? formatMoney(r.previous) : '—',
              ctx.mention(r.recordedBy),
              r.source,
            ]),
          },
        };
      }
      const { account, bars } = await salesHistory(ctx.deps, ctx.scope, args.account!);
      const over = bars.filter((b) => b.amount && b.amount.minor > b.limit.minor).length;
      return {
        title: `${account.name}: last 12 months against the ${formatMoney(bars[bars.length - 1]!.limit, { short: true })} threshold`,
        tone: over ? 'warn' : 'info',
        preformatted: barChart(bars),
        lines: [
          over ? `${over} month(s) over the threshold.` : 'No month over the threshold.',
          '| marks the threshold.',
        ],
      };
    },
  },
];
