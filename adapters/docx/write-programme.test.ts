import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../domain/deadline/read-deadline.ts';
import { tableKindOf } from '../../domain/programme/columns.ts';
import type { ProgrammeDraft } from '../../domain/programme/programme.ts';
import { sampleProgramme } from './sample-programme.ts';
import {
  activityColumnsOf,
  appendixLines,
  authorityCase,
  columnWidths,
  passportRows,
  passportText,
  ruDate,
  titleLines,
  wordWidth,
  writeProgrammeDocx,
} from './write-programme.ts';

const html = async (bytes: Uint8Array) => (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
const xmlOf = async (bytes: Uint8Array, name: string) => {
  const entry = (await JSZip.loadAsync(bytes)).file(name);
  if (!entry) throw new Error(`${name} is missing`);
  return entry.async('string');
};
const tables = (h: string) => h.split('<table>').slice(1);
const headerCells = (table: string) =>
  [...(table.split('</thead>')[0] ?? '').matchAll(/<th>(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
/** Each <p> of the HTML as text, with <br /> as a line break. */
const paragraphs = (h: string) =>
  [...h.matchAll(/<p>(.*?)<\/p>/g)].map((m) =>
    m[1]!
      .replace(/<br \/>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"'),
  );
const inOrder = (haystack: string, needles: string[]) => {
  const at = needles.map((n) => haystack.indexOf(n));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
};

describe('writeProgrammeDocx: the sample plan-schedule as an order appendix', async () => {
  const p = sampleProgramme();
  const bytes = await writeProgrammeDocx(p);
  const h = await html(bytes);
  const paras = paragraphs(h);

  it('opens with the «Приложение» block citing the order in one paragraph', () => {
    expect(paras[0]).toBe(
      'Приложение\nк приказу Министерства образования Калининградской области\nот 13.01.2023 № 28/1',
    );
  });

  it('centres the title in bold: the kind, then the rest of the title', () => {
    expect(paras[1]).toBe('План-график «дорожная карта»');
    expect(paras[2]).toBe(
      'по оказанию адресной методической помощи общеобразовательным организациям с низкими образовательными результатами в 2023 году',
    );
    expect(h).toContain('<p><strong>План-график «дорожная карта»</strong></p>');
  });

  it('fills the passport with non-empty rows only, tasks numbered', () => {
    const passport = tables(h)[0]!;
    for (const label of [
      'Заказчик',
      'Куратор',
      'Исполнители',
      'Цель',
      'Задачи',
      'Сроки реализации',
      'Ожидаемые результаты',
    ])
      expect(passport).toContain(`<strong>${label}</strong>`);
    for (const label of ['Вызовы', 'Разработчики', 'Целевая аудитория', 'Направления', 'Описание проблемы'])
      expect(passport).not.toContain(label);
    // Numbered by Word, so the items read back without «1.»
    expect(passport).toContain(
      '<ol><li>Выявить факторы риска низких образовательных результатов</li><li>Организовать адресную методическую помощь школам</li></ol>',
    );
    expect(passport).toContain('<p>2023 год</p>');
  });

  it('prints the working group, indicators, activities, consultations and tutor pairs with the reader’s headers', () => {
    const [, group, indicators, activities, consultations, tutors] = tables(h);
    expect(headerCells(group!)).toEqual(['№', 'Фамилия, имя, отчество', 'Должность', 'Роль в рабочей группе']);
    expect(headerCells(indicators!)).toEqual([
      '№ п/п',
      'Наименование целевого показателя',
      'Единица измерения',
      'Базовое значение',
      '2023',
      '2024',
    ]);
    expect(headerCells(activities!)).toEqual([
      '№ п/п',
      'Мероприятия',
      'Сроки',
      'Ответственные',
      'Исполнители',
      'Планируемый результат',
      'Показатель реализации',
      'Информационное сопровождение',
    ]);
    expect(headerCells(consultations!)).toEqual(['Тема консультации', 'Дата и время проведения', 'Ответственный']);
    expect(headerCells(tutors!)).toEqual(['№', 'Школа с низкими образовательными результатами', 'Школа-тьютор']);
    expect(tables(h)).toHaveLength(6);
  });

  it('lists every activity with its deadline as written, under merged bold section rows', () => {
    const activities = tables(h)[3]!;
    expect(activities).toContain(
      '<td colspan="8"><p><strong>1. Организационные мероприятия по сопровождению общеобразовательных организаций</strong></p></td>',
    );
    expect(activities).toContain(
      '<td colspan="8"><p><strong>2. Адресная методическая поддержка общеобразовательных организаций</strong></p></td>',
    );
    const ordered: string[] = [];
    for (const s of p.sections) {
      ordered.push(s.title);
      for (const a of s.activities) ordered.push(`<p>${a.number}</p>`, a.text, `<p>${a.deadline.text}</p>`);
    }
    inOrder(activities, ordered);
    // Lines of a cell stay lines; a leading «=» is plain text.
    expect(activities).toContain('<p>Приказы о назначении</p><p>Список ответственных</p>');
    expect(activities).toContain('<p>=100% от числа школ-участниц</p>');
  });

  it('joins the responsible of a consultation with «; » and lists schools by role', () => {
    expect(h).toContain('<p>Петрова А. С., доцент кафедры; Сидоров В. В., учитель-методист</p>');
    const lists = h.slice(h.indexOf('Перечень общеобразовательных организаций'));
    expect(lists).toContain(
      '<p><strong><em>Низкие образовательные результаты</em></strong></p><ol><li>МБОУ ООШ № 7 г. Гусева</li><li>МБОУ СОШ п. Знаменск</li></ol>',
    );
    expect(lists).toContain(
      '<p><strong><em>Школа-тьютор</em></strong></p><ol><li>МАОУ лицей № 18 г. Калининграда</li><li>МАОУ СОШ № 5 г. Гвардейска</li></ol>',
    );
  });

  it('numbers each list from 1 in Word', async () => {
    const numbering = await xmlOf(bytes, 'word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:lvlText w:val="%1."/>');
    const doc = await xmlOf(bytes, 'word/document.xml');
    // Tasks, then two school lists: three lists, each its own w:num.
    expect(new Set([...doc.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1])).size).toBe(3);
  });

  it('sets A4 pages with 30/20 mm margins: portrait, a landscape section for the 8-column table, portrait again', async () => {
    const doc = await xmlOf(bytes, 'word/document.xml');
    const sizes = [...doc.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(sizes).toHaveLength(3);
    expect(sizes[0]).toMatch(/w:w="11906" w:h="16838" w:orient="portrait"/);
    expect(sizes[1]).toMatch(/w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(sizes[2]).toMatch(/w:w="11906" w:h="16838" w:orient="portrait"/);
    const margins = [...doc.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) => m[1]!);
    for (const m of margins) {
      expect(m).toContain('w:top="1134"');
      expect(m).toContain('w:right="1134"');
      expect(m).toContain('w:bottom="1134"');
      expect(m).toContain('w:left="1701"');
    }
    // Table text at 12 pt; the header rows repeat on every page; the kind in capitals by formatting only.
    expect(doc).toContain('<w:sz w:val="24"/>');
    expect(doc.match(/<w:tblHeader\/>/g)?.length).toBe(5);
    expect(doc).toMatch(/<w:caps\/>.*?<w:t xml:space="preserve">План-график «дорожная карта»<\/w:t>/s);
  });

  it('sets Times New Roman 14 pt with single spacing as the document default', async () => {
    const styles = await xmlOf(bytes, 'word/styles.xml');
    const defaults = /<w:docDefaults>(.*?)<\/w:docDefaults>/s.exec(styles)?.[1] ?? '';
    expect(defaults).toContain(
      '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>',
    );
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="240"/);
    expect(defaults).toContain('w:val="ru-RU"');
    // No run overrides the font; runs set only the 12 pt of table text.
    const doc = await xmlOf(bytes, 'word/document.xml');
    expect(doc).not.toContain('w:rFonts');
    expect(new Set(doc.match(/<w:sz w:val="\d+"\/>/g))).toEqual(new Set(['<w:sz w:val="24"/>']));
  });
});

describe('writeProgrammeDocx: the programme’s own columns', () => {
  /** A seed-000 style roadmap: number, activity, deadline, responsible; no passport, no other tables. */
  function narrow(): ProgrammeDraft {
    const p = sampleProgramme();
    for (const s of p.sections)
      for (const a of s.activities) {
        a.executors = '';
        a.plannedResult = '';
        a.indicator = '';
        a.informationSupport = '';
      }
    p.sections[1]!.title = '';
    p.passport = { ...p.passport, goal: '', tasks: [], expectedResults: [], customer: '', curator: '', executors: '' };
    p.periodText = '';
    p.workingGroup = [];
    p.indicators = [];
    p.consultations = [];
    p.tutorPairs = [];
    p.schools = [];
    return p;
  }

  it('prints only the columns with a value, on one portrait section', async () => {
    const bytes = await writeProgrammeDocx(narrow());
    const h = await html(bytes);
    expect(tables(h)).toHaveLength(1);
    expect(headerCells(tables(h)[0]!)).toEqual(['№ п/п', 'Мероприятия', 'Сроки', 'Ответственные']);
    const doc = await xmlOf(bytes, 'word/document.xml');
    expect([...doc.matchAll(/<w:pgSz [^>]*w:orient="(\w+)"/g)].map((m) => m[1])).toEqual(['portrait']);
  });

  it('adds no row for a section without a title, and no heading above the only table', async () => {
    const h = await html(await writeProgrammeDocx(narrow()));
    expect(h.match(/colspan/g)).toHaveLength(1);
    expect(h).not.toContain('План мероприятий');
    expect(h).toContain('2.1.');
  });

  it('takes the columns given, in their order', async () => {
    const h = await html(await writeProgrammeDocx(sampleProgramme(), { columns: ['text', 'number', 'deadline'] }));
    const activities = tables(h).find((t) => t.includes('Мероприятия'))!;
    expect(headerCells(activities)).toEqual(['Мероприятия', '№ п/п', 'Сроки']);
    expect(activities).toContain('colspan="3"');
  });

  it('keeps a deadline column when no activity has a deadline, responsible or executors, so the table reads back', () => {
    const p = narrow();
    for (const s of p.sections)
      for (const a of s.activities)
        Object.assign(a, { responsible: '', deadline: { text: '', reading: readDeadline('', p.period) } });
    expect(activityColumnsOf(p)).toEqual(['number', 'text', 'deadline']);
  });
});

describe('columnWidths', () => {
  const col = (header: string, weight: number) => ({ header, weight, align: 'left' as const });
  const mm = (n: number) => Math.round((n * 1440) / 25.4);
  const least = (word: string) => mm(wordWidth(word) + 3.5);

  it.each([
    // Measured in LibreOffice, Times New Roman (Liberation Serif) 12 pt.
    ['Муниципальные', 30.4],
    ['Ответственные', 29.8],
    ['2.10.', 8.5],
  ])('«%s» is about %d mm wide', (word, measured) => {
    expect(wordWidth(word)).toBeGreaterThanOrEqual(measured - 0.5);
    expect(wordWidth(word)).toBeLessThanOrEqual(measured + 1.5);
  });

  it('shares the width by weight when every word fits', () => {
    expect(columnWidths([col('№', 1), col('Мероприятия', 3)], [{ cells: ['1.', 'Семинар'] }], mm(160))).toEqual([
      Math.floor(mm(160) / 4),
      Math.floor((mm(160) * 3) / 4),
    ]);
  });

  it('widens a column to its longest word, header or cell, at the expense of the others', () => {
    const columns = [col('№', 1), col('Мероприятия', 8), col('Ответственные', 1)];
    const widths = columnWidths(columns, [{ cells: ['1.', 'Семинар', 'Муниципальные координаторы'] }], mm(160));
    expect(widths[2]).toBe(Math.max(mm(wordWidth('Ответственные') * 1.06 + 3.5), least('Муниципальные')));
    // The rest is shared by weight between the other two.
    expect(widths[0]).toBe(Math.floor((mm(160) - widths[2]!) / 9));
    expect(widths[1]).toBe(Math.floor(((mm(160) - widths[2]!) * 8) / 9));
  });

  it('fits the header words before long cell words when not all fit with room to spare', () => {
    const columns = [col('Мероприятия', 1), col('Ответственные', 1), col('Исполнители', 1)];
    const long = 'Муниципальныекоординаторы';
    const widths = columnWidths(columns, [{ cells: [long, long, long] }], mm(120));
    expect(widths[1]).toBeGreaterThanOrEqual(mm(wordWidth('Ответственные') * 1.06 + 3.5));
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(mm(120));
  });

  it('falls back to the weights when not even the headers fit', () => {
    const columns = Array.from({ length: 12 }, () => col('Ответственные', 1));
    expect(new Set(columnWidths(columns, [], mm(160)))).toEqual(new Set([Math.floor(mm(160) / 12)]));
  });
});

describe('the appendix block, the title and the passport', () => {
  const act = sampleProgramme().act;

  it.each([
    ['2023-01-13', '13.01.2023'],
    ['2020-06-25', '25.06.2020'],
    [null, ''],
  ])('ruDate(%s) = «%s»', (iso, ru) => expect(ruDate(iso)).toBe(ru));

  it.each<[string, Partial<typeof act>, string[]]>([
    [
      'seed 004',
      {},
      ['Приложение', 'к приказу Министерства образования Калининградской области', 'от 13.01.2023 № 28/1'],
    ],
    [
      'seed 001, an instruction',
      {
        kind: 'распоряжение',
        authority: 'Северное управление министерства образования и науки Самарской области',
        number: '375-р',
        date: '2021-12-09',
      },
      [
        'Приложение',
        'к распоряжению Северное управление министерства образования и науки Самарской области',
        'от 09.12.2021 № 375-р',
      ],
    ],
    [
      'seed 000, the order head in capitals',
      { authority: 'МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА', number: '3872', date: '2021-12-30' },
      ['Приложение', 'к приказу Министерства образования Кузбасса', 'от 30.12.2021 № 3872'],
    ],
    [
      'seed 003, already in the genitive',
      { authority: 'управления образования администрации города Кемерово', number: '632', date: '2020-06-01' },
      ['Приложение', 'к приказу управления образования администрации города Кемерово', 'от 01.06.2020 № 632'],
    ],
    [
      'no number yet',
      { number: '', date: null },
      ['Приложение', 'к приказу Министерства образования Калининградской области'],
    ],
    ['nothing known', { kind: '', authority: '', number: '', date: null }, ['Приложение']],
  ])('%s', (_, change, lines) => expect(appendixLines({ ...act, ...change })).toEqual(lines));

  it.each([
    ['МИНИСТЕРСТВО ОБРАЗОВАНИЯ КАЛИНИНГРАДСКОЙ ОБЛАСТИ', 'Министерство образования Калининградской области'],
    [
      'МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ САМАРСКОЙ ОБЛАСТИ СЕВЕРНОЕ УПРАВЛЕНИЕ',
      'Министерство образования и науки Самарской области Северное управление',
    ],
    [
      'УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ МУНИЦИПАЛЬНОГО ОБРАЗОВАНИЯ КОРЕНОВСКИЙ РАЙОН',
      'управление образования администрации муниципального образования Кореновский район',
    ],
    [
      'ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ ХАНТЫ-МАНСИЙСКОГО АВТОНОМНОГО ОКРУГА',
      'департамент образования Ханты-Мансийского автономного округа',
    ],
    ['МКУ УПРАВЛЕНИЕ ОБРАЗОВАНИЯ Г. КЕМЕРОВО', 'МКУ управление образования г. Кемерово'],
    ['управления образования администрации города Кемерово', 'управления образования администрации города Кемерово'],
  ])('authorityCase(«%s») = «%s»', (written, cased) => expect(authorityCase(written)).toBe(cased));

  it.each<[string, string, { text: string; caps: boolean }[]]>([
    [
      'дорожная карта',
      'Дорожная карта (план мероприятий) по повышению качества образования в общеобразовательных организациях',
      [
        { text: 'Дорожная карта (план мероприятий)', caps: true },
        { text: 'по повышению качества образования в общеобразовательных организациях', caps: false },
      ],
    ],
    [
      'программа',
      'Программа «Повышение качества образования в школах» на 2022 – 2023 годы',
      [
        { text: 'Программа «Повышение качества образования в школах»', caps: true },
        { text: 'на 2022 – 2023 годы', caps: false },
      ],
    ],
    [
      'муниципальный проект',
      'Повышение качества образования в школах, имеющих низкие образовательные результаты',
      [
        { text: 'муниципальный проект', caps: true },
        { text: 'Повышение качества образования в школах, имеющих низкие образовательные результаты', caps: false },
      ],
    ],
    ['дорожная карта', 'Дорожная карта', [{ text: 'Дорожная карта', caps: false }]],
  ])('title of a «%s»: «%s»', (kind, title, lines) =>
    expect(titleLines({ kind: kind as ProgrammeDraft['kind'], title })).toEqual(lines),
  );

  it('prints items that carry their own numbers as they are, and a «Наименование» row of the source first', () => {
    const p = sampleProgramme();
    p.passport.tasks = ['1. Выявить ОУ', '2. Оказать помощь'];
    p.passport.challenges = ['Дефицит педагогических кадров', 'Низкая мотивация'];
    p.passport.other = [
      { label: 'Способ достижения цели', value: 'Муниципальный механизм управления качеством' },
      { label: 'Наименование Программы', value: 'Повышение качества образования' },
    ];
    const rows = passportRows(p);
    expect(rows[0]).toEqual({
      label: 'Наименование Программы',
      value: 'Повышение качества образования',
      numbered: false,
    });
    expect(rows.find((r) => r.label === 'Задачи')).toEqual({
      label: 'Задачи',
      value: '1. Выявить ОУ\n2. Оказать помощь',
      numbered: false,
    });
    const challenges = rows.find((r) => r.label === 'Вызовы')!;
    expect(challenges).toEqual({
      label: 'Вызовы',
      value: 'Дефицит педагогических кадров\nНизкая мотивация',
      numbered: true,
    });
    expect(passportText(challenges)).toBe('1. Дефицит педагогических кадров\n2. Низкая мотивация');
    expect(rows.at(-1)?.label).toBe('Способ достижения цели');
  });

  it('prints stages and term once when the stages name the term', () => {
    const p = sampleProgramme();
    p.passport.stages = 'I этап — 2023 год';
    expect(passportRows(p).filter((r) => /срок|этап/i.test(r.label))).toEqual([
      { label: 'Этапы и сроки реализации', value: 'I этап — 2023 год', numbered: false },
    ]);
  });

  it.each([
    // «в 2023 году» is not the wording «2023 год»: the passport names the term.
    ['План мероприятий в 2023 году', '2023 год', ['Сроки реализации']],
    // Seed 002: the period was read from the title, which says it already; the passport adds nothing.
    ['Дорожная карта на 2020-2021 учебный год', '2020-2021 учебный год', []],
    ['Дорожная карта', '', []],
  ])('«%s» with the term «%s» → %j', (title, periodText, labels) => {
    const p = { ...sampleProgramme(), title, periodText };
    expect(
      passportRows(p)
        .filter((r) => /срок/i.test(r.label))
        .map((r) => r.label),
    ).toEqual(labels);
  });

  it('leads the passport with a row that keeps it a passport for the reader', async () => {
    // A first row «Заказчик | … школ-тьюторов … показатели … %» would read as a tutor-pair or indicator table.
    const p = sampleProgramme();
    p.passport.customer = 'Сеть школ-тьюторов для школ с низкими показателями, 30 %';
    expect(tableKindOf(passportRows(p).map((r) => [r.label, r.value]))).not.toBe('passport');
    const h = await html(await writeProgrammeDocx(p));
    const passport = tables(h)[0]!;
    const rows = [...passport.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
      [...m[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<\/p><p>/g, '\n').replace(/<[^>]+>/g, '')),
    );
    expect(tableKindOf(rows)).toBe('passport');
    expect(rows.map((r) => r[0])).toEqual([
      'Куратор',
      'Заказчик',
      'Исполнители',
      'Цель',
      'Задачи',
      'Сроки реализации',
      'Ожидаемые результаты',
    ]);
  });
});
