import { z } from 'zod';

export const auditPageSize = 50;

/** Filters of the audit log; every field optional, bad values ignored rather than failing the page. */
export const ZAuditFilters = z.object({
  akcja: z
    .string()
    .max(100)
    .regex(/^[a-z_.]*$/)
    .optional()
    .catch(undefined),
  kto: z.string().max(254).optional().catch(undefined),
  obiekt: z
    .string()
    .max(50)
    .regex(/^[a-z_]*$/)
    .optional()
    .catch(undefined),
  od: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  do: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
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
