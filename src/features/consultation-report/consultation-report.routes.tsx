/**
 * The consultation report: `GET /konsultacje/:id/sprawozdanie` (accessible HTML page),
 * `GET /konsultacje/:id/sprawozdanie.pdf` (tagged PDF), `GET /konsultacje/:id/sprawozdanie.docx` —
 * all three from the same view model (report-model.ts) — and
 * `POST /konsultacje/:id/sprawozdanie/opublikuj` (officials) which publishes it and notifies everyone
 * who took part.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { documentFile, sendDocument } from '../../platform/documents/download.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { canManageConsultations } from '../consultation/index.js';
import { findReportRecord } from './consultation-report.repo.js';
import { reportAccess, reportPath } from './consultation-report.policy.js';
import { publishReport } from './publish-report.js';
import { buildReportModel, clean, reportDocument, type ReportModel } from './report-model.js';
import { ReportNotYetPage, ReportPage } from './views/report.js';

const ZParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
});

type Found =
  { kind: 'report'; model: ReportModel } | { kind: 'notYet'; consultationId: number; subject: string } | { kind: 'none' };

/** What the visitor may see of the report. */
async function reportFor(services: Services, request: FastifyRequest): Promise<Found> {
  const params = ZParams.safeParse(request.params);
  if (!params.success) return { kind: 'none' };
  const record = await findReportRecord(services.db, params.data.id);
  if (!record) return { kind: 'none' };
  const access = reportAccess(request.currentUser, record.consultation);
  if (access === 'none') return { kind: 'none' };
  if (access === 'notYet')
    return { kind: 'notYet', consultationId: record.consultation.id, subject: clean(record.consultation.subject) };
  return { kind: 'report', model: buildReportModel(record, services.clock()) };
}

export async function consultationReportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/konsultacje/:id/sprawozdanie', { config: { access: 'public' } }, async (request, reply) => {
    const found = await reportFor(services, request);
    if (found.kind === 'none') return reply.callNotFound();
    if (found.kind === 'notYet') {
      reply.header('x-robots-tag', 'noindex');
      return reply.render(<ReportNotYetPage consultationId={found.consultationId} subject={found.subject} />);
    }
    if (found.model.draft) reply.header('x-robots-tag', 'noindex');
    return reply.render(<ReportPage model={found.model} canPublish={canManageConsultations(request.currentUser?.roles ?? [])} />);
  });

  app.get('/konsultacje/:id/sprawozdanie.pdf', { config: { access: 'public' } }, async (request, reply) => {
    const found = await reportFor(services, request);
    if (found.kind !== 'report') return reply.callNotFound();
    return sendDocument(reply, reportDocument(found.model), 'pdf', documentFile(found.model));
  });

  app.get('/konsultacje/:id/sprawozdanie.docx', { config: { access: 'public' } }, async (request, reply) => {
    const found = await reportFor(services, request);
    if (found.kind !== 'report') return reply.callNotFound();
    return sendDocument(reply, reportDocument(found.model), 'docx', documentFile(found.model));
  });

  app.post(
    '/konsultacje/:id/sprawozdanie/opublikuj',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const user = signedInUser(request);
      const params = ZParams.safeParse(request.params);
      if (!params.success || !canManageConsultations(user.roles)) return reply.callNotFound();
      const result = await publishReport(services, user.id, params.data.id);
      if (!result.ok && result.reason === 'notFound') return reply.callNotFound();
      const page = reportPath(params.data.id);
      if (result.ok)
        return reply.redirectWithFlash(page, {
          kind: 'success',
          key: 'flash.consultationReportPublished',
          params: { count: result.recipients },
        });
      return reply.redirectWithFlash(page, {
        kind: 'info',
        key:
          result.reason === 'alreadyPublished' ? 'flash.consultationReportAlreadyPublished' : 'flash.consultationReportNotClosed',
      });
    },
  );
}
