/**
 * CSV as Polish spreadsheets open it. Excel with Polish regional settings splits columns on `;`
 * (the comma is the decimal separator there), and recognises UTF-8 only with a byte-order mark, so
 * the file starts with a BOM and uses `;`. No `sep=;` first line: Excel then ignores the BOM and
 * garbles Polish letters. Records end with CRLF and are quoted as RFC 4180 describes (with `;` in
 * the comma's place): a cell holding the separator, a double quote or a line break is enclosed in
 * double quotes, and its double quotes are doubled.
 *
 * Cells are text typed by organisations, so a cell a spreadsheet would read as a formula (starting
 * with = + - @, a tab or a carriage return) is prefixed with an apostrophe (OWASP "CSV injection").
 * This also marks phone numbers written as "+48 …"; the JSON export and the API carry them unchanged.
 */

export const csvBom = '\uFEFF';
export const csvSeparator = ';';
export const csvLineEnd = '\r\n';

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[;"\r\n]/;

export type CsvValue = string | number | null | undefined;

/** One cell: formula-guarded, then quoted when needed. Null and undefined are empty cells. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, with its line end. */
export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(csvSeparator) + csvLineEnd;
}
