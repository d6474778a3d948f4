import type { Feature } from '../../app.js';

/** The consultation report (sprawozdanie z konsultacji) as HTML, PDF and DOCX, its publication and the participants' notice (issue #5). */
export const consultationReportFeature: Feature = {
  name: 'consultation-report',
  async routes() {
    // routes arrive with the report slice
  },
};
