/**
 * Deadline rush benchmark (`npm run bench:deadline`): the last minute of a consultation, when
 * organisations send their comments at once. The real server (`src/main.ts`) runs as a child process
 * on loopback with its clock started at 23:59:00 Europe/Warsaw on the end day (`FAKE_NOW`), so every
 * submission of the burst arrives within the final minute.
 *
 * Two runs per engine (SQLite file, PostgreSQL):
 * - **rush**: BENCH_SUBMISSIONS comments ("Wyślij") from BENCH_CLIENTS concurrent signed-in members,
 *   each of a different verified organisation. A submission is *acknowledged* when the server
 *   answered 303 to the receipt page and that page showed the receipt number. Afterwards the
 *   database must hold every acknowledged submission exactly once, as sent, with the receipt number
 *   the member saw; receipt numbers unique; sequences 1…n without gaps; the counter equal to n;
 *   nothing lost. The POST latency percentiles are recorded.
 * - **kill**: the same burst on a second consultation; once half are acknowledged the server gets
 *   SIGKILL, then it is started again on the same database. Every receipt acknowledged before the
 *   kill must be present afterwards, as sent, with the same number; none may appear twice.
 *
 * Bounded by BENCH_BUDGET_S per run. Exits non-zero when an invariant fails. Prints a table and
 * rewrites the part of `docs/performance.md` between the `bench:deadline-rush` markers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/platform/db/database.js';
import { createDatabase } from '../src/platform/db/database.js';
import { createServices } from '../src/services.js';
import { createTestDatabase } from '../src/test-support/databases.js';
import { HttpClient, startServer, type ServerProcess } from '../src/test-support/processes.js';
import { createUser, testConfig, testPassword } from '../src/test-support/test-app.js';
import { createTestConsultation, createTestOrganization } from '../src/features/consultation/test-fixtures.js';
import { codeVersion, intFromEnv, median, table, writeDocSection } from './support.js';

const submissions = intFromEnv('BENCH_SUBMISSIONS', 500, 10, 5000);
const clients = intFromEnv('BENCH_CLIENTS', 50, 1, 500);
const budgetSeconds = intFromEnv('BENCH_BUDGET_S', 50, 5, 600);
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').filter(Boolean) as Engine[];

/** 23:59:00 on Sunday 25 October 2026 in Warsaw (CET after the clocks went back that night). */
const fakeNow = '2026-10-25T22:59:00Z';
const closesAt = Date.parse('2026-10-25T23:00:00Z');
const sessionSecret = 'deadline-rush-benchmark-secret-0123456789abcdef';

interface Prepared {
  databaseUrl: string;
  open(): ReturnType<typeof createDatabase>;
  consultations: { rush: number; kill: number };
  members: Array<{ email: string; organizationId: number }>;
  drop(): Promise<void>;
}

async function prepare(engine: Engine): Promise<Prepared> {
  const dir = engine === 'sqlite' ? mkdtempSync(join(tmpdir(), 'wspolnie-rush-')) : '';
  const file = join(dir, 'rush.sqlite');
  const test = await createTestDatabase(engine, engine === 'sqlite' ? { file } : {});
  const services = createServices(test.database, testConfig());
  const members: Prepared['members'] = [];
  for (let i = 0; i < clients; i++) {
    const email = `czlonek${i}@rush.example`;
    const userId = await createUser(services, email);
    members.push({
      email,
      organizationId: await createTestOrganization(services, `Stowarzyszenie Ostatniej Minuty ${i + 1}`, [userId]),
    });
  }
  const period = { startsOn: '2026-10-12', endsOn: '2026-10-25' };
  const rush = (await createTestConsultation(services, period)).consultationId;
  const kill = (await createTestConsultation(services, period)).consultationId;
  const databaseUrl = engine === 'sqlite' ? `sqlite:${file}` : test.url!;
  if (engine === 'sqlite') await test.database.close();
  return {
    databaseUrl,
    open: () => createDatabase(engine === 'sqlite' ? { engine, file } : { engine, url: test.url! }),
    consultations: { rush, kill },
    members,
    drop: async () => {
      if (engine === 'sqlite') rmSync(dir, { recursive: true, force: true });
      else await test.drop();
    },
  };
}

function serverFor(prepared: Prepared): Promise<ServerProcess> {
  return startServer({
    DATABASE_URL: prepared.databaseUrl,
    FAKE_NOW: fakeNow,
    SEED_DEMO: 'never',
    SESSION_SECRET: sessionSecret,
    LOG_LEVEL: 'error',
  });
}

interface Acknowledged {
  submissionId: number;
  receipt: string;
}

interface Burst {
  acknowledged: Acknowledged[];
  latencies: number[];
  refused: number;
  failed: number;
  elapsedMs: number;
}

const provisions = ['goals.specific.0', 'goals.specific.1', 'goals.specific.2', 'scope', 'tasks.0', 'period'];

/**
 * Signs every member in, opens the form once (its CSRF token), then sends `submissions` comments over
 * `clients` connections; `onAck` may stop the server part-way (the kill run).
 */
