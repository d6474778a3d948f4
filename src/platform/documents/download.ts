/**
 * Sending a generated document (PDF or DOCX) as a download: the content type, a cache policy that
 * keeps drafts out of shared caches, and the attachment's file name.
 *
 *   return sendDocument(reply, spec, 'pdf', { name: `projekt-${model.fileBase}`, draft: true });
 */
import type { FastifyReply } from 'fastify';
import type { DocumentSpec } from './blocks.js';
import { DOCX_CONTENT_TYPE, renderDocx } from './docx.js';
import { renderPdf } from './pdf.js';

export type DocumentFormat = 'pdf' | 'docx';

/** The file's name and its caching. */
export interface DocumentFile {
  /** Without the extension; ASCII only: digits, Latin letters and hyphens (no quotes or non-Latin letters to escape). */
  name: string;
  /** A draft is never kept by a shared cache (`private, no-store`); a final document is revalidated (`no-cache`). */
  draft: boolean;
}

/** Renders `spec` in `format` and sends it as an attachment named `<name>.<format>`. */
export async function sendDocument(reply: FastifyReply, spec: DocumentSpec, format: DocumentFormat, file: DocumentFile) {
  const bytes = format === 'pdf' ? await renderPdf(spec) : await renderDocx(spec);
  return reply
    .type(format === 'pdf' ? 'application/pdf' : DOCX_CONTENT_TYPE)
    .header('cache-control', file.draft ? 'private, no-store' : 'no-cache')
    .header('content-disposition', `attachment; filename="${file.name}.${format}"`)
    .send(bytes);
}

/**
 * The file of a document model whose draft is named `projekt-<fileBase>` (the consultation report,
 * the meeting protocol); `draft` is whatever the model says of its draft, truthy for one.
 */
export function documentFile(model: { fileBase: string; draft: unknown }): DocumentFile {
  const draft = Boolean(model.draft);
  return { name: `${draft ? 'projekt-' : ''}${model.fileBase}`, draft };
}
