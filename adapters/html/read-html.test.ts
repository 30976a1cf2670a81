import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cell, type DocBlock } from '../../domain/document/source-document.ts';
import { DomainError } from '../../domain/errors.ts';
import { readHtml } from './read-html.ts';

const blocks = (html: string): DocBlock[] => readHtml(html, 'программа.html').blocks;

function refusal(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('import.format');
    return (e as DomainError).message;
  }
  throw new Error('expected a refusal');
}

const paragraph = (text: string, paragraph: number, style: { bold?: boolean; heading?: boolean } = {}): DocBlock => ({
  kind: 'paragraph',
  text,
  bold: style.bold ?? false,
  heading: style.heading ?? false,
  source: { paragraph },
});

/** The cells of the only table in the HTML, row by row. */
function tableCells(html: string) {
  const tables = blocks(html).filter((b) => b.kind === 'table');
  expect(tables).toHaveLength(1);
  return tables[0]!.rows.map((r) => r.cells);
}

describe('readHtml paragraphs', () => {
  it('reads paragraphs, headings and bold in reading order, numbering paragraphs from 1', () => {
    const doc = readHtml(
      `<!DOCTYPE html><html><head><title>Приказ</title><style>p{color:red}</style><script>alert(1)</script></head>
       <body>
         <h1>Дорожная карта</h1>
         <p><b>ПРИКАЗЫВАЮ:</b></p>
         <p>1. Утвердить <strong>прилагаемую</strong> дорожную карту.</p>
         <h3><b>Раздел 2</b></h3>
         <blockquote>Цитата</blockquote>
         <div>Текст прямо в div</div>
         <ul><li>первый пункт</li><li>второй пункт</li></ul>
       </body></html>`,
      'программа.html',
    );
    expect(doc).toEqual({
      format: 'html',
      name: 'программа.html',
      blocks: [
        paragraph('Дорожная карта', 1, { heading: true }),
        paragraph('ПРИКАЗЫВАЮ:', 2, { bold: true }),
        paragraph('1. Утвердить прилагаемую дорожную карту.', 3),
        paragraph('Раздел 2', 4, { heading: true, bold: true }),
        paragraph('Цитата', 5),
        paragraph('Текст прямо в div', 6),
        paragraph('первый пункт', 7),
        paragraph('второй пункт', 8),
      ],
    });
  });

  it.each([
    ['all letters in <b>', '<p><b>Цель</b></p>', true],
    ['all letters in <strong>, punctuation outside', '<p><strong>Цель</strong>:</p>', true],
    ['bold split over nested inline tags', '<p><b>Цель <i>программы</i></b></p>', true],
    ['part of the text plain', '<p><b>Цель</b> программы</p>', false],
    ['font-weight:700 (Google Docs)', '<p><span style="font-weight:700">Цель</span></p>', true],
    ['font-weight:bold on the paragraph', '<p style="font-weight: bold">Цель</p>', true],
    ['<b style="font-weight:normal"> (Google Docs clipboard)', '<p><b style="font-weight:normal">Цель</b></p>', false],
    ['bold without letters (a «№» header)', '<p><b>№</b></p>', true],
    ['only a bold space', '<p><b>&nbsp;</b>план</p>', false],
  ])('bold: %s', (_, html, bold) => {
    expect(blocks(html)[0]).toMatchObject({ kind: 'paragraph', bold });
  });

  it('keeps <br> as a line break inside a paragraph and joins source lines with a space', () => {
    expect(blocks('<p>Срок:\n   декабрь<br>2022 года<br><br>ответственный</p>')).toEqual([
      paragraph('Срок: декабрь\n2022 года\nответственный', 1),
    ]);
  });

  it('decodes entities and tidies non-breaking and repeated spaces', () => {
    expect(blocks('<p>&laquo;500+&raquo;&nbsp;&nbsp; Школа &amp; семья &#8470;&nbsp;5 &mdash; план</p>')).toEqual([
      paragraph('«500+» Школа & семья № 5 — план', 1),
    ]);
  });

  it('removes soft hyphens and zero-width spaces that Word and browsers never show', () => {
    expect(blocks('<p>ШН&shy;ОР и&#8203;&#8288; ШНСУ</p>')).toEqual([paragraph('ШНОР и ШНСУ', 1)]);
  });

  it('splits a div around the paragraphs inside it and drops empty ones', () => {
    expect(blocks('<div>До<p>Внутри</p>После<p>&nbsp;</p><p></p></div>')).toEqual([
      paragraph('До', 1),
      paragraph('Внутри', 2),
      paragraph('После', 3),
    ]);
  });

  it('keeps line breaks of <pre>', () => {
    expect(blocks('<pre>строка 1\n  строка 2</pre>')).toEqual([paragraph('строка 1\nстрока 2', 1)]);
  });

  it('reads unclosed and stray tags the way a browser shows them', () => {
    expect(blocks('<p>Первый<p>Второй</span></p></p><li>Пункт<li>Ещё <b>жирный')).toEqual([
      paragraph('Первый', 1),
      paragraph('Второй', 2),
      paragraph('Пункт', 3),
      paragraph('Ещё жирный', 4),
    ]);
  });

  it('reads text outside any element', () => {
    expect(blocks('Просто текст')).toEqual([paragraph('Просто текст', 1)]);
  });

  it('reads nothing from an empty page', () => {
    expect(blocks('')).toEqual([]);
    expect(blocks('<html><head><title>Пусто</title></head><body> </body></html>')).toEqual([]);
  });
});

