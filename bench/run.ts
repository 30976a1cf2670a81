// `npm run bench`: runs every benchmark, prints the table and writes bench/results.md.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchIdentification } from './identification.ts';
import { table } from './measure.ts';
import { benchReadProgrammes } from './read-programmes.ts';

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);

const sections: { title: string; rows: Awaited<ReturnType<typeof benchReadProgrammes>>; note?: string }[] = [
  { title: 'Чтение документов программ', rows: await benchReadProgrammes() },
  // OPORA_BENCH_REGIONS limits the country for a quick look; the published table is for all 85 regions.
  {
    title: 'Выявление ШНОР по всей стране (bench/identification)',
    rows: await benchIdentification(
      process.env.OPORA_BENCH_REGIONS ? Number(process.env.OPORA_BENCH_REGIONS) : undefined,
    ),
  },
];
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

const md = [
  '# Результаты измерений',
  '',
  `Запуск: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; Node ${process.version}; ${os.cpus().length} ядра; пиковая память процесса ${(peak / 1024 / 1024).toFixed(0)} МБ.`,
  'Время — медиана повторных запусков после прогрева. Отношение к базовой линии, измеренной в том же запуске, важнее абсолютного времени.',
  '',
  ...sections.flatMap((s) => [`## ${s.title}`, '', table(s.rows), '', ...(s.note ? [s.note, ''] : [])]),
].join('\n');
writeFileSync(path.join(import.meta.dirname, 'results.md'), md);
console.log(md);
