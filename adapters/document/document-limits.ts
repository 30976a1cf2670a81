import type { DomainError } from '../../domain/errors.ts';
import { formatError, ru } from '../table/table.ts';

/**
 * Limits for one programme document, whatever its format. The seeds are 17–48 KB of text; a regional programme
 * in Word with pictures stays within a few megabytes, so 20 MB leaves room for scans pasted into the document.
 * The piece and cell ceilings keep a crafted file (20 MB of `<p>` or `<td>` tags is millions of blocks) from
 * filling the server's memory with objects: the longest seed has a few hundred paragraphs and rows.
 * htmlparser2 keeps its open elements with Array.unshift, so parsing slows quadratically with nesting depth
 * (40 000 nested <div>s take 5 s); Word and mammoth nest a few dozen levels, old generators that never close
 * <font> a few hundred.
 */
export const documentLimits = {
  bytes: 20 * 2 ** 20,
  /** Paragraphs plus table rows. */
  pieces: 100_000,
  cells: 500_000,
  /** Elements open inside one another. */
  depth: 1000,
} as const;

/** Refuses an empty or oversized upload before any parser looks at it. */
export function checkDocumentSize(bytes: Uint8Array): void {
  if (bytes.length === 0) {
    throw formatError('Файл пустой. Проверьте, что выбран нужный документ, и загрузите его снова.');
  }
  if (bytes.length > documentLimits.bytes) {
    throw formatError(
      `Файл больше ${ru(documentLimits.bytes / 2 ** 20)} МБ. Удалите из документа картинки и сканы или разделите его на части и загрузите по очереди.`,
    );
  }
}

/** The error for a document that would exceed the piece or cell ceiling. */
export const tooManyPieces = (): DomainError =>
  formatError(
    `В документе больше ${ru(documentLimits.pieces)} абзацев и строк таблиц или больше ${ru(documentLimits.cells)} ячеек. Разделите документ на части и загрузите их по очереди.`,
  );

/** The error for markup nested deeper than any real document. */
export const tooDeep = (): DomainError =>
  formatError(
    `Документ устроен слишком сложно: элементы вложены друг в друга больше чем на ${ru(documentLimits.depth)} уровней. Откройте его в Word, сохраните в формате .docx и загрузите снова.`,
  );
