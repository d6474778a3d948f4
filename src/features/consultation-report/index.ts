import type { Feature } from '../../app.js';
import { consultationReportRoutes } from './consultation-report.routes.js';

export { isReportPublished, reportAccess, reportPath, type ReportAccess } from './consultation-report.policy.js';
export { buildReportModel, reportDocument, type ReportModel } from './report-model.js';
export { findReportRecord } from './consultation-report.repo.js';
export { publishReport } from './publish-report.js';

/** The consultation report (sprawozdanie z konsultacji) as HTML, PDF and DOCX, its publication and the participants' notice (issue #5). */
export const consultationReportFeature: Feature = {
  name: 'consultation-report',
  routes: consultationReportRoutes,
};
