/**
 * Reading an uploaded CSV file into header + rows, or a reason the file as a whole cannot be read.
 * Encoding: UTF-8 (with or without BOM); bytes that are not valid UTF-8 are read as Windows-1250,
 * which Polish Excel writes by default. Separator: `;` (Polish Excel) or `,`, whichever makes more
 * of the header's names known columns. Row numbers are the spreadsheet's: the header is row 1 and
 * every record is one row, even when a quoted cell spans lines; blank rows are skipped but counted.
 */
import { parse } from 'csv-parse/sync';
import { columnByHeader, identifierColumns, type ImportColumnName } from './import-columns.js';

export const maxImportBytes = 5 * 1024 * 1024;
export const maxImportRows = 20_000;
const maxColumns = 200;

export type CsvEncoding = 'utf-8' | 'windows-1250';
export type CsvDelimiter = ';' | ',';

export interface CsvRow {
  /** The row number a spreadsheet shows (header = 1). */
  row: number;
  /** Cells of the known columns that are not blank, by column name (trimmed). */
  cells: Partial<Record<ImportColumnName, string>>;
  /** Set when the row's cell count differs from the header's. */
  fieldCount?: { found: number; expected: number };
}

export interface CsvFile {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** The known columns the header names. */
  columns: ImportColumnName[];
  /** Header names that are not columns of the import (reported, their cells ignored). */
  unknownColumns: string[];
  rows: CsvRow[];
}

export type CsvProblem =
  | { reason: 'empty' | 'spreadsheet' | 'utf16' | 'binary' | 'noHeader' | 'noIdentifierColumn' | 'noRows' }
  | { reason: 'tooManyRows'; rows: number }
  | { reason: 'tooManyColumns'; columns: number }
  | { reason: 'duplicateColumn'; column: string }
  | { reason: 'malformed'; row: number };

export type ReadCsvResult = { ok: true; file: CsvFile } | ({ ok: false } & CsvProblem);

/** Decodes the bytes: UTF-8 if they are valid UTF-8 (a BOM is dropped), else Windows-1250. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1250').decode(bytes), encoding: 'windows-1250' };
  }
}

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Files that are clearly not CSV text, recognised by their first bytes. */
function notText(bytes: Buffer): CsvProblem | null {
  // XLSX and ODS are ZIP archives; XLS is an OLE compound document.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { reason: 'spreadsheet' };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { reason: 'utf16' };
  if (bytes.includes(0)) return { reason: 'binary' };
  return null;
}

/** Control characters other than tab and line breaks: a few may be typos, many mean a binary file. */
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function parseRecords(text: string, delimiter: CsvDelimiter, toLine?: number): string[][] {
  return parse(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ...(toLine ? { to_line: toLine } : {}),
  });
}

/** The separator under which more header names are known columns (`;` on a tie). */
function detectDelimiter(text: string): CsvDelimiter {
  const known = (delimiter: CsvDelimiter) => {
    try {
      const header = parseRecords(text, delimiter, 1)[0] ?? [];
      return header.filter((name) => columnByHeader(name)).length;
    } catch {
      return -1;
    }
  };
  return known(',') > known(';') ? ',' : ';';
}

const isBlank = (record: string[]) => record.every((cell) => cell.trim() === '');

export function readCsv(bytes: Buffer): ReadCsvResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const refused = notText(bytes);
  if (refused) return { ok: false, ...refused };
  const { text, encoding } = decodeCsv(bytes);
  if ((text.match(controlCharacter)?.length ?? 0) > Math.max(10, text.length / 100)) return { ok: false, reason: 'binary' };
  if (text.trim() === '') return { ok: false, reason: 'empty' };

  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parseRecords(text, delimiter);
  } catch (error) {
    // csv-parse counts the records it completed; the broken one (e.g. an unclosed quote) is the next.
    const records = Number((error as { records?: unknown }).records);
    return { ok: false, reason: 'malformed', row: Number.isFinite(records) && records >= 0 ? records + 1 : 1 };
  }

  // The header is the first row that is not blank; rows above it still count for the row numbers.
  const headerIndex = records.findIndex((r) => !isBlank(r));
  const header = records[headerIndex] ?? [];
  if (header.length > maxColumns) return { ok: false, reason: 'tooManyColumns', columns: header.length };
  const positions: Array<ImportColumnName | null> = [];
  const seen = new Set<ImportColumnName>();
  const unknownColumns: string[] = [];
  for (const [index, raw] of header.entries()) {
    const column = columnByHeader(raw);
    if (!column) {
      positions.push(null);
      if (raw.trim() !== '') unknownColumns.push(raw.trim().slice(0, 60));
      else if (records.slice(headerIndex + 1).some((r) => (r[index] ?? '').trim() !== '')) unknownColumns.push(`#${index + 1}`);
      continue;
    }
    const name = column.name as ImportColumnName;
    if (seen.has(name)) return { ok: false, reason: 'duplicateColumn', column: name };
    seen.add(name);
    positions.push(name);
  }
  if (seen.size === 0) return { ok: false, reason: 'noHeader' };
  if (!identifierColumns.some((c) => seen.has(c))) return { ok: false, reason: 'noIdentifierColumn' };

  const rows: CsvRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const record = records[i]!;
    if (isBlank(record)) continue;
    if (rows.length >= maxImportRows) {
      const dataRows = records.slice(headerIndex + 1).filter((r) => !isBlank(r)).length;
      return { ok: false, reason: 'tooManyRows', rows: dataRows };
    }
    const cells: CsvRow['cells'] = {};
    positions.forEach((name, index) => {
      const value = (record[index] ?? '').trim();
      if (name && value !== '') cells[name] = value;
    });
    const row: CsvRow = { row: i + 1, cells };
    // Trailing empty cells (a separator at the end of the line) are not a different shape.
    const found = record.length > header.length && isBlank(record.slice(header.length)) ? header.length : record.length;
    if (found !== header.length) row.fieldCount = { found, expected: header.length };
    rows.push(row);
  }
  if (rows.length === 0) return { ok: false, reason: 'noRows' };
  return { ok: true, file: { encoding, delimiter, columns: [...seen], unknownColumns, rows } };
}
