/**
 * The demo directory of Leszno: forty fictional local organisations beside the two the seed
 * protocol names (Krokus and MCP Alternatywa, inserted with their accounts in seed-demo.ts).
 * Varied legal forms, spheres, area scopes, OPP status, volunteering offers and freshness; most are
 * verified, two wait for verification and one is suspended. Contacts use `.example` domains and
 * 65 5xx xx xx numbers; KRS, NIP and REGON are generated with the checksum algorithms from fixed
 * numbers, so they are valid and stable but belong to no real organisation.
 *
 * Every record goes through `organizationColumns()`, like a registration, so the sort key and the
 * search documents follow the feature's rules.
 */
import type { Kysely } from 'kysely';
import type { DB, OrganizationStatus } from '../platform/db/schema.js';
import type { AreaScope } from '../features/organizations/area-scopes.js';
import { regon14CheckDigit } from '../features/organizations/identifiers.js';
import type { TOrganizationForm } from '../features/organizations/organizations.schema.js';
import { slugify } from '../features/organizations/polish-order.js';
import { organizationColumns } from '../features/organizations/register-organization.js';
import { type DemoOrganisation, demoNip, demoRegon } from './seed-demo.js';

/**
 * How an organisation is registered: `krs` — KRS, NIP and a 9-digit REGON; `branch` — a local
 * branch: the KRS of the whole association, its own NIP and a 14-digit REGON; otherwise another
 * register (name, number) with NIP and a 9-digit REGON.
 */
type Register = 'krs' | 'branch' | { name: string; number: string };

interface DemoEntry {
  name: string;
  shortName: string;
  legalForm: string;
  register: Register;
  foundedOn: string;
  oppYear?: number;
  spheres: string[];
  description: string;
  goals: string;
  targetGroups: string;
  areaOfActivity: string;
  areaScope: AreaScope;
  street: string;
  /** The `.example` domain of the e-mail address (and of the website when `website` is set). */
  domain: string;
  website?: boolean;
  volunteers?: string;
  status?: Extract<OrganizationStatus, 'pending' | 'suspended'>;
  suspendedReason?: string;
  /** Days since the profile was last confirmed as current (freshness). */
  confirmedDaysAgo: number;
}

const cityRegister = 'Ewidencja Prezydenta Miasta Leszna';
const kgwRegister = 'Krajowy Rejestr Kół Gospodyń Wiejskich (ARiMR)';

