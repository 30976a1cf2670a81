// WordprocessingML the docx package does not write: tracked changes, fields, text boxes, other namespace prefixes,
// numbering linked to styles, legacy merges, and hostile markup.
import { describe, expect, it } from 'vitest';
import { alignRows, cell, type DocBlock } from '../../domain/document/source-document.ts';
import { DomainError } from '../../domain/errors.ts';
import { readWordBlocks } from './wordml-document.ts';
import { NotWordError } from './wordml-package.ts';
import { XmlError } from './wordml-xml.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:mc="${MC}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
const stylesXml = (styles: string) => `<w:styles xmlns:w="${W}">${styles}</w:styles>`;
const numberingXml = (content: string) => `<w:numbering xmlns:w="${W}">${content}</w:numbering>`;

const run = (text: string, rPr = '') =>
  `<w:r>${rPr && `<w:rPr>${rPr}</w:rPr>`}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (content: string, pPr = '') => `<w:p>${pPr && `<w:pPr>${pPr}</w:pPr>`}${content}</w:p>`;
const numPr = (numId: number, ilvl?: number) =>
  `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;
const tc = (content: string, tcPr = '') => `<w:tc>${tcPr && `<w:tcPr>${tcPr}</w:tcPr>`}${content}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;

const read = (body: string, parts: { styles?: string; numbering?: string } = {}): DocBlock[] =>
  readWordBlocks({ document: documentXml(body), styles: parts.styles, numbering: parts.numbering });

const texts = (blocks: DocBlock[]) => blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows));

const level = (ilvl: number, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;

describe('readWordBlocks: what Word shows', () => {
  it('keeps inserted text and drops deleted and moved-away text', () => {
    const blocks = read(
      p(
        `${run('Срок: ')}<w:del><w:r><w:delText>март</w:delText></w:r></w:del><w:ins>${run('апрель')}</w:ins>` +
          `<w:moveFrom>${run(' (перенесено)')}</w:moveFrom>`,
      ),
    );
    expect(texts(blocks)).toEqual(['Срок: апрель']);
  });

  it('skips field codes and keeps field results', () => {
    const blocks = read(
      p(
        `${run('Страница ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
          `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
          `${run(', ')}<w:fldSimple w:instr=" NUMPAGES ">${run('12')}</w:fldSimple>`,
      ),
    );
    expect(texts(blocks)).toEqual(['Страница 3, 12']);
  });

  it('reads a text box once, not again from its fallback copy for older Word', () => {
    const box = `<w:txbxContent>${p(run('УТВЕРЖДЕНО приказом'))}</w:txbxContent>`;
    const blocks = read(
      p(
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice>` +
          `<mc:Fallback><w:pict><v:textbox>${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>${run('Дорожная карта')}`,
      ),
    );
    expect(texts(blocks)).toEqual(['УТВЕРЖДЕНО приказом', 'Дорожная карта']);
  });

  it('reads non-breaking hyphens, drops soft hyphens and tab stops of the paragraph', () => {
    const blocks = read(
      p(
        `${run('ШН\u00adОР')}<w:r><w:t>:</w:t><w:tab/><w:t>01.03</w:t><w:noBreakHyphen/><w:t>15.05</w:t></w:r>`,
        '<w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>',
      ),
    );
    expect(texts(blocks)).toEqual(['ШНОР: 01.03-15.05']);
  });

  it('reads documents whose WordprocessingML namespace has another prefix or is the default one', () => {
    const prefixed = `<ns0:document xmlns:ns0="${W}"><ns0:body><ns0:p><ns0:pPr><ns0:pStyle ns0:val="Heading1"/></ns0:pPr><ns0:r><ns0:t>Раздел</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`;
    const byDefault = `<document xmlns="${W}"><body><p><r><rPr><b/></rPr><t>Жирный</t></r></p></body></document>`;
    const strict = `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>${p(run('Strict'))}</w:body></w:document>`;
    expect(readWordBlocks({ document: prefixed, styles: undefined, numbering: undefined })).toMatchObject([
      { text: 'Раздел', heading: true },
    ]);
    expect(readWordBlocks({ document: byDefault, styles: undefined, numbering: undefined })).toMatchObject([
      { text: 'Жирный', bold: true },
    ]);
    expect(readWordBlocks({ document: strict, styles: undefined, numbering: undefined })).toMatchObject([
      { text: 'Strict' },
    ]);
  });
});

