/**
 * The submission forms under hostile input, on an open consultation: each field either valid or
 * hostile, over every body transport. Never a 5xx; a refusal (4xx) writes no submission, mail or
 * audit entry and spends no receipt number; whatever is stored is consistent (a sent submission has
 * its receipt, its provision's wording comes from the version, its proposal reads back as stored).
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
import { findProvision } from '../programme/index.js';
import { parseTaskProposal } from './submission.schema.js';
import { createTestConsultation, createTestOrganization, testSections } from './test-fixtures.js';

describe('consultation submission forms under hostile input', () => {
  let t: TestApp;
  let member: TestClient;
  let official: TestClient;
  let consultationId: number;
  let orgId: number;
  let draftId: number;

  before(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'error' }, clock: () => new Date('2026-10-20T10:00:00Z') });
    consultationId = (
      await createTestConsultation(t.services, { startsOn: '2026-10-12', endsOn: '2026-10-25', residentsAllowed: true })
    ).consultationId;
    const memberId = await createUser(t.services, 'czlonek@example.org');
    await createUser(t.services, 'urzednik@example.org', ['official']);
    orgId = await createTestOrganization(t.services, 'Fundacja Alfa', [memberId]);
    member = t.client();
    official = t.client();
    await signInClient(member, 'czlonek@example.org');
    await signInClient(official, 'urzednik@example.org');
    await member.get(`/konsultacje/${consultationId}/uwagi/nowa`);
    const draft = await member.post(`/konsultacje/${consultationId}/uwagi/nowa`, { provision: 'scope', action: 'draft' });
    draftId = Number(/\/zgloszenia\/(\d+)$/.exec(draft.location ?? '')?.[1]);
  });
  after(async () => t.close());

  const state = async () =>
    writtenState(
      t.services,
      { submissions: 'consultation_submissions' },
      { audit: 'audit_log', mails: 'mails' },
      { counter: await t.services.db.selectFrom('consultations').select('receipt_counter').execute() },
    );

  it('never answers 5xx, a refusal writes nothing, and every stored submission is consistent', async () => {
    const base = `/konsultacje/${consultationId}`;
    const comment = {
      onBehalf: `org:${orgId}`,
      residentName: '',
      provision: 'goals.specific.0',
      proposedWording: 'Nowe brzmienie',
      justification: 'Bo tak',
      action: 'draft',
    };
    const task = {
      onBehalf: 'resident',
      residentName: 'Jan Nowak',
      sphere: '16',
      title: 'Zadanie',
      description: 'Opis',
      need: 'Potrzeba',
      targetGroup: 'Młodzież, 100 osób',
      expectedResults: 'Rezultaty',
      mode: '19a',
      amount: '1 000,00',
      period: 'cały rok',
      ownDelivery: 'no',
      contactName: 'Anna Nowak',
      contactPhone: '+48 600 000 000',
      contactEmail: 'anna@example.org',
      consent: 'yes',
      action: 'send',
    };
    const forms = [
      { client: member, page: `${base}/uwagi/nowa`, url: `${base}/uwagi/nowa`, fields: validOrHostile(comment) },
      { client: member, page: `${base}/zadania/nowe`, url: `${base}/zadania/nowe`, fields: validOrHostile(task) },
      {
        client: member,
        page: `${base}/zgloszenia/${draftId}`,
        url: `${base}/zgloszenia/${draftId}`,
        fields: validOrHostile({ ...comment, action: 'send' }),
      },
      {
        client: official,
        page: `${base}/zgloszenia/papierowe`,
        url: `${base}/zgloszenia/papierowe`,
        fields: validOrHostile({
          kind: 'comment',
          channel: 'email',
          receivedOn: '2026-10-15',
          submitterKind: 'organization',
          organizationId: String(orgId),
          organizationName: '',
          personName: '',
          submitterEmail: 'org@example.org',
          provision: 'period',
          proposedWording: 'Inaczej',
          justification: '',
          title: '',
        }),
      },
    ];
    const scenario = fc.constantFrom(...forms).chain((form) =>
      fc.record({
        form: fc.constant(form),
        input: hostileForm(Object.keys(form.fields), form.fields),
        transport: bodyTransports,
      }),
    );
    const sections = testSections();
    await checkProperty(
      scenario,
      async ({ form, input, transport }) => {
        await form.client.get(form.page);
        const before = await state();
        const response = await submit(t, form.client, form.url, input, { transport });
        assertWellFormedAnswer(response);
        if (response.status >= 400)
          assert.equal(await state(), before, `POST ${form.url} refused (${response.status}) but wrote`);
        for (const s of await t.services.db.selectFrom('consultation_submissions').selectAll().execute()) {
          assert.equal(s.status === 'draft', s.receipt_number === null, 'a receipt exactly when sent');
          if (s.kind === 'comment') {
            assert.equal(s.current_wording, findProvision(sections, s.provision_key ?? '')?.wording, 'wording from the version');
          } else {
            const stored = JSON.parse(s.task_json ?? 'null');
            assert.deepEqual(parseTaskProposal(s.task_json), stored, 'a stored proposal is well formed');
          }
        }
      },
      120,
    );
  });
});
