import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedsDir, seedsPresent } from '../../test/seeds/seed-files.ts';
import {
  type DeadlineKind,
  type DeadlineWarningCode,
  type Period,
  readDeadline,
  type Window,
} from './read-deadline.ts';

// A row: the wording, the expected kind, the windows ('start..end', '..end' for «до X»), the warnings.
type Row = [wording: string, kind: DeadlineKind, windows: string[], warnings?: DeadlineWarningCode[]];
const O: DeadlineWarningCode = 'deadline.outside_period';
const Y: DeadlineWarningCode = 'deadline.year_assumed';
const U: DeadlineWarningCode = 'deadline.unreadable';

const show = (w: Window) => `${w.start ?? ''}..${w.end}`;
const period = (start: string, end: string): Period => ({ start, end });

function check(p: Period, [wording, kind, windows, warnings = []]: Row) {
  const r = readDeadline(wording, p);
  expect({ kind: r.kind, windows: r.windows.map(show), warnings: r.warnings.map((w) => w.code) }).toEqual({
    kind,
    windows,
    warnings,
  });
  expect(r.text).toBe(wording.trim());
}

// Every distinct deadline wording of the five seeds, with the seed's programme period.
const seeds: { seed: string; period: Period; rows: Row[] }[] = [
  {
    // Kuzbass roadmap «на 2022 год»; «Этапы и сроки реализации: 2022 год».
    seed: '000',
    period: period('2022-01-01', '2022-12-31'),
    rows: [
      ['Январь 2022 года', 'range', ['2022-01-01..2022-01-31']],
      ['Февраль 2022 года', 'range', ['2022-02-01..2022-02-28']],
      ['Март 2022 года', 'range', ['2022-03-01..2022-03-31']],
      ['Апрель 2022 года', 'range', ['2022-04-01..2022-04-30']],
      ['Май 2022 года', 'range', ['2022-05-01..2022-05-31']],
      ['Июнь 2022 года', 'range', ['2022-06-01..2022-06-30']],
      ['Сентябрь 2022 года', 'range', ['2022-09-01..2022-09-30']],
      ['Октябрь 2022 года', 'range', ['2022-10-01..2022-10-31']],
      ['Ноябрь 2022 года', 'range', ['2022-11-01..2022-11-30']],
      ['Декабрь 2022 года', 'range', ['2022-12-01..2022-12-31']],
      ['Ноябрь 2021 года', 'range', ['2021-11-01..2021-11-30'], [O]], // activity 17: a 2021 date in a 2022 roadmap
      ['В течение учебного года', 'whole-period', ['2022-01-01..2022-12-31']],
      ['В соответствии с графиком проведения оценочных процедур', 'external', []],
      ['24.02.2022-15.03.2022', 'range', ['2022-02-24..2022-03-15']],
      ['21.03.2022-06.04.2022', 'range', ['2022-03-21..2022-04-06']],
      ['Июль-август 2022 года', 'range', ['2022-07-01..2022-08-31']],
      ['Апрель\n2022 года', 'range', ['2022-04-01..2022-04-30']], // activity 20, the cell broken by a page
      ['Апрель', 'range', ['2022-04-01..2022-04-30']], // … its first half as the page shows it
      ['2022 года', 'range', ['2022-01-01..2022-12-31']], // … and its second half
      ['2022 год', 'range', ['2022-01-01..2022-12-31']], // passport: «Этапы и сроки реализации»
    ],
  },
  {
    // Samara programme «на 2022-2023 годы»; «Сроки реализации Программы: 2022– 2023 гг.».
    seed: '001',
    period: period('2022-01-01', '2023-12-31'),
    rows: [
      ['Декабрь-январь', 'range', ['2021-12-01..2022-01-31'], [Y]], // meets the period three times: the first
      ['Постоянно', 'whole-period', ['2022-01-01..2023-12-31']],
      [
        'Ежегодно по плану мониторинговых исследований',
        'recurring',
        ['2022-01-01..2022-12-31', '2023-01-01..2023-12-31'],
      ],
      ['По плану работы управления', 'external', []],
      ['1 раз в год (ноябрь)', 'recurring', ['2022-11-01..2022-11-30', '2023-11-01..2023-11-30']],
      ['1 раз в год (декабрь)', 'recurring', ['2022-12-01..2022-12-31', '2023-12-01..2023-12-31']],
      ['Декабрь', 'range', ['2022-12-01..2022-12-31'], [Y]], // December 2022 or 2023: the first, flagged
      ['Ежегодно', 'recurring', ['2022-01-01..2022-12-31', '2023-01-01..2023-12-31']],
      ['По плану работы ресурсного центра', 'external', []],
      ['В течение года', 'whole-period', ['2022-01-01..2023-12-31']],
      ['По плану работы «Молодой учитель»', 'external', []],
      ['В течение года по заявке руководителя школы', 'whole-period', ['2022-01-01..2023-12-31']],
      ['Ежегодно, сентябрь', 'recurring', ['2022-09-01..2022-09-30', '2023-09-01..2023-09-30']], // 3.1 joined
      ['Ежегодно,', 'recurring', ['2022-01-01..2022-12-31', '2023-01-01..2023-12-31']], // 3.1 as the page splits it
      ['сентябрь', 'range', ['2022-09-01..2022-09-30'], [Y]],
      ['По плану', 'external', []],
      ['По плану ГАУ ДПО ИРО', 'external', []],
      ['По плану работы', 'external', []],
      ['Январь 2022г.', 'range', ['2022-01-01..2022-01-31']],
      ['В течение периода реализации и Программы', 'whole-period', ['2022-01-01..2023-12-31']],
      ['2022– 2023 гг.', 'range', ['2022-01-01..2023-12-31']], // passport
    ],
  },
  {
    // Korenovsk roadmap «на 2020-2021 учебный год»: the academic year. Its July–August 2020 activities
    // (approved 25.06.2020) fall before it and are flagged.
    seed: '002',
    period: period('2020-09-01', '2021-08-31'),
    rows: [
      ['Июль 2020г', 'range', ['2020-07-01..2020-07-31'], [O]],
      ['Июль 2020', 'range', ['2020-07-01..2020-07-31'], [O]],
      [
        'Август, Ноябрь 2020 Февраль, Июнь 2021',
        'multiple',
        ['2020-08-01..2020-08-31', '2020-11-01..2020-11-30', '2021-02-01..2021-02-28', '2021-06-01..2021-06-30'],
        [O],
      ],
      ['Сентябрь 2020', 'range', ['2020-09-01..2020-09-30']],
      ['Июль- август 2020', 'range', ['2020-07-01..2020-08-31'], [O]],
      ['Август- сентябрь 2020', 'range', ['2020-08-01..2020-09-30']],
      ['Ноябрь 2020', 'range', ['2020-11-01..2020-11-30']],
      ['Ноябрь 2020 Январь 2021', 'multiple', ['2020-11-01..2020-11-30', '2021-01-01..2021-01-31']],
      ['По графику ИРО', 'external', []],
      ['Декабрь 2020 – январь 2021', 'range', ['2020-12-01..2021-01-31']],
      ['Февраль 2021', 'range', ['2021-02-01..2021-02-28']],
      ['Март 2021', 'range', ['2021-03-01..2021-03-31']],
      ['Октябрь 2020 – февраль 2021', 'range', ['2020-10-01..2021-02-28']],
      ['Июнь 2021', 'range', ['2021-06-01..2021-06-30']],
      ['Октябрь 2020 – апрель 2021', 'range', ['2020-10-01..2021-04-30']],
      ['Июль 2020 – апрель 2021', 'range', ['2020-07-01..2021-04-30']], // starts before, but meets the period
      ['Октябрь 2020 – май 2021', 'range', ['2020-10-01..2021-05-31']],
      ['Сентябрь-октябрь 2020, март-апрель 2021', 'multiple', ['2020-09-01..2020-10-31', '2021-03-01..2021-04-30']],
      ['Октябрь-ноябрь 2020', 'range', ['2020-10-01..2020-11-30']],
      ['Ноябрь-декабрь 2020', 'range', ['2020-11-01..2020-12-31']],
      ['2020-2021 учебный год', 'range', ['2020-09-01..2021-08-31']], // title of the roadmap
    ],
  },
  {
    // Kemerovo project; «Срок начала и окончания проекта: Июнь 2020 - август 2021 гг.». Its last four
    // dates lie after the project's end and are flagged.
    seed: '003',
    period: period('2020-06-01', '2021-08-31'),
    rows: [
      ['до 10.06.2020', 'date', ['..2020-06-10']],
      ['До 20.07.2020', 'date', ['..2020-07-20']],
      ['До 31.07.2020', 'date', ['..2020-07-31']],
      ['До 25.08.2020', 'date', ['..2020-08-25']],
      ['До 25.12.2020', 'date', ['..2020-12-25']],
      ['декабрь 2020', 'range', ['2020-12-01..2020-12-31']],
      ['Январь 2021', 'range', ['2021-01-01..2021-01-31']],
      ['до 01.07.2021', 'date', ['..2021-07-01']],
      ['до 01.10.2021', 'date', ['..2021-10-01'], [O]],
      ['до 30.10.2021', 'date', ['..2021-10-30'], [O]],
      ['до 01.11.2021', 'date', ['..2021-11-01'], [O]],
      ['В процессе реализации проекта', 'whole-period', ['2020-06-01..2021-08-31']],
      ['Июнь 2020 - август 2021 гг.', 'range', ['2020-06-01..2021-08-31']], // passport
      ['к 01.07.2021', 'date', ['..2021-07-01']], // passport: goal and planned results
      ['до 01.09.2023 года', 'date', ['..2023-09-01'], [O]], // planned results (long-term)
      ['в течение 2020-21 учебного года', 'whole-period', ['2020-09-01..2021-08-31']], // planned results
    ],
  },
  {
    // Kaliningrad plan-schedule «в 2023 году».
    seed: '004',
    period: period('2023-01-01', '2023-12-31'),
    rows: [
      ['До 15.02.2023', 'date', ['..2023-02-15']],
      ['01.02-15.05.2023', 'range', ['2023-02-01..2023-05-15']],
      ['01.02-20.02.2023', 'range', ['2023-02-01..2023-02-20']],
      ['28.03-18.04.2023', 'range', ['2023-03-28..2023-04-18']],
      ['15.04-15.05.2023', 'range', ['2023-04-15..2023-05-15']],
      ['15.02-20.12.2023', 'range', ['2023-02-15..2023-12-20']],
      ['01.09-31.12.2023', 'range', ['2023-09-01..2023-12-31']],
      ['30.06.2023', 'date', ['2023-06-30..2023-06-30']], // first monitoring round
      ['До 01.08.2023', 'date', ['..2023-08-01']],
      ['30.11.2023', 'date', ['2023-11-30..2023-11-30']], // second monitoring round
      ['До 25.12.2023', 'date', ['..2023-12-25']],
      ['До 01.12.2023', 'date', ['..2023-12-01']],
      ['01.03-01.12.2023', 'range', ['2023-03-01..2023-12-01']],
      ['2023 в соответствии с графиком на первое, второе полугодие', 'range', ['2023-01-01..2023-12-31']],
      ['Август', 'range', ['2023-08-01..2023-08-31']],
      ['15.03-01.12.2023', 'range', ['2023-03-15..2023-12-01']],
      ['15.05-01.12.2023', 'range', ['2023-05-15..2023-12-01']],
      ['15.02-01.12.2023', 'range', ['2023-02-15..2023-12-01']],
      ['01.03.-20.05.2023', 'range', ['2023-03-01..2023-05-20']],
      ['24.05.-30.06.2023', 'range', ['2023-05-24..2023-06-30']],
      ['26.05.-30.06.2023', 'range', ['2023-05-26..2023-06-30']],
      ['01.03-30.12.2022', 'range', ['2022-03-01..2022-12-30'], [O]], // actions 30–32: «2022» in a 2023 plan
      // Implementation indicators of actions 7 and 8.
      ['не реже 1 раза в месяц', 'recurring', monthsOf2023()],
      ['не менее 1 раза в месяц', 'recurring', monthsOf2023()],
    ],
  },
];

