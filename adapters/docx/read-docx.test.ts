import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { alignRows, cell } from '../../domain/document/source-document.ts';
import { DomainError } from '../../domain/errors.ts';
import { allActivities } from '../../domain/programme/programme.ts';
import { readProgramme } from '../../domain/programme/read-programme.ts';
import { craftZip, xmlPart } from '../../test/fixtures/tables/craft-zip.ts';
import { readDocx } from './read-docx.ts';

const text = (t: string) => new Paragraph(t);
const bold = (t: string) => new Paragraph({ children: [new TextRun({ text: t, bold: true })] });
const td = (...paragraphs: Paragraph[]) => new TableCell({ children: paragraphs });

/** A roadmap the way a regional office types it in Word. */
async function roadmap(): Promise<Uint8Array> {
  const document = new Document({
    footnotes: { 1: { children: [text('По данным ВПР 2021 года.')] } },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: 'Дорожная карта «500+» на 2023 год', bold: true })],
          }),
          new Paragraph({ text: 'Раздел 1. Мероприятия', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Показатели', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Паспорт', heading: HeadingLevel.TITLE }),
          text(''), // Word users separate sections with empty paragraphs
          new Paragraph({ children: [new TextRun({ children: ['Срок:', new Tab(), 'декабрь'] })] }),
          new Paragraph({
            children: [new TextRun('Первая строка'), new TextRun({ text: 'вторая строка', break: 1 })],
          }),
          new Paragraph({ children: [new TextRun('Доля школ с результатами ниже 30 %'), new FootnoteReferenceRun(1)] }),
          new Paragraph({ text: 'Пункт списка', bullet: { level: 0 } }),
          new Table({
            rows: [
              // A header row repeated on every page.
              new TableRow({ tableHeader: true, children: [td(text('№')), td(text('Мероприятие')), td(text('Срок'))] }),
              new TableRow({
                children: [
                  td(text('1.')),
                  td(text('Анкетирование школ'), text('по профилям рисков')),
                  td(bold('до 01.03.2023')),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [text('2.')], rowSpan: 2 }),
                  new TableCell({ children: [text('Семинар для директоров ШНОР')], columnSpan: 2 }),
                ],
              }),
              new TableRow({ children: [td(text('Ответственный: ИРО')), td(text('март'))] }),
              new TableRow({
                children: [
                  new TableCell({ children: [text('3.')], verticalMerge: VerticalMergeType.RESTART }),
                  td(
                    new Paragraph({
                      children: [new TextRun({ text: 'Мониторинг', bold: true }), new TextRun(' итогов')],
                    }),
                  ),
                  td(text('')),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [text('')], verticalMerge: VerticalMergeType.CONTINUE }),
                  td(text('Отчёт')),
                  td(text('30.11.2023')),
                ],
              }),
            ],
          }),
          text('Приложение 1'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readDocx(bytes, 'программа.docx');
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('import.format');
    const message = (e as DomainError).message;
    expect(message).not.toMatch(/Excel|книг/); // checkArchive's wording is for workbooks
    return message;
  }
  throw new Error('expected a refusal');
}

