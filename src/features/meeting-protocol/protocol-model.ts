/**
 * The protocol's view model, built once from the structured record and rendered three ways (the
 * HTML page, PDF, DOCX) from the same ordered list of blocks, in the seed protocol's order: title,
 * Temat, Data, Godzina, Miejsce, Prowadzący, Organizator, Cel spotkania, Adresaci spotkania,
 * Liczba uczestników, Program spotkania, Ad. 1 … Ad. N (minutes text with the outcomes placed in
 * it), the closing text, Załączniki, Oprac.
 *
 * The protocol is a Polish official record: its text is Polish whatever the page's language.
 */
import type { DocumentBlock, DocumentSpec } from '../../platform/documents/blocks.js';
import type { MinutesStatus } from '../../platform/db/schema.js';
import { warsawParts } from '../../platform/i18n/format.js';
import type { ProtocolRecord } from './meeting-protocol.repo.js';
import { minutesItems } from '../meeting-minutes/index.js';
import { OutcomePool, leftoverBlocks, textBlocks } from '../meeting-minutes/index.js';
import { participantsSentence } from './participants.js';

export interface ProtocolItem {
  heading: string;
  blocks: DocumentBlock[];
}

export interface ProtocolModel {
  meetingId: number;
  meetingTitle: string;
  /** Set when the minutes shown are not published: the officials' preview, marked "projekt". */
  draft: { version: number | null; status: MinutesStatus | null } | null;
  title: string;
  facts: { label: string; value: string }[];
  goal: DocumentBlock[];
  audience: DocumentBlock[];
  participants: string | null;
  agenda: string[];
  items: ProtocolItem[];
  /** Outcomes tied to no agenda item that no text placed. */
  otherOutcomes: DocumentBlock[];
  closing: DocumentBlock[];
  attachments: string[];
  author: string | null;
  /** The downloads' base name: "protokol-2018-07-16-spotkanie-5". */
  fileBase: string;
}

/** "Protokół ze spotkania roboczego …" from the meeting's title, whichever way it was written. */
export function protocolTitle(meetingTitle: string): string {
  const title = meetingTitle.trim().replace(/[.\s]+$/, '');
  if (/^protokół(?=\s|$)/i.test(title)) return title;
  const working = /^spotkani[ea] robocze(go)?\b\s*/i.exec(title);
  if (working) return `Protokół ze spotkania roboczego ${title.slice(working[0].length)}`.trim();
  return `Protokół ze spotkania „${title}”`;
}

const polishDate = (iso: string) => {
  const [y, m, d] = warsawParts(new Date(iso)).date.split('-');
  return `${d}.${m}.${y} r.`;
};
const hourMinute = (iso: string) => warsawParts(new Date(iso)).time.slice(0, 5);

