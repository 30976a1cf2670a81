// The HTTP contract of identification: results import, methodologies, runs with explanations, approved
// lists («перечни»). Shapes follow domain/identification.
import { z } from 'zod';
import { importProblem } from './api.ts';
import { isoDateTime, optionalText, requiredText, uuidField, versionField } from './fields.ts';

export const resultKind = z.enum(['vpr', 'gia', 'journal']);
export type ResultKindName = z.infer<typeof resultKind>;

export const resultsImportQuery = z.object({
  commit: z.enum(['true', 'false']).default('false'),
  /** The year of a file without a year column. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** The region for an administrator (others import into their own region). */
  regionId: uuidField.optional(),
});

export const resultsImportReport = z.object({
  committed: z.boolean(),
  kind: resultKind,
  rows: z.number(),
  records: z.number(),
  years: z.array(z.number()),
  /** Rows already stored for the file's years, replaced on commit. */
  replaced: z.number(),
  mapping: z.array(z.object({ column: z.string(), header: z.string(), cell: z.string() })),
  problems: z.array(importProblem),
  warnings: z.array(importProblem),
});
export type ResultsImportReport = z.infer<typeof resultsImportReport>;

export const regionQuery = z.object({ regionId: uuidField.optional() });

export const resultsSummary = z.object({
  regionId: uuidField,
  schools: z.number(),
  kinds: z.array(
    z.object({
      kind: resultKind,
      years: z.array(
        z.object({
          year: z.number(),
          rows: z.number(),
          schools: z.number(),
          participants: z.number(),
        }),
      ),
      lastImport: z.object({ fileName: z.string(), at: isoDateTime, by: z.string(), rows: z.number() }).nullable(),
    }),
  ),
});
export type ResultsSummary = z.infer<typeof resultsSummary>;

// ---- methodologies

const threshold = z.object({
  op: z.enum(['>=', '>', '<=', '<']),
  percent: z.number({ error: 'Порог: укажите число.' }).min(0, { error: 'Порог: от 0 до 100 %.' }).max(100, {
    error: 'Порог: от 0 до 100 %.',
  }),
});
const yearRef = z.union([
  z.object({
    year: z
      .number({ error: 'Год: укажите число.' })
      .int()
      .min(2000, { error: 'Год: от 2000 до 2100.' })
      .max(2100, { error: 'Год: от 2000 до 2100.' }),
  }),
  z.object({
    offset: z
      .number()
      .int()
      .min(-10, { error: 'Год относительно Y: от Y−10 до Y.' })
      .max(0, { error: 'Год относительно Y: от Y−10 до Y.' }),
  }),
]);
export const procedure = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('vpr'),
    subject: z.string().min(1, { error: 'Процедура: укажите предмет.' }).max(100),
    grade: z
      .number()
      .int()
      .min(1, { error: 'Процедура: класс от 1 до 11.' })
      .max(11, { error: 'Процедура: класс от 1 до 11.' }),
  }),
  z.object({
    source: z.literal('gia'),
    exam: z.enum(['ОГЭ', 'ЕГЭ'], { error: 'Процедура: экзамен ОГЭ или ЕГЭ.' }),
    subject: z.string().min(1, { error: 'Процедура: укажите предмет.' }).max(100),
  }),
]);
export const condition = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('low-procedures'),
    years: z.array(yearRef).min(1, { error: 'Укажите хотя бы один год.' }).max(10),
    yearsMode: z.enum(['each', 'any']),
    min: z
      .number({ error: 'Условие: укажите наименьшее число процедур.' })
      .int()
      .min(1, { error: 'Условие: наименьшее число процедур — от 1.' }),
    max: z.number().int().min(1, { error: 'Условие: наибольшее число процедур — от 1.' }).optional(),
  }),
  z.object({ kind: z.literal('red-zone'), year: yearRef }),
  z.object({ kind: z.literal('objectivity-gap'), year: yearRef }),
]);
export const methodologyDefinition = z.object({
  procedures: z.array(procedure).max(100),
  lowResult: z.object({ vpr: threshold, gia: threshold }),
  redZone: z.object({ share2: threshold, share5: threshold, scope: z.enum(['all-vpr', 'procedures']) }),
  objectivity: z.object({ gap: threshold }),
  rules: z
    .array(
      z.object({
        category: z
          .number({ error: 'Правило: укажите категорию.' })
          .int()
          .min(1, { error: 'Правило: категория от 1 до 9.' })
          .max(9, { error: 'Правило: категория от 1 до 9.' }),
        label: requiredText('Название правила', 500),
        conditions: z.array(condition).min(1, { error: 'Укажите хотя бы одно условие правила.' }).max(10),
      }),
    )
    .min(1, { error: 'Укажите хотя бы одно правило.' })
    .max(10),
});
export type MethodologyDefinitionInput = z.infer<typeof methodologyDefinition>;

export const methodology = z.object({
  /** A preset's code or a region's methodology id. */
  id: z.string(),
  code: z.string(),
  title: z.string(),
  source: z.string(),
  preset: z.boolean(),
  basedOn: z.string(),
  regionId: z.string().nullable(),
  version: z.number(),
  updatedAt: isoDateTime.nullable(),
  definition: methodologyDefinition,
});
export type MethodologyView = z.infer<typeof methodology>;

export const methodologyDetail = methodology.extend({
  versions: z.array(z.object({ version: z.number(), title: z.string(), at: isoDateTime.nullable(), by: z.string() })),
});
export type MethodologyDetail = z.infer<typeof methodologyDetail>;

