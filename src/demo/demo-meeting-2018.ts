/**
 * The demo's working meeting: the real one of 16 July 2018 in Leszno whose protocol is the seed
 * document (shared/seed/000_…txt), entered as data — the meeting, its agenda, the attendance list
 * (22 representatives of 20 organisations of the demo directory, fictional names, and three
 * officials), the two tables with their hosts and the rotation, the outcomes (main goal, six
 * specific goals, principles, eleven forms of promotion, the priority-task form deadline), the
 * minutes per agenda item, the attachment and the author. The protocol pages render it back
 * (features/meeting-protocol; its golden test compares the result with the seed).
 *
 * The minutes text places the outcomes with markers (`[[cele]]`, `{zasady}`,
 * `[[formy-promocji]]`, `{zadania}`; see meeting-minutes/minutes-text.ts), so no outcome is typed twice.
 */
import type { Kysely } from 'kysely';
import type { Insertable } from 'kysely';
import type { DB, MeetingOutcomesTable, OutcomeKind } from '../platform/db/schema.js';
import { warsawToUtc } from '../platform/i18n/format.js';

export const demoMeeting = {
  title:
    'Spotkanie robocze z przedstawicielami organizacji pozarządowych w sprawie opracowywania rocznego programu współpracy Miasta Leszna z organizacjami pozarządowymi na 2019 rok',
  topic: 'Wypracowanie rocznego programu współpracy na rok 2019',
  date: '2018-07-16',
  start: '12:00',
  end: '15:00',
  place: 'Park Jonstona',
  hostName: 'Anna Szymańska',
  hostFunction: 'Pełnomocnik Prezydenta ds. Współpracy z Organizacjami Pozarządowymi',
  organiser: 'Biuro Pełnomocnika do spraw Współpracy z Organizacjami Pozarządowymi',
  goal: 'Wypracowanie projektu dokumentu regulującego współpracę pomiędzy leszczyńskim samorządem, a organizacjami pozarządowymi. Dyskusja nad celami, zasadami i formami współpracy. Zebranie pomysłów i potrzeb sektora pozarządowego.',
  audience:
    'Spotkanie przeznaczone było dla przedstawicieli i przedstawicielek organizacji pozarządowych: członków zarządu, pracowników i wolontariuszy działających we wszystkich obszarach pożytku publicznego zainteresowanych włączeniem się w prace nad Rocznym Programem Współpracy Miasta Leszna z organizacjami pozarządowymi na 2019 rok.',
  programmeYear: 2019,
  agenda: [
    'Rozpoczęcie, krótka prezentacja Organizacji Pozarządowych biorących udział w spotkaniu.',
    'Praca w grupach',
    'Formy współpracy pozafinansowej – dyskusja',
    'Podsumowanie spotkania',
  ],
  groups: [
    {
      name: 'Stolik 1',
      hostName: 'Kamila Grzywaczyk',
      hostAffiliation: 'MCP Alternatywa',
      rounds: [
        'Zasady i formy współpracy oraz cele współpracy na kolejny rok',
        'Wspólne tworzenie polityk publicznych, realizacja zadań publicznych i warunki do społecznej aktywności',
      ],
    },
    {
      name: 'Stolik 2',
      hostName: 'Barbara Domichowska',
      hostAffiliation: 'Stowarzyszenie Społeczno-Kulturalne Krokus',
      rounds: [
        'Wspólne tworzenie polityk publicznych, realizacja zadań publicznych i warunki do społecznej aktywności',
        'Zasady i formy współpracy oraz cele współpracy na kolejny rok',
      ],
    },
  ],
  /** Outcomes per kind; `item` is the agenda position they belong to (null: the meeting as a whole). */
  outcomes: [
    { kind: 'main-goal', item: 2, texts: ['Budowanie Aktywnego Obywatelskiego Leszna'] },
    {
      kind: 'specific-goal',
      item: 2,
      texts: [
        'Integracja i aktywizacja społeczna',
        'Promocja działań NGO na rzecz społeczności lokalnej',
        'Wsparcie inicjatyw lokalnych',
        'Budowanie więzi między instytucjami, np. szkoły, wydziały, policja itp.',
        'Odpowiadanie na potrzeby społeczne i rozwiązywanie problemów',
        'Promocja wolontariatu',
      ],
    },
    {
      kind: 'principle',
      item: 3,
      texts: [
        'pomocniczości',
        'suwerenności stron',
        'partnerstwa',
        'efektywności',
        'uczciwej konkurencji',
        'jawności',
        'równości szans',
        'współodpowiedzialności',
        'solidarności',
      ],
    },
    {
      kind: 'promotion-form',
      item: 4,
      texts: [
        'promocja w Internecie: strona www i portale społecznościowe',
        'promocja w mediach',
        'reklama bezpośrednia',
        'gadżety reklamowe',
        'współpraca z innymi organizacjami pozarządowymi',
        'udział w Aktywnym Obywatelskim Lesznie i Targach Organizacji Pozarządowych',
        'organizacja imprez, spotkań, konferencji',
        'broszury informacyjne',
        'patronat Prezydenta',
        'baza danych NGO',
        'kampanie społeczne m.in. „Zostaw swój 1% w Lesznie”',
      ],
    },
  ] satisfies { kind: OutcomeKind; item: number | null; texts: string[] }[],
  task: {
    text: 'formularze z propozycjami do projektu można było składać',
    owner: 'organizacje pozarządowe',
    dueOn: '2018-07-31',
  },
  minutes: [
    'Spotkanie otworzyła Anna Szymańska – Pełnomocnik Prezydenta ds. Współpracy z Organizacjami Pozarządowymi. Przedstawiła proponowaną formułę i przebieg spotkania. Powitała zaproszonych gości i zaprosiła przedstawicieli Organizacji Pozarządowych do krótkiego przedstawienia siebie oraz działalności swojej organizacji. Wprowadzając w temat podkreśliła szczególne znaczenie wymiany doświadczeń i integracji wewnątrzsektorowej, zwłaszcza w odniesieniu do budowania społeczeństwa obywatelskiego oraz dalszej współpracy.',
    [
      'W kolejnej części spotkania uczestnicy zostali podzieleni na dwie grupy. Uczestnicy byli zachęceni do przedstawiania swoich pomysłów za pomocą słów, spisywania ich, bądź przedstawiania graficznego. Gospodarzami stolików byli przedstawiciele Organizacji Pozarządowych: pani Kamila Grzywaczyk (MCP Alternatywa) oraz p. Barbara Domichowska (Stowarzyszenie Społeczno-Kulturalne Krokus) oraz pracownik Biura Pełnomocnika ds. Współpracy z Organizacjami Pozarządowymi Aleksandra Michalska. Jedna z grup zastanawiała się nad zasadami i formami współpracy oraz określeniem celów współpracy na kolejny rok. Druga grupa rozmawiała na temat wspólnego tworzenia polityk publicznych, a także o realizacji zadań publicznych i tworzeniu odpowiednich warunków do społecznej aktywności w zakresie realizacji zadań publicznych. Następnie grupy zamieniły się stanowiskami i omówiono te same tematy w innych zespołach.',
      'W wyniku pracy poszczególnych grup ustalono wstępne zapisy celu głównego oraz celów szczegółowych w brzmieniu:',
      '[[cele]]',
    ].join('\n\n'),
    [
      'W trzeciej części spotkania nastąpiła dyskusja na temat form pozafinansowej współpracy Miasta Leszna z organizacjami pozarządowymi. Dyskusja miała formułę "burzy mózgów" moderowanej przez Annę Szymańską. Dyskusja uświadomiła przedstawicielom organizacji pozarządowych jak wiele możliwości współpracy oferuje im Miasto Leszno.',
      'Uczestnicy dyskusji wskazywali, iż współpraca organizacji pozarządowych z władzami publicznymi powinna być realizowana z zachowaniem zasad: {zasady}.',
      'Nie wniesiono uwag do zapisów programu, dyskusja w formule „burzy mózgów” miała charakter informacyjny i uświadamiający przedstawiciele organizacji pozarządowych o możliwościach współpracy pozafinansowej jaką oferuje im Miasto Leszno.',
    ].join('\n\n'),
    [
      'Podczas podsumowania sporo czasu poświęcono dyskusji na temat promocji organizacji pozarządowych. Uczestnicy wspólnie zastanawiali się, co oni sami mogą zrobić żeby dotrzeć do jeszcze szerszego grona odbiorców, a także uzyskali informacje jak w tych działaniach może ich wspomóc samorząd Leszna. Przedstawiciele organizacji pozarządowych wskazywali na formy promocji ich działalności uwzględniając także te, w których ważna jest rola i pomoc ze strony Miasta Leszna.',
      'Proponowane formy promocji to:',
      '[[formy-promocji]]',
      'Proponowane formy promocji znajdują odzwierciedlenie w Programie Współpracy w rozdziale V. Formy współpracy',
      'Wszyscy uczestnicy spotkania zgodnie stwierdzili, że wypracowane podczas spotkania zapisy projektu „Rocznego Programu Współpracy Miasta Leszna z Organizacjami Pozarządowymi oraz podmiotami wymienionymi w art. 3 ust. 3 ustawy z dnia 24 kwietnia 2003r. o działalności pożytku publicznego i o wolontariacie, na rok 2019” są dla nich satysfakcjonujące i w pełni spełniają zakładane oczekiwania.',
    ].join('\n\n'),
  ],
  closing: [
    'Następnie wszyscy obecni na spotkaniu otrzymali „Formularz zadań priorytetowych” do składania uwag w zakresie zadań priorytetowych, {zadania}.',
    'Na tym spotkanie zakończono.',
  ].join('\n\n'),
  attachment: 'lista obecności na spotkaniu w dniu 16.07.2018 r.',
  authorName: 'Aleksandra Michalska',
  authorPosition: 'Inspektor ds. Współpracy z Organizacjami Pozarządowymi',
  /** The officials on the attendance list (the seed: "trzech urzędników"). */
  officials: ['Anna Szymańska', 'Aleksandra Michalska', 'Urszula Urzędnicza'],
  /** Fictional names of the 22 representatives (the attendance list is never public). */
  representatives: [
    'Kamila Grzywaczyk',
    'Barbara Domichowska',
    'Katarzyna Krokusowa',
    'Marek Alternatywny',
    'Joanna Wiśniewska',
    'Piotr Kaczmarek',
    'Agnieszka Zielińska',
    'Tomasz Wróblewski',
    'Magdalena Pawlak',
    'Krzysztof Michalak',
    'Ewa Dudek',
    'Paweł Jabłoński',
    'Monika Adamczyk',
    'Łukasz Górecki',
    'Natalia Sikora',
    'Grzegorz Baran',
    'Dorota Szulc',
    'Michał Kubiak',
    'Aleksandra Wojtkowiak',
    'Jakub Śliwiński',
    'Beata Nowakowska',
    'Rafał Ziółkowski',
  ],
};

