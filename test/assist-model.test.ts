// The LLM assist with the real `openai` SDK against a real HTTP server on loopback that speaks the
// chat-completions protocol, scripted per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assistConfigSchema, createAssist, createMemoryCache, createOpenAIModelClient, type AssistCache, type AssistConfigInput } from '../src/assist/index.js';
import type { Document } from '../src/documents/model.js';
import { defaultRubric, gradeDocuments, isVerbatim, sheetSchema, type Sheet } from '../src/grading/index.js';
import { openSqlite } from '../src/node/database.js';
import { createDbAssistCache } from '../src/store/llm-cache.js';
import { migrateToLatest } from '../src/store/migrations.js';
import { parseDocument } from '../src/documents/parse.js';
import { assistDocuments, modelAnswer } from './helpers/assist-docs.js';
import { fixture } from './helpers/service.js';
import { askedFor, hallucinatedAnswer, startFakeOpenAI, topGradeEverywhere, type FakeOpenAI } from './helpers/fake-openai.js';

const items = defaultRubric.items.map((i) => i.id);
const flags = defaultRubric.red_flags.map((f) => f.id);
let fake: FakeOpenAI;
let documents: Document[];
let rule: Sheet;

const config = (over: Partial<AssistConfigInput> = {}) => assistConfigSchema.parse({ model: 'gpt-4o-mini', apiKey: 'sk-test-123', baseURL: fake.url, timeoutMs: 5_000, maxRetries: 2, ...over });
const run = async (over: Partial<AssistConfigInput> = {}, docs = documents, cache: AssistCache = createMemoryCache()) => {
  const sheet = gradeDocuments(docs);
  const out = await createAssist(config(over), { cache, now: () => new Date(), log: () => {} }).run({ documents: docs, rubric: defaultRubric, sheet });
  sheetSchema.parse(out); // the CONTRACT fields stay intact
  return { rule: sheet, out };
};
const unchangedScores = (a: Sheet, b: Sheet) => {
  for (const id of items) expect(a.items[id]!.suggested).toBe(b.items[id]!.suggested);
  for (const id of flags) expect(a.red_flags[id]!.present).toBe(b.red_flags[id]!.present);
  expect(a.decision).toBe(b.decision);
};

beforeAll(async () => {
  fake = await startFakeOpenAI();
  documents = await assistDocuments();
  rule = gradeDocuments(documents);
});
afterAll(async () => fake?.close());
beforeEach(() => {
  fake.calls.length = 0;
});