export const methodologyCopyInput = z.object({
  /** The preset code or the methodology id to copy. */
  from: z.string().min(1).max(100),
  code: z
    .string()
    .trim()
    .min(1, { error: 'Укажите код методики.' })
    .max(64)
    .regex(/^[\p{L}\p{N}._-]+$/u, { error: 'Код: буквы, цифры, «.», «_», «-».' }),
  title: requiredText('Название', 500),
  regionId: uuidField.optional(),
});
export const methodologyPatch = z.object({
  version: versionField,
  title: requiredText('Название', 500).optional(),
  source: optionalText('Источник', 2000).optional(),
  definition: methodologyDefinition.optional(),
});

// ---- runs

export const runInput = z.object({
  methodology: z.string().min(1).max(100),
  year: z.number().int().min(2000).max(2100).optional(),
  regionId: uuidField.optional(),
});

export const reason = z.object({
  kind: z.enum(['rule', 'low-procedure', 'red-zone', 'objectivity-gap']),
  text: z.string(),
  category: z.number().optional(),
  rule: z.string().optional(),
  procedure: z.string().optional(),
  year: z.number().optional(),
  count: z.number().optional(),
  participants: z.number().optional(),
  share: z.number().optional(),
  threshold: z.string().optional(),
});
export const procedureYear = z.object({
  procedure: z.string(),
  year: z.number(),
  participants: z.number(),
  count: z.number(),
  share: z.number(),
  low: z.boolean(),
});

const groupTotal = z.object({
  key: z.string(),
  schools: z.number(),
  listed: z.number(),
  byCategory: z.record(z.string(), z.number()),
  share: z.number(),
});
export const identificationTotals = z.object({
  schools: z.number(),
  listed: z.number(),
  byCategory: z.record(z.string(), z.number()),
  share: z.number(),
  municipalities: z.number(),
  municipalitiesWithListed: z.number(),
  municipalitiesShare: z.number(),
  redZone: z.number(),
  objectivityGap: z.number(),
  withoutResults: z.number(),
  byType: z.array(groupTotal),
  byMunicipality: z.array(groupTotal),
});
export const listDifference = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  categoryChanged: z.array(z.object({ code: z.string(), from: z.number().nullable(), to: z.number().nullable() })),
  repeated: z.array(z.string()),
});

export const runListItem = z.object({
  id: uuidField,
  regionId: uuidField,
  methodologyCode: z.string(),
  methodologyTitle: z.string(),
  methodologyVersion: z.number(),
  year: z.number(),
  listed: z.number(),
  schools: z.number(),
  createdAt: isoDateTime,
  createdBy: z.string(),
  /** The approved list made from this run, if any. */
  listId: z.string().nullable(),
  listNumber: z.number().nullable(),
});
export type RunListItem = z.infer<typeof runListItem>;

export const verdict = z.object({
  organisationId: uuidField,
  code: z.string(),
  name: z.string(),
  type: z.string(),
  municipalityId: z.string().nullable(),
  municipality: z.string(),
  category: z.number().nullable(),
  rule: z.string().nullable(),
  lowProcedures: z.number(),
  redZone: z.boolean(),
  objectivityGap: z.boolean(),
  objectivityShare: z.number().nullable(),
  hasResults: z.boolean(),
  inPreviousList: z.boolean(),
  previousCategory: z.number().nullable(),
  reasons: z.array(reason),
});
export type Verdict = z.infer<typeof verdict>;
export const verdictDetail = verdict.extend({ evidence: z.array(procedureYear) });
export type VerdictDetail = z.infer<typeof verdictDetail>;

export const runDetail = runListItem.extend({
  years: z.array(z.number()),
  definition: methodologyDefinition,
  totals: identificationTotals,
  difference: listDifference.nullable(),
  previousListId: z.string().nullable(),
  previousListNumber: z.number().nullable(),
  /** Schools of the previous approved list that are not in this run's list (removed). */
  removed: z.array(
    z.object({ organisationId: z.string(), code: z.string(), name: z.string(), municipality: z.string() }),
  ),
  schools: z.array(verdict),
});
export type RunDetail = z.infer<typeof runDetail>;

// ---- approved lists

export const approveInput = z.object({
  title: requiredText('Название перечня', 500),
  orderNumber: optionalText('Номер приказа', 100).optional(),
  orderDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Дата приказа в формате ГГГГ-ММ-ДД.' })
    .nullable()
    .optional(),
});

export const schoolListItem = z.object({
  id: uuidField,
  regionId: uuidField,
  number: z.number(),
  title: z.string(),
  orderNumber: z.string(),
  orderDate: z.string().nullable(),
  runId: uuidField,
  year: z.number(),
  methodologyTitle: z.string(),
  schools: z.number(),
  approvedAt: isoDateTime,
  approvedBy: z.string(),
  version: z.number(),
});
export type SchoolListItem = z.infer<typeof schoolListItem>;

export const schoolListMember = z.object({
  organisationId: uuidField,
  code: z.string(),
  name: z.string(),
  type: z.string(),
  municipalityId: z.string().nullable(),
  municipality: z.string(),
  category: z.number().nullable(),
  repeated: z.boolean(),
});
export const schoolListDetail = schoolListItem.extend({ members: z.array(schoolListMember) });
export type SchoolListDetail = z.infer<typeof schoolListDetail>;

export const exportQuery = z.object({ format: z.enum(['xlsx', 'docx']).default('xlsx') });
