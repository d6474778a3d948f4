/**
 * The answers' forms under hostile input, on real submissions: each field either valid or hostile,
 * over every body transport. Never a 5xx; a refusal (4xx) changes no submission, consultation,
 * programme version, audit entry or mail; a stored answer is always one of the four decisions with a
 * non-empty justification.
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
import { createTestConsultation } from '../consultation/test-fixtures.js';
import { decisions } from './decisions.js';
import { insertComment, insertTaskProposal } from './test-fixtures.js';

/** Stands for the lock of the row as it is when the form is sent. */
const current = 'CURRENT';

describe('answers forms under hostile input', () => {
  let t: TestApp;
  let official: TestClient;
  let colleagueId: number;
  let open: Awaited<ReturnType<typeof createTestConsultation>>;
  let ended: Awaited<ReturnType<typeof createTestConsultation>>;
  let comment: number;
  let task: number;
  let endedComment: number;

  before(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'error' }, clock: () => new Date('2026-10-10T10:00:00Z') });
    await createUser(t.services, 'urzednik@example.org', ['official']);
    colleagueId = await createUser(t.services, 'kolega@example.org', ['official']);
    official = t.client();
    await signInClient(official, 'urzednik@example.org');
    open = await createTestConsultation(t.services, { startsOn: '2026-10-01', endsOn: '2026-10-14' });
    comment = await insertComment(t.services, open.consultationId, 'goals.specific.0', 'Nowe brzmienie');
    task = await insertTaskProposal(t.services, open.consultationId, 'Zadanie');
    ended = await createTestConsultation(t.services, { startsOn: '2026-09-01', endsOn: '2026-09-14' });
    endedComment = await insertComment(t.services, ended.consultationId, 'scope', 'Inny zakres');
    await t.services.db
      .updateTable('consultation_submissions')
      .set({ decision: 'accepted', answer: 'Tak.' })
      .where('id', '=', endedComment)
      .execute();
  });
  after(async () => t.close());

  const state = () =>
    writtenState(
      t.services,
      { submissions: 'consultation_submissions', consultations: 'consultations', versions: 'programme_versions' },
      { audit: 'audit_log', mails: 'mails' },
    );

  it('never answers 5xx, a refusal writes nothing, and every stored answer is well formed', async () => {
    const answers = (id: number) => `/konsultacje/${open.consultationId}/odpowiedzi/${id}`;
    const forms = [
      {
        page: answers(comment),
        url: answers(comment),
        lock: { table: 'consultation_submissions' as const, id: comment },
        fields: validOrHostile({ decision: 'partly', answer: 'Uzasadnienie', version: current }),
      },
      {
        page: answers(task),
        url: answers(task),
        lock: { table: 'consultation_submissions' as const, id: task },
        fields: validOrHostile({ decision: 'rejected', answer: 'Nie', version: current }),
      },
      {
        page: answers(comment),
        url: `${answers(comment)}/przypisz`,
        lock: null,
        fields: validOrHostile({ assignee: String(colleagueId) }),
      },
      { page: answers(comment), url: `${answers(comment)}/zastosuj`, lock: null, fields: {} },
      {
        page: `/konsultacje/${open.consultationId}/odpowiedzi`,
        url: `/konsultacje/${open.consultationId}/zamknij`,
        lock: { table: 'consultations' as const, id: open.consultationId },
        fields: validOrHostile({ conclusion: 'Podsumowanie', version: current }),
      },
      {
        page: `/konsultacje/${ended.consultationId}/odpowiedzi`,
        url: `/konsultacje/${ended.consultationId}/zamknij`,
        lock: { table: 'consultations' as const, id: ended.consultationId },
        fields: validOrHostile({ conclusion: 'Podsumowanie', version: current }),
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
        await official.get(form.page);
        const fields = { ...input.fields };
        if (form.lock && fields.version === current) {
          const row = await t.services.db
            .selectFrom(form.lock.table)
            .select('version')
            .where('id', '=', form.lock.id)
            .executeTakeFirstOrThrow();
          fields.version = String(row.version);
        }
        const before = await state();
        const response = await submit(t, official, form.url, { ...input, fields }, { transport });
        assertWellFormedAnswer(response);
        if (response.status >= 400)
          assert.equal(await state(), before, `POST ${form.url} refused (${response.status}) but wrote`);
        for (const s of await t.services.db.selectFrom('consultation_submissions').selectAll().execute()) {
          if (s.decision === null) continue;
          assert.ok(decisions.includes(s.decision), 'a stored decision is one of the four');
          assert.ok((s.answer ?? '').trim().length > 0, 'a stored answer has a justification');
        }
      },
      150,
    );
    const openNow = await t.services.db
      .selectFrom('consultations')
      .select('status')
      .where('id', '=', open.consultationId)
      .executeTakeFirstOrThrow();
    assert.equal(openNow.status, 'announced', 'a consultation still open is never closed');
  });
});
