import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrganizationStatus } from '../../platform/db/schema.js';
import { canEdit, canVerify, canView, type OrganizationActor } from './organizations.policy.js';

const actors: Record<string, OrganizationActor | null> = {
  visitor: null,
  user: { roles: [], membership: null },
  pendingMember: { roles: [], membership: { role: 'member', status: 'pending' } },
  member: { roles: [], membership: { role: 'member', status: 'active' } },
  orgAdmin: { roles: [], membership: { role: 'admin', status: 'active' } },
  official: { roles: ['official'], membership: null },
  administrator: { roles: ['administrator'], membership: null },
};

// Expected: [view, edit, verify] per actor, for each organisation status.
const matrix: Record<OrganizationStatus, Record<string, [boolean, boolean, boolean]>> = {
  pending: {
    visitor: [false, false, false],
    user: [false, false, false],
    pendingMember: [false, false, false],
    member: [true, true, false],
    orgAdmin: [true, true, false],
    official: [true, true, true],
    administrator: [true, true, true],
  },
  verified: {
    visitor: [true, false, false],
    user: [true, false, false],
    pendingMember: [true, false, false],
    member: [true, true, false],
    orgAdmin: [true, true, false],
    official: [true, true, false],
    administrator: [true, true, false],
  },
  suspended: {
    visitor: [false, false, false],
    user: [false, false, false],
    pendingMember: [false, false, false],
    member: [true, true, false],
    orgAdmin: [true, true, false],
    official: [true, true, true],
    administrator: [true, true, true],
  },
  merged: {
    visitor: [false, false, false],
    user: [false, false, false],
    pendingMember: [false, false, false],
    member: [true, false, false],
    orgAdmin: [true, false, false],
    official: [true, false, false],
    administrator: [true, false, false],
  },
};

describe('organisation policy matrix', () => {
  for (const [status, rows] of Object.entries(matrix) as Array<
    [OrganizationStatus, Record<string, [boolean, boolean, boolean]>]
  >) {
    for (const [name, expected] of Object.entries(rows)) {
      it(`${name} on a ${status} organisation: view/edit/verify = ${expected.join('/')}`, () => {
        const actor = actors[name]!;
        assert.deepEqual([canView(actor, status), canEdit(actor, status), canVerify(actor, status)], expected);
      });
    }
  }
});
