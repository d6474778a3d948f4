/**
 * Turns the minutes text of one agenda item (or the closing text) into document blocks, with the
 * meeting's structured outcomes rendered where the text places them — so an outcome is typed once,
 * in the outcomes list, and the protocol still reads like the seed.
 *
 * The text: paragraphs separated by a blank line; lines starting with "- " or "* " form a bulleted
 * list, lines starting with "1. " a numbered list. Outcome markers:
 * - a paragraph that is only `[[cele]]`, `[[zasady]]`, `[[formy-wspolpracy]]`, `[[formy-promocji]]`,
 *   `[[decyzje]]` or `[[zadania]]` becomes that block: the goals as "I. Cel Główny" / "II. Cele
 *   szczegółowe" with a numbered list, forms as a bulleted list, decisions as a numbered list;
 * - `{zasady}`, `{formy-wspolpracy}`, `{formy-promocji}`, `{decyzje}` or `{zadania}` inside a sentence
 *   becomes the items joined as Polish prose ("pomocniczości, …, uczciwej konkurencji i jawności
 *   oraz solidarności"; a task reads "its text do 31 lipca 2018 r.").
 * Outcomes of an agenda item that its text does not place are added after the text with a short
 * lead-in ("Formy promocji:"), so nothing decided is ever left out of the protocol.
 */
import type { Selectable } from 'kysely';
import type { DocumentBlock } from '../../platform/documents/blocks.js';
import type { MeetingOutcomesTable, OutcomeKind } from '../../platform/db/schema.js';
import { formatDate } from '../../platform/i18n/format.js';

type Outcome = Pick<
  Selectable<MeetingOutcomesTable>,
  'id' | 'kind' | 'position' | 'text' | 'agenda_item_id' | 'owner' | 'due_on'
>;

/** Marker names (Polish, typed by officials) and the outcome kinds they stand for. */
export const outcomeMarkers = {
  cele: ['main-goal', 'specific-goal'],
  zasady: ['principle'],
  'formy-wspolpracy': ['cooperation-form'],
  'formy-promocji': ['promotion-form'],
  decyzje: ['decision'],
  zadania: ['task'],
} as const satisfies Record<string, readonly OutcomeKind[]>;
type OutcomeMarker = keyof typeof outcomeMarkers;
const isOutcomeMarker = (name: string): name is OutcomeMarker => Object.hasOwn(outcomeMarkers, name);

/**
 * The outcomes one text may place; each is placed once (`take` removes what it returns). An agenda
 * item's pool holds its own outcomes and falls back on the pool of outcomes tied to no item.
 */
export class OutcomePool {
  private readonly left: Outcome[];
  constructor(
    outcomes: Outcome[],
    private readonly fallback: OutcomePool | null = null,
  ) {
    this.left = [...outcomes].sort((a, b) => a.position - b.position || a.id - b.id);
  }
  /** This pool's outcomes of the kinds, then the fallback's. */
  take(kinds: readonly OutcomeKind[]): Outcome[] {
    return [...this.takeOwn(kinds), ...(this.fallback?.take(kinds) ?? [])];
  }
  takeOwn(kinds: readonly OutcomeKind[]): Outcome[] {
    const taken = this.left.filter((o) => kinds.includes(o.kind));
    for (const o of taken) this.left.splice(this.left.indexOf(o), 1);
    return taken;
  }
}

const dueDate = (due: string) => `${formatDate(`${due}T12:00:00Z`, 'pl')} r.`;
const taskText = (o: Outcome) => (o.due_on ? `${o.text} do ${dueDate(o.due_on)}` : o.text);

/** "a", "a oraz b", "a, b oraz c"; the statute's "uczciwej konkurencji" and "jawności" read as one principle. */
export function polishList(items: string[]): string {
  const merged: string[] = [];
  for (const item of items) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && /uczciwej konkurencji$/i.test(previous) && /^jawności$/i.test(item)) {
      merged[merged.length - 1] = `${previous} i ${item}`;
    } else merged.push(item);
  }
  if (merged.length <= 1) return merged.join('');
  return `${merged.slice(0, -1).join(', ')} oraz ${merged[merged.length - 1]}`;
}

function inline(name: OutcomeMarker, pool: OutcomePool): string {
  const outcomes = pool.take(outcomeMarkers[name]);
  return polishList(outcomes.map((o) => (o.kind === 'task' ? taskText(o) : o.text)));
}

