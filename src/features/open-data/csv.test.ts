import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvCell, csvRecord } from './csv.js';

describe('CSV cells', () => {
  it('leaves plain text alone and writes null as an empty cell', () => {
    assert.equal(csvCell('Fundacja Łączy Nas'), 'Fundacja Łączy Nas');
    assert.equal(csvCell(2019), '2019');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(undefined), '');
    assert.equal(csvCell('a,b'), 'a,b', 'the comma is no separator here');
  });

  it('quotes the separator, double quotes and line breaks (RFC 4180)', () => {
    assert.equal(csvCell('Kultura; sztuka'), '"Kultura; sztuka"');
    assert.equal(csvCell('Klub "Orzeł"'), '"Klub ""Orzeł"""');
    assert.equal(csvCell('dwa\nwiersze'), '"dwa\nwiersze"');
    assert.equal(csvCell('a\r\nb'), '"a\r\nb"');
  });

  it('prefixes what a spreadsheet would run as a formula with an apostrophe', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil.example")'), '"\'=HYPERLINK(""http://evil.example"")"');
    assert.equal(csvCell('+48 65 000 00 00'), "'+48 65 000 00 00");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\t=1'), "'\t=1");
    assert.equal(csvCell('\r=1'), '"\'\r=1"');
    assert.equal(csvCell('a=1'), 'a=1', 'only a leading character matters');
  });

  it('a record joins cells with ; and ends with CRLF', () => {
    assert.equal(csvRecord(['a', null, 'b;c', 7]), 'a;;"b;c";7\r\n');
  });

  it('any text survives a round trip through a CSV parser, formulas guarded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { minLength: 1, maxLength: 5 }), { maxLength: 5 }),
        (rows) => {
          const csv = rows.map((r) => csvRecord(r)).join('');
          const back = parse(csv, { delimiter: ';', record_delimiter: '\r\n', relax_column_count: true }) as string[][];
          const expected = rows.map((r) => r.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
          assert.deepEqual(back, expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
