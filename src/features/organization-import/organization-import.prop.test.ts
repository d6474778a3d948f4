/**
 * Hostile files for the import: arbitrary bytes, and CSV text whose header and cells are hostile
 * (control characters, injections, quotes and separators in cells, huge and empty values, unknown
 * and repeated columns). Never a 5xx; a refused file writes nothing; an accepted one writes its
 * import record only, its report accounts for every row, and committing it writes exactly the
 * organisations the commit reports.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertWellFormedAnswer, checkProperty, shortHostileText } from '../../test-support/hostile-input.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { importColumns } from './import-columns.js';
import { directoryFootprint, testKrs, testNip, uploadCsv } from './import.fixtures.js';
import type { ImportCounts } from './plan-import.js';

const names = importColumns.map((c) => c.name);

/** A plausible value for a column, or (in a hostile file) sometimes a hostile one. */
function cellFor(column: string, hostile: boolean): fc.Arbitrary<string> {
  const plausible: Record<string, fc.Arbitrary<string>> = {
    krs: fc.integer({ min: 1, max: 400 }).map(testKrs),
    nip: fc.integer({ min: 1, max: 400 }).map(testNip),
    forma_prawna: fc.constantFrom('stowarzyszenie', 'fundacja', 'Stowarzyszenie zwykłe', 'uks', 'nieznana'),
    sfery: fc.constantFrom('16', '1|16|32', '5a,6', '99', ''),
    nazwa: fc.string({ minLength: 0, maxLength: 40 }).map((s) => `Fundacja ${s}`),
    email: fc.constantFrom('biuro@example.org', 'zly'),
    wolontariat: fc.constantFrom('tak', 'nie', 'może', ''),
  };
  const value = plausible[column] ?? fc.constantFrom('', 'Leszno', '64-100', '2015-03-01', 'https://example.org');
  return hostile ? fc.oneof({ arbitrary: value, weight: 2 }, { arbitrary: shortHostileText, weight: 1 }) : value;
}

const csvFile = fc
  .record({
    columns: fc
      .tuple(
        fc.integer({ min: 0, max: 3 }),
        fc.uniqueArray(fc.constantFrom(...names, 'uwagi', 'KRS', ''), { minLength: 1, maxLength: 8 }),
      )
      // Mostly the columns a new organisation needs, so that some rows are created.
      .map(([n, more]) => [...new Set([...(n > 0 ? ['nazwa', 'forma_prawna', 'krs', 'sfery'] : []), ...more])]),
    delimiter: fc.constantFrom(';', ','),
    rowCount: fc.integer({ min: 0, max: 12 }),
    quoteAll: fc.boolean(),
    bom: fc.boolean(),
    hostile: fc.boolean(),
  })
  .chain(({ columns, delimiter, rowCount, quoteAll, bom, hostile }) =>
    fc.array(fc.tuple(...columns.map((c) => cellFor(c, hostile))), { minLength: rowCount, maxLength: rowCount }).map((rows) => {
      const cell = (v: string) => (quoteAll || /[";,\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      const lines = [columns.join(delimiter), ...rows.map((r) => r.map(cell).join(delimiter))];
      return Buffer.from(`${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`, 'utf8');
    }),
  );

const anyFile = fc.oneof(
  { arbitrary: csvFile, weight: 8 },
  { arbitrary: fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)), weight: 1 },
  { arbitrary: shortHostileText.map((s) => Buffer.from(s, 'utf8')), weight: 1 },
);

function countsOf(html: string): ImportCounts {
  const count = (label: string) =>
    Number(new RegExp(`<td>${label}</td><td class="table__cell--numeric">(\\d+)</td>`).exec(html)?.[1] ?? NaN);
  return {
    create: count('(?:Nowe organizacje do dodania|Dodane organizacje)'),
    update: count('(?:Organizacje do zaktualizowania|Zaktualizowane organizacje)'),
    unchanged: count('Bez zmian'),
    bad: count('Błędne wiersze \\(pominięte\\)'),
  };
}

describe('organisation import under hostile files', () => {
  let t: TestApp;
  let official: TestClient;

  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik@example.org', ['official']);
    official = t.client();
    await signInClient(official, 'urzednik@example.org');
  });
  after(async () => t.close());

  it('never fails, refuses without writing, and accounts for every row it accepts', async () => {
    await checkProperty(
      anyFile,
      async (file) => {
        const before = await directoryFootprint(t);
        const response = await uploadCsv(t, official, file);
        assertWellFormedAnswer(response, [303, 400]);
        const afterUpload = await directoryFootprint(t);
        if (response.status === 400) {
          assert.deepEqual(afterUpload, before, 'a refused file wrote rows');
          return;
        }
        assert.equal(afterUpload.imports, before.imports + 1);
        assert.deepEqual({ ...afterUpload, imports: 0, files: 0 }, { ...before, imports: 0, files: 0 });

        const report = await official.get(response.location!);
        assertWellFormedAnswer(report, [200]);
        const counts = countsOf(report.body);
        const rows = Number(/<dt>Wiersze z danymi<\/dt><dd>(\d+)<\/dd>/.exec(report.body)?.[1]);
        assert.equal(counts.create + counts.update + counts.unchanged + counts.bad, rows, 'every row is accounted for');

        const committed = await official.post(`${response.location!}/zatwierdz`, {});
        assertWellFormedAnswer(committed, [303]);
        const result = await official.get(`${response.location!}/wynik`);
        assertWellFormedAnswer(result, [200]);
        const done = countsOf(result.body);
        const afterCommit = await directoryFootprint(t);
        assert.equal(afterCommit.organizations, afterUpload.organizations + done.create);
        const written = done.create + done.update;
        assert.equal(afterCommit.audit, afterUpload.audit + (written > 0 ? written + 1 : 0));
      },
      60,
    );
  });
});
