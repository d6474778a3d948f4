/**
 * Input of the programme's forms. A section's form is flat (`specific.3.text`, `tasks.0.amount`),
 * so lists work without JavaScript: the editor shows every row plus blank ones; blank rows and rows
 * ticked "remove" are dropped on save. Messages are i18n keys; the field names are the form's names.
 */
import { z } from 'zod';
import { zCheckbox, zDateOnly, zMultiline, zOptional, zSingleLine } from '../../platform/http/fields.js';
import type { FieldError, FormValues } from '../../platform/http/forms.js';
import { formError } from '../../platform/http/forms.js';
import { statutoryPrinciples } from '../meeting-minutes/index.js';
import {
  parseAmount,
  taskModes,
  type ListItem,
  type OutcomeLink,
  type PriorityTask,
  type ProgrammeSections,
  type SectionKey,
  type TaskMode,
} from './programme-sections.js';

const zId = z.coerce
  .number({ error: 'validation.invalid' })
  .int()
  .positive()
  .max(2 ** 31 - 1);

export const ZProgrammeParams = z.object({ id: zId });
export const ZSectionParams = z.object({ id: zId, section: z.string().max(40) });

export const zVersion = z.coerce
  .number({ error: 'validation.invalid' })
  .int()
  .min(1)
  .max(2 ** 31 - 1);

/** What every change of a version names: the version row and the lock it read. */
export const ZVersionRef = z.object({ versionId: zId, version: zVersion });

/** Adoption: the resolution's number (as the council wrote it, "XLII/512/2018") and date. */
export const ZAdopt = ZVersionRef.extend({
  resolutionNumber: zSingleLine(100),
  resolutionDate: zDateOnly.refine((v) => v >= '2000-01-01' && v <= '2100-12-31', { error: 'validation.date' }),
});

/** `?wersja=N` on the reading page and the documents: a version by its number. */
export const ZReadQuery = z.object({ wersja: zVersion.optional() });

/** `?od=N&do=M` on the comparison page. */
export const ZCompareQuery = z.object({ od: zVersion, do: zVersion });

