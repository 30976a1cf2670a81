// Turns a read document (an order with its appendix, or the appendix alone) into a programme draft: the
// act, the passport, sections and activities with their deadlines read, target indicators, the working
// group, consultation schedules, tutor pairs, named schools and monitoring rounds — and a warning, with
// its place, for everything a person should look at. Nothing is guessed silently.

import { type Period, readDeadline } from '../deadline/read-deadline.ts';
import {
  alignRows,
  type DocBlock,
  type DocRow,
  type SourceDocument,
  type SourcePlace,
} from '../document/source-document.ts';
import { norm, tableKindOf } from './columns.ts';
import {
  type Activity,
  allActivities,
  emptyPassport,
  type ListedSchool,
  type MonitoringRound,
  type ProgrammeDraft,
  type ProgrammeKind,
  type ProgrammeLevel,
  type ProgrammeWarning,
  type Section,
  type WorkingGroupMember,
} from './programme.ts';
import { actReferences, readAct } from './read-act.ts';
import { numberingWarnings, readPassportParagraphs, readPassportTable } from './read-passport.ts';
import { readSchoolListParagraphs, readSchoolLists, schoolKey } from './read-schools.ts';
import {
  readActivityTable,
  readConsultationTable,
  readIndicatorTable,
  readTutorPairTable,
  readWorkingGroupTable,
} from './read-tables.ts';

const WIDE: Period = { start: '1900-01-01', end: '2199-12-31' };

const kindWords: [ProgrammeKind, RegExp][] = [
  ['план-график', /план[-\s–]*график/i],
  ['дорожная карта', /дорожн\S*\s+карт/i],
  ['муниципальный проект', /муниципальн\S*\s+проект/i],
  ['программа', /программ/i],
  ['план мероприятий', /план\S*\s+мероприят/i],
];
const kindOf = (s: string): ProgrammeKind | null => kindWords.find(([, re]) => re.test(s))?.[0] ?? null;

function levelOf(authority: string, title: string): ProgrammeLevel {
  const t = `${authority} ${title}`.toLowerCase();
  if (
    /(министерств|департамент|комитет)\S*\s+образовани\S*\s+\S*(област|кра[йя]|республик|кузбасс)|региональн/.test(t) &&
    !/управлени\S*\s+образовани\S*\s+администрац/.test(t)
  )
    return 'region';
  if (
    /школьн|общеобразовательн\S+\s+организаци\S+\s+«|мбоу|гбоу|маоу/.test(title.toLowerCase()) &&
    !/муниципальн/.test(t)
  )
    return 'school';
  return t.includes('министерств') ? 'region' : 'municipality';
}

/** The programme's own period: from the passport term, else the title; from the approving order on. */
function readPeriod(candidates: string[], actDate: string | null): { period: Period | null; text: string } {
  for (const c of candidates) {
    const phrase =
      /(\d{4}\s*[-–—/]\s*\d{4}\s*(?:учебн\S*\s+)?(?:год\S*|г\.\s?г\.?|гг\.?)?|[а-яё]+\s+\d{4}\s*[-–—]\s*[а-яё]+\s+\d{4}\s*(?:гг?\.?|год\S*)?|\d{4}\s*(?:год\S*|г\.))/i.exec(
        c,
      )?.[0];
    if (!phrase) continue;
    const r = readDeadline(phrase, WIDE);
    const starts = r.windows.map((w) => w.start).filter((s): s is string => s !== null);
    if (r.kind === 'unreadable' || starts.length === 0) continue;
    const start = starts.sort()[0]!;
    const end = r.windows
      .map((w) => w.end)
      .sort()
      .at(-1)!;
    // A programme is in force from its approval: an order of June for the next school year (seed 002),
    // or of 30 December for the next year (seed 000), covers its activities from that day.
    const from = actDate && actDate < start && daysBetween(actDate, start) <= 183 ? actDate : start;
    return { period: { start: from, end }, text: phrase.trim() };
  }
  return { period: null, text: '' };
}

