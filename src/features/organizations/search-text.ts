/**
 * The folding rule shared by the stored search document and the typed query, so that both engines
 * see the same words: lower case, Polish diacritics removed (ł → l too, which Unicode does not
 * decompose), anything other than a–z and 0–9 becomes a word break.
 */
export function foldForSearch(text: string): string {
  return withoutDiacritics(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Lower case, without Polish (or other Latin) diacritics — ł → l included, which Unicode does not decompose. */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** At most this many words of a query are used (each one must match, as a prefix). */
export const maxQueryWords = 8;

/** The words of a typed query, folded, each cut to 40 characters, duplicates dropped. */
export function queryWords(query: string): string[] {
  const words = foldForSearch(query)
    .split(' ')
    .filter(Boolean)
    .map((w) => w.slice(0, 40));
  return [...new Set(words)].slice(0, maxQueryWords);
}

export interface SearchableFields {
  name: string;
  short_name: string | null;
  city: string | null;
  area_of_activity: string | null;
  target_groups: string | null;
  description_md: string | null;
  goals_md: string | null;
  krs: string | null;
  nip: string | null;
  regon: string | null;
}

/** The stored search document of an organisation: its names (ranked higher), and the rest. */
export function searchDocument(fields: SearchableFields): { search_name: string; search_text: string } {
  const join = (values: Array<string | null>) => foldForSearch(values.filter(Boolean).join(' '));
  return {
    search_name: join([fields.name, fields.short_name]),
    search_text: join([
      fields.city,
      fields.area_of_activity,
      fields.target_groups,
      fields.description_md,
      fields.goals_md,
      fields.krs,
      fields.nip,
      fields.regon,
    ]),
  };
}
