/** multipart/form-data bodies as a browser sends an upload form (for route tests of uploads). */

export interface MultipartPart {
  name: string;
  value: Buffer | string;
  filename?: string;
  contentType?: string;
}

export const multipartBoundary = 'wspolnieTestBoundary7Qx';

/** The body of the parts, each with its Content-Disposition (and Content-Type if given). */
export function multipart(parts: MultipartPart[], boundary = multipartBoundary): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const type = part.contentType ? `\r\nContent-Type: ${part.contentType}` : '';
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`),
      Buffer.from(part.value),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** The Content-Type header that goes with `multipart(…, boundary)`. */
export const multipartContentType = (boundary = multipartBoundary) => `multipart/form-data; boundary=${boundary}`;
