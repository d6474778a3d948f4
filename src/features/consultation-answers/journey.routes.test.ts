/**
 * The answers over what the consultation's own forms store: a member sends a comment and a
 * priority-task proposal through the consultation's routes; an official finds both in the answers,
 * sees every field of the proposal, answers both and closes the consultation after its end.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { createTestConsultation, createTestOrganization } from '../consultation/test-fixtures.js';

const sidFrom = (location: string | undefined) => Number(/\/zgloszenia\/(\d+)$/.exec(location ?? '')?.[1]);

describe('answering what members sent through the consultation forms', () => {
  let now = new Date('2026-10-20T10:00:00Z');
  let t: TestApp;
  let member: TestClient;
  let official: TestClient;
  let consultationId: number;

  before(async () => {
    t = await createTestApp({ clock: () => now });
    consultationId = (await createTestConsultation(t.services, { startsOn: '2026-10-12', endsOn: '2026-10-25' })).consultationId;
    const memberId = await createUser(t.services, 'czlonek@example.org');
    await createUser(t.services, 'urzednik@example.org', ['official']);
    await createTestOrganization(t.services, 'Fundacja Alfa', [memberId]);
    member = t.client();
    official = t.client();
    await signInClient(member, 'czlonek@example.org');
    await signInClient(official, 'urzednik@example.org');
  });
  after(async () => t.close());

  it('a sent comment and task proposal are answered, then the consultation is closed', async () => {
    await member.get(`/konsultacje/${consultationId}/uwagi/nowa?zapis=goals.specific.2`);
    const comment = await member.post(`/konsultacje/${consultationId}/uwagi/nowa`, {
      provision: 'goals.specific.2',
      proposedWording: 'Rozwój wolontariatu seniorów',
      justification: 'Seniorzy chcą pomagać.',
      action: 'send',
    });
    assert.equal(comment.status, 303, comment.body.slice(0, 500));
    const commentId = sidFrom(comment.location);
    await member.get(`/konsultacje/${consultationId}/zadania/nowe`);
    const task = await member.post(`/konsultacje/${consultationId}/zadania/nowe`, {
      sphere: '16',
      title: 'Festiwal organizacji',
      description: 'Dwudniowy festiwal na rynku.',
      need: 'Organizacje są mało widoczne.',
      targetGroup: 'Mieszkańcy, 2000 osób',
      expectedResults: 'Nowi wolontariusze',
      mode: 'konkurs',
      amount: '20 000,00',
      period: 'czerwiec',
      ownDelivery: 'yes',
      contactName: 'Anna Nowak',
      contactEmail: 'anna@example.org',
      consent: 'yes',
      action: 'send',
    });
    assert.equal(task.status, 303, task.body.slice(0, 500));
    const taskId = sidFrom(task.location);

    const list = await official.get(`/konsultacje/${consultationId}/odpowiedzi`);
    assert.match(list.body, /2 zgłoszenia/);
    assert.match(list.body, /Fundacja Alfa/);
    assert.match(list.body, /Rozdział 1, cel szczegółowy 3/);
    assert.match(list.body, /Festiwal organizacji/);

    const proposal = await official.get(`/konsultacje/${consultationId}/odpowiedzi/${taskId}`);
    assert.equal(proposal.status, 200);
    for (const text of [
      'Festiwal organizacji',
      'Dwudniowy festiwal na rynku.',
      'Organizacje są mało widoczne.',
      'Mieszkańcy, 2000 osób',
      'Nowi wolontariusze',
      'otwarty konkurs ofert',
      '20\u00a0000,00 zł',
      'Anna Nowak',
    ])
      assert.ok(proposal.body.includes(text), `the proposal shows ${text}`);

    for (const [id, decision] of [
      [commentId, 'partly'],
      [taskId, 'accepted'],
    ] as const) {
      await official.get(`/konsultacje/${consultationId}/odpowiedzi/${id}`);
      const row = await t.services.db
        .selectFrom('consultation_submissions')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const answered = await official.post(`/konsultacje/${consultationId}/odpowiedzi/${id}`, {
        decision,
        answer: 'Dziękujemy, uwzględniamy.',
        version: String(row.version),
      });
      assert.equal(answered.status, 303);
    }

    now = new Date('2026-10-26T00:00:00Z');
    await official.get(`/konsultacje/${consultationId}/odpowiedzi`);
    const lock = await t.services.db
      .selectFrom('consultations')
      .select('version')
      .where('id', '=', consultationId)
      .executeTakeFirstOrThrow();
    const closed = await official.post(`/konsultacje/${consultationId}/zamknij`, {
      conclusion: 'Uwzględniono obie propozycje.',
      version: String(lock.version),
    });
    assert.equal(closed.status, 303);
    assert.match((await official.get(`/konsultacje/${consultationId}/odpowiedzi`)).body, /Konsultacje zamknięte/);
  });
});
