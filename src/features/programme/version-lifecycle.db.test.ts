/**
 * The versions' lifecycle on both engines: a new draft from a version in consultation, adoption
 * refused before any consultation is closed and while an element is empty, adoption with the
 * resolution's number and date, publication at the clock's instant, optimistic locking everywhere;
 * and what closing a consultation does to the programme (consultation-outcome.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, type TestApp } from '../../test-support/test-app.js';
import { testEngines } from '../../test-support/databases.js';
import { createTestConsultation } from '../consultation/test-fixtures.js';
import { applyWordingToNextVersion, markVersionAfterConsultation } from './consultation-outcome.js';
import { newestVersion } from './programme.repo.js';
import { parseSections } from './programme-sections.js';
import { adoptVersion, createNextVersion, publishVersion } from './version-lifecycle.js';

const now = new Date('2026-11-20T09:30:00.000Z');

for (const engine of await testEngines()) {
  describe(`programme versions' lifecycle on ${engine}`, () => {
    let t: TestApp;
    let officialId: number;

    before(async () => {
      t = await createTestApp({ engine, clock: () => now });
      officialId = await createUser(t.services, `urzednik-cykl-${engine}@example.org`, ['official']);
    });
    after(async () => t.close());

    const newest = async (programmeId: number) => (await newestVersion(t.services.db, programmeId, 'all'))!;
    const ref = (programmeId: number, v: { id: number; version: number }) => ({
      programmeId,
      versionId: v.id,
      version: v.version,
    });
    const close = (consultationId: number, versionId: number) =>
      t.services.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('consultations')
          .set({ status: 'closed', closed_at: now.toISOString() })
          .where('id', '=', consultationId)
          .execute();
        await markVersionAfterConsultation(trx, versionId, officialId, now);
      });

    it('new draft → adoption refused until a consultation is closed → adopted → published, all locked', async () => {
      const c = await createTestConsultation(t.services, { startsOn: '2026-10-01', endsOn: '2026-10-15' });
      const v1 = await newest(c.programmeId);
      const resolution = { number: 'XLII/512/2026', date: '2026-11-19' };

      // A version in consultation is not adopted; a stale lock is a conflict; the new draft copies it.
      assert.deepEqual(await adoptVersion(t.services, officialId, ref(c.programmeId, v1), resolution), {
        ok: false,
        reason: 'wrongStatus',
      });
      assert.deepEqual(await createNextVersion(t.services, officialId, { ...ref(c.programmeId, v1), version: v1.version - 1 }), {
        ok: false,
        reason: 'conflict',
      });
      assert.deepEqual(await createNextVersion(t.services, officialId, ref(c.programmeId, v1)), { ok: true, number: 2 });
      const v2 = await newest(c.programmeId);
      assert.equal(v2.status, 'draft');
      assert.equal(v2.based_on_version_id, v1.id);
      assert.deepEqual(parseSections(v2.sections_json), parseSections(v1.sections_json));
      assert.deepEqual(await createNextVersion(t.services, officialId, ref(c.programmeId, v2)), {
        ok: false,
        reason: 'wrongStatus',
      });

      // The law requires a consultation before adoption.
      assert.deepEqual(await adoptVersion(t.services, officialId, ref(c.programmeId, v2), resolution), {
        ok: false,
        reason: 'noConsultation',
      });
      await close(c.consultationId, v1.id);
      assert.equal(
        (await t.services.db.selectFrom('programme_versions').select('status').where('id', '=', v1.id).executeTakeFirstOrThrow())
          .status,
        'after-consultation',
      );

      // An empty element is named.
      const sections = parseSections(v2.sections_json);
      sections.committees.text = '';
      await t.services.db
        .updateTable('programme_versions')
        .set({ sections_json: JSON.stringify(sections) })
        .where('id', '=', v2.id)
        .execute();
      assert.deepEqual(await adoptVersion(t.services, officialId, ref(c.programmeId, v2), resolution), {
        ok: false,
        reason: 'incomplete',
        missing: ['committees'],
      });
      sections.committees.text = 'Komisje konkursowe powołuje Prezydent.';
      await t.services.db
        .updateTable('programme_versions')
        .set({ sections_json: JSON.stringify(sections) })
        .where('id', '=', v2.id)
        .execute();

      assert.deepEqual(
        await adoptVersion(t.services, officialId, { ...ref(c.programmeId, v2), version: v2.version + 5 }, resolution),
        {
          ok: false,
          reason: 'conflict',
        },
      );
      assert.deepEqual(await adoptVersion(t.services, officialId, ref(c.programmeId, v2), resolution), { ok: true });
      const adopted = await newest(c.programmeId);
      assert.equal(adopted.status, 'adopted');
      assert.equal(adopted.resolution_number, 'XLII/512/2026');
      assert.equal(adopted.resolution_date, '2026-11-19');
      assert.equal(adopted.version, v2.version + 1);
      // Adopted is frozen for the lifecycle too: no second adoption, no new draft.
      assert.deepEqual(await adoptVersion(t.services, officialId, ref(c.programmeId, adopted), resolution), {
        ok: false,
        reason: 'wrongStatus',
      });
      assert.deepEqual(await createNextVersion(t.services, officialId, ref(c.programmeId, adopted)), {
        ok: false,
        reason: 'wrongStatus',
      });

      assert.deepEqual(await publishVersion(t.services, officialId, { ...ref(c.programmeId, adopted), version: 1 }), {
        ok: false,
        reason: 'conflict',
      });
      assert.deepEqual(await publishVersion(t.services, officialId, ref(c.programmeId, adopted)), { ok: true });
      const published = await newest(c.programmeId);
      assert.equal(published.status, 'published');
      assert.equal(published.published_at, now.toISOString());
      assert.deepEqual(await publishVersion(t.services, officialId, ref(c.programmeId, published)), {
        ok: false,
        reason: 'wrongStatus',
      });

      const actions = (
        await t.services.db
          .selectFrom('audit_log')
          .select('action')
          .where('subject_type', '=', 'programme')
          .where('subject_id', '=', String(c.programmeId))
          .orderBy('id')
          .execute()
      ).map((a) => a.action);
      assert.deepEqual(actions, [
        'programme.version-created',
        'programme.after-consultation',
        'programme.adopted',
        'programme.published',
      ]);
    });

    it('a version after consultation is adopted directly; a programme never consulted is not', async () => {
      const c = await createTestConsultation(t.services, { startsOn: '2026-09-01', endsOn: '2026-09-10' });
      const v1 = await newest(c.programmeId);
      await close(c.consultationId, v1.id);
      const after = await newest(c.programmeId);
      assert.deepEqual(
        await adoptVersion(t.services, officialId, ref(c.programmeId, after), { number: '1/2026', date: '2026-11-01' }),
        {
          ok: true,
        },
      );

      const other = await createTestConsultation(t.services, { startsOn: '2026-09-02', endsOn: '2026-09-11' });
      const o1 = await newest(other.programmeId);
      // Marked after consultation by hand (no closed consultation): still refused.
      await t.services.db
        .updateTable('programme_versions')
        .set({ status: 'after-consultation' })
        .where('id', '=', o1.id)
        .execute();
      assert.deepEqual(
        await adoptVersion(t.services, officialId, ref(other.programmeId, await newest(other.programmeId)), {
          number: '2/2026',
          date: '2026-11-01',
        }),
        { ok: false, reason: 'noConsultation' },
      );
    });

    it('markVersionAfterConsultation moves only a version in consultation', async () => {
      const c = await createTestConsultation(t.services, { startsOn: '2026-08-01', endsOn: '2026-08-10' });
      const v1 = await newest(c.programmeId);
      await t.services.db.transaction().execute((trx) => markVersionAfterConsultation(trx, v1.id, officialId, now));
      const moved = await newest(c.programmeId);
      assert.equal(moved.status, 'after-consultation');
      assert.equal(moved.version, v1.version + 1);
      assert.equal(moved.updated_at, now.toISOString());
      // A second call (or any other status) changes nothing.
      await t.services.db.transaction().execute((trx) => markVersionAfterConsultation(trx, v1.id, officialId, now));
      assert.equal((await newest(c.programmeId)).version, moved.version);
      await t.services.db.transaction().execute((trx) => markVersionAfterConsultation(trx, 999_999, officialId, now));
    });

    it('applyWordingToNextVersion replaces the quoted wording, links only when it changed, and needs a draft', async () => {
      const c = await createTestConsultation(t.services, { startsOn: '2026-07-01', endsOn: '2026-07-10' });
      const v1 = await newest(c.programmeId);
      const scope = parseSections(v1.sections_json).scope.text;
      const apply = (currentWording: string, provisionKey = 'scope') =>
        t.services.db.transaction().execute((trx) =>
          applyWordingToNextVersion(trx, {
            consultedVersionId: v1.id,
            provisionKey,
            currentWording,
            proposedWording: 'Zakres obejmuje wszystkie sfery z art. 4 ustawy.',
            officialId,
            now,
          }),
        );
      assert.deepEqual(await apply(scope), { ok: false, reason: 'noDraft' });
      assert.ok((await createNextVersion(t.services, officialId, ref(c.programmeId, v1))).ok);
      const v2 = await newest(c.programmeId);
      assert.deepEqual(await apply(scope), { ok: true, versionId: v2.id, versionNumber: 2, replaced: true });
      const after = await newest(c.programmeId);
      assert.equal(parseSections(after.sections_json).scope.text, 'Zakres obejmuje wszystkie sfery z art. 4 ustawy.');
      assert.equal(after.version, v2.version + 1);
      // The draft's wording no longer matches the quoted one: the comment is only linked.
      assert.deepEqual(await apply(scope), { ok: true, versionId: v2.id, versionNumber: 2, replaced: false });
      assert.deepEqual(await apply('cokolwiek', 'tasks.7'), { ok: true, versionId: v2.id, versionNumber: 2, replaced: false });
      assert.equal((await newest(c.programmeId)).version, after.version);
      const audit = await t.services.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', String(c.programmeId))
        .where('action', '=', 'programme.comment-applied')
        .execute();
      assert.equal(audit.length, 1);
    });
  });
}