function monthsOf2023(): string[] {
  const ends = ['31', '28', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31'];
  return ends.map(
    (end, i) => `2023-${String(i + 1).padStart(2, '0')}-01..2023-${String(i + 1).padStart(2, '0')}-${end}`,
  );
}

describe('readDeadline: every deadline wording of the seeds', () => {
  for (const { seed, period: p, rows } of seeds) {
    describe(`seed ${seed}, period ${p.start}..${p.end}`, () => {
      it.each(rows)('«%s» → %s', (...row) => check(p, row));
    });
  }
});

describe('readDeadline: boundaries and tolerance', () => {
  const year2022 = period('2022-01-01', '2022-12-31');
  const academic = period('2020-09-01', '2021-08-31');
  const twoYears = period('2022-01-01', '2023-12-31');
  const leap = period('2024-01-01', '2024-04-30');
  const cases: [Period, Row][] = [
    // Year-less months resolve inside the period; academic years run September to August.
    [academic, ['март', 'range', ['2021-03-01..2021-03-31']]],
    [academic, ['октябрь', 'range', ['2020-10-01..2020-10-31']]],
    [academic, ['IV квартал', 'range', ['2020-10-01..2020-12-31']]],
    [academic, ['с 1 сентября по 31 мая', 'range', ['2020-09-01..2021-05-31']]],
    [academic, ['Ноябрь, январь 2021', 'multiple', ['2020-11-01..2020-11-30', '2021-01-01..2021-01-31']]],
    [academic, ['Декабрь – январь 2021', 'range', ['2020-12-01..2021-01-31']]],
    [year2022, ['Декабрь-январь', 'range', ['2021-12-01..2022-01-31'], [Y]]],
    [year2022, ['Декабрь 2022 – январь 2023', 'range', ['2022-12-01..2023-01-31']]],
    [twoYears, ['до 31.12', 'date', ['..2022-12-31'], [Y]]],
    [year2022, ['до 31.12', 'date', ['..2022-12-31']]],
    [period('2023-01-01', '2023-06-30'), ['август', 'range', ['2023-08-01..2023-08-31'], [Y, O]]],
    [year2022, ['Май 2023', 'range', ['2023-05-01..2023-05-31'], [O]]],
    // Days: two-digit years, day and month in words, leap years, 29/30/31-day months.
    [academic, ['15 сентября 2020 г.', 'date', ['2020-09-15..2020-09-15']]],
    [academic, ['01.09.20', 'date', ['2020-09-01..2020-09-01']]],
    [leap, ['29.02.2024', 'date', ['2024-02-29..2024-02-29']]],
    [leap, ['Февраль 2024', 'range', ['2024-02-01..2024-02-29']]],
    [leap, ['30.04.2024', 'date', ['2024-04-30..2024-04-30']]],
    [period('2023-09-01', '2024-08-31'), ['29.02', 'date', ['2024-02-29..2024-02-29']]],
    [year2022, ['Февраль 2022', 'range', ['2022-02-01..2022-02-28']]],
    // Quarters and half-years, Roman and Arabic.
    [year2022, ['I квартал 2022', 'range', ['2022-01-01..2022-03-31']]],
    [year2022, ['1 квартал', 'range', ['2022-01-01..2022-03-31']]],
    [year2022, ['1-й квартал 2022 г.', 'range', ['2022-01-01..2022-03-31']]],
    [year2022, ['IV квартал 2022', 'range', ['2022-10-01..2022-12-31']]],
    [year2022, ['1 полугодие 2022', 'range', ['2022-01-01..2022-06-30']]],
    [year2022, ['II полугодие 2022 года', 'range', ['2022-07-01..2022-12-31']]],
    [year2022, ['первое полугодие', 'range', ['2022-01-01..2022-06-30']]],
    // Spelling: case, spaces, dashes, tags, line breaks, abbreviations, «не позднее», trailing dots.
    [year2022, ['МАРТ  2022 Г.', 'range', ['2022-03-01..2022-03-31']]],
    [year2022, ['март\u00a02022', 'range', ['2022-03-01..2022-03-31']]],
    [year2022, ['<br>Март 2022<br/>', 'range', ['2022-03-01..2022-03-31']]],
    [year2022, ['Март 2022.', 'range', ['2022-03-01..2022-03-31']]],
    [year2022, ['в марте 2022 г.', 'range', ['2022-03-01..2022-03-31']]],
    [year2022, ['сент. 2022', 'range', ['2022-09-01..2022-09-30']]],
    [year2022, ['окт.', 'range', ['2022-10-01..2022-10-31']]],
    [year2022, ['Сентябрь — октябрь 2022', 'range', ['2022-09-01..2022-10-31']]],
    [year2022, ['01.02–15.05.2022', 'range', ['2022-02-01..2022-05-15']]],
    [year2022, ['с 01.02 по 15.05.2022', 'range', ['2022-02-01..2022-05-15']]],
    [year2022, ['не позднее 25.08.2022', 'date', ['..2022-08-25']]],
    [year2022, ['до конца марта', 'date', ['..2022-03-31']]],
    // Mixed wordings: the most specific reading wins.
    [year2022, ['Март 2022, по графику ИРО', 'range', ['2022-03-01..2022-03-31']]],
    [year2022, ['по графику ИРО, март 2022', 'range', ['2022-03-01..2022-03-31']]],
    [year2022, ['Апрель 2022 (по отдельному графику)', 'range', ['2022-04-01..2022-04-30']]],
    [year2022, ['ежегодно, март 2022', 'range', ['2022-03-01..2022-03-31']]],
    [year2022, ['Ежеквартально, по плану', 'recurring', quarters2022()]],
    // Recurrences, clipped to the period.
    [academic, ['ежеквартально', 'recurring', ['2020-09-01..2020-09-30', ...academicQuarters()]]],
    [
      leap,
      [
        'ежемесячно',
        'recurring',
        ['2024-01-01..2024-01-31', '2024-02-01..2024-02-29', '2024-03-01..2024-03-31', '2024-04-01..2024-04-30'],
      ],
    ],
    [leap, ['ежемесячно до 5 числа', 'recurring', ['..2024-01-05', '..2024-02-05', '..2024-03-05', '..2024-04-05']]],
    [
      leap,
      ['до 31 числа каждого месяца', 'recurring', ['..2024-01-31', '..2024-02-29', '..2024-03-31', '..2024-04-30']],
    ],
    [period('2023-01-01', '2023-12-31'), ['Ежегодно, сентябрь', 'recurring', ['2023-09-01..2023-09-30']]],
    [period('2023-01-01', '2023-06-30'), ['Ежегодно, сентябрь', 'recurring', [], [O]]],
    // The whole period, someone else's plan, on demand.
    [twoYears, ['в течение 2022 года', 'whole-period', ['2022-01-01..2022-12-31']]],
    [academic, ['в течение 2020 года', 'whole-period', ['2020-09-01..2020-12-31']]],
    [year2022, ['весь период', 'whole-period', ['2022-01-01..2022-12-31']]],
    [year2022, ['в течение всего периода', 'whole-period', ['2022-01-01..2022-12-31']]],
    [year2022, ['По плану МОУО', 'external', []]],
    [year2022, ['по необходимости', 'on-demand', []]],
    [year2022, ['По мере поступления', 'on-demand', []]],
    [year2022, ['по заявке', 'on-demand', []]],
    [year2022, ['по запросу', 'on-demand', []]],
    // Never guessed.
    [year2022, ['', 'unreadable', [], [U]]],
    [year2022, ['  \n ', 'unreadable', [], [U]]],
    [year2022, ['когда-нибудь', 'unreadable', [], [U]]],
    [year2022, ['31.13.2022', 'unreadable', [], [U]]],
    [year2022, ['31.04.2022', 'unreadable', [], [U]]],
    [leap, ['30.02.2024', 'unreadable', [], [U]]],
    [year2022, ['29.02.2023', 'unreadable', [], [U]]],
    [year2022, ['с 01.02.2022', 'unreadable', [], [U]]],
    [year2022, ['до 5 числа', 'unreadable', [], [U]]],
    [year2022, ['ежемесячно, март', 'unreadable', [], [U]]],
    [year2022, ['2020-2022 учебный год', 'unreadable', [], [U]]],
    [year2022, ['15.05.2022-01.02.2022', 'unreadable', [], [U]]],
  ];
  for (const [p, row] of cases) it(`«${row[0]}» in ${p.start}..${p.end}`, () => check(p, row));

  it('keeps the wording, trimmed of surrounding whitespace only', () => {
    expect(readDeadline('  Март   2022 \n', year2022).text).toBe('Март   2022');
  });

  it('says in Russian what to do', () => {
    const [unreadable] = readDeadline('когда-нибудь', year2022).warnings;
    expect(unreadable?.message).toMatch(/«когда-нибудь».*непонятное слово «когда».*Запишите его датой/);
    const [outside] = readDeadline('Ноябрь 2021 года', year2022).warnings;
    expect(outside?.message).toBe(
      'Срок «Ноябрь 2021 года» выходит за период программы (01.01.2022–31.12.2022). Проверьте год в сроке или период программы.',
    );
    const [assumed] = readDeadline('Декабрь', twoYears).warnings;
    expect(assumed?.message).toContain('выбран первый: 01.12.2022–31.12.2022. Укажите год');
  });
});

function quarters2022(): string[] {
  return ['2022-01-01..2022-03-31', '2022-04-01..2022-06-30', '2022-07-01..2022-09-30', '2022-10-01..2022-12-31'];
}
function academicQuarters(): string[] {
  return ['2020-10-01..2020-12-31', '2021-01-01..2021-03-31', '2021-04-01..2021-06-30', '2021-07-01..2021-08-31'];
}

// The seed files themselves: every cell of a deadline column must be read, or be a known unreadable cell.
const seedPeriods: Record<string, Period> = Object.fromEntries(seeds.map((s) => [s.seed, s.period]));

// The consultation schedule of seed 000 has merged cells: in four rows the responsible person slid into the
// «Дата и время проведения» column (the date of those rows stands one column to the right or above).
const knownUnreadable: Record<string, string> = {
  'Четверухина Г.А., директор «Гимназия № 6», г.Междуреченск': 'seed 000 schedule: a name in the date column',
  'Неверова Н.С., зам. директора «Крапивинская СОШ»;': 'seed 000 schedule: a name in the date column',
  'Бикбаева Л. А., директор «СОШ № 22», г. Анжеро-Судженск': 'seed 000 schedule: a name in the date column',
  'Кукшеева О. Ю.,': 'seed 000 schedule: a name in the date column',
};

const DEADLINE_HEADER = /^(сроки?|сроки реализации|срок исполнения|дата реализации|дата и время проведения)$/i;

/**
 * The cells of the deadline columns: after a tab-separated header row naming one, that column of the rows that
 * follow, up to the first line without a tab (blank lines are page breaks; headers repeat on each page). Also the
 * passport rows «Сроки реализации Программы ⇥ 2022– 2023 гг.».
 */
function deadlineCells(text: string): string[] {
  const cells: string[] = [];
  let column = -1;
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) {
      if (line.trim() !== '') column = -1;
      continue;
    }
    const row = line.split('\t').map((c) => c.replace(/<[^>]*>/g, ' ').trim());
    const header = row.findIndex((c) => DEADLINE_HEADER.test(c));
    if (header >= 0) column = header;
    else if (row.length === 2 && /срок/i.test(row[0] ?? '')) cells.push(row[1] ?? '');
    else if (column >= 0 && row[column]) cells.push(row[column] ?? '');
  }
  return cells;
}

