/**
 * The acceptance test of issue #3, on SQLite and PostgreSQL: a 1 000-row file with 10 bad rows (each
 * with a different defect) imports 990 organisations and reports the 10 by row and reason; importing
 * the same file again changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testEngines } from '../../test-support/databases.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import {
  csvText,
  directoryFootprint,
  importIdOf,
  testKrs,
  testNip,
  testRegon,
  uploadCsv,
  type CsvRecord,
} from './import.fixtures.js';

const header = [
  'nazwa',
  'forma_prawna',
  'krs',
  'nip',
  'regon',
  'data_zalozenia',
  'sfery',
  'opis',
  'zasieg',
  'ulica',
  'kod_pocztowy',
  'miejscowosc',
  'email',
  'telefon',
  'www',
  'wolontariat',
  'wolontariat_opis',
];
const legalForms = ['stowarzyszenie', 'fundacja', 'klub-sportowy', 'stowarzyszenie-zwykle', 'spoldzielnia-socjalna'];
const sphereSets = ['16', '1|16|32', '5a,6', '27|29a', '1aa'];

function validRow(i: number): CsvRecord {
  return {
    nazwa: `${i % 2 ? 'Stowarzyszenie' : 'Fundacja'} Testowa Łączy Nas nr ${i}`,
    forma_prawna: legalForms[i % legalForms.length]!,
    krs: testKrs(i),
    nip: i % 3 === 0 ? '' : testNip(i),
    regon: i % 5 === 0 ? '' : testRegon(i),
    data_zalozenia: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    sfery: sphereSets[i % sphereSets.length]!,
    // Every seventh description spans two lines: the row numbers must still be the spreadsheet's.
    opis: i % 7 === 0 ? `Działamy w Lesznie.\nNumer ${i}; drugi wiersz opisu.` : `Opis organizacji nr ${i}.`,
    zasieg: i % 4 === 0 ? 'międzynarodowy' : 'lokalny',
    ulica: `ul. Testowa ${i}`,
    kod_pocztowy: '64-100',
    miejscowosc: 'Leszno',
    email: `kontakt${i}@example.org`,
    telefon: `+48 65 ${String(100_000 + i).slice(0, 3)} ${String(i).padStart(3, '0')}`,
    www: `https://org${i}.example.org`,
    wolontariat: i % 2 ? 'tak' : 'nie',
    wolontariat_opis: i % 2 ? 'Pomoc przy wydarzeniach.' : '',
  };
}

/** Ten defects, each in its own row: the data row index, the change, the column and the reason. */
const defects: Array<{ index: number; change: (row: CsvRecord) => void; column: string; reason: RegExp }> = [
  {
    index: 16,
    change: (r) => (r.nip = `${r.nip!.slice(0, 9)}${(Number(r.nip![9]) + 1) % 10}`),
    column: 'nip',
    reason: /NIP ma nieprawidłową cyfrę kontrolną/,
  },
  { index: 101, change: (r) => (r.nazwa = ''), column: 'nazwa', reason: /To pole jest wymagane\./ },
  {
    index: 222,
    change: (r) => (r.forma_prawna = 'spolka-akcyjna'),
    column: 'forma_prawna',
    reason: /Nieznana forma prawna „spolka-akcyjna”/,
  },
  { index: 333, change: (r) => (r.sfery = '16|99'), column: 'sfery', reason: /Nieznany kod sfery: 99\./ },
  {
    index: 444,
    change: (r) => {
      r.krs = '';
      r.nip = '';
      r.regon = '';
    },
    column: 'krs',
    reason: /Podaj KRS, NIP lub REGON — po nich import rozpoznaje organizację/,
  },
  {
    index: 555,
    change: (r) => (r.kod_pocztowy = '64100'),
    column: 'kod_pocztowy',
    reason: /Wpisz kod pocztowy w formacie 00-000\./,
  },
  {
    index: 666,
    change: (r) => (r.email = 'kontakt(at)example.org'),
    column: 'email',
    reason: /Wpisz adres e-mail w formacie nazwa@domena\.pl\./,
  },
  {
    index: 777,
    change: (r) => (r.krs = testKrs(3)),
    column: 'krs',
    // Organisation 3 is data row index 2: spreadsheet row 4 (the header is row 1).
    reason: new RegExp(`Ten numer \\(${testKrs(3)}\\) ma już wiersz 4 tego pliku\\.`),
  },
  {
    index: 888,
    change: (r) => (r.nazwa = `Fundacja ${'Długa '.repeat(60)}`),
    column: 'nazwa',
    reason: /Wpisz najwyżej 300 znaków\./,
  },
  {
    index: 999,
    change: (r) => (r.data_zalozenia = '2023-02-30'),
    column: 'data_zalozenia',
    reason: /Wpisz prawidłową datę \(RRRR-MM-DD\)\./,
  },
];

