// A school's risk profile as horizontal bars: each factor's value 0–100 coloured by its level, with the two
// thresholds (medium, high) marked. ECharts is loaded with this module only (React.lazy on the profile page),
// and only its bar and scatter charts, grid, tooltip, mark line and the canvas renderer.
import { useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { levelText, type ProfileChartData, riskLevelColours, valueText } from '../lib/diagnosis-format.ts';

echarts.use([BarChart, ScatterChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Height of one factor's row: on a phone the factor's title takes several lines. */
export const profileRowHeight = (narrow: boolean) => (narrow ? 76 : 46);

export default function RiskProfileChart({ data }: { data: ProfileChartData }) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useMantineTheme();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const height = 40 + data.factors.length * profileRowHeight(narrow);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    const labelWidth = () => Math.round(Math.min(320, Math.max(120, el.clientWidth * 0.42)));
    const colour = (i: number) => {
      const level = data.levels[i] ?? 'no-data';
      const shade = level === 'medium' ? 5 : level === 'no-data' ? 4 : 7;
      return theme.colors[riskLevelColours[level]]?.[shade];
    };
    const uniform = data.highs.every((h) => h === data.high) && data.mediums.every((m) => m === data.medium);
    const tick = (values: number[], name: string, color: string | undefined) => ({
      type: 'scatter',
      name,
      data: values.map((v, i) => [v, i]),
      symbol: 'rect',
      symbolSize: [3, 26],
      itemStyle: { color },
      silent: true,
      z: 3,
    });
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: theme.fontFamily },
      grid: { left: 4, right: 40, top: 28, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const { dataIndex } = p as { dataIndex: number };
          const title = data.factors[dataIndex] ?? '';
          const level = data.levels[dataIndex] ?? 'no-data';
          const value = data.values[dataIndex] ?? null;
          return [
            `<b>${escapeHtml(title)}</b>`,
            value === null ? 'нет ответов' : `${valueText(value)} из 100 — ${levelText(level)}`,
            `высокий — от ${valueText(data.highs[dataIndex])}, средний — от ${valueText(data.mediums[dataIndex])}`,
          ].join('<br/>');
        },
      },
      xAxis: { type: 'value', min: 0, max: 100, interval: narrow ? 50 : 20, axisLabel: { fontSize: 12 } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.factors,
        axisTick: { show: false },
        axisLabel: {
          width: labelWidth(),
          interval: 0,
          overflow: 'break',
          lineHeight: narrow ? 13 : 14,
          fontSize: narrow ? 11 : 12,
          color: theme.colors.dark[7],
        },
      },
      series: [
        {
          type: 'bar',
          name: 'Значение',
          barMaxWidth: 22,
          data: data.values.map((v, i) => ({
            value: v ?? 0,
            itemStyle: { color: colour(i) },
            label: {
              show: true,
              position: 'right',
              fontSize: 12,
              color: theme.colors.dark[7],
              formatter: v === null ? 'нет данных' : valueText(v),
            },
          })),
          markLine: uniform
            ? {
                silent: true,
                symbol: 'none',
                // The category axis runs top to bottom (inverse), so a line's start is at the top.
                label: { position: 'start', fontSize: 11, formatter: '{b}' },
                data: [
                  {
                    name: `${narrow ? '' : 'средний '}от ${valueText(data.medium)}`,
                    xAxis: data.medium,
                    lineStyle: { color: theme.colors.yellow[8], type: 'dashed', width: 2 },
                    label: { color: theme.colors.yellow[9] },
                  },
                  {
                    name: `${narrow ? '' : 'высокий '}от ${valueText(data.high)}`,
                    xAxis: data.high,
                    lineStyle: { color: theme.colors.red[8], type: 'dashed', width: 2 },
                    label: { color: theme.colors.red[9] },
                  },
                ],
              }
            : undefined,
        },
        ...(uniform
          ? []
          : [
              tick(data.mediums, 'Порог среднего риска', theme.colors.yellow[8]),
              tick(data.highs, 'Порог высокого риска', theme.colors.red[8]),
            ]),
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
  }, [data, theme, narrow]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={`Рисковый профиль: ${data.description}`}
      data-testid="risk-profile-chart"
      style={{ width: '100%', height }}
    />
  );
}
