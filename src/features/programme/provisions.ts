/**
 * The programme as an outline of provisions (zapisy): every paragraph, list point and task a
 * consultation comment can point at, with a stable key, the label a citizen reads ("Rozdział 1, cel
 * szczegółowy 3") and its current wording. Chapter numbers follow the statutory order (rozdział 1 =
 * goals … rozdział 11 = committees); the resolution's own paragraphs are "Uchwała, § n".
 *
 * Labels are Polish on purpose: they are copied into submissions and the consultation report, which
 * are official records written in Polish (as the protocol's body is).
 */
import {
  formatPln,
  statutoryElements,
  type ElementKey,
  type ListItem,
  type PriorityTask,
  type ProgrammeSections,
} from './programme-sections.js';

export interface Provision {
  /** Stable within a version, e.g. `goals.main`, `goals.specific.2`, `tasks.0`, `scope`, `resolution.paragraphs.1`. */
  key: string;
  /** The statutory element (or the resolution) it belongs to. */
  element: ElementKey | 'resolution';
  label: string;
  wording: string;
}

const chapter = (element: ElementKey) => `Rozdział ${statutoryElements.indexOf(element) + 1}`;

const modeWords: Record<PriorityTask['mode'], string> = {
  konkurs: 'otwarty konkurs ofert',
  '19a': 'tryb pozakonkursowy (art. 19a)',
  other: 'inny tryb',
};

/** A priority task as one line of text (what a comment on it quotes). */
export function taskWording(task: PriorityTask): string {
  return [
    task.task,
    task.unit ? `komórka odpowiedzialna: ${task.unit}` : '',
    `tryb: ${modeWords[task.mode]}`,
    task.amount !== null ? `planowana kwota: ${formatPln(task.amount)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

function listProvisions(element: ElementKey, list: string, items: ListItem[], noun: string): Provision[] {
  return items.map((item, i) => ({
    key: `${list}.${i}`,
    element,
    label: `${chapter(element)}, ${noun} ${i + 1}`,
    wording: item.text,
  }));
}

function textProvision(element: ElementKey, text: string): Provision[] {
  return text.trim() ? [{ key: element, element, label: chapter(element), wording: text }] : [];
}

/** Every provision of a version in reading order; empty parts have none. */
export function provisionsOf(s: ProgrammeSections): Provision[] {
  const out: Provision[] = [];
  if (s.goals.main.trim())
    out.push({ key: 'goals.main', element: 'goals', label: `${chapter('goals')}, cel główny`, wording: s.goals.main });
  out.push(...listProvisions('goals', 'goals.specific', s.goals.specific, 'cel szczegółowy'));
  for (const name of s.principles.statutory)
    out.push({
      key: `principles.statutory.${name}`,
      element: 'principles',
      label: `${chapter('principles')}, zasada ${name}`,
      wording: `zasada ${name}`,
    });
  out.push(...listProvisions('principles', 'principles.local', s.principles.local, 'zasada lokalna'));
  out.push(...textProvision('scope', s.scope.text));
  out.push(...listProvisions('forms', 'forms.financial', s.forms.financial, 'forma finansowa'));
  out.push(...listProvisions('forms', 'forms.nonFinancial', s.forms.nonFinancial, 'forma pozafinansowa'));
  s.tasks.rows.forEach((task, i) =>
    out.push({
      key: `tasks.${i}`,
      element: 'tasks',
      label: `${chapter('tasks')}, zadanie ${i + 1}`,
      wording: taskWording(task),
    }),
  );
  out.push(...textProvision('period', s.period.text));
  out.push(...textProvision('implementation', s.implementation.text));
  if (s.funds.override.trim()) out.push({ key: 'funds', element: 'funds', label: chapter('funds'), wording: s.funds.override });
  out.push(...textProvision('evaluation', s.evaluation.text));
  out.push(...listProvisions('evaluation', 'evaluation.indicators', s.evaluation.indicators, 'wskaźnik'));
  out.push(...textProvision('creation', s.creation.text));
  out.push(...textProvision('committees', s.committees.text));
  if (s.resolution.legalBasis.trim())
    out.push({
      key: 'resolution.legalBasis',
      element: 'resolution',
      label: 'Uchwała, podstawa prawna',
      wording: s.resolution.legalBasis,
    });
  s.resolution.paragraphs.forEach((p, i) =>
    out.push({
      key: `resolution.paragraphs.${i}`,
      element: 'resolution',
      label: `Uchwała, § ${i + 1}`,
      wording: p.text,
    }),
  );
  if (s.resolution.entryIntoForce.trim())
    out.push({
      key: 'resolution.entryIntoForce',
      element: 'resolution',
      label: 'Uchwała, wejście w życie',
      wording: s.resolution.entryIntoForce,
    });
  return out;
}

/** The provision with `key`, or undefined when the version has none. */
export function findProvision(s: ProgrammeSections, key: string): Provision | undefined {
  return provisionsOf(s).find((p) => p.key === key);
}

/**
 * The provision of `sections` whose wording contains the text a reader selected (whitespace-folded),
 * so "select text in the draft → comment" lands on the right provision. The first match in reading
 * order wins; undefined when the selection spans provisions or matches none.
 */
export function provisionContaining(s: ProgrammeSections, selected: string): Provision | undefined {
  const fold = (t: string) => t.replace(/\s+/g, ' ').trim().toLocaleLowerCase('pl');
  const needle = fold(selected);
  if (needle.length < 3) return undefined;
  return provisionsOf(s).find((p) => fold(p.wording).includes(needle));
}

/**
 * The sections with one provision's wording replaced (applying an accepted comment to the next
 * version), or undefined when the key names no replaceable text in these sections. Statutory
 * principles and tasks are structured, so they are edited in the section editor instead.
 */
export function replaceWording(s: ProgrammeSections, key: string, wording: string): ProgrammeSections | undefined {
  const next: ProgrammeSections = structuredClone(s);
  const setItem = (items: ListItem[], index: string | undefined): boolean => {
    const i = Number(index);
    if (!Number.isInteger(i) || !items[i]) return false;
    items[i] = { ...items[i], text: wording };
    return true;
  };
  const [head, sub, index] = key.split('.');
  switch (head) {
    case 'goals':
      if (sub === 'main' && index === undefined) {
        next.goals.main = wording;
        return next;
      }
      return sub === 'specific' && setItem(next.goals.specific, index) ? next : undefined;
    case 'principles':
      return sub === 'local' && setItem(next.principles.local, index) ? next : undefined;
    case 'forms':
      if (sub === 'financial') return setItem(next.forms.financial, index) ? next : undefined;
      return sub === 'nonFinancial' && setItem(next.forms.nonFinancial, index) ? next : undefined;
    case 'evaluation':
      if (sub === undefined) {
        next.evaluation.text = wording;
        return next;
      }
      return sub === 'indicators' && setItem(next.evaluation.indicators, index) ? next : undefined;
    case 'scope':
    case 'period':
    case 'implementation':
    case 'creation':
    case 'committees':
      if (sub !== undefined) return undefined;
      next[head].text = wording;
      return next;
    case 'funds':
      if (sub !== undefined) return undefined;
      next.funds.override = wording;
      return next;
    case 'resolution':
      if (sub === 'legalBasis' && index === undefined) next.resolution.legalBasis = wording;
      else if (sub === 'entryIntoForce' && index === undefined) next.resolution.entryIntoForce = wording;
      else if (!(sub === 'paragraphs' && setItem(next.resolution.paragraphs, index))) return undefined;
      return next;
    default:
      return undefined;
  }
}
