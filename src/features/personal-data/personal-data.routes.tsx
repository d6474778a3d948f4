import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, formError, parseForm } from '../../platform/http/forms.js';
import { zPassword } from '../../platform/http/fields.js';
import { sessionCookieName } from '../../platform/http/kernel.js';
import { eraseAccount } from './erase-account.js';
import { exportPersonalData } from './export-personal-data.js';
import { EraseAccountPage } from './views/erase-account.js';
import { PersonalDataPage } from './views/personal-data.js';

const ZEraseAccount = z.object({ password: zPassword });

export function personalDataRoutes(app: FastifyInstance, services: Services): void {
  app.get('/konto/dane', { config: { access: 'user' } }, async (_request, reply) => reply.render(<PersonalDataPage />));

  app.get('/konto/dane.json', { config: { access: 'user' } }, async (request, reply) => {
    const data = await exportPersonalData(services, signedInUser(request).id);
    return reply
      .header('content-disposition', 'attachment; filename="wspolnie-moje-dane.json"')
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/konto/usun', { config: { access: 'user' } }, async (_request, reply) =>
    reply.render(<EraseAccountPage form={emptyForm()} />),
  );

  app.post('/konto/usun', { config: { access: 'user', rateLimit: formRateLimit(services) } }, async (request, reply) => {
    const form = parseForm(ZEraseAccount, request.body);
    if (!form.ok) return reply.render(<EraseAccountPage form={failedForm({}, form.errors, request.t)} />, 400);
    const result = await eraseAccount(services, signedInUser(request), form.data.password);
    if (!result.ok) {
      const error = formError(
        'password',
        result.reason === 'wrongPassword' ? 'personalData.errors.wrongPassword' : 'personalData.errors.lastAdministrator',
      );
      return reply.render(<EraseAccountPage form={failedForm({}, [error], request.t)} />, 400);
    }
    reply.clearCookie(sessionCookieName(services), { path: '/' });
    return reply.redirectWithFlash('/', { kind: 'info', key: 'flash.accountErased' });
  });
}
