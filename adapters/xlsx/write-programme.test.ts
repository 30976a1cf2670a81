import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../domain/deadline/read-deadline.ts';
import { sampleProgramme } from '../docx/sample-programme.ts';
import { deadlineSpan, writeProgrammeXlsx } from './write-programme.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}
const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('writeProgrammeXlsx: the sample plan-schedule as a book', async () => {
  const p = sampleProgramme();
  const bytes = await writeProgrammeXlsx(p);
  const book = await load(bytes);
  const sheet = (name: string) => {
    const ws = book.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };

  it('has the activity, indicator and passport sheets, then the appendices the programme has', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Мероприятия',
      'Показатели',
      'Паспорт',
      'Консультации',
      'Тьюторы',
      'Школы',
      'Мониторинг',
    ]);
  });

  it('heads the activity sheet with bold, frozen, filterable headers and wraps the text', () => {
    const ws = sheet('Мероприятия');
    expect(values(ws, 1)).toEqual([
      'Раздел',
      '№ п/п',
      'Мероприятия',
      'Сроки',
      'Начало',
      'Окончание',
      'Вид срока',
      'Ответственные',
      'Исполнители',
      'Планируемый результат',
      'Показатель реализации',
      'Информационное сопровождение',
    ]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(3).width).toBe(60);
    expect(ws.getRow(2).getCell(3).alignment?.wrapText).toBe(true);
    expect(ws.rowCount).toBe(6);
  });

  it('writes one row per activity with its section, the wording and its reading', () => {
    const ws = sheet('Мероприятия');
    expect(values(ws, 3)).toEqual([
      '1. Организационные мероприятия по сопровождению общеобразовательных организаций',
      '1.2.',
      'Входной мониторинг текущего состояния в школах (материально-техническая оснащенность, педагогические кадры)',
      '01.02-15.05.2023',
      utc('2023-02-01'),
      utc('2023-05-15'),
      'период',
      'Региональный координатор',
      'Руководители школ',
      'Аналитическая справка',
      '100% школ',
      // no information support: exceljs lists no values past the last filled cell
    ]);
    expect(ws.getRow(3).getCell(5).numFmt).toBe('dd.mm.yyyy');
    // «До 15.02.2023»: no start is known, the end is; «Август» is the month; a plan of another body has no dates.
    const deadlines = [2, 3, 4, 5, 6].map((r) => values(ws, r).slice(3, 7));
    expect(deadlines).toEqual([
      ['До 15.02.2023', undefined, utc('2023-02-15'), 'дата'],
      ['01.02-15.05.2023', utc('2023-02-01'), utc('2023-05-15'), 'период'],
      ['Август', utc('2023-08-01'), utc('2023-08-31'), 'период'],
      ['01.03-01.12.2023', utc('2023-03-01'), utc('2023-12-01'), 'период'],
      ['По плану работы ресурсного центра', undefined, undefined, 'по плану другой организации'],
    ]);
    expect(values(ws, 6)[0]).toBe('2. Адресная методическая поддержка общеобразовательных организаций');
    expect(ws.getRow(2).getCell(10).value).toBe('Приказы о назначении\nСписок ответственных');
  });

  it('keeps «=100% …» a string, never a formula', async () => {
    const cell = sheet('Мероприятия').getRow(2).getCell(11);
    expect(cell.value).toBe('=100% от числа школ-участниц');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    const zip = await JSZip.loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(7);
    for (const name of sheets) expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
  });

  it('writes the indicators with one column per target period', () => {
    const ws = sheet('Показатели');
    expect(values(ws, 1)).toEqual([
      '№ п/п',
      'Направление',
      'Наименование целевого показателя',
      'Единица измерения',
      'Базовое значение',
      'Фактическое значение',
      '2023',
      '2024',
    ]);
    expect(values(ws, 3)).toEqual([
      '2',
      undefined,
      'Доля учителей школ проекта, прошедших повышение квалификации',
      '%',
      '40',
      undefined,
      '70',
      '90',
    ]);
  });

  it('writes the passport as label and value, the approving order first', () => {
    const ws = sheet('Паспорт');
    expect(values(ws, 1)).toEqual(['Раздел паспорта', 'Содержание']);
    const rows = Object.fromEntries(
      [...Array(ws.rowCount - 1).keys()].map((i) => values(ws, i + 2) as [string, string]),
    );
    expect(rows).toEqual({
      Наименование: p.title,
      Вид: 'план-график',
      Уровень: 'региональный',
      'Утверждающий документ': 'приказ Министерства образования Калининградской области от 13.01.2023 № 28/1',
      Период: '01.01.2023 – 31.12.2023',
      Заказчик: 'Министерство образования Калининградской области',
      Куратор: 'Институт развития образования',
      Исполнители: 'Муниципальные координаторы, руководители школ',
      Цель: 'Повышение качества образования в школах с низкими образовательными результатами',
      Задачи:
        '1. Выявить факторы риска низких образовательных результатов\n2. Организовать адресную методическую помощь школам',
      'Сроки реализации': '2023 год',
      'Ожидаемые результаты': 'Снижение доли школ с низкими образовательными результатами',
    });
  });

  it('writes consultations, tutor pairs, schools and monitoring rounds', () => {
    expect(values(sheet('Консультации'), 3)).toEqual([
      'Подготовка к ОГЭ по русскому языку',
      '12.04.2023',
      utc('2023-04-12'),
      utc('2023-04-12'),
      'Петрова А. С., доцент кафедры; Сидоров В. В., учитель-методист',
    ]);
    expect(values(sheet('Тьюторы'), 2)).toEqual([1, 'МБОУ ООШ № 7 г. Гусева', 'МАОУ лицей № 18 г. Калининграда']);
    expect(values(sheet('Школы'), 4)).toEqual(['школа-тьютор', 'МАОУ лицей № 18 г. Калининграда']);
    expect(values(sheet('Мониторинг'), 2)).toEqual([utc('2023-06-30'), 30, 40, 'не менее 30-40 %']);
  });
});

describe('writeProgrammeXlsx: a programme with activities only', () => {
  it('leaves out the appendix sheets it has nothing for', async () => {
    const p = { ...sampleProgramme(), consultations: [], tutorPairs: [], schools: [], monitoringRounds: [] };
    const book = await load(await writeProgrammeXlsx(p));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Мероприятия', 'Показатели', 'Паспорт']);
  });
});

describe('deadlineSpan', () => {
  const period = { start: '2022-01-01', end: '2023-12-31' };
  it.each([
    ['До 15.02.2023', null, '2023-02-15'],
    ['Ежегодно, сентябрь', '2022-09-01', '2023-09-30'],
    ['Август, Ноябрь 2022 Февраль, Июнь 2023', '2022-08-01', '2023-06-30'],
    ['По плану работы ресурсного центра', null, null],
  ])('«%s» → %s … %s', (text, start, end) => expect(deadlineSpan(readDeadline(text, period))).toEqual({ start, end }));
});
