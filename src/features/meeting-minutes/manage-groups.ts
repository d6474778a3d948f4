/**
 * Group work (praca w grupach): tables with their hosts (gospodarze stolików) and, per rotation
 * round, the topic each table discusses. Officials add, edit and remove them; every change audited.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { DB } from '../../platform/db/schema.js';
import { topicsOf, type TGroup } from './meeting-minutes.schema.js';

async function writeRounds(trx: Kysely<DB>, groupId: number, group: TGroup) {
  await trx.deleteFrom('meeting_group_rounds').where('group_id', '=', groupId).execute();
  const rounds = topicsOf(group);
  if (rounds.length > 0) {
    await trx
      .insertInto('meeting_group_rounds')
      .values(rounds.map((r) => ({ group_id: groupId, round: r.round, topic: r.topic })))
      .execute();
  }
  return rounds;
}

const record = (group: TGroup, rounds: Array<{ round: number; topic: string }>) => ({
  name: group.name,
  hostName: group.hostName || null,
  hostAffiliation: group.hostAffiliation || null,
  rounds,
});

export async function addGroup(services: Services, userId: number, meetingId: number, group: TGroup): Promise<number> {
  return services.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('meeting_groups')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    const inserted = await trx
      .insertInto('meeting_groups')
      .values({
        meeting_id: meetingId,
        position: Number(last?.last ?? 0) + 1,
        name: group.name,
        host_name: group.hostName || null,
        host_affiliation: group.hostAffiliation || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rounds = await writeRounds(trx, inserted.id, group);
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'meeting.group_added',
      subjectType: 'meeting',
      subjectId: meetingId,
      after: { groupId: inserted.id, ...record(group, rounds) },
    });
    return inserted.id;
  });
}

export async function updateGroup(
  services: Services,
  userId: number,
  meetingId: number,
  groupId: number,
  group: TGroup,
): Promise<boolean> {
  return services.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('meeting_groups')
      .selectAll()
      .where('id', '=', groupId)
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!before) return false;
    const beforeRounds = await trx
      .selectFrom('meeting_group_rounds')
      .select(['round', 'topic'])
      .where('group_id', '=', groupId)
      .orderBy('round')
      .execute();
    await trx
      .updateTable('meeting_groups')
      .set({ name: group.name, host_name: group.hostName || null, host_affiliation: group.hostAffiliation || null })
      .where('id', '=', groupId)
      .execute();
    const rounds = await writeRounds(trx, groupId, group);
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'meeting.group_changed',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: {
        groupId,
        name: before.name,
        hostName: before.host_name,
        hostAffiliation: before.host_affiliation,
        rounds: beforeRounds,
      },
      after: { groupId, ...record(group, rounds) },
    });
    return true;
  });
}

/** Removes a group with its rounds; its ideas stay, without a group. */
export async function removeGroup(services: Services, userId: number, meetingId: number, groupId: number): Promise<boolean> {
  return services.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('meeting_groups')
      .selectAll()
      .where('id', '=', groupId)
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!before) return false;
    await trx.updateTable('meeting_ideas').set({ group_id: null }).where('group_id', '=', groupId).execute();
    await trx.deleteFrom('meeting_group_rounds').where('group_id', '=', groupId).execute();
    await trx.deleteFrom('meeting_groups').where('id', '=', groupId).execute();
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'meeting.group_removed',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { groupId, name: before.name, hostName: before.host_name, hostAffiliation: before.host_affiliation },
    });
    return true;
  });
}
