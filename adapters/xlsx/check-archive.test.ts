import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { craftZip, xmlPart } from '../../test/fixtures/tables/craft-zip.ts';
import { checkArchive } from './check-archive.ts';
import { writeXlsx } from './write-xlsx.ts';

function refusal(bytes: Uint8Array): string {
  try {
    checkArchive(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('import.format');
    return (e as DomainError).message;
  }
  throw new Error('expected a refusal');
}

const part = (name: string) => ({ name, content: xmlPart() });
const damaged = /повреждён или загружен не полностью/;

describe('checkArchive accepts', () => {
  it('a workbook written by exceljs', async () => {
    const bytes = await writeXlsx([{ name: 'Лист1', headers: ['a'], rows: [['1']] }]);
    expect(() => checkArchive(bytes)).not.toThrow();
  });

  it('stored, deflated and Zip64 entries with honest sizes', () => {
    const entries = [
      { ...part('[Content_Types].xml'), stored: true },
      part('xl/workbook.xml'),
      { ...part('xl/worksheets/sheet1.xml'), zip64: true },
    ];
    expect(() => checkArchive(craftZip(entries))).not.toThrow();
    expect(() => checkArchive(craftZip(entries, { zip64: true }))).not.toThrow();
  });

  it('a part that compresses very well but is small', () => {
    expect(() => checkArchive(craftZip([{ name: 'xl/styles.xml', content: new Uint8Array(500_000) }]))).not.toThrow();
  });
});

describe('checkArchive refuses', () => {
  it.each([
    ['a name climbing out of the archive', '../evil.xml'],
    ['a name climbing out in the middle', 'xl/../../evil.xml'],
    ['a Windows-style climb', 'xl\\..\\evil.xml'],
    ['an absolute name', '/etc/passwd'],
    ['a drive letter', 'C:/Windows/evil.xml'],
  ])('%s (%s)', (_, name) => {
    expect(refusal(craftZip([part('[Content_Types].xml'), part(name)]))).toMatch(/недопустимые пути/);
  });

  it('a part declaring more than 100 MB unpacked', () => {
    const bytes = craftZip([{ ...part('xl/worksheets/sheet1.xml'), declaredSize: 101 * 2 ** 20 }]);
    expect(refusal(bytes)).toMatch(/^После распаковки книга Excel занимает больше 100 МБ/);
  });

  it('parts adding up to more than 100 MB', () => {
    const parts = [1, 2, 3].map((n) => ({ ...part(`xl/worksheets/sheet${n}.xml`), declaredSize: 40 * 2 ** 20 }));
    expect(refusal(craftZip(parts))).toMatch(/больше 100 МБ/);
  });

  it('a part compressed more than 200 times', () => {
    expect(refusal(craftZip([{ name: 'xl/sharedStrings.xml', content: new Uint8Array(4 * 2 ** 20) }]))).toMatch(
      /сжата подозрительно сильно/,
    );
  });

  it('a part that unpacks to more than it declares', () => {
    const bytes = craftZip([{ name: 'xl/sharedStrings.xml', content: new Uint8Array(2 ** 20), declaredSize: 1000 }]);
    expect(refusal(bytes)).toMatch(damaged);
  });

  it('a stored part whose sizes disagree', () => {
    expect(refusal(craftZip([{ ...part('a.xml'), stored: true, declaredSize: 3 }]))).toMatch(damaged);
  });

  it('an encrypted part', () => {
    const bytes = craftZip([part('xl/workbook.xml')]);
    const central = Buffer.from(bytes).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes[central + 8] = (bytes[central + 8] ?? 0) | 1;
    expect(refusal(bytes)).toMatch(/защищена паролем/);
  });

  it.each([
    ['no end record', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])],
    ['an empty archive', craftZip([])],
    ['a cut archive', craftZip([part('a.xml'), part('b.xml')]).subarray(0, 60)],
  ])('%s', (_, bytes) => {
    expect(refusal(bytes)).toMatch(damaged);
  });
});
