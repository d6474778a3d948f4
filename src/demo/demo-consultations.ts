/**
 * The demo's consultations (issue #5):
 *
 * - The consultation of Leszno's 2019 programme (version 1), 20 September – 4 October 2018: online,
 *   on paper and by e-mail. Six submissions with receipts KP/2018/<id>/0001…0006 — comments on four
 *   provisions (Krokus and MCP Alternatywa online, Leszczyńskie Towarzystwo Śpiewacze on paper, a
 *   private person by e-mail, entered by the official) and two priority-task proposals (Krokus,
 *   Alternatywa) — each answered by the official with one of the four decisions and a justification.
 *   The consultation is closed with a conclusion and its report is published. Version 2 is the draft
 *   that followed: the accepted comment's wording applied (linked by `applied_in_version_id`), the
 *   accepted task added, the chapter on how the programme was created completed with the results.
 * - The programme for next year (the seed clock's Warsaw year + 1): version 1 copied from 2019's
 *   version 2, in consultation, its consultation open from three days before the seed day to eleven
 *   days after it, organisations only, no submissions yet.
 *
 * Everything is inserted in the seed's transaction; the numbers follow the consultation feature's
 * rules (a sequence per consultation, `receipt_counter` = the highest sequence).
 */
import type { Insertable, Kysely } from 'kysely';
import type { ConsultationSubmissionsTable, DB, SubmissionDecision } from '../platform/db/schema.js';
import { warsawParts } from '../platform/i18n/format.js';
import { periodInstants } from '../features/consultation/index.js';
import { provisionsOf, replaceWording, type ProgrammeSections } from '../features/programme/index.js';
import { at2018, type DemoProgramme } from './demo-programme-2019.js';

export const demoConsultationSubject2019 =
  'Projekt Rocznego Programu Współpracy Miasta Leszna z organizacjami pozarządowymi oraz podmiotami wymienionymi w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie na rok 2019';

export const demoSubject = (year: number) =>
  `Projekt Rocznego Programu Współpracy Miasta Leszna z organizacjami pozarządowymi oraz podmiotami wymienionymi w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie na rok ${year}`;

export const demoProgrammeTitleFor = (year: number) =>
  `Roczny Program Współpracy Miasta Leszna z organizacjami pozarządowymi oraz podmiotami wymienionymi w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie na rok ${year}`;

/** The notice fields both demo consultations share. */
const notice = {
  legal_basis:
    'art. 5 ust. 2 pkt 3 i art. 5a ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie oraz uchwała nr LXIV/866/2010 Rady Miejskiej Leszna z dnia 21 października 2010 r. w sprawie określenia szczegółowego sposobu konsultowania z organizacjami pozarządowymi projektów aktów prawa miejscowego',
  participants:
    'organizacje pozarządowe oraz podmioty wymienione w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie, prowadzące działalność na terenie Miasta Leszna lub na rzecz jego mieszkańców',
  forms_json: JSON.stringify(['online', 'paper', 'email']),
  where_to_submit:
    'przez serwis Wspólnie (formularz konsultacyjny lub formularz zadań priorytetowych); pisemnie w Urzędzie Miasta Leszna, ul. Kazimierza Karasia 15, 64-100 Leszno (Biuro Obsługi Mieszkańców, parter) lub pocztą na ten adres; e-mailem na adres ngo@leszno.example',
  responsible_unit: 'Biuro Pełnomocnika ds. Współpracy z Organizacjami Pozarządowymi',
};

/** The comment Krokus sent, accepted and applied in version 2 (the e2e and route tests find it by these words). */
export const demoAcceptedComment = {
  provisionWording: 'Promocja wolontariatu',
  proposedWording: 'Promocja wolontariatu, w tym wolontariatu dzieci, młodzieży i seniorów',
};

/** The task Krokus proposed, accepted and added to version 2's priority tasks. */
export const demoAcceptedTask = {
  sphere: '16',
  title: 'Letnie warsztaty artystyczne dla dzieci z osiedli Zatorze i Gronowo',
  unit: 'Wydział Kultury i Sportu',
  amount: 2_500_000,
};

interface DemoSubmission {
  kind: 'comment' | 'task';
  channel: 'online' | 'paper' | 'email';
  /** The organisation's slug (its member, or the official for paper/e-mail, is the author), or a private person. */
  from: { organisation: string } | { resident: string; email: string };
  /** Warsaw date and time it was sent (online) or entered (paper, e-mail). */
  sent: [string, string];
  receivedOn?: string;
  comment?: { wording: string; proposed: string; justification: string };
  task?: Record<string, unknown>;
  decision: SubmissionDecision;
  answer: string;
  answered: [string, string];
  applied?: boolean;
}

