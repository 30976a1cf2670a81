import { describe, expect, it } from 'vitest';
import { alignRows, type DocBlock } from '../../domain/document/source-document.ts';
import { pngSize } from '../chart/render-chart.ts';
import { readDocument } from '../document/read-document.ts';
import {
  approvedByText,
  dateTimeText,
  executionSentence,
  noRecommendations,
  overdueText,
  type RoundReport,
} from '../round-report.ts';
import { hostileName, sampleRoundReport } from '../sample-round-report.ts';
import { listZipEntries, openZip, readZipEntry } from '../zip/zip-archive.ts';
import { writeRoundReportDocx } from './write-round-report.ts';

/** A table as a grid: a row merged across keeps its text in the first column, the others empty. */
const grid = (rows: Extract<DocBlock, { kind: 'table' }>['rows']) =>
  alignRows(rows).map((row) => row.cells.map((c) => c.text));

/** The document as the importer reads it: paragraphs and tables in reading order. */
async function read(r: RoundReport) {
  const bytes = await writeRoundReportDocx(r);
  const { blocks } = await readDocument('справка.docx', bytes);
  const paragraphs = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  const tables = blocks.flatMap((b) => (b.kind === 'table' ? [grid(b.rows)] : []));
  return { bytes, blocks, paragraphs, tables };
}

const media = (bytes: Uint8Array) =>
  listZipEntries(bytes)
    .filter((e) => /^word\/media\/[^/]+\.png$/.test(e.name))
    .map((e) => readZipEntry(bytes, e));

const documentXml = (bytes: Uint8Array) => new TextDecoder().decode(openZip(bytes).read('word/document.xml'));

/** The table that follows the heading starting with `heading`. */
function tableAfter(blocks: DocBlock[], heading: string): string[][] {
  const at = blocks.findIndex((b) => b.kind === 'paragraph' && b.text.startsWith(heading));
  const found = blocks.slice(at + 1).find((b) => b.kind === 'table');
  if (at < 0 || !found || found.kind !== 'table') throw new Error(`no table after «${heading}»`);
  return grid(found.rows);
}

