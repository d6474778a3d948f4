/**
 * Reading generated documents back, for tests and checks: the text of a PDF through poppler's
 * `pdftotext` (installed by .ci/run), its metadata through `pdfinfo`, and one file of a DOCX
 * (a ZIP) through a minimal ZIP reader over node:zlib — no dependency on the writer's package.
 *
 *   const text = await pdfText(bytes, { layout: true });
 *   const xml = zipEntry(docxBytes, 'word/document.xml');
 *   const plain = docxText(docxBytes); // paragraphs of word/document.xml, one a line
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';

const run = promisify(execFile);

async function withTempFile<T>(bytes: Buffer, use: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'wspolnie-doc-'));
  try {
    const path = join(dir, 'document.pdf');
    await writeFile(path, bytes);
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function pdfText(bytes: Buffer, options: { layout?: boolean } = {}): Promise<string> {
  return withTempFile(bytes, async (path) => {
    const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-'];
    const { stdout } = await run('pdftotext', args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  });
}

/** `pdfinfo` as key → value (Title, Tagged, Pages, PDF version, …). */
export async function pdfInfo(bytes: Buffer): Promise<Record<string, string>> {
  return withTempFile(bytes, async (path) => {
    const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', path]);
    const info: Record<string, string> = {};
    for (const line of stdout.split('\n')) {
      const at = line.indexOf(':');
      if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    return info;
  });
}

/** Renders PDF pages to PNG files (`pdftoppm -r <dpi> -png`) under `prefix` (e.g. artifacts/protocol). */
export async function pdfToPng(bytes: Buffer, prefix: string, dpi = 60): Promise<void> {
  await withTempFile(bytes, async (path) => {
    await run('pdftoppm', ['-r', String(dpi), '-png', path, prefix]);
  });
}

/** One file of a ZIP archive (stored or deflated), found through the central directory. */
export function zipEntry(zip: Buffer, name: string): Buffer {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('broken ZIP central directory');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`unsupported ZIP method ${method}`);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`no ${name} in the archive`);
}

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of a DOCX's body: each paragraph on its own line. */
export function docxText(docx: Buffer): string {
  const xml = zipEntry(docx, 'word/document.xml').toString('utf8');
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
    .map((p) => decodeXml((p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')))
    .join('\n');
}
