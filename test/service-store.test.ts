import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../src/documents/parse.js';
import { defaultRubric, gradeDocuments } from '../src/grading/index.js';
import { loadConfig } from '../src/node/config.js';
import { openDatabase, type NodeDatabase } from '../src/node/database.js';
import { createFsBlobStore } from '../src/node/fs-blob-store.js';
import { createAssignment } from '../src/store/assignments.js';
import { listAudit, systemActor } from '../src/store/audit.js';
import { sha256Hex } from '../src/store/crypto.js';
import { eraseCandidate, scrubSheet } from '../src/store/erasure.js';
import { addFiles } from '../src/store/files.js';
import { claimJob } from '../src/store/jobs.js';
import { createLink } from '../src/store/links.js';
import { getSheetView, writePrefilledSheet } from '../src/store/sheets.js';
import { listSubmissions, submitSubmission } from '../src/store/submissions.js';
import { createJobWorker } from '../src/worker/job-worker.js';
import { createStorage, fixture, flavours, type TestStorage } from './helpers/service.js';

const T0 = new Date('2030-01-01T09:00:00.000Z').getTime();
const at = (ms: number) => new Date(T0 + ms);
const staff = { id: 'key_test', role: 'admin' as const };

describe.each(flavours)('store and worker on %s', (flavour) => {
  let storage: TestStorage;
  let database: NodeDatabase;
  let blobs: ReturnType<typeof createFsBlobStore>;

  /** A real submitted submission (files parsed from fixtures), its job queued at `when`. */
  async function submitted(name: string, when: Date) {
    const db = database.db;
    const assignment = await createAssignment(db, { title: `Store ${name}`, rubric: defaultRubric }, staff, when);
    const { submission } = await createLink(db, { assignment, candidate: { name, email: `${name}@example.com` } }, staff, when);
    const uploads = [];
    for (const f of [fixture('24-weak-short', 'roadmap.md'), fixture('24-weak-short', 'policy.md'), fixture('24-weak-short', 'cost.md')]) {
      uploads.push({ name: f.name, bytes: f.bytes, sha256: await sha256Hex(f.bytes), document: await parseDocument(f) });
    }
    await addFiles(db, blobs, submission, uploads, { maxFiles: 10 }, when);
    const fresh = await db.selectFrom('submissions').selectAll().where('id', '=', submission.id).executeTakeFirstOrThrow();
    await submitSubmission(db, fresh, assignment, when);
    return { submission, uploads };
  }

  beforeAll(async () => {
    storage = await createStorage(flavour, 'store');
    database = await openDatabase(loadConfig(storage.env));
    blobs = createFsBlobStore(join(storage.dataDir, 'files'));
  });

  afterAll(async () => {
    await database?.close();
    await storage?.drop();
  });

  it('migrates once: opening the database again changes nothing', async () => {
    const again = await openDatabase(loadConfig(storage.env));
    await again.close();
    const tables = await database.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['api_keys', 'assignments', 'candidates', 'submissions', 'files', 'jobs', 'sheets', 'sheet_fields', 'audit_log']));
  });

  it('a job whose worker died is claimed again once its lease expires, and completes once', async () => {
    const { submission, uploads } = await submitted('lease', at(0));
    const first = await claimJob(database.db, at(1000), 2000);
    expect(first).toMatchObject({ submission_id: submission.id, status: 'running', attempts: 1 });
    // The worker holding it "dies": nobody else may take it while the lease runs…
    expect(await claimJob(database.db, at(2000), 2000)).toBeNull();
    // …and after the lease it is claimed again.
    const again = await claimJob(database.db, at(3500), 2000);
    expect(again).toMatchObject({ id: first!.id, attempts: 2 });
    const worker = createJobWorker({ db: database.db, blobs, now: () => at(10_000), log: () => {} });
    expect(await worker.drain()).toBe(1);
    const job = await database.db.selectFrom('jobs').selectAll().where('id', '=', first!.id).executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    const view = await getSheetView(database.db, submission.id, staff, at(11_000));
    expect(view.status).toBe('prefilled');
    const direct = gradeDocuments([...uploads].sort((a, b) => (a.name < b.name ? -1 : 1)).map((u) => u.document));
    expect(view.items.kpis!.suggested).toBe(direct.items.kpis!.suggested);
    expect(view.decision).toBe(direct.decision);
    // Writing the sheet a second time (a late duplicate worker) changes nothing.
    const row = await database.db.selectFrom('sheets').select('sheet_json').where('submission_id', '=', submission.id).executeTakeFirstOrThrow();
    expect(await database.db.transaction().execute((trx) => writePrefilledSheet(trx, submission.id, direct, at(12_000)))).toBe(false);
    expect(JSON.parse(row.sheet_json)).toEqual(direct);
    expect((await listAudit(database.db, submission.id)).filter((e) => e.action === 'sheet.prefilled')).toHaveLength(1);
  });

  it('runs several jobs at once in the background, each exactly once', async () => {
    const subs = [];
    for (let i = 0; i < 6; i++) subs.push((await submitted(`concurrent${i}`, at(50_000 + i))).submission);
    let inFlight = 0;
    let most = 0;
    // A grade that takes a while, as on a worker thread, so the loops overlap.
    const grade = async (documents: Parameters<typeof gradeDocuments>[0]) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 40));
      inFlight--;
      return gradeDocuments(documents);
    };
    const worker = createJobWorker({ db: database.db, blobs, now: () => at(60_000), concurrency: 3, pollMs: 20, grade, log: () => {} });
    worker.start();
    const ids = subs.map((s) => s.id);
    for (let waited = 0; waited < 10_000; waited += 50) {
      const done = await database.db.selectFrom('jobs').select('id').where('submission_id', 'in', ids).where('status', '=', 'done').execute();
      if (done.length === ids.length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await worker.stop();
    const jobs = await database.db.selectFrom('jobs').selectAll().where('submission_id', 'in', ids).execute();
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual(ids.map(() => ['done', 1]));
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(3);
    for (const id of ids) expect((await listAudit(database.db, id)).filter((e) => e.action === 'sheet.prefilled')).toHaveLength(1);
  });

  it('grades on the worker\'s own connections while every shared one is busy (Postgres)', async () => {
    if (flavour !== 'postgres') {
      // One SQLite connection serves both: there is no pool for requests to fill.
      expect(database.workerDb).toBeUndefined();
      return;
    }
    expect(database.workerDb).toBeDefined();
    const { submission } = await submitted('busy-pool', at(90_000));
    // Ten requests hold all ten shared connections for two seconds.
    let released = false;
    const busy = Promise.all(Array.from({ length: 10 }, () => sql`select pg_sleep(2)`.execute(database.db))).then(() => (released = true));
    await new Promise((r) => setTimeout(r, 200));
    const worker = createJobWorker({ db: database.workerDb!, blobs, now: () => at(91_000), log: () => {} });
    expect(await worker.drain()).toBe(1);
    // Graded before any shared connection came free.
    expect(released).toBe(false);
    await busy;
    expect((await getSheetView(database.db, submission.id, staff, at(92_000))).status).toBe('prefilled');
  });

  it('retries a failing job with backoff, then gives up and keeps the error', async () => {
    const { submission } = await submitted('failing', at(100_000));
    // Damage the stored documents so grading fails.
    await database.db.updateTable('files').set({ document_json: null }).where('submission_id', '=', submission.id).execute();
    let clock = at(100_000);
    const worker = createJobWorker({ db: database.db, blobs, now: () => clock, maxAttempts: 3, log: () => {} });
    expect(await worker.runOnce()).toBe(true);
    let job = await database.db.selectFrom('jobs').selectAll().where('submission_id', '=', submission.id).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error: 'the submission has no parsed documents' });
    // Not before its backoff…
    expect(await worker.runOnce()).toBe(false);
    for (let i = 0; i < 2; i++) {
      clock = new Date(clock.getTime() + 10 * 60_000);
      expect(await worker.runOnce()).toBe(true);
    }
    job = await database.db.selectFrom('jobs').selectAll().where('submission_id', '=', submission.id).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'failed', attempts: 3, last_error: 'the submission has no parsed documents' });
    clock = new Date(clock.getTime() + 3600_000);
    expect(await worker.runOnce()).toBe(false);
    const view = await getSheetView(database.db, submission.id, staff, clock);
    expect(view).toMatchObject({ status: 'grading', grading: { status: 'failed', attempts: 3, last_error: 'the submission has no parsed documents' } });
    expect((await listAudit(database.db, submission.id)).at(-1)).toMatchObject({ action: 'grading.failed', actor: systemActor.id });
  });

  it('a candidate erased while grading runs gets no text in the sheet, and no originals', async () => {
    const { submission, uploads } = await submitted('erased', at(200_000));
    // A worker read the documents and graded them…
    const sheet = gradeDocuments([...uploads].sort((a, b) => (a.name < b.name ? -1 : 1)).map((u) => u.document));
    expect(Object.values(sheet.items).some((i) => i.evidence.length > 0)).toBe(true);
    // …the candidate is erased before it writes…
    const erasure = await eraseCandidate(database.db, blobs, submission.candidate_id, staff, at(200_100));
    expect(erasure.files_deleted).toBe(3);
    expect(existsSync(join(storage.dataDir, 'files', 'submissions', submission.id))).toBe(false);
    // …so what it writes keeps the scores and none of the text.
    expect(await database.db.transaction().execute((trx) => writePrefilledSheet(trx, submission.id, sheet, at(200_200)))).toBe(true);
    const stored = JSON.parse((await database.db.selectFrom('sheets').select('sheet_json').where('submission_id', '=', submission.id).executeTakeFirstOrThrow()).sheet_json);
    expect(stored).toEqual(scrubSheet(sheet));
    expect(stored.items.kpis.suggested).toBe(sheet.items.kpis!.suggested);
    // The queued grading job finds the sheet written and finishes; the erase job is done.
    await createJobWorker({ db: database.db, blobs, now: () => at(300_000), log: () => {} }).drain();
    const jobs = await database.db.selectFrom('jobs').select(['kind', 'status']).where('submission_id', '=', submission.id).orderBy('id').execute();
    expect(jobs).toEqual([
      { kind: 'grade', status: 'done' },
      { kind: 'erase_files', status: 'done' },
    ]);
  });

  it('pages submissions by cursor without gaps or repeats', async () => {
    const db = database.db;
    const assignment = await createAssignment(db, { title: 'Paging', rubric: defaultRubric }, staff, at(0));
    const created = [];
    for (let i = 0; i < 7; i++) created.push((await createLink(db, { assignment, candidate: { name: `P${i}`, email: `p${i}@example.com` } }, staff, at(i))).submission.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSubmissions(db, { assignmentId: assignment.id, cursor, limit: 3 }, 'reviewer');
      seen.push(...page.items.map((s) => s.id));
      expect(page.items.every((s) => s.candidate.name === undefined)).toBe(true);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(created);
  });

  it('the file blob store writes atomically and never leaves its root', async () => {
    const root = join(storage.dataDir, 'blob-test');
    const store = createFsBlobStore(root);
    const bytes = new TextEncoder().encode('original bytes');
    await store.put('submissions/sub_x/file_1', bytes);
    await store.put('submissions/sub_x/file_2', bytes);
    expect(await store.get('submissions/sub_x/file_1')).toEqual(bytes);
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
    await store.delete('submissions/sub_x/file_1');
    await store.delete('submissions/sub_x/file_1');
    expect(await store.get('submissions/sub_x/file_1')).toBeNull();
    await store.deletePrefix('submissions/sub_x/');
    expect(existsSync(join(root, 'submissions', 'sub_x'))).toBe(false);
    for (const bad of ['../escape', 'submissions/../../x', '/abs', 'a//b', 'a/./b']) await expect(store.put(bad, bytes)).rejects.toThrow(/invalid blob key/);
  });
});
