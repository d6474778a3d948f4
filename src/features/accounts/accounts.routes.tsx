import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, formError, parseForm } from '../../platform/http/forms.js';
import { cookieOptions, safeLocalPath, sessionCookieName } from '../../platform/http/kernel.js';
import { formatDateTime } from '../../platform/i18n/format.js';
import { ZChangePassword, ZEmailOnly, ZResetPassword, ZSessionParams, ZSignIn, ZSignUp, ZTokenOnly } from './accounts.schema.js';
import { findUserById, findUsableToken, rolesOf } from './accounts.repo.js';
import { changePassword } from './change-password.js';
import { confirmEmail } from './confirm-email.js';
import { endAllSessions, endSession, listSessions, signOut } from './manage-sessions.js';
import { requestPasswordReset, resetPassword } from './password-reset.js';
import { signIn } from './sign-in.js';
import { resendConfirmation, signUp } from './sign-up.js';
import { AccountPage } from './views/account.js';
import { ChangePasswordPage } from './views/change-password.js';
import { ConfirmEmailPage, ResendConfirmationPage } from './views/confirm-email.js';
import { CheckYourMailPage } from './views/check-your-mail.js';
import { InvalidLinkPage } from './views/invalid-link.js';
import { NewPasswordPage, ResetRequestPage } from './views/password-reset.js';
import { SessionsPage } from './views/sessions.js';
import { SignInPage } from './views/sign-in.js';
import { SignUpPage } from './views/sign-up.js';

function tokenFromQuery(request: FastifyRequest): string | null {
  const parsed = ZTokenOnly.safeParse(request.query);
  return parsed.success ? parsed.data.token : null;
}

