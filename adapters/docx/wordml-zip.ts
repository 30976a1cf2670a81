// Takes parts out of a .docx zip. The archive has already passed checkArchive (../xlsx/check-archive.ts), which
// refuses bombs, crafted paths, encryption and sizes that lie; this only finds an entry in the central directory
// (APPNOTE.TXT 4.3.12–4.3.16, Zip64 included) and inflates it, with its checked size as a hard ceiling.
import { inflateRawSync } from 'node:zlib';

/** A damaged or unexpected archive: the caller words it for the user. */
export class ZipError extends Error {}

interface Entry {
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const unknown32 = 0xffffffff;

function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('size beyond 2^53');
  return Number(value);
}

function centralDirectory(view: DataView): { offset: number; count: number } {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  let end = view.byteLength - 22;
  while (end >= lowest && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < lowest) throw new ZipError('no end of central directory');
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (count !== 0xffff && offset !== unknown32) return { offset, count };
  if (end < 20 || view.getUint32(end - 20, true) !== 0x07064b50) throw new ZipError('no Zip64 locator');
  const end64 = u64(view, end - 12);
  if (end64 + 56 > view.byteLength || view.getUint32(end64, true) !== 0x06064b50) throw new ZipError('no Zip64 end');
  return { count: u64(view, end64 + 32), offset: u64(view, end64 + 48) };
}

/** Sizes and offsets that did not fit in 32 bits, from the Zip64 extra field, in the order APPNOTE gives. */
function zip64Fields(view: DataView, from: number, to: number, entry: Entry): void {
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

/** Part names compare without case (OPC, ECMA-376 part 2 §6.2.2.3); a few zip tools write '\' for '/'. */
const partKey = (name: string): string => name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();

export interface ZipArchive {
  /** The entry's bytes, or undefined when the archive has no such entry. */
  read(name: string): Uint8Array | undefined;
}

export function openZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw new ZipError('too short');
  const directory = centralDirectory(view);
  const entries = new Map<string, Entry>();
  const decoder = new TextDecoder();
  let at = directory.offset;
  for (let i = 0; i < directory.count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ZipError('bad directory');
    const nameEnd = at + 46 + view.getUint16(at + 28, true);
    const extraEnd = nameEnd + view.getUint16(at + 30, true);
    if (extraEnd > bytes.length) throw new ZipError('bad directory');
    const entry: Entry = {
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      uncompressed: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    if ([entry.compressed, entry.uncompressed, entry.localOffset].includes(unknown32)) {
      zip64Fields(view, nameEnd, extraEnd, entry);
    }
    const key = partKey(decoder.decode(bytes.subarray(at + 46, nameEnd)));
    if (!entries.has(key)) entries.set(key, entry);
    at = extraEnd + view.getUint16(at + 32, true);
  }

  return {
    read(name) {
      const entry = entries.get(partKey(name));
      if (!entry) return undefined;
      const local = entry.localOffset;
      if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new ZipError('bad entry');
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + entry.compressed > bytes.length) throw new ZipError('bad entry');
      const data = bytes.subarray(start, start + entry.compressed);
      if (entry.method === 0) return data;
      if (entry.method !== 8) throw new ZipError('unknown method');
      return inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressed, 1) });
    },
  };
}
