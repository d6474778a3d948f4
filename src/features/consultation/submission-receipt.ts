/**
 * The receipt of a sent submission: its number (KP/<year of the start>/<consultation>/<sequence>)
 * and the mail that confirms it. The mail is Polish: it is the office's confirmation of an official
 * record, like the receipt number itself.
 */
import { formatDateTimeShort } from '../../platform/i18n/format.js';
import type { MailMessage } from '../../platform/mail/mail.js';
import { formatPln } from '../programme/index.js';
import { parseTaskProposal } from './submission.schema.js';

export function receiptNumber(c: { id: number; starts_on: string }, sequence: number): string {
  return `KP/${c.starts_on.slice(0, 4)}/${c.id}/${String(sequence).padStart(4, '0')}`;
}

export interface ReceiptFacts {
  consultationId: number;
  subject: string;
  submission: {
    id: number;
    kind: 'comment' | 'task';
    channel: 'online' | 'paper' | 'email';
    receipt_number: string | null;
    sent_at: string | null;
    received_on: string | null;
    submitter_name: string;
    provision_label: string | null;
    proposed_wording: string | null;
    justification: string | null;
    task_json: string | null;
  };
}

/** The receipt mail to the author (or, for paper and e-mail entries, to the contact address given). */
export function receiptMail(to: string, facts: ReceiptFacts, baseUrl: string): MailMessage {
  const s = facts.submission;
  const number = s.receipt_number ?? '';
  const content: string[] = [];
  if (s.kind === 'comment') {
    content.push(`Zapis: ${s.provision_label ?? ''}`, '', 'Proponowane brzmienie:', s.proposed_wording ?? '');
    if (s.justification) content.push('', 'Uzasadnienie:', s.justification);
  } else {
    const task = parseTaskProposal(s.task_json);
    content.push(`Propozycja zadania priorytetowego: ${task.title}`);
    if (task.amount !== null) content.push(`Proponowana kwota: ${formatPln(task.amount).replace(/\u00a0/g, ' ')}`);
  }
  const when = s.sent_at ? formatDateTimeShort(s.sent_at, 'pl') : '';
  const received = s.channel === 'online' ? `Złożono: ${when} (czas polski)` : `Wpłynęło: ${s.received_on ?? ''}`;
  const link =
    s.channel === 'online'
      ? `${baseUrl}/konsultacje/${facts.consultationId}/zgloszenia/${s.id}`
      : `${baseUrl}/konsultacje/${facts.consultationId}`;
  return {
    to,
    subject: `Potwierdzenie złożenia uwag nr ${number}`,
    text: [
      'Dzień dobry,',
      '',
      `potwierdzamy złożenie ${s.kind === 'comment' ? 'uwagi' : 'propozycji zadania priorytetowego'} w konsultacjach: ${facts.subject}.`,
      '',
      `Numer potwierdzenia: ${number}`,
      received,
      `W imieniu: ${s.submitter_name}`,
      '',
      ...content,
      '',
      `Zgłoszenie: ${link}`,
      '',
      'Wysłanego zgłoszenia nie można zmienić; do końca konsultacji można je wycofać i złożyć ponownie.',
    ].join('\n'),
  };
}
