/**
 * Generates a large, realistic NGO directory for benchmarks: Polish names built from word lists
 * (so prefix queries such as `spol`, `kult`, `fund`, `lesz` each hit thousands of organisations but
 * not all), valid and unique KRS/NIP/REGON, 1–3 spheres each, every facet populated (legal form,
 * area scope, OPP, volunteering), about 90 % verified. Deterministic: organisation number i is the
 * same for a given seed whatever the count or batch size (a PRNG seeded per organisation).
 *
 *   node --import tsx bench/generate-organizations.ts --count 100000 --database sqlite:/tmp/bench.sqlite
 *   node --import tsx bench/generate-organizations.ts --count 100000 --database postgres://postgres@127.0.0.1:5432/wspolnie_bench
 *
 * Options: --seed <n> (1), --start <n> (0: the number of the first organisation; identifiers come
 * from it, so a second run into the same database must start after the first). The database is
 * migrated first. Rows go through the feature's `organizationColumns()` (sort key and search
 * documents), in multi-row INSERTs inside one transaction. Identifier ranges are disjoint from the
 * demo's (src/demo), and the demo's slugs are reserved, so the demo can be seeded afterwards.
 *
 * Importable: `generateOrganizations(database, { count })`, `generatedOrganization(number, dictionaries)`.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Insertable, Kysely } from 'kysely';
import { parseDatabaseUrl } from '../src/config.js';
import { createDatabase, type Database, type Engine } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import type { DB, OrganizationStatus, OrganizationsTable } from '../src/platform/db/schema.js';
import type { AreaScope } from '../src/features/organizations/area-scopes.js';
import { nipCheckDigit, regon14CheckDigit, regon9CheckDigit } from '../src/features/organizations/identifiers.js';
import type { TOrganizationForm } from '../src/features/organizations/organizations.schema.js';
import { slugify } from '../src/features/organizations/polish-order.js';
import { organizationColumns } from '../src/features/organizations/register-organization.js';
import { foldForSearch } from '../src/features/organizations/search-text.js';
import { demoDirectoryOrganizations } from '../src/demo/demo-organizations.js';
import { demoAccounts } from '../src/demo/seed-demo.js';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** A 32-bit hash of two integers (the seed and the organisation number), for a per-row PRNG. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const chance = (random: Random, p: number) => random() < p;

function weighted<T>(random: Random, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

// ---------------------------------------------------------------------------------------------
// Word lists (Polish)

interface Town {
  name: string;
  /** Locative ("w Lesznie"). */
  loc: string;
  /** Adjective stem: + "ie" (neuter), "i" (masculine), "a" (feminine). */
  adj: string;
  /** The county's adjective stem ("powiat leszczyński"). */
  county: string;
  postalCode: string;
  phone: string;
  weight: number;
}

