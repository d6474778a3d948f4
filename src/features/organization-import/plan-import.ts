/**
 * What importing a file would do, row by row: create an organisation, update one (and which fields),
 * leave one unchanged, or refuse the row with its reasons. The dry run shows this plan; the commit
 * computes it again inside its transaction and carries it out.
 *
 * Rules:
 * - Each row is validated with the organisation form's own schema (`ZOrganizationForm`) and the
 *   dictionaries (`checkDictionaries`), exactly as if it had been typed into the form.
 * - A row is matched to an existing organisation by KRS, then NIP, then REGON. Identifiers that
 *   point at two different organisations, two rows for one organisation, and an identifier that an
 *   earlier row of the file already has, are refused. A row needs at least one of KRS, NIP, REGON:
 *   the import has no other way to recognise the organisation next time.
 * - An update changes only the columns the file has, and an empty cell never erases stored data.
 *   The stored record with the file's values laid over it must pass the form's validation.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.js';
import { parseForm, type FieldError } from '../../platform/http/forms.js';
import {
  areaScopes,
  checkDictionaries,
  legalForms,
  organizationColumns,
  organizationFormValues,
  ZOrganizationForm,
  type TOrganizationForm,
} from '../organizations/index.js';
import {
  columnOfField,
  columnOfStored,
  foldHeader,
  identifierColumns,
  importColumns,
  type ImportColumnName,
} from './import-columns.js';
import {
  currentSphereCodes,
  organizationsByIdentifiers,
  spheresByOrganizationId,
  type OrganizationRow,
} from './organization-import.repo.js';
import type { CsvFile, CsvRow } from './read-csv.js';
import { templateExampleNames } from './template.js';

export interface RowProblem {
  /** The CSV column the problem is in ('' for the row as a whole). */
  column: string;
  /** An i18n key (`organizationImport.problems.*`, or the form's own `organizations.errors.*`, `validation.*`). */
  key: string;
  params?: Record<string, string | number>;
  /** The value that failed comes from the stored organisation, not from the file. */
  stored?: boolean;
}

export interface FieldChange {
  column: string;
  before?: string;
  after?: string;
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  bad: number;
}

/** What the dry run shows and the commit records. Stored as JSON: keep it plain data. */
export interface ImportReport {
  /** First, so that a list of imports can read the counts from the head of the JSON (`countsOfReportHead`). */
  counts: ImportCounts;
  encoding: string;
  delimiter: string;
  columns: string[];
  unknownColumns: string[];
  rows: number;
  creates: Array<{ row: number; name: string; slug?: string }>;
  updates: Array<{ row: number; name: string; slug: string; changes: FieldChange[] }>;
  bad: Array<{ row: number; name: string; problems: RowProblem[] }>;
}

/** The length of a stored report's head that holds its counts. */
export const reportHeadLength = 200;

