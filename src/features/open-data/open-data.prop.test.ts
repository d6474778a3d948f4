/**
 * Hostile query strings on the open-data routes, with the parameter names they really read: the API
 * answers JSON (data, or a 400/404 problem document naming only parameters that were sent), never a
 * 5xx or an HTML page; the exports, lenient like the directory page, always give their file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { checkProperty, hostileQuery, hostileText } from '../../test-support/hostile-input.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addOrganization } from './test-fixtures.js';

const apiNames = ['q', 'sphere', 'legal_form', 'area', 'opp', 'volunteers', 'sort', 'page', 'per_page'];
const exportNames = ['q', 'sfera', 'forma', 'zasieg', 'opp', 'wolontariat', 'sort', 'stan', 'strona'];
/** Plausible values too, so that valid requests are part of the mix. */
const value = fc.oneof(
  { arbitrary: hostileText, weight: 3 },
  {
    arbitrary: fc.constantFrom('true', 'false', '1', '16', '1a', 'fundacja', 'lokalny', 'name', 'relevance', '2', '100'),
    weight: 2,
  },
);

describe('open data under hostile query strings', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { API_RATE_LIMIT_PER_MINUTE: '1000000' } });
    await addOrganization(t.services, {
      name: 'Fundacja „Łączy Nas”',
      spheres: ['16'],
      city: 'Leszno',
      phone: '+48 600 000 000',
    });
  });
  after(async () => t.close());

  it('the API answers JSON: data or a problem naming the parameters sent', async () => {
    const paths = [
      '/api/v1/organizations',
      '/api/v1/organizations/fundacja-laczy-nas',
      '/api/v1/spheres',
      '/api/v1/openapi.json',
    ];
    await checkProperty(
      fc.tuple(fc.constantFrom(...paths), hostileQuery(apiNames, value)),
      async ([path, query]) => {
        const response = await t.client().get(`${path}?${query}`);
        const what = `${path}?${query.slice(0, 200)} → ${response.status}`;
        assert.ok([200, 400, 404].includes(response.status), what);
        const type = String(response.headers['content-type']);
        const body = JSON.parse(response.body) as { status?: number; errors?: Array<{ parameter: string }> };
        if (response.status === 200) {
          assert.equal(type, 'application/json; charset=utf-8', what);
          return;
        }
        assert.equal(type, 'application/problem+json; charset=utf-8', what);
        assert.equal(body.status, response.status, what);
        if (response.status === 400) {
          assert.ok(body.errors && body.errors.length > 0, what);
          const sent = new Set([...new URLSearchParams(query).keys()]);
          for (const e of body.errors) assert.ok(sent.has(e.parameter) || e.parameter.length === 100, `${what}: ${e.parameter}`);
        }
      },
      150,
    );
  });

  it('the exports ignore what they cannot use and always give the file', async () => {
    await checkProperty(
      fc.tuple(fc.constantFrom('/organizacje.csv', '/organizacje.json'), hostileQuery(exportNames, value)),
      async ([path, query]) => {
        const response = await t.client().get(`${path}?${query}`);
        assert.equal(response.status, 200, `${path}?${query.slice(0, 200)} → ${response.status}`);
        if (path.endsWith('.json')) {
          const document = JSON.parse(response.body) as { count: number; organizations: unknown[] };
          assert.equal(document.count, document.organizations.length);
        } else {
          assert.ok(response.body.startsWith('\uFEFFnazwa;'));
        }
      },
      100,
    );
  });
});
