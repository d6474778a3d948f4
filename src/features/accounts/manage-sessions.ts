import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { type AuthenticatedUser, destroySession, destroyUserSessions } from '../../platform/auth/sessions.js';

export function listSessions(services: Services, userId: number) {
  return services.db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date().toISOString())
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Signs out of the current session. */
export async function signOut(services: Services, user: AuthenticatedUser): Promise<void> {
  await services.db.transaction().execute(async (trx) => {
    await destroySession(trx, user.sessionId);
    await recordAudit(trx, {
      actor: userActor(user.id),
      action: 'account.signed_out',
      subjectType: 'session',
      subjectId: user.sessionId,
    });
  });
}

/** Ends one of the user's own sessions; false if it is not theirs (or already gone). */
export async function endSession(services: Services, user: AuthenticatedUser, sessionId: number): Promise<boolean> {
  return services.db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('sessions').where('id', '=', sessionId).where('user_id', '=', user.id).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) return false;
    await recordAudit(trx, {
      actor: userActor(user.id),
      action: 'account.session_ended',
      subjectType: 'session',
      subjectId: sessionId,
    });
    return true;
  });
}

/** "Sign out everywhere": ends every session of the user, this one included. */
export async function endAllSessions(services: Services, user: AuthenticatedUser): Promise<number> {
  return services.db.transaction().execute(async (trx) => {
    const ended = await destroyUserSessions(trx, user.id);
    await recordAudit(trx, {
      actor: userActor(user.id),
      action: 'account.signed_out_everywhere',
      subjectType: 'user',
      subjectId: user.id,
      after: { sessionsEnded: ended },
    });
    return ended;
  });
}
