import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseOutputSchema } from '../src/documents/model.js';
import { sheetSchema } from '../src/grading/sheet.js';
import { corpusDir } from './helpers/corpus.js';

const run = promisify(execFile);
// `npm test` builds first: this is the command line users get (CONTRACT.md: node dist/cli.js).
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gradesheet-cli-'));

async function gradesheet(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('gradesheet parse', () => {
  it('prints the documents of several formats', async () => {
    const md = join(dir, 'Roadmap.md');
    writeFileSync(md, '# Roadmap\n\n## Q1\n\nLaunch the pilot in March.\n');
    const r = await gradesheet('parse', md, corpusDir + 'pptx/googleslides_sample_table_notes.pptx', corpusDir + 'docx/comments_mammoth.docx');
    expect(r.code).toBe(0);
    const out = parseOutputSchema.parse(JSON.parse(r.stdout));
    expect(out.documents.map((d) => d.format)).toEqual(['markdown', 'pptx', 'docx']);
    expect(out.documents[0]!.sections[0]).toMatchObject({ path: ['Roadmap', 'Q1'], location: 'line 5', text: 'Launch the pilot in March.' });
  });

  it('exits 2 and names the file when one is unusable', async () => {
    const fake = join(dir, 'Year1 cost.pptx');
    writeFileSync(fake, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = await gradesheet('parse', fake);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unsupported_format: Year1 cost\.pptx is not a document/);
    const bomb = await gradesheet('parse', corpusDir + 'docx/edge_ZIPBOMB_600MB_document_xml.docx');
    expect(bomb.code).toBe(2);
    expect(bomb.stderr).toMatch(/zip_bomb: edge_ZIPBOMB_600MB_document_xml\.docx/);
  });

  it('exits 2 on a missing file and on no files', async () => {
    expect((await gradesheet('parse', join(dir, 'nope.md'))).code).toBe(2);
    expect((await gradesheet('parse')).code).toBe(2);
  });
});

describe('gradesheet grade', () => {
  it('prints the sheet, exit 0 even when a deliverable is missing', async () => {
    const md = join(dir, 'plan.md');
    writeFileSync(md, '# Roadmap\n\n## Q1\n\nLaunch the pilot in March; activation +10% by April.\n');
    const r = await gradesheet('grade', md);
    expect(r.code).toBe(0);
    const sheet = sheetSchema.parse(JSON.parse(r.stdout));
    expect(sheet.rubric).toBe('ai-product-leader');
    expect(sheet.warnings).toContain('no cost slide found: cost_model scores 0; cost read from the other files');
    expect(sheet.warnings.some((w) => w.startsWith('no Responsible AI policy found: governance, policy_coverage score 0'))).toBe(true);
  });

  it('takes a custom rubric and refuses an invalid one', async () => {
    const md = join(dir, 'plan2.md');
    writeFileSync(md, '# Roadmap\n\nLaunch in March.\n');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'acme', items: [] }));
    const r = await gradesheet('grade', md, '--rubric', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid_rubric: .*bad\.json is not a valid rubric/);
  });
});
