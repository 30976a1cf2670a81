// Timing helpers for benchmarks: medians over repeated runs after a warm-up, and a results table where
// every row carries a baseline measured in the same run, so ratios (not drifting absolute times) count.

export async function median(runs: number, work: () => unknown | Promise<unknown>): Promise<number> {
  await work(); // warm-up: JIT and caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface BenchRow {
  operation: string;
  /** Our figure, in `unit` (milliseconds unless said). */
  ours: number;
  baselineName: string;
  /** The baseline measured in the same run, in the same unit; null where the target is absolute only. */
  baseline: number | null;
  target: string;
  met: boolean | null;
  note?: string;
  unit?: string;
}

const figure = (x: number, unit: string) => `${x >= 100 ? x.toFixed(0) : x.toFixed(2)} ${unit}`;

export function table(rows: BenchRow[]): string {
  const head =
    '| операция | наше | базовая линия | базовая | отношение | цель | выполнена |\n|---|---:|---|---:|---:|---|---|';
  const body = rows.map((r) => {
    const unit = r.unit ?? 'мс';
    const ratio = r.baseline === null ? '—' : `${(r.ours / r.baseline).toFixed(2)}×`;
    return `| ${r.operation}${r.note ? ` ${r.note}` : ''} | ${figure(r.ours, unit)} | ${r.baselineName} | ${r.baseline === null ? '—' : figure(r.baseline, unit)} | ${ratio} | ${r.target} | ${r.met === null ? '—' : r.met ? 'да' : 'нет'} |`;
  });
  return [head, ...body].join('\n');
}
