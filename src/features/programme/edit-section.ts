/**
 * Changes of a draft's content: saving one section's form, and importing a meeting's outcomes into
 * the goals, principles or non-financial forms. Each names the version row and the lock it read:
 * a newer save in between is a conflict, a version sent to consultation is frozen. The audit entry
 * holds the section before and after.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { meetingOutcomes } from '../meeting-minutes/index.js';
import { newestVersion } from './programme.repo.js';
import { parseSections, type ListItem, type ProgrammeSections, type SectionKey } from './programme-sections.js';

export type EditRefusal = 'notFound' | 'conflict' | 'frozen';
export type EditResult = { ok: true; changed: boolean } | { ok: false; reason: EditRefusal };

async function changeDraft(
  services: Services,
  officialId: number,
  ref: { programmeId: number; versionId: number; version: number },
  section: SectionKey,
  change: (trx: Kysely<DB>, current: ProgrammeSections) => Promise<ProgrammeSections | EditRefusal>,
): Promise<EditResult> {
  return services.db.transaction().execute(async (trx) => {
    const row = await newestVersion(trx, ref.programmeId, 'all');
    if (!row) return { ok: false, reason: 'notFound' } as const;
    if (row.status !== 'draft') return { ok: false, reason: 'frozen' } as const;
    if (row.id !== ref.versionId || row.version !== ref.version) return { ok: false, reason: 'conflict' } as const;
    const current = parseSections(row.sections_json);
    const next = await change(trx, current);
    if (typeof next === 'string') return { ok: false, reason: next } as const;
    if (JSON.stringify(next[section]) === JSON.stringify(current[section])) return { ok: true, changed: false } as const;
    const updated = await trx
      .updateTable('programme_versions')
      .set({ sections_json: JSON.stringify(next), version: ref.version + 1, updated_at: nowIso() })
      .where('id', '=', row.id)
      .where('version', '=', ref.version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' } as const;
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'programme.section-updated',
      subjectType: 'programme',
      subjectId: ref.programmeId,
      before: { versionId: row.id, section, content: current[section] },
      after: { versionId: row.id, section, content: next[section] },
    });
    return { ok: true, changed: true } as const;
  });
}

/** Saves one section (the whole document parsed from its form; only that section differs). */
export function saveSection(
  services: Services,
  officialId: number,
  ref: { programmeId: number; versionId: number; version: number },
  section: SectionKey,
  next: ProgrammeSections,
): Promise<EditResult> {
  return changeDraft(services, officialId, ref, section, async (_trx, current) => ({ ...current, [section]: next[section] }));
}

export type ImportSection = 'goals' | 'principles' | 'forms';
export const importSections: ImportSection[] = ['goals', 'principles', 'forms'];

/**
 * Appends a meeting's outcomes to a section, each keeping `{ meetingId, outcomeId }`: into the goals
 * its main goal (when the main goal is still empty, else as the first specific goal) and specific
 * goals; into the principles its local principles (the statutory ones are ticked); into the
 * non-financial forms its forms of promotion and cooperation. Outcomes already imported are skipped.
 */
export function importOutcomes(
  services: Services,
  officialId: number,
  ref: { programmeId: number; versionId: number; version: number },
  section: ImportSection,
  meetingId: number,
): Promise<EditResult> {
  return changeDraft(services, officialId, ref, section, async (trx, current) => {
    const outcomes = await meetingOutcomes(trx, meetingId);
    if (outcomes.length === 0) return 'notFound';
    const next = structuredClone(current);
    const known = new Set<string>();
    const remember = (items: ListItem[]) =>
      items.forEach((i) => i.source && known.add(`${i.source.meetingId}:${i.source.outcomeId}`));
    remember(next.goals.specific);
    remember(next.principles.local);
    remember(next.forms.nonFinancial);
    if (next.goals.mainSource) known.add(`${next.goals.mainSource.meetingId}:${next.goals.mainSource.outcomeId}`);
    const fresh = (kinds: string[]) =>
      outcomes
        .filter((o) => kinds.includes(o.kind) && !known.has(`${meetingId}:${o.id}`))
        .map((o) => ({ text: o.text, source: { meetingId, outcomeId: o.id } }));
    if (section === 'goals') {
      for (const main of fresh(['main-goal'])) {
        if (next.goals.main.trim() === '') next.goals = { ...next.goals, main: main.text, mainSource: main.source };
        else next.goals.specific.push(main);
      }
      next.goals.specific.push(...fresh(['specific-goal']));
    } else if (section === 'principles') {
      for (const p of fresh(['principle'])) {
        const statutory = next.principles.statutory;
        const match = /^zasada\s+/i.test(p.text) ? p.text.replace(/^zasada\s+/i, '') : p.text;
        if (statutory.some((s) => s.toLowerCase() === match.toLowerCase())) continue;
        next.principles.local.push(p);
      }
    } else {
      next.forms.nonFinancial.push(...fresh(['promotion-form', 'cooperation-form']));
    }
    return next;
  });
}
