// The LLM assist in the service: off by default, on per assignment, an admin's switch for all of
// them, the worker grading through the real SDK against a loopback OpenAI server, cost in summaries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/node/config.js';
import { openDatabase, type NodeDatabase } from '../src/node/database.js';
import { createKeyFromEnv } from '../src/node/keys-command.js';
import { defaultRubric } from '../src/grading/index.js';
import { modelAnswer } from './helpers/assist-docs.js';
import { startFakeOpenAI, type FakeOpenAI } from './helpers/fake-openai.js';
import { client, createStorage, fixture, flavours, startTestServer, upload, waitFor, type TestStorage } from './helpers/service.js';

const items = defaultRubric.items.map((i) => i.id);
const flags = defaultRubric.red_flags.map((f) => f.id);
const strong = [fixture('01-support-copilot-strong', 'roadmap.md'), fixture('01-support-copilot-strong', 'RAI_Policy_v2.docx'), fixture('01-support-copilot-strong', 'Year1_Cost_Model.pptx')];
const mediocre = ['costs.md', 'policy.txt', 'roadmap.md'].map((f) => fixture('03-sales-email-mediocre', f));
const weak = ['Roadmap.docx', 'cost.pptx', 'policy.md'].map((f) => fixture('04-doc-search-weak', f));