// prettier-ignore
const townTable: Array<[string, string, string, string, string, string, number]> = [
  // name, locative, adjective stem, county adjective stem, postal code, phone area code, weight
  ['Leszno', 'Lesznie', 'Leszczyńsk', 'leszczyńsk', '64-100', '65', 10],
  ['Poznań', 'Poznaniu', 'Poznańsk', 'poznańsk', '60-101', '61', 14],
  ['Kalisz', 'Kaliszu', 'Kalisk', 'kalisk', '62-800', '62', 6],
  ['Konin', 'Koninie', 'Konińsk', 'konińsk', '62-500', '63', 5],
  ['Piła', 'Pile', 'Pilsk', 'pilsk', '64-920', '67', 4],
  ['Gniezno', 'Gnieźnie', 'Gnieźnieńsk', 'gnieźnieńsk', '62-200', '61', 4],
  ['Ostrów Wielkopolski', 'Ostrowie Wielkopolskim', 'Ostrowsk', 'ostrowsk', '63-400', '62', 4],
  ['Rawicz', 'Rawiczu', 'Rawick', 'rawick', '63-900', '65', 3],
  ['Gostyń', 'Gostyniu', 'Gostyńsk', 'gostyńsk', '63-800', '65', 3],
  ['Kościan', 'Kościanie', 'Kościańsk', 'kościańsk', '64-000', '65', 3],
  ['Wschowa', 'Wschowie', 'Wschowsk', 'wschowsk', '67-400', '65', 2],
  ['Śmigiel', 'Śmiglu', 'Śmigielsk', 'kościańsk', '64-030', '65', 2],
  ['Rydzyna', 'Rydzynie', 'Rydzyńsk', 'leszczyńsk', '64-130', '65', 2],
  ['Osieczna', 'Osiecznej', 'Osieczeńsk', 'leszczyńsk', '64-113', '65', 1],
  ['Krzemieniewo', 'Krzemieniewie', 'Krzemieniewsk', 'leszczyńsk', '64-120', '65', 1],
  ['Lipno', 'Lipnie', 'Lipnowsk', 'leszczyńsk', '64-111', '65', 1],
  ['Święciechowa', 'Święciechowie', 'Święciechowsk', 'leszczyńsk', '64-115', '65', 1],
  ['Włoszakowice', 'Włoszakowicach', 'Włoszakowick', 'leszczyńsk', '64-140', '65', 1],
  ['Krobia', 'Krobi', 'Krobsk', 'gostyńsk', '63-840', '65', 1],
  ['Bojanowo', 'Bojanowie', 'Bojanowsk', 'rawick', '63-940', '65', 1],
  ['Wolsztyn', 'Wolsztynie', 'Wolsztyńsk', 'wolsztyńsk', '64-200', '68', 2],
  ['Grodzisk Wielkopolski', 'Grodzisku Wielkopolskim', 'Grodzisk', 'grodzisk', '62-065', '61', 2],
  ['Nowy Tomyśl', 'Nowym Tomyślu', 'Nowotomysk', 'nowotomysk', '64-300', '61', 2],
  ['Śrem', 'Śremie', 'Śremsk', 'śremsk', '63-100', '61', 2],
  ['Środa Wielkopolska', 'Środzie Wielkopolskiej', 'Średzk', 'średzk', '63-000', '61', 2],
  ['Jarocin', 'Jarocinie', 'Jarocińsk', 'jarocińsk', '63-200', '62', 2],
  ['Krotoszyn', 'Krotoszynie', 'Krotoszyńsk', 'krotoszyńsk', '63-700', '62', 2],
  ['Września', 'Wrześni', 'Wrzesińsk', 'wrzesińsk', '62-300', '61', 2],
  ['Oborniki', 'Obornikach', 'Obornick', 'obornick', '64-600', '61', 2],
  ['Szamotuły', 'Szamotułach', 'Szamotulsk', 'szamotulsk', '64-500', '61', 2],
  ['Złotów', 'Złotowie', 'Złotowsk', 'złotowsk', '77-400', '67', 1],
  ['Chodzież', 'Chodzieży', 'Chodzieżsk', 'chodzieżsk', '64-800', '67', 1],
  ['Czarnków', 'Czarnkowie', 'Czarnkowsk', 'czarnkowsko-trzcianeck', '64-700', '67', 1],
  ['Turek', 'Turku', 'Tureck', 'tureck', '62-700', '63', 1],
  ['Koło', 'Kole', 'Kolsk', 'kolsk', '62-600', '63', 1],
  ['Słupca', 'Słupcy', 'Słupeck', 'słupeck', '62-400', '63', 1],
  ['Kępno', 'Kępnie', 'Kępińsk', 'kępińsk', '63-600', '62', 1],
  ['Ostrzeszów', 'Ostrzeszowie', 'Ostrzeszowsk', 'ostrzeszowsk', '63-500', '62', 1],
  ['Pleszew', 'Pleszewie', 'Pleszewsk', 'pleszewsk', '63-300', '62', 1],
  ['Międzychód', 'Międzychodzie', 'Międzychodzk', 'międzychodzk', '64-400', '95', 1],
  ['Luboń', 'Luboniu', 'Lubońsk', 'poznańsk', '62-030', '61', 1],
  ['Swarzędz', 'Swarzędzu', 'Swarzędzk', 'poznańsk', '62-020', '61', 2],
];
const towns: Town[] = townTable.map(([name, loc, adj, county, postalCode, phone, weight]) => ({
  name,
  loc,
  adj,
  county,
  postalCode,
  phone,
  weight,
}));
const townWeights = towns.map((t) => [t, t.weight] as const);

// prettier-ignore
const nicknames = [
  'Tęcza', 'Nadzieja', 'Razem', 'Przystań', 'Promyk', 'Słoneczko', 'Uśmiech', 'Horyzont', 'Kotwica', 'Latarnia',
  'Most', 'Źródło', 'Żagiel', 'Pszczółka', 'Mrówka', 'Wrzos', 'Jarzębina', 'Kalina', 'Dąb', 'Lipa', 'Bez Barier',
  'Otwarte Drzwi', 'Wspólna Sprawa', 'Dobry Start', 'Nowa Nadzieja', 'Skrzydła', 'Iskra', 'Płomień', 'Zorza',
  'Gwiazda', 'Żuraw', 'Bocian', 'Łabędź', 'Ślimak', 'Sowa', 'Jeż', 'Wiewiórka', 'Ogród', 'Korzenie', 'Drzewo Życia',
  'Pasja', 'Azymut', 'Kompas', 'Busola', 'Przyszłość', 'Perspektywa', 'Akord', 'Harmonia', 'Melodia', 'Kadr',
  'Paleta', 'Pędzel', 'Scena', 'Kurtyna', 'Sąsiedzi', 'Nasz Dom', 'Ostoja', 'Oaza', 'Arka', 'Ognisko', 'Serce',
  'Pomocna Dłoń', 'Dobre Serce', 'Złota Jesień', 'Srebrny Wiek', 'Błękitna Wstęga', 'Zielony Zakątek',
  'Czyste Jezioro', 'Łączka', 'Łąka', 'Ścieżka', 'Świt', 'Źdźbło', 'Żak', 'Krokus', 'Konwalia', 'Stokrotka',
  'Niezapominajka', 'Dmuchawiec', 'Kasztan', 'Wierzba', 'Klon', 'Jaskółka', 'Skowronek', 'Wędrowiec', 'Tratwa',
  'Latawiec', 'Bajka', 'Ważka', 'Motyl', 'Biedronka', 'Krasnal', 'Młyn', 'Kuźnia', 'Spichlerz', 'Warsztat',
] as const;

