/**
 * The kernel on its own, with routes the features do not have: a state-changing route that forgot
 * its access rule still needs the CSRF token; requests refused before routing get the Polish page
 * through `handleFrameworkError`; `safeLocalPath` keeps every return path on this site.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { createServices } from '../../services.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { testConfig } from '../../test-support/test-app.js';
import { handleFrameworkError, installErrorHandlers } from './errors.js';
import { registerKernel, safeLocalPath } from './kernel.js';

describe('the HTTP kernel', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  before(async () => {
    database = await createTestDatabase('sqlite');
    const services = createServices(database.database, testConfig());
    app = Fastify({ frameworkErrors: handleFrameworkError, routerOptions: { maxParamLength: 50 } });
    await registerKernel(app, services);
    installErrorHandlers(app, services);
    app.post('/bez-reguly', async () => 'zapisano');
    app.get('/rzecz/:id', { config: { access: 'public' } }, async () => 'rzecz');
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.drop();
  });

  it('refuses a POST without a CSRF token even on a route that declares no access rule', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/bez-reguly',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=b',
    });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /<html lang="pl"/);
    assert.match(response.body, /Formularz wygasł lub został wysłany spoza serwisu/);
  });

  it('answers a POST to an unknown address with the Polish 404, not a CSRF error', async () => {
    const response = await app.inject({ method: 'POST', url: '/nie-ma', payload: '' });
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /Nie znaleziono strony/);
  });

  for (const [what, url] of [
    ['an undecodable path', '/rzecz/%FF%FE'],
    ['a path parameter over the limit', `/rzecz/${'x'.repeat(60)}`],
  ]) {
    it(`answers ${what} with a Polish HTML page, not Fastify's JSON`, async () => {
      const response = await app.inject({ method: 'GET', url });
      assert.ok(response.statusCode >= 400 && response.statusCode < 500, `status ${response.statusCode}`);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.match(response.body, /<html lang="pl"/);
      assert.match(response.body, /<h1>Nieprawidłowe żądanie<\/h1>/);
    });
  }

  it('keeps return paths local: what a browser would resolve stays on this site', () => {
    const cases: Array<[string, string]> = [
      ['/konto', '/konto'],
      ['/admin/dziennik?akcja=role&od=2024-01-01#wpis', '/admin/dziennik?akcja=role&od=2024-01-01#wpis'],
      ['/zażółć?q=ą', '/za%C5%BC%C3%B3%C5%82%C4%87?q=%C4%85'],
      ['//evil.example', '/'],
      ['https://evil.example', '/'],
      ['/\\evil.example', '/'],
      ['/\t/evil.example', '/'],
      ['/\n/evil.example', '/'],
      ['/..//evil.example', '/'],
      ['/%2e%2e//evil.example', '/'],
      ['/a\r\nSet-Cookie: x=y', '/'],
      [`/${'a'.repeat(501)}`, '/'],
      ['konto', '/'],
    ];
    for (const [input, expected] of cases) assert.equal(safeLocalPath(input), expected, JSON.stringify(input));
    assert.equal(safeLocalPath(undefined, '/konto'), '/konto');
    assert.equal(safeLocalPath(['/a', '/b']), '/');
  });
});
