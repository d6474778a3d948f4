/** SQL of the organisation import: the import records, and organisations looked up by identifier in bulk. */
import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export type ImportStatus = 'dry-run' | 'committed';

/** One uploaded file (migration 20261126T1000_organization_imports). */
export interface OrganizationImportsTable {
  id: Generated<number>;
  status: ImportStatus;
  file_key: string;
  file_sha256: string;
  file_bytes: number;
  uploaded_by: number | null;
  uploaded_at: string;
  /** The dry run's `ImportReport` (JSON). */
  report_json: string;
  committed_by: number | null;
  committed_at: string | null;
  /** The commit's `ImportReport` (JSON), with the slugs of the organisations written. */
  result_json: string | null;
}

// The table belongs to this feature; its type joins the shared schema here rather than in schema.ts.
declare module '../../platform/db/schema.js' {
  interface DB {
    organization_imports: OrganizationImportsTable;
  }
}

export type OrganizationImport = Selectable<OrganizationImportsTable>;
export type OrganizationRow = Selectable<DB['organizations']>;

/** Files are kept by their SHA-256: the same file uploaded again is stored once. */
export function importFileKey(sha256: string): string {
  return `organization-imports/${sha256}.csv`;
}

export async function insertImport(
  db: Kysely<DB>,
  values: { fileSha256: string; fileBytes: number; uploadedBy: number; uploadedAt: string; reportJson: string },
): Promise<number> {
  const row = await db
    .insertInto('organization_imports')
    .values({
      status: 'dry-run',
      file_key: importFileKey(values.fileSha256),
      file_sha256: values.fileSha256,
      file_bytes: values.fileBytes,
      uploaded_by: values.uploadedBy,
      uploaded_at: values.uploadedAt,
      report_json: values.reportJson,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findImport(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('organization_imports')
    .leftJoin('users as uploader', 'uploader.id', 'organization_imports.uploaded_by')
    .leftJoin('users as committer', 'committer.id', 'organization_imports.committed_by')
    .selectAll('organization_imports')
    .select(['uploader.display_name as uploaded_by_name', 'committer.display_name as committed_by_name'])
    .where('organization_imports.id', '=', id)
    .executeTakeFirst();
}

/** Marks a dry run committed, once: false when it was committed already (or is being, on PostgreSQL). */
export async function claimForCommit(db: Kysely<DB>, id: number, userId: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('organization_imports')
    .set({ status: 'committed', committed_by: userId, committed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'dry-run')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function storeResult(db: Kysely<DB>, id: number, resultJson: string): Promise<void> {
  await db.updateTable('organization_imports').set({ result_json: resultJson }).where('id', '=', id).execute();
}

export const recentImportsShown = 10;

/** The latest imports, newest first, with the heads of their reports (where the counts are). */
export function recentImports(db: Kysely<DB>, headLength: number) {
  return db
    .selectFrom('organization_imports')
    .leftJoin('users', 'users.id', 'organization_imports.uploaded_by')
    .select([
      'organization_imports.id',
      'organization_imports.status',
      'organization_imports.uploaded_at',
      'organization_imports.committed_at',
      sql<string>`substr(organization_imports.report_json, 1, ${headLength})`.as('report_head'),
      sql<string | null>`substr(organization_imports.result_json, 1, ${headLength})`.as('result_head'),
      'users.display_name as uploaded_by_name',
    ])
    .orderBy('organization_imports.id', 'desc')
    .limit(recentImportsShown)
    .execute();
}

const chunkSize = 500;

function chunks<T>(values: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < values.length; i += chunkSize) result.push(values.slice(i, i + chunkSize));
  return result;
}

/** Every organisation holding one of the identifiers (bounded queries, whatever the file's size). */
export async function organizationsByIdentifiers(
  db: Kysely<DB>,
  identifiers: { krs: string[]; nip: string[]; regon: string[] },
): Promise<OrganizationRow[]> {
  const found = new Map<number, OrganizationRow>();
  for (const column of ['krs', 'nip', 'regon'] as const) {
    for (const chunk of chunks([...new Set(identifiers[column])])) {
      const rows = await db.selectFrom('organizations').selectAll().where(column, 'in', chunk).execute();
      for (const row of rows) found.set(row.id, row);
    }
  }
  return [...found.values()];
}

/** The sphere codes of each organisation. */
export async function spheresByOrganizationId(db: Kysely<DB>, ids: number[]): Promise<Map<number, string[]>> {
  const spheres = new Map<number, string[]>(ids.map((id) => [id, []]));
  for (const chunk of chunks(ids)) {
    const rows = await db
      .selectFrom('organization_spheres')
      .select(['organization_id', 'sphere_code'])
      .where('organization_id', 'in', chunk)
      .execute();
    for (const row of rows) spheres.get(row.organization_id)?.push(row.sphere_code);
  }
  return spheres;
}

/** The codes of the spheres in force (to name the unknown ones of a row). */
export async function currentSphereCodes(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db.selectFrom('spheres').select('code').where('valid_to', 'is', null).execute();
  return new Set(rows.map((r) => r.code));
}
