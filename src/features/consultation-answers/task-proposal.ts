/**
 * A priority-task proposal as stored by the consultation's form (`consultation_submissions.task_json`),
 * read defensively: any JSON object; each known field gets its label, unknown fields keep their name,
 * nested values are shown as text. Nothing in a malformed document can break the answers' pages.
 */
import { taskProposalFields, taskProposalObject } from '../consultation/index.js';

export interface TaskField {
  /** The stored key, e.g. `title`. */
  key: string;
  /** The i18n key of its label when the field is known (`consultationAnswers.task.fields.<key>`). */
  labelKey: string | null;
  value: string;
  /** An i18n key to show instead of `value` (a mode, yes/no). */
  valueKey: string | null;
}

const modes = ['konkurs', '19a', 'other'];

/** Amounts are stored in grosze: "12 500,50 zł". */
function pln(grosze: number): string {
  return `${new Intl.NumberFormat('pl-PL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(grosze / 100)} zł`;
}

const titleKeys = ['title', 'task', 'name'];

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return '';
  }
}

/** Every non-empty field of a proposal: known ones first in the form's order, then the rest by name. */
export function taskFields(json: string | null): TaskField[] {
  const data = taskProposalObject(json);
  const known = taskProposalFields as readonly string[];
  const keys = [
    ...known.filter((k) => Object.hasOwn(data, k)),
    ...Object.keys(data)
      .filter((k) => !known.includes(k))
      .sort(),
  ];
  return keys
    .map((key): TaskField => {
      const raw = data[key];
      let value = text(raw).slice(0, 20_000);
      let valueKey: string | null = null;
      if (key === 'amount' && typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) value = pln(raw);
      if (key === 'mode' && typeof raw === 'string' && modes.includes(raw)) valueKey = `programme.modes.${raw}`;
      if ((key === 'ownDelivery' && (raw === 'yes' || raw === 'no')) || (key === 'consent' && typeof raw === 'boolean'))
        valueKey = raw === 'yes' || raw === true ? 'consultationAnswers.task.yes' : 'consultationAnswers.task.no';
      return { key, labelKey: known.includes(key) ? `consultationAnswers.task.fields.${key}` : null, value, valueKey };
    })
    .filter((f) => f.value.trim() !== '');
}

/** The proposal's title (what the lists show), or '' when it has none. */
export function taskTitle(json: string | null): string {
  const data = taskProposalObject(json);
  for (const key of titleKeys) {
    const value = text(data[key]).trim();
    if (value) return value.slice(0, 300);
  }
  return '';
}
