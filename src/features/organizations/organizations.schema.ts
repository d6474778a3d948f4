import { z } from 'zod';
import { zCheckbox, zDateOnly, zEmail, zMultiline, zOptional, zSingleLine } from '../../platform/http/fields.js';
import { areaScopes } from './area-scopes.js';
import { checkKrs, checkNip, checkRegon, type IdentifierCheck } from './identifiers.js';

function zIdentifier(check: (raw: string) => IdentifierCheck, kind: 'krs' | 'nip' | 'regon') {
  return zOptional(
    zSingleLine(30)
      .refine(
        (v) => {
          const result = check(v);
          return result.ok || result.reason !== 'format';
        },
        { error: `organizations.errors.${kind}Format` },
      )
      .refine((v) => check(v).ok, { error: `organizations.errors.${kind}Checksum` })
      .transform((v) => {
        const result = check(v);
        return result.ok ? result.value : v;
      }),
  );
}

const zSpheres = z
  .union([z.string(), z.array(z.string())], { error: 'organizations.errors.spheres' })
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .refine((v) => v.length >= 1 && v.length <= 10, { error: 'organizations.errors.spheres' })
  .refine((v) => v.every((code) => /^[0-9]{1,2}[a-z]{0,2}$/.test(code)), { error: 'organizations.errors.spheres' });

const currentYear = new Date().getUTCFullYear();

/** The organisation form: register and edit. Cross-field rule: at least one identifier. */
export const ZOrganizationForm = z
  .object({
    name: zSingleLine(300).refine((v) => v.length >= 3, { error: 'organizations.errors.nameTooShort' }),
    shortName: zOptional(zSingleLine(100)),
    legalForm: zSingleLine(50),
    krs: zIdentifier(checkKrs, 'krs'),
    nip: zIdentifier(checkNip, 'nip'),
    regon: zIdentifier(checkRegon, 'regon'),
    otherRegisterName: zOptional(zSingleLine(200)),
    otherRegisterNumber: zOptional(zSingleLine(100)),
    foundedOn: zOptional(zDateOnly),
    oppYear: zOptional(
      zSingleLine(4).refine((v) => /^\d{4}$/.test(v) && Number(v) >= 2004 && Number(v) <= currentYear + 1, {
        error: 'organizations.errors.oppYear',
        params: { max: currentYear + 1 },
      }),
    ),
    spheres: zSpheres,
    description: zOptional(zMultiline(10_000)),
    goals: zOptional(zMultiline(10_000)),
    targetGroups: zOptional(zMultiline(2_000)),
    areaOfActivity: zOptional(zSingleLine(300)),
    areaScope: zOptional(z.enum(areaScopes, { error: 'organizations.errors.areaScope' })),
    street: zOptional(zSingleLine(200)),
    postalCode: zOptional(zSingleLine(6).refine((v) => /^\d{2}-\d{3}$/.test(v), { error: 'organizations.errors.postalCode' })),
    city: zOptional(zSingleLine(100)),
    email: zOptional(zEmail),
    phone: zOptional(zSingleLine(30).refine((v) => /^[+0-9 ()-]{6,30}$/.test(v), { error: 'organizations.errors.phone' })),
    website: zOptional(
      zSingleLine(300).refine((v) => /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), { error: 'organizations.errors.website' }),
    ),
    volunteersWanted: zCheckbox,
    volunteersDescription: zOptional(zMultiline(2_000)),
  })
  .refine((v) => v.krs || v.nip || v.regon || (v.otherRegisterName && v.otherRegisterNumber), {
    path: ['krs'],
    error: 'organizations.errors.identifierRequired',
  });
export type TOrganizationForm = z.infer<typeof ZOrganizationForm>;

export const ZSlugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,90}$/) });

/** A repeatable query parameter: values that do not look right are dropped, never an error page. */
function zQueryList(pattern: RegExp) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => pattern.test(x)))].slice(0, 40),
    )
    .catch([]);
}

/** The directory's shareable URL (/organizacje?q=…&sfera=…): lenient, since people edit URLs by hand. */
export const ZDirectoryQuery = z.object({
  q: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .replace(/\p{Cc}/gu, ' ')
        .trim()
        .slice(0, 200),
    )
    .catch(''),
  sfera: zQueryList(/^[0-9]{1,2}[a-z]{0,2}$/),
  forma: zQueryList(/^[a-z-]{1,40}$/),
  zasieg: zQueryList(new RegExp(`^(${areaScopes.join('|')})$`)),
  opp: z.literal('1').optional().catch(undefined),
  wolontariat: z.literal('1').optional().catch(undefined),
  sort: z.enum(['nazwa', 'trafnosc']).optional().catch(undefined),
  stan: z.enum(['weryfikacja', 'zawieszone']).optional().catch(undefined),
  strona: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type TDirectoryQuery = z.infer<typeof ZDirectoryQuery>;