// prettier-ignore
const sportNicknames = [
  'Sokół', 'Orlik', 'Olimpia', 'Polonia', 'Start', 'Sparta', 'Victoria', 'Iskra', 'Błyskawica', 'Huragan', 'Tornado',
  'Grom', 'Żubr', 'Tygrys', 'Delfin', 'Rekin', 'Meta', 'Płomień', 'Orzeł', 'Lider', 'Piast', 'Kolejarz', 'Zryw',
  'Unia', 'Pogoń', 'Wisła', 'Warta', 'Obra', 'Promień', 'Jedynka', 'Dwójka', 'Trójka', 'Czwórka',
] as const;

/** Neuter adjectives after "Stowarzyszenie" (the first ones make `spol` and `kult` common, not universal). */
// prettier-ignore
const associationAdjectives = [
  'Społeczno-Kulturalne', 'Społeczne', 'Kulturalne', 'Sportowe', 'Ekologiczne', 'Edukacyjne', 'Artystyczne',
  'Turystyczne', 'Młodzieżowe', 'Sąsiedzkie', 'Historyczne', 'Oświatowe', 'Rodzinne', 'Charytatywne', 'Obywatelskie',
  'Muzyczne', 'Teatralne', 'Lokalne', 'Kobiece', 'Senioralne', 'Regionalne', 'Ratownicze',
] as const;

// prettier-ignore
const placesGenitive = [
  'Ziemi Leszczyńskiej', 'Zatorza', 'Gronowa', 'Jeziora Dominickiego', 'Osiedla Przylesie', 'Starego Miasta',
  'Doliny Obry', 'Pojezierza Leszczyńskiego', 'Wielkopolski', 'Ziemi Kaliskiej', 'Puszczy Noteckiej',
  'Doliny Baryczy', 'Rynku', 'Parku Miejskiego', 'Szkoły Podstawowej nr 1', 'Szkoły Podstawowej nr 7',
  'Szkoły Muzycznej', 'Biblioteki Publicznej', 'Szpitala Wojewódzkiego', 'Lotniska', 'Kolei Wąskotorowej',
] as const;

// prettier-ignore
const causesGenitive = [
  'Rozwoju Wsi', 'Osób Niepełnosprawnych', 'Dzieci i Młodzieży', 'Seniorów', 'Zdrowia Psychicznego',
  'Bezpieczeństwa Ruchu Drogowego', 'Ochrony Przyrody', 'Edukacji Ekologicznej', 'Rodzin Wielodzietnych',
  'Osób Bezdomnych', 'Integracji Cudzoziemców', 'Aktywności Obywatelskiej', 'Rozwoju Sportu', 'Kultury Ludowej',
  'Pamięci Historycznej', 'Przeciwdziałania Wykluczeniu', 'Osób Chorych na Cukrzycę', 'Profilaktyki Uzależnień',
  'Praw Kobiet', 'Ekonomii Społecznej', 'Wolontariatu', 'Równych Szans', 'Zwierząt', 'Dziedzictwa Kulturowego',
] as const;

// prettier-ignore
const societyTopics = [
  'Muzyczne', 'Śpiewacze', 'Historyczne', 'Przyjaciół Sztuk Pięknych', 'Gimnastyczne', 'Fotograficzne', 'Ogrodnicze',
  'Miłośników Książki', 'Genealogiczne', 'Przyjaciół Dzieci', 'Turystyczno-Krajoznawcze', 'Kultury Fizycznej',
  'Naukowe', 'Regionalne', 'Kulturalne',
] as const;

// prettier-ignore
const hobbies = [
  'Kolei', 'Gór', 'Jazzu', 'Fotografii', 'Historii Lokalnej', 'Turystyki Rowerowej', 'Tańca Ludowego', 'Teatru',
  'Kina', 'Astronomii', 'Żeglarstwa', 'Wędkarstwa', 'Szachów', 'Gier Planszowych', 'Motoryzacji', 'Przyrody',
] as const;

// prettier-ignore
const foundationTopics = [
  'Pomocy Dzieciom', 'Rozwoju Przedsiębiorczości', 'Wspierania Kultury', 'Edukacji Cyfrowej', 'Zdrowia i Sportu',
  'Ochrony Zwierząt', 'Dziedzictwa Kulturowego', 'Rozwoju Regionu', 'Aktywnych Seniorów', 'Pomocy Społecznej',
  'Wspierania Rodzin', 'Rozwoju Talentów', 'Dobrego Sąsiedztwa', 'Zielonej Energii', 'Bezpiecznego Dzieciństwa',
] as const;

// prettier-ignore
const sportAdjectives = [
  'Pływacki', 'Kolarski', 'Tenisowy', 'Szachowy', 'Jeździecki', 'Bokserski', 'Lekkoatletyczny', 'Żeglarski',
  'Strzelecki', 'Taneczny', 'Siatkarski', 'Koszykarski', 'Piłkarski', 'Łuczniczy', 'Biegowy', 'Wioślarski',
] as const;

// prettier-ignore
const villages = [
  ['Gronówku', 'Gronówko'], ['Henrykowie', 'Henryków'], ['Dąbczu', 'Dąbcze'], ['Strzyżewicach', 'Strzyżewice'],
  ['Żakowie', 'Żaków'], ['Wilkowicach', 'Wilkowice'], ['Garzynie', 'Garzyn'], ['Kąkolewie', 'Kąkolewo'],
  ['Przybyszewie', 'Przybyszewo'], ['Łowęcicach', 'Łowęcice'], ['Świerczynie', 'Świerczyna'],
  ['Witoszynie', 'Witoszyn'], ['Ogrodach', 'Ogrody'], ['Goniembicach', 'Goniembice'], ['Dłużynie', 'Dłużyna'],
  ['Krzycku Wielkim', 'Krzycko Wielkie'],
] as const;

