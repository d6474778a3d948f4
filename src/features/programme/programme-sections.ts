/**
 * The programme's content: the eleven statutory elements of art. 5a ust. 4 (in statutory order) and
 * the resolution around them, as one JSON document per version. `parseSections` reads a stored
 * document defensively (anything missing becomes empty), `missingElements` names the empty ones.
 */
import { statutoryPrinciples } from '../meeting-minutes/index.js';

/** Where an item came from: a structured outcome of a working meeting. */
export interface OutcomeLink {
  meetingId: number;
  outcomeId: number;
}

export interface ListItem {
  text: string;
  source?: OutcomeLink;
}

export type TaskMode = 'konkurs' | '19a' | 'other';
export const taskModes: TaskMode[] = ['konkurs', '19a', 'other'];

export interface PriorityTask {
  sphere: string;
  task: string;
  unit: string;
  mode: TaskMode;
  /** Planned amount in grosze, or null when not given. */
  amount: number | null;
}

export interface ProgrammeSections {
  goals: { main: string; mainSource?: OutcomeLink; specific: ListItem[] };
  principles: { statutory: string[]; local: ListItem[] };
  scope: { text: string };
  forms: { financial: ListItem[]; nonFinancial: ListItem[] };
  tasks: { rows: PriorityTask[] };
  period: { text: string };
  implementation: { text: string };
  funds: { override: string };
  evaluation: { text: string; indicators: ListItem[] };
  creation: { text: string };
  committees: { text: string };
  resolution: { legalBasis: string; paragraphs: ListItem[]; entryIntoForce: string };
}

/** Section keys in statutory order (the eleven elements), then the resolution; URL slugs beside them. */
export const statutoryElements = [
  'goals',
  'principles',
  'scope',
  'forms',
  'tasks',
  'period',
  'implementation',
  'funds',
  'evaluation',
  'creation',
  'committees',
] as const;
export type ElementKey = (typeof statutoryElements)[number];
export type SectionKey = ElementKey | 'resolution';
export const sectionKeys: SectionKey[] = [...statutoryElements, 'resolution'];

export const sectionSlugs: Record<SectionKey, string> = {
  goals: 'cele',
  principles: 'zasady',
  scope: 'zakres',
  forms: 'formy',
  tasks: 'zadania',
  period: 'okres',
  implementation: 'realizacja',
  funds: 'srodki',
  evaluation: 'ocena',
  creation: 'tworzenie',
  committees: 'komisje',
  resolution: 'uchwala',
};

export function sectionBySlug(slug: string): SectionKey | undefined {
  return sectionKeys.find((k) => sectionSlugs[k] === slug);
}

export function emptySections(): ProgrammeSections {
  return {
    goals: { main: '', specific: [] },
    principles: { statutory: [...statutoryPrinciples], local: [] },
    scope: { text: '' },
    forms: { financial: [], nonFinancial: [] },
    tasks: { rows: [] },
    period: { text: '' },
    implementation: { text: '' },
    funds: { override: '' },
    evaluation: { text: '', indicators: [] },
    creation: { text: '' },
    committees: { text: '' },
    resolution: { legalBasis: '', paragraphs: [], entryIntoForce: '' },
  };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function link(v: unknown): OutcomeLink | undefined {
  const o = obj(v);
  return Number.isInteger(o.meetingId) && Number.isInteger(o.outcomeId)
    ? { meetingId: o.meetingId as number, outcomeId: o.outcomeId as number }
    : undefined;
}

function items(v: unknown): ListItem[] {
  return arr(v)
    .map((i) => {
      const o = obj(i);
      const source = link(o.source);
      return source ? { text: str(o.text), source } : { text: str(o.text) };
    })
    .filter((i) => i.text !== '');
}

function tasks(v: unknown): PriorityTask[] {
  return arr(v).map((i) => {
    const o = obj(i);
    const mode = taskModes.includes(o.mode as TaskMode) ? (o.mode as TaskMode) : 'other';
    const amount = Number.isSafeInteger(o.amount) && (o.amount as number) >= 0 ? (o.amount as number) : null;
    return { sphere: str(o.sphere), task: str(o.task), unit: str(o.unit), mode, amount };
  });
}

/** A stored document as sections; unknown or malformed parts become empty, never an error. */
export function parseSections(json: string): ProgrammeSections {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const s = obj(raw);
  const goals = obj(s.goals);
  const principles = obj(s.principles);
  const forms = obj(s.forms);
  const evaluation = obj(s.evaluation);
  const resolution = obj(s.resolution);
  const mainSource = link(goals.mainSource);
  return {
    goals: { main: str(goals.main), ...(mainSource ? { mainSource } : {}), specific: items(goals.specific) },
    principles: {
      statutory: arr(principles.statutory).filter((p): p is string => typeof p === 'string'),
      local: items(principles.local),
    },
    scope: { text: str(obj(s.scope).text) },
    forms: { financial: items(forms.financial), nonFinancial: items(forms.nonFinancial) },
    tasks: { rows: tasks(obj(s.tasks).rows) },
    period: { text: str(obj(s.period).text) },
    implementation: { text: str(obj(s.implementation).text) },
    funds: { override: str(obj(s.funds).override) },
    evaluation: { text: str(evaluation.text), indicators: items(evaluation.indicators) },
    creation: { text: str(obj(s.creation).text) },
    committees: { text: str(obj(s.committees).text) },
    resolution: {
      legalBasis: str(resolution.legalBasis),
      paragraphs: items(resolution.paragraphs),
      entryIntoForce: str(resolution.entryIntoForce),
    },
  };
}

/** The planned funds computed from the priority tasks' amounts (grosze), or null when none is given. */
export function plannedFunds(sections: ProgrammeSections): number | null {
  const amounts = sections.tasks.rows.map((r) => r.amount).filter((a): a is number => a !== null);
  return amounts.length ? amounts.reduce((a, b) => a + b, 0) : null;
}

/** The statutory elements that are empty, in statutory order (marking a version ready is refused while any is). */
export function missingElements(s: ProgrammeSections): ElementKey[] {
  const empty: Record<ElementKey, boolean> = {
    goals: s.goals.main.trim() === '' && s.goals.specific.length === 0,
    principles: s.principles.statutory.length === 0 && s.principles.local.length === 0,
    scope: s.scope.text.trim() === '',
    forms: s.forms.financial.length === 0 && s.forms.nonFinancial.length === 0,
    tasks: s.tasks.rows.length === 0,
    period: s.period.text.trim() === '',
    implementation: s.implementation.text.trim() === '',
    funds: plannedFunds(s) === null && s.funds.override.trim() === '',
    evaluation: s.evaluation.text.trim() === '' && s.evaluation.indicators.length === 0,
    creation: s.creation.text.trim() === '',
    committees: s.committees.text.trim() === '',
  };
  return statutoryElements.filter((k) => empty[k]);
}

/** Grosze as Polish złote, e.g. 1250000 → "12 500,00 zł". */
export function formatPln(grosze: number): string {
  const zl = Math.floor(grosze / 100);
  const gr = String(grosze % 100).padStart(2, '0');
  return `${String(zl).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${gr}\u00a0zł`;
}

/** A typed amount ("12 500", "12500,5", "12500.50") as grosze, or null when it is not one. */
export function parseAmount(typed: string): number | null {
  const compact = typed.replace(/[\s\u00a0]/g, '').replace(/zł$/i, '');
  const m = /^(\d{1,12})(?:[,.](\d{1,2}))?$/.exec(compact);
  if (!m) return null;
  const grosze = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return Number.isSafeInteger(grosze) ? grosze : null;
}
