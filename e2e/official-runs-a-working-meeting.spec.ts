/**
 * The acceptance journey of working meetings (issue #4): an official creates a meeting for tomorrow
 * with one place, adds its agenda and publishes it; two NGO members register — the second is put on
 * the waitlist and moves up when the first cancels (the promotion mail is in the outbox); the
 * official checks the promoted member in and adds a walk-in, and the attendance counts are computed;
 * the official records a group with its host and topic, captures an idea and promotes it to an
 * outcome, writes the minutes for each agenda item with the author, saves and circulates them for
 * remarks; the participant leaves a remark and sees it listed; the official answers it, approves
 * the minutes before the remarks period ends (with the explicit confirmation) and publishes them; a
 * visitor opens the public protocol and downloads its PDF, which is rendered to images (kept under
 * artifacts/) and whose text holds the topic, every "Ad. N" heading, the minutes, the participants
 * sentence and the author, in order. Every page visited passes axe, is screenshotted, and its HTML
 * passes the Nu checker.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { lastDocumentResponse, launchBrowser, navigation, newContext, signInAs, visit } from './support/browser.js';
import { artifactsFolder, PageChecks } from './support/checks.js';
import { demo, startServer, type RunningServer } from './support/server.js';

const run = promisify(execFile);
const checks = new PageChecks(import.meta.url);
const pdfFolder = join(artifactsFolder, 'pdf', 'official-runs-a-working-meeting');
/** How many documents were handed to the Nu checker (each checked page with its HTML). */
let checkedDocuments = 0;
let server: RunningServer;
let browser: Browser;
let officialContext: BrowserContext;
let official: Page;
let krokusContext: BrowserContext;
let krokus: Page;
let alternatywaContext: BrowserContext;
let alternatywa: Page;

/** A Warsaw calendar day `days` from now (YYYY-MM-DD). */
function warsawDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date(Date.now() + days * 86_400_000));
}

const meeting = {
  topic: 'Wypracowanie programu współpracy na rok 2027',
  goal: 'Zebranie propozycji organizacji do rocznego programu współpracy.',
  audience: 'Przedstawiciele organizacji pozarządowych działających w Lesznie.',
  date: warsawDay(1),
  start: '10:00',
  end: '13:00',
  place: 'Sala Sesyjna Ratusza, Rynek 1, Leszno',
  host: 'Urszula Urzędnicza',
  hostFunction: 'Pełnomocnik Prezydenta ds. Współpracy z Organizacjami Pozarządowymi',
  capacity: '1',
};
const agenda = [
  { title: 'Powitanie i przedstawienie uczestników', duration: '15' },
  { title: 'Praca w grupach nad celami programu', duration: '90' },
  { title: 'Podsumowanie i dalsze kroki', duration: '20' },
];
const people = {
  official: 'Urszula Urzędnicza',
  krokus: { name: 'Katarzyna Krokusowa', organisation: 'Stowarzyszenie Społeczno-Kulturalne „Krokus”' },
  alternatywa: { name: 'Marek Alternatywny', organisation: 'MCP Alternatywa' },
  walkIn: { name: 'Zdzisław Łęcki', organisation: 'Fundacja Leszczyńskie Podwórka' },
};
const group = { name: 'Stolik 1', host: 'Kamila Grzywaczyk', affiliation: 'MCP Alternatywa', topic: 'Cele szczegółowe programu' };
const idea = 'Wspólny kalendarz wydarzeń organizacji w serwisie miasta';
const minutes = {
  items: [
    'Spotkanie otworzyła Urszula Urzędnicza, która powitała przedstawicieli organizacji.',
    'Uczestnicy pracowali przy stolikach nad celami programu.\n\n[[cele]]',
    'Ustalono, że projekt programu zostanie przekazany organizacjom do konsultacji.',
  ],
  closing: 'Na tym spotkanie zakończono.',
  author: 'Aleksandra Michalska',
  position: 'Inspektor ds. Współpracy z Organizacjami Pozarządowymi',
  remarksUntil: warsawDay(4),
};
const remark = 'Proszę dopisać, że kalendarz ma obejmować także wydarzenia wolontariackie.';
const answer = 'Dziękujemy, dopiszemy to w projekcie programu.';
/** The expected participants sentence: the promoted member and the walk-in, two organisations. */
const participantsSentence =
  'w spotkaniu wzięło udział dwóch przedstawicieli organizacji pozarządowych, reprezentujących dwa podmioty.';

