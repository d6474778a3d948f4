/**
 * The demo's programme of cooperation: Leszno's 2019 programme, version 1 built from the outcomes of
 * the demo meeting of 16 July 2018 — its main goal and specific goals, its principles (the six
 * statutory ones ticked, the others as local principles) and its forms of promotion among the
 * non-financial forms, each keeping `{ meetingId, outcomeId }` — plus every other statutory element
 * (ten priority tasks with their spheres, units, modes and amounts, so the planned funds are computed;
 * the evaluation with indicators; how it was created and is consulted; the competition committees)
 * and the resolution. Version 1 went to the consultation of autumn 2018 and is now
 * `after-consultation`; the consultation, its submissions and version 2 come from demo-consultations.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { warsawToUtc } from '../platform/i18n/format.js';
import { meetingOutcomes } from '../features/meeting-minutes/index.js';
import { emptySections, type ListItem, type PriorityTask, type ProgrammeSections } from '../features/programme/index.js';

export const demoProgrammeTitle =
  'Roczny Program Współpracy Miasta Leszna z organizacjami pozarządowymi oraz podmiotami wymienionymi w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie na rok 2019';

/** A Warsaw wall-clock time in 2018 as a stored UTC instant. */
export const at2018 = (date: string, time: string) => warsawToUtc(date, time).toISOString();

/** The priority tasks of 2019: amounts in grosze, plausible for a city of 65 000 (2 675 000 zł in all). */
export const demoTasks2019: PriorityTask[] = [
  {
    sphere: '17',
    task: 'Szkolenie sportowe dzieci i młodzieży oraz organizacja zawodów i imprez sportowych o zasięgu lokalnym',
    unit: 'Wydział Kultury i Sportu',
    mode: 'konkurs',
    amount: 120_000_000,
  },
  {
    sphere: '16',
    task: 'Organizacja wydarzeń kulturalnych i artystycznych, w tym festiwali, koncertów i wystaw, dla mieszkańców Leszna',
    unit: 'Wydział Kultury i Sportu',
    mode: 'konkurs',
    amount: 35_000_000,
  },
  {
    sphere: '1',
    task: 'Prowadzenie schroniska i noclegowni dla osób bezdomnych oraz punktu wydawania posiłków',
    unit: 'Wydział Spraw Społecznych',
    mode: 'konkurs',
    amount: 48_000_000,
  },
  {
    sphere: '32',
    task: 'Profilaktyka uzależnień: zajęcia socjoterapeutyczne i pozalekcyjne dla dzieci i młodzieży z grup ryzyka',
    unit: 'Wydział Spraw Społecznych',
    mode: 'konkurs',
    amount: 26_000_000,
  },
  {
    sphere: '7',
    task: 'Rehabilitacja, integracja i aktywizacja osób z niepełnosprawnościami',
    unit: 'Wydział Spraw Społecznych',
    mode: 'konkurs',
    amount: 12_000_000,
  },
  {
    sphere: '10',
    task: 'Aktywizacja osób w wieku emerytalnym: zajęcia w klubach seniora, Leszczyński Uniwersytet Trzeciego Wieku',
    unit: 'Wydział Spraw Społecznych',
    mode: 'konkurs',
    amount: 9_000_000,
  },
  {
    sphere: '6',
    task: 'Promocja zdrowia i profilaktyka chorób cywilizacyjnych, w tym nowotworowych',
    unit: 'Wydział Spraw Społecznych',
    mode: 'konkurs',
    amount: 6_000_000,
  },
  {
    sphere: '27',
    task: 'Prowadzenie Leszczyńskiego Centrum Wolontariatu',
    unit: 'Biuro Pełnomocnika ds. Współpracy z Organizacjami Pozarządowymi',
    mode: 'konkurs',
    amount: 4_000_000,
  },
  {
    sphere: '13',
    task: 'Wsparcie inicjatyw lokalnych i organizacja Aktywnego Obywatelskiego Leszna oraz Targów Organizacji Pozarządowych',
    unit: 'Biuro Pełnomocnika ds. Współpracy z Organizacjami Pozarządowymi',
    mode: '19a',
    amount: 3_000_000,
  },
  {
    sphere: '18',
    task: 'Ochrona zwierząt bezdomnych, w tym opieka nad kotami wolno żyjącymi',
    unit: 'Wydział Gospodarki Komunalnej i Ochrony Środowiska',
    mode: 'konkurs',
    amount: 4_500_000,
  },
];

