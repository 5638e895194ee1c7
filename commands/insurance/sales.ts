// /insurance sales record|list|history: monthly gross sales, kept as revisions.
import stringWidth from 'string-width';
import {
  type HistoryBar,
  importSales,
  listSales,
  monthRevisions,
  recordSales,
  salesChartData,
} from '../../src/app/sales.ts';
import { chartPng } from '../../src/charts/sales.ts';
import type { Words } from '../../src/i18n/index.ts';
import { padColumns, type Reply } from '../../src/reply.ts';
import { percentOf } from '../../src/rules/money.ts';
import { arg } from '../args.ts';
import { fileOf } from '../files.ts';
import { defineCommand } from '../spec.ts';
import { checkSection } from '../views.ts';

const WIDTH = 24;

/** A text bar per month, with "|" where the threshold falls: readable in any monospace font. */
export function barChart(bars: readonly HistoryBar[], w: Words): string {
  const scale = Math.max(
    ...bars.map((b) => Math.max(b.amount?.minor ?? 0, Math.ceil(b.limit.minor * 1.25))),
    1,
  );
  const amounts = bars.map((b) => (b.amount ? w.money(b.amount) : w.t('sales.not-recorded')));
  const pad = Math.max(...amounts.map((a) => stringWidth(a)));
  const months = bars.map((b) => w.month(b.month));
  const monthPad = Math.max(...months.map((m) => stringWidth(m)));
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
          ? ` ${w.t('sales.over')}`
          : b.amount.minor === b.limit.minor
            ? ` ${w.t('sales.at-threshold')}`
            : '';
      return `${padColumns(months[i]!, monthPad)} ${bar} ${padColumns(amounts[i]!, pad)} ${pct}${flag}`.trimEnd();
    })
    .join('\n');
}

