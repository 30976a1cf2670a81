// Execution per territory as horizontal bars, lagging first, each bar coloured against the round's threshold,
// with the threshold's bounds as lines. ECharts comes with this module only (React.lazy on round and dashboard
// pages), the same parts MunicipalityChart uses plus the mark line, so the first load stays small.
import { useMantineTheme } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { TerritoryFiguresDto } from '../../contract/execution.ts';
import { compareLagging, percentColour, percentText, thresholdWords } from '../lib/execution-format.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

interface RoundChartProps {
  rows: TerritoryFiguresDto[];
  threshold: { min: number; max: number } | null;
  /** What the bars are, for the accessible name: «муниципалитеты», «школы». */
  what: string;
}

/** Bars of at most this many territories: the tables below list every one. */
const limit = 30;

export default function RoundChart({ rows, threshold, what }: RoundChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useMantineTheme();
  const shown = useMemo(() => [...rows].sort(compareLagging).slice(0, limit), [rows]);
  const height = 48 + shown.length * 30;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    const labelWidth = () => Math.round(Math.min(300, Math.max(110, el.clientWidth * 0.4)));
    const colour = (p: number | null) => theme.colors[percentColour(p, threshold)]?.[6] ?? theme.colors.gray[4];
    // The y axis is inverted (lagging on top), so a vertical line starts at the top: its label goes there.
    const lines = threshold
      ? [...new Set([threshold.min, threshold.max])].map((x) => ({
          xAxis: x,
          label: { formatter: `${x} %`, fontSize: 11, position: 'start' as const },
          lineStyle: { color: theme.colors.gray[6], type: 'dashed' as const },
        }))
      : [];
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: theme.fontFamily },
      grid: { left: 4, right: 48, top: 28, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const t = shown[index];
          if (!t) return '';
          return [
            `<b>${escapeHtml(t.name)}</b>`,
            `Исполнено ${t.done} из ${t.total - t.cancelled} — ${escapeHtml(percentText(t.percent))}`,
            t.overdue > 0 ? `Просрочено: ${t.overdue}` : '',
          ]
            .filter(Boolean)
            .join('<br/>');
        },
      },
      xAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { formatter: '{value} %', fontSize: 11 } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: shown.map((t) => t.name),
        axisTick: { show: false },
        axisLabel: { width: labelWidth(), overflow: 'truncate', fontSize: 12, color: theme.colors.dark[7] },
      },
      series: [
        {
          type: 'bar',
          name: 'Исполнение',
          data: shown.map((t) => ({ value: t.percent ?? 0, itemStyle: { color: colour(t.percent) } })),
          barMaxWidth: 18,
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: (p: { dataIndex: number }) => percentText(shown[p.dataIndex]?.percent ?? null),
          },
          markLine: lines.length ? { symbol: 'none', silent: true, data: lines } : undefined,
        },
      ],
    });
    const observer = new ResizeObserver(() => {
      chart.setOption({ yAxis: { axisLabel: { width: labelWidth() } } });
      chart.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [shown, threshold, theme]);

  const lagging = shown[0];
  const description = [
    `${what}: ${rows.length}`,
    threshold ? `порог ${thresholdWords(threshold)}` : '',
    lagging ? `наименьшее исполнение — ${lagging.name}, ${percentText(lagging.percent)}` : '',
  ]
    .filter(Boolean)
    .join('; ');

  return (
    <div
      ref={ref}
      role="img"
      aria-label={`Исполнение по территориям. ${description}`}
      data-testid="round-chart"
      style={{ width: '100%', height }}
    />
  );
}
