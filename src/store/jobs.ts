import { sql } from 'kysely';
import type { Db, Job } from './schema.js';

/** What the queue runs: grading a submitted submission, or removing an erased one's originals. */
export type JobKind = 'grade' | 'erase_files';

/** Enqueue a job (inside the caller's transaction: the job exists iff the change committed). */
export async function enqueueJob(db: Db, input: { kind: JobKind; submissionId: string }, now: Date): Promise<void> {
  const iso = now.toISOString();
  await db
    .insertInto('jobs')
    .values({ kind: input.kind, submission_id: input.submissionId, status: 'queued', attempts: 0, run_after: iso, locked_until: null, last_error: null, created_at: iso, updated_at: iso })
    .execute();
}

/**
 * Claim the oldest runnable job with a lease until `now + leaseMs`: a queued job whose time has
 * come, or a running one whose lease expired (its worker died). The claim is a conditional
 * UPDATE, so two workers (or two processes on one database) never hold the same lease.
 */
export async function claimJob(db: Db, now: Date, leaseMs: number): Promise<Job | null> {
  const iso = now.toISOString();
  const runnable = () =>
    db
      .selectFrom('jobs')
      .select('id')
      .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', iso)]), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', iso)])]))
      .orderBy('id')
      .limit(8);
  for (const { id } of await runnable().execute()) {
    const lockedUntil = new Date(now.getTime() + leaseMs).toISOString();
    const r = await db
      .updateTable('jobs')
      .set({ status: 'running', locked_until: lockedUntil, attempts: sql<number>`attempts + 1`, updated_at: iso })
      .where('id', '=', id)
      .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', iso)]), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', iso)])]))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) {
      const job = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return { ...job, id: Number(job.id) } as Job;
    }
  }
  return null;
}

/** Mark a job done (inside the transaction that wrote its result). */
export async function completeJob(db: Db, id: number, now: Date, note: string | null = null): Promise<void> {
  await db.updateTable('jobs').set({ status: 'done', locked_until: null, last_error: note, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

/**
 * Record a failure: retry later with exponential backoff (2, 4, 8 … seconds, at most 5 minutes),
 * or give up after `maxAttempts` and keep the error for people to read.
 */
export async function failJob(db: Db, job: Job, error: string, now: Date, maxAttempts: number): Promise<'retry' | 'failed'> {
  const giveUp = job.attempts >= maxAttempts;
  const delay = Math.min(300, 2 ** job.attempts) * 1000;
  await db
    .updateTable('jobs')
    .set({
      status: giveUp ? 'failed' : 'queued',
      locked_until: null,
      run_after: giveUp ? job.run_after : new Date(now.getTime() + delay).toISOString(),
      last_error: error.slice(0, 2000),
      updated_at: now.toISOString(),
    })
    .where('id', '=', job.id)
    .execute();
  return giveUp ? 'failed' : 'retry';
}

/** The latest grading job of a submission, to show why a sheet is not ready. */
export async function latestJob(db: Db, submissionId: string, kind: JobKind): Promise<Job | undefined> {
  const job = await db.selectFrom('jobs').selectAll().where('submission_id', '=', submissionId).where('kind', '=', kind).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return job && { ...job, id: Number(job.id) };
}

/** How many jobs wait or run (tests and the health of the worker). */
export async function countUnfinishedJobs(db: Db): Promise<number> {
  const r = await db.selectFrom('jobs').select((eb) => eb.fn.countAll().as('n')).where('status', 'in', ['queued', 'running']).executeTakeFirstOrThrow();
  return Number(r.n);
}
