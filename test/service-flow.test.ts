import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../src/documents/parse.js';
import { computePillars, decide, defaultRubric, gradeDocuments } from '../src/grading/index.js';
import { openDatabase, type NodeDatabase } from '../src/node/database.js';
import { createKeyFromEnv } from '../src/node/keys-command.js';
import { loadConfig } from '../src/node/config.js';
import { client, createStorage, fixture, flavours, startTestServer, upload, waitFor, type FileToSend, type TestStorage } from './helpers/service.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

// A strong submission in three formats, plus files to delete and to replace.
const roadmap = fixture('01-support-copilot-strong', 'roadmap.md');
const policy = fixture('01-support-copilot-strong', 'RAI_Policy_v2.docx');
const costDeck = fixture('01-support-copilot-strong', 'Year1_Cost_Model.pptx');
const strayPdf = fixture('02-claims-triage-strong', 'Responsible AI policy.pdf');
const oldRoadmap: FileToSend = { name: 'roadmap.md', bytes: fixture('03-sales-email-mediocre', 'roadmap.md').bytes };

describe.each(flavours)('the service on %s: the whole flow over HTTP', (flavour) => {
  let storage: TestStorage;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let database: NodeDatabase;
  let admin: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let reviewerKeyId: string;
  let assignmentId: string;
  let link: { id: string; token: string; candidate_id: string; anon_id: string; url: string };
  const anon = () => client(server.base);

  beforeAll(async () => {
    storage = await createStorage(flavour, 'flow');
    // The CLI's function: the same code path as `gradesheet keys create --role admin`.
    const created = await createKeyFromEnv(storage.env, 'admin', 'bootstrap');
    server = await startTestServer(storage.env);
    database = await openDatabase(loadConfig(storage.env));
    admin = client(server.base, created.key);
    const hm = await admin.post('/api/v1/keys', { role: 'hiring_manager', name: 'Hiring manager' });
    expect(hm.status).toBe(201);
    const rv = await admin.post('/api/v1/keys', { role: 'reviewer', name: 'Reviewer' });
    expect(rv.status).toBe(201);
    manager = client(server.base, hm.body.key);
    reviewer = client(server.base, rv.body.key);
    reviewerKeyId = rv.body.id;
  });

  afterAll(async () => {
    await database?.close();
    await server?.close();
    await storage?.drop();
  });

  it('serves /healthz, /openapi.json and /docs', async () => {
    expect((await anon().get('/healthz')).body).toEqual({ ok: true });
    const doc = await anon().get('/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/assignments', '/api/v1/submissions/{id}/sheet/items/{item_id}', '/api/v1/assignments/{id}/summary']));
    const docs = await fetch(server.base + '/docs');
    const page = await docs.text();
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    expect(page).toContain('/api/v1/submissions/{id}/sheet/confirm');
    expect(page).not.toMatch(/<script|https?:\/\/cdn/i);
  });

  it('keys: admins list them without secrets; the key is shown once', async () => {
    const list = await admin.get('/api/v1/keys');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(3);
    expect(JSON.stringify(list.body)).not.toMatch(/gsk_[A-Za-z0-9_-]{20,}/);
    const row = await database.db.selectFrom('api_keys').selectAll().where('id', '=', reviewerKeyId).executeTakeFirstOrThrow();
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('creates an assignment and a link; opening the link starts the time box', async () => {
    const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const a = await manager.post('/api/v1/assignments', { title: 'AI product lead take-home', role: 'Head of AI Product', deadline });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ title: 'AI product lead take-home', rubric: 'ai-product-leader', time_box_hours: 8, blind: true, deadline });
    assignmentId = a.body.id;
    expect((await reviewer.get(`/api/v1/assignments/${assignmentId}`)).body.rubric_detail.items).toHaveLength(7);
    const l = await manager.post(`/api/v1/assignments/${assignmentId}/links`, { candidate: { name: 'Ada Lovelace', email: 'ada@example.com' } });
    expect(l.status).toBe(201);
    link = l.body;
    expect(link.url).toBe(`${server.base}/s/${link.token}`);
    expect(link.token.length).toBeGreaterThanOrEqual(43);
    const stored = await database.db.selectFrom('submissions').select('token_hash').where('id', '=', link.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(new TextEncoder().encode(link.token)));

    const brief = await anon().get(`/s/${link.token}`);
    expect(brief.status).toBe(200);
    expect(brief.body).toMatchObject({ submission_id: link.id, status: 'open', files: [], brief: { time_box_hours: 8 } });
    expect(Object.keys(brief.body.brief.deliverables)).toEqual(['roadmap', 'policy', 'cost']);
    expect(brief.body.opened_at).toEqual(expect.any(String));
    expect(brief.body.time_remaining_seconds).toBeGreaterThan(0);
    const again = await anon().get(`/s/${link.token}`);
    expect(again.body.opened_at).toBe(brief.body.opened_at);
    const html = await fetch(`${server.base}/s/${link.token}`, { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('AI product lead take-home');
  });

  it('uploads a DOCX, a PPTX and Markdown, replaces by name, deletes, then submits with a receipt', async () => {
    const first = await upload(server.base, link.token, [oldRoadmap, policy]);
    expect(first.status).toBe(201);
    expect(first.body.files.map((f: { deliverable: string }) => f.deliverable)).toEqual(['roadmap', 'policy']);
    expect(first.body.files[1]).toMatchObject({ name: 'RAI_Policy_v2.docx', format: 'docx', size: policy.bytes.length, sha256: sha256(policy.bytes) });
    expect(first.body.files[1].parsed.sections).toBeGreaterThan(0);

    const second = await upload(server.base, link.token, [costDeck, strayPdf]);
    expect(second.status).toBe(201);
    expect(second.body.files.map((f: { format: string }) => f.format)).toEqual(['pptx', 'pdf']);
    const pdfId = second.body.files[1].id;
    expect((await anon().del(`/s/${link.token}/files/${pdfId}`)).status).toBe(200);
    expect((await anon().del(`/s/${link.token}/files/${pdfId}`)).status).toBe(404);

    // Same name: replaces the earlier roadmap.
    const replaced = await upload(server.base, link.token, [roadmap]);
    expect(replaced.status).toBe(201);
    const files = (await anon().get(`/s/${link.token}`)).body.files;
    expect(files.map((f: { name: string }) => f.name).sort()).toEqual(['RAI_Policy_v2.docx', 'Year1_Cost_Model.pptx', 'roadmap.md']);
    expect(files.find((f: { name: string }) => f.name === 'roadmap.md').sha256).toBe(sha256(roadmap.bytes));

    // Originals are kept as uploaded.
    const rows = await database.db.selectFrom('files').select(['storage_key', 'sha256']).where('submission_id', '=', link.id).execute();
    for (const r of rows) expect(existsSync(join(storage.dataDir, 'files', r.storage_key))).toBe(true);

    const submit = await anon().post(`/s/${link.token}/submit`);
    expect(submit.status).toBe(200);
    expect(submit.body).toMatchObject({ submission_id: link.id, late: false, submitted_at: expect.any(String) });
    const expected = [roadmap, policy, costDeck].map((f) => ({ name: f.name, size: f.bytes.length, sha256: sha256(f.bytes) }));
    expect([...submit.body.files].sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));

    // Locked: no more changes; submitting again gives the same receipt.
    const late = await upload(server.base, link.token, [strayPdf]);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('already_submitted');
    expect((await anon().del(`/s/${link.token}/files/${files[0].id}`)).status).toBe(409);
    expect((await anon().post(`/s/${link.token}/submit`)).body).toEqual(submit.body);
    expect((await anon().get(`/s/${link.token}`)).body.receipt).toEqual(submit.body);
  });

  it('grades in the background into the same sheet as grading the files directly', async () => {
    const sheet = await waitFor('the worker to prefill the sheet', async () => {
      const r = await reviewer.get(`/api/v1/submissions/${link.id}/sheet`);
      return r.body.status === 'prefilled' ? r.body : null;
    });
    const documents = [];
    for (const f of [policy, costDeck, roadmap].sort((a, b) => (a.name < b.name ? -1 : 1))) documents.push(await parseDocument(f));
    const direct = gradeDocuments(documents);
    expect({ files: sheet.files, pillars: sheet.pillars, decision: sheet.decision, warnings: sheet.warnings, rubric: sheet.rubric }).toEqual({
      files: direct.files,
      pillars: direct.pillars,
      decision: direct.decision,
      warnings: direct.warnings,
      rubric: direct.rubric,
    });
    for (const [id, item] of Object.entries(direct.items)) expect(sheet.items[id]).toEqual({ ...item, human: null });
    for (const [id, flag] of Object.entries(direct.red_flags)) expect(sheet.red_flags[id]).toEqual({ ...flag, human: null });
    // Blind: the reviewer sees the anonymous id only; the hiring manager sees who it is.
    expect(sheet.candidate).toEqual({ id: link.candidate_id, anon_id: link.anon_id, erased: false });
    expect(JSON.stringify(sheet)).not.toContain('Ada Lovelace');
    const queue = await reviewer.get(`/api/v1/submissions?assignment_id=${assignmentId}&status=prefilled`);
    expect(queue.body.items.map((s: { id: string }) => s.id)).toEqual([link.id]);
    expect(queue.body.items[0].candidate.name).toBeUndefined();
    const forManager = await manager.get(`/api/v1/submissions/${link.id}/sheet`);
    expect(forManager.body.candidate).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
  });

  it('reviews: an override needs a reason, confirming accepts the rest, a confirmed sheet is locked until reopened', async () => {
    const sheet = (await reviewer.get(`/api/v1/submissions/${link.id}/sheet`)).body;
    expect(sheet.review.review_started_at).toEqual(expect.any(String));
    const suggested: number = sheet.items.kpis.suggested;
    const override = suggested === 3 ? 2 : suggested + 1;
    const noReason = await reviewer.put(`/api/v1/submissions/${link.id}/sheet/items/kpis`, { score: override });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('reason_required');
    const set = await reviewer.put(`/api/v1/submissions/${link.id}/sheet/items/kpis`, { score: override, reason: 'KPIs are tied to milestones in the quarterly table.' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ field: 'kpis', suggested, value: override, set_by: reviewerKeyId, status: 'in_review' });
    expect((await reviewer.put(`/api/v1/submissions/${link.id}/sheet/items/not_an_item`, { score: 1, reason: 'x' })).status).toBe(404);
    expect((await reviewer.put(`/api/v1/submissions/${link.id}/sheet/items/kpis`, { score: 7, reason: 'x' })).status).toBe(400);
    const flagId = 'no_tradeoffs';
    const keep = await reviewer.put(`/api/v1/submissions/${link.id}/sheet/red_flags/${flagId}`, { present: sheet.red_flags[flagId].present });
    expect(keep.status).toBe(200);
    expect((await manager.put(`/api/v1/submissions/${link.id}/sheet/items/kpis`, { score: suggested })).status).toBe(403);

    const inReview = (await reviewer.get(`/api/v1/submissions/${link.id}/sheet`)).body;
    expect(inReview.status).toBe('in_review');
    expect(inReview.items.kpis.human).toMatchObject({ value: override, set_by: reviewerKeyId, reason: 'KPIs are tied to milestones in the quarterly table.' });
    expect(inReview.items.kpis.suggested).toBe(suggested);

    // The rubric's rule on the final values; deciding otherwise needs a note.
    const finals = Object.fromEntries(Object.entries(inReview.items).map(([k, v]) => [k, (v as { human: { value: number } | null; suggested: number }).human?.value ?? (v as { suggested: number }).suggested]));
    const flags = Object.fromEntries(Object.entries(inReview.red_flags).map(([k, v]) => [k, (v as { present: boolean }).present]));
    const rule = decide(defaultRubric, computePillars(defaultRubric, finals), flags);
    const other = rule === 'advance' ? 'do_not_advance' : 'advance';
    const unexplained = await reviewer.post(`/api/v1/submissions/${link.id}/sheet/confirm`, { decision: other });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.error.code).toBe('reason_required');
    const confirmed = await reviewer.post(`/api/v1/submissions/${link.id}/sheet/confirm`, { decision: rule });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.review).toMatchObject({ decision: rule, reviewer_id: reviewerKeyId, fields_changed: 1, confirmed_at: expect.any(String) });
    expect(confirmed.body.review.review_seconds).toBeGreaterThanOrEqual(0);

    const locked = await reviewer.put(`/api/v1/submissions/${link.id}/sheet/items/kpis`, { score: suggested });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('sheet_confirmed');
    const after = (await reviewer.get(`/api/v1/submissions/${link.id}/sheet`)).body;
    expect(after.status).toBe('confirmed');
    for (const item of Object.values(after.items) as { human: { set_by: string } | null }[]) expect(item.human?.set_by).toBe(reviewerKeyId);

    expect((await manager.post(`/api/v1/submissions/${link.id}/sheet/reopen`, { reason: 'second look' })).status).toBe(403);
    expect((await reviewer.post(`/api/v1/submissions/${link.id}/sheet/reopen`, {})).status).toBe(400);
    expect((await reviewer.post(`/api/v1/submissions/${link.id}/sheet/reopen`, { reason: 'The hiring manager asked for a second look at cost.' })).status).toBe(200);
    expect((await reviewer.get(`/api/v1/submissions/${link.id}/sheet`)).body.status).toBe('in_review');
    expect((await reviewer.post(`/api/v1/submissions/${link.id}/sheet/reopen`, { reason: 'again' })).status).toBe(409);
    const reconfirmed = await reviewer.post(`/api/v1/submissions/${link.id}/sheet/confirm`, { decision: other, note: 'Strong cost thinking outweighs the rule here.' });
    expect(reconfirmed.status).toBe(200);
    expect(reconfirmed.body.review).toMatchObject({ decision: other, decision_note: 'Strong cost thinking outweighs the rule here.', fields_changed: 1 });
  });

  it('summarizes per candidate as JSON pages with filters, as CSV, and calibrates', async () => {
    // Three more candidates, one with a name a spreadsheet would run as a formula.
    for (const name of ['Grace Hopper', '=HYPERLINK("http://evil.example","x")', 'Alan Turing']) {
      expect((await manager.post(`/api/v1/assignments/${assignmentId}/links`, { candidate: { name, email: 'someone@example.com' } })).status).toBe(201);
    }
    const all = await manager.get(`/api/v1/assignments/${assignmentId}/summary`);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(4);
    const row = all.body.items.find((r: { submission_id: string }) => r.submission_id === link.id);
    expect(row).toMatchObject({ status: 'confirmed', reviewer_id: reviewerKeyId, fields_changed: 1, candidate: { name: 'Ada Lovelace' } });
    expect(row.items.kpis.kept).toBe(false);
    expect(row.items.governance.kept).toBe(true);
    expect(Object.keys(row.pillars)).toEqual(['vision', 'technical', 'governance']);
    expect(Array.isArray(row.red_flags)).toBe(true);
    expect(row.confirmed_at).toEqual(expect.any(String));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { submission_id: string }[]; next_cursor: string | null } } = await manager.get(`/api/v1/assignments/${assignmentId}/summary?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((r) => r.submission_id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((r: { submission_id: string }) => r.submission_id));
    expect((await manager.get(`/api/v1/assignments/${assignmentId}/summary?status=confirmed`)).body.items).toHaveLength(1);
    expect((await manager.get(`/api/v1/assignments/${assignmentId}/summary?status=open`)).body.items).toHaveLength(3);
    const decided = row.decision as string;
    expect((await manager.get(`/api/v1/assignments/${assignmentId}/summary?decision=${decided}`)).body.items).toHaveLength(1);
    expect((await manager.get(`/api/v1/assignments/${assignmentId}/summary?decision=${decided === 'advance' ? 'do_not_advance' : 'advance'}`)).body.items).toHaveLength(0);
    expect((await manager.get(`/api/v1/assignments/${assignmentId}/summary?cursor=not-a-cursor`)).status).toBe(400);

    const csv = await manager.get(`/api/v1/assignments/${assignmentId}/summary?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^submission_id,candidate_id,anon_id,name,email,status,/);
    expect(lines[0]).toContain('item_kpis_kept');
    const adaLine = lines.find((l) => l.startsWith(link.id))!;
    expect(adaLine).toContain('Ada Lovelace');
    expect(adaLine).toContain(decided);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    const byAccept = await manager.get(`/api/v1/assignments/${assignmentId}/summary`, { accept: 'text/csv' });
    expect(byAccept.body).toBe(csv.body);

    const cal = await manager.get(`/api/v1/assignments/${assignmentId}/calibration`);
    expect(cal.status).toBe(200);
    expect(cal.body.confirmed).toBe(1);
    expect(cal.body.items.kpis).toMatchObject({ reviewed: 1, kept: 0, kept_rate: 0 });
    expect(cal.body.items.governance).toMatchObject({ reviewed: 1, kept: 1, kept_rate: 1 });
    expect(cal.body.red_flags.no_tradeoffs).toMatchObject({ reviewed: 1, kept: 1 });
    expect(cal.body.decisions).toMatchObject({ reviewed: 1, kept: 0 });
    const total = (d: Record<string, number>) => Object.values(d).reduce((a, b) => a + b, 0);
    expect(total(cal.body.items.kpis.final)).toBe(1);
    expect(total(cal.body.pillars.vision)).toBe(1);
    expect((await reviewer.get(`/api/v1/assignments/${assignmentId}/calibration`)).status).toBe(403);
  });

  it('keeps an append-only audit log of every change', async () => {
    const log = await reviewer.get(`/api/v1/submissions/${link.id}/audit`);
    expect(log.status).toBe(200);
    const actions = log.body.items.map((e: { action: string }) => e.action);
    for (const a of ['link.created', 'link.opened', 'file.uploaded', 'file.replaced', 'file.deleted', 'submission.submitted', 'sheet.prefilled', 'sheet.review_started', 'sheet.field_set', 'sheet.field_accepted', 'sheet.confirmed', 'sheet.reopened']) {
      expect(actions).toContain(a);
    }
    const prefilled = log.body.items.find((e: { action: string }) => e.action === 'sheet.prefilled');
    expect(prefilled).toMatchObject({ actor: 'system', actor_role: 'system' });
    expect(prefilled.suggestion.items.kpis).toEqual(expect.any(Number));
    const override = log.body.items.find((e: { action: string; field: string }) => e.action === 'sheet.field_set' && e.field === 'items.kpis');
    expect(override).toMatchObject({ actor: reviewerKeyId, actor_role: 'reviewer', before: null, reason: 'KPIs are tied to milestones in the quarterly table.' });
    expect(override.after).not.toBe(override.suggestion);
    // 7 items and 5 flags: one was overridden and one set, the other 10 accepted at confirm.
    expect(actions.filter((a: string) => a === 'sheet.field_accepted')).toHaveLength(10);
    const confirms = log.body.items.filter((e: { action: string }) => e.action === 'sheet.confirmed');
    expect(confirms).toHaveLength(2);
    expect(confirms[1].reason).toBe('Strong cost thinking outweighs the rule here.');

    // No route changes it, and the database refuses to.
    expect((await admin.del(`/api/v1/submissions/${link.id}/audit`)).status).toBe(404);
    expect((await admin.put(`/api/v1/submissions/${link.id}/audit`, {})).status).toBe(404);
    await expect(database.db.updateTable('audit_log').set({ reason: 'tampered' }).where('submission_id', '=', link.id).execute()).rejects.toThrow(/append-only/);
    await expect(database.db.deleteFrom('audit_log').where('submission_id', '=', link.id).execute()).rejects.toThrow(/append-only/);
  });

  it('erases a candidate: originals, parsed text and identity go; the anonymous audit log stays', async () => {
    const before = (await reviewer.get(`/api/v1/submissions/${link.id}/audit`)).body.items.length;
    const quote: string = (await manager.get(`/api/v1/submissions/${link.id}/sheet`)).body.items.governance.evidence[0].quote;
    expect((await manager.del(`/api/v1/candidates/${link.candidate_id}`)).status).toBe(403);
    const erased = await admin.del(`/api/v1/candidates/${link.candidate_id}`);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ candidate_id: link.candidate_id, anon_id: link.anon_id, submissions: [link.id], files_deleted: 3 });
    expect((await admin.del(`/api/v1/candidates/${link.candidate_id}`)).status).toBe(200);

    expect(existsSync(join(storage.dataDir, 'files', 'submissions', link.id))).toBe(false);
    expect(await database.db.selectFrom('files').select('id').where('submission_id', '=', link.id).execute()).toEqual([]);
    const cand = await database.db.selectFrom('candidates').selectAll().where('id', '=', link.candidate_id).executeTakeFirstOrThrow();
    expect(cand).toMatchObject({ name: null, email: null, anon_id: link.anon_id });
    const sheetRow = await database.db.selectFrom('sheets').select('sheet_json').where('submission_id', '=', link.id).executeTakeFirstOrThrow();
    expect(sheetRow.sheet_json).not.toContain(quote);
    expect(sheetRow.sheet_json).not.toContain('roadmap.md');

    const sheet = (await manager.get(`/api/v1/submissions/${link.id}/sheet`)).body;
    expect(sheet.candidate).toMatchObject({ anon_id: link.anon_id, name: null, email: null, erased: true });
    expect(sheet.files).toEqual({});
    expect(sheet.items.governance.evidence).toEqual([]);
    expect(sheet.review.decision).toEqual(expect.any(String));
    const summary = (await manager.get(`/api/v1/assignments/${assignmentId}/summary`)).body.items.find((r: { submission_id: string }) => r.submission_id === link.id);
    expect(summary.candidate).toMatchObject({ name: null, erased: true });
    expect((await manager.get(`/api/v1/assignments/${assignmentId}/summary?format=csv`)).body).not.toContain('Ada Lovelace');
    expect((await anon().get(`/s/${link.token}`)).status).toBe(410);

    const log = (await reviewer.get(`/api/v1/submissions/${link.id}/audit`)).body.items;
    expect(log.length).toBe(before + 1);
    expect(log.at(-1)).toMatchObject({ action: 'candidate.erased', actor_role: 'admin' });
    const text = JSON.stringify(log);
    for (const secret of ['Ada', 'ada@example.com', 'roadmap.md', 'RAI_Policy_v2.docx', quote.slice(0, 30)]) expect(text).not.toContain(secret);
    const jobs = await database.db.selectFrom('jobs').select(['kind', 'status']).where('submission_id', '=', link.id).execute();
    expect(jobs).toEqual(expect.arrayContaining([{ kind: 'erase_files', status: 'done' }]));
  });
});
