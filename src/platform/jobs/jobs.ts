/**
 * Background jobs in the database. Every app instance runs a worker; a job is claimed by exactly one
 * of them (`FOR UPDATE SKIP LOCKED` on PostgreSQL, a single atomic UPDATE on SQLite), retried with
 * exponential backoff, and marked failed after `max_attempts`.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import type { DB, Job } from '../db/schema.js';
import { warsawParts, warsawToUtc } from '../i18n/format.js';

export type JobHandler = (payload: unknown, job: Job) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
}

/** A running job whose worker vanished (crash, kill) is claimable again after this long. */
const staleLockMs = 5 * 60_000;
const backoffBaseMs = 5_000;
const backoffMaxMs = 60 * 60_000;

export function backoffDelayMs(attempts: number): number {
  return Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.max(0, attempts - 1));
}

export async function enqueueJob(db: Kysely<DB>, kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('jobs')
    .values({
      kind,
      payload_json: JSON.stringify(payload),
      status: 'pending',
      attempts: 0,
      max_attempts: options.maxAttempts ?? 8,
      run_at: (options.runAt ?? new Date()).toISOString(),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Schedules a run of a recurring job (payload `{}`) unless one of that kind is already pending or
 * running — exactly once across app instances. Each instance calls it at start; the job's handler
 * calls it again, first thing, with its own job as `current` to schedule the next run.
 *
 * The existence check alone is not enough on PostgreSQL (two instances starting at once both see no
 * row and both insert, under READ COMMITTED). The partial unique index `jobs_recurring_pending`
 * (migration 20261126T1010) allows one pending row per recurring kind: the second concurrent insert
 * waits for the first to commit, then conflicts and does nothing. A run is not retried
 * (`max_attempts` 1): the next run is already pending, and returning a failed run to `pending` would
 * break that rule, so a recurring handler must be idempotent and tomorrow's run does today's work.
 * Returns whether a run was scheduled.
 */
export async function ensureRecurringJob(db: Kysely<DB>, kind: string, runAt: Date, current?: Job): Promise<boolean> {
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', kind)
    .where('recurring', '=', 1)
    .where('status', 'in', ['pending', 'running'])
    .$if(current !== undefined, (qb) => qb.where('id', '<>', current!.id))
    .executeTakeFirst();
  if (existing) return false;
  const inserted = await db
    .insertInto('jobs')
    .values({
      kind,
      payload_json: '{}',
      status: 'pending',
      attempts: 0,
      max_attempts: 1,
      run_at: runAt.toISOString(),
      created_at: new Date().toISOString(),
      recurring: 1,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The next instant after `now` at which the Warsaw wall clock shows `time` ("03:00"), DST included. */
export function nextWarsawTime(now: Date, time: string): Date {
  const today = warsawParts(now).date;
  const candidate = warsawToUtc(today, time);
  if (candidate.getTime() > now.getTime()) return candidate;
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return warsawToUtc(tomorrow, time);
}

export class JobWorker {
  readonly id = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly database: Database,
    private readonly handlers: Record<string, JobHandler>,
    private readonly log: FastifyBaseLogger,
    private readonly pollIntervalMs: number,
  ) {}

  /** Claims one due job for this worker, or returns undefined. */
  async claimNext(now = new Date()): Promise<Job | undefined> {
    const { db, engine } = this.database;
    const nowIso = now.toISOString();
    const staleIso = new Date(now.getTime() - staleLockMs).toISOString();
    const due = (qb: Kysely<DB>) =>
      qb
        .selectFrom('jobs')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIso)]),
            eb.and([eb('status', '=', 'running'), eb('locked_at', '<', staleIso)]),
          ]),
        )
        .orderBy('run_at')
        .limit(1);
    const candidate = engine === 'postgres' ? due(db).forUpdate().skipLocked() : due(db);
    return db
      .updateTable('jobs')
      .set({ status: 'running', locked_at: nowIso, locked_by: this.id, attempts: sql`attempts + 1` })
      .where('id', '=', (eb) => eb.selectFrom(candidate.as('c')).select('c.id'))
      .returningAll()
      .executeTakeFirst();
  }

  /** Runs due jobs until none is left. Returns how many were processed. */
  async drain(): Promise<number> {
    let processed = 0;
    for (;;) {
      const job = await this.claimNext();
      if (!job) return processed;
      await this.run(job);
      processed++;
    }
  }

  private async run(job: Job): Promise<void> {
    const { db } = this.database;
    const handler = this.handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      await handler(JSON.parse(job.payload_json), job);
      await db
        .updateTable('jobs')
        .set({ status: 'done', finished_at: new Date().toISOString(), locked_at: null, last_error: null })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.id)
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = job.attempts >= job.max_attempts;
      this.log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, failed, err: message }, 'job failed');
      await db
        .updateTable('jobs')
        .set({
          status: failed ? 'failed' : 'pending',
          run_at: new Date(Date.now() + backoffDelayMs(job.attempts)).toISOString(),
          locked_at: null,
          last_error: message.slice(0, 2000),
          finished_at: failed ? new Date().toISOString() : null,
        })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.id)
        .execute();
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((error: unknown) => this.log.error({ err: error }, 'job worker tick failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.pollIntervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
