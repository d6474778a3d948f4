import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { newestVersionForYear } from './programme.repo.js';
import type { TNewProgramme } from './programme.schema.js';
import { emptySections, parseSections } from './programme-sections.js';

export type CreateProgrammeResult = { ok: true; id: number } | { ok: false; reason: 'noPrevious' };

/** The default title, as Leszno's: "Roczny program współpracy … na 2019 rok" (or "na lata 2019–2021"). */
export function defaultProgrammeTitle(municipality: string, yearFrom: number, yearTo: number): string {
  const years = yearFrom === yearTo ? `na ${yearFrom} rok` : `na lata ${yearFrom}–${yearTo}`;
  const kind = yearFrom === yearTo ? 'Roczny program' : 'Wieloletni program';
  return `${kind} współpracy ${municipality} z organizacjami pozarządowymi ${years}`;
}

/**
 * A new programme with version 1 as a draft: empty (the six statutory principles ticked), or a copy
 * of the newest version of the programme that covered the year before ("start from last year's").
 * The programme, its first version and the audit entry commit together.
 */
export async function createProgramme(
  services: Services,
  officialId: number,
  input: TNewProgramme,
  municipality: string,
): Promise<CreateProgrammeResult> {
  return services.db.transaction().execute(async (trx) => {
    const previous = input.start === 'previous' ? await newestVersionForYear(trx, input.yearFrom - 1) : undefined;
    if (input.start === 'previous' && !previous) return { ok: false, reason: 'noPrevious' } as const;
    const now = nowIso();
    const title = input.title || defaultProgrammeTitle(municipality, input.yearFrom, input.yearTo);
    const programme = await trx
      .insertInto('programmes')
      .values({ year_from: input.yearFrom, year_to: input.yearTo, title, created_by: officialId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sections = previous ? parseSections(previous.sections_json) : emptySections();
    const version = await trx
      .insertInto('programme_versions')
      .values({
        programme_id: programme.id,
        number: 1,
        status: 'draft',
        sections_json: JSON.stringify(sections),
        based_on_version_id: previous?.id ?? null,
        created_by: officialId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'programme.created',
      subjectType: 'programme',
      subjectId: programme.id,
      after: {
        yearFrom: input.yearFrom,
        yearTo: input.yearTo,
        title,
        versionId: version.id,
        copiedFromVersionId: previous?.id ?? null,
      },
    });
    return { ok: true, id: programme.id } as const;
  });
}
