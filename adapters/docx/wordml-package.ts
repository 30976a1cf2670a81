// Finds the parts of a Word package (ECMA-376 part 2, Open Packaging Conventions): the main document through the
// package's relationships, its styles and numbering through the document's own relationships.

import { documentLimits } from '../document/document-limits.ts';
import { formatError, ru } from '../table/table.ts';
import { openZip } from '../zip/zip-archive.ts';
import { decodePart, parseXml } from './wordml-xml.ts';

/** The package is not a Word document (a workbook, a presentation, a plain zip). */
export class NotWordError extends Error {}

export interface WordParts {
  document: string;
  styles: string | undefined;
  numbering: string | undefined;
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

function relationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  parseXml(xml, {
    open(name, a) {
      if (name !== 'Relationship' && !name.endsWith(':Relationship')) return;
      out.push({ type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
    },
    close() {},
    text() {},
  });
  return out;
}

/** A relationship's target as a part name: relative to the folder of the part that holds it, '/' from the root. */
function resolve(from: string, target: string): string | undefined {
  const parts = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') {
      if (parts.pop() === undefined) return undefined;
    } else parts.push(piece);
  }
  return parts.join('/');
}

/** «…/relationships/styles» in Transitional, «…/officeDocument/relationships/styles» in Strict. */
const ofType = (rels: Relationship[], kind: string): string | undefined =>
  rels.find((r) => !r.external && r.type.endsWith(`/${kind}`))?.target;

/** The text of the main document part, the styles part and the numbering part of a .docx. */
export function readWordParts(bytes: Uint8Array): WordParts {
  const zip = openZip(bytes);
  const text = (name: string | undefined): string | undefined => {
    // The archive may unpack to 100 MB (pictures and scans), but the text parts are parsed whole: 100 MB of XML
    // compressed 150 times is a 650 KB file that takes seconds and a gigabyte to read. A real programme's text is
    // a few megabytes at most, so each part is held to the limit of a whole document file.
    if (name !== undefined && (zip.size(name) ?? 0) > documentLimits.bytes) {
      throw formatError(
        `После распаковки текст документа Word занимает больше ${ru(documentLimits.bytes / 2 ** 20)} МБ. Разделите документ на части и загрузите их по очереди.`,
      );
    }
    const part = name === undefined ? undefined : zip.read(name);
    return part && decodePart(part);
  };
  const packageRels = text('_rels/.rels');
  const main = packageRels === undefined ? undefined : ofType(relationships(packageRels), 'officeDocument');
  // Without package relationships (a zip put together by hand), the main part is where Word puts it.
  const documentName = main === undefined ? 'word/document.xml' : resolve('', main);
  const document = text(documentName);
  if (documentName === undefined || document === undefined) throw new NotWordError('no main document part');
  const slash = documentName.lastIndexOf('/');
  const relsName = `${documentName.slice(0, slash + 1)}_rels/${documentName.slice(slash + 1)}.rels`;
  const documentRels = text(relsName);
  const related = (kind: string): string | undefined => {
    if (documentRels === undefined) return resolve(documentName, `${kind}.xml`);
    const target = ofType(relationships(documentRels), kind);
    return target === undefined ? undefined : resolve(documentName, target);
  };
  return { document, styles: text(related('styles')), numbering: text(related('numbering')) };
}
