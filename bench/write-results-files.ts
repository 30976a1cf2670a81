// Writes a synthetic country (or its first regions) as the canonical import files: schools.csv in the
// organisations format and vpr.csv, gia.csv, journal.csv with exactly the columns of `resultColumns`.
//
//   npx tsx bench/write-results-files.ts --out DIR [--regions 1] [--seed 1] [--years 2019,2020,2021]
//
// Regions are generated and written one at a time, so the whole country never sits in memory. Plain UTF-8
// without BOM and LF line ends (our CSV reader takes both; other tools such as psql COPY prefer this), with
// the RFC 4180 quoting of adapters/csv: the adapter's writer builds a whole file in memory, which the national
// results (about 2.5 million rows) should not need.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resultColumns, resultKinds } from '../domain/identification/results.ts';
import { syntheticDefaults, syntheticRegions, syntheticResults } from '../domain/identification/synthetic-results.ts';
import { organisationColumns } from '../domain/organisation-row.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    regions: { type: 'string', default: '1' },
    seed: { type: 'string', default: String(syntheticDefaults.seed) },
    years: { type: 'string', default: syntheticDefaults.years.join(',') },
  },
});
const int = (name: string, raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`--${name}: an integer is expected, got «${raw}»`);
  return n;
};
if (!values.out) {
  console.error(
    'Usage: npx tsx bench/write-results-files.ts --out DIR [--regions 1] [--seed 1] [--years 2019,2020,2021]',
  );
  process.exit(2);
}
const out = values.out;
const regionCount = int('regions', values.regions);
const seed = int('seed', values.seed);
const years = values.years.split(',').map((y) => int('years', y.trim()));

const field = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const line = (cells: (string | number)[]) => `${cells.map(field).join(',')}\n`;
// snake_case column → camelCase field of the record (school_code → schoolCode, below_min → belowMin).
const fieldOf = (column: string) => column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

mkdirSync(out, { recursive: true });
const files = {
  schools: { columns: organisationColumns as readonly string[], fd: 0, rows: 0, name: 'schools.csv' },
  ...Object.fromEntries(
    resultKinds.map((kind) => [
      kind,
      { columns: resultColumns[kind] as readonly string[], fd: 0, rows: 0, name: `${kind}.csv` },
    ]),
  ),
} as Record<
  'schools' | (typeof resultKinds)[number],
  { columns: readonly string[]; fd: number; rows: number; name: string }
>;
for (const file of Object.values(files)) {
  file.fd = openSync(path.join(out, file.name), 'w');
  writeSync(file.fd, line([...file.columns]));
}

const started = performance.now();
const regions = syntheticRegions({ seed, regions: regionCount });
let municipalities = 0;
for (const region of regions) {
  const t0 = performance.now();
  municipalities += region.municipalities.length;
  writeSync(
    files.schools.fd,
    region.schools
      .map((s) => line([s.code, s.name, s.shortName, s.type, s.municipalityCode, region.code, s.urban ? 1 : 0]))
      .join(''),
  );
  files.schools.rows += region.schools.length;
  const results = syntheticResults(region.schools, { seed, years });
  for (const kind of resultKinds) {
    const file = files[kind];
    const rows = results[kind] as unknown as Record<string, string | number>[];
    const keys = file.columns.map(fieldOf);
    writeSync(file.fd, rows.map((row) => line(keys.map((k) => row[k]!))).join(''));
    file.rows += rows.length;
  }
  console.log(
    `${region.code} ${region.name}: ${region.municipalities.length} муниципалитетов, ${region.schools.length} школ, ` +
      `ВПР ${results.vpr.length}, ГИА ${results.gia.length}, журнал ${results.journal.length} строк ` +
      `(${(performance.now() - t0).toFixed(0)} мс)`,
  );
}
for (const file of Object.values(files)) closeSync(file.fd);

console.log(
  `Записано в ${path.resolve(out)} за ${((performance.now() - started) / 1000).toFixed(1)} с ` +
    `(seed ${seed}, годы ${years.join(', ')}; регионов ${regions.length}, муниципалитетов ${municipalities}):`,
);
for (const file of Object.values(files)) console.log(`  ${file.name}: ${file.rows} строк`);
console.log(
  'Регионы и муниципалитеты должны уже быть в справочнике: коды R01…, R01-M001… (syntheticRegions() в domain/identification/synthetic-results.ts).',
);
