/**
 * The demo's 2019 programme: built from the demo meeting's outcomes with their links; the public reads
 * version 1 (after consultation), officials the newer draft (version 2) in which the accepted comment's
 * wording and the accepted task proposal are applied; nothing is missing, so no readiness warning.
 * Next year's programme, in consultation, is public. (The readiness refusal naming empty elements is
 * proven on a programme of its own in programme.routes.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo, demoPassword } from '../../demo/seed-demo.js';
import { demoAcceptedComment, demoAcceptedTask } from '../../demo/demo-consultations.js';
import { warsawParts } from '../../platform/i18n/format.js';
import { createTestApp, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';

describe('the demo programme of 2019', () => {
  let t: TestApp;
  let official: TestClient;
  let programmeId: number;
  let meetingId: number;
  const seededAt = new Date();
  const meetingLinks = (body: string) =>
    (body.match(new RegExp(`href="/spotkania/${meetingId}">ze spotkania 16\\.07\\.2018<`, 'g')) ?? []).length;

  before(async () => {
    t = await createTestApp({ clock: () => seededAt });
    assert.equal(await seedDemo(t.services), true);
    official = t.client();
    await signInClient(official, 'urzednik@wspolnie.example', demoPassword);
    programmeId = (
      await t.services.db.selectFrom('programmes').select('id').where('year_from', '=', 2019).executeTakeFirstOrThrow()
    ).id;
    meetingId = (await t.services.db.selectFrom('meetings').select('id').executeTakeFirstOrThrow()).id;
  });
  after(async () => t.close());

  it('shows officials the draft after the consultation: the meeting outcomes with their links, the applied comment and task', async () => {
    const page = await official.get(`/program-wspolpracy/${programmeId}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Budowanie Aktywnego Obywatelskiego Leszna/);
    assert.match(page.body, /zasada równości szans/);
    assert.match(page.body, /patronat Prezydenta/);
    assert.ok(meetingLinks(page.body) >= 15, `${meetingLinks(page.body)} links to the meeting`);
    assert.ok(page.body.includes(demoAcceptedComment.proposedWording), 'the accepted wording is applied');
    assert.ok(page.body.includes(demoAcceptedTask.title), 'the accepted task is added');
    assert.doesNotMatch(page.body, /Uzupełnij puste elementy/);
    // The version links back to the submissions applied in it, each to its answer.
    assert.match(page.body, /Zgłoszenia z konsultacji wprowadzone w tej wersji/);
    const applied = [...page.body.matchAll(/<a href="\/konsultacje\/\d+\/odpowiedzi\/\d+">(KP\/2018\/\d+\/\d{4})<\/a>/g)];
    assert.equal(applied.length, 2, 'the accepted comment and the accepted task');
  });

  it('shows the public version 1, as it was consulted, with the same links', async () => {
    const page = await t.client().get(`/program-wspolpracy/${programmeId}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Budowanie Aktywnego Obywatelskiego Leszna/);
    assert.ok(meetingLinks(page.body) >= 15, `${meetingLinks(page.body)} links to the meeting`);
    assert.ok(page.body.includes(`<li>${demoAcceptedComment.provisionWording} <small>`), 'the wording before the comment');
    assert.ok(!page.body.includes(demoAcceptedComment.proposedWording), 'the draft is not public');
    assert.ok(!page.body.includes(demoAcceptedTask.title), 'the draft is not public');
    assert.doesNotMatch(page.body, /wprowadzone w tej wersji/, 'nothing was applied to the consulted version');
  });

  it("publishes next year's programme, in consultation", async () => {
    const year = Number(warsawParts(seededAt).date.slice(0, 4)) + 1;
    const next = await t.services.db
      .selectFrom('programmes')
      .select('id')
      .where('year_from', '=', year)
      .executeTakeFirstOrThrow();
    const page = await t.client().get(`/program-wspolpracy/${next.id}`);
    assert.equal(page.status, 200);
    assert.ok(page.body.includes(`na rok ${year}`));
    assert.ok(page.body.includes(demoAcceptedTask.title), 'copied from the 2019 draft');
  });
});
