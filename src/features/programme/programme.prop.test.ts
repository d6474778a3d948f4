/**
 * The programme's forms under hostile input, on a real draft: each field either valid or hostile,
 * over every body transport. Never a 5xx; a refusal (4xx) changes no programme, version or audit
 * entry; whatever is stored is always a well-formed document (nothing half-written).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  assertWellFormedAnswer,
  bodyTransports,
  checkProperty,
  hostileForm,
  submit,
  validOrHostile,
  writtenState,
} from '../../test-support/hostile-input.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { parseSections } from './programme-sections.js';
import { insertMeetingWithOutcomes } from './test-fixtures.js';

/** Stands for the version row and lock of the draft as it is when the form is sent. */
const current = 'CURRENT';

describe('programme forms under hostile input', () => {
  let t: TestApp;
  let official: TestClient;
  let programmeId: number;
  let meetingId: number;

  before(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'error' } });
    await createUser(t.services, 'urzednik@example.org', ['official']);
    official = t.client();
    await signInClient(official, 'urzednik@example.org');
    meetingId = await insertMeetingWithOutcomes(t.services.db);
    await official.get('/program-wspolpracy/nowy');
    const response = await official.post('/program-wspolpracy/nowy', { yearFrom: '2035', start: 'empty' });
    programmeId = Number(/\/program-wspolpracy\/(\d+)/.exec(response.location ?? '')?.[1]);
  });
  after(async () => t.close());

  const state = () =>
    writtenState(t.services, { programmes: 'programmes', versions: 'programme_versions' }, { audit: 'audit_log' });

  const lock = { versionId: current, version: current };

  it('never answers 5xx, a refusal writes nothing, and every stored document is well formed', async () => {
    const base = () => `/program-wspolpracy/${programmeId}`;
    const forms = [
      {
        page: () => '/program-wspolpracy/nowy',
        url: () => '/program-wspolpracy/nowy',
        fields: validOrHostile({ yearFrom: '2036', yearTo: '', title: 'Program', start: 'empty' }),
      },
      {
        page: () => `${base()}/sekcje/cele`,
        url: () => `${base()}/sekcje/cele`,
        fields: validOrHostile({
          ...lock,
          main: 'Cel główny',
          mainSource: '1:1',
          'specific.0.text': 'Cel',
          'specific.0.source': '1:2',
          'specific.0.remove': '',
          'specific.7.text': 'Drugi',
        }),
      },
      {
        page: () => `${base()}/sekcje/zasady`,
        url: () => `${base()}/sekcje/zasady`,
        fields: validOrHostile({ ...lock, 'statutory.0': 'yes', 'statutory.5': 'yes', 'local.0.text': 'równości szans' }),
      },
      {
        page: () => `${base()}/sekcje/zadania`,
        url: () => `${base()}/sekcje/zadania`,
        fields: validOrHostile({
          ...lock,
          'tasks.0.sphere': '16',
          'tasks.0.task': 'Kultura',
          'tasks.0.unit': 'Wydział',
          'tasks.0.mode': 'konkurs',
          'tasks.0.amount': '1 000,00',
          'tasks.0.remove': '',
        }),
      },
      {
        page: () => `${base()}/sekcje/srodki`,
        url: () => `${base()}/sekcje/srodki`,
        fields: validOrHostile({ ...lock, override: 'Kwota' }),
      },
      {
        page: () => `${base()}/sekcje/uchwala`,
        url: () => `${base()}/sekcje/uchwala`,
        fields: validOrHostile({ ...lock, legalBasis: 'Art. 5a', 'paragraphs.0.text': '§ 1', entryIntoForce: 'Z dniem' }),
      },
      {
        page: () => `${base()}/sekcje/formy`,
        url: () => `${base()}/sekcje/formy/import`,
        fields: validOrHostile({ ...lock, meetingId: String(meetingId) }),
      },
      { page: () => base(), url: () => `${base()}/gotowy`, fields: validOrHostile(lock) },
      {
        page: () => `${base()}/sekcje/tworzenie`,
        url: () => `${base()}/sekcje/tworzenie/generuj`,
        fields: validOrHostile(lock),
      },
      {
        page: () => base(),
        url: () => `${base()}/przyjecie`,
        fields: validOrHostile({ ...lock, resolutionNumber: 'XLII/512/2035', resolutionDate: '2035-11-19' }),
      },
      { page: () => base(), url: () => `${base()}/publikacja`, fields: validOrHostile(lock) },
      { page: () => base(), url: () => `${base()}/nowa-wersja`, fields: validOrHostile(lock) },
    ];
    const scenario = fc.constantFrom(...forms).chain((form) =>
      fc.record({
        form: fc.constant(form),
        input: hostileForm(Object.keys(form.fields), form.fields),
        transport: bodyTransports,
      }),
    );
    await checkProperty(
      scenario,
      async ({ form, input, transport }) => {
        await official.get(form.page());
        const row = await t.services.db
          .selectFrom('programme_versions')
          .select(['id', 'version'])
          .where('programme_id', '=', programmeId)
          .orderBy('number', 'desc')
          .executeTakeFirstOrThrow();
        const fields = { ...input.fields };
        if (fields.versionId === current) fields.versionId = String(row.id);
        if (fields.version === current) fields.version = String(row.version);
        const before = await state();
        const response = await submit(t, official, form.url(), { ...input, fields }, { transport });
        assertWellFormedAnswer(response);
        if (response.status >= 400)
          assert.equal(await state(), before, `POST ${form.url()} refused (${response.status}) but wrote`);
        for (const stored of await t.services.db.selectFrom('programme_versions').select('sections_json').execute())
          assert.deepEqual(
            parseSections(stored.sections_json),
            JSON.parse(stored.sections_json),
            'a stored document is malformed',
          );
      },
      150,
    );
  });
});
