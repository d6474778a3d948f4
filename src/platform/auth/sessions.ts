/**
 * Sessions live in the database, so any app instance can serve any request (no sticky sessions).
 * The cookie holds a random token; the table holds only its SHA-256 hash.
 */
import type { Kysely } from 'kysely';
import { nowIso } from '../db/database.js';
import type { DB, Role } from '../db/schema.js';
import { hashToken, randomToken } from './tokens.js';

export interface AuthenticatedUser {
  id: number;
  email: string;
  displayName: string;
  roles: Role[];
  sessionId: number;
  preferredLanguage: string | null;
  /** The organisations the person is an active member of (not merged away), in Polish order. */
  organizations: Array<{ id: number; name: string; slug: string }>;
  /** On whose behalf the person acts: the organisation chosen in this session, or the only one they belong to. */
  actingOrganizationId: number | null;
}

/** last_seen_at is refreshed at most this often, so reading pages does not write on every request. */
const touchIntervalMs = 5 * 60_000;

export function describeUserAgent(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const browser = /Firefox\//.test(ua)
    ? 'Firefox'
    : /Edg\//.test(ua)
      ? 'Edge'
      : /Chrome\/|Chromium\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '';
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return [browser, system].filter(Boolean).join(' · ') || '—';
}

export async function createSession(
  db: Kysely<DB>,
  userId: number,
  userAgent: string | undefined,
  ttlDays: number,
): Promise<{ token: string; sessionId: number }> {
  const token = randomToken();
  const now = new Date();
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlDays * 86_400_000).toISOString(),
      user_agent: describeUserAgent(userAgent),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, sessionId: row.id };
}

export async function loadSession(db: Kysely<DB>, token: string): Promise<AuthenticatedUser | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const now = nowIso();
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.last_seen_at',
      'sessions.acting_organization_id',
      'users.id',
      'users.email',
      'users.display_name',
      'users.preferred_language',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return null;
  const [roles, organizations] = await Promise.all([
    db.selectFrom('user_roles').select('role').where('user_id', '=', row.id).execute(),
    db
      .selectFrom('organization_members')
      .innerJoin('organizations', 'organizations.id', 'organization_members.organization_id')
      .select(['organizations.id', 'organizations.name', 'organizations.slug'])
      .where('organization_members.user_id', '=', row.id)
      .where('organization_members.status', '=', 'active')
      .where('organizations.status', '!=', 'merged')
      .orderBy('organizations.name_sort_key')
      .execute(),
  ]);
  const memberOf = organizations.map((o) => ({ id: o.id, name: o.name, slug: o.slug ?? String(o.id) }));
  const chosen = memberOf.find((o) => o.id === row.acting_organization_id);
  if (Date.now() - Date.parse(row.last_seen_at) > touchIntervalMs) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.sessionId).execute();
  }
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: roles.map((r) => r.role),
    sessionId: row.sessionId,
    preferredLanguage: row.preferred_language,
    organizations: memberOf,
    actingOrganizationId: chosen?.id ?? (memberOf.length === 1 ? (memberOf[0]?.id ?? null) : null),
  };
}

export async function destroySession(db: Kysely<DB>, sessionId: number): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, except (optionally) the one in use. Returns how many ended. */
export async function destroyUserSessions(db: Kysely<DB>, userId: number, exceptSessionId?: number): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId !== undefined) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
