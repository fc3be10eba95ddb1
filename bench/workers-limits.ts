/**
 * CPU time and memory of parsing + grading one submission under workerd (`npm run bench:workers`),
 * against the Workers limits (README, "Workers limits"):
 * - CPU: `wrangler dev --local` with wrangler.bench.toml, POST /__bench (src/workers/bench.ts)
 *   times parsing each file and grading them inside the isolate (performance.now; locally the
 *   clock runs during CPU work). Median of 5 runs after a warm-up, and the first (cold) run.
 * - Memory: workerd exposes no per-isolate heap figure, so two stand-ins: the growth of the
 *   workerd process's peak RSS (VmHWM, reset before each case) while it handles the case, and the
 *   peak RSS growth of a fresh Node process parsing and grading the same files.
 * Cases: a typical submission (DOCX + PDF + PPTX fixtures), the largest real files of the corpus,
 * and generated files at the Workers caps (a 100-page PDF, a 200-slide deck, a DOCX at the text
 * cap), and files over a cap, to show what their refusal costs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, HeadingLevel } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { projectRoot, startWranglerDev } from '../test/helpers/wrangler-dev.js';
import { generateDeck } from './deck.js';

const root = projectRoot();
const fixtures = join(root, 'fixtures', 'submissions');
const corpus = join(root, '..', 'shared', 'corpus', 'real');

interface Case {
  label: string;
  files: string[];
}

async function bigPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Section ${p}: rollout and governance`, { x: 50, y: 790, size: 18, font });
    for (let l = 0; l < 20; l++) {
      page.drawText(`Line ${l + 1}: the support copilot reaches 55% deflection by month ${(l % 12) + 1}; latency p95 stays under 2 s, cost per ticket under $0.40.`, { x: 50, y: 760 - l * 30, size: 10, font });
    }
  }
  return pdf.save();
}

async function bigDocx(paragraphs: number): Promise<Uint8Array> {
  const children: Paragraph[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) children.push(new Paragraph({ text: `Phase ${i / 50 + 1}: milestones and KPIs`, heading: HeadingLevel.HEADING_2 }));
    children.push(new Paragraph({ text: `Milestone ${i}: by month ${(i % 12) + 1} the claims triage model routes 60% of simple claims with 95% precision; the CFO approves the budget gate and the risk committee reviews incidents weekly.` }));
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function largest(dir: string, ext: string): string {
  const files = readdirSync(join(corpus, ext)).filter((f) => f.endsWith(`.${ext}`) && !/invalid|needs_repair|ZIP_|encrypted|bomb/i.test(f));
  files.sort((a, b) => readFileSync(join(corpus, ext, b)).length - readFileSync(join(corpus, ext, a)).length);
  return join(corpus, ext, files[0]!);
}

/** Child mode: parse + grade the files in this fresh process as the Worker would; print peak RSS growth. */
async function child(paths: string[]): Promise<void> {
  const { parseDocument } = await import('../src/documents/parse.js');
  const { gradeDocuments } = await import('../src/grading/index.js');
  const { workersParser } = await import('../src/workers/config.js');
  const parse = workersParser({ MAX_FILE_MB: 10, MAX_FILE_CHARACTERS: 300_000 });
  const inputs = paths.map((p) => ({ name: basename(p), bytes: new Uint8Array(readFileSync(p)) }));
  // Warm the modules on a tiny file, so the growth is the case's, not the code's.
  gradeDocuments([await parseDocument({ name: 'warm.md', bytes: new TextEncoder().encode('# Roadmap\n\nQ1 pilot.\n') })]);
  (globalThis as { gc?: () => void }).gc?.();
  const before = Math.max(process.resourceUsage().maxRSS * 1024, process.memoryUsage().rss);
  let refused = false;
  try {
    const docs = [];
    for (const u of inputs) docs.push(await parse(u));
    gradeDocuments(docs);
  } catch {
    refused = true;
  }
  const after = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ peak_rss_growth_mb: (after - before) / 1048576, refused }));
}

function workerdPids(group: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid=,comm='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([, pgid, comm]) => Number(pgid) === group && comm === 'workerd')
    .map(([pid]) => Number(pid));
}

