import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { emptyForm, failedForm, formError, parseForm } from '../../platform/http/forms.js';
import { registerUploads } from '../../platform/http/uploads.js';
import { SettingsPage } from './views/settings.js';
import { ZSiteSettings } from './settings.schema.js';
import { updateSettings } from './update-settings.js';
import { changeLogo } from './change-logo.js';

const ZSettingsForm = ZSiteSettings.extend({
  version: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
});
export const maxLogoBytes = 512 * 1024;

export async function settingsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await registerUploads(app, { maxFileBytes: maxLogoBytes, maxFiles: 1, maxFields: 5, maxFieldBytes: 1024 });

  app.get('/admin/ustawienia', { config: { access: 'administrator' } }, async (_request, reply) => {
    const stored = await services.settings.get();
    const values = Object.fromEntries(Object.entries(stored.settings).map(([k, v]) => [k, String(v)]));
    return reply.render(<SettingsPage form={emptyForm({ ...values, version: String(stored.version) })} />);
  });

  app.post('/admin/ustawienia', { config: { access: 'administrator' } }, async (request, reply) => {
    const form = parseForm(ZSettingsForm, request.body);
    if (!form.ok) return reply.render(<SettingsPage form={failedForm(form.values, form.errors, request.t)} />, 400);
    const { version, ...settings } = form.data;
    const user = signedInUser(request);
    const result = await updateSettings(services, user.id, settings, version);
    if (!result.ok) {
      const current = await services.settings.get();
      return reply.render(
        <SettingsPage
          form={failedForm(
            { ...form.values, version: String(current.version) },
            [formError('', 'admin.settings.conflict')],
            request.t,
          )}
        />,
        409,
      );
    }
    return reply.redirectWithFlash('/admin/ustawienia', { kind: 'success', key: 'flash.settingsSaved' });
  });

  app.post('/admin/ustawienia/logo', { config: { access: 'administrator' } }, async (request, reply) => {
    const file = ((request.body ?? {}) as Record<string, unknown>).logo;
    const result = await changeLogo(services, signedInUser(request).id, Buffer.isBuffer(file) ? file : null);
    if (!result.ok) {
      const stored = await services.settings.get();
      const values = Object.fromEntries(Object.entries(stored.settings).map(([k, v]) => [k, String(v)]));
      const error = formError('logo', result.reason === 'type' ? 'admin.settings.logoType' : 'admin.settings.logoMissing');
      return reply.render(
        <SettingsPage form={failedForm({ ...values, version: String(stored.version) }, [error], request.t)} />,
        400,
      );
    }
    return reply.redirectWithFlash('/admin/ustawienia', { kind: 'success', key: 'flash.logoSaved' });
  });
}