async function burst(
  server: ServerProcess,
  prepared: Prepared,
  consultationId: number,
  onAck: (count: number) => 'go on' | 'stop' = () => 'go on',
): Promise<Burst> {
  const signedIn = await Promise.all(
    prepared.members.map(async (member) => {
      const client = new HttpClient();
      await client.get(`${server.url}/logowanie`);
      const answer = await client.post(`${server.url}/logowanie`, { email: member.email, password: testPassword });
      if (answer.status !== 303) throw new Error(`sign-in of ${member.email} failed: ${answer.status}`);
      const form = await client.get(`${server.url}/konsultacje/${consultationId}/uwagi/nowa`);
      if (form.status !== 200) throw new Error(`the comment form answered ${form.status}`);
      return { client, member };
    }),
  );
  const result: Burst = { acknowledged: [], latencies: [], refused: 0, failed: 0, elapsedMs: 0 };
  let next = 0;
  let stopped = false;
  const deadline = performance.now() + budgetSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    signedIn.map(async ({ client, member }) => {
      for (;;) {
        const n = next++;
        if (stopped || n >= submissions || performance.now() > deadline) return;
        const t0 = performance.now();
        try {
          const answer = await client.post(`${server.url}/konsultacje/${consultationId}/uwagi/nowa`, {
            onBehalf: `org:${member.organizationId}`,
            provision: provisions[n % provisions.length]!,
            proposedWording: `Uwaga nr ${n + 1} złożona w ostatniej minucie: proponujemy doprecyzować ten zapis.`,
            justification: 'Zapis powinien jasno wskazywać, kto odpowiada za jego realizację.',
            action: 'send',
          });
          result.latencies.push(performance.now() - t0);
          const id = /\/zgloszenia\/(\d+)$/.exec(answer.location ?? '')?.[1];
          if (answer.status !== 303 || !id) {
            result.refused += 1;
            continue;
          }
          const page = await client.get(`${server.url}${answer.location}`);
          const receipt = /KP\/\d{4}\/\d+\/\d{4,}/.exec(page.body)?.[0];
          if (page.status !== 200 || !receipt) {
            result.failed += 1;
            continue;
          }
          result.acknowledged.push({ submissionId: Number(id), receipt });
          if (onAck(result.acknowledged.length) === 'stop') stopped = true;
        } catch {
          result.failed += 1; // the connection broke: in flight when the server was killed
        }
      }
    }),
  );
  result.elapsedMs = performance.now() - started;
  return result;
}

interface Stored {
  rows: Array<{ id: number; receipt_number: string | null; sequence: number | null; status: string; sent_at: string | null }>;
  counter: number;
}

async function stored(prepared: Prepared, consultationId: number): Promise<Stored> {
  const database = prepared.open();
  try {
    const rows = await database.db
      .selectFrom('consultation_submissions')
      .select(['id', 'receipt_number', 'sequence', 'status', 'sent_at'])
      .where('consultation_id', '=', consultationId)
      .execute();
    const consultation = await database.db
      .selectFrom('consultations')
      .select('receipt_counter')
      .where('id', '=', consultationId)
      .executeTakeFirstOrThrow();
    return { rows, counter: Number(consultation.receipt_counter) };
  } finally {
    await database.close();
  }
}

/** The invariants both runs share; returns the problems found (empty when every one holds). */
function check(acknowledged: Acknowledged[], db: Stored): string[] {
  const problems: string[] = [];
  const byId = new Map(db.rows.map((r) => [r.id, r]));
  for (const ack of acknowledged) {
    const row = byId.get(ack.submissionId);
    if (!row) problems.push(`acknowledged submission ${ack.submissionId} (${ack.receipt}) is missing`);
    else if (row.status !== 'sent' || row.receipt_number !== ack.receipt)
      problems.push(`submission ${ack.submissionId}: stored ${row.status} ${row.receipt_number}, acknowledged ${ack.receipt}`);
  }
  const receipts = db.rows.map((r) => r.receipt_number).filter((r): r is string => r !== null);
  if (new Set(receipts).size !== receipts.length) problems.push('a receipt number is stored twice');
  if (new Set(acknowledged.map((a) => a.submissionId)).size !== acknowledged.length)
    problems.push('one submission was acknowledged twice');
  const sequences = db.rows
    .map((r) => r.sequence)
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  if (sequences.some((s, i) => s !== i + 1)) problems.push('receipt sequences have gaps or repeats');
  if (db.counter !== sequences.length) problems.push(`the counter says ${db.counter}, ${sequences.length} are stored`);
  const late = db.rows.filter((r) => r.sent_at && Date.parse(r.sent_at) >= closesAt);
  if (late.length) problems.push(`${late.length} submissions were stored after the deadline`);
  return problems;
}

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');

interface EngineResult {
  engine: Engine;
  rush: Burst & { stored: number };
  kill: { acknowledgedBeforeKill: number; brokenInFlight: number; storedAfterRestart: number; missing: number };
  problems: string[];
}

