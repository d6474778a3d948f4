/**
 * The golden test of the consultation report: a closed consultation with comments and a priority-task
 * proposal from organisations and private persons (online, on paper, by e-mail), answered, published.
 * The HTML page, the PDF's text (pdftotext with and without -layout) and the DOCX's text each state
 * the subject, the legal basis, the period, the forms, the figures, and every sent submission's
 * receipt number, submitter, content, decision and justification, in receipt order — each fragment
 * searched after the previous one. A private person's name (and address) is in none of the three.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { docxText, pdfInfo, pdfText, pdfToPng, zipEntry } from '../../platform/documents/inspect.js';
import { testEngines } from '../../test-support/databases.js';
import { articleText, assertInOrder, normalise } from '../../test-support/document-text.js';
import { createTestApp, createUser, signInClient, type TestApp } from '../../test-support/test-app.js';
import { createTestConsultation, createTestOrganization } from '../consultation/test-fixtures.js';
import { addSubmission, closeTestConsultation, receiptOf } from './test-fixtures.js';

/** What must never be in any format: the private persons' names and addresses. */
const privateData = ['Jan Kowalski', 'Kowalski', 'jan.kowalski@example.org', 'Anna Nowakowska-Prywatna', 'anna.n@example.org'];

const clock = () => new Date('2026-11-02T10:00:00.000Z');