/** The 1 000 data rows (data row i is spreadsheet row i + 2), with the defects put in. */
function thousandRows(): Buffer {
  const rows = Array.from({ length: 1000 }, (_, i) => validRow(i + 1));
  for (const defect of defects) defect.change(rows[defect.index]!);
  return Buffer.from(csvText(header, rows), 'utf8');
}

/** The bad rows table of a report page: spreadsheet row → [column, reason] pairs. */
function badRowsOf(html: string): Map<number, string[]> {
  const section = html.slice(html.indexOf('id="bledne"'), html.indexOf('id="zmiany"'));
  const rows = new Map<number, string[]>();
  for (const match of section.matchAll(/<tr><td class="table__cell--numeric">(\d+)<\/td><td>[^<]*<\/td><td>(.*?)<\/td><\/tr>/g)) {
    rows.set(
      Number(match[1]),
      [...match[2]!.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '')),
    );
  }
  return rows;
}

function countOf(html: string, label: string): number {
  const match = new RegExp(`<td>${label}</td><td class="table__cell--numeric">(\\d+)</td>`).exec(html);
  assert.ok(match, `no count "${label}"`);
  return Number(match[1]);
}

for (const engine of await testEngines()) {
  describe(`organisation import of 1 000 rows (${engine})`, () => {
    let t: TestApp;
    let official: TestClient;
    let officialId: number;
    const file = thousandRows();

    before(async () => {
      t = await createTestApp({ engine });
      officialId = await createUser(t.services, 'urzednik@example.org', ['official']);
      official = t.client();
      await signInClient(official, 'urzednik@example.org');
    });
    after(async () => t.close());

    it('the dry run reports the 10 bad rows by row and reason, the commit creates 990, the same file again changes nothing', async (context) => {
      const before = await directoryFootprint(t);
      let started = performance.now();
      const id = importIdOf(await uploadCsv(t, official, file));
      const dryRunMs = performance.now() - started;

      // The dry run writes only the import record and the file.
      assert.deepEqual(await directoryFootprint(t), { ...before, files: before.files + 1, imports: before.imports + 1 });
      const report = await official.get(`/organizacje/import/${id}`);
      assert.equal(report.status, 200);
      assert.equal(countOf(report.body, 'Nowe organizacje do dodania'), 990);
      assert.equal(countOf(report.body, 'Organizacje do zaktualizowania'), 0);
      assert.equal(countOf(report.body, 'Błędne wiersze \\(pominięte\\)'), 10);

      const bad = badRowsOf(report.body);
      assert.deepEqual(
        [...bad.keys()],
        defects.map((d) => d.index + 2),
        'the bad rows, by their spreadsheet row numbers',
      );
      for (const defect of defects) {
        const reasons = bad.get(defect.index + 2)!;
        assert.equal(reasons.length, 1, `row ${defect.index + 2}: ${reasons.join(' | ')}`);
        assert.ok(reasons[0]!.startsWith(`${defect.column}: `), `row ${defect.index + 2} names the column: ${reasons[0]}`);
        assert.match(reasons[0]!, defect.reason);
      }
      assert.match(report.body, /Zatwierdź import/);

      started = performance.now();
      const committed = await official.post(`/organizacje/import/${id}/zatwierdz`, {});
      const commitMs = performance.now() - started;
      assert.equal(committed.status, 303);
      assert.equal(committed.location, `/organizacje/import/${id}/wynik`);
      context.diagnostic(`${engine}: dry run of 1 000 rows ${Math.round(dryRunMs)} ms, commit ${Math.round(commitMs)} ms`);

      const afterCommit = await directoryFootprint(t);
      assert.equal(afterCommit.organizations, before.organizations + 990);
      assert.equal(afterCommit.members, before.members, 'imported organisations have no members yet');
      // One entry per organisation created, and one for the import.
      assert.equal(afterCommit.audit, before.audit + 991);
      const importEntry = await t.services.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'organization_import.committed')
        .executeTakeFirstOrThrow();
      assert.equal(importEntry.actor_user_id, officialId);
      const summary = JSON.parse(importEntry.after_json!) as Record<string, unknown>;
      assert.equal(summary.create, 990);
      assert.equal(summary.bad, 10);
      assert.equal(summary.rows, 1000);
      assert.match(String(summary.fileSha256), /^[0-9a-f]{64}$/);

      const organisations = await t.services.db.selectFrom('organizations').selectAll().execute();
      assert.ok(
        organisations.every(
          (o) => o.status === 'verified' && o.verified_by === officialId && o.verified_at && o.last_confirmed_at,
        ),
      );
      assert.ok(organisations.every((o) => o.name_sort_key && o.search_name && o.search_text && o.slug));
      assert.equal(new Set(organisations.map((o) => o.slug)).size, 990, 'unique slugs');
      const seventh = organisations.find((o) => o.krs === testKrs(7))!;
      assert.equal(seventh.description_md, 'Działamy w Lesznie.\nNumer 7; drugi wiersz opisu.');
      assert.equal(seventh.area_scope, 'lokalny');
      assert.equal(organisations.find((o) => o.krs === testKrs(4))!.area_scope, 'miedzynarodowy');
      const spheres = await t.services.db
        .selectFrom('organization_spheres')
        .select('sphere_code')
        .where('organization_id', '=', organisations.find((o) => o.krs === testKrs(1))!.id)
        .orderBy('sphere_code')
        .execute();
      assert.deepEqual(
        spheres.map((s) => s.sphere_code),
        ['1', '16', '32'],
      );
      // The directory search finds an imported organisation (its search document was filled).
      const directory = await t.client().get(`/organizacje?q=${encodeURIComponent('Łączy Nas nr 123')}`);
      assert.equal(directory.status, 200);
      assert.match(directory.body, /Łączy Nas nr 123/);

      const result = await official.get(`/organizacje/import/${id}/wynik`);
      assert.equal(result.status, 200);
      assert.equal(countOf(result.body, 'Dodane organizacje'), 990);
      assert.equal(badRowsOf(result.body).size, 10);

      // The same file again: every good row unchanged, nothing to commit, and committing anyway writes nothing.
      const again = importIdOf(await uploadCsv(t, official, file));
      const second = await official.get(`/organizacje/import/${again}`);
      assert.equal(countOf(second.body, 'Bez zmian'), 990);
      assert.equal(countOf(second.body, 'Nowe organizacje do dodania'), 0);
      assert.equal(countOf(second.body, 'Organizacje do zaktualizowania'), 0);
      assert.equal(countOf(second.body, 'Błędne wiersze \\(pominięte\\)'), 10);
      assert.doesNotMatch(second.body, /Zatwierdź import/);
      assert.match(second.body, /Ten plik niczego nie zmieni w katalogu/);
      const forced = await official.post(`/organizacje/import/${again}/zatwierdz`, {});
      assert.equal(forced.status, 303);
      const afterSecond = await directoryFootprint(t);
      // The second dry run is recorded (its import row); the file is the same one, stored once.
      assert.deepEqual(afterSecond, { ...afterCommit, imports: afterCommit.imports + 1 });
    });
  });
}