// prettier-ignore
const streets = [
  'Polna', 'Leśna', 'Słoneczna', 'Krótka', 'Szkolna', 'Ogrodowa', 'Lipowa', 'Kościuszki', 'Mickiewicza',
  'Sienkiewicza', 'Kolejowa', 'Dworcowa', 'Kwiatowa', 'Łąkowa', 'Żeromskiego', 'Słowackiego', 'Chopina',
  'Piłsudskiego', 'Wolności', 'Kasztanowa', 'Brzozowa', 'Ogrodników', 'Rzemieślnicza', 'Spacerowa',
] as const;

// prettier-ignore
const targetGroupList = [
  'dzieci', 'młodzież', 'seniorzy', 'rodziny', 'osoby z niepełnosprawnościami', 'kobiety', 'mieszkańcy',
  'osoby bezrobotne', 'cudzoziemcy', 'nauczyciele', 'sportowcy amatorzy', 'rolnicy', 'przedsiębiorcy',
  'organizacje pozarządowe', 'osoby w kryzysie bezdomności', 'opiekunowie zwierząt', 'studenci',
] as const;

/** A sentence or two per sphere; other spheres are described by their dictionary label. */
const sphereSentences: Record<string, readonly string[]> = {
  '1': ['Prowadzimy punkt pomocy społecznej i wydajemy paczki żywnościowe.', 'Pomagamy rodzinom w trudnej sytuacji życiowej.'],
  '2': ['Wspieramy osoby zagrożone wykluczeniem społecznym w powrocie do pracy.', 'Prowadzimy warsztaty reintegracji zawodowej.'],
  '3': ['Organizujemy zbiórki i działalność charytatywną na rzecz potrzebujących.'],
  '4': ['Pielęgnujemy tradycje regionu i historię naszej miejscowości.', 'Organizujemy obchody świąt narodowych.'],
  '6': ['Prowadzimy bezpłatne badania profilaktyczne i edukację zdrowotną.', 'Wspieramy chorych i ich rodziny.'],
  '7': ['Prowadzimy zajęcia terapeutyczne dla osób z niepełnosprawnościami.', 'Likwidujemy bariery w przestrzeni publicznej.'],
  '10': ['Organizujemy zajęcia dla seniorów: gimnastykę, wycieczki i kursy komputerowe.'],
  '13': ['Integrujemy sąsiadów i wspieramy lokalne inicjatywy mieszkańców.', 'Działamy na rzecz społeczności lokalnej.'],
  '14': ['Prowadzimy zajęcia edukacyjne dla dzieci i dorosłych.', 'Wspieramy szkoły w projektach edukacyjnych.'],
  '15': ['Organizujemy wypoczynek letni i zajęcia pozalekcyjne dla dzieci i młodzieży.'],
  '16': ['Organizujemy koncerty, wystawy i warsztaty artystyczne.', 'Dbamy o dziedzictwo kulturowe i lokalne zabytki.'],
  '17': ['Prowadzimy treningi i zawody sportowe dla amatorów.', 'Upowszechniamy kulturę fizyczną wśród dzieci.'],
  '18': ['Sprzątamy lasy i brzegi jezior, sadzimy drzewa.', 'Prowadzimy edukację ekologiczną i chronimy zwierzęta.'],
  '19': ['Organizujemy rajdy piesze i rowerowe oraz wycieczki krajoznawcze.'],
  '23': ['Szkolimy z pierwszej pomocy i wspieramy ratownictwo.'],
  '27': ['Prowadzimy centrum wolontariatu i szkolimy wolontariuszy.'],
  '31': ['Wspieramy rodziców i chronimy prawa dziecka.'],
  '32': ['Prowadzimy profilaktykę uzależnień i grupy wsparcia.'],
};

// prettier-ignore
const sphereWeights: Record<string, number> = {
  '16': 14, '17': 14, '15': 12, '14': 11, '13': 8, '1': 7, '6': 6, '7': 6, '18': 6, '10': 5, '3': 4, '19': 4, '4': 4,
  '31': 3, '32': 3, '2': 3, '27': 3, '23': 2, '20': 2, '22': 2, '11': 2, '8': 2, '9': 1.5, '1a': 1.5,
};

const openings = [
  (t: Town, year: number) => `Działamy w ${t.loc} od ${year} roku.`,
  (t: Town) => `Jesteśmy organizacją z ${t.name === 'Leszno' ? 'Leszna' : `miejscowości ${t.name}`}.`,
  (_t: Town, year: number) => `Od ${year} roku zrzeszamy ludzi, którym zależy na wspólnym działaniu.`,
  (t: Town) => `Skupiamy mieszkańców, którzy chcą zmieniać ${t.loc === 'Lesznie' ? 'Leszno' : 'swoją okolicę'} na lepsze.`,
  () => 'Jesteśmy niewielką organizacją opartą na pracy członków i wolontariuszy.',
] as const;

