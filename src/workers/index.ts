/**
 * The Cloudflare Workers entry (wrangler.toml `main`): the same app as `npm start` (createApp),
 * on D1 and R2. Grading runs after the submit's response (ctx.waitUntil) and, for whatever that
 * missed, on the cron trigger (`scheduled`), both from the durable `jobs` table.
 */
import type { ExecutionContext, ScheduledController } from '@cloudflare/workers-types/index.ts';
import { createWorkersRuntime, type WorkersEnv, type WorkersRuntime } from './runtime.js';

export type { WorkersEnv } from './runtime.js';

// One runtime per isolate and bindings object: the app, the Kysely instance and the caches stay warm.
const runtimes = new WeakMap<object, WorkersRuntime>();

export function runtimeFor(env: WorkersEnv): WorkersRuntime {
  let runtime = runtimes.get(env);
  if (!runtime) {
    runtime = createWorkersRuntime(env);
    runtimes.set(env, runtime);
  }
  return runtime;
}

function notReady(e: unknown): Response {
  console.error(e);
  const message = `The service is starting and its database is not ready (${e instanceof Error ? e.message : String(e)}). Try again in a moment.`;
  return Response.json({ error: { code: 'internal', message } }, { status: 500 });
}

export default {
  async fetch(request: Request, env: WorkersEnv, ctx: ExecutionContext): Promise<Response> {
    let runtime: WorkersRuntime;
    try {
      runtime = runtimeFor(env);
      await runtime.ready();
    } catch (e) {
      return notReady(e);
    }
    const queuedBefore = runtime.queuedJobs();
    const response = await runtime.app.fetch(request, env, ctx);
    // A submit queued a grading job: grade it after the response. If this is dropped (the
    // invocation ends early), the job stays queued and the cron trigger runs it.
    if (runtime.queuedJobs() !== queuedBefore && runtime.config.GRADESHEET_GRADE_AFTER_RESPONSE === 'on') {
      ctx.waitUntil(runtime.jobs.run().catch((e: unknown) => console.error('grading after the response failed; the cron trigger retries', e)));
    }
    return response;
  },

  /** Cron trigger: runs queued jobs, jobs whose lease expired, and retries that are due. */
  async scheduled(_controller: ScheduledController, env: WorkersEnv, ctx: ExecutionContext): Promise<void> {
    const runtime = runtimeFor(env);
    ctx.waitUntil(runtime.ready().then(() => runtime.jobs.run()));
  },
};
