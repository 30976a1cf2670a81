import { inflateRawSync } from 'node:zlib';
import { formatError, ru, tableLimits } from '../table/table.ts';

// A zip declares every entry's sizes in its central directory at the end of the file (APPNOTE.TXT 4.3.12-4.3.16).
// Reading that directory ourselves lets us refuse zip bombs and crafted archives before exceljs (through JSZip)
// inflates every entry into memory.

const archiveLimits = {
  uncompressed: tableLimits.bytes,
  // Real workbooks compress 5-30 times; deflate tops out near 1000 on runs of one byte.
  ratio: 200,
  // Small entries may compress a lot harmlessly (a styles part full of repeated tags).
  ratioFrom: 2 ** 20,
  entries: 10_000,
} as const;

const signatures = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  end64: 0x06064b50,
  locator64: 0x07064b50,
};
const unknown32 = 0xffffffff;

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const damaged = () =>
  formatError(
    'Файл книги Excel повреждён или загружен не полностью. Откройте его в Excel, сохраните заново в формате .xlsx и загрузите снова.',
  );

function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged();
  return Number(value);
}

/** Where the central directory lies and how many entries it holds, from the end record (or its Zip64 twin). */
function centralDirectory(view: DataView): { offset: number; size: number; count: number } {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff); // the record ends with a comment of up to 64 KiB
  let end = view.byteLength - 22;
  while (end >= lowest && view.getUint32(end, true) !== signatures.end) end--;
  if (end < lowest) throw damaged();
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count !== 0xffff && size !== unknown32 && offset !== unknown32) return { offset, size, count };
  // Zip64: a locator just before the end record points to the 64-bit end record.
  if (end < 20 || view.getUint32(end - 20, true) !== signatures.locator64) throw damaged();
  const end64 = u64(view, end - 12);
  if (end64 + 56 > view.byteLength || view.getUint32(end64, true) !== signatures.end64) throw damaged();
  return { count: u64(view, end64 + 32), size: u64(view, end64 + 40), offset: u64(view, end64 + 48) };
}

/** Sizes that did not fit in 32 bits sit in the Zip64 extra field, in this order, only those marked unknown. */
function zip64Sizes(view: DataView, from: number, to: number, entry: Entry): void {
  for (let at = from; at + 4 <= to; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== 0x0001) continue;
    let field = at + 4;
    const next = () => {
      if (field + 8 > to) throw damaged();
      const value = u64(view, field);
      field += 8;
      return value;
    };
    if (entry.uncompressed === unknown32) entry.uncompressed = next();
    if (entry.compressed === unknown32) entry.compressed = next();
    if (entry.localOffset === unknown32) entry.localOffset = next();
    return;
  }
  throw damaged();
}

function readEntries(bytes: Uint8Array, view: DataView): Entry[] {
  const directory = centralDirectory(view);
  if (directory.count > archiveLimits.entries) throw damaged();
  const stop = directory.offset + directory.size;
  if (stop > bytes.length) throw damaged();
  const entries: Entry[] = [];
  let at = directory.offset;
  for (let i = 0; i < directory.count; i++) {
    if (at + 46 > stop || view.getUint32(at, true) !== signatures.central) throw damaged();
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > stop) throw damaged();
    const entry: Entry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, nameEnd)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      uncompressed: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    if ([entry.compressed, entry.uncompressed, entry.localOffset].includes(unknown32)) {
      zip64Sizes(view, nameEnd, nameEnd + extraLength, entry);
    }
    entries.push(entry);
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

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

/**
 * The declared sizes could lie: inflate each entry with the declared size as a hard ceiling, so an entry that
 * claims 1 KB and expands to gigabytes stops at 1 KB instead of filling memory inside exceljs.
 */
function checkActual(bytes: Uint8Array, view: DataView, entry: Entry): void {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== signatures.local) throw damaged();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressed > bytes.length) throw damaged();
  const data = bytes.subarray(start, start + entry.compressed);
  let size = data.length;
  if (entry.method === 8) {
    try {
      size = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressed, 1) }).length;
    } catch {
      throw damaged();
    }
  }
  if (size !== entry.uncompressed) throw damaged();
}

/** Refuses archives that are damaged, crafted or too large once unpacked; returns quietly for a sound one. */
export function checkArchive(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw damaged();
  const entries = readEntries(bytes, view);
  if (entries.length === 0) throw damaged();
  checkDeclared(entries);
  for (const entry of entries) checkActual(bytes, view, entry);
}
