// Picks the reader for an uploaded programme document. The content decides first: users rename files, and
// many report generators hand out HTML or RTF named .doc (Word opens them silently); the extension only settles
// what the bytes leave open.
import type { SourceDocument } from '../../domain/document/source-document.ts';
import { decodeText } from '../csv/read-csv.ts';
import { readDocx } from '../docx/read-docx.ts';
import { readHtml } from '../html/read-html.ts';
import { formatError } from '../table/table.ts';
import { readTxt } from '../txt/read-txt.ts';
import { isOleDocument, isZip } from '../xlsx/file-signature.ts';
import { checkDocumentSize } from './document-limits.ts';

const startsWithText = (bytes: Uint8Array, magic: string): boolean =>
  [...magic].every((char, i) => bytes[i] === char.charCodeAt(0));

/**
 * Control characters that no text document holds but every binary one does (pictures, archives, executables).
 * Tab, line feed, carriage return, vertical tab and form feed are allowed: Word's plain-text export writes the
 * last two for manual line and page breaks.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const binaryCharacters = /[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]/;

/** Markup that makes a text an HTML document rather than a text with a stray tag (the seeds have <b> inline). */
const looksLikeHtml = (text: string): boolean => /^\s*</.test(text) && /<(?:html|table|p)\b/i.test(text);

/** Reads a .docx, an HTML page or a text file into the neutral document; refuses anything else with advice. */
export async function readDocument(fileName: string, bytes: Uint8Array): Promise<SourceDocument> {
  checkDocumentSize(bytes);
  // An OLE file goes to readDocx too: it tells an old .doc from a password-protected .docx.
  if (isZip(bytes) || isOleDocument(bytes)) return readDocx(bytes, fileName);
  if (startsWithText(bytes, '%PDF-')) {
    throw formatError(
      'Файл в формате PDF: из него нельзя надёжно прочитать таблицы. Загрузите исходный документ Word (.docx) или сохраните его как .docx и загрузите снова.',
    );
  }
  if (startsWithText(bytes, '{\\rtf')) {
    throw formatError('Файл в формате RTF. Откройте его в Word, сохраните как .docx и загрузите снова.');
  }
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  // A "document.docx" that is not a zip is damaged, not a text file: let readDocx say so. A ".doc" is not
  // refused here: when it is not OLE it is usually a generated web page.
  if (extension === 'docx') return readDocx(bytes, fileName);
  const text = decodeText(bytes);
  if (binaryCharacters.test(text)) {
    throw formatError(
      'Файл не похож на документ: это не .docx, не веб-страница и не текст. Сохраните документ в Word в формате .docx и загрузите снова.',
    );
  }
  if (looksLikeHtml(text) || extension === 'html' || extension === 'htm') return readHtml(text, fileName);
  return readTxt(text, fileName);
}
