/**
 * The printable attendance sheet (lista obecności do podpisu): a tagged PDF from the shared
 * document toolkit — header with the meeting's topic, date, time, place and organiser; a table of
 * Lp., full name, organisation, role and an empty signature column; page numbers in the footer.
 * Before the meeting starts (or while nobody is checked in) it lists the registered people plus
 * empty rows for walk-ins; once people are checked in it lists the attendance list.
 */
import type { DocumentSpec } from '../../platform/documents/blocks.js';
import { warsawParts } from '../../platform/i18n/format.js';
import type { Translate } from '../../platform/i18n/i18n.js';
import type { AttendeeRole } from '../../platform/db/schema.js';
import type { MeetingForRegistration } from './meeting-registration.repo.js';

export const emptyRowsForWalkIns = 10;

export interface SheetPerson {
  name: string;
  organization: string;
  role: AttendeeRole;
}

/** "16.07.2018" on the Warsaw wall clock. */
function warsawDate(iso: string): string {
  const [year, month, day] = warsawParts(new Date(iso)).date.split('-');
  return `${day}.${month}.${year}`;
}
const warsawTime = (iso: string) => warsawParts(new Date(iso)).time.slice(0, 5);

export function attendanceSheetSpec(
  meeting: MeetingForRegistration,
  people: SheetPerson[],
  options: { emptyRows: number; t: Translate; language: string; author: string },
): DocumentSpec {
  const { t } = options;
  const title = t('meetingRegistration.sheet.title');
  const rows = people.map((p, i) => [String(i + 1), p.name, p.organization, t(`meetingRegistration.role.${p.role}`), '']);
  for (let i = 0; i < options.emptyRows; i++) rows.push([String(people.length + i + 1), '', '', '', '']);
  const where = meeting.place ?? meeting.online_url;
  return {
    title: `${title}: ${meeting.topic}`,
    author: options.author,
    subject: meeting.topic,
    language: options.language,
    // Landscape: room for long organisation names and a signature.
    orientation: 'landscape',
    pageLabel: { before: t('meetingRegistration.sheet.pageBefore'), between: t('meetingRegistration.sheet.pageBetween') },
    blocks: [
      { kind: 'heading', level: 1, text: title },
      { kind: 'paragraph', label: t('meetingRegistration.sheet.topic'), text: meeting.topic },
      {
        kind: 'paragraph',
        label: t('meetingRegistration.sheet.date'),
        text: t('meetingRegistration.sheet.dateValue', { date: warsawDate(meeting.starts_at) }),
      },
      {
        kind: 'paragraph',
        label: t('meetingRegistration.sheet.time'),
        text: `${warsawTime(meeting.starts_at)}–${warsawTime(meeting.ends_at)}`,
      },
      ...(where ? [{ kind: 'paragraph' as const, label: t('meetingRegistration.sheet.place'), text: where }] : []),
      { kind: 'paragraph', label: t('meetingRegistration.sheet.organiser'), text: meeting.organiser },
      {
        kind: 'table',
        caption: t('meetingRegistration.sheet.caption'),
        columns: [
          { header: t('meetingRegistration.sheet.number'), width: 0.7 },
          { header: t('meetingRegistration.sheet.name'), width: 3.2 },
          { header: t('meetingRegistration.sheet.organization'), width: 3.6 },
          { header: t('meetingRegistration.sheet.role'), width: 2.6 },
          { header: t('meetingRegistration.sheet.signature'), width: 3 },
        ],
        rows,
        minRowHeight: 28,
      },
      { kind: 'paragraph', text: t('meetingRegistration.sheet.notice'), emphasis: true },
    ],
  };
}