describe('readDocx', () => {
  it('reads a Word roadmap: title, headings, paragraphs, a table with merged cells; footnotes left out', async () => {
    const doc = await readDocx(await roadmap(), 'Дорожная карта.docx');
    expect(doc.format).toBe('docx');
    expect(doc.name).toBe('Дорожная карта.docx');
    expect(doc.blocks).toEqual([
      {
        kind: 'paragraph',
        text: 'Дорожная карта «500+» на 2023 год',
        bold: true,
        heading: false,
        source: { paragraph: 1 },
      },
      { kind: 'paragraph', text: 'Раздел 1. Мероприятия', bold: false, heading: true, source: { paragraph: 2 } },
      { kind: 'paragraph', text: 'Показатели', bold: false, heading: true, source: { paragraph: 3 } },
      { kind: 'paragraph', text: 'Паспорт', bold: false, heading: true, source: { paragraph: 4 } },
      // The empty paragraph is dropped, the tab reads as a space and the line break as a new line; the footnote
      // marker (a superscript 1 in Word) is left out with the footnote, which would read «30 %1».
      { kind: 'paragraph', text: 'Срок: декабрь', bold: false, heading: false, source: { paragraph: 5 } },
      {
        kind: 'paragraph',
        text: 'Первая строка\nвторая строка',
        bold: false,
        heading: false,
        source: { paragraph: 6 },
      },
      {
        kind: 'paragraph',
        text: 'Доля школ с результатами ниже 30 %',
        bold: false,
        heading: false,
        source: { paragraph: 7 },
      },
      { kind: 'paragraph', text: 'Пункт списка', bold: false, heading: false, source: { paragraph: 8 } },
      {
        kind: 'table',
        source: { table: 0 },
        rows: [
          // A header row repeated on every page is not bold unless its text is.
          { cells: [cell('№'), cell('Мероприятие'), cell('Срок')], source: { table: 0, row: 1 } },
          {
            cells: [cell('1.'), cell('Анкетирование школ\nпо профилям рисков'), cell('до 01.03.2023', true)],
            source: { table: 0, row: 2 },
          },
          // Cells covered by a merge are not written: the row under a rowspan has one cell fewer.
          {
            cells: [cell('2.', false, 1, 2), cell('Семинар для директоров ШНОР', false, 2, 1)],
            source: { table: 0, row: 3 },
          },
          { cells: [cell('Ответственный: ИРО'), cell('март')], source: { table: 0, row: 4 } },
          {
            cells: [cell('3.', false, 1, 2), cell('Мониторинг итогов'), cell('')],
            source: { table: 0, row: 5 },
          },
          { cells: [cell('Отчёт'), cell('30.11.2023')], source: { table: 0, row: 6 } },
        ],
      },
      { kind: 'paragraph', text: 'Приложение 1', bold: false, heading: false, source: { paragraph: 9 } },
    ]);
  });

  it('reads a document whose bytes are a view into a larger buffer', async () => {
    const bytes = await roadmap();
    const padded = new Uint8Array(bytes.length + 10);
    padded.set(bytes, 5);
    const doc = await readDocx(padded.subarray(5, 5 + bytes.length), 'x.docx');
    expect(doc.blocks).toHaveLength(10);
  });
});

