/**
 * Hostile input on the settings forms: the municipality's settings (20 fields, optimistic locking)
 * and the logo upload (multipart). No 5xx, Polish pages, every typed value shown back, and nothing
 * half-written: refused → no row changes; accepted → the settings row and one audit entry.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { type z } from 'zod';
import {
  assertCsrfRefusal,
  assertRefilled,
  assertValidationPage,
  assertWellFormedAnswer,
  badCsrf,
  bodyTransports,
  checkProperty,
  countChanges,
  type Counts,
  hostileField,
  hostileForm,
  longText,
  refusedTransports,
  shortHostileText,
  snapshotCounts,
  submit,
} from '../../test-support/hostile-input.js';
import {
  createTestApp,
  createUser,
  signInClient,
  type TestApp,
  type TestClient,
  type TestResponse,
} from '../../test-support/test-app.js';
import { type SiteSettings, ZSiteSettings } from './settings.schema.js';
import { multipart, multipartContentType, type MultipartPart } from '../../test-support/multipart.js';

const settingsFields = Object.keys(ZSiteSettings.shape) as Array<keyof SiteSettings>;
/** Every field the page shows back as typed (all but the status select and the checkbox). */
const shownFields = [...settingsFields.filter((f) => f !== 'a11yStatus' && f !== 'consultationResidentsAllowed'), 'version'];

/** Values each field accepts, found by asking the field's own schema. */
function validValue(field: keyof SiteSettings): fc.Arbitrary<string> {
  const schema = ZSiteSettings.shape[field] as z.ZodType;
  const accepts = (v: string) => schema.safeParse(v).success;
  if (field === 'a11yStatus') return fc.constantFrom('full', 'partial', 'none');
  if (field === 'consultationMinDays') return fc.integer({ min: 1, max: 90 }).map(String);
  if (field === 'consultationResidentsAllowed') return fc.constantFrom('yes', 'on');
  if (/Email$/.test(field)) {
    return fc
      .tuple(
        fc.string({ unit: fc.constantFrom('a', 'Z', '.', '+', '9', '-'), minLength: 1, maxLength: 10 }),
        fc.constantFrom('leszno.pl', 'Example.ORG'),
      )
      .map(([local, domain]) => `x${local}@${domain}`)
      .filter(accepts);
  }
  if (/On$/.test(field)) {
    return fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  const multiline = [
    'contactAddress',
    'a11yNonAccessibleContent',
    'a11yBuildingAccessibility',
    'a11yCommunication',
    'a11yMobileApps',
  ];
  const unit = multiline.includes(field)
    ? fc.oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
        fc.constantFrom('\n', '\r\n', ' ', 'ł', '<b>', '&amp;'),
      )
    : fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }), fc.constantFrom(' ', 'ł', '"', "'", '<i>'));
  return fc
    .tuple(fc.constantFrom('Urząd', 'Gmina', 'ul. Długa 1'), fc.array(unit, { maxLength: 15 }))
    .map(([head, rest]) => `${head}${rest.join('')}`)
    .filter(accepts);
}

const validSettings = fc.record(
  Object.fromEntries(settingsFields.map((f) => [f, validValue(f)])) as Record<keyof SiteSettings, fc.Arbitrary<string>>,
);

