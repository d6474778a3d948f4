/**
 * Protocol documents benchmark (`npm run bench:protocol`): how long the PDF and the DOCX of a large
 * meeting's protocol take — 200 people on the attendance list (180 representatives of 120
 * organisations, 15 officials, 5 guests), 20 agenda items with realistic minutes (three to five
 * paragraphs each, a list in every other item) and 60 outcomes placed in them.
 *
 * Each run goes the whole way a request does after routing: read the record from the database
 * (SQLite in memory, migrated), build the view model, render the document. Runs alternate PDF and
 * DOCX after a warm-up; the figures are the median (and min/max) of BENCH_RUNS runs each, bounded
 * by BENCH_BUDGET_S seconds in all. Prints a table and rewrites the part of `docs/performance.md`
 * between the `bench:protocol` markers.
 */

import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { DB, OutcomeKind } from '../src/platform/db/schema.js';
import { createTestDatabase } from '../src/test-support/databases.js';
import { renderDocx } from '../src/platform/documents/docx.js';
import { pdfInfo } from '../src/platform/documents/inspect.js';
import { renderPdf } from '../src/platform/documents/pdf.js';
import { buildProtocolModel, findProtocolRecord, protocolDocument } from '../src/features/meeting-protocol/index.js';
import { codeVersion, docPath, writeDocSection } from './support.js';

const runs = Number(process.env.BENCH_RUNS ?? 31);
const budgetSeconds = Number(process.env.BENCH_BUDGET_S ?? 50);
const attendees = 200;
const agendaItems = 20;

const sentences = [
  'Uczestnicy omówili dotychczasowe doświadczenia ze współpracy z Miastem Leszno, zwracając uwagę na potrzebę wcześniejszego ogłaszania otwartych konkursów ofert.',
  'Przedstawiciele organizacji pozarządowych zaproponowali, aby w programie współpracy na kolejny rok znalazło się więcej zadań realizowanych w trybie małych grantów.',
  'Pełnomocnik Prezydenta ds. Współpracy z Organizacjami Pozarządowymi przedstawiła harmonogram prac nad projektem programu oraz zasady zgłaszania uwag.',
  'W dyskusji podkreślono znaczenie wolontariatu, integracji wewnątrzsektorowej i wymiany informacji między organizacjami działającymi w podobnych obszarach.',
  'Zgłoszono potrzebę szkoleń z rozliczania dotacji, ochrony danych osobowych oraz pozyskiwania środków z funduszy zewnętrznych, także europejskich.',
  'Ustalono, że propozycje zadań priorytetowych organizacje mogą składać na formularzu dostępnym na stronie internetowej urzędu oraz w Biurze Pełnomocnika.',
  'Uczestnicy zwrócili uwagę na trudności lokalowe mniejszych stowarzyszeń i zaproponowali udostępnianie sal w budynkach miejskich na preferencyjnych warunkach.',
  'Omówiono możliwości wspólnej promocji działań organizacji podczas imprez miejskich, w mediach lokalnych i w serwisach społecznościowych.',
];

function minutesText(item: number): string {
  const paragraphs = 3 + (item % 3);
  const blocks: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    blocks.push(
      Array.from({ length: 3 + ((item + p) % 3) }, (_, s) => sentences[(item * 3 + p * 2 + s) % sentences.length]).join(' '),
    );
  }
  if (item % 2 === 0)
    blocks.splice(
      1,
      0,
      'Zgłoszone propozycje:\n' +
        Array.from(
          { length: 5 },
          (_, i) => `- propozycja ${i + 1} do punktu ${item + 1}: ${sentences[(item + i) % sentences.length]!.slice(0, 70)}`,
        ).join('\n'),
    );
  if (item === 1) blocks.push('[[cele]]');
  if (item === 2) blocks.push('Współpraca powinna być realizowana z zachowaniem zasad: {zasady}.');
  return blocks.join('\n\n');
}

