// Listed schools by municipality, stacked by category, with the schools not listed in grey so each bar is the
// municipality's whole count. ECharts is loaded with this module only (React.lazy on the run page), and only
// its bar chart, grid, tooltip, legend and canvas renderer, so the first load of the app stays small.
import { useMantineTheme } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { categoryColour, type MunicipalityChartData } from '../lib/identification-format.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export default function MunicipalityChart({ data }: { data: MunicipalityChartData }) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useMantineTheme();
  const height = 64 + data.municipalities.length * 40;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    // Long municipality names break into lines; on a phone they take at most 40 % of the width.
    const labelWidth = () => Math.round(Math.min(250, Math.max(90, el.clientWidth * 0.4)));
    const colour = (category: number | null) =>
      category === null ? theme.colors.gray[3] : theme.colors[categoryColour(category)]?.[6];
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: theme.fontFamily },
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
      grid: { left: 4, right: 16, top: 32, bottom: 4 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const items = params as { dataIndex: number; seriesName: string; value: number; marker: string }[];
          const index = items[0]?.dataIndex ?? 0;
          const lines = items
            .filter((p) => p.value > 0)
            .map((p) => `${p.marker}${escapeHtml(p.seriesName)}: <b>${p.value}</b>`);
          return [
            `<b>${escapeHtml(data.municipalities[index] ?? '')}</b>`,
            escapeHtml(data.listed[index] ?? ''),
            ...lines,
          ].join('<br/>');
        },
      },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12 } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.municipalities,
        axisTick: { show: false },
        axisLabel: {
          width: labelWidth(),
          interval: 0,
          overflow: 'break',
          lineHeight: 14,
          fontSize: 12,
          color: theme.colors.dark[7],
        },
      },
      series: data.series.map((s) => ({
        type: 'bar',
        name: s.name,
        stack: 'schools',
        data: s.data,
        barMaxWidth: 22,
        itemStyle: { color: colour(s.category) },
        emphasis: { focus: 'series' },
      })),
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
  }, [data, theme]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={`Школы по муниципалитетам: ${data.description}`}
      data-testid="municipality-chart"
      style={{ width: '100%', height }}
    />
  );
}
