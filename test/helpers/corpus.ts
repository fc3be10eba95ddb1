import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Document } from '../../src/documents/model.js';

/** `../shared/corpus/real` beside the repository (CI keeps shared/ beside the clone). */
export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));

export interface CorpusEntry {
  file: string;
  notes: string;
}

export function corpusEntries(): CorpusEntry[] {
  const lines = readFileSync(corpusDir + 'MANIFEST.tsv', 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const cols = l.split('\t');
    return { file: cols[0]!, notes: cols[5] ?? '' };
  });
}

export type WorkerResult = { ok: true; doc: Document } | { ok: false; code: string; message: string };

/** Parse a file in a worker with a hard memory ceiling and a hard time limit. */
export function parseInWorker(path: string, { maxOldGenerationSizeMb = 256, timeoutMs = 30_000 } = {}): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.mjs', import.meta.url), {
      workerData: { path },
      resourceLimits: { maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 64 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${path} took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    worker.once('message', (m: WorkerResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