async function seedMeeting(db: Kysely<DB>): Promise<number> {
  const now = new Date().toISOString();
  const meeting = await db
    .insertInto('meetings')
    .values({
      status: 'published',
      title: 'Spotkanie robocze w sprawie programu współpracy na 2027 rok (duże forum)',
      topic: 'Forum organizacji pozarządowych 2027',
      goal_md: sentences.slice(0, 3).join(' '),
      audience_md: sentences.slice(3, 5).join(' '),
      starts_at: '2026-10-05T08:00:00.000Z',
      ends_at: '2026-10-05T15:00:00.000Z',
      place: 'Hala sportowa, ul. Przykładowa 1, Leszno',
      host_name: 'Anna Prowadząca',
      organiser: 'Biuro Pełnomocnika do spraw Współpracy z Organizacjami Pozarządowymi',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (let i = 0; i < agendaItems; i++) {
    const row = await db
      .insertInto('meeting_agenda_items')
      .values({
        meeting_id: meeting.id,
        position: i + 1,
        title: `Punkt ${i + 1}: ${sentences[i % sentences.length]!.split(',')[0]}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  const roles = (i: number) => (i < 180 ? 'ngo' : i < 195 ? 'official' : 'guest') as 'ngo' | 'official' | 'guest';
  await db
    .insertInto('meeting_attendees')
    .values(
      Array.from({ length: attendees }, (_, i) => ({
        meeting_id: meeting.id,
        full_name: `Uczestnik ${i + 1}`,
        role: roles(i),
        organization_name: roles(i) === 'ngo' ? `Stowarzyszenie nr ${(i % 120) + 1}` : null,
        checked_in_at: now,
      })),
    )
    .execute();
  const outcomes: { kind: OutcomeKind; item: number }[] = [
    { kind: 'main-goal', item: 1 },
    ...Array.from({ length: 8 }, () => ({ kind: 'specific-goal' as const, item: 1 })),
    ...Array.from({ length: 9 }, () => ({ kind: 'principle' as const, item: 2 })),
    ...Array.from({ length: 42 }, (_, i) => ({
      kind: (i % 2 ? 'decision' : 'promotion-form') as OutcomeKind,
      item: 3 + (i % 17),
    })),
  ];
  await db
    .insertInto('meeting_outcomes')
    .values(
      outcomes.map((o, i) => ({
        meeting_id: meeting.id,
        kind: o.kind,
        position: i + 1,
        text:
          o.kind === 'principle'
            ? ['pomocniczości', 'partnerstwa', 'jawności'][i % 3]!
            : sentences[i % sentences.length]!.slice(0, 90),
        agenda_item_id: ids[o.item]!,
        created_at: now,
      })),
    )
    .execute();
  await db
    .insertInto('meeting_minutes')
    .values({
      meeting_id: meeting.id,
      version: 1,
      status: 'published',
      items_json: JSON.stringify(ids.map((agendaItemId, i) => ({ agendaItemId, text: minutesText(i) }))),
      closing_md: 'Na tym spotkanie zakończono.',
      author_name: 'Aleksandra Protokolantka',
      author_position: 'Inspektor',
      created_at: now,
    })
    .execute();
  return meeting.id;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  const database = await createTestDatabase('sqlite');
  try {
    const db = database.database.db;
    const meetingId = await seedMeeting(db);
    const once = async (kind: 'pdf' | 'docx') => {
      const t0 = performance.now();
      const record = await findProtocolRecord(db, meetingId, { drafts: false });
      const spec = protocolDocument(buildProtocolModel(record!));
      const bytes = kind === 'pdf' ? await renderPdf(spec) : await renderDocx(spec);
      return { ms: performance.now() - t0, bytes };
    };
    // Warm-up: module loading, font parsing, JIT.
    const warmPdf = await once('pdf');
    const warmDocx = await once('docx');
    const pages = Number((await pdfInfo(warmPdf.bytes)).Pages);
    const times = { pdf: [] as number[], docx: [] as number[] };
    for (let i = 0; i < runs; i++) {
      if ((performance.now() - started) / 1000 > budgetSeconds) break;
      times.pdf.push((await once('pdf')).ms);
      times.docx.push((await once('docx')).ms);
    }
    const elapsed = (performance.now() - started) / 1000;
    const row = (label: string, values: number[], size: number, extra: string) =>
      `| ${label} | ${values.length} | ${ms(median(values))} | ${ms(Math.min(...values))} | ${ms(Math.max(...values))} | ${Math.round(size / 1024)} KiB${extra} |`;
    const table = [
      '| document | runs | median | min | max | size |',
      '|---|---:|---:|---:|---:|---:|',
      row('PDF (tagged, DejaVu Sans embedded)', times.pdf, warmPdf.bytes.length, `, ${pages} pages`),
      row('DOCX', times.docx, warmDocx.bytes.length, ''),
    ].join('\n');
    const cpu = cpus();
    const content = `## Protocol documents: PDF and DOCX of a large meeting

What is measured: the time to produce the protocol of a meeting with ${attendees} people on the
attendance list (180 representatives of 120 organisations, 15 officials, 5 guests) and
${agendaItems} agenda items with realistic minutes (3–5 paragraphs each, a list in every other
item, 60 outcomes placed in them) — reading the record from the database (SQLite in memory),
building the view model and rendering the tagged PDF or the DOCX, as \`GET
/spotkania/:id/protokol.pdf\` and \`.docx\` do after routing. Runs alternate PDF and DOCX after one
warm-up of each; the figures are the median, minimum and maximum of the runs.

Command:

\`\`\`sh
npm run bench:protocol
# settings: BENCH_RUNS=${runs} BENCH_BUDGET_S=${budgetSeconds} npm run bench:protocol
\`\`\`

Machine: Node ${process.version}, ${platform()} ${release()}, ${cpu.length} CPUs — ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${codeVersion(['src/features/meeting-protocol', 'src/platform/documents', 'bench/protocol.ts'])}. Whole run: ${elapsed.toFixed(1)} s. Load average (1 / 5 / 15 min) before: ${loadBefore}, after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} — a load above the number of CPUs means other work shared the machine.

${table}

The PDF's time is mostly text layout and font subsetting in pdfkit (one process-wide font cache
avoids re-reading the TTF files); both documents are rendered on the request's thread, so a
burst of downloads of large protocols queues behind each other — a cache keyed by the minutes
version is the next step if that ever matters.`;
    console.log(table);
    writeDocSection('protocol', 'npm run bench:protocol', content);
    console.log(`\nwritten to ${docPath}`);
  } finally {
    await database.drop();
  }
}

await main();
