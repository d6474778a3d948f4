import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { ZOrganizationForm } from '../organizations/organizations.schema.js';
import { registerOrganization } from '../organizations/register-organization.js';
import { verifyOrganization } from '../organizations/verify-organization.js';
import { openApiDocument } from './openapi.js';
import { organizationsParameters } from './open-data.schema.js';
import { csvColumns } from './presenters.js';
import { addOrganization, nipFor, type OrganizationSpec } from './test-fixtures.js';

const base = 'http://localhost:3000';

const krokus: OrganizationSpec = {
  name: 'Stowarzyszenie Społeczno-Kulturalne „Krokus”',
  shortName: 'Krokus',
  spheres: ['16', '27'],
  city: 'Leszno',
  areaScope: 'lokalny',
  areaOfActivity: 'Leszno i okolice',
  oppYear: '2019',
  volunteers: true,
  volunteersDescription: 'Pomoc przy festiwalu.',
  email: 'kontakt@krokus.example.pl',
  phone: '+48 65 529 00 00',
  website: 'https://krokus.example.pl',
  description: '**Kultura** dla wszystkich.',
  street: 'ul. Słowiańska 1',
  postalCode: '64-100',
};
const fixtures: OrganizationSpec[] = [
  krokus,
  {
    name: 'Fundacja Łódzkie Serca',
    legalForm: 'fundacja',
    spheres: ['1'],
    city: 'Łódź',
    areaScope: 'regionalny',
    oppYear: '2020',
  },
  {
    name: '=SUMA(1;2) Klub "Orzeł"',
    shortName: '-Minus',
    legalForm: 'uks',
    spheres: ['18'],
    city: 'Leszno',
    areaOfActivity: '@Leszno; okolice',
    phone: '+48 600 100 200',
  },
  { name: 'Akademia Seniora', spheres: ['10', '16'], city: 'Święciechowa', volunteers: true },
  { name: 'Ognisko Łączy Pokolenia', spheres: ['10'], city: 'Leszno', areaScope: 'krajowy' },
  { name: 'Leszczyńskie Towarzystwo Śpiewacze', spheres: ['16'], city: 'Leszno', status: 'pending' },
  { name: 'Zawieszone Koło Gospodyń', legalForm: 'kgw', spheres: ['16'], city: 'Leszno', status: 'suspended' },
];
/** Verified: the five above plus "Fundacja Łączy Nas", registered and verified through the use-cases. */
const verifiedCount = 6;
const hidden = ['Leszczyńskie Towarzystwo Śpiewacze', 'Zawieszone Koło Gospodyń'];

interface ListBody {
  data: Array<Record<string, unknown> & { name: string; slug: string }>;
  meta: { page: number; per_page: number; total: number; total_pages: number };
  links: { self: string; first: string; prev: string | null; next: string | null; last: string };
}

/** Validates JSON against a schema of the OpenAPI document, by name (the document's own $refs resolve). */
function schemaValidator() {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...openApiDocument({ baseUrl: base, rateLimitPerMinute: 120 }), $id: 'https://wspolnie.test/openapi.json' });
  return (name: string, data: unknown) => {
    const validate = ajv.compile({ $ref: `https://wspolnie.test/openapi.json#/components/schemas/${name}` });
    assert.ok(validate(data), `${name}: ${ajv.errorsText(validate.errors)}`);
  };
}