const closings = [
  'Współpracujemy z samorządem i innymi organizacjami.',
  'Realizujemy projekty finansowane z funduszy lokalnych i europejskich.',
  'Zapraszamy do współpracy osoby i instytucje.',
  'Nasze działania są bezpłatne dla uczestników.',
  'Szczegóły znajdziesz w naszym statucie i sprawozdaniach.',
] as const;

const volunteerOffers = [
  'Szukamy wolontariuszy do pomocy przy wydarzeniach.',
  'Potrzebujemy osób do pomocy w prowadzeniu zajęć dla dzieci.',
  'Zapraszamy wolontariuszy do zbiórek i akcji w weekendy.',
  'Przyda się pomoc w mediach społecznościowych i przy grafice.',
  'Szukamy kierowców do przewozu podopiecznych (kilka godzin w miesiącu).',
] as const;

const suspensionReasons = [
  'Korespondencja urzędu wraca jako niedoręczona; profil zawieszony do czasu aktualizacji danych.',
  'Organizacja w likwidacji według KRS.',
  'Zawieszona na wniosek zarządu do czasu wyboru nowych władz.',
] as const;

/** The folded words (3 letters or more) of the generated names and towns: what people would search for. */
export function nameVocabulary(): string[] {
  const text = [
    ...nicknames,
    ...sportNicknames,
    ...associationAdjectives,
    ...placesGenitive,
    ...causesGenitive,
    ...societyTopics,
    ...hobbies,
    ...foundationTopics,
    ...sportAdjectives,
    ...villages.flat(),
    ...towns.map((t) => t.name),
    'Stowarzyszenie Fundacja Klub Sportowy Uczniowski Koło Gospodyń Wiejskich Spółdzielnia Socjalna Towarzystwo',
    'Parafialny Zespół Caritas Ochotnicza Straż Pożarna Przyjaciół Miłośników Seniora Grupa Inicjatywna Cech',
  ].join(' ');
  return [...new Set(foldForSearch(text).split(' '))].filter((w) => w.length >= 3).sort();
}

// ---------------------------------------------------------------------------------------------
// One organisation

export interface Dictionaries {
  legalForms: Array<{ code: string; kind: 'NGO' | 'ART_3_3'; can_be_opp: number }>;
  spheres: Array<{ code: string; label_pl: string }>;
}

export interface GeneratedOrganization {
  form: TOrganizationForm;
  kind: 'NGO' | 'ART_3_3';
  /** The slug before de-duplication. */
  slugBase: string;
  status: Extract<OrganizationStatus, 'verified' | 'pending' | 'suspended'>;
  suspendedReason: string | null;
  /** Days before "now": registration, verification (null when pending), last confirmation. */
  createdDaysAgo: number;
  verifiedDaysAgo: number | null;
  confirmedDaysAgo: number;
}

const legalFormWeights: ReadonlyArray<readonly [string, number]> = [
  ['stowarzyszenie', 38],
  ['fundacja', 24],
  ['klub-sportowy', 9],
  ['stowarzyszenie-zwykle', 8],
  ['uks', 6],
  ['kgw', 5],
  ['spoldzielnia-socjalna', 3],
  ['spolka-non-profit', 2],
  ['koscielna-osoba-prawna', 2],
  ['inna', 2],
  ['stowarzyszenie-jst', 1],
];

const scopeWeights: ReadonlyArray<readonly [AreaScope, number]> = [
  ['lokalny', 50],
  ['powiatowy', 20],
  ['regionalny', 15],
  ['krajowy', 10],
  ['miedzynarodowy', 5],
];