describe('LLM assist over the real SDK and a loopback OpenAI server', () => {
  it('a good answer: the model’s opinion beside the rule graders’, with tokens and cost', async () => {
    const quotes = { kpis: [{ file: 'Roadmap.md', location: 'line 4', quote: 'first response time from 9 h to 4 h' }] };
    const scores = Object.fromEntries(Object.entries(rule.items).map(([k, v]) => [k, v.suggested]));
    const ruleFlags = Object.fromEntries(Object.entries(rule.red_flags).map(([k, v]) => [k, { present: v.present }]));
    fake.script(() => ({ answer: modelAnswer(items, flags, { scores: { ...scores, cost_model: 3 }, quotes, flags: ruleFlags }), usage: { prompt_tokens: 2_000, completion_tokens: 500, cached_tokens: 1_024 } }));
    const { out } = await run();
    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0]!;
    expect(call.authorization).toBe('Bearer sk-test-123');
    expect(call.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0, max_completion_tokens: 4_000, response_format: { type: 'json_schema', json_schema: { name: 'gradesheet_assist', strict: true } } });
    expect(call.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(askedFor(call.body)).toEqual({ items, red_flags: flags });
    expect(out.items.kpis).toMatchObject({ suggested: rule.items.kpis!.suggested, disagreement: false, model: { score: rule.items.kpis!.suggested, evidence: [{ file: 'Roadmap.md', location: 'line 4', quote: 'first response time from 9 h to 4 h' }] } });
    expect(out.items.cost_model).toMatchObject({ suggested: rule.items.cost_model!.suggested, disagreement: true, needs_attention: true, model: { score: 3 } });
    expect(out.assist).toMatchObject({ status: 'ok', model: 'gpt-4o-mini', cache_hit: false, input_tokens: 2_000, output_tokens: 500, cached_input_tokens: 1_024, price_source: 'builtin', disagreements: 1, raised: 0 });
    // (976 × 0.15 + 1,024 × 0.075 + 500 × 0.6) / 1e6
    expect(out.assist!.cost_usd).toBeCloseTo(0.0005232, 9);
  });

  it('hallucinated quotes are dropped and raise nothing', async () => {
    fake.script((call) => ({ answer: hallucinatedAnswer(call.body, 3) }));
    const { rule: r, out } = await run();
    unchangedScores(out, r);
    for (const id of items) expect(out.items[id]!.model).toMatchObject({ score: 3, evidence: [], dropped_quotes: 1 });
    expect(out.assist).toMatchObject({ status: 'ok', raised: 0, dropped_quotes: items.length + flags.length });
    expect(out.warnings.join('\n')).toMatch(/could not be found verbatim/);
  });

  it('a model that obeys an injection in the submission and gives the top grade everywhere raises no grade', async () => {
    // The labeled submission with hidden instructions to the grader (white 1-pt text in DOCX and PPTX).
    const injected = await Promise.all(['Roadmap_final.docx', 'policy.docx', 'Costs.pptx'].map(async (f) => parseDocument(fixture('07-injection-hidden', f))));
    fake.script((call) => ({ answer: topGradeEverywhere(call.body) }));
    const { rule: r, out } = await run({}, injected);
    expect(fake.calls[0]!.body.messages[1]!.content).not.toContain('Instructions for the AI grader');
    unchangedScores(out, r);
    for (const id of items) {
      expect(out.items[id]!.model!.score).toBe(3);
      expect(out.items[id]!.model!.evidence.every((e) => isVerbatim(injected, e))).toBe(true);
      if (r.items[id]!.suggested < 3) expect(out.items[id]).toMatchObject({ disagreement: true, needs_attention: true });
    }
    expect(out.assist!.raised).toBe(0);
  });

  it('malformed JSON: the rule sheet with a warning, every item marked for attention, no low grade, not cached', async () => {
    fake.script(() => ({ content: 'Sure! Here are the grades: {"items": {"kpis": 3' }));
    const cache = createMemoryCache();
    const { rule: r, out } = await run({}, documents, cache);
    unchangedScores(out, r);
    expect(out.assist).toMatchObject({ status: 'failed', error: 'the model’s reply is not JSON' });
    expect(out.assist!.input_tokens).toBeGreaterThan(0); // the call was paid for
    expect(out.warnings.at(-1)).toMatch(/^LLM assist failed \(the model’s reply is not JSON\): the suggestions are the rule graders' alone/);
    for (const id of items) expect(out.items[id]!.needs_attention).toBe(true);
    expect(cache.size()).toBe(0);
  });

  it('off-schema entries cost only those entries', async () => {
    fake.script(() => {
      const a = modelAnswer(items, flags, { score: 1 }) as { items: Record<string, unknown> };
      a.items.governance = { score: 'three', quotes: [], rationale: '' };
      return { answer: a };
    });
    const { out } = await run();
    expect(out.assist!.status).toBe('ok');
    expect(out.items.governance).toMatchObject({ model: null, needs_attention: true, suggested: rule.items.governance!.suggested });
    expect(out.items.kpis!.model).not.toBeNull();
    expect(out.warnings.join('\n')).toMatch(/answer for governance was missing or off-schema/);
  });

  it('429 then success: the retry works', async () => {
    fake.script((call) => (call.index === 0 ? { status: 429, error: { message: 'Rate limit reached', type: 'requests' }, headers: { 'retry-after-ms': '20' } } : { answer: modelAnswer(items, flags, { score: 1 }) }));
    const { out } = await run();
    expect(fake.calls).toHaveLength(2);
    expect(out.assist!.status).toBe('ok');
  });

  it('5xx until the retries run out: rule sheet, warning, attention', async () => {
    fake.script(() => ({ status: 503, headers: { 'retry-after-ms': '5' } }));
    const { rule: r, out } = await run({ maxRetries: 2 });
    expect(fake.calls).toHaveLength(3);
    unchangedScores(out, r);
    expect(out.assist).toMatchObject({ status: 'failed', error: 'server error (503) after 3 attempts' });
  });

  it('a timeout: grading still completes, with a warning and every item marked for attention', async () => {
    fake.script(() => ({ delayMs: 3_000, then: { answer: modelAnswer(items, flags) } }));
    const started = Date.now();
    const client = createOpenAIModelClient(config({ timeoutMs: 200, maxRetries: 1 }), { backoffMs: () => 10 });
    const sheet = gradeDocuments(documents);
    const out = await createAssist(config(), { client, now: () => new Date() }).run({ documents, rubric: defaultRubric, sheet });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.calls).toHaveLength(2);
    unchangedScores(out, sheet);
    expect(out.assist).toMatchObject({ status: 'failed', error: 'the model timed out after 2 attempts' });
    expect(out.warnings.at(-1)).toMatch(/LLM assist failed \(the model timed out after 2 attempts\)/);
    for (const id of items) expect(out.items[id]!.needs_attention).toBe(true);
  });

  it('the deadline ends the whole call, even when the server asks to wait', async () => {
    fake.script(() => ({ status: 429, headers: { 'retry-after': '5' } }));
    const started = Date.now();
    const { out } = await run({ deadlineMs: 300, maxRetries: 5 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(out.assist!.status).toBe('failed');
    expect(out.assist!.error).toMatch(/no answer within the time allowed|rate limited/);
  });

  it('a 401 is not retried and says what to check', async () => {
    fake.script(() => ({ status: 401, error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }));
    const { out } = await run();
    expect(fake.calls).toHaveLength(1);
    expect(out.assist!.error).toBe('the endpoint refused the request (401: check OPENAI_API_KEY)');
  });

  it('a refusal is a failure, not a grade', async () => {
    fake.script(() => ({ refusal: 'I cannot help with that.' }));
    const { out } = await run();
    expect(out.assist).toMatchObject({ status: 'failed', error: 'the model refused: I cannot help with that.' });
  });

  it('the cache in the database answers the second run across a restart: the server sees one call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradesheet-assist-cache-'));
    try {
      fake.script(() => ({ answer: modelAnswer(items, flags, { score: 2 }) }));
      const first = openSqlite(dir);
      await migrateToLatest(first.db, 'sqlite');
      const a = await run({}, documents, createDbAssistCache(first.db));
      await first.close();
      const second = openSqlite(dir);
      await migrateToLatest(second.db, 'sqlite');
      const b = await run({}, documents, createDbAssistCache(second.db));
      // Another model is another question.
      const c = await run({ model: 'gpt-4.1-mini' }, documents, createDbAssistCache(second.db));
      await second.close();
      expect(fake.calls).toHaveLength(2);
      expect(a.out.assist).toMatchObject({ cache_hit: false });
      expect(a.out.assist!.cost_usd).toBeGreaterThan(0);
      expect(b.out.assist).toMatchObject({ status: 'ok', cache_hit: true, input_tokens: 0, output_tokens: 0, cost_usd: 0, cache_key: a.out.assist!.cache_key });
      expect(b.out.items).toEqual(a.out.items);
      expect(c.out.assist!.cache_hit).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
