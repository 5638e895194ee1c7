// Sales against the threshold as a picture, rendered on the server: a Vega-Lite spec, compiled and
// drawn to SVG by Vega (no browser, no canvas), then to PNG by resvg with a font shipped in
// node_modules (no system fonts, no network). Daily data: the month-to-date line, with the trigger
// day and the deadline marked; otherwise monthly bars. Every label comes from the caller's words.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = [join(FONT_DIR, 'DejaVuSans.ttf'), join(FONT_DIR, 'DejaVuSans-Bold.ttf')];
// Chinese labels need a CJK font: Noto Sans SC, loaded only for a chart that has Chinese in it
// (10 MB to parse), resvg falling back to it for the glyphs DejaVu lacks.
const CJK_FONT = join(
  dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json')),
  '400Regular',
  'NotoSansSC_400Regular.ttf',
);
const HAS_CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

export interface ChartLabels {
  readonly title: string;
  readonly sales: string;
  readonly threshold: string;
  readonly trigger?: string | undefined;
  readonly deadline?: string | undefined;
  /** How the day axis writes a day (a d3 time format: "%b %d", "%-m月%-d日"). */
  readonly dayFormat?: string | undefined;
}

export type SalesChart =
  | {
      readonly kind: 'daily';
      /** Month-to-date totals in major units (dollars), by day. */
      readonly points: readonly { day: string; total: number }[];
      readonly threshold: number;
      readonly trigger?: string | undefined;
      readonly deadline?: string | undefined;
    }
  | {
      readonly kind: 'monthly';
      readonly bars: readonly { month: string; total: number }[];
      readonly threshold: number;
    };

function spec(chart: SalesChart, labels: ChartLabels): TopLevelSpec {
  const common = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The whole picture, axes and title included, is exactly CHART_WIDTH × CHART_HEIGHT.
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 8,
    background: 'white',
    title: { text: labels.title, font: 'DejaVu Sans', fontSize: 16 },
    config: { font: 'DejaVu Sans', axis: { labelFontSize: 11, titleFontSize: 12 } },
  } as const;
  // One datum each, so they draw in a layered chart whose other layers bring their own data.
  const rule = {
    data: { values: [{}] },
    mark: { type: 'rule', color: '#c0392b', strokeDash: [6, 4], strokeWidth: 2 },
    encoding: { y: { datum: chart.threshold } },
  } as const;
  const ruleLabel = {
    data: { values: [{}] },
    mark: { type: 'text', align: 'left', dx: 4, dy: -8, color: '#c0392b', fontSize: 11 },
    encoding: { y: { datum: chart.threshold }, x: { value: 0 }, text: { value: labels.threshold } },
  } as const;
  if (chart.kind === 'monthly')
    return {
      ...common,
      data: { values: chart.bars.map((b) => ({ ...b })) },
      layer: [
        {
          mark: { type: 'bar', color: '#2e86c1' },
          encoding: {
            x: { field: 'month', type: 'ordinal', title: null, axis: { labelAngle: 0 } },
            y: { field: 'total', type: 'quantitative', title: labels.sales },
          },
        },
        rule,
        ruleLabel,
      ],
    } as TopLevelSpec;
  const marks = [
    ...(chart.trigger ? [{ day: chart.trigger, label: labels.trigger ?? '' }] : []),
    ...(chart.deadline ? [{ day: chart.deadline, label: labels.deadline ?? '' }] : []),
  ];
  return {
    ...common,
    layer: [
      {
        data: { values: chart.points.map((p) => ({ ...p })) },
        mark: { type: 'line', color: '#2e86c1', strokeWidth: 2, point: true },
        encoding: {
          x: { field: 'day', type: 'temporal', title: null, axis: { format: labels.dayFormat ?? '%b %d' } },
          y: { field: 'total', type: 'quantitative', title: labels.sales },
        },
      },
      rule,
      ruleLabel,
      ...(marks.length
        ? [
            {
              data: { values: marks },
              layer: [
                {
                  mark: { type: 'rule', color: '#7f8c8d', strokeWidth: 1.5 },
                  encoding: { x: { field: 'day', type: 'temporal' } },
                },
                {
                  mark: {
                    type: 'text',
                    angle: 270,
                    align: 'left',
                    dx: 6,
                    dy: -6,
                    color: '#34495e',
                    fontSize: 11,
                  },
                  encoding: {
                    x: { field: 'day', type: 'temporal' },
                    y: { value: CHART_HEIGHT - 120 },
                    text: { field: 'label' },
                  },
                },
              ],
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
}

/** The chart as an SVG document. */
export async function chartSvg(chart: SalesChart, labels: ChartLabels): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec(chart, labels)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG, CHART_WIDTH × CHART_HEIGHT pixels. */
export async function chartPng(chart: SalesChart, labels: ChartLabels): Promise<Buffer> {
  const svg = await chartSvg(chart, labels);
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: CHART_WIDTH },
    font: {
      fontFiles: HAS_CJK.test(
        [labels.title, labels.sales, labels.threshold, labels.trigger, labels.deadline].join(''),
      )
        ? [...FONTS, CJK_FONT]
        : FONTS,
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
    },
    background: 'white',
  }).render();
  return png.asPng();
}