/** The counts of a stored report from its first characters (a report of 20 000 rows is megabytes of JSON). */
export function countsOfReportHead(head: string): ImportCounts | null {
  const match = /^\{"counts":(\{[^{}]*\})/.exec(head);
  return match ? (JSON.parse(match[1]!) as ImportCounts) : null;
}

export interface PlannedCreate {
  row: number;
  name: string;
  input: TOrganizationForm;
  columns: ReturnType<typeof organizationColumns>;
}

export interface PlannedUpdate {
  row: number;
  name: string;
  slug: string;
  organizationId: number;
  version: number;
  /** Stored columns that change, with their new values. */
  set: Record<string, unknown>;
  /** The derived sort and search keys of the record after the change. */
  derived: { name_sort_key: string; search_name: string; search_text: string };
  /** The new set of spheres, when it changes. */
  spheres: string[] | null;
  /** Exactly the changed fields, old and new (the audit entry). */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  changes: FieldChange[];
}

export interface ImportPlan {
  report: ImportReport;
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
}

/** Values shown in the dry run's list of changes are cut to this length; details of later updates are left out. */
const shownValueLength = 200;
const detailedUpdates = 2_000;
const shownNameLength = 120;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const shape = ZOrganizationForm.shape;
/** One identifier field of the form, to read a row's identifiers before its organisation is known. */
const identifierSchemas = {
  krs: z.object({ krs: shape.krs }),
  nip: z.object({ nip: shape.nip }),
  regon: z.object({ regon: shape.regon }),
};

/** What the form posts when nothing is typed: empty texts, no spheres ticked, the checkbox off. */
const emptyForm: Record<string, unknown> = Object.fromEntries(
  importColumns.filter((c) => c.field !== 'spheres' && c.field !== 'volunteersWanted').map((c) => [c.field, '']),
);

/** How a stored value reads in the list of changes (as it would be typed in the file). */
function shownValue(column: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (column === 'volunteers_wanted') return value === 1 ? 'tak' : 'nie';
  return cut(String(value), shownValueLength);
}

interface Dictionaries {
  /** Folded code or Polish label → legal form code. */
  legalForms: Map<string, string>;
  sphereCodes: Set<string>;
  checked: Map<string, Awaited<ReturnType<typeof checkDictionaries>>>;
}

const yes = new Set(['tak', 't', 'yes', 'y', '1', 'x']);
const no = new Set(['nie', 'n', 'no', '0']);

/**
 * A row's non-blank cells as form values, with what spreadsheets do to them undone: a legal form
 * given by its name, an area scope with Polish letters, a date as DD.MM.RRRR, a REGON whose leading
 * zero was dropped, spheres separated by `|` or `,`.
 */
function formValuesOfCells(cells: CsvRow['cells'], dictionaries: Dictionaries, problems: RowProblem[]) {
  const values: Record<string, unknown> = {};
  for (const column of importColumns) {
    let value: string | undefined = cells[column.name];
    if (value === undefined) continue;
    switch (column.name) {
      case 'forma_prawna':
        value = dictionaries.legalForms.get(foldHeader(value)) ?? value;
        break;
      case 'zasieg': {
        const folded = foldHeader(value);
        value = (areaScopes as readonly string[]).includes(folded) ? folded : value;
        break;
      }
      case 'data_zalozenia': {
        const polish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
        if (polish) value = `${polish[3]}-${polish[2]!.padStart(2, '0')}-${polish[1]!.padStart(2, '0')}`;
        break;
      }
      case 'regon':
        if (/^(\d{8}|\d{13})$/.test(value)) value = `0${value}`;
        break;
      case 'sfery':
        values.spheres = value
          .toLowerCase()
          .split(/[|,]/)
          .map((code) => code.trim())
          .filter(Boolean);
        continue;
      case 'wolontariat': {
        const answer = value.toLowerCase();
        if (yes.has(answer)) values.volunteersWanted = 'yes';
        else if (no.has(answer)) values.volunteersWanted = undefined;
        else problems.push({ column: 'wolontariat', key: 'organizationImport.problems.yesNo' });
        continue;
      }
    }
    values[column.field] = value;
  }
  return values;
}

/** A form error as a row's problem; `stored` when the value came from the matched organisation's record. */
function problemOf(error: FieldError, cells: CsvRow['cells'], matched: boolean): RowProblem {
  const column = columnOfField(error.field)?.name ?? '';
  const problem: RowProblem = { column, key: error.key };
  const params = Object.fromEntries(
    Object.entries(error.params).filter((e): e is [string, string | number] => ['string', 'number'].includes(typeof e[1])),
  );
  if (Object.keys(params).length) problem.params = params;
  if (matched && column && cells[column as ImportColumnName] === undefined) problem.stored = true;
  return problem;
}

/** The two fields the dictionaries judge, parsed by the form's own schema. */
const dictionaryFields = z.object({ legalForm: shape.legalForm, spheres: shape.spheres });
type DictionaryFields = z.infer<typeof dictionaryFields>;

/** `checkDictionaries`, once per combination of legal form and spheres in a file. */
async function dictionaryCheck(db: Kysely<DB>, dictionaries: Dictionaries, input: DictionaryFields) {
  const key = `${input.legalForm}|${[...new Set(input.spheres)].sort().join(',')}`;
  let result = dictionaries.checked.get(key);
  if (!result) {
    // It reads only the legal form and the spheres of the form (register-organization.ts).
    result = await checkDictionaries(db, input as TOrganizationForm);
    dictionaries.checked.set(key, result);
  }
  return result;
}

export async function planImport(db: Kysely<DB>, file: CsvFile): Promise<ImportPlan> {
  const forms = await legalForms(db);
  const dictionaries: Dictionaries = {
    legalForms: new Map(forms.flatMap((f) => [[foldHeader(f.code), f.code] as const, [foldHeader(f.label_pl), f.code] as const])),
    sphereCodes: await currentSphereCodes(db),
    checked: new Map(),
  };

  // First pass: each row's identifiers, checked by the form's own fields.
  const rowIdentifiers = file.rows.map((row) => {
    const ids: Partial<Record<'krs' | 'nip' | 'regon', string>> = {};
    const problems: RowProblem[] = [];
    const cells = formValuesOfCells(
      Object.fromEntries(identifierColumns.flatMap((c) => (row.cells[c] === undefined ? [] : [[c, row.cells[c]]]))),
      dictionaries,
      [],
    );
    for (const column of identifierColumns) {
      if (cells[column] === undefined) continue;
      const parsed = parseForm(identifierSchemas[column], { [column]: cells[column] });
      if (parsed.ok) ids[column] = parsed.data[column as keyof typeof parsed.data];
      else problems.push(...parsed.errors.map((e) => problemOf(e, row.cells, false)));
    }
    return { ids, problems };
  });

  const existing = await organizationsByIdentifiers(db, {
    krs: rowIdentifiers.flatMap((r) => (r.ids.krs ? [r.ids.krs] : [])),
    nip: rowIdentifiers.flatMap((r) => (r.ids.nip ? [r.ids.nip] : [])),
    regon: rowIdentifiers.flatMap((r) => (r.ids.regon ? [r.ids.regon] : [])),
  });
  const byIdentifier = {
    krs: new Map(existing.flatMap((o) => (o.krs ? [[o.krs, o] as const] : []))),
    nip: new Map(existing.flatMap((o) => (o.nip ? [[o.nip, o] as const] : []))),
    regon: new Map(existing.flatMap((o) => (o.regon ? [[o.regon, o] as const] : []))),
  };
  const storedSpheres = await spheresByOrganizationId(
    db,
    existing.map((o) => o.id),
  );

  const report: ImportReport = {
    counts: { create: 0, update: 0, unchanged: 0, bad: 0 },
    encoding: file.encoding,
    delimiter: file.delimiter,
    columns: file.columns,
    unknownColumns: file.unknownColumns,
    rows: file.rows.length,
    creates: [],
    updates: [],
    bad: [],
  };
  const creates: PlannedCreate[] = [];
  const updates: PlannedUpdate[] = [];
  /** `krs:0000123456` → the first row that has it. */
  const seenIdentifiers = new Map<string, number>();
  /** Organisation id → the row that matched it. */
  const matchedBy = new Map<number, number>();

  for (const [index, row] of file.rows.entries()) {
    const { ids, problems } = rowIdentifiers[index]!;
    const { cells } = row;
    if (row.fieldCount) problems.unshift({ column: '', key: 'organizationImport.problems.fieldCount', params: row.fieldCount });

    for (const column of identifierColumns) {
      const value = ids[column];
      if (!value) continue;
      const first = seenIdentifiers.get(`${column}:${value}`);
      if (first !== undefined) {
        problems.push({ column, key: 'organizationImport.problems.duplicateInFile', params: { value, row: first } });
      } else seenIdentifiers.set(`${column}:${value}`, row.row);
    }
    if (!ids.krs && !ids.nip && !ids.regon && problems.every((p) => !identifierColumns.includes(p.column as 'krs'))) {
      problems.push({ column: 'krs', key: 'organizationImport.problems.identifierRequired' });
    }

    // KRS first, then NIP, then REGON; identifiers of two different organisations are a conflict.
    const matches: Array<{ column: 'krs' | 'nip' | 'regon'; organization: OrganizationRow }> = [];
    for (const column of identifierColumns) {
      const organization = ids[column] ? byIdentifier[column].get(ids[column]) : undefined;
      if (organization && !matches.some((m) => m.organization.id === organization.id)) matches.push({ column, organization });
    }
    const match = matches[0]?.organization;
    if (matches.length > 1) {
      problems.push({
        column: matches[1]!.column,
        key: 'organizationImport.problems.twoOrganizations',
        params: {
          first: cut(matches[0]!.organization.name, 80),
          firstColumn: matches[0]!.column.toUpperCase(),
          second: cut(matches[1]!.organization.name, 80),
        },
      });
    } else if (match) {
      const earlier = matchedBy.get(match.id);
      if (earlier !== undefined) {
        problems.push({ column: '', key: 'organizationImport.problems.sameOrganization', params: { row: earlier } });
      } else matchedBy.set(match.id, row.row);
      if (match.status === 'merged') problems.push({ column: '', key: 'organizationImport.problems.merged' });
    }
    if (cells.nazwa && templateExampleNames.includes(cells.nazwa)) {
      problems.push({ column: 'nazwa', key: 'organizationImport.problems.templateExample' });
    }

    const fromFile = formValuesOfCells(cells, dictionaries, problems);
    const matched = match !== undefined && matches.length === 1;
    const base = matched ? { ...organizationFormValues(match), spheres: storedSpheres.get(match.id) ?? [] } : emptyForm;
    const parsed = parseForm(ZOrganizationForm, { ...base, ...fromFile });
    if (!parsed.ok) {
      for (const error of parsed.errors) {
        // Identifiers were checked above, with the same schema; the import's own rule replaces "one identifier".
        if (error.key === 'organizations.errors.identifierRequired') continue;
        if (identifierColumns.includes(error.field as 'krs')) continue;
        problems.push(problemOf(error, cells, matched));
      }
    }
    const name = cut(cells.nazwa ?? match?.name ?? '', shownNameLength);

    // The dictionaries are checked even when other fields failed, so that a row lists all its problems.
    const dictionaryInput = parsed.ok ? parsed.data : dictionaryFields.safeParse({ ...base, ...fromFile }).data;
    let kind: 'NGO' | 'ART_3_3' | null = null;
    if (dictionaryInput) {
      const checked = await dictionaryCheck(db, dictionaries, dictionaryInput);
      if (checked.ok) kind = checked.kind;
      else if (checked.reason === 'unknownLegalForm') {
        problems.push({
          column: 'forma_prawna',
          key: 'organizationImport.problems.unknownLegalForm',
          params: { value: cut(dictionaryInput.legalForm, 50) },
          ...(matched && cells.forma_prawna === undefined ? { stored: true } : {}),
        });
      } else {
        const unknown = dictionaryInput.spheres.filter((code) => !dictionaries.sphereCodes.has(code));
        problems.push({
          column: 'sfery',
          key: 'organizationImport.problems.unknownSphere',
          params: { value: cut((unknown.length ? unknown : dictionaryInput.spheres).join(', '), 50) },
          ...(matched && cells.sfery === undefined ? { stored: true } : {}),
        });
      }
    }

    if (problems.length > 0 || !parsed.ok || kind === null) {
      report.counts.bad += 1;
      report.bad.push({ row: row.row, name, problems });
      continue;
    }
    const input = parsed.data;
    const columns = organizationColumns(input, kind);
    if (!match) {
      report.counts.create += 1;
      report.creates.push({ row: row.row, name: cut(input.name, shownNameLength) });
      creates.push({ row: row.row, name: input.name, input, columns });
      continue;
    }

    // Only the stored columns of the file's non-empty cells may change.
    const touched = new Set(
      importColumns.filter((c) => cells[c.name] !== undefined).flatMap((c) => c.stored as readonly string[]),
    );
    const set: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const changes: FieldChange[] = [];
    const detailed = report.updates.length < detailedUpdates;
    for (const stored of touched) {
      const next = columns[stored as keyof typeof columns];
      const previous = match[stored as keyof OrganizationRow];
      if (next === previous) continue;
      set[stored] = next;
      before[stored] = previous;
      after[stored] = next;
      const column = columnOfStored(stored);
      if (column) {
        changes.push(detailed ? { column, before: shownValue(stored, previous), after: shownValue(stored, next) } : { column });
      }
    }
    let spheres: string[] | null = null;
    if (cells.sfery !== undefined) {
      const previous = [...(storedSpheres.get(match.id) ?? [])].sort();
      const next = [...new Set(input.spheres)].sort();
      if (previous.join() !== next.join()) {
        spheres = next;
        before.spheres = previous;
        after.spheres = next;
        changes.push(detailed ? { column: 'sfery', before: previous.join('|'), after: next.join('|') } : { column: 'sfery' });
      }
    }
    if (Object.keys(set).length === 0 && spheres === null) {
      report.counts.unchanged += 1;
      continue;
    }
    report.counts.update += 1;
    report.updates.push({ row: row.row, name: cut(match.name, shownNameLength), slug: match.slug ?? '', changes });
    updates.push({
      row: row.row,
      name: match.name,
      slug: match.slug ?? '',
      organizationId: match.id,
      version: match.version,
      set,
      derived: { name_sort_key: columns.name_sort_key, search_name: columns.search_name, search_text: columns.search_text },
      spheres,
      before,
      after,
      changes,
    });
  }
  return { report, creates, updates };
}
