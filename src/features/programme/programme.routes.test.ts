import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { completeSections, insertMeetingWithOutcomes } from './test-fixtures.js';

const idFrom = (location: string | undefined) => Number(/\/program-wspolpracy\/(\d+)/.exec(location ?? '')?.[1]);

describe('programme of cooperation: create, edit sections, import goals, readiness', () => {
  let t: TestApp;
  let officialA: TestClient;
  let officialB: TestClient;
  let member: TestClient;
  let visitor: TestClient;
  let meetingId: number;

  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik.a@example.org', ['official']);
    await createUser(t.services, 'urzednik.b@example.org', ['official']);
    await createUser(t.services, 'czlonek@example.org');
    officialA = t.client();
    officialB = t.client();
    member = t.client();
    visitor = t.client();
    await signInClient(officialA, 'urzednik.a@example.org');
    await signInClient(officialB, 'urzednik.b@example.org');
    await signInClient(member, 'czlonek@example.org');
    meetingId = await insertMeetingWithOutcomes(t.services.db);
  });
  after(async () => t.close());

  async function create(year: string, start = 'empty', extra: Record<string, string> = {}) {
    await officialA.get('/program-wspolpracy/nowy');
    return officialA.post('/program-wspolpracy/nowy', { yearFrom: year, start, ...extra });
  }

  async function lock(programmeId: number) {
    const row = await t.services.db
      .selectFrom('programme_versions')
      .select(['id', 'version', 'status', 'sections_json'])
      .where('programme_id', '=', programmeId)
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    return row;
  }

  async function save(client: TestClient, id: number, slug: string, fields: Record<string, string>) {
    await client.get(`/program-wspolpracy/${id}/sekcje/${slug}`);
    const v = await lock(id);
    return client.post(`/program-wspolpracy/${id}/sekcje/${slug}`, {
      versionId: String(v.id),
      version: String(v.version),
      ...fields,
    });
  }

  it('officials create a programme; the public does not see drafts', async () => {
    assert.equal((await member.get('/program-wspolpracy/nowy')).status, 403);
    const response = await create('2030');
    assert.equal(response.status, 303);
    const id = idFrom(response.location);
    const page = await officialA.get(`/program-wspolpracy/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Roczny program współpracy .* na 2030 rok/);
    assert.match(page.body, /Spis treści/);
    assert.match(page.body, /zasada pomocniczości/);
    assert.equal((await visitor.get(`/program-wspolpracy/${id}`)).status, 404);
    assert.doesNotMatch((await visitor.get('/program-wspolpracy')).body, /na 2030 rok/);
    assert.match((await officialA.get('/program-wspolpracy')).body, /na 2030 rok/);
  });

  it('refuses bad years with the values kept, and a multi-year programme longer than five years', async () => {
    const bad = await create('20x0', 'empty', { title: 'Mój tytuł' });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /Podaj rok od 2000 do 2100/);
    assert.match(bad.body, /value="Mój tytuł"/);
    const long = await create('2031', 'empty', { yearTo: '2036' });
    assert.equal(long.status, 400);
    assert.match(long.body, /najwyżej pięć lat/);
    const noPrevious = await create('2090', 'previous');
    assert.equal(noPrevious.status, 400);
    assert.match(noPrevious.body, /Nie ma programu z poprzedniego roku/);
  });

  it('saves a section with list rows (add, remove), keeps input on errors, audits the section', async () => {
    const id = idFrom((await create('2040')).location);
    let response = await save(officialA, id, 'zadania', {
      'tasks.0.sphere': '16',
      'tasks.0.task': 'Kultura fizyczna',
      'tasks.0.unit': 'Wydział Sportu',
      'tasks.0.mode': 'konkurs',
      'tasks.0.amount': '12 500,5',
      'tasks.1.task': 'Pomoc społeczna',
      'tasks.1.mode': '19a',
      'tasks.1.amount': '',
      'tasks.2.task': '',
      'tasks.2.mode': 'konkurs',
    });
    assert.equal(response.status, 303);
    let sections = JSON.parse((await lock(id)).sections_json);
    assert.deepEqual(
      sections.tasks.rows.map((r: { task: string; amount: number | null }) => [r.task, r.amount]),
      [
        ['Kultura fizyczna', 1_250_050],
        ['Pomoc społeczna', null],
      ],
    );
    const editor = await officialA.get(`/program-wspolpracy/${id}/sekcje/zadania`);
    assert.match(editor.body, /<option value="16" selected>16 — kultura, sztuka/, 'the sphere is chosen from the dictionary');
    assert.match(
      (await officialA.get(`/program-wspolpracy/${id}`)).body,
      /<td>16 — kultura, sztuka/,
      'the programme names the sphere',
    );
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select(['after_json'])
      .where('action', '=', 'programme.section-updated')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(audit.after_json ?? '', /"section":"tasks"/);
    const page = await officialA.get(`/program-wspolpracy/${id}`);
    assert.match(page.body, /12\u00a0500,50\u00a0zł/);

    // Remove the first row; a bad amount on the other refuses everything and keeps what was typed.
    const before = (await lock(id)).sections_json;
    response = await save(officialA, id, 'zadania', {
      'tasks.0.task': 'Kultura fizyczna',
      'tasks.0.mode': 'konkurs',
      'tasks.0.remove': 'yes',
      'tasks.1.task': 'Pomoc społeczna <script>',
      'tasks.1.mode': '19a',
      'tasks.1.amount': 'dużo',
    });
    assert.equal(response.status, 400);
    assert.match(response.body, /Podaj kwotę w złotych/);
    assert.match(response.body, /value="dużo"/);
    assert.match(response.body, /Pomoc społeczna &lt;script>/);
    assert.equal((await lock(id)).sections_json, before);
    response = await save(officialA, id, 'zadania', {
      'tasks.0.task': 'Kultura fizyczna',
      'tasks.0.mode': 'konkurs',
      'tasks.0.remove': 'yes',
      'tasks.1.task': 'Pomoc społeczna',
      'tasks.1.mode': 'inny',
    });
    assert.equal(response.status, 400);
    response = await save(officialA, id, 'zadania', {
      'tasks.0.remove': 'yes',
      'tasks.0.task': 'x',
      'tasks.0.mode': 'konkurs',
      'tasks.1.task': 'Pomoc społeczna',
      'tasks.1.mode': '19a',
    });
    assert.equal(response.status, 303);
    sections = JSON.parse((await lock(id)).sections_json);
    assert.deepEqual(sections.tasks.rows, [{ sphere: '', task: 'Pomoc społeczna', unit: '', mode: '19a', amount: null }]);
    assert.equal((await officialA.get(`/program-wspolpracy/${id}/sekcje/nieznana`)).status, 404);
  });

  it('two officials editing at once: the second gets a conflict with their text kept', async () => {
    const id = idFrom((await create('2041')).location);
    await officialA.get(`/program-wspolpracy/${id}/sekcje/zakres`);
    await officialB.get(`/program-wspolpracy/${id}/sekcje/zakres`);
    const v = await lock(id);
    const ref = { versionId: String(v.id), version: String(v.version) };
    assert.equal(
      (await officialA.post(`/program-wspolpracy/${id}/sekcje/zakres`, { ...ref, text: 'Tekst urzędnika A' })).status,
      303,
    );
    const second = await officialB.post(`/program-wspolpracy/${id}/sekcje/zakres`, { ...ref, text: 'Tekst urzędnika B' });
    assert.equal(second.status, 409);
    assert.match(second.body, /Ktoś inny zapisał ten program w międzyczasie/);
    assert.match(second.body, /Tekst urzędnika B/);
    assert.equal(JSON.parse((await lock(id)).sections_json).scope.text, 'Tekst urzędnika A');
    // The re-rendered form carries the newest version: saving again is a knowing overwrite.
    const newest = /name="version" value="(\d+)"/.exec(second.body)?.[1];
    assert.equal(newest, String(v.version + 1));
    const again = await officialB.post(`/program-wspolpracy/${id}/sekcje/zakres`, {
      versionId: ref.versionId,
      version: newest!,
      text: 'Tekst urzędnika B',
    });
    assert.equal(again.status, 303);
    assert.equal(JSON.parse((await lock(id)).sections_json).scope.text, 'Tekst urzędnika B');
  });

  it('imports goals, principles and promotion forms from a meeting, keeping the link', async () => {
    const id = idFrom((await create('2042')).location);
    const edit = await officialA.get(`/program-wspolpracy/${id}/sekcje/cele`);
    assert.match(edit.body, /16\.07\.2018 — Wypracowanie rocznego programu/);
    for (const slug of ['cele', 'zasady', 'formy']) {
      await officialA.get(`/program-wspolpracy/${id}/sekcje/${slug}`);
      const v = await lock(id);
      const response = await officialA.post(`/program-wspolpracy/${id}/sekcje/${slug}/import`, {
        versionId: String(v.id),
        version: String(v.version),
        meetingId: String(meetingId),
      });
      assert.equal(response.status, 303, slug);
    }
    const sections = JSON.parse((await lock(id)).sections_json);
    assert.equal(sections.goals.main, 'Budowanie Aktywnego Obywatelskiego Leszna');
    assert.equal(sections.goals.mainSource.meetingId, meetingId);
    assert.deepEqual(
      sections.goals.specific.map((g: { text: string; source: { meetingId: number } }) => [g.text, g.source.meetingId]),
      [
        ['Wzmacnianie potencjału organizacji pozarządowych', meetingId],
        ['Zwiększanie udziału mieszkańców w życiu publicznym', meetingId],
      ],
    );
    // "pomocniczości" is statutory and already ticked; "równości szans" becomes a local principle.
    assert.deepEqual(
      sections.principles.local.map((p: { text: string }) => p.text),
      ['równości szans'],
    );
    assert.deepEqual(
      sections.forms.nonFinancial.map((p: { text: string }) => p.text),
      ['promocja w mediach'],
    );
    const page = await officialA.get(`/program-wspolpracy/${id}`);
    assert.match(page.body, new RegExp(`<a href="/spotkania/${meetingId}">ze spotkania 16\\.07\\.2018</a>`));
    // Importing again adds nothing; the link survives a save of the section form.
    await officialA.get(`/program-wspolpracy/${id}/sekcje/cele`);
    let v = await lock(id);
    const again = await officialA.post(`/program-wspolpracy/${id}/sekcje/cele/import`, {
      versionId: String(v.id),
      version: String(v.version),
      meetingId: String(meetingId),
    });
    assert.equal(again.status, 303);
    assert.equal(JSON.parse((await lock(id)).sections_json).goals.specific.length, 2);
    const form = await officialA.get(`/program-wspolpracy/${id}/sekcje/cele`);
    const values: Record<string, string> = {};
    for (const m of form.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
      if (m[1] !== '_csrf') values[m[1]!] = m[2]!;
    v = await lock(id);
    const saved = await officialA.post(`/program-wspolpracy/${id}/sekcje/cele`, {
      ...values,
      versionId: String(v.id),
      version: String(v.version),
      main: 'Budowanie Aktywnego Obywatelskiego Leszna',
      'specific.0.text': 'Wzmacnianie potencjału organizacji pozarządowych (zmienione)',
      'specific.1.text': 'Zwiększanie udziału mieszkańców w życiu publicznym',
    });
    assert.equal(saved.status, 303);
    const after = JSON.parse((await lock(id)).sections_json);
    assert.equal(after.goals.specific[0].text, 'Wzmacnianie potencjału organizacji pozarządowych (zmienione)');
    assert.equal(after.goals.specific[0].source.meetingId, meetingId);
    assert.equal(after.goals.mainSource.meetingId, meetingId);
  });

  it('readiness is refused naming every empty element; once ready the version is frozen', async () => {
    const id = idFrom((await create('2043')).location);
    await save(officialA, id, 'zakres', { text: 'Zakres.' });
    await officialA.get(`/program-wspolpracy/${id}`);
    let v = await lock(id);
    const refused = await officialA.post(`/program-wspolpracy/${id}/gotowy`, {
      versionId: String(v.id),
      version: String(v.version),
    });
    assert.equal(refused.status, 409);
    assert.match(refused.body, /Nie można przekazać programu do konsultacji/);
    const banner = /Uzupełnij puste elementy[\s\S]*?<\/ul>/.exec(refused.body)?.[0] ?? '';
    for (const name of [
      'Cel główny i cele szczegółowe programu',
      'Formy współpracy',
      'Priorytetowe zadania publiczne',
      'Okres realizacji programu',
      'Sposób realizacji programu',
      'Wysokość środków planowanych na realizację programu',
      'Sposób oceny realizacji programu',
      'Informacja o sposobie tworzenia programu oraz o przebiegu konsultacji',
      'Tryb powoływania i zasady działania komisji konkursowych',
    ])
      assert.ok(banner.includes(name), name);
    assert.ok(!banner.includes('Zakres przedmiotowy'));
    assert.ok(!banner.includes('Zasady współpracy'));
    assert.equal((await lock(id)).status, 'draft');

    for (const [slug, fields] of Object.entries(completeSections))
      assert.equal((await save(officialA, id, slug, fields)).status, 303, slug);
    await officialA.get(`/program-wspolpracy/${id}`);
    v = await lock(id);
    const ready = await officialA.post(`/program-wspolpracy/${id}/gotowy`, {
      versionId: String(v.id),
      version: String(v.version),
    });
    assert.equal(ready.status, 303);
    assert.equal((await lock(id)).status, 'consultation');
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'programme.ready-for-consultation')
      .where('subject_id', '=', String(id))
      .execute();
    assert.equal(audit.length, 1);

    // Frozen: the editor redirects with a message, a save is refused and changes nothing.
    const frozenGet = await officialA.get(`/program-wspolpracy/${id}/sekcje/zakres`);
    assert.equal(frozenGet.status, 303);
    await officialA.get(`/program-wspolpracy/${id}`);
    const before = (await lock(id)).sections_json;
    v = await lock(id);
    const frozenPost = await officialA.post(`/program-wspolpracy/${id}/sekcje/zakres`, {
      versionId: String(v.id),
      version: String(v.version),
      text: 'Zmiana po zamrożeniu',
    });
    assert.equal(frozenPost.status, 303);
    assert.equal((await lock(id)).sections_json, before);
    const page = await officialA.get(frozenPost.location!);
    assert.match(page.body, /przekazana do konsultacji i nie można jej już zmieniać/);
    assert.doesNotMatch(page.body, /sekcje\/zakres/);
    // The public reads it now.
    const publicPage = await visitor.get(`/program-wspolpracy/${id}`);
    assert.equal(publicPage.status, 200);
    assert.match(publicPage.body, /do konsultacji/);
    assert.match(publicPage.body, /Wydział Kultury/);
  });

  it('"start from last year" copies the newest version of the previous year as a new draft', async () => {
    const first = idFrom((await create('2050')).location);
    await save(officialA, first, 'zakres', { text: 'Zakres z roku 2050.' });
    await save(officialA, first, 'cele', { main: 'Cel 2050' });
    const response = await create('2051', 'previous');
    assert.equal(response.status, 303);
    const second = idFrom(response.location);
    assert.notEqual(second, first);
    const copy = await lock(second);
    const original = await lock(first);
    assert.equal(copy.status, 'draft');
    assert.equal(copy.sections_json, original.sections_json);
    const row = await t.services.db
      .selectFrom('programme_versions')
      .select(['number', 'based_on_version_id'])
      .where('id', '=', copy.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { number: 1, based_on_version_id: original.id });
    // Editing the copy leaves last year's programme as it was.
    await save(officialA, second, 'zakres', { text: 'Zakres z roku 2051.' });
    assert.equal(JSON.parse((await lock(first)).sections_json).scope.text, 'Zakres z roku 2050.');
  });
});