export const demoEvaluation2019 = {
  text: 'Realizację programu ocenia Biuro Pełnomocnika ds. Współpracy z Organizacjami Pozarządowymi na podstawie sprawozdań wydziałów i sprawozdań organizacji z realizacji zadań publicznych. Sprawozdanie z realizacji programu Prezydent Miasta Leszna przedkłada Radzie Miejskiej Leszna i publikuje w Biuletynie Informacji Publicznej do 31 maja roku następującego po roku realizacji programu. Organizacje mogą zgłaszać uwagi do realizacji programu przez cały rok, w tym za pośrednictwem Leszczyńskiej Rady Działalności Pożytku Publicznego.',
  indicators: [
    'liczba ogłoszonych otwartych konkursów ofert',
    'liczba ofert złożonych w otwartych konkursach ofert',
    'liczba umów zawartych na realizację zadań publicznych, w tym w trybie art. 19a ustawy',
    'wysokość środków finansowych przeznaczonych na realizację zadań publicznych przez organizacje',
    'liczba organizacji pozarządowych realizujących zadania publiczne na rzecz mieszkańców',
    'liczba odbiorców zadań publicznych',
    'liczba projektów aktów normatywnych konsultowanych z organizacjami i liczba zgłoszonych uwag',
    'liczba wspólnych spotkań, szkoleń i wydarzeń promujących działalność organizacji',
  ],
};

export const demoCreation2019 =
  'Prace nad programem rozpoczęły się od spotkania roboczego z przedstawicielami organizacji pozarządowych, które odbyło się 16 lipca 2018 r. w Parku Jonstona. W spotkaniu wzięło udział 22 przedstawicieli 20 organizacji oraz trzech pracowników Urzędu Miasta. Uczestnicy pracowali przy dwóch stolikach nad celami, zasadami i formami współpracy oraz nad wspólnym tworzeniem polityk publicznych; wypracowali cel główny, sześć celów szczegółowych i jedenaście form promocji działalności organizacji, które program przejmuje. Do 31 lipca 2018 r. organizacje mogły składać formularze zadań priorytetowych. Projekt programu zostaje poddany konsultacjom z organizacjami pozarządowymi w dniach od 20 września do 4 października 2018 r. w formie elektronicznej (przez serwis Wspólnie i pocztą elektroniczną) oraz pisemnej; informacja o ich wynikach zostanie opublikowana w Biuletynie Informacji Publicznej i w serwisie.';

export const demoCommittees2019 =
  'Komisje konkursowe do opiniowania ofert złożonych w otwartych konkursach ofert powołuje Prezydent Miasta Leszna w drodze zarządzenia. W skład komisji wchodzą przedstawiciele Prezydenta oraz co najmniej dwie osoby wskazane przez organizacje pozarządowe lub podmioty wymienione w art. 3 ust. 3 ustawy, z wyłączeniem osób reprezentujących organizacje biorące udział w konkursie (art. 15 ust. 2a–2d ustawy). Kandydatów organizacje zgłaszają na formularzu w odpowiedzi na nabór ogłaszany przez Biuro Pełnomocnika. Komisja obraduje na posiedzeniach zamkniętych, w składzie co najmniej trzech osób; ocenia oferty według kryteriów określonych w ogłoszeniu konkursowym na karcie oceny oferty, a każdy członek komisji składa oświadczenie o braku powiązań z oferentami. Z prac komisji sporządza się protokół, który wraz z propozycją podziału środków przedkłada się Prezydentowi Miasta Leszna. Udział w pracach komisji jest nieodpłatny.';

