import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import {
  csvText,
  directoryFootprint,
  importIdOf,
  multipartBody,
  testKrs,
  testNip,
  testRegon,
  toWindows1250,
  uploadCsv,
  type CsvRecord,
} from './import.fixtures.js';

const header = ['nazwa', 'forma_prawna', 'krs', 'nip', 'regon', 'sfery', 'miejscowosc', 'email', 'opis'];

function organisation(seed: number, extra: CsvRecord = {}): CsvRecord {
  return {
    nazwa: `Stowarzyszenie Próbne nr ${seed}`,
    forma_prawna: 'stowarzyszenie',
    krs: testKrs(seed),
    nip: testNip(seed),
    regon: testRegon(seed),
    sfery: '16|32',
    miejscowosc: 'Leszno',
    email: `biuro${seed}@example.org`,
    ...extra,
  };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('organisation import: pages, access, files', () => {
  let t: TestApp;
  let official: TestClient;
  let member: TestClient;
  let officialId: number;

  before(async () => {
    t = await createTestApp();
    officialId = await createUser(t.services, 'urzednik@example.org', ['official']);
    await createUser(t.services, 'czlonek@example.org');
    official = t.client();
    member = t.client();
    await signInClient(official, 'urzednik@example.org');
    await signInClient(member, 'czlonek@example.org');
  });
  after(async () => t.close());

  it('shows the import page to officials: the format, the template link and the upload form', async () => {
    const page = await official.get('/organizacje/import');
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1>Import organizacji z pliku CSV<\/h1>/);
    assert.match(page.body, /href="\/organizacje\/import\/szablon\.csv"/);
    assert.match(page.body, /<form action="\/organizacje\/import" method="post" enctype="multipart\/form-data">/);
    assert.match(page.body, /name="_csrf" value="[^"]+"/);
    assert.match(page.body, /<code>wolontariat_opis<\/code>/);
    assert.match(page.body, /<code>stowarzyszenie-zwykle<\/code>/, 'the legal form codes are listed');
  });

  it('refuses non-officials: 403 for a signed-in member, sign-in for a visitor, nothing written', async () => {
    assert.equal((await member.get('/organizacje/import')).status, 403);
    assert.equal((await member.get('/organizacje/import/szablon.csv')).status, 403);
    const before = await directoryFootprint(t);
    await member.get('/konto');
    const { payload, contentType } = multipartBody(
      { _csrf: member.csrfToken() },
      { field: 'plik', filename: 'a.csv', data: utf8(csvText(header, [organisation(1)])) },
    );
    const posted = await t.app.inject({
      method: 'POST',
      url: '/organizacje/import',
      headers: { cookie: member.cookieHeader(), 'content-type': contentType },
      payload,
    });
    assert.equal(posted.statusCode, 403);
    assert.match(posted.body, /Brak dostępu/);
    const visitor = await t.client().get('/organizacje/import');
    assert.equal(visitor.status, 303);
    assert.equal(visitor.location, '/logowanie?wroc=%2Forganizacje%2Fimport');
    assert.deepEqual(await directoryFootprint(t), before);
  });

  it('offers a template whose example rows are read, and refused as examples', async () => {
    const template = await official.get('/organizacje/import/szablon.csv');
    assert.equal(template.status, 200);
    assert.match(String(template.headers['content-type']), /^text\/csv/);
    assert.match(String(template.headers['content-disposition']), /attachment; filename="szablon-import-organizacji\.csv"/);
    const lines = template.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines.length, 3, 'header and two example rows');
    assert.ok(lines[0]!.startsWith('nazwa;nazwa_skrocona;forma_prawna;krs;nip;regon;'));

    const id = importIdOf(await uploadCsv(t, official, Buffer.from(template.body, 'utf8')));
    const report = await official.get(`/organizacje/import/${id}`);
    assert.equal(report.status, 200);
    // Both rows are valid organisations (identifiers pass their checksums) but are the template's examples.
    const reasons = [...report.body.matchAll(/To wiersz przykładowy z szablonu — usuń go\./g)];
    assert.equal(reasons.length, 2);
    assert.doesNotMatch(report.body, /nieprawidłową cyfrę kontrolną/);
    assert.doesNotMatch(report.body, /Zatwierdź import/);
  });

  it('reads a Windows-1250 file with Polish letters', async () => {
    const text = csvText(header, [organisation(11, { nazwa: 'Koło Gospodyń Wiejskich „Źródełko” w Żółkowie' })]);
    const id = importIdOf(await uploadCsv(t, official, toWindows1250(text)));
    const report = await official.get(`/organizacje/import/${id}`);
    assert.match(report.body, /kodowanie Windows-1250, separator „;”/);
    assert.match(report.body, /Koło Gospodyń Wiejskich „Źródełko” w Żółkowie/);
    await official.post(`/organizacje/import/${id}/zatwierdz`, {});
    const stored = await t.services.db
      .selectFrom('organizations')
      .select('name')
      .where('nip', '=', testNip(11))
      .executeTakeFirstOrThrow();
    assert.equal(stored.name, 'Koło Gospodyń Wiejskich „Źródełko” w Żółkowie');
  });

  it('reads a comma-separated UTF-8 file with a BOM, quoted cells holding commas and line breaks', async () => {
    const rows = [
      organisation(21, {
        nazwa: 'Fundacja „Razem, zawsze”',
        forma_prawna: 'Fundacja',
        sfery: '1,16',
        opis: 'Pierwsza linia\nDruga linia',
      }),
      organisation(22),
    ];
    const id = importIdOf(await uploadCsv(t, official, utf8(`\uFEFF${csvText(header, rows, ',')}`)));
    const report = await official.get(`/organizacje/import/${id}`);
    assert.match(report.body, /kodowanie UTF-8, separator „,”/);
    assert.match(report.body, /<td>Nowe organizacje do dodania<\/td><td class="table__cell--numeric">2<\/td>/);
    assert.match(report.body, /Błędne wiersze: 0/);
    const committed = await official.post(`/organizacje/import/${id}/zatwierdz`, {});
    assert.equal(committed.status, 303);
    const stored = await t.services.db
      .selectFrom('organizations')
      .selectAll()
      .where('nip', '=', testNip(21))
      .executeTakeFirstOrThrow();
    assert.equal(stored.name, 'Fundacja „Razem, zawsze”');
    assert.equal(stored.legal_form, 'fundacja', 'the legal form given by its name');
    assert.equal(stored.description_md, 'Pierwsza linia\nDruga linia');
    const spheres = await t.services.db
      .selectFrom('organization_spheres')
      .select('sphere_code')
      .where('organization_id', '=', stored.id)
      .orderBy('sphere_code')
      .execute();
    assert.deepEqual(
      spheres.map((s) => s.sphere_code),
      ['1', '16'],
    );
  });

  it('updates only the changed field of a matched organisation, keeping what the file leaves out or empty', async () => {
    const first = importIdOf(
      await uploadCsv(t, official, utf8(csvText(header, [organisation(31, { opis: 'Opis z rejestru.' })]))),
    );
    await official.get(`/organizacje/import/${first}`);
    assert.equal((await official.post(`/organizacje/import/${first}/zatwierdz`, {})).status, 303);
    const created = await t.services.db
      .selectFrom('organizations')
      .selectAll()
      .where('krs', '=', testKrs(31))
      .executeTakeFirstOrThrow();
    assert.equal(created.status, 'verified');
    assert.equal(created.verified_by, officialId);
    assert.ok(created.verified_at && created.last_confirmed_at, 'verified and confirmed now');
    assert.equal(created.name_sort_key !== null && created.search_name !== null, true, 'sort and search keys are filled');

    // Matched by NIP alone (no KRS column); a new e-mail, an empty description, no town column.
    const changedHeader = ['nip', 'nazwa', 'email', 'opis'];
    const changed = csvText(changedHeader, [{ nip: testNip(31), nazwa: created.name, email: 'nowy@example.org', opis: '' }]);
    const before = await directoryFootprint(t);
    const second = importIdOf(await uploadCsv(t, official, utf8(changed)));
    const report = await official.get(`/organizacje/import/${second}`);
    assert.match(report.body, /<td>Organizacje do zaktualizowania<\/td><td class="table__cell--numeric">1<\/td>/);
    assert.match(report.body, /<code>email<\/code>: biuro31@example\.org → nowy@example\.org/);
    assert.doesNotMatch(report.body, /<code>opis<\/code>:/, 'an empty cell changes nothing');
    const committed = await official.post(`/organizacje/import/${second}/zatwierdz`, {});
    assert.equal(committed.status, 303);
    assert.equal(committed.location, `/organizacje/import/${second}/wynik`);

    const updated = await t.services.db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    assert.equal(updated.email, 'nowy@example.org');
    assert.equal(updated.description_md, 'Opis z rejestru.');
    assert.equal(updated.city, 'Leszno');
    assert.equal(updated.version, created.version + 1);
    assert.equal(updated.last_confirmed_at, created.last_confirmed_at, 'an import does not confirm the rest of the profile');

    const entries = await t.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', 0)
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    const [importEntry, organisationEntry] = entries;
    assert.equal(organisationEntry!.action, 'organization.updated_by_import');
    assert.equal(organisationEntry!.subject_id, String(created.id));
    assert.deepEqual(JSON.parse(organisationEntry!.before_json!), { email: 'biuro31@example.org' });
    assert.deepEqual(JSON.parse(organisationEntry!.after_json!), { email: 'nowy@example.org' });
    assert.equal(importEntry!.action, 'organization_import.committed');
    const summary = JSON.parse(importEntry!.after_json!) as Record<string, unknown>;
    assert.equal(summary.update, 1);
    assert.equal(summary.create, 0);
    assert.match(String(summary.fileSha256), /^[0-9a-f]{64}$/);

    const after = await directoryFootprint(t);
    assert.equal(after.organizations, before.organizations);
    assert.equal(after.audit, before.audit + 2);
    assert.equal(after.versionSum, before.versionSum + 1);

    const result = await official.get(`/organizacje/import/${second}/wynik`);
    assert.equal(result.status, 200);
    assert.match(result.body, /<h1>Wynik importu nr \d+<\/h1>/);
    assert.match(result.body, new RegExp(`<a href="/organizacje/${created.slug}">`));
  });

  it('refuses to commit an import twice', async () => {
    const id = importIdOf(await uploadCsv(t, official, utf8(csvText(header, [organisation(41)]))));
    await official.get(`/organizacje/import/${id}`);
    const first = await official.post(`/organizacje/import/${id}/zatwierdz`, {});
    assert.equal(first.status, 303);
    const before = await directoryFootprint(t);
    await official.get(`/organizacje/import/${id}/wynik`);
    const again = await official.post(`/organizacje/import/${id}/zatwierdz`, {});
    assert.equal(again.status, 303);
    assert.equal(again.location, `/organizacje/import/${id}/wynik`);
    assert.deepEqual(await directoryFootprint(t), before);
    const page = await official.get(`/organizacje/import/${id}`);
    assert.match(page.body, /Ten import został już zatwierdzony\./);
    assert.doesNotMatch(page.body, /Zatwierdź import/);
    const list = await official.get('/organizacje/import');
    assert.match(
      list.body,
      new RegExp(
        `<a href="/organizacje/import/${id}">nr ${id} z [^<]+</a></td><td>urzednik</td><td><strong class="tag tag--green">zatwierdzony</strong></td><td>nowe: 1, zmienione: 0, bez zmian: 0, błędne: 0</td>`,
      ),
      'the latest imports, with the counts of the commit',
    );
  });

  it('checks the file again at commit time: a duplicate registered meanwhile is matched, not created twice', async () => {
    const id = importIdOf(await uploadCsv(t, official, utf8(csvText(header, [organisation(51)]))));
    const report = await official.get(`/organizacje/import/${id}`);
    assert.match(report.body, /<td>Nowe organizacje do dodania<\/td><td class="table__cell--numeric">1<\/td>/);
    // Someone registers the same organisation (same NIP) through the form before the commit.
    await member.get('/organizacje/nowa');
    const registered = await member.post('/organizacje/nowa', {
      name: 'Stowarzyszenie Próbne nr 51',
      legalForm: 'stowarzyszenie',
      nip: testNip(51),
      spheres: ['16', '32'],
    });
    assert.equal(registered.status, 303);
    await official.get(`/organizacje/import/${id}`);
    assert.equal((await official.post(`/organizacje/import/${id}/zatwierdz`, {})).status, 303);
    const rows = await t.services.db.selectFrom('organizations').selectAll().where('nip', '=', testNip(51)).execute();
    assert.equal(rows.length, 1, 'no second organisation with the NIP');
    assert.equal(rows[0]!.krs, testKrs(51), 'the registered one got the KRS of the file');
    assert.equal(rows[0]!.status, 'pending', 'an import does not verify an organisation it updates');
  });

  it('refuses a row whose identifiers point at two different organisations', async () => {
    // 31 and 41 exist: KRS of one, NIP of the other.
    const text = csvText(header, [organisation(31, { nip: testNip(41), email: 'inny@example.org' })]);
    const id = importIdOf(await uploadCsv(t, official, utf8(text)));
    const report = await official.get(`/organizacje/import/${id}`);
    assert.match(
      report.body,
      /Numery wskazują dwie różne organizacje z katalogu: „Stowarzyszenie Próbne nr 31” \(KRS\) i „Stowarzyszenie Próbne nr 41”/,
    );
    assert.match(report.body, /Błędne wiersze: 1/);
  });

  it('lists every problem of a row at once, and names the stored value a row cannot fix without its column', async () => {
    // An organisation recorded before legal forms were required (e.g. by hand): only a name and a NIP.
    const now = new Date().toISOString();
    await t.services.db
      .insertInto('organizations')
      .values({ name: 'Stare Stowarzyszenie', slug: 'stare-stowarzyszenie', nip: testNip(81), created_at: now, created_by: null })
      .execute();
    const text = csvText(
      ['nazwa', 'forma_prawna', 'krs', 'nip', 'sfery', 'email', 'wolontariat'],
      [
        {
          nazwa: 'Fundacja Wielu Błędów',
          forma_prawna: 'spolka',
          krs: testKrs(82),
          email: 'zly',
          sfery: '16',
          wolontariat: 'może',
        },
        { nip: testNip(81), email: 'stare@example.org', sfery: '16' },
      ],
    );
    const id = importIdOf(await uploadCsv(t, official, utf8(text)));
    const report = await official.get(`/organizacje/import/${id}`);
    const many =
      /<td class="table__cell--numeric">2<\/td><td>Fundacja Wielu Błędów<\/td><td>(.*?)<\/td><\/tr>/.exec(report.body)?.[1] ?? '';
    assert.match(many, /<code>wolontariat<\/code>: Wpisz „tak” albo „nie”\./);
    assert.match(many, /<code>email<\/code>: Wpisz adres e-mail w formacie nazwa@domena\.pl\./);
    assert.match(many, /<code>forma_prawna<\/code>: Nieznana forma prawna „spolka”/);
    const stored =
      /<td class="table__cell--numeric">3<\/td><td>Stare Stowarzyszenie<\/td><td>(.*?)<\/td><\/tr>/.exec(report.body)?.[1] ?? '';
    assert.match(
      stored,
      /<code>forma_prawna<\/code>: To pole jest wymagane\. \(wartość zapisana w katalogu — dodaj tę kolumnę do pliku\)/,
    );
    assert.doesNotMatch(stored, /<code>email<\/code>/, 'the e-mail of the file is fine');
  });

  describe('hostile files get a Polish error and write nothing', () => {
    const cases: Array<[string, Buffer, RegExp]> = [
      [
        'binary',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
        /To nie jest plik tekstowy CSV/,
      ],
      [
        'an Excel workbook',
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
        /To jest plik arkusza \(XLSX, XLS lub ODS\), a nie CSV/,
      ],
      ['UTF-16 text', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('nazwa;krs\r\n', 'utf16le')]), /kodowaniu UTF-16/],
      ['no header', utf8(`Fundacja Bez Nagłówka;fundacja;${testKrs(61)};16\r\n`), /Pierwszy wiersz pliku musi być nagłówkiem/],
      ['a header only', utf8('nazwa;krs;nip\r\n'), /nie ma żadnego wiersza z danymi/],
      ['no identifier column', utf8('nazwa;miejscowosc\r\nFundacja;Leszno\r\n'), /brakuje kolumny krs, nip lub regon/],
      [
        'an unclosed quote',
        utf8(`nazwa;krs\r\n"Fundacja;${testKrs(62)}\r\nInna;${testKrs(63)}\r\n`),
        /wiersz 2 zaczyna się od cudzysłowu, który nie jest nigdzie zamknięty/,
      ],
      ['an empty file', Buffer.alloc(0), /Wybierz plik CSV z organizacjami/],
      [
        'too many rows',
        utf8(`krs\r\n${Array.from({ length: 20_001 }, (_, i) => testKrs(100_000 + i)).join('\r\n')}\r\n`),
        /Plik ma 20001 wierszy z danymi, a można zaimportować najwyżej 20\s000 naraz/,
      ],
    ];
    for (const [label, data, message] of cases) {
      it(label, async () => {
        const before = await directoryFootprint(t);
        const response = await uploadCsv(t, official, data);
        assert.equal(response.status, 400);
        assert.match(response.body, /<html lang="pl"/);
        assert.match(response.body, /Popraw błędy w formularzu/);
        assert.match(response.body, message);
        assert.match(response.body, /aria-describedby="f-plik-hint f-plik-error"/, 'the error is tied to the file field');
        assert.deepEqual(await directoryFootprint(t), before);
      });
    }

    it('a file over 5 MB: 413 with the reason on the import page', async () => {
      const before = await directoryFootprint(t);
      const huge = utf8(`nazwa;krs\r\n${'Fundacja;0000000001\r\n'.repeat(300_000)}`);
      assert.ok(huge.length > 5 * 1024 * 1024);
      const response = await uploadCsv(t, official, huge);
      assert.equal(response.status, 413);
      assert.match(response.body, /<html lang="pl"/);
      assert.match(response.body, /Za dużo danych: plik może mieć najwyżej 5 MB/);
      assert.match(response.body, /enctype="multipart\/form-data"/, 'the upload form, to try again');
      assert.deepEqual(await directoryFootprint(t), before);
    });

    it('a form without a file, or posted without the CSRF token', async () => {
      const before = await directoryFootprint(t);
      await official.get('/organizacje/import');
      const noFile = await official.post('/organizacje/import', {});
      assert.equal(noFile.status, 400);
      assert.match(noFile.body, /Wybierz plik CSV z organizacjami/);
      const { payload, contentType } = multipartBody(
        {},
        { field: 'plik', filename: 'a.csv', data: utf8(csvText(header, [organisation(71)])) },
      );
      const noToken = await t.app.inject({
        method: 'POST',
        url: '/organizacje/import',
        headers: { cookie: official.cookieHeader(), 'content-type': contentType },
        payload,
      });
      assert.equal(noToken.statusCode, 403);
      assert.match(
        noToken.body,
        /Formularz wygasł lub został wysłany spoza serwisu/,
        "the kernel's page: errors other than 413 reach it",
      );
      assert.deepEqual(await directoryFootprint(t), before);
    });
  });

  it('every page reads in Polish and in English with no key left untranslated', async () => {
    const rows = [
      organisation(91),
      organisation(92, { email: 'zly', forma_prawna: 'nieznana', wolontariat: 'może' }),
      organisation(31),
    ];
    const id = importIdOf(await uploadCsv(t, official, utf8(csvText([...header, 'wolontariat', 'uwagi'], rows))));
    const english = t.client();
    await signInClient(english, 'urzednik@example.org');
    await english.get('/jezyk/en?wroc=/');
    const pages = [`/organizacje/import`, `/organizacje/import/${id}`];
    for (const client of [official, english]) {
      for (const path of pages) {
        const page = await client.get(path);
        assert.equal(page.status, 200, path);
        assert.doesNotMatch(
          page.body,
          /organizationImport\.|organizations\.errors\.|validation\./,
          `${path}: an untranslated key`,
        );
      }
    }
    assert.match((await english.get(`/organizacje/import/${id}`)).body, /<h1>File check — import no\. \d+<\/h1>/);
    await official.get(`/organizacje/import/${id}`);
    await official.post(`/organizacje/import/${id}/zatwierdz`, {});
    for (const client of [official, english]) {
      const result = await client.get(`/organizacje/import/${id}/wynik`);
      assert.equal(result.status, 200);
      assert.doesNotMatch(result.body, /organizationImport\.|organizations\.errors\.|validation\./);
    }
  });

  it('pages that do not exist: 404', async () => {
    assert.equal((await official.get('/organizacje/import/999999')).status, 404);
    assert.equal((await official.get('/organizacje/import/abc')).status, 404);
    assert.equal((await official.get('/organizacje/import/999999/wynik')).status, 404);
    await official.get('/organizacje/import');
    assert.equal((await official.post('/organizacje/import/999999/zatwierdz', {})).status, 404);
  });
});
