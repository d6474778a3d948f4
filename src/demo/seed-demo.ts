/**
 * Demo data for a first start: the demo municipality (Miasto Leszno and its NGO liaison office),
 * an administrator, an official and two NGO members of the organisations the seed protocol names,
 * forty more fictional local organisations (demo-organizations.ts), the working meeting of 16 July
 * 2018 (demo-meeting-2018.ts), the 2019 programme (demo-programme-2019.ts) with its closed
 * consultation, and next year's programme in an open consultation (demo-consultations.ts). Times
 * relative to "now" follow `services.clock` (a test server's FAKE_NOW moves them too).
 * Runs only on an empty database, and in production only with SEED_DEMO=always.
 */
import type { Services } from '../services.js';
import { recordAudit, systemActor } from '../platform/audit/audit.js';
import { hashPassword } from '../platform/auth/passwords.js';
import type { Role } from '../platform/db/schema.js';
import type { SiteSettings } from '../features/settings/settings.schema.js';
import { writeSettings } from '../features/settings/settings.repo.js';
import { insertUser } from '../features/accounts/index.js';
import { nipCheckDigit, regon9CheckDigit } from '../features/organizations/identifiers.js';
import { slugify } from '../features/organizations/polish-order.js';
import { organizationColumns } from '../features/organizations/register-organization.js';
import { accountOrganisationForm, insertDemoOrganizations } from './demo-organizations.js';
import { insertDemoMeeting } from './demo-meeting-2018.js';
import { insertDemoProgramme } from './demo-programme-2019.js';
import { insertDemoConsultations } from './demo-consultations.js';

export const demoPassword = 'Wspolnie-demo-2026';

export interface DemoOrganisation {
  name: string;
  shortName: string;
  legalForm: string;
  krs: string;
  nip: string;
  regon: string;
  spheres: string[];
  city: string;
  description: string;
  oppYear: number | null;
  volunteers: string | null;
}

export interface DemoAccount {
  email: string;
  displayName: string;
  roles: Role[];
  organisation?: DemoOrganisation & { role: 'admin' | 'member' };
  description: string;
}

/** A fictional but valid NIP: 9 digits from the seed number, then the check digit. */
export function demoNip(seed: number): string {
  for (let n = seed; ; n++) {
    const first9 = String(697_000_000 + (n % 1_000_000)).padStart(9, '0');
    const digit = nipCheckDigit(first9);
    if (digit !== null) return `${first9}${digit}`;
  }
}

/** A fictional but valid 9-digit REGON. */
export function demoRegon(seed: number): string {
  const first8 = String(41_000_000 + (seed % 1_000_000)).padStart(8, '0');
  return `${first8}${regon9CheckDigit(first8)}`;
}

export const demoAccounts: DemoAccount[] = [
  {
    email: 'administrator@wspolnie.example',
    displayName: 'Adam Administracyjny',
    roles: ['administrator'],
    description: 'administrator',
  },
  {
    email: 'urzednik@wspolnie.example',
    displayName: 'Urszula Urzędnicza',
    roles: ['official'],
    description: 'urzędnik (Biuro Pełnomocnika)',
  },
  {
    email: 'krokus@wspolnie.example',
    displayName: 'Katarzyna Krokusowa',
    roles: [],
    organisation: {
      name: 'Stowarzyszenie Społeczno-Kulturalne „Krokus”',
      shortName: 'Krokus',
      legalForm: 'stowarzyszenie',
      krs: '0000900001',
      nip: demoNip(1),
      regon: demoRegon(1),
      spheres: ['16', '15', '13'],
      city: 'Leszno',
      description:
        'Stowarzyszenie organizuje w Lesznie warsztaty artystyczne, koncerty i spotkania sąsiedzkie. Współtworzyło program współpracy na 2019 rok (spotkanie robocze 16 lipca 2018 r.).',
      oppYear: 2026,
      volunteers: 'Pomoc przy organizacji koncertów i warsztatów dla dzieci.',
      role: 'admin',
    },
    description: 'przedstawicielka organizacji (Krokus)',
  },
  {
    email: 'alternatywa@wspolnie.example',
    displayName: 'Marek Alternatywny',
    roles: [],
    organisation: {
      name: 'MCP Alternatywa',
      shortName: 'Alternatywa',
      legalForm: 'stowarzyszenie',
      krs: '0000900002',
      nip: demoNip(2),
      regon: demoRegon(2),
      spheres: ['15', '27', '32'],
      city: 'Leszno',
      description: 'Młodzieżowe centrum: zajęcia dla młodzieży, wolontariat i profilaktyka uzależnień.',
      oppYear: null,
      volunteers: null,
      role: 'admin',
    },
    description: 'przedstawiciel organizacji (MCP Alternatywa)',
  },
];