export interface DemoProgramme {
  programmeId: number;
  versionId: number;
  sections: ProgrammeSections;
  officialId: number | null;
}

/** Inserts the programme and its version 1 in the caller's transaction, after the demo meeting. */
export async function insertDemoProgramme(trx: Kysely<DB>, meetingId: number): Promise<DemoProgramme> {
  const official = await trx
    .selectFrom('user_roles')
    .select('user_id')
    .where('role', '=', 'official')
    .orderBy('user_id')
    .executeTakeFirst();
  const officialId = official?.user_id ?? null;
  const outcomes = await meetingOutcomes(trx, meetingId);
  const item = (o: { id: number; text: string }): ListItem => ({ text: o.text, source: { meetingId, outcomeId: o.id } });
  const of = (kind: string) => outcomes.filter((o) => o.kind === kind);
  const sections = emptySections();
  const main = of('main-goal')[0];
  if (main) sections.goals = { main: main.text, mainSource: { meetingId, outcomeId: main.id }, specific: [] };
  sections.goals.specific = of('specific-goal').map(item);
  sections.principles.local = of('principle')
    .filter((o) => !sections.principles.statutory.includes(o.text))
    .map(item);
  sections.forms = {
    financial: [
      { text: 'zlecanie realizacji zadań publicznych w formie powierzenia lub wsparcia wraz z udzieleniem dotacji' },
      { text: 'zlecanie realizacji zadań publicznych z pominięciem otwartego konkursu ofert (art. 19a ustawy)' },
    ],
    nonFinancial: [
      { text: 'wzajemne informowanie się o planowanych kierunkach działalności' },
      { text: 'konsultowanie projektów aktów normatywnych w dziedzinach dotyczących działalności statutowej organizacji' },
      ...of('promotion-form').map(item),
    ],
  };
  sections.scope.text =
    'Przedmiotem współpracy Miasta Leszna z organizacjami pozarządowymi jest realizacja zadań publicznych, o których mowa w art. 4 ust. 1 ustawy, o ile są to zadania własne Miasta Leszna.';
  sections.tasks.rows = demoTasks2019.map((t) => ({ ...t }));
  sections.period.text = 'Program obowiązuje od 1 stycznia 2019 r. do 31 grudnia 2019 r.';
  sections.implementation.text =
    'Program realizują Prezydent Miasta Leszna, Biuro Pełnomocnika do spraw Współpracy z Organizacjami Pozarządowymi oraz wydziały Urzędu Miasta i jednostki organizacyjne Miasta, we współpracy z organizacjami pozarządowymi.';
  // The funds are computed from the tasks' amounts: no override.
  sections.evaluation = {
    text: demoEvaluation2019.text,
    indicators: demoEvaluation2019.indicators.map((text) => ({ text })),
  };
  sections.creation.text = demoCreation2019;
  sections.committees.text = demoCommittees2019;
  sections.resolution = {
    legalBasis:
      'Na podstawie art. 7 ust. 1 pkt 19 i art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym oraz art. 5a ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie Rada Miejska Leszna uchwala, co następuje:',
    paragraphs: [
      {
        text: 'Przyjmuje się Roczny Program Współpracy Miasta Leszna z organizacjami pozarządowymi na rok 2019, stanowiący załącznik do uchwały.',
      },
      { text: 'Wykonanie uchwały powierza się Prezydentowi Miasta Leszna.' },
    ],
    entryIntoForce:
      'Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa Wielkopolskiego.',
  };
  const created = at2018('2018-08-20', '09:00');
  const programme = await trx
    .insertInto('programmes')
    .values({ year_from: 2019, year_to: 2019, title: demoProgrammeTitle, created_by: officialId, created_at: created })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await trx
    .insertInto('programme_versions')
    .values({
      programme_id: programme.id,
      number: 1,
      status: 'after-consultation',
      sections_json: JSON.stringify(sections),
      created_by: officialId,
      created_at: created,
      // closed with the consultation (demo-consultations.ts)
      updated_at: at2018('2018-10-12', '14:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { programmeId: programme.id, versionId: version.id, sections, officialId };
}
