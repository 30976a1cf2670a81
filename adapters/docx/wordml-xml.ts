// One SAX pass over an XML part of a Word document, with htmlparser2 in XML mode: names keep their case and
// prefix («w:p»), entities are decoded, and nothing is expanded beyond the five XML entities and character
// references (no DTD, so no entity bombs). The reader sees WordprocessingML names with the «w:» prefix whatever
// prefix the file binds the namespace to, so a generator that writes «ns0:p» or a default namespace reads the same.
import { Parser } from 'htmlparser2';
import { documentLimits, tooDeep } from '../document/document-limits.ts';

/** Transitional (what Word writes) and Strict (ISO/IEC 29500 Strict) WordprocessingML. */
const wordNamespaces = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** Not well-formed XML: an element left open or closed out of order. */
export class XmlError extends Error {}

export interface XmlEvents {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

type Rename = (name: string) => string;
const same: Rename = (name) => name;

/** How names in this part map to «w:…», from the namespace declarations on its root element. */
function renameFor(attributes: Record<string, string>): Rename {
  let prefix: string | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    if (!wordNamespaces.has(value)) continue;
    if (key === 'xmlns') prefix = '';
    else if (key.startsWith('xmlns:')) prefix = key.slice(6);
    if (prefix === 'w') return same;
  }
  // No declaration of the namespace at all: read the names as they are.
  if (prefix === undefined || prefix === 'w') return same;
  if (prefix === '') return (name) => (name.includes(':') ? name : `w:${name}`);
  const from = `${prefix}:`;
  return (name) => (name.startsWith(from) ? `w:${name.slice(from.length)}` : name);
}

function renameAttributes(attributes: Record<string, string>, rename: Rename): Record<string, string> {
  const out: Record<string, string> = {};
  // An unprefixed attribute is in no namespace: it keeps its name even under a default namespace.
  for (const [key, value] of Object.entries(attributes)) out[key.includes(':') ? rename(key) : key] = value;
  return out;
}

/** Decodes a part: UTF-8 unless a byte-order mark says UTF-16 (XML 1.0 §4.3.3). */
export function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder().decode(bytes);
}

/**
 * Walks a part, calling `events` for every element and text in order; refuses markup nested deeper than
 * documentLimits.depth (htmlparser2 slows quadratically with depth) and XML that is not well formed.
 */
export function parseXml(xml: string, events: XmlEvents): void {
  let rename: Rename | undefined;
  let depth = 0;
  let ended = false;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (++depth > documentLimits.depth) throw tooDeep();
        if (rename === undefined) rename = renameFor(attributes);
        if (rename === same) events.open(name, attributes);
        else events.open(rename(name), renameAttributes(attributes, rename));
      },
      onclosetag(name, implied) {
        // htmlparser2 reports a self-closing element as an implied close too; only then does «/>» precede it.
        if (ended || (implied && xml.charCodeAt(parser.endIndex - 1) !== 0x2f)) throw new XmlError('not well formed');
        depth--;
        events.close(rename ? rename(name) : name);
      },
      ontext(text) {
        events.text(text);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  // Whatever is still open now closes only because the text ran out.
  ended = true;
  parser.end();
}

/** An on/off property (ECMA-376 §17.17.4 ST_OnOff): present means on unless its value says otherwise. */
export const isOn = (value: string | undefined): boolean =>
  value === undefined || !(value === '0' || value === 'false' || value === 'off');

/** An integer attribute, or undefined when missing or not a number. */
export function intOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? undefined : n;
}
