/**
 * The programme as the council's resolution with the programme as its annex — one model rendered as
 * the HTML headings, the tagged PDF and the DOCX (`src/platform/documents/`):
 *
 *   [PROJEKT] Uchwała nr … Rady Miejskiej … z dnia … w sprawie przyjęcia …
 *   Na podstawie … uchwala się, co następuje:  § 1. …  § n. (entry into force)
 *   Załącznik do uchwały nr … — the programme's title, Rozdział 1. … Rozdział 11.
 *
 * The resolution is a Polish official record: its text is Polish whatever the page's language
 * (the builder is given the Polish translator).
 */
import type { DocumentBlock, DocumentSpec } from '../../platform/documents/blocks.js';
import type { ProgrammeVersionStatus } from '../../platform/db/schema.js';
import { formatDate } from '../../platform/i18n/format.js';
import type { Translate } from '../../platform/i18n/i18n.js';
import {
  formatPln,
  plannedFunds,
  statutoryElements,
  type ElementKey,
  type ListItem,
  type ProgrammeSections,
} from './programme-sections.js';

export interface ResolutionModel {
  programmeId: number;
  title: string;
  /** The council in the genitive, from the settings ("Rady Miejskiej Leszna"). */
  council: string;
  /** Who issues the document (the office, from the settings). */
  office: string;
  versionNumber: number;
  status: ProgrammeVersionStatus;
  resolutionNumber: string | null;
  /** YYYY-MM-DD */
  resolutionDate: string | null;
  sections: ProgrammeSections;
  /** Sphere codes as "16 — kultura, sztuka…" (Polish). */
  sphereLabels: Record<string, string>;
}

/**
 * "Roczny program współpracy …" → "Rocznego programu współpracy …" (the title's own capitals kept:
 * "Roczny Program" → "Rocznego Programu"); any other title is quoted.
 */
export function titleInGenitive(title: string): string {
  const genitive: Record<string, string> = { roczny: 'rocznego', wieloletni: 'wieloletniego', program: 'programu' };
  const inCase = (typed: string) => {
    const word = genitive[typed.toLowerCase()]!;
    return typed[0] === typed[0]!.toUpperCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
  };
  const m = /^(?:(roczny|wieloletni)\s+)?(program)\b/i.exec(title);
  if (!m) return `programu „${title}”`;
  return [m[1] ? inCase(m[1]) : '', inCase(m[2]!)].filter(Boolean).join(' ') + title.slice(m[0].length);
}

const dateText = (isoDate: string | null) => (isoDate ? `${formatDate(`${isoDate}T12:00:00Z`, 'pl')} r.` : '…');
const numberText = (n: string | null) => n?.trim() || '…/…/…';

/** "Uchwała nr XLII/512/2018 Rady Miejskiej Leszna z dnia 25 października 2018 r. w sprawie przyjęcia Rocznego programu …" */
export function resolutionTitle(m: ResolutionModel): string {
  return (
    `Uchwała nr ${numberText(m.resolutionNumber)} ${m.council} z dnia ${dateText(m.resolutionDate)} ` +
    `w sprawie przyjęcia ${titleInGenitive(m.title)}`
  );
}

export function annexTitle(m: ResolutionModel): string {
  return `Załącznik do uchwały nr ${numberText(m.resolutionNumber)} ${m.council} z dnia ${dateText(m.resolutionDate)}`;
}

/**
 * The opening formula: "Na podstawie … uchwala się, co następuje:". A typed "Na podstawie" is not
 * doubled, and a basis that already ends with its own formula ("… Rada Miejska Leszna uchwala, co
 * następuje:") is kept as typed.
 */
export function legalBasisSentence(legalBasis: string): string {
  const typed = legalBasis.trim().replace(/\s+/g, ' ');
  const basis = typed.replace(/^na podstawie\s+/i, '');
  if (/co następuje:?$/i.test(basis)) return `Na podstawie ${basis.replace(/:?$/, ':')}`;
  return `Na podstawie ${basis.replace(/[\s,.;:]+$/, '') || '…'} uchwala się, co następuje:`;
}

/** The resolution's paragraphs: its own, then entry into force as the last. */
export function resolutionParagraphs(s: ProgrammeSections): Array<{ label: string; text: string }> {
  const texts = [...s.resolution.paragraphs.map((p) => p.text), s.resolution.entryIntoForce.trim()].filter((p) => p !== '');
  return texts.map((text, i) => ({ label: `§ ${i + 1}.`, text }));
}

/** Until the council adopts it, every version is a draft resolution (projekt): marked PROJEKT in its heading. */
export const isDraftStatus = (status: ProgrammeVersionStatus) => status !== 'adopted' && status !== 'published';

