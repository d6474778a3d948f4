import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { DB } from '../../platform/db/schema.js';
import { findByIdentifiers, legalForms, uniqueSlug } from './organizations.repo.js';
import type { TOrganizationForm } from './organizations.schema.js';
import { polishSortKey, slugify } from './polish-order.js';
import { searchDocument } from './search-text.js';

export type RegisterOrganizationResult =
  | { ok: true; id: number; slug: string }
  | { ok: false; reason: 'duplicate'; field: 'krs' | 'nip' | 'regon'; existing: { name: string; slug: string | null } }
  | { ok: false; reason: 'unknownLegalForm' | 'unknownSphere' };

/** The columns of the organisation record that the form sets, shared by register and edit. */
export function organizationColumns(input: TOrganizationForm, kind: 'NGO' | 'ART_3_3') {
  const columns = {
    name: input.name,
    short_name: input.shortName || null,
    legal_form: input.legalForm,
    kind,
    krs: input.krs || null,
    nip: input.nip || null,
    regon: input.regon || null,
    other_register_name: input.otherRegisterName || null,
    other_register_number: input.otherRegisterNumber || null,
    founded_on: input.foundedOn || null,
    opp_year: input.oppYear ? Number(input.oppYear) : null,
    description_md: input.description || null,
    goals_md: input.goals || null,
    target_groups: input.targetGroups || null,
    area_of_activity: input.areaOfActivity || null,
    area_scope: input.areaScope || null,
    street: input.street || null,
    postal_code: input.postalCode || null,
    city: input.city || null,
    email: input.email || null,
    phone: input.phone || null,
    website: input.website || null,
    volunteers_wanted: input.volunteersWanted ? 1 : 0,
    volunteers_description: input.volunteersWanted ? input.volunteersDescription || null : null,
    name_sort_key: polishSortKey(input.name),
  };
  return { ...columns, ...searchDocument(columns) };
}

/** Checks the dictionary values of the form; returns the organisation kind of the legal form. */
export async function checkDictionaries(db: Kysely<DB>, input: TOrganizationForm) {
  const form = (await legalForms(db)).find((f) => f.code === input.legalForm);
  if (!form) return { ok: false, reason: 'unknownLegalForm' } as const;
  const known = await db
    .selectFrom('spheres')
    .select('code')
    .where('code', 'in', input.spheres)
    .where('valid_to', 'is', null)
    .execute();
  if (known.length !== new Set(input.spheres).size) return { ok: false, reason: 'unknownSphere' } as const;
  return { ok: true, kind: form.kind } as const;
}

/**
 * A signed-in person registers an organisation and becomes its administrator. The organisation
 * waits for an official's verification and is visible only to its members and officials until then.
 */
export async function registerOrganization(
  services: Services,
  userId: number,
  input: TOrganizationForm,
): Promise<RegisterOrganizationResult> {
  return services.db.transaction().execute(async (trx) => {
    const dictionaries = await checkDictionaries(trx, input);
    if (!dictionaries.ok) return dictionaries;
    const duplicate = await findByIdentifiers(trx, { krs: input.krs, nip: input.nip, regon: input.regon });
    if (duplicate) {
      const field = input.krs && duplicate.krs === input.krs ? 'krs' : input.nip && duplicate.nip === input.nip ? 'nip' : 'regon';
      return { ok: false, reason: 'duplicate', field, existing: { name: duplicate.name, slug: duplicate.slug } } as const;
    }
    const now = new Date().toISOString();
    const slug = await uniqueSlug(trx, slugify(input.shortName || input.name));
    const columns = organizationColumns(input, dictionaries.kind);
    const created = await trx
      .insertInto('organizations')
      .values({
        ...columns,
        slug,
        created_at: now,
        created_by: userId,
        updated_at: now,
        last_confirmed_at: now,
        status: 'pending',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('organization_spheres')
      .values(input.spheres.map((code) => ({ organization_id: created.id, sphere_code: code })))
      .execute();
    await trx
      .insertInto('organization_members')
      .values({
        organization_id: created.id,
        user_id: userId,
        role: 'admin',
        status: 'active',
        joined_at: now,
        requested_at: now,
      })
      .execute();
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'organization.registered',
      subjectType: 'organization',
      subjectId: created.id,
      after: { ...columns, slug, spheres: input.spheres, status: 'pending' },
    });
    return { ok: true, id: created.id, slug } as const;
  });
}
