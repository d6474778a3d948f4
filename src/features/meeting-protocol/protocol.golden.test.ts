/**
 * The golden test of issue #4: the demo meeting of 16 July 2018, entered as data, renders back
 * into the seed protocol (shared/seed/000_925397151de7cf1a.txt). The HTML page, the PDF's text
 * (pdftotext with and without -layout) and the DOCX's text each contain every heading and every
 * fact of the seed in the seed's order: each fragment is searched after the previous one.
 * The seed's typing slips are not reproduced ("12:00 -15:00" is "12:00–15:00", "Ad.2" is "Ad. 2",
 * "2018r." is "2018 r."); the fragments below are the seed's lines otherwise verbatim.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { docxText, pdfInfo, pdfText, pdfToPng, zipEntry } from '../../platform/documents/inspect.js';
import { testEngines } from '../../test-support/databases.js';
import { articleText, assertInOrder } from '../../test-support/document-text.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoMeeting } from '../../demo/demo-meeting-2018.js';
import { seedDemo } from '../../demo/seed-demo.js';

/** A fragment of the seed; `pdfLabel` is the list label only the PDF prints as text. */
type Fragment = { text: string; pdfLabel?: string };
const f = (text: string, pdfLabel?: string): Fragment => (pdfLabel ? { text, pdfLabel } : { text });

const seedFragments: Fragment[] = [
  f(
    'Protokół ze spotkania roboczego z przedstawicielami organizacji pozarządowych w sprawie opracowywania rocznego programu współpracy Miasta Leszna z organizacjami pozarządowymi na 2019 rok',
  ),
  f('Temat: Wypracowanie rocznego programu współpracy na rok 2019'),
  f('Data: 16.07.2018 r.'),
  f('Godzina: 12:00'),
  f('15:00'),
  f('Miejsce: Park Jonstona'),
  f('Prowadzący: Anna Szymańska'),
  f('Organizator: Biuro Pełnomocnika do spraw Współpracy z Organizacjami Pozarządowymi'),
  f('Cel spotkania'),
  f(demoMeeting.goal),
  f('Adresaci spotkania'),
  f(demoMeeting.audience),
  f('Liczba uczestników: w spotkaniu wzięło udział 22 przedstawicieli organizacji pozarządowych, reprezentujących 20 podmiotów'),
  f('oraz trzech urzędników.'),
  f('Program spotkania'),
  f('Rozpoczęcie, krótka prezentacja Organizacji Pozarządowych biorących udział w spotkaniu.', '1.'),
  f('Praca w grupach', '2.'),
  f('Formy współpracy pozafinansowej – dyskusja', '3.'),
  f('Podsumowanie spotkania', '4.'),
  f('Ad. 1'),
  f(
    'Spotkanie otworzyła Anna Szymańska – Pełnomocnik Prezydenta ds. Współpracy z Organizacjami Pozarządowymi. Przedstawiła proponowaną formułę i przebieg spotkania. Powitała zaproszonych gości i zaprosiła przedstawicieli Organizacji Pozarządowych do krótkiego przedstawienia siebie oraz działalności swojej organizacji. Wprowadzając w temat podkreśliła szczególne znaczenie wymiany doświadczeń i integracji wewnątrzsektorowej, zwłaszcza w odniesieniu do budowania społeczeństwa obywatelskiego oraz dalszej współpracy.',
  ),
  f('Ad. 2'),
  f('W kolejnej części spotkania uczestnicy zostali podzieleni na dwie grupy.'),
  f(
    'Gospodarzami stolików byli przedstawiciele Organizacji Pozarządowych: pani Kamila Grzywaczyk (MCP Alternatywa) oraz p. Barbara Domichowska (Stowarzyszenie Społeczno-Kulturalne Krokus) oraz pracownik Biura Pełnomocnika ds. Współpracy z Organizacjami Pozarządowymi Aleksandra Michalska.',
  ),
  f('Następnie grupy zamieniły się stanowiskami i omówiono te same tematy w innych zespołach.'),
  f('W wyniku pracy poszczególnych grup ustalono wstępne zapisy celu głównego oraz celów szczegółowych w brzmieniu:'),
  f('I. Cel Główny'),
  f('Budowanie Aktywnego Obywatelskiego Leszna'),
  f('II. Cele szczegółowe'),
  f('Integracja i aktywizacja społeczna', '1.'),
  f('Promocja działań NGO na rzecz społeczności lokalnej', '2.'),
  f('Wsparcie inicjatyw lokalnych', '3.'),
  f('Budowanie więzi między instytucjami, np. szkoły, wydziały, policja itp.', '4.'),
  f('Odpowiadanie na potrzeby społeczne i rozwiązywanie problemów', '5.'),
  f('Promocja wolontariatu', '6.'),
  f('Ad. 3'),
  f(
    'W trzeciej części spotkania nastąpiła dyskusja na temat form pozafinansowej współpracy Miasta Leszna z organizacjami pozarządowymi. Dyskusja miała formułę "burzy mózgów" moderowanej przez Annę Szymańską.',
  ),
  f(
    'Uczestnicy dyskusji wskazywali, iż współpraca organizacji pozarządowych z władzami publicznymi powinna być realizowana z zachowaniem zasad: pomocniczości, suwerenności stron, partnerstwa, efektywności, uczciwej konkurencji i jawności, równości szans, współodpowiedzialności oraz solidarności.',
  ),
  f(
    'Nie wniesiono uwag do zapisów programu, dyskusja w formule „burzy mózgów” miała charakter informacyjny i uświadamiający przedstawiciele organizacji pozarządowych o możliwościach współpracy pozafinansowej jaką oferuje im Miasto Leszno.',
  ),
  f('Ad. 4'),
  f('Podczas podsumowania sporo czasu poświęcono dyskusji na temat promocji organizacji pozarządowych.'),
  f('Proponowane formy promocji to:'),
  f('promocja w Internecie: strona www i portale społecznościowe', '•'),
  f('promocja w mediach', '•'),
  f('reklama bezpośrednia', '•'),
  f('gadżety reklamowe', '•'),
  f('współpraca z innymi organizacjami pozarządowymi', '•'),
  f('udział w Aktywnym Obywatelskim Lesznie i Targach Organizacji Pozarządowych', '•'),
  f('organizacja imprez, spotkań, konferencji', '•'),
  f('broszury informacyjne', '•'),
  f('patronat Prezydenta', '•'),
  f('baza danych NGO', '•'),
  f('kampanie społeczne m.in. „Zostaw swój 1% w Lesznie”', '•'),
  f('Proponowane formy promocji znajdują odzwierciedlenie w Programie Współpracy w rozdziale V. Formy współpracy'),
  f(
    'Wszyscy uczestnicy spotkania zgodnie stwierdzili, że wypracowane podczas spotkania zapisy projektu „Rocznego Programu Współpracy Miasta Leszna z Organizacjami Pozarządowymi oraz podmiotami wymienionymi w art. 3 ust. 3 ustawy z dnia 24 kwietnia 2003r. o działalności pożytku publicznego i o wolontariacie, na rok 2019” są dla nich satysfakcjonujące i w pełni spełniają zakładane oczekiwania.',
  ),
  f(
    'Następnie wszyscy obecni na spotkaniu otrzymali „Formularz zadań priorytetowych” do składania uwag w zakresie zadań priorytetowych, formularze z propozycjami do projektu można było składać do 31 lipca 2018 r.',
  ),
  f('Na tym spotkanie zakończono.'),
  f('Załączniki: lista obecności na spotkaniu w dniu 16.07.2018 r.'),
  f('Oprac.: Aleksandra Michalska (Inspektor ds. Współpracy z Organizacjami Pozarządowymi)'),
];