const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** The programme's title: the line naming its kind after the appendix head, with the lines continuing it. */
function readTitle(blocks: DocBlock[], from: number): string {
  const paras = blocks.slice(from).filter((b): b is Extract<DocBlock, { kind: 'paragraph' }> => b.kind === 'paragraph');
  const startAt = paras.findIndex(
    (p) =>
      /^(«?\s*)?(дорожная карта|программа|план[-\s–]*график|план мероприятий|муниципальный проект|план)/i.test(
        p.text.trim(),
      ) && p.text.length < 600,
  );
  if (startAt >= 0) {
    const parts = [paras[startAt]!.text];
    for (const p of paras.slice(startAt + 1, startAt + 8)) {
      if (!/^([а-яё(«]|по\s|на\s|в\s)/.test(p.text.trim()) || passportHead(p.text)) break;
      parts.push(p.text);
    }
    return tidyTitle(parts.join(' '));
  }
  const bold = paras.find((p) => p.bold && !/^приложение|^паспорт/i.test(p.text.trim()));
  return bold ? tidyTitle(bold.text) : '';
}

const passportHead = (t: string) => /^(паспорт|раздел|сведения|описание проблемы)/i.test(t.trim());
const tidyTitle = (t: string) =>
  t
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** «Назначить координатором … заместителя начальника управления … А.В. Прядущенко» (seed 002). */
function readCoordinators(paragraphs: string[]): WorkingGroupMember[] {
  const out: WorkingGroupMember[] = [];
  for (const t of paragraphs) {
    const m =
      /назначить\s+(координатор\S*|ответственн\S*|куратор\S*)\s+(.*?)\s*([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+)\s*\.?\s*$/i.exec(
        t.replace(/\n/g, ' '),
      );
    if (!m) continue;
    const position =
      /(заместител|начальник|директор|руководител|специалист|методист|консультант)\S*.*$/i.exec(m[2]!)?.[0] ?? '';
    out.push({
      fullName: m[3]!,
      position: position.trim(),
      role: m[1]!.toLowerCase().startsWith('координатор') ? 'координатор' : m[1]!.toLowerCase(),
    });
  }
  return out;
}

/** Rounds of monitoring with the expected share of executed activities (seed 004 items 10 and 12). */
function readMonitoringRounds(activities: Activity[]): MonitoringRound[] {
  const out: MonitoringRound[] = [];
  for (const a of activities) {
    if (!/мониторинг\S*\s+исполнени/i.test(a.text)) continue;
    const w = a.deadline.reading.windows.at(-1);
    const m = /не\s+менее\s+(\d{1,3})\s*(?:[-–]\s*(\d{1,3}))?\s*%/i.exec(
      `${a.informationSupport} ${a.indicator} ${a.plannedResult}`,
    );
    if (!w || !m) continue;
    out.push({ date: w.end, minPercent: Number(m[1]), maxPercent: Number(m[2] ?? m[1]), text: m[0] });
  }
  return out;
}

const numberParts = (n: string) =>
  n
    .replace(/[.)]+$/, '')
    .split('.')
    .map(Number);

/** Activity numbers that skip or repeat: «12., 14.», «2.3., 2.3.». */
function activityNumberingWarnings(sections: Section[]): ProgrammeWarning[] {
  const out: ProgrammeWarning[] = [];
  let prev: number[] | null = null;
  for (const [si, s] of sections.entries())
    for (const [ai, a] of s.activities.entries()) {
      if (!/^\d/.test(a.number)) continue;
      const cur = numberParts(a.number);
      if (
        prev &&
        cur.length === prev.length &&
        cur.slice(0, -1).join('.') === prev.slice(0, -1).join('.') &&
        cur.at(-1) !== prev.at(-1)! + 1
      )
        out.push({
          code: 'numbering.gap',
          path: `sections[${si}].activities[${ai}].number`,
          source: a.source,
          message: `Мероприятие № ${a.number} идёт после № ${prev.join('.')}: нумерация нарушена. Проверьте, не пропущено ли мероприятие.`,
        });
      prev = cur;
    }
  return out;
}

export interface ReadProgrammeOptions {
  /** Overrides the level read from the document. */
  level?: ProgrammeLevel;
}

export function readProgramme(doc: SourceDocument, options: ReadProgrammeOptions = {}): ProgrammeDraft {
  const blocks = doc.blocks;
  const warnings: ProgrammeWarning[] = [];
  const act = readAct(blocks);
  const kindIdx = blocks.findIndex(
    (b) => b.kind === 'paragraph' && act.kind && norm(b.text).replace(/\s/g, '') === act.kind,
  );
  const appendixAt = Math.max(
    0,
    blocks.findIndex(
      (b, i) =>
        i > kindIdx &&
        kindIdx >= 0 &&
        b.kind === 'paragraph' &&
        /^(приложение|утвержден|утверждаю)/i.test(b.text.trim()),
    ),
  );
  const orderParagraphs = blocks.slice(0, appendixAt).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

  // Passport first: the period it names is needed to read every deadline.
  const passport = emptyPassport();
  // Merged cells (Word, HTML) are lined up into a plain grid first, so columns are where their headers are.
  const tables = blocks.flatMap((b, i) => {
    if (b.kind !== 'table') return [];
    const rows = alignRows(b.rows);
    return [{ rows, index: i, kind: tableKindOf(rows.map((r) => r.cells.map((c) => c.text))) }];
  });
  for (const t of tables) if (t.kind === 'passport') readPassportTable(t.rows, passport);
  readPassportParagraphs(blocks, appendixAt, passport);

  const title = readTitle(blocks, appendixAt) || act.title.replace(/^об?\s+утверждении\s+/i, '');
  const kind = kindOf(title) ?? kindOf(act.title) ?? 'программа';
  const { period: readP, text: periodText } = readPeriod([passport.stages, title, act.title], act.date);
  let period = readP;
  if (!period) {
    const year = Number((act.date ?? '').slice(0, 4)) || 0;
    period = year ? { start: `${year}-01-01`, end: `${year}-12-31` } : { start: '1900-01-01', end: '2199-12-31' };
    warnings.push({
      code: 'period.unknown',
      path: 'period',
      message: 'Срок реализации программы не найден в документе. Укажите период реализации в паспорте.',
    });
  }

  const sections: Section[] = [];
  const workingGroup: WorkingGroupMember[] = [...readCoordinators(orderParagraphs)];
  const indicators = [];
  const consultations = [];
  const tutorPairs = [];
  let responsibleColumn = false;
  for (const t of tables) {
    switch (t.kind) {
      case 'activities': {
        const header = t.rows[0]!.cells.map((c) => norm(c.text));
        responsibleColumn ||= header.some((h) => /ответствен|исполнител/.test(h));
        readActivityTable(t.rows, period, sections);
        break;
      }
      case 'indicators':
        indicators.push(...readIndicatorTable(t.rows, periodText));
        break;
      case 'working-group':
        workingGroup.push(...readWorkingGroupTable(t.rows, 'член рабочей группы'));
        break;
      case 'consultations':
        consultations.push(...readConsultationTable(t.rows, period));
        break;
      case 'tutor-pairs':
        tutorPairs.push(...readTutorPairTable(t.rows));
        break;
      case 'passport':
        break;
      case 'unknown':
        if (t.rows.length > 1)
          warnings.push({
            code: 'document.unrecognised_table',
            path: `tables[${t.index}]`,
            source: blocks[t.index]!.source,
            message: `Таблица «${t.rows[0]!.cells.map((c) => c.text)
              .filter(Boolean)
              .join(' | ')
              .slice(0, 120)}» не распознана и не загружена. Проверьте заголовки её столбцов.`,
          });
    }
  }

  // Schools named in the order and the passport (activity texts repeat them and are not read).
  const schoolTexts: { text: string; source: SourcePlace }[] = [
    ...blocks.flatMap((b) => (b.kind === 'paragraph' ? [{ text: b.text.replace(/\n/g, ' '), source: b.source }] : [])),
    ...tables
      .filter((t) => t.kind === 'passport')
      .flatMap((t) =>
        t.rows.map((r: DocRow) => ({
          text: r.cells
            .map((c) => c.text)
            .join(' ')
            .replace(/\n/g, ' '),
          source: r.source,
        })),
      ),
  ];
  const schools: ListedSchool[] = [];
  const known = new Set<string>();
  const paragraphTexts = blocks.flatMap((b) => (b.kind === 'paragraph' ? [{ text: b.text, source: b.source }] : []));
  for (const s of [...readSchoolLists(schoolTexts), ...readSchoolListParagraphs(paragraphTexts)]) {
    const key = `${s.role}\u0000${schoolKey(s.name)}`;
    if (known.has(key)) continue;
    known.add(key);
    schools.push(s);
  }
  for (const p of tutorPairs)
    for (const [name, role] of [
      [p.school, 'low-results'],
      [p.tutor, 'tutor'],
    ] as const) {
      const key = `${role}\u0000${schoolKey(name)}`;
      if (!known.has(key)) {
        known.add(key);
        schools.push({ name, role, source: p.source });
      }
    }

  const activities = allActivities({ sections });
  const monitoringRounds = readMonitoringRounds(activities);

  // Warnings a person should look at, each with its place.
  // References to this act: those of its date («Утвержден приказом … от 30.12.21 № 3878»); acts of other
  // dates cited as a legal basis are other acts. Without a date, only appendix heads are compared.
  const refs = actReferences(
    blocks.flatMap((b, index) => (b.kind === 'paragraph' ? [{ text: b.text.replace(/\n/g, ' '), index }] : [])),
  ).filter((r) => (act.date ? r.date === act.date : /^(приложение|утвержден)/i.test(r.text)));
  const numbers = [...new Set([act.number, ...refs.map((r) => r.number)].filter(Boolean))];
  if (numbers.length > 1)
    warnings.push({
      code: 'act.number_mismatch',
      path: 'act.number',
      message: `Документ называет разные номера утверждающего акта: ${numbers.map((n) => `№ ${n}`).join(', ')}. Проверьте номер по подлиннику и исправьте.`,
    });
  warnings.push(...programmeWarnings({ passport, sections }, { responsibleColumn }));

  return {
    level: options.level ?? levelOf(act.authority, title),
    kind,
    title,
    period,
    periodText,
    act,
    passport,
    workingGroup,
    sections,
    indicators,
    consultations,
    tutorPairs,
    schools,
    monitoringRounds,
    warnings,
  };
}

export interface ProgrammeWarningOptions {
  /** The activity table has a responsible or executors column; by default: some activity names one. */
  responsibleColumn?: boolean;
}

/**
 * The warnings that follow from the programme itself, not from the document it came from: passport and
 * activity numbering, deadline readings, activities without a responsible, no activities at all. The server
 * re-runs these on every saved programme; document-only warnings (act numbers, unread tables, no period)
 * belong to the import preview.
 */
export function programmeWarnings(
  p: Pick<ProgrammeDraft, 'passport' | 'sections'>,
  options: ProgrammeWarningOptions = {},
): ProgrammeWarning[] {
  const { passport, sections } = p;
  const activities = allActivities({ sections });
  const responsibleColumn = options.responsibleColumn ?? activities.some((a) => a.responsible || a.executors);
  const warnings: ProgrammeWarning[] = [];
  warnings.push(...numberingWarnings(passport), ...activityNumberingWarnings(sections));
  for (const [si, s] of sections.entries())
    for (const [ai, a] of s.activities.entries()) {
      const label = `Мероприятие ${a.number || `«${a.text.slice(0, 40)}…»`}`;
      for (const w of a.deadline.reading.warnings)
        warnings.push({
          code: w.code,
          path: `sections[${si}].activities[${ai}].deadline`,
          source: a.source,
          message: `${label}: ${w.message}`,
        });
      if (responsibleColumn && !a.responsible && !a.executors)
        warnings.push({
          code: 'activity.no_responsible',
          path: `sections[${si}].activities[${ai}].responsible`,
          source: a.source,
          message: `${label}: не указан ответственный. Назначьте ответственного или исполнителя.`,
        });
    }
  if (activities.length === 0)
    warnings.push({
      code: 'document.no_activities',
      path: 'sections',
      message: 'В документе не найдена таблица мероприятий (столбцы «Мероприятия» и «Сроки» или «Ответственные»).',
    });

  return warnings;
}

export interface ProgrammeSummary {
  activities: number;
  sections: number;
  indicators: number;
  consultations: number;
  tutorPairs: number;
  workingGroup: number;
  warnings: number;
}

export function summarise(p: ProgrammeDraft): ProgrammeSummary {
  return {
    activities: allActivities(p).length,
    sections: p.sections.filter((s) => s.title !== '').length,
    indicators: p.indicators.length,
    consultations: p.consultations.length,
    tutorPairs: p.tutorPairs.length,
    workingGroup: p.workingGroup.length,
    warnings: p.warnings.length,
  };
}
