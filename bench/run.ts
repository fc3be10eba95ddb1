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
