/**
 * Element 10 of the programme ("informacja o sposobie tworzenia programu oraz o przebiegu
 * konsultacji") written from the platform's records: the working meetings the programme's items came
 * from (date, topic, who took part — counted from the attendance list) and every consultation of the
 * programme (period, forms, participation, submissions and how they were answered). The official
 * edits the text before saving it; nothing is stored here.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { formatDate } from '../../platform/i18n/format.js';
import type { ConsultationFacts } from '../consultation/index.js';
import { consultationFactsForProgramme } from './consultation-link.js';
import { participantsSentence } from '../meeting-protocol/index.js';
import { attendanceCounts, attendanceForCounting } from '../meeting-registration/index.js';
import { findMeeting } from '../meetings/index.js';
import type { ProgrammeSections } from './programme-sections.js';

export interface MeetingFact {
  /** The meeting's start (ISO instant). */
  startsAt: string;
  topic: string;
  /** From the attendance list; null when nobody is on it. */
  counts: { ngoRepresentatives: number; organizations: number; officials: number; guests: number } | null;
}

export type ConsultationFact = Pick<
  ConsultationFacts,
  'startsOn' | 'endsOn' | 'forms' | 'closed' | 'comments' | 'proposals' | 'organizations' | 'residents' | 'byDecision'
>;

const plural = new Intl.PluralRules('pl-PL');

/** The Polish form for a count: "1 uwaga", "2 uwagi", "5 uwag" (0 takes the "many" form). */
export function countOf(n: number, forms: { one: string; few: string; many: string }): string {
  const category = plural.select(n);
  const form = category === 'one' ? forms.one : category === 'few' ? forms.few : forms.many;
  return `${n} ${form}`;
}

const longDate = (value: string) => `${formatDate(value, 'pl')} r.`;
const dateOnly = (isoDate: string) => longDate(`${isoDate}T12:00:00Z`);

const formPhrases: Record<string, string> = {
  online: 'elektronicznie za pośrednictwem platformy',
  paper: 'pisemnie',
  email: 'pocztą elektroniczną',
  meeting: 'na otwartym spotkaniu konsultacyjnym',
};

