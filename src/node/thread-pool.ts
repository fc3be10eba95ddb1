import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Document } from '../documents/model.js';
import type { UploadedFile } from '../documents/parse.js';
import { GradesheetError, type ErrorCode } from '../errors.js';
import type { Rubric } from '../grading/rubric.js';
import type { Sheet } from '../grading/sheet.js';

export type ThreadTask = { kind: 'parse'; upload: UploadedFile } | { kind: 'grade'; documents: Document[]; rubric: Rubric };
export interface ThreadRequest {
  id: number;
  task: ThreadTask;
}
export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { code?: ErrorCode; message: string; file?: string | undefined } };

export interface ThreadPool {
  /** parseDocument on a thread: the same Document, or the same GradesheetError. */
  parse(upload: UploadedFile): Promise<Document>;
  /** gradeDocuments on a thread. */
  grade(documents: Document[], rubric: Rubric): Promise<Sheet>;
  /** Stop the threads; tasks still waiting are refused. */
  close(): Promise<void>;
}

interface Pending {
  id: number;
  task: ThreadTask;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

// Built: the sibling .js. From the TypeScript sources (vitest, tsx), the thread loads the .ts
// sources through tsx, so tests exercise the same code path as the build.
const fromSources = import.meta.url.endsWith('.ts');
const threadUrl = new URL(fromSources ? './parse-thread.ts' : './parse-thread.js', import.meta.url);

function startThread(): Worker {
  if (!fromSources) return new Worker(threadUrl);
  // tsx/esm/api as `import` resolves it (require.resolve would give its CommonJS twin).
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const entry = (JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  const tsx = pathToFileURL(join(dirname(pkg), entry)).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(threadUrl.href)}); });`, { eval: true });
}

/**
 * Parsing an upload and grading a submission are pure CPU work (a few milliseconds each): on the
 * main thread they hold up every other request. The Node build runs them on `size` worker
 * threads instead (started on first use), handed to the core as `deps.parse` and the job
 * worker's `grade`. A thread that dies fails only its own task and is replaced.
 *
 * @example
 * const pool = createThreadPool(2);
 * const doc = await pool.parse({ name: 'roadmap.md', bytes });
 * await pool.close();
 */
export function createThreadPool(size: number): ThreadPool {
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  function settle(slot: Slot, reply: ThreadReply) {
    const job = slot.busy;
    if (!job || job.id !== reply.id) return;
    slot.busy = null;
    if (reply.ok) job.resolve(reply.value);
    else if (reply.error.code) job.reject(new GradesheetError(reply.error.code, reply.error.message, { file: reply.error.file }));
    else job.reject(new Error(`in a worker thread: ${reply.error.message}`));
    dispatch();
  }

  function addSlot(): void {
    const slot: Slot = { worker: startThread(), busy: null };
    slot.worker.unref();
    slot.worker.on('message', (reply: ThreadReply) => settle(slot, reply));
    const lost = (why: string) => {
      const i = slots.indexOf(slot);
      if (i < 0) return;
      slots.splice(i, 1);
      slot.busy?.reject(new Error(`the worker thread stopped (${why})`));
      slot.busy = null;
      // Replaced when work waits (each replacement that dies takes one task with it, so a thread
      // that cannot start fails the tasks instead of restarting forever), else on the next task.
      if (!closed && queue.length > 0) {
        fill();
        dispatch();
      }
    };
    slot.worker.on('error', (e) => lost(e.message));
    slot.worker.on('exit', (code) => lost(`exit code ${code}`));
    slots.push(slot);
  }

  function fill() {
    while (slots.length < size) addSlot();
  }

  function dispatch() {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.busy) continue;
      const job = queue.shift()!;
      slot.busy = job;
      slot.worker.postMessage({ id: job.id, task: job.task } satisfies ThreadRequest);
    }
  }

  function run<T>(task: ThreadTask): Promise<T> {
    if (closed) return Promise.reject(new Error('the thread pool is closed'));
    fill();
    return new Promise<T>((resolve, reject) => {
      const job: Pending = { id: nextId++, task, resolve: resolve as (v: unknown) => void, reject };
      // Grading goes first: the job worker grades one submission at a time, so behind a steady
      // stream of uploads it would fall further and further behind.
      if (task.kind === 'grade') queue.unshift(job);
      else queue.push(job);
      dispatch();
    });
  }

  return {
    parse: (upload) => run<Document>({ kind: 'parse', upload: { name: upload.name, bytes: upload.bytes } }),
    grade: (documents, rubric) => run<Sheet>({ kind: 'grade', documents, rubric }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the thread pool is closed'));
      const stopping = slots.splice(0);
      for (const s of stopping) s.busy?.reject(new Error('the thread pool is closed'));
      await Promise.all(stopping.map((s) => s.worker.terminate()));
    },
  };
}