const entries: DemoEntry[] = [
  {
    name: 'Leszczyńskie Towarzystwo Śpiewacze',
    shortName: 'Towarzystwo Śpiewacze',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '1992-03-14',
    oppYear: 2025,
    spheres: ['16', '4'],
    description:
      'Chór mieszany i zespół kameralny. Śpiewamy muzykę dawną i pieśni wielkopolskie, co roku dajemy **koncert kolęd** w ratuszu.',
    goals: '- upowszechnianie śpiewu chóralnego\n- ochrona dziedzictwa muzycznego regionu\n- edukacja muzyczna dorosłych',
    targetGroups: 'dorośli, seniorzy, melomani',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Słowiańska 12',
    domain: 'spiewacze-leszno.example',
    website: true,
    confirmedDaysAgo: 12,
  },
  {
    name: 'Fundacja Łączy Nas',
    shortName: 'Łączy Nas',
    legalForm: 'fundacja',
    register: 'krs',
    foundedOn: '2014-09-01',
    oppYear: 2026,
    spheres: ['7', '2', '27'],
    description:
      'Wspieramy osoby z niepełnosprawnościami i ich rodziny: prowadzimy warsztaty samodzielności, wycieczki i grupę wsparcia dla opiekunów.',
    goals: '- integracja społeczna osób z niepełnosprawnościami\n- wsparcie opiekunów\n- rozwój wolontariatu asystenckiego',
    targetGroups: 'osoby z niepełnosprawnościami, ich rodziny i opiekunowie',
    areaOfActivity: 'Leszno i powiat leszczyński',
    areaScope: 'powiatowy',
    street: 'ul. Narutowicza 41',
    domain: 'laczynas.example',
    website: true,
    volunteers: 'Szukamy asystentów na wycieczki i warsztaty (soboty, 4–6 godzin w miesiącu).',
    confirmedDaysAgo: 30,
  },
  {
    name: 'Społeczne Stowarzyszenie Przyjaciół Zatorza',
    shortName: 'Przyjaciele Zatorza',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '2008-05-20',
    spheres: ['13', '32a'],
    description: 'Sąsiedzi z Zatorza dbają o swoje osiedle: festyny podwórkowe, ogródek społeczny i konsultacje rewitalizacji.',
    goals: '- rozwój społeczności osiedla\n- udział mieszkańców w rewitalizacji\n- integracja sąsiedzka',
    targetGroups: 'mieszkańcy osiedla Zatorze',
    areaOfActivity: 'osiedle Zatorze w Lesznie',
    areaScope: 'lokalny',
    street: 'ul. Kurpińskiego 7',
    domain: 'zatorze.example',
    confirmedDaysAgo: 95,
  },
  {
    name: 'Klub Sportowy „Żurawie” Leszno',
    shortName: 'KS Żurawie',
    legalForm: 'klub-sportowy',
    register: 'krs',
    foundedOn: '1999-02-11',
    spheres: ['17', '15'],
    description: 'Piłka nożna i lekkoatletyka dla dzieci od 6 lat. Treningi na stadionie miejskim i w halach szkolnych.',
    goals: '- upowszechnianie kultury fizycznej wśród dzieci\n- szkolenie młodzieży\n- organizacja turniejów',
    targetGroups: 'dzieci i młodzież w wieku 6–18 lat',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Strzelecka 3',
    domain: 'zurawie.example',
    website: true,
    volunteers: 'Potrzebujemy pomocy przy turniejach: sędziowanie, zapisy, punkt medyczny.',
    confirmedDaysAgo: 7,
  },
  {
    name: 'Uczniowski Klub Sportowy „Ósemka”',
    shortName: 'UKS Ósemka',
    legalForm: 'uks',
    register: { name: `${cityRegister} (uczniowskie kluby sportowe)`, number: 'UKS/8/2003' },
    foundedOn: '2003-10-01',
    spheres: ['17', '15'],
    description: 'Klub przy szkole podstawowej: koszykówka, siatkówka i zajęcia ogólnorozwojowe po lekcjach.',
    goals: '- aktywność fizyczna uczniów\n- udział w rozgrywkach szkolnych',
    targetGroups: 'uczniowie szkół podstawowych',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Ułańska 8',
    domain: 'uks-osemka.example',
    confirmedDaysAgo: 210,
  },
  {
    name: 'Fundacja „Źródło Nadziei”',
    shortName: 'Źródło Nadziei',
    legalForm: 'fundacja',
    register: 'krs',
    foundedOn: '2011-01-17',
    oppYear: 2025,
    spheres: ['1', '3', '31'],
    description:
      'Pomagamy rodzinom w kryzysie: poradnictwo, paczki żywnościowe, wsparcie psychologiczne. Prowadzimy **punkt wydawania żywności**.',
    goals: '- pomoc rodzinom w trudnej sytuacji życiowej\n- przeciwdziałanie ubóstwu\n- ochrona praw dziecka',
    targetGroups: 'rodziny w kryzysie, dzieci',
    areaOfActivity: 'Wielkopolska',
    areaScope: 'regionalny',
    street: 'ul. Kościuszki 19',
    domain: 'zrodlonadziei.example',
    website: true,
    volunteers: 'Zapraszamy do pomocy przy zbiórkach żywności i w punkcie wydawania paczek.',
    confirmedDaysAgo: 45,
  },
  {
    name: 'Stowarzyszenie Świetlica Środowiskowa „Świetlik”',
    shortName: 'Świetlik',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '2005-09-15',
    spheres: ['15', '32', '1a'],
    description: 'Popołudniowa świetlica dla dzieci: pomoc w lekcjach, posiłek, zajęcia plastyczne i wyjazdy wakacyjne.',
    goals: '- opieka i wychowanie dzieci po szkole\n- profilaktyka uzależnień\n- wsparcie rodzin',
    targetGroups: 'dzieci w wieku 7–14 lat i ich rodzice',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Leszczyńskich 22',
    domain: 'swietlik.example',
    volunteers: 'Szukamy wolontariuszy do pomocy w odrabianiu lekcji (matematyka, angielski).',
    confirmedDaysAgo: 20,
  },
  {
    name: 'Koło Gospodyń Wiejskich „Gronowianki”',
    shortName: 'KGW Gronowianki',
    legalForm: 'kgw',
    register: { name: kgwRegister, number: 'KGW/30/0412' },
    foundedOn: '2019-04-03',
    spheres: ['4', '13', '9'],
    description: 'Kultywujemy tradycje kulinarne i rękodzieło, organizujemy dożynki i warsztaty dla mieszkanek Gronowa.',
    goals: '- podtrzymywanie tradycji ludowych\n- aktywizacja kobiet\n- rozwój społeczności lokalnej',
    targetGroups: 'kobiety, mieszkańcy Gronowa',
    areaOfActivity: 'Leszno i powiat leszczyński',
    areaScope: 'powiatowy',
    street: 'ul. Gronowska 5',
    domain: 'gronowianki.example',
    confirmedDaysAgo: 150,
  },
  {
    name: 'Spółdzielnia Socjalna „Smaczny Kąsek”',
    shortName: 'Smaczny Kąsek',
    legalForm: 'spoldzielnia-socjalna',
    register: 'krs',
    foundedOn: '2016-06-30',
    spheres: ['2', '8', '34'],
    description: 'Catering i stołówka prowadzone przez osoby wracające na rynek pracy. Obsługujemy szkoły i wydarzenia.',
    goals: '- reintegracja zawodowa i społeczna\n- tworzenie miejsc pracy\n- rozwój ekonomii społecznej',
    targetGroups: 'osoby bezrobotne, osoby zagrożone wykluczeniem',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Dworcowa 14',
    domain: 'smacznykasek.example',
    website: true,
    confirmedDaysAgo: 60,
  },
  {
    name: 'Fundacja Ekologiczna „Zielone Leszno”',
    shortName: 'Zielone Leszno',
    legalForm: 'fundacja',
    register: 'krs',
    foundedOn: '2017-04-22',
    spheres: ['18', '14'],
    description: 'Sadzimy drzewa, sprzątamy brzegi jezior i prowadzimy zajęcia przyrodnicze w szkołach.',
    goals: '- ochrona przyrody i krajobrazu\n- edukacja ekologiczna\n- zieleń w mieście',
    targetGroups: 'mieszkańcy, szkoły',
    areaOfActivity: 'Wielkopolska',
    areaScope: 'regionalny',
    street: 'ul. Lipowa 9',
    domain: 'zielone-leszno.example',
    website: true,
    volunteers: 'Akcje sprzątania i sadzenia drzew wiosną i jesienią — przyjdź z rodziną.',
    confirmedDaysAgo: 3,
  },
  {
    name: 'Stowarzyszenie Miłośników Ziemi Leszczyńskiej',
    shortName: 'Miłośnicy Ziemi Leszczyńskiej',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '1996-11-08',
    spheres: ['4', '19', '16'],
    description: 'Wydajemy kwartalnik historyczny, znakujemy szlaki i prowadzimy spacery po zabytkach Leszna.',
    goals: '- popularyzacja historii regionu\n- ochrona zabytków\n- turystyka krajoznawcza',
    targetGroups: 'mieszkańcy, turyści, nauczyciele historii',
    areaOfActivity: 'powiat leszczyński',
    areaScope: 'powiatowy',
    street: 'Rynek 4',
    domain: 'ziemia-leszczynska.example',
    website: true,
    confirmedDaysAgo: 400,
  },
  {
    name: 'Leszczyński Klub Seniora „Wrzos”',
    shortName: 'Klub Seniora Wrzos',
    legalForm: 'stowarzyszenie-zwykle',
    register: { name: `${cityRegister} (stowarzyszenia zwykłe)`, number: 'SZ/14/2018' },
    foundedOn: '2018-02-02',
    spheres: ['10', '13'],
    description: 'Spotkania, wycieczki i zajęcia komputerowe dla seniorów. Co czwartek kawiarenka w domu kultury.',
    goals: '- aktywność osób starszych\n- przeciwdziałanie samotności',
    targetGroups: 'seniorzy',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Wolności 2',
    domain: 'wrzos-seniorzy.example',
    confirmedDaysAgo: 35,
  },
  {
    name: 'Stowarzyszenie Rodzin Zastępczych „Gniazdo”',
    shortName: 'Gniazdo',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '2010-12-12',
    oppYear: 2026,
    spheres: ['1a', '31'],
    description: 'Zrzeszamy rodziny zastępcze: szkolenia, grupy wsparcia, wspólne wakacje dzieci.',
    goals: '- wsparcie pieczy zastępczej\n- ochrona praw dziecka\n- promocja rodzicielstwa zastępczego',
    targetGroups: 'rodziny zastępcze, dzieci w pieczy',
    areaOfActivity: 'Leszno i powiat leszczyński',
    areaScope: 'powiatowy',
    street: 'ul. Chrobrego 30',
    domain: 'gniazdo-rodziny.example',
    confirmedDaysAgo: 80,
  },
  {
    name: 'Fundacja Pomocy Zwierzętom „Łapa w Łapę”',
    shortName: 'Łapa w Łapę',
    legalForm: 'fundacja',
    register: 'krs',
    foundedOn: '2015-07-07',
    oppYear: 2025,
    spheres: ['18'],
    description: 'Domy tymczasowe dla psów i kotów, sterylizacje i adopcje. Współpracujemy ze schroniskiem.',
    goals: '- ochrona zwierząt\n- odpowiedzialne adopcje\n- edukacja humanitarna',
    targetGroups: 'opiekunowie zwierząt, dzieci',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Spółdzielcza 11',
    domain: 'lapawlape.example',
    website: true,
    volunteers: 'Wyprowadzanie psów, domy tymczasowe, transport do weterynarza.',
    confirmedDaysAgo: 14,
  },
  {
    name: 'Towarzystwo Cyklistów „Szprycha”',
    shortName: 'Szprycha',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '2012-03-25',
    spheres: ['17', '19', '18'],
    description: 'Rajdy rowerowe, masa krytyczna i mapa bezpiecznych tras. Opiniujemy projekty dróg rowerowych.',
    goals: '- turystyka rowerowa\n- bezpieczny ruch rowerowy w mieście',
    targetGroups: 'rowerzyści, rodziny',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Jana Pawła II 15',
    domain: 'szprycha.example',
    confirmedDaysAgo: 120,
  },
  {
    name: 'Stowarzyszenie Ratownictwa Wodnego „Delfin”',
    shortName: 'Ratownicy Delfin',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '2001-06-01',
    spheres: ['23', '20'],
    description: 'Zabezpieczamy kąpieliska i imprezy nad wodą, uczymy pierwszej pomocy i bezpiecznego pływania.',
    goals: '- ratownictwo wodne\n- edukacja w zakresie bezpieczeństwa',
    targetGroups: 'mieszkańcy, szkoły, organizatorzy imprez',
    areaOfActivity: 'powiat leszczyński',
    areaScope: 'powiatowy',
    street: 'ul. Wałowa 6',
    domain: 'delfin-ratownicy.example',
    volunteers: 'Kursy ratownika dla wolontariuszy od 18 lat; dyżury w wakacje.',
    confirmedDaysAgo: 25,
  },
  {
    name: 'Fundacja „Mała Ojczyzna”',
    shortName: 'Mała Ojczyzna',
    legalForm: 'fundacja',
    register: 'krs',
    foundedOn: '2013-05-03',
    spheres: ['4', '14', '22'],
    description: 'Lekcje obywatelskie, debaty młodzieży z radnymi i konkurs wiedzy o samorządzie.',
    goals: '- edukacja obywatelska\n- świadomość narodowa i kulturowa\n- rozwój demokracji lokalnej',
    targetGroups: 'młodzież szkół średnich',
    areaOfActivity: 'Wielkopolska',
    areaScope: 'regionalny',
    street: 'ul. Bolesława Chrobrego 2',
    domain: 'malaojczyzna.example',
    website: true,
    confirmedDaysAgo: 300,
  },
  {
    name: 'Leszczyńskie Stowarzyszenie Amazonek „Różowa Wstążka”',
    shortName: 'Różowa Wstążka',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '2002-10-15',
    oppYear: 2026,
    spheres: ['6', '9'],
    description: 'Wspieramy kobiety po leczeniu raka piersi: rehabilitacja, grupy wsparcia, profilaktyka.',
    goals: '- promocja zdrowia i profilaktyki\n- wsparcie chorych i ich bliskich',
    targetGroups: 'kobiety po chorobie nowotworowej, rodziny',
    areaOfActivity: 'Leszno i powiat leszczyński',
    areaScope: 'powiatowy',
    street: 'ul. Kiepury 52',
    domain: 'rozowa-wstazka.example',
    confirmedDaysAgo: 50,
  },
  {
    name: 'Stowarzyszenie na rzecz Osób z Autyzmem „Kolorowy Świat”',
    shortName: 'Kolorowy Świat',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '2009-04-02',
    oppYear: 2025,
    spheres: ['7', '14', '31'],
    description: 'Terapia, zajęcia sensoryczne i wsparcie rodziców dzieci w spektrum autyzmu.',
    goals: '- terapia i edukacja dzieci z autyzmem\n- wsparcie rodzin\n- akceptacja w szkołach',
    targetGroups: 'dzieci w spektrum autyzmu, rodzice, nauczyciele',
    areaOfActivity: 'Wielkopolska',
    areaScope: 'regionalny',
    street: 'ul. Grunwaldzka 18',
    domain: 'kolorowy-swiat.example',
    website: true,
    volunteers: 'Pomoc podczas zajęć grupowych i wyjazdów terapeutycznych.',
    confirmedDaysAgo: 18,
  },
  {
    name: 'Fundacja Rozwoju Przedsiębiorczości Społecznej „Ula”',
    shortName: 'Fundacja Ula',
    legalForm: 'fundacja',
    register: 'krs',
    foundedOn: '2018-08-08',
    spheres: ['11', '34', '33'],
    description: 'Doradztwo dla spółdzielni socjalnych i organizacji, które chcą prowadzić działalność gospodarczą.',
    goals: '- rozwój ekonomii społecznej\n- wsparcie organizacji pozarządowych',
    targetGroups: 'organizacje pozarządowe, spółdzielnie socjalne',
    areaOfActivity: 'Wielkopolska',
    areaScope: 'regionalny',
    street: 'ul. Królowej Jadwigi 3',
    domain: 'fundacja-ula.example',
    confirmedDaysAgo: 70,
  },
  {
    name: 'Klub Szachowy „Hetman” Leszno',
    shortName: 'KS Hetman',
    legalForm: 'klub-sportowy',
    register: { name: `${cityRegister} (kluby sportowe)`, number: 'KS/3/2011' },
    foundedOn: '2011-01-20',
    spheres: ['17', '14'],
    description: 'Szachy dla każdego wieku: treningi, turnieje błyskawiczne i liga szkolna.',
    goals: '- popularyzacja szachów\n- rozwój logicznego myślenia dzieci',
    targetGroups: 'dzieci, młodzież, dorośli',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Niepodległości 27',
    domain: 'hetman-szachy.example',
    confirmedDaysAgo: 180,
  },
  {
    name: 'Stowarzyszenie Teatralne „Kurtyna”',
    shortName: 'Kurtyna',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '2007-03-27',
    spheres: ['16', '15'],
    description: 'Amatorski teatr młodzieżowy: dwa spektakle w roku, warsztaty aktorskie i przegląd teatrów szkolnych.',
    goals: '- edukacja teatralna\n- twórczość dzieci i młodzieży',
    targetGroups: 'młodzież, widzowie',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Kasztanowa 4',
    domain: 'teatr-kurtyna.example',
    website: true,
    volunteers: 'Szyjemy kostiumy i budujemy scenografię — przyda się każda para rąk.',
    confirmedDaysAgo: 40,
  },
  {
    name: 'Fundacja Edukacji Cyfrowej „Bajt”',
    shortName: 'Fundacja Bajt',
    legalForm: 'fundacja',
    register: 'krs',
    foundedOn: '2020-02-14',
    spheres: ['14', '12', '10'],
    description: 'Kursy programowania dla dzieci i kursy bezpiecznego internetu dla seniorów.',
    goals: '- kompetencje cyfrowe\n- bezpieczeństwo w sieci\n- innowacje w edukacji',
    targetGroups: 'dzieci, seniorzy, nauczyciele',
    areaOfActivity: 'cała Polska',
    areaScope: 'krajowy',
    street: 'ul. Okrężna 21',
    domain: 'fundacja-bajt.example',
    website: true,
    confirmedDaysAgo: 9,
  },
  {
    name: 'Stowarzyszenie Integracji Cudzoziemców „Wspólny Stół”',
    shortName: 'Wspólny Stół',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '2022-03-10',
    spheres: ['5a', '26'],
    description: 'Lekcje języka polskiego, pomoc w sprawach urzędowych i wspólne kolacje kultur.',
    goals: '- integracja cudzoziemców\n- dialog międzykulturowy',
    targetGroups: 'cudzoziemcy mieszkający w Lesznie, sąsiedzi',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Poniatowskiego 10',
    domain: 'wspolnystol.example',
    volunteers: 'Poprowadź konwersacje po polsku (raz w tygodniu, wieczorem).',
    confirmedDaysAgo: 22,
  },
  {
    name: 'Polsko-Niemieckie Towarzystwo Partnerskie „Most”',
    shortName: 'Towarzystwo Most',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '1994-09-09',
    spheres: ['26', '16'],
    description: 'Wymiany młodzieży i chórów z miastami partnerskimi, wspólne projekty historyczne.',
    goals: '- współpraca między społeczeństwami\n- integracja europejska',
    targetGroups: 'młodzież, szkoły, zespoły artystyczne',
    areaOfActivity: 'Polska i Niemcy',
    areaScope: 'miedzynarodowy',
    street: 'ul. Mickiewicza 1',
    domain: 'towarzystwo-most.example',
    confirmedDaysAgo: 260,
  },
  {
    name: 'Stowarzyszenie Kombatantów i Sympatyków Historii „Pamięć”',
    shortName: 'Pamięć',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '1998-11-11',
    spheres: ['29', '4'],
    description: 'Opieka nad miejscami pamięci, spotkania świadków historii z młodzieżą, archiwum relacji.',
    goals: '- wsparcie kombatantów\n- upamiętnianie historii regionu',
    targetGroups: 'kombatanci, młodzież',
    areaOfActivity: 'powiat leszczyński',
    areaScope: 'powiatowy',
    street: 'ul. Piłsudskiego 8',
    domain: 'pamiec-historia.example',
    confirmedDaysAgo: 500,
  },
  {
    name: 'Fundacja Prawo dla Każdego',
    shortName: 'Prawo dla Każdego',
    legalForm: 'fundacja',
    register: 'krs',
    foundedOn: '2016-01-05',
    oppYear: 2026,
    spheres: ['1b', '22a', '22'],
    description: 'Nieodpłatna pomoc prawna i poradnictwo obywatelskie, dyżury w bibliotece i w domu kultury.',
    goals: '- nieodpłatna pomoc prawna\n- świadomość prawna mieszkańców\n- ochrona praw człowieka',
    targetGroups: 'mieszkańcy, osoby w trudnej sytuacji',
    areaOfActivity: 'Leszno i powiat leszczyński',
    areaScope: 'powiatowy',
    street: 'ul. Sienkiewicza 16',
    domain: 'prawodlakazdego.example',
    website: true,
    confirmedDaysAgo: 28,
  },
  {
    name: 'Stowarzyszenie Abstynentów „Nowa Droga”',
    shortName: 'Nowa Droga',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '2000-05-05',
    spheres: ['32', '6'],
    description: 'Klub abstynenta, grupy wsparcia i rodzinne wyjazdy bez alkoholu.',
    goals: '- przeciwdziałanie uzależnieniom\n- wsparcie trzeźwiejących i ich rodzin',
    targetGroups: 'osoby uzależnione i ich rodziny',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Bolesławiecka 33',
    domain: 'nowadroga.example',
    confirmedDaysAgo: 75,
  },
  {
    name: 'Stowarzyszenie Mieszkańców Osiedla Przylesie',
    shortName: 'Mieszkańcy Przylesia',
    legalForm: 'stowarzyszenie-zwykle',
    register: { name: `${cityRegister} (stowarzyszenia zwykłe)`, number: 'SZ/21/2021' },
    foundedOn: '2021-06-19',
    spheres: ['13', '1aa'],
    description: 'Zabiegamy o place zabaw, ławki i bezpieczne przejścia; prowadzimy sąsiedzką wymianę rzeczy.',
    goals: '- rozwój osiedla\n- potrzeby mieszkaniowe mieszkańców',
    targetGroups: 'mieszkańcy osiedla Przylesie',
    areaOfActivity: 'osiedle Przylesie w Lesznie',
    areaScope: 'lokalny',
    street: 'ul. Sosnowa 12',
    domain: 'przylesie.example',
    confirmedDaysAgo: 16,
  },
  {
    name: 'Leszczyńskie Towarzystwo Fotograficzne',
    shortName: 'Towarzystwo Fotograficzne',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '2004-08-19',
    spheres: ['16', '14'],
    description: 'Wystawy, plenery i warsztaty fotografii; dokumentujemy zmiany w mieście.',
    goals: '- upowszechnianie fotografii\n- dokumentowanie dziedzictwa miasta',
    targetGroups: 'fotografowie amatorzy, młodzież',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'Rynek 20',
    domain: 'ltf-foto.example',
    website: true,
    confirmedDaysAgo: 110,
  },
  {
    name: 'Parafialny Zespół Caritas „Dobre Serce”',
    shortName: 'Caritas Dobre Serce',
    legalForm: 'koscielna-osoba-prawna',
    register: { name: 'Przepisy o stosunku Państwa do Kościoła Katolickiego', number: 'CAR/12/1995' },
    foundedOn: '1995-12-01',
    spheres: ['3', '1'],
    description: 'Paczki świąteczne, obiady dla potrzebujących i odwiedziny osób samotnych.',
    goals: '- działalność charytatywna\n- pomoc osobom samotnym i ubogim',
    targetGroups: 'osoby ubogie i samotne',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'pl. Kościelny 1',
    domain: 'dobre-serce.example',
    volunteers: 'Pomoc przy paczkach świątecznych i odwiedzinach u seniorów.',
    confirmedDaysAgo: 55,
  },
  {
    name: 'Centrum Aktywności Lokalnej „Sąsiedzi” sp. z o.o. non-profit',
    shortName: 'CAL Sąsiedzi',
    legalForm: 'spolka-non-profit',
    register: 'krs',
    foundedOn: '2019-09-23',
    spheres: ['13', '2', '8'],
    description: 'Klub pracy, kawiarenka sąsiedzka i inkubator inicjatyw mieszkańców.',
    goals: '- aktywizacja zawodowa\n- rozwój inicjatyw lokalnych',
    targetGroups: 'osoby bezrobotne, mieszkańcy',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Racławicka 2',
    domain: 'cal-sasiedzi.example',
    website: true,
    confirmedDaysAgo: 33,
  },
  {
    name: 'Stowarzyszenie Samorządów Ziemi Leszczyńskiej „Razem”',
    shortName: 'Samorządy Razem',
    legalForm: 'stowarzyszenie-jst',
    register: 'krs',
    foundedOn: '2006-02-28',
    spheres: ['13', '11', '19'],
    description: 'Wspólne projekty gmin: szlaki turystyczne, promocja regionu, rozwój przedsiębiorczości.',
    goals: '- współpraca samorządów\n- rozwój gospodarczy regionu',
    targetGroups: 'gminy, mieszkańcy regionu',
    areaOfActivity: 'Wielkopolska',
    areaScope: 'regionalny',
    street: 'ul. Karasia 15',
    domain: 'samorzady-razem.example',
    website: true,
    confirmedDaysAgo: 90,
  },
  {
    name: 'Uczniowski Klub Sportowy „Orlik”',
    shortName: 'UKS Orlik',
    legalForm: 'uks',
    register: { name: `${cityRegister} (uczniowskie kluby sportowe)`, number: 'UKS/11/2015' },
    foundedOn: '2015-09-01',
    spheres: ['17', '15'],
    description: 'Pływanie i piłka ręczna dla uczniów; obozy sportowe w wakacje.',
    goals: '- sport szkolny\n- wypoczynek dzieci i młodzieży',
    targetGroups: 'uczniowie',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Lipowa 76',
    domain: 'uks-orlik.example',
    confirmedDaysAgo: 140,
  },
  {
    name: 'Stowarzyszenie Honorowych Krwiodawców „Kropla Życia” — Oddział w Lesznie',
    shortName: 'Kropla Życia Leszno',
    legalForm: 'stowarzyszenie',
    register: 'branch',
    foundedOn: '2003-06-14',
    spheres: ['6', '27'],
    description: 'Akcje poboru krwi, rejestracja dawców szpiku i szkolenia z pierwszej pomocy.',
    goals: '- promocja honorowego krwiodawstwa\n- organizacja wolontariatu',
    targetGroups: 'dorośli, studenci, pracodawcy',
    areaOfActivity: 'Leszno i powiat leszczyński',
    areaScope: 'powiatowy',
    street: 'ul. Kiepury 58',
    domain: 'kropla-zycia.example',
    volunteers: 'Pomoc przy akcjach poboru krwi: rejestracja, poczęstunek, promocja.',
    confirmedDaysAgo: 65,
  },
  {
    name: 'Fundacja Muzyczna „Pięciolinia”',
    shortName: 'Pięciolinia',
    legalForm: 'fundacja',
    register: 'krs',
    foundedOn: '2019-01-10',
    spheres: ['16', '15'],
    description: 'Bezpłatne lekcje gry na instrumentach dla dzieci i letnia szkoła muzyczna.',
    goals: '- edukacja muzyczna dzieci\n- wyrównywanie szans w dostępie do kultury',
    targetGroups: 'dzieci i młodzież',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Przemysłowa 3',
    domain: 'pieciolinia.example',
    website: true,
    confirmedDaysAgo: 11,
  },
  {
    name: 'Stowarzyszenie Kobiet Aktywnych „Ważka”',
    shortName: 'Ważka',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '2013-03-08',
    spheres: ['9', '13', '8'],
    description: 'Warsztaty kompetencji, mentoring zawodowy i spotkania kobiet przedsiębiorczych.',
    goals: '- równe prawa kobiet i mężczyzn\n- aktywizacja zawodowa kobiet',
    targetGroups: 'kobiety',
    areaOfActivity: 'Leszno i powiat leszczyński',
    areaScope: 'powiatowy',
    street: 'ul. Szybowników 5',
    domain: 'wazka-kobiety.example',
    confirmedDaysAgo: 85,
  },
  {
    name: 'Fundacja „Nowy Start”',
    shortName: 'Nowy Start',
    legalForm: 'fundacja',
    register: 'krs',
    foundedOn: '2026-09-01',
    spheres: ['2', '8'],
    description: 'Wsparcie osób opuszczających zakłady karne: doradztwo zawodowe i mieszkanie treningowe.',
    goals: '- reintegracja społeczna i zawodowa',
    targetGroups: 'osoby opuszczające zakłady karne',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Zamenhofa 12',
    domain: 'nowy-start.example',
    status: 'pending',
    confirmedDaysAgo: 2,
  },
  {
    name: 'Stowarzyszenie Rodziców „Razem w Szkole”',
    shortName: 'Razem w Szkole',
    legalForm: 'stowarzyszenie-zwykle',
    register: { name: `${cityRegister} (stowarzyszenia zwykłe)`, number: 'SZ/30/2026' },
    foundedOn: '2026-10-15',
    spheres: ['14', '15'],
    description: 'Rodzice uczniów wspierają szkołę: festyny, zbiórki na wycieczki, dyżury w bibliotece.',
    goals: '- wsparcie edukacji\n- współpraca rodziców ze szkołą',
    targetGroups: 'rodzice, uczniowie',
    areaOfActivity: 'Leszno',
    areaScope: 'lokalny',
    street: 'ul. Korcza 4',
    domain: 'razemwszkole.example',
    status: 'pending',
    confirmedDaysAgo: 1,
  },
  {
    name: 'Stowarzyszenie Turystyczne „Wędrowiec”',
    shortName: 'Wędrowiec',
    legalForm: 'stowarzyszenie',
    register: 'krs',
    foundedOn: '1997-07-21',
    spheres: ['19', '17'],
    description: 'Rajdy piesze i wycieczki krajoznawcze po Wielkopolsce.',
    goals: '- turystyka i krajoznawstwo',
    targetGroups: 'dorośli, rodziny',
    areaOfActivity: 'Wielkopolska',
    areaScope: 'regionalny',
    street: 'ul. Dąbrowskiego 9',
    domain: 'wedrowiec.example',
    status: 'suspended',
    suspendedReason:
      'Korespondencja urzędu wraca jako niedoręczona, a w KRS od dwóch lat brak sprawozdań. Profil zawieszony do czasu aktualizacji danych.',
    confirmedDaysAgo: 800,
  },
];

