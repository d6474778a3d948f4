import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrganizationStatus } from '../../platform/db/schema.js';
import { canConfirmData, canManageLogo, type OrganizationActor } from './organizations.policy.js';

const actors: Record<string, OrganizationActor | null> = {
  visitor: null,
  user: { roles: [], membership: null },
  pendingMember: { roles: [], membership: { role: 'member', status: 'pending' } },
  pendingAdmin: { roles: [], membership: { role: 'admin', status: 'pending' } },
  member: { roles: [], membership: { role: 'member', status: 'active' } },
  orgAdmin: { roles: [], membership: { role: 'admin', status: 'active' } },
  official: { roles: ['official'], membership: null },
  administrator: { roles: ['administrator'], membership: null },
};

// Expected: [confirm data, manage logo] per actor, for an organisation that is not merged.
const live: Record<string, [boolean, boolean]> = {
  visitor: [false, false],
  user: [false, false],
  pendingMember: [false, false],
  pendingAdmin: [false, false],
  member: [true, false],
  orgAdmin: [true, true],
  official: [false, true],
  administrator: [false, true],
};

describe('organisation policy: confirming data and managing the logo', () => {
  for (const status of ['pending', 'verified', 'suspended'] as OrganizationStatus[]) {
    for (const [name, expected] of Object.entries(live)) {
      it(`${name} on a ${status} organisation: confirm/logo = ${expected.join('/')}`, () => {
        const actor = actors[name]!;
        assert.deepEqual([canConfirmData(actor, status), canManageLogo(actor, status)], expected);
      });
    }
  }
  it('nobody confirms or changes the logo of a merged organisation', () => {
    for (const actor of Object.values(actors)) {
      assert.deepEqual([canConfirmData(actor, 'merged'), canManageLogo(actor, 'merged')], [false, false]);
    }
  });
});
