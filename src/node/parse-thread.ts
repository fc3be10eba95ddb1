// One thread of the Node build's thread pool (src/node/thread-pool.ts): parses uploads and grades
// submissions off the main thread, which keeps answering HTTP requests meanwhile.
import { parentPort } from 'node:worker_threads';
import { parseDocument } from '../documents/parse.js';
import { GradesheetError } from '../errors.js';
import { gradeDocuments } from '../grading/index.js';
import type { ThreadReply, ThreadRequest } from './thread-pool.js';

const port = parentPort;
if (!port) throw new Error('parse-thread runs as a worker thread of src/node/thread-pool.ts');

port.on('message', async ({ id, task }: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    const value = task.kind === 'parse' ? await parseDocument(task.upload) : gradeDocuments(task.documents, task.rubric);
    reply = { id, ok: true, value };
  } catch (e) {
    reply =
      e instanceof GradesheetError
        ? { id, ok: false, error: { code: e.code, message: e.message, file: e.file } }
        : { id, ok: false, error: { message: e instanceof Error ? (e.stack ?? e.message) : String(e) } };
  }
  port.postMessage(reply);
});