describe('open data: exports, API and the page', () => {
  let t: TestApp;
  let visitor: TestClient;
  const slugs: Record<string, string> = {};
  const matches = schemaValidator();

  before(async () => {
    t = await createTestApp();
    visitor = t.client();
    for (const spec of fixtures) slugs[spec.name] = (await addOrganization(t.services, spec)).slug;
    const member = await createUser(t.services, 'czlonek@example.org');
    const official = await createUser(t.services, 'urzednik@example.org', ['official']);
    const registered = await registerOrganization(
      t.services,
      member,
      ZOrganizationForm.parse({
        name: 'Fundacja Łączy Nas',
        legalForm: 'fundacja',
        nip: nipFor(999),
        spheres: ['16', '27'],
        city: 'Leszno',
        email: 'kontakt@laczy.example.pl',
      }),
    );
    assert.ok(registered.ok);
    slugs['Fundacja Łączy Nas'] = registered.slug;
    const { version } = await t.services.db
      .selectFrom('organizations')
      .select('version')
      .where('id', '=', registered.id)
      .executeTakeFirstOrThrow();
    assert.equal(await verifyOrganization(t.services, official, registered.id, version), 'verified');
  });
  after(async () => t.close());

  async function csvOf(url: string) {
    const response = await visitor.get(url);
    assert.equal(response.status, 200, url);
    assert.ok(response.body.startsWith('\uFEFF'), 'UTF-8 byte-order mark');
    const records = parse(response.body.slice(1), { delimiter: ';', record_delimiter: '\r\n' }) as string[][];
    const [header, ...rows] = records;
    assert.deepEqual(header, [...csvColumns]);
    return { response, rows: rows.map((r) => Object.fromEntries(csvColumns.map((c, i) => [c, r[i]!]))) };
  }

  async function jsonOf<T>(url: string, status = 200): Promise<T> {
    const response = await visitor.get(url);
    assert.equal(response.status, status, `${url}: ${response.body.slice(0, 300)}`);
    return JSON.parse(response.body) as T;
  }

  describe('CSV export', () => {
    it('lists the verified organisations with Polish headers, as a dated download', async () => {
      const { response, rows } = await csvOf('/organizacje.csv');
      assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8; header=present');
      assert.match(
        String(response.headers['content-disposition']),
        /^attachment; filename="organizacje-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      assert.equal(response.headers['cache-control'], 'public, max-age=60');
      assert.equal(response.headers['set-cookie'], undefined, 'a cacheable answer sets no cookie');
      assert.equal(rows.length, verifiedCount);
      for (const name of hidden) assert.ok(!rows.some((r) => r.nazwa === name), `${name} is not public`);
      assert.doesNotMatch(response.body, /czlonek@example\.org|urzednik@example\.org/, 'no member data');
      assert.ok(response.body.endsWith('\r\n'));

      const row = rows.find((r) => r.nazwa === krokus.name)!;
      assert.deepEqual(row, {
        nazwa: krokus.name,
        nazwa_skrocona: 'Krokus',
        forma_prawna: 'stowarzyszenie',
        krs: '',
        nip: row.nip,
        regon: '',
        miejscowosc: 'Leszno',
        zasieg: 'lokalny',
        obszar_dzialania: 'Leszno i okolice',
        sfery: '16|27',
        opp_rok: '2019',
        wolontariat: 'tak',
        email: 'kontakt@krokus.example.pl',
        telefon: "'+48 65 529 00 00",
        www: 'https://krokus.example.pl',
        profil: `${base}/organizacje/${slugs[krokus.name]}`,
        zweryfikowano: '2026-04-01',
        dane_potwierdzone: '2026-04-01',
      });
      assert.match(row.nip ?? '', /^\d{10}$/);
      assert.equal(rows.find((r) => r.nazwa === 'Fundacja Łódzkie Serca')!.wolontariat, 'nie');
    });

    it('quotes, and guards cells a spreadsheet would run as formulas', async () => {
      const { response, rows } = await csvOf('/organizacje.csv?q=suma');
      assert.equal(rows.length, 1);
      assert.ok(response.body.includes(`"'=SUMA(1;2) Klub ""Orzeł""";'-Minus;uks;`), response.body);
      assert.ok(response.body.includes(`;"'@Leszno; okolice";18;`));
      assert.equal(rows[0]!.nazwa, `'=SUMA(1;2) Klub "Orzeł"`);
      assert.equal(rows[0]!.telefon, "'+48 600 100 200");
    });

    it('respects the directory filters: words without Polish letters, spheres (OR), legal form, flags', async () => {
      const names = async (query: string) => (await csvOf(`/organizacje.csv?${query}`)).rows.map((r) => r.nazwa);
      assert.deepEqual(await names('q=lodz'), ['Fundacja Łódzkie Serca']);
      assert.deepEqual(await names(`q=${encodeURIComponent('ŁĄCZY')}&sort=nazwa`), [
        'Fundacja Łączy Nas',
        'Ognisko Łączy Pokolenia',
      ]);
      assert.deepEqual(await names('sfera=27'), ['Fundacja Łączy Nas', krokus.name]);
      assert.deepEqual(await names('sfera=27&sfera=1'), ['Fundacja Łączy Nas', 'Fundacja Łódzkie Serca', krokus.name]);
      assert.deepEqual(await names('sfera=16&wolontariat=1'), ['Akademia Seniora', krokus.name]);
      assert.deepEqual(await names('forma=fundacja&opp=1'), ['Fundacja Łódzkie Serca']);
      assert.deepEqual(await names('zasieg=krajowy'), ['Ognisko Łączy Pokolenia']);
      assert.deepEqual(await names('q=xyzzy'), []);
    });

    it('lists only verified organisations, even for an official asking for pending ones', async () => {
      const official = t.client();
      await signInClient(official, 'urzednik@example.org');
      for (const query of ['stan=weryfikacja', 'stan=zawieszone']) {
        const response = await official.get(`/organizacje.csv?${query}`);
        assert.equal(response.status, 200);
        for (const name of hidden) assert.ok(!response.body.includes(name), `${query}: ${name}`);
        const json = await official.get(`/organizacje.json?${query}`);
        for (const name of hidden) assert.ok(!json.body.includes(name), `${query}: ${name}`);
      }
    });
  });

  describe('JSON export', () => {
    it('has generated_at, filters, the organisations and their count, as documented', async () => {
      const response = await visitor.get('/organizacje.json?sfera=16&q=Akademia');
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
      assert.match(
        String(response.headers['content-disposition']),
        /^attachment; filename="organizacje-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      assert.equal(response.headers['cache-control'], 'public, max-age=60');
      const body = JSON.parse(response.body) as {
        generated_at: string;
        filters: Record<string, unknown>;
        count: number;
        organizations: Array<Record<string, unknown>>;
      };
      matches('DirectoryExport', body);
      assert.deepEqual(Object.keys(body).sort(), ['count', 'filters', 'generated_at', 'organizations']);
      assert.ok(Math.abs(Date.parse(body.generated_at) - Date.now()) < 60_000);
      assert.deepEqual(body.filters, {
        q: 'Akademia',
        spheres: ['16'],
        legal_forms: [],
        areas: [],
        opp: false,
        volunteers: false,
        sort: 'relevance',
      });
      assert.equal(body.count, 1);
      assert.equal(body.organizations[0]!.name, 'Akademia Seniora');
      assert.deepEqual(body.organizations[0]!.spheres, ['10', '16']);
      assert.equal(body.organizations[0]!.volunteers_wanted, true);
    });

    it('lists every verified organisation, phone numbers unchanged, nothing of members', async () => {
      const body = await jsonOf<{ count: number; organizations: Array<Record<string, unknown>> }>('/organizacje.json');
      matches('DirectoryExport', body);
      assert.equal(body.count, verifiedCount);
      assert.equal(body.organizations.length, verifiedCount);
      const names = body.organizations.map((o) => o.name);
      for (const name of hidden) assert.ok(!names.includes(name));
      const k = body.organizations.find((o) => o.name === krokus.name)!;
      assert.equal(k.phone, '+48 65 529 00 00');
      assert.equal(k.profile_url, `${base}/organizacje/${slugs[krokus.name]}`);
      assert.equal(k.api_url, `${base}/api/v1/organizations/${slugs[krokus.name]}`);
      assert.equal(k.verified_at, '2026-03-31T22:30:00.000Z');
      assert.doesNotMatch(JSON.stringify(body), /czlonek@example|urzednik@example|verified_by|created_by|"version"/);
    });

    it('an empty result is still a whole document', async () => {
      const body = await jsonOf<{ count: number; organizations: unknown[] }>('/organizacje.json?q=xyzzy');
      matches('DirectoryExport', body);
      assert.equal(body.count, 0);
      assert.deepEqual(body.organizations, []);
    });
  });

  describe('API', () => {
    it('pages through the organisations with links in the body and the Link header', async () => {
      const first = await visitor.get('/api/v1/organizations?per_page=4');
      assert.equal(first.status, 200);
      assert.equal(first.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(first.headers['access-control-allow-origin'], '*');
      assert.equal(first.headers['cache-control'], 'public, max-age=60');
      const body = JSON.parse(first.body) as ListBody;
      matches('OrganizationPage', body);
      assert.deepEqual(body.meta, { page: 1, per_page: 4, total: verifiedCount, total_pages: 2 });
      assert.equal(body.data.length, 4);
      assert.deepEqual(body.links, {
        self: `${base}/api/v1/organizations?page=1&per_page=4`,
        first: `${base}/api/v1/organizations?page=1&per_page=4`,
        prev: null,
        next: `${base}/api/v1/organizations?page=2&per_page=4`,
        last: `${base}/api/v1/organizations?page=2&per_page=4`,
      });
      assert.equal(
        first.headers.link,
        `<${base}/api/v1/organizations?page=1&per_page=4>; rel="first", <${base}/api/v1/organizations?page=2&per_page=4>; rel="next", <${base}/api/v1/organizations?page=2&per_page=4>; rel="last"`,
      );

      const second = await jsonOf<ListBody>(body.links.next!.slice(base.length));
      assert.equal(second.data.length, 2);
      assert.equal(second.links.prev, body.links.first);
      assert.equal(second.links.next, null);
      const exported = await jsonOf<{ organizations: Array<{ name: string }> }>('/organizacje.json');
      assert.deepEqual(
        [...body.data, ...second.data].map((o) => o.name),
        exported.organizations.map((o) => o.name),
        'the pages together are the export, in the same order',
      );
    });

    it('keeps the filters in every link; the middle page links both ways', async () => {
      const body = await jsonOf<ListBody>('/api/v1/organizations?sphere=16&sphere=27&sphere=10&per_page=1&page=2');
      matches('OrganizationPage', body);
      assert.equal(body.meta.total, 4);
      const link = (page: number) => `${base}/api/v1/organizations?sphere=16&sphere=27&sphere=10&page=${page}&per_page=1`;
      assert.deepEqual(body.links, { self: link(2), first: link(1), prev: link(1), next: link(3), last: link(4) });
      const response = await visitor.get('/api/v1/organizations?sphere=16&sphere=27&sphere=10&per_page=1&page=2');
      assert.match(String(response.headers.link), new RegExp(`<${link(1).replace(/[?.]/g, '\\$&')}>; rel="prev"`));
      const beyond = await jsonOf<ListBody>('/api/v1/organizations?per_page=100&page=3');
      assert.deepEqual(beyond.data, []);
      assert.equal(beyond.links.next, null);
      assert.equal(beyond.links.prev, `${base}/api/v1/organizations?page=1&per_page=100`, 'back to the last page');
    });

    it('filters like the directory: folded words, spheres, legal forms, areas, OPP, volunteers, sort', async () => {
      const names = async (query: string) => (await jsonOf<ListBody>(`/api/v1/organizations?${query}`)).data.map((o) => o.name);
      assert.deepEqual(await names('q=lodz'), ['Fundacja Łódzkie Serca']);
      assert.deepEqual(await names(`q=${encodeURIComponent('łączy')}&sort=name`), [
        'Fundacja Łączy Nas',
        'Ognisko Łączy Pokolenia',
      ]);
      assert.deepEqual(await names('sphere=27'), ['Fundacja Łączy Nas', krokus.name]);
      assert.deepEqual(await names('legal_form=fundacja&opp=true'), ['Fundacja Łódzkie Serca']);
      assert.deepEqual(await names('area=krajowy&area=regionalny'), ['Fundacja Łódzkie Serca', 'Ognisko Łączy Pokolenia']);
      assert.deepEqual(await names('volunteers=true'), ['Akademia Seniora', krokus.name]);
      assert.deepEqual(await names('opp=false&volunteers=false').then((n) => n.length), verifiedCount);
      for (const name of hidden) assert.deepEqual(await names(`q=${encodeURIComponent(name)}`), []);
    });

    it('takes per_page from 1 to 100 and refuses the rest with a problem document', async () => {
      assert.equal((await jsonOf<ListBody>('/api/v1/organizations?per_page=1')).data.length, 1);
      assert.equal((await jsonOf<ListBody>('/api/v1/organizations?per_page=100')).meta.per_page, 100);
      assert.equal((await jsonOf<ListBody>('/api/v1/organizations')).meta.per_page, 20);
      for (const value of ['0', '101', '-1', 'abc', '1.5', '', '1e2']) {
        const body = await jsonOf<{ errors: Array<{ parameter: string }> }>(`/api/v1/organizations?per_page=${value}`, 400);
        assert.deepEqual(
          body.errors.map((e) => e.parameter),
          ['per_page'],
          `per_page=${value}`,
        );
      }
      await jsonOf('/api/v1/organizations?per_page=5&per_page=6', 400);
      await jsonOf('/api/v1/organizations?page=0', 400);
      await jsonOf('/api/v1/organizations?page=10001', 400);
    });

    it('refuses bad parameters with RFC 9457 problem JSON naming each one, never an HTML page', async () => {
      const response = await visitor.get(
        `/api/v1/organizations?strona=2&sphere=abc&legal_form=nieznana&area=kosmos&opp=1&sort=date&q=a&q=b`,
      );
      assert.equal(response.status, 400);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.equal(response.headers['access-control-allow-origin'], '*');
      const body = JSON.parse(response.body) as { errors: Array<{ parameter: string; detail: string }> };
      matches('Problem', body);
      assert.equal((body as unknown as { title: string }).title, 'Bad Request');
      assert.deepEqual(body.errors.map((e) => e.parameter).sort(), ['area', 'opp', 'q', 'sort', 'sphere', 'strona']);
      assert.match(body.errors.find((e) => e.parameter === 'q')!.detail, /at most once/);

      const unknownCodes = await jsonOf<{ errors: Array<{ parameter: string; detail: string }> }>(
        '/api/v1/organizations?sphere=99&legal_form=nieznana',
        400,
      );
      matches('Problem', unknownCodes);
      assert.deepEqual(
        unknownCodes.errors.map((e) => e.parameter),
        ['sphere', 'legal_form'],
      );
      assert.match(unknownCodes.errors[0]!.detail, /99.*\/api\/v1\/spheres/);
      await jsonOf(`/api/v1/organizations?q=${'a'.repeat(201)}`, 400);
      await jsonOf('/api/v1/spheres?lang=en', 400);
    });

    it('gives one verified organisation with its profile texts; 404 problem for pending, suspended and unknown', async () => {
      const response = await visitor.get(`/api/v1/organizations/${slugs[krokus.name]}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers['cache-control'], 'public, max-age=60');
      const { data } = JSON.parse(response.body) as { data: Record<string, unknown> };
      matches('OrganizationResponse', { data });
      assert.equal(data.name, krokus.name);
      assert.equal(data.description, '**Kultura** dla wszystkich.');
      assert.equal(data.volunteers_description, 'Pomoc przy festiwalu.');
      assert.equal(data.street, 'ul. Słowiańska 1');
      assert.deepEqual(data.spheres, ['16', '27']);
      assert.equal(data.opp_year, 2019);

      for (const slug of [
        slugs['Leszczyńskie Towarzystwo Śpiewacze'],
        slugs['Zawieszone Koło Gospodyń'],
        'nie-ma-takiej',
        'ZLE',
      ]) {
        const missing = await visitor.get(`/api/v1/organizations/${slug}`);
        assert.equal(missing.status, 404, slug);
        assert.equal(missing.headers['content-type'], 'application/problem+json; charset=utf-8');
        matches('Problem', JSON.parse(missing.body));
      }
      await jsonOf(`/api/v1/organizations/${slugs[krokus.name]}?fields=name`, 400);
    });

    it('publishes the dictionaries', async () => {
      const spheres = await jsonOf<{ data: Array<{ code: string; label_pl: string }> }>('/api/v1/spheres');
      matches('SphereList', spheres);
      assert.ok(spheres.data.length >= 40);
      assert.equal(
        spheres.data.find((s) => s.code === '16')!.label_pl,
        'kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego',
      );
      const forms = await jsonOf<{ data: Array<{ code: string; can_be_opp: boolean }> }>('/api/v1/legal-forms');
      matches('LegalFormList', forms);
      assert.equal(forms.data.find((f) => f.code === 'fundacja')!.can_be_opp, true);
    });

    it('answers an unknown API address with a JSON 404, not the site page', async () => {
      for (const url of ['/api/v1/nothing', '/api/v1', '/api/v1/organizations/a/b']) {
        const response = await visitor.get(url);
        assert.equal(response.status, 404, url);
        assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8', url);
        assert.equal(response.headers['access-control-allow-origin'], '*');
      }
    });
  });

  describe('OpenAPI document', () => {
    it('is served, and describes exactly the API routes of the app', async () => {
      const document = await jsonOf<{
        openapi: string;
        servers: Array<{ url: string }>;
        paths: Record<string, Record<string, { parameters?: Array<Record<string, unknown>>; operationId: string }>>;
      }>('/api/v1/openapi.json');
      assert.equal(document.openapi, '3.1.0');
      assert.deepEqual(document.servers, [{ url: base }]);
      const documented = Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
      const routes = t.app.routeCatalogue.map((r) => `${r.method} ${r.url}`);
      const api = routes.filter((r) => / \/api\/v1\//.test(r));
      assert.ok(api.length >= 5, `found ${api.length} API routes`);
      assert.deepEqual(
        api.filter((r) => !documented.includes(r)),
        [],
        'API routes missing from the document',
      );
      assert.deepEqual(
        documented.filter((d) => !routes.includes(d)),
        [],
        'documented paths the app does not have',
      );
      const operationIds = Object.values(document.paths).flatMap((item) => Object.values(item).map((o) => o.operationId));
      assert.equal(new Set(operationIds).size, operationIds.length, 'operation ids are unique');
    });

    it('resolves every $ref, declares every path parameter, and documents each parameter the API accepts', async () => {
      const document = openApiDocument({ baseUrl: base, rateLimitPerMinute: 120 }) as unknown as Record<string, unknown>;
      const refs: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node)) {
            if (key === '$ref' && typeof value === 'string') refs.push(value);
            else walk(value);
          }
        }
      };
      walk(document);
      assert.ok(refs.length > 20);
      const resolve = (ref: string): unknown =>
        ref
          .slice(2)
          .split('/')
          .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      assert.deepEqual(
        refs.filter((r) => !r.startsWith('#/') || resolve(r) === undefined),
        [],
        'unresolved $refs',
      );

      const paths = document.paths as Record<
        string,
        Record<string, { parameters?: Array<{ $ref?: string; name?: string; in?: string }> }>
      >;
      const parameterOf = (p: { $ref?: string; name?: string; in?: string }) =>
        (p.$ref ? resolve(p.$ref) : p) as { name: string; in: string };
      for (const [path, item] of Object.entries(paths)) {
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        for (const operation of Object.values(item)) {
          const declared = (operation.parameters ?? [])
            .map(parameterOf)
            .filter((p) => p.in === 'path')
            .map((p) => p.name);
          assert.deepEqual(declared, inPath, path);
        }
      }
      const listed = (paths['/api/v1/organizations']!.get!.parameters ?? []).map((p) => parameterOf(p).name);
      assert.deepEqual(listed.sort(), [...organizationsParameters].sort());
    });
  });

  describe('the open data page', () => {
    it('explains the files and the API in Polish, with working links', async () => {
      const page = await visitor.get('/otwarte-dane');
      assert.equal(page.status, 200);
      assert.match(page.body, /<html lang="pl"/);
      assert.match(page.body, /<h1>Otwarte dane<\/h1>/);
      for (const href of ['/organizacje.csv', '/organizacje.json', '/api/v1/openapi.json', '/organizacje']) {
        assert.ok(page.body.includes(`href="${href}"`), href);
      }
      assert.match(page.body, /120 razy na minutę/);
      assert.match(page.body, /ponownym wykorzystywaniu informacji sektora publicznego/);
      for (const column of csvColumns) assert.ok(page.body.includes(`<code>${column}</code>`), column);
      assert.doesNotMatch(page.body, /openData\./, 'no untranslated keys');
      const examples = [...page.body.matchAll(/<a href="(http:\/\/localhost:3000\/[^"]+)"/g)].map((m) =>
        m[1]!.replace(/&amp;/g, '&'),
      );
      assert.ok(examples.length >= 3);
      for (const example of examples) assert.equal((await visitor.get(example.slice(base.length))).status, 200, example);
      assert.match((await visitor.get('/')).body, /<a href="\/otwarte-dane">Otwarte dane<\/a>/, 'linked in the footer');
    });

    it('has a complete English version', async () => {
      const english = t.client();
      await english.get('/jezyk/en?wroc=/');
      const page = await english.get('/otwarte-dane');
      assert.match(page.body, /<html lang="en"/);
      assert.match(page.body, /<h1>Open data<\/h1>/);
      assert.match(page.body, /120 times per minute/);
      assert.doesNotMatch(page.body, /openData\./);
    });
  });
});

describe('open data: the API limit', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { API_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  after(async () => t.close());

  it('refuses the request over the limit with JSON 429 and Retry-After; pages keep their own limit', async () => {
    const client = t.client();
    for (let i = 0; i < 3; i++) assert.equal((await client.get('/api/v1/spheres')).status, 200);
    const refused = await client.get('/api/v1/spheres');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.ok(Number(refused.headers['retry-after']) > 0, 'Retry-After in seconds');
    assert.equal(refused.headers['access-control-allow-origin'], '*');
    const body = JSON.parse(refused.body) as { status: number; title: string };
    assert.equal(body.status, 429);
    assert.equal(body.title, 'Too Many Requests');

    assert.equal((await client.get('/otwarte-dane')).status, 200, 'the page is under the limit for pages');
    for (let i = 0; i < 3; i++) assert.equal((await client.get('/organizacje.csv')).status, 200);
    const file = await client.get('/organizacje.csv');
    assert.equal(file.status, 429, 'exports have the API limit');
    assert.match(file.body, /<html lang="pl"/, 'a person downloading a file gets the Polish page');
  });
});
