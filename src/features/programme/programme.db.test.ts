/**
 * The programme's use-cases on both engines: create (empty and from last year), section saves with
 * optimistic locking, import from a meeting keeping the link, readiness refused with the empty
 * elements named, and the frozen version.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, type TestApp } from '../../test-support/test-app.js';
import { testEngines } from '../../test-support/databases.js';
import { createProgramme } from './create-programme.js';
import { importOutcomes, saveSection } from './edit-section.js';
import { markReady } from './mark-ready.js';
import { newestVersion } from './programme.repo.js';
import { parseSections } from './programme-sections.js';
import { insertMeetingWithOutcomes } from './test-fixtures.js';

for (const engine of await testEngines()) {
  describe(`programme on ${engine}`, () => {
    let t: TestApp;
    let officialId: number;

    before(async () => {
      t = await createTestApp({ engine });
      officialId = await createUser(t.services, `urzednik-${engine}@example.org`, ['official']);
    });
    after(async () => t.close());

    const newest = async (programmeId: number) => (await newestVersion(t.services.db, programmeId, 'all'))!;

    it('create → save with locking → import → readiness → frozen → copy next year', async () => {
      const created = await createProgramme(
        t.services,
        officialId,
        { yearFrom: 2019, yearTo: 2019, title: '', start: 'empty' },
        'Miasta Leszna',
      );
      assert.ok(created.ok);
      const id = created.id;
      let v = await newest(id);
      assert.equal(v.number, 1);
      assert.equal(v.status, 'draft');
      assert.equal(parseSections(v.sections_json).principles.statutory.length, 6);
      assert.equal(await newestVersion(t.services.db, id, 'public'), undefined);

      const edit =
        (section: Parameters<typeof saveSection>[3], change: (s: ReturnType<typeof parseSections>) => void) => async () => {
          const row = await newest(id);
          const next = parseSections(row.sections_json);
          change(next);
          return saveSection(t.services, officialId, { programmeId: id, versionId: row.id, version: row.version }, section, next);
        };
      assert.deepEqual(await edit('scope', (s) => (s.scope.text = 'Zakres'))(), { ok: true, changed: true });
      v = await newest(id);
      assert.equal(v.version, 2);
      const stale = parseSections(v.sections_json);
      stale.period.text = 'stale';
      assert.deepEqual(
        await saveSection(t.services, officialId, { programmeId: id, versionId: v.id, version: 1 }, 'period', stale),
        {
          ok: false,
          reason: 'conflict',
        },
      );

      const meetingId = await insertMeetingWithOutcomes(t.services.db);
      v = await newest(id);
      assert.deepEqual(
        await importOutcomes(
          t.services,
          officialId,
          { programmeId: id, versionId: v.id, version: v.version },
          'goals',
          meetingId,
        ),
        {
          ok: true,
          changed: true,
        },
      );
      const goals = parseSections((await newest(id)).sections_json).goals;
      assert.equal(goals.main, 'Budowanie Aktywnego Obywatelskiego Leszna');
      assert.equal(goals.specific.length, 2);
      assert.ok(goals.specific.every((g) => g.source?.meetingId === meetingId && Number.isInteger(g.source.outcomeId)));

      v = await newest(id);
      const refused = await markReady(t.services, officialId, { programmeId: id, versionId: v.id, version: v.version });
      assert.deepEqual(refused, {
        ok: false,
        reason: 'incomplete',
        missing: ['forms', 'tasks', 'period', 'implementation', 'funds', 'evaluation', 'creation', 'committees'],
      });
      for (const change of [
        edit('forms', (s) => s.forms.financial.push({ text: 'Zlecanie zadań' })),
        edit('tasks', (s) =>
          s.tasks.rows.push({ sphere: '1', task: 'Kultura', unit: 'Wydział', mode: 'konkurs', amount: 100_000 }),
        ),
        edit('period', (s) => (s.period.text = '2019')),
        edit('implementation', (s) => (s.implementation.text = 'Wydziały')),
        edit('evaluation', (s) => (s.evaluation.text = 'Sprawozdanie')),
        edit('creation', (s) => (s.creation.text = 'Spotkanie')),
        edit('committees', (s) => (s.committees.text = 'Prezydent')),
      ])
        assert.equal((await change()).ok, true);
      v = await newest(id);
      assert.deepEqual(await markReady(t.services, officialId, { programmeId: id, versionId: v.id, version: v.version }), {
        ok: true,
      });
      v = await newest(id);
      assert.equal(v.status, 'consultation');
      assert.equal((await newestVersion(t.services.db, id, 'public'))?.id, v.id);
      assert.deepEqual(await edit('scope', (s) => (s.scope.text = 'Po zamrożeniu'))(), { ok: false, reason: 'frozen' });

      const copy = await createProgramme(
        t.services,
        officialId,
        { yearFrom: 2020, yearTo: 2020, title: '', start: 'previous' },
        'Miasta Leszna',
      );
      assert.ok(copy.ok);
      const copied = await newest(copy.id);
      assert.equal(copied.status, 'draft');
      assert.equal(copied.based_on_version_id, v.id);
      assert.equal(copied.sections_json, v.sections_json);
      const audits = await t.services.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('subject_type', '=', 'programme')
        .executeTakeFirstOrThrow();
      assert.equal(Number(audits.n), 12); // 2 created, 8 section changes, 1 import, 1 ready
    });
  });
}
