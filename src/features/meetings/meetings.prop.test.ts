/**
 * The meeting forms under hostile input, on real meetings (the catalogue-wide property test only
 * reaches meeting 1, which does not exist there): each field either valid or hostile, over every
 * body transport. Never a 5xx; a Polish answer; a refusal (4xx) changes no meeting row, agenda item,
 * attachment, file, mail or audit entry; an accepted edit leaves a consistent record.
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
import { meetingForm } from './test-fixtures.js';

describe('meeting forms under hostile input', () => {
  let t: TestApp;
  let official: TestClient;
  let draftId: number;
  let publishedId: number;

  before(async () => {
    // Server errors are logged, so a failing run names its cause.
    t = await createTestApp({ env: { LOG_LEVEL: 'error' } });
    await createUser(t.services, 'urzednik@example.org', ['official']);
    official = t.client();
    await signInClient(official, 'urzednik@example.org');
    const create = async (topic: string) => {
      await official.get('/spotkania/nowe');
      const response = await official.post('/spotkania/nowe', meetingForm({ topic }));
      const id = Number(/\/spotkania\/(\d+)/.exec(response.location ?? '')?.[1]);
      await official.get(`/spotkania/${id}/program`);
      await official.post(`/spotkania/${id}/program`, { op: 'add', title: 'Rozpoczęcie', duration: '10' });
      return id;
    };
    draftId = await create('Projekt');
    publishedId = await create('Opublikowane');
    await official.get(`/spotkania/${publishedId}`);
    await official.post(`/spotkania/${publishedId}/publikacja`, { version: '1' });
  });
  after(async () => t.close());

  /** Everything a meeting form may write, as one comparable snapshot. */
  const state = () =>
    writtenState(
      t.services,
      { meetings: 'meetings', agenda: 'meeting_agenda_items', attachments: 'meeting_attachments' },
      { audit: 'audit_log', mails: 'mails', files: 'files' },
    );

  const valid = meetingForm();

  it('never answers 5xx, and a refusal writes nothing', async () => {
    const forms = [
      { page: () => '/spotkania/nowe', url: () => '/spotkania/nowe', fields: validOrHostile(valid) },
      {
        page: () => `/spotkania/${draftId}/edycja`,
        url: () => `/spotkania/${draftId}/edycja`,
        fields: validOrHostile({ ...valid, version: '1' }),
      },
      {
        page: () => `/spotkania/${draftId}/program`,
        url: () => `/spotkania/${draftId}/program`,
        fields: validOrHostile({ op: 'add', item: '1', title: 'Punkt', duration: '15' }),
      },
      {
        page: () => `/spotkania/${draftId}/zalaczniki`,
        url: () => `/spotkania/${draftId}/zalaczniki`,
        fields: validOrHostile({ op: 'title', item: '1', title: 'Załącznik' }),
      },
      {
        page: () => `/spotkania/${draftId}`,
        url: () => `/spotkania/${draftId}/publikacja`,
        fields: validOrHostile({ version: '2' }),
      },
      {
        page: () => `/spotkania/${publishedId}`,
        url: () => `/spotkania/${publishedId}/odwolanie`,
        fields: validOrHostile({ version: '99', reason: 'Powód' }),
      },
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
        const before = await state();
        const response = await submit(t, official, form.url(), input, { transport });
        assertWellFormedAnswer(response);
        if (response.status >= 400)
          assert.equal(await state(), before, `POST ${form.url()} refused (${response.status}) but wrote`);
        const broken = await t.services.db
          .selectFrom('meetings')
          .select('id')
          .where((eb) =>
            eb.or([eb('ends_at', '<=', eb.ref('starts_at')), eb.and([eb('place', 'is', null), eb('online_url', 'is', null)])]),
          )
          .execute();
        assert.deepEqual(broken, [], 'a meeting ends before it starts, or has neither place nor link');
      },
      120,
    );
  });
});
