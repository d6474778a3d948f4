/** SQL of the administration pages: audit log search, users with roles, the mail outbox. */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { warsawToUtc } from '../../platform/i18n/format.js';
import { auditPageSize, type TAuditFilters } from './admin.schema.js';

export async function searchAuditLog(db: Kysely<DB>, filters: TAuditFilters) {
  let query = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_user_id');
  if (filters.akcja) query = query.where('audit_log.action', 'like', `${filters.akcja}%`);
  if (filters.obiekt) query = query.where('audit_log.subject_type', '=', filters.obiekt);
  if (filters.kto) query = query.where('users.email', '=', filters.kto.toLowerCase().trim());
  if (filters.od) query = query.where('audit_log.occurred_at', '>=', warsawToUtc(filters.od, '00:00').toISOString());
  if (filters.do) query = query.where('audit_log.occurred_at', '<=', warsawToUtc(filters.do, '23:59:59').toISOString());
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const page = filters.strona ?? 1;
  const rows = await query
    .select([
      'audit_log.id',
      'audit_log.occurred_at',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.before_json',
      'audit_log.after_json',
      'audit_log.actor_label',
      'users.email as actor_email',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(auditPageSize)
    .offset((page - 1) * auditPageSize)
    .execute();
  return { total: Number(total.n), page, rows };
}

export async function distinctAuditActions(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}

export const usersPageSize = 50;

export async function listUsers(db: Kysely<DB>, page: number) {
  const total = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'email_confirmed_at', 'created_at'])
    .orderBy('email')
    .limit(usersPageSize)
    .offset((page - 1) * usersPageSize)
    .execute();
  const roles = users.length
    ? await db
        .selectFrom('user_roles')
        .select(['user_id', 'role'])
        .where(
          'user_id',
          'in',
          users.map((u) => u.id),
        )
        .execute()
    : [];
  return {
    total: Number(total.n),
    users: users.map((u) => ({ ...u, roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role) })),
  };
}

export const mailsPageSize = 50;

export async function listMails(db: Kysely<DB>, page: number) {
  const total = await db
    .selectFrom('mails')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const mails = await db
    .selectFrom('mails')
    .select(['id', 'to_address', 'subject', 'status', 'transport', 'created_at', 'sent_at'])
    .orderBy('id', 'desc')
    .limit(mailsPageSize)
    .offset((page - 1) * mailsPageSize)
    .execute();
  return { total: Number(total.n), mails };
}

export function findMail(db: Kysely<DB>, id: number) {
  return db.selectFrom('mails').selectAll().where('id', '=', id).executeTakeFirst();
}
