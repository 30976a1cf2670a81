// Reads a Word document (.docx) through mammoth's HTML, so that DOCX and HTML uploads share one reader and
// one set of rules for paragraphs, headings, bold and merged cells.
import mammoth from 'mammoth';
import type { SourceDocument } from '../../domain/document/source-document.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkDocumentSize } from '../document/document-limits.ts';
import { readHtml } from '../html/read-html.ts';
import { formatError, ru, tableLimits } from '../table/table.ts';
import { checkArchive } from '../xlsx/check-archive.ts';
import { isOleDocument, isZip } from '../xlsx/file-signature.ts';

export const oldWordError = (): DomainError =>
  formatError('Файл в старом формате Word (.doc). Сохраните его как .docx и загрузите снова.');

const notWordError = (): DomainError =>
  formatError(
    'Файл не является документом Word (.docx) или повреждён. Откройте его в Word, сохраните в формате .docx («Файл» → «Сохранить как» → «Документ Word») и загрузите снова.',
  );

/**
 * Word encrypts a password-protected .docx into the same OLE container as an old .doc; only the stream named
 * "EncryptionInfo" (MS-OFFCRYPTO 2.3.4) tells them apart, and its name sits in the directory in UTF-16LE.
 */
const encryptionInfo = Buffer.from('EncryptionInfo', 'utf16le');
const isEncryptedOffice = (bytes: Uint8Array): boolean =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(encryptionInfo) !== -1;

/**
 * checkArchive speaks of Excel books; the same refusals are worded here for a Word document. The messages are
 * matched by their wording (read-docx.test.ts walks every one); anything unmatched reads as a damaged document.
 */
const archiveRefusals: [RegExp, string][] = [
  [
    /недопустимые пути/,
    'Файл содержит недопустимые пути внутри архива и не может быть обработан. Сохраните документ в Word заново в формате .docx и загрузите снова.',
  ],
  [
    /паролем/,
    'Документ Word защищён паролем. Снимите пароль в Word, сохраните документ в формате .docx и загрузите снова.',
  ],
  [
    /После распаковки/,
    `После распаковки документ Word занимает больше ${ru(tableLimits.bytes / 2 ** 20)} МБ. Удалите из него картинки и сканы или разделите его на части и загрузите по очереди.`,
  ],
  [
    /сжата подозрительно/,
    'Документ Word сжат подозрительно сильно и не может быть обработан. Откройте его в Word, сохраните заново в формате .docx и загрузите снова.',
  ],
];

/** Zip bombs, path traversal and damaged archives are refused before mammoth (through JSZip) inflates anything. */
function checkWordArchive(bytes: Uint8Array): void {
  try {
    checkArchive(bytes);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const wording = archiveRefusals.find(([pattern]) => pattern.test(e.message))?.[1];
    throw formatError(
      wording ??
        'Документ Word повреждён или загружен не полностью. Откройте его в Word, сохраните заново в формате .docx и загрузите снова.',
    );
  }
}

const mammothOptions = {
  // The default map already turns "Heading 1"–"Heading 6" (any letter case) into h1–h6 and w:b into <strong>;
  // these add the title and the Russian names documents made from localised templates give their styles.
  styleMap: [
    "p[style-name='Title'] => h1:fresh",
    "p[style-name='Название'] => h1:fresh",
    "p[style-name='Заголовок'] => h1:fresh",
    "p[style-name='Заголовок 1'] => h1:fresh",
    "p[style-name='Заголовок 2'] => h2:fresh",
    "p[style-name='Заголовок 3'] => h3:fresh",
    "p[style-name='Заголовок 4'] => h4:fresh",
    "p[style-name='Заголовок 5'] => h5:fresh",
    "p[style-name='Заголовок 6'] => h6:fresh",
    'b => strong',
  ],
  // A style map embedded in the uploaded file would let the file decide how it is read.
  includeEmbeddedStyleMap: false,
  // Pictures carry no programme text: an empty src spares base64-encoding every scan into the HTML string.
  convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
  externalFileAccess: false,
};

/**
 * mammoth lists footnotes and endnotes after the text, each ending with a "↑" link back to its "[1]" marker;
 * the marker stays (the reader sees a superscript number in Word), the arrow is not part of the document.
 */
const noteBacklinks = / ?<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/g;

/** Reads a .docx: paragraphs, headings and tables with merged cells; refuses anything that is not a sound one. */
export async function readDocx(bytes: Uint8Array, name: string): Promise<SourceDocument> {
  checkDocumentSize(bytes);
  if (!isZip(bytes)) {
    if (isOleDocument(bytes)) {
      throw isEncryptedOffice(bytes)
        ? formatError(
            'Документ Word защищён паролем. Откройте его в Word, снимите пароль («Файл» → «Сведения» → «Защита документа»), сохраните документ и загрузите снова.',
          )
        : oldWordError();
    }
    throw notWordError();
  }
  checkWordArchive(bytes);
  let html: string;
  try {
    // mammoth reads a Node Buffer; this one shares the upload's memory instead of copying it.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    html = (await mammoth.convertToHtml({ buffer }, mammothOptions)).value;
  } catch {
    // No word/document.xml (an .xlsx or a plain zip), broken XML, a missing relationship: mammoth throws plain
    // Errors with English text, none of which helps a user more than "save it again in Word".
    throw notWordError();
  }
  return { ...readHtml(html.replace(noteBacklinks, ''), name), format: 'docx' };
}
