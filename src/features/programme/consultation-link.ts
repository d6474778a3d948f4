/**
 * The programme reads its consultations through the consultation feature's index. That feature
 * imports the programme's index (provisions, task modes) at load time, so importing it back at load
 * time would be a cycle: it is loaded on first use instead.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { ConsultationFacts, ConsultationRecord } from '../consultation/index.js';

const consultationFeature = () => import('../consultation/index.js');

export async function consultationOfVersion(db: Kysely<DB>, versionId: number): Promise<ConsultationRecord | undefined> {
  return (await consultationFeature()).consultationOfVersion(db, versionId);
}

export async function consultationFactsForProgramme(db: Kysely<DB>, programmeId: number): Promise<ConsultationFacts[]> {
  return (await consultationFeature()).consultationFactsForProgramme(db, programmeId);
}

/** Whether a consultation of any of the programme's versions has been closed (the law requires one before adoption). */
export async function hasClosedConsultation(db: Kysely<DB>, programmeId: number): Promise<boolean> {
  const consultations = await (await consultationFeature()).consultationsOfProgramme(db, programmeId);
  return consultations.some((c) => c.status === 'closed');
}