describe.each(flavours)('the LLM assist in the service on %s', (flavour) => {
  let storage: TestStorage;
  let fake: FakeOpenAI;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let database: NodeDatabase;
  let admin: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let withAssist: string;
  let without: string;

  /** A candidate on `assignment` submits the strong fixture; returns the submission and candidate ids once graded. */
  async function submitAndGrade(assignment: string, name: string, files = strong) {
    const l = await manager.post(`/api/v1/assignments/${assignment}/links`, { candidate: { name, email: `${name.toLowerCase()}@example.com` } });
    expect(l.status).toBe(201);
    expect((await upload(server.base, l.body.token, files)).status).toBe(201);
    expect((await client(server.base).post(`/s/${l.body.token}/submit`)).status).toBe(200);
    const sheet = await waitFor(`the sheet of ${name}`, async () => {
      const r = await reviewer.get(`/api/v1/submissions/${l.body.id}/sheet`);
      return r.body.status === 'prefilled' ? r.body : null;
    });
    return { id: l.body.id as string, candidateId: l.body.candidate_id as string, sheet };
  }

  beforeAll(async () => {
    fake = await startFakeOpenAI(() => ({ answer: modelAnswer(items, flags, { score: 3 }), usage: { prompt_tokens: 3_000, completion_tokens: 600 } }));
    storage = await createStorage(flavour, 'assist');
    const created = await createKeyFromEnv(storage.env, 'admin', 'bootstrap');
    server = await startTestServer({ ...storage.env, GRADESHEET_LLM_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.url, GRADESHEET_LLM_MAX_RETRIES: '0' });
    database = await openDatabase(loadConfig(storage.env));
    admin = client(server.base, created.key);
    manager = client(server.base, (await admin.post('/api/v1/keys', { role: 'hiring_manager' })).body.key);
    reviewer = client(server.base, (await admin.post('/api/v1/keys', { role: 'reviewer' })).body.key);
  });

  afterAll(async () => {
    await database?.close();
    await server?.close();
    await fake?.close();
    await storage?.drop();
  });

  it('is off by default and switched on per assignment (create or update), audited', async () => {
    const off = await manager.post('/api/v1/assignments', { title: 'Without the assist' });
    expect(off.body.llm_assist).toBe(false);
    without = off.body.id;
    const on = await manager.post('/api/v1/assignments', { title: 'With the assist', llm_assist: true });
    expect(on.status).toBe(201);
    expect(on.body.llm_assist).toBe(true);
    withAssist = on.body.id;
    expect((await reviewer.get(`/api/v1/assignments/${withAssist}`)).body.llm_assist).toBe(true);

    const toggled = await manager.call('PATCH', `/api/v1/assignments/${without}`, { llm_assist: true });
    expect(toggled.status).toBe(200);
    expect(toggled.body.llm_assist).toBe(true);
    expect((await manager.call('PATCH', `/api/v1/assignments/${without}`, { llm_assist: false })).body.llm_assist).toBe(false);
    expect((await reviewer.call('PATCH', `/api/v1/assignments/${without}`, { llm_assist: true })).status).toBe(403);
    expect((await manager.call('PATCH', '/api/v1/assignments/asg_nope', { llm_assist: true })).status).toBe(404);
    const audits = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'assignment.updated').execute();
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[0]!.after!)).toEqual({ id: without, llm_assist: true });

    const setting = await reviewer.get('/api/v1/settings/llm_assist');
    expect(setting.body).toMatchObject({ enabled: true, configured: true, model: 'gpt-4o-mini' });
  });

  it('an assignment without the assist never calls the model', async () => {
    const { sheet } = await submitAndGrade(without, 'Grace');
    expect(fake.calls).toHaveLength(0);
    expect(sheet.assist).toBeNull();
    expect(sheet.items.kpis.model).toBeUndefined();
  });

  it('with the assist: one call, the model beside the rules, disagreements flagged, cost stored and summarised', async () => {
    const { id, sheet } = await submitAndGrade(withAssist, 'Ada');
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.body.model).toBe('gpt-4o-mini');
    expect(sheet.assist).toMatchObject({ status: 'ok', model: 'gpt-4o-mini', cache_hit: false, input_tokens: 3_000, output_tokens: 600, raised: 0 });
    expect(sheet.assist.cost_usd).toBeCloseTo((3_000 * 0.15 + 600 * 0.6) / 1e6, 9);
    for (const itemId of items) {
      const it = sheet.items[itemId];
      expect(it.rule.suggested).toBe(it.suggested); // the model's bare 3s raise nothing
      expect(it.model).toMatchObject({ score: 3, evidence: [] });
      expect(it.disagreement).toBe(it.suggested !== 3);
      expect(it.human).toBeNull();
    }
    const usage = await database.db.selectFrom('llm_usage').selectAll().where('submission_id', '=', id).executeTakeFirstOrThrow();
    expect(usage).toMatchObject({ model: 'gpt-4o-mini', status: 'ok', input_tokens: 3_000, output_tokens: 600 });
    const prefilled = await database.db.selectFrom('audit_log').selectAll().where('submission_id', '=', id).where('action', '=', 'sheet.prefilled').executeTakeFirstOrThrow();
    expect(JSON.parse(prefilled.suggestion!).assist).toMatchObject({ status: 'ok', model: 'gpt-4o-mini', raised: 0 });

    const summary = await manager.get(`/api/v1/assignments/${withAssist}/summary`);
    expect(summary.body.items[0].assist).toMatchObject({ model: 'gpt-4o-mini', status: 'ok', cache_hit: false, input_tokens: 3_000, output_tokens: 600 });
    expect(summary.body.assist_cost).toMatchObject({ submissions: 1, cache_hits: 0, input_tokens: 3_000, output_tokens: 600 });
    const csv = await manager.get(`/api/v1/assignments/${withAssist}/summary?format=csv`);
    const [header, row] = (csv.body as string).trim().split('\r\n');
    expect(header!.split(',').slice(-4)).toEqual(['llm_model', 'llm_input_tokens', 'llm_output_tokens', 'llm_cost_usd']);
    expect(row!.split(',').slice(-4, -1)).toEqual(['gpt-4o-mini', '3000', '600']);
  });

  it('the same files again cost nothing: answered from the database cache', async () => {
    const { sheet } = await submitAndGrade(withAssist, 'Alan');
    expect(fake.calls).toHaveLength(1);
    expect(sheet.assist).toMatchObject({ status: 'ok', cache_hit: true, input_tokens: 0, output_tokens: 0, cost_usd: 0 });
    const summary = await manager.get(`/api/v1/assignments/${withAssist}/summary`);
    expect(summary.body.assist_cost).toMatchObject({ submissions: 2, cache_hits: 1, input_tokens: 3_000 });
  });

  it('an admin switches the assist off for every assignment at once (audited); the worker respects it', async () => {
    expect((await manager.put('/api/v1/settings/llm_assist', { enabled: false })).status).toBe(403);
    const off = await admin.put('/api/v1/settings/llm_assist', { enabled: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, set_by: expect.stringMatching(/^key_/) });
    expect((await reviewer.get('/api/v1/settings/llm_assist')).body.enabled).toBe(false);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.changed').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ field: 'llm_assist', actor_role: 'admin', submission_id: null });
    expect(JSON.parse(audit.before!)).toEqual({ enabled: true });

    fake.script(() => ({ answer: modelAnswer(items, flags, { score: 0 }) }));
    const { sheet } = await submitAndGrade(withAssist, 'Barbara');
    expect(fake.calls).toHaveLength(1);
    expect(sheet.assist).toMatchObject({ status: 'off', input_tokens: 0 });
    expect(sheet.warnings).toContain('LLM assist is switched off by an admin: rule graders only');
    expect(sheet.items.kpis.model).toBeUndefined();

    expect((await admin.put('/api/v1/settings/llm_assist', { enabled: true })).body.enabled).toBe(true);
  });

  it('a failing model never blocks grading: the sheet is the rules’ with a warning and attention marks', async () => {
    fake.script(() => ({ status: 500 }));
    const { sheet } = await submitAndGrade(withAssist, 'Edsger', mediocre);
    expect(sheet.assist).toMatchObject({ status: 'failed', error: 'server error (500)' });
    for (const itemId of items) expect(sheet.items[itemId].needs_attention).toBe(true);
    expect(sheet.warnings.at(-1)).toMatch(/^LLM assist failed \(server error \(500\)\)/);
  });

  it('erasing a candidate removes the model’s quotes and its cached answer', async () => {
    fake.script(() => ({ answer: modelAnswer(items, flags, { score: 2, quotes: { kpis: [{ file: 'roadmap.md', location: 'line 1', quote: 'nothing like this is in the file' }] } }) }));
    const graded = await submitAndGrade(withAssist, 'Hedy', weak);
    expect(graded.sheet.items.kpis.model.dropped_quotes).toBe(1);
    const key = graded.sheet.assist.cache_key as string;
    expect(await database.db.selectFrom('llm_cache').select('cache_key').where('cache_key', '=', key).executeTakeFirst()).toBeDefined();
    expect((await admin.del(`/api/v1/candidates/${graded.candidateId}`)).status).toBe(200);
    expect(await database.db.selectFrom('llm_cache').select('cache_key').where('cache_key', '=', key).executeTakeFirst()).toBeUndefined();
    const sheet = (await admin.get(`/api/v1/submissions/${graded.id}/sheet`)).body;
    for (const itemId of items) expect(sheet.items[itemId].model.rationale).toBe('');
  });
});
