/**
 * Route-level access rules. Every route declares `config.access`; one preHandler enforces it, and a
 * test walks every route × role to prove it. Finer rules (whose organisation, which document) live
 * in each feature's `*.policy.ts`.
 */
import type { Role } from '../db/schema.js';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from './sessions.js';

export type Access =
  /** Anyone, signed in or not. */
  | 'public'
  /** Only visitors who are not signed in (sign-in, sign-up). Signed-in users are redirected. */
  | 'guest'
  /** Any signed-in user. */
  | 'user'
  | 'official'
  | 'administrator';

export const accessLevels: readonly Access[] = ['public', 'guest', 'user', 'official', 'administrator'];

export function hasRole(user: AuthenticatedUser | null, role: Role): boolean {
  return user !== null && user.roles.includes(role);
}

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden' | 'already-signed-in';

export function decideAccess(access: Access, user: AuthenticatedUser | null): AccessDecision {
  switch (access) {
    case 'public':
      return 'allow';
    case 'guest':
      return user ? 'already-signed-in' : 'allow';
    case 'user':
      return user ? 'allow' : 'sign-in';
    case 'official':
      // Administrators can do everything officials can.
      if (!user) return 'sign-in';
      return hasRole(user, 'official') || hasRole(user, 'administrator') ? 'allow' : 'forbidden';
    case 'administrator':
      if (!user) return 'sign-in';
      return hasRole(user, 'administrator') ? 'allow' : 'forbidden';
  }
}

/** The signed-in user of a route whose access rule already requires one. */
export function signedInUser(request: FastifyRequest): AuthenticatedUser {
  const user = request.currentUser;
  if (!user) throw new Error(`route ${request.routeOptions.url} needs an access rule that requires a signed-in user`);
  return user;
}
