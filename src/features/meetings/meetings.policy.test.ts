import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../../platform/db/schema.js';
import { canCancelMeeting, canEditMeeting, canManageMeetings, canPublishMeeting, canViewMeeting } from './meetings.policy.js';

const official = { roles: ['official'] as Role[], registered: false };
const administrator = { roles: ['administrator'] as Role[], registered: false };
const registered = { roles: [] as Role[], registered: true };
const person = { roles: [] as Role[], registered: false };

describe('meetings policy', () => {
  it('who sees a meeting: status × visibility × viewer', () => {
    const grid = (['draft', 'published', 'cancelled'] as const).flatMap((status) =>
      (['public', 'invitation'] as const).map((visibility) =>
        [null, person, registered, official, administrator]
          .map((viewer) => (canViewMeeting(viewer, { status, visibility }) ? 1 : 0))
          .join(''),
      ),
    );
    // columns: visitor, person, registered person, official, administrator
    assert.deepEqual(grid, [
      '00011', // draft, public
      '00011', // draft, invitation
      '11111', // published, public
      '00111', // published, invitation
      '11111', // cancelled, public
      '00111', // cancelled, invitation
    ]);
  });

  it('officials manage; publishing needs a draft with an agenda; only a published meeting is cancelled; cancelled is final', () => {
    assert.equal(canManageMeetings(['official']), true);
    assert.equal(canManageMeetings(['administrator']), true);
    assert.equal(canManageMeetings([]), false);
    assert.equal(canPublishMeeting(['official'], 'draft', 1), true);
    assert.equal(canPublishMeeting(['official'], 'draft', 0), false);
    assert.equal(canPublishMeeting(['official'], 'published', 3), false);
    assert.equal(canPublishMeeting([], 'draft', 3), false);
    assert.equal(canCancelMeeting(['official'], 'published'), true);
    assert.equal(canCancelMeeting(['official'], 'draft'), false);
    assert.equal(canCancelMeeting([], 'published'), false);
    assert.equal(canEditMeeting(['official'], 'published'), true);
    assert.equal(canEditMeeting(['official'], 'cancelled'), false);
    assert.equal(canEditMeeting([], 'draft'), false);
  });
});
