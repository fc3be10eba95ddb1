// `gradesheet grade --llm` against a loopback OpenAI server (OPENAI_BASE_URL), as users run it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRubric, sheetSchema } from '../src/grading/index.js';
import { modelAnswer } from './helpers/assist-docs.js';
import { startFakeOpenAI, type FakeOpenAI } from './helpers/fake-openai.js';
import { submissionsDir } from './helpers/service.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const items = defaultRubric.items.map((i) => i.id);
const flags = defaultRubric.red_flags.map((f) => f.id);
const strong = ['roadmap.md', 'RAI_Policy_v2.docx', 'Year1_Cost_Model.pptx'].map((f) => join(submissionsDir, '01-support-copilot-strong', f));
const mediocre = ['costs.md', 'policy.txt', 'roadmap.md'].map((f) => join(submissionsDir, '03-sales-email-mediocre', f));

function gradesheet(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('gradesheet grade --llm', () => {
  let fake: FakeOpenAI;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    fake = await startFakeOpenAI(() => ({ answer: modelAnswer(items, flags, { score: 2 }), usage: { prompt_tokens: 2_500, completion_tokens: 400 } }));
    dataDir = mkdtempSync(join(tmpdir(), 'gradesheet-cli-llm-'));
    env = { DATA_DIR: dataDir, GRADESHEET_LLM_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'sk-cli-test', OPENAI_BASE_URL: fake.url, GRADESHEET_LLM_MAX_RETRIES: '0' };
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds the model’s opinion; the second run over the same files is answered from the cache', async () => {
    const first = await gradesheet(['grade', ...strong, '--llm'], env);
    expect(first.code).toBe(0);
    const a = sheetSchema.parse(JSON.parse(first.stdout));
    expect(a.assist).toMatchObject({ status: 'ok', model: 'gpt-4o-mini', cache_hit: false, input_tokens: 2_500, output_tokens: 400 });
    expect(a.items.kpis!.model).toMatchObject({ score: 2 });
    expect(first.stderr).toMatch(/LLM assist \(gpt-4o-mini\): 2500 input \+ 400 output tokens, about \$0\.0006/);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.authorization).toBe('Bearer sk-cli-test');

    const second = await gradesheet(['grade', ...strong, '--llm'], env);
    expect(second.code).toBe(0);
    const b = sheetSchema.parse(JSON.parse(second.stdout));
    expect(b.assist).toMatchObject({ status: 'ok', cache_hit: true, input_tokens: 0, cost_usd: 0 });
    expect(b.items).toEqual(a.items);
    expect(second.stderr).toMatch(/answered from the cache, no cost/);
    expect(fake.calls).toHaveLength(1);
  });

  it('without --llm nothing is sent', async () => {
    const r = await gradesheet(['grade', ...strong], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).assist).toBeUndefined();
    expect(fake.calls).toHaveLength(1);
  });

  it('a failing model still prints the sheet (exit 0), with a warning and attention marks', async () => {
    fake.script(() => ({ status: 503 }));
    const r = await gradesheet(['grade', ...mediocre, '--llm'], env);
    expect(r.code).toBe(0);
    const sheet = sheetSchema.parse(JSON.parse(r.stdout));
    expect(sheet.assist).toMatchObject({ status: 'failed', error: 'server error (503)' });
    expect(Object.values(sheet.items).every((i) => i.needs_attention)).toBe(true);
    expect(r.stderr).toMatch(/failed: server error \(503\)/);
  });

  it('exits 2 when no model is configured', async () => {
    const r = await gradesheet(['grade', ...strong, '--llm'], { DATA_DIR: dataDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--llm needs a model: set GRADESHEET_LLM_MODEL/);
    const noKey = await gradesheet(['grade', ...strong, '--llm'], { DATA_DIR: dataDir, GRADESHEET_LLM_MODEL: 'gpt-4o-mini' });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/OPENAI_API_KEY is not/);
  });
});
