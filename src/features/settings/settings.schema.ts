/**
 * The municipality's settings: names shown in the header, contact details, the privacy notice's
 * controller and data protection officer, and the content of the accessibility statement
 * (deklaracja dostępności). Nothing here is hard-coded to one city: the demo seeds Leszno.
 */
import { z } from 'zod';
import { zCheckbox, zDateOnly, zEmail, zMultiline, zOptional, zSingleLine } from '../../platform/http/fields.js';

export const accessibilityStatuses = ['full', 'partial', 'none'] as const;

/** The bounds of the municipality's minimum consultation length in days (DOMAIN.md §3.1: observed 7 to about 30). */
export const consultationMinDaysRange = { min: 1, max: 90 } as const;

/** Whole days from the form ("14") or from the stored JSON (14). */
const zConsultationMinDays = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  zSingleLine(3)
    .refine((v) => /^\d{1,3}$/.test(v), { error: 'admin.settings.minDaysRange', params: consultationMinDaysRange })
    .transform(Number)
    .refine((n) => n >= consultationMinDaysRange.min && n <= consultationMinDaysRange.max, {
      error: 'admin.settings.minDaysRange',
      params: consultationMinDaysRange,
    }),
);

/** A checkbox in the form ("yes" or nothing), a boolean in the stored JSON. */
const zStoredCheckbox = z.preprocess((v) => (v === true ? 'yes' : v === false ? undefined : v), zCheckbox);

export const ZSiteSettings = z.object({
  municipalityName: zSingleLine(200),
  /** The municipality in the genitive ("Miasta Leszna"), for documents: "program współpracy Miasta Leszna". */
  municipalityGenitive: zOptional(zSingleLine(200)),
  /** The council in the genitive ("Rady Miejskiej Leszna"), for resolutions: "Uchwała nr … Rady Miejskiej Leszna". */
  councilGenitive: zOptional(zSingleLine(200)),
  officeName: zSingleLine(300),
  siteUrl: zOptional(zSingleLine(300)),
  contactAddress: zMultiline(1000),
  contactEmail: zEmail,
  contactPhone: zSingleLine(50),
  controllerName: zSingleLine(300),
  dataProtectionOfficerEmail: zEmail,
  a11yPublishedOn: zDateOnly,
  a11yUpdatedOn: zDateOnly,
  a11yPreparedOn: zDateOnly,
  a11yReviewedOn: zOptional(zDateOnly),
  a11yStatus: z.enum(accessibilityStatuses),
  a11yNonAccessibleContent: zOptional(zMultiline(5000)),
  a11yContactPerson: zSingleLine(200),
  a11yContactEmail: zEmail,
  a11yContactPhone: zSingleLine(50),
  a11yBuildingAccessibility: zMultiline(5000),
  a11yCommunication: zMultiline(5000),
  a11yMobileApps: zOptional(zMultiline(2000)),
  /** The municipality's minimum consultation length in Warsaw calendar days, both ends included. */
  consultationMinDays: zConsultationMinDays,
  /** Whether residents (not only organisations) may submit comments and proposals in consultations. */
  consultationResidentsAllowed: zStoredCheckbox,
});

type ParsedSettings = z.infer<typeof ZSiteSettings>;
type LaterSettingKeys = 'consultationMinDays' | 'consultationResidentsAllowed' | 'municipalityGenitive' | 'councilGenitive';

/**
 * The settings. Those added after the first release (consultation, names in the genitive) are
 * optional in the type only so that settings objects written before they existed (the demo's,
 * tests') still type-check; `readSettings` always fills them, and `consultationSettings` and
 * `documentNames` read them with their defaults.
 */
export type SiteSettings = Omit<ParsedSettings, LaterSettingKeys> & Partial<Pick<ParsedSettings, LaterSettingKeys>>;

/**
 * The names official documents need in the genitive, never guessed by declension: the
 * municipality's ("program współpracy Miasta Leszna") and the council's ("Uchwała nr … Rady
 * Miejskiej Leszna"). Until an administrator types them, neutral wording that needs no declension.
 */
export function documentNames(settings: SiteSettings): { municipality: string; council: string } {
  const municipality = settings.municipalityGenitive?.trim() || `gminy ${settings.municipalityName}`;
  return { municipality, council: settings.councilGenitive?.trim() || `Rady Gminy (${settings.municipalityName})` };
}

/** The consultation settings with their defaults (7 days, organisations only). */
export function consultationSettings(settings: SiteSettings): { minDays: number; residentsAllowed: boolean } {
  return {
    minDays: settings.consultationMinDays ?? defaultSiteSettings.consultationMinDays ?? 7,
    residentsAllowed: settings.consultationResidentsAllowed ?? false,
  };
}

/** A neutral starting point for a new installation, before an administrator fills the settings. */
export const defaultSiteSettings: SiteSettings = {
  municipalityName: 'Gmina',
  municipalityGenitive: '',
  councilGenitive: '',
  officeName: 'Urząd',
  siteUrl: '',
  contactAddress: '',
  contactEmail: 'kontakt@example.invalid',
  contactPhone: '',
  controllerName: 'Urząd',
  dataProtectionOfficerEmail: 'iod@example.invalid',
  a11yPublishedOn: '2026-01-01',
  a11yUpdatedOn: '2026-01-01',
  a11yPreparedOn: '2026-01-01',
  a11yReviewedOn: '',
  a11yStatus: 'partial',
  a11yNonAccessibleContent: '',
  a11yContactPerson: '',
  a11yContactEmail: 'kontakt@example.invalid',
  a11yContactPhone: '',
  a11yBuildingAccessibility: '',
  a11yCommunication: '',
  a11yMobileApps: '',
  consultationMinDays: 7,
  consultationResidentsAllowed: false,
};
