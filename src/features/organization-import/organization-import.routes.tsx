import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { hasRole, signedInUser } from '../../platform/auth/access.js';
import { emptyForm, failedForm, formError, type FieldError } from '../../platform/http/forms.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { registerUploads } from '../../platform/http/uploads.js';
import { formatDateTime } from '../../platform/i18n/format.js';
import type { Translate } from '../../platform/i18n/i18n.js';
import { activeSpheres, areaScopes, legalForms } from '../organizations/index.js';
import { commitImport } from './commit-import.js';
import { dryRunImport } from './dry-run-import.js';
import { importColumns } from './import-columns.js';
import { findImport, recentImports } from './organization-import.repo.js';
import { ZImportParams, ZReportQuery, type TReportQuery } from './organization-import.schema.js';
import { countsOfReportHead, reportHeadLength, type ImportReport, type RowProblem } from './plan-import.js';
import { maxImportBytes, maxImportRows, type CsvProblem } from './read-csv.js';
import { importTemplate } from './template.js';
import { ImportReportPage, type ReportList, type ReportModel } from './views/import-report.js';
import { ImportUploadPage, type UploadModel } from './views/import-upload.js';

export const importPath = '/organizacje/import';
const fileField = 'plik';
const pageSizes = { bledne: 100, zmiany: 50, nowe: 100 } as const;

/** The Polish (or English) reason of a row's problem, naming its column. */
export function problemText(t: Translate, problem: RowProblem): string {
  const text = t(problem.key, problem.params ?? {});
  return problem.stored ? `${text} ${t('organizationImport.report.storedValue')}` : text;
}

function csvProblemError(problem: CsvProblem): FieldError {
  const { reason, ...params } = problem;
  return formError(fileField, `organizationImport.fileErrors.${reason}`, {
    ...params,
    maxRows: maxImportRows.toLocaleString('pl-PL'),
  });
}

async function uploadModel(services: Services, request: FastifyRequest): Promise<UploadModel> {
  const english = request.language === 'en';
  const [forms, spheres, recent] = await Promise.all([
    legalForms(services.db),
    activeSpheres(services.db),
    recentImports(services.db, reportHeadLength),
  ]);
  return {
    maxMegabytes: maxImportBytes / 1024 / 1024,
    maxRows: maxImportRows,
    columns: importColumns.map((c) => c.name),
    legalForms: forms.map((f) => ({ code: f.code, label: english ? f.label_en : f.label_pl })),
    spheres: spheres.map((s) => ({ code: s.code, label: english ? s.label_en : s.label_pl })),
    areaScopes: areaScopes.map((code) => ({ code, label: request.t(`organizations.areaScopes.${code}`) })),
    recent: recent.map((r) => {
      const counts = countsOfReportHead(r.result_head ?? r.report_head);
      return {
        href: `${importPath}/${r.id}`,
        id: r.id,
        uploadedAt: formatDateTime(r.uploaded_at, request.language),
        uploadedBy: r.uploaded_by_name ?? request.t('organizationImport.recent.unknownPerson'),
        committed: r.status === 'committed',
        summary: counts ? request.t('organizationImport.recent.summary', { ...counts }) : '',
      };
    }),
  };
}

async function renderUpload(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  errors: FieldError[],
  status: number,
) {
  const form = errors.length ? failedForm({}, errors, request.t) : emptyForm();
  return reply.render(<ImportUploadPage form={form} model={await uploadModel(services, request)} />, status);
}

function list<T>(items: T[], page: number | undefined, size: number): ReportList<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(page ?? 1, pageCount);
  return { items: items.slice((current - 1) * size, current * size), page: current, pageCount, total: items.length };
}