describe('readHtml tables', () => {
  it('reads a table with thead, tbody and tfoot: one row per tr, th bold, places 0-based table and 1-based row', () => {
    const result = blocks(`
      <p>Перед таблицей</p>
      <table border="1">
        <thead><tr><th>№</th><th>Мероприятие</th><th>Срок</th></tr></thead>
        <tbody>
          <tr><td>1</td><td>Анкетирование</td><td>до 01.03.2022</td></tr>
          <tr><td>2</td><td><b>Семинар</b></td><td>март</td></tr>
        </tbody>
        <tfoot><tr><td colspan="3">Итого: 2</td></tr></tfoot>
      </table>
      <p>После</p>
      <table><tr><td>Вторая</td></tr></table>`);
    expect(result).toEqual([
      paragraph('Перед таблицей', 1),
      {
        kind: 'table',
        source: { table: 0 },
        rows: [
          { cells: [cell('№', true), cell('Мероприятие', true), cell('Срок', true)], source: { table: 0, row: 1 } },
          { cells: [cell('1'), cell('Анкетирование'), cell('до 01.03.2022')], source: { table: 0, row: 2 } },
          { cells: [cell('2'), cell('Семинар', true), cell('март')], source: { table: 0, row: 3 } },
          { cells: [cell('Итого: 2', false, 3)], source: { table: 0, row: 4 } },
        ],
      },
      paragraph('После', 2),
      { kind: 'table', source: { table: 1 }, rows: [{ cells: [cell('Вторая')], source: { table: 1, row: 1 } }] },
    ]);
  });

  it('keeps colspan and rowspan as written', () => {
    expect(
      tableCells(`<table>
        <tr><td rowspan="2">Раздел 1</td><td colspan="2">Мероприятия</td></tr>
        <tr><td>1.1</td><td>1.2</td></tr>
      </table>`),
    ).toEqual([
      [cell('Раздел 1', false, 1, 2), cell('Мероприятия', false, 2, 1)],
      [cell('1.1'), cell('1.2')],
    ]);
  });

  it.each([
    ['missing', '', 1],
    ['zero', '0', 1],
    ['negative', '-2', 1],
    ['garbage', 'два', 1],
    ['a leading number', '3px', 3],
    ['beyond the HTML limit of 1000', '99999999', 1000],
  ])('colspan %s (%s) reads as %i', (_, value, colSpan) => {
    const attribute = value === '' ? '' : ` colspan="${value}"`;
    expect(tableCells(`<table><tr><td${attribute}>x</td></tr></table>`)[0]?.[0]?.colSpan).toBe(colSpan);
  });

  it('splits a cell into lines at <p>, <br>, <div> and <li>, without bullets or empty lines', () => {
    const [[only]] = tableCells(`<table><tr><td>
        <p>Первый абзац</p><p></p><p>Второй
           абзац</p>
        Строка 1<br>Строка 2<br/><br/>
        <div>Блок</div>
        <ul><li>пункт а</li><li>пункт <i>б</i></li></ul>
      </td></tr></table>`) as [[unknown]];
    expect(only).toEqual(cell('Первый абзац\nВторой абзац\nСтрока 1\nСтрока 2\nБлок\nпункт а\nпункт б'));
  });

  it('decodes entities in cells', () => {
    expect(tableCells('<table><tr><td>&laquo;Точка&nbsp;роста&raquo; &amp; ИРО</td></tr></table>')).toEqual([
      [cell('«Точка роста» & ИРО')],
    ]);
  });

  it('bolds a cell only when all its letters are bold', () => {
    expect(
      tableCells(`<table><tr>
        <td><b>Цель:</b></td><td><strong>Цель</strong> программы</td><td><p><b>Раз</b></p><p><b>Два</b></p></td>
        <th>Заголовок</th><th><span style="font-weight:normal">Не жирный</span></th><td><b> </b></td>
      </tr></table>`),
    ).toEqual([
      [
        cell('Цель:', true),
        cell('Цель программы'),
        cell('Раз\nДва', true),
        cell('Заголовок', true),
        cell('Не жирный'),
        cell(''),
      ],
    ]);
  });

  it('flattens a nested table into lines of the enclosing cell and counts only outer tables', () => {
    const result = blocks(`<table>
        <tr><td>Паспорт</td><td>
          Показатели:
          <table><tr><th>Показатель</th><td>2021</td></tr><tr><td>Доля «2»</td><td>35 %</td></tr></table>
          Итог
        </td></tr>
        <tr><td>Цель</td><td>Рост</td></tr>
      </table>`);
    expect(result).toEqual([
      {
        kind: 'table',
        source: { table: 0 },
        rows: [
          {
            cells: [cell('Паспорт'), cell('Показатели:\nПоказатель\n2021\nДоля «2»\n35 %\nИтог')],
            source: { table: 0, row: 1 },
          },
          { cells: [cell('Цель'), cell('Рост')], source: { table: 0, row: 2 } },
        ],
      },
    ]);
  });

  it('reads cells without a tr and rows whose tags are not closed', () => {
    expect(tableCells('<table><td>а<td>б<tr><td>в<td>г</table>')).toEqual([
      [cell('а'), cell('б')],
      [cell('в'), cell('г')],
    ]);
  });

  it('drops empty rows and tables without rows, and keeps row numbers of the rows kept', () => {
    const result = blocks('<table></table><table><tr></tr><tr><td>а</td></tr></table>');
    expect(result).toEqual([
      { kind: 'table', source: { table: 0 }, rows: [{ cells: [cell('а')], source: { table: 0, row: 1 } }] },
    ]);
  });

  it('reads a caption as a paragraph above its table', () => {
    expect(blocks('<table><caption>Таблица 1</caption><tr><td>а</td></tr></table>')).toEqual([
      paragraph('Таблица 1', 1),
      { kind: 'table', source: { table: 0 }, rows: [{ cells: [cell('а')], source: { table: 0, row: 1 } }] },
    ]);
  });

  it('reads a table that interrupts a paragraph, as a browser closes the paragraph first', () => {
    expect(blocks('<p>До<table><tr><td>а</td></tr></table>После</p>').map((b) => b.kind)).toEqual([
      'paragraph',
      'table',
      'paragraph',
    ]);
  });
});

