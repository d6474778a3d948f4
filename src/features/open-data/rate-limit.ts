import type { Services } from '../../services.js';

/**
 * The per-IP limit of each open-data address (API endpoints and exports), in place of the limit for
 * all pages: machines call these, and an export reads the whole directory. Like `formRateLimit`, it
 * is a route's `config.rateLimit`, so each address counts its own requests (in memory per instance).
 */
export function apiRateLimit(services: Services) {
  return { max: services.config.apiRateLimitPerMinute, timeWindow: '1 minute' };
}

/** Answers of the API and the exports may be kept by browsers and proxies for a minute. */
export const publicCacheControl = 'public, max-age=60';