async function reportModel(services: Services, request: FastifyRequest, mode: 'dryRun' | 'result'): Promise<ReportModel | null> {
  const params = ZImportParams.safeParse(request.params);
  if (!params.success) return null;
  const record = await findImport(services.db, params.data.id);
  if (!record) return null;
  const stored = mode === 'result' ? record.result_json : record.report_json;
  if (!stored) return null;
  const report = JSON.parse(stored) as ImportReport;
  const query: TReportQuery = ZReportQuery.parse(request.query ?? {});
  const { t, language } = request;
  const base = `${importPath}/${record.id}${mode === 'result' ? '/wynik' : ''}`;
  const profile = (slug: string | undefined) => (slug && mode === 'result' ? `/organizacje/${slug}` : undefined);
  return {
    id: record.id,
    mode,
    committed: record.status === 'committed',
    uploadedAt: formatDateTime(record.uploaded_at, language),
    uploadedBy: record.uploaded_by_name ?? t('organizationImport.recent.unknownPerson'),
    committedAt: record.committed_at ? formatDateTime(record.committed_at, language) : null,
    committedBy: record.committed_by_name ?? (record.committed_at ? t('organizationImport.recent.unknownPerson') : null),
    fileSha256: record.file_sha256,
    fileKilobytes: Math.max(1, Math.round(record.file_bytes / 1024)),
    encoding: report.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1250',
    delimiter: report.delimiter,
    rows: report.rows,
    counts: report.counts,
    unknownColumns: report.unknownColumns,
    columns: report.columns,
    canCommit: record.status === 'dry-run' && report.counts.create + report.counts.update > 0,
    bad: list(
      report.bad.map((b) => ({
        row: b.row,
        name: b.name,
        problems: b.problems.map((p) => ({ column: p.column, text: problemText(t, p) })),
      })),
      query.bledne,
      pageSizes.bledne,
    ),
    updates: list(
      report.updates.map((u) => ({ row: u.row, name: u.name, href: `/organizacje/${u.slug}`, changes: u.changes })),
      query.zmiany,
      pageSizes.zmiany,
    ),
    creates: list(
      report.creates.map((c) => ({ row: c.row, name: c.name, href: profile(c.slug) })),
      query.nowe,
      pageSizes.nowe,
    ),
    hrefFor: (which, page) => {
      const search = new URLSearchParams();
      for (const key of ['bledne', 'zmiany', 'nowe'] as const) {
        const value = key === which ? page : query[key];
        if (value && value > 1) search.set(key, String(value));
      }
      const text = search.toString();
      return `${base}${text ? `?${text}` : ''}#${which}`;
    },
  };
}

export async function organizationImportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  // Only this feature's scope reads multipart bodies: one CSV file and the CSRF token.
  await registerUploads(app, { maxFileBytes: maxImportBytes, maxFiles: 1, maxFields: 4, maxFieldBytes: 1024 });

  // A file over the limit is refused before the route runs: an official gets the upload page with
  // the reason (still the 413 status and its Polish wording), everyone else the kernel's error page.
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const official = hasRole(request.currentUser, 'official') || hasRole(request.currentUser, 'administrator');
    if (error.statusCode !== 413 || request.method !== 'POST' || request.routeOptions.url !== importPath || !official)
      throw error;
    request.log.info({ code: error.code, status: 413 }, 'request refused');
    return renderUpload(
      services,
      request,
      reply,
      [formError(fileField, 'organizationImport.fileErrors.tooLarge', { max: maxImportBytes / 1024 / 1024 })],
      413,
    );
  });

  app.get(importPath, { config: { access: 'official' } }, async (request, reply) =>
    renderUpload(services, request, reply, [], 200),
  );

  app.get(`${importPath}/szablon.csv`, { config: { access: 'official' } }, async (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="szablon-import-organizacji.csv"')
      .header('cache-control', 'no-cache, private')
      .send(importTemplate()),
  );

  app.post(importPath, { config: { access: 'official', rateLimit: formRateLimit(services) } }, async (request, reply) => {
    const file = ((request.body ?? {}) as Record<string, unknown>)[fileField];
    if (!Buffer.isBuffer(file) || file.length === 0) {
      return renderUpload(services, request, reply, [formError(fileField, 'organizationImport.fileErrors.missing')], 400);
    }
    const result = await dryRunImport(services, signedInUser(request).id, file);
    if (!result.ok) return renderUpload(services, request, reply, [csvProblemError(result)], 400);
    return reply.redirectWithFlash(`${importPath}/${result.id}`, { kind: 'success', key: 'flash.importChecked' });
  });

  app.get(`${importPath}/:id`, { config: { access: 'official' } }, async (request, reply) => {
    const model = await reportModel(services, request, 'dryRun');
    if (!model) return reply.callNotFound();
    return reply.render(<ImportReportPage model={model} />);
  });

  app.post(
    `${importPath}/:id/zatwierdz`,
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const params = ZImportParams.safeParse(request.params);
      if (!params.success) return reply.callNotFound();
      const { id } = params.data;
      const result = await commitImport(services, signedInUser(request).id, id);
      switch (result.outcome) {
        case 'notFound':
          return reply.callNotFound();
        case 'alreadyCommitted':
          return reply.redirectWithFlash(`${importPath}/${id}/wynik`, { kind: 'info', key: 'flash.importAlreadyCommitted' });
        case 'conflict':
          return reply.redirectWithFlash(`${importPath}/${id}`, { kind: 'info', key: 'flash.importConflict' });
        case 'committed':
          return reply.redirectWithFlash(`${importPath}/${id}/wynik`, {
            kind: 'success',
            key: 'flash.importCommitted',
            params: { created: result.counts.create, updated: result.counts.update },
          });
      }
    },
  );

  app.get(`${importPath}/:id/wynik`, { config: { access: 'official' } }, async (request, reply) => {
    const params = ZImportParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const model = await reportModel(services, request, 'result');
    if (model) return reply.render(<ImportReportPage model={model} />);
    // Not committed yet: its dry run is the page to see.
    return (await findImport(services.db, params.data.id))
      ? reply.redirect(`${importPath}/${params.data.id}`, 303)
      : reply.callNotFound();
  });
}