export function accountsRoutes(app: FastifyInstance, services: Services): void {
  const guestForm = { access: 'guest' as const, rateLimit: formRateLimit(services) };

  // Sign-up
  app.get('/rejestracja', { config: { access: 'guest' } }, async (_request, reply) =>
    reply.render(<SignUpPage form={emptyForm()} />),
  );
  app.post('/rejestracja', { config: guestForm }, async (request, reply) => {
    const form = parseForm(ZSignUp, request.body);
    if (!form.ok) return reply.render(<SignUpPage form={failedForm(form.values, form.errors, request.t)} />, 400);
    await signUp(services, form.data, request.language);
    return reply.redirect('/rejestracja/sprawdz-poczte', 303);
  });
  app.get('/rejestracja/sprawdz-poczte', { config: { access: 'public' } }, async (_request, reply) =>
    reply.render(<CheckYourMailPage kind="signUp" />),
  );

  // E-mail confirmation: the link shows a button (mail scanners follow links; only a person posts).
  app.get('/potwierdz-email', { config: { access: 'public' } }, async (request, reply) => {
    const token = tokenFromQuery(request);
    if (!token || !(await findUsableToken(services.db, token, 'confirm_email'))) {
      return reply.render(<InvalidLinkPage kind="confirm" />, 400);
    }
    return reply.render(<ConfirmEmailPage token={token} />);
  });
  app.post('/potwierdz-email', { config: { access: 'public', rateLimit: formRateLimit(services) } }, async (request, reply) => {
    const form = parseForm(ZTokenOnly, request.body);
    if (!form.ok || !(await confirmEmail(services, form.data.token))) {
      return reply.render(<InvalidLinkPage kind="confirm" />, 400);
    }
    return reply.redirectWithFlash(request.currentUser ? '/konto' : '/logowanie', {
      kind: 'success',
      key: 'flash.emailConfirmed',
    });
  });
  app.get('/potwierdz-email/ponow', { config: { access: 'public' } }, async (_request, reply) =>
    reply.render(<ResendConfirmationPage form={emptyForm()} />),
  );
  app.post(
    '/potwierdz-email/ponow',
    { config: { access: 'public', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const form = parseForm(ZEmailOnly, request.body);
      if (!form.ok) return reply.render(<ResendConfirmationPage form={failedForm(form.values, form.errors, request.t)} />, 400);
      await resendConfirmation(services, form.data.email, request.language);
      return reply.redirect('/rejestracja/sprawdz-poczte', 303);
    },
  );

  // Sign-in and sign-out
  app.get<{ Querystring: { wroc?: string } }>('/logowanie', { config: { access: 'guest' } }, async (request, reply) =>
    reply.render(<SignInPage form={emptyForm({ wroc: safeLocalPath(request.query.wroc, '') })} />),
  );
  app.post('/logowanie', { config: guestForm }, async (request, reply) => {
    const parsed = parseForm(ZSignIn, request.body);
    // The hidden return path goes back into the page only as a local path, like on the first visit.
    const form = { ...parsed, values: { ...parsed.values, wroc: safeLocalPath(parsed.values.wroc, '') } };
    if (!form.ok) return reply.render(<SignInPage form={failedForm(form.values, form.errors, request.t)} />, 400);
    const result = await signIn(services, form.data, { ip: request.ip, userAgent: request.headers['user-agent'] });
    if (!result.ok) {
      const error =
        result.reason === 'locked'
          ? formError('email', 'accounts.errors.locked', { count: result.minutes })
          : result.reason === 'unconfirmed'
            ? formError('email', 'accounts.errors.unconfirmed')
            : formError('email', 'accounts.errors.invalidCredentials');
      const status = result.reason === 'locked' ? 429 : 400;
      return reply.render(
        <SignInPage form={failedForm(form.values, [error], request.t)} unconfirmed={result.reason === 'unconfirmed'} />,
        status,
      );
    }
    reply.setCookie(sessionCookieName(services), result.token, {
      ...cookieOptions(services),
      signed: true,
      maxAge: services.config.sessionTtlDays * 86_400,
    });
    return reply.redirect(safeLocalPath(form.data.wroc, '/konto'), 303);
  });
  app.post('/wyloguj', { config: { access: 'user' } }, async (request, reply) => {
    await signOut(services, signedInUser(request));
    reply.clearCookie(sessionCookieName(services), { path: '/' });
    return reply.redirectWithFlash('/', { kind: 'info', key: 'flash.signedOut' });
  });

  // Password reset
  app.get('/haslo/przypomnij', { config: { access: 'public' } }, async (_request, reply) =>
    reply.render(<ResetRequestPage form={emptyForm()} />),
  );
  app.post('/haslo/przypomnij', { config: { access: 'public', rateLimit: formRateLimit(services) } }, async (request, reply) => {
    const form = parseForm(ZEmailOnly, request.body);
    if (!form.ok) return reply.render(<ResetRequestPage form={failedForm(form.values, form.errors, request.t)} />, 400);
    await requestPasswordReset(services, form.data.email, request.language);
    return reply.redirect('/haslo/sprawdz-poczte', 303);
  });
  app.get('/haslo/sprawdz-poczte', { config: { access: 'public' } }, async (_request, reply) =>
    reply.render(<CheckYourMailPage kind="reset" />),
  );
  app.get('/haslo/nowe', { config: { access: 'public' } }, async (request, reply) => {
    const token = tokenFromQuery(request);
    if (!token || !(await findUsableToken(services.db, token, 'reset_password'))) {
      return reply.render(<InvalidLinkPage kind="reset" />, 400);
    }
    return reply.render(<NewPasswordPage form={emptyForm({ token })} />);
  });
  app.post('/haslo/nowe', { config: { access: 'public', rateLimit: formRateLimit(services) } }, async (request, reply) => {
    const form = parseForm(ZResetPassword, request.body);
    if (!form.ok) {
      if (form.errors.some((e) => e.field === 'token')) return reply.render(<InvalidLinkPage kind="reset" />, 400);
      return reply.render(<NewPasswordPage form={failedForm({ token: form.values.token ?? '' }, form.errors, request.t)} />, 400);
    }
    if (!(await resetPassword(services, form.data, request.language))) return reply.render(<InvalidLinkPage kind="reset" />, 400);
    if (request.currentUser) reply.clearCookie(sessionCookieName(services), { path: '/' });
    return reply.redirectWithFlash('/logowanie', { kind: 'success', key: 'flash.passwordReset' });
  });

  // The account
  app.get('/konto', { config: { access: 'user' } }, async (request, reply) => {
    const user = signedInUser(request);
    const stored = await findUserById(services.db, user.id);
    const organisations = await services.db
      .selectFrom('organization_members')
      .innerJoin('organizations', 'organizations.id', 'organization_members.organization_id')
      .select(['organizations.name', 'organization_members.role'])
      .where('organization_members.user_id', '=', user.id)
      .orderBy('organizations.name')
      .execute();
    return reply.render(
      <AccountPage
        model={{
          displayName: user.displayName,
          email: user.email,
          roles: (await rolesOf(services.db, user.id)).map((r) => request.t(`accounts.roles.${r}`)),
          memberSince: stored ? formatDateTime(stored.created_at, request.language) : '',
          organisations: organisations.map((o) => ({ name: o.name, role: request.t(`accounts.membership.${o.role}`) })),
        }}
      />,
    );
  });
  app.get('/konto/haslo', { config: { access: 'user' } }, async (_request, reply) =>
    reply.render(<ChangePasswordPage form={emptyForm()} />),
  );
  app.post('/konto/haslo', { config: { access: 'user', rateLimit: formRateLimit(services) } }, async (request, reply) => {
    const form = parseForm(ZChangePassword, request.body);
    if (!form.ok) return reply.render(<ChangePasswordPage form={failedForm({}, form.errors, request.t)} />, 400);
    const result = await changePassword(services, signedInUser(request), form.data, request.language);
    if (!result.ok) {
      return reply.render(
        <ChangePasswordPage
          form={failedForm({}, [formError('currentPassword', 'accounts.errors.wrongCurrentPassword')], request.t)}
        />,
        400,
      );
    }
    return reply.redirectWithFlash('/konto', { kind: 'success', key: 'flash.passwordChanged' });
  });
  app.get('/konto/sesje', { config: { access: 'user' } }, async (request, reply) => {
    const user = signedInUser(request);
    const sessions = await listSessions(services, user.id);
    const when = (iso: string) => formatDateTime(iso, request.language);
    return reply.render(
      <SessionsPage
        sessions={sessions.map((s) => ({
          id: s.id,
          device: s.user_agent,
          signedInAt: when(s.created_at),
          lastSeenAt: when(s.last_seen_at),
          current: s.id === user.sessionId,
        }))}
      />,
    );
  });
  app.post('/konto/sesje/wyloguj-wszedzie', { config: { access: 'user' } }, async (request, reply) => {
    await endAllSessions(services, signedInUser(request));
    reply.clearCookie(sessionCookieName(services), { path: '/' });
    return reply.redirectWithFlash('/logowanie', { kind: 'info', key: 'flash.signedOutEverywhere' });
  });
  app.post('/konto/sesje/:id/zakoncz', { config: { access: 'user' } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const params = ZSessionParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const user = signedInUser(request);
    if (!(await endSession(services, user, params.data.id))) return reply.callNotFound();
    if (params.data.id === user.sessionId) {
      reply.clearCookie(sessionCookieName(services), { path: '/' });
      return reply.redirectWithFlash('/logowanie', { kind: 'info', key: 'flash.signedOut' });
    }
    return reply.redirectWithFlash('/konto/sesje', { kind: 'success', key: 'flash.sessionEnded' });
  });
}