/**
 * Inserts the demo meeting in the caller's transaction, after the demo directory: the first two
 * representatives host the tables for MCP Alternatywa and Krokus (each organisation sent two people),
 * the others represent eighteen more verified organisations of the directory. Returns its id.
 */
export async function insertDemoMeeting(trx: Kysely<DB>, now: string): Promise<number> {
  const m = demoMeeting;
  const official = await trx
    .selectFrom('user_roles')
    .select('user_id')
    .where('role', '=', 'official')
    .orderBy('user_id')
    .executeTakeFirst();
  const officialId = official?.user_id ?? null;
  const startsAt = warsawToUtc(m.date, m.start).toISOString();
  const endsAt = warsawToUtc(m.date, m.end).toISOString();
  const meeting = await trx
    .insertInto('meetings')
    .values({
      status: 'published',
      title: m.title,
      topic: m.topic,
      goal_md: m.goal,
      audience_md: m.audience,
      starts_at: startsAt,
      ends_at: endsAt,
      place: m.place,
      online_url: null,
      host_name: m.hostName,
      host_function: m.hostFunction,
      organiser: m.organiser,
      visibility: 'public',
      guests_allowed: 0,
      capacity: 30,
      registration_deadline: null,
      programme_year: m.programmeYear,
      created_by: officialId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const meetingId = meeting.id;

  const agendaIds: number[] = [];
  for (const [index, title] of m.agenda.entries()) {
    const row = await trx
      .insertInto('meeting_agenda_items')
      .values({ meeting_id: meetingId, position: index + 1, title, duration_minutes: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    agendaIds.push(row.id);
  }

  // The organisations: the two table hosts' first, then eighteen more verified ones of the directory.
  const verified = await trx
    .selectFrom('organizations')
    .select(['id', 'name', 'slug'])
    .where('status', '=', 'verified')
    .orderBy('id')
    .execute();
  const hosts = ['alternatywa', 'krokus'].map((slug) => verified.find((o) => o.slug === slug));
  const others = verified.filter((o) => !hosts.includes(o)).slice(0, 18);
  const organisations = [...hosts.filter((o) => o !== undefined), ...others];
  if (organisations.length !== 20)
    throw new Error(`the demo meeting needs 20 verified organisations, found ${organisations.length}`);
  // 22 people for 20 organisations: Alternatywa and Krokus each sent two.
  const representing = [0, 1, 0, 1, ...Array.from({ length: 18 }, (_, i) => i + 2)];
  const attendees = [
    ...m.representatives.map((fullName, i) => {
      const organisation = organisations[representing[i]!]!;
      return {
        full_name: fullName,
        role: 'ngo' as const,
        organization_id: organisation.id,
        organization_name: organisation.name,
      };
    }),
    ...m.officials.map((fullName) => ({
      full_name: fullName,
      role: 'official' as const,
      organization_id: null,
      organization_name: null,
    })),
  ];
  await trx
    .insertInto('meeting_attendees')
    .values(
      attendees.map((a) => ({
        ...a,
        meeting_id: meetingId,
        registration_id: null,
        user_id: null,
        email: null,
        checked_in_at: startsAt,
        checked_in_by: officialId,
      })),
    )
    .execute();

  for (const [index, group] of m.groups.entries()) {
    const row = await trx
      .insertInto('meeting_groups')
      .values({
        meeting_id: meetingId,
        position: index + 1,
        name: group.name,
        host_name: group.hostName,
        host_affiliation: group.hostAffiliation,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('meeting_group_rounds')
      .values(group.rounds.map((topic, round) => ({ group_id: row.id, round: round + 1, topic })))
      .execute();
  }

  const outcomeRows: Insertable<MeetingOutcomesTable>[] = m.outcomes.flatMap((o) =>
    o.texts.map((text, i) => ({
      meeting_id: meetingId,
      kind: o.kind,
      position: i + 1,
      text,
      agenda_item_id: o.item === null ? null : agendaIds[o.item - 1]!,
      owner: null,
      due_on: null,
      created_at: endsAt,
    })),
  );
  outcomeRows.push({
    meeting_id: meetingId,
    kind: 'task',
    position: 1,
    text: m.task.text,
    agenda_item_id: null,
    owner: m.task.owner,
    due_on: m.task.dueOn,
    created_at: endsAt,
  });
  await trx.insertInto('meeting_outcomes').values(outcomeRows).execute();

  // The minutes as they were approved and published a few days after the meeting.
  const circulated = warsawToUtc('2018-07-18', '10:00').toISOString();
  const approved = warsawToUtc('2018-07-25', '10:00').toISOString();
  await trx
    .insertInto('meeting_minutes')
    .values({
      meeting_id: meetingId,
      version: 1,
      status: 'published',
      items_json: JSON.stringify(m.minutes.map((text, i) => ({ agendaItemId: agendaIds[i]!, text }))),
      closing_md: m.closing,
      author_name: m.authorName,
      author_position: m.authorPosition,
      remarks_until: '2018-07-24',
      circulated_at: circulated,
      approved_by: officialId,
      approved_at: approved,
      published_at: approved,
      created_by: officialId,
      created_at: circulated,
    })
    .execute();

  await trx
    .insertInto('meeting_attachments')
    .values({
      meeting_id: meetingId,
      position: 1,
      title: m.attachment,
      kind: 'attendance-list',
      file_key: null,
      file_name: null,
      content_type: null,
    })
    .execute();
  return meetingId;
}
