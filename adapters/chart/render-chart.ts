// Charts for exported documents, drawn on the server: Apache ECharts lays the chart out as SVG (its server-side
// renderer needs no DOM and no canvas), and resvg rasterises the SVG into a PNG that Word shows everywhere — an SVG
// in a DOCX needs a PNG fallback anyway, and LibreOffice and old Word print only that.
//
// Every chart is laid out at one design width and scaled to the requested pixels, so that a chart looks the same
// whatever its resolution: a 1600 px wide picture printed 16 cm wide has the type of a 800 px one, only sharper.
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { formatPercent } from '../../domain/identification/methodology.ts';
import { ruDate } from '../docx/write-programme.ts';

export interface ChartThreshold {
  min: number;
  max: number;
}

interface ChartFrame {
  title: string;
  /** '%' draws a 0–100 axis; any other unit is appended to the values as written («ед.»). */
  unit?: string;
  /** Drawn as a shaded band between two dashed lines (one line when min = max). */
  threshold?: ChartThreshold | null;
  /** Of the PNG, in pixels. */
  width?: number;
  height?: number;
}

export interface BarChartOptions extends ChartFrame {
  categories: string[];
  values: number[];
}

export interface LineChartOptions extends ChartFrame {
  /** ISO dates (yyyy-mm-dd), shown as ДД.ММ.ГГГГ. */
  dates: string[];
  /** null: no value at that date (a gap in the line). */
  values: (number | null)[];
}

/** The width the layout is made for; the PNG is this scaled to the requested width. */
const designWidth = 800;
/** Twice the design width: sharp when printed across an A4 page (about 250 dpi at 16 cm). */
export const defaultChartWidth = 1600;

// Print-friendly colours: distinct in greyscale too (a bar below the threshold is darker than one above it).
const colours = {
  bar: '#4c8bd6',
  below: '#c0392b',
  line: '#1f5fa8',
  threshold: '#2b8a3e',
  band: 'rgba(43, 138, 62, 0.10)',
  text: '#212529',
  axis: '#868e96',
};
const fontFamily = 'DejaVu Sans';

/** «33,3 %», «5 ед.». */
function valueText(value: number, unit: string | undefined): string {
  const number = formatPercent(value);
  return unit ? `${number} ${unit}` : number;
}

/** «30–40 %», or «30 %» when the band is a single value. */
function thresholdRange(t: ChartThreshold, unit: string | undefined): string {
  const range = t.min === t.max ? formatPercent(t.min) : `${formatPercent(t.min)}–${formatPercent(t.max)}`;
  return unit ? `${range} ${unit}` : range;
}

/** The threshold as marks on the value axis: a light band from min to max and a dashed line at each end. */
function thresholdMarks(
  t: ChartThreshold | null | undefined,
  axis: 'xAxis' | 'yAxis',
  unit: string | undefined,
  labelAt: 'start' | 'end',
) {
  if (!t) return {};
  const ends = t.min === t.max ? [t.min] : [t.min, t.max];
  return {
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: colours.threshold, type: 'dashed', width: 1.5 },
      label: {
        position: labelAt,
        color: colours.threshold,
        fontSize: 11,
        formatter: (p: { value: number }) => valueText(Number(p.value), unit),
      },
      data: ends.map((v) => ({ [axis]: v })),
    },
    ...(ends.length === 2
      ? {
          markArea: {
            silent: true,
            itemStyle: { color: colours.band },
            data: [[{ [axis]: t.min }, { [axis]: t.max }]],
          },
        }
      : {}),
  };
}

/** The title on top, with what the dashed lines mean under it when there are any. */
function titleOption(frame: ChartFrame) {
  return {
    text: frame.title,
    subtext: frame.threshold ? `пунктир — пороговое значение ${thresholdRange(frame.threshold, frame.unit)}` : '',
    left: 0,
    top: 0,
    textStyle: { fontSize: 15, fontWeight: 'bold', color: colours.text, width: designWidth - 10, overflow: 'break' },
    subtextStyle: { fontSize: 12, color: colours.threshold },
  } as const;
}

/** Room the title takes: long titles break into lines of about 80 characters at 15 px. */
function titleHeight(frame: ChartFrame): number {
  const lines = Math.max(1, Math.ceil(frame.title.length / 80));
  return 12 + lines * 20 + (frame.threshold ? 22 : 0);
}

/**
 * ECharts breaks a name only between words; a word wider than the label column (a code, a pasted link) would run
 * off the picture's left edge, so it is cut into pieces that fit.
 */
const breakLongWords = (name: string): string =>
  name.replace(/\S{25,}/g, (word) => (word.match(/.{1,24}/gu) ?? [word]).join('\n'));

/**
 * A percentage axis runs 0–100, so that rounds and municipalities compare by eye (further only for a share above
 * 100, as an indicator overshooting its target may have); other units fit the data.
 */
const valueAxisRange = (unit: string | undefined) =>
  unit === '%'
    ? { min: 0, max: (extent: { max: number }) => Math.max(100, Math.ceil(extent.max / 10) * 10) }
    : { min: 0 };

