/**
 * Directory benchmark: the public NGO directory (`/organizacje`) over 100 000 generated
 * organisations, on SQLite and on PostgreSQL, beside a bare `node:http` server measured in the same
 * run. For each engine: a fresh database (SQLite file in a temporary directory; PostgreSQL database
 * `wspolnie_bench_…` on BENCH_POSTGRES_URL, dropped afterwards), the generator
 * (bench/generate-organizations.ts), the real server (`src/main.ts`, production mode, demo seeded),
 * then autocannon at 1 and 50 connections against:
 *
 * - search, hot: `GET /organizacje?q=spol` — one URL, so after the first request the directory's
 *   answer cache (per query and data generation) serves it: this measures the page around a cache hit;
 * - facets, hot: `GET /organizacje?sfera=16&opp=1&zasieg=lokalny` — likewise;
 * - search, cold: every request a different query (prefixes of words of the generated names and
 *   towns, single and in pairs; more distinct queries than the cache holds, cycled), so every answer
 *   is computed — the SQL cost;
 * - facets, cold: every request a different facet combination (sphere × scope × OPP/volunteers ×
 *   legal form), computed likewise;
 * - the bare server (`bench/bare-server.ts`).
 *
 *   npm run bench:directory
 *
 * Settings (environment): BENCH_COUNT (100000), BENCH_DURATION seconds per run (6), BENCH_ROUNDS
 * (3), BENCH_WARMUP seconds per target (1), BENCH_ENGINES (sqlite,postgres), BENCH_COLD_SORT (trafnosc:
 * the cold search in relevance order, the page's default; nazwa: in Polish order), BENCH_POSTGRES_URL
 * (postgres://postgres@127.0.0.1:5432/postgres), BENCH_DOC=0 (a trial: leave the document alone).
 * Loopback only. About 12 minutes for both engines plus the first computation of `q=spol`; a hard
 * bound stops the run (BENCH_TIME_LIMIT seconds, 1200). Every response must be 2xx (a response
 * slower than 60 s is counted as a timeout). Figures are medians of the rounds.
 *
 * Prints a table and rewrites the part of `docs/performance.md` between the `bench:directory` markers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { createDatabase, type Engine } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { areaScopes } from '../src/features/organizations/area-scopes.js';
import { freePort, startServer, type ServerProcess } from '../src/test-support/processes.js';
import { generateOrganizations, nameVocabulary, prng } from './generate-organizations.js';
import { codeVersion, docPath, intFromEnv, median, table, writeDocSection } from './support.js';

const root = fileURLToPath(new URL('../', import.meta.url));

const count = intFromEnv('BENCH_COUNT', 100_000, 100, 2_000_000);
const duration = intFromEnv('BENCH_DURATION', 6, 1, 120);
const rounds = intFromEnv('BENCH_ROUNDS', 3, 1, 9);
const warmup = intFromEnv('BENCH_WARMUP', 1, 0, 30);
const timeLimit = intFromEnv('BENCH_TIME_LIMIT', 1200, 60, 7200);
const connectionLevels = [1, 50] as const;
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim()) as Engine[];
if (engines.length === 0 || engines.some((e) => e !== 'sqlite' && e !== 'postgres')) {
  throw new Error('BENCH_ENGINES must list sqlite and/or postgres');
}
const postgresAdminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The order of the cold search: `nazwa` (Polish order) or `trafnosc` (relevance, the page's default with a query). */
const coldSort = process.env.BENCH_COLD_SORT ?? 'trafnosc';
if (coldSort !== 'nazwa' && coldSort !== 'trafnosc') throw new Error('BENCH_COLD_SORT must be nazwa or trafnosc');
/** Seconds autocannon waits for one response before counting a timeout. */
const requestTimeout = 60;

// ---------------------------------------------------------------------------------------------
// Targets

type TargetId = 'bare' | 'search' | 'facets' | 'searchCold' | 'facetsCold';

interface Target {
  id: TargetId;
  name: string;
  /** The fixed path, or the first of a rotation. */
  path: string;
  /** For cold targets: the next path of the rotation (shared across runs, so no path repeats soon). */
  next?: () => string;
}

