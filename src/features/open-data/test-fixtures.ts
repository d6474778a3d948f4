/**
 * Organisations for the open-data tests, written the way the directory writes them: the form's
 * schema and `organizationColumns` (sort key, search document), spheres in their own table.
 */
import { ZOrganizationForm } from '../organizations/organizations.schema.js';
import { organizationColumns } from '../organizations/register-organization.js';
import { slugify } from '../organizations/polish-order.js';
import type { Services } from '../../services.js';

export interface OrganizationSpec {
  name: string;
  spheres: string[];
  legalForm?: string;
  shortName?: string;
  city?: string;
  areaScope?: string;
  areaOfActivity?: string;
  oppYear?: string;
  volunteers?: boolean;
  volunteersDescription?: string;
  email?: string;
  phone?: string;
  website?: string;
  description?: string;
  street?: string;
  postalCode?: string;
  status?: 'verified' | 'pending' | 'suspended';
}

/** A checksum-valid NIP per seed, so every organisation has its own identifier. */
export function nipFor(seed: number): string {
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  for (let n = seed * 7919; ; n++) {
    const first9 = String(100_000_000 + n).slice(0, 9);
    const sum = weights.reduce((acc, w, i) => acc + w * Number(first9[i]), 0) % 11;
    if (sum !== 10) return `${first9}${sum}`;
  }
}

let seed = 0;

export const verifiedAt = '2026-03-31T22:30:00.000Z'; // 1 April 2026 in Warsaw (UTC+2)

/** The database row of a spec (without spheres). */
export function organizationRow(spec: OrganizationSpec, slug: string) {
  const input = ZOrganizationForm.parse({
    name: spec.name,
    shortName: spec.shortName,
    legalForm: spec.legalForm ?? 'stowarzyszenie',
    nip: nipFor(++seed),
    spheres: spec.spheres,
    city: spec.city,
    areaScope: spec.areaScope,
    areaOfActivity: spec.areaOfActivity,
    oppYear: spec.oppYear,
    email: spec.email,
    phone: spec.phone,
    website: spec.website,
    description: spec.description,
    street: spec.street,
    postalCode: spec.postalCode,
    ...(spec.volunteers ? { volunteersWanted: 'on', volunteersDescription: spec.volunteersDescription } : {}),
  });
  const status = spec.status ?? 'verified';
  const now = new Date().toISOString();
  return {
    ...organizationColumns(input, 'NGO'),
    slug,
    status,
    created_at: now,
    created_by: null,
    updated_at: now,
    verified_at: status === 'verified' ? verifiedAt : null,
    last_confirmed_at: verifiedAt,
  };
}

export async function addOrganization(services: Services, spec: OrganizationSpec): Promise<{ id: number; slug: string }> {
  const slug = slugify(spec.name);
  const created = await services.db
    .insertInto('organizations')
    .values(organizationRow(spec, slug))
    .returning('id')
    .executeTakeFirstOrThrow();
  await services.db
    .insertInto('organization_spheres')
    .values(spec.spheres.map((code) => ({ organization_id: created.id, sphere_code: code })))
    .execute();
  return { id: created.id, slug };
}

/** Many verified organisations at once (names "Organizacja 0001" …), for batch boundaries. */
export async function addManyOrganizations(services: Services, count: number, sphere: string): Promise<void> {
  for (let start = 0; start < count; start += 250) {
    const rows = Array.from({ length: Math.min(250, count - start) }, (_, i) => {
      const n = String(start + i + 1).padStart(4, '0');
      return organizationRow({ name: `Organizacja ${n}`, spheres: [sphere], city: 'Leszno' }, `organizacja-${n}`);
    });
    const ids = await services.db.insertInto('organizations').values(rows).returning('id').execute();
    await services.db
      .insertInto('organization_spheres')
      .values(ids.map((r) => ({ organization_id: r.id, sphere_code: sphere })))
      .execute();
  }
}
