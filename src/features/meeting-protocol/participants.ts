/**
 * The protocol's participants sentence in correct Polish for any counts:
 * "W spotkaniu wzięło udział 22 przedstawicieli organizacji pozarządowych, reprezentujących
 * 20 podmiotów, oraz trzech urzędników."
 *
 * Rules (decided here, tested in participants.test.ts):
 * - Numbers 1–10 are written as words, larger ones as digits (the seed protocol: "trzech
 *   urzędników", "22 przedstawicieli").
 * - Persons (przedstawiciel, urzędnik, gość) are masculine-personal nouns: 1 → "jeden
 *   przedstawiciel"; from 2 on the numeral takes the genitive plural, also for 22–24 ("dwóch",
 *   "trzech", "czterech", "pięciu" … "dziesięciu przedstawicieli", "22 przedstawicieli").
 * - Organisations (podmiot, masculine inanimate, accusative): 1 podmiot, 2–4 podmioty, 5–21
 *   podmiotów, 22–24 podmioty, 25 podmiotów, 112 podmiotów, 122 podmioty (the last digit 2–4
 *   outside 12–14 takes the nominative plural).
 * - The verb stands before the subject and agrees with the first group: "wziął udział jeden
 *   przedstawiciel" when he is the only participant; with a numeral of 2 or more in the genitive
 *   "wzięło udział" (neuter singular); one person followed by other groups is a plural subject,
 *   "wzięli udział jeden przedstawiciel … oraz trzech urzędników".
 * - The representatives' clause "reprezentujących N podmiotów" agrees with them (one
 *   representative: "reprezentujący"); it is left out when there is one representative or no
 *   organisation is known. Groups of zero are left out; with nobody at all there is no sentence.
 */

export interface ParticipantCounts {
  ngoRepresentatives: number;
  organizations: number;
  officials: number;
  guests: number;
}

const personWords = [
  '',
  'jeden',
  'dwóch',
  'trzech',
  'czterech',
  'pięciu',
  'sześciu',
  'siedmiu',
  'ośmiu',
  'dziewięciu',
  'dziesięciu',
];
const thingWords = ['', 'jeden', 'dwa', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć', 'dziesięć'];

/** "trzech", "22" — a count of persons (masculine personal), in words up to ten. */
export function personNumeral(n: number): string {
  return n >= 1 && n <= 10 ? personWords[n]! : String(n);
}

/** "trzy", "22" — a count of things (masculine inanimate), in words up to ten. */
export function thingNumeral(n: number): string {
  return n >= 1 && n <= 10 ? thingWords[n]! : String(n);
}

/** The plural form for a count: 1 → one, 2–4 / 22–24 / 122 → few, else many. */
export function pluralForm<T>(n: number, forms: { one: T; few: T; many: T }): T {
  if (n === 1) return forms.one;
  const last = n % 10;
  const lastTwo = n % 100;
  if (last >= 2 && last <= 4 && !(lastTwo >= 12 && lastTwo <= 14)) return forms.few;
  return forms.many;
}

/** Masculine-personal nouns with numerals: one person in the nominative, 2 and more in the genitive plural. */
function persons(n: number, singular: string, genitivePlural: string): string {
  return `${personNumeral(n)} ${n === 1 ? singular : genitivePlural}`;
}

export function organizationsPhrase(n: number): string {
  return `${thingNumeral(n)} ${pluralForm(n, { one: 'podmiot', few: 'podmioty', many: 'podmiotów' })}`;
}

/** Joins phrases: "A", "A oraz B", "A, B oraz C". */
function joinPolish(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} oraz ${parts[parts.length - 1]}`;
}

/** The sentence, or null when nobody is on the list. */
export function participantsSentence(counts: ParticipantCounts): string | null {
  const groups: { n: number; text: string }[] = [];
  const reps = Math.max(0, Math.floor(counts.ngoRepresentatives));
  const orgs = Math.max(0, Math.floor(counts.organizations));
  if (reps > 0) {
    let text =
      reps === 1
        ? 'jeden przedstawiciel organizacji pozarządowej'
        : `${persons(reps, 'przedstawiciel', 'przedstawicieli')} organizacji pozarządowych`;
    if (reps > 1 && orgs > 0) text += `, reprezentujących ${organizationsPhrase(orgs)},`;
    groups.push({ n: reps, text });
  }
  const officials = Math.max(0, Math.floor(counts.officials));
  if (officials > 0) groups.push({ n: officials, text: persons(officials, 'urzędnik', 'urzędników') });
  const guests = Math.max(0, Math.floor(counts.guests));
  if (guests > 0) groups.push({ n: guests, text: persons(guests, 'gość', 'gości') });
  if (groups.length === 0) return null;

  const first = groups[0]!;
  const verb = first.n === 1 ? (groups.length === 1 ? 'wziął' : 'wzięli') : 'wzięło';
  // The representatives' clause closes with a comma; it must not double the list's own separator.
  const body = joinPolish(groups.map((g) => g.text))
    .replace(/,, /g, ', ')
    .replace(/,$/, '');
  return `W spotkaniu ${verb} udział ${body}.`;
}
