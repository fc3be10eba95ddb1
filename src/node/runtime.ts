import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { AppDeps } from '../app.js';
import { createAssist } from '../assist/index.js';
import { installSha256 } from '../store/crypto.js';
import { createDbAssistCache } from '../store/llm-cache.js';
import { serviceConfigFrom } from '../routes/deps.js';
import { createJobWorker, type JobWorker } from '../worker/job-worker.js';
import { assistConfigFrom, loadConfig, type NodeConfig } from './config.js';
import { openDatabase, type NodeDatabase } from './database.js';
import { createFsBlobStore } from './fs-blob-store.js';
import { createThreadPool } from './thread-pool.js';

export interface NodeRuntime {
  config: NodeConfig;
  database: NodeDatabase;
  deps: AppDeps;
  worker: JobWorker;
  close(): Promise<void>;
}

/**
 * Everything the core needs on Node, from the environment: the migrated database (SQLite under
 * DATA_DIR or Postgres at DATABASE_URL), the file blob store, the clock and the job worker
 * (not started).
 */
export async function openRuntime(env: Record<string, string | undefined> = process.env): Promise<NodeRuntime> {
  const config = loadConfig(env);
  installSha256((bytes) => createHash('sha256').update(bytes).digest('hex'));
  const assistConfig = assistConfigFrom(config);
  const database = await openDatabase(config);
  const blobs = createFsBlobStore(join(config.DATA_DIR, 'files'));
  await blobs.sweepTemporaryFiles();
  const now = () => new Date();
  // Parsing and grading are CPU work: off the main thread, so requests keep being answered.
  // At least two threads: on a 2-core machine the main thread leaves most of a core idle.
  const threads = config.PARSE_THREADS ?? Math.max(2, availableParallelism() - 1);
  const pool = threads > 0 ? createThreadPool(threads) : undefined;
  // The model call must end well inside the job lease, or another worker would claim the job again.
  const assist = assistConfig
    ? createAssist({ ...assistConfig, deadlineMs: Math.min(assistConfig.deadlineMs, config.JOB_LEASE_SECONDS * 750) }, { cache: createDbAssistCache(database.db), now })
    : undefined;
  const worker = createJobWorker({
    db: database.workerDb ?? database.db,
    blobs,
    now,
    leaseMs: config.JOB_LEASE_SECONDS * 1000,
    pollMs: config.JOB_POLL_MS,
    maxAttempts: config.JOB_MAX_ATTEMPTS,
    concurrency: config.JOB_CONCURRENCY,
    assist,
    grade: pool?.grade,
  });
  const deps: AppDeps = {
    db: database.db,
    flavor: database.flavor,
    blobs,
    now,
    config: serviceConfigFrom(config, { assistModel: assistConfig?.model }),
    onJobQueued: () => worker.notify(),
    parse: pool?.parse,
    durable: database.durable,
    // Migrated before the app exists: /healthz answers once this resolved.
    ready: async () => {},
  };
  return {
    config,
    database,
    deps,
    worker,
    async close() {
      await worker.stop();
      await pool?.close();
      await database.close();
    },
  };
}