for (const engine of await testEngines()) {
  describe(`the consultation report states every submission (${engine})`, () => {
    let t: TestApp;
    let consultationId: number;
    let fragments: string[];

    before(async () => {
      t = await createTestApp({ engine, clock });
      await createUser(t.services, 'urzednik@example.org', ['official']);
      const memberA = await createUser(t.services, 'krokus@example.org');
      const memberB = await createUser(t.services, 'alternatywa@example.org');
      const resident = await createUser(t.services, 'jan.kowalski@example.org');
      const krokus = await createTestOrganization(t.services, 'Stowarzyszenie Społeczno-Kulturalne Krokus', [memberA]);
      const mcp = await createTestOrganization(t.services, 'MCP Alternatywa', [memberB]);
      ({ consultationId } = await createTestConsultation(t.services, {
        startsOn: '2026-10-12',
        endsOn: '2026-10-25',
        residentsAllowed: true,
        subject: 'Projekt Rocznego programu współpracy Miasta Leszna na 2027 rok',
      }));
      const c = consultationId;
      const s1 = await addSubmission(t.services, c, {
        authorId: memberA,
        organizationId: krokus,
        submitterName: 'Stowarzyszenie Społeczno-Kulturalne Krokus',
        provisionLabel: 'Cele szczegółowe, pkt 3',
        currentWording: 'Rozwój wolontariatu w mieście',
        proposedWording: 'Rozwój wolontariatu, w tym wolontariatu seniorów',
        justification: 'Seniorzy stanowią rosnącą grupę wolontariuszy.',
        decision: 'accepted',
        answer: 'Zapis uzupełniono zgodnie z propozycją.',
      });
      // Excluded: a draft and a withdrawn submission.
      await addSubmission(t.services, c, {
        status: 'draft',
        authorId: memberB,
        organizationId: mcp,
        submitterName: 'MCP Alternatywa',
        proposedWording: 'SZKIC NIEWYSŁANY',
      });
      await addSubmission(t.services, c, {
        status: 'withdrawn',
        authorId: memberB,
        organizationId: mcp,
        submitterName: 'MCP Alternatywa',
        proposedWording: 'ZGŁOSZENIE WYCOFANE',
      });
      const s2 = await addSubmission(t.services, c, {
        kind: 'task',
        authorId: memberB,
        organizationId: mcp,
        submitterName: 'MCP Alternatywa',
        task: {
          sphere: '16',
          title: 'Festiwal organizacji pozarządowych',
          description: 'Dwudniowy festiwal w parku.',
          amount: 2_500_000,
        },
        decision: 'partly',
        answer: 'Zadanie wpisano z kwotą 20 000 zł ze względu na budżet.',
      });
      const s3 = await addSubmission(t.services, c, {
        authorId: resident,
        submitterKind: 'resident',
        submitterName: 'Jan Kowalski',
        provisionLabel: 'Zasady współpracy',
        proposedWording: 'Dodać zasadę otwartości.',
        justification: 'Jako Jan Kowalski uważam, że jawność to za mało.',
        decision: 'rejected',
        answer: 'Zasada jawności obejmuje otwartość.',
      });
      const s4 = await addSubmission(t.services, c, {
        channel: 'paper',
        submitterKind: 'resident',
        submitterName: 'Anna Nowakowska-Prywatna',
        contactEmail: 'anna.n@example.org',
        provisionLabel: 'Okres realizacji programu',
        proposedWording: 'Program wieloletni na lata 2027–2029.',
        justification: 'Stabilność finansowania.',
        decision: 'not-applicable',
        answer: 'Uwaga dotyczy innej uchwały.',
      });
      const s5 = await addSubmission(t.services, c, {
        authorId: resident,
        submitterKind: 'resident',
        submitterName: 'Jan Kowalski',
        provisionLabel: 'Sposób oceny realizacji programu',
        proposedWording: 'Dodać wskaźnik liczby wolontariuszy.',
        justification: 'Mierzalność.',
        decision: 'accepted',
        answer: 'Wskaźnik dodano.',
      });
      const s6 = await addSubmission(t.services, c, {
        channel: 'email',
        organizationId: krokus,
        submitterName: 'Stowarzyszenie Społeczno-Kulturalne Krokus',
        contactEmail: 'biuro@krokus.example.org',
        provisionLabel: 'Formy współpracy',
        proposedWording: 'Dodać użyczanie lokali.',
        justification: 'Organizacje nie mają siedzib.',
        decision: 'partly',
        answer: 'Dodano użyczanie sal urzędu.',
      });
      await closeTestConsultation(
        t.services,
        c,
        'Konsultacje przeprowadzono zgodnie z uchwałą. Uwzględnione uwagi wprowadzono do projektu.',
      );
      const official = t.client();
      await signInClient(official, 'urzednik@example.org');
      await official.get(`/konsultacje/${c}/sprawozdanie`);
      const published = await official.post(`/konsultacje/${c}/sprawozdanie/opublikuj`, {});
      assert.equal(published.status, 303);

      const [r1, r2, r3, r4, r5, r6] = await Promise.all([s1, s2, s3, s4, s5, s6].map((id) => receiptOf(t.services, id)));
      fragments = [
        'Sprawozdanie z konsultacji projektu „Roczny program współpracy na 2027 rok',
        'Przedmiot konsultacji: Projekt Rocznego programu współpracy Miasta Leszna na 2027 rok',
        'Podstawa prawna: art. 5a ust. 1 ustawy o działalności pożytku publicznego i o wolontariacie',
        'Termin konsultacji: od 12 października 2026 r. do 25 października 2026 r.',
        'Formy konsultacji: formularz na platformie internetowej; formularz papierowy złożony pisemnie; formularz przesłany pocztą elektroniczną.',
        'Uprawnieni do udziału: organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy; uwagi mogli zgłaszać także mieszkańcy.',
        'Udział w konsultacjach',
        'Liczba organizacji, które złożyły zgłoszenia: 2',
        'Liczba osób prywatnych (mieszkańców), które złożyły zgłoszenia: 2 (zgłoszenia: 3)',
        'Liczba uwag do zapisów projektu: 5',
        'Liczba propozycji zadań priorytetowych: 1',
        'przez platformę internetową – 4, pisemnie – 1, pocztą elektroniczną – 1.',
        'Zestawienie zgłoszonych uwag i propozycji',
        'Treść zgłoszeń i uzasadnienie rozstrzygnięć',
        `1. Zgłoszenie nr ${r1}`,
        'Zgłaszający: Stowarzyszenie Społeczno-Kulturalne Krokus (przez platformę internetową)',
        'Część dokumentu: Cele szczegółowe, pkt 3',
        'Obecny zapis: Rozwój wolontariatu w mieście',
        'Proponowany zapis: Rozwój wolontariatu, w tym wolontariatu seniorów',
        'Uzasadnienie zgłaszającego: Seniorzy stanowią rosnącą grupę wolontariuszy.',
        'Rozstrzygnięcie: uwzględniono',
        'Uzasadnienie rozstrzygnięcia: Zapis uzupełniono zgodnie z propozycją.',
        `2. Zgłoszenie nr ${r2}`,
        'Zgłaszający: MCP Alternatywa',
        'Część dokumentu: Propozycja zadania priorytetowego: Festiwal organizacji pozarządowych',
        'Tytuł zadania: Festiwal organizacji pozarządowych',
        'Sfera zadań publicznych: kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego',
        'Opis zadania: Dwudniowy festiwal w parku.',
        'Proponowana kwota: 25 000,00 zł',
        'Rozstrzygnięcie: uwzględniono częściowo',
        'Uzasadnienie rozstrzygnięcia: Zadanie wpisano z kwotą 20 000 zł ze względu na budżet.',
        `3. Zgłoszenie nr ${r3}`,
        'Zgłaszający: Osoba prywatna 1 (przez platformę internetową)',
        'Część dokumentu: Zasady współpracy',
        'Proponowany zapis: Dodać zasadę otwartości.',
        'Uzasadnienie zgłaszającego: Jako Osoba prywatna 1 uważam, że jawność to za mało.',
        'Rozstrzygnięcie: nie uwzględniono',
        'Uzasadnienie rozstrzygnięcia: Zasada jawności obejmuje otwartość.',
        `4. Zgłoszenie nr ${r4}`,
        'Zgłaszający: Osoba prywatna 2 (pisemnie)',
        'Proponowany zapis: Program wieloletni na lata 2027–2029.',
        'Rozstrzygnięcie: nie dotyczy',
        'Uzasadnienie rozstrzygnięcia: Uwaga dotyczy innej uchwały.',
        `5. Zgłoszenie nr ${r5}`,
        'Zgłaszający: Osoba prywatna 1',
        'Proponowany zapis: Dodać wskaźnik liczby wolontariuszy.',
        'Rozstrzygnięcie: uwzględniono',
        'Uzasadnienie rozstrzygnięcia: Wskaźnik dodano.',
        `6. Zgłoszenie nr ${r6}`,
        'Zgłaszający: Stowarzyszenie Społeczno-Kulturalne Krokus (pocztą elektroniczną)',
        'Proponowany zapis: Dodać użyczanie lokali.',
        'Rozstrzygnięcie: uwzględniono częściowo',
        'Uzasadnienie rozstrzygnięcia: Dodano użyczanie sal urzędu.',
        'Podsumowanie rozstrzygnięć',
        'uwzględniono: 2',
        'uwzględniono częściowo: 2',
        'nie uwzględniono: 1',
        'nie dotyczy: 1',
        'Wnioski',
        'Konsultacje przeprowadzono zgodnie z uchwałą. Uwzględnione uwagi wprowadzono do projektu.',
        'Sporządził: Biuro Pełnomocnika ds. organizacji pozarządowych',
        'Data: 2 listopada 2026 r.',
      ];
    });
    after(() => t.close());

    const excluded = ['SZKIC NIEWYSŁANY', 'ZGŁOSZENIE WYCOFANE'];

    it('the public HTML page', async () => {
      const response = await t.client().get(`/konsultacje/${consultationId}/sprawozdanie`);
      assert.equal(response.status, 200);
      assertInOrder(articleText(response.body, 'protocol consultation-report'), fragments, `HTML (${engine})`);
      assert.doesNotMatch(response.body, /Projekt sprawozdania|Opublikuj sprawozdanie/);
      for (const text of [...privateData, ...excluded]) assert.ok(!response.body.includes(text), `${text} is not on the page`);
    });

    it('the PDF, with and without layout, and its pages as pictures', async () => {
      const response = await t.app.inject({ method: 'GET', url: `/konsultacje/${consultationId}/sprawozdanie.pdf` });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/pdf');
      assert.equal(
        response.headers['content-disposition'],
        `attachment; filename="sprawozdanie-konsultacje-${consultationId}-2026-10-25.pdf"`,
      );
      const pdf = response.rawPayload;
      const info = await pdfInfo(pdf);
      assert.equal(info.Tagged, 'yes');
      assert.match(info.Title ?? '', /^Sprawozdanie z konsultacji projektu/);
      const plain = await pdfText(pdf);
      assertInOrder(plain, fragments, `PDF (${engine})`);
      const layout = await pdfText(pdf, { layout: true });
      assertInOrder(layout, fragments, `PDF -layout (${engine})`);
      for (const text of [...privateData, ...excluded]) {
        assert.ok(!plain.includes(text), `${text} is not in the PDF`);
        assert.ok(!normalise(layout).includes(normalise(text)), `${text} is not in the PDF (layout)`);
      }
      if (engine === 'sqlite') {
        await mkdir('artifacts/consultation-report', { recursive: true });
        await pdfToPng(pdf, 'artifacts/consultation-report/report', 60);
      }
    });

    it('the DOCX', async () => {
      const response = await t.app.inject({ method: 'GET', url: `/konsultacje/${consultationId}/sprawozdanie.docx` });
      assert.equal(response.statusCode, 200);
      assert.match(
        String(response.headers['content-disposition']),
        new RegExp(`filename="sprawozdanie-konsultacje-${consultationId}-2026-10-25\\.docx"`),
      );
      const docx = response.rawPayload;
      assertInOrder(docxText(docx), fragments, `DOCX (${engine})`);
      const xml = zipEntry(docx, 'word/document.xml').toString('utf8');
      assert.match(xml, /<w:pStyle w:val="Heading1"\/>/);
      for (const text of [...privateData, ...excluded]) assert.ok(!xml.includes(text), `${text} is not in the DOCX`);
      const core = zipEntry(docx, 'docProps/core.xml').toString('utf8');
      for (const text of privateData) assert.ok(!core.includes(text), `${text} is not in the DOCX properties`);
    });
  });
}
