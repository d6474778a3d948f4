import type { Selectable } from 'kysely';
import type { OrganizationsTable } from '../../platform/db/schema.js';

/** The stored columns the organisation form shows. */
export type OrganizationFormRecord = Pick<
  Selectable<OrganizationsTable>,
  | 'name'
  | 'short_name'
  | 'legal_form'
  | 'krs'
  | 'nip'
  | 'regon'
  | 'other_register_name'
  | 'other_register_number'
  | 'founded_on'
  | 'opp_year'
  | 'description_md'
  | 'goals_md'
  | 'target_groups'
  | 'area_of_activity'
  | 'area_scope'
  | 'street'
  | 'postal_code'
  | 'city'
  | 'email'
  | 'phone'
  | 'website'
  | 'volunteers_wanted'
  | 'volunteers_description'
>;

/**
 * A stored organisation as the organisation form's fields, as a person would have typed them (the
 * edit form's starting values; the import's base for a row that changes some columns). Spheres and
 * the version are the callers' business.
 */
export function organizationFormValues(o: OrganizationFormRecord): Record<string, string> {
  const values: Record<string, string> = {
    name: o.name,
    shortName: o.short_name ?? '',
    legalForm: o.legal_form ?? '',
    krs: o.krs ?? '',
    nip: o.nip ?? '',
    regon: o.regon ?? '',
    otherRegisterName: o.other_register_name ?? '',
    otherRegisterNumber: o.other_register_number ?? '',
    foundedOn: o.founded_on ?? '',
    oppYear: o.opp_year === null ? '' : String(o.opp_year),
    description: o.description_md ?? '',
    goals: o.goals_md ?? '',
    targetGroups: o.target_groups ?? '',
    areaOfActivity: o.area_of_activity ?? '',
    areaScope: o.area_scope ?? '',
    street: o.street ?? '',
    postalCode: o.postal_code ?? '',
    city: o.city ?? '',
    email: o.email ?? '',
    phone: o.phone ?? '',
    website: o.website ?? '',
    volunteersDescription: o.volunteers_description ?? '',
  };
  if (o.volunteers_wanted === 1) values.volunteersWanted = 'yes';
  return values;
}
