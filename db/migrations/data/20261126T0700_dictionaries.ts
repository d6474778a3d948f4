/**
 * Frozen data of migration 20261126T0700_directory — never edit; change dictionaries in a new migration.
 *
 * Spheres of public tasks (sfery zadań publicznych), art. 4 ust. 1 UDPP, as listed in DOMAIN.md §1.2.
 * This is the initial content of the versioned `spheres` dictionary (code, labels, valid from/to):
 * the Council of Ministers may add spheres by regulation, so they are data, never an enum.
 * Rows marked `uncertain` carry item numbers DOMAIN.md could not confirm against the statute.
 */
export interface SphereDefinition {
  code: string;
  labelPl: string;
  labelEn: string;
  uncertain?: boolean;
}

export const spheresValidFrom = '2003-06-29';

export const initialSpheres: SphereDefinition[] = [
  {
    code: '1',
    labelPl:
      'pomoc społeczna, w tym pomoc rodzinom i osobom w trudnej sytuacji życiowej oraz wyrównywanie szans tych rodzin i osób',
    labelEn:
      'social assistance, including help for families and persons in difficult circumstances and equal opportunities for them',
  },
  {
    code: '1a',
    labelPl: 'wspieranie rodziny i systemu pieczy zastępczej',
    labelEn: 'support for families and the foster care system',
  },
  {
    code: '1aa',
    labelPl: 'tworzenie warunków do zaspokajania potrzeb mieszkaniowych wspólnoty samorządowej',
    labelEn: 'conditions for meeting the housing needs of the local community',
    uncertain: true,
  },
  {
    code: '1b',
    labelPl: 'udzielanie nieodpłatnej pomocy prawnej oraz zwiększanie świadomości prawnej społeczeństwa',
    labelEn: 'free legal aid and raising legal awareness',
  },
  {
    code: '2',
    labelPl: 'działalność na rzecz integracji i reintegracji zawodowej i społecznej osób zagrożonych wykluczeniem społecznym',
    labelEn: 'vocational and social integration of people at risk of social exclusion',
  },
  { code: '3', labelPl: 'działalność charytatywna', labelEn: 'charitable activity' },
  {
    code: '4',
    labelPl:
      'podtrzymywanie i upowszechnianie tradycji narodowej, pielęgnowanie polskości oraz rozwój świadomości narodowej, obywatelskiej i kulturowej',
    labelEn: 'national tradition, Polish identity and national, civic and cultural awareness',
  },
  {
    code: '5',
    labelPl: 'działalność na rzecz mniejszości narodowych i etnicznych oraz języka regionalnego',
    labelEn: 'national and ethnic minorities and the regional language',
  },
  { code: '5a', labelPl: 'działalność na rzecz integracji cudzoziemców', labelEn: 'integration of foreigners' },
  {
    code: '6',
    labelPl: 'ochrona i promocja zdrowia, w tym działalność lecznicza',
    labelEn: 'health protection and promotion, including medical activity',
  },
  { code: '7', labelPl: 'działalność na rzecz osób niepełnosprawnych', labelEn: 'people with disabilities' },
  {
    code: '8',
    labelPl: 'promocja zatrudnienia i aktywizacja zawodowa osób pozostających bez pracy i zagrożonych zwolnieniem z pracy',
    labelEn: 'employment promotion and activation of the unemployed and those at risk of redundancy',
  },
  { code: '9', labelPl: 'działalność na rzecz równych praw kobiet i mężczyzn', labelEn: 'equal rights of women and men' },
  { code: '10', labelPl: 'działalność na rzecz osób w wieku emerytalnym', labelEn: 'people of retirement age' },
  {
    code: '11',
    labelPl: 'działalność wspomagająca rozwój gospodarczy, w tym rozwój przedsiębiorczości',
    labelEn: 'economic development, including entrepreneurship',
  },
  {
    code: '12',
    labelPl:
      'działalność wspomagająca rozwój techniki, wynalazczości i innowacyjności oraz rozpowszechnianie i wdrażanie nowych rozwiązań technicznych w praktyce gospodarczej',
    labelEn: 'technology, invention and innovation, and their use in business',
  },
  {
    code: '13',
    labelPl: 'działalność wspomagająca rozwój wspólnot i społeczności lokalnych',
    labelEn: 'development of local communities',
  },
  {
    code: '14',
    labelPl: 'nauka, szkolnictwo wyższe, edukacja, oświata i wychowanie',
    labelEn: 'science, higher education, education and upbringing',
  },
  {
    code: '15',
    labelPl: 'działalność na rzecz dzieci i młodzieży, w tym wypoczynku dzieci i młodzieży',
    labelEn: 'children and young people, including their holidays',
  },
  {
    code: '16',
    labelPl: 'kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego',
    labelEn: 'culture, art, cultural goods and national heritage',
  },
  { code: '17', labelPl: 'wspieranie i upowszechnianie kultury fizycznej', labelEn: 'physical culture and sport' },
  {
    code: '18',
    labelPl: 'ekologia i ochrona zwierząt oraz ochrona dziedzictwa przyrodniczego',
    labelEn: 'ecology, animal protection and natural heritage',
  },
  { code: '19', labelPl: 'turystyka i krajoznawstwo', labelEn: 'tourism and sightseeing' },
  { code: '20', labelPl: 'porządek i bezpieczeństwo publiczne', labelEn: 'public order and safety' },
  {
    code: '21',
    labelPl: 'obronność państwa i działalność Sił Zbrojnych Rzeczypospolitej Polskiej',
    labelEn: 'national defence and the Polish Armed Forces',
  },
  {
    code: '22',
    labelPl:
      'upowszechnianie i ochrona wolności i praw człowieka oraz swobód obywatelskich, a także działania wspomagające rozwój demokracji',
    labelEn: 'human rights, civil liberties and the development of democracy',
  },
  {
    code: '22a',
    labelPl: 'udzielanie nieodpłatnego poradnictwa obywatelskiego',
    labelEn: 'free civic counselling',
    uncertain: true,
  },
  { code: '23', labelPl: 'ratownictwo i ochrona ludności', labelEn: 'rescue and civil protection' },
  {
    code: '24',
    labelPl: 'pomoc ofiarom katastrof, klęsk żywiołowych, konfliktów zbrojnych i wojen w kraju i za granicą',
    labelEn: 'help for victims of disasters, natural catastrophes, armed conflicts and wars in Poland and abroad',
  },
  { code: '25', labelPl: 'upowszechnianie i ochrona praw konsumentów', labelEn: 'consumer rights' },
  {
    code: '26',
    labelPl: 'działalność na rzecz integracji europejskiej oraz rozwijania kontaktów i współpracy między społeczeństwami',
    labelEn: 'European integration and cooperation between societies',
  },
  { code: '27', labelPl: 'promocja i organizacja wolontariatu', labelEn: 'promotion and organisation of volunteering' },
  { code: '28', labelPl: 'pomoc Polonii i Polakom za granicą', labelEn: 'help for the Polish diaspora and Poles abroad' },
  {
    code: '29',
    labelPl: 'działalność na rzecz kombatantów i osób represjonowanych',
    labelEn: 'veterans of wars and victims of repression',
  },
  {
    code: '29a',
    labelPl: 'działalność na rzecz weteranów i weteranów poszkodowanych',
    labelEn: 'veterans of missions abroad and injured veterans',
    uncertain: true,
  },
  { code: '30', labelPl: 'promocja Rzeczypospolitej Polskiej za granicą', labelEn: 'promotion of Poland abroad' },
  {
    code: '31',
    labelPl: 'działalność na rzecz rodziny, macierzyństwa, rodzicielstwa, upowszechniania i ochrony praw dziecka',
    labelEn: 'family, motherhood, parenthood and children’s rights',
  },
  {
    code: '32',
    labelPl: 'przeciwdziałanie uzależnieniom i patologiom społecznym',
    labelEn: 'prevention of addictions and social pathologies',
  },
  { code: '32a', labelPl: 'rewitalizacja', labelEn: 'regeneration' },
  {
    code: '33',
    labelPl:
      'działalność na rzecz organizacji pozarządowych oraz podmiotów wymienionych w art. 3 ust. 3, w zakresie określonym w pkt 1–32a',
    labelEn: 'support for NGOs and art. 3(3) entities in the fields of items 1–32a',
  },
  {
    code: '34',
    labelPl: 'działalność na rzecz podmiotów ekonomii społecznej i przedsiębiorstw społecznych',
    labelEn: 'social economy entities and social enterprises',
    uncertain: true,
  },
];

