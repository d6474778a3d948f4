/**
 * The programme's versions through its pages, on both engines: the link to the version's
 * consultation (or "Ogłoś konsultacje"), "Nowa wersja", element 10 generated from the records (not
 * saved until the official saves), the comparison showing an edited paragraph and an added priority
 * task, adoption refused before a closed consultation and accepted after it, publication, `?wersja=N`
 * with the public never reading drafts, and the resolution's PDF and DOCX with all eleven elements.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { docxText, pdfInfo, pdfText } from '../../platform/documents/inspect.js';
import { testEngines } from '../../test-support/databases.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { createTestConsultation, createTestOrganization } from '../consultation/test-fixtures.js';
import { markVersionAfterConsultation } from './consultation-outcome.js';
import { parseSections } from './programme-sections.js';
import { insertMeetingWithOutcomes } from './test-fixtures.js';

const now = new Date('2026-11-20T09:30:00.000Z');

for (const engine of await testEngines()) {
  describe(`programme versions through the pages on ${engine}`, () => {
    let t: TestApp;
    let official: TestClient;
    let visitor: TestClient;
    let officialId: number;
    let programmeId: number;
    let v1Id: number;
    let consultationId: number;

    before(async () => {
      t = await createTestApp({ engine, clock: () => now });
      officialId = await createUser(t.services, `urzednik-wersje-${engine}@example.org`, ['official']);
      official = t.client();
      visitor = t.client();
      await signInClient(official, `urzednik-wersje-${engine}@example.org`);
      const c = await createTestConsultation(t.services, { startsOn: '2026-10-01', endsOn: '2026-10-15' });
      ({ programmeId, versionId: v1Id, consultationId } = c);
      // The first specific goal came from a working meeting with an attendance list.
      const meetingId = await insertMeetingWithOutcomes(t.services.db);
      const orgId = await createTestOrganization(t.services, 'Stowarzyszenie Krokus');
      const attendees: Array<[string, 'ngo' | 'official', number | null]> = [
        ['Anna Nowak', 'ngo', orgId],
        ['Jan Kowalski', 'ngo', null],
        ['Ewa Urzędniczka', 'official', null],
      ];
      for (const [fullName, role, organizationId] of attendees)
        await t.services.db
          .insertInto('meeting_attendees')
          .values({
            meeting_id: meetingId,
            full_name: fullName,
            role,
            organization_id: organizationId,
            organization_name: organizationId ? null : 'Fundacja Zielone Leszno',
            checked_in_at: now.toISOString(),
          })
          .execute();
      const row = await t.services.db
        .selectFrom('programme_versions')
        .selectAll()
        .where('id', '=', v1Id)
        .executeTakeFirstOrThrow();
      const sections = parseSections(row.sections_json);
      sections.goals.specific[0] = { ...sections.goals.specific[0]!, source: { meetingId, outcomeId: 1 } };
      await t.services.db
        .updateTable('programme_versions')
        .set({ sections_json: JSON.stringify(sections) })
        .where('id', '=', v1Id)
        .execute();
      // Two sent submissions, answered.
      for (const [kind, decision, sequence] of [
        ['comment', 'accepted', 1],
        ['task', 'rejected', 2],
      ] as const)
        await t.services.db
          .insertInto('consultation_submissions')
          .values({
            consultation_id: consultationId,
            kind,
            status: 'sent',
            submitter_kind: 'organization',
            organization_id: orgId,
            submitter_name: 'Stowarzyszenie Krokus',
            sequence,
            receipt_number: `K/${sequence}`,
            sent_at: now.toISOString(),
            decision,
            answer: 'Odpowiedź.',
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .execute();
    });
    after(async () => t.close());

    const base = () => `/program-wspolpracy/${programmeId}`;
    const newest = () =>
      t.services.db
        .selectFrom('programme_versions')
        .selectAll()
        .where('programme_id', '=', programmeId)
        .orderBy('number', 'desc')
        .executeTakeFirstOrThrow();
    const lockOf = async () => {
      const v = await newest();
      return { versionId: String(v.id), version: String(v.version) };
    };
    const download = async (client: TestClient, url: string) =>
      t.app.inject({ method: 'GET', url, headers: { cookie: client.cookieHeader() } });

    it('links a version in consultation to its consultation; offers "Ogłoś konsultacje" to officials when there is none', async () => {
      const page = await visitor.get(base());
      assert.equal(page.status, 200);
      assert.match(page.body, new RegExp(`href="/konsultacje/${consultationId}"`));
      assert.match(
        page.body,
        /PROJEKT — Uchwała nr …\/…\/… Rady Gminy \(Gmina\) z dnia … w sprawie przyjęcia Rocznego programu współpracy/,
      );
      assert.match(page.body, /Załącznik do uchwały nr …\/…\/…/);
      assert.match(page.body, /Rozdział 11\. Tryb powoływania i zasady działania komisji konkursowych/);
      assert.doesNotMatch(page.body, /Nowa wersja/);
      const other = await createTestConsultation(t.services, { startsOn: '2026-10-02', endsOn: '2026-10-16' });
      await t.services.db.deleteFrom('consultations').where('id', '=', other.consultationId).execute();
      const officialPage = await official.get(`/program-wspolpracy/${other.programmeId}`);
      assert.match(officialPage.body, new RegExp(`href="/konsultacje/nowa\\?wersja=${other.versionId}">Ogłoś konsultacje<`));
      assert.doesNotMatch((await visitor.get(`/program-wspolpracy/${other.programmeId}`)).body, /Ogłoś konsultacje/);
    });

    it('"Nowa wersja" creates the next draft from the version in consultation, once', async () => {
      const page = await official.get(base());
      assert.match(page.body, /Nowa wersja/);
      const lock = await lockOf();
      assert.equal((await official.post(`${base()}/nowa-wersja`, { ...lock, version: '0' })).status, 303);
      assert.equal((await newest()).number, 1, 'a stale lock creates nothing');
      const created = await official.post(`${base()}/nowa-wersja`, lock);
      assert.equal(created.status, 303);
      const v2 = await newest();
      assert.equal(v2.number, 2);
      assert.equal(v2.status, 'draft');
      assert.equal(v2.based_on_version_id, v1Id);
      assert.match((await official.get(created.location!)).body, /Utworzono projekt nowej wersji/);
      await official.get(base());
      await official.post(`${base()}/nowa-wersja`, await lockOf());
      assert.equal((await newest()).number, 2, 'the newest is already a draft');
      // The public still reads version 1; a draft by number is not found for them.
      assert.match((await visitor.get(base())).body, /Wersja 1, do konsultacji/);
      assert.equal((await visitor.get(`${base()}?wersja=2`)).status, 404);
      assert.equal((await visitor.get(`${base()}?wersja=abc`)).status, 404);
      assert.match((await official.get(`${base()}?wersja=1`)).body, /To nie jest najnowsza wersja programu\./);
    });

    it('writes element 10 from the meeting and the consultation into the form, saving nothing', async () => {
      const before = await newest();
      await official.get(`${base()}/sekcje/tworzenie`);
      const generated = await official.post(`${base()}/sekcje/tworzenie/generuj`, await lockOf());
      assert.equal(generated.status, 200);
      assert.match(
        generated.body,
        /Spotkanie „Wypracowanie rocznego programu współpracy na rok 2019” odbyło się 16 lipca 2018 r\./,
      );
      assert.match(
        generated.body,
        /W spotkaniu wzięło udział dwóch przedstawicieli organizacji pozarządowych, reprezentujących dwa podmioty, oraz jeden urzędnik\./,
      );
      assert.match(generated.body, /od 1 października 2026 r\. do 15 października 2026 r\./);
      assert.match(
        generated.body,
        /zgłoszono 1 uwagę oraz 1 propozycję zadania priorytetowego\. Zgłoszenia złożyła 1 organizacja\./,
      );
      assert.match(generated.body, /Konsultacje nie zostały jeszcze zakończone\./);
      assert.match(generated.body, /Nie został jeszcze zapisany/);
      const after = await newest();
      assert.equal(after.version, before.version);
      assert.equal(after.sections_json, before.sections_json);
      // Only the creation section generates.
      assert.equal((await official.post(`${base()}/sekcje/zakres/generuj`, await lockOf())).status, 404);
      assert.notEqual((await visitor.post(`${base()}/sekcje/tworzenie/generuj`, {})).status, 200);
    });

    it('compares v1 and v2: the edited paragraph word by word and the added priority task', async () => {
      await official.get(`${base()}/sekcje/zakres`);
      const saved = await official.post(`${base()}/sekcje/zakres`, {
        ...(await lockOf()),
        text: 'Zakres przedmiotowy obejmuje wszystkie zadania publiczne z art. 4 ustawy.',
      });
      assert.equal(saved.status, 303);
      await official.get(`${base()}/sekcje/zadania`);
      const tasks = await official.post(`${base()}/sekcje/zadania`, {
        ...(await lockOf()),
        'tasks.0.sphere': '16',
        'tasks.0.task': 'Organizacja festiwalu kultury',
        'tasks.0.unit': 'Wydział Kultury',
        'tasks.0.mode': 'konkurs',
        'tasks.0.amount': '10 000,00',
        'tasks.1.sphere': '1',
        'tasks.1.task': 'Pomoc osobom w kryzysie bezdomności',
        'tasks.1.unit': 'MOPS',
        'tasks.1.mode': '19a',
        'tasks.1.amount': '5 000',
      });
      assert.equal(tasks.status, 303);

      const versions = await official.get(`${base()}/wersje`);
      assert.equal(versions.status, 200);
      assert.match(versions.body, /href="\/program-wspolpracy\/\d+\?wersja=2">Wersja 2</);
      assert.match(versions.body, /wersji 1/);
      assert.match(versions.body, /name="od"/);

      const page = await official.get(`${base()}/porownanie?od=1&do=2`);
      assert.equal(page.status, 200);
      assert.match(
        page.body,
        /<h2 id="zmiany-scope">3\. Zakres przedmiotowy<\/h2><p>Zakres przedmiotowy obejmuje <ins><span class="visually-hidden">dodano: <\/span>wszystkie<\/ins> zadania publiczne/,
      );
      assert.match(page.body, /<h2 id="zmiany-period">6\. Okres realizacji programu<\/h2><p>Bez zmian\.<\/p>/);
      assert.match(page.body, /<strong class="tag tag--green">dodano<\/strong>/);
      assert.match(page.body, /<ins><span class="visually-hidden">dodano: <\/span>Pomoc osobom w kryzysie bezdomności<\/ins>/);
      assert.match(page.body, /Zmieniono 3 części programu\./);
      // The reverse comparison shows the removed words.
      const reverse = await official.get(`${base()}/porownanie?od=2&do=1`);
      assert.match(reverse.body, /<del><span class="visually-hidden">usunięto: <\/span>wszystkie<\/del>/);

      // The public compares only versions that are not drafts and never sees the draft listed.
      assert.equal((await visitor.get(`${base()}/porownanie?od=1&do=2`)).status, 404);
      assert.doesNotMatch((await visitor.get(`${base()}/wersje`)).body, /wersja=2/);
      const bad = await official.get(`${base()}/porownanie?od=x&do=%00`);
      assert.equal(bad.status, 400);
      assert.match(bad.body, /error-summary/);
      assert.equal((await official.get(`${base()}/porownanie?od=1&do=9`)).status, 404);
    });

    it('refuses adoption before a consultation is closed, then adopts with the resolution and publishes', async () => {
      await official.get(base());
      const refused = await official.post(`${base()}/przyjecie`, {
        ...(await lockOf()),
        resolutionNumber: 'XLII/512/2026',
        resolutionDate: '2026-11-19',
      });
      assert.equal(refused.status, 409);
      assert.match(refused.body, /żadne konsultacje tego programu nie zostały zakończone/);
      assert.match(refused.body, /value="XLII\/512\/2026"/);
      assert.equal((await newest()).status, 'draft');

      await t.services.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('consultations')
          .set({ status: 'closed', closed_at: now.toISOString() })
          .where('id', '=', consultationId)
          .execute();
        await markVersionAfterConsultation(trx, v1Id, officialId, now);
      });
      const page = await official.get(base());
      assert.match(page.body, /Przyjęcie programu uchwałą/);
      const invalid = await official.post(`${base()}/przyjecie`, {
        ...(await lockOf()),
        resolutionNumber: '',
        resolutionDate: '2026-02-30',
      });
      assert.equal(invalid.status, 400);
      assert.match(invalid.body, /error-summary/);
      assert.match(invalid.body, /value="2026-02-30"/);
      const adopted = await official.post(`${base()}/przyjecie`, {
        ...(await lockOf()),
        resolutionNumber: 'XLII/512/2026',
        resolutionDate: '2026-11-19',
      });
      assert.equal(adopted.status, 303);
      const row = await newest();
      assert.equal(row.status, 'adopted');
      assert.equal(row.resolution_number, 'XLII/512/2026');
      const adoptedPage = await official.get(base());
      assert.match(adoptedPage.body, /Przyjęty uchwałą nr XLII\/512\/2026 z dnia 19 listopada 2026 r\./);
      assert.match(adoptedPage.body, /Uchwała nr XLII\/512\/2026 Rady Gminy \(Gmina\) z dnia 19 listopada 2026 r\./);
      assert.doesNotMatch(adoptedPage.body, /Przyjęcie programu uchwałą|Nowa wersja/);
      // Frozen: the section editor sends the official back.
      assert.equal((await official.get(`${base()}/sekcje/zakres`)).status, 303);

      await official.get(base());
      assert.equal((await official.post(`${base()}/publikacja`, { ...(await lockOf()), version: '1' })).status, 303);
      assert.equal((await newest()).status, 'adopted', 'a stale lock publishes nothing');
      assert.equal((await official.post(`${base()}/publikacja`, await lockOf())).status, 303);
      const published = await newest();
      assert.equal(published.status, 'published');
      assert.equal(published.published_at, now.toISOString());
      assert.match((await visitor.get(base())).body, /Opublikowany 20 listopada 2026 r\./);
    });

    it('the resolution PDF and DOCX carry all eleven chapters and the resolution number', async () => {
      const pdf = await download(visitor, `${base()}/uchwala.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(String(pdf.headers['content-disposition']), /filename="uchwala-program-wspolpracy-\d+-wersja-2\.pdf"/);
      if (process.env.PROGRAMME_PDF_OUT) await writeFile(process.env.PROGRAMME_PDF_OUT, pdf.rawPayload);
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
      assert.match(
        text,
        /Uchwała nr XLII\/512\/2026 Rady Gminy \(Gmina\) z dnia 19 listopada 2026 r\. w sprawie przyjęcia Rocznego programu/,
      );
      assert.match(
        text,
        /Na podstawie art\. 5a ust\. 1 ustawy o działalności pożytku publicznego i o wolontariacie uchwala się, co następuje:/,
      );
      assert.match(text, /§ 1\. Przyjmuje się program współpracy/);
      assert.match(text, /§ 2\. Uchwała wchodzi w życie/);
      assert.match(text, /Załącznik do uchwały nr XLII\/512\/2026/);
      const chapters = [
        ['Cel główny i cele szczegółowe programu', 'Budowanie aktywnego społeczeństwa obywatelskiego'],
        ['Zasady współpracy', 'zasada pomocniczości'],
        ['Zakres przedmiotowy', 'obejmuje wszystkie zadania publiczne'],
        ['Formy współpracy', 'Zlecanie realizacji zadań publicznych'],
        ['Priorytetowe zadania publiczne', 'Pomoc osobom w kryzysie bezdomności'],
        ['Okres realizacji programu', 'od 1 stycznia do 31 grudnia 2027 r.'],
        ['Sposób realizacji programu', 'Program realizują wydziały urzędu.'],
        ['Wysokość środków planowanych na realizację programu', '15 000,00 zł'],
        ['Sposób oceny realizacji programu', 'liczba ogłoszonych konkursów'],
        ['Informacja o sposobie tworzenia programu oraz o przebiegu konsultacji', 'spotkaniu roboczym'],
        ['Tryb powoływania i zasady działania komisji konkursowych', 'Komisje konkursowe powołuje Prezydent.'],
      ];
      chapters.forEach(([heading, content], i) => {
        assert.ok(text.includes(`Rozdział ${i + 1}. ${heading}`), `chapter ${i + 1}`);
        assert.ok(text.includes(content!.replace(/\u00a0/g, ' ')), `content of chapter ${i + 1}: ${content}`);
      });
      const info = await pdfInfo(pdf.rawPayload);
      assert.equal(info.Tagged, 'yes');
      assert.doesNotMatch(text, /PROJEKT/);

      const docx = await download(visitor, `${base()}/uchwala.docx`);
      assert.equal(docx.statusCode, 200);
      const words = docxText(docx.rawPayload);
      assert.match(words, /Uchwała nr XLII\/512\/2026/);
      assert.match(words, /Rozdział 11\. Tryb powoływania/);

      // Version 1 (after consultation) is public; a draft is marked PROJEKT and never public.
      const v1 = await download(visitor, `${base()}/uchwala.pdf?wersja=1`);
      assert.equal(v1.statusCode, 200);
      assert.match(await pdfText(v1.rawPayload), /PROJEKT — Uchwała nr …\/…\/…/);
      const other = await createTestConsultation(t.services, { startsOn: '2026-10-03', endsOn: '2026-10-17' });
      await t.services.db.updateTable('programme_versions').set({ status: 'draft' }).where('id', '=', other.versionId).execute();
      assert.equal((await download(visitor, `/program-wspolpracy/${other.programmeId}/uchwala.pdf`)).statusCode, 404);
      const draft = await download(official, `/program-wspolpracy/${other.programmeId}/uchwala.pdf`);
      assert.equal(draft.statusCode, 200);
      assert.equal(draft.headers['cache-control'], 'private, no-store');
      assert.match(await pdfText(draft.rawPayload), /PROJEKT — Uchwała nr/);
      assert.equal((await download(visitor, `/program-wspolpracy/999999/uchwala.docx`)).statusCode, 404);
    });
  });
}