describe('writeRoundReportDocx: the справка of the sample round', async () => {
  const r = sampleRoundReport();
  const { bytes, blocks, paragraphs, tables } = await read(r);

  it('is titled with the programme and the date of the round, then the region', () => {
    expect(paragraphs.slice(0, 5)).toEqual([
      'Аналитическая справка',
      'по итогам мониторинга исполнения мероприятий',
      `«${r.programmeTitle}»`,
      'по состоянию на 30.06.2023',
      'Калининградская область',
    ]);
    expect(documentXml(bytes)).toContain('<w:caps/>');
  });

  it('opens with the programme, its act, the date of monitoring and the frozen figures in the region’s time', () => {
    expect(paragraphs[5]).toBe(
      `Мониторинг исполнения мероприятий «${r.programmeTitle}» (документ утверждён приказом Министерства ` +
        'образования Калининградской области от 13.01.2023 № 28/1) проведён по состоянию на 30.06.2023 ' +
        '(этап мониторинга — первый мониторинг исполнения мероприятий дорожной карты). ' +
        'Сведения зафиксированы 03.07.2023 11:00 и после фиксации не изменяются.',
    );
  });

  it('sums up execution against the threshold, and what was due by the date', () => {
    const at = paragraphs.indexOf('1. Общие итоги исполнения');
    expect(paragraphs.slice(at + 1, at + 4)).toEqual([
      'Исполнено 11 из 30 мероприятий (без учёта 2 отменённых) — 36,7 %; пороговое значение на дату мониторинга — ' +
        'не менее 30–40 %; порог достигнут.',
      'Из 14 мероприятий со сроком исполнения до 30.06.2023 включительно исполнено 11 — 78,6 %.',
      'Всего мероприятий: 32; исполнено: 11; выполняется: 14; запланировано: 5; отменено: 2; просрочено: 3.',
    ]);
  });

  it('tables execution by municipality in alphabetical order, cancelled activities left out of «N из M»', () => {
    expect(tableAfter(blocks, '2. ')).toEqual([
      ['№', 'Муниципальное образование', 'Исполнено (без отменённых)', 'Исполнение, %', 'Просрочено'],
      ['1.', 'Балтийский городской округ', '14 из 38', '36,8', '3'],
      ['2.', 'Гвардейский муниципальный округ', '9 из 36', '25', '6'],
      ['3.', 'Гурьевский муниципальный округ', '18 из 39', '46,2', '1'],
    ]);
  });

  it('draws the municipalities and the trend as PNG pictures in word/media, captioned', () => {
    const pictures = media(bytes);
    expect(pictures).toHaveLength(2);
    for (const png of pictures) expect(pngSize(png).width).toBe(1600);
    expect(paragraphs).toContain('Рисунок 1 — Исполнение мероприятий по муниципальным образованиям, %');
    expect(paragraphs).toContain('Рисунок 2 — Динамика исполнения мероприятий по этапам мониторинга, %');
    // Pictures fit the text width (160 mm of A4 with 30 and 20 mm margins).
    const widths = [...documentXml(bytes).matchAll(/<wp:extent cx="(\d+)"/g)].map((m) => Number(m[1]) / 36_000);
    expect(widths.map(Math.round)).toEqual([160, 160]);
  });

  it('tables the schools under their municipalities, numbered through, the hostile name kept literal', () => {
    expect(tableAfter(blocks, '3. ')).toEqual([
      ['№', 'Наименование ОО', 'Исполнено (без отменённых)', 'Исполнение, %', 'Просрочено'],
      ['Балтийский городской округ', '', '', '', ''],
      ['1.', hostileName, '5 из 19', '26,3', '3'],
      ['2.', 'МБОУ СОШ № 5 г. Балтийска', '9 из 19', '47,4', '0'],
      ['Гвардейский муниципальный округ', '', '', '', ''],
      ['3.', 'МБОУ ООШ пос. Знаменск', '5 из 16', '31,3', '2'],
      ['4.', 'МБОУ СОШ № 2 г. Гвардейска', '4 из 20', '20', '4'],
      ['Гурьевский муниципальный округ', '', '', '', ''],
      ['5.', 'МАОУ СОШ пос. Васильково', '8 из 19', '42,1', '1'],
      ['6.', 'МАОУ СОШ № 1 г. Гурьевска', '10 из 20', '50', '0'],
    ]);
    const xml = documentXml(bytes);
    expect(xml).toContain('=HYPERLINK(&quot;x&quot;) &lt;script&gt;alert(1)&lt;/script&gt; &amp; «Школа»');
    expect(xml).not.toContain('<script>');
  });

  it('lists the lagging activities with their responsible, schools done and days overdue', () => {
    const lagging = tableAfter(blocks, '4. ');
    expect(lagging[0]).toEqual(['№ п/п', 'Мероприятие', 'Срок', 'Исполнено в ОО', 'Статус']);
    expect(lagging[1]).toEqual([
      '4.',
      'Анкетирование для формирования рисковых профилей общеобразовательных организаций\n' +
        'Ответственные: Региональный координатор, муниципальные координаторы, руководители школ',
      '28.03-18.04.2023',
      '4 из 6',
      'Выполняется\nпросрочено на 73 дня',
    ]);
    expect(lagging[3]?.[4]).toBe('Запланировано\nпросрочено на 46 дней');
    // Not carried out school by school, and not overdue.
    expect(lagging[4]?.slice(3)).toEqual(['—', 'Выполняется']);
  });

  it('sets each indicator’s plan against its actual value, with its status and rule', () => {
    expect(tableAfter(blocks, '5. ')).toEqual([
      ['Ед. изм.', 'Базовое значение', 'Целевое значение', 'Фактическое значение', 'Статус', 'Правило оценки'],
      [
        '1. Доля общеобразовательных организаций, разработавших программы развития с учётом рисковых профилей',
        '',
        '',
        '',
        '',
        '',
      ],
      ['%', '0', '100', '50', 'Не достигнут', 'не ниже целевого значения'],
      ['2. Обучающие мероприятия для управленческих и педагогических команд школ проекта «500+»', '', '', '', '', ''],
      ['ед.', '0', 'не менее 5', '3', 'Срок не наступил', 'не ниже целевого значения к 01.12.2023'],
    ]);
  });

  it('gives the trend in date order', () => {
    expect(tableAfter(blocks, '6. ')).toEqual([
      ['Дата мониторинга', 'Исполнение, %'],
      ['31.03.2023', '12,5'],
      ['30.06.2023', '36,7'],
    ]);
  });

  it('ends with the recommendations, one paragraph each, line breaks kept, and when it was made', () => {
    const at = paragraphs.indexOf('7. Адресные рекомендации');
    expect(paragraphs.slice(at + 1)).toEqual([
      ...r.recommendations.split('\n\n'),
      'Справка сформирована 05.07.2023 10:30.',
    ]);
    expect(paragraphs[at + 2]).toContain('до 14.07.2023.\nРезультаты направить');
  });

  it('repeats every table’s header row on each page, and numbers the pages from the second', () => {
    const xml = documentXml(bytes);
    expect(tables).toHaveLength(5);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(5);
    expect(xml).toContain('<w:titlePg/>');
  });
});

