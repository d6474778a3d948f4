/**
 * The consultation report (sprawozdanie z przebiegu konsultacji, DOMAIN.md §3.1): one view model
 * built from the records, rendered three ways (the HTML page, the tagged PDF, the DOCX) from the same
 * ordered list of blocks. Order: title; subject, legal basis, period, forms, who may take part, where
 * to submit; participation figures; the overview table of every sent submission; each submission in
 * full (submitter, part of the document, content, decision, justification); the summary by decision;
 * the conclusion; the responsible unit and the date.
 *
 * The report is a Polish official record: its text is Polish whatever the page's language.
 * Private persons are never named: each is "Osoba prywatna N", numbered in order of receipt, and
 * their names are replaced by that label wherever they occur in the report's texts.
 */
import type { DocumentBlock, DocumentSpec } from '../../platform/documents/blocks.js';
import type { SubmissionChannel, SubmissionDecision } from '../../platform/db/schema.js';
import { warsawParts } from '../../platform/i18n/format.js';
import type { ConsultationForm, SubmissionRecord } from '../consultation/index.js';
import { parseForms, taskProposalObject } from '../consultation/index.js';
import type { ReportRecord } from './consultation-report.repo.js';

export interface ReportEntry {
  /** 1-based, in receipt order. */
  position: number;
  submissionId: number;
  receiptNumber: string;
  /** The organisation's name, or "Osoba prywatna N". */
  submitter: string;
  channel: SubmissionChannel;
  /** The provision's label, or "Propozycja zadania priorytetowego: <title>". */
  part: string;
  /** The content as labelled lines: proposed wording, justification; for tasks title, sphere, amount. */
  content: { label: string; text: string }[];
  decision: string;
  answer: string;
}

export interface ReportModel {
  consultationId: number;
  programmeId: number;
  /** Set while the report is not published: the officials' preview, marked "projekt". */
  draft: boolean;
  title: string;
  programmeTitle: string;
  notice: { label: string; value: string }[];
  figures: { label: string; value: string }[];
  /** The Wola Krzysztoporska sentence when nothing was submitted, else null. */
  nothingSubmitted: string | null;
  entries: ReportEntry[];
  summary: { label: string; count: number }[];
  conclusion: string[];
  responsibleUnit: string;
  /** "26 listopada 2026 r." — the publication day, or today for a preview. */
  date: string;
  /** The downloads' base name: "sprawozdanie-konsultacje-12-2026-10-25". */
  fileBase: string;
}

export const decisionLabels: Record<SubmissionDecision, string> = {
  accepted: 'uwzględniono',
  partly: 'uwzględniono częściowo',
  rejected: 'nie uwzględniono',
  'not-applicable': 'nie dotyczy',
};
const unanswered = 'bez rozstrzygnięcia';

const formLabels: Record<ConsultationForm, string> = {
  online: 'formularz na platformie internetowej',
  paper: 'formularz papierowy złożony pisemnie',
  email: 'formularz przesłany pocztą elektroniczną',
  meeting: 'otwarte spotkanie konsultacyjne',
};

const channelLabels: Record<SubmissionChannel, string> = {
  online: 'przez platformę internetową',
  paper: 'pisemnie',
  email: 'pocztą elektroniczną',
};

const polishMonths = [
  'stycznia',
  'lutego',
  'marca',
  'kwietnia',
  'maja',
  'czerwca',
  'lipca',
  'sierpnia',
  'września',
  'października',
  'listopada',
  'grudnia',
];