/** The 2019 consultation's submissions in the order they were sent (their sequence). */
function submissions2019(sections: ProgrammeSections): DemoSubmission[] {
  const culture = sections.tasks.rows[1]!;
  return [
    {
      kind: 'comment',
      channel: 'online',
      from: { organisation: 'krokus' },
      sent: ['2018-09-21', '18:42'],
      comment: {
        wording: demoAcceptedComment.provisionWording,
        proposed: demoAcceptedComment.proposedWording,
        justification:
          'Wolontariat w Lesznie to nie tylko dorośli: w naszych warsztatach pomagają uczniowie szkół podstawowych i seniorzy z klubów osiedlowych. Zapis celu powinien wprost obejmować te grupy, aby można było na nie kierować zadania w konkursach.',
      },
      decision: 'accepted',
      answer:
        'Uwzględniono. Cel szczegółowy otrzymał proponowane brzmienie; zapis wskazuje grupy, do których Miasto chce kierować działania promujące wolontariat.',
      answered: ['2018-10-08', '10:20'],
      applied: true,
    },
    {
      kind: 'comment',
      channel: 'online',
      from: { organisation: 'alternatywa' },
      sent: ['2018-09-25', '09:15'],
      comment: {
        wording: 'baza danych NGO',
        proposed:
          'prowadzenie i bieżące aktualizowanie publicznej bazy danych organizacji pozarządowych działających w Lesznie, z możliwością samodzielnej aktualizacji danych przez organizacje',
        justification:
          'Obecna baza jest nieaktualna, a organizacje nie mają możliwości poprawienia swoich danych. Mieszkańcy i wolontariusze szukają kontaktu z organizacjami właśnie w tej bazie.',
      },
      decision: 'partly',
      answer:
        'Uwzględniono częściowo. Baza organizacji będzie prowadzona w serwisie Wspólnie, w którym organizacje same aktualizują swoje dane, a urząd co roku prosi o ich potwierdzenie. Zapis formy współpracy pozostaje w brzmieniu wypracowanym na spotkaniu 16 lipca 2018 r.; sposób prowadzenia bazy nie wymaga regulacji w programie.',
      answered: ['2018-10-08', '11:05'],
    },
    {
      kind: 'task',
      channel: 'online',
      from: { organisation: 'krokus' },
      sent: ['2018-09-27', '20:05'],
      task: {
        sphere: demoAcceptedTask.sphere,
        title: demoAcceptedTask.title,
        description:
          'Cykl wakacyjnych warsztatów plastycznych, teatralnych i muzycznych prowadzonych w świetlicach osiedlowych i w plenerze, zakończony pokazem dla rodzin i sąsiadów.',
        need: 'Na osiedlach Zatorze i Gronowo brakuje bezpłatnej oferty zajęć w czasie wakacji, a wiele dzieci nie wyjeżdża na wypoczynek. W ankiecie przeprowadzonej w dwóch szkołach podstawowych 60% rodziców wskazało potrzebę zajęć blisko domu.',
        targetGroup: 'dzieci w wieku 7–12 lat z osiedli Zatorze i Gronowo; około 80 uczestników',
        expectedResults:
          '8 tygodni zajęć, 80 uczestników, 2 pokazy finałowe; dzieci poznają instytucje kultury w mieście i nawiązują znajomości na osiedlu',
        mode: 'konkurs',
        amount: demoAcceptedTask.amount,
        period: 'lipiec–sierpień 2019 r.',
        ownDelivery: 'yes',
        contactName: 'Katarzyna Krokusowa',
        contactPhone: '65 520 10 10',
        contactEmail: 'krokus@wspolnie.example',
        consent: true,
      },
      decision: 'accepted',
      answer:
        'Uwzględniono. Zadanie dopisano do priorytetowych zadań publicznych w sferze kultury z planowaną kwotą 25 000 zł; zostanie zlecone w otwartym konkursie ofert.',
      answered: ['2018-10-09', '09:40'],
      applied: true,
    },
    {
      kind: 'comment',
      channel: 'email',
      from: { resident: 'Henryk Wawrzyniak', email: 'h.wawrzyniak@poczta.example' },
      sent: ['2018-10-01', '11:30'],
      receivedOn: '2018-09-30',
      comment: {
        wording: sections.implementation.text,
        proposed: `${sections.implementation.text} Program realizują także rady osiedli, które otrzymują środki na inicjatywy mieszkańców.`,
        justification:
          'Rady osiedli najlepiej znają potrzeby mieszkańców i powinny mieć własne środki na drobne inicjatywy, np. festyny czy naprawę placów zabaw.',
      },
      decision: 'not-applicable',
      answer:
        'Uwaga nie dotyczy programu współpracy z organizacjami pozarządowymi: rady osiedli są jednostkami pomocniczymi Miasta, a zasady ich działania i finansowania określają statuty osiedli oraz uchwała budżetowa. Uwagę przekazano do Wydziału Organizacyjnego.',
      answered: ['2018-10-09', '10:15'],
    },
    {
      kind: 'comment',
      channel: 'paper',
      from: { organisation: 'towarzystwo-spiewacze' },
      sent: ['2018-10-02', '12:10'],
      receivedOn: '2018-10-02',
      comment: {
        wording: provisionsOf(sections).find((p) => p.key === 'tasks.1')!.wording,
        proposed: `${culture.task}; komórka odpowiedzialna: ${culture.unit}; tryb: otwarty konkurs ofert; planowana kwota: 450\u00a0000,00\u00a0zł`,
        justification:
          'Koszty organizacji koncertów i wynajmu sal wzrosły, a liczba wydarzeń kulturalnych organizowanych przez stowarzyszenia rośnie. Kwota z poprzednich lat nie wystarcza na dofinansowanie wszystkich wartościowych ofert.',
      },
      decision: 'rejected',
      answer:
        'Nie uwzględniono. Wysokość środków na zadania z zakresu kultury wynika z projektu budżetu Miasta na 2019 r.; jej zwiększenie o 100 000 zł wymagałoby zmniejszenia środków na inne zadania priorytetowe. Organizacje mogą dodatkowo ubiegać się o dofinansowanie w trybie art. 19a ustawy.',
      answered: ['2018-10-09', '12:30'],
    },
    {
      kind: 'task',
      channel: 'online',
      from: { organisation: 'alternatywa' },
      sent: ['2018-10-04', '23:41'],
      task: {
        sphere: '32',
        title: 'Streetworking — praca z młodzieżą w przestrzeni miasta',
        description:
          'Dwóch streetworkerów pracuje z młodzieżą w miejscach jej spotkań (skatepark, okolice dworca, osiedla), prowadzi rozmowy profilaktyczne i kieruje do placówek pomocy.',
        need: 'Część młodzieży zagrożonej uzależnieniami nie korzysta z żadnych zajęć w placówkach; trzeba do niej dotrzeć tam, gdzie spędza czas.',
        targetGroup: 'młodzież w wieku 13–19 lat spędzająca czas na ulicy; około 150 osób w roku',
        expectedResults: '600 godzin pracy w terenie, 150 młodych osób objętych kontaktem, 40 skierowanych do placówek pomocy',
        mode: 'konkurs',
        amount: 6_000_000,
        period: 'marzec–grudzień 2019 r.',
        ownDelivery: 'yes',
        contactName: 'Marek Alternatywny',
        contactPhone: '65 520 20 20',
        contactEmail: 'alternatywa@wspolnie.example',
        consent: true,
      },
      decision: 'partly',
      answer:
        'Uwzględniono częściowo. Działania streetworkerskie mieszczą się w zadaniu dotyczącym profilaktyki uzależnień dzieci i młodzieży; ich prowadzenie zostanie wskazane w ogłoszeniu konkursowym jako jedno z oczekiwanych działań. Ze względu na wysokość środków w projekcie budżetu nie utworzono odrębnego zadania z kwotą 60 000 zł.',
      answered: ['2018-10-10', '09:00'],
    },
  ];
}

