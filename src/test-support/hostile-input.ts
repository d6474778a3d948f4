/**
 * Hostile input for the forms' property tests (`*.prop.test.ts`): fast-check generators of the text,
 * shapes and transports an attacker or a broken client sends, one function that submits them the
 * way they would arrive, the checks every answer must pass, and `snapshotCounts` to prove that a
 * refused submission wrote nothing and an accepted one wrote exactly its rows.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Services } from '../services.js';
import type { TestApp, TestClient, TestResponse } from './test-app.js';

// ---------------------------------------------------------------------------------------------
// Row counts

/** Every table a form may write to. */
export const countedTables = [
  'users',
  'sessions',
  'account_tokens',
  'mails',
  'jobs',
  'audit_log',
  'site_settings',
  'user_roles',
  'files',
  'organizations',
  'organization_members',
] as const;
export type CountedTable = (typeof countedTables)[number];
export type Counts = Record<CountedTable, number>;

export async function snapshotCounts(services: Services): Promise<Counts> {
  const counts = {} as Counts;
  for (const table of countedTables) {
    const row = await services.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** The tables whose row count changed, with the difference (`{ users: 1, mails: 1 }`). */
export function countChanges(before: Counts, after: Counts): Partial<Counts> {
  const changes: Partial<Counts> = {};
  for (const table of countedTables) {
    if (after[table] !== before[table]) changes[table] = after[table] - before[table];
  }
  return changes;
}

/**
 * What a form may have written, as one comparable string: every row of the `rows` tables (by id)
 * and the row count of the `counted` ones, under the names given, plus anything `extra`.
 *
 *   const state = () => writtenState(t.services, { versions: 'programme_versions' }, { audit: 'audit_log' });
 */
export async function writtenState(
  services: Services,
  rows: Record<string, keyof DB>,
  counted: Record<string, keyof DB> = {},
  extra: Record<string, unknown> = {},
): Promise<string> {
  // Any table with an `id`: the rows are only compared, never read field by field.
  const db = services.db as unknown as Kysely<Record<string, { id: number }>>;
  const state: Record<string, unknown> = {};
  for (const [name, table] of Object.entries(rows)) state[name] = await db.selectFrom(table).selectAll().orderBy('id').execute();
  for (const [name, table] of Object.entries(counted)) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    state[name] = Number(row.n);
  }
  return JSON.stringify({ ...state, ...extra });
}

// ---------------------------------------------------------------------------------------------
// Generators

export const injectionStrings = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5)',
  "admin'--",
  '%27%20OR%201%3D1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  'javascript:alert(1)',
  '</textarea><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '\u202Egnp.exe',
  '\u200F\u202B\u05E9\u05DC\u05D5\u05DD\u202C',
  'Zażółć gęślą jaźń',
  '👩‍👩‍👧‍👦🇵🇱😀',
  '\uFEFFbom',
  '\u0000',
  'a\u0000b',
  'null',
  'undefined',
  'true',
  '-1',
  '0',
  '1e309',
  'NaN',
  '0x10',
  '9'.repeat(40),
  ' ',
  '',
];

const specialCharacter = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u000B',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u00A0',
  '\u200B',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202E',
  '\u2066',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\uFFFD',
  '\uFFFF',
  '<',
  '>',
  '"',
  "'",
  '&',
  '%',
  '+',
  '=',
  '\\',
  '/',
  ';',
  'ż',
  'Ł',
  '😀',
);

/** A lone surrogate somewhere in a string (sent as UTF-8 it arrives as U+FFFD). */
const withLoneSurrogate = fc
  .tuple(fc.string({ maxLength: 5 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 5 }))
  .map(([a, code, b]) => `${a}${String.fromCharCode(code)}${b}`);

/** Very long text, up to 200 000 characters. */
export const longText = fc
  .record({ unit: fc.constantFrom('a', 'ż', '😀', 'ab ', '<&"', '\u0000', '\n'), length: fc.integer({ min: 257, max: 200_000 }) })
  .map(({ unit, length }) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Hostile text of ordinary length: control characters, unicode of every kind, injections. */
export const shortHostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...injectionStrings), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: specialCharacter, maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: fc.oneof(specialCharacter, fc.constantFrom('a', 'b', ' ')), maxLength: 30 }), weight: 2 },
  { arbitrary: withLoneSurrogate, weight: 1 },
);

/** Any hostile text, very long strings included. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: shortHostileText, weight: 15 },
  { arbitrary: longText, weight: 1 },
);

/** A field as a form may arrive: one value, the same name repeated (→ array), or missing. */
export type FieldValue = string | string[] | undefined;

