/**
 * Every form of this feature on a real meeting (with a table, an outcome, ideas, circulated minutes
 * and a remark) under hostile input: never a 5xx, a status from the expected set, and a refused
 * submission writes nothing to the meeting's tables, the audit log, the mails or the files.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertWellFormedAnswer, checkProperty, hostileForm, submit } from '../../test-support/hostile-input.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { checkIn, dayFromNow, insertMeeting } from './test-fixtures.js';

const tables = [
  'meeting_groups',
  'meeting_group_rounds',
  'meeting_outcomes',
  'meeting_ideas',
  'meeting_minutes',
  'meeting_minutes_remarks',
  'audit_log',
  'mails',
  'files',
] as const;

describe('meeting minutes forms under hostile input', () => {
  let t: TestApp;
  let official: TestClient;
  let participant: TestClient;
  const forms: Array<{ page: string; action: string; fields: string[]; who: 'official' | 'participant' }> = [];

  async function counts() {
    const out: Record<string, number> = {};
    for (const table of tables) {
      const row = await t.services.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }

  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik@example.org', ['official']);
    const participantId = await createUser(t.services, 'uczestnik@example.org');
    const meeting = await insertMeeting(t.services.db);
    await checkIn(t.services.db, meeting.id, { fullName: 'Uczestnik', email: 'uczestnik@example.org', userId: participantId });
    official = t.client();
    await signInClient(official, 'urzednik@example.org');
    participant = t.client();
    await signInClient(participant, 'uczestnik@example.org');
    const base = `/spotkania/${meeting.id}`;
    await official.get(`${base}/grupy`);
    await official.post(`${base}/grupy`, { name: 'Stolik 1', topic1: 'Cele' });
    await official.get(`${base}/ustalenia`);
    await official.post(`${base}/ustalenia`, { kind: 'decision', text: 'Decyzja' });
    await official.get(`${base}/protokol/edycja`);
    await official.post(`${base}/protokol/edycja`, { baseVersion: '0', closing: 'Koniec.' });
    await official.get(`${base}/protokol/edycja`);
    await official.post(`${base}/protokol/edycja/rozeslanie`, { version: '1', remarksUntil: dayFromNow(5) });
    await participant.get(`${base}/protokol/uwagi`);
    assert.equal((await participant.post(`${base}/protokol/uwagi`, { text: 'Uwaga' })).status, 303);
    const group = await t.services.db.selectFrom('meeting_groups').select('id').executeTakeFirstOrThrow();
    const outcome = await t.services.db.selectFrom('meeting_outcomes').select('id').executeTakeFirstOrThrow();
    for (const text of ['Pomysł A', 'Pomysł B']) {
      await t.services.db
        .insertInto('meeting_ideas')
        .values({ meeting_id: meeting.id, group_id: group.id, text, created_at: new Date().toISOString() })
        .execute();
    }
    const idea = await t.services.db.selectFrom('meeting_ideas').select('id').orderBy('id').executeTakeFirstOrThrow();

    const pages: Array<{ page: string; who: 'official' | 'participant' }> = [
      { page: `${base}/grupy`, who: 'official' },
      { page: `${base}/grupy/${group.id}`, who: 'official' },
      { page: `${base}/ustalenia`, who: 'official' },
      { page: `${base}/ustalenia/${outcome.id}`, who: 'official' },
      { page: `${base}/pomysly`, who: 'official' },
      { page: `${base}/pomysly/${idea.id}`, who: 'official' },
      { page: `${base}/protokol/edycja`, who: 'official' },
      { page: `${base}/protokol/uwagi`, who: 'participant' },
    ];
    for (const { page, who } of pages) {
      const html = (await (who === 'official' ? official : participant).get(page)).body;
      for (const form of html.matchAll(/<form\b[^>]*\baction="([^"]*)"[^>]*\bmethod="post"[^>]*>([\s\S]*?)<\/form>/g)) {
        const names = new Set<string>();
        for (const field of form[2]!.matchAll(/<(?:input|textarea|select)\b[^>]*\bname="([^"]+)"/g)) names.add(field[1]!);
        names.delete('_csrf');
        if (form[1]!.startsWith('/spotkania/')) forms.push({ page, action: form[1]!, fields: [...names], who });
      }
    }
  });
  after(async () => t.close());

  it('never a server error; a refusal writes nothing', async () => {
    assert.ok(forms.length >= 12, `found ${forms.length} forms`);
    const scenario = fc
      .constantFrom(...forms)
      .chain((form) => fc.record({ form: fc.constant(form), input: hostileForm(form.fields) }));
    await checkProperty(
      scenario,
      async ({ form, input }) => {
        const client = form.who === 'official' ? official : participant;
        await client.get(form.page);
        if (!client.csrfToken()) await client.get('/haslo/przypomnij');
        const before = await counts();
        const response = await submit(t, client, form.action, input);
        assertWellFormedAnswer(response);
        if (response.status >= 400)
          assert.deepEqual(await counts(), before, `POST ${form.action} answered ${response.status} but wrote rows`);
      },
      120,
    );
  });
});
