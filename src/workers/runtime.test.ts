// The Workers entry's job handling on real D1 and R2 bindings (workerd's, through Miniflare), run
// in Node: grading that the waitUntil after a submit missed is done by the cron handler, and a job
// whose invocation kept being ended is marked failed with a reason.
import { readFileSync } from 'node:fs';
import type { D1Database, ExecutionContext, R2Bucket, ScheduledController } from '@cloudflare/workers-types/index.ts';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecret } from '../store/crypto.js';
import worker, { runtimeFor, type WorkersEnv } from './index.js';

const fixture = (dir: string, name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/submissions/${dir}/${name}`, import.meta.url)));

/** An ExecutionContext that keeps what was handed to waitUntil, so a test can await or drop it. */
function fakeContext(): ExecutionContext & { pending: Promise<unknown>[] } {
  const pending: Promise<unknown>[] = [];
  return { pending, waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException() {}, props: {} } as unknown as ExecutionContext & { pending: Promise<unknown>[] };
}

describe('the Workers entry: jobs after the response and on the cron trigger', () => {
  let mf: Miniflare;
  let env: WorkersEnv;
  const key = newSecret(32, 'gsk_');
  const call = async (path: string, init: RequestInit = {}, ctx = fakeContext()) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${key}`);
    if (typeof init.body === 'string') headers.set('content-type', 'application/json');
    const res = await worker.fetch(new Request(`http://gradesheet.test${path}`, { ...init, headers }), env, ctx);
    return { status: res.status, body: (await res.json()) as any, ctx };
  };

  beforeAll(async () => {
    mf = new Miniflare({ modules: true, script: 'export default { fetch() { return new Response("") } }', d1Databases: ['DB'], r2Buckets: ['FILES'] });
    env = {
      DB: (await mf.getD1Database('DB')) as unknown as D1Database,
      FILES: (await mf.getR2Bucket('FILES')) as unknown as R2Bucket,
      GRADESHEET_BOOTSTRAP_ADMIN_KEY: key,
      JOB_MAX_ATTEMPTS: '2',
    };
  });

  afterAll(async () => {
    await mf?.dispose();
  });

  async function submittedSubmission(on: WorkersEnv = env): Promise<{ id: string; ctx: ReturnType<typeof fakeContext> }> {
    const a = await call('/api/v1/assignments', { method: 'POST', body: JSON.stringify({ title: 'cron' }) });
    const l = await call(`/api/v1/assignments/${a.body.id}/links`, { method: 'POST', body: JSON.stringify({ candidate: { name: 'C', email: 'c@example.com' } }) });
    const form = new FormData();
    form.append('file', new Blob([fixture('01-support-copilot-strong', 'roadmap.md')]), 'roadmap.md');
    const up = await worker.fetch(new Request(`http://gradesheet.test/s/${l.body.token}/files`, { method: 'POST', body: form }), on, fakeContext());
    expect(up.status).toBe(201);
    const ctx = fakeContext();
    const submit = await worker.fetch(new Request(`http://gradesheet.test/s/${l.body.token}/submit`, { method: 'POST' }), on, ctx);
    expect(submit.status).toBe(200);
    return { id: l.body.id, ctx };
  }

  it('grades after the response, through waitUntil', async () => {
    const { id, ctx } = await submittedSubmission();
    expect(ctx.pending).toHaveLength(1);
    await Promise.all(ctx.pending);
    expect((await call(`/api/v1/submissions/${id}/sheet`)).body.status).toBe('prefilled');
  });

  it('runs on the cron trigger a job no waitUntil ran (dropped, or grading after the response off)', async () => {
    // Same bindings, grading after the response off: the submit leaves its job queued, as a
    // waitUntil cut short would.
    const cronOnly: WorkersEnv = { ...env, GRADESHEET_GRADE_AFTER_RESPONSE: 'off' };
    const { id, ctx } = await submittedSubmission(cronOnly);
    expect(ctx.pending).toHaveLength(0);
    expect((await call(`/api/v1/submissions/${id}/sheet`)).body).toMatchObject({ status: 'grading', grading: { status: 'queued', attempts: 0 } });
    const cron = fakeContext();
    await worker.scheduled({ cron: '* * * * *', scheduledTime: Date.now(), noRetry() {} } as ScheduledController, cronOnly, cron);
    await Promise.all(cron.pending);
    expect((await call(`/api/v1/submissions/${id}/sheet`)).body.status).toBe('prefilled');
  });

  it('marks failed, with a reason, a job whose invocation was ended at every attempt', async () => {
    const { id, ctx } = await submittedSubmission();
    await Promise.allSettled(ctx.pending);
    // As if the runtime had ended the invocation twice while grading: claimed twice, lease expired.
    await env.DB.prepare(`DELETE FROM sheet_fields WHERE submission_id = ?`).bind(id).run();
    await env.DB.prepare(`DELETE FROM sheets WHERE submission_id = ?`).bind(id).run();
    await env.DB.prepare(`UPDATE submissions SET status = 'grading' WHERE id = ?`).bind(id).run();
    await env.DB.prepare(`UPDATE jobs SET status = 'running', attempts = 2, locked_until = '2000-01-01T00:00:00.000Z' WHERE submission_id = ?`).bind(id).run();
    const cron = fakeContext();
    await worker.scheduled({ cron: '* * * * *', scheduledTime: Date.now(), noRetry() {} } as ScheduledController, env, cron);
    await Promise.all(cron.pending);
    const sheet = (await call(`/api/v1/submissions/${id}/sheet`)).body;
    expect(sheet.status).toBe('grading');
    expect(sheet.grading).toMatchObject({ status: 'failed', attempts: 2, last_error: expect.stringMatching(/ended before it finished, 2 times/) });
    const audit = (await call(`/api/v1/submissions/${id}/audit`)).body.items.map((e: { action: string }) => e.action);
    expect(audit).toContain('grading.failed');
  });

  it('reviews and confirms on D1 (transactions with several guarded writes)', async () => {
    const { id, ctx } = await submittedSubmission();
    await Promise.all(ctx.pending);
    const reviewerKey = await call('/api/v1/keys', { method: 'POST', body: JSON.stringify({ role: 'reviewer' }) });
    const asReviewer = async (path: string, method: string, body: unknown) => {
      const res = await worker.fetch(new Request(`http://gradesheet.test${path}`, { method, body: JSON.stringify(body), headers: { authorization: `Bearer ${reviewerKey.body.key}`, 'content-type': 'application/json' } }), env, fakeContext());
      return { status: res.status, body: (await res.json()) as any };
    };
    const sheet = (await asReviewer(`/api/v1/submissions/${id}/sheet`, 'GET', undefined)).body;
    const suggested: number = sheet.items.kpis.suggested;
    expect((await asReviewer(`/api/v1/submissions/${id}/sheet/items/kpis`, 'PUT', { score: suggested === 3 ? 2 : suggested + 1, reason: 'closer reading' })).status).toBe(200);
    const confirm = await asReviewer(`/api/v1/submissions/${id}/sheet/confirm`, 'POST', { decision: 'do_not_advance', note: 'test' });
    expect(confirm.body).toMatchObject({ review: { decision: 'do_not_advance', fields_changed: 1 } });
    expect(runtimeFor(env).config.JOB_MAX_ATTEMPTS).toBe(2);
  });

  it('erases a candidate: text and identity from D1, originals from R2', async () => {
    const { id, ctx } = await submittedSubmission();
    await Promise.all(ctx.pending);
    const listed = await env.FILES.list({ prefix: `submissions/${id}/` });
    expect(listed.objects).toHaveLength(1);
    const sub = (await call(`/api/v1/submissions/${id}`)).body;
    const erased = await call(`/api/v1/candidates/${sub.candidate.id}`, { method: 'DELETE' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ submissions: [id], files_deleted: 1 });
    expect((await env.FILES.list({ prefix: `submissions/${id}/` })).objects).toHaveLength(0);
    const jobs = await env.DB.prepare(`SELECT kind, status FROM jobs WHERE submission_id = ? ORDER BY id`).bind(id).all();
    expect(jobs.results).toEqual([
      { kind: 'grade', status: 'done' },
      { kind: 'erase_files', status: 'done' },
    ]);
    expect((await call(`/api/v1/submissions/${id}/sheet`)).body.items.kpis.evidence).toEqual([]);
  });
});