export function hostileField(value: fc.Arbitrary<string> = hostileText): fc.Arbitrary<FieldValue> {
  return fc.oneof(
    { arbitrary: value, weight: 6 },
    { arbitrary: fc.array(value, { minLength: 2, maxLength: 3 }), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

/** Fields no form has: random names, bracketed "nested" names, prototype names. */
export const extraFields: fc.Arbitrary<Array<[string, string]>> = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom('a[b]', 'user[role]', 'roles[]', '__proto__', 'constructor', 'role', 'isAdmin', '_method', 'id', ''),
      fc.string({ maxLength: 12 }),
    ),
    fc.oneof(fc.constantFrom('c', 'administrator', 'true', 'DELETE'), fc.string({ maxLength: 12 })),
  ),
  { maxLength: 3 },
);

export type FormInput = Record<string, FieldValue>;

/** Each field its valid value three times in four, else hostile: submissions get past the first refusal to the deeper rules. */
export function validOrHostile(fields: Record<string, string>): Record<string, fc.Arbitrary<FieldValue>> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [
      name,
      fc.oneof({ arbitrary: fc.constant<FieldValue>(value), weight: 3 }, { arbitrary: hostileField(), weight: 1 }),
    ]),
  );
}

/** A form body with hostile values in the named fields, some missing or repeated, plus extra fields. */
export function hostileForm(fields: readonly string[], overrides: Record<string, fc.Arbitrary<FieldValue>> = {}) {
  const shape: Record<string, fc.Arbitrary<FieldValue>> = {};
  for (const field of fields) shape[field] = overrides[field] ?? hostileField();
  return fc.record({ fields: fc.record(shape), extra: extraFields });
}

/** How the body travels. `form` is what a browser sends; the others are broken or hostile. */
export type Transport =
  'form' | 'invalid-utf8' | 'bad-percent' | 'json' | 'text-plain' | 'no-content-type' | 'multipart-on-form' | 'oversize';
export type CsrfVariant = 'valid' | 'missing' | 'wrong' | 'foreign';

export const bodyTransports: fc.Arbitrary<Transport> = fc.constantFrom('form', 'invalid-utf8', 'bad-percent');
export const refusedTransports: fc.Arbitrary<Transport> = fc.constantFrom(
  'json',
  'text-plain',
  'no-content-type',
  'multipart-on-form',
  'oversize',
);
export const badCsrf: fc.Arbitrary<CsrfVariant> = fc.constantFrom('missing', 'wrong', 'foreign');

// ---------------------------------------------------------------------------------------------
// Submitting

/** The form's pairs in order (`_csrf` first), repeated names for arrays, missing fields left out. */
export function formEntries(
  input: { fields: FormInput; extra?: Array<[string, string]> },
  csrf: string | null,
): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  if (csrf !== null) entries.push(['_csrf', csrf]);
  for (const [name, value] of Object.entries(input.fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) entries.push([name, v]);
  }
  for (const pair of input.extra ?? []) entries.push(pair);
  return entries;
}

const invalidBytes = [Buffer.from([0xff, 0xfe]), Buffer.from([0xc3]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0xaf])];
const badPercents = ['%FF%FE%C3', '%', '%zz', '%ED%A0%80', '%C0%AF', '%E2%82', '%%41'];

/** Percent-encodes like a browser: a lone surrogate becomes U+FFFD instead of throwing. */
const encode = (value: string) => encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8'));