/** A demo organisation ready to insert: the form as a registration would submit it, and its state. */
export interface DemoDirectoryOrganization {
  form: TOrganizationForm;
  slug: string;
  status: Extract<OrganizationStatus, 'verified' | 'pending' | 'suspended'>;
  suspendedReason: string | null;
  confirmedDaysAgo: number;
}

const pad2 = (n: number) => String(n % 100).padStart(2, '0');

/** "65 5xx xx xx" — the Leszno area code with made-up subscriber numbers, stable per organisation. */
export function demoPhone(n: number): string {
  return `65 5${pad2(n)} ${pad2(n * 37 + 5)} ${pad2(n * 53 + 11)}`;
}

/** A fictional KRS number in the demo's range (the seed uses 0000900001 and 0000900002). */
export function demoKrs(n: number): string {
  return String(900_000 + n).padStart(10, '0');
}

/** A fictional 14-digit REGON of a local unit: the 9-digit REGON of the whole, the unit number, the check digit. */
export function demoRegon14(n: number, unit = 1): string {
  const first13 = `${demoRegon(n)}${String(unit).padStart(4, '0')}`;
  return `${first13}${regon14CheckDigit(first13)}`;
}

const emptyForm: TOrganizationForm = {
  name: '',
  shortName: '',
  legalForm: '',
  krs: '',
  nip: '',
  regon: '',
  otherRegisterName: '',
  otherRegisterNumber: '',
  foundedOn: '',
  oppYear: '',
  spheres: [],
  description: '',
  goals: '',
  targetGroups: '',
  areaOfActivity: '',
  areaScope: '',
  street: '',
  postalCode: '',
  city: '',
  email: '',
  phone: '',
  website: '',
  volunteersWanted: false,
  volunteersDescription: '',
};

