import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../src/documents/parse.js';
import { gradeDocuments } from '../src/grading/index.js';
import { loadConfig } from '../src/node/config.js';
import { openDatabase, type NodeDatabase } from '../src/node/database.js';
import { createKeyFromEnv } from '../src/node/keys-command.js';
import { client, corpusDir, createStorage, fixture, flavours, fromPath, spawnServer, upload, waitFor, type FileToSend, type ServerProcess, type TestStorage } from './helpers/service.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const strong = [fixture('01-support-copilot-strong', 'roadmap.md'), fixture('01-support-copilot-strong', 'RAI_Policy_v2.docx'), fixture('01-support-copilot-strong', 'Year1_Cost_Model.pptx')];
const claims = [fixture('02-claims-triage-strong', 'Claims AI Roadmap.docx'), fixture('02-claims-triage-strong', 'Responsible AI policy.pdf'), fixture('02-claims-triage-strong', 'cost-slide.pptx')];
// A long PDF keeps the server busy parsing, so the kill lands while uploads are in flight.
const longPdf = fromPath(join(corpusDir, 'pdf/en_cancer_council_guide_76p_needs_repair.pdf'));
// Long Markdown parses fast but takes the graders a while: the kill lands while grading runs.
const longText = ['roadmap_rust_2018_annual_rfc.md', 'roadmap_kubeflow_2024.md', 'roadmap_rust_2020_annual_rfc.md', 'finops_forecasting_microsoft.md', 'security_incident_response_pagerduty.md', 'incident_response_pagerduty_during_an_incident.md', 'finops_unit_economics_microsoft.md', 'finops_budgeting_microsoft.md'].map((f) =>
  fromPath(join(corpusDir, 'md', f)),
);

