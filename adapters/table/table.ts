import { DomainError, type Problem } from '../../domain/errors.ts';

/** One row of a table as the user sees it: `row` is the 1-based number shown by Excel or the line of the CSV record. */
export interface TableRow {
  row: number;
  /**
   * Trimmed cell texts, '' for empty, aligned with `Table.headers`: padded with '' up to the header count and
   * longer only when the row has filled cells beyond the last header (the importer decides what that means).
   */
  cells: string[];
}

/** A sheet or CSV file read into text: the first non-empty row is the header row, entirely empty rows are dropped. */
export interface Table {
  sheet?: string;
  headerRow: number;
  /** Trimmed header texts without trailing empty columns. */
  headers: string[];
  rows: TableRow[];
}

/** A row as a reader found it, before trimming and limits. */
export interface RawRow {
  row: number;
  cells: string[];
}

/**
 * Limits shared by every reader. Excel itself stops at 32 767 characters per cell; the row, column and size limits
 * keep one upload within what the server can hold in memory, well above real regional lists
 * (a region has at most a few thousand organisations, an assessment a few hundred thousand results, split by round).
 */
export const tableLimits = {
  rows: 100_000,
  columns: 200,
  cellChars: 32_767,
  bytes: 100 * 1024 * 1024,
} as const;

/** The one error every reader throws for a file it cannot read: the message tells the user what to do. */
export const formatError = (message: string, problems?: Problem[]): DomainError =>
  new DomainError('import.format', message, problems ? { problems } : undefined);

/** A number as Russian text writes it in messages: 100 000 with a no-break space between groups. */
export const ru = (n: number): string => n.toLocaleString('ru-RU');
