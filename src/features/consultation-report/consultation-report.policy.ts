/**
 * Who sees the report. Once published it is public. Before that officials (and administrators) see a
 * preview marked "projekt", once the consultation is closed; while it is still running they see a
 * page saying the report is generated after closing. Everyone else: it does not exist (404).
 */
import type { AuthenticatedUser } from '../../platform/auth/sessions.js';
import { canManageConsultations, type ConsultationRecord } from '../consultation/index.js';

export type ReportAccess = 'published' | 'preview' | 'notYet' | 'none';

export function reportAccess(user: AuthenticatedUser | null, consultation: ConsultationRecord): ReportAccess {
  if (consultation.report_published_at !== null) return 'published';
  if (!canManageConsultations(user?.roles ?? [])) return 'none';
  return consultation.status === 'closed' ? 'preview' : 'notYet';
}

/** Whether the report is public, so the consultation's page links to it. */
export function isReportPublished(consultation: Pick<ConsultationRecord, 'report_published_at'>): boolean {
  return consultation.report_published_at !== null;
}

/** The report's page; `.pdf` and `.docx` are the same path with the extension. */
export const reportPath = (consultationId: number) => `/konsultacje/${consultationId}/sprawozdanie`;