describe.each(flavours)('crash safety on %s (SIGKILL of node dist/cli.js serve)', (flavour) => {
  let storage: TestStorage;
  let env: Record<string, string>;
  let server: ServerProcess | undefined;
  let database: NodeDatabase;
  let key: string;
  let assignmentId: string;

  const start = async (extra: Record<string, string> = {}) => {
    server = await spawnServer({ ...env, ...extra });
    return server;
  };
  const newLink = async (name: string) =>
    (await client(server!.base, key).post(`/api/v1/assignments/${assignmentId}/links`, { candidate: { name, email: `${name}@example.com` } })).body as { id: string; token: string };

  /** Every stored file row has its original, byte for byte. */
  async function everyFileHasItsOriginal() {
    const rows = await database.db.selectFrom('files').select(['storage_key', 'sha256', 'size']).execute();
    for (const r of rows) {
      const bytes = new Uint8Array(readFileSync(join(storage.dataDir, 'files', r.storage_key)));
      expect({ key: r.storage_key, size: bytes.length, sha256: sha256(bytes) }).toEqual({ key: r.storage_key, size: Number(r.size), sha256: r.sha256 });
    }
    return rows.length;
  }

  beforeAll(async () => {
    storage = await createStorage(flavour, 'crash');
    // A short lease: a job whose worker was killed is claimed again after 2 s.
    env = { ...storage.env, JOB_LEASE_SECONDS: '2', JOB_POLL_MS: '20' };
    key = (await createKeyFromEnv(env, 'admin')).key;
    database = await openDatabase(loadConfig(env));
    await start();
    assignmentId = (await client(server!.base, key).post('/api/v1/assignments', { title: 'Crash' })).body.id;
  });

  afterAll(async () => {
    await server?.kill();
    await database?.close();
    await storage?.drop();
  });

  it('loses nothing submitted when killed during uploads', { timeout: 180_000 }, async () => {
    const receipts = new Map<string, unknown>();
    const submitted: { id: string; token: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const l = await newLink(`submitted${i}`);
      expect((await upload(server!.base, l.token, i % 2 ? claims : strong)).status).toBe(201);
      const r = await client(server!.base).post(`/s/${l.token}/submit`);
      expect(r.status).toBe(200);
      receipts.set(l.id, r.body);
      submitted.push(l);
    }
    const inFlight = await Promise.all([0, 1, 2, 3].map((i) => newLink(`inflight${i}`)));
    const outcomes = inFlight.map((l, i) => upload(server!.base, l.token, [longPdf, ...(i % 2 ? claims : strong)]).then((r) => r.status, () => 'reset' as const));
    await Promise.race(outcomes);
    await server!.kill();
    const statuses = await Promise.all(outcomes);

    await start();
    for (const l of submitted) {
      const view = (await client(server!.base).get(`/s/${l.token}`)).body;
      expect(view.status).toBe('submitted');
      expect(view.receipt).toEqual(receipts.get(l.id));
      expect(view.files.map((f: { sha256: string }) => f.sha256).sort()).toEqual((receipts.get(l.id) as { files: { sha256: string }[] }).files.map((f) => f.sha256).sort());
    }
    // An upload is all there or not there at all; answered ones are there.
    for (const [i, l] of inFlight.entries()) {
      const files = (await client(server!.base).get(`/s/${l.token}`)).body.files as { name: string }[];
      expect([0, 4]).toContain(files.length);
      if (statuses[i] === 201) expect(files).toHaveLength(4);
    }
    await everyFileHasItsOriginal();
    // The links still work after the restart.
    for (const l of inFlight) {
      expect((await upload(server!.base, l.token, strong)).status).toBe(201);
      expect((await client(server!.base).post(`/s/${l.token}/submit`)).status).toBe(200);
    }
    const all = [...submitted, ...inFlight];
    await waitFor('every submission graded', async () => {
      const rows = await database.db.selectFrom('submissions').select('status').where('id', 'in', all.map((l) => l.id)).execute();
      return rows.every((r) => r.status === 'prefilled');
    });
  });

  it('leaves no half-written sheet and completes every job when killed during grading', { timeout: 180_000 }, async () => {
    // Queue jobs with the worker off, then let a worker start on them and kill it mid-way.
    await server!.kill();
    await start({ GRADESHEET_WORKER: 'off' });
    const links: { id: string; token: string; files: FileToSend[] }[] = [];
    for (let i = 0; i < 12; i++) {
      const files = i % 3 === 0 ? strong : longText;
      const l = await newLink(`grading${i}`);
      expect((await upload(server!.base, l.token, files)).status).toBe(201);
      expect((await client(server!.base).post(`/s/${l.token}/submit`)).status).toBe(200);
      links.push({ ...l, files });
    }
    const ids = links.map((l) => l.id);
    const graded = async () => (await database.db.selectFrom('sheets').select('submission_id').where('submission_id', 'in', ids).execute()).length;
    expect(await graded()).toBe(0);
    await server!.kill();

    await start();
    await waitFor('the worker to start grading', async () => (await graded()) > 0, { tries: 4000, everyMs: 5 });
    await server!.kill();
    const beforeRestart = await graded();
    // The kill landed while jobs were still waiting (the test is about that moment).
    expect(beforeRestart).toBeLessThan(ids.length);

    // Whatever the moment of the kill: a sheet is whole or absent.
    const fieldsPerSheet = 7 + 5;
    const check = async () => {
      const sheets = await database.db.selectFrom('sheets').select(['submission_id', 'sheet_json', 'status']).where('submission_id', 'in', ids).execute();
      for (const s of sheets) {
        const fields = await database.db.selectFrom('sheet_fields').select('field').where('submission_id', '=', s.submission_id).execute();
        expect(fields).toHaveLength(fieldsPerSheet);
        const sub = await database.db.selectFrom('submissions').select('status').where('id', '=', s.submission_id).executeTakeFirstOrThrow();
        expect(sub.status).toBe('prefilled');
        const audits = await database.db.selectFrom('audit_log').select('id').where('submission_id', '=', s.submission_id).where('action', '=', 'sheet.prefilled').execute();
        expect(audits).toHaveLength(1);
      }
      const orphanFields = await database.db.selectFrom('sheet_fields').select('submission_id').where('submission_id', 'in', ids).where('submission_id', 'not in', sheets.length ? sheets.map((s) => s.submission_id) : ['-']).execute();
      expect(orphanFields).toEqual([]);
      return sheets;
    };
    expect((await check()).length).toBe(beforeRestart);

    await start();
    await waitFor('every queued job to complete', async () => (await graded()) === ids.length, { tries: 1200 });
    const sheets = await check();
    const jobs = await database.db.selectFrom('jobs').select(['status', 'last_error']).where('kind', '=', 'grade').where('submission_id', 'in', ids).execute();
    expect(jobs.map((j) => j.status)).toEqual(ids.map(() => 'done'));

    // Grading the same files gives the same sheet: across submissions, restarts, and directly.
    for (const files of [strong, longText]) {
      const documents = [];
      for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) documents.push(await parseDocument(f));
      const expected = JSON.stringify(gradeDocuments(documents));
      const mine = links.filter((l) => l.files === files).map((l) => sheets.find((s) => s.submission_id === l.id)!.sheet_json);
      expect(mine).toEqual(mine.map(() => expected));
    }
    expect(await everyFileHasItsOriginal()).toBeGreaterThan(0);
    expect((await client(server!.base).get('/healthz')).status).toBe(200);
  });
});