function joinPolish(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} oraz ${parts[parts.length - 1]}`;
}

function meetingParagraphs(meetings: MeetingFact[]): string[] {
  if (meetings.length === 0) return [];
  const intro =
    meetings.length === 1
      ? 'Projekt programu przygotowano na podstawie ustaleń spotkania roboczego z przedstawicielami organizacji pozarządowych.'
      : `Projekt programu przygotowano na podstawie ustaleń ${meetings.length} spotkań roboczych z przedstawicielami organizacji pozarządowych.`;
  const sorted = [...meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return [
    intro,
    ...sorted.map((m) => {
      const who = m.counts ? participantsSentence(m.counts) : null;
      return `Spotkanie „${m.topic}” odbyło się ${longDate(m.startsAt)}${who ? ` ${who}` : ''}`;
    }),
  ];
}

function consultationParagraph(c: ConsultationFact, index: number, total: number): string {
  const which = total > 1 ? ` (${index + 1}. konsultacje)` : '';
  const forms = c.forms.map((f) => formPhrases[f]).filter((f): f is string => f !== undefined);
  const sentences = [
    `Projekt programu${which} był konsultowany z organizacjami pozarządowymi i podmiotami wymienionymi w art. 3 ust. 3 ustawy ` +
      `od ${dateOnly(c.startsOn)} do ${dateOnly(c.endsOn)}`,
  ];
  if (forms.length) sentences.push(`Uwagi i propozycje można było zgłaszać ${joinPolish(forms)}.`);
  const submissions = c.comments + c.proposals;
  if (submissions === 0) {
    sentences.push(c.closed ? 'W konsultacjach nie zgłoszono uwag.' : 'Do tej pory nie zgłoszono uwag.');
    return sentences.join(' ');
  }
  const what = joinPolish(
    [
      c.comments > 0 ? countOf(c.comments, { one: 'uwagę', few: 'uwagi', many: 'uwag' }) : '',
      c.proposals > 0
        ? c.proposals === 1
          ? '1 propozycję zadania priorytetowego'
          : countOf(c.proposals, { one: 'propozycję', few: 'propozycje', many: 'propozycji' }) + ' zadań priorytetowych'
        : '',
    ].filter((p) => p !== ''),
  );
  sentences.push(`W konsultacjach zgłoszono ${what}.`);
  // The verb stands before its subject and agrees with the first group: "złożyła 1 organizacja",
  // "złożyły 3 organizacje", "złożyło 5 organizacji", "złożył 1 mieszkaniec", "złożyło 2 mieszkańców".
  const groups: Array<{ text: string; verb: string }> = [];
  if (c.organizations > 0) {
    const category = plural.select(c.organizations);
    groups.push({
      text: countOf(c.organizations, { one: 'organizacja', few: 'organizacje', many: 'organizacji' }),
      verb: category === 'one' ? 'złożyła' : category === 'few' ? 'złożyły' : 'złożyło',
    });
  }
  if (c.residents > 0)
    groups.push({
      text: countOf(c.residents, { one: 'mieszkaniec', few: 'mieszkańców', many: 'mieszkańców' }),
      verb: c.residents === 1 ? 'złożył' : 'złożyło',
    });
  if (groups.length) sentences.push(`Zgłoszenia ${groups[0]!.verb} ${joinPolish(groups.map((g) => g.text))}.`);
  const d = c.byDecision;
  if (c.closed) {
    const among = submissions === 1 ? '1 zgłoszenia' : `${submissions} zgłoszeń`;
    sentences.push(
      `Spośród ${among} uwzględniono ${d.accepted}, uwzględniono częściowo ${d.partly}, nie uwzględniono ${d.rejected}, ` +
        `a ${d['not-applicable']} uznano za niedotyczące projektu programu.`,
    );
  } else {
    sentences.push('Konsultacje nie zostały jeszcze zakończone.');
  }
  return sentences.join(' ');
}

/** The text of element 10, paragraphs separated by blank lines; empty when the records say nothing. */
export function creationText(facts: { meetings: MeetingFact[]; consultations: ConsultationFact[] }): string {
  const paragraphs = [
    ...meetingParagraphs(facts.meetings),
    ...facts.consultations.map((c, i) => consultationParagraph(c, i, facts.consultations.length)),
  ];
  if (facts.consultations.length === 0 && paragraphs.length > 0)
    paragraphs.push('Projekt programu nie był jeszcze konsultowany z organizacjami pozarządowymi.');
  return paragraphs.join('\n\n');
}

/** The meetings the programme's goals, principles and forms came from. */
export function sourceMeetingIds(s: ProgrammeSections): number[] {
  const ids = new Set<number>();
  if (s.goals.mainSource) ids.add(s.goals.mainSource.meetingId);
  for (const item of [...s.goals.specific, ...s.principles.local, ...s.forms.financial, ...s.forms.nonFinancial])
    if (item.source) ids.add(item.source.meetingId);
  return [...ids];
}

/** The facts for `creationText`, read from the records. */
export async function creationFacts(
  db: Kysely<DB>,
  programmeId: number,
  sections: ProgrammeSections,
): Promise<{ meetings: MeetingFact[]; consultations: ConsultationFact[] }> {
  const meetings: MeetingFact[] = [];
  for (const id of sourceMeetingIds(sections)) {
    const meeting = await findMeeting(db, id);
    if (!meeting || meeting.status === 'cancelled') continue;
    const attendees = await attendanceForCounting(db, id);
    meetings.push({
      startsAt: meeting.starts_at,
      topic: meeting.topic,
      counts: attendees.length ? attendanceCounts(attendees) : null,
    });
  }
  return { meetings, consultations: await consultationFactsForProgramme(db, programmeId) };
}
