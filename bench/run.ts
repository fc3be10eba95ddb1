// `npm run bench`: parsing speed and memory per format, against officeparser in the same run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDeck } from './deck.js';

const here = fileURLToPath(new URL('.', import.meta.url));
// Run from dist/bench: the repository root is two levels up, and shared/ sits beside it.
const repoRoot = join(here, '..', '..');
const corpusDir = join(repoRoot, '..', 'shared', 'corpus', 'real');
const work = mkdtempSync(join(tmpdir(), 'gradesheet-bench-'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function runChild(parser: string, files: string[], repeat: number) {
  const list = join(work, `${parser}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(list, JSON.stringify(files));
  const out = execFileSync(process.execPath, [join(here, 'parse-worker.js'), parser, list, String(repeat)], { maxBuffer: 64 << 20, encoding: 'utf8' });
  return JSON.parse(out) as { results: { file: string; bytes: number; ms: number[]; ok: boolean }[]; maxRssKb: number };
}

const deck = join(work, 'generated-50-slides.pptx');
writeFileSync(deck, await generateDeck(50));

const bombs = /ZIPBOMB|10006/;
const groups: Record<string, string[]> = {};
for (const fmt of ['md', 'docx', 'pdf', 'pptx']) {
  groups[fmt] = readdirSync(join(corpusDir, fmt)).filter((f) => !bombs.test(f)).map((f) => join(corpusDir, fmt, f));
}
groups['pptx (generated 50 slides)'] = [deck];

console.log(`Parsing benchmark: ${new Date().toISOString()}, node ${process.version}; median of 5 runs per file\n`);
console.log('| format | files | parser | median ms/file | total MB/s | peak RSS MB | refused |');
console.log('|---|---|---|---|---|---|---|');
for (const [fmt, files] of Object.entries(groups)) {
  for (const parser of ['gradesheet', 'officeparser']) {
    const { results, maxRssKb } = runChild(parser, files, 5);
    const medians = results.map((r) => median(r.ms));
    const totalMs = medians.reduce((a, b) => a + b, 0);
    const totalMb = results.reduce((a, r) => a + r.bytes, 0) / 1048576;
    console.log(`| ${fmt} | ${files.length} | ${parser} | ${median(medians).toFixed(2)} | ${(totalMb / (totalMs / 1000)).toFixed(1)} | ${(maxRssKb / 1024).toFixed(0)} | ${results.filter((r) => !r.ok).length} |`);
  }
}

console.log('\nZip bombs (each in its own process; goal: refused with peak RSS under 256 MB)\n');
console.log('| file | parser | ms | refused | peak RSS MB |');
console.log('|---|---|---|---|---|');
for (const f of readdirSync(join(corpusDir, 'docx')).filter((f) => bombs.test(f))) {
  const { results, maxRssKb } = runChild('gradesheet', [join(corpusDir, 'docx', f)], 1);
  const r = results[0]!;
  console.log(`| ${f} | gradesheet | ${r.ms[0]!.toFixed(0)} | ${r.ok ? 'no' : 'yes'} | ${(maxRssKb / 1024).toFixed(0)} |`);
}

// Grading overhead: a typical three-file submission, parse vs parse + grade, in this process.
{
  const { parseDocument } = await import('../src/documents/parse.js');
  const { forgetTexts, gradeDocuments } = await import('../src/grading/index.js');
  const { existsSync, readFileSync } = await import('node:fs');
  const submissionsDir = join(repoRoot, 'fixtures', 'submissions');
  console.log('\nGrading overhead on every three-file labeled submission (median of 20 runs each, text caches emptied before each grading; goal: grading adds at most 30% to parsing)\n');
  const typical = readdirSync(submissionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    // A submission still being written (no labels yet) is skipped, not fatal.
    .filter((id) => existsSync(join(submissionsDir, id, 'labels.json')))
    .filter((id) => Object.keys(JSON.parse(readFileSync(join(submissionsDir, id, 'labels.json'), 'utf8')).files).length === 3);
  const rows: { id: string; parse: number; grade: number }[] = [];
  for (const id of typical) {
    const names = Object.keys(JSON.parse(readFileSync(join(submissionsDir, id, 'labels.json'), 'utf8')).files as Record<string, string>);
    const uploads = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(submissionsDir, id, name))) }));
    const parseMs: number[] = [];
    const gradeMs: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      const docs = [];
      for (const u of uploads) docs.push(await parseDocument(u));
      // Grading pays for its text in full each time, as for a submission never seen before: what was
      // remembered per text on the previous run (money amounts, the literal index's scans) is forgotten.
      forgetTexts();
      const t1 = performance.now();
      gradeDocuments(docs);
      const t2 = performance.now();
      if (i > 0) {
        parseMs.push(t1 - t0);
        gradeMs.push(t2 - t1);
      }
    }
    rows.push({ id, parse: median(parseMs), grade: median(gradeMs) });
  }
  const ratios = rows.map((r) => r.grade / r.parse).sort((a, b) => a - b);
  const pct = (q: number) => `${(ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))]! * 100).toFixed(0)}%`;
  console.log('| submissions | median parse ms | median grade ms | grading adds: median | p25 | p75 | max |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(`| ${rows.length} | ${median(rows.map((r) => r.parse)).toFixed(1)} | ${median(rows.map((r) => r.grade)).toFixed(1)} | ${pct(0.5)} | ${pct(0.25)} | ${pct(0.75)} | ${pct(1)} |`);
}
