import { describe, expect, it } from 'vitest';
import { craftZip } from '../../test/fixtures/tables/craft-zip.ts';
import { NotWordError, readWordParts } from './wordml-package.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const rels = (...targets: [type: string, target: string, external?: boolean][]) =>
  utf8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets
      .map(
        ([type, target, external], i) =>
          `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`,
      )
      .join('')}</Relationships>`,
  );

describe('readWordParts', () => {
  it('follows the relationships to a main part outside word/ and to its styles and numbering', () => {
    const zip = craftZip([
      { name: '_rels/.rels', content: rels(['officeDocument', '/content/main.xml']) },
      {
        name: 'content/_rels/main.xml.rels',
        content: rels(
          ['styles', '../shared/styles.xml'],
          ['numbering', 'lists.xml'],
          ['hyperlink', 'https://x.ru', true],
        ),
      },
      { name: 'content/main.xml', content: utf8('<main/>') },
      { name: 'shared/styles.xml', content: utf8('<styles/>') },
      // Part names compare without case.
      { name: 'Content/Lists.xml', content: utf8('<numbering/>'), stored: true },
    ]);
    expect(readWordParts(zip)).toEqual({ document: '<main/>', styles: '<styles/>', numbering: '<numbering/>' });
  });

  it('finds the parts where Word puts them when a hand-made zip has no relationships', () => {
    const zip = craftZip([
      { name: 'word/document.xml', content: utf8('<doc/>') },
      { name: 'word/styles.xml', content: utf8('<styles/>') },
    ]);
    expect(readWordParts(zip)).toEqual({ document: '<doc/>', styles: '<styles/>', numbering: undefined });
  });

  it('reads parts through Zip64 records, as .NET packaging writes them, and UTF-16 parts', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('<документ/>', 'utf16le')]);
    const zip = craftZip([{ name: 'word/document.xml', content: utf16, zip64: true }], { zip64: true });
    expect(readWordParts(zip).document).toBe('<документ/>');
  });

  it('refuses a package without a main document part', () => {
    const zip = craftZip([
      { name: '_rels/.rels', content: rels(['officeDocument', 'xl/workbook.xml']) },
      { name: 'word/document.xml', content: utf8('<doc/>') },
    ]);
    expect(() => readWordParts(zip)).toThrow(NotWordError);
  });
});
