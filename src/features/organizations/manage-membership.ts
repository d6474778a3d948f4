/**
 * Membership of an organisation: a signed-in person asks to join; the organisation's administrators
 * approve or remove members and hand over the admin role. An organisation never loses its last
 * administrator. Every change is audited; a request is mailed to the organisation's administrators.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { DB } from '../../platform/db/schema.js';
import { translatorFor, type Language } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/mail.js';
import { activeAdminEmails } from './organizations.repo.js';

export type MembershipChange = 'approve' | 'remove' | 'makeAdmin';
export type MembershipResult = 'done' | 'alreadyMember' | 'notFound' | 'lastAdmin';

export async function activeAdminCount(db: Kysely<DB>, organizationId: number): Promise<number> {
  const row = await db
    .selectFrom('organization_members')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function requestMembership(
  services: Services,
  userId: number,
  organization: { id: number; name: string; slug: string | null },
  language: Language,
): Promise<MembershipResult> {
  return services.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('organization_members')
      .select('status')
      .where('organization_id', '=', organization.id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (existing) return 'alreadyMember';
    const now = new Date().toISOString();
    await trx
      .insertInto('organization_members')
      .values({
        organization_id: organization.id,
        user_id: userId,
        role: 'member',
        status: 'pending',
        joined_at: now,
        requested_at: now,
      })
      .execute();
    const admins = await activeAdminEmails(trx, organization.id);
    // Nobody administers it yet (e.g. imported from a register): the office decides.
    const recipients =
      admins.length > 0
        ? admins
        : await trx
            .selectFrom('user_roles')
            .innerJoin('users', 'users.id', 'user_roles.user_id')
            .select('users.email')
            .where('user_roles.role', '=', 'official')
            .execute();
    const t = translatorFor(language);
    const link = `${services.config.baseUrl}/organizacje/${organization.slug}/czlonkowie`;
    for (const admin of recipients) {
      await queueMail(trx, {
        to: admin.email,
        subject: t('organizations.mails.joinRequest.subject', { organization: organization.name }),
        text: t('organizations.mails.joinRequest.body', { organization: organization.name, link }),
      });
    }
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'membership.requested',
      subjectType: 'organization',
      subjectId: organization.id,
      after: { userId, status: 'pending' },
    });
    return 'done';
  });
}

export async function changeMembership(
  services: Services,
  adminId: number,
  organizationId: number,
  memberId: number,
  change: MembershipChange,
): Promise<MembershipResult> {
  return services.db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom('organization_members')
      .select(['role', 'status'])
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', memberId)
      .executeTakeFirst();
    if (!member) return 'notFound';
    const target = trx
      .updateTable('organization_members')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', memberId);
    let roleAfter = change === 'makeAdmin' ? 'admin' : member.role;
    if (change === 'approve') {
      if (member.status !== 'pending') return 'notFound';
      // The first member of an organisation without an administrator becomes its administrator.
      roleAfter = (await activeAdminCount(trx, organizationId)) === 0 ? 'admin' : member.role;
      await target.set({ status: 'active', role: roleAfter, joined_at: new Date().toISOString() }).execute();
    } else if (change === 'makeAdmin') {
      if (member.status !== 'active') return 'notFound';
      await target.set({ role: 'admin' }).execute();
    } else {
      if (member.role === 'admin' && member.status === 'active' && (await activeAdminCount(trx, organizationId)) <= 1)
        return 'lastAdmin';
      await trx
        .deleteFrom('organization_members')
        .where('organization_id', '=', organizationId)
        .where('user_id', '=', memberId)
        .execute();
    }
    await recordAudit(trx, {
      actor: userActor(adminId),
      action: `membership.${change === 'approve' ? 'approved' : change === 'makeAdmin' ? 'admin_granted' : 'removed'}`,
      subjectType: 'organization',
      subjectId: organizationId,
      before: { userId: memberId, role: member.role, status: member.status },
      after: change === 'remove' ? null : { userId: memberId, role: roleAfter, status: 'active' },
    });
    return 'done';
  });
}

export function listMembers(db: Kysely<DB>, organizationId: number) {
  return db
    .selectFrom('organization_members')
    .innerJoin('users', 'users.id', 'organization_members.user_id')
    .select([
      'users.id',
      'users.display_name',
      'users.email',
      'organization_members.role',
      'organization_members.status',
      'organization_members.requested_at',
    ])
    .where('organization_members.organization_id', '=', organizationId)
    .orderBy('organization_members.status', 'desc')
    .orderBy('users.display_name')
    .execute();
}