describe('readWordBlocks: bold', () => {
  const styles = stylesXml(
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Strong"><w:name w:val="Ключ"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr>` +
      `<w:rPrChange><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr></w:style>` +
      `<w:style w:type="character" w:styleId="Unbold"><w:name w:val="Не жирный"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>` +
      `<w:style w:type="character" w:styleId="Accent"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>` +
      `<w:style w:type="table" w:styleId="Grid"><w:name w:val="Сетка"/><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>`,
  );

  it('reads w:b with its on/off values and ignores the paragraph mark’s formatting', () => {
    const blocks = read(
      p(run('да', '<w:b/>')) +
        p(run('истина', '<w:b w:val="true"/>')) +
        p(run('нет', '<w:b w:val="0"/>')) +
        p(run('ложь', '<w:b w:val="false"/>')) +
        p(run('знак абзаца'), '<w:rPr><w:b/></w:rPr>'),
      { styles },
    );
    expect(blocks.map((b) => b.kind === 'paragraph' && b.bold)).toEqual([true, true, false, false, false]);
  });

  it('toggles bold across paragraph and character styles as Word does (ECMA-376 §17.7.3)', () => {
    const strong = '<w:rStyle w:val="Accent"/>';
    const blocks = read(
      p(run('обычный')) +
        p(run('жирный стиль абзаца'), '<w:pStyle w:val="Strong"/>') +
        p(run('жирный стиль знака', strong)) +
        // «On» in the character style flips the bold paragraph style back to plain; «off» leaves it bold.
        p(run('переключено', strong), '<w:pStyle w:val="Strong"/>') +
        p(run('оставлено', '<w:rStyle w:val="Unbold"/>'), '<w:pStyle w:val="Strong"/>') +
        // Direct formatting is absolute.
        p(run('прямое', `${strong}<w:b/>`), '<w:pStyle w:val="Strong"/>'),
      { styles },
    );
    expect(blocks.map((b) => b.kind === 'paragraph' && b.bold)).toEqual([false, true, true, false, true, true]);
  });

  it('does not read the bold of a default run from docDefaults unless it is set', () => {
    const bolded = stylesXml('<w:docDefaults><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>');
    expect(read(p(run('Всё жирное')), { styles: bolded })).toMatchObject([{ bold: true }]);
  });
});