/** The name (and an optional short name) for a legal form. */
function nameFor(random: Random, legalForm: string, town: Town): { name: string; shortName: string } {
  const nick = () => pick(random, nicknames);
  const quoted = (n: string) => `„${n}”`;
  switch (legalForm) {
    case 'stowarzyszenie': {
      const n = nick();
      return weighted(random, [
        [{ name: `Stowarzyszenie ${pick(random, associationAdjectives)} ${quoted(n)}`, shortName: n }, 30],
        [{ name: `Stowarzyszenie Przyjaciół ${pick(random, placesGenitive)}`, shortName: '' }, 12],
        [{ name: `Stowarzyszenie na rzecz ${pick(random, causesGenitive)} ${quoted(n)}`, shortName: n }, 14],
        [{ name: `${town.adj}ie Towarzystwo ${pick(random, societyTopics)}`, shortName: '' }, 14],
        [{ name: `Stowarzyszenie Miłośników ${pick(random, hobbies)} w ${town.loc}`, shortName: '' }, 12],
        [{ name: `Ochotnicza Straż Pożarna w ${pick(random, villages)[0]}`, shortName: '' }, 8],
        [{ name: `${town.adj}ie Stowarzyszenie ${pick(random, associationAdjectives)}`, shortName: '' }, 10],
      ] as const);
    }
    case 'fundacja': {
      const n = nick();
      return weighted(random, [
        [{ name: `Fundacja ${quoted(n)}`, shortName: '' }, 35],
        [{ name: `Fundacja ${pick(random, foundationTopics)}`, shortName: '' }, 25],
        [{ name: `Fundacja ${pick(random, foundationTopics)} ${quoted(n)}`, shortName: n }, 20],
        [{ name: `Fundacja na rzecz ${pick(random, causesGenitive)}`, shortName: '' }, 12],
        [{ name: `${town.adj}a Fundacja ${pick(random, foundationTopics)}`, shortName: '' }, 8],
      ] as const);
    }
    case 'klub-sportowy': {
      const n = pick(random, sportNicknames);
      return weighted(random, [
        [{ name: `Klub Sportowy ${quoted(n)} ${town.name}`, shortName: `KS ${n}` }, 45],
        [{ name: `${town.adj}i Klub ${pick(random, sportAdjectives)}`, shortName: '' }, 35],
        [{ name: `Klub ${pick(random, sportAdjectives)} ${quoted(n)}`, shortName: '' }, 20],
      ] as const);
    }
    case 'uks': {
      const n = pick(random, sportNicknames);
      return weighted(random, [
        [{ name: `Uczniowski Klub Sportowy ${quoted(n)} ${town.name}`, shortName: `UKS ${n}` }, 60],
        [
          {
            name: `Uczniowski Klub Sportowy przy Szkole Podstawowej nr ${between(random, 1, 15)} w ${town.loc}`,
            shortName: '',
          },
          40,
        ],
      ] as const);
    }
    case 'stowarzyszenie-zwykle': {
      const n = nick();
      return weighted(random, [
        [{ name: `Stowarzyszenie zwykłe ${quoted(n)}`, shortName: n }, 40],
        [{ name: `Klub Seniora ${quoted(n)}`, shortName: '' }, 25],
        [{ name: `Grupa Inicjatywna ${quoted(n)} w ${town.loc}`, shortName: '' }, 20],
        [{ name: `Stowarzyszenie Mieszkańców ${pick(random, placesGenitive)}`, shortName: '' }, 15],
      ] as const);
    }
    case 'kgw': {
      const [loc] = pick(random, villages);
      return chance(random, 0.6)
        ? { name: `Koło Gospodyń Wiejskich w ${loc}`, shortName: '' }
        : { name: `Koło Gospodyń Wiejskich ${quoted(nick())}`, shortName: '' };
    }
    case 'spoldzielnia-socjalna':
      return { name: `Spółdzielnia Socjalna ${quoted(nick())}`, shortName: '' };
    case 'spolka-non-profit':
      return chance(random, 0.5)
        ? { name: `Centrum Usług Społecznych ${quoted(nick())} sp. z o.o. non-profit`, shortName: '' }
        : { name: `${town.adj}a Agencja Rozwoju Lokalnego sp. z o.o.`, shortName: '' };
    case 'koscielna-osoba-prawna':
      return chance(random, 0.6)
        ? { name: `Parafialny Zespół Caritas ${quoted(nick())}`, shortName: '' }
        : { name: `Dom Pomocy ${quoted(nick())} w ${town.loc}`, shortName: '' };
    case 'stowarzyszenie-jst':
      return {
        name: `Stowarzyszenie Gmin Powiatu ${town.county.charAt(0).toUpperCase()}${town.county.slice(1)}iego`,
        shortName: '',
      };
    default:
      return chance(random, 0.5)
        ? { name: `Cech Rzemiosł Różnych w ${town.loc}`, shortName: '' }
        : { name: `Rada Rodziców przy Szkole Podstawowej nr ${between(random, 1, 15)} w ${town.loc}`, shortName: '' };
  }
}

const registerNames: Record<string, string> = {
  'stowarzyszenie-zwykle': 'Ewidencja stowarzyszeń zwykłych starosty',
  uks: 'Ewidencja uczniowskich klubów sportowych starosty',
  'klub-sportowy': 'Ewidencja klubów sportowych starosty',
  kgw: 'Krajowy Rejestr Kół Gospodyń Wiejskich (ARiMR)',
  'koscielna-osoba-prawna': 'Przepisy o stosunku Państwa do kościołów',
  inna: 'Rejestr prowadzony przez organ nadzoru',
};

const isoDate = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);

/**
 * Organisation number `n` (0, 1, 2, …) for the seed. Its identifiers come from `n` alone, in
 * ranges disjoint from the demo's: KRS 0001000000 + n, NIP 52 000 000 0 + 2n (+1 when the check
 * digit would be impossible), REGON 30 000 000 + n (9 digits; branches add a unit number).
 */
