/**
 * Test data for the consultation's tests (and the answers' and the report's): a complete programme
 * version in status `consultation` with a consultation on it for the given Warsaw dates, and a
 * verified organisation with a member.
 */
import type { Services } from '../../services.js';
import { emptySections, type ProgrammeSections } from '../programme/index.js';
import { periodInstants } from './consultation-phase.js';

/** A complete programme (every statutory element filled) whose provisions the tests can point at. */
export function testSections(): ProgrammeSections {
  const s = emptySections();
  s.goals.main = 'Budowanie aktywnego społeczeństwa obywatelskiego';
  s.goals.specific = [
    { text: 'Wzmacnianie potencjału organizacji pozarządowych' },
    { text: 'Zwiększanie udziału mieszkańców w życiu publicznym' },
    { text: 'Rozwój wolontariatu w mieście' },
  ];
  s.scope.text = 'Zakres przedmiotowy obejmuje zadania publiczne z art. 4 ustawy.';
  s.forms.financial = [{ text: 'Zlecanie realizacji zadań publicznych' }];
  s.forms.nonFinancial = [{ text: 'Konsultowanie projektów aktów prawa miejscowego' }];
  s.tasks.rows = [
    { sphere: '16', task: 'Organizacja festiwalu kultury', unit: 'Wydział Kultury', mode: 'konkurs', amount: 1_000_000 },
  ];
  s.period.text = 'Program obowiązuje od 1 stycznia do 31 grudnia 2027 r.';
  s.implementation.text = 'Program realizują wydziały urzędu.';
  s.evaluation.text = 'Sprawozdanie z realizacji programu do 31 maja.';
  s.evaluation.indicators = [{ text: 'liczba ogłoszonych konkursów' }];
  s.creation.text = 'Projekt przygotowano na spotkaniu roboczym.';
  s.committees.text = 'Komisje konkursowe powołuje Prezydent.';
  s.resolution.legalBasis = 'Na podstawie art. 5a ust. 1 ustawy o działalności pożytku publicznego i o wolontariacie';
  s.resolution.paragraphs = [{ text: 'Przyjmuje się program współpracy stanowiący załącznik do uchwały.' }];
  s.resolution.entryIntoForce = 'Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia.';
  return s;
}

export interface TestConsultation {
  programmeId: number;
  versionId: number;
  consultationId: number;
}

let counter = 0;

/** A programme for `year` with one complete version (`testSections`) in consultation, not yet announced. */
export async function createTestVersionInConsultation(
  services: Services,
  year: number,
): Promise<{ programmeId: number; versionId: number }> {
  const now = new Date().toISOString();
  counter += 1;
  const programme = await services.db
    .insertInto('programmes')
    .values({
      year_from: year,
      year_to: year,
      title: `Roczny program współpracy na ${year} rok (${counter})`,
      created_by: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await services.db
    .insertInto('programme_versions')
    .values({
      programme_id: programme.id,
      number: 1,
      status: 'consultation',
      sections_json: JSON.stringify(testSections()),
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { programmeId: programme.id, versionId: version.id };
}

/** A programme (its year from `startsOn` + 1) with one complete version in consultation, and an announced consultation on it. */
export async function createTestConsultation(
  services: Services,
  options: { startsOn: string; endsOn: string; residentsAllowed?: boolean; subject?: string },
): Promise<TestConsultation> {
  const now = new Date().toISOString();
  const year = Number(options.startsOn.slice(0, 4)) + 1;
  const { programmeId, versionId } = await createTestVersionInConsultation(services, year);
  const { opensAt, closesAt } = periodInstants(options.startsOn, options.endsOn);
  const consultation = await services.db
    .insertInto('consultations')
    .values({
      programme_version_id: versionId,
      subject: options.subject ?? `Projekt rocznego programu współpracy na ${year} rok`,
      legal_basis: 'art. 5a ust. 1 ustawy o działalności pożytku publicznego i o wolontariacie',
      participants: 'organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy',
      forms_json: JSON.stringify(['online', 'paper', 'email']),
      where_to_submit: 'przez platformę, pisemnie w Biurze Obsługi Mieszkańców lub e-mailem',
      responsible_unit: 'Biuro Pełnomocnika ds. organizacji pozarządowych',
      starts_on: options.startsOn,
      ends_on: options.endsOn,
      opens_at: opensAt,
      closes_at: closesAt,
      residents_allowed: options.residentsAllowed ? 1 : 0,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { programmeId, versionId, consultationId: consultation.id };
}

/** A verified organisation with `userId` as an active member (role `member` unless given). */
export async function createTestOrganization(
  services: Services,
  name: string,
  memberIds: number[] = [],
  options: { status?: 'verified' | 'pending'; role?: 'member' | 'admin' } = {},
): Promise<number> {
  const now = new Date().toISOString();
  counter += 1;
  const slug = `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${counter}`;
  const { id } = await services.db
    .insertInto('organizations')
    .values({ name, slug, name_sort_key: name.toLowerCase(), status: options.status ?? 'verified', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const userId of memberIds)
    await services.db
      .insertInto('organization_members')
      .values({ organization_id: id, user_id: userId, role: options.role ?? 'member', joined_at: now, status: 'active' })
      .execute();
  return id;
}
