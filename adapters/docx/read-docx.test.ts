import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cell } from '../../domain/document/source-document.ts';
import { DomainError } from '../../domain/errors.ts';
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
              // A header row repeated on every page: mammoth writes it as <thead> with <th> cells.
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
  it('reads a Word roadmap: title, headings, paragraphs, a table with merged cells, footnotes', async () => {
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
      // mammoth drops the empty paragraph, turns the tab into a tab character (tidied to a space) and the line
      // break into <br>; the footnote marker reads "[1]" where Word shows a superscript 1.
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
        text: 'Доля школ с результатами ниже 30 %[1]',
        bold: false,
        heading: false,
        source: { paragraph: 7 },
      },
      { kind: 'paragraph', text: 'Пункт списка', bold: false, heading: false, source: { paragraph: 8 } },
      {
        kind: 'table',
        source: { table: 0 },
        rows: [
          { cells: [cell('№', true), cell('Мероприятие', true), cell('Срок', true)], source: { table: 0, row: 1 } },
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
      // Footnotes come after the text, without mammoth's "↑" link back to the marker.
      { kind: 'paragraph', text: 'По данным ВПР 2021 года.', bold: false, heading: false, source: { paragraph: 10 } },
    ]);
  });

  it('reads a document whose bytes are a view into a larger buffer', async () => {
    const bytes = await roadmap();
    const padded = new Uint8Array(bytes.length + 10);
    padded.set(bytes, 5);
    const doc = await readDocx(padded.subarray(5, 5 + bytes.length), 'x.docx');
    expect(doc.blocks).toHaveLength(11);
  });
});

describe('readDocx refuses', () => {
  afterEach(() => vi.restoreAllMocks());

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

  it('a zip bomb, before mammoth inflates anything', async () => {
    const convert = vi.spyOn(mammoth, 'convertToHtml');
    // 30 MB of zeros deflate to about 30 KB: a ratio near 1000, where real documents stay below 30.
    const zip = craftZip([
      { name: '[Content_Types].xml', content: xmlPart() },
      { name: 'word/document.xml', content: new Uint8Array(30 * 2 ** 20) },
    ]);
    expect(await refusal(zip)).toMatch(/^Документ Word сжат подозрительно сильно/);
    expect(convert).not.toHaveBeenCalled();
  });
});
