import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { meetingOutcomes } from './index.js';
import { insertMeeting } from './test-fixtures.js';

describe('group work and outcomes (officials)', () => {
  let t: TestApp;
  let official: TestClient;
  let member: TestClient;
  let meeting: { id: number; agenda: number[] };

  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik@example.org', ['official']);
    await createUser(t.services, 'czlonek@example.org');
    official = t.client();
    await signInClient(official, 'urzednik@example.org');
    member = t.client();
    await signInClient(member, 'czlonek@example.org');
    meeting = await insertMeeting(t.services.db);
  });
  after(async () => t.close());

  it('only officials open the pages; an unknown meeting is 404', async () => {
    assert.equal((await member.get(`/spotkania/${meeting.id}/grupy`)).status, 403);
    assert.equal((await member.get(`/spotkania/${meeting.id}/ustalenia`)).status, 403);
    assert.equal((await official.get('/spotkania/999999/grupy')).status, 404);
    assert.equal((await official.get('/spotkania/abc/ustalenia')).status, 404);
  });

  it('two tables with hosts swap topics in round 2', async () => {
    const base = `/spotkania/${meeting.id}/grupy`;
    await official.get(base);
    const first = await official.post(base, {
      name: 'Stolik 1',
      hostName: 'Kamila Grzywaczyk',
      hostAffiliation: 'MCP Alternatywa',
      topic1: 'Zasady, formy i cele współpracy',
      topic2: 'Wspólne tworzenie polityk publicznych',
    });
    assert.equal(first.status, 303);
    await official.get(base);
    await official.post(base, {
      name: 'Stolik 2',
      hostName: 'Barbara Domichowska',
      hostAffiliation: 'Stowarzyszenie Społeczno-Kulturalne Krokus',
      topic1: 'Wspólne tworzenie polityk publicznych',
      topic2: 'Zasady, formy i cele współpracy',
    });
    const page = await official.get(base);
    assert.match(page.body, /Kamila Grzywaczyk \(MCP Alternatywa\)/);
    assert.match(page.body, /Runda 2/);
    const rounds = await t.services.db
      .selectFrom('meeting_group_rounds')
      .innerJoin('meeting_groups', 'meeting_groups.id', 'meeting_group_rounds.group_id')
      .select(['meeting_groups.name', 'round', 'topic'])
      .where('meeting_groups.meeting_id', '=', meeting.id)
      .orderBy('round')
      .orderBy('meeting_groups.position')
      .execute();
    assert.deepEqual(
      rounds.map((r) => `${r.round}:${r.name}:${r.topic}`),
      [
        '1:Stolik 1:Zasady, formy i cele współpracy',
        '1:Stolik 2:Wspólne tworzenie polityk publicznych',
        '2:Stolik 1:Wspólne tworzenie polityk publicznych',
        '2:Stolik 2:Zasady, formy i cele współpracy',
      ],
    );
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'meeting.group_added')
      .execute();
    assert.equal(audit.length, 2);
  });

  it('a table without a name is refused with the typed values kept; edit and remove', async () => {
    const base = `/spotkania/${meeting.id}/grupy`;
    await official.get(base);
    const refused = await official.post(base, { name: '  ', hostName: 'Aleksandra Michalska', topic1: 'Temat' });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /error-summary/);
    assert.match(refused.body, /value="Aleksandra Michalska"/);

    const group = await t.services.db
      .selectFrom('meeting_groups')
      .select(['id'])
      .where('name', '=', 'Stolik 2')
      .executeTakeFirstOrThrow();
    const edit = await official.get(`${base}/${group.id}`);
    assert.equal(edit.status, 200);
    assert.match(edit.body, /value="Barbara Domichowska"/);
    const saved = await official.post(`${base}/${group.id}`, {
      name: 'Stolik 2',
      hostName: 'Barbara Domichowska',
      hostAffiliation: 'Krokus',
      topic1: 'Wspólne tworzenie polityk publicznych',
      topic2: '',
      topic3: 'Trzecia runda',
    });
    assert.equal(saved.status, 303);
    const rounds = await t.services.db
      .selectFrom('meeting_group_rounds')
      .select(['round'])
      .where('group_id', '=', group.id)
      .orderBy('round')
      .execute();
    assert.deepEqual(
      rounds.map((r) => r.round),
      [1, 3],
    );
    await official.get(base);
    assert.equal((await official.post(`${base}/${group.id}/usuniecie`, {})).status, 303);
    const left = await t.services.db.selectFrom('meeting_groups').select('name').where('meeting_id', '=', meeting.id).execute();
    assert.deepEqual(
      left.map((g) => g.name),
      ['Stolik 1'],
    );
    assert.equal(
      (await t.services.db.selectFrom('meeting_group_rounds').selectAll().where('group_id', '=', group.id).execute()).length,
      0,
    );
  });

  it('outcomes: goals in order, moved, a task with owner and date, statutory principles in one click', async () => {
    const base = `/spotkania/${meeting.id}/ustalenia`;
    for (const text of [
      'Integracja i aktywizacja społeczna',
      'Promocja działań NGO na rzecz społeczności lokalnej',
      'Wsparcie inicjatyw lokalnych',
    ]) {
      await official.get(base);
      const r = await official.post(base, { kind: 'specific-goal', text, agendaItemId: String(meeting.agenda[1]) });
      assert.equal(r.status, 303);
    }
    await official.get(base);
    await official.post(base, { kind: 'main-goal', text: 'Budowanie Aktywnego Obywatelskiego Leszna' });
    await official.get(base);
    const task = await official.post(base, {
      kind: 'task',
      text: 'Złożyć formularze zadań priorytetowych',
      owner: 'Organizacje',
      dueOn: '2018-07-31',
    });
    assert.equal(task.status, 303);

    const third = (await meetingOutcomes(t.services.db, meeting.id)).find((o) => o.text === 'Wsparcie inicjatyw lokalnych')!;
    await official.get(base);
    assert.equal((await official.post(`${base}/${third.id}/przesun`, { direction: 'up' })).status, 303);
    const goals = (await meetingOutcomes(t.services.db, meeting.id)).filter((o) => o.kind === 'specific-goal');
    assert.deepEqual(
      goals.map((g) => g.text),
      [
        'Integracja i aktywizacja społeczna',
        'Wsparcie inicjatyw lokalnych',
        'Promocja działań NGO na rzecz społeczności lokalnej',
      ],
    );
    assert.ok(goals.every((g) => g.agenda_item_id === meeting.agenda[1]));
    const savedTask = (await meetingOutcomes(t.services.db, meeting.id)).find((o) => o.kind === 'task')!;
    assert.equal(savedTask.owner, 'Organizacje');
    assert.equal(savedTask.due_on, '2018-07-31');

    let page = await official.get(base);
    assert.match(page.body, /Dodaj zasadę pomocniczości/);
    assert.match(page.body, /Termin: 31 lipca 2018/);
    for (const principle of ['pomocniczości', 'jawności', 'pomocniczości']) {
      await official.get(base);
      assert.equal((await official.post(`${base}/zasada`, { principle })).status, 303);
    }
    await official.get(base);
    await official.post(base, { kind: 'principle', text: 'równości szans' });
    const principles = (await meetingOutcomes(t.services.db, meeting.id)).filter((o) => o.kind === 'principle');
    assert.deepEqual(
      principles.map((p) => p.text),
      ['pomocniczości', 'jawności', 'równości szans'],
    );
    page = await official.get(base);
    assert.doesNotMatch(page.body, /Dodaj zasadę pomocniczości/);
    assert.match(page.body, /Dodaj zasadę partnerstwa/);

    // Refusals: an unknown kind, a foreign agenda item, a bad date, an unknown principle.
    assert.equal((await official.post(base, { kind: 'wish', text: 'x' })).status, 400);
    await official.get(base);
    const foreign = await official.post(base, { kind: 'decision', text: 'Decyzja', agendaItemId: '999999' });
    assert.equal(foreign.status, 400);
    assert.match(foreign.body, /Wybierz punkt programu tego spotkania/);
    await official.get(base);
    assert.equal((await official.post(base, { kind: 'task', text: 'Zadanie', dueOn: '2018-02-30' })).status, 400);
    await official.get(base);
    assert.equal((await official.post(`${base}/zasada`, { principle: 'solidarności' })).status, 400);
  });

  it('an outcome is edited (a new kind goes to the end of that list) and removed', async () => {
    const base = `/spotkania/${meeting.id}/ustalenia`;
    const decision = (await meetingOutcomes(t.services.db, meeting.id)).find(
      (o) => o.text === 'Integracja i aktywizacja społeczna',
    )!;
    const edit = await official.get(`${base}/${decision.id}`);
    assert.equal(edit.status, 200);
    assert.match(edit.body, /Integracja i aktywizacja społeczna<\/textarea>/);
    assert.equal((await official.post(`${base}/${decision.id}`, { kind: 'decision', text: 'Integracja' })).status, 303);
    const changed = (await meetingOutcomes(t.services.db, meeting.id)).find((o) => o.id === decision.id)!;
    assert.equal(changed.kind, 'decision');
    assert.equal(changed.position, 1);
    await official.get(base);
    assert.equal((await official.post(`${base}/${decision.id}/usuniecie`, {})).status, 303);
    assert.equal(
      (await meetingOutcomes(t.services.db, meeting.id)).some((o) => o.id === decision.id),
      false,
    );
  });
});