describe.runIf(seedsPresent)('readDeadline on the seed files', () => {
  // A skipped describe's body still runs at collection: read the folder only when it is there.
  const files = (seedsPresent ? readdirSync(seedsDir) : []).filter((f) => /^\d{3}_.*\.txt$/.test(f));
  const cells = files.flatMap((file) => {
    const seed = file.slice(0, 3);
    return deadlineCells(readFileSync(path.join(seedsDir, file), 'utf8')).map((cell) => ({ seed, cell }));
  });

  it('finds the deadline columns of all five seeds', () => {
    expect(new Set(cells.map((c) => c.seed))).toEqual(new Set(['000', '001', '002', '003', '004']));
    expect(cells.length).toBeGreaterThan(100);
  });

  it('reads every cell, except the known unreadable ones, which stay unreadable', () => {
    const problems = cells.flatMap(({ seed, cell }) => {
      const p = seedPeriods[seed];
      if (!p) return [`${seed}: no period for this seed`];
      const { kind } = readDeadline(cell, p);
      const known = cell in knownUnreadable;
      return known === (kind === 'unreadable') ? [] : [`${seed}: «${cell}» → ${kind}`];
    });
    expect(problems).toEqual([]);
  });

  it('has a table row for every wording found in the seeds', () => {
    const tabled = new Set(seeds.flatMap((s) => s.rows.map(([wording]) => `${s.seed} ${wording}`)));
    const missing = cells
      .filter(({ cell }) => !(cell in knownUnreadable))
      .map(({ seed, cell }) => `${seed} ${cell}`)
      .filter((key) => !tabled.has(key));
    expect([...new Set(missing)]).toEqual([]);
  });
});