export function generatedOrganization(n: number, dictionaries: Dictionaries, seed = 1): GeneratedOrganization {
  const random = prng(mix(seed, n));
  const legalFormCode = weighted(random, legalFormWeights);
  const legalForm = dictionaries.legalForms.find((f) => f.code === legalFormCode) ?? dictionaries.legalForms[0]!;
  const town = weighted(random, townWeights);
  const named = nameFor(random, legalForm.code, town);
  const { shortName } = named;
  // Many names say where the organisation works; this also keeps most names distinct.
  const placeless = !/ w |sp\. z o\.o\./.test(named.name) && !named.name.includes(town.name);
  const name = placeless && chance(random, 0.5) ? `${named.name} w ${town.loc}` : named.name;

  const knownSpheres = dictionaries.spheres;
  const sphereChoices = knownSpheres.map((s) => [s, sphereWeights[s.code] ?? 0.5] as const);
  const spheres: typeof knownSpheres = [];
  const sphereCount = weighted(random, [
    [1, 35],
    [2, 40],
    [3, 25],
  ] as const);
  while (spheres.length < sphereCount) {
    const sphere = weighted(random, sphereChoices);
    if (!spheres.includes(sphere)) spheres.push(sphere);
  }

  const scope = weighted(random, scopeWeights);
  const areaOfActivity =
    scope === 'lokalny'
      ? chance(random, 0.5)
        ? town.name
        : `${town.name} i okolice`
      : scope === 'powiatowy'
        ? `powiat ${town.county}i`
        : scope === 'regionalny'
          ? pick(random, ['województwo wielkopolskie', 'Wielkopolska', 'Wielkopolska i Dolny Śląsk'])
          : scope === 'krajowy'
            ? 'cała Polska'
            : pick(random, ['Polska i Europa', 'Polska i Niemcy', 'Polska i Ukraina', 'kraje Unii Europejskiej']);

  const foundedYear = between(random, 1989, 2025);
  const description = [
    pick(random, openings)(town, foundedYear),
    ...spheres.map((s) => {
      const sentences = sphereSentences[s.code];
      return sentences ? pick(random, sentences) : `Działamy w sferze: ${s.label_pl}.`;
    }),
  ]
    .join(' ')
    .concat('\n\n', pick(random, closings));
  const goals = spheres.map((s) => `- ${s.label_pl}`).join('\n');
  const targets = new Set<string>();
  const targetCount = between(random, 1, 3);
  while (targets.size < targetCount) targets.add(pick(random, targetGroupList));

  const hasKrs =
    ['stowarzyszenie', 'fundacja', 'spoldzielnia-socjalna', 'spolka-non-profit', 'stowarzyszenie-jst'].includes(legalForm.code) ||
    (legalForm.code === 'klub-sportowy' && chance(random, 0.7));
  const branch = legalForm.code === 'stowarzyszenie' && chance(random, 0.05);
  const nipFirst9 = String(520_000_000 + 2 * n);
  const nip =
    !hasKrs || chance(random, 0.9)
      ? (() => {
          const digit = nipCheckDigit(nipFirst9);
          const first9 = digit === null ? String(520_000_000 + 2 * n + 1) : nipFirst9;
          return `${first9}${nipCheckDigit(first9)}`;
        })()
      : '';
  const regon8 = String(30_000_000 + n);
  const regon9 = `${regon8}${regon9CheckDigit(regon8)}`;
  const regon13 = `${regon9}${String(between(random, 1, 40)).padStart(4, '0')}`;
  const regon = branch ? `${regon13}${regon14CheckDigit(regon13)}` : chance(random, 0.95) ? regon9 : '';

  const opp = legalForm.can_be_opp === 1 && chance(random, 0.15);
  const volunteers = chance(random, 0.2);
  const slugBase = slugify(shortName || name);
  const domain = `${slugBase.slice(0, 40).replace(/-+$/, '')}.example`;
  const form: TOrganizationForm = {
    name,
    shortName,
    legalForm: legalForm.code,
    krs: hasKrs ? String(1_000_000 + n).padStart(10, '0') : '',
    nip,
    regon,
    otherRegisterName: hasKrs ? '' : (registerNames[legalForm.code] ?? 'Inny rejestr'),
    otherRegisterNumber: hasKrs ? '' : `${between(random, 1, 400)}/${foundedYear}`,
    foundedOn: isoDate(foundedYear, between(random, 1, 365)),
    oppYear: opp ? String(pick(random, [2024, 2025, 2026])) : '',
    spheres: spheres.map((s) => s.code),
    description,
    goals,
    targetGroups: [...targets].join(', '),
    areaOfActivity,
    areaScope: scope,
    street: `ul. ${pick(random, streets)} ${between(random, 1, 120)}`,
    postalCode: town.postalCode,
    city: town.name,
    email: `${pick(random, ['kontakt', 'biuro', 'zarzad', 'info'])}@${domain}`,
    phone:
      town.phone === '65'
        ? `65 5${between(random, 10, 99)} ${between(random, 10, 99)} ${between(random, 10, 99)}`
        : `${town.phone} ${between(random, 200, 899)} ${between(random, 10, 99)} ${between(random, 10, 99)}`,
    website: chance(random, 0.5) ? `https://${domain}` : '',
    volunteersWanted: volunteers,
    volunteersDescription: volunteers ? pick(random, volunteerOffers) : '',
  };

  const status = weighted(random, [
    ['verified', 90],
    ['pending', 7],
    ['suspended', 3],
  ] as const);
  const createdDaysAgo = between(random, 30, 3000);
  return {
    form,
    kind: legalForm.kind,
    slugBase,
    status,
    suspendedReason: status === 'suspended' ? pick(random, suspensionReasons) : null,
    createdDaysAgo,
    verifiedDaysAgo: status === 'pending' ? null : createdDaysAgo - between(random, 1, 29),
    confirmedDaysAgo: between(random, 0, Math.min(900, createdDaysAgo)),
  };
}

// ---------------------------------------------------------------------------------------------
// Bulk insert

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** The number of the first organisation (identifiers derive from it). */
  start?: number;
  /** Rows per INSERT statement (capped by the engine's limit of bound parameters). */
  batchSize?: number;
  now?: Date;
  onProgress?: (inserted: number) => void;
}

export interface GenerateResult {
  engine: Engine;
  count: number;
  seconds: number;
}