const searchPath = '/organizacje?q=spol';
const facetsPath = '/organizacje?sfera=16&opp=1&zasieg=lokalny';

/** A deterministic shuffle. */
function shuffled<T>(list: T[], seed: number): T[] {
  const random = prng(seed);
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * Queries people would type: prefixes (3–6 letters) of the words of the generated names and towns,
 * alone and two together. Several thousand, more than the directory's answer cache holds (500
 * answers), so cycling through them never meets a cached answer.
 */
function coldQueries(): string[] {
  const prefixes = new Set<string>();
  for (const word of nameVocabulary()) {
    for (let length = 3; length <= Math.min(6, word.length); length++) prefixes.add(word.slice(0, length));
  }
  const single = shuffled([...prefixes].sort(), 11);
  const pairs = single.slice(0, 1500).map((p, i) => `${p} ${single[(i * 7 + 3) % single.length]}`);
  return shuffled([...single, ...pairs], 12);
}

/** Facet combinations: sphere × area scope × (none, OPP, volunteers, both), some with a legal form. */
function coldFacetPaths(): string[] {
  const spheres = ['1', '1a', '2', '3', '4', '6', '7', '10', '13', '14', '15', '16', '17', '18', '19', '23', '27', '31', '32'];
  const forms = ['', 'stowarzyszenie', 'fundacja', 'klub-sportowy'];
  const flags = ['', '&opp=1', '&wolontariat=1', '&opp=1&wolontariat=1'];
  const paths: string[] = [];
  for (const sphere of spheres) {
    for (const area of areaScopes) {
      for (const flag of flags) {
        for (const form of forms) {
          paths.push(`/organizacje?sfera=${sphere}&zasieg=${area}${flag}${form ? `&forma=${form}` : ''}`);
        }
      }
    }
  }
  return shuffled(paths, 13);
}

function rotation(paths: string[]): () => string {
  let cursor = 0;
  return () => paths[cursor++ % paths.length]!;
}

const queries = coldQueries();
const facetCombinations = coldFacetPaths();
const targets: Target[] = [
  { id: 'bare', name: 'bare node:http', path: '/' },
  { id: 'search', name: 'search, hot', path: searchPath },
  { id: 'facets', name: 'facets, hot', path: facetsPath },
  {
    id: 'searchCold',
    name: 'search, cold',
    path: '/organizacje?q=',
    next: rotation(queries.map((q) => `/organizacje?q=${encodeURIComponent(q)}&sort=${coldSort}`)),
  },
  { id: 'facetsCold', name: 'facets, cold', path: facetCombinations[0]!, next: rotation(facetCombinations) },
];
const targetLabel: Record<TargetId, string> = {
  bare: 'bare node:http `/`',
  search: `search, hot: \`${searchPath}\``,
  facets: `facets, hot: \`${facetsPath}\``,
  searchCold: `search, cold: \`/organizacje?q=…&sort=${coldSort}\` (${queries.length.toLocaleString('en-US')} queries, rotating)`,
  facetsCold: `facets, cold: \`/organizacje?sfera=…&zasieg=…\` (${facetCombinations.length.toLocaleString('en-US')} combinations, rotating)`,
};

// ---------------------------------------------------------------------------------------------
// Processes and databases

interface Child {
  name: string;
  process: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

let bare: Child | undefined;
let app: ServerProcess | undefined;
let tempDir: string | undefined;
let postgresDatabase: string | undefined;
let running: (Promise<autocannon.Result> & autocannon.Instance) | undefined;

function startBare(port: number): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts', String(port)], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name: 'bare server', process: child, output, exited: new Promise((r) => child.on('exit', (code) => r(code))) };
}

async function stopChild(child: Child | undefined): Promise<void> {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const killer = setTimeout(() => child.process.kill('SIGKILL'), 5_000);
  await child.exited;
  clearTimeout(killer);
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function postgresSize(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    const result = await client.query<{ size: string }>('select pg_size_pretty(pg_database_size($1)) as size', [name]);
    return result.rows[0]!.size;
  } finally {
    await client.end();
  }
}

