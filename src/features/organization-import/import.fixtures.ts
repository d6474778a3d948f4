/**
 * Test helpers of the organisation import: identifiers that pass their checksums, CSV files built
 * from rows, Windows-1250 bytes, and the upload of a file the way a browser posts the form.
 */
import { nipCheckDigit, regon9CheckDigit } from '../organizations/index.js';
import type { TestApp, TestClient, TestResponse } from '../../test-support/test-app.js';
import { multipart, multipartContentType, type MultipartPart } from '../../test-support/multipart.js';

/** A 10-digit KRS (it has no checksum). */
export function testKrs(seed: number): string {
  return String(500_000 + seed).padStart(10, '0');
}

/** A valid NIP, different for every seed (seeds whose check digit would be 10 move on). */
export function testNip(seed: number): string {
  for (let n = seed * 2; ; n++) {
    const first9 = String(781_000_000 + n);
    const digit = nipCheckDigit(first9);
    if (digit !== null) return `${first9}${digit}`;
  }
}

/** A valid 9-digit REGON. */
export function testRegon(seed: number): string {
  const first8 = String(31_000_000 + seed);
  return `${first8}${regon9CheckDigit(first8)}`;
}

export type CsvRecord = Record<string, string>;

function cell(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV text with the given header and rows (missing values are empty cells). */
export function csvText(header: string[], rows: CsvRecord[], delimiter = ';'): string {
  return (
    [header.join(delimiter), ...rows.map((r) => header.map((h) => cell(r[h] ?? '', delimiter)).join(delimiter))].join('\r\n') +
    '\r\n'
  );
}

let windows1250: Map<string, number> | undefined;

/** Text as Windows-1250 bytes (what Polish Excel writes by default). */
export function toWindows1250(text: string): Buffer {
  if (!windows1250) {
    const decoder = new TextDecoder('windows-1250');
    windows1250 = new Map();
    for (let byte = 0; byte < 256; byte++) windows1250.set(decoder.decode(Uint8Array.of(byte)), byte);
  }
  return Buffer.from(
    [...text].map((char) => {
      const byte = windows1250!.get(char);
      if (byte === undefined) throw new Error(`${char} has no Windows-1250 byte`);
      return byte;
    }),
  );
}

/** A multipart/form-data body as a browser sends the upload form. */
export function multipartBody(fields: Record<string, string>, file?: { field: string; filename: string; data: Buffer }) {
  const parts: MultipartPart[] = Object.entries(fields).map(([name, value]) => ({ name, value }));
  if (file) parts.push({ name: file.field, filename: file.filename, contentType: 'text/csv', value: file.data });
  return { payload: multipart(parts), contentType: multipartContentType() };
}

/** Opens the import page (for its CSRF token) and uploads the bytes as the file. */
export async function uploadCsv(
  t: TestApp,
  client: TestClient,
  data: Buffer,
  filename = 'organizacje.csv',
): Promise<TestResponse> {
  await client.get('/organizacje/import');
  const { payload, contentType } = multipartBody({ _csrf: client.csrfToken() }, { field: 'plik', filename, data });
  const raw = await t.app.inject({
    method: 'POST',
    url: '/organizacje/import',
    headers: { cookie: client.cookieHeader(), 'content-type': contentType },
    payload,
  });
  return { status: raw.statusCode, body: raw.body, headers: raw.headers, location: raw.headers.location as string | undefined };
}

/** The import id of a dry run's redirect (`/organizacje/import/12`). */
export function importIdOf(response: TestResponse): number {
  const match = /^\/organizacje\/import\/(\d+)$/.exec(response.location ?? '');
  if (response.status !== 303 || !match)
    throw new Error(`the upload was not accepted: ${response.status} ${response.location ?? ''}`);
  return Number(match[1]);
}

/** What a commit must not change when it has nothing to do, and what it changes otherwise. */
export async function directoryFootprint(t: TestApp) {
  const count = async (
    table: 'organizations' | 'organization_spheres' | 'organization_members' | 'audit_log' | 'files' | 'organization_imports',
  ) =>
    Number(
      (
        await t.services.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const versions = await t.services.db
    .selectFrom('organizations')
    .select((eb) => [eb.fn.sum<number>('version').as('sum'), eb.fn.max('updated_at').as('latest')])
    .executeTakeFirstOrThrow();
  return {
    organizations: await count('organizations'),
    spheres: await count('organization_spheres'),
    members: await count('organization_members'),
    audit: await count('audit_log'),
    files: await count('files'),
    imports: await count('organization_imports'),
    versionSum: Number(versions.sum ?? 0),
    latestUpdate: versions.latest === null ? null : String(versions.latest),
  };
}
