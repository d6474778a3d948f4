/**
 * The columns of the import file: their Polish header names, the field of the organisation form
 * (`ZOrganizationForm`) each one fills, and the stored columns it changes. The order is the
 * template's. Header names are matched folded (case, Polish letters, spaces and hyphens ignored).
 */
import { type TOrganizationForm, withoutDiacritics } from '../organizations/index.js';

export type FormField = keyof TOrganizationForm;

export interface ImportColumn {
  /** The header name, as the template writes it. */
  name: string;
  field: FormField;
  /** Stored columns of `organizations` set from this column; `sfery` lives in `organization_spheres`. */
  stored: readonly string[];
}

export const importColumns = [
  { name: 'nazwa', field: 'name', stored: ['name'] },
  { name: 'nazwa_skrocona', field: 'shortName', stored: ['short_name'] },
  { name: 'forma_prawna', field: 'legalForm', stored: ['legal_form', 'kind'] },
  { name: 'krs', field: 'krs', stored: ['krs'] },
  { name: 'nip', field: 'nip', stored: ['nip'] },
  { name: 'regon', field: 'regon', stored: ['regon'] },
  { name: 'inny_rejestr', field: 'otherRegisterName', stored: ['other_register_name'] },
  { name: 'inny_rejestr_numer', field: 'otherRegisterNumber', stored: ['other_register_number'] },
  { name: 'data_zalozenia', field: 'foundedOn', stored: ['founded_on'] },
  { name: 'opp_rok', field: 'oppYear', stored: ['opp_year'] },
  { name: 'sfery', field: 'spheres', stored: [] },
  { name: 'opis', field: 'description', stored: ['description_md'] },
  { name: 'cele', field: 'goals', stored: ['goals_md'] },
  { name: 'grupy_docelowe', field: 'targetGroups', stored: ['target_groups'] },
  { name: 'obszar', field: 'areaOfActivity', stored: ['area_of_activity'] },
  { name: 'zasieg', field: 'areaScope', stored: ['area_scope'] },
  { name: 'ulica', field: 'street', stored: ['street'] },
  { name: 'kod_pocztowy', field: 'postalCode', stored: ['postal_code'] },
  { name: 'miejscowosc', field: 'city', stored: ['city'] },
  { name: 'email', field: 'email', stored: ['email'] },
  { name: 'telefon', field: 'phone', stored: ['phone'] },
  { name: 'www', field: 'website', stored: ['website'] },
  // The form keeps the volunteers' description only while volunteers are wanted.
  { name: 'wolontariat', field: 'volunteersWanted', stored: ['volunteers_wanted', 'volunteers_description'] },
  { name: 'wolontariat_opis', field: 'volunteersDescription', stored: ['volunteers_description'] },
] as const satisfies readonly ImportColumn[];

export type ImportColumnName = (typeof importColumns)[number]['name'];

export const identifierColumns = ['krs', 'nip', 'regon'] as const satisfies readonly ImportColumnName[];

const byName = new Map<string, ImportColumn>(importColumns.map((c) => [c.name, c]));
const byField = new Map<string, ImportColumn>(importColumns.map((c) => [c.field, c]));

/** Other spellings people type in a header. */
const aliases: Record<string, ImportColumnName> = {
  e_mail: 'email',
  adres_email: 'email',
  strona_www: 'www',
  kod: 'kod_pocztowy',
};

/** A header cell folded for matching: "Nazwa skrócona" → "nazwa_skrocona". */
export function foldHeader(text: string): string {
  return withoutDiacritics(text)
    .trim()
    .replace(/[\s-]+/g, '_');
}

export function columnByHeader(header: string): ImportColumn | undefined {
  const folded = foldHeader(header);
  return byName.get(aliases[folded] ?? folded);
}

/** The column that fills a form field (to name the column in a row's problem). */
export function columnOfField(field: string): ImportColumn | undefined {
  return byField.get(field);
}

/** The CSV column shown for a stored column in the list of changes (`kind` follows `legal_form`, never shown). */
export function columnOfStored(stored: string): ImportColumnName | undefined {
  if (stored === 'kind') return undefined;
  if (stored === 'volunteers_description') return 'wolontariat_opis';
  return importColumns.find((c) => (c.stored as readonly string[]).includes(stored))?.name;
}
