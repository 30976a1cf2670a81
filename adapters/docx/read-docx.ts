// Reads a Word document (.docx) straight from its WordprocessingML (wordml-*.ts) into the same document model as
// the HTML and TXT readers: paragraphs with headings and bold, tables with merged cells, and the numbers of Word's
// automatic numbering, which a conversion to HTML loses.
import type { SourceDocument } from '../../domain/document/source-document.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkDocumentSize } from '../document/document-limits.ts';
import { formatError, ru, tableLimits } from '../table/table.ts';
import { checkArchive } from '../xlsx/check-archive.ts';
import { isOleDocument, isZip } from '../xlsx/file-signature.ts';
import { readWordBlocks } from './wordml-document.ts';
import { readWordParts } from './wordml-package.ts';

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

/** Zip bombs, path traversal and damaged archives are refused before any part is inflated for reading. */
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
  try {
    return { format: 'docx', name, blocks: readWordBlocks(readWordParts(bytes)) };
  } catch (e) {
    // Limits (too many pieces, too deep) speak for themselves. Anything else — no word/document.xml (an .xlsx or
    // a plain zip), broken XML, a damaged entry — helps a user no more than "save it again in Word".
    if (e instanceof DomainError) throw e;
    throw notWordError();
  }
}
