/**
 * The municipality's settings: names shown in the header, contact details, the privacy notice's
 * controller and data protection officer, and the content of the accessibility statement
 * (deklaracja dostępności). Nothing here is hard-coded to one city: the demo seeds Leszno.
 */
import { z } from 'zod';
import { zDateOnly, zEmail, zMultiline, zOptional, zSingleLine } from '../../platform/http/fields.js';

export const accessibilityStatuses = ['full', 'partial', 'none'] as const;

export const ZSiteSettings = z.object({
  municipalityName: zSingleLine(200),
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
});

export type SiteSettings = z.infer<typeof ZSiteSettings>;

/** A neutral starting point for a new installation, before an administrator fills the settings. */
export const defaultSiteSettings: SiteSettings = {
  municipalityName: 'Gmina',
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
};