export const ZImport = ZVersionRef.extend({
  meetingId: z.coerce
    .number({ error: 'validation.choose' })
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

const zYear = zSingleLine(4).refine((v) => /^\d{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2100, {
  error: 'programme.errors.year',
});

/** The new programme form: the first year, optionally the last (at most five years), how to start. */
export const ZNewProgramme = z
  .object({
    yearFrom: zYear,
    yearTo: zOptional(zYear),
    title: zOptional(zSingleLine(500)),
    start: z.enum(['empty', 'previous'], { error: 'validation.choose' }),
  })
  .transform((v) => ({ ...v, yearFrom: Number(v.yearFrom), yearTo: v.yearTo ? Number(v.yearTo) : Number(v.yearFrom) }))
  .superRefine((v, ctx) => {
    if (v.yearTo < v.yearFrom || v.yearTo - v.yearFrom > 4)
      ctx.addIssue({ code: 'custom', path: ['yearTo'], message: 'programme.errors.yearTo' });
  });
export type TNewProgramme = z.infer<typeof ZNewProgramme>;

const maxRows = 200;
const textLimit = 20_000;
const itemLimit = 2_000;

/** Row indices present in the form for a list, in numeric order (bounded). */
function rowIndices(body: Record<string, unknown>, list: string, field: string): number[] {
  const pattern = new RegExp(`^${list}\\.(\\d{1,3})\\.${field}$`);
  const found = new Set<number>();
  for (const key of Object.keys(body)) {
    const m = pattern.exec(key);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b).slice(0, maxRows);
}

function parseLink(v: unknown): OutcomeLink | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{1,9}):(\d{1,9})$/.exec(v);
  return m ? { meetingId: Number(m[1]), outcomeId: Number(m[2]) } : undefined;
}

class SectionParser {
  errors: FieldError[] = [];
  constructor(private body: Record<string, unknown>) {}

  private check<T>(name: string, schema: z.ZodType<T>): T | undefined {
    const result = schema.safeParse(this.body[name]);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const key = issue && /^[a-z][A-Za-z]*\.[A-Za-z.]+$/.test(issue.message) ? issue.message : 'validation.invalid';
    const params = issue && 'params' in issue && issue.params ? (issue.params as Record<string, unknown>) : {};
    this.errors.push(formError(name, key, params));
    return undefined;
  }

  text(name: string, max = textLimit): string {
    return this.check(name, zOptional(zMultiline(max))) ?? '';
  }

  removed(list: string, i: number): boolean {
    return this.check(`${list}.${i}.remove`, zCheckbox) === true;
  }

  list(list: string): ListItem[] {
    const out: ListItem[] = [];
    for (const i of rowIndices(this.body, list, 'text')) {
      const text = this.text(`${list}.${i}.text`, itemLimit);
      if (this.removed(list, i) || text === '') continue;
      const source = parseLink(this.body[`${list}.${i}.source`]);
      out.push(source ? { text, source } : { text });
    }
    return out;
  }

  tasks(): PriorityTask[] {
    const out: PriorityTask[] = [];
    for (const i of rowIndices(this.body, 'tasks', 'task')) {
      const p = `tasks.${i}`;
      const sphere = this.check(`${p}.sphere`, zOptional(zSingleLine(20))) ?? '';
      const task = this.text(`${p}.task`, itemLimit);
      const unit = this.check(`${p}.unit`, zOptional(zSingleLine(300))) ?? '';
      const typedAmount = this.check(`${p}.amount`, zOptional(zSingleLine(30))) ?? '';
      const modeValue = this.body[`${p}.mode`];
      if (this.removed('tasks', i) || (sphere === '' && task === '' && unit === '' && typedAmount === '')) continue;
      if (task === '') this.errors.push(formError(`${p}.task`, 'programme.errors.taskRequired'));
      const mode = taskModes.includes(modeValue as TaskMode) ? (modeValue as TaskMode) : undefined;
      if (!mode) this.errors.push(formError(`${p}.mode`, 'validation.choose'));
      let amount: number | null = null;
      if (typedAmount !== '') {
        amount = parseAmount(typedAmount);
        if (amount === null) this.errors.push(formError(`${p}.amount`, 'programme.errors.amount'));
      }
      out.push({ sphere, task, unit, mode: mode ?? 'other', amount });
    }
    return out;
  }
}

/**
 * One section's form as the section's new content (the rest of the document is kept), or the errors.
 * The goals' main source travels in a hidden field while the text is unchanged.
 */
export function parseSectionForm(
  section: SectionKey,
  body: unknown,
  current: ProgrammeSections,
): { ok: true; data: ProgrammeSections } | { ok: false; errors: FieldError[] } {
  const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const p = new SectionParser(input);
  const next: ProgrammeSections = structuredClone(current);
  switch (section) {
    case 'goals': {
      const main = p.text('main', itemLimit);
      const mainSource = parseLink(input.mainSource);
      next.goals = { main, ...(mainSource && main === current.goals.main ? { mainSource } : {}), specific: p.list('specific') };
      break;
    }
    case 'principles':
      next.principles = {
        statutory: statutoryPrinciples.filter((_, i) => input[`statutory.${i}`] === 'yes'),
        local: p.list('local'),
      };
      break;
    case 'forms':
      next.forms = { financial: p.list('financial'), nonFinancial: p.list('nonFinancial') };
      break;
    case 'tasks':
      next.tasks = { rows: p.tasks() };
      break;
    case 'funds':
      next.funds = { override: p.text('override') };
      break;
    case 'evaluation':
      next.evaluation = { text: p.text('text'), indicators: p.list('indicators') };
      break;
    case 'resolution':
      next.resolution = {
        legalBasis: p.text('legalBasis'),
        paragraphs: p.list('paragraphs'),
        entryIntoForce: p.text('entryIntoForce'),
      };
      break;
    default:
      next[section] = { text: p.text('text') };
  }
  return p.errors.length ? { ok: false, errors: p.errors } : { ok: true, data: next };
}

function listValues(values: FormValues, list: string, items: ListItem[]) {
  items.forEach((item, i) => {
    values[`${list}.${i}.text`] = item.text;
    if (item.source) values[`${list}.${i}.source`] = `${item.source.meetingId}:${item.source.outcomeId}`;
  });
}

/** A section's stored content as the values of its form. */
export function sectionFormValues(section: SectionKey, s: ProgrammeSections): FormValues {
  const values: FormValues = {};
  switch (section) {
    case 'goals':
      values.main = s.goals.main;
      if (s.goals.mainSource) values.mainSource = `${s.goals.mainSource.meetingId}:${s.goals.mainSource.outcomeId}`;
      listValues(values, 'specific', s.goals.specific);
      break;
    case 'principles':
      statutoryPrinciples.forEach((p, i) => {
        if (s.principles.statutory.includes(p)) values[`statutory.${i}`] = 'yes';
      });
      listValues(values, 'local', s.principles.local);
      break;
    case 'forms':
      listValues(values, 'financial', s.forms.financial);
      listValues(values, 'nonFinancial', s.forms.nonFinancial);
      break;
    case 'tasks':
      s.tasks.rows.forEach((r, i) => {
        values[`tasks.${i}.sphere`] = r.sphere;
        values[`tasks.${i}.task`] = r.task;
        values[`tasks.${i}.unit`] = r.unit;
        values[`tasks.${i}.mode`] = r.mode;
        values[`tasks.${i}.amount`] = r.amount === null ? '' : (r.amount / 100).toFixed(2).replace('.', ',');
      });
      break;
    case 'funds':
      values.override = s.funds.override;
      break;
    case 'evaluation':
      values.text = s.evaluation.text;
      listValues(values, 'indicators', s.evaluation.indicators);
      break;
    case 'resolution':
      values.legalBasis = s.resolution.legalBasis;
      values.entryIntoForce = s.resolution.entryIntoForce;
      listValues(values, 'paragraphs', s.resolution.paragraphs);
      break;
    default:
      values.text = s[section].text;
  }
  return values;
}
