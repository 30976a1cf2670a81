import { readCsv } from '../csv/read-csv.ts';
import { isOleDocument, isZip } from '../xlsx/file-signature.ts';
import { oldExcelError, readXlsx } from '../xlsx/read-xlsx.ts';
import { formatError, type Table } from './table.ts';

const extension = (fileName: string) => /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * Reads an uploaded table, trusting the content over the name: users rename files, and browsers report whatever
 * the name says. Zip and OLE signatures go to the Excel reader; otherwise the extension decides.
 */
export async function readTable(fileName: string, bytes: Uint8Array): Promise<Table> {
  if (isZip(bytes) || isOleDocument(bytes)) return readXlsx(bytes);
  switch (extension(fileName)) {
    case 'csv':
    case 'txt':
      return readCsv(bytes);
    case 'xlsx':
      return readXlsx(bytes); // not a zip: refused there with the message about .xlsx
    case 'xls':
      // An .xls that is not an OLE document is HTML or text that some report generators save under that name.
      throw oldExcelError();
    default:
      throw formatError('Формат файла не поддерживается. Загрузите таблицу в формате .xlsx или .csv.');
  }
}
