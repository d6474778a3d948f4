import { z } from 'zod';
import { warsawEarliestDate } from '../../platform/i18n/format.js';
import { zDateOnly } from '../../platform/http/fields.js';

export const auditPageSize = 50;

/**
 * A day to filter the log by: a real calendar date (a well-shaped but impossible one, 2024-13-45, is
 * ignored like any other bad value), from 1900 on — `warsawToUtc` cannot place earlier
 * years, and the log holds none.
 */
const zAuditDate = zDateOnly.refine((v) => v >= warsawEarliestDate);

/** Filters of the audit log; every field optional, bad values ignored rather than failing the page. */
export const ZAuditFilters = z.object({
  akcja: z
    .string()
    .max(100)
    .regex(/^[a-z_.]*$/)
    .optional()
    .catch(undefined),
  // No control characters: PostgreSQL refuses a NUL byte in text (found by the hostile-query test on PostgreSQL).
  kto: z
    .string()
    .max(254)
    .regex(/^\P{Cc}*$/u)
    .optional()
    .catch(undefined),
  obiekt: z
    .string()
    .max(50)
    .regex(/^[a-z_]*$/)
    .optional()
    .catch(undefined),
  od: zAuditDate.optional().catch(undefined),
  do: zAuditDate.optional().catch(undefined),
  strona: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

export const ZRoleChange = z.object({
  role: z.enum(['official', 'administrator'], { error: 'validation.choose' }),
  change: z.enum(['grant', 'revoke'], { error: 'validation.choose' }),
});

export const ZIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});

export const ZPageQuery = z.object({ strona: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined) });
