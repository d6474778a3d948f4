import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../db/schema.js';
import { type Access, type AccessDecision, accessLevels, decideAccess, hasRole } from './access.js';
import type { AuthenticatedUser } from './sessions.js';

const user = (roles: Role[]): AuthenticatedUser => ({
  id: 1,
  email: 'osoba@example.org',
  displayName: 'Osoba',
  roles,
  sessionId: 1,
  preferredLanguage: null,
  organizations: [],
  actingOrganizationId: null,
});

/** Every role a route can meet. An NGO member has no platform role: membership is not a route rule. */
const roles: Record<string, AuthenticatedUser | null> = {
  visitor: null,
  'NGO member': user([]),
  'plain user': user([]),
  official: user(['official']),
  administrator: user(['administrator']),
  'official + administrator': user(['official', 'administrator']),
};

const expected: Record<Access, Record<string, AccessDecision>> = {
  public: {
    visitor: 'allow',
    'NGO member': 'allow',
    'plain user': 'allow',
    official: 'allow',
    administrator: 'allow',
    'official + administrator': 'allow',
  },
  guest: {
    visitor: 'allow',
    'NGO member': 'already-signed-in',
    'plain user': 'already-signed-in',
    official: 'already-signed-in',
    administrator: 'already-signed-in',
    'official + administrator': 'already-signed-in',
  },
  user: {
    visitor: 'sign-in',
    'NGO member': 'allow',
    'plain user': 'allow',
    official: 'allow',
    administrator: 'allow',
    'official + administrator': 'allow',
  },
  official: {
    visitor: 'sign-in',
    'NGO member': 'forbidden',
    'plain user': 'forbidden',
    official: 'allow',
    administrator: 'allow',
    'official + administrator': 'allow',
  },
  administrator: {
    visitor: 'sign-in',
    'NGO member': 'forbidden',
    'plain user': 'forbidden',
    official: 'forbidden',
    administrator: 'allow',
    'official + administrator': 'allow',
  },
};

function table(cells: (access: Access, role: string) => string): string {
  const names = Object.keys(roles);
  const width = Math.max(...names.map((n) => n.length), 20);
  const header = ['access'.padEnd(14), ...names.map((n) => n.padEnd(width))].join(' | ');
  const rows = accessLevels.map((access) =>
    [access.padEnd(14), ...names.map((role) => cells(access, role).padEnd(width))].join(' | '),
  );
  return [header, '-'.repeat(header.length), ...rows].join('\n');
}

describe('decideAccess: the route-level access matrix', () => {
  it('covers every access level', () => {
    assert.deepEqual([...accessLevels].sort(), Object.keys(expected).sort());
  });

  it('decides every access level × role as specified', () => {
    let failures = 0;
    const report = table((access, role) => {
      const actual = decideAccess(access, roles[role] ?? null);
      const want = expected[access][role];
      if (actual === want) return actual;
      failures += 1;
      return `✗ ${actual} (want ${want})`;
    });
    assert.equal(failures, 0, `decideAccess differs from the matrix in ${failures} cell(s):\n${report}`);
  });

  it('checks roles only on signed-in users', () => {
    assert.equal(hasRole(null, 'administrator'), false);
    assert.equal(hasRole(user(['official']), 'administrator'), false);
    assert.equal(hasRole(user(['official', 'administrator']), 'administrator'), true);
  });
});
