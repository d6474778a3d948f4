import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/passwords.js';
import { createSession } from '../../platform/auth/sessions.js';
import { clearFailures, lockedMinutesLeft, recordFailure, throttleKey } from '../../platform/auth/sign-in-throttle.js';
import { findUserByEmail } from './accounts.repo.js';

export type SignInResult =
  | { ok: true; token: string; userId: number }
  | { ok: false; reason: 'invalid' | 'unconfirmed' }
  | { ok: false; reason: 'locked'; minutes: number };

/**
 * Checks the password (argon2id), with throttling per account and per IP address. An unknown
 * e-mail costs the same time as a wrong password, and both give the same answer.
 */
export async function signIn(
  services: Services,
  input: { email: string; password: string },
  client: { ip: string; userAgent: string | undefined },
): Promise<SignInResult> {
  const { db, config } = services;
  const accountKey = throttleKey('account', input.email);
  const ipKey = throttleKey('ip', client.ip);
  const minutes = await lockedMinutesLeft(db, [accountKey, ipKey]);
  if (minutes > 0) return { ok: false, reason: 'locked', minutes };

  const user = await findUserByEmail(db, input.email);
  const valid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash), input.password);
  if (!user || !valid) {
    const lockMinutes = config.signIn.lockMinutes;
    await recordFailure(db, accountKey, { maxFailures: config.signIn.maxFailuresPerAccount, lockMinutes });
    await recordFailure(db, ipKey, { maxFailures: config.signIn.maxFailuresPerIp, lockMinutes });
    const nowLocked = await lockedMinutesLeft(db, [accountKey, ipKey]);
    return nowLocked > 0 ? { ok: false, reason: 'locked', minutes: nowLocked } : { ok: false, reason: 'invalid' };
  }
  if (!user.email_confirmed_at) return { ok: false, reason: 'unconfirmed' };

  await clearFailures(db, accountKey);
  const session = await db.transaction().execute(async (trx) => {
    const created = await createSession(trx, user.id, client.userAgent, config.sessionTtlDays);
    await recordAudit(trx, {
      actor: userActor(user.id),
      action: 'account.signed_in',
      subjectType: 'session',
      subjectId: created.sessionId,
    });
    return created;
  });
  return { ok: true, token: session.token, userId: user.id };
}