/** A Warsaw date "2026-10-05" as "5 października 2026 r.". */
export function polishDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${polishMonths[(m ?? 1) - 1] ?? ''} ${y} r.`;
}

/** "od 12 października 2026 r. do 25 października 2026 r." */
export function polishPeriod(startsOn: string, endsOn: string): string {
  return `od ${polishDay(startsOn)} do ${polishDay(endsOn)}`;
}

/** Text as stored, without control characters a document format cannot carry (XML 1.0, PDF). */
export function clean(text: string | null | undefined): string {
  return (
    (text ?? '')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .trim()
  );
}

/** Grosze as złote: 1250000 → "12 500,00 zł". */
function pln(grosze: number): string {
  const zl = Math.floor(grosze / 100);
  const gr = String(grosze % 100).padStart(2, '0');
  return `${String(zl).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${gr}\u00a0zł`;
}

/** The fields of a priority-task proposal the report states, read defensively from `task_json`. */
export function taskFields(json: string | null, spheres: Map<string, string>) {
  // an unreadable proposal is reported with what the row itself says
  const value = taskProposalObject(json);
  const text = (...keys: string[]) => {
    for (const key of keys) {
      const v = value[key];
      if (typeof v === 'string' && clean(v)) return clean(v);
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    }
    return '';
  };
  const sphereCode = text('sphere', 'sphereCode');
  const sphere = spheres.get(sphereCode) ?? (text('sphereLabel') || sphereCode);
  const rawAmount = value.amount ?? value.suggestedAmount;
  const amount =
    typeof rawAmount === 'number' && Number.isSafeInteger(rawAmount) && rawAmount >= 0
      ? pln(rawAmount)
      : typeof rawAmount === 'string'
        ? clean(rawAmount)
        : '';
  return {
    title: text('title', 'name', 'task'),
    sphere,
    amount,
    description: text('description'),
    need: text('need'),
  };
}

/** Who is a private person: one key per person, whatever the channel. */
function personKey(s: SubmissionRecord): string {
  if (s.channel === 'online' && s.author_id !== null) return `user:${s.author_id}`;
  const email = s.contact_email?.trim().toLowerCase();
  if (email) return `email:${email}`;
  return `name:${clean(s.submitter_name).toLocaleLowerCase('pl').replace(/\s+/g, ' ')}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function buildReportModel(record: ReportRecord, now: Date): ReportModel {
  const { consultation: c, facts } = record;

  // Pseudonyms in order of receipt; every spelling of a private person's name maps to their label.
  const pseudonyms = new Map<string, string>();
  const names: Array<[string, string]> = [];
  for (const s of record.submissions) {
    if (s.submitter_kind !== 'resident') continue;
    const key = personKey(s);
    if (!pseudonyms.has(key)) pseudonyms.set(key, `Osoba prywatna ${pseudonyms.size + 1}`);
    const name = clean(s.submitter_name);
    if (name.length >= 3) names.push([name, pseudonyms.get(key)!]);
  }
  // Longest names first, so "Jan Kowalski" is replaced before "Jan".
  names.sort((a, b) => b[0].length - a[0].length);
  const scrub = (text: string | null | undefined) =>
    names.reduce((out, [name, label]) => out.replace(new RegExp(escapeRegExp(name), 'giu'), label), clean(text));

  const entries: ReportEntry[] = record.submissions.map((s, index) => {
    const submitter = s.submitter_kind === 'resident' ? pseudonyms.get(personKey(s))! : scrub(s.submitter_name) || 'organizacja';
    let part: string;
    const content: ReportEntry['content'] = [];
    if (s.kind === 'task') {
      const task = taskFields(s.task_json, record.spheres);
      part = `Propozycja zadania priorytetowego: ${scrub(task.title) || 'bez tytułu'}`;
      content.push({ label: 'Tytuł zadania:', text: scrub(task.title) || '—' });
      if (task.sphere) content.push({ label: 'Sfera zadań publicznych:', text: scrub(task.sphere) });
      if (task.description) content.push({ label: 'Opis zadania:', text: scrub(task.description) });
      if (task.need) content.push({ label: 'Uzasadnienie potrzeby:', text: scrub(task.need) });
      content.push({ label: 'Proponowana kwota:', text: scrub(task.amount) || 'nie podano' });
      if (clean(s.justification)) content.push({ label: 'Uzasadnienie zgłaszającego:', text: scrub(s.justification) });
    } else {
      part = scrub(s.provision_label) || scrub(s.provision_key) || 'projekt programu';
      if (clean(s.current_wording)) content.push({ label: 'Obecny zapis:', text: scrub(s.current_wording) });
      content.push({ label: 'Proponowany zapis:', text: scrub(s.proposed_wording) || '—' });
      content.push({ label: 'Uzasadnienie zgłaszającego:', text: scrub(s.justification) || 'nie podano' });
    }
    return {
      position: index + 1,
      submissionId: s.id,
      receiptNumber: clean(s.receipt_number),
      submitter,
      channel: s.channel,
      part,
      content,
      decision: s.decision ? decisionLabels[s.decision] : unanswered,
      answer: scrub(s.answer) || '—',
    };
  });

  const forms = parseForms(c.forms_json).map((f) => formLabels[f]);
  const participants = clean(c.participants);
  const notice = [
    { label: 'Przedmiot konsultacji:', value: clean(c.subject) },
    { label: 'Podstawa prawna:', value: clean(c.legal_basis) },
    { label: 'Termin konsultacji:', value: polishPeriod(c.starts_on, c.ends_on) },
    { label: 'Formy konsultacji:', value: forms.length ? `${forms.join('; ')}.` : 'nie określono.' },
    {
      label: 'Uprawnieni do udziału:',
      value: `${participants}${c.residents_allowed ? `${/[.!?]$/.test(participants) ? '' : ';'} uwagi mogli zgłaszać także mieszkańcy.` : ''}`,
    },
    ...(clean(c.where_to_submit) ? [{ label: 'Miejsce i sposób składania uwag:', value: clean(c.where_to_submit) }] : []),
  ];

  const total = facts.comments + facts.proposals;
  const figures = [
    { label: 'Liczba organizacji, które złożyły zgłoszenia:', value: String(facts.organizations) },
    ...(c.residents_allowed || facts.residents > 0
      ? [
          {
            label: 'Liczba osób prywatnych (mieszkańców), które złożyły zgłoszenia:',
            value: `${pseudonyms.size} (zgłoszenia: ${facts.residents})`,
          },
        ]
      : []),
    { label: 'Liczba uwag do zapisów projektu:', value: String(facts.comments) },
    { label: 'Liczba propozycji zadań priorytetowych:', value: String(facts.proposals) },
    ...(total > 0
      ? [
          {
            label: 'Sposób złożenia zgłoszeń:',
            value: `${(['online', 'paper', 'email'] as const).map((ch) => `${channelLabels[ch]} – ${facts.byChannel[ch]}`).join(', ')}.`,
          },
        ]
      : []),
  ];

  const summary = [
    ...(Object.keys(decisionLabels) as SubmissionDecision[]).map((d) => ({
      label: decisionLabels[d],
      count: facts.byDecision[d],
    })),
    ...(facts.byDecision.unanswered > 0 ? [{ label: unanswered, count: facts.byDecision.unanswered }] : []),
  ];

  const conclusion = clean(c.conclusion)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map(scrub);

  const dateOf = c.report_published_at ? new Date(c.report_published_at) : now;
  return {
    consultationId: c.id,
    programmeId: record.programmeId,
    draft: c.report_published_at === null,
    title: `Sprawozdanie z konsultacji projektu „${clean(record.programmeTitle)}”`,
    programmeTitle: clean(record.programmeTitle),
    notice,
    figures,
    nothingSubmitted:
      total === 0
        ? 'W wyznaczonym terminie nie wniesiono żadnych uwag ani propozycji do projektu. Projekt programu pozostaje bez zmian.'
        : null,
    entries,
    summary,
    conclusion,
    responsibleUnit: clean(c.responsible_unit),
    date: polishDay(warsawParts(dateOf).date),
    fileBase: `sprawozdanie-konsultacje-${c.id}-${c.ends_on}`,
  };
}

/** An overview cell: long texts are given in full in the list below the table. */
const short = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** A labelled text as paragraphs: the label on the first, one paragraph per line of the text. */
function labelled(label: string, text: string): DocumentBlock[] {
  const [first = '', ...rest] = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
  return [{ kind: 'paragraph', label, text: first }, ...rest.map((line): DocumentBlock => ({ kind: 'paragraph', text: line }))];
}

/** The report as one ordered list of blocks: what the page, the PDF and the DOCX all show. */
export function reportBlocks(model: ReportModel): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  if (model.draft) {
    blocks.push({ kind: 'paragraph', emphasis: true, text: 'PROJEKT – sprawozdanie nie zostało jeszcze opublikowane.' });
  }
  blocks.push({ kind: 'heading', level: 1, text: model.title });
  for (const fact of model.notice) blocks.push({ kind: 'paragraph', label: fact.label, text: fact.value });

  blocks.push({ kind: 'heading', level: 2, text: 'Udział w konsultacjach' });
  for (const figure of model.figures) blocks.push({ kind: 'paragraph', label: figure.label, text: figure.value });
  if (model.nothingSubmitted) blocks.push({ kind: 'paragraph', text: model.nothingSubmitted });

  if (model.entries.length) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'Zestawienie zgłoszonych uwag i propozycji' },
      {
        kind: 'table',
        caption: 'Zgłoszenia w kolejności wpływu i sposób ich rozpatrzenia',
        columns: [
          { header: 'Lp.', width: 0.7 },
          { header: 'Nr wpływu', width: 2.1 },
          { header: 'Zgłaszający', width: 2.4 },
          { header: 'Część dokumentu', width: 2.3 },
          { header: 'Rozstrzygnięcie', width: 2.3 },
        ],
        rows: model.entries.map((e) => [`${e.position}.`, e.receiptNumber, short(e.submitter), short(e.part), e.decision]),
      },
      { kind: 'heading', level: 2, text: 'Treść zgłoszeń i uzasadnienie rozstrzygnięć' },
    );
    for (const e of model.entries) {
      blocks.push(
        { kind: 'heading', level: 3, text: `${e.position}. Zgłoszenie nr ${e.receiptNumber}` },
        { kind: 'paragraph', label: 'Zgłaszający:', text: `${e.submitter} (${channelLabels[e.channel]})` },
        { kind: 'paragraph', label: 'Część dokumentu:', text: e.part },
        ...e.content.flatMap((line) => labelled(line.label, line.text)),
        { kind: 'paragraph', label: 'Rozstrzygnięcie:', text: e.decision },
        ...labelled('Uzasadnienie rozstrzygnięcia:', e.answer),
      );
    }
  }

  blocks.push(
    { kind: 'heading', level: 2, text: 'Podsumowanie rozstrzygnięć' },
    { kind: 'list', style: 'bullet', items: model.summary.map((s) => `${s.label}: ${s.count}`) },
    { kind: 'heading', level: 2, text: 'Wnioski' },
  );
  if (model.conclusion.length) for (const text of model.conclusion) blocks.push({ kind: 'paragraph', text });
  else blocks.push({ kind: 'paragraph', text: model.nothingSubmitted ? 'Projekt programu pozostaje bez zmian.' : 'Brak.' });

  blocks.push(
    { kind: 'paragraph', label: 'Sporządził:', text: model.responsibleUnit },
    { kind: 'paragraph', label: 'Data:', text: model.date },
  );
  return blocks;
}

export function reportDocument(model: ReportModel): DocumentSpec {
  return {
    title: `${model.draft ? 'Projekt: ' : ''}${model.title}`,
    subject: model.notice[0]?.value ?? model.title,
    ...(model.responsibleUnit ? { author: model.responsibleUnit } : {}),
    language: 'pl-PL',
    blocks: reportBlocks(model),
  };
}