describe('readHtml on hostile markup', () => {
  it('reads 999 nested elements and refuses 1000, before htmlparser2 slows down quadratically', () => {
    const nested = (depth: number) => `${'<div>'.repeat(depth)}глубоко${'</div>'.repeat(depth)}`;
    expect(blocks(nested(999))).toEqual([paragraph('глубоко', 1)]);
    expect(refusal(() => blocks(nested(100_000)))).toMatch(/вложены друг в друга больше чем на 1\s000 уровней/);
  });

  it('refuses more paragraphs than a document may have', () => {
    expect(refusal(() => blocks('<p>а'.repeat(100_001)))).toMatch(/^В документе больше 100\s000 абзацев/);
  });

  it('refuses more table cells than a document may have', () => {
    const rows = `<tr>${'<td>1'.repeat(100)}`;
    expect(refusal(() => blocks(`<table>${rows.repeat(5001)}</table>`))).toMatch(/больше 500\s000 ячеек/);
  });

  it('never throws anything but DomainError and always gives spans of at least 1 on tag soup', () => {
    const tags = ['p', 'b', 'div', 'table', 'tr', 'td', 'th', 'li', 'ul', 'br', 'h2', 'caption', 'script', 'pre'];
    const piece = fc.oneof(
      fc.constantFrom(...tags).map((t) => `<${t}>`),
      fc.constantFrom(...tags).map((t) => `</${t}>`),
      fc.constantFrom('<td colspan="0">', '<td rowspan="x">', '&nbsp;', '&amp', '<', '>', '<!--', '-->'),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        for (const block of blocks(pieces.join(''))) {
          if (block.kind === 'paragraph') expect(block.text).toBe(block.text.trim());
          else
            for (const row of block.rows)
              for (const c of row.cells) {
                expect(c.colSpan).toBeGreaterThanOrEqual(1);
                expect(c.rowSpan).toBeGreaterThanOrEqual(1);
              }
        }
      }),
    );
  });
});
