/**
 * The comparison of two versions of a programme, section by section in statutory order (then the
 * resolution): for each element either nothing changed, or its changes — texts as a word-level diff,
 * list items added / removed / changed, priority tasks added / removed / changed (matched by the
 * task's name). The line diff of the minutes (meeting-minutes) runs over words here.
 */
import { lineDiff } from '../meeting-minutes/index.js';
import {
  formatPln,
  plannedFunds,
  sectionKeys,
  type ListItem,
  type PriorityTask,
  type ProgrammeSections,
  type SectionKey,
} from './programme-sections.js';

/** A run of words kept, removed or added. */
export type WordRun = { kind: 'same' | 'removed' | 'added'; text: string };

export type ItemChange =
  | { change: 'same'; text: string }
  | { change: 'added'; text: string }
  | { change: 'removed'; text: string }
  | { change: 'changed'; words: WordRun[] };

export type TaskChange =
  | { change: 'same' | 'added' | 'removed'; task: PriorityTask }
  | { change: 'changed'; before: PriorityTask; after: PriorityTask; fields: Array<keyof PriorityTask> };

/** One changed part of a section; `label` is an i18n key naming it (e.g. the specific goals). */
export type ChangePart =
  | { kind: 'text'; label: string | null; words: WordRun[] }
  | { kind: 'list'; label: string | null; items: ItemChange[] }
  | { kind: 'tasks'; rows: TaskChange[] };

export interface SectionComparison {
  key: SectionKey;
  /** Empty when the section is the same in both versions ("bez zmian"). */
  parts: ChangePart[];
}

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/** A word-level diff of two texts (white space normalised), as runs of kept, removed and added words. */
export function wordDiff(before: string, after: string): WordRun[] {
  const runs: WordRun[] = [];
  for (const line of lineDiff(words(before).join('\n'), words(after).join('\n'))) {
    if (line.text === '') continue;
    const last = runs[runs.length - 1];
    if (last && last.kind === line.kind) last.text += ` ${line.text}`;
    else runs.push({ kind: line.kind, text: line.text });
  }
  return runs;
}

const sameWords = (a: string, b: string) => words(a).join(' ') === words(b).join(' ');

function textPart(label: string | null, before: string, after: string, whole = false): ChangePart[] {
  if (sameWords(before, after)) return [];
  // An amount is replaced as a whole ("10 000,00 zł" → "12 000,00 zł"), not word by word.
  const runs: WordRun[] = whole
    ? [
        ...(before ? [{ kind: 'removed' as const, text: before }] : []),
        ...(after ? [{ kind: 'added' as const, text: after }] : []),
      ]
    : wordDiff(before, after);
  return [{ kind: 'text', label, words: runs }];
}

/** List items in order: the kept ones, removed and added ones; a removed item followed by an added one is "changed". */
export function listChanges(before: string[], after: string[]): ItemChange[] {
  const flat = (items: string[]) => items.map((i) => words(i).join(' ')).join('\n');
  const lines = before.length === 0 && after.length === 0 ? [] : lineDiff(flat(before), flat(after));
  const out: ItemChange[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'same') {
      if (line.text !== '') out.push({ change: 'same', text: line.text });
      continue;
    }
    // A run of removed lines followed by a run of added lines: pair them up as changed items.
    const removed: string[] = [];
    const added: string[] = [];
    while (i < lines.length && lines[i]!.kind === 'removed') removed.push(lines[i++]!.text);
    while (i < lines.length && lines[i]!.kind === 'added') added.push(lines[i++]!.text);
    i--;
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < pairs; k++) out.push({ change: 'changed', words: wordDiff(removed[k]!, added[k]!) });
    for (const text of removed.slice(pairs)) if (text !== '') out.push({ change: 'removed', text });
    for (const text of added.slice(pairs)) if (text !== '') out.push({ change: 'added', text });
  }
  return out;
}

function listPart(label: string | null, before: ListItem[] | string[], after: ListItem[] | string[]): ChangePart[] {
  const texts = (items: ListItem[] | string[]) => items.map((i) => (typeof i === 'string' ? i : i.text));
  const items = listChanges(texts(before), texts(after));
  return items.every((i) => i.change === 'same') ? [] : [{ kind: 'list', label, items }];
}

const taskFields: Array<keyof PriorityTask> = ['sphere', 'task', 'unit', 'mode', 'amount'];
const taskKey = (t: PriorityTask) => words(t.task).join(' ').toLowerCase();

/** Priority tasks matched by name: kept, changed (naming the fields), removed (where they stood) and added. */
export function taskChanges(before: PriorityTask[], after: PriorityTask[]): TaskChange[] {
  const out: TaskChange[] = [];
  const afterKeys = new Set(after.map(taskKey));
  const beforeByKey = new Map(before.map((t) => [taskKey(t), t]));
  for (const t of before) if (!afterKeys.has(taskKey(t))) out.push({ change: 'removed', task: t });
  for (const t of after) {
    const old = beforeByKey.get(taskKey(t));
    if (!old) {
      out.push({ change: 'added', task: t });
      continue;
    }
    const fields = taskFields.filter((f) => (f === 'task' ? !sameWords(old.task, t.task) : old[f] !== t[f]));
    out.push(fields.length ? { change: 'changed', before: old, after: t, fields } : { change: 'same', task: t });
  }
  return out;
}

function sectionParts(key: SectionKey, a: ProgrammeSections, b: ProgrammeSections): ChangePart[] {
  switch (key) {
    case 'goals':
      return [
        ...textPart('programme.page.mainGoal', a.goals.main, b.goals.main),
        ...listPart('programme.page.specificGoals', a.goals.specific, b.goals.specific),
      ];
    case 'principles':
      return [
        ...listPart('programme.edit.statutory', a.principles.statutory, b.principles.statutory),
        ...listPart('programme.edit.local', a.principles.local, b.principles.local),
      ];
    case 'forms':
      return [
        ...listPart('programme.page.financialForms', a.forms.financial, b.forms.financial),
        ...listPart('programme.page.nonFinancialForms', a.forms.nonFinancial, b.forms.nonFinancial),
      ];
    case 'tasks': {
      const rows = taskChanges(a.tasks.rows, b.tasks.rows);
      return rows.every((r) => r.change === 'same') ? [] : [{ kind: 'tasks', rows }];
    }
    case 'funds': {
      const sum = (s: ProgrammeSections) => {
        const computed = plannedFunds(s);
        return computed === null ? '' : formatPln(computed);
      };
      return [
        ...textPart('programme.compare.computedFunds', sum(a), sum(b), true),
        ...textPart('programme.edit.override', a.funds.override, b.funds.override),
      ];
    }
    case 'evaluation':
      return [
        ...textPart(null, a.evaluation.text, b.evaluation.text),
        ...listPart('programme.page.indicators', a.evaluation.indicators, b.evaluation.indicators),
      ];
    case 'resolution':
      return [
        ...textPart('programme.page.legalBasis', a.resolution.legalBasis, b.resolution.legalBasis),
        ...listPart('programme.page.paragraphs', a.resolution.paragraphs, b.resolution.paragraphs),
        ...textPart('programme.page.entryIntoForce', a.resolution.entryIntoForce, b.resolution.entryIntoForce),
      ];
    default:
      return textPart(null, a[key].text, b[key].text);
  }
}

/** Every section in statutory order, then the resolution, with its changes from `a` to `b`. */
export function compareSections(a: ProgrammeSections, b: ProgrammeSections): SectionComparison[] {
  return sectionKeys.map((key) => ({ key, parts: sectionParts(key, a, b) }));
}
