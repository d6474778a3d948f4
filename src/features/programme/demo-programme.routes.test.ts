/**
 * The demo's 2019 programme: built from the demo meeting's outcomes with their links, a draft the
 * public does not see, and marking it ready is refused naming the five elements the demo leaves empty.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo, demoPassword } from '../../demo/seed-demo.js';
import { createTestApp, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';

describe('the demo programme of 2019', () => {
  let t: TestApp;
  let official: TestClient;
  let programmeId: number;
  let meetingId: number;

  before(async () => {
    t = await createTestApp();
    assert.equal(await seedDemo(t.services), true);
    official = t.client();
    await signInClient(official, 'urzednik@wspolnie.example', demoPassword);
    programmeId = (
      await t.services.db.selectFrom('programmes').select('id').where('year_from', '=', 2019).executeTakeFirstOrThrow()
    ).id;
    meetingId = (await t.services.db.selectFrom('meetings').select('id').executeTakeFirstOrThrow()).id;
  });
  after(async () => t.close());

  it('shows the meeting outcomes with their links, and is a draft for officials only', async () => {
    const page = await official.get(`/program-wspolpracy/${programmeId}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Budowanie Aktywnego Obywatelskiego Leszna/);
    assert.match(page.body, /zasada równości szans/);
    assert.match(page.body, /patronat Prezydenta/);
    assert.ok(
      (page.body.match(new RegExp(`href="/spotkania/${meetingId}">ze spotkania 16\\.07\\.2018<`, 'g')) ?? []).length >= 15,
    );
    assert.equal((await t.client().get(`/program-wspolpracy/${programmeId}`)).status, 404);
  });

  it('marking it ready is refused naming the five empty elements', async () => {
    await official.get(`/program-wspolpracy/${programmeId}`);
    const v = await t.services.db
      .selectFrom('programme_versions')
      .select(['id', 'version'])
      .where('programme_id', '=', programmeId)
      .executeTakeFirstOrThrow();
    const refused = await official.post(`/program-wspolpracy/${programmeId}/gotowy`, {
      versionId: String(v.id),
      version: String(v.version),
    });
    assert.equal(refused.status, 409);
    const banner = /Uzupełnij puste elementy[\s\S]*?<\/ul>/.exec(refused.body)?.[0] ?? '';
    const named = [...banner.matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(named, [
      'Priorytetowe zadania publiczne',
      'Wysokość środków planowanych na realizację programu',
      'Sposób oceny realizacji programu',
      'Informacja o sposobie tworzenia programu oraz o przebiegu konsultacji',
      'Tryb powoływania i zasady działania komisji konkursowych',
    ]);
  });
});
