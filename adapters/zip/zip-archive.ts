// Our own reader of a zip's central directory (APPNOTE.TXT 4.3.12–4.3.16, Zip64 included). XLSX and DOCX
// are zips: reading the directory ourselves lets us refuse bombs and crafted archives before anything
// inflates, and take out just the parts we need.
import { inflateRawSync } from 'node:zlib';

/** A damaged or unexpected archive; callers word it for the user in the terms of their format. */
export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const signatures = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  end64: 0x06064b50,
  locator64: 0x07064b50,
};
const unknown32 = 0xffffffff;

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('size beyond 2^53');
  return Number(value);
}

/** Where the central directory lies and how many entries it holds, from the end record (or its Zip64 twin). */
function centralDirectory(view: DataView): { offset: number; size: number; count: number } {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff); // the record ends with a comment of up to 64 KiB
  let end = view.byteLength - 22;
  while (end >= lowest && view.getUint32(end, true) !== signatures.end) end--;
  if (end < lowest) throw new ZipError('no end of central directory');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count !== 0xffff && size !== unknown32 && offset !== unknown32) return { offset, size, count };
  // Zip64: a locator just before the end record points to the 64-bit end record.
  if (end < 20 || view.getUint32(end - 20, true) !== signatures.locator64) throw new ZipError('no Zip64 locator');
  const end64 = u64(view, end - 12);
  if (end64 + 56 > view.byteLength || view.getUint32(end64, true) !== signatures.end64)
    throw new ZipError('no Zip64 end');
  return { count: u64(view, end64 + 32), size: u64(view, end64 + 40), offset: u64(view, end64 + 48) };
}

/** Sizes that did not fit in 32 bits sit in the Zip64 extra field, in this order, only those marked unknown. */
function zip64Fields(view: DataView, from: number, to: number, entry: ZipEntry): void {
  for (let at = from; at + 4 <= to; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== 0x0001) continue;
    let field = at + 4;
    const next = () => {
      if (field + 8 > to) throw new ZipError('short Zip64 field');
      const value = u64(view, field);
      field += 8;
      return value;
    };
    if (entry.uncompressed === unknown32) entry.uncompressed = next();
    if (entry.compressed === unknown32) entry.compressed = next();
    if (entry.localOffset === unknown32) entry.localOffset = next();
    return;
  }
  throw new ZipError('no Zip64 field');
}

/** Every entry the central directory declares; more than `maxEntries` is refused before reading them. */
export function listZipEntries(bytes: Uint8Array, maxEntries = 10_000): ZipEntry[] {
  if (bytes.length < 22) throw new ZipError('too short');
  const view = viewOf(bytes);
  const directory = centralDirectory(view);
  if (directory.count > maxEntries) throw new ZipError('too many entries');
  const stop = directory.offset + directory.size;
  if (stop > bytes.length) throw new ZipError('directory beyond the end');
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = directory.offset;
  for (let i = 0; i < directory.count; i++) {
    if (at + 46 > stop || view.getUint32(at, true) !== signatures.central) throw new ZipError('bad directory');
    const nameEnd = at + 46 + view.getUint16(at + 28, true);
    const extraEnd = nameEnd + view.getUint16(at + 30, true);
    const next = extraEnd + view.getUint16(at + 32, true);
    if (next > stop) throw new ZipError('bad directory');
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, nameEnd)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      uncompressed: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    if ([entry.compressed, entry.uncompressed, entry.localOffset].includes(unknown32))
      zip64Fields(view, nameEnd, extraEnd, entry);
    entries.push(entry);
    at = next;
  }
  return entries;
}

/**
 * The entry's bytes, inflated with its declared size as a hard ceiling: an entry that claims 1 KB and
 * expands to gigabytes stops at 1 KB instead of filling memory.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = viewOf(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== signatures.local) throw new ZipError('bad entry');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressed > bytes.length) throw new ZipError('bad entry');
  const data = bytes.subarray(start, start + entry.compressed);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipError('unknown method');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressed, 1) });
  } catch {
    throw new ZipError('bad deflate data');
  }
}

/** Part names compare without case (OPC, ECMA-376 part 2 §6.2.2.3); a few zip tools write '\' for '/'. */
const partKey = (name: string): string => name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();

export interface ZipArchive {
  /** The entry's bytes, or undefined when the archive has no such entry. */
  read(name: string): Uint8Array | undefined;
  /** The entry's declared uncompressed size (its ceiling when read), or undefined when there is no such entry. */
  size(name: string): number | undefined;
}

export function openZip(bytes: Uint8Array): ZipArchive {
  const entries = new Map<string, ZipEntry>();
  for (const e of listZipEntries(bytes)) if (!entries.has(partKey(e.name))) entries.set(partKey(e.name), e);
  return {
    read(name) {
      const entry = entries.get(partKey(name));
      return entry ? readZipEntry(bytes, entry) : undefined;
    },
    size: (name) => entries.get(partKey(name))?.uncompressed,
  };
}
