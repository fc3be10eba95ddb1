// Runs parseDocument on one file inside a worker thread, so the test can bound its memory and
// time. It loads the build (`npm test` builds before running vitest): workers cannot load .ts.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { parseDocument } from '../../dist/src/documents/parse.js';
import { GradesheetError } from '../../dist/src/errors.js';

const { path } = workerData;
try {
  const doc = await parseDocument({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) });
  parentPort.postMessage({ ok: true, doc });
} catch (e) {
  if (e instanceof GradesheetError) parentPort.postMessage({ ok: false, code: e.code, message: e.message });
  else parentPort.postMessage({ ok: false, code: 'untyped', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
}