/** The chapter on how the programme was created, once the consultation was over (version 2). */
function creationAfterConsultation(counts: { comments: number; tasks: number; decisions: Record<SubmissionDecision, number> }) {
  const d = counts.decisions;
  return `Prace nad programem rozpoczęły się od spotkania roboczego z przedstawicielami organizacji pozarządowych, które odbyło się 16 lipca 2018 r. w Parku Jonstona. W spotkaniu wzięło udział 22 przedstawicieli 20 organizacji oraz trzech pracowników Urzędu Miasta. Uczestnicy wypracowali cel główny, sześć celów szczegółowych i jedenaście form promocji działalności organizacji, które program przejmuje; do 31 lipca 2018 r. organizacje składały formularze zadań priorytetowych.

Projekt programu poddano konsultacjom z organizacjami pozarządowymi w dniach od 20 września do 4 października 2018 r. przez serwis Wspólnie, pisemnie i pocztą elektroniczną. Wpłynęło ${counts.comments + counts.tasks} zgłoszeń: ${counts.comments} uwagi do zapisów projektu i ${counts.tasks} propozycje zadań priorytetowych. Uwzględniono ${d.accepted}, uwzględniono częściowo ${d.partly}, nie uwzględniono ${d.rejected}; ${d['not-applicable']} zgłoszenie nie dotyczyło programu. Sprawozdanie z konsultacji opublikowano w Biuletynie Informacji Publicznej i w serwisie Wspólnie.`;
}

