import { createHash } from 'node:crypto';
import type { Services } from '../../services.js';
import { importFileKey, insertImport } from './organization-import.repo.js';
import { planImport } from './plan-import.js';
import { readCsv, type CsvProblem } from './read-csv.js';

export type DryRunResult = { ok: true; id: number } | ({ ok: false } & CsvProblem);

/**
 * An official uploads a CSV file: it is read and every row classified against the directory as it
 * is now, and the file is kept with that report until it is committed. Nothing in the directory
 * changes. A file that cannot be read as a whole is refused and nothing is kept.
 */
export async function dryRunImport(services: Services, userId: number, bytes: Buffer): Promise<DryRunResult> {
  const csv = readCsv(bytes);
  if (!csv.ok) return csv;
  const { report } = await planImport(services.db, csv.file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const id = await services.db.transaction().execute(async (trx) => {
    await services.files.write(importFileKey(sha256), 'text/csv', bytes, trx);
    return insertImport(trx, {
      fileSha256: sha256,
      fileBytes: bytes.length,
      uploadedBy: userId,
      uploadedAt: new Date().toISOString(),
      reportJson: JSON.stringify(report),
    });
  });
  return { ok: true, id };
}