/** Reads the dictionaries the generator draws from (active spheres, every legal form). */
export async function readDictionaries(db: Kysely<DB>): Promise<Dictionaries> {
  const [legalForms, spheres] = await Promise.all([
    db.selectFrom('legal_forms').select(['code', 'kind', 'can_be_opp']).orderBy('position').execute(),
    db.selectFrom('spheres').select(['code', 'label_pl']).where('valid_to', 'is', null).orderBy('position').execute(),
  ]);
  return { legalForms, spheres };
}

/** The slugs the demo seed will use, so that it can still be seeded after the generator ran. */
function demoSlugs(): string[] {
  return [
    ...demoDirectoryOrganizations().map((o) => o.slug),
    ...demoAccounts.flatMap((a) => (a.organisation ? [slugify(a.organisation.shortName)] : [])),
  ];
}

const maxParameters: Record<Engine, number> = { sqlite: 32_766, postgres: 65_535 };

/** Inserts `count` generated organisations and their spheres in one transaction. */
export async function generateOrganizations(database: Database, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const { db, engine } = database;
  const seed = options.seed ?? 1;
  const start = options.start ?? 0;
  const nowMs = (options.now ?? new Date()).getTime();
  const daysAgo = (days: number) => new Date(nowMs - days * 86_400_000).toISOString();
  const dictionaries = await readDictionaries(db);
  if (dictionaries.legalForms.length === 0 || dictionaries.spheres.length === 0) {
    throw new Error('the dictionaries are empty: is the database migrated?');
  }

  const taken = new Set<string>([
    ...demoSlugs(),
    ...(await db.selectFrom('organizations').select('slug').execute()).flatMap((r) => (r.slug ? [r.slug] : [])),
  ]);
  const uniqueSlug = (base: string) => {
    if (!taken.has(base)) return (taken.add(base), base);
    for (let k = 2; ; k++) {
      const candidate = `${base}-${k}`;
      if (!taken.has(candidate)) return (taken.add(candidate), candidate);
    }
  };

  const rowOf = (n: number) => {
    const o = generatedOrganization(n, dictionaries, seed);
    const slug = uniqueSlug(o.slugBase);
    const confirmed = daysAgo(o.confirmedDaysAgo);
    const row: Insertable<OrganizationsTable> = {
      ...organizationColumns(o.form, o.kind),
      slug,
      status: o.status,
      verified_at: o.verifiedDaysAgo === null ? null : daysAgo(o.verifiedDaysAgo),
      suspended_reason: o.suspendedReason,
      created_at: daysAgo(o.createdDaysAgo),
      created_by: null,
      updated_at: confirmed,
      last_confirmed_at: confirmed,
    };
    return { row, spheres: o.form.spheres };
  };
  // Every row binds the same columns; stay under the engine's limit of bound parameters.
  const extraColumns = 8; // slug, status, verified_at, suspended_reason, created_at, created_by, updated_at, last_confirmed_at
  const columnsPerRow =
    Object.keys(organizationColumns(generatedOrganization(start, dictionaries, seed).form, 'NGO')).length + extraColumns;
  const rowsPerStatement = Math.min(options.batchSize ?? 1000, Math.floor(maxParameters[engine] / columnsPerRow));

  let inserted = 0;
  await db.transaction().execute(async (trx) => {
    for (let first = start; first < start + options.count; first += rowsPerStatement) {
      const last = Math.min(first + rowsPerStatement, start + options.count);
      const batch = Array.from({ length: last - first }, (_, i) => rowOf(first + i));
      if (Object.keys(batch[0]!.row).length !== columnsPerRow) throw new Error('generator: the column count changed');
      const created = await trx
        .insertInto('organizations')
        .values(batch.map((b) => b.row))
        .returning(['id', 'slug'])
        .execute();
      const spheresBySlug = new Map(batch.map((b) => [b.row.slug, b.spheres]));
      const sphereRows = created.flatMap((r) =>
        (spheresBySlug.get(r.slug) ?? []).map((code) => ({ organization_id: r.id, sphere_code: code })),
      );
      for (let i = 0; i < sphereRows.length; i += 5000) {
        await trx
          .insertInto('organization_spheres')
          .values(sphereRows.slice(i, i + 5000))
          .execute();
      }
      inserted += created.length;
      options.onProgress?.(inserted);
    }
  });
  return { engine, count: inserted, seconds: (performance.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// CLI

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      database: { type: 'string' },
      seed: { type: 'string', default: '1' },
      start: { type: 'string', default: '0' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const start = Number(values.start);
  if (!values.database) throw new Error('--database <url> is required (sqlite:<file> or postgres://…)');
  for (const [name, value] of Object.entries({ count, seed, start })) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
  }
  const database = createDatabase(parseDatabaseUrl(values.database));
  try {
    await migrateToLatest(database);
    let reported = 0;
    const result = await generateOrganizations(database, {
      count,
      seed,
      start,
      onProgress: (inserted) => {
        if (inserted - reported >= 10_000 || inserted === count) {
          reported = inserted;
          process.stdout.write(`  ${inserted.toLocaleString('en-US')} / ${count.toLocaleString('en-US')}\n`);
        }
      },
    });
    process.stdout.write(
      `generated ${result.count.toLocaleString('en-US')} organisations on ${result.engine} in ${result.seconds.toFixed(1)} s ` +
        `(${Math.round(result.count / result.seconds).toLocaleString('en-US')} rows/s)\n`,
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await cli();
  } catch (error) {
    process.stderr.write(`generate-organizations: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
