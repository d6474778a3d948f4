/**
 * The acceptance journey of the programme's consultation (issue #5): an NGO member (Krokus) opens the
 * demo's open consultation from /konsultacje, reads the draft, follows one provision's link to the
 * comment form (its current wording filled in), sends the comment and sees its receipt number, then
 * sends a priority-task proposal and gets its receipt too; both receipt mails are in the outbox.
 * Time then passes: the server is restarted on the same database with its clock (FAKE_NOW) after the
 * consultation's last day. The official answers both submissions (uwzględniono; nie uwzględniono with
 * a justification), closes the consultation with a conclusion and publishes the report; Krokus is
 * notified by mail; a visitor opens the report from the consultation page and downloads its PDF,
 * whose text holds both submissions with their decisions and justifications. Every page visited passes
 * axe, is screenshotted, and its HTML passes the Nu checker.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, navigation, newContext, signInAs, visit } from './support/browser.js';
import { artifactsFolder, PageChecks } from './support/checks.js';
import { demo, startServer, type RunningServer } from './support/server.js';

const run = promisify(execFile);
const checks = new PageChecks(import.meta.url);
const pdfFolder = join(artifactsFolder, 'pdf', 'ngo-comments-and-official-reports');
let checkedDocuments = 0;
/** The database both servers share (the second starts after the consultation's end). */
let folder = '';
let server: RunningServer;
const servers: RunningServer[] = [];
let browser: Browser;
/** One browser context per person (each keeps its own session), closed before the server restarts. */
let contexts: BrowserContext[] = [];
let krokus: Page;
let official: Page;

const comment = {
  /** The provision commented on: the third specific goal (its id on the consultation page). */
  provisionId: 'zapis-goals-specific-2',
  label: 'Rozdział 1, cel szczegółowy 3',
  current: 'Wsparcie inicjatyw lokalnych',
  proposed: 'Wsparcie inicjatyw lokalnych, w tym inicjatyw mieszkańców osiedli i grup nieformalnych',
  justification:
    'Grupy sąsiedzkie bez osobowości prawnej też organizują festyny i sprzątanie podwórek; program powinien je wprost obejmować.',
  answer:
    'Uwzględniono. Cel szczegółowy otrzyma proponowane brzmienie; inicjatywy grup nieformalnych wspiera się przez organizacje w trybie regrantingu.',
};
const task = {
  sphere: '27',
  title: 'Szkolenia dla koordynatorów wolontariatu w organizacjach',
  description: 'Cykl sześciu warsztatów dla osób, które w organizacjach przyjmują i prowadzą wolontariuszy.',
  need: 'Organizacje zgłaszają, że wolontariusze szybko rezygnują, bo nikt nie ma czasu się nimi zająć.',
  targetGroup: 'koordynatorzy wolontariatu z około 30 organizacji',
  expectedResults: '30 przeszkolonych koordynatorów, wspólne standardy przyjmowania wolontariuszy',
  mode: 'konkurs',
  amount: '18 000',
  period: 'marzec–czerwiec',
  contactName: 'Katarzyna Krokusowa',
  contactPhone: '65 520 10 10',
  contactEmail: demo.ngoMember,
  answer:
    'Nie uwzględniono. Szkolenia koordynatorów wolontariatu prowadzi w ramach zadania 8 Leszczyńskie Centrum Wolontariatu; odrębne zadanie dublowałoby tę ofertę.',
};
const conclusion =
  'Wpłynęły dwa zgłoszenia Stowarzyszenia Krokus: uwaga do celu szczegółowego została uwzględniona, propozycja zadania nie została uwzględniona, ponieważ jego zakres obejmuje już zadanie 8.';

let consultationPath = '';
const receipts: string[] = [];
const url = (path: string) => `${server.baseUrl}${path}`;
const pathOf = (page: Page) => new URL(page.url()).pathname;

async function check(page: Page, label: string): Promise<void> {
  await checks.checkPage(page, label);
  checkedDocuments += 1;
}

const bannerText = async (page: Page) => (await page.locator('main .banner').allInnerTexts()).join('\n');
const submit = (page: Page, target: Locator) => navigation(page, () => target.click());

/** A signed-in page in a fresh context of its own on the running server. */
async function signedIn(email: string): Promise<Page> {
  const context = await newContext(browser);
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  const page = await context.newPage();
  await signInAs(page, server.baseUrl, email);
  return page;
}