const status = (pid: number, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function post(base: string, paths: string[]): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const p of paths) form.append('file', new Blob([readFileSync(p)]), basename(p));
  const res = await fetch(`${base}/__bench`, { method: 'POST', body: form });
  return { status: res.status, body: await res.json() };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (paths: string[]) => paths.reduce((n, p) => n + readFileSync(p).length, 0) / 1048576;

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv.slice(3));
  const work = mkdtempSync(join(tmpdir(), 'gradesheet-workers-bench-'));
  const write = (name: string, bytes: Uint8Array) => {
    const p = join(work, name);
    writeFileSync(p, bytes);
    return p;
  };
  const claims = join(fixtures, '02-claims-triage-strong');
  const cases: Case[] = [
    { label: 'typical submission: DOCX + PDF + PPTX fixtures (02)', files: ['Claims AI Roadmap.docx', 'Responsible AI policy.pdf', 'cost-slide.pptx'].map((f) => join(claims, f)) },
    { label: 'largest real PPTX of the corpus', files: [largest(corpus, 'pptx')] },
    { label: 'largest real PDF of the corpus', files: [largest(corpus, 'pdf')] },
    { label: 'largest real DOCX of the corpus', files: [largest(corpus, 'docx')] },
    { label: 'generated: 100-page PDF (the page cap)', files: [write('report-100p.pdf', await bigPdf(100))] },
    { label: 'generated: 200-slide deck, tables and notes (the slide cap)', files: [write('deck-200.pptx', await generateDeck(200))] },
    { label: 'generated: DOCX of ~290,000 characters (the text cap)', files: [write('roadmap-290k.docx', await bigDocx(1_580))] },
    { label: 'refused: DOCX of ~3.5 MB of XML (read, then over the text cap)', files: [write('roadmap-3mb-xml.docx', await bigDocx(13_000))] },
    { label: 'refused: DOCX of ~5 MB of XML (over the part cap while inflating)', files: [write('roadmap-5mb-xml.docx', await bigDocx(19_000))] },
    { label: 'refused: 101-page PDF (over the page cap)', files: [write('report-101p.pdf', await bigPdf(101))] },
  ];
  const rows: string[] = [];
  try {
    for (const c of cases) {
      // A fresh workerd per case: its peak RSS then tells what this case added.
      const dev = await startWranglerDev({ config: join(root, 'wrangler.bench.toml') });
      try {
        const pid = workerdPids(dev.pid).sort((a, b) => status(b, 'VmRSS') - status(a, 'VmRSS'))[0];
        const rssBefore = pid ? status(pid, 'VmRSS') : 0;
        if (pid) writeFileSync(`/proc/${pid}/clear_refs`, '5');
        const cold = await post(dev.base, c.files);
        const hwm = pid ? status(pid, 'VmHWM') - rssBefore : NaN;
        const warm = [];
        for (let i = 0; i < 5; i++) warm.push((await post(dev.base, c.files)).body as { parse_ms: number; grade_ms?: number });
        const node = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', ...c.files], { encoding: 'utf8' });
        const nodeMem = node.status === 0 ? `${(JSON.parse(node.stdout) as { peak_rss_growth_mb: number }).peak_rss_growth_mb.toFixed(0)} MB` : 'n/a';
        const outcome = cold.status === 200 ? `${cold.body.files.reduce((n: number, f: { characters: number }) => n + f.characters, 0).toLocaleString('en-US')} characters` : `${cold.status} ${cold.body.error.code}`;
        const grade = cold.status === 200 ? `${median(warm.map((r) => r.grade_ms ?? 0)).toFixed(0)} ms` : '—';
        rows.push(`| ${c.label} | ${mb(c.files).toFixed(2)} MB | ${outcome} | ${cold.body.parse_ms.toFixed(0)} ms / ${median(warm.map((r) => r.parse_ms)).toFixed(0)} ms | ${grade} | ${hwm.toFixed(0)} MB | ${nodeMem} |`);
      } finally {
        await dev.stop();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log('| case | upload | read | parse in workerd (first / median of 5 more) | grade in workerd (median) | workerd peak RSS growth (first request) | Node peak RSS growth |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