export const salesCommands = [
  defineCommand({
    path: ['insurance', 'sales', 'record'],
    summary: 'cmd.insurance.sales.record',
    permission: 'manage',
    args: {
      account: arg.account({ description: 'arg.account.description' }),
      month: arg.period({ description: 'arg.period.description' }),
      amount: arg.money({ description: 'arg.sales-amount' }),
      source: arg.text({ description: 'arg.source', exampleId: 'ex.source', optional: true, max: 100 }),
    },
    handler: async (ctx, args): Promise<Reply> => {
      const w = ctx.words;
      const r = await recordSales(ctx.deps, ctx.scope, args);
      const { section, citations } = checkSection(r.check, ctx.mention, w);
      const previous = r.revision.previous;
      return {
        title: r.through
          ? w.t('sales.recorded.through', {
              amount: w.money(r.revision.amount),
              account: r.account.name,
              month: r.revision.month,
              day: r.through,
            })
          : previous
            ? w.t(
                previous.minor === r.revision.amount.minor
                  ? 'sales.recorded.same'
                  : 'sales.recorded.replaced',
                {
                  amount: w.money(r.revision.amount),
                  account: r.account.name,
                  month: r.revision.month,
                  previous: w.money(previous),
                },
              )
            : w.t('sales.recorded', {
                amount: w.money(r.revision.amount),
                account: r.account.name,
                month: r.revision.month,
              }),
        tone: section.tone ?? 'ok',
        sections: [section],
        citations,
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'sales', 'import'],
    summary: 'cmd.insurance.sales.import',
    permission: 'manage',
    args: {
      account: arg.account({ description: 'arg.account.description' }),
      file: arg.file({ description: 'arg.file.description' }),
    },
    handler: async (ctx, args): Promise<Reply> => {
      const w = ctx.words;
      const { bytes, name } = await fileOf(ctx, args.file, 'error.import.terminal-only');
      const r = await importSales(ctx.deps, ctx.scope, {
        account: args.account,
        text: bytes.toString('utf8'),
        source: name,
      });
      const { section, citations } = checkSection(r.check, ctx.mention, w);
      return {
        title: w.t('sales.imported', { days: r.days, account: r.account.name, from: r.from, to: r.to }),
        tone: section.tone ?? 'ok',
        lines: [
          w.t('sales.imported.counts', { added: r.added, changed: r.changed, unchanged: r.unchanged }),
          w.t('sales.imported.figure'),
        ],
        sections: [section],
        citations,
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'sales', 'list'],
    summary: 'cmd.insurance.sales.list',
    permission: 'read',
    args: { account: arg.account({ description: 'arg.account.description' }) },
    handler: async (ctx, args) => {
      const w = ctx.words;
      const { account, months } = await listSales(ctx.deps, ctx.scope, args.account);
      if (months.length === 0)
        return {
          title: w.t('sales.none.title', { account: account.name }),
          tone: 'info',
          lines: [`/insurance sales record ${account.name} 2026-10 12,480.50`],
        };
      return {
        title: w.t('sales.list.title', { account: account.name }),
        tone: 'info',
        table: {
          columns: [
            w.t('sales.col.month'),
            w.t('sales.col.amount'),
            w.t('sales.col.recorded-on'),
            w.t('sales.col.by'),
            w.t('sales.col.source'),
          ],
          rows: months
            .slice(0, 36)
            .map((r) => [
              w.month(r.month),
              w.money(r.amount),
              w.date(r.recordedOn),
              ctx.mention(r.recordedBy),
              r.days === undefined ? r.source : w.t('sales.source.daily', { days: r.days, source: r.source }),
            ]),
        },
        lines: months.length > 36 ? [w.t('sales.list.more', { shown: 36, count: months.length })] : [],
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'sales', 'history'],
    summary: 'cmd.insurance.sales.history',
    permission: 'read',
    args: {
      account: arg.account({ description: 'arg.account.description' }),
      month: arg.month({ description: 'arg.history-month', optional: true }),
    },
    handler: async (ctx, args): Promise<Reply> => {
      const w = ctx.words;
      if (args.month) {
        const { account, month, revisions, daily, current } = await monthRevisions(
          ctx.deps,
          ctx.scope,
          args.account,
          args.month,
        );
        // Daily sales are not revisions, but they are the month's figure as often as not: say so.
        const lines = daily
          ? [
              w.t('sales.revisions.daily', {
                total: w.money(daily.amount),
                days: daily.days ?? 0,
                through: daily.recordedOn,
                source: daily.source,
              }),
              ...(revisions.length && current
                ? [
                    w.t('sales.revisions.current', {
                      daily: current.days === undefined ? 'no' : 'yes',
                      amount: w.money(current.amount),
                      recordedOn: current.recordedOn,
                    }),
                  ]
                : []),
            ]
          : [];
        return {
          title: w.t('sales.revisions.title', {
            account: account.name,
            month,
            count: revisions.length,
          }),
          tone: 'info',
          table: {
            columns: [
              w.t('sales.col.recorded-on'),
              w.t('sales.col.revision-amount'),
              w.t('sales.col.replaced'),
              w.t('sales.col.by'),
              w.t('sales.col.source'),
            ],
            rows: revisions.map((r) => [
              w.date(r.recordedOn),
              w.money(r.amount),
              r.previous ? w.money(r.previous) : '—',
              ctx.mention(r.recordedBy),
              r.source,
            ]),
          },
          lines,
        };
      }
      // One read for the text bars and the picture.
      const { account, bars, chart, month, currency } = await salesChartData(
        ctx.deps,
        ctx.scope,
        args.account,
      );
      const over = bars.filter((b) => b.amount && b.amount.minor > b.limit.minor).length;
      const limit = bars[bars.length - 1]!.limit;
      const title =
        chart.kind === 'daily'
          ? w.t('chart.daily.title', { account: account.name, month })
          : w.t('chart.monthly.title', { account: account.name });
      const png = await chartPng(chart, {
        title,
        sales: w.t(chart.kind === 'daily' ? 'chart.sales.daily' : 'chart.sales.monthly', { currency }),
        threshold: w.t('chart.threshold', { limit }),
        trigger:
          chart.kind === 'daily' && chart.trigger ? w.t('chart.trigger', { day: chart.trigger }) : undefined,
        deadline:
          chart.kind === 'daily' && chart.deadline
            ? w.t('chart.deadline', { day: chart.deadline })
            : undefined,
        dayFormat: w.t('chart.day-format'),
      });
      return {
        title: w.t('sales.history.title', { account: account.name, limit }),
        tone: over ? 'warn' : 'info',
        // The picture where the platform shows one; the text bars everywhere, as its fallback.
        image: { png, name: `${account.name}-sales-${month}.png`, alt: title },
        preformatted: barChart(bars, w),
        lines: [w.t('sales.history.over', { count: over }), w.t('sales.history.legend')],
      };
    },
  }),
];