async function runEngine(engine: Engine): Promise<EngineResult> {
  const prepared = await prepare(engine);
  const problems: string[] = [];
  try {
    let server = await serverFor(prepared);
    const rush = await burst(server, prepared, prepared.consultations.rush);
    await server.stop();
    const rushStored = await stored(prepared, prepared.consultations.rush);
    if (rush.acknowledged.length !== submissions)
      problems.push(
        `rush: ${rush.acknowledged.length} of ${submissions} acknowledged (${rush.refused} refused, ${rush.failed} failed)`,
      );
    if (rushStored.rows.length !== rush.acknowledged.length)
      problems.push(`rush: ${rushStored.rows.length} stored, ${rush.acknowledged.length} acknowledged`);
    problems.push(...check(rush.acknowledged, rushStored).map((p) => `rush: ${p}`));

    server = await serverFor(prepared);
    const victim = server;
    let killed = false;
    let acknowledgedAtKill = 0;
    const kill = await burst(server, prepared, prepared.consultations.kill, (count) => {
      if (!killed && count >= submissions / 2) {
        killed = true;
        acknowledgedAtKill = count;
        victim.child.kill('SIGKILL');
      }
      return killed ? 'stop' : 'go on';
    });
    await victim.stop('SIGKILL');
    server = await serverFor(prepared); // restart on the same database: it must come up and serve
    const health = await fetch(`${server.url}/readyz`);
    await server.stop();
    const killStored = await stored(prepared, prepared.consultations.kill);
    if (!killed) problems.push('kill: the server was never killed (too few acknowledgements)');
    if (health.status !== 200) problems.push(`kill: the restarted server answered /readyz with ${health.status}`);
    const killProblems = check(kill.acknowledged, killStored);
    problems.push(...killProblems.map((p) => `kill: ${p}`));
    return {
      engine,
      rush: { ...rush, stored: rushStored.rows.length },
      kill: {
        acknowledgedBeforeKill: Math.max(acknowledgedAtKill, kill.acknowledged.length),
        brokenInFlight: kill.failed,
        storedAfterRestart: killStored.rows.length,
        missing: killProblems.filter((p) => p.includes('missing')).length,
      },
      problems,
    };
  } finally {
    await prepared.drop();
  }
}

const results: EngineResult[] = [];
for (const engine of engines) {
  process.stdout.write(`${engine}: ${submissions} submissions from ${clients} clients…\n`);
  results.push(await runEngine(engine));
}

const rushTable = table(
  ['engine', 'sent', 'acknowledged', 'stored', 'unique receipts', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'burst s', 'per s'],
  results.map((r) => [
    r.engine,
    String(submissions),
    String(r.rush.acknowledged.length),
    String(r.rush.stored),
    String(new Set(r.rush.acknowledged.map((a) => a.receipt)).size),
    ms(percentile(r.rush.latencies, 50)),
    ms(percentile(r.rush.latencies, 95)),
    ms(percentile(r.rush.latencies, 99)),
    ms(Math.max(...r.rush.latencies)),
    (r.rush.elapsedMs / 1000).toFixed(1),
    ((r.rush.acknowledged.length / r.rush.elapsedMs) * 1000).toFixed(0),
  ]),
  ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
);
const killTable = table(
  ['engine', 'acknowledged before SIGKILL', 'requests in flight at the kill', 'stored after restart', 'acknowledged but missing'],
  results.map((r) => [
    r.engine,
    String(r.kill.acknowledgedBeforeKill),
    String(r.kill.brokenInFlight),
    String(r.kill.storedAfterRestart),
    String(r.kill.missing),
  ]),
  ['l', 'r', 'r', 'r', 'r'],
);
const problems = results.flatMap((r) => r.problems.map((p) => `${r.engine} ${p}`));
const content = [
  `${submissions} comments sent ("Wyślij") by ${clients} concurrent signed-in members of ${clients} organisations, each`,
  'POST followed by the receipt page; the server (a child process on loopback) has its clock at 23:59:00 Warsaw on the',
  `end day, so the burst lands in the final minute. Latency is the POST's (the send transaction: deadline check, receipt`,
  `counter, the row, the audit entry and the receipt mail), median of one run: p50 ${results.map((r) => `${r.engine} ${ms(median(r.rush.latencies))} ms`).join(', ')}.`,
  '',
  rushTable,
  '',
  'Kill run: the same burst on a second consultation; when half the submissions are acknowledged the server gets',
  'SIGKILL, then it is started again on the same database and the stored rows are compared with what members saw.',
  'Clients stop sending at the kill. Requests in flight then were never acknowledged; any of them that committed',
  'before the kill is stored once, with its own receipt (the "stored after restart" surplus over the acknowledged).',
  '',
  killTable,
  '',
  problems.length
    ? `**Invariants broken:**\n\n${problems.map((p) => `- ${p}`).join('\n')}`
    : 'Every invariant held: each acknowledged submission stored once with the receipt number the member saw, receipt numbers unique, sequences without gaps, nothing stored after the deadline, nothing acknowledged lost by the kill.',
  '',
  `Code version ${codeVersion(['src/features/consultation', 'bench/deadline-rush.ts'])}.`,
].join('\n');
process.stdout.write(`${content}\n`);
writeDocSection('deadline-rush', 'npm run bench:deadline', content);
if (problems.length) process.exit(1);