describe('readDeadline: properties', () => {
  const dayMs = 86_400_000;
  const isoDay = (n: number) => new Date(n * dayMs).toISOString().slice(0, 10);
  const first = Date.UTC(2000, 0, 1) / dayMs;
  const last = Date.UTC(2099, 11, 31) / dayMs;

  it('reads ДД.ММ.ГГГГ of any day in a period to exactly that day', () => {
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.nat(800), fc.nat(800), (day, before, after) => {
        const date = isoDay(day);
        const [y, m, d] = date.split('-');
        const r = readDeadline(`${d}.${m}.${y}`, period(isoDay(day - before), isoDay(day + after)));
        expect(r).toEqual({
          text: `${d}.${m}.${y}`,
          kind: 'date',
          windows: [{ start: date, end: date }],
          warnings: [],
        });
      }),
    );
  });

  const pieces = fc.constantFrom(
    'до',
    'не позднее',
    'с',
    'по',
    'март',
    'декабря',
    'сент.',
    '2022',
    '2023 г.',
    '15',
    '01.02',
    '31.12.2022',
    '29.02',
    '-',
    '–',
    ',',
    ';',
    '(',
    ')',
    '.',
    'I',
    'IV',
    'квартал',
    'полугодие',
    'первое',
    'ежегодно',
    'ежемесячно',
    'раз в месяц',
    'числа',
    'каждого месяца',
    'в течение',
    'учебного года',
    'года',
    'по графику',
    'ИРО',
    'по заявке',
    'постоянно',
    '<br>',
    '\u00a0',
    '\n',
    ' ',
    'ё',
    '2020-21',
    'учебный год',
  );
  const wordings = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.array(pieces, { maxLength: 8 }).map((p) => p.join(' ')),
  );

  it('never throws, keeps the wording and returns well-formed windows', () => {
    const p = period('2022-01-01', '2023-12-31');
    fc.assert(
      fc.property(wordings, (text) => {
        const r = readDeadline(text, p);
        expect(r.text).toBe(text.trim());
        expect(r.kind === 'unreadable').toBe(r.warnings.some((w) => w.code === 'deadline.unreadable'));
        for (const w of r.windows) {
          expect(w.end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (w.start !== null) expect(w.start <= w.end).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
