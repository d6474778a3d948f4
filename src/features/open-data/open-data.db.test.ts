/**
 * The exports and the API on both engines, each from empty migrations, past the export's batch
 * size: the files come in batches, and the CSV, the JSON and the API's pages list the same
 * organisations in the same order, found the same way (Polish letters folded, facets).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { testEngines } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { filtersFromQuery, ZDirectoryQuery } from '../organizations/index.js';
import { directoryCsv, directoryJson, exportBatchSize } from './export-directory.js';
import { addManyOrganizations, addOrganization } from './test-fixtures.js';

const bulk = exportBatchSize + 203;
const base = 'http://localhost:3000';
const noFilters = filtersFromQuery(ZDirectoryQuery.parse({}), false).filters;

for (const engine of await testEngines()) {
  describe(`open data on ${engine}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ engine });
      await addManyOrganizations(t.services, bulk, '24');
      await addOrganization(t.services, { name: 'Fundacja Łódzkie Serca', legalForm: 'fundacja', spheres: ['1'], city: 'Łódź' });
      await addOrganization(t.services, {
        name: 'Żeglarski Klub Śródmieście',
        spheres: ['18', '1'],
        city: 'Leszno',
        oppYear: '2021',
      });
      await addOrganization(t.services, { name: 'Łódzkie Koło Oczekujące', spheres: ['1'], city: 'Łódź', status: 'pending' });
    });
    after(async () => t.close());

    it('streams each file in batches of 1000 organisations', async () => {
      const csvChunks: string[] = [];
      for await (const chunk of directoryCsv(t.services, noFilters)) csvChunks.push(chunk);
      assert.equal(csvChunks.length, 2, 'one chunk per batch');
      const records = parse(csvChunks.join('').slice(1), { delimiter: ';', record_delimiter: '\r\n' }) as string[][];
      assert.equal(records.length, 1 + bulk + 2, 'header and every verified organisation');
      assert.equal(csvChunks[0]!.split('\r\n').length - 1, 1 + exportBatchSize, 'the first chunk is the header and one batch');

      const jsonChunks: string[] = [];
      for await (const chunk of directoryJson(t.services, noFilters, new Date())) jsonChunks.push(chunk);
      assert.equal(jsonChunks.length, 3, 'two batches and the closing count');
      const document = JSON.parse(jsonChunks.join('')) as { count: number; organizations: unknown[] };
      assert.equal(document.count, bulk + 2);
      assert.equal(document.organizations.length, bulk + 2);
    });

    it('the CSV, the JSON and the API pages list the same organisations in the same order', async () => {
      const client = t.client();
      const csv = await client.get('/organizacje.csv');
      const csvNames = (parse(csv.body.slice(1), { delimiter: ';', record_delimiter: '\r\n' }) as string[][])
        .slice(1)
        .map((r) => r[0]);
      const json = JSON.parse((await client.get('/organizacje.json')).body) as { organizations: Array<{ name: string }> };
      const apiNames: string[] = [];
      let next: string | null = `${base}/api/v1/organizations?per_page=100`;
      let total = -1;
      while (next) {
        const response = await client.get(next.slice(base.length));
        assert.equal(response.status, 200, next);
        const page = JSON.parse(response.body) as {
          data: Array<{ name: string }>;
          meta: { total: number; total_pages: number };
          links: { next: string | null };
        };
        assert.equal(typeof page.meta.total, 'number', 'counts are numbers on every engine');
        total = page.meta.total;
        apiNames.push(...page.data.map((o) => o.name));
        next = page.links.next;
      }
      assert.equal(total, bulk + 2);
      assert.equal(apiNames.length, bulk + 2);
      assert.deepEqual(csvNames, apiNames);
      assert.deepEqual(
        json.organizations.map((o) => o.name),
        apiNames,
      );
      assert.equal(apiNames[0], 'Fundacja Łódzkie Serca', 'Polish order: F before O');
      assert.equal(apiNames.at(-1), 'Żeglarski Klub Śródmieście', 'Polish order: Ż last');
    });

    it('finds the same organisations by folded words and facets', async () => {
      const client = t.client();
      const api = async (query: string) =>
        (JSON.parse((await client.get(`/api/v1/organizations?${query}`)).body) as { data: Array<{ name: string }> }).data.map(
          (o) => o.name,
        );
      const csv = async (query: string) =>
        (
          parse((await client.get(`/organizacje.csv?${query}`)).body.slice(1), {
            delimiter: ';',
            record_delimiter: '\r\n',
          }) as string[][]
        )
          .slice(1)
          .map((r) => r[0]);
      for (const word of ['lodz', 'ŁÓDŹ', 'Łodz']) {
        assert.deepEqual(await api(`q=${encodeURIComponent(word)}`), ['Fundacja Łódzkie Serca'], word);
        assert.deepEqual(await csv(`q=${encodeURIComponent(word)}`), ['Fundacja Łódzkie Serca'], word);
      }
      assert.deepEqual(await api('q=srodm'), ['Żeglarski Klub Śródmieście']);
      assert.deepEqual(await api('sphere=1'), ['Fundacja Łódzkie Serca', 'Żeglarski Klub Śródmieście']);
      assert.deepEqual(await csv('sfera=1&opp=1'), ['Żeglarski Klub Śródmieście']);
      assert.deepEqual(await api('sphere=18&sphere=1&opp=true'), ['Żeglarski Klub Śródmieście']);
    });
  });
}
