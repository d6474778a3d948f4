/**
 * The NGO directory: the versioned dictionary of spheres of public tasks, the dictionary of legal
 * forms, the full organisation record (identifiers, OPP status, contacts, verification, freshness,
 * optimistic locking), spheres per organisation, and membership requests.
 */
import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../src/platform/db/database.js';
import { initialLegalForms, initialSpheres, spheresValidFrom } from './data/20261126T0700_dictionaries.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const time = engine === 'postgres' ? 'timestamptz' : 'text';

  await db.schema
    .createTable('spheres')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('label_pl', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('uncertain', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('spheres_pk', ['code', 'valid_from'])
    .execute();
  const spheres = db as unknown as Kysely<{ spheres: Record<string, unknown>; legal_forms: Record<string, unknown> }>;
  await spheres
    .insertInto('spheres')
    .values(
      initialSpheres.map((s, i) => ({
        code: s.code,
        valid_from: spheresValidFrom,
        valid_to: null,
        label_pl: s.labelPl,
        label_en: s.labelEn,
        position: i + 1,
        uncertain: s.uncertain ? 1 : 0,
      })),
    )
    .execute();

  await db.schema
    .createTable('legal_forms')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label_pl', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('register', 'text', (c) => c.notNull())
    .addColumn('can_be_opp', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await spheres
    .insertInto('legal_forms')
    .values(
      initialLegalForms.map((f, i) => ({
        code: f.code,
        label_pl: f.labelPl,
        label_en: f.labelEn,
        kind: f.kind,
        register: f.register,
        can_be_opp: f.canBeOpp ? 1 : 0,
        position: i + 1,
      })),
    )
    .execute();

  const columns: Array<[string, string, boolean?]> = [
    ['short_name', 'text'],
    ['slug', 'text'],
    ['legal_form', 'text'],
    ['kind', 'text'],
    ['krs', 'text'],
    ['nip', 'text'],
    ['regon', 'text'],
    ['other_register_name', 'text'],
    ['other_register_number', 'text'],
    ['founded_on', 'text'],
    ['opp_year', 'integer'],
    ['description_md', 'text'],
    ['goals_md', 'text'],
    ['target_groups', 'text'],
    ['area_of_activity', 'text'],
    ['street', 'text'],
    ['postal_code', 'text'],
    ['city', 'text'],
    ['email', 'text'],
    ['phone', 'text'],
    ['website', 'text'],
    ['social_links_json', 'text'],
    ['logo_key', 'text'],
    ['volunteers_description', 'text'],
    ['verified_at', time],
    ['verified_by', 'integer'],
    ['suspended_reason', 'text'],
    ['merged_into_id', 'integer'],
    ['last_confirmed_at', time],
    ['updated_at', time],
    ['name_sort_key', 'text'],
  ];
  for (const [name, type] of columns) {
    await db.schema.alterTable('organizations').addColumn(name, sql.raw(type)).execute();
  }
  await db.schema
    .alterTable('organizations')
    .addColumn('volunteers_wanted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('organizations')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .execute();
  await db.schema
    .alterTable('organizations')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  for (const identifier of ['krs', 'nip', 'regon'] as const) {
    await db.schema
      .createIndex(`organizations_${identifier}_unique`)
      .on('organizations')
      .column(identifier)
      .unique()
      .where(sql.ref(identifier), 'is not', null)
      .execute();
  }
  await db.schema.createIndex('organizations_slug_unique').on('organizations').column('slug').unique().execute();
  await db.schema.createIndex('organizations_status_sort').on('organizations').columns(['status', 'name_sort_key']).execute();

  await db.schema
    .createTable('organization_spheres')
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('sphere_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_spheres_pk', ['organization_id', 'sphere_code'])
    .execute();
  await db.schema
    .createIndex('organization_spheres_sphere')
    .on('organization_spheres')
    .columns(['sphere_code', 'organization_id'])
    .execute();

  await db.schema
    .alterTable('organization_members')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .execute();
  await db.schema.alterTable('organization_members').addColumn('requested_at', sql.raw(time)).execute();
}