describe('writeRoundReportDocx: other rounds', () => {
  const base = sampleRoundReport();

  it('says live figures may change, times in Moscow time when the region’s zone is unknown', async () => {
    const { timeZone: _, ...withoutZone } = base;
    const live: RoundReport = { ...withoutZone, round: { ...base.round, frozenAt: null } };
    const { paragraphs } = await read(live);
    expect(paragraphs[5]).toContain(
      'Сведения приведены на 05.07.2023 11:30 (время московское) и до фиксации итогов мониторинга могут измениться.',
    );
    expect(paragraphs.at(-1)).toBe('Справка сформирована 05.07.2023 11:30 (время московское).');
  });

  it('draws no trend for a first round and says so, nor recommendations that were not written', async () => {
    const first: RoundReport = {
      ...base,
      trend: [{ date: '2023-06-30', executionPercent: 40 }],
      recommendations: ' \n\n ',
    };
    const { bytes, paragraphs } = await read(first);
    expect(media(bytes)).toHaveLength(1);
    expect(paragraphs).toContain('Динамика будет показана по итогам следующего этапа мониторинга.');
    expect(paragraphs).not.toContain('Рисунок 2 — Динамика исполнения мероприятий по этапам мониторинга, %');
    expect(paragraphs).toContain(noRecommendations);
  });

  it('numbers the trend as the first figure when no municipality has a share to draw', async () => {
    const noShares: RoundReport = {
      ...base,
      byMunicipality: base.byMunicipality.map((m) => ({ ...m, executionPercent: null })),
    };
    const { bytes, paragraphs, blocks } = await read(noShares);
    expect(media(bytes)).toHaveLength(1);
    expect(paragraphs).toContain('Рисунок 1 — Динамика исполнения мероприятий по этапам мониторинга, %');
    expect(tableAfter(blocks, '2. ')[1]).toEqual(['1.', 'Балтийский городской округ', '14 из 38', '—', '3']);
  });

  it('says so where a part has nothing to show', async () => {
    const empty: RoundReport = { ...base, byMunicipality: [], bySchool: [], lagging: [], indicators: [], trend: [] };
    const { bytes, paragraphs } = await read(empty);
    expect(media(bytes)).toHaveLength(0);
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        'Сведения в разрезе муниципальных образований отсутствуют.',
        'Сведения в разрезе общеобразовательных организаций отсутствуют.',
        'Мероприятий, исполнение которых отстаёт от установленных сроков, нет.',
        'Целевые показатели для оценки не установлены.',
        'Сведения о предыдущих этапах мониторинга отсутствуют.',
      ]),
    );
  });
});

describe('wordings', () => {
  const base = sampleRoundReport();
  const withSummary = (summary: Partial<RoundReport['summary']>): RoundReport => ({
    ...base,
    summary: { ...base.summary, ...summary },
  });

  it.each([
    [
      { total: 22, cancelled: 1, done: 7, executionPercent: (7 / 21) * 100 },
      'Исполнено 7 из 21 мероприятия (без учёта 1 отменённого) — 33,3 %',
    ],
    [{ total: 24, cancelled: 0, done: 12, executionPercent: 50 }, 'Исполнено 12 из 24 мероприятий — 50 %'],
    [
      { total: 2, cancelled: 2, done: 0, executionPercent: null },
      'Мероприятий, подлежащих исполнению, нет (отменено: 2)',
    ],
  ])('counts %j as «%s»', (summary, start) => {
    expect(executionSentence(withSummary(summary))).toBe(
      `${start}; пороговое значение на дату мониторинга — не менее 30–40 %; порог достигнут.`,
    );
  });

  it('says when the threshold is missed, and when none is set', () => {
    expect(executionSentence(withSummary({ meetsThreshold: false }))).toMatch(/; порог не достигнут\.$/);
    expect(executionSentence(withSummary({ thresholdText: '', meetsThreshold: null }))).toMatch(
      /— 36,7 %; пороговое значение на дату мониторинга не установлено\.$/,
    );
  });

  it.each([
    [
      'приказ Министерства образования Калининградской области от 13.01.2023 № 28/1',
      'утверждён приказом Министерства образования Калининградской области от 13.01.2023 № 28/1',
    ],
    ['Распоряжение администрации от 01.02.2023 № 5', 'утверждён распоряжением администрации от 01.02.2023 № 5'],
    ['протокол совещания от 01.02.2023', 'утверждён: протокол совещания от 01.02.2023'],
  ])('cites «%s» as «%s»', (act, text) => {
    expect(approvedByText(act)).toBe(text);
  });

  it.each([
    [1, 'просрочено на 1 день'],
    [3, 'просрочено на 3 дня'],
    [11, 'просрочено на 11 дней'],
    [0, ''],
    [null, ''],
  ])('words %j days overdue as «%s»', (days, text) => {
    expect(overdueText(days)).toBe(text);
  });

  it('prints times in the region’s zone, the date included (23:30 UTC is the next day in Kaliningrad)', () => {
    expect(dateTimeText('2023-06-30T23:30:00Z', 'Europe/Kaliningrad')).toBe('01.07.2023 01:30');
    expect(dateTimeText('2023-06-30T23:30:00Z', 'Asia/Novokuznetsk')).toBe('01.07.2023 06:30');
  });
});