/** A document of these blocks, with the lists and styles a test needs. */
async function docx(
  children: (Paragraph | Table)[],
  options: Partial<Pick<ConstructorParameters<typeof Document>[0], 'numbering' | 'styles'>> = {},
): Promise<Uint8Array> {
  const document = new Document({ ...options, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

const blocksOf = async (bytes: Uint8Array) => (await readDocx(bytes, 'x.docx')).blocks;

const paragraphsOf = async (bytes: Uint8Array) =>
  (await blocksOf(bytes)).flatMap((b) => (b.kind === 'paragraph' ? [b] : []));

async function onlyTable(bytes: Uint8Array) {
  const tables = (await blocksOf(bytes)).flatMap((b) => (b.kind === 'table' ? [b] : []));
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

const rowTexts = (rows: { cells: { text: string }[] }[]) => rows.map((r) => r.cells.map((c) => c.text));

/** Activity numbering as roadmaps type it: «1.» for a section, «1.1.» for its activities. */
const outline = {
  reference: 'outline',
  levels: [
    { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
    { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.' },
  ],
};
const numbered = (t: string, level: number, instance?: number, reference = 'outline') =>
  new Paragraph({ text: t, numbering: { reference, level, ...(instance ? { instance } : {}) } });

describe('readDocx: automatic numbering', () => {
  it('puts the number Word draws before the text of a numbered paragraph, counting levels as Word does', async () => {
    const bytes = await docx(
      [
        numbered('Организационные мероприятия', 0),
        numbered('Анкетирование школ', 1),
        numbered('Семинар для директоров', 1),
        text('Пояснение без номера'),
        numbered('Методические мероприятия', 0),
        // A deeper level starts again from 1 under the next «2.».
        numbered('Курсы повышения квалификации', 1),
        // Another instance of the same list counts from the start again.
        numbered('Первый пункт нового списка', 0, 2),
        numbered('Пункт в другом формате', 0, undefined, 'letters'),
        numbered('Ещё один', 0, undefined, 'letters'),
        new Paragraph({ text: 'Маркер не добавляет номера', bullet: { level: 0 } }),
      ],
      {
        numbering: {
          config: [
            outline,
            {
              reference: 'letters',
              levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: '%1)', start: 1 }],
            },
          ],
        },
      },
    );
    expect((await paragraphsOf(bytes)).map((p) => p.text)).toEqual([
      '1. Организационные мероприятия',
      '1.1. Анкетирование школ',
      '1.2. Семинар для директоров',
      'Пояснение без номера',
      '2. Методические мероприятия',
      '2.1. Курсы повышения квалификации',
      '1. Первый пункт нового списка',
      'a) Пункт в другом формате',
      'b) Ещё один',
      'Маркер не добавляет номера',
    ]);
  });

  it('numbers the «№ п/п» column of a table numbered by Word, empty cells included', async () => {
    const row = (num: Paragraph, activity: string) => new TableRow({ children: [td(num), td(text(activity))] });
    const empty = (level: number) => new Paragraph({ numbering: { reference: 'outline', level } });
    const bytes = await docx(
      [
        new Table({
          rows: [
            row(bold('№ п/п'), 'Мероприятие'),
            row(empty(0), 'Раздел 1. Организационные мероприятия'),
            row(empty(1), 'Анкетирование школ'),
            row(empty(1), 'Семинар для директоров'),
            row(empty(0), 'Раздел 2. Методические мероприятия'),
            row(empty(1), 'Курсы'),
          ],
        }),
      ],
      { numbering: { config: [outline] } },
    );
    const table = await onlyTable(bytes);
    expect(rowTexts(table.rows)).toEqual([
      ['№ п/п', 'Мероприятие'],
      ['1.', 'Раздел 1. Организационные мероприятия'],
      ['1.1.', 'Анкетирование школ'],
      ['1.2.', 'Семинар для директоров'],
      ['2.', 'Раздел 2. Методические мероприятия'],
      ['2.1.', 'Курсы'],
    ]);
    expect(table.rows[0]?.cells[0]?.bold).toBe(true);
    // A number does not make bold text plain, nor plain text bold.
    expect(table.rows.slice(1).every((r) => r.cells[0]?.bold === false)).toBe(true);
  });

  it('gives a programme read from the document the activity numbers Word draws', async () => {
    const row = (num: Paragraph, ...cells: string[]) =>
      new TableRow({ children: [td(num), ...cells.map((c) => td(text(c)))] });
    const empty = (level: number) => new Paragraph({ numbering: { reference: 'outline', level } });
    const bytes = await docx(
      [
        new Table({
          rows: [
            row(text('№ п/п'), 'Мероприятия', 'Сроки', 'Ответственные'),
            new TableRow({
              children: [
                td(empty(0)),
                new TableCell({ children: [bold('Организационные мероприятия')], columnSpan: 3 }),
              ],
            }),
            row(empty(1), 'Анкетирование школ', 'Январь 2024 года', 'ИРО'),
            row(empty(1), 'Семинар для директоров', 'До 15.02.2024', 'Министерство образования'),
          ],
        }),
      ],
      { numbering: { config: [outline] } },
    );
    const programme = readProgramme(await readDocx(bytes, 'x.docx'));
    expect(programme.sections.map((s) => [s.number, s.title])).toEqual([['1.', 'Организационные мероприятия']]);
    expect(allActivities(programme).map((a) => [a.number, a.text])).toEqual([
      ['1.1.', 'Анкетирование школ'],
      ['1.2.', 'Семинар для директоров'],
    ]);
  });

  it('keeps a bold numbered heading bold: the number does not count', async () => {
    const bytes = await docx(
      [
        new Paragraph({
          numbering: { reference: 'outline', level: 0 },
          children: [new TextRun({ text: 'Цели', bold: true })],
        }),
      ],
      { numbering: { config: [outline] } },
    );
    expect(await paragraphsOf(bytes)).toMatchObject([{ text: '1. Цели', bold: true }]);
  });
});

describe('readDocx: styles', () => {
  const styles = {
    paragraphStyles: [
      { id: 'Key', name: 'Ключ', run: { bold: true } },
      { id: 'KeyBelow', name: 'Ключ ниже', basedOn: 'Key' },
      { id: '2', name: 'Заголовок 2' },
      { id: 'RuTitle', name: 'Название' },
      { id: 'Chapter', name: 'Глава', basedOn: 'Heading1' },
      { id: 'Plain', name: 'Обычный текст' },
    ],
    characterStyles: [{ id: 'Accent', name: 'Акцент', run: { bold: true } }],
  };

  it('reads bold from a paragraph style, its base style and a character style; direct formatting wins', async () => {
    const bytes = await docx(
      [
        new Paragraph({ text: 'Цель программы:', style: 'Key' }),
        new Paragraph({ text: 'Задачи программы:', style: 'KeyBelow' }),
        new Paragraph({ children: [new TextRun({ text: 'Выделено стилем знака', style: 'Accent' })] }),
        new Paragraph({
          children: [new TextRun({ text: 'Половина', style: 'Accent' }), new TextRun(' обычного текста')],
        }),
        new Paragraph({ style: 'Key', children: [new TextRun({ text: 'Снято вручную', bold: false })] }),
        new Paragraph({ text: 'Обычный абзац', style: 'Plain' }),
        new Table({
          rows: [new TableRow({ children: [td(new Paragraph({ text: 'Ключ в таблице', style: 'Key' }))] })],
        }),
      ],
      { styles },
    );
    const blocks = await blocksOf(bytes);
    expect(blocks.flatMap((b) => (b.kind === 'paragraph' ? [[b.text, b.bold]] : []))).toEqual([
      ['Цель программы:', true],
      ['Задачи программы:', true],
      ['Выделено стилем знака', true],
      ['Половина обычного текста', false],
      ['Снято вручную', false],
      ['Обычный абзац', false],
    ]);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[0]?.cells[0]).toEqual(cell('Ключ в таблице', true));
  });

  it('takes headings from Word heading styles, their Russian names, styles based on them and outline levels', async () => {
    const bytes = await docx(
      [
        new Paragraph({ text: 'Заголовок третьего уровня', heading: HeadingLevel.HEADING_3 }),
        new Paragraph({ text: 'Название документа', heading: HeadingLevel.TITLE }),
        new Paragraph({ text: 'Русский заголовок', style: '2' }),
        new Paragraph({ text: 'Русское название', style: 'RuTitle' }),
        new Paragraph({ text: 'Глава на основе заголовка', style: 'Chapter' }),
        new Paragraph({ text: 'Уровень структуры', outlineLevel: 1 }),
        new Paragraph({ text: 'Обычный абзац', style: 'Plain' }),
      ],
      { styles },
    );
    expect((await paragraphsOf(bytes)).map((p) => [p.text, p.heading])).toEqual([
      ['Заголовок третьего уровня', true],
      ['Название документа', true],
      ['Русский заголовок', true],
      ['Русское название', true],
      ['Глава на основе заголовка', true],
      ['Уровень структуры', true],
      ['Обычный абзац', false],
    ]);
  });
});

describe('readDocx: text and tables', () => {
  it('reads tabs as spaces and line breaks as new lines, in paragraphs and cells', async () => {
    const broken = () =>
      new Paragraph({
        children: [
          new TextRun({ children: ['Срок:', new Tab(), 'декабрь'] }),
          new TextRun({ text: '2024 года', break: 1 }),
          new TextRun({ text: 'ответственный — ИРО', break: 2 }),
        ],
      });
    const bytes = await docx([broken(), new Table({ rows: [new TableRow({ children: [td(broken())] })] })]);
    const blocks = await blocksOf(bytes);
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', text: 'Срок: декабрь\n2024 года\nответственный — ИРО' });
    expect(blocks[1]?.kind === 'table' && blocks[1].rows[0]?.cells[0]?.text).toBe(
      'Срок: декабрь\n2024 года\nответственный — ИРО',
    );
  });

  it('joins the paragraphs of a cell with new lines, leaving out empty ones', async () => {
    const bytes = await docx([
      new Table({
        rows: [
          new TableRow({
            children: [td(text('Минобразования'), text(''), text('ИРО')), td(bold('Отчёт'), bold('Приказ'))],
          }),
        ],
      }),
    ]);
    expect((await onlyTable(bytes)).rows[0]?.cells).toEqual([cell('Минобразования\nИРО'), cell('Отчёт\nПриказ', true)]);
  });

  it('merges cells down over three rows and across two columns, leaving the covered cells out like HTML', async () => {
    const restart = (t: string, columnSpan = 1) =>
      new TableCell({ children: [text(t)], verticalMerge: VerticalMergeType.RESTART, columnSpan });
    const covered = (columnSpan = 1) =>
      new TableCell({ children: [text('')], verticalMerge: VerticalMergeType.CONTINUE, columnSpan });
    const bytes = await docx([
      new Table({
        rows: [
          new TableRow({
            children: [td(text('№')), td(text('Мероприятие')), td(text('Срок')), td(text('Исполнитель'))],
          }),
          new TableRow({
            children: [td(text('1.')), td(text('Семинар')), restart('2024 год', 2)],
          }),
          new TableRow({ children: [td(text('2.')), td(text('Курсы')), covered(2)] }),
          new TableRow({ children: [td(text('3.')), td(text('Мониторинг')), covered(2)] }),
          new TableRow({
            children: [td(text('4.')), new TableCell({ children: [text('Итоги года')], columnSpan: 3 })],
          }),
        ],
      }),
    ]);
    const table = await onlyTable(bytes);
    expect(table.rows.map((r) => r.cells)).toEqual([
      [cell('№'), cell('Мероприятие'), cell('Срок'), cell('Исполнитель')],
      [cell('1.'), cell('Семинар'), cell('2024 год', false, 2, 3)],
      [cell('2.'), cell('Курсы')],
      [cell('3.'), cell('Мониторинг')],
      [cell('4.'), cell('Итоги года', false, 3, 1)],
    ]);
    expect(rowTexts(alignRows(table.rows))).toEqual([
      ['№', 'Мероприятие', 'Срок', 'Исполнитель'],
      ['1.', 'Семинар', '2024 год', ''],
      ['2.', 'Курсы', '2024 год', ''],
      ['3.', 'Мониторинг', '2024 год', ''],
      ['4.', 'Итоги года', '', ''],
    ]);
  });

  it('reads a merge the docx rowSpan option writes (restart and continue cells) the same way', async () => {
    const bytes = await docx([
      new Table({
        rows: [
          new TableRow({ children: [new TableCell({ children: [text('ИРО')], rowSpan: 3 }), td(text('а'))] }),
          new TableRow({ children: [td(text('б'))] }),
          new TableRow({ children: [td(text('в'))] }),
        ],
      }),
    ]);
    expect(rowTexts(alignRows((await onlyTable(bytes)).rows))).toEqual([
      ['ИРО', 'а'],
      ['ИРО', 'б'],
      ['ИРО', 'в'],
    ]);
  });

  it('flattens a table nested in a cell into lines of that cell', async () => {
    const inner = new Table({
      rows: [
        new TableRow({ children: [td(text('Школа № 1')), td(text('Тьютор А'))] }),
        new TableRow({ children: [td(text('Школа № 2')), td(text('Тьютор Б'))] }),
      ],
    });
    const bytes = await docx([
      new Table({
        rows: [
          new TableRow({
            children: [
              td(text('1.')),
              new TableCell({ children: [text('Закрепление тьюторов:'), inner, text('по приказу')] }),
            ],
          }),
          new TableRow({ children: [td(text('2.')), td(text('Отчёт'))] }),
        ],
      }),
    ]);
    const table = await onlyTable(bytes);
    expect(rowTexts(table.rows)).toEqual([
      ['1.', 'Закрепление тьюторов:\nШкола № 1\nТьютор А\nШкола № 2\nТьютор Б\nпо приказу'],
      ['2.', 'Отчёт'],
    ]);
    expect(table.rows.map((r) => r.source)).toEqual([
      { table: 0, row: 1 },
      { table: 0, row: 2 },
    ]);
  });
});

describe('readDocx refuses', () => {
  it('an empty file', async () => {
    expect(await refusal(new Uint8Array(0))).toMatch(/^Файл пустой/);
  });

  it('a file over 20 MB', async () => {
    const bytes = new Uint8Array(20 * 2 ** 20 + 1);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refusal(bytes)).toMatch(/^Файл больше 20 МБ/);
  });

  it('an old binary .doc, with the advice to save it as .docx', async () => {
    const doc = new Uint8Array(4096);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    doc.set(new Uint8Array(Buffer.from('WordDocument', 'utf16le')), 1024);
    expect(await refusal(doc)).toBe('Файл в старом формате Word (.doc). Сохраните его как .docx и загрузите снова.');
  });

  it('a password-protected .docx (an OLE container with EncryptionInfo)', async () => {
    const encrypted = new Uint8Array(4096);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set(new Uint8Array(Buffer.from('EncryptionInfo', 'utf16le')), 1024);
    expect(await refusal(encrypted)).toMatch(/^Документ Word защищён паролем/);
  });

  it('random bytes', async () => {
    const random = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 251);
    expect(await refusal(random)).toMatch(/^Файл не является документом Word \(\.docx\)/);
  });

  it('a .docx cut short by an interrupted upload', async () => {
    const bytes = await roadmap();
    expect(await refusal(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatch(
      /^Документ Word повреждён или загружен не полностью/,
    );
  });

  it('a .docx with damaged compressed data', async () => {
    const bytes = (await roadmap()).slice();
    // The first entry's data starts after its 30-byte header and name; flip bytes well inside it.
    for (let i = 60; i < 90; i++) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
    expect(await refusal(bytes)).toMatch(/повреждён/);
  });

  it('a zip that is not a Word document (a workbook renamed .docx)', async () => {
    const zip = craftZip([
      { name: '[Content_Types].xml', content: xmlPart() },
      { name: 'xl/workbook.xml', content: xmlPart() },
    ]);
    expect(await refusal(zip)).toMatch(/^Файл не является документом Word \(\.docx\) или повреждён/);
  });

  it('a Word document whose text part is broken XML', async () => {
    const zip = craftZip([
      {
        name: '_rels/.rels',
        content: xmlPart(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        ),
      },
      { name: 'word/document.xml', content: xmlPart('<w:document xmlns:w="x"><w:body><w:p>') },
    ]);
    expect(await refusal(zip)).toMatch(/^Файл не является документом Word \(\.docx\) или повреждён/);
  });

  it.each([
    ['a name climbing out of the archive', 'word/../../evil.xml'],
    ['an absolute name', '/etc/passwd'],
  ])('an archive with %s, in Word wording', async (_, name) => {
    const zip = craftZip([
      { name: 'word/document.xml', content: xmlPart() },
      { name, content: xmlPart() },
    ]);
    expect(await refusal(zip)).toMatch(/^Файл содержит недопустимые пути внутри архива.*документ в Word/);
  });

  it('a part declaring more than 100 MB unpacked', async () => {
    const zip = craftZip([{ name: 'word/document.xml', content: xmlPart(), declaredSize: 101 * 2 ** 20 }]);
    expect(await refusal(zip)).toMatch(/^После распаковки документ Word занимает больше 100 МБ/);
  });

  it('a zip bomb, before any part is inflated for reading', async () => {
    // 30 MB of zeros deflate to about 30 KB: a ratio near 1000, where real documents stay below 30.
    const zip = craftZip([
      { name: '[Content_Types].xml', content: xmlPart() },
      { name: 'word/document.xml', content: new Uint8Array(30 * 2 ** 20) },
    ]);
    expect(await refusal(zip)).toMatch(/^Документ Word сжат подозрительно сильно/);
  });
});
