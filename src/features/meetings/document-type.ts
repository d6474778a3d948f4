/**
 * The type of an uploaded meeting attachment, from its bytes — never from the name or the
 * browser's claim: PDF, DOCX, ODT (text), PNG, JPEG. DOCX and ODT are ZIP packages: an ODT starts
 * with its stored `mimetype` entry; a DOCX lists `[Content_Types].xml` and `word/document.xml` in
 * its central directory. Anything else (other ZIPs, macro-enabled documents, SVG, HTML) is refused.
 */
import { detectImageType } from '../../platform/files/image-type.js';

export type DocumentType =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.oasis.opendocument.text'
  | 'image/png'
  | 'image/jpeg';

export const extensionOf: Record<DocumentType, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

const odtMime = 'application/vnd.oasis.opendocument.text';

/** The names in a ZIP's central directory, or null when it has none that can be read. */
export function zipEntryNames(data: Buffer): string[] | null {
  const eocdSignature = 0x06054b50;
  const lowest = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= lowest; i--) {
    if (data.readUInt32LE(i) === eocdSignature) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = data.readUInt16LE(eocd + 10);
  const size = data.readUInt32LE(eocd + 12);
  const offset = data.readUInt32LE(eocd + 16);
  if (offset + size > eocd) return null;
  const names: string[] = [];
  let at = offset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > eocd || data.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    if (at + 46 + nameLength > eocd) return null;
    names.push(data.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function isOdt(data: Buffer): boolean {
  // The first local entry is "mimetype", stored uncompressed, holding the media type (ODF 1.2 §3.3).
  if (data.length < 30 + 8 + odtMime.length || data.readUInt32LE(0) !== 0x04034b50) return false;
  const method = data.readUInt16LE(8);
  const nameLength = data.readUInt16LE(26);
  const extraLength = data.readUInt16LE(28);
  if (method !== 0 || nameLength !== 8 || data.toString('latin1', 30, 38) !== 'mimetype') return false;
  const start = 30 + nameLength + extraLength;
  return (
    data.toString('latin1', start, start + odtMime.length) === odtMime && (zipEntryNames(data)?.includes('content.xml') ?? false)
  );
}

function isDocx(data: Buffer): boolean {
  if (data.length < 30 || data.readUInt32LE(0) !== 0x04034b50) return false;
  const names = zipEntryNames(data);
  if (!names) return false;
  // Macro-enabled documents (vbaProject.bin) are refused even when named .docx.
  return (
    names.includes('[Content_Types].xml') &&
    names.includes('word/document.xml') &&
    !names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'))
  );
}

export function detectDocumentType(data: Buffer): DocumentType | null {
  if (data.length >= 5 && data.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  const image = detectImageType(data);
  if (image === 'image/png' || image === 'image/jpeg') return image;
  if (isOdt(data)) return 'application/vnd.oasis.opendocument.text';
  if (isDocx(data)) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return null;
}
