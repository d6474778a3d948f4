import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTestApp,
  createUser,
  signInClient,
  type TestApp,
  type TestClient,
  type TestResponse,
} from '../../test-support/test-app.js';
import { multipart, multipartBoundary, type MultipartPart } from '../../test-support/multipart.js';
import { meetingForm, samplePdf, sampleDocx, sampleOdt, zip } from './test-fixtures.js';

const boundary = multipartBoundary;

describe('meetings: agenda and attachments', () => {
  let t: TestApp;
  let official: TestClient;
  let visitor: TestClient;
  let meetingId: number;

  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik@example.org', ['official']);
    official = t.client();
    visitor = t.client();
    await signInClient(official, 'urzednik@example.org');
    await official.get('/spotkania/nowe');
    const created = await official.post('/spotkania/nowe', meetingForm());
    meetingId = Number(/\/spotkania\/(\d+)/.exec(created.location ?? '')?.[1]);
  });
  after(async () => t.close());

  const agenda = async () =>
    (
      await t.services.db
        .selectFrom('meeting_agenda_items')
        .selectAll()
        .where('meeting_id', '=', meetingId)
        .orderBy('position')
        .orderBy('id')
        .execute()
    ).map((i) => i.title);

  async function agendaPost(form: Record<string, string>): Promise<TestResponse> {
    await official.get(`/spotkania/${meetingId}/program`);
    return official.post(`/spotkania/${meetingId}/program`, form);
  }

  it('adds, edits, moves and removes agenda items with buttons, refusing bad input', async () => {
    for (const title of [
      'Rozpoczęcie',
      'Praca w grupach',
      'Formy współpracy pozafinansowej – dyskusja',
      'Podsumowanie spotkania',
    ])
      assert.equal((await agendaPost({ op: 'add', title, duration: '' })).status, 303);
    assert.deepEqual(await agenda(), [
      'Rozpoczęcie',
      'Praca w grupach',
      'Formy współpracy pozafinansowej – dyskusja',
      'Podsumowanie spotkania',
    ]);

    const bad = await agendaPost({ op: 'add', title: '', duration: '-5' });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /href="#f-title"/);
    assert.match(bad.body, /href="#f-duration"/);
    assert.match(bad.body, /name="duration"[^>]*value="-5"/);
    const tooLong = await agendaPost({ op: 'add', title: 'x', duration: '1441' });
    assert.equal(tooLong.status, 400);

    const items = await t.services.db
      .selectFrom('meeting_agenda_items')
      .select(['id', 'title'])
      .where('meeting_id', '=', meetingId)
      .execute();
    const id = (title: string) => String(items.find((i) => i.title === title)!.id);

    const page = await official.get(`/spotkania/${meetingId}/program`);
    assert.match(page.body, /<caption[^>]*>Punkty programu<\/caption>/);
    assert.match(page.body, /name="op" value="up"/);

    assert.equal((await agendaPost({ op: 'up', item: id('Podsumowanie spotkania') })).status, 303);
    assert.deepEqual(await agenda(), [
      'Rozpoczęcie',
      'Praca w grupach',
      'Podsumowanie spotkania',
      'Formy współpracy pozafinansowej – dyskusja',
    ]);
    assert.equal((await agendaPost({ op: 'down', item: id('Podsumowanie spotkania') })).status, 303);
    assert.equal(
      (await agendaPost({ op: 'up', item: id('Rozpoczęcie') })).status,
      303,
      'the first item cannot go up: nothing changes',
    );
    assert.equal(
      (await agendaPost({ op: 'down', item: id('Podsumowanie spotkania') })).status,
      303,
      'the last item cannot go down',
    );
    assert.deepEqual(await agenda(), [
      'Rozpoczęcie',
      'Praca w grupach',
      'Formy współpracy pozafinansowej – dyskusja',
      'Podsumowanie spotkania',
    ]);

    const editForm = await official.get(`/spotkania/${meetingId}/program?edytuj=${id('Rozpoczęcie')}`);
    assert.match(editForm.body, /name="title"[^>]*value="Rozpoczęcie"/);
    assert.equal(
      (
        await agendaPost({
          op: 'edit',
          item: id('Rozpoczęcie'),
          title: 'Rozpoczęcie, krótka prezentacja organizacji',
          duration: '20',
        })
      ).status,
      303,
    );
    assert.equal((await agendaPost({ op: 'remove', item: id('Praca w grupach') })).status, 303);
    assert.deepEqual(await agenda(), [
      'Rozpoczęcie, krótka prezentacja organizacji',
      'Formy współpracy pozafinansowej – dyskusja',
      'Podsumowanie spotkania',
    ]);

    // An item of another meeting, or an unknown action, changes nothing.
    assert.equal((await agendaPost({ op: 'remove', item: '999999' })).status, 303);
    assert.equal((await agendaPost({ op: 'explode', item: id('Podsumowanie spotkania') })).status, 303);
    assert.equal((await agenda()).length, 3);
    const moves = await t.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'meeting.agenda.%')
      .execute();
    assert.equal(moves.filter((m) => m.action === 'meeting.agenda.moved').length, 2, 'moves that change nothing are not audited');
  });

  async function upload(parts: MultipartPart[]): Promise<TestResponse> {
    await official.get(`/spotkania/${meetingId}/zalaczniki`);
    const raw = await t.app.inject({
      method: 'POST',
      url: `/spotkania/${meetingId}/zalaczniki`,
      headers: { cookie: official.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: multipart([{ name: '_csrf', value: official.csrfToken() }, { name: 'op', value: 'upload' }, ...parts]),
    });
    return { status: raw.statusCode, body: raw.body, headers: raw.headers, location: raw.headers.location as string | undefined };
  }

  const fileCount = async () =>
    Number(
      (
        await t.services.db
          .selectFrom('files')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('accepts PDF, DOCX, ODT, PNG and JPEG by their bytes and serves them with Content-Disposition', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(20)]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(20)]);
    const samples: Array<[string, Buffer, string]> = [
      ['Projekt programu współpracy na 2019 rok', samplePdf, 'application/pdf'],
      ['Formularz zadań priorytetowych', sampleDocx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['Zasady „burzy mózgów”', sampleOdt, 'application/vnd.oasis.opendocument.text'],
      ['Zdjęcie flipchartu', png, 'image/png'],
      ['Mapa dojazdu', jpeg, 'image/jpeg'],
    ];
    for (const [title, data] of samples) {
      const response = await upload([
        { name: 'title', value: title },
        { name: 'file', value: data, filename: 'x.bin', contentType: 'application/octet-stream' },
      ]);
      assert.equal(response.status, 303, `${title}: ${response.status}`);
    }
    const rows = await t.services.db
      .selectFrom('meeting_attachments')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.content_type),
      samples.map((s) => s[2]),
    );
    assert.equal(rows[0]!.file_name, 'Projekt-programu-wspolpracy-na-2019-rok.pdf');

    const download = await visitor.get(`/spotkania/${meetingId}/zalaczniki/${rows[0]!.id}`);
    assert.equal(download.status, 404, 'a draft meeting’s files are not public');
    const officialDownload = await official.get(`/spotkania/${meetingId}/zalaczniki/${rows[0]!.id}`);
    assert.equal(officialDownload.status, 200);
    assert.equal(officialDownload.headers['content-type'], 'application/pdf');
    assert.equal(
      officialDownload.headers['content-disposition'],
      `attachment; filename="Projekt-programu-wspolpracy-na-2019-rok.pdf"; filename*=UTF-8''Projekt-programu-wspolpracy-na-2019-rok.pdf`,
    );
    assert.equal(officialDownload.body, samplePdf.toString('utf8'));
    const added = await t.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'meeting.attachment.added')
      .execute();
    assert.equal(added.length, 5);
  });

  it('refuses other types, a missing file and files over 10 MB, writing nothing', async () => {
    const before = await fileCount();
    const refusals: Array<[MultipartPart[], RegExp]> = [
      [
        [
          { name: 'title', value: 'Program' },
          { name: 'file', value: Buffer.from('MZ\x90\x00 not a document'), filename: 'program.pdf' },
        ],
        /Ten rodzaj pliku nie jest przyjmowany/,
      ],
      [
        [
          { name: 'title', value: 'Strona' },
          {
            name: 'file',
            value: Buffer.from('<html><script>alert(1)</script></html>'),
            filename: 'a.pdf',
            contentType: 'application/pdf',
          },
        ],
        /Ten rodzaj pliku/,
      ],
      [
        [
          { name: 'title', value: 'Rysunek' },
          {
            name: 'file',
            value: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
            filename: 'a.png',
            contentType: 'image/png',
          },
        ],
        /Ten rodzaj pliku/,
      ],
      [
        [
          { name: 'title', value: 'Archiwum' },
          {
            name: 'file',
            value: zip([
              { name: 'a.txt', data: 'x' },
              { name: 'b.txt', data: 'y' },
            ]),
            filename: 'a.docx',
          },
        ],
        /Ten rodzaj pliku/,
      ],
      [
        [
          { name: 'title', value: 'Makro' },
          {
            name: 'file',
            value: zip([
              { name: '[Content_Types].xml', data: '' },
              { name: 'word/document.xml', data: '' },
              { name: 'word/vbaProject.bin', data: 'x' },
            ]),
            filename: 'a.docx',
          },
        ],
        /Ten rodzaj pliku/,
      ],
      [[{ name: 'title', value: 'Pusty' }], /Wybierz plik/],
      [
        [
          { name: 'title', value: 'Duży' },
          { name: 'file', value: Buffer.concat([samplePdf, Buffer.alloc(10 * 1024 * 1024)]), filename: 'duzy.pdf' },
        ],
        /większy niż 10 MB/,
      ],
      [
        [
          { name: 'title', value: '' },
          { name: 'file', value: samplePdf, filename: 'a.pdf' },
        ],
        /href="#f-title"/,
      ],
    ];
    for (const [parts, message] of refusals) {
      const response = await upload(parts);
      assert.equal(response.status, 400, `${String(parts[0]!.value)}: ${response.status}`);
      assert.match(response.body, message);
      assert.match(response.body, /class="error-summary"/);
    }
    const huge = await upload([
      { name: 'title', value: 'Ogromny' },
      { name: 'file', value: Buffer.alloc(21 * 1024 * 1024), filename: 'a.pdf' },
    ]);
    assert.equal(huge.status, 413);
    assert.equal(await fileCount(), before);
  });

  it('renames, reorders and removes attachments; the attendance list is listed, never linked publicly', async () => {
    await official.get(`/spotkania/${meetingId}/zalaczniki`);
    assert.equal((await official.post(`/spotkania/${meetingId}/zalaczniki`, { op: 'attendance' })).status, 303);
    assert.equal((await official.post(`/spotkania/${meetingId}/zalaczniki`, { op: 'attendance' })).status, 303);
    const lists = await t.services.db
      .selectFrom('meeting_attachments')
      .selectAll()
      .where('kind', '=', 'attendance-list')
      .execute();
    assert.equal(lists.length, 1, 'one attendance list per meeting');
    assert.equal(lists[0]!.title, 'Lista obecności na spotkaniu w dniu 16.07.2030 r.');

    const rows = await t.services.db
      .selectFrom('meeting_attachments')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute();
    const first = rows[0]!;
    const renameForm = await official.get(`/spotkania/${meetingId}/zalaczniki?zmien=${first.id}`);
    assert.match(renameForm.body, /name="op" value="title"/);
    assert.equal(
      (
        await official.post(`/spotkania/${meetingId}/zalaczniki`, {
          op: 'title',
          item: String(first.id),
          title: 'Projekt programu (wersja 2)',
        })
      ).status,
      303,
    );
    const empty = await official.post(`/spotkania/${meetingId}/zalaczniki`, {
      op: 'title',
      item: String(first.id),
      title: '   ',
    });
    assert.equal(empty.status, 400);
    await official.get(`/spotkania/${meetingId}/zalaczniki`);
    assert.equal((await official.post(`/spotkania/${meetingId}/zalaczniki`, { op: 'down', item: String(first.id) })).status, 303);
    const removed = rows[1]!;
    assert.equal(
      (await official.post(`/spotkania/${meetingId}/zalaczniki`, { op: 'remove', item: String(removed.id) })).status,
      303,
    );
    assert.equal(await t.services.files.read(removed.file_key!), null, 'the removed file is deleted');
    const after = await t.services.db
      .selectFrom('meeting_attachments')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    assert.equal(after[0]!.title, 'Projekt programu (wersja 2)');
    assert.equal(after.length, rows.length - 1);

    // Publish, then look as a visitor.
    await official.get(`/spotkania/${meetingId}/program`);
    await official.post(`/spotkania/${meetingId}/program`, { op: 'add', title: 'Rozpoczęcie', duration: '' });
    const version = (
      await t.services.db.selectFrom('meetings').select('version').where('id', '=', meetingId).executeTakeFirstOrThrow()
    ).version;
    await official.get(`/spotkania/${meetingId}`);
    await official.post(`/spotkania/${meetingId}/publikacja`, { version: String(version) });
    const page = await visitor.get(`/spotkania/${meetingId}`);
    assert.match(page.body, /Lista obecności na spotkaniu w dniu 16\.07\.2030 r\./);
    assert.ok(!page.body.includes('obecnosc/lista.pdf'));
    assert.match(page.body, new RegExp(`href="/spotkania/${meetingId}/zalaczniki/${after[0]!.id}"`));
    assert.equal((await visitor.get(`/spotkania/${meetingId}/zalaczniki/${after[0]!.id}`)).status, 200);
    assert.equal((await visitor.get(`/spotkania/${meetingId}/zalaczniki/${lists[0]!.id}`)).status, 404);
    assert.equal((await visitor.get(`/spotkania/${meetingId}/zalaczniki`)).status, 303, 'the management page needs an official');
    assert.equal((await visitor.get(`/spotkania/${meetingId + 1}/zalaczniki/${after[0]!.id}`)).status, 404);
  });
});
