import type { Services } from '../../services.js';
import { parseTaskProposal, submissionsByAuthor } from '../consultation/index.js';

/**
 * Everything the platform holds about one person (art. 15 and 20 GDPR), as plain JSON: the account,
 * roles, organisation memberships, sessions (devices, not tokens), meeting registrations, entries
 * of attendance lists with their name or e-mail, remarks on minutes, consultation submissions, the mails sent to them and the
 * audit entries of their own actions. Password hashes and tokens are never exported.
 */
export async function exportPersonalData(services: Services, userId: number) {
  const { db } = services;
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'email_confirmed_at', 'preferred_language', 'created_at', 'updated_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const [roles, memberships, sessions, mails, actions, registrations, attendance, remarks] = await Promise.all([
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
    db
      .selectFrom('meeting_registrations')
      .innerJoin('meetings', 'meetings.id', 'meeting_registrations.meeting_id')
      .leftJoin('organizations', 'organizations.id', 'meeting_registrations.organization_id')
      .select([
        'meetings.topic as meeting',
        'meetings.starts_at as meetingStartsAt',
        'organizations.name as onBehalfOf',
        'meeting_registrations.status',
        'meeting_registrations.accessibility_needs as accessibilityNeeds',
        'meeting_registrations.created_at as registeredAt',
      ])
      .where('meeting_registrations.user_id', '=', userId)
      .orderBy('meeting_registrations.id')
      .execute(),
    db
      .selectFrom('meeting_attendees')
      .innerJoin('meetings', 'meetings.id', 'meeting_attendees.meeting_id')
      .select([
        'meetings.topic as meeting',
        'meeting_attendees.full_name as name',
        'meeting_attendees.role',
        'meeting_attendees.organization_name as organisationAsWritten',
        'meeting_attendees.email',
        'meeting_attendees.checked_in_at as checkedInAt',
      ])
      .where((eb) => eb.or([eb('meeting_attendees.user_id', '=', userId), eb('meeting_attendees.email', '=', user.email)]))
      .orderBy('meeting_attendees.id')
      .execute(),
    db
      .selectFrom('meeting_minutes_remarks')
      .innerJoin('meeting_minutes', 'meeting_minutes.id', 'meeting_minutes_remarks.minutes_id')
      .innerJoin('meetings', 'meetings.id', 'meeting_minutes.meeting_id')
      .select([
        'meetings.topic as meeting',
        'meeting_minutes_remarks.text',
        'meeting_minutes_remarks.answer',
        'meeting_minutes_remarks.created_at as createdAt',
      ])
      .where('meeting_minutes_remarks.user_id', '=', userId)
      .orderBy('meeting_minutes_remarks.id')
      .execute(),
  ]);
  const submissions = (await submissionsByAuthor(db, userId)).map(({ task_json, ...s }) => ({
    consultation: s.consultation,
    kind: s.kind,
    status: s.status,
    submitterKind: s.submitter_kind,
    submitterName: s.submitter_name,
    provision: s.provision_label,
    proposedWording: s.proposed_wording,
    justification: s.justification,
    taskProposal: s.kind === 'task' ? parseTaskProposal(task_json) : null,
    receiptNumber: s.receipt_number,
    sentAt: s.sent_at,
    withdrawnAt: s.withdrawn_at,
    createdAt: s.created_at,
  }));
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
    meetingRegistrations: registrations,
    attendanceLists: attendance,
    remarksOnMinutes: remarks,
    consultationSubmissions: submissions,
    mailsSentToYou: mails,
    yourActionsInTheAuditLog: actions,
  };
}
