/** Test data for the programme's tests: a published meeting of 16 July 2018 with structured outcomes. */
import type { Kysely } from 'kysely';
import type { DB, OutcomeKind } from '../../platform/db/schema.js';

export const meetingOutcomeTexts: Array<[OutcomeKind, string]> = [
  ['main-goal', 'Budowanie Aktywnego Obywatelskiego Leszna'],
  ['specific-goal', 'Wzmacnianie potencjału organizacji pozarządowych'],
  ['specific-goal', 'Zwiększanie udziału mieszkańców w życiu publicznym'],
  ['principle', 'pomocniczości'],
  ['principle', 'równości szans'],
  ['promotion-form', 'promocja w mediach'],
  ['decision', 'Następne spotkanie we wrześniu'],
];

export async function insertMeetingWithOutcomes(db: Kysely<DB>): Promise<number> {
  const now = new Date().toISOString();
  const meeting = await db
    .insertInto('meetings')
    .values({
      status: 'published',
      title: 'Protokół ze spotkania roboczego z przedstawicielami organizacji pozarządowych',
      topic: 'Wypracowanie rocznego programu współpracy na rok 2019',
      starts_at: '2018-07-16T10:00:00.000Z',
      ends_at: '2018-07-16T13:00:00.000Z',
      place: 'Park Jonstona',
      host_name: 'Anna Szymańska',
      organiser: 'Biuro Pełnomocnika',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, [kind, text]] of meetingOutcomeTexts.entries())
    await db
      .insertInto('meeting_outcomes')
      .values({ meeting_id: meeting.id, kind, position: i + 1, text, created_at: now })
      .execute();
  return meeting.id;
}

/** A form filling every statutory element (the goals, principles and forms with one row each). */
export const completeSections: Record<string, Record<string, string>> = {
  cele: { main: 'Cel główny', 'specific.0.text': 'Cel szczegółowy' },
  zakres: { text: 'Zakres przedmiotowy programu.' },
  formy: { 'financial.0.text': 'Zlecanie realizacji zadań publicznych', 'nonFinancial.0.text': 'Konsultacje' },
  zadania: {
    'tasks.0.sphere': '16',
    'tasks.0.task': 'Kultura',
    'tasks.0.unit': 'Wydział Kultury',
    'tasks.0.mode': 'konkurs',
    'tasks.0.amount': '12 500,50',
  },
  okres: { text: 'Od 1 stycznia do 31 grudnia 2030 r.' },
  realizacja: { text: 'Program realizują wydziały urzędu.' },
  ocena: { text: 'Sprawozdanie do 31 maja.', 'indicators.0.text': 'liczba ogłoszonych konkursów' },
  tworzenie: { text: 'Projekt przygotowano na spotkaniu roboczym.' },
  komisje: { text: 'Komisje powołuje Prezydent.' },
};
