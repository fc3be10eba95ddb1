import { appendAudit, systemActor } from '../store/audit.js';
import type { BlobStore } from '../store/blob-store.js';
import type { Db } from '../store/schema.js';
import { createJobWorker, type JobWorkerOptions } from '../worker/job-worker.js';

export interface WorkersJobRunnerOptions {
  db: Db;
  blobs: BlobStore;
  now: () => Date;
  leaseMs: number;
  maxAttempts: number;
  /** Jobs one invocation may run. */
  perInvocation: number;
  assist?: JobWorkerOptions['assist'];
  log?: (message: string) => void;
}

export interface WorkersJobRunner {
  /** Give up on jobs that kept dying, then run up to `perInvocation` runnable jobs; returns how many ran. */
  run(): Promise<number>;
}

/**
 * The durable `jobs` table drives grading on Workers as on Node (src/worker/job-worker.ts): a submit
 * queues a job in its own batch, a request's `waitUntil` or the cron trigger claims and runs it.
 * What Workers add: an invocation that the runtime ends (CPU or memory limit, a deploy) throws
 * nothing we could catch, so its job is left `running` until its lease expires and is then claimed
 * again; once it was claimed `maxAttempts` times it is marked failed here, with a message that
 * says why, instead of being retried forever.
 *
 * @example
 * const jobs = createWorkersJobRunner({ db, blobs, now, leaseMs: 60_000, maxAttempts: 5, perInvocation: 3 });
 * ctx.waitUntil(jobs.run());
 */
export function createWorkersJobRunner(options: WorkersJobRunnerOptions): WorkersJobRunner {
  const { db, now, maxAttempts } = options;
  const worker = createJobWorker({
    db,
    blobs: options.blobs,
    now,
    leaseMs: options.leaseMs,
    maxAttempts,
    assist: options.assist,
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    async run() {
      await failJobsThatKeptDying(db, now(), maxAttempts);
      let ran = 0;
      while (ran < options.perInvocation && (await worker.runOnce())) ran++;
      return ran;
    },
  };
}

/** Jobs whose lease expired after their last allowed attempt: the invocation running them was ended each time. */
export async function failJobsThatKeptDying(db: Db, now: Date, maxAttempts: number): Promise<number> {
  const iso = now.toISOString();
  const dead = await db.selectFrom('jobs').selectAll().where('status', '=', 'running').where('locked_until', '<', iso).where('attempts', '>=', maxAttempts).limit(20).execute();
  let failed = 0;
  for (const job of dead) {
    const message = `the Worker running this job was ended before it finished, ${job.attempts} times (a CPU-time or memory limit, or a deploy); not retried. Smaller files, or the Node build, can grade it.`;
    const done = await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('jobs')
        .set({ status: 'failed', locked_until: null, last_error: message, updated_at: iso })
        .where('id', '=', Number(job.id))
        .where('status', '=', 'running')
        .where('locked_until', '<', iso)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      if (job.kind === 'grade') await appendAudit(trx, { submissionId: job.submission_id, actor: systemActor, action: 'grading.failed', after: { attempts: job.attempts }, reason: message }, now);
      return true;
    });
    if (done) failed++;
  }
  return failed;
}