async function closeContexts(): Promise<void> {
  for (const c of contexts) await c.close();
  contexts = [];
}

/** The outbox as the administrator, polled until a mail with the subject (to the address) is listed. */
async function outboxRow(admin: Page, subject: string, to: string): Promise<Locator> {
  for (let attempt = 0; attempt < 50; attempt++) {
    assert.equal(await visit(admin, url('/admin/poczta')), 200);
    const row = admin.locator('main table tbody tr', { hasText: subject });
    if ((await row.count()) === 1 && (await row.innerText()).includes(to)) return row;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`no mail "${subject}" to ${to} in the outbox`);
}

/** The journey's steps build on each other: after a failed one, the rest are skipped, not timed out. */
let failedStep = '';
function step(name: string, body: () => Promise<void>): void {
  it(name, async (t) => {
    if (failedStep) return t.skip(`an earlier step failed: ${failedStep}`);
    try {
      await body();
    } catch (error) {
      failedStep = name;
      throw error;
    }
  });
}

describe('an NGO comments on the draft programme and the official reports on the consultation', () => {
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'wspolnie-e2e-consultation-'));
    server = await startServer({ folder });
    servers.push(server);
    browser = await launchBrowser();
    rmSync(pdfFolder, { recursive: true, force: true });
    mkdirSync(pdfFolder, { recursive: true });
  });
  after(async () => {
    await closeContexts();
    await browser?.close();
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  step('the member opens the open consultation from the list and reads the draft', async () => {
    krokus = await signedIn(demo.ngoMember);
    assert.equal(await visit(krokus, url('/konsultacje')), 200);
    await check(krokus, 'member: consultations');
    const row = krokus.locator('main table tbody tr', { hasText: 'trwają' });
    assert.equal(await row.count(), 1, 'not exactly one open consultation listed');
    await submit(krokus, row.getByRole('link').first());
    consultationPath = pathOf(krokus);
    assert.match(consultationPath, /^\/konsultacje\/\d+$/);
    assert.match(await krokus.locator('main .lead').innerText(), /Zostało \d+ dni/);
    assert.ok(await krokus.getByRole('heading', { name: /^Projekt programu \(wersja 1\)$/ }).isVisible());
    assert.equal((await krokus.locator(`#${comment.provisionId} > div`).innerText()).trim(), comment.current);
    await check(krokus, 'member: open consultation with the draft');
  });

  step('the member comments on a provision from its link and gets the receipt', async () => {
    await submit(krokus, krokus.locator(`#${comment.provisionId}`).getByRole('link', { name: /Zgłoś uwagę do tego zapisu/ }));
    assert.equal(pathOf(krokus), `${consultationPath}/uwagi/nowa`);
    const main = krokus.getByRole('main');
    assert.equal(
      await main
        .getByLabel('Zapis projektu, którego dotyczy uwaga')
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
      comment.label,
    );
    assert.equal((await main.locator('blockquote').innerText()).trim(), comment.current);
    assert.match(await main.innerText(), /Składasz w imieniu: Stowarzyszenie Społeczno-Kulturalne „Krokus”/);
    await check(krokus, 'member: comment form for one provision');

    await main.getByLabel('Proponowane brzmienie').fill(comment.proposed);
    await main.getByLabel(/^Uzasadnienie/).fill(comment.justification);
    await submit(krokus, main.getByRole('button', { name: 'Wyślij' }));
    assert.match(pathOf(krokus), new RegExp(`^${consultationPath}/zgloszenia/\\d+$`));
    const banner = await bannerText(krokus);
    const receipt = /Potwierdzenie złożenia uwag nr (KP\/\d{4}\/\d+\/\d{4})/.exec(banner)?.[1];
    assert.ok(receipt, `no receipt number on the page: ${banner}`);
    assert.equal((await krokus.locator('h1').innerText()).trim(), `Zgłoszenie nr ${receipt}`);
    assert.match(await krokus.getByRole('main').innerText(), new RegExp(comment.proposed));
    receipts.push(receipt);
    await check(krokus, 'member: the sent comment with its receipt');
  });

  step('the member proposes a priority task and gets its receipt', async () => {
    assert.equal(await visit(krokus, url(consultationPath)), 200);
    await submit(krokus, krokus.getByRole('main').getByRole('link', { name: 'Zaproponuj zadanie priorytetowe' }));
    assert.equal(pathOf(krokus), `${consultationPath}/zadania/nowe`);
    await check(krokus, 'member: task proposal form');

    const main = krokus.getByRole('main');
    await main.getByLabel('Sfera zadań publicznych').selectOption(task.sphere);
    await main.getByLabel('Nazwa zadania').fill(task.title);
    await main.getByLabel('Opis zadania').fill(task.description);
    await main.getByLabel(/^Uzasadnienie potrzeby/).fill(task.need);
    await main.getByLabel(/^Grupa docelowa/).fill(task.targetGroup);
    await main.getByLabel(/^Zakładane rezultaty/).fill(task.expectedResults);
    await main.getByLabel('Tryb realizacji').selectOption(task.mode);
    await main.getByLabel(/^Proponowana kwota/).fill(task.amount);
    await main.getByLabel(/^Okres realizacji/).fill(task.period);
    await main
      .getByRole('group', { name: /sama zrealizować/ })
      .getByLabel('tak')
      .check();
    await main.getByLabel('Imię i nazwisko').fill(task.contactName);
    await main.getByLabel(/^Telefon/).fill(task.contactPhone);
    await main.getByLabel(/^Adres e-mail/).fill(task.contactEmail);
    await main.getByLabel(/klauzulą informacyjną/).check();
    await submit(krokus, main.getByRole('button', { name: 'Wyślij' }));
    assert.match(pathOf(krokus), new RegExp(`^${consultationPath}/zgloszenia/\\d+$`));
    const receipt = /Potwierdzenie złożenia uwag nr (KP\/\d{4}\/\d+\/\d{4})/.exec(await bannerText(krokus))?.[1];
    assert.ok(receipt, 'no receipt number for the task proposal');
    assert.notEqual(receipt, receipts[0]);
    assert.match(await krokus.getByRole('main').innerText(), new RegExp(task.title));
    receipts.push(receipt);
    await check(krokus, 'member: the sent task proposal with its receipt');

    await submit(krokus, krokus.getByRole('main').getByRole('link', { name: 'Moje zgłoszenia' }));
    assert.equal(pathOf(krokus), `${consultationPath}/moje`);
    const mine = await krokus.getByRole('main').innerText();
    for (const r of receipts) assert.ok(mine.includes(r), `my submissions lack ${r}`);
    await check(krokus, 'member: my submissions');
  });

  step('both receipt mails are in the outbox', async () => {
    const admin = await signedIn(demo.administrator);
    for (const receipt of receipts) await outboxRow(admin, `Potwierdzenie złożenia uwag nr ${receipt}`, demo.ngoMember);
    await check(admin, 'administrator: outbox with both receipts');
    await submit(admin, (await outboxRow(admin, `nr ${receipts[1]}`, demo.ngoMember)).locator('a'));
    assert.match(await admin.locator('.mail-body').innerText(), new RegExp(receipts[1]!.replace(/\//g, '\\/')));
    await check(admin, 'administrator: the task proposal receipt mail');
  });

  step('after the last day, the server runs again on the same database', async () => {
    await closeContexts();
    await server.stop();
    // The demo's open consultation ends eleven days after the seed day; a fortnight later it has ended.
    server = await startServer({ folder, fakeNow: new Date(Date.now() + 14 * 86_400_000) });
    servers.push(server);
  });

  step('the official answers both: uwzględniono, and nie uwzględniono with a justification', async () => {
    official = await signedIn(demo.official);
    assert.equal(await visit(official, url(consultationPath)), 200);
    assert.match(await official.locator('main .lead').innerText(), /zakończone, trwa rozpatrywanie uwag/);
    await check(official, 'official: the ended consultation');
    await submit(official, official.getByRole('main').getByRole('link', { name: 'Odpowiedzi na zgłoszenia' }));
    assert.equal(pathOf(official), `${consultationPath}/odpowiedzi`);
    assert.match(await official.getByRole('main').innerText(), /2 zgłoszenia.*2 bez odpowiedzi/s);
    await check(official, 'official: submissions to answer');

    const answers: Array<[string, string, string]> = [
      [receipts[0]!, 'uwzględniono', comment.answer],
      [receipts[1]!, 'nie uwzględniono', task.answer],
    ];
    for (const [i, [receipt, decision, answer]] of answers.entries()) {
      await submit(official, official.getByRole('main').getByRole('link', { name: receipt, exact: true }));
      assert.match(pathOf(official), new RegExp(`^${consultationPath}/odpowiedzi/\\d+$`));
      const main = official.getByRole('main');
      assert.match(await main.innerText(), i === 0 ? new RegExp(comment.proposed) : new RegExp(task.title));
      await check(official, `official: answer form for ${receipt}`);
      await main.getByRole('group', { name: 'Decyzja' }).getByLabel(decision, { exact: true }).check();
      await main.getByLabel('Uzasadnienie odpowiedzi').fill(answer);
      await submit(official, main.getByRole('button', { name: 'Zapisz odpowiedź' }));
      assert.ok((await official.getByRole('main').innerText()).includes(answer), `the answer to ${receipt} is not shown`);
      await check(official, `official: answered ${receipt}`);
      if (pathOf(official) !== `${consultationPath}/odpowiedzi`)
        await submit(official, official.getByRole('main').getByRole('link', { name: 'Wróć do listy zgłoszeń' }));
    }
    assert.match(await official.getByRole('main').innerText(), /0 bez odpowiedzi/);
  });

  step('the official closes the consultation with a conclusion and publishes the report', async () => {
    const main = official.getByRole('main');
    await main.getByLabel('Podsumowanie').fill(conclusion);
    await submit(official, main.getByRole('button', { name: 'Zamknij konsultacje' }));
    assert.match(await bannerText(official), /zamknięt/i);
    await check(official, 'official: after closing');

    assert.equal(await visit(official, url(`${consultationPath}/sprawozdanie`)), 200);
    await check(official, 'official: the report before publication');
    await submit(official, official.getByRole('main').getByRole('button', { name: 'Opublikuj sprawozdanie' }));
    assert.equal(pathOf(official), `${consultationPath}/sprawozdanie`);
    assert.match(await bannerText(official), /Sprawozdanie opublikowane\. Powiadomiono 1 uczestnika\./);
    await check(official, 'official: the published report');
  });

  step('the member is told by mail that the report is published', async () => {
    const admin = await signedIn(demo.administrator);
    const row = await outboxRow(admin, 'Sprawozdanie', demo.ngoMember);
    await submit(admin, row.locator('a'));
    const body = await admin.locator('.mail-body').innerText();
    for (const receipt of receipts) assert.ok(body.includes(receipt), `the report mail lacks ${receipt}`);
    await check(admin, 'administrator: the report mail to the member');
  });

  step("a visitor opens the report from the consultation's page; its PDF holds both answers", async () => {
    const visitorContext = await newContext(browser);
    try {
      const page = await visitorContext.newPage();
      assert.equal(await visit(page, url(consultationPath)), 200);
      assert.match(await page.locator('main .lead').innerText(), /zamknięte/);
      await check(page, 'visitor: the closed consultation');
      await submit(page, page.getByRole('main').getByRole('link', { name: 'Sprawozdanie z konsultacji', exact: true }));
      assert.equal(pathOf(page), `${consultationPath}/sprawozdanie`);
      const html = await page.getByRole('main').innerText();
      for (const part of [comment.answer, task.answer, conclusion, 'Stowarzyszenie Społeczno-Kulturalne „Krokus”'])
        assert.ok(html.includes(part), `the report page lacks "${part}"`);
      await check(page, 'visitor: the report');

      const response = await visitorContext.request.get(url(`${consultationPath}/sprawozdanie.pdf`));
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-type'], 'application/pdf');
      const pdf = await response.body();
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const pdfFile = join(pdfFolder, 'sprawozdanie.pdf');
      writeFileSync(pdfFile, pdf);
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdfFile, '-']);
      const text = stdout.replace(/\s+/g, ' ');
      const fold = (s: string) => s.replace(/\s+/g, ' ');
      for (const part of [
        comment.answer,
        task.answer,
        comment.proposed,
        task.title,
        conclusion,
        'uwzględniono',
        'nie uwzględniono',
        ...receipts,
      ])
        assert.ok(text.includes(fold(part)), `the report PDF lacks "${part}":\n${text}`);
    } finally {
      await visitorContext.close();
    }
  });

  it('every page visited is valid HTML for the Nu checker', async () => {
    await checks.validateHtml();
    assert.equal(checks.collected.size, checkedDocuments, 'not every page of the journey was collected');
  });

  it('the servers logged no errors meanwhile', () => {
    for (const s of servers) assert.deepEqual(s.loggedErrors(), []);
  });
});
