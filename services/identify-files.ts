// Identification straight from files, without a database: `opora identify --schools … --vpr …`. The same
// readers and the same rules as the server; every problem of every file is reported before anything runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readTable } from '../adapters/table/read-table.ts';
import { columnLetter } from '../domain/cell-address.ts';
import { DomainError, type Problem } from '../domain/errors.ts';
import { type IdentificationOutcome, identifySchools, type SchoolVerdict } from '../domain/identification/identify.ts';
import type { Methodology, MethodologyDefinition } from '../domain/identification/methodology.ts';
import { checkDefinition } from '../domain/identification/methodology.ts';
import { presetByCode, presets } from '../domain/identification/presets.ts';
import { readResults } from '../domain/identification/read-results.ts';
import type { IdentificationSchool, ResultKind, ResultsByKind } from '../domain/identification/results.ts';
import { readOrganisationType } from '../domain/organisation-types.ts';
import { mapHeaders } from './import-organisations.ts';

export interface IdentifyFiles {
  schools: string;
  vpr?: string;
  gia?: string;
  journal?: string;
}

/** A file's problems with the file named, so that one report covers all of them. */
const inFile = (file: string, problems: Problem[]): Problem[] =>
  problems.map((p) => ({ ...p, message: `${path.basename(file)}: ${p.message}` }));

/** Schools of a file in the organisations import format; support organisations are skipped. */
export async function readSchoolsFile(file: string): Promise<{ schools: IdentificationSchool[]; problems: Problem[] }> {
  const table = await readTable(path.basename(file), readFileSync(file));
  const { index, problems } = mapHeaders(table.headers);
  const schools: IdentificationSchool[] = [];
  if (problems.length) return { schools, problems: inFile(file, problems) };
  const cell = (cells: string[], column: 'code' | 'name' | 'short_name' | 'type' | 'municipality') => {
    const i = index.get(column);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const code = cell(r.cells, 'code');
    const typeText = cell(r.cells, 'type');
    const type = readOrganisationType(typeText);
    const at = (column: 'code' | 'type') => `${columnLetter(index.get(column) ?? 0)}${r.row}`;
    if (!code) {
      problems.push({ row: r.row, column: 'code', cell: at('code'), message: 'Не указан код организации.' });
      continue;
    }
    if (!type) {
      problems.push({ row: r.row, column: 'type', cell: at('type'), message: `Тип «${typeText}» не распознан.` });
      continue;
    }
    if (type.kind !== 'school') continue;
    const first = seen.get(code);
    if (first !== undefined) {
      problems.push({
        row: r.row,
        column: 'code',
        cell: at('code'),
        message: `Код «${code}» уже встречается в строке ${first}.`,
      });
      continue;
    }
    seen.set(code, r.row);
    schools.push({
      code,
      name: cell(r.cells, 'short_name') || cell(r.cells, 'name') || code,
      type: type.type,
      municipality: cell(r.cells, 'municipality'),
    });
  }
  return { schools, problems: inFile(file, problems) };
}

/** A shipped preset by code, or a JSON file with a methodology ({ code, title, definition }) or a bare definition. */
export function methodologyFrom(ref: string): Methodology {
  const preset = presetByCode(ref);
  if (preset) return preset;
  if (!ref.toLowerCase().endsWith('.json'))
    throw new DomainError(
      'not_found',
      `Методика «${ref}» не найдена. Поставляемые методики: ${presets.map((p) => p.code).join(', ')}; или укажите файл .json с методикой.`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(ref, 'utf8'));
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw e;
    throw new DomainError('validation.failed', `Файл методики «${ref}» не является JSON.`);
  }
  const object = parsed as Partial<Methodology> & Partial<MethodologyDefinition>;
  const definition = (object.definition ?? object) as MethodologyDefinition;
  const problems =
    Array.isArray(definition.rules) && Array.isArray(definition.procedures)
      ? checkDefinition(definition)
      : ['В файле нет правил (rules) и процедур (procedures) методики.'];
  if (problems.length)
    throw new DomainError('validation.failed', `Методика «${ref}» не принята: ${problems.join(' ')}`);
  const code = object.code ?? path.basename(ref, '.json');
  return { code, title: object.title ?? code, source: object.source ?? ref, definition };
}

/** Reads every file, reports every problem of every file at once, then applies the methodology. */
export async function identifyFromFiles(
  files: IdentifyFiles,
  methodology: Methodology,
  options: { year?: number; currentYear: number },
): Promise<IdentificationOutcome> {
  const { schools, problems } = await readSchoolsFile(files.schools);
  const codes = new Set(schools.map((s) => s.code));
  const results: ResultsByKind = { vpr: [], gia: [], journal: [] };
  for (const kind of ['vpr', 'gia', 'journal'] as const satisfies ResultKind[]) {
    const file = files[kind];
    if (!file) continue;
    const table = await readTable(path.basename(file), readFileSync(file));
    const reading = readResults(kind, table, { isKnownSchool: (c) => codes.has(c), currentYear: options.currentYear });
    problems.push(...inFile(file, reading.problems));
    (results[kind] as unknown[]) = reading.records;
  }
  if (problems.length)
    throw new DomainError('import.invalid', `Файлы не приняты: найдено ошибок — ${problems.length}.`, { problems });
  return identifySchools({
    schools,
    results,
    methodology: methodology.definition,
    ...(options.year === undefined ? {} : { year: options.year }),
  });
}

/** The CLI's JSON: one entry per school, redZone and objectivityGap for the run year (the latest by default). */
export function identificationJson(methodology: string, outcome: IdentificationOutcome) {
  return {
    methodology,
    year: outcome.year,
    years: outcome.years,
    schools: outcome.schools.map((s: SchoolVerdict) => ({
      code: s.code,
      category: s.category,
      lowProcedures: s.lowProcedures,
      redZone: s.redZone,
      objectivityGap: s.objectivityGap,
      reasons: s.reasons,
    })),
    totals: {
      schools: outcome.totals.schools,
      listed: outcome.totals.listed,
      byCategory: outcome.totals.byCategory,
      share: outcome.totals.share,
      municipalities: outcome.totals.municipalities,
      municipalitiesWithListed: outcome.totals.municipalitiesWithListed,
      municipalitiesShare: outcome.totals.municipalitiesShare,
      redZone: outcome.totals.redZone,
      objectivityGap: outcome.totals.objectivityGap,
    },
  };
}
