/**
 * The public shape of an organisation in open data: only what its public profile shows (contacts
 * are public by the organisation's own choice); never members, who verified it, or internal fields.
 * The JSON export and the API list share `organizationSummary`; the API's single organisation adds
 * the profile's longer texts (`organizationDetail`); the CSV export has Polish column names.
 */
import type { Selectable } from 'kysely';
import type { OrganizationsTable } from '../../platform/db/schema.js';
import { warsawParts } from '../../platform/i18n/format.js';
import type { DirectoryRow } from '../organizations/index.js';
import type { CsvValue } from './csv.js';

export interface OrganizationSummary {
  name: string;
  short_name: string | null;
  slug: string | null;
  legal_form: string | null;
  kind: string | null;
  krs: string | null;
  nip: string | null;
  regon: string | null;
  city: string | null;
  area_scope: string | null;
  area_of_activity: string | null;
  spheres: string[];
  opp_year: number | null;
  volunteers_wanted: boolean;
  email: string | null;
  phone: string | null;
  website: string | null;
  verified_at: string | null;
  last_confirmed_at: string | null;
  profile_url: string | null;
  api_url: string | null;
}

export interface OrganizationDetail extends OrganizationSummary {
  other_register_name: string | null;
  other_register_number: string | null;
  founded_on: string | null;
  description: string | null;
  goals: string | null;
  target_groups: string | null;
  volunteers_description: string | null;
  street: string | null;
  postal_code: string | null;
}

type SummaryColumns = Pick<
  Selectable<OrganizationsTable>,
  | 'name'
  | 'short_name'
  | 'slug'
  | 'legal_form'
  | 'kind'
  | 'krs'
  | 'nip'
  | 'regon'
  | 'city'
  | 'area_scope'
  | 'area_of_activity'
  | 'opp_year'
  | 'volunteers_wanted'
  | 'email'
  | 'phone'
  | 'website'
  | 'verified_at'
  | 'last_confirmed_at'
>;

export function profileUrl(baseUrl: string, slug: string | null): string | null {
  return slug ? `${baseUrl}/organizacje/${slug}` : null;
}

export function apiUrl(baseUrl: string, slug: string | null): string | null {
  return slug ? `${baseUrl}/api/v1/organizations/${slug}` : null;
}

export function organizationSummary(o: SummaryColumns, spheres: string[], baseUrl: string): OrganizationSummary {
  return {
    name: o.name,
    short_name: o.short_name,
    slug: o.slug,
    legal_form: o.legal_form,
    kind: o.kind,
    krs: o.krs,
    nip: o.nip,
    regon: o.regon,
    city: o.city,
    // Registration stores '' for "not given" here (organizationColumns): published as null.
    area_scope: o.area_scope || null,
    area_of_activity: o.area_of_activity,
    spheres,
    opp_year: o.opp_year === null ? null : Number(o.opp_year),
    volunteers_wanted: Number(o.volunteers_wanted) === 1,
    email: o.email,
    phone: o.phone,
    website: o.website,
    verified_at: o.verified_at,
    last_confirmed_at: o.last_confirmed_at,
    profile_url: profileUrl(baseUrl, o.slug),
    api_url: apiUrl(baseUrl, o.slug),
  };
}

export function organizationDetail(o: Selectable<OrganizationsTable>, spheres: string[], baseUrl: string): OrganizationDetail {
  return {
    ...organizationSummary(o, spheres, baseUrl),
    other_register_name: o.other_register_name,
    other_register_number: o.other_register_number,
    founded_on: o.founded_on,
    description: o.description_md,
    goals: o.goals_md,
    target_groups: o.target_groups,
    // The profile shows it only while the organisation looks for volunteers.
    volunteers_description: Number(o.volunteers_wanted) === 1 ? o.volunteers_description : null,
    street: o.street,
    postal_code: o.postal_code,
  };
}

/** The CSV columns, in order: Polish names without diacritics (safe as identifiers in any tool). */
export const csvColumns = [
  'nazwa',
  'nazwa_skrocona',
  'forma_prawna',
  'krs',
  'nip',
  'regon',
  'miejscowosc',
  'zasieg',
  'obszar_dzialania',
  'sfery',
  'opp_rok',
  'wolontariat',
  'email',
  'telefon',
  'www',
  'profil',
  'zweryfikowano',
  'dane_potwierdzone',
] as const;

/** A timestamp as its Europe/Warsaw calendar date (YYYY-MM-DD), which spreadsheets read as a date. */
function warsawDate(timestamp: string | null): string | null {
  return timestamp ? warsawParts(new Date(timestamp)).date : null;
}

/** One CSV record of a directory row, in the order of `csvColumns`. */
export function csvValues(o: DirectoryRow, spheres: string[], baseUrl: string): CsvValue[] {
  return [
    o.name,
    o.short_name,
    o.legal_form,
    o.krs,
    o.nip,
    o.regon,
    o.city,
    o.area_scope,
    o.area_of_activity,
    spheres.join('|'),
    o.opp_year,
    Number(o.volunteers_wanted) === 1 ? 'tak' : 'nie',
    o.email,
    o.phone,
    o.website,
    profileUrl(baseUrl, o.slug),
    warsawDate(o.verified_at),
    warsawDate(o.last_confirmed_at),
  ];
}