/** The chart laid out at the design width, as SVG: the height is the PNG's scaled down by the same factor. */
function chartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: designWidth,
    height: (height * designWidth) / width,
  });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily, color: colours.text },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function rasterise(svg: string, width: number): Uint8Array {
  const png = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: fontFamily },
    fitTo: { mode: 'width', value: width },
  })
    .render()
    .asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

function checkSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 100 || height < 100)
    throw new RangeError(`chart size must be whole pixels, at least 100×100: ${width}×${height}`);
}

/**
 * Horizontal bars, one per category, top to bottom in the given order: long Russian names («Гурьевский
 * муниципальный округ») read on the left instead of slanting under the bars. Bars below the threshold's lower end
 * are red. The default height gives each bar room for a name broken into two lines.
 */
function barChart(options: BarChartOptions): { svg: string; width: number } {
  const { categories, values, unit, threshold } = options;
  if (categories.length !== values.length) throw new RangeError('one value per category');
  const width = options.width ?? defaultChartWidth;
  const scale = width / designWidth;
  const top = titleHeight(options) + (threshold ? 24 : 10);
  const height = options.height ?? Math.round((top + 30 + Math.max(1, categories.length) * 42) * scale);
  checkSize(width, height);
  const labelWidth = 250;
  const svg = chartSvg(
    {
      title: titleOption(options),
      grid: { left: labelWidth + 12, right: 70, top, bottom: 28 },
      xAxis: {
        type: 'value',
        ...valueAxisRange(unit),
        axisLabel: { fontSize: 11, color: colours.axis, formatter: (v: number) => formatPercent(v) },
        splitLine: { lineStyle: { color: '#e9ecef' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: categories.map(breakLongWords),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: colours.axis } },
        axisLabel: {
          width: labelWidth,
          overflow: 'break',
          interval: 0,
          fontSize: 12,
          lineHeight: 15,
          color: colours.text,
        },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 24,
          data: values.map((value) => ({
            value,
            itemStyle: { color: threshold && value < threshold.min ? colours.below : colours.bar },
          })),
          label: {
            show: true,
            position: 'right',
            fontSize: 12,
            color: colours.text,
            formatter: (p: { value: number }) => valueText(Number(p.value), unit),
          },
          // The category axis runs top-down, so the lines start at the top: their labels stay clear of the ticks.
          ...thresholdMarks(threshold, 'xAxis', unit, 'start'),
        },
      ],
    },
    width,
    height,
  );
  return { svg, width };
}

/** A line through the rounds, dated ДД.ММ.ГГГГ along the bottom, each point labelled with its value. */
function lineChart(options: LineChartOptions): { svg: string; width: number } {
  const { dates, values, unit, threshold } = options;
  if (dates.length !== values.length) throw new RangeError('one value per date');
  const width = options.width ?? defaultChartWidth;
  const height = options.height ?? Math.round(width * 0.45);
  checkSize(width, height);
  const top = titleHeight(options) + 16;
  const svg = chartSvg(
    {
      title: titleOption(options),
      grid: { left: 48, right: 40, top, bottom: 36 },
      xAxis: {
        type: 'category',
        data: dates.map((d) => ruDate(d)),
        boundaryGap: dates.length < 2 ? true : ['8%', '8%'],
        axisTick: { alignWithLabel: true },
        axisLine: { lineStyle: { color: colours.axis } },
        axisLabel: { fontSize: 12, color: colours.text, interval: 0 },
      },
      yAxis: {
        type: 'value',
        ...valueAxisRange(unit),
        axisLabel: { fontSize: 11, color: colours.axis, formatter: (v: number) => formatPercent(v) },
        splitLine: { lineStyle: { color: '#e9ecef' } },
      },
      series: [
        {
          type: 'line',
          data: values,
          connectNulls: false,
          symbol: 'circle',
          symbolSize: 8,
          lineStyle: { color: colours.line, width: 2.5 },
          itemStyle: { color: colours.line },
          label: {
            show: true,
            position: 'top',
            fontSize: 12,
            color: colours.text,
            formatter: (p: { value: number }) => valueText(Number(p.value), unit),
          },
          ...thresholdMarks(threshold, 'yAxis', unit, 'end'),
        },
      ],
    },
    width,
    height,
  );
  return { svg, width };
}

/** The bar chart as a PNG of the requested size (by default 1600 px wide, as tall as its bars need). */
export function barChartPng(options: BarChartOptions): Uint8Array {
  const { svg, width } = barChart(options);
  return rasterise(svg, width);
}

/** The SVG the bar chart's PNG is drawn from, laid out at the design width. */
export const barChartSvg = (options: BarChartOptions): string => barChart(options).svg;

/** The line chart as a PNG of the requested size (by default 1600 × 720 px). */
export function lineChartPng(options: LineChartOptions): Uint8Array {
  const { svg, width } = lineChart(options);
  return rasterise(svg, width);
}

/** The SVG the line chart's PNG is drawn from, laid out at the design width. */
export const lineChartSvg = (options: LineChartOptions): string => lineChart(options).svg;

/** The size a PNG declares in its IHDR chunk, which always comes first (ISO/IEC 15948 §11.2.2). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) throw new RangeError('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