describe('readWordBlocks: automatic numbering', () => {
  it('numbers paragraphs through their style, with the level linked to the style', () => {
    const styles = stylesXml(
      `<w:style w:type="paragraph" w:styleId="Section"><w:name w:val="Раздел"/><w:pPr>${numPr(1)}</w:pPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="Item"><w:name w:val="Пункт"/><w:pPr>${numPr(1)}</w:pPr></w:style>`,
    );
    const numbering = numberingXml(
      `<w:abstractNum w:abstractNumId="0">${level(0, '%1.', '<w:pStyle w:val="Section"/>')}${level(1, '%1.%2.', '<w:pStyle w:val="Item"/>')}</w:abstractNum>` +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    );
    const blocks = read(
      p(run('Раздел'), '<w:pStyle w:val="Section"/>') +
        p(run('Пункт'), '<w:pStyle w:val="Item"/>') +
        p(run('Пункт'), '<w:pStyle w:val="Item"/>') +
        // numId 0 takes away the numbering the style gives.
        p(run('Без номера'), `<w:pStyle w:val="Item"/>${numPr(0)}`) +
        p(run('Раздел'), '<w:pStyle w:val="Section"/>'),
      { styles, numbering },
    );
    expect(texts(blocks)).toEqual(['1. Раздел', '1.1. Пункт', '1.2. Пункт', 'Без номера', '2. Раздел']);
  });

  it('continues a list across nums of one definition, restarts it where a num overrides the start', () => {
    const numbering = numberingXml(
      `<w:abstractNum w:abstractNumId="5">${level(0, '%1.')}</w:abstractNum>` +
        '<w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>' +
        '<w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num>' +
        '<w:num w:numId="3"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>',
    );
    const blocks = read(
      p(run('а'), numPr(1, 0)) +
        p(run('б'), numPr(2, 0)) +
        p(run('в'), numPr(3, 0)) +
        p(run('г'), numPr(3, 0)) +
        p(run('д'), numPr(1, 0)),
      { numbering },
    );
    expect(texts(blocks)).toEqual(['1. а', '2. б', '10. в', '11. г', '12. д']);
  });

  it('follows level restarts, legal numbering, formats, a replaced level and a numbering style link', () => {
    const styles = stylesXml(
      `<w:style w:type="numbering" w:styleId="Outline"><w:name w:val="Структура"/><w:pPr>${numPr(7)}</w:pPr></w:style>`,
    );
    const numbering = numberingXml(
      '<w:abstractNum w:abstractNumId="1">' +
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>' +
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/><w:lvlText w:val="%2)"/></w:lvl>' +
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%3"/></w:lvl>' +
        '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="russianLower"/><w:lvlText w:val="%4)"/></w:lvl>' +
        '</w:abstractNum>' +
        '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Outline"/></w:abstractNum>' +
        '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>' +
        '<w:num w:numId="8"><w:abstractNumId w:val="2"/></w:num>' +
        '<w:num w:numId="9"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="3">' +
        '<w:lvl w:ilvl="3"><w:start w:val="3"/><w:numFmt w:val="decimalZero"/><w:lvlText w:val="%4."/></w:lvl></w:lvlOverride></w:num>',
    );
    const blocks = read(
      p(run('Раздел'), numPr(7, 0)) +
        p(run('пункт'), numPr(7, 1)) +
        p(run('подпункт'), numPr(7, 2)) +
        p(run('буква'), numPr(7, 3)) +
        p(run('буква'), numPr(7, 3)) +
        p(run('Раздел'), numPr(8, 0)) +
        // Level 1 never restarts (lvlRestart 0): it goes on from 1) to 2).
        p(run('пункт'), numPr(8, 1)) +
        p(run('подпункт'), numPr(7, 2)) +
        p(run('замена уровня'), numPr(9, 3)),
      { styles, numbering },
    );
    expect(texts(blocks)).toEqual([
      'I. Раздел',
      '1) пункт',
      '1.1 подпункт',
      'а) буква',
      'б) буква',
      'II. Раздел',
      '2) пункт',
      '2.1 подпункт',
      '03. замена уровня',
    ]);
  });

  it('writes a crafted start value in digits rather than spelling it out in letters', () => {
    const numbering = numberingXml(
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>' +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    );
    expect(texts(read(p(run('пункт'), numPr(1, 0)), { numbering }))).toEqual(['2000000000) пункт']);
  });

  it('leaves out bullets and nums the numbering part does not define', () => {
    const numbering = numberingXml(
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>' +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    );
    const blocks = read(
      p(run('маркер'), numPr(1, 0)) + p(run('неизвестный'), numPr(4, 0)) + p(run('без части'), numPr(1, 0)),
      {
        numbering,
      },
    );
    expect(texts(blocks)).toEqual(['маркер', 'неизвестный', 'без части']);
    expect(texts(read(p(run('без части нумерации'), numPr(1, 0))))).toEqual(['без части нумерации']);
  });
});

describe('readWordBlocks: tables', () => {
  it('keeps a row whose cells all continue merges above, so that the merges still line up', () => {
    const restart = '<w:vMerge w:val="restart"/>';
    const go = '<w:vMerge/>';
    const blocks = read(
      tbl(
        tr(tc(p(run('1.')), restart), tc(p(run('ИРО')), restart)),
        tr(tc(p(''), go), tc(p(''), go)),
        tr(tc(p(''), go), tc(p(run('Минобр')))),
      ),
    );
    const table = blocks[0];
    if (table?.kind !== 'table') throw new Error('expected a table');
    expect(table.rows.map((r) => r.cells)).toEqual([
      [cell('1.', false, 1, 3), cell('ИРО', false, 1, 2)],
      [],
      [cell('Минобр')],
    ]);
    expect(alignRows(table.rows).map((r) => r.cells.map((c) => c.text))).toEqual([
      ['1.', 'ИРО'],
      ['1.', 'ИРО'],
      ['1.', 'Минобр'],
    ]);
  });

  it('starts a merge at a continuing cell with nothing above it, and reads legacy w:hMerge and w:gridBefore', () => {
    const blocks = read(
      tbl(
        tr(
          tc(p(run('сирота')), '<w:vMerge/>'),
          tc(p(run('а')), '<w:hMerge w:val="restart"/>'),
          tc(p(''), '<w:hMerge/>'),
        ),
        tr(tc(p(''), '<w:vMerge/>'), tc(p(run('б'))), tc(p(run('в')))),
        `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc(p(run('г')))}</w:tr>`,
      ),
    );
    const table = blocks[0];
    if (table?.kind !== 'table') throw new Error('expected a table');
    expect(table.rows.map((r) => r.cells)).toEqual([
      [cell('сирота', false, 1, 2), cell('а', false, 2, 1)],
      [cell('б'), cell('в')],
      [cell('', false, 2, 1), cell('г')],
    ]);
  });

  it('gives paragraphs and tables their own source indexes', () => {
    const blocks = read(p(run('Текст')) + tbl(tr(tc(p(run('a'))))) + p(run('Между')) + tbl(tr(tc(p(run('b'))))));
    expect(blocks.map((b) => b.source)).toEqual([{ paragraph: 1 }, { table: 0 }, { paragraph: 2 }, { table: 1 }]);
  });
});

describe('readWordBlocks refuses', () => {
  it('a main part that is not a Word document', () => {
    expect(() =>
      readWordBlocks({ document: '<workbook><sheets/></workbook>', styles: undefined, numbering: undefined }),
    ).toThrow(NotWordError);
  });

  it('XML left open or closed out of order', () => {
    expect(() => read(p(run('текст')).replace('</w:p>', ''))).toThrow(XmlError);
    expect(() => read('<w:p><w:r><w:t>текст</w:r></w:p>')).toThrow(XmlError);
  });

  it('more paragraphs and rows than the limit, or more grid cells, covered ones included', () => {
    expect(() => read(p(run('абзац')).repeat(100_001))).toThrow(/^В документе больше .* абзацев и строк таблиц/);
    const wide = tc(p(''), '<w:gridSpan w:val="63"/>').repeat(4000);
    // 4 000 cells a row, each 63 columns wide, in two rows: 504 000 cells of grid.
    expect(() => read(tbl(tr(wide), tr(wide)))).toThrow(/^В документе больше .* абзацев и строк таблиц/);
  });

  it('markup nested deeper than any real document', () => {
    const deep = `${'<w:sdt><w:sdtContent>'.repeat(600)}${p(run('x'))}${'</w:sdtContent></w:sdt>'.repeat(600)}`;
    expect(() => read(deep)).toThrow(DomainError);
    expect(() => read(deep)).toThrow(/^Документ устроен слишком сложно/);
  });
});
