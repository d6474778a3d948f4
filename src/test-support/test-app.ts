/**
 * An app on a fresh test database, with a cookie-keeping client that fills CSRF tokens the way a
 * browser would (from the last page's form). Mail stays in the outbox; `drainJobs()` delivers it.
 */
import type { FastifyInstance } from 'fastify';
import type { Engine } from '../platform/db/database.js';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { createServices, type Services } from '../services.js';
import { JobWorker } from '../platform/jobs/jobs.js';
import { freshnessJob, freshnessJobHandler } from '../features/organizations/index.js';
import { meetingRemindersJob, meetingRemindersJobHandler } from '../features/meeting-registration/index.js';
import { mailSendHandler, mailSendJob, type MailTransport } from '../platform/mail/mail.js';
import { hashPassword } from '../platform/auth/passwords.js';
import type { Role } from '../platform/db/schema.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/** Route tests run on SQLite; `TEST_ENGINE=postgres` (npm run test:postgres) runs them on PostgreSQL. */
export function defaultTestEngine(): Engine {
  return process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'sqlite::memory:',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    SEED_DEMO: 'never',
    RATE_LIMIT_PER_MINUTE: '1000000',
    FORM_RATE_LIMIT_PER_MINUTE: '1000000',
    BASE_URL: 'http://localhost:3000',
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  testDatabase: TestDatabase;
  worker: JobWorker;
  drainJobs(): Promise<number>;
  client(): TestClient;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { engine?: Engine; env?: Record<string, string>; mailTransport?: MailTransport; clock?: () => Date } = {},
): Promise<TestApp> {
  const testDatabase = await createTestDatabase(options.engine ?? defaultTestEngine());
  const config = testConfig(options.env);
  const services = createServices(testDatabase.database, config, {
    ...(options.mailTransport ? { mailTransport: options.mailTransport } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const app = await buildApp(services);
  await app.ready();
  const worker = new JobWorker(
    testDatabase.database,
    {
      [mailSendJob]: mailSendHandler(services.db, services.mailTransport),
      [freshnessJob]: freshnessJobHandler(services),
      [meetingRemindersJob]: meetingRemindersJobHandler(services),
    },
    app.log,
    50,
  );
  return {
    app,
    services,
    testDatabase,
    worker,
    drainJobs: () => worker.drain(),
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      await testDatabase.drop();
    },
  };
}

export interface TestResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  location: string | undefined;
}

/** Keeps cookies between requests and posts forms with the CSRF token of the last page seen. */
export class TestClient {
  private cookies = new Map<string, string>();
  lastPage = '';

  constructor(private readonly app: FastifyInstance) {}

  private remember(setCookie: string | string[] | number | undefined) {
    const list = Array.isArray(setCookie) ? setCookie : typeof setCookie === 'string' ? [setCookie] : [];
    for (const line of list) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired =
        attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || attributes.some((a) => /max-age=0\b/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  csrfToken(): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(this.lastPage);
    return match?.[1] ?? '';
  }

  /** Remembers cookies and the last HTML page (for its CSRF token) and simplifies the response. */
  private keep(response: Awaited<ReturnType<FastifyInstance['inject']>>): TestResponse {
    this.remember(response.headers['set-cookie']);
    if (response.headers['content-type']?.toString().startsWith('text/html')) this.lastPage = response.body;
    return {
      status: response.statusCode,
      body: response.body,
      headers: response.headers,
      location: response.headers.location as string | undefined,
    };
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<TestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } });
    return this.keep(response);
  }

  /** Posts a form; `_csrf` comes from the last page unless given (pass '' to omit it). */
  async post(
    url: string,
    form: Record<string, string | string[]>,
    options: { csrf?: string; rawBody?: string } = {},
  ): Promise<TestResponse> {
    const params = new URLSearchParams();
    const csrf = options.csrf ?? this.csrfToken();
    if (csrf !== '') params.append('_csrf', csrf);
    for (const [key, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: options.rawBody ?? params.toString(),
    });
    return this.keep(response);
  }
}

export const testPassword = 'correct horse battery staple';

/** Creates a confirmed user with roles directly in the database (for tests that are not about sign-up). */
export async function createUser(
  services: Services,
  email: string,
  roles: Role[] = [],
  options: { confirmed?: boolean } = {},
): Promise<number> {
  const now = new Date().toISOString();
  const user = await services.db
    .insertInto('users')
    .values({
      email,
      display_name: email.split('@')[0]!,
      password_hash: await hashPassword(testPassword),
      email_confirmed_at: options.confirmed === false ? null : now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const role of roles) {
    await services.db.insertInto('user_roles').values({ user_id: user.id, role, granted_at: now, granted_by: null }).execute();
  }
  return user.id;
}

/** Signs a client in through the real form. */
export async function signInClient(client: TestClient, email: string, password = testPassword): Promise<void> {
  await client.get('/logowanie');
  const response = await client.post('/logowanie', { email, password });
  if (response.status !== 303) throw new Error(`sign-in of ${email} failed with ${response.status}`);
}

/** Extracts the first link to this site from the newest mail to an address. */
export async function latestMailLink(services: Services, to: string): Promise<string> {
  const mail = await services.db
    .selectFrom('mails')
    .selectAll()
    .where('to_address', '=', to)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const match = /https?:\/\/\S+/.exec(mail.body_text);
  if (!match) throw new Error(`no link in mail "${mail.subject}"`);
  return match[0].replace(/^https?:\/\/[^/]+/, '');
}
