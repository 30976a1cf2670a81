// Text in the encodings regional offices actually send: Windows-1251 from Russian Excel and Notepad, UTF-16 from
// «Текст Юникод». Node encodes only UTF-8, so Windows-1251 is built from its own decoder, byte by byte.

const cp1251Bytes = (() => {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = decoder.decode(Uint8Array.of(byte));
    if (char !== '\uFFFD') table.set(char, byte);
  }
  return table;
})();

/** Windows-1251; a character the code page lacks becomes «?», as Notepad saves it. */
export function cp1251(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x80 ? code : (cp1251Bytes.get(char) ?? 0x3f);
  });
}

export function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, order === 'le');
  for (let i = 0; i < text.length; i++) view.setUint16((bom ? 2 : 0) + i * 2, text.charCodeAt(i), order === 'le');
  return out;
}
