// The whole API flow against the Workers build (src/workers/index.ts) in workerd, through
// `wrangler dev --local` on loopback: D1 for the database, R2 for the files, grading after the
// submit's response (ctx.waitUntil). The same graders must give the same sheet as on Node.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../src/documents/parse.js';
import { computePillars, decide, defaultRubric, gradeDocuments } from '../src/grading/index.js';
import { newSecret } from '../src/store/crypto.js';
import { client, fixture, upload, waitFor, type FileToSend } from './helpers/service.js';
import { offlineWranglerEnv, projectRoot, startWranglerDev, type WranglerDev } from './helpers/wrangler-dev.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

// One submission in the three binary formats: a DOCX roadmap, a PDF policy, a PPTX cost slide.
const roadmap = fixture('02-claims-triage-strong', 'Claims AI Roadmap.docx');
const policy = fixture('02-claims-triage-strong', 'Responsible AI policy.pdf');
const costDeck = fixture('02-claims-triage-strong', 'cost-slide.pptx');
const files = [roadmap, policy, costDeck];

describe('the Workers build (wrangler dev, D1, R2): the whole flow over HTTP', () => {
  const bootstrapKey = newSecret(32, 'gsk_');
  let dev: WranglerDev;
  let admin: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let reviewerKeyId: string;
  let assignmentId: string;
  let link: { id: string; token: string; url: string };

  beforeAll(async () => {
    // Small caps (1 MB a file, 3 MB a request) so the 413s below need no big bodies.
    dev = await startWranglerDev({ vars: { GRADESHEET_BOOTSTRAP_ADMIN_KEY: bootstrapKey, MAX_FILE_MB: '1', MAX_UPLOAD_MB: '3' } });
    admin = client(dev.base, bootstrapKey);
  }, 120_000);

  afterAll(async () => {
    await dev?.stop();
  });

  it('runs the flow: bootstrap admin key, keys, assignment, link, upload, submit, grading, review, confirm, summary', async () => {
    const anon = client(dev.base);
    expect((await anon.get('/healthz')).body).toEqual({ ok: true });
    expect((await anon.get('/openapi.json')).body.openapi).toBe('3.1.0');

    // The first admin key comes from the secret, stored hashed; it creates the other keys.
    expect((await client(dev.base, newSecret(32, 'gsk_')).get('/api/v1/keys')).status).toBe(401);
    const keys = await admin.get('/api/v1/keys');
    expect(keys.status).toBe(200);
    expect(keys.body.items).toEqual([expect.objectContaining({ role: 'admin', prefix: bootstrapKey.slice(0, 12) })]);
    const hm = await admin.post('/api/v1/keys', { role: 'hiring_manager', name: 'Hiring manager' });
    const rv = await admin.post('/api/v1/keys', { role: 'reviewer', name: 'Reviewer' });
    expect([hm.status, rv.status]).toEqual([201, 201]);
    manager = client(dev.base, hm.body.key);
    reviewer = client(dev.base, rv.body.key);
    reviewerKeyId = rv.body.id;

    const a = await manager.post('/api/v1/assignments', { title: 'AI product lead take-home (Workers)' });
    expect(a.status).toBe(201);
    assignmentId = a.body.id;
    const l = await manager.post(`/api/v1/assignments/${assignmentId}/links`, { candidate: { name: 'Ada Lovelace', email: 'ada@example.com' } });
    expect(l.status).toBe(201);
    link = l.body;
    expect(link.url).toBe(`${dev.base}/s/${link.token}`);
    const brief = await anon.get(`/s/${link.token}`);
    expect(brief.body).toMatchObject({ submission_id: link.id, status: 'open', files: [], limits: { max_file_bytes: 1024 * 1024 } });
    const page = await fetch(`${dev.base}/s/${link.token}`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('AI product lead take-home (Workers)');

    // Over the Workers caps: a clear 413 in the API's error shape, not a dropped request.
    const big: FileToSend = { name: 'huge.pdf', bytes: new Uint8Array(1024 * 1024 + 10).fill(32) };
    const tooBig = await upload(dev.base, link.token, [big]);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({ code: 'file_too_large', message: expect.stringMatching(/huge\.pdf is 1\.0 MB; the limit is 1 MB/) });
    const tooMuch = await upload(dev.base, link.token, [big, { ...big, name: 'b.pdf' }, { ...big, name: 'c.pdf' }]);
    expect(tooMuch.status).toBe(413);
    expect(tooMuch.body.error).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/larger than 3 MB.*each file at most 1 MB/) });

    // Upload: parsed in workerd at once; originals kept in R2.
    const up = await upload(dev.base, link.token, files);
    expect(up.status).toBe(201);
    expect(up.body.files.map((f: { format: string; deliverable: string }) => [f.format, f.deliverable])).toEqual([
      ['docx', 'roadmap'],
      ['pdf', 'policy'],
      ['pptx', 'cost'],
    ]);
    for (const [i, f] of files.entries()) expect(up.body.files[i]).toMatchObject({ name: f.name, size: f.bytes.length, sha256: sha256(f.bytes) });

    const submit = await anon.post(`/s/${link.token}/submit`);
    expect(submit.status).toBe(200);
    expect(submit.body).toMatchObject({ submission_id: link.id, late: false });
    expect((await anon.post(`/s/${link.token}/submit`)).body).toEqual(submit.body);
    expect((await upload(dev.base, link.token, [roadmap])).body.error.code).toBe('already_submitted');

    // Graded after the submit's response (waitUntil): the same sheet as grading the files on Node.
    const sheet = await waitFor(
      'the Worker to prefill the sheet',
      async () => {
        const r = await reviewer.get(`/api/v1/submissions/${link.id}/sheet`);
        return r.body.status === 'prefilled' ? r.body : null;
      },
      { tries: 300, everyMs: 100 },
    );
    const documents = [];
    for (const f of [...files].sort((x, y) => (x.name < y.name ? -1 : 1))) documents.push(await parseDocument(f));
    const direct = gradeDocuments(documents);
    expect({ files: sheet.files, pillars: sheet.pillars, decision: sheet.decision, warnings: sheet.warnings }).toEqual({ files: direct.files, pillars: direct.pillars, decision: direct.decision, warnings: direct.warnings });
    for (const [id, item] of Object.entries(direct.items)) expect(sheet.items[id]).toEqual({ ...item, human: null });
    for (const [id, flag] of Object.entries(direct.red_flags)) expect(sheet.red_flags[id]).toEqual({ ...flag, human: null });

    // The cron handler runs in workerd too (nothing is left for it here).
    const cron = await fetch(`${dev.base}/__scheduled?cron=*+*+*+*+*`);
    expect(cron.status).toBe(200);

    // Review: an override needs a reason; confirming accepts the rest.
    const suggested: number = sheet.items.kpis.suggested;
    const override = suggested === 3 ? 2 : suggested + 1;
    expect((await reviewer.put(`/api/v1/submissions/${link.id}/sheet/items/kpis`, { score: override })).body.error.code).toBe('reason_required');
    const set = await reviewer.put(`/api/v1/submissions/${link.id}/sheet/items/kpis`, { score: override, reason: 'KPIs are tied to the pilot milestones.' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ field: 'kpis', suggested, value: override, set_by: reviewerKeyId, status: 'in_review' });
    const finals = Object.fromEntries(Object.entries(sheet.items).map(([k, v]) => [k, k === 'kpis' ? override : (v as { suggested: number }).suggested]));
    const flags = Object.fromEntries(Object.entries(sheet.red_flags).map(([k, v]) => [k, (v as { present: boolean }).present]));
    const rule = decide(defaultRubric, computePillars(defaultRubric, finals), flags);
    const confirmed = await reviewer.post(`/api/v1/submissions/${link.id}/sheet/confirm`, { decision: rule });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.review).toMatchObject({ decision: rule, reviewer_id: reviewerKeyId, fields_changed: 1 });
    expect((await reviewer.put(`/api/v1/submissions/${link.id}/sheet/items/kpis`, { score: suggested })).body.error.code).toBe('sheet_confirmed');

    // Summary, as JSON and CSV.
    const summary = await manager.get(`/api/v1/assignments/${assignmentId}/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body.items).toEqual([expect.objectContaining({ submission_id: link.id, status: 'confirmed', decision: rule, reviewer_id: reviewerKeyId, candidate: expect.objectContaining({ name: 'Ada Lovelace' }) })]);
    const csv = await manager.get(`/api/v1/assignments/${assignmentId}/summary?format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect((csv.body as string).trim().split('\r\n')).toHaveLength(2);

    const audit = await reviewer.get(`/api/v1/submissions/${link.id}/audit`);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    for (const action of ['link.created', 'file.uploaded', 'submission.submitted', 'sheet.prefilled', 'sheet.field_set', 'sheet.confirmed']) expect(actions).toContain(action);
  }, 120_000);

  it('bundles without any Node module (wrangler deploy --dry-run)', () => {
    const out = mkdtempSync(join(tmpdir(), 'gradesheet-bundle-'));
    try {
      const run = spawnSync(process.execPath, [join(projectRoot(), 'node_modules', 'wrangler', 'bin', 'wrangler.js'), 'deploy', '--dry-run', '--outdir', out], {
        cwd: projectRoot(),
        env: { ...process.env, ...offlineWranglerEnv, WRANGLER_LOG_PATH: join(out, 'logs'), NO_COLOR: '1' },
        encoding: 'utf8',
      });
      const log = run.stdout + run.stderr;
      expect(run.status, log).toBe(0);
      // wrangler only warns when a Node built-in is imported without nodejs_compat.
      expect(log).not.toMatch(/built into node|nodejs_compat/);
      expect(log).toMatch(/Total Upload: [\d.]+ KiB \/ gzip: [\d.]+ KiB/);
      const bundle = readFileSync(join(out, 'index.js'), 'utf8');
      // Imports left in the bundle are what workerd would have to provide: none from Node.
      expect(bundle.match(/^\s*import\s[^;]*?from\s*["'][^"']+["']/gm) ?? []).toEqual([]);
      expect(bundle).not.toMatch(/\brequire\(["'](node:|fs|path|os|better-sqlite3|pg)["']\)/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