function payloadFor(entries: Array<[string, string]>, transport: Transport): { payload: string | Buffer; contentType?: string } {
  const urlencoded = new URLSearchParams(entries).toString();
  switch (transport) {
    case 'form':
      return { payload: urlencoded, contentType: 'application/x-www-form-urlencoded' };
    case 'invalid-utf8': {
      // Raw bytes that are not UTF-8 in every value but the token.
      const parts = entries.map(([k, v], i) =>
        k === '_csrf'
          ? Buffer.from(`${encode(k)}=${encode(v)}`)
          : Buffer.concat([Buffer.from(`${encode(k)}=`), invalidBytes[i % invalidBytes.length]!, Buffer.from(encode(v))]),
      );
      const joined: Buffer[] = [];
      parts.forEach((p, i) => joined.push(...(i ? [Buffer.from('&'), p] : [p])));
      return { payload: Buffer.concat(joined), contentType: 'application/x-www-form-urlencoded' };
    }
    case 'bad-percent':
      return {
        payload: entries
          .map(([k, v], i) =>
            k === '_csrf' ? `${k}=${encode(v)}` : `${encode(k)}=${badPercents[i % badPercents.length]}${encode(v)}`,
          )
          .join('&'),
        contentType: 'application/x-www-form-urlencoded',
      };
    case 'json':
      return { payload: JSON.stringify(Object.fromEntries(entries)), contentType: 'application/json' };
    case 'text-plain':
      return { payload: urlencoded, contentType: 'text/plain' };
    case 'no-content-type':
      return { payload: urlencoded };
    case 'multipart-on-form': {
      const boundary = 'hostileBoundary';
      const body = entries
        .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '')}"\r\n\r\n${v}\r\n`)
        .join('');
      return { payload: `${body}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
    }
    case 'oversize':
      return { payload: `${urlencoded}&padding=${'x'.repeat(1_100_000)}`, contentType: 'application/x-www-form-urlencoded' };
  }
}

/**
 * A raw query string: the named parameters (and others) with hostile values, some repeated, some
 * with malformed percent-encodings (`%FF%FE%C3`, a lone `%`) or bracketed names (`a[b]=c`).
 */
export function hostileQuery(names: readonly string[], value: fc.Arbitrary<string> = hostileText): fc.Arbitrary<string> {
  const name = fc.oneof(
    { arbitrary: fc.constantFrom(...names), weight: 4 },
    { arbitrary: fc.constantFrom('a[b]', '__proto__', ''), weight: 1 },
  );
  const pair = fc
    .tuple(name, value, fc.option(fc.constantFrom(...badPercents), { freq: 4 }))
    .map(([k, v, bad]) => `${encode(k)}=${bad ?? ''}${encode(v)}`);
  return fc.array(pair, { maxLength: 5 }).map((pairs) => pairs.join('&'));
}

function toResponse(raw: { statusCode: number; body: string; headers: TestResponse['headers'] }): TestResponse {
  return { status: raw.statusCode, body: raw.body, headers: raw.headers, location: raw.headers.location as string | undefined };
}

/** Posts a form the way it arrives over the wire, with the client's cookies and a chosen CSRF token. */
export async function submit(
  t: TestApp,
  client: TestClient,
  url: string,
  input: { fields: FormInput; extra?: Array<[string, string]> },
  options: { transport?: Transport; csrf?: CsrfVariant; foreignToken?: string } = {},
): Promise<TestResponse> {
  const variant = options.csrf ?? 'valid';
  const token =
    variant === 'valid'
      ? client.csrfToken()
      : variant === 'wrong'
        ? 'not-a-valid-token-0123456789'
        : variant === 'foreign'
          ? (options.foreignToken ?? '')
          : null;
  if (variant === 'valid') assert.ok(token, 'the client has a CSRF token from its last page');
  const { payload, contentType } = payloadFor(formEntries(input, token), options.transport ?? 'form');
  const headers: Record<string, string> = { cookie: client.cookieHeader() };
  if (contentType) headers['content-type'] = contentType;
  return toResponse(await t.app.inject({ method: 'POST', url, headers, payload }));
}

// ---------------------------------------------------------------------------------------------
// Checks

/** The statuses any form may answer with. */
export const formStatuses = [200, 303, 400, 403, 404, 409, 413, 415, 429];

/** Polish text each error status must show. */
const statusText: Record<number, RegExp> = {
  // A form shown again with its errors, the generic page, or an expired link's page.
  400: /Popraw błędy w formularzu|Nieprawidłowe żądanie|Link jest nieważny/,
  403: /Brak dostępu/,
  404: /Nie znaleziono strony/,
  413: /Za dużo danych/,
  415: /Nieobsługiwany format/,
  429: /Zbyt wiele/,
};

export function describeResponse(response: TestResponse): string {
  const title = /<title>([^<]*)<\/title>/.exec(response.body)?.[1];
  return `${response.status}${response.location ? ` → ${response.location}` : ''}${title ? ` “${title}”` : ''}`;
}

/**
 * Never a 5xx; a status from the expected set; an HTML answer is a Polish page with the Polish text
 * of its status; a redirect stays on this site.
 */
export function assertWellFormedAnswer(response: TestResponse, expected: readonly number[] = formStatuses): void {
  const what = describeResponse(response);
  assert.ok(response.status < 500, `a server error: ${what}`);
  assert.ok(expected.includes(response.status), `status ${response.status} not in [${expected.join(', ')}]: ${what}`);
  if (response.status === 303) {
    assertLocalLocation(response.location);
    return;
  }
  const type = String(response.headers['content-type'] ?? '');
  assert.match(type, /^text\/html/, `not an HTML page: ${what} (${type})`);
  assert.match(response.body, /<html lang="pl"/, `not a Polish page: ${what}`);
  const text = statusText[response.status];
  if (text) assert.match(response.body, text, `the ${response.status} page lacks its Polish message: ${what}`);
}

/** The Polish page for a refused CSRF token (or 413 first, when the body is too large to read). */
export function assertCsrfRefusal(response: TestResponse): void {
  assertWellFormedAnswer(response, [403, 413]);
  if (response.status === 403) {
    assert.match(response.body, /Formularz wygasł lub został wysłany spoza serwisu/, 'the CSRF reason is shown');
  }
}

/** A form re-rendered with its errors: Polish, with the error summary. */
export function assertValidationPage(response: TestResponse): void {
  assertWellFormedAnswer(response, [400]);
  assert.match(response.body, /Popraw błędy w formularzu/, `no error summary: ${describeResponse(response)}`);
}

/** A Location a browser would resolve on this site (tabs, line breaks and backslashes included). */
export function assertLocalLocation(location: string | undefined): void {
  assert.ok(location, 'a redirect has a Location');
  const resolved = new URL(location, 'https://wspolnie.example');
  assert.equal(resolved.origin, 'https://wspolnie.example', `redirect leaves the site: ${JSON.stringify(location)}`);
  const plainAscii = /^[\u0021-\u007E]+$/.test(location) && !location.includes('\\');
  assert.ok(plainAscii, `Location is not plain encoded ASCII: ${JSON.stringify(location)}`);
}

function decodeHtml(value: string): string {
  return value.replace(/&(quot|amp|lt|gt|#39);/g, (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'" })[e]!);
}

/** The value a page shows in the field `name` (input value or textarea text), or undefined. */
export function shownValue(html: string, name: string): string | undefined {
  const attribute = `name="${name}"`;
  for (const match of html.matchAll(/<(input|textarea)\b/g)) {
    const start = match.index!;
    // Attribute values never hold a raw `"`, so the tag ends at the first `>` outside quotes.
    const tag = /^<(?:input|textarea)\b(?:\s+[^\s="/>]+(?:="[^"]*")?)*\s*\/?>/.exec(html.slice(start))?.[0];
    if (!tag || !tag.includes(` ${attribute}`)) continue;
    if (match[1] === 'textarea') {
      const end = html.indexOf('</textarea>', start + tag.length);
      return decodeHtml(html.slice(start + tag.length, end));
    }
    const value = / value="([^"]*)"/.exec(tag)?.[1];
    return value === undefined ? '' : decodeHtml(value);
  }
  return undefined;
}

