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
  ours: number; // ms
  baselineName: string;
  baseline: number; // ms
  target: string;
  met: boolean | null;
  note?: string;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));

export function table(rows: BenchRow[]): string {
  const head =
    '| операция | наше, мс | базовая линия | базовая, мс | отношение | цель | выполнена |\n|---|---:|---|---:|---:|---|---|';
  const body = rows.map(
    (r) =>
      `| ${r.operation}${r.note ? ` ${r.note}` : ''} | ${ms(r.ours)} | ${r.baselineName} | ${ms(r.baseline)} | ${(r.ours / r.baseline).toFixed(2)}× | ${r.target} | ${r.met === null ? '—' : r.met ? 'да' : 'нет'} |`,
  );
  return [head, ...body].join('\n');
}
