import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canSeeMeeting, registrationRefusal } from './meeting-registration.policy.js';

const now = new Date('2026-07-10T10:00:00Z');
const meeting = {
  status: 'published' as const,
  visibility: 'public' as const,
  guests_allowed: 0,
  registration_deadline: '2026-07-15T10:00:00.000Z',
  starts_at: '2026-07-16T10:00:00.000Z',
};
const member = { roles: [], organizationIds: [7] };
const resident = { roles: [], organizationIds: [] };
const official = { roles: ['official' as const], organizationIds: [] };

describe('registration policy', () => {
  it('matrix', () => {
    const cases: Array<[string, ReturnType<typeof registrationRefusal>]> = [
      ['member for own organisation', registrationRefusal(member, meeting, 7, now)],
      ['member for another organisation', registrationRefusal(member, meeting, 8, now)],
      ['resident as guest, guests not allowed', registrationRefusal(resident, meeting, null, now)],
      ['resident as guest, guests allowed', registrationRefusal(resident, { ...meeting, guests_allowed: 1 }, null, now)],
      ['official without organisation', registrationRefusal(official, meeting, null, now)],
      ['draft', registrationRefusal(member, { ...meeting, status: 'draft' }, 7, now)],
      ['cancelled', registrationRefusal(member, { ...meeting, status: 'cancelled' }, 7, now)],
      ['at the deadline', registrationRefusal(member, meeting, 7, new Date(meeting.registration_deadline))],
      [
        'no deadline: until the start',
        registrationRefusal(member, { ...meeting, registration_deadline: null }, 7, new Date('2026-07-16T09:59:00Z')),
      ],
      [
        'no deadline: at the start',
        registrationRefusal(member, { ...meeting, registration_deadline: null }, 7, new Date(meeting.starts_at)),
      ],
      ['invitation, member', registrationRefusal(member, { ...meeting, visibility: 'invitation' }, 7, now)],
      ['invitation, official', registrationRefusal(official, { ...meeting, visibility: 'invitation' }, null, now)],
    ];
    assert.deepEqual(Object.fromEntries(cases), {
      'member for own organisation': null,
      'member for another organisation': 'notAMember',
      'resident as guest, guests not allowed': 'guestsNotAllowed',
      'resident as guest, guests allowed': null,
      'official without organisation': null,
      draft: 'notPublished',
      cancelled: 'cancelled',
      'at the deadline': 'closed',
      'no deadline: until the start': null,
      'no deadline: at the start': 'closed',
      'invitation, member': 'invitationOnly',
      'invitation, official': null,
    });
  });

  it('drafts are for officials only', () => {
    assert.equal(canSeeMeeting([], { status: 'draft' }), false);
    assert.equal(canSeeMeeting(['administrator'], { status: 'draft' }), true);
    assert.equal(canSeeMeeting([], { status: 'cancelled' }), true);
  });
});