/** Legal forms (DOMAIN.md §4.2), the initial content of the `legal_forms` dictionary. */
export interface LegalFormDefinition {
  code: string;
  labelPl: string;
  labelEn: string;
  kind: 'NGO' | 'ART_3_3';
  register: string;
  /** Without legal personality an organisation cannot obtain OPP status (e.g. stowarzyszenie zwykłe). */
  canBeOpp: boolean;
}

export const initialLegalForms: LegalFormDefinition[] = [
  { code: 'stowarzyszenie', labelPl: 'stowarzyszenie', labelEn: 'association', kind: 'NGO', register: 'KRS', canBeOpp: true },
  {
    code: 'stowarzyszenie-zwykle',
    labelPl: 'stowarzyszenie zwykłe',
    labelEn: 'ordinary association',
    kind: 'NGO',
    register: 'ewidencja starosty',
    canBeOpp: false,
  },
  { code: 'fundacja', labelPl: 'fundacja', labelEn: 'foundation', kind: 'NGO', register: 'KRS', canBeOpp: true },
  {
    code: 'klub-sportowy',
    labelPl: 'klub sportowy',
    labelEn: 'sports club',
    kind: 'NGO',
    register: 'KRS lub ewidencja starosty',
    canBeOpp: true,
  },
  {
    code: 'uks',
    labelPl: 'uczniowski klub sportowy',
    labelEn: 'school sports club',
    kind: 'NGO',
    register: 'ewidencja starosty',
    canBeOpp: true,
  },
  {
    code: 'kgw',
    labelPl: 'koło gospodyń wiejskich',
    labelEn: 'rural women’s circle',
    kind: 'NGO',
    register: 'rejestr KGW (ARiMR)',
    canBeOpp: false,
  },
  {
    code: 'spoldzielnia-socjalna',
    labelPl: 'spółdzielnia socjalna',
    labelEn: 'social cooperative',
    kind: 'ART_3_3',
    register: 'KRS',
    // Art. 20 UDPP: of the art. 3(3) entities only pkt 1 (church) and pkt 4 (non-profit companies) may be OPP.
    canBeOpp: false,
  },
  {
    code: 'spolka-non-profit',
    labelPl: 'spółka non-profit (sp. z o.o. lub S.A.)',
    labelEn: 'non-profit company',
    kind: 'ART_3_3',
    register: 'KRS',
    canBeOpp: true,
  },
  {
    code: 'koscielna-osoba-prawna',
    labelPl: 'kościelna osoba prawna lub jednostka organizacyjna',
    labelEn: 'church legal person',
    kind: 'ART_3_3',
    register: 'przepisy wyznaniowe',
    canBeOpp: true,
  },
  {
    code: 'stowarzyszenie-jst',
    labelPl: 'stowarzyszenie jednostek samorządu terytorialnego',
    labelEn: 'association of local governments',
    kind: 'ART_3_3',
    register: 'KRS',
    canBeOpp: false,
  },
  { code: 'inna', labelPl: 'inna forma prawna', labelEn: 'other legal form', kind: 'NGO', register: '—', canBeOpp: false },
];
