/**
 * Announcing and editing on both engines under concurrency: simultaneous announcements of one
 * version leave exactly one consultation (the unique index settles it, the others are told where it
 * is), and simultaneous saves of one notice version let exactly one through.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, type TestApp } from '../../test-support/test-app.js';
import { testEngines } from '../../test-support/databases.js';
import { createConsultation } from './create-consultation.js';
import type { TNotice } from './consultation.schema.js';
import { createTestVersionInConsultation } from './test-fixtures.js';
import { updateNotice } from './update-notice.js';

const notice: TNotice = {
  subject: 'Projekt programu',
  legalBasis: 'art. 5a ust. 1',
  participants: 'organizacje pozarządowe',
  forms: ['online'],
  whereToSubmit: 'Urząd',
  responsibleUnit: 'Biuro',
  startsOn: '2026-10-13',
  endsOn: '2026-10-25',
  residentsAllowed: false,
};

for (const engine of await testEngines()) {
  describe(`consultation notice on ${engine}`, () => {
    let t: TestApp;
    let officialId: number;

    before(async () => {
      t = await createTestApp({ engine, clock: () => new Date('2026-10-10T10:00:00Z') });
      officialId = await createUser(t.services, `urzednik-${engine}@example.org`, ['official']);
    });
    after(async () => t.close());

    const versionInConsultation = async () => (await createTestVersionInConsultation(t.services, 2027)).versionId;

    it('simultaneous announcements of one version leave one consultation and one audit entry', async () => {
      const versionId = await versionInConsultation();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => createConsultation(t.services, officialId, versionId, notice)),
      );
      const created = results.filter((r) => r.ok);
      assert.equal(created.length, 1);
      const id = created[0]!.ok ? created[0]!.id : 0;
      for (const r of results.filter((x) => !x.ok)) assert.deepEqual(r, { ok: false, reason: 'exists', consultationId: id });
      const rows = await t.services.db
        .selectFrom('consultations')
        .select('id')
        .where('programme_version_id', '=', versionId)
        .execute();
      assert.equal(rows.length, 1);
      const audits = await t.services.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'consultation.announced')
        .where('subject_id', '=', String(id))
        .execute();
      assert.equal(audits.length, 1);
    });

    it('simultaneous saves of one notice version: one is saved, the others are conflicts', async () => {
      const versionId = await versionInConsultation();
      const created = await createConsultation(t.services, officialId, versionId, notice);
      assert.ok(created.ok);
      const results = await Promise.all(
        ['A', 'B', 'C'].map((who) =>
          updateNotice(
            t.services,
            officialId,
            { consultationId: created.id, version: 1 },
            { kind: 'notice', notice: { ...notice, subject: `Przedmiot ${who}` } },
          ),
        ),
      );
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.equal(results.filter((r) => !r.ok && r.reason === 'conflict').length, 2);
      const row = await t.services.db
        .selectFrom('consultations')
        .select(['version', 'subject'])
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.version, 2);
      const winner = results.findIndex((r) => r.ok);
      assert.equal(row.subject, `Przedmiot ${'ABC'[winner]}`);
    });

    it('refuses a version that is not in consultation, and an unknown one', async () => {
      const versionId = await versionInConsultation();
      await t.services.db.updateTable('programme_versions').set({ status: 'draft' }).where('id', '=', versionId).execute();
      assert.deepEqual(await createConsultation(t.services, officialId, versionId, notice), {
        ok: false,
        reason: 'notInConsultation',
      });
      assert.deepEqual(await createConsultation(t.services, officialId, 999_999, notice), { ok: false, reason: 'notFound' });
    });
  });
}
