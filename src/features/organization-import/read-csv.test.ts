import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkKrs, checkNip, checkRegon } from '../organizations/index.js';
import { importColumns } from './import-columns.js';
import { toWindows1250 } from './import.fixtures.js';
import { readCsv, type CsvFile } from './read-csv.js';
import { importTemplate } from './template.js';

function read(text: string | Buffer): CsvFile {
  const result = readCsv(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  if (!result.ok) throw new Error(`not read: ${result.reason}`);
  return result.file;
}

describe('reading the import file', () => {
  it('numbers rows as a spreadsheet does: a quoted cell over several lines is one row, blank rows count', () => {
    const file = read('nazwa;krs;opis\r\nA;1;"pierwsza\r\ndruga\r\ntrzecia"\r\n\r\nB;2;krótki\r\n;;\r\nC;3;\r\n');
    assert.deepEqual(
      file.rows.map((r) => [r.row, r.cells.nazwa]),
      [
        [2, 'A'],
        [4, 'B'],
        [6, 'C'],
      ],
    );
    assert.equal(file.rows[0]!.cells.opis, 'pierwsza\r\ndruga\r\ntrzecia');
    assert.equal(file.rows[2]!.cells.opis, undefined, 'blank cells are left out');
  });

  it('reads UTF-8 with and without a BOM, and Windows-1250 when the bytes are not UTF-8', () => {
    const text = 'nazwa;krs\r\nŻółta Łódź Świętych;0000000042\r\n';
    for (const bytes of [Buffer.from(text, 'utf8'), Buffer.from(`\uFEFF${text}`, 'utf8')]) {
      const file = read(bytes);
      assert.equal(file.encoding, 'utf-8');
      assert.deepEqual(file.columns, ['nazwa', 'krs'], 'the BOM is not part of the first column name');
      assert.equal(file.rows[0]!.cells.nazwa, 'Żółta Łódź Świętych');
    }
    const windows = read(toWindows1250(text));
    assert.equal(windows.encoding, 'windows-1250');
    assert.equal(windows.rows[0]!.cells.nazwa, 'Żółta Łódź Świętych');
  });

  it('detects the separator by the header, whatever the cells hold', () => {
    const semicolon = read('nazwa;krs;sfery\r\n"Fundacja A, B i C";1;"1,16"\r\n');
    assert.equal(semicolon.delimiter, ';');
    assert.equal(semicolon.rows[0]!.cells.nazwa, 'Fundacja A, B i C');
    const comma = read('nazwa,krs,sfery\r\n"Fundacja; z średnikiem",1,"1,16"\r\n');
    assert.equal(comma.delimiter, ',');
    assert.equal(comma.rows[0]!.cells.nazwa, 'Fundacja; z średnikiem');
    assert.equal(comma.rows[0]!.cells.sfery, '1,16');
  });

  it('matches header names in any case, with Polish letters, spaces or hyphens, and reports unknown columns', () => {
    const file = read('Nazwa skrócona;MIEJSCOWOŚĆ;E-mail;NIP;uwagi;;\r\nA;Leszno;a@example.org;1234563218;x;;y\r\n');
    assert.deepEqual(file.columns, ['nazwa_skrocona', 'miejscowosc', 'email', 'nip']);
    assert.deepEqual(file.unknownColumns, ['uwagi', '#7'], 'an unnamed column is named by its position when it holds a value');
    assert.equal(file.rows[0]!.cells.miejscowosc, 'Leszno');
  });

  it('flags a row with another number of cells than the header, but not trailing empty cells', () => {
    const file = read('nazwa;krs\r\nA;1;;\r\nB;2;nadmiar\r\nC\r\n');
    assert.equal(file.rows[0]!.fieldCount, undefined);
    assert.deepEqual(file.rows[1]!.fieldCount, { found: 3, expected: 2 });
    assert.deepEqual(file.rows[2]!.fieldCount, { found: 1, expected: 2 });
  });

  it('refuses files it cannot read as a whole, with the reason', () => {
    const reasons: Array<[string | Buffer, string]> = [
      [Buffer.alloc(0), 'empty'],
      ['\r\n \r\n', 'empty'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'spreadsheet'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'spreadsheet'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('nazwa;krs', 'utf16le')]), 'utf16'],
      [Buffer.from([0x6e, 0x61, 0x00, 0x7a]), 'binary'],
      [Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), 'binary'],
      ['Fundacja;0000000001\r\n', 'noHeader'],
      ['nazwa;miejscowosc\r\nA;Leszno\r\n', 'noIdentifierColumn'],
      ['nazwa;krs\r\n\r\n', 'noRows'],
      ['nazwa;krs;KRS\r\nA;1;2\r\n', 'duplicateColumn'],
      ['nazwa;krs\r\n"A;1\r\nB;2\r\n', 'malformed'],
      [`krs${';x'.repeat(300)}\r\n1\r\n`, 'tooManyColumns'],
      [`krs\r\n${'1\r\n'.repeat(20_001)}`, 'tooManyRows'],
    ];
    for (const [input, reason] of reasons) {
      const result = readCsv(typeof input === 'string' ? Buffer.from(input, 'utf8') : input);
      assert.equal(result.ok ? 'read' : result.reason, reason, JSON.stringify(input).slice(0, 60));
    }
    const malformed = readCsv(Buffer.from('nazwa;krs\r\nA;1\r\n\r\n"B;2\r\nC;3\r\nD;4\r\n', 'utf8'));
    assert.deepEqual(malformed, { ok: false, reason: 'malformed', row: 4 }, 'the row where the unclosed quote starts');
  });

  it('accepts exactly 20 000 data rows', () => {
    assert.equal(read(`krs\r\n${'1\r\n'.repeat(20_000)}`).rows.length, 20_000);
  });

  it('the template has every column and two example rows whose identifiers pass their checks', () => {
    const template = importTemplate();
    assert.deepEqual([...template.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, for Excel');
    const file = read(template);
    assert.deepEqual(
      file.columns,
      importColumns.map((c) => c.name),
    );
    assert.equal(file.rows.length, 2);
    for (const row of file.rows) {
      assert.ok(checkKrs(row.cells.krs!).ok);
      assert.ok(checkNip(row.cells.nip!).ok);
      assert.ok(checkRegon(row.cells.regon!).ok);
    }
  });
});