/** The fragments' texts; with `pdfLabels`, each preceded by the list label only the PDF prints as text. */
function texts(fragments: Fragment[], pdfLabels = false): string[] {
  return fragments.map((f) => (pdfLabels && f.pdfLabel ? `${f.pdfLabel} ${f.text}` : f.text));
}

/** Names from the attendance list that are on no public document (the seed names only the hosts and the author). */
const privateNames = ['Joanna Wiśniewska', 'Rafał Ziółkowski', 'Urszula Urzędnicza', 'Katarzyna Krokusowa'];

for (const engine of await testEngines()) {
  describe(`the demo meeting's protocol reproduces the seed (${engine})`, () => {
    let t: TestApp;
    let meetingId: number;
    before(async () => {
      t = await createTestApp({ engine });
      assert.equal(await seedDemo(t.services), true);
      const meeting = await t.services.db
        .selectFrom('meetings')
        .select('id')
        .where('topic', '=', demoMeeting.topic)
        .executeTakeFirstOrThrow();
      meetingId = meeting.id;
    });
    after(() => t.close());

    it('the public HTML page', async () => {
      const response = await t.client().get(`/spotkania/${meetingId}/protokol`);
      assert.equal(response.status, 200);
      assertInOrder(articleText(response.body, 'protocol'), texts(seedFragments), `HTML (${engine})`);
      assert.match(response.body, /<h1>[^<]*Protokół ze spotkania roboczego/);
      assert.doesNotMatch(response.body, /Projekt protokołu/);
      assert.doesNotMatch(response.body, /r\.\./, 'no doubled full stop after a filled outcome marker');
      for (const name of privateNames) assert.ok(!response.body.includes(name), `${name} is not public`);
    });

    it('the PDF, with and without layout, and its pages as pictures', async () => {
      const response = await t.app.inject({ method: 'GET', url: `/spotkania/${meetingId}/protokol.pdf` });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/pdf');
      assert.equal(
        response.headers['content-disposition'],
        `attachment; filename="protokol-2018-07-16-spotkanie-${meetingId}.pdf"`,
      );
      const pdf = response.rawPayload;
      const info = await pdfInfo(pdf);
      assert.equal(info.Tagged, 'yes');
      assert.match(info.Title ?? '', /^Protokół ze spotkania roboczego/);
      assert.match(info.Author ?? '', /Aleksandra Michalska/);
      assertInOrder(await pdfText(pdf), texts(seedFragments, true), `PDF (${engine})`);
      const layout = await pdfText(pdf, { layout: true });
      assertInOrder(layout, texts(seedFragments, true), `PDF -layout (${engine})`);
      const pages = Number(info.Pages);
      assert.ok(layout.includes(`strona ${pages} z ${pages}`));
      for (const name of privateNames) assert.ok(!layout.includes(name), `${name} is not in the PDF`);
      if (engine === 'sqlite') {
        await mkdir('artifacts/protocol', { recursive: true });
        await pdfToPng(pdf, 'artifacts/protocol/demo-2018', 60);
      }
    });

    it('the DOCX', async () => {
      const response = await t.app.inject({ method: 'GET', url: `/spotkania/${meetingId}/protokol.docx` });
      assert.equal(response.statusCode, 200);
      assert.match(
        String(response.headers['content-disposition']),
        new RegExp(`filename="protokol-2018-07-16-spotkanie-${meetingId}\\.docx"`),
      );
      const docx = response.rawPayload;
      assertInOrder(docxText(docx), texts(seedFragments), `DOCX (${engine})`);
      const xml = zipEntry(docx, 'word/document.xml').toString('utf8');
      assert.match(xml, /<w:pStyle w:val="Heading1"\/>/);
      for (const name of privateNames) assert.ok(!xml.includes(name), `${name} is not in the DOCX`);
    });
  });
}
