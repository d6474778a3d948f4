/**
 * The demo's programme of cooperation: Leszno's 2019 programme as a draft built from the outcomes of
 * the demo meeting of 16 July 2018 — its main goal and specific goals, its principles (the six
 * statutory ones ticked, the others as local principles) and its forms of promotion among the
 * non-financial forms, each keeping `{ meetingId, outcomeId }` — plus the resolution, the subject
 * scope, the financial forms, the period and how it is implemented. The priority tasks, the funds,
 * the evaluation, how it was created and consulted, and the competition committees are left empty,
 * so marking the draft ready shows the refusal naming those five elements.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { meetingOutcomes } from '../features/meeting-minutes/index.js';
import { emptySections, type ListItem } from '../features/programme/index.js';

export const demoProgrammeTitle =
  'Roczny Program Współpracy Miasta Leszna z organizacjami pozarządowymi oraz podmiotami wymienionymi w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie na rok 2019';

/** Inserts the draft in the caller's transaction, after the demo meeting. Returns the programme's id. */
export async function insertDemoProgramme(trx: Kysely<DB>, meetingId: number, now: string): Promise<number> {
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
  sections.period.text = 'Program obowiązuje od 1 stycznia 2019 r. do 31 grudnia 2019 r.';
  sections.implementation.text =
    'Program realizują Prezydent Miasta Leszna, Biuro Pełnomocnika do spraw Współpracy z Organizacjami Pozarządowymi oraz wydziały Urzędu Miasta i jednostki organizacyjne Miasta, we współpracy z organizacjami pozarządowymi.';
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
  const programme = await trx
    .insertInto('programmes')
    .values({ year_from: 2019, year_to: 2019, title: demoProgrammeTitle, created_by: officialId, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('programme_versions')
    .values({
      programme_id: programme.id,
      number: 1,
      status: 'draft',
      sections_json: JSON.stringify(sections),
      created_by: officialId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return programme.id;
}