/** The Warsaw calendar day `days` away from the instant's Warsaw day (YYYY-MM-DD), daylight saving aside. */
function warsawDay(now: Date, days: number): string {
  const day = new Date(`${warsawParts(now).date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

export interface DemoConsultations {
  closedConsultationId: number;
  openConsultationId: number;
  nextYearProgrammeId: number;
}

/** Inserts both consultations, version 2 of 2019 and next year's programme, in the seed's transaction. */
export async function insertDemoConsultations(trx: Kysely<DB>, programme: DemoProgramme, now: Date): Promise<DemoConsultations> {
  const { sections, officialId } = programme;
  const nowIso = now.toISOString();
  const organisations = await trx
    .selectFrom('organizations')
    .select(['id', 'slug', 'name'])
    .where('slug', 'in', ['krokus', 'alternatywa', 'towarzystwo-spiewacze'])
    .execute();
  const members = await trx
    .selectFrom('organization_members')
    .select(['organization_id', 'user_id'])
    .where(
      'organization_id',
      'in',
      organisations.map((o) => o.id),
    )
    .orderBy('user_id')
    .execute();
  const organisation = (slug: string) => {
    const o = organisations.find((row) => row.slug === slug);
    if (!o) throw new Error(`the demo consultation needs the organisation ${slug}`);
    return o;
  };

  // The 2019 consultation: announced on 18 September, closed on 12 October, report published on 15 October 2018.
  const period = periodInstants('2018-09-20', '2018-10-04');
  const consultation = await trx
    .insertInto('consultations')
    .values({
      programme_version_id: programme.versionId,
      subject: demoConsultationSubject2019,
      ...notice,
      starts_on: '2018-09-20',
      ends_on: '2018-10-04',
      opens_at: period.opensAt,
      closes_at: period.closesAt,
      residents_allowed: 0,
      status: 'closed',
      closed_at: at2018('2018-10-12', '14:00'),
      closed_by: officialId,
      conclusion:
        'Konsultacje przeprowadzono zgodnie z uchwałą Rady Miejskiej Leszna w sprawie sposobu konsultowania. Wpłynęło sześć zgłoszeń od trzech organizacji i jednej osoby prywatnej; na każde udzielono odpowiedzi z uzasadnieniem. Uwzględnione uwagi i propozycje wprowadzono do projektu programu (wersja 2), który Prezydent Miasta Leszna przedłoży Radzie Miejskiej Leszna.',
      report_published_at: at2018('2018-10-15', '09:00'),
      report_published_by: officialId,
      created_by: officialId,
      created_at: at2018('2018-09-18', '10:00'),
      updated_at: at2018('2018-10-15', '09:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // Version 2: the draft that followed the consultation.
  const list = submissions2019(sections);
  const count = (kind: 'comment' | 'task') => list.filter((s) => s.kind === kind).length;
  const decisions = { accepted: 0, partly: 0, rejected: 0, 'not-applicable': 0 } as Record<SubmissionDecision, number>;
  for (const s of list) decisions[s.decision] += 1;
  const accepted = provisionsOf(sections).find((p) => p.wording === demoAcceptedComment.provisionWording);
  if (!accepted) throw new Error('the demo programme has no provision for the accepted comment');
  const next = replaceWording(sections, accepted.key, demoAcceptedComment.proposedWording);
  if (!next) throw new Error(`the accepted comment's provision ${accepted.key} cannot be replaced`);
  next.tasks.rows.push({
    sphere: demoAcceptedTask.sphere,
    task: demoAcceptedTask.title,
    unit: demoAcceptedTask.unit,
    mode: 'konkurs',
    amount: demoAcceptedTask.amount,
  });
  next.creation.text = creationAfterConsultation({ comments: count('comment'), tasks: count('task'), decisions });
  const version2 = await trx
    .insertInto('programme_versions')
    .values({
      programme_id: programme.programmeId,
      number: 2,
      status: 'draft',
      sections_json: JSON.stringify(next),
      based_on_version_id: programme.versionId,
      created_by: officialId,
      created_at: at2018('2018-10-11', '10:00'),
      updated_at: at2018('2018-10-11', '10:30'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const rows: Insertable<ConsultationSubmissionsTable>[] = list.map((s, i) => {
    const sequence = i + 1;
    const sentAt = at2018(...s.sent);
    const answeredAt = at2018(...s.answered);
    const fromOrganisation = 'organisation' in s.from ? organisation(s.from.organisation) : null;
    const online = s.channel === 'online';
    const author = online ? (members.find((m) => m.organization_id === fromOrganisation?.id)?.user_id ?? null) : officialId;
    const provision = s.comment ? provisionsOf(sections).find((p) => p.wording === s.comment!.wording) : undefined;
    if (s.comment && !provision) throw new Error(`no provision worded "${s.comment.wording}"`);
    return {
      consultation_id: consultation.id,
      kind: s.kind,
      status: 'sent',
      channel: s.channel,
      author_id: author,
      organization_id: fromOrganisation?.id ?? null,
      submitter_kind: fromOrganisation ? 'organization' : 'resident',
      submitter_name: fromOrganisation ? fromOrganisation.name : 'resident' in s.from ? s.from.resident : '',
      contact_email: 'email' in s.from ? s.from.email : null,
      provision_key: provision?.key ?? null,
      provision_label: provision?.label ?? null,
      current_wording: provision?.wording ?? null,
      proposed_wording: s.comment?.proposed ?? null,
      justification: s.comment?.justification ?? null,
      task_json: s.task ? JSON.stringify(s.task) : null,
      sequence,
      receipt_number: `KP/2018/${consultation.id}/${String(sequence).padStart(4, '0')}`,
      received_on: s.receivedOn ?? null,
      sent_at: sentAt,
      assigned_to: officialId,
      decision: s.decision,
      answer: s.answer,
      answered_by: officialId,
      answered_at: answeredAt,
      applied_in_version_id: s.applied ? version2.id : null,
      version: 2,
      created_at: online ? at2018(s.sent[0], '08:00') : sentAt,
      updated_at: s.applied ? at2018('2018-10-11', '10:30') : answeredAt,
    };
  });
  await trx.insertInto('consultation_submissions').values(rows).execute();
  await trx.updateTable('consultations').set({ receipt_counter: rows.length }).where('id', '=', consultation.id).execute();

  // Next year's programme, copied from 2019's version 2 and open for comments around the seed day.
  const year = Number(warsawParts(now).date.slice(0, 4)) + 1;
  const copy: ProgrammeSections = structuredClone(next);
  copy.period.text = `Program obowiązuje od 1 stycznia ${year} r. do 31 grudnia ${year} r.`;
  copy.resolution.paragraphs[0] = {
    text: `Przyjmuje się Roczny Program Współpracy Miasta Leszna z organizacjami pozarządowymi na rok ${year}, stanowiący załącznik do uchwały.`,
  };
  copy.creation.text = `Projekt programu na rok ${year} przygotowało Biuro Pełnomocnika ds. Współpracy z Organizacjami Pozarządowymi na podstawie programu na rok 2019, wniosków ze sprawozdań z jego realizacji oraz uwag zgłoszonych przez organizacje w trakcie roku. Projekt poddano konsultacjom z organizacjami pozarządowymi w okresie wskazanym w ogłoszeniu o konsultacjach, przez serwis Wspólnie, pisemnie i pocztą elektroniczną.`;
  const nextProgramme = await trx
    .insertInto('programmes')
    .values({ year_from: year, year_to: year, title: demoProgrammeTitleFor(year), created_by: officialId, created_at: nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  const nextVersion = await trx
    .insertInto('programme_versions')
    .values({
      programme_id: nextProgramme.id,
      number: 1,
      status: 'consultation',
      sections_json: JSON.stringify(copy),
      based_on_version_id: version2.id,
      created_by: officialId,
      created_at: nowIso,
      updated_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const startsOn = warsawDay(now, -3);
  const endsOn = warsawDay(now, 11);
  const open = periodInstants(startsOn, endsOn);
  const openConsultation = await trx
    .insertInto('consultations')
    .values({
      programme_version_id: nextVersion.id,
      subject: demoSubject(year),
      ...notice,
      starts_on: startsOn,
      ends_on: endsOn,
      opens_at: open.opensAt,
      closes_at: open.closesAt,
      residents_allowed: 0,
      created_by: officialId,
      created_at: nowIso,
      updated_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    closedConsultationId: consultation.id,
    openConsultationId: openConsultation.id,
    nextYearProgrammeId: nextProgramme.id,
  };
}
