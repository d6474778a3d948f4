import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
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
import { polishSortKey } from './polish-order.js';

const boundary = multipartBoundary;

/** A PNG whose header claims the given size, with one tiny compressed row: decoding it would need width × height pixels. */
function pngClaiming(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('organisation logo: checked, cleaned, resized, served with a long cache', () => {
  let t: TestApp;
  let admin: TestClient;
  let member: TestClient;
  let outsider: TestClient;
  let official: TestClient;
  let organizationId: number;
  let adminId: number;

  async function upload(client: TestClient, file: MultipartPart | null, options: { csrf?: string } = {}): Promise<TestResponse> {
    await client.get('/organizacje/krokus/logo');
    const parts: MultipartPart[] = [];
    const csrf = options.csrf ?? client.csrfToken();
    if (csrf) parts.push({ name: '_csrf', value: csrf });
    if (file) parts.push(file);
    const raw = await t.app.inject({
      method: 'POST',
      url: '/organizacje/krokus/logo',
      headers: { cookie: client.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: multipart(parts),
    });
    return { status: raw.statusCode, body: raw.body, headers: raw.headers, location: raw.headers.location as string | undefined };
  }

  const stored = () =>
    t.services.db
      .selectFrom('organizations')
      .select(['logo_key', 'version'])
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
  const logoFiles = () =>
    t.services.db.selectFrom('files').select('key').where('key', 'like', `organizations/${organizationId}/%`).execute();
  const auditActions = async () =>
    (
      await t.services.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'organization.logo%')
        .orderBy('id')
        .execute()
    ).map((a) => a.action);

  before(async () => {
    t = await createTestApp();
    adminId = await createUser(t.services, 'admin@krokus.example.org');
    const memberId = await createUser(t.services, 'czlonek@krokus.example.org');
    await createUser(t.services, 'obcy@example.org');
    await createUser(t.services, 'urzednik@example.org', ['official']);
    const now = new Date().toISOString();
    organizationId = (
      await t.services.db
        .insertInto('organizations')
        .values({
          name: 'Stowarzyszenie Krokus',
          slug: 'krokus',
          name_sort_key: polishSortKey('Stowarzyszenie Krokus'),
          status: 'verified',
          verified_at: now,
          created_at: now,
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await t.services.db
      .insertInto('organization_members')
      .values([
        { organization_id: organizationId, user_id: adminId, role: 'admin', status: 'active', joined_at: now },
        { organization_id: organizationId, user_id: memberId, role: 'member', status: 'active', joined_at: now },
      ])
      .execute();
    admin = t.client();
    member = t.client();
    outsider = t.client();
    official = t.client();
    await signInClient(admin, 'admin@krokus.example.org');
    await signInClient(member, 'czlonek@krokus.example.org');
    await signInClient(outsider, 'obcy@example.org');
    await signInClient(official, 'urzednik@example.org');
  });
  after(async () => t.close());

  it('shows the upload form to the organisation’s administrator and to officials only', async () => {
    const page = await admin.get('/organizacje/krokus/logo');
    assert.equal(page.status, 200);
    assert.match(page.body, /<form action="\/organizacje\/krokus\/logo" method="post" enctype="multipart\/form-data"/);
    assert.match(page.body, /Organizacja nie ma jeszcze logo\./);
    assert.match((await admin.get('/organizacje/krokus')).body, /href="\/organizacje\/krokus\/logo"/);
    assert.equal((await official.get('/organizacje/krokus/logo')).status, 200);
    for (const client of [member, outsider]) {
      const refused = await client.get('/organizacje/krokus/logo');
      assert.equal(refused.status, 403);
      assert.match(refused.body, /Brak dostępu/);
      assert.doesNotMatch((await client.get('/organizacje/krokus')).body, /href="\/organizacje\/krokus\/logo"/);
    }
    const visitor = await t.client().get('/organizacje/krokus/logo');
    assert.equal(visitor.status, 303);
  });

  it('accepts a PNG, fits it into 400 × 400 as WebP, shows it with alt text, serves it with a long cache', async () => {
    const png = await sharp({ create: { width: 1200, height: 800, channels: 4, background: '#2a7' } })
      .png()
      .toBuffer();
    const response = await upload(admin, { name: 'logo', value: png, filename: 'logo.png', contentType: 'image/png' });
    assert.equal(response.status, 303);
    assert.equal(response.location, '/organizacje/krokus');
    const { logo_key: key, version } = await stored();
    assert.match(key ?? '', new RegExp(`^organizations/${organizationId}/logo/[0-9a-f]{20}\\.webp$`));
    assert.equal(version, 1, 'a logo is not a profile edit: no optimistic-locking conflict for an editor');
    const file = await t.services.files.read(key!);
    assert.equal(file?.contentType, 'image/webp');
    const meta = await sharp(file!.data).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 400, 267]);

    const profile = await admin.get('/organizacje/krokus');
    const url = `/organizacje/krokus/logo/${key!.split('/').pop()}`;
    assert.ok(
      profile.body.includes(`<img src="${url}" alt="Logo organizacji Stowarzyszenie Krokus"`),
      'the logo, with its alt text',
    );
    assert.ok(profile.body.includes(`"logo":"http://localhost:3000${url}"`), 'the logo in the JSON-LD');

    const image = await t.client().get(url);
    assert.equal(image.status, 200);
    assert.equal(image.headers['content-type'], 'image/webp');
    assert.equal(image.headers['cache-control'], 'public, max-age=31536000, immutable');
    const etag = String(image.headers.etag);
    assert.match(etag, /^"[0-9a-f]{20}"$/);
    assert.equal((await t.client().get(url, { 'if-none-match': etag })).status, 304);
    assert.equal((await t.client().get('/organizacje/krokus/logo/00000000000000000000.webp')).status, 404);
    assert.deepEqual(await auditActions(), ['organization.logo_changed']);
  });

  it('turns a JPEG upright, strips its EXIF (GPS included) and never enlarges it; the old file goes', async () => {
    const oldKey = (await stored()).logo_key;
    const jpeg = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'AparatMarki', Model: 'Model X' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 50/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '16/1 34/1 30/1' },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const input = await sharp(jpeg).metadata();
    assert.ok(input.exif && input.exif.toString('latin1').includes('AparatMarki'), 'the test image carries EXIF');
    // The name and the browser's type say PNG: only the bytes count.
    const response = await upload(admin, { name: 'logo', value: jpeg, filename: 'zdjecie.png', contentType: 'image/png' });
    assert.equal(response.status, 303);
    const { logo_key: key } = await stored();
    assert.notEqual(key, oldKey);
    const file = await t.services.files.read(key!);
    const meta = await sharp(file!.data).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 100, 300], 'rotated by its orientation, not enlarged');
    assert.equal(meta.exif, undefined);
    assert.equal(meta.xmp, undefined);
    assert.equal(meta.orientation, undefined);
    assert.ok(!file!.data.includes('AparatMarki') && !file!.data.includes('EXIF'), 'no EXIF chunk in the WebP');
    assert.deepEqual(
      (await logoFiles()).map((f) => f.key),
      [key],
      'the replaced file is deleted with the change',
    );
    assert.equal((await t.client().get(`/organizacje/krokus/logo/${oldKey!.split('/').pop()}`)).status, 404);
  });

  it('refuses a renamed text file, a too-large file and an oversized image in Polish, storing nothing', async () => {
    const before = { logo: await stored(), files: await logoFiles(), audit: await auditActions() };
    const cases: Array<[MultipartPart | null, number, RegExp]> = [
      [
        { name: 'logo', value: 'To nie jest obraz, tylko tekst.', filename: 'logo.png', contentType: 'image/png' },
        400,
        /Plik musi być obrazem PNG, JPEG lub WebP\./,
      ],
      [
        {
          name: 'logo',
          value: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
          filename: 'logo.svg',
          contentType: 'image/svg+xml',
        },
        400,
        /Plik musi być obrazem PNG, JPEG lub WebP\./,
      ],
      [null, 400, /Wybierz plik z logo\./],
      // What a browser sends when no file was chosen.
      [{ name: 'logo', value: '', filename: '', contentType: 'application/octet-stream' }, 400, /Wybierz plik z logo\./],
      [
        {
          name: 'logo',
          value: Buffer.concat([pngClaiming(10, 10), Buffer.alloc(2 * 1024 * 1024)]),
          filename: 'duze.png',
          contentType: 'image/png',
        },
        400,
        /Plik jest za duży: logo może mieć najwyżej 2 MB\./,
      ],
      [{ name: 'logo', value: pngClaiming(6001, 10), filename: 'szerokie.png' }, 400, /najwyżej 6000 × 6000 pikseli/],
      // A decompression bomb: 100 000 × 100 000 pixels claimed in a few hundred bytes, refused before decoding.
      [{ name: 'logo', value: pngClaiming(100_000, 100_000), filename: 'bomba.png' }, 400, /najwyżej 6000 × 6000 pikseli/],
      [
        { name: 'logo', value: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]), filename: 'pusty.jpg' },
        400,
        /Nie udało się odczytać obrazu\./,
      ],
      [{ name: 'logo', value: Buffer.alloc(5 * 1024 * 1024, 1), filename: 'ogromny.png' }, 413, /Za dużo danych/],
    ];
    for (const [file, status, message] of cases) {
      const response = await upload(admin, file);
      assert.equal(response.status, status, `${file?.filename ?? 'no file'}: ${response.status}`);
      assert.match(response.body, /<html lang="pl"/);
      assert.match(response.body, message, file?.filename ?? 'no file');
      if (status === 400) {
        assert.match(response.body, /class="error-summary"/);
        assert.match(response.body, /href="#f-logo"/);
      }
    }
    assert.deepEqual({ logo: await stored(), files: await logoFiles(), audit: await auditActions() }, before);
  });

  it('refuses members who are not its administrators, strangers, and a missing CSRF token', async () => {
    const before = await stored();
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    for (const client of [member, outsider]) {
      await client.get('/organizacje/krokus'); // a page with a form, for a token
      const raw = await t.app.inject({
        method: 'POST',
        url: '/organizacje/krokus/logo',
        headers: { cookie: client.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: multipart([
          { name: '_csrf', value: client.csrfToken() },
          { name: 'logo', value: png, filename: 'a.png' },
        ]),
      });
      assert.equal(raw.statusCode, 403);
      assert.match(raw.body, /Brak dostępu/);
      await client.get('/organizacje/krokus');
      assert.equal((await client.post('/organizacje/krokus/logo/usuniecie', {})).status, 403);
    }
    const noToken = await upload(admin, { name: 'logo', value: png, filename: 'a.png' }, { csrf: '' });
    assert.equal(noToken.status, 403);
    assert.deepEqual(await stored(), before);
  });

  it('lets an official replace it, and the administrator remove it, audited', async () => {
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#00f' } })
      .png()
      .toBuffer();
    assert.equal((await upload(official, { name: 'logo', value: png, filename: 'a.png' })).status, 303);
    const { logo_key: key } = await stored();
    const meta = await sharp((await t.services.files.read(key!))!.data).metadata();
    assert.deepEqual([meta.width, meta.height], [50, 50], 'a small logo stays small');
    await admin.get('/organizacje/krokus/logo');
    const removed = await admin.post('/organizacje/krokus/logo/usuniecie', {});
    assert.equal(removed.status, 303);
    assert.equal(removed.location, '/organizacje/krokus/logo');
    const page = await admin.get('/organizacje/krokus/logo');
    assert.match(page.body, /Logo organizacji zostało usunięte\./);
    assert.match(page.body, /Organizacja nie ma jeszcze logo\./);
    assert.equal((await stored()).logo_key, null);
    assert.deepEqual(await logoFiles(), []);
    assert.equal((await t.client().get(`/organizacje/krokus/logo/${key!.split('/').pop()}`)).status, 404);
    assert.doesNotMatch((await t.client().get('/organizacje/krokus')).body, /<img src="\/organizacje\/krokus\/logo/);
    assert.deepEqual(await auditActions(), [
      'organization.logo_changed',
      'organization.logo_changed',
      'organization.logo_changed',
      'organization.logo_removed',
    ]);
    const entry = await t.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'organization.logo_removed')
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_user_id, adminId);
    assert.deepEqual(JSON.parse(entry.before_json!), { logo_key: key });
  });
});