const paragraphs = (text: string): DocumentBlock[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => ({ kind: 'paragraph' as const, text: p.replace(/\s*\n\s*/g, ' ') }));

const list = (items: ListItem[] | string[]): DocumentBlock[] =>
  items.length ? [{ kind: 'list', style: 'decimal', items: items.map((i) => (typeof i === 'string' ? i : i.text)) }] : [];

const label = (text: string): DocumentBlock => ({ kind: 'paragraph', text, emphasis: true });

/** One chapter's content, in the same order as the reading page. */
export function elementBlocks(key: ElementKey, m: ResolutionModel, t: Translate): DocumentBlock[] {
  const s = m.sections;
  switch (key) {
    case 'goals':
      return [
        label(t('programme.page.mainGoal')),
        ...paragraphs(s.goals.main),
        ...(s.goals.specific.length ? [label(t('programme.page.specificGoals')), ...list(s.goals.specific)] : []),
      ];
    case 'principles':
      return [
        { kind: 'paragraph', text: t('programme.page.statutoryPrinciples') },
        ...list(
          [...s.principles.statutory, ...s.principles.local.map((i) => i.text)].map((name) =>
            t('programme.page.principle', { name }),
          ),
        ),
      ];
    case 'forms':
      return [
        ...(s.forms.financial.length ? [label(t('programme.page.financialForms')), ...list(s.forms.financial)] : []),
        ...(s.forms.nonFinancial.length ? [label(t('programme.page.nonFinancialForms')), ...list(s.forms.nonFinancial)] : []),
      ];
    case 'tasks':
      return s.tasks.rows.length
        ? [
            {
              kind: 'table',
              caption: t('programme.page.tasksCaption'),
              // Four columns fit A4 portrait without breaking words; the mode goes with the task.
              columns: [
                { header: t('programme.page.sphere'), width: 5 },
                { header: t('programme.page.taskAndMode'), width: 8 },
                { header: t('programme.page.unit'), width: 4.6 },
                { header: t('programme.page.amount'), width: 3.6 },
              ],
              rows: s.tasks.rows.map((r) => [
                m.sphereLabels[r.sphere] ?? r.sphere,
                `${r.task} (${t(`programme.modes.${r.mode}`)})`,
                r.unit,
                r.amount === null ? '' : formatPln(r.amount),
              ]),
            },
          ]
        : [];
    case 'funds': {
      const computed = plannedFunds(s);
      return [
        ...(computed !== null
          ? [{ kind: 'paragraph' as const, text: t('programme.page.computedFunds', { amount: formatPln(computed) }) }]
          : []),
        ...paragraphs(s.funds.override),
      ];
    }
    case 'evaluation':
      return [
        ...paragraphs(s.evaluation.text),
        ...(s.evaluation.indicators.length ? [label(t('programme.page.indicators')), ...list(s.evaluation.indicators)] : []),
      ];
    default:
      return paragraphs(s[key].text);
  }
}

/** The whole resolution with its annex as document blocks. */
export function resolutionBlocks(m: ResolutionModel, t: Translate): DocumentBlock[] {
  const draft = isDraftStatus(m.status);
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: `${draft ? 'PROJEKT — ' : ''}${resolutionTitle(m)}` },
    { kind: 'paragraph', text: legalBasisSentence(m.sections.resolution.legalBasis) },
    ...resolutionParagraphs(m.sections).map((p) => ({ kind: 'paragraph' as const, label: p.label, text: p.text })),
    { kind: 'heading', level: 2, text: annexTitle(m) },
    { kind: 'paragraph', text: m.title, emphasis: true },
  ];
  statutoryElements.forEach((key, i) => {
    blocks.push({ kind: 'heading', level: 3, text: `Rozdział ${i + 1}. ${t(`programme.elements.${key}`)}` });
    const body = elementBlocks(key, m, t);
    blocks.push(...(body.length ? body : [{ kind: 'paragraph' as const, text: t('programme.page.emptyElement') }]));
  });
  return blocks;
}

export function resolutionDocument(m: ResolutionModel, t: Translate): DocumentSpec {
  return {
    title: `${isDraftStatus(m.status) ? 'Projekt: ' : ''}${resolutionTitle(m)}`,
    subject: m.title,
    author: m.office,
    language: 'pl-PL',
    blocks: resolutionBlocks(m, t),
  };
}

/** The downloads' base name: "uchwala-program-wspolpracy-12-wersja-3". */
export function resolutionFileBase(m: ResolutionModel): string {
  return `${isDraftStatus(m.status) ? 'projekt-' : ''}uchwala-program-wspolpracy-${m.programmeId}-wersja-${m.versionNumber}`;
}
