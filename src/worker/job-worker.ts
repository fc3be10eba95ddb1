import { sheetWithAssistOff, sheetWithoutAssist, type Assist } from '../assist/index.js';
import type { Document } from '../documents/model.js';
import { gradeDocuments, type Rubric, type Sheet } from '../grading/index.js';
import { assignmentRubric } from '../store/assignments.js';
import { appendAudit, systemActor } from '../store/audit.js';
import { submissionBlobPrefix, type BlobStore } from '../store/blob-store.js';
import { loadDocuments } from '../store/files.js';
import { claimJob, completeJob, failJob } from '../store/jobs.js';
import type { Db, Job } from '../store/schema.js';
import { recordAssistUsage } from '../store/llm-usage.js';
import { getLlmAssistSetting } from '../store/settings.js';
import { writePrefilledSheet } from '../store/sheets.js';

export interface JobWorkerOptions {
  db: Db;
  blobs: BlobStore;
  now: () => Date;
  /** How long a claimed job is ours; a job whose worker died is claimed again after it. Default 60 s. */
  leaseMs?: number;
  /** Attempts before a job is marked failed (its error kept in `last_error`). Default 5. */
  maxAttempts?: number;
  /** How often an idle worker looks for jobs; `notify()` wakes it sooner. Default 1 s. */
  pollMs?: number;
  /**
   * How many jobs run at once in the background (each claims its own lease, so they never share
   * a job). While one job waits on the database or a grading thread, another makes progress.
   * Default 1.
   */
  concurrency?: number;
  log?: (message: string) => void;
  /** Grades documents (gradeDocuments' contract); the Node build runs it on a worker thread. Default: in this thread. */
  grade?: (documents: Document[], rubric: Rubric) => Promise<Sheet>;
  /**
   * The LLM assist, when a model is configured. It runs for assignments that switched it on,
   * unless an admin switched it off everywhere; its failures never fail the job.
   */
  assist?: Assist | undefined;
}

export interface JobWorker {
  /** Claim and run one job; false when none was runnable. The Workers build calls this directly. */
  runOnce(): Promise<boolean>;
  /** Run jobs until none is runnable; returns how many ran. */
  drain(): Promise<number>;
  /** Run in the background: poll, run, repeat. */
  start(): void;
  /** Wake an idle background worker (a job was just queued). */
  notify(): void;
  /** Stop after the job in hand. */
  stop(): Promise<void>;
}

/**
 * The durable job runner: grading jobs and erasure clean-ups from the `jobs` table. Each grading
 * result commits in one transaction (sheet, fields, status, audit entry, job done), so a crash
 * leaves either nothing or the whole sheet, and the job is claimed again once its lease expires.
 *
 * @example
 * const worker = createJobWorker({ db, blobs, now: () => new Date() });
 * worker.start(); // … await worker.stop();
 */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const { db, blobs, now } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const pollMs = options.pollMs ?? 1000;
  const log = options.log ?? ((m: string) => console.error(m));

  async function grade(job: Job): Promise<void> {
    const sub = await db
      .selectFrom('submissions as s')
      .innerJoin('candidates as c', 'c.id', 's.candidate_id')
      .innerJoin('assignments as a', 'a.id', 's.assignment_id')
      .select(['s.id', 's.status', 'c.erased_at', 'a.rubric_json', 'a.llm_assist'])
      .where('s.id', '=', job.submission_id)
      .executeTakeFirst();
    if (!sub || sub.status !== 'grading' || sub.erased_at) {
      const note = !sub ? 'submission not found' : sub.erased_at ? 'candidate erased before grading' : null;
      await completeJob(db, job.id, now(), note);
      return;
    }
    const documents = await loadDocuments(db, sub.id);
    if (documents.length === 0) throw new Error('the submission has no parsed documents');
    const rubric = assignmentRubric(sub);
    let sheet = options.grade ? await options.grade(documents, rubric) : gradeDocuments(documents, rubric);
    if (sub.llm_assist === 1) {
      // The model call happens outside any transaction: no lock is held while it runs.
      if (!(await getLlmAssistSetting(db)).enabled) sheet = sheetWithAssistOff(sheet);
      else if (!options.assist) sheet = sheetWithoutAssist(sheet, 'no model is configured on this server (GRADESHEET_LLM_MODEL)', { model: null });
      else sheet = await options.assist.run({ documents, rubric, sheet });
    }
    const at = now();
    await db.transaction().execute(async (trx) => {
      const written = await writePrefilledSheet(trx, sub.id, sheet, at);
      if (written && sheet.assist) await recordAssistUsage(trx, sub.id, sheet.assist, at);
      await completeJob(trx, job.id, at);
    });
  }

  async function eraseFiles(job: Job): Promise<void> {
    await blobs.deletePrefix(submissionBlobPrefix(job.submission_id));
    await completeJob(db, job.id, now());
  }

  async function runOnce(): Promise<boolean> {
    const job = await claimJob(db, now(), leaseMs);
    if (!job) return false;
    try {
      if (job.kind === 'grade') await grade(job);
      else if (job.kind === 'erase_files') await eraseFiles(job);
      else throw new Error(`unknown job kind ${job.kind}`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const outcome = await failJob(db, job, message, now(), maxAttempts);
      log(`job ${job.id} (${job.kind} ${job.submission_id}) attempt ${job.attempts} failed: ${message}${outcome === 'failed' ? ' — giving up' : ' — will retry'}`);
      if (outcome === 'failed' && job.kind === 'grade') {
        await appendAudit(db, { submissionId: job.submission_id, actor: systemActor, action: 'grading.failed', after: { attempts: job.attempts }, reason: message.slice(0, 500) }, now());
      }
    }
    return true;
  }

  let running = false;
  let loops: Promise<void>[] = [];
  const wakers = new Set<() => void>();
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));

  async function run(): Promise<void> {
    while (running) {
      let ran = false;
      try {
        ran = await runOnce();
      } catch (e) {
        log(`job worker: ${e instanceof Error ? e.message : String(e)}`);
      }
      // Yield to the event loop between jobs: on SQLite every query resolves as a microtask, so
      // without this a backlog would starve HTTP requests until the queue is empty.
      if (ran) await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (!ran && running) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            wakers.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, pollMs);
          wakers.add(wake);
        });
      }
    }
  }

  return {
    runOnce,
    async drain() {
      let n = 0;
      while (await runOnce()) {
        n++;
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      }
      return n;
    },
    start() {
      if (running) return;
      running = true;
      loops = Array.from({ length: concurrency }, () => run());
    },
    notify() {
      // One job was queued: one idle loop is enough to pick it up.
      wakers.values().next().value?.();
    },
    async stop() {
      running = false;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
      loops = [];
    },
  };
}
