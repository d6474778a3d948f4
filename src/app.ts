/**
 * Builds the Fastify app: the kernel (security, sessions, language, access, CSRF, rendering), then
 * the features in the order their URLs should be matched. `main.ts` starts it; tests inject into it.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Services } from './services.js';
import type { Access } from './platform/auth/access.js';
import { handleFrameworkError, installErrorHandlers } from './platform/http/errors.js';
import { registerKernel } from './platform/http/kernel.js';
import { logSerializers, redactPaths } from './platform/http/logging.js';
import { accountsFeature } from './features/accounts/index.js';
import { adminFeature } from './features/admin/index.js';
import { organizationsFeature } from './features/organizations/index.js';
import { organizationImportFeature } from './features/organization-import/index.js';
import { meetingsFeature } from './features/meetings/index.js';
import { meetingMinutesFeature } from './features/meeting-minutes/index.js';
import { meetingRegistrationFeature } from './features/meeting-registration/index.js';
import { meetingProtocolFeature } from './features/meeting-protocol/index.js';
import { programmeFeature } from './features/programme/index.js';
import { consultationFeature } from './features/consultation/index.js';
import { consultationAnswersFeature } from './features/consultation-answers/index.js';
import { consultationReportFeature } from './features/consultation-report/index.js';
import { openDataFeature } from './features/open-data/index.js';
import { personalDataFeature } from './features/personal-data/index.js';
import { siteFeature } from './features/site/index.js';
import { settingsFeature } from './features/settings/index.js';

export interface Feature {
  name: string;
  routes(app: FastifyInstance, services: Services): void | Promise<void>;
}

/** One registered route, as the route × role test and the docs see it. */
export interface RouteInfo {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered by the features, with its declared access rule. */
    routeCatalogue: RouteInfo[];
  }
}

export const features: Feature[] = [
  siteFeature,
  organizationsFeature,
  organizationImportFeature,
  meetingsFeature,
  meetingMinutesFeature,
  meetingRegistrationFeature,
  meetingProtocolFeature,
  programmeFeature,
  consultationFeature,
  consultationAnswersFeature,
  consultationReportFeature,
  openDataFeature,
  accountsFeature,
  personalDataFeature,
  settingsFeature,
  adminFeature,
];

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      services.config.logLevel === 'silent'
        ? false
        : { level: services.config.logLevel, serializers: logSerializers, redact: redactPaths },
    trustProxy: services.config.trustProxy,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Malformed URLs (bad percent-encoding, over-long parameters) get the Polish 400 page, not JSON.
    frameworkErrors: handleFrameworkError,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  const catalogue: RouteInfo[] = [];
  app.decorate('routeCatalogue', catalogue);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/assets/')) return;
    // A route without an access rule would skip authorisation: refuse to start instead.
    if (!route.config?.access) throw new Error(`Route ${[route.method].flat().join(',')} ${route.url} declares no config.access`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalogue.push({ method, url: route.url, access: route.config?.access });
    }
  });
  await registerKernel(app, services);
  installErrorHandlers(app, services);
  for (const feature of features) {
    await app.register(async (scope) => feature.routes(scope, services));
  }
  return app;
}
