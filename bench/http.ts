/**
 * HTTP benchmark: requests/s and p50/p99 latency of the home page (`/`) and the sign-in page
 * (`/logowanie`) of the platform, beside a bare `node:http` "hello" server measured in the same run
 * on the same machine. The bare server shows the machine's ceiling, so the ratio app ÷ bare can be
 * compared across (noisy, differently sized) machines even when the absolute numbers cannot.
 *
 *   npm run bench
 *
 * Settings (environment): BENCH_CONNECTIONS (10), BENCH_DURATION seconds per run (10),
 * BENCH_ROUNDS (3), BENCH_WARMUP seconds per target (2). The targets run interleaved in rounds and
 * the median of the rounds is reported. Every response must be 2xx, or the run fails.
 *
 * Prints a table and rewrites the part of `docs/performance.md` between the `bench:http` markers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { codeVersion, docPath, intFromEnv, median, table, writeDocSection } from './support.js';

const root = fileURLToPath(new URL('../', import.meta.url));

const connections = intFromEnv('BENCH_CONNECTIONS', 10, 1, 1000);
const duration = intFromEnv('BENCH_DURATION', 10, 1, 300);
const rounds = intFromEnv('BENCH_ROUNDS', 3, 1, 21);
const warmup = intFromEnv('BENCH_WARMUP', 2, 0, 60);

interface Target {
  name: string;
  server: 'bare' | 'app';
  path: string;
  /** The `<h1>` text the page must show (Polish), or the exact body for the bare server. */
  expect: { h1: string } | { body: string };
}

/** The expected Polish headings, read from the catalogues so a copy change does not break the bench. */
function polishText(file: string, key: string): string {
  const catalogue = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
  if (typeof value !== 'string') throw new Error(`${file}: no string at ${key}`);
  return value;
}
const demoMunicipality = 'Miasto Leszno'; // demoSettings.municipalityName in src/demo/seed-demo.ts

const targets: Target[] = [
  { name: 'bare node:http `/`', server: 'bare', path: '/', expect: { body: 'hello' } },
  {
    name: 'app `/` (home)',
    server: 'app',
    path: '/',
    expect: {
      h1: polishText('src/features/site/locales/pl.json', 'site.home.heading').replace('{{municipality}}', demoMunicipality),
    },
  },
  {
    name: 'app `/logowanie` (sign-in)',
    server: 'app',
    path: '/logowanie',
    expect: { h1: polishText('src/features/accounts/locales/pl.json', 'accounts.signIn.title') },
  },
];

// ---------------------------------------------------------------------------------------------
// Child processes

interface Child {
  name: string;
  process: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}
const children: Child[] = [];
let tempDir: string | undefined;

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const entry = { name, process: child, output, exited };
  children.push(entry);
  return entry;
}

async function stopChildren(): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.process.exitCode !== null || child.process.signalCode !== null) return;
      child.process.kill('SIGTERM');
      const killer = setTimeout(() => child.process.kill('SIGKILL'), 5_000);
      await child.exited;
      clearTimeout(killer);
    }),
  );
  children.length = 0;
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `url` until it answers 200, failing early if the child exits. */
async function waitUntilReady(child: Child, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${child.name} exited (code ${child.process.exitCode}) before it was ready:\n${child.output.join('')}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${child.name} not ready at ${url} after ${timeoutMs / 1000} s (${last}):\n${child.output.join('')}`);
}

// ---------------------------------------------------------------------------------------------
// Checks and measurement

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (m) => entities[m] ?? m);

/** One GET before the run: the page must really be what we mean to measure. */
async function checkTarget(target: Target, url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${target.name}: GET ${url} answered ${response.status}, expected 200`);
  if ('body' in target.expect) {
    if (body !== target.expect.body)
      throw new Error(`${target.name}: body "${body.slice(0, 80)}", expected "${target.expect.body}"`);
    return `"${body}"`;
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('text/html')) throw new Error(`${target.name}: content-type "${type}", expected text/html`);
  if (!/<html[^>]*\blang="pl"/.test(body))
    throw new Error(`${target.name}: the page is not in Polish (<html lang="pl"> missing)`);
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1];
  const text = h1 === undefined ? undefined : decode(h1.replace(/<[^>]+>/g, '')).trim();
  if (text !== target.expect.h1) {
    throw new Error(`${target.name}: <h1> is ${text === undefined ? 'missing' : `"${text}"`}, expected "${target.expect.h1}"`);
  }
  return `<h1>${text}</h1>, ${Buffer.byteLength(body)} bytes`;
}

interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
}

/** autocannon's instance is an event emitter (with `stop`) and a thenable of the result. */
type Run = Promise<autocannon.Result> & autocannon.Instance;
let running: Run | undefined;

async function measure(target: Target, url: string, seconds: number): Promise<Sample> {
  const instance = autocannon({ url, connections, duration: seconds, method: 'GET' }) as Run;
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
  if (result.errors !== 0) problems.push(`${result.errors} errors (${result.timeouts} timeouts)`);
  if (result.requests.total === 0) problems.push('no responses at all');
  if (problems.length) throw new Error(`${target.name} (${url}): ${problems.join('; ')}`);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

interface Row {
  target: Target;
  samples: Sample[];
  requestsPerSecond: number;
  p50: number;
  p99: number;
  percentOfBare: number;
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
/** autocannon records latency in whole milliseconds; a median of an even count of rounds may end in .5. */
const ms = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ');
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

function resultsTable(rows: Row[]): string {
  return table(
    ['target', 'req/s (median)', 'p50 ms', 'p99 ms', 'req/s as % of bare'],
    rows.map((row) => [
      row.target.name,
      thousands(row.requestsPerSecond),
      ms(row.p50),
      ms(row.p99),
      `${fixed(row.percentOfBare, 1)} %`,
    ]),
    ['l', 'r', 'r', 'r', 'r'],
  );
}

interface RunInfo {
  startedAt: Date;
  elapsedSeconds: number;
  loadBefore: string;
  loadAfter: string;
}

function section(rows: Row[], run: RunInfo): string {
  const cpu = cpus();
  const perRound = rows
    .map((row) => `- ${row.target.name}: ${row.samples.map((s) => thousands(s.requestsPerSecond)).join(' / ')} req/s`)
    .join('\n');
  return `## HTTP: pages beside a bare node:http server

What is measured: requests per second and latency (p50, p99) of two server-rendered pages of the
platform — the home page \`/\` and the sign-in page \`/logowanie\` — as an anonymous visitor sees
them (no session cookie: every request runs the whole kernel — security headers with a fresh CSP
nonce, rate limit, session and language lookup, access rule, a new CSRF secret cookie, the settings
and the Preact render). The platform runs as in production (\`NODE_ENV=production\`, SQLite in a
fresh temporary directory, demo data seeded, log level \`warn\`, the global rate limit raised so it
does not answer 429).

Why a bare server sits beside it: a plain \`node:http\` server answering \`hello\` is measured in the
same run, with the same load generator and settings. It shows the ceiling of the machine at that
moment, so the last column (the platform's requests/s as a percentage of the bare server's) can be
compared across machines and runs, while the absolute numbers cannot.

On a 2-core machine the load generator (autocannon, in the benchmark's own process) shares the CPU
with the server under test, so the absolute numbers are lower bounds; compare the ratios.

Command:

\`\`\`sh
npm run bench
# settings: BENCH_CONNECTIONS=10 BENCH_DURATION=10 BENCH_ROUNDS=3 BENCH_WARMUP=2 npm run bench
\`\`\`

Machine: Node ${process.version}, ${platform()} ${release()}, ${cpu.length} CPU${cpu.length === 1 ? '' : 's'} (os.cpus().length) — ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; measured ${run.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${codeVersion(['src', 'package.json', 'package-lock.json'])}.

Parameters: ${connections} connections, ${duration} s per run, ${rounds} round${rounds === 1 ? '' : 's'} (the three targets interleaved, order rotated each round), ${warmup} s warm-up per target; figures are the median of the rounds (autocannon's average requests/s of a run, its \`latency.p50\` and \`latency.p99\`, which it records in whole milliseconds, so 0 means under 1 ms); every response was 2xx. Whole run: ${Math.round(run.elapsedSeconds)} s. Load average (1 / 5 / 15 min) before: ${run.loadBefore}, after: ${run.loadAfter} — a load well above the number of CPUs means other work shared the machine and the absolute numbers are noisier.

${resultsTable(rows)}

Requests/s of each round:

${perRound}`;
}

// ---------------------------------------------------------------------------------------------
// Run

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = load();
  const startupAllowance = 20;
  const planned = targets.length * (warmup + rounds * duration) + startupAllowance;
  process.stdout.write(
    `HTTP benchmark: ${targets.length} targets × ${rounds} rounds × ${duration} s, ${warmup} s warm-up each, ` +
      `${connections} connections — planned ≈ ${Math.ceil(planned / 60)} min (${planned} s incl. ~${startupAllowance} s start-up)\n`,
  );
  if ((loadavg()[0] ?? 0) > cpus().length) {
    process.stdout.write(`note: the machine is busy (load average ${loadBefore}); expect noisy absolute numbers\n`);
  }
  // A hard bound, whatever happens.
  setTimeout(
    () => {
      process.stderr.write(`benchmark exceeded its time bound (${planned + 120} s); stopping\n`);
      void stopChildren().finally(() => process.exit(1));
    },
    (planned + 120) * 1000,
  ).unref();

  tempDir = mkdtempSync(join(tmpdir(), 'wspolnie-bench-'));
  const [appPort, barePort] = [await freePort(), await freePort()];
  const appBase = `http://127.0.0.1:${appPort}`;
  const bareBase = `http://127.0.0.1:${barePort}`;

  const app = startChild('app', ['--import', 'tsx', 'src/main.ts'], {
    ...process.env,
    NODE_ENV: 'production',
    SEED_DEMO: 'always',
    SESSION_SECRET: randomBytes(30).toString('base64url'), // 40 characters
    DATABASE_URL: `sqlite:${join(tempDir, 'bench.sqlite')}`,
    PORT: String(appPort),
    HOST: '127.0.0.1',
    BASE_URL: appBase,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const bare = startChild('bare server', ['--import', 'tsx', 'bench/bare-server.ts', String(barePort)], {
    ...process.env,
    HOST: '127.0.0.1',
  });
  await Promise.all([waitUntilReady(app, `${appBase}/readyz`, 90_000), waitUntilReady(bare, `${bareBase}/`, 30_000)]);
  process.stdout.write(`ready: app ${appBase}, bare ${bareBase} (${Math.round((Date.now() - startedAt.getTime()) / 1000)} s)\n`);

  const urlOf = (target: Target) => `${target.server === 'app' ? appBase : bareBase}${target.path}`;
  for (const target of targets) {
    process.stdout.write(`check ${target.name}: ${await checkTarget(target, urlOf(target))}\n`);
  }
  if (warmup > 0) {
    for (const target of targets) await measure(target, urlOf(target), warmup);
    process.stdout.write(`warmed up (${warmup} s per target)\n`);
  }

  const samples = new Map<Target, Sample[]>(targets.map((t) => [t, []]));
  for (let round = 0; round < rounds; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
    for (const target of order) {
      const sample = await measure(target, urlOf(target), duration);
      samples.get(target)!.push(sample);
      process.stdout.write(
        `round ${round + 1}/${rounds} ${target.name}: ${thousands(sample.requestsPerSecond)} req/s, ` +
          `p50 ${ms(sample.p50)} ms, p99 ${ms(sample.p99)} ms (${sample.total} requests)\n`,
      );
    }
  }
  for (const child of children) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${child.name} stopped during the run:\n${child.output.join('')}`);
    }
  }
  const appOutput = app.output.join('').trim();

  const rows: Row[] = targets.map((target) => {
    const list = samples.get(target)!;
    return {
      target,
      samples: list,
      requestsPerSecond: median(list.map((s) => s.requestsPerSecond)),
      p50: median(list.map((s) => s.p50)),
      p99: median(list.map((s) => s.p99)),
      percentOfBare: 0,
    };
  });
  const bareRate = rows.find((r) => r.target.server === 'bare')!.requestsPerSecond;
  for (const row of rows) row.percentOfBare = (row.requestsPerSecond / bareRate) * 100;

  const loadAfter = load();
  await stopChildren();
  const elapsed = (Date.now() - startedAt.getTime()) / 1000;
  process.stdout.write(`\n${resultsTable(rows)}\n\n`);
  writeDocSection('http', 'npm run bench', section(rows, { startedAt, elapsedSeconds: elapsed, loadBefore, loadAfter }));
  process.stdout.write(`wrote ${docPath} (run took ${Math.round(elapsed)} s)\n`);
  const warnings = appOutput.split('\n').filter((line) => line.startsWith('{'));
  if (warnings.length) process.stdout.write(`note: the app logged ${warnings.length} warning/error line(s) during the run\n`);
}

let interrupted = false;
const interrupt = (signal: NodeJS.Signals) => {
  if (interrupted) return;
  interrupted = true;
  process.stderr.write(`\n${signal}: stopping the benchmark\n`);
  running?.stop();
  void stopChildren().finally(() => process.exit(130));
};
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);

try {
  await main();
} catch (error) {
  process.stderr.write(`\nBENCHMARK FAILED: ${(error as Error).message}\n`);
  await stopChildren();
  process.exit(1);
}