/** Stops the app server and drops its database (PostgreSQL) or files (SQLite). */
async function cleanUpEngine(): Promise<void> {
  running?.stop();
  if (app) await app.stop().catch(() => undefined);
  app = undefined;
  if (postgresDatabase) {
    const name = postgresDatabase;
    postgresDatabase = undefined;
    await adminQuery(`drop database if exists ${name} with (force)`).catch((error: Error) =>
      process.stderr.write(`could not drop ${name}: ${error.message}\n`),
    );
  }
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

async function cleanUp(): Promise<void> {
  await cleanUpEngine();
  await stopChild(bare);
  bare = undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForBare(child: Child, url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`bare server exited:\n${child.output.join('')}`);
    try {
      const response = await fetch(url);
      if ((await response.text()) === 'hello') return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`bare server not ready at ${url}`);
}

// ---------------------------------------------------------------------------------------------
// Checks and measurement

const polishTitle = (() => {
  const catalogue = JSON.parse(readFileSync(join(root, 'src/features/organizations/locales/pl.json'), 'utf8')) as {
    organizations: { directory: { title: string } };
  };
  return catalogue.organizations.directory.title;
})();

/** GETs a directory page, checks it is the real Polish page, and returns the number of results it reports. */
async function directoryTotal(url: string, timeoutMs = 30_000): Promise<{ total: number; bytes: number; seconds: number }> {
  const started = performance.now();
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  if (!/<html[^>]*\blang="pl"/.test(body)) throw new Error(`GET ${url}: not a Polish page`);
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1]?.trim();
  if (h1 !== polishTitle) throw new Error(`GET ${url}: <h1> is "${h1}", expected "${polishTitle}"`);
  const counted = /id="liczba-wynikow"[^>]*>([^<]*)</.exec(body)?.[1];
  if (counted === undefined) throw new Error(`GET ${url}: no result count (#liczba-wynikow) on the page`);
  return {
    total: Number(counted.replace(/\D/g, '')),
    bytes: Buffer.byteLength(body),
    seconds: (performance.now() - started) / 1000,
  };
}

interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  /** Requests without an answer within the timeout (not in the latency figures). */
  timeouts: number;
  /** Seconds the server needed after the run to answer /readyz again (work still queued). */
  drainSeconds: number;
}

/** Waits until the app answers /readyz: the requests autocannon left in flight are finished. */
async function drain(base: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(600_000) });
  await response.arrayBuffer();
  return (performance.now() - started) / 1000;
}

async function measure(target: Target, base: string, connections: number, seconds: number, warm = false): Promise<Sample> {
  const options: autocannon.Options = {
    url: `${base}${target.path}`,
    connections,
    duration: seconds,
    method: 'GET',
    timeout: requestTimeout,
  };
  if (target.next) {
    const next = target.next;
    options.requests = [{ method: 'GET', setupRequest: (request) => ({ ...request, path: next() }) }];
  }
  const instance = autocannon(options) as Promise<autocannon.Result> & autocannon.Instance;
  running = instance;
  const result = await instance;
  running = undefined;
  const problems: string[] = [];
  if (result.non2xx !== 0) {
    const codes = Object.entries(result.statusCodeStats ?? {})
      .map(([code, stat]) => `${code}×${stat.count ?? 0}`)
      .join(', ');
    problems.push(`${result.non2xx} non-2xx responses (${codes})`);
  }
  if (result.errors !== result.timeouts) problems.push(`${result.errors - result.timeouts} connection errors`);
  if (result.requests.total === 0 && !warm) problems.push('no responses at all');
  if (problems.length) throw new Error(`${target.name} at ${connections} connections: ${problems.join('; ')}`);
  const drainSeconds = target.id === 'bare' ? 0 : await drain(base);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    timeouts: result.timeouts,
    drainSeconds,
  };
}

// ---------------------------------------------------------------------------------------------
// One engine

interface Row {
  engine: Engine;
  target: Target;
  connections: number;
  samples: Sample[];
  requestsPerSecond: number;
  p50: number;
  p99: number;
  timeouts: number;
  percentOfBare: number;
}