let meetingId = 0;
/** The circulated minutes as the remarks page shows them to a participant. */
let circulatedText = '';
const url = (path: string) => `${server.baseUrl}${path}`;
const base = () => `/spotkania/${meetingId}`;
const pathOf = (page: Page) => new URL(page.url()).pathname;

/** axe, screenshot and the HTML for the Nu checker. */
async function check(page: Page, label: string): Promise<void> {
  await checks.checkPage(page, label);
  checkedDocuments += 1;
}

/** The text of the page's flash message or notification banner(s) in main. */
const bannerText = async (page: Page) => (await page.locator('main .banner').allInnerTexts()).join('\n');

/** Fills a field and submits its form with Enter from that field, waiting for the next page. */
async function typeAndEnter(page: Page, field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await navigation(page, () => field.press('Enter'));
}

/** Clicks and waits for the next document. */
const submit = (page: Page, target: Locator) => navigation(page, () => target.click());

/** The summary-list value for a term on the page. */
async function summaryValue(page: Page, term: string): Promise<string> {
  const row = page.locator('main .summary-list__row', { has: page.locator('dt', { hasText: term }) });
  assert.equal(await row.count(), 1, `no single "${term}" row on ${page.url()}`);
  return (await row.locator('dd').innerText()).trim();
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

describe('an official runs a working meeting', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    officialContext = await newContext(browser);
    official = await officialContext.newPage();
    krokusContext = await newContext(browser);
    krokus = await krokusContext.newPage();
    alternatywaContext = await newContext(browser);
    alternatywa = await alternatywaContext.newPage();
    // A missing element fails the step in 10 s rather than 30.
    for (const context of [officialContext, krokusContext, alternatywaContext]) context.setDefaultTimeout(10_000);
    rmSync(pdfFolder, { recursive: true, force: true });
    mkdirSync(pdfFolder, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('the official creates a meeting for tomorrow with one place', async () => {
    await signInAs(official, server.baseUrl, demo.official);
    assert.equal(await visit(official, url('/spotkania')), 200);
    await check(official, 'official: meetings');
    await submit(official, official.getByRole('main').getByRole('link', { name: 'Nowe spotkanie' }));
    assert.equal(pathOf(official), '/spotkania/nowe');
    assert.equal((await official.locator('h1').innerText()).trim(), 'Nowe spotkanie');
    await check(official, 'official: new meeting form');

    const main = official.getByRole('main');
    await main.getByLabel('Temat', { exact: true }).fill(meeting.topic);
    await main.getByLabel(/^Cel spotkania/).fill(meeting.goal);
    await main.getByLabel(/^Adresaci spotkania/).fill(meeting.audience);
    await main.getByRole('group', { name: 'Termin' }).getByLabel('Data', { exact: true }).fill(meeting.date);
    await main.getByLabel('Godzina rozpoczęcia').fill(meeting.start);
    await main.getByLabel('Godzina zakończenia').fill(meeting.end);
    await main.getByLabel(/^Miejsce/).fill(meeting.place);
    await main.getByLabel('Prowadzący (imię i nazwisko)').fill(meeting.host);
    await main.getByLabel(/^Funkcja prowadzącego/).fill(meeting.hostFunction);
    assert.ok(await main.getByRole('radio', { name: /^Otwarte/ }).isChecked(), 'the meeting is not open by default');
    assert.ok(!(await main.getByRole('checkbox', { name: /goście/ }).isChecked()), 'guests are allowed by default');
    await typeAndEnter(official, main.getByLabel(/^Liczba miejsc/), meeting.capacity);

    const match = /^\/spotkania\/(\d+)\/program$/.exec(pathOf(official));
    assert.ok(match, `the new meeting did not lead to its agenda: ${official.url()}`);
    meetingId = Number(match[1]);
    assert.match(await bannerText(official), /Projekt spotkania zapisany\./);
    await check(official, 'official: empty agenda');
  });

  step('the official adds three agenda items with the keyboard and publishes the meeting', async () => {
    for (const [i, item] of agenda.entries()) {
      const main = official.getByRole('main');
      await main.getByLabel('Punkt programu', { exact: true }).fill(item.title);
      await typeAndEnter(official, main.getByLabel(/^Czas w minutach/), item.duration);
      assert.equal(pathOf(official), `${base()}/program`);
      assert.match(await bannerText(official), /Punkt programu dodany\./);
      const rows = official.locator('main table tbody tr');
      assert.equal(await rows.count(), i + 1, `the agenda does not have ${i + 1} item(s)`);
      assert.match(await rows.nth(i).innerText(), new RegExp(`${i + 1}\\.\\s+${item.title}`));
    }
    await check(official, 'official: agenda with three items');

    await submit(official, official.getByRole('main').getByRole('link', { name: 'Wróć do strony spotkania' }));
    assert.equal(pathOf(official), base());
    await check(official, 'official: draft meeting');
    await submit(official, official.getByRole('main').getByRole('button', { name: 'Opublikuj spotkanie' }));
    assert.equal(pathOf(official), base());
    assert.match(await bannerText(official), /Spotkanie opublikowane\./);
    assert.equal(await official.getByRole('button', { name: 'Opublikuj spotkanie' }).count(), 0);
    const page = await official.getByRole('main').innerText();
    for (const item of agenda) assert.ok(page.includes(item.title), `the meeting page lacks "${item.title}"`);
    assert.ok(page.includes(meeting.place), 'the meeting page lacks the place');
    await check(official, 'official: published meeting');
  });

  step('Krokus registers on behalf of Krokus and takes the only place', async () => {
    await signInAs(krokus, server.baseUrl, demo.ngoMember);
    assert.equal(await visit(krokus, url(base())), 200);
    assert.equal((await krokus.locator('h1').innerText()).trim(), meeting.topic);
    await check(krokus, 'Krokus: meeting page');
    await submit(krokus, krokus.getByRole('main').getByRole('link', { name: 'Zapisz się' }));
    assert.equal(pathOf(krokus), `${base()}/zapisy`);
    assert.match(await krokus.getByRole('main').innerText(), /Zajęte miejsca: 0 z 1;/);
    await check(krokus, 'Krokus: registration form');
    const main = krokus.getByRole('main');
    await main.getByRole('radio', { name: people.krokus.organisation }).check();
    await submit(krokus, main.getByRole('button', { name: 'Zapisz się' }));
    assert.equal(pathOf(krokus), `${base()}/zapisy`);
    const banners = await bannerText(krokus);
    assert.match(banners, /Zapisaliśmy Cię na spotkanie\./);
    assert.match(banners, /Jesteś zapisana\/zapisany na to spotkanie\./);
    assert.ok(banners.includes(`Reprezentujesz: ${people.krokus.organisation}.`), 'the registration does not name Krokus');
    await check(krokus, 'Krokus: registered');
  });

  step('Alternatywa registers and is put on the waitlist', async () => {
    await signInAs(alternatywa, server.baseUrl, demo.otherNgoMember);
    assert.equal(await visit(alternatywa, url(`${base()}/zapisy`)), 200);
    assert.match(await alternatywa.getByRole('main').innerText(), /Zajęte miejsca: 1 z 1;/);
    const main = alternatywa.getByRole('main');
    await main.getByRole('radio', { name: people.alternatywa.organisation }).check();
    await submit(alternatywa, main.getByRole('button', { name: 'Zapisz się' }));
    assert.equal(pathOf(alternatywa), `${base()}/zapisy`);
    const banners = await bannerText(alternatywa);
    assert.match(banners, /Nie ma już wolnych miejsc: jesteś na liście rezerwowej, na miejscu 1\./);
    assert.match(banners, /Jesteś na liście rezerwowej, na miejscu 1\./);
    await check(alternatywa, 'Alternatywa: waitlisted');

    assert.equal(await visit(official, url(`${base()}/zgloszenia`)), 200);
    assert.equal(await summaryValue(official, 'Zapisani'), '1 z 1 miejsc');
    assert.equal(await summaryValue(official, 'Na liście rezerwowej'), '1');
    const row = official.locator('main table tbody tr', { hasText: people.alternatywa.name });
    assert.match(await row.innerText(), /lista rezerwowa, miejsce 1/);
    await check(official, 'official: registrations with a waitlist');
  });

  step('Krokus cancels and Alternatywa moves up from the waitlist', async () => {
    assert.equal(await visit(krokus, url(`${base()}/zapisy`)), 200);
    await submit(krokus, krokus.getByRole('main').getByRole('button', { name: 'Rezygnuję ze spotkania' }));
    assert.equal(pathOf(krokus), `${base()}/zapisy`);
    assert.match(await bannerText(krokus), /Zrezygnowałaś\/zrezygnowałeś ze spotkania\./);
    assert.match(await krokus.getByRole('main').innerText(), /Zajęte miejsca: 1 z 1;/);
    await check(krokus, 'Krokus: cancelled');

    assert.equal(await visit(alternatywa, url(`${base()}/zapisy`)), 200);
    const banners = await bannerText(alternatywa);
    assert.match(banners, /Jesteś zapisana\/zapisany na to spotkanie\./, 'Alternatywa was not promoted');
    assert.ok(banners.includes(`Reprezentujesz: ${people.alternatywa.organisation}.`));
    await check(alternatywa, 'Alternatywa: promoted');

    assert.equal(await visit(official, url(`${base()}/zgloszenia`)), 200);
    assert.equal(await summaryValue(official, 'Zapisani'), '1 z 1 miejsc');
    assert.equal(await summaryValue(official, 'Na liście rezerwowej'), '0');
    const rows = official.locator('main table tbody tr');
    assert.equal(await rows.count(), 1, 'the registrations list does not hold exactly one person');
    const row = await rows.first().innerText();
    assert.ok(row.includes(people.alternatywa.name) && row.includes(people.alternatywa.organisation), row);
    assert.match(row, /zapisana\/zapisany/);
    await check(official, 'official: registrations after the promotion');
  });

  step('the promotion mail to Alternatywa is in the outbox', async () => {
    const adminContext = await newContext(browser);
    try {
      const admin = await adminContext.newPage();
      await signInAs(admin, server.baseUrl, demo.administrator);
      assert.equal(await visit(admin, url('/admin/poczta')), 200);
      const row = admin.locator('main table tbody tr', { hasText: `Zwolniło się miejsce: ${meeting.topic}` });
      assert.equal(await row.count(), 1, 'no promotion mail in the outbox');
      assert.ok((await row.innerText()).includes(demo.otherNgoMember), 'the promotion mail is not addressed to Alternatywa');
      await check(admin, 'administrator: outbox with the promotion mail');
      await submit(admin, row.locator('a'));
      assert.equal((await admin.locator('h1').innerText()).trim(), `Zwolniło się miejsce: ${meeting.topic}`);
      assert.match(await admin.locator('.mail-body').innerText(), /Jesteś teraz na liście uczestników\./);
      await check(admin, 'administrator: the promotion mail');
    } finally {
      await adminContext.close();
    }
  });

  step('the official checks Alternatywa in, adds a walk-in, and the counts are computed', async () => {
    await submit(official, official.getByRole('main').getByRole('link', { name: 'Lista obecności' }));
    assert.equal(pathOf(official), `${base()}/obecnosc`);
    assert.equal(await official.locator('[data-count="persons"]').innerText(), '0');
    await check(official, 'official: empty attendance list');

    const checkIn = official.getByRole('button', { name: new RegExp(`^Potwierdź obecność\\s*:\\s*${people.alternatywa.name}$`) });
    assert.equal(await checkIn.count(), 1, 'no check-in button naming Alternatywa');
    await checkIn.focus();
    await navigation(official, () => official.keyboard.press('Enter'));
    assert.equal(pathOf(official), `${base()}/obecnosc`);
    assert.match(await bannerText(official), /Potwierdzono obecność\./);

    const main = official.getByRole('main');
    await main.getByLabel('Imię i nazwisko').fill(people.walkIn.name);
    assert.ok(
      await main.getByRole('radio', { name: 'przedstawiciel organizacji' }).isChecked(),
      'the NGO role is not the default',
    );
    await main.getByRole('radio', { name: 'przedstawiciel organizacji' }).check();
    await typeAndEnter(official, main.getByLabel(/^Organizacja/), people.walkIn.organisation);
    assert.equal(pathOf(official), `${base()}/obecnosc`);
    assert.ok((await bannerText(official)).includes(`Dopisano do listy: ${people.walkIn.name}.`));

    const counts = Object.fromEntries(
      await official
        .locator('#liczby dd')
        .evaluateAll((dds) => dds.map((dd) => [dd.getAttribute('data-count'), (dd.textContent ?? '').trim()])),
    );
    assert.deepEqual(counts, { persons: '2', ngo: '2', organizations: '2', officials: '0', guests: '0' });
    const list = official.locator('main table').last();
    assert.match(await list.locator('caption').innerText(), /Lista obecności: 2 osoby/);
    const listed = await list.locator('tbody').innerText();
    for (const text of [
      people.alternatywa.name,
      people.alternatywa.organisation,
      people.walkIn.name,
      people.walkIn.organisation,
    ]) {
      assert.ok(listed.includes(text), `the attendance list lacks "${text}"`);
    }
    await check(official, 'official: attendance with two people');
  });

  step('the official records a group with its host and topic', async () => {
    assert.equal(await visit(official, url(`${base()}/grupy`)), 200);
    await check(official, 'official: no groups yet');
    const main = official.getByRole('main');
    await main.getByLabel('Nazwa stolika').fill(group.name);
    await main.getByLabel(/^Gospodarz stolika – imię i nazwisko/).fill(group.host);
    await main.getByLabel(/^Organizacja lub komórka gospodarza/).fill(group.affiliation);
    await typeAndEnter(official, main.getByLabel(/^Temat w rundzie 1/), group.topic);
    assert.equal(pathOf(official), `${base()}/grupy`);
    assert.ok((await bannerText(official)).includes(`Dodano stolik „${group.name}”.`));
    const row = await official.locator('main table tbody tr').first().innerText();
    assert.ok(row.includes(group.name) && row.includes(`${group.host} (${group.affiliation})`) && row.includes(group.topic), row);
    await check(official, 'official: one group');
  });

  step('the official captures an idea as text and promotes it to an outcome', async () => {
    await submit(
      official,
      official.getByRole('navigation', { name: 'Praca nad spotkaniem' }).getByRole('link', { name: 'Pomysły' }),
    );
    assert.equal(pathOf(official), `${base()}/pomysly`);
    await check(official, 'official: no ideas yet');
    const form = official.locator('main form', { has: official.getByRole('button', { name: 'Dodaj pomysł' }) });
    await form.getByLabel('Stolik').selectOption({ label: group.name });
    await form.getByLabel('Runda').selectOption({ label: 'runda 1' });
    await form.getByLabel(/^Treść pomysłu lub podpis zdjęcia/).fill(idea);
    await submit(official, form.getByRole('button', { name: 'Dodaj pomysł' }));
    assert.equal(pathOf(official), `${base()}/pomysly`);
    assert.match(await bannerText(official), /Dodano pomysł\./);
    assert.equal((await official.locator('#lista').innerText()).trim(), '1 pomysł');
    const card = official.locator('main article.card');
    assert.equal(await card.count(), 1);
    const cardText = await card.innerText();
    assert.ok(cardText.includes(idea) && cardText.includes(`${group.name}, runda 1`), cardText);
    await check(official, 'official: one idea');

    await submit(official, card.getByRole('link', { name: /^Kategoria, scalanie, ustalenie/ }));
    assert.match(pathOf(official), new RegExp(`^${base()}/pomysly/\\d+$`));
    await check(official, 'official: the idea');
    const main = official.getByRole('main');
    await main.getByLabel('Rodzaj ustalenia').selectOption({ label: 'Cele szczegółowe' });
    assert.equal(await main.getByLabel(/^Treść ustalenia/).inputValue(), idea, 'the outcome text is not prefilled');
    await submit(official, main.getByRole('button', { name: 'Przenieś do ustaleń' }));
    assert.equal(pathOf(official), `${base()}/ustalenia`);
    assert.match(await bannerText(official), /Pomysł nr \d+ przeniesiono do ustaleń\./);
    assert.ok((await official.getByRole('main').innerText()).includes(idea), 'the outcome is not listed');
    await check(official, 'official: outcomes with the promoted idea');
  });

  step('the official writes the minutes for each agenda item with the author and saves them', async () => {
    await submit(
      official,
      official.getByRole('navigation', { name: 'Praca nad spotkaniem' }).getByRole('link', { name: 'Protokół' }),
    );
    assert.equal(pathOf(official), `${base()}/protokol/edycja`);
    assert.equal(await summaryValue(official, 'Stan'), 'Protokół nie ma jeszcze żadnej wersji.');
    await check(official, 'official: empty minutes');
    const main = official.getByRole('main');
    for (const [i, item] of agenda.entries()) {
      await main.getByLabel(new RegExp(`^Ad\\. ${i + 1}\\. ${item.title}`)).fill(minutes.items[i]!);
    }
    await main.getByLabel(/^Zakończenie/).fill(minutes.closing);
    await main.getByLabel(/^Oprac\. – imię i nazwisko/).fill(minutes.author);
    await typeAndEnter(official, main.getByLabel(/^Oprac\. – stanowisko/), minutes.position);
    assert.equal(pathOf(official), `${base()}/protokol/edycja`);
    assert.match(await bannerText(official), /Zapisano wersję 1 protokołu\./);
    assert.equal(await summaryValue(official, 'Stan'), 'projekt wersja 1');
    for (const [i, item] of agenda.entries()) {
      assert.equal(await main.getByLabel(new RegExp(`^Ad\\. ${i + 1}\\. ${item.title}`)).inputValue(), minutes.items[i]);
    }
    await check(official, 'official: minutes version 1');
  });

  step('the official circulates the minutes for remarks until a day ahead', async () => {
    const main = official.getByRole('main');
    assert.match(await main.innerText(), /Wiadomość dostanie 1 osoba zapisana na spotkanie lub obecna na nim\./);
    await typeAndEnter(official, main.getByLabel(/^Uwagi do dnia/), minutes.remarksUntil);
    assert.equal(pathOf(official), `${base()}/protokol/edycja`);
    assert.match(await bannerText(official), /Protokół przekazano do uwag do .+; liczba powiadomionych osób: 1\./);
    assert.equal(await summaryValue(official, 'Stan'), 'przekazany do uwag wersja 1');
    await check(official, 'official: minutes circulated');
  });

  step('Alternatywa reads the circulated minutes, leaves a remark and sees it listed', async () => {
    assert.equal(await visit(alternatywa, url(`${base()}/protokol/uwagi`)), 200);
    const main = alternatywa.getByRole('main');
    assert.match(await main.innerText(), /Uwagi można zgłaszać do .+ włącznie\./);
    const text = await alternatywa.locator('section[aria-labelledby="tekst"]').innerText();
    circulatedText = text;
    for (const [i, item] of agenda.entries()) assert.ok(text.includes(`Ad. ${i + 1}. ${item.title}`), `no "Ad. ${i + 1}"`);
    assert.ok(text.includes(minutes.items[0]!), 'the circulated text is not shown');
    await check(alternatywa, 'Alternatywa: minutes for remarks');

    await main.getByLabel(/^Punkt protokołu/).selectOption({ label: `Ad. 2. ${agenda[1]!.title}` });
    await main.getByLabel(/^Treść uwagi/).fill(remark);
    await submit(alternatywa, main.getByRole('button', { name: 'Wyślij uwagę' }));
    assert.equal(pathOf(alternatywa), `${base()}/protokol/uwagi`);
    assert.match(await bannerText(alternatywa), /Dziękujemy, uwaga została zapisana\./);
    const own = alternatywa.locator('section[aria-labelledby="moje-uwagi"]');
    assert.equal(await own.locator('article').count(), 1, 'the remark is not listed');
    const listed = await own.innerText();
    assert.ok(listed.includes(remark) && listed.includes(`Ad. 2. ${agenda[1]!.title}`), listed);
    assert.match(listed, /Odpowiedź: jeszcze bez odpowiedzi\./);
    await check(alternatywa, 'Alternatywa: remark listed');
  });

  it('the remarks page shows the outcomes where the minutes place them, not the [[cele]] marker', () => {
    assert.ok(circulatedText, 'the circulated minutes were not read');
    assert.ok(!circulatedText.includes('[[cele]]'), 'participants see the outcome marker "[[cele]]" as text');
    assert.ok(circulatedText.includes(idea), 'participants do not see the outcome the marker stands for');
  });

  step('the official answers the remark, approves the minutes early with the confirmation, and publishes them', async () => {
    assert.equal(await visit(official, url(`${base()}/protokol/edycja`)), 200);
    const card = official.locator('section[aria-labelledby="uwagi"] article');
    assert.equal(await card.count(), 1, 'the remark is not on the official page');
    assert.ok((await card.innerText()).includes(remark));
    assert.match(await card.locator('h3').innerText(), new RegExp(`^Uwaga: ${people.alternatywa.name}, `));
    await card.getByLabel('Odpowiedź urzędu').fill(answer);
    await submit(official, card.getByRole('button', { name: /^Zapisz odpowiedź/ }));
    assert.equal(pathOf(official), `${base()}/protokol/edycja`);
    assert.match(await bannerText(official), /Zapisano odpowiedź na uwagę\./);
    assert.equal(
      await official.locator('section[aria-labelledby="uwagi"] article').getByLabel('Odpowiedź urzędu').inputValue(),
      answer,
    );
    await check(official, 'official: remark answered');

    // The remarks period is still open: approving without the confirmation is refused.
    const approve = official.getByRole('main').getByRole('button', { name: 'Zatwierdź protokół' });
    await submit(official, approve);
    assert.equal(lastDocumentResponse(official)?.status(), 400, 'approving early without the confirmation was accepted');
    assert.ok((await official.locator('.error-summary').innerText()).includes('Termin uwag jeszcze trwa.'));
    await check(official, 'official: early approval refused');
    const confirm = official.getByRole('checkbox', { name: /jeszcze trwa – zatwierdzam protokół przed jego upływem$/ });
    await confirm.check();
    await submit(official, approve);
    assert.equal(pathOf(official), `${base()}/protokol/edycja`);
    assert.match(await bannerText(official), /Protokół został zatwierdzony\./);
    assert.equal(await summaryValue(official, 'Stan'), 'zatwierdzony wersja 1');
    assert.match(await summaryValue(official, 'Zatwierdzono'), new RegExp(`, ${people.official}$`));
    await check(official, 'official: minutes approved');

    await submit(official, official.getByRole('main').getByRole('button', { name: 'Opublikuj protokół' }));
    assert.match(await bannerText(official), /Protokół został opublikowany\./);
    assert.equal(await summaryValue(official, 'Stan'), 'opublikowany wersja 1');
    await check(official, 'official: minutes published');

    assert.equal(await visit(alternatywa, url(`${base()}/protokol/uwagi`)), 200);
    assert.ok(
      (await alternatywa.locator('section[aria-labelledby="moje-uwagi"]').innerText()).includes(answer),
      'no answer shown',
    );
    await check(alternatywa, 'Alternatywa: remark answered, protocol published');
  });

  step('a visitor reads the public protocol and downloads a complete, legible PDF', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      assert.equal(await visit(page, url(`${base()}/protokol`)), 200);
      const article = await page.locator('article.protocol').innerText();
      assert.ok(article.includes(meeting.topic), 'the public protocol lacks the topic');
      assert.ok(article.includes(`Liczba uczestników: ${participantsSentence}`), 'the public protocol lacks the participants');
      assert.equal(await page.getByText('Projekt protokołu').count(), 0, 'the public protocol is marked as a draft');
      await check(page, 'visitor: public protocol');

      const href = await page.getByRole('link', { name: 'Pobierz PDF' }).getAttribute('href');
      assert.equal(href, `${base()}/protokol.pdf`);
      const response = await context.request.get(url(href));
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-type'], 'application/pdf');
      assert.doesNotMatch(response.headers()['content-disposition'] ?? '', /projekt-/, 'the PDF is named as a draft');
      const pdf = await response.body();
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const pdfFile = join(pdfFolder, 'protokol.pdf');
      writeFileSync(pdfFile, pdf);

      await run('pdftoppm', ['-r', '60', '-png', pdfFile, join(pdfFolder, 'strona')]);
      const images = readdirSync(pdfFolder).filter((f) => /^strona-\d+\.png$/.test(f));
      assert.ok(images.length >= 1, 'pdftoppm rendered no page');
      console.log(`the protocol PDF: ${pdf.length} bytes, ${images.length} page(s) rendered to ${pdfFolder}`);

      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdfFile, '-']);
      const text = stdout.replace(/\s+/g, ' ');
      assert.doesNotMatch(text, /PROJEKT/, 'the published PDF says it is a draft');
      const expected = [
        'Protokół ze spotkania roboczego z przedstawicielami organizacji pozarządowych',
        `Temat: ${meeting.topic}`,
        `Miejsce: ${meeting.place}`,
        `Prowadzący: ${meeting.host}`,
        meeting.goal,
        `Liczba uczestników: ${participantsSentence}`,
        `Ad. 1. ${agenda[0]!.title}`,
        minutes.items[0]!,
        `Ad. 2. ${agenda[1]!.title}`,
        'Uczestnicy pracowali przy stolikach nad celami programu.',
        'Cele szczegółowe',
        idea,
        `Ad. 3. ${agenda[2]!.title}`,
        minutes.items[2]!,
        minutes.closing,
        `Oprac.: ${minutes.author} (${minutes.position})`,
      ];
      let from = 0;
      for (const part of expected) {
        const at = text.indexOf(part, from);
        assert.ok(at >= 0, `the PDF text lacks "${part}" after position ${from}:\n${text}`);
        from = at + part.length;
      }
      assert.ok(!text.includes('[[cele]]'), 'the outcome marker was printed literally');
    } finally {
      await context.close();
    }
  });

  it('every page visited is valid HTML for the Nu checker', async () => {
    await checks.validateHtml();
    assert.equal(checks.collected.size, checkedDocuments, 'not every page of the journey was collected');
  });

  it('the server logged no errors meanwhile', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
