// Sales by day: the exact trigger day from daily figures, month-to-date typing, report imports (CSV
// and Amazon's JSON) with good and bad files, re-imports that change nothing, and revisions.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOrderOf, ReportError, readSalesReport, reportDate } from '../../src/app/sales-report.ts';
import type { Store } from '../../src/store/db.ts';
import { coverwatch } from '../support/cli.ts';
import { type Harness, harness } from '../support/harness.ts';
import { describeEngines, freshStore } from '../support/stores.ts';

const dir = mkdtempSync(join(tmpdir(), 'coverwatch-sales-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Business Report by date as Seller Central writes it: US dates, dollars, quoted thousands. */
function businessReport(days: [string, number][]): string {
  const header =
    '"Date","Ordered Product Sales","Ordered Product Sales - B2B","Units Ordered","Units Ordered - B2B","Total Order Items"';
  const rows = days.map(([day, cents]) => {
    const [y, m, d] = day.split('-');
    const dollars = `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    return `"${Number(m)}/${Number(d)}/${y}","${dollars}","$0.00","12","0","11"`;
  });
  return `${header}\n${rows.join('\n')}\n`;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** November 2026, 600 dollars a day: the month-to-date total passes 10,000 on the 17th (10,200). */
const november = Array.from({ length: 20 }, (_, i): [string, number] => [
  `2026-11-${String(i + 1).padStart(2, '0')}`,
  60_000,
]);

describeEngines('daily sales', (engine) => {
  let store: Store;
  let h: Harness;
  beforeAll(async () => {
    store = await freshStore(engine);
    h = harness(store, '2026-11-21T20:00:00.000Z');
  });
  afterAll(() => store?.close());

  it('crossing on the 17th: required from the 17th, deadline 30 days later, and said to be exact', async () => {
    const ctx = await h.context({ tenant: `T-daily-${engine}`, platform: 'shell' });
    await h.run(ctx, '/insurance account add daily-us US');
    const r = await h.run(
      ctx,
      `/insurance sales import daily-us ${file('nov.csv', businessReport(november))}`,
    );
    expect(r.title).toBe('Imported 20 days of sales for daily-us (2026-11-01 to 2026-11-20)');
    expect(r.text).toContain('20 new, 0 changed, 0 already on record.');
    expect(r.text).toContain('Figure used: ordered product sales by day');
    const check = await h.run(ctx, '/insurance check daily-us');
    expect(check.text).toContain('triggered on 2026-11-17');
    expect(check.text).toContain('That is the first day your daily sales took the month over the threshold.');
    expect(check.text).toContain('2026-12-17');
    // The month's figure says which day it runs through: the last day imported, not today.
    expect(check.text).toContain(
      'Sales 2026-11\nUSD 12,000.00 through 2026-11-20 — 120% of USD 10,000, over it',
    );
    // The day before, the same records say not yet.
    const before = await h.run(ctx, '/insurance check daily-us as-of:2026-11-16');
    expect(before.title).toContain('Not required');
    expect(before.text).toContain('Sales 2026-11\nUSD 9,600.00 through 2026-11-16 — 96% of USD 10,000\n');
  });

  it('approaching: the answer projects the day the month passes the threshold at its pace', async () => {
    const ctx = await h.context({ tenant: `T-pace-${engine}`, platform: 'shell' });
    await h.run(ctx, '/insurance account add pace-us US');
    const tenDays = november.slice(0, 10).map(([d]): [string, number] => [d, 80_000]);
    await h.run(ctx, `/insurance sales import pace-us ${file('pace.csv', businessReport(tenDays))}`);
    // 8,000 through the 10th: 800 a day, over 10,000 on the 13th (10,400).
    const check = await h.run(ctx, '/insurance check pace-us as-of:2026-11-10');
    expect(check.text).toContain('At this pace you cross USD 10,000 around 2026-11-13.');
    // Eleven days on, nothing newer imported: the figure still says it is the 10th's.
    expect((await h.run(ctx, '/insurance check pace-us')).text).toContain(
      'USD 8,000.00 through 2026-11-10 — 80% of USD 10,000',
    );
  });

  it('re-importing the same file changes nothing; a corrected day is a revision', async () => {
    const ctx = await h.context({ tenant: `T-daily-${engine}`, platform: 'shell' });
    const before = await h.counts();
    const again = await h.run(
      ctx,
      `/insurance sales import daily-us ${file('nov.csv', businessReport(november))}`,
    );
    expect(again.text).toContain('0 new, 0 changed, 20 already on record.');
    expect((await h.counts()).sales_days).toBe(before.sales_days);
    // Nov 3 was really 2,000: the month crosses on the 15th now.
    const corrected = november.map(([d, c]): [string, number] => [d, d === '2026-11-03' ? 200_000 : c]);
    const r = await h.run(
      ctx,
      `/insurance sales import daily-us ${file('nov2.csv', businessReport(corrected))}`,
    );
    expect(r.text).toContain('0 new, 1 changed, 19 already on record.');
    expect((await h.run(ctx, '/insurance check daily-us')).text).toContain('triggered on 2026-11-15');
  });

  it('list and history show daily sales as the month figure the check uses, until a later typed figure', async () => {
    const ctx = await h.context({ tenant: `T-listing-${engine}`, platform: 'shell' });
    await h.run(ctx, '/insurance account add list-us US');
    await h.run(ctx, `/insurance sales import list-us ${file('list.csv', businessReport(november))}`);
    // 20 days of 600 dollars: 12,000 through the 20th, the figure the check says is over.
    const list = await h.run(ctx, '/insurance sales list list-us');
    expect(list.table?.rows).toEqual([
      ['2026-11', 'USD 12,000.00', '2026-11-20', '@U1', 'sum of 20 days (business-report-csv:list.csv)'],
    ]);
    const bars = await h.run(ctx, '/insurance sales history list-us');
    expect(bars.preformatted).toMatch(/2026-11 [█|·]+ USD 12,000\.00 +120% over/);
    expect(bars.text).toContain('1 month over the threshold.');
    const month = await h.run(ctx, '/insurance sales history list-us 2026-11');
    expect(month.text).toContain(
      'Daily sales: USD 12,000.00 over 20 days, through 2026-11-20 (business-report-csv:list.csv).',
    );
    // A total typed the next day is recorded later: it is the month's figure now, for the rules too.
    await h.run(ctx, '/insurance sales record list-us 2026-11 11,500');
    expect((await h.run(ctx, '/insurance sales list list-us')).table?.rows[0]?.slice(0, 2)).toEqual([
      '2026-11',
      'USD 11,500.00',
    ]);
    expect((await h.run(ctx, '/insurance sales history list-us 2026-11')).text).toContain(
      'The figure the rules use is USD 11,500.00, typed on 2026-11-21.',
    );
    expect((await h.run(ctx, '/insurance check list-us')).text).toContain('USD 11,500.00');
    // A month-to-date figure typed for a day before the last daily one is older: daily sales stay.
    await h.run(ctx, '/insurance account add mtd-us US');
    await h.run(ctx, `/insurance sales import mtd-us ${file('mtd.csv', businessReport(november))}`);
    await h.run(ctx, '/insurance sales record mtd-us 2026-11-10 5,000');
    expect((await h.run(ctx, '/insurance sales list mtd-us')).table?.rows[0]?.[1]).toBe('USD 12,000.00');
  });

  it('a JSON sales and traffic report is read the same way, cents exact', async () => {
    const ctx = await h.context({ tenant: `T-json-${engine}`, platform: 'shell' });
    await h.run(ctx, '/insurance account add json-us US');
    const doc = {
      reportSpecification: { reportType: 'GET_SALES_AND_TRAFFIC_REPORT', dataStartTime: '2026-10-01' },
      salesAndTrafficByDate: [
        {
          date: '2026-10-01',
          salesByDate: { orderedProductSales: { amount: 9999.99, currencyCode: 'USD' } },
        },
        { date: '2026-10-02', salesByDate: { orderedProductSales: { amount: 0.02, currencyCode: 'USD' } } },
      ],
    };
    const r = await h.run(ctx, `/insurance sales import json-us ${file('oct.json', JSON.stringify(doc))}`);
    expect(r.title).toBe('Imported 2 days of sales for json-us (2026-10-01 to 2026-10-02)');
    // 9,999.99 + 0.02 = 10,000.01: over by one cent on the 2nd.
    expect((await h.run(ctx, '/insurance check json-us')).text).toContain('triggered on 2026-10-02');
  });

  it('a bad file is refused with the row and column, and nothing is written', async () => {
    const ctx = await h.context({ tenant: `T-bad-${engine}`, platform: 'shell' });
    await h.run(ctx, '/insurance account add bad-us US');
    const before = await h.counts();
    const badAmount = businessReport(november).replace('"11/5/2026","$600.00"', '"11/5/2026","$6OO.00"');
    const r = await h.run(ctx, `/insurance sales import bad-us ${file('bad.csv', badAmount)}`);
    expect(r.title).toBe(
      'file: row 5, column "Ordered Product Sales": "$6OO.00" is not an amount; the report writes amounts like $1,234.56.',
    );
    const badDate = businessReport(november).replace('"11/7/2026"', '"11/31/2026"');
    expect((await h.run(ctx, `/insurance sales import bad-us ${file('bad2.csv', badDate)}`)).title).toBe(
      'file: row 7, column "Date": "11/31/2026" is not a date; the report writes dates like 11/15/2026.',
    );
    const future = businessReport([...november, ['2026-11-22', 100]]);
    expect((await h.run(ctx, `/insurance sales import bad-us ${file('future.csv', future)}`)).title).toBe(
      '2026-11-22 has not come yet (today is 2026-11-21 for bad-us, in America/Los_Angeles).',
    );
    expect(
      (await h.run(ctx, `/insurance sales import bad-us ${file('orders.csv', 'order-id,sku\n1,a\n')}`)).title,
    ).toContain('the CSV has no "Date" column');
    expect((await h.run(ctx, `/insurance sales import bad-us ${join(dir, 'missing.csv')}`)).title).toBe(
      `file: there is no file at ${join(dir, 'missing.csv')}.`,
    );
    expect(await h.counts()).toEqual(before);
  });

  it('a path is only taken at the terminal: in Slack it names nothing on the server', async () => {
    const ctx = await h.context({ tenant: `T-slack-${engine}`, platform: 'slack' });
    await h.run(ctx, '/insurance account add path-us US');
    const r = await h.run(ctx, '/insurance sales import path-us /etc/passwd');
    expect(r.title).toContain('In Slack, share the report file in a message, then use “Import sales report”');
    expect(r.text).not.toContain('root:');
  });

  it('a month-to-date figure: "by Nov 15, 10,200" counts from the 15th, and Amazon may be earlier', async () => {
    const ctx = await h.context({ tenant: `T-mtd-${engine}` });
    await h.run(ctx, '/insurance account add mtd-us US');
    const r = await h.run(ctx, '/insurance sales record mtd-us 2026-11-15 10,200.00');
    expect(r.title).toBe('Recorded USD 10,200.00 for mtd-us: 2026-11 so far, through 2026-11-15');
    const check = await h.run(ctx, '/insurance check mtd-us');
    expect(check.text).toContain('triggered on 2026-11-15');
    expect(check.text).toContain('USD 10,200.00 through 2026-11-15 — 102% of USD 10,000');
    expect(check.text).toContain('which may be earlier');
    expect((await h.run(ctx, '/insurance sales record mtd-us 2026-11-22 1')).title).toBe(
      '2026-11-22 has not come yet (today is 2026-11-21 for mtd-us, in America/Los_Angeles).',
    );
    expect((await h.run(ctx, '/insurance sales record mtd-us 2026-11-31 1')).title).toContain(
      'is not a month or a day',
    );
  });
});

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (png: Buffer) => ({
  png: png.subarray(1, 4).toString(),
  width: png.readUInt32BE(16),
  height: png.readUInt32BE(20),
});

describe('the sales chart', () => {
  it('daily data: an 800 × 400 PNG of this month; the terminal writes it and prints its path', async () => {
    const store = await freshStore('sqlite');
    try {
      const h = harness(store, '2026-11-21T20:00:00.000Z');
      const ctx = await h.context({ tenant: 'T-chart', platform: 'shell' });
      await h.run(ctx, '/insurance account add chart-us US');
      await h.run(ctx, `/insurance sales import chart-us ${file('chart.csv', businessReport(november))}`);
      const r = await h.run(ctx, '/insurance sales history chart-us');
      expect(r.image?.name).toBe('chart-us-sales-2026-11.png');
      expect(r.image?.alt).toBe('chart-us — 2026-11, month to date');
      expect(pngSize(r.image!.png)).toEqual({ png: 'PNG', width: 800, height: 400 });
      // The text bars stay, as the fallback where no picture can be shown.
      expect(r.preformatted).toContain('|');
      const empty = await h.context({ tenant: 'T-chart2', platform: 'shell' });
      await h.run(empty, '/insurance account add months-us US');
      const monthly = await h.run(empty, '/insurance sales history months-us');
      expect(monthly.image?.alt).toBe('months-us — the last 12 months');
      expect(pngSize(monthly.image!.png)).toEqual({ png: 'PNG', width: 800, height: 400 });
    } finally {
      await store.close();
    }
  });

  it('coverwatch shell writes the chart to COVERWATCH_CHART_DIR and prints where', async () => {
    const db = join(dir, 'shell.sqlite');
    const charts = join(dir, 'charts');
    const run = await coverwatch(
      ['shell'],
      [
        '/insurance account add shell-us US',
        `/insurance sales import shell-us ${file('shell.csv', businessReport(november))}`,
        '/insurance sales history shell-us',
      ].join('\n'),
      { DATABASE_URL: db, COVERWATCH_CHART_DIR: charts, COVERWATCH_NOW: '2026-11-21T20:00:00Z' },
    );
    expect(run.stderr).toBe('');
    const path = join(charts, 'shell-us-sales-2026-11.png');
    expect(run.stdout).toContain(`Chart: ${path}`);
    expect(pngSize(readFileSync(path))).toEqual({ png: 'PNG', width: 800, height: 400 });
  });
});

describe('report files', () => {
  it('reads US dates in both year forms and ISO dates; refuses impossible ones', () => {
    expect(reportDate('11/5/2026')).toBe('2026-11-05');
    expect(reportDate('11/05/26')).toBe('2026-11-05');
    expect(reportDate('2026-11-05')).toBe('2026-11-05');
    expect(reportDate('2/29/2026')).toBeUndefined();
    expect(reportDate('13/1/2026')).toBeUndefined();
    // Day first (the UK's and Europe's), with slashes or points, and the year first (Japan's).
    expect(reportDate('15/11/2026', 'day-first')).toBe('2026-11-15');
    expect(reportDate('5.11.26', 'day-first')).toBe('2026-11-05');
    expect(reportDate('2026/11/5', 'day-first')).toBe('2026-11-05');
    expect(reportDate('2026/11/5')).toBe('2026-11-05');
    expect(reportDate('11/15/2026', 'day-first')).toBeUndefined();
  });

  it('takes the order of a file’s dates from the file: consecutive days, or a date only one order reads', () => {
    // Both orders read every date; only one makes a row a day.
    expect(dateOrderOf(['01/11/2026', '02/11/2026', '03/11/2026'], 'USD')).toBe('day-first');
    expect(dateOrderOf(['11/01/2026', '11/02/2026'], 'EUR')).toBe('month-first');
    expect(dateOrderOf(['03/11/2026', '02/11/2026'], 'USD')).toBe('day-first'); // newest first
    // Only one order can read 13/11: the file's, however its other rows run.
    expect(dateOrderOf(['12/11/2026', '13/11/2026'], 'USD')).toBe('day-first');
    expect(dateOrderOf(['11/12/2026', '11/13/2026'], 'GBP')).toBe('month-first');
    // Nothing to tell by: the store's custom.
    for (const [currency, order] of [
      ['USD', 'month-first'],
      ['CAD', 'month-first'],
      ['GBP', 'day-first'],
      ['EUR', 'day-first'],
      ['MXN', 'day-first'],
      ['JPY', 'day-first'],
    ] as const)
      expect(dateOrderOf(['05/11/2026'], currency), currency).toBe(order);
    expect(dateOrderOf(['05/11/2026', '05/11/2026'], 'USD')).toBe('month-first');
    expect(dateOrderOf(['05/11/2026', '07/11/2026'], 'EUR')).toBe('day-first');
  });

  it('a European Business Report: days first, euros with a decimal comma, each on its own day', () => {
    const csv = [
      '"Date","Ordered Product Sales"',
      '"01/11/2026","1.234,56 €"',
      '"02/11/2026","980,00 €"',
      '"03/11/2026","12.000,00 €"',
    ].join('\n');
    expect(readSalesReport(csv, 'EUR').days).toEqual([
      { day: '2026-11-01', amount: { minor: 123_456, currency: 'EUR' } },
      { day: '2026-11-02', amount: { minor: 98_000, currency: 'EUR' } },
      { day: '2026-11-03', amount: { minor: 1_200_000, currency: 'EUR' } },
    ]);
  });

  it('a Business Report downloaded with Seller Central in Chinese: its columns by their Chinese names', () => {
    const csv = [
      '"日期","已订购商品销售额","已订购商品的销售额 - B2B","订购的数量"',
      '"11/3/2026","US$1,234.56","US$0.00","12"',
      '"11/4/2026","US$980.00","US$100.00","9"',
    ].join('\n');
    // The B2B column beside it is not the figure: the total already includes it.
    expect(readSalesReport(csv, 'USD').days).toEqual([
      { day: '2026-11-03', amount: { minor: 123_456, currency: 'USD' } },
      { day: '2026-11-04', amount: { minor: 98_000, currency: 'USD' } },
    ]);
  });

  it('refuses a day given twice, another currency, and JSON that is not the report', () => {
    const twice = businessReport([
      ['2026-11-01', 100],
      ['2026-11-01', 200],
    ]);
    expect(() => readSalesReport(twice, 'USD')).toThrow(ReportError);
    expect(() => readSalesReport(twice, 'USD')).toThrow(/same-day-twice.*"row":2,"first":1/);
    const cad = JSON.stringify({
      reportSpecification: { reportType: 'GET_SALES_AND_TRAFFIC_REPORT' },
      salesAndTrafficByDate: [
        { date: '2026-11-01', salesByDate: { orderedProductSales: { amount: 1, currencyCode: 'CAD' } } },
      ],
    });
    expect(() => readSalesReport(cad, 'USD')).toThrow(/other-currency/);
    expect(() => readSalesReport('{"orders": []}', 'USD')).toThrow(/not-a-report/);
  });

  it('a BOM, blank lines and quoted thousands are what Seller Central writes: read as given', () => {
    const text = `\uFEFF${businessReport([['2026-11-01', 1_248_050]])}\n\n`;
    expect(readSalesReport(text, 'USD').days).toEqual([
      { day: '2026-11-01', amount: { minor: 1_248_050, currency: 'USD' } },
    ]);
  });
});