export const demoSettings: SiteSettings = {
  municipalityName: 'Miasto Leszno',
  municipalityGenitive: 'Miasta Leszna',
  councilGenitive: 'Rady Miejskiej Leszna',
  officeName: 'Biuro Pełnomocnika ds. Współpracy z Organizacjami Pozarządowymi',
  siteUrl: '',
  contactAddress: 'Urząd Miasta Leszna\nul. Kazimierza Karasia 15\n64-100 Leszno',
  contactEmail: 'ngo@leszno.example',
  contactPhone: '65 000 00 00',
  controllerName: 'Prezydent Miasta Leszna',
  dataProtectionOfficerEmail: 'iod@leszno.example',
  a11yPublishedOn: '2026-11-26',
  a11yUpdatedOn: '2026-11-26',
  a11yPreparedOn: '2026-11-26',
  a11yReviewedOn: '',
  a11yStatus: 'partial',
  a11yNonAccessibleContent:
    'Serwis jest w budowie. Dokumenty PDF i DOCX generowane przez serwis są przygotowywane zgodnie z wymaganiami dostępności; ich pełna weryfikacja trwa.',
  a11yContactPerson: 'Biuro Pełnomocnika ds. Współpracy z Organizacjami Pozarządowymi',
  a11yContactEmail: 'ngo@leszno.example',
  a11yContactPhone: '65 000 00 00',
  a11yBuildingAccessibility:
    'Wejście do budynku urzędu jest dostępne z poziomu chodnika. W budynku jest winda. Przy wejściu znajduje się miejsce parkingowe dla osób z niepełnosprawnościami.',
  a11yCommunication:
    'Osoby głuche i słabosłyszące mogą skontaktować się z urzędem e-mailem. Do urzędu można wejść z psem asystującym.',
  a11yMobileApps: '',
};

export function shouldSeedDemo(services: Services): boolean {
  const mode = services.config.seedDemo;
  if (mode === 'never') return false;
  if (mode === 'always') return true;
  return services.config.env !== 'production';
}

/** Seeds the demo if the database holds no users yet. Returns whether it seeded. */
export async function seedDemo(services: Services): Promise<boolean> {
  const existing = await services.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(demoPassword);
  try {
    await insertDemo(services, passwordHash);
  } catch (error) {
    // Another instance starting at the same moment may have seeded first (unique e-mail violation).
    const seededElsewhere = await services.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (seededElsewhere) return false;
    throw error;
  }
  services.settings.invalidate();
  return true;
}

async function insertDemo(services: Services, passwordHash: string): Promise<void> {
  await services.db.transaction().execute(async (trx) => {
    const clock = services.clock();
    const now = clock.toISOString();
    await writeSettings(trx, demoSettings, 0, null, now);
    for (const account of demoAccounts) {
      const user = {
        id: await insertUser(trx, {
          email: account.email,
          displayName: account.displayName,
          passwordHash,
          confirmedAt: now,
          now,
        }),
      };
      for (const role of account.roles) {
        await trx.insertInto('user_roles').values({ user_id: user.id, role, granted_at: now, granted_by: null }).execute();
      }
      if (account.organisation) {
        const o = account.organisation;
        const organisation = await trx
          .insertInto('organizations')
          .values({
            ...organizationColumns(accountOrganisationForm(o), 'NGO'),
            slug: slugify(o.shortName),
            status: 'verified',
            verified_at: now,
            last_confirmed_at: now,
            updated_at: now,
            created_at: now,
            created_by: user.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('organization_spheres')
          .values(o.spheres.map((code) => ({ organization_id: organisation.id, sphere_code: code })))
          .execute();
        await trx
          .insertInto('organization_members')
          .values({ organization_id: organisation.id, user_id: user.id, role: account.organisation.role, joined_at: now })
          .execute();
      }
    }
    const organisations = await insertDemoOrganizations(trx, now);
    const meetingId = await insertDemoMeeting(trx, now);
    const programme = await insertDemoProgramme(trx, meetingId);
    await insertDemoConsultations(trx, programme, clock);
    await recordAudit(trx, {
      actor: systemActor,
      action: 'demo.seeded',
      subjectType: 'installation',
      after: { accounts: demoAccounts.length, organisations: organisations + demoAccounts.filter((a) => a.organisation).length },
    });
  });
}
