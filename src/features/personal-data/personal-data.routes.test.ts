import { createTestConsultation } from '../consultation/test-fixtures.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, testPassword, type TestApp } from '../../test-support/test-app.js';

describe('personal data (RODO): export and erasure', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('exports the account, roles, sessions and mails as JSON, without secrets', async () => {
    const email = 'eksport@example.org';
    await createUser(t.services, email, ['official']);
    const client = t.client();
    await signInClient(client, email);
    await client.get('/haslo/przypomnij');
    await client.post('/haslo/przypomnij', { email });
    const page = await client.get('/konto/dane');
    assert.equal(page.status, 200);
    const response = await client.get('/konto/dane.json');
    assert.equal(response.status, 200);
    assert.match(String(response.headers['content-disposition']), /attachment/);
    const data = JSON.parse(response.body) as Record<string, unknown>;
    assert.equal((data.account as { email: string }).email, email);
    assert.deepEqual(
      (data.roles as Array<{ role: string }>).map((r) => r.role),
      ['official'],
    );
    assert.equal((data.sessions as unknown[]).length, 1);
    assert.equal((data.mailsSentToYou as unknown[]).length, 1);
    assert.doesNotMatch(response.body, /argon2|password_hash|token/);
    assert.deepEqual(data.meetingRegistrations, []);
    assert.deepEqual(data.attendanceLists, []);
    assert.deepEqual(data.remarksOnMinutes, []);
    assert.equal((await t.client().get('/konto/dane.json')).status, 303, 'visitors are sent to sign in');
  });

  it('erases an account after the password is confirmed, leaving no contact data behind', async () => {
    const email = 'usun-mnie@example.org';
    const userId = await createUser(t.services, email);
    const client = t.client();
    await signInClient(client, email);
    await client.get('/haslo/przypomnij');
    await client.post('/haslo/przypomnij', { email });

    await client.get('/konto/usun');
    const wrong = await client.post('/konto/usun', { password: 'nie-to-haslo' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.body, /Hasło jest nieprawidłowe/);
    assert.ok(await t.services.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst());

    const now = new Date().toISOString();
    const meeting = await t.services.db
      .insertInto('meetings')
      .values({
        title: 'Protokół',
        topic: 'Spotkanie',
        starts_at: now,
        ends_at: now,
        host_name: 'A',
        organiser: 'B',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.services.db
      .insertInto('meeting_registrations')
      .values({
        meeting_id: meeting.id,
        user_id: userId,
        status: 'registered',
        accessibility_needs: 'Pętla indukcyjna',
        created_at: now,
        organization_id: null,
      })
      .execute();
    const { consultationId } = await createTestConsultation(t.services, { startsOn: '2026-10-01', endsOn: '2026-10-20' });
    const draft = {
      consultation_id: consultationId,
      kind: 'comment' as const,
      author_id: userId,
      submitter_kind: 'resident' as const,
      submitter_name: 'Usuwana Osoba',
      proposed_wording: 'Szkic uwagi',
      created_at: now,
      updated_at: now,
    };
    await t.services.db.insertInto('consultation_submissions').values(draft).execute();
    await t.services.db
      .insertInto('consultation_submissions')
      .values({ ...draft, status: 'sent', sequence: 1, receipt_number: 'KP/2026/1/0001', sent_at: now })
      .execute();
    const exported = JSON.parse((await client.get('/konto/dane.json')).body) as {
      meetingRegistrations: Array<{ accessibilityNeeds: string }>;
    };
    assert.equal(
      exported.meetingRegistrations[0]?.accessibilityNeeds,
      'Pętla indukcyjna',
      'the export holds meeting registrations',
    );

    const erased = await client.post('/konto/usun', { password: testPassword });
    assert.equal(erased.status, 303);
    assert.equal(await t.services.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst(), undefined);
    assert.equal((await t.services.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length, 0);
    assert.equal((await t.services.db.selectFrom('mails').select('id').where('to_address', '=', email).execute()).length, 0);
    const audit = await t.services.db.selectFrom('audit_log').selectAll().execute();
    assert.ok(audit.some((a) => a.action === 'account.erased' && a.subject_id === String(userId)));
    assert.ok(!JSON.stringify(audit).includes(email), 'no trace of the e-mail address in the audit log');
    assert.equal((await client.get('/konto')).status, 303);
    const registration = await t.services.db.selectFrom('meeting_registrations').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([registration.user_id, registration.accessibility_needs], [null, null], 'no health data left behind');
    const submissions = await t.services.db.selectFrom('consultation_submissions').select(['status', 'author_id']).execute();
    assert.deepEqual(submissions, [{ status: 'sent', author_id: null }], 'the draft is gone, the sent one stays');
  });

  it('refuses to erase the last administrator', async () => {
    const email = 'jedyny-admin@example.org';
    await createUser(t.services, email, ['administrator']);
    const client = t.client();
    await signInClient(client, email);
    await client.get('/konto/usun');
    const refused = await client.post('/konto/usun', { password: testPassword });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /jedynym administratorem/);
  });
});
