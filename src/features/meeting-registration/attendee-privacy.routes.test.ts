/**
 * Issue #4 acceptance: no public page, feed or API response contains an attendee's or registrant's
 * name or e-mail (DOMAIN §5.2: the public sees counts and organisation names only). Every public
 * GET route of the app's route catalogue is fetched as a visitor, with `:id` set to a meeting that
 * has registrations and an attendance list and `:slug` to an organisation that attended.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DOCX_CONTENT_TYPE } from '../../platform/documents/docx.js';
import { docxText, pdfText } from '../../platform/documents/inspect.js';
import { createTestApp, createUser, type TestApp } from '../../test-support/test-app.js';
import { seedMeeting, seedOrganization } from './test-fixtures.js';

/** Distinctive, ASCII (so no escaping can hide them), and nowhere else in the app. */
const secrets = {
  registrantName: 'Zenobiusz Tajnoimienny',
  registrantEmail: 'zenobiusz.tajny@prywatny.example',
  waitlistedName: 'Hortensja Rezerwowa',
  waitlistedEmail: 'hortensja.rezerwa@prywatny.example',
  walkInName: 'Bonifacy Zapisanynamiejscu',
  walkInEmail: 'bonifacy.walkin@prywatny.example',
  checkedInName: 'Eulalia Obecnakowska',
  checkedInEmail: 'eulalia.obecna@prywatny.example',
};

/** Public URLs named by the issue, fetched even if the catalogue does not list them. */
const namedUrls = ['/spotkania', '/spotkania/kalendarz.ics', '/organizacje.json', '/organizacje.csv', '/api/v1/organizations'];

describe('attendee privacy: no public answer names an attendee', () => {
  let t: TestApp;
  let meetingId: number;
  const organisationSlug = 'stowarzyszenie-obecne';
  const organisationName = 'Stowarzyszenie Obecne na Spotkaniu';

  before(async () => {
    t = await createTestApp();
    const db = t.services.db;
    const organisation = await seedOrganization(db, organisationName, organisationSlug);
    meetingId = await seedMeeting(db, {
      topic: 'Spotkanie o programie współpracy',
      starts_at: '2018-07-16T10:00:00.000Z',
      ends_at: '2018-07-16T13:00:00.000Z',
      registration_deadline: null,
      capacity: 2,
      guests_allowed: 1,
    });
    await seedMeeting(db, { topic: 'Nadchodzące spotkanie' }); // an upcoming one, for lists and feeds
    const user = async (name: string, email: string) => {
      const id = await createUser(t.services, email);
      await db.updateTable('users').set({ display_name: name }).where('id', '=', id).execute();
      return id;
    };
    const now = new Date().toISOString();
    const registrant = await user(secrets.registrantName, secrets.registrantEmail);
    const checkedIn = await user(secrets.checkedInName, secrets.checkedInEmail);
    const waitlisted = await user(secrets.waitlistedName, secrets.waitlistedEmail);
    await db
      .insertInto('meeting_registrations')
      .values([
        { meeting_id: meetingId, user_id: registrant, organization_id: organisation, status: 'registered', created_at: now },
        { meeting_id: meetingId, user_id: checkedIn, organization_id: organisation, status: 'registered', created_at: now },
        { meeting_id: meetingId, user_id: waitlisted, organization_id: null, status: 'waitlisted', created_at: now },
      ])
      .execute();
    const checkedInRegistration = await db
      .selectFrom('meeting_registrations')
      .select('id')
      .where('user_id', '=', checkedIn)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('meeting_attendees')
      .values([
        {
          meeting_id: meetingId,
          registration_id: checkedInRegistration.id,
          user_id: checkedIn,
          full_name: secrets.checkedInName,
          role: 'ngo',
          organization_id: organisation,
          email: secrets.checkedInEmail,
          checked_in_at: now,
        },
        {
          meeting_id: meetingId,
          full_name: secrets.walkInName,
          role: 'guest',
          organization_name: 'Klub Seniora Wolny Tekst',
          email: secrets.walkInEmail,
          checked_in_at: now,
        },
      ])
      .execute();
    // Published minutes, so the protocol page and its PDF and DOCX are served to the public too.
    await db
      .insertInto('meeting_minutes')
      .values({
        meeting_id: meetingId,
        version: 1,
        status: 'published',
        items_json: '[]',
        closing_md: 'Na tym spotkanie zakończono.',
        author_name: 'Aleksandra Michalska',
        author_position: 'podinspektor',
        published_at: now,
        created_at: now,
      })
      .execute();
  });
  after(async () => t.close());

  it('every public GET route answers without a name or e-mail of an attendee or registrant', async () => {
    const publicGets = t.app.routeCatalogue.filter((r) => r.method === 'GET' && r.access === 'public');
    assert.ok(publicGets.length > 10, 'the catalogue lists the public pages');
    const urls = new Set(namedUrls);
    for (const route of publicGets) {
      urls.add(
        route.url
          .replace(/:id\b/g, String(meetingId))
          .replace(/:slug\b/g, organisationSlug)
          .replace(/:language\b/g, 'pl')
          .replace(/:\w+/g, '1')
          .replace(/\*$/, 'x'),
      );
    }
    const visitor = t.client();
    const leaks: string[] = [];
    const answered: Record<string, number> = {};
    for (const url of urls) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie: visitor.cookieHeader() } });
      answered[url] = response.statusCode;
      // Documents are compressed: compare their extracted text, as a reader would see it.
      const type = String(response.headers['content-type'] ?? '');
      const content = type.startsWith('application/pdf')
        ? await pdfText(response.rawPayload)
        : type.startsWith(DOCX_CONTENT_TYPE)
          ? docxText(response.rawPayload)
          : response.body;
      const text = `${JSON.stringify(response.headers)}\n${content}`.toLowerCase();
      for (const [what, secret] of Object.entries(secrets)) {
        if (text.includes(secret.toLowerCase())) leaks.push(`${url} (${response.statusCode}) shows ${what}`);
        // Names also as their parts (a page could print "Tajnoimienny Z." or just the surname).
        if (what.endsWith('Name') && text.includes(secret.split(' ')[1]!.toLowerCase())) {
          leaks.push(`${url} (${response.statusCode}) shows the surname of ${what}`);
        }
      }
    }
    assert.deepEqual(leaks, [], `attendee data on public answers:\n  ${leaks.join('\n  ')}`);
    // Not vacuous: the seeded organisation's public page and the directory exports were really served.
    assert.equal(answered[`/organizacje/${organisationSlug}`], 200);
    assert.equal(answered['/organizacje.json'], 200);
    const meetingUrls = ['', '/kalendarz.ics', '/protokol', '/protokol.pdf', '/protokol.docx'].map(
      (u) => `/spotkania/${meetingId}${u}`,
    );
    for (const url of meetingUrls) {
      if (publicGets.some((r) => r.url === url.replace(String(meetingId), ':id'))) {
        assert.equal(answered[url], 200, `${url} serves the meeting`);
      }
    }
  });
});
