import type { Services } from '../../services.js';

/**
 * Everything the platform holds about one person (art. 15 and 20 GDPR), as plain JSON: the account,
 * roles, organisation memberships, sessions (devices, not tokens), the mails sent to them and the
 * audit entries of their own actions. Password hashes and tokens are never exported.
 */
export async function exportPersonalData(services: Services, userId: number) {
  const { db } = services;
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'email_confirmed_at', 'preferred_language', 'created_at', 'updated_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const [roles, memberships, sessions, mails, actions] = await Promise.all([
    db.selectFrom('user_roles').select(['role', 'granted_at']).where('user_id', '=', userId).execute(),
    db
      .selectFrom('organization_members')
      .innerJoin('organizations', 'organizations.id', 'organization_members.organization_id')
      .select(['organizations.name as organization', 'organization_members.role', 'organization_members.joined_at'])
      .where('organization_members.user_id', '=', userId)
      .execute(),
    db
      .selectFrom('sessions')
      .select(['created_at', 'last_seen_at', 'expires_at', 'user_agent'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('mails')
      .select(['subject', 'status', 'created_at', 'sent_at'])
      .where('to_address', '=', user.email)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('audit_log')
      .select(['occurred_at', 'action', 'subject_type', 'subject_id'])
      .where('actor_user_id', '=', userId)
      .orderBy('id')
      .execute(),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: {
      email: user.email,
      displayName: user.display_name,
      emailConfirmedAt: user.email_confirmed_at,
      preferredLanguage: user.preferred_language,
      createdAt: user.created_at,
      updatedAt: user.updated_at,
    },
    roles,
    organisationMemberships: memberships,
    sessions,
    mailsSentToYou: mails,
    yourActionsInTheAuditLog: actions,
  };
}
