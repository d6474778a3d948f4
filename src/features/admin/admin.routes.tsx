import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { userActor } from '../../platform/audit/audit.js';
import { formatDateTimeShort } from '../../platform/i18n/format.js';
import { parseForm } from '../../platform/http/forms.js';
import { ZAuditFilters, ZIdParam, ZPageQuery, ZRoleChange, auditPageSize } from './admin.schema.js';
import {
  distinctAuditActions,
  findMail,
  listMails,
  listUsers,
  mailsPageSize,
  searchAuditLog,
  usersPageSize,
} from './admin.repo.js';
import { grantRole, revokeRole } from './change-role.js';
import { AdminHomePage } from './views/admin-home.js';
import { AuditLogPage } from './views/audit-log.js';
import { MailPage, OutboxPage } from './views/outbox.js';
import { UsersPage } from './views/users.js';

const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

export function adminRoutes(app: FastifyInstance, services: Services): void {
  const admin = { access: 'administrator' as const };

  app.get('/admin', { config: admin }, async (_request, reply) => reply.render(<AdminHomePage />));

  app.get('/admin/dziennik', { config: admin }, async (request, reply) => {
    const filters = ZAuditFilters.parse(request.query ?? {});
    const result = await searchAuditLog(services.db, filters);
    const actions = await distinctAuditActions(services.db);
    const query = new URLSearchParams(
      Object.entries(filters).filter((e): e is [string, string] => e[0] !== 'strona' && typeof e[1] === 'string' && e[1] !== ''),
    );
    return reply.render(
      <AuditLogPage
        model={{
          filters: {
            akcja: filters.akcja ?? '',
            kto: filters.kto ?? '',
            obiekt: filters.obiekt ?? '',
            od: filters.od ?? '',
            do: filters.do ?? '',
          },
          actions,
          total: result.total,
          page: result.page,
          pageCount: pageCount(result.total, auditPageSize),
          pageHref: (p: number) => `/admin/dziennik?${new URLSearchParams([...query, ['strona', String(p)]]).toString()}`,
          entries: result.rows.map((r) => ({
            id: r.id,
            occurredAt: formatDateTimeShort(r.occurred_at, request.language),
            occurredAtIso: r.occurred_at,
            actor: r.actor_email ?? r.actor_label,
            action: r.action,
            subject: r.subject_id ? `${r.subject_type} #${r.subject_id}` : r.subject_type,
            before: r.before_json,
            after: r.after_json,
          })),
        }}
      />,
    );
  });

  app.get('/admin/uzytkownicy', { config: admin }, async (request, reply) => {
    const page = ZPageQuery.parse(request.query ?? {}).strona ?? 1;
    const result = await listUsers(services.db, page);
    return reply.render(
      <UsersPage
        model={{
          total: result.total,
          page,
          pageCount: pageCount(result.total, usersPageSize),
          currentUserId: signedInUser(request).id,
          users: result.users.map((u) => ({
            id: u.id,
            email: u.email,
            displayName: u.display_name,
            confirmed: u.email_confirmed_at !== null,
            createdAt: formatDateTimeShort(u.created_at, request.language),
            isOfficial: u.roles.includes('official'),
            isAdministrator: u.roles.includes('administrator'),
          })),
        }}
      />,
    );
  });

  app.post('/admin/uzytkownicy/:id/role', { config: admin }, async (request, reply) => {
    const params = ZIdParam.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const form = parseForm(ZRoleChange, request.body);
    if (!form.ok) return reply.redirectWithFlash('/admin/uzytkownicy', { kind: 'info', key: 'flash.roleInvalid' });
    const actor = userActor(signedInUser(request).id);
    const change = form.data.change === 'grant' ? grantRole : revokeRole;
    const result = await change(services.db, actor, params.data.id, form.data.role);
    if (!result.ok && result.reason === 'unknownUser') return reply.callNotFound();
    if (!result.ok) return reply.redirectWithFlash('/admin/uzytkownicy', { kind: 'info', key: 'flash.lastAdministrator' });
    return reply.redirectWithFlash('/admin/uzytkownicy', { kind: 'success', key: 'flash.roleChanged' });
  });

  app.get('/admin/poczta', { config: admin }, async (request, reply) => {
    const page = ZPageQuery.parse(request.query ?? {}).strona ?? 1;
    const result = await listMails(services.db, page);
    return reply.render(
      <OutboxPage
        model={{
          total: result.total,
          page,
          pageCount: pageCount(result.total, mailsPageSize),
          smtpConfigured: services.mailTransport.name === 'smtp',
          mails: result.mails.map((m) => ({
            id: m.id,
            to: m.to_address,
            subject: m.subject,
            status: m.status,
            createdAt: formatDateTimeShort(m.created_at, request.language),
          })),
        }}
      />,
    );
  });

  app.get('/admin/poczta/:id', { config: admin }, async (request, reply) => {
    const params = ZIdParam.safeParse(request.params);
    const mail = params.success ? await findMail(services.db, params.data.id) : undefined;
    if (!mail) return reply.callNotFound();
    return reply.render(
      <MailPage
        model={{
          id: mail.id,
          to: mail.to_address,
          subject: mail.subject,
          body: mail.body_text,
          status: mail.status,
          createdAt: formatDateTimeShort(mail.created_at, request.language),
          sentAt: mail.sent_at ? formatDateTimeShort(mail.sent_at, request.language) : null,
          transport: mail.transport,
          siteUrl: services.config.baseUrl,
        }}
      />,
    );
  });
}
