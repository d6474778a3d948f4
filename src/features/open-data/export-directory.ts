/**
 * The public directory as a file, streamed: the organisations matching the filters are read in
 * batches of 1000 (with their spheres, one query per batch) and each batch is written out as one
 * chunk, so the whole set is never held in memory. Batches are pages of one ordered query, each read
 * on its own: an organisation changed while a long export runs may be missed or repeated, as with
 * any paged listing (see docs/open-data.md).
 */
import type { Services } from '../../services.js';
import { type DirectoryFilters, type DirectoryRow, directoryBatches, spheresByOrganization } from '../organizations/index.js';
import { csvBom, csvRecord } from './csv.js';
import { csvColumns, csvValues, organizationSummary } from './presenters.js';

export const exportBatchSize = 1000;

interface Batch {
  rows: DirectoryRow[];
  spheres: Map<number, string[]>;
}

async function* batchesWithSpheres(services: Services, filters: DirectoryFilters): AsyncGenerator<Batch> {
  for await (const rows of directoryBatches(services.db, services.engine, filters, exportBatchSize)) {
    yield {
      rows,
      spheres: await spheresByOrganization(
        services.db,
        rows.map((r) => r.id),
      ),
    };
  }
}

/** The CSV file: BOM, the header record, then one record per organisation. */
export async function* directoryCsv(services: Services, filters: DirectoryFilters): AsyncGenerator<string> {
  const { baseUrl } = services.config;
  // The header travels with the first batch, so a failing query fails before any byte is sent.
  let head = csvBom + csvRecord(csvColumns);
  for await (const { rows, spheres } of batchesWithSpheres(services, filters)) {
    yield head + rows.map((o) => csvRecord(csvValues(o, spheres.get(o.id) ?? [], baseUrl))).join('');
    head = '';
  }
  if (head) yield head;
}

/** The filters as the JSON export states them (English keys, as in the API). */
export function filtersDocument(filters: DirectoryFilters) {
  return {
    q: filters.q,
    spheres: filters.spheres,
    legal_forms: filters.legalForms,
    areas: filters.areas,
    opp: filters.opp,
    volunteers: filters.volunteers,
    sort: filters.sort,
  };
}

/**
 * The JSON file: `{"generated_at", "filters", "organizations": [...], "count"}`, one organisation per
 * line. `count` comes last because it is the number of organisations actually written.
 */
export async function* directoryJson(services: Services, filters: DirectoryFilters, generatedAt: Date): AsyncGenerator<string> {
  const { baseUrl } = services.config;
  let head = `{"generated_at":${JSON.stringify(generatedAt.toISOString())},"filters":${JSON.stringify(filtersDocument(filters))},"organizations":[`;
  let count = 0;
  for await (const { rows, spheres } of batchesWithSpheres(services, filters)) {
    const items = rows.map((o) => JSON.stringify(organizationSummary(o, spheres.get(o.id) ?? [], baseUrl)));
    yield `${head}${count === 0 ? '\n' : ',\n'}${items.join(',\n')}`;
    head = '';
    count += rows.length;
  }
  yield `${head}${count === 0 ? '' : '\n'}],"count":${count}}\n`;
}