export function buildProtocolModel(record: ProtocolRecord): ProtocolModel {
  const { meeting, minutes } = record;
  const startDate = polishDate(meeting.starts_at);
  const endDate = polishDate(meeting.ends_at);
  const facts = [
    { label: 'Temat:', value: meeting.topic },
    { label: 'Data:', value: startDate === endDate ? startDate : `${startDate} – ${endDate}` },
    { label: 'Godzina:', value: `${hourMinute(meeting.starts_at)}–${hourMinute(meeting.ends_at)}` },
    ...(meeting.place ? [{ label: 'Miejsce:', value: meeting.place }] : []),
    ...(meeting.online_url ? [{ label: 'Spotkanie online:', value: meeting.online_url }] : []),
    { label: 'Prowadzący:', value: meeting.host_name },
    { label: 'Organizator:', value: meeting.organiser },
  ];

  const texts = new Map<number, string>();
  if (minutes) {
    for (const item of minutesItems(minutes.items_json)) texts.set(item.agendaItemId, item.text);
  }
  const unassigned = new OutcomePool(
    record.outcomes.filter((o) => o.agenda_item_id === null || !record.agenda.some((a) => a.id === o.agenda_item_id)),
  );
  const items = record.agenda.map((agendaItem, index) => {
    const pool = new OutcomePool(
      record.outcomes.filter((o) => o.agenda_item_id === agendaItem.id),
      unassigned,
    );
    const blocks = [...textBlocks(texts.get(agendaItem.id) ?? '', pool), ...leftoverBlocks(pool)];
    return {
      heading: `Ad. ${index + 1}. ${agendaItem.title.trim().replace(/\.$/, '')}`,
      blocks: blocks.length ? blocks : [{ kind: 'paragraph', text: 'Brak zapisu do tego punktu.' } as const],
    };
  });
  const closing = textBlocks(minutes?.closing_md ?? '', unassigned);

  const date = warsawParts(new Date(meeting.starts_at)).date;
  return {
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    draft: minutes?.status === 'published' ? null : { version: minutes?.version ?? null, status: minutes?.status ?? null },
    title: protocolTitle(meeting.title),
    facts,
    goal: meeting.goal_md ? textBlocks(meeting.goal_md, null) : [],
    audience: meeting.audience_md ? textBlocks(meeting.audience_md, null) : [],
    participants: participantsSentence(record.counts),
    agenda: record.agenda.map((a) => a.title),
    items,
    otherOutcomes: leftoverBlocks(unassigned),
    closing,
    attachments: record.attachments.map((a) => a.title),
    author: minutes?.author_name
      ? minutes.author_position
        ? `${minutes.author_name} (${minutes.author_position})`
        : minutes.author_name
      : null,
    fileBase: `protokol-${date}-spotkanie-${meeting.id}`,
  };
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('pl') + text.slice(1);

/** The protocol as one ordered list of blocks: what the page, the PDF and the DOCX all show. */
export function protocolBlocks(model: ProtocolModel): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  if (model.draft) {
    blocks.push({
      kind: 'paragraph',
      emphasis: true,
      text: `PROJEKT${model.draft.version ? ` (wersja ${model.draft.version})` : ''} – protokół nie został jeszcze opublikowany.`,
    });
  }
  blocks.push({ kind: 'heading', level: 1, text: model.title });
  for (const fact of model.facts) blocks.push({ kind: 'paragraph', label: fact.label, text: fact.value });
  if (model.goal.length) blocks.push({ kind: 'heading', level: 2, text: 'Cel spotkania' }, ...model.goal);
  if (model.audience.length) blocks.push({ kind: 'heading', level: 2, text: 'Adresaci spotkania' }, ...model.audience);
  if (model.participants) blocks.push({ kind: 'paragraph', label: 'Liczba uczestników:', text: lowerFirst(model.participants) });
  if (model.agenda.length) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'Program spotkania' },
      { kind: 'list', style: 'decimal', items: model.agenda },
    );
  }
  for (const item of model.items) blocks.push({ kind: 'heading', level: 2, text: item.heading }, ...item.blocks);
  if (model.otherOutcomes.length) blocks.push({ kind: 'heading', level: 2, text: 'Pozostałe ustalenia' }, ...model.otherOutcomes);
  if (model.closing.length) blocks.push({ kind: 'heading', level: 2, text: 'Zakończenie' }, ...model.closing);
  if (model.attachments.length) blocks.push({ kind: 'paragraph', label: 'Załączniki:', text: model.attachments.join('; ') });
  if (model.author) blocks.push({ kind: 'paragraph', label: 'Oprac.:', text: model.author });
  return blocks;
}

export function protocolDocument(model: ProtocolModel): DocumentSpec {
  return {
    title: `${model.draft ? 'Projekt: ' : ''}${model.title}`,
    subject: model.facts[0]?.value ?? model.title,
    ...(model.author ? { author: model.author } : {}),
    language: 'pl-PL',
    blocks: protocolBlocks(model),
  };
}