/**
 * The forty demo organisations, resolved: identifiers computed from their position (demo number
 * 3 onwards; 1 and 2 are Krokus and Alternatywa). NIPs are taken ten numbers apart so that
 * `demoNip`'s step past an impossible check digit never reaches the next organisation's number.
 */
export function demoDirectoryOrganizations(): DemoDirectoryOrganization[] {
  return entries.map((entry, index) => {
    const n = index + 3;
    const register = entry.register;
    const form: TOrganizationForm = {
      ...emptyForm,
      name: entry.name,
      shortName: entry.shortName,
      legalForm: entry.legalForm,
      krs: register === 'krs' || register === 'branch' ? demoKrs(n) : '',
      nip: demoNip(100 + n * 10),
      regon: register === 'branch' ? demoRegon14(n) : demoRegon(n),
      otherRegisterName: typeof register === 'object' ? register.name : '',
      otherRegisterNumber: typeof register === 'object' ? register.number : '',
      foundedOn: entry.foundedOn,
      oppYear: entry.oppYear ? String(entry.oppYear) : '',
      spheres: entry.spheres,
      description: entry.description,
      goals: entry.goals,
      targetGroups: entry.targetGroups,
      areaOfActivity: entry.areaOfActivity,
      areaScope: entry.areaScope,
      street: entry.street,
      postalCode: '64-100',
      city: 'Leszno',
      email: `kontakt@${entry.domain}`,
      phone: demoPhone(n),
      website: entry.website ? `https://${entry.domain}` : '',
      volunteersWanted: entry.volunteers !== undefined,
      volunteersDescription: entry.volunteers ?? '',
    };
    return {
      form,
      slug: slugify(entry.shortName),
      status: entry.status ?? 'verified',
      suspendedReason: entry.suspendedReason ?? null,
      confirmedDaysAgo: entry.confirmedDaysAgo,
    };
  });
}

