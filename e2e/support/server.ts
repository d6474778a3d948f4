/**
 * Starts the real platform (`node --import tsx src/main.ts`) on a free loopback port with a fresh
 * SQLite database and the demo data, waits for /readyz, and stops it again (SIGTERM, then SIGKILL).
 * A journey that needs time to pass starts it with `fakeNow` (the server's clock starts there), and
 * restarts it on the same database by passing the `folder` it got from the first start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const demoPassword = 'Wspolnie-demo-2026';
export const demo = {
  administrator: 'administrator@wspolnie.example',
  official: 'urzednik@wspolnie.example',
  ngoMember: 'krokus@wspolnie.example',
  otherNgoMember: 'alternatywa@wspolnie.example',
} as const;

export interface RunningServer {
  baseUrl: string;
  /** The folder holding the SQLite database (removed on stop unless it was passed in). */
  folder: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  /** The log lines at level error or fatal (pino levels 50, 60) printed so far. */
  loggedErrors(): string[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => child.once('exit', () => resolveExit()));
}

function loggedErrors(output: string): string[] {
  return output.split('\n').filter((line) => {
    if (!line.startsWith('{')) return false;
    try {
      return Number((JSON.parse(line) as { level?: unknown }).level) >= 50;
    } catch {
      return false;
    }
  });
}

export interface ServerOptions {
  /** The instant the server's clock starts from (FAKE_NOW); it then advances in real time. */
  fakeNow?: Date;
  /** An existing folder with the database of an earlier start: reused, and kept on stop. */
  folder?: string;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const folder = options.folder ?? mkdtempSync(join(tmpdir(), 'wspolnie-e2e-'));
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? folder,
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: baseUrl,
      DATABASE_URL: `sqlite:${join(folder, 'e2e.sqlite')}`,
      SEED_DEMO: 'always',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
      FORM_RATE_LIMIT_PER_MINUTE: '100000',
      JOB_POLL_INTERVAL_MS: '100',
      SESSION_SECRET: randomBytes(20).toString('hex'),
      ...(options.fakeNow ? { FAKE_NOW: options.fakeNow.toISOString() } : {}),
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    if (!options.folder) rmSync(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200)
        return { baseUrl, folder, output: () => output, loggedErrors: () => loggedErrors(output), stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the server did not become ready within 60 s:\n${output}`);
}
