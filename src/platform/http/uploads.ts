/**
 * File uploads (multipart/form-data) for one feature's scope: @fastify/multipart with every limit
 * bounded, the fields and files attached to `request.body` (so the CSRF check sees `_csrf`), and a
 * guard against its parser stalling.
 *
 * busboy (3.2.6, the newest) never finishes a body when a part it skips — e.g. one whose header
 * holds a bare line break — fills the part's buffer in the same chunk that ends it: the request is
 * never answered and holds its connection. It cannot stall while no buffer ever fills, so the
 * buffers are larger than any chunk can be: a body is at most `maxBodyBytes` (checked against
 * Content-Length before parsing) and a socket delivers at most 64 KiB at a time.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

export interface UploadLimits {
  /** Bytes of one file; a larger one is refused with 413. */
  maxFileBytes: number;
  maxFiles: number;
  /** Text fields besides the files (`_csrf` counts). */
  maxFields: number;
  maxFieldBytes: number;
}

/** The largest body the limits allow, with room for part headers and boundaries. */
export function maxBodyBytes(limits: UploadLimits): number {
  return limits.maxFiles * limits.maxFileBytes + limits.maxFields * limits.maxFieldBytes + 64 * 1024;
}

function uploadTooLarge(): Error {
  return Object.assign(new Error('upload body larger than the limits allow'), { statusCode: 413, code: 'FST_UPLOAD_TOO_LARGE' });
}

export async function registerUploads(scope: FastifyInstance, limits: UploadLimits): Promise<void> {
  const maxBytes = maxBodyBytes(limits);
  // Before @fastify/multipart's own hook (hooks run in the order they were added).
  scope.addHook('preParsing', async (request) => {
    if (!String(request.headers['content-type'] ?? '').startsWith('multipart/')) return;
    if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw uploadTooLarge();
  });
  const bufferBytes = 2 * maxBytes;
  await scope.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: {
      fileSize: limits.maxFileBytes,
      files: limits.maxFiles,
      fields: limits.maxFields,
      fieldSize: limits.maxFieldBytes,
      parts: limits.maxFiles + limits.maxFields,
      headerPairs: 20,
    },
    highWaterMark: bufferBytes,
    fileHwm: bufferBytes,
  });
}