/** The blocks of one kind of outcome; `lead` adds the short introduction used when the text gave none. */
function outcomeBlocks(name: OutcomeMarker, outcomes: Outcome[], lead: boolean): DocumentBlock[] {
  if (outcomes.length === 0) return [];
  const texts = (kind: OutcomeKind) => outcomes.filter((o) => o.kind === kind).map((o) => o.text);
  switch (name) {
    case 'cele': {
      const main = texts('main-goal');
      const specific = texts('specific-goal');
      const both = main.length > 0 && specific.length > 0;
      return [
        ...(main.length
          ? [
              { kind: 'heading', level: 3, text: both ? 'I. Cel Główny' : 'Cel Główny' } as const,
              ...main.map((text) => ({ kind: 'paragraph', text }) as const),
            ]
          : []),
        ...(specific.length
          ? [
              { kind: 'heading', level: 3, text: both ? 'II. Cele szczegółowe' : 'Cele szczegółowe' } as const,
              { kind: 'list', style: 'decimal', items: specific } as const,
            ]
          : []),
      ];
    }
    case 'zasady':
      return [{ kind: 'paragraph', label: 'Zasady współpracy:', text: `${polishList(texts('principle'))}.` }];
    case 'formy-wspolpracy':
      return [
        ...(lead ? [{ kind: 'paragraph', text: 'Formy współpracy:' } as const] : []),
        { kind: 'list', style: 'bullet', items: texts('cooperation-form') },
      ];
    case 'formy-promocji':
      return [
        ...(lead ? [{ kind: 'paragraph', text: 'Formy promocji:' } as const] : []),
        { kind: 'list', style: 'bullet', items: texts('promotion-form') },
      ];
    case 'decyzje':
      return [
        ...(lead ? [{ kind: 'paragraph', text: 'Ustalenia:' } as const] : []),
        { kind: 'list', style: 'decimal', items: texts('decision') },
      ];
    case 'zadania':
      return [
        ...(lead ? [{ kind: 'paragraph', text: 'Zadania:' } as const] : []),
        {
          kind: 'list',
          style: 'bullet',
          items: outcomes.map((o) =>
            [o.text, o.owner ? `(${o.owner})` : '', o.due_on ? `– termin: ${dueDate(o.due_on)}` : ''].filter(Boolean).join(' '),
          ),
        },
      ];
  }
}

/** Paragraphs and lists of plain minutes text, with outcome markers filled from the pool. */
export function textBlocks(text: string, pool: OutcomePool | null): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  const chunks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean);
  for (const chunk of chunks) {
    const marker = /^\[\[([a-z-]+)\]\]$/.exec(chunk);
    if (marker && pool && isOutcomeMarker(marker[1]!)) {
      const name = marker[1] as OutcomeMarker;
      blocks.push(...outcomeBlocks(name, pool.take(outcomeMarkers[name]), false));
      continue;
    }
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', text: fill(paragraph.join(' '), pool) });
      paragraph = [];
    };
    for (const line of chunk.split('\n').map((l) => l.trim())) {
      const bullet = /^[-*•]\s+(.*)$/.exec(line);
      const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
      const item = bullet ?? numbered;
      if (item) {
        flush();
        const style = bullet ? 'bullet' : 'decimal';
        const last = blocks[blocks.length - 1];
        if (last?.kind === 'list' && last.style === style) last.items.push(fill(item[1]!, pool));
        else blocks.push({ kind: 'list', style, items: [fill(item[1]!, pool)] });
      } else if (line) paragraph.push(line);
    }
    flush();
  }
  return blocks;
}

function fill(text: string, pool: OutcomePool | null): string {
  if (!pool) return text;
  // "… do 31 lipca 2018 r.{zadania}." must not end in two full stops.
  return text.replace(/\{([a-z-]+)\}(\.?)/g, (whole, name: string, stop: string) => {
    if (!isOutcomeMarker(name)) return whole;
    const filled = inline(name, pool);
    return filled.endsWith('.') ? filled : `${filled}${stop}`;
  });
}

/** What the text did not place of the pool's own outcomes, after it, in a fixed order of kinds. */
export function leftoverBlocks(pool: OutcomePool): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  for (const name of Object.keys(outcomeMarkers) as OutcomeMarker[]) {
    blocks.push(...outcomeBlocks(name, pool.takeOwn(outcomeMarkers[name]), true));
  }
  return blocks;
}