interface EngineRun {
  engine: Engine;
  generationSeconds: number;
  databaseSize: string;
  totals: { all: number; search: number; facets: number };
  /** Seconds of the first (uncached) request of the hot pages. */
  firstRequest: { search: number; facets: number };
  pageBytes: number;
  rows: Row[];
}

const thousands = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

async function runEngine(engine: Engine, bareBase: string): Promise<EngineRun> {
  process.stdout.write(`\n== ${engine}\n`);
  let databaseUrl: string;
  if (engine === 'sqlite') {
    tempDir = mkdtempSync(join(tmpdir(), 'wspolnie-bench-directory-'));
    databaseUrl = `sqlite:${join(tempDir, 'bench.sqlite')}`;
  } else {
    postgresDatabase = `wspolnie_bench_${randomBytes(5).toString('hex')}`;
    await adminQuery(`create database ${postgresDatabase}`);
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${postgresDatabase}`;
    databaseUrl = url.toString();
  }

  const database = createDatabase(
    engine === 'sqlite' ? { engine, file: databaseUrl.slice('sqlite:'.length) } : { engine, url: databaseUrl },
  );
  let generationSeconds: number;
  try {
    await migrateToLatest(database);
    const generated = await generateOrganizations(database, { count });
    generationSeconds = generated.seconds;
    process.stdout.write(`generated ${thousands(generated.count)} organisations in ${generated.seconds.toFixed(1)} s\n`);
    // PostgreSQL's autovacuum would analyse the new rows within a minute anyway; do it now so every
    // run starts from the same statistics. SQLite has no automatic ANALYZE and the app runs none.
    if (engine === 'postgres') await sql`analyze`.execute(database.db);
  } finally {
    await database.close();
  }
  const databaseSize =
    engine === 'sqlite'
      ? `${Math.round(statSync(databaseUrl.slice('sqlite:'.length)).size / 2 ** 20)} MiB`
      : await postgresSize(postgresDatabase!);

  app = await startServer(
    {
      NODE_ENV: 'production',
      SEED_DEMO: 'always',
      SESSION_SECRET: randomBytes(30).toString('base64url'),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
    },
    { timeoutMs: 120_000 },
  );
  process.stdout.write(`app ready at ${app.url}\n`);

  const all = await directoryTotal(`${app.url}/organizacje`);
  // The first request of a fixed URL computes its answer (later ones are cache hits): timed here.
  const search = await directoryTotal(`${app.url}${searchPath}`, timeLimit * 1000);
  const facets = await directoryTotal(`${app.url}${facetsPath}`, timeLimit * 1000);
  for (const [name, page] of [
    ['search', search],
    ['facets', facets],
  ] as const) {
    if (!(page.total > 0 && page.total < all.total)) {
      throw new Error(`${name}: ${page.total} of ${all.total} organisations — the page does not apply the ${name}`);
    }
  }
  for (let i = 0; i < 3; i++) await directoryTotal(`${app.url}${targets[3]!.next!()}`);
  for (let i = 0; i < 3; i++) await directoryTotal(`${app.url}${targets[4]!.next!()}`);
  process.stdout.write(
    `checked: /organizacje lists ${thousands(all.total)} verified organisations (${thousands(all.bytes)} bytes); ` +
      `q=spol ${thousands(search.total)} (first request ${search.seconds.toFixed(2)} s); ` +
      `sfera=16&opp=1&zasieg=lokalny ${thousands(facets.total)} (first request ${facets.seconds.toFixed(2)} s)\n`,
  );

  const baseOf = (target: Target) => (target.id === 'bare' ? bareBase : app!.url);
  const samples = new Map<string, Sample[]>();
  const key = (target: Target, connections: number) => `${target.id}@${connections}`;
  const record = (round: number, target: Target, connections: number, sample: Sample) => {
    samples.set(key(target, connections), [...(samples.get(key(target, connections)) ?? []), sample]);
    process.stdout.write(
      `round ${round + 1}/${rounds} ${engine} ${target.name} ×${connections}: ${thousands(sample.requestsPerSecond)} req/s, ` +
        `p50 ${ms(sample.p50)} ms, p99 ${ms(sample.p99)} ms (${sample.total} requests` +
        `${sample.timeouts ? `, ${sample.timeouts} timeouts` : ''}${sample.drainSeconds >= 1 ? `, drained in ${sample.drainSeconds.toFixed(1)} s` : ''})\n`,
    );
  };

  // Two phases, so that a hot page never follows the cold runs, whose answers would push its
  // answer out of the cache: first the bare server and the hot pages, then the cold pages.
  const hot = targets.filter((t) => !t.next);
  const cold = targets.filter((t) => t.next);
  for (const phase of [hot, cold]) {
    if (warmup > 0) {
      // Cold targets warm up at 1 connection: at 50 the server would be left with a queue to work off.
      for (const target of phase) await measure(target, baseOf(target), target.next ? 1 : 50, warmup, true);
    }
    for (let round = 0; round < rounds; round++) {
      const order = phase.map((_, i) => phase[(i + round) % phase.length]!);
      for (const target of order) {
        for (const connections of connectionLevels) {
          if (target.id !== 'bare' && !target.next) {
            // The answer must be in the cache: one request first (instant when it is).
            const primed = await directoryTotal(`${app.url}${target.path}`, timeLimit * 1000);
            if (primed.seconds > 1)
              process.stdout.write(`note: ${target.name} was computed again (${primed.seconds.toFixed(1)} s)\n`);
          }
          record(round, target, connections, await measure(target, baseOf(target), connections, duration));
        }
      }
    }
  }
  if (app.child.exitCode !== null) throw new Error(`the app stopped during the run:\n${app.output()}`);

  const rows: Row[] = targets.flatMap((target) =>
    connectionLevels.map((connections) => {
      const list = samples.get(key(target, connections))!;
      return {
        engine,
        target,
        connections,
        samples: list,
        requestsPerSecond: median(list.map((s) => s.requestsPerSecond)),
        p50: median(list.map((s) => s.p50)),
        p99: median(list.map((s) => s.p99)),
        timeouts: list.reduce((sum, s) => sum + s.timeouts, 0),
        percentOfBare: 0,
      };
    }),
  );
  for (const row of rows) {
    const bareRow = rows.find((r) => r.target.id === 'bare' && r.connections === row.connections)!;
    row.percentOfBare = (row.requestsPerSecond / bareRow.requestsPerSecond) * 100;
  }
  await cleanUpEngine();
  return {
    engine,
    generationSeconds,
    databaseSize,
    totals: { all: all.total, search: search.total, facets: facets.total },
    firstRequest: { search: search.seconds, facets: facets.seconds },
    pageBytes: search.bytes,
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function resultsTable(runs: EngineRun[]): string {
  return table(
    ['engine', 'target', 'connections', 'req/s (median)', 'p50 ms', 'p99 ms', 'req/s as % of bare', 'timeouts'],
    runs.flatMap((run) =>
      run.rows.map((row) => [
        run.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL',
        targetLabel[row.target.id],
        String(row.connections),
        thousands(row.requestsPerSecond),
        ms(row.p50),
        ms(row.p99),
        row.target.id === 'bare' ? '100 %' : `${row.percentOfBare.toFixed(1)} %`,
        String(row.timeouts),
      ]),
    ),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

/**
 * The acceptance check — p99 under 50 ms at 50 connections on SQLite for the search page and a
 * faceted page, each a fixed URL as people share and reload them — then the same yardstick for
 * the cold runs, which go beyond it (50 clients each asking a query nobody asked before).
 */
function acceptance(runs: EngineRun[]): string[] {
  const sqlite = runs.find((r) => r.engine === 'sqlite');
  if (!sqlite) return ['Acceptance (SQLite, 50 connections, p99 < 50 ms): not measured in this run (SQLite not selected).'];
  const line = (id: 'search' | 'facets' | 'searchCold' | 'facetsCold', verdict: boolean) => {
    const row = sqlite.rows.find((r) => r.target.id === id && r.connections === 50)!;
    const met = row.p99 < 50 && row.timeouts === 0;
    const timeouts = row.timeouts ? ` (${row.timeouts} timeouts)` : '';
    const outcome = verdict ? (met ? 'under 50 ms (met)' : '**not under 50 ms (not met)**') : met ? 'under 50 ms' : 'over 50 ms';
    return `- ${row.target.name}: p99 ${ms(row.p99)} ms at 50 connections${timeouts} — ${outcome}`;
  };
  return [
    line('search', true),
    line('facets', true),
    '',
    'Beyond the acceptance point — every request a query nobody asked before, so the database computes each answer (count, page and five facet counts):',
    '',
    line('searchCold', false),
    line('facetsCold', false),
  ];
}

interface RunInfo {
  startedAt: Date;
  elapsedSeconds: number;
  loadBefore: string;
  loadAfter: string;
}

function section(runs: EngineRun[], run: RunInfo): string {
  const cpu = cpus();
  const perEngine = runs
    .map(
      (r) =>
        `- ${r.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${thousands(count)} organisations generated in ${r.generationSeconds.toFixed(1)} s, ` +
        `database ${r.databaseSize}; the public list has ${thousands(r.totals.all)} verified organisations, \`q=spol\` finds ${thousands(r.totals.search)}, ` +
        `the facet page ${thousands(r.totals.facets)}; the search page is ${thousands(r.pageBytes)} bytes. ` +
        `First (uncached) request: \`q=spol\` ${r.firstRequest.search.toFixed(2)} s, the facet page ${r.firstRequest.facets.toFixed(2)} s.`,
    )
    .join('\n');
  const perRound = runs
    .flatMap((r) =>
      r.rows.map(
        (row) =>
          `- ${r.engine} ${row.target.name} ×${row.connections}: ${row.samples
            .map(
              (s) =>
                `${thousands(s.requestsPerSecond)} req/s p99 ${ms(s.p99)} ms${s.timeouts ? ` ${s.timeouts} timeouts` : ''}` +
                `${s.drainSeconds >= 1 ? ` (drained ${s.drainSeconds.toFixed(1)} s)` : ''}`,
            )
            .join(' / ')}`,
      ),
    )
    .join('\n');
  return `## Directory: search and facets over ${thousands(count)} organisations

What is measured: the public directory page \`/organizacje\` (search, facets with counts, 20
results, full page render) as an anonymous visitor sees it, over ${thousands(count)} generated
organisations (\`bench/generate-organizations.ts\`: Polish names from word lists, 1–3 spheres each,
about 90 % verified) plus the Leszno demo, on SQLite and on PostgreSQL, at 1 and 50 connections.
The server runs as in production (\`NODE_ENV=production\`, log level \`warn\`, the global rate limit
raised), a fresh database per engine (PostgreSQL: a temporary database, dropped afterwards).

Hot and cold: the directory keeps recent answers per query and per data generation (a counter
that database triggers bump on every change), so a fixed URL is computed once and then served
from memory — the *hot* rows measure the page around a cache hit (render, kernel, HTTP). The
*cold* rows make every request a different query (prefixes of words of the generated names and
towns, alone and in pairs) or a different facet combination, more than the cache holds, cycled —
every answer is computed by the database: they measure the SQL. The cold search is run in
${coldSort === 'nazwa' ? "Polish order (`&sort=nazwa`), not in relevance order (the page's default with a query; `BENCH_COLD_SORT=trafnosc`): see the first-request times below for why" : "relevance order (`&sort=trafnosc`, the page's default with a query)"}.
After every run the benchmark waits until the server answers \`/readyz\` again (requests left in
flight when autocannon stops are still being computed); a response slower than ${requestTimeout} s counts as a
timeout and is left out of the latency figures (column *timeouts*, summed over the rounds).

A bare \`node:http\` server answering \`hello\` is measured in the same run, per engine, with the same
load generator; the last column is the page's requests/s as a percentage of the bare server's at
the same number of connections. On a 2-core machine the load generator (autocannon, in the
benchmark's own process) shares the CPU with the server under test, so absolute numbers are lower
bounds; compare ratios.

Command:

\`\`\`sh
npm run bench:directory
# settings: BENCH_COUNT=${count} BENCH_DURATION=${duration} BENCH_ROUNDS=${rounds} BENCH_WARMUP=${warmup} BENCH_COLD_SORT=${coldSort} BENCH_ENGINES=${engines.join(',')} npm run bench:directory
\`\`\`

Machine: Node ${process.version}, ${platform()} ${release()}, ${cpu.length} CPU${cpu.length === 1 ? '' : 's'} (os.cpus().length) — ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; measured ${run.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${codeVersion(['src', 'db', 'bench', 'package.json', 'package-lock.json'])}.

Parameters: connections 1 and 50, ${duration} s per run, ${rounds} round${rounds === 1 ? '' : 's'} (first the bare server and the hot pages, then the cold pages — so the cold runs never evict a hot answer; targets interleaved within each, order rotated each round), ${warmup} s warm-up per target; figures are the median of the rounds (autocannon's average requests/s of a run, its \`latency.p50\` and \`latency.p99\` in whole milliseconds); every response that came was 2xx. Whole run: ${Math.round(run.elapsedSeconds)} s. Load average (1 / 5 / 15 min) before: ${run.loadBefore}, after: ${run.loadAfter} — a load well above the number of CPUs means other work shared the machine.

${perEngine}

${resultsTable(runs)}

Acceptance — p99 under 50 ms at 50 connections on SQLite, the search page and a faceted page (a fixed URL each):

${acceptance(runs).join('\n')}

Each round:

${perRound}`;
}

// ---------------------------------------------------------------------------------------------
// Run

const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ');

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = load();
  const perEngine = targets.length * (warmup + rounds * connectionLevels.length * duration) + 90;
  const planned = engines.length * perEngine;
  process.stdout.write(
    `Directory benchmark: ${engines.join(' + ')}, ${thousands(count)} organisations, ${targets.length} targets × ` +
      `${connectionLevels.length} connection levels × ${rounds} rounds × ${duration} s — planned ≈ ${Math.ceil(planned / 60)} min ` +
      `(bound ${Math.round(timeLimit / 60)} min)\n`,
  );
  if (planned > timeLimit)
    throw new Error(`planned ${planned} s exceeds the bound of ${timeLimit} s: lower BENCH_DURATION or BENCH_ROUNDS`);
  setTimeout(() => {
    process.stderr.write(`benchmark exceeded its time bound (${timeLimit} s); stopping\n`);
    void cleanUp().finally(() => process.exit(1));
  }, timeLimit * 1000).unref();

  const barePort = await freePort();
  const bareBase = `http://127.0.0.1:${barePort}`;
  bare = startBare(barePort);
  await waitForBare(bare, `${bareBase}/`);

  const runs: EngineRun[] = [];
  for (const engine of engines) runs.push(await runEngine(engine, bareBase));
  await stopChild(bare);
  bare = undefined;

  const elapsed = (Date.now() - startedAt.getTime()) / 1000;
  process.stdout.write(`\n${resultsTable(runs)}\n\n${acceptance(runs).join('\n')}\n\n`);
  if (process.env.BENCH_DOC === '0') {
    process.stdout.write(`BENCH_DOC=0: ${docPath} left as it was (run took ${Math.round(elapsed)} s)\n`);
    return;
  }
  writeDocSection(
    'directory',
    'npm run bench:directory',
    section(runs, { startedAt, elapsedSeconds: elapsed, loadBefore, loadAfter: load() }),
  );
  process.stdout.write(`wrote ${docPath} (run took ${Math.round(elapsed)} s)\n`);
}

let interrupted = false;
const interrupt = (signal: NodeJS.Signals) => {
  if (interrupted) return;
  interrupted = true;
  process.stderr.write(`\n${signal}: stopping the benchmark\n`);
  void cleanUp().finally(() => process.exit(130));
};
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);

try {
  await main();
} catch (error) {
  process.stderr.write(`\nBENCHMARK FAILED: ${(error as Error).message}\n`);
  await cleanUp();
  process.exit(1);
}
