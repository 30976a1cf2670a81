import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { readDocument } from './read-document.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const ole = () => {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
};

/** ASCII then А–я in Windows-1251, as Word and old report generators save Russian web pages and text. */
const cp1251 = (ascii: string, cyrillic: string) =>
  new Uint8Array([...utf8(ascii), ...[...cyrillic].map((c) => c.charCodeAt(0) - 0x410 + 0xc0)]);

async function docxBytes(text: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  try {
    await readDocument(name, bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('import.format');
    return (e as DomainError).message;
  }
  throw new Error('expected a refusal');
}

const firstText = (doc: { blocks: { kind: string; text?: string }[] }) => doc.blocks[0]?.text;

describe('readDocument picks the reader by content', () => {
  it('a zip is a Word document, whatever its name', async () => {
    const doc = await readDocument('план.txt', await docxBytes('Дорожная карта'));
    expect(doc).toMatchObject({ format: 'docx', name: 'план.txt' });
    expect(firstText(doc)).toBe('Дорожная карта');
  });

  it.each([
    ['a page with <html>', 'план.txt', '<!DOCTYPE html>\n<html><body><p>Дорожная карта</p></body></html>'],
    ['a fragment starting with a table', 'план', '  <table><tr><td>Дорожная карта</td></tr></table>'],
    ['a fragment of paragraphs', 'план.txt', '<p>Дорожная карта</p><p>Раздел</p>'],
    ['a web page named .doc by a report generator', 'отчёт.doc', '<html><p>Дорожная карта</p></html>'],
    ['a page by its .htm extension only', 'план.htm', 'Дорожная карта<br>Раздел'],
  ])('%s is HTML', async (_, name, text) => {
    const doc = await readDocument(name, utf8(`\uFEFF${text}`));
    expect(doc.format).toBe('html');
    expect(doc.blocks.length).toBeGreaterThan(0);
  });

  it('decodes a Windows-1251 page', async () => {
    const doc = await readDocument('приказ.html', cp1251('<html><meta charset="windows-1251"><p>', 'ПРИКАЗ'));
    expect(firstText(doc)).toBe('ПРИКАЗ');
  });

  it('text with an inline tag but no HTML structure is a text document', async () => {
    const doc = await readDocument('приказ.txt', utf8('ПРИКАЗ\n\n<b>ПРИКАЗЫВАЮ:</b>\n'));
    expect(doc.format).toBe('txt');
  });

  it('plain text, in UTF-8 or Windows-1251, is a text document', async () => {
    expect((await readDocument('приказ.txt', utf8('ПРИКАЗ\n'))).format).toBe('txt');
    expect((await readDocument('приказ.txt', cp1251('', 'ПРИКАЗ'))).format).toBe('txt');
  });
});

describe('readDocument refuses', () => {
  it.each<[string, string, Uint8Array, RegExp]>([
    ['an empty file', 'план.docx', new Uint8Array(0), /^Файл пустой/],
    ['an old .doc', 'план.doc', ole(), /^Файл в старом формате Word \(\.doc\)/],
    ['a PDF', 'план.pdf', utf8('%PDF-1.7\n%âãÏÓ'), /^Файл в формате PDF/],
    ['an RTF saved as .doc', 'план.doc', utf8('{\\rtf1\\ansi Дорожная карта}'), /^Файл в формате RTF/],
    [
      'a picture',
      'план.txt',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /^Файл не похож на документ/,
    ],
    ['a text file named .docx', 'план.docx', utf8('Дорожная карта'), /^Файл не является документом Word/],
  ])('%s', async (_, name, bytes, message) => {
    expect(await refusal(name, bytes)).toMatch(message);
  });

  it('a file over 20 MB, before reading it', async () => {
    expect(await refusal('план.txt', new Uint8Array(20 * 2 ** 20 + 1).fill(0x41))).toMatch(/^Файл больше 20 МБ/);
  });
});
