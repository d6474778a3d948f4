/**
 * Validated configuration. Every key is documented in `.env.example`.
 * Read once at start; the rest of the code receives a typed `Config`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  BASE_URL: z.url().optional(),
  DATABASE_URL: z.string().default('sqlite:./data/wspolnie.sqlite'),
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  TRUST_PROXY: booleanFromEnv.default(false),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Wspólnie <no-reply@localhost>'),
  SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOB_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  FORM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  FAKE_NOW: z.preprocess((v) => (v === '' ? undefined : v), z.iso.datetime({ offset: true }).optional()),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  baseUrl: string;
  database: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };
  sessionSecret: string;
  sessionTtlDays: number;
  secureCookies: boolean;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  seedDemo: 'auto' | 'always' | 'never';
  logLevel: string;
  jobPollIntervalMs: number;
  rateLimitPerMinute: number;
  formRateLimitPerMinute: number;
  apiRateLimitPerMinute: number;
  signIn: { maxFailuresPerAccount: number; maxFailuresPerIp: number; lockMinutes: number };
  /** Test servers only: the instant the clock starts from (it then advances in real time). */
  fakeNow: Date | undefined;
};

export function parseDatabaseUrl(url: string): Config['database'] {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { engine: 'postgres', url };
  }
  if (url === 'sqlite::memory:') return { engine: 'sqlite', file: ':memory:' };
  if (url.startsWith('sqlite:')) return { engine: 'sqlite', file: resolve(url.slice('sqlite:'.length)) };
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.slice(0, 20)}…")`);
}

/** In development the session secret is generated once and kept beside the database. */
function developmentSecret(database: Config['database']): string {
  if (database.engine !== 'sqlite' || database.file === ':memory:') {
    return randomBytes(32).toString('hex');
  }
  const path = resolve(dirname(database.file), '.session-secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const database = parseDatabaseUrl(e.DATABASE_URL);
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new Error('SESSION_SECRET (at least 32 characters) is required when NODE_ENV=production');
  }
  if (e.FAKE_NOW && e.NODE_ENV !== 'test') {
    throw new Error('FAKE_NOW is honoured only with NODE_ENV=test');
  }
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    baseUrl,
    database,
    sessionSecret: e.SESSION_SECRET ?? developmentSecret(database),
    sessionTtlDays: e.SESSION_TTL_DAYS,
    secureCookies: baseUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    jobPollIntervalMs: e.JOB_POLL_INTERVAL_MS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    formRateLimitPerMinute: e.FORM_RATE_LIMIT_PER_MINUTE,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    signIn: {
      maxFailuresPerAccount: e.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: e.SIGN_IN_MAX_FAILURES_PER_IP,
      lockMinutes: e.SIGN_IN_LOCK_MINUTES,
    },
    fakeNow: e.FAKE_NOW ? new Date(e.FAKE_NOW) : undefined,
  };
}
