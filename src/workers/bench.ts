/**
 * The Workers entry with one more route, for measuring only (wrangler.bench.toml; never deployed
 * by wrangler.toml): `POST /__bench` takes a multipart upload like `/s/<token>/files` and answers
 * how long parsing each file and grading them all took inside workerd, with the Workers parse
 * limits. `npm run bench:workers` drives it. Locally workerd's clock runs during CPU work (deployed
 * Workers only advance it on I/O), so these are CPU times of a single-threaded isolate.
 */
import type { ExecutionContext } from '@cloudflare/workers-types/index.ts';
import { GradesheetError } from '../errors.js';
import { gradeDocuments } from '../grading/index.js';
import { loadWorkersConfig, workersParser } from './config.js';
import worker, { type WorkersEnv } from './index.js';

async function bench(request: Request, env: WorkersEnv): Promise<Response> {
  const parse = workersParser(loadWorkersConfig(env));
  const form = await request.formData();
  const uploads = form.getAll('file').filter((f): f is File => typeof f !== 'string');
  const started = performance.now();
  const files = [];
  const documents = [];
  for (const f of uploads) {
    const bytes = new Uint8Array(await f.arrayBuffer());
    const t0 = performance.now();
    try {
      const doc = await parse({ name: f.name, bytes });
      files.push({ name: f.name, bytes: bytes.length, format: doc.format, characters: doc.stats?.characters ?? 0, parse_ms: performance.now() - t0 });
      documents.push(doc);
    } catch (e) {
      // A refusal: how long it took to get there matters as much.
      if (e instanceof GradesheetError) return Response.json({ ...e.toJSON(), parse_ms: performance.now() - t0 }, { status: e.status });
      throw e;
    }
  }
  const t1 = performance.now();
  const sheet = gradeDocuments(documents.sort((a, b) => (a.file < b.file ? -1 : 1)));
  const gradeMs = performance.now() - t1;
  return Response.json({ files, parse_ms: files.reduce((n, f) => n + f.parse_ms, 0), grade_ms: gradeMs, total_ms: performance.now() - started, decision: sheet.decision });
}

export default {
  async fetch(request: Request, env: WorkersEnv, ctx: ExecutionContext): Promise<Response> {
    if (new URL(request.url).pathname === '/__bench' && request.method === 'POST') return bench(request, env);
    return worker.fetch(request, env, ctx);
  },
  scheduled: worker.scheduled,
};