/** Would this value come back unchanged after a trip as UTF-8 (no lone surrogates)? */
export function survivesUtf8(value: string): boolean {
  return Buffer.from(value, 'utf8').toString('utf8') === value;
}

/**
 * The re-rendered form shows back what was typed in each of `fields` — when it was sent as one
 * well-formed string in a normal form body (what a browser sends).
 */
export function assertRefilled(response: TestResponse, input: { fields: FormInput }, fields: readonly string[]): void {
  for (const name of fields) {
    const sent = input.fields[name];
    if (typeof sent !== 'string' || !survivesUtf8(sent) || sent.length > 100_000) continue;
    const shown = shownValue(response.body, name);
    assert.equal(shown, sent, `field "${name}" is not refilled with what was typed`);
  }
}

/** `PROPERTY_RUNS_FACTOR=10 node --import tsx --test …` runs every property ten times as often. */
const runsFactor = Number(process.env.PROPERTY_RUNS_FACTOR ?? '1') || 1;

/** Runs a property with the shared settings: moderate runs, readable counterexamples. */
export async function checkProperty<T>(
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  numRuns = 50,
): Promise<void> {
  try {
    await fc.assert(fc.asyncProperty(arbitrary, predicate), { numRuns: Math.ceil(numRuns * runsFactor) });
  } catch (error) {
    // Counterexamples may hold 200 000-character strings: keep the report readable.
    const cause = error instanceof Error && error.cause instanceof Error ? `\nCause: ${error.cause.message}` : '';
    const message = `${error instanceof Error ? error.message : String(error)}${cause}`;
    const short = message.replace(
      /(.)\1{200,}/gsu,
      (run, c: string) => `${c.repeat(20)}…(${run.length} × ${JSON.stringify(c)})…`,
    );
    throw new Error(short.length > 8000 ? `${short.slice(0, 4000)}\n…\n${short.slice(-4000)}` : short, { cause: error });
  }
}