describe('settings forms under hostile input', () => {
  let t: TestApp;
  let admin: TestClient;
  let foreignToken: string;

  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'admin@example.org', ['administrator']);
    admin = t.client();
    await signInClient(admin, 'admin@example.org');
    await admin.get('/admin/ustawienia');
    const stranger = t.client();
    await stranger.get('/haslo/przypomnij');
    foreignToken = stranger.csrfToken();
  });
  after(async () => t.close());

  const currentVersion = async () => (await t.services.settings.get()).version;

  function assertSaved(before: Counts, after: Counts, firstSave: boolean): void {
    assert.deepEqual(countChanges(before, after), firstSave ? { site_settings: 1, audit_log: 1 } : { audit_log: 1 });
  }

  it('POST /admin/ustawienia: hostile fields are refused with every value shown back, and nothing saved', async () => {
    const form = hostileForm([...settingsFields, 'version'], {
      ...Object.fromEntries(settingsFields.map((f) => [f, hostileField(fc.oneof(shortHostileText, validValue(f)))])),
      version: hostileField(fc.oneof(shortHostileText, fc.nat().map(String))),
    });
    await checkProperty(fc.tuple(form, bodyTransports), async ([input, transport]) => {
      const stored = await t.services.settings.get();
      const before = await snapshotCounts(t.services);
      const response = await submit(t, admin, '/admin/ustawienia', input, { transport });
      const after = await snapshotCounts(t.services);
      assertWellFormedAnswer(response, [303, 400, 409, 413]);
      if (response.status === 303) {
        assertSaved(before, after, stored.version === 0);
        return;
      }
      assert.deepEqual(countChanges(before, after), {}, 'refused settings wrote rows');
      assert.deepEqual((await t.services.settings.get()).settings, stored.settings);
      if (response.status === 400) {
        assertValidationPage(response);
        if (transport === 'form') assertRefilled(response, input, shownFields);
      }
      if (response.status === 409) {
        assert.match(response.body, /Ktoś inny zapisał ustawienia w międzyczasie/);
        if (transport === 'form')
          assertRefilled(
            response,
            input,
            shownFields.filter((f) => f !== 'version'),
          );
      }
    });
  });

  // (Only blanks, however many, leave an optional field empty: that is not a long value.)
  it('POST /admin/ustawienia: one very long value (up to 200 000 characters) is refused whole', async () => {
    await checkProperty(
      fc.tuple(
        validSettings,
        fc.constantFrom(...settingsFields),
        longText.filter((v) => v.length > 5000 && v.trim() !== ''),
      ),
      async ([settings, field, long]) => {
        const version = String(await currentVersion());
        const before = await snapshotCounts(t.services);
        const response = await submit(t, admin, '/admin/ustawienia', { fields: { ...settings, [field]: long, version } });
        assertWellFormedAnswer(response, [400, 413]);
        if (response.status === 400) {
          assertValidationPage(response);
          assertRefilled(response, { fields: { [field]: long } }, shownFields.includes(field) ? [field] : []);
        }
        assert.deepEqual(countChanges(before, await snapshotCounts(t.services)), {});
      },
      20,
    );
  });

  it('POST /admin/ustawienia: valid settings are saved exactly as parsed, with one audit entry; a stale version is a 409', async () => {
    await checkProperty(
      fc.tuple(validSettings, fc.boolean()),
      async ([settings, stale]) => {
        const version = await currentVersion();
        const before = await snapshotCounts(t.services);
        const sentVersion = stale ? version + 1 : version;
        const response = await submit(t, admin, '/admin/ustawienia', { fields: { ...settings, version: String(sentVersion) } });
        const after = await snapshotCounts(t.services);
        if (stale) {
          assertWellFormedAnswer(response, [409]);
          assert.match(response.body, /Ktoś inny zapisał ustawienia w międzyczasie/);
          assertRefilled(
            response,
            { fields: settings },
            shownFields.filter((f) => f !== 'version'),
          );
          assert.deepEqual(countChanges(before, after), {});
          return;
        }
        assert.equal(response.status, 303, `valid settings refused: ${response.body.match(/<li>.*?<\/li>/g)?.join(' ')}`);
        assert.equal(response.location, '/admin/ustawienia');
        assertSaved(before, after, version === 0);
        const stored = await t.services.settings.get();
        assert.equal(stored.version, version + 1);
        assert.deepEqual(stored.settings, ZSiteSettings.parse(settings));
      },
      30,
    );
  });

  it('POST /admin/ustawienia: a missing, wrong or foreign CSRF token and unreadable bodies change nothing', async () => {
    const attack = fc.oneof(
      badCsrf.map((csrf) => ({ csrf, transport: 'form' as const })),
      refusedTransports
        .filter((transport) => transport !== 'multipart-on-form')
        .map((transport) => ({ csrf: 'valid' as const, transport })),
    );
    await checkProperty(fc.tuple(attack, validSettings), async ([how, settings]) => {
      const before = await snapshotCounts(t.services);
      const fields = { ...settings, version: String(await currentVersion()) };
      const response = await submit(t, admin, '/admin/ustawienia', { fields }, { ...how, foreignToken });
      if (how.transport === 'form') assertCsrfRefusal(response);
      else assertWellFormedAnswer(response, how.transport === 'oversize' ? [413] : [415]);
      assert.deepEqual(countChanges(before, await snapshotCounts(t.services)), {});
    });
  });

  // ---------------------------------------------------------------------------------------------
  // The logo upload (multipart)

  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
  const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP')]);

  /** Posts to the logo form; an upload that gets no answer within 5 s fails (the parser once stalled). */
  async function postLogo(body: Buffer | string, contentType: string, client = admin): Promise<TestResponse> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const noAnswer = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within 5 s to a ${body.length}-byte ${contentType} upload`)), 5000);
    });
    try {
      const raw = await Promise.race([
        t.app.inject({
          method: 'POST',
          url: '/admin/ustawienia/logo',
          headers: { cookie: client.cookieHeader(), 'content-type': contentType },
          payload: body,
        }),
        noAnswer,
      ]);
      return {
        status: raw.statusCode,
        body: raw.body,
        headers: raw.headers,
        location: raw.headers.location as string | undefined,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  const fileContent = fc.oneof(
    fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
    fc
      .tuple(fc.constantFrom(png, jpeg, webp), fc.uint8Array({ maxLength: 2000 }))
      .map(([magic, rest]) => Buffer.concat([magic, rest])),
    fc.constantFrom(
      Buffer.alloc(0),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      Buffer.from('GIF89a'),
      Buffer.concat([png, Buffer.alloc(600 * 1024)]),
    ),
  );
  const partName = fc.oneof(
    { arbitrary: fc.constant('logo'), weight: 4 },
    { arbitrary: shortHostileText.map((s) => s.replace(/["\r\n]/g, '')), weight: 1 },
  );
  const filename = fc.oneof(
    fc.constantFrom('logo.png', 'a.svg', '../../etc/passwd', 'zażółć.png', '', 'x"; name="_csrf'),
    shortHostileText,
  );
  const csrfPart = fc.constantFrom('valid', 'missing', 'wrong', 'foreign', 'as-file', 'twice');
  const extraParts = fc.array(
    fc.record({ name: shortHostileText.map((s) => s.replace(/["\r\n]/g, '') || 'x'), value: shortHostileText }),
    { maxLength: 6 },
  );

  it('POST /admin/ustawienia/logo: hostile uploads are refused in Polish and store nothing; a real image is stored and audited', async () => {
    const upload = fc.record({
      files: fc.array(
        fc.record({
          name: partName,
          content: fileContent,
          filename,
          type: fc.constantFrom('image/png', 'text/html', 'application/octet-stream'),
        }),
        {
          maxLength: 2,
        },
      ),
      csrf: csrfPart,
      extra: extraParts,
      breakage: fc.constantFrom('none', 'none', 'none', 'no-boundary', 'truncated', 'wrong-boundary'),
    });
    await checkProperty(
      upload,
      async (u) => {
        const parts: MultipartPart[] = [];
        const token = admin.csrfToken();
        if (u.csrf === 'valid' || u.csrf === 'twice') parts.push({ name: '_csrf', value: token });
        if (u.csrf === 'twice') parts.push({ name: '_csrf', value: token });
        if (u.csrf === 'wrong') parts.push({ name: '_csrf', value: 'not-a-token' });
        if (u.csrf === 'foreign') parts.push({ name: '_csrf', value: foreignToken });
        if (u.csrf === 'as-file') parts.push({ name: '_csrf', value: token, filename: 'csrf.txt' });
        for (const file of u.files)
          parts.push({ name: file.name, value: file.content, filename: file.filename, contentType: file.type });
        for (const field of u.extra) parts.push({ name: field.name, value: field.value });
        let body = multipart(parts);
        let type = multipartContentType();
        if (u.breakage === 'no-boundary') type = 'multipart/form-data';
        if (u.breakage === 'wrong-boundary') type = 'multipart/form-data; boundary=somethingElse';
        if (u.breakage === 'truncated') body = body.subarray(0, Math.floor(body.length / 2));

        const logoBefore = await t.services.files.read('settings/logo');
        const before = await snapshotCounts(t.services);
        const response = await postLogo(body, type);
        const changes = countChanges(before, await snapshotCounts(t.services));
        assertWellFormedAnswer(response, [303, 400, 403, 413]);
        if (response.status === 303) {
          assert.equal(response.location, '/admin/ustawienia');
          assert.deepEqual(changes, logoBefore ? { audit_log: 1 } : { files: 1, audit_log: 1 });
          const stored = await t.services.files.read('settings/logo');
          assert.ok(
            stored && ['image/png', 'image/jpeg', 'image/webp'].includes(stored.contentType),
            'only a real image is stored',
          );
          return;
        }
        assert.deepEqual(changes, {}, 'a refused upload wrote rows');
        assert.deepEqual((await t.services.files.read('settings/logo'))?.data, logoBefore?.data, 'the logo is unchanged');
        if (response.status === 403) assertCsrfRefusal(response);
        if (response.status === 400 && /Wybierz plik/.test(response.body)) assertValidationPage(response);
      },
      80,
    );
  });

  it('POST /admin/ustawienia/logo: a PNG is stored and audited; a wrong type or a missing file is named in Polish', async () => {
    const token = admin.csrfToken();
    const missing = await postLogo(multipart([{ name: '_csrf', value: token }]), multipartContentType());
    assertValidationPage(missing);
    assert.match(missing.body, /Wybierz plik z logo\./);
    const svg = await postLogo(
      multipart([
        { name: '_csrf', value: token },
        { name: 'logo', value: '<svg onload="alert(1)"/>', filename: 'logo.png', contentType: 'image/png' },
      ]),
      multipartContentType(),
    );
    assertValidationPage(svg);
    assert.match(svg.body, /Wybierz plik PNG, JPEG lub WebP\./);
    const before = await snapshotCounts(t.services);
    const ok = await postLogo(
      multipart([
        { name: '_csrf', value: token },
        { name: 'logo', value: Buffer.concat([png, Buffer.from('rest')]), filename: 'logo.png', contentType: 'image/png' },
      ]),
      multipartContentType(),
    );
    assert.equal(ok.status, 303);
    const changes = countChanges(before, await snapshotCounts(t.services));
    assert.equal(changes.audit_log, 1);
    assert.equal((await t.services.files.read('settings/logo'))?.contentType, 'image/png');
  });

  it('POST /admin/ustawienia/logo: a part header with a bare line break, before a large part, is answered', async () => {
    // busboy skips such a part; when its data filled the buffer in the chunk that ended it, the
    // request was never answered.
    for (const size of [20_000, 70_000, 400_000, 600_000]) {
      for (const parts of [
        [{ name: 'logo', value: Buffer.concat([png, Buffer.alloc(size)]), filename: 'a\nb' }],
        [{ name: 'lo\ngo', value: Buffer.alloc(size) }],
        [
          { name: 'logo', value: Buffer.alloc(0), filename: 'a.png' },
          { name: 'logo', value: Buffer.alloc(size), filename: '\r\nb' },
        ],
      ] satisfies MultipartPart[][]) {
        const before = await snapshotCounts(t.services);
        const response = await postLogo(
          multipart([{ name: '_csrf', value: admin.csrfToken() }, ...parts]),
          multipartContentType(),
        );
        assertWellFormedAnswer(response, [400, 413]);
        assert.deepEqual(countChanges(before, await snapshotCounts(t.services)), {});
      }
    }
  });

  it('POST /admin/ustawienia/logo: url-encoded, JSON or plain-text bodies are refused', async () => {
    await admin.get('/admin/ustawienia');
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', `_csrf=${encodeURIComponent(admin.csrfToken())}&logo=abc`],
      ['application/json', JSON.stringify({ _csrf: admin.csrfToken(), logo: 'abc' })],
      ['text/plain', 'logo=abc'],
    ] as const) {
      const before = await snapshotCounts(t.services);
      const response = await postLogo(body, type);
      assertWellFormedAnswer(response, type === 'application/x-www-form-urlencoded' ? [400] : [415]);
      assert.deepEqual(countChanges(before, await snapshotCounts(t.services)), {});
    }
  });
});
