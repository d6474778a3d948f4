import type { Services } from '../../services.js';

/** The stricter per-IP limit for public forms (sign-in, sign-up, reset, and every later public form). */
export function formRateLimit(services: Services) {
  return { max: services.config.formRateLimitPerMinute, timeWindow: '1 minute' };
}
