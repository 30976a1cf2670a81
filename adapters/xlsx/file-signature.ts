// First bytes that tell file kinds apart regardless of the name a user gave the file.

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** A zip local file header "PK\x03\x04": every .xlsx starts with it (as do .docx and .zip, refused later). */
export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);

/** An OLE compound document: an old binary .xls, or an .xlsx that Excel encrypted with a password. */
export const isOleDocument = (bytes: Uint8Array): boolean =>
  startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
