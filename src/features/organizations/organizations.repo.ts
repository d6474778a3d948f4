/** SQL of the directory: organisations, their spheres and members, and the dictionaries. */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export function activeSpheres(db: Kysely<DB>, on = new Date().toISOString().slice(0, 10)) {
  return db
    .selectFrom('spheres')
    .select(['code', 'label_pl', 'label_en'])
    .where('valid_from', '<=', on)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', on)]))
    .orderBy('position')
    .execute();
}

export function legalForms(db: Kysely<DB>) {
  return db.selectFrom('legal_forms').selectAll().orderBy('position').execute();
}

export function findOrganizationBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findOrganizationById(db: Kysely<DB>, id: number) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function spheresOf(db: Kysely<DB>, organizationId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('organization_spheres')
    .select('sphere_code')
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.map((r) => r.sphere_code);
}

/** The person's active role in the organisation, or null. */
export async function membershipOf(db: Kysely<DB>, organizationId: number, userId: number) {
  const row = await db
    .selectFrom('organization_members')
    .select(['role', 'status'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ?? null;
}

/** Finds an organisation already holding one of the identifiers (to refuse a duplicate registration). */
export function findByIdentifiers(db: Kysely<DB>, ids: { krs: string; nip: string; regon: string }) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'slug', 'krs', 'nip', 'regon'])
    .where((eb) =>
      eb.or([
        ...(ids.krs ? [eb('krs', '=', ids.krs)] : []),
        ...(ids.nip ? [eb('nip', '=', ids.nip)] : []),
        ...(ids.regon ? [eb('regon', '=', ids.regon)] : []),
      ]),
    )
    .executeTakeFirst();
}

/** Fixed addresses under /organizacje/ that a profile's slug must never shadow (a test keeps this in step with the routes). */
export const reservedSlugs = new Set(['nowa', 'nieaktualne', 'import']);

export async function uniqueSlug(db: Kysely<DB>, base: string): Promise<string> {
  const taken = new Set<string | null>(
    (await db.selectFrom('organizations').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug),
  );
  for (const reserved of reservedSlugs) taken.add(reserved);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Where a merged organisation's address leads: the slug of the organisation it was merged into. */
export async function mergedIntoSlug(db: Kysely<DB>, slug: string): Promise<string | null> {
  const row = await db
    .selectFrom('organizations as duplicate')
    .innerJoin('organizations as target', 'target.id', 'duplicate.merged_into_id')
    .select('target.slug')
    .where('duplicate.slug', '=', slug)
    .where('duplicate.status', '=', 'merged')
    .executeTakeFirst();
  return row?.slug ?? null;
}

type Dictionaries = { spheres: Awaited<ReturnType<typeof activeSpheres>>; legalForms: Awaited<ReturnType<typeof legalForms>> };
const dictionaryMemo = new WeakMap<Kysely<DB>, { day: string; value: Promise<Dictionaries> }>();

/** The spheres in force today and the legal forms: they change only with a migration, so read once a day per database. */
export function directoryDictionaries(db: Kysely<DB>): Promise<Dictionaries> {
  const day = new Date().toISOString().slice(0, 10);
  const memo = dictionaryMemo.get(db);
  if (memo?.day === day) return memo.value;
  const value = Promise.all([activeSpheres(db, day), legalForms(db)]).then(([spheres, forms]) => ({
    spheres,
    legalForms: forms,
  }));
  value.catch(() => dictionaryMemo.delete(db));
  dictionaryMemo.set(db, { day, value });
  return value;
}

/** The e-mail addresses of an organisation's active administrators. */
export function activeAdminEmails(db: Kysely<DB>, organizationId: number) {
  return db
    .selectFrom('organization_members')
    .innerJoin('users', 'users.id', 'organization_members.user_id')
    .select('users.email')
    .where('organization_members.organization_id', '=', organizationId)
    .where('organization_members.role', '=', 'admin')
    .where('organization_members.status', '=', 'active')
    .orderBy('users.id')
    .execute();
}
