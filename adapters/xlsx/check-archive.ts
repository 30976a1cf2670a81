import { formatError, ru, tableLimits } from '../table/table.ts';
import { type ZipEntry as Entry, listZipEntries, readZipEntry, ZipError } from '../zip/zip-archive.ts';

// A zip declares every entry's sizes in its central directory (read by ../zip/zip-archive.ts). Checking them
// lets us refuse zip bombs and crafted archives before exceljs (through JSZip) inflates every entry into memory.

const archiveLimits = {
  uncompressed: tableLimits.bytes,
  // Real workbooks compress 5-30 times; deflate tops out near 1000 on runs of one byte.
  ratio: 200,
  // Small entries may compress a lot harmlessly (a styles part full of repeated tags).
  ratioFrom: 2 ** 20,
  entries: 10_000,
} as const;

const damaged = () =>
  formatError(
    'Файл книги Excel повреждён или загружен не полностью. Откройте его в Excel, сохраните заново в формате .xlsx и загрузите снова.',
  );

/** exceljs never writes entries to disk, but a "../" or absolute name only appears in an archive built to attack. */
const isUnsafePath = (name: string): boolean =>
  /^([/\\]|[a-zA-Z]:)/.test(name) || name.split(/[/\\]/).some((part) => part === '..');

function checkDeclared(entries: Entry[]): void {
  for (const entry of entries) {
    if (isUnsafePath(entry.name)) {
      throw formatError(
        'Файл содержит недопустимые пути внутри архива и не может быть обработан. Сохраните таблицу в Excel заново в формате .xlsx и загрузите снова.',
      );
    }
    if (entry.flags & 1) {
      throw formatError(
        'Книга Excel защищена паролем. Снимите пароль, сохраните книгу в формате .xlsx и загрузите снова.',
      );
    }
    if (entry.method !== 0 && entry.method !== 8) throw damaged(); // Excel only stores or deflates
  }
  const total = entries.reduce((sum, entry) => sum + entry.uncompressed, 0);
  if (total > archiveLimits.uncompressed) {
    throw formatError(
      `После распаковки книга Excel занимает больше ${ru(archiveLimits.uncompressed / 2 ** 20)} МБ. Разделите таблицу на несколько файлов и загрузите их по очереди.`,
    );
  }
  const bomb = entries.some(
    (entry) =>
      entry.uncompressed > archiveLimits.ratioFrom &&
      entry.uncompressed / Math.max(entry.compressed, 1) > archiveLimits.ratio,
  );
  if (bomb) {
    throw formatError(
      'Книга Excel сжата подозрительно сильно и не может быть обработана. Откройте её в Excel, сохраните заново в формате .xlsx и загрузите снова.',
    );
  }
}

/** Refuses archives that are damaged, crafted or too large once unpacked; returns quietly for a sound one. */
export function checkArchive(bytes: Uint8Array): void {
  try {
    const entries = listZipEntries(bytes, archiveLimits.entries);
    if (entries.length === 0) throw damaged();
    checkDeclared(entries);
    // The declared sizes could lie: each entry inflates with its declared size as a ceiling and must fill it.
    for (const entry of entries) if (readZipEntry(bytes, entry).length !== entry.uncompressed) throw damaged();
  } catch (e) {
    if (e instanceof ZipError) throw damaged();
    throw e;
  }
}
