/** The programme's SQL: programmes, their versions, and the newest version a viewer may read. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, ProgrammesTable, ProgrammeVersionsTable } from '../../platform/db/schema.js';

export type ProgrammeRecord = Selectable<ProgrammesTable>;
export type ProgrammeVersionRecord = Selectable<ProgrammeVersionsTable>;

export function findProgramme(db: Kysely<DB>, id: number): Promise<ProgrammeRecord | undefined> {
  return db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listProgrammes(db: Kysely<DB>): Promise<ProgrammeRecord[]> {
  return db.selectFrom('programmes').selectAll().orderBy('year_from', 'desc').orderBy('id', 'desc').execute();
}

/** Every version of the given programmes, newest first within each. */
export function versionsOf(db: Kysely<DB>, programmeIds: number[]): Promise<ProgrammeVersionRecord[]> {
  if (programmeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programme_versions')
    .selectAll()
    .where('programme_id', 'in', programmeIds)
    .orderBy('programme_id')
    .orderBy('number', 'desc')
    .execute();
}

/** The newest version; with `public`, the newest that is not a draft (the public never reads drafts). */
export function newestVersion(
  db: Kysely<DB>,
  programmeId: number,
  readable: 'all' | 'public',
): Promise<ProgrammeVersionRecord | undefined> {
  let query = db.selectFrom('programme_versions').selectAll().where('programme_id', '=', programmeId);
  if (readable === 'public') query = query.where('status', '!=', 'draft');
  return query.orderBy('number', 'desc').limit(1).executeTakeFirst();
}

/** The newest version of the newest programme covering `year` (the one "start from last year" copies). */
export function newestVersionForYear(db: Kysely<DB>, year: number): Promise<ProgrammeVersionRecord | undefined> {
  return db
    .selectFrom('programme_versions')
    .innerJoin('programmes', 'programmes.id', 'programme_versions.programme_id')
    .selectAll('programme_versions')
    .where('programmes.year_from', '<=', year)
    .where('programmes.year_to', '>=', year)
    .orderBy('programmes.year_from', 'desc')
    .orderBy('programmes.id', 'desc')
    .orderBy('programme_versions.number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** One version with its programme's years and title, or undefined. */
export function findVersionWithProgramme(db: Kysely<DB>, versionId: number) {
  return db
    .selectFrom('programme_versions')
    .innerJoin('programmes', 'programmes.id', 'programme_versions.programme_id')
    .selectAll('programme_versions')
    .select(['programmes.year_from', 'programmes.year_to', 'programmes.title'])
    .where('programme_versions.id', '=', versionId)
    .executeTakeFirst();
}

/** A programme's version by its number; with `public`, only one that is not a draft. */
export function versionByNumber(
  db: Kysely<DB>,
  programmeId: number,
  number: number,
  readable: 'all' | 'public',
): Promise<ProgrammeVersionRecord | undefined> {
  let query = db
    .selectFrom('programme_versions')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('number', '=', number);
  if (readable === 'public') query = query.where('status', '!=', 'draft');
  return query.executeTakeFirst();
}
