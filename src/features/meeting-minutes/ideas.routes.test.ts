import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import {
  createTestApp,
  createUser,
  signInClient,
  type TestApp,
  type TestClient,
  type TestResponse,
} from '../../test-support/test-app.js';
import { multipart, multipartBoundary, type MultipartPart } from '../../test-support/multipart.js';
import { meetingOutcomes } from './index.js';
import { insertMeeting } from './test-fixtures.js';

const boundary = multipartBoundary;

describe('ideas: captured as text or a photo, merged, categorised, promoted to outcomes', () => {
  let t: TestApp;
  let official: TestClient;
  let member: TestClient;
  let meeting: { id: number; agenda: number[] };
  let groupId: number;
  let base: string;

  async function capture(fields: Record<string, string>, photo?: MultipartPart): Promise<TestResponse> {
    await official.get(base);
    const parts: MultipartPart[] = [{ name: '_csrf', value: official.csrfToken() }];
    for (const [name, value] of Object.entries(fields)) parts.push({ name, value });
    if (photo) parts.push(photo);
    const raw = await t.app.inject({
      method: 'POST',
      url: base,
      headers: { cookie: official.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: multipart(parts),
    });
    return { status: raw.statusCode, body: raw.body, headers: raw.headers, location: raw.headers.location as string | undefined };
  }

  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik@example.org', ['official']);
    await createUser(t.services, 'czlonek@example.org');
    official = t.client();
    await signInClient(official, 'urzednik@example.org');
    member = t.client();
    await signInClient(member, 'czlonek@example.org');
    meeting = await insertMeeting(t.services.db);
    base = `/spotkania/${meeting.id}/pomysly`;
    groupId = (
      await t.services.db
        .insertInto('meeting_groups')
        .values({
          meeting_id: meeting.id,
          position: 1,
          name: 'Stolik 1',
          host_name: 'Kamila Grzywaczyk',
          host_affiliation: 'MCP Alternatywa',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  after(async () => t.close());

  it('captures a typed idea per group and round', async () => {
    const r = await capture({
      groupId: String(groupId),
      round: '1',
      text: 'Promocja wolontariatu',
      category: 'Cele szczegółowe',
    });
    assert.equal(r.status, 303);
    const page = await official.get(base);
    assert.match(page.body, /Promocja wolontariatu/);
    assert.match(page.body, /Stolik 1, runda 1/);
    assert.equal((await member.get(base)).status, 403);
  });

  it('captures a photo of the flip-chart: cleaned, stored as WebP, served to officials only with the caption as alt text', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'GPS 51.84 16.57' } } })
      .toBuffer();
    const r = await capture(
      { groupId: String(groupId), round: '2', text: 'Plansza: mapa potrzeb organizacji' },
      { name: 'photo', value: jpeg, filename: 'plansza.jpg', contentType: 'image/jpeg' },
    );
    assert.equal(r.status, 303);
    const idea = await t.services.db
      .selectFrom('meeting_ideas')
      .selectAll()
      .where('text', '=', 'Plansza: mapa potrzeb organizacji')
      .executeTakeFirstOrThrow();
    assert.match(idea.photo_key!, /^meetings\/\d+\/ideas\/[0-9a-f]{20}\.webp$/);
    const page = await official.get(base);
    const photoUrl = `${base}/${idea.id}/zdjecie`;
    assert.ok(page.body.includes(`<img src="${photoUrl}" alt="Plansza: mapa potrzeb organizacji"`));
    const image = await t.app.inject({ method: 'GET', url: photoUrl, headers: { cookie: official.cookieHeader() } });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/webp');
    assert.match(String(image.headers['cache-control']), /private/);
    const metadata = await sharp(image.rawPayload).metadata();
    assert.equal(metadata.format, 'webp');
    assert.equal(metadata.exif, undefined, 'camera metadata is stripped');
    assert.equal((await member.get(photoUrl)).status, 403);
    assert.equal((await official.get(`${base}/999999/zdjecie`)).status, 404);
  });

  it('refuses an empty idea, a photo without caption, a non-image, an SVG and an oversized file, keeping the typed values', async () => {
    const before = await t.services.db.selectFrom('meeting_ideas').select('id').execute();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    let r = await capture({ groupId: String(groupId), text: '' });
    assert.equal(r.status, 400);
    assert.match(r.body, /Wpisz treść pomysłu albo dodaj zdjęcie/);
    r = await capture({ text: '' }, { name: 'photo', value: png, filename: 'a.png', contentType: 'image/png' });
    assert.equal(r.status, 400);
    assert.match(r.body, /Opisz, co jest na zdjęciu/);
    r = await capture(
      { text: 'Tekst zostaje', category: 'Formy promocji' },
      { name: 'photo', value: Buffer.from('GIF89a not really'), filename: 'a.jpg', contentType: 'image/jpeg' },
    );
    assert.equal(r.status, 400);
    assert.match(r.body, /JPEG, PNG lub WebP/);
    assert.match(r.body, /Tekst zostaje<\/textarea>/);
    assert.match(r.body, /value="Formy promocji"/);
    r = await capture(
      { text: 'SVG' },
      {
        name: 'photo',
        value: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        filename: 'a.png',
        contentType: 'image/png',
      },
    );
    assert.equal(r.status, 400);
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    r = await capture({ text: 'Za duże' }, { name: 'photo', value: big, filename: 'big.jpg', contentType: 'image/jpeg' });
    assert.equal(r.status, 400);
    assert.match(r.body, /10 MB/);
    r = await capture({ groupId: '999999', text: 'Obcy stolik' });
    assert.equal(r.status, 400);
    const afterRows = await t.services.db.selectFrom('meeting_ideas').select('id').execute();
    assert.equal(afterRows.length, before.length);
    assert.equal(
      (await t.services.db.selectFrom('files').select('key').execute()).length,
      1,
      'only the accepted photo is stored',
    );
  });

  it('merges a duplicate, categorises, filters, dismisses and restores, promotes to an outcome', async () => {
    await capture({ groupId: String(groupId), round: '2', text: 'Promocja wolontariatu wśród młodzieży' });
    const ideas = await t.services.db.selectFrom('meeting_ideas').select(['id', 'text']).orderBy('id').execute();
    const original = ideas.find((i) => i.text === 'Promocja wolontariatu')!;
    const duplicate = ideas.find((i) => i.text === 'Promocja wolontariatu wśród młodzieży')!;

    let page = await official.get(`${base}/${duplicate.id}`);
    assert.equal(page.status, 200);
    assert.equal(
      (await official.post(`${base}/${duplicate.id}/scalenie`, { targetId: String(duplicate.id) })).status,
      400,
      'not into itself',
    );
    await official.get(`${base}/${duplicate.id}`);
    const merged = await official.post(`${base}/${duplicate.id}/scalenie`, { targetId: String(original.id) });
    assert.equal(merged.status, 303);
    const row = await t.services.db
      .selectFrom('meeting_ideas')
      .selectAll()
      .where('id', '=', duplicate.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'merged');
    assert.equal(row.merged_into_id, original.id);
    await official.get(`${base}/${original.id}`);
    assert.equal(
      (await official.post(`${base}/${original.id}/scalenie`, { targetId: String(duplicate.id) })).status,
      400,
      'not into a merged idea',
    );

    await official.get(`${base}/${original.id}`);
    assert.equal((await official.post(`${base}/${original.id}/kategoria`, { category: 'Wolontariat' })).status, 303);
    page = await official.get(`${base}?kategoria=Wolontariat`);
    assert.match(page.body, /Promocja wolontariatu/);
    assert.doesNotMatch(page.body, /Plansza: mapa potrzeb/);
    page = await official.get(`${base}?stan=merged`);
    assert.match(page.body, /Promocja wolontariatu wśród młodzieży/);
    assert.doesNotMatch(page.body, /Plansza: mapa potrzeb/);
    page = await official.get(`${base}?grupa=${groupId}&stan=zly&kategoria=`);
    assert.equal(page.status, 200);

    const photoIdea = ideas.find((i) => i.text === 'Plansza: mapa potrzeb organizacji')!;
    await official.get(`${base}/${photoIdea.id}`);
    assert.equal((await official.post(`${base}/${photoIdea.id}/stan`, { action: 'dismiss' })).status, 303);
    await official.get(`${base}/${photoIdea.id}`);
    assert.equal((await official.post(`${base}/${photoIdea.id}/stan`, { action: 'dismiss' })).status, 400, 'already dismissed');
    await official.get(`${base}/${photoIdea.id}`);
    assert.equal((await official.post(`${base}/${photoIdea.id}/stan`, { action: 'restore' })).status, 303);

    await official.get(`${base}/${original.id}`);
    assert.equal(
      (await official.post(`${base}/${original.id}/ustalenie`, { kind: 'specific-goal', outcomeText: '' })).status,
      400,
    );
    await official.get(`${base}/${original.id}`);
    const promoted = await official.post(`${base}/${original.id}/ustalenie`, {
      kind: 'specific-goal',
      outcomeText: 'Promocja wolontariatu',
    });
    assert.equal(promoted.status, 303);
    const outcome = (await meetingOutcomes(t.services.db, meeting.id)).find((o) => o.text === 'Promocja wolontariatu')!;
    assert.equal(outcome.kind, 'specific-goal');
    const idea = await t.services.db
      .selectFrom('meeting_ideas')
      .selectAll()
      .where('id', '=', original.id)
      .executeTakeFirstOrThrow();
    assert.equal(idea.status, 'promoted');
    assert.equal(idea.outcome_id, outcome.id);
    await official.get(`${base}/${original.id}`);
    assert.equal(
      (await official.post(`${base}/${original.id}/ustalenie`, { kind: 'decision', outcomeText: 'Drugi raz' })).status,
      400,
    );
    const outcomes = await official.get(`/spotkania/${meeting.id}/ustalenia`);
    assert.match(outcomes.body, /z pomysłu zebranego w grupach/);

    const actions = await t.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'meeting.idea%')
      .execute();
    assert.deepEqual([...new Set(actions.map((a) => a.action))].sort(), [
      'meeting.idea_captured',
      'meeting.idea_categorised',
      'meeting.idea_dismissed',
      'meeting.idea_merged',
      'meeting.idea_promoted',
      'meeting.idea_restored',
    ]);
  });
});