/** The registration form of an organisation the seed names (Krokus, Alternatywa), from its account entry. */
export function accountOrganisationForm(o: DemoOrganisation): TOrganizationForm {
  return {
    ...emptyForm,
    name: o.name,
    shortName: o.shortName,
    legalForm: o.legalForm,
    krs: o.krs,
    nip: o.nip,
    regon: o.regon,
    oppYear: o.oppYear ? String(o.oppYear) : '',
    spheres: o.spheres,
    description: o.description,
    areaOfActivity: o.city,
    areaScope: 'lokalny',
    postalCode: '64-100',
    city: o.city,
    volunteersWanted: o.volunteers !== null,
    volunteersDescription: o.volunteers ?? '',
  };
}

const daysBefore = (now: string, days: number) => new Date(Date.parse(now) - days * 86_400_000).toISOString();

/**
 * Inserts the demo directory in the caller's transaction. Verified and suspended organisations
 * carry the demo official as their verifier. Returns how many organisations were inserted.
 */
export async function insertDemoOrganizations(trx: Kysely<DB>, now: string): Promise<number> {
  const kinds = new Map((await trx.selectFrom('legal_forms').select(['code', 'kind']).execute()).map((f) => [f.code, f.kind]));
  const official = await trx
    .selectFrom('user_roles')
    .select('user_id')
    .where('role', '=', 'official')
    .orderBy('user_id')
    .executeTakeFirst();
  const organisations = demoDirectoryOrganizations();
  for (const o of organisations) {
    const kind = kinds.get(o.form.legalForm);
    if (!kind) throw new Error(`demo organisation "${o.form.name}": unknown legal form ${o.form.legalForm}`);
    const confirmed = daysBefore(now, o.confirmedDaysAgo);
    const created = daysBefore(now, o.confirmedDaysAgo + 30);
    const verified = o.status === 'pending' ? null : daysBefore(now, o.confirmedDaysAgo + 20);
    const row = await trx
      .insertInto('organizations')
      .values({
        ...organizationColumns(o.form, kind),
        slug: o.slug,
        status: o.status,
        verified_at: verified,
        verified_by: verified ? (official?.user_id ?? null) : null,
        suspended_reason: o.suspendedReason,
        created_at: created,
        created_by: null,
        updated_at: confirmed,
        last_confirmed_at: confirmed,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('organization_spheres')
      .values(o.form.spheres.map((code) => ({ organization_id: row.id, sphere_code: code })))
      .execute();
  }
  return organisations.length;
}
