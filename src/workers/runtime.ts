import type { D1Database, R2Bucket } from '@cloudflare/workers-types/index.ts';
import type { Hono } from 'hono';
import { createApp, type AppDeps } from '../app.js';
import { createAssist } from '../assist/index.js';
import { assistConfigFrom } from '../node/config.js';
import { serviceConfigFrom } from '../routes/deps.js';
import { createDbAssistCache } from '../store/llm-cache.js';
import { ensureBootstrapAdminKey } from './bootstrap-key.js';
import { loadWorkersConfig, workersParseLimits, workersParser, type WorkersConfig } from './config.js';
import { migrateD1, openD1Database } from './d1-database.js';
import { createWorkersJobRunner, type WorkersJobRunner } from './jobs.js';
import { createR2BlobStore } from './r2-blob-store.js';

/** What the LLM assist may take of the 30 s that a waitUntil runs after its response. */
const WAIT_UNTIL_BUDGET_MS = 25_000;

/** The Worker's bindings (wrangler.toml) and its string vars and secrets. */
export interface WorkersEnv {
  /** D1: the database. */
  DB: D1Database;
  /** R2: uploaded originals. */
  FILES: R2Bucket;
  [name: string]: unknown;
}

export interface WorkersRuntime {
  config: WorkersConfig;
  app: Hono;
  deps: AppDeps;
  jobs: WorkersJobRunner;
  /** Migrated and bootstrapped (once per isolate; a failure is retried at the next call). */
  ready(): Promise<void>;
  /** Counts jobs queued by this isolate's requests: a change during a request means "grade after it". */
  queuedJobs(): number;
}

/**
 * Everything the core needs on Workers, from the bindings: D1 through Kysely (d1-dialect.ts), R2
 * for originals, the clock, the configuration and the job runner. Migrations and the bootstrap
 * admin key are applied at the first request of each isolate (both are no-ops once done).
 */
export function createWorkersRuntime(env: WorkersEnv): WorkersRuntime {
  const config = loadWorkersConfig(env);
  const db = openD1Database(env.DB);
  const blobs = createR2BlobStore(env.FILES);
  const now = () => new Date();
  const limits = workersParseLimits(config);
  const assistConfig = assistConfigFrom(config);
  // The model call must end well inside the job lease (or the cron would claim the job again)
  // and inside the 30 s a waitUntil may run after the response.
  const assist = assistConfig
    ? createAssist({ ...assistConfig, deadlineMs: Math.min(assistConfig.deadlineMs, config.JOB_LEASE_SECONDS * 750, WAIT_UNTIL_BUDGET_MS) }, { cache: createDbAssistCache(db), now })
    : undefined;
  const jobs = createWorkersJobRunner({
    db,
    blobs,
    now,
    leaseMs: config.JOB_LEASE_SECONDS * 1000,
    maxAttempts: config.JOB_MAX_ATTEMPTS,
    perInvocation: config.JOBS_PER_INVOCATION,
    assist,
  });
  let queued = 0;
  let readiness: Promise<void> | null = null;
  const ready = () => {
    readiness ??= (async () => {
      await migrateD1(db);
      if (config.GRADESHEET_BOOTSTRAP_ADMIN_KEY) {
        const secret = config.GRADESHEET_BOOTSTRAP_ADMIN_KEY;
        // Two isolates may insert it at once: the loser's batch fails on the unique hash, its retry finds the key.
        await ensureBootstrapAdminKey(db, secret, now()).catch(() => ensureBootstrapAdminKey(db, secret, now()));
      }
    })().catch((e: unknown) => {
      readiness = null;
      throw e;
    });
    return readiness;
  };
  const deps: AppDeps = {
    db,
    flavor: 'sqlite',
    blobs,
    now,
    config: serviceConfigFrom(config, { maxFileBytes: limits.maxFileBytes, assistModel: assistConfig?.model }),
    onJobQueued: () => void queued++,
    parse: workersParser(config),
    ready,
  };
  return { config, app: createApp(deps), deps, jobs, ready, queuedJobs: () => queued };
}
