/**
 * PDF reader: the text layer of every page → mdast, with pdf.js (the serverless build bundled
 * by `unpdf`, so it also runs on Cloudflare Workers: no `fs`, no Node-only APIs here).
 *
 * pdf.js runs offline and quiet: no CMap / standard-font / wasm fetching, no system fonts,
 * no font faces, no `eval`, verbosity 0. It gets a copy of the bytes (it may transfer them).
 * `getDocument` comes from unpdf's `getResolvedPDFJS()` rather than `getDocumentProxy()` so the
 * loading task can be destroyed when opening fails; the document is always destroyed after use.
 *
 * Layout, per page:
 * - Text items are grouped by writing angle (rotated text is read in its own frame, after the
 *   page's main text), then into lines by baseline (vertical overlap of the items' bands, with
 *   pdf.js' `hasEOL` keeping a new line from joining the previous one), sorted by x. A space is
 *   inserted where items leave a horizontal gap; a gap of about a font size or more splits the
 *   line into fragments (table cells, or the two halves of a two-column line).
 * - Two-column layouts: a gutter is looked for in the middle of the page; stretches of lines
 *   that do not cross it, with prose-like fragments on both sides, are read left column first,
 *   then right column. Lines that cross the gutter (titles, wide figures) split those stretches.
 * - Font size of a line = largest item size (small lone glyphs such as drop caps ignored).
 *   Body size = the most common size, weighted by characters, over the whole document. Short
 *   lines ≥ 1.15× the body size become headings (depth by distinct larger size, largest → 1);
 *   short numbered or title-like lines ≥ 1.05× ("1 Introduction", "Abstract") too. Consecutive
 *   heading lines of one size merge into one heading.
 * - Body lines become paragraphs, split on vertical gaps (> 1.5× the font size and > 1.3× the
 *   usual line spacing), size changes, first-line indents and short sentence-ending lines.
 *   Lines are joined with spaces; "exam-\nple" becomes "example" only when lowercase on both
 *   sides. Lines starting with a bullet (•, ◦, ▪, -, *, –, "1.", "a)") become list items
 *   (nested lists are flattened). Runs of two or more lines made of several widely spaced
 *   fragments become tables (columns found by overlapping x ranges); when the cells do not
 *   line up, the rows are kept as lines with cells joined by " | ".
 * - A lone page number ("12", "Page 3 of 9") or a running title with its page number
 *   ("Key questions | 9") as the top or bottom line of a page is dropped. Dot leaders shrink
 *   to "…", and table-of-contents entries stay one per paragraph.
 * Every top-level node carries `data.location = "page N"` (1-based).
 *
 * Errors (all GradesheetError, naming the file): a user password → `encrypted_file` (an
 * owner-password-only PDF opens and is read); unreadable structure, truncated or not a PDF, or
 * a page pdf.js cannot read → `corrupt_file`; more than `limits.maxPdfPages` pages →
 * `too_many_pages` (chosen over reading only the first pages: a silently cut submission would
 * be graded on part of its content); (almost) no real words in the text layer → `no_text_layer`.
 *
 * Not supported: OCR (scans are refused, garbled OCR layers are returned as they are when they
 * hold real words), non-embedded CJK fonts that need pdf.js' predefined CMaps (not fetched),
 * right-to-left reordering beyond what pdf.js does, more than two columns, nested lists,
 * bold-only headings at body size (pdf.js text content carries no font weight), running
 * headers/footers without a page number (kept as text), annotations, form fields and XFA.
 */
import type { List, ListItem, RootContent, Table, TableRow } from 'mdast';
import { getResolvedPDFJS } from 'unpdf';
import { GradesheetError } from '../../errors.js';
import { mdast, type Reader, type ReadContext, type ReadResult } from '../ir.js';

// ---------------------------------------------------------------------------------------------
// pdf.js access

/** The part of a pdf.js text item this reader uses. */
interface RawItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface OpenedPdf {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): unknown }>;
  destroy(): Promise<void>;
}

/** Options that keep pdf.js offline (nothing fetched) and quiet. */
const pdfjsOptions = {
  isEvalSupported: false,
  verbosity: 0,
  useSystemFonts: false,
  disableFontFace: true,
  useWorkerFetch: false,
  useWasm: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  enableXfa: false,
  fontExtraProperties: false,
  stopAtErrors: false,
  disableRange: true,
  disableStream: true,
  disableAutoFetch: true,
  cMapUrl: undefined,
  standardFontDataUrl: undefined,
  wasmUrl: undefined,
  iccUrl: undefined,
} as const;

async function openPdf(bytes: Uint8Array, file: string): Promise<OpenedPdf> {
  const { getDocument } = await getResolvedPDFJS();
  // A copy: pdf.js may transfer (detach) the buffer it is given.
  const task = getDocument({ ...pdfjsOptions, data: bytes.slice() });
  try {
    return (await task.promise) as unknown as OpenedPdf;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw openError(e, file);
  }
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string' ? e.name : '';
}

function openError(e: unknown, file: string): GradesheetError {
  if (errorName(e) === 'PasswordException') {
    return new GradesheetError(
      'encrypted_file',
      `${file} is protected by a password. Remove the password (in Acrobat, Preview or your editor: save or export a copy without it) and upload it again.`,
      { file, cause: e },
    );
  }
  return corrupt(file, e);
}

function corrupt(file: string, cause: unknown, detail = ''): GradesheetError {
  return new GradesheetError(
    'corrupt_file',
    `${file} is damaged or not a PDF that can be read${detail}. Export it again as PDF from your editor (or re-download the original) and upload the new copy.`,
    { file, cause },
  );
}

// ---------------------------------------------------------------------------------------------
// Text items → lines

/** A text item in the frame of its writing direction: x grows along the text, y upwards. */
interface Glyph {
  str: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** pdf.js marked a line end between the previous item (in content order) and this one. */
  eolBefore: boolean;
  /** Index in content order. */
  seq: number;
}

interface Fragment {
  glyphs: Glyph[];
  x0: number;
  x1: number;
  text: string;
}

interface Line {
  /** Baseline of the line's largest item. */
  y: number;
  /** Vertical band of the line's largest item. */
  bottom: number;
  top: number;
  size: number;
  glyphs: Glyph[];
  frags: Fragment[];
  x0: number;
  x1: number;
}

/** A line placed in reading order. */
interface FlowLine {
  line: Line;
  frags: Fragment[];
  x0: number;
  x1: number;
  /** Lines of one flow (angle group, region, column) may continue each other's paragraphs. */
  flow: string;
  /** Left edge of the flow's text (for first-line indents). */
  flowLeft: number;
  flowRight: number;
}

const BAND_BELOW = 0.2;
const BAND_ABOVE = 0.8;
/**
 * A horizontal gap of at least STRONG_GAP × font size splits a line into fragments (cells,
 * columns); one of at least WEAK_GAP × font size only when the text after it starts at the x
 * where a fragment of a nearby line starts too (a column), not in justified prose.
 */
const STRONG_GAP = 2.0;
const WEAK_GAP = 1.0;
/** A gap of at least this × font size between two items gets a space. */
const SPACE_GAP = 0.15;

function glyphsOfPage(items: unknown[]): Map<number, Glyph[]> {
  const groups = new Map<number, Glyph[]>();
  let eolPending = false;
  let seq = 0;
  for (const raw of items) {
    if (typeof raw !== 'object' || raw === null || !('str' in raw) || !('transform' in raw)) continue;
    const item = raw as RawItem;
    const eolBefore = eolPending;
    // Skipped items (blank ones carry most line ends) pass their line end on to the next item.
    eolPending ||= item.hasEOL;
    const str = cleanText(item.str);
    if (str.trim() === '') continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
    if (![a, b, c, d, e, f].every(Number.isFinite)) continue;
    let angle = Math.round((Math.atan2(b, a) * 180) / Math.PI);
    if (angle === -180) angle = 180;
    const size = Math.hypot(c, d) || item.height || Math.hypot(a, b);
    if (!(size > 0.5) || size > 2000) continue;
    eolPending = item.hasEOL;
    const rad = (angle * Math.PI) / 180;
    const cos = Math.cos(rad);
    const sin = Math.sin(rad);
    const x = e * cos + f * sin;
    const y = -e * sin + f * cos;
    const width = item.width > 0 && Number.isFinite(item.width) ? item.width : str.length * size * 0.5;
    const key = nearestAngle(groups, angle);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push({ str, x0: x, x1: x + width, y, size, eolBefore, seq: seq++ });
  }
  return groups;
}

function nearestAngle(groups: Map<number, Glyph[]>, angle: number): number {
  for (const k of groups.keys()) if (Math.abs(k - angle) <= 2) return k;
  return angle;
}

function buildLines(glyphs: Glyph[]): Line[] {
  const sorted = [...glyphs].sort((p, q) => q.y - p.y || p.x0 - q.x0);
  const lineOf = new Map<number, Line>();
  const bySeq = new Map<number, Glyph>();
  for (const g of glyphs) bySeq.set(g.seq, g);
  const lines: Line[] = [];
  for (const g of sorted) {
    const bottom = g.y - BAND_BELOW * g.size;
    const top = g.y + BAND_ABOVE * g.size;
    const prev = g.eolBefore ? bySeq.get(g.seq - 1) : undefined;
    const prevLine = prev ? lineOf.get(prev.seq) : undefined;
    let best: Line | undefined;
    let bestOverlap = 0;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 4; i--) {
      const line = lines[i]!;
      // pdf.js saw a line break right before this item: do not join the line of the item before
      // it when the two sit on clearly different baselines (tight leading; not for superscripts).
      if (line === prevLine && prev && prev.size >= 0.9 * g.size && Math.abs(prev.y - g.y) > 0.5 * g.size) continue;
      const overlap = Math.min(top, line.top) - Math.max(bottom, line.bottom);
      const need = 0.5 * Math.min(top - bottom, line.top - line.bottom);
      if (overlap >= need && overlap > bestOverlap) {
        best = line;
        bestOverlap = overlap;
      }
    }
    if (best) {
      best.glyphs.push(g);
      if (g.size > best.size * 1.05) {
        best.size = g.size;
        best.y = g.y;
        best.bottom = bottom;
        best.top = top;
      }
    } else {
      best = { y: g.y, bottom, top, size: g.size, glyphs: [g], frags: [], x0: 0, x1: 0 };
      lines.push(best);
    }
    lineOf.set(g.seq, best);
  }
  const pieces = lines.map(splitLine);
  // Starts of the pieces of every line, for the alignment test of weak gaps.
  const starts = new Map<number, { y: number; line: number; x: number }[]>();
  pieces.forEach((ps, k) => {
    for (const p of ps) {
      const x = p[0]!.x0;
      const bucket = starts.get(Math.round(x)) ?? [];
      bucket.push({ x, y: lines[k]!.y, line: k });
      starts.set(Math.round(x), bucket);
    }
  });
  const alignedStart = (k: number, x: number, y: number, size: number): boolean => {
    for (let b = Math.round(x) - 2; b <= Math.round(x) + 2; b++) {
      for (const s of starts.get(b) ?? []) if (s.line !== k && Math.abs(s.x - x) <= 1.5 && Math.abs(s.y - y) <= 8 * size) return true;
    }
    return false;
  };
  pieces.forEach((ps, k) => {
    const line = lines[k]!;
    const frags: Glyph[][] = [];
    for (const piece of ps) {
      const last = frags[frags.length - 1];
      if (last) {
        const gap = piece[0]!.x0 - maxOf(last, (g) => g.x1);
        const size = Math.max(piece[0]!.size, last[last.length - 1]!.size);
        if (gap < STRONG_GAP * size && !alignedStart(k, piece[0]!.x0, line.y, size)) {
          last.push(...piece);
          continue;
        }
      }
      frags.push([...piece]);
    }
    // A lone bullet or item number belongs to the text after it.
    for (let i = 0; i + 1 < frags.length; i++) {
      const text = frags[i]!.map((g) => g.str).join('').trim();
      if (LONE_BULLET.test(text) && frags[i + 1]![0]!.x0 - maxOf(frags[i]!, (g) => g.x1) < 4 * line.size) {
        frags.splice(i, 2, [...frags[i]!, ...frags[i + 1]!]);
      }
    }
    line.frags = frags.map(makeFragment).filter((f) => f.text !== '');
    if (line.frags.length > 0) {
      line.x0 = minOf(line.frags, (f) => f.x0);
      line.x1 = maxOf(line.frags, (f) => f.x1);
    }
    line.size = lineSize(line.glyphs);
  });
  return lines.filter((l) => l.frags.length > 0).sort((p, q) => q.y - p.y);
}

/** Sorts and de-duplicates a line's items; splits them at every gap of WEAK_GAP or more. */
function splitLine(line: Line): Glyph[][] {
  const gs = line.glyphs.sort((p, q) => p.x0 - q.x0 || p.seq - q.seq);
  // Drop overprinted duplicates ("fake bold": the same string drawn twice, slightly shifted).
  const kept: Glyph[] = [];
  for (const g of gs) {
    let dup = false;
    for (let i = kept.length - 1; i >= 0 && i >= kept.length - 8; i--) {
      const k = kept[i]!;
      if (k.str === g.str && Math.abs(k.x0 - g.x0) < 0.3 * g.size && Math.abs(k.y - g.y) < 0.3 * g.size) dup = true;
    }
    if (!dup) kept.push(g);
  }
  line.glyphs = kept;
  const pieces: Glyph[][] = [];
  let cur: Glyph[] = [];
  let curX1 = -Infinity;
  for (const g of kept) {
    if (cur.length > 0 && g.x0 - curX1 >= WEAK_GAP * Math.max(g.size, cur[cur.length - 1]!.size)) {
      pieces.push(cur);
      cur = [];
    }
    cur.push(g);
    curX1 = cur.length === 1 ? g.x1 : Math.max(curX1, g.x1);
  }
  if (cur.length > 0) pieces.push(cur);
  return pieces;
}

function makeFragment(glyphs: Glyph[]): Fragment {
  let text = '';
  let x1 = -Infinity;
  for (const g of glyphs) {
    if (text !== '') {
      const gap = g.x0 - x1;
      if (gap > SPACE_GAP * g.size && !/\s$/.test(text) && !/^\s/.test(g.str)) text += ' ';
    }
    text += g.str;
    x1 = Math.max(x1, g.x1);
  }
  // Dot leaders ("Diagnosis ........ 13") shrink to an ellipsis.
  text = text.replace(/\s*\.{5,}\s*/g, ' … ');
  return { glyphs, x0: glyphs[0]!.x0, x1, text: text.replace(/\s+/g, ' ').trim() };
}

/** Largest item size, ignoring lone small pieces (a drop cap, a big symbol) in longer lines. */
function lineSize(glyphs: Glyph[]): number {
  const total = glyphs.reduce((n, g) => n + letterCount(g.str), 0);
  let size = 0;
  for (const g of glyphs) {
    const n = letterCount(g.str);
    if (total <= 3 || n >= 2 || n >= total * 0.25) size = Math.max(size, g.size);
  }
  return size || maxOf(glyphs, (g) => g.size);
}

// ---------------------------------------------------------------------------------------------
// Lines → reading order (two-column detection)

interface Side {
  frags: Fragment[];
}

function splitAt(line: Line, gutter: number): { left: Fragment[]; right: Fragment[]; crosses: boolean } {
  const left: Fragment[] = [];
  const right: Fragment[] = [];
  let crosses = false;
  for (const f of line.frags) {
    if (f.x1 <= gutter + 1) left.push(f);
    else if (f.x0 >= gutter - 1) right.push(f);
    else crosses = true;
  }
  return { left, right, crosses };
}

function isProse(side: Side, from: number, to: number): boolean {
  if (side.frags.length !== 1) return false;
  const f = side.frags[0]!;
  return f.x1 - f.x0 >= 0.5 * (to - from) && letterCount(f.text) >= 8;
}

/** The x of a column gutter, when the page (or angle group) is laid out in two columns. */
function findGutter(lines: Line[]): number | undefined {
  if (lines.length < 6) return undefined;
  const L = minOf(lines, (l) => l.x0);
  const R = maxOf(lines, (l) => l.x1);
  const W = R - L;
  if (W < 150) return undefined;
  const candidates = new Set<number>();
  for (const line of lines) {
    for (const f of line.frags) if (f.x0 > L + 0.25 * W && f.x0 < L + 0.75 * W) candidates.add(Math.round(f.x0) - 1);
    for (let i = 1; i < line.frags.length; i++) {
      const mid = (line.frags[i - 1]!.x1 + line.frags[i]!.x0) / 2;
      if (mid > L + 0.25 * W && mid < L + 0.75 * W) candidates.add(Math.round(mid));
    }
  }
  let best: number | undefined;
  let bestScore = 0;
  for (const g of candidates) {
    let leftProse = 0;
    let rightProse = 0;
    let crossing = 0;
    for (const line of lines) {
      const { left, right, crosses } = splitAt(line, g);
      if (crosses) {
        crossing++;
        continue;
      }
      if (isProse({ frags: left }, L, g)) leftProse++;
      if (isProse({ frags: right }, g, R)) rightProse++;
    }
    // Lines crossing a candidate only break ties (a page may mix one- and two-column parts).
    const score = Math.min(leftProse, rightProse) - crossing / 20;
    if (score > bestScore) {
      bestScore = score;
      best = g;
    }
  }
  return bestScore >= 4 ? best : undefined;
}

/** Lines of one angle group in reading order. */
function readingOrder(lines: Line[], groupKey: string): FlowLine[] {
  const out: FlowLine[] = [];
  const full = (line: Line, flow: string, left: number, right: number): FlowLine => ({
    line,
    frags: line.frags,
    x0: line.x0,
    x1: line.x1,
    flow,
    flowLeft: left,
    flowRight: right,
  });
  const gutter = findGutter(lines);
  const L = minOf(lines, (l) => l.x0);
  const R = maxOf(lines, (l) => l.x1);
  if (gutter === undefined) {
    for (const line of lines) out.push(full(line, groupKey, L, R));
    return out;
  }
  // Regions: maximal runs of lines that do not cross the gutter. Full-width lines between two
  // two-column regions form one flow.
  let region: Line[] = [];
  let columnRegions = 0;
  const flush = (): void => {
    if (region.length === 0) return;
    const parts = region.map((l) => ({ line: l, ...splitAt(l, gutter) }));
    const leftProse = parts.filter((p) => isProse({ frags: p.left }, L, gutter)).length;
    const rightProse = parts.filter((p) => isProse({ frags: p.right }, gutter, R)).length;
    if (leftProse >= 2 && rightProse >= 2) {
      const key = `${groupKey}/c${columnRegions++}`;
      for (const side of ['left', 'right'] as const) {
        const sideLines = parts.filter((p) => p[side].length > 0);
        const sl = minOf(sideLines, (p) => p[side][0]!.x0);
        const sr = maxOf(sideLines, (p) => p[side][p[side].length - 1]!.x1);
        for (const p of sideLines) {
          const frags = p[side];
          out.push({ line: p.line, frags, x0: frags[0]!.x0, x1: frags[frags.length - 1]!.x1, flow: `${key}/${side}`, flowLeft: sl, flowRight: sr });
        }
      }
    } else {
      for (const l of region) out.push(full(l, `${groupKey}/f${columnRegions}`, L, R));
    }
    region = [];
  };
  for (const line of lines) {
    if (splitAt(line, gutter).crosses) {
      flush();
      out.push(full(line, `${groupKey}/f${columnRegions}`, L, R));
    } else {
      region.push(line);
    }
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function cleanText(s: string): string {
  return (
    s
      // Private-use glyphs (Symbol/Wingdings bullets) → "•"; other unmapped glyphs are dropped.
      .replace(/[\uF0A7\uF0B7\uF076\uF0D8\uF0FC\uF06E\uF0A8\uF0D2]/g, '•')
      .replace(/[\uE000-\uF8FF\uFFFD\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\uFEFF]/g, '')
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\r\n]/g, ' ')
  );
}

/** Smallest / largest of `f` over `xs` (no argument spreading: pages can hold many items). */
function minOf<T>(xs: readonly T[], f: (x: T) => number): number {
  let m = Infinity;
  for (const x of xs) m = Math.min(m, f(x));
  return m;
}

function maxOf<T>(xs: readonly T[], f: (x: T) => number): number {
  let m = -Infinity;
  for (const x of xs) m = Math.max(m, f(x));
  return m;
}

function letterCount(s: string): number {
  let n = 0;
  for (const ch of s) if (/[\p{L}\p{N}]/u.test(ch)) n++;
  return n;
}

const BULLET = /^([•◦▪▫■□●○‣⁃►▶➢➤✓✔❖◆◇*\-–—])\s+(?=\S)/u;
const NUMBERED = /^(\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})([.)])\s+(?=\S)/;
const LONE_BULLET = /^([•◦▪▫■□●○‣⁃►▶➢➤✓✔❖◆◇*\-–—]|\d{1,3}[.)]|[a-z][.)])$/u;

function listMarker(text: string): { ordered: boolean; start?: number; rest: string } | undefined {
  const b = BULLET.exec(text);
  if (b) return { ordered: false, rest: text.slice(b[0].length) };
  const n = NUMBERED.exec(text);
  if (n) {
    const label = n[1]!;
    // "I. " / "A. " alone are as often initials or section labels as list items: only digits,
    // lowercase letters and lowercase roman numerals count.
    if (/^\d+$/.test(label)) return { ordered: true, start: Number(label), rest: text.slice(n[0].length) };
    if (/^[a-z]$/.test(label) || /^[ivx]+$/.test(label)) return { ordered: true, rest: text.slice(n[0].length) };
  }
  return undefined;
}

function joinLines(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  // "exam-" + "ple" → "example"; "Well-" + "Known" → "Well-Known"; a soft hyphen goes.
  if (/\p{Ll}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  if (/\p{L}-$/u.test(a) && /^[\p{L}\p{N}]/u.test(b)) return a + b;
  if (/\u00AD$/.test(a)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

const PAGE_NUMBER = /^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/|von|de)\s*\d{1,4})?$/i;
const ROMAN_PAGE = /^[ivxlc]{1,6}$/i;

// ---------------------------------------------------------------------------------------------
// Reader

interface PageFlow {
  page: number;
  lines: FlowLine[];
}

/** Flows of the page's main writing direction start with this. */
const MAIN = 'main';

export const readPdf: Reader = async (bytes: Uint8Array, ctx: ReadContext): Promise<ReadResult> => {
  const file = ctx.file;
  const pdf = await openPdf(bytes, file);
  try {
    const total = pdf.numPages;
    if (total > ctx.limits.maxPdfPages) {
      throw new GradesheetError(
        'too_many_pages',
        `${file} has ${total} pages; Gradesheet reads PDFs of at most ${ctx.limits.maxPdfPages} pages. Upload only the pages that hold your work (export or split that part as its own PDF).`,
        { file },
      );
    }
    const pages: PageFlow[] = [];
    for (let n = 1; n <= total; n++) {
      let items: unknown[];
      try {
        const page = await pdf.getPage(n);
        items = (await page.getTextContent()).items;
        page.cleanup();
      } catch (e) {
        if (e instanceof GradesheetError) throw e;
        throw corrupt(file, e, ` (page ${n} of ${total} cannot be read)`);
      }
      pages.push({ page: n, lines: layoutPage(items) });
    }
    const children = buildTree(pages);
    checkTextLayer(children, total, file);
    return { tree: { type: 'root', children }, stats: { pages: total } };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
};

function layoutPage(items: unknown[]): FlowLine[] {
  const groups = glyphsOfPage(items);
  // The angle with most text first (usually 0°), then the others (margin notes, rotated tables).
  const ordered = [...groups.entries()].sort((p, q) => charCount(q[1]) - charCount(p[1]));
  const out: FlowLine[] = [];
  ordered.forEach(([angle, glyphs], k) => {
    const lines = buildLines(glyphs);
    if (lines.length > 0) out.push(...readingOrder(lines, k === 0 ? MAIN : `a${angle}`));
  });
  dropPageNumbers(out);
  return out;
}

function charCount(gs: Glyph[]): number {
  return gs.reduce((n, g) => n + g.str.length, 0);
}

function dropPageNumbers(lines: FlowLine[]): void {
  // Only the main writing direction: rotated groups have coordinates of their own.
  const main = lines.filter((l) => l.flow.startsWith(MAIN));
  if (main.length < 2) return;
  const top = maxOf(main, (l) => l.line.y);
  const bottom = minOf(main, (l) => l.line.y);
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (!l.flow.startsWith(MAIN) || (l.line.y !== top && l.line.y !== bottom)) continue;
    const texts = l.frags.map((f) => f.text);
    const isNumber = (t: string): boolean => PAGE_NUMBER.test(t) || ROMAN_PAGE.test(t);
    // "12", "Page 3 of 9", "- 4 -"; or a running title with the number in its own cell ("Key questions | 9").
    const runningTitle = texts.length === 2 && (isNumber(texts[0]!) || isNumber(texts[1]!)) && texts.join(' ').length <= 80;
    if ((texts.length === 1 && isNumber(texts[0]!)) || runningTitle) lines.splice(i, 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Sizes → headings

const roundSize = (s: number): number => Math.round(s * 2) / 2;

/** Letters (and digits) per rounded font size over the whole document. */
function sizeWeights(pages: PageFlow[]): Map<number, number> {
  const weight = new Map<number, number>();
  for (const p of pages) {
    for (const fl of p.lines) {
      for (const f of fl.frags) {
        for (const g of f.glyphs) {
          const k = roundSize(g.size);
          weight.set(k, (weight.get(k) ?? 0) + letterCount(g.str));
        }
      }
    }
  }
  return weight;
}

/** The body size: the most common size, weighted by characters. */
function bodySize(weight: Map<number, number>): number {
  let best = 0;
  let bestW = -1;
  for (const [k, w] of weight) if (w > bestW || (w === bestW && k < best)) [best, bestW] = [k, w];
  return best || 10;
}

function lineText(frags: Fragment[], size: number): string {
  let text = '';
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i]!;
    if (i === 0) {
      text = f.text;
      continue;
    }
    const gap = f.x0 - frags[i - 1]!.x1;
    // A lone bullet or number followed by its text; otherwise wide gaps separate cells.
    const sep = (i === 1 && LONE_BULLET.test(frags[0]!.text)) || gap < 2 * size ? ' ' : ' | ';
    text += sep + f.text;
  }
  return text;
}

/** Fragments with a lone leading bullet merged into the text that follows it. */
function cells(frags: Fragment[]): Fragment[] {
  if (frags.length >= 2 && LONE_BULLET.test(frags[0]!.text)) {
    const [a, b] = [frags[0]!, frags[1]!];
    return [{ glyphs: [...a.glyphs, ...b.glyphs], x0: a.x0, x1: b.x1, text: `${a.text} ${b.text}` }, ...frags.slice(2)];
  }
  return frags;
}

function headingKind(text: string, size: number, body: number, cs: Fragment[]): boolean {
  const ratio = size / body;
  if (!/\p{L}/u.test(text)) return false;
  // Table rows are not headings; a section number set apart from its title is fine.
  if (cs.length > 2 || (cs.length === 2 && !/^[\dIVX.]{1,6}$/.test(cs[0]!.text))) return false;
  if (ratio >= 1.15 && text.length <= 120) return true;
  if (ratio >= 1.05 && text.length <= 80) {
    if (/^(\d{1,2}(\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-Z]\.)\s+\p{Lu}/u.test(text)) return true;
    const words = text.split(/\s+/);
    if (words.length <= 4 && /^\p{Lu}/u.test(text) && !/[.,;:]$/.test(text)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Lines → mdast blocks

interface Row {
  fl: FlowLine;
  cells: Fragment[];
  text: string;
  size: number;
  heading: boolean;
}

function buildTree(pages: PageFlow[]): RootContent[] {
  const weights = sizeWeights(pages);
  const body = bodySize(weights);
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
  // A size that carries a fifth of the text or more is a second body size, not a heading size.
  const headingSize = (size: number): boolean => (weights.get(roundSize(size)) ?? 0) < 0.2 * totalWeight;
  const rowsByPage = pages.map((p) =>
    p.lines.map((fl): Row => {
      const cs = cells(fl.frags);
      const size = fl.frags === fl.line.frags ? fl.line.size : lineSize(fl.frags.flatMap((f) => f.glyphs));
      const text = lineText(fl.frags, size);
      // Rotated text (margin stamps, sideways labels) is never a heading.
      const heading = fl.flow.startsWith(MAIN) && headingSize(size) && headingKind(text, size, body, cs);
      return { fl, cells: cs, text, size, heading };
    }),
  );
  // Heading depths: distinct heading sizes, largest first (sizes within 4% share a level).
  const levels: number[] = [];
  for (const size of rowsByPage.flat().filter((r) => r.heading).map((r) => r.size).sort((a, b) => b - a)) {
    if (levels.length === 0 || size < levels[levels.length - 1]! * 0.96) levels.push(size);
  }
  const depthOf = (size: number): 1 | 2 | 3 | 4 | 5 | 6 => {
    let i = levels.findIndex((l) => size >= l * 0.96);
    if (i < 0) i = levels.length - 1;
    return Math.min(6, Math.max(1, i + 1)) as 1 | 2 | 3 | 4 | 5 | 6;
  };

  const children: RootContent[] = [];
  for (let p = 0; p < pages.length; p++) {
    const location = `page ${pages[p]!.page}`;
    const rows = rowsByPage[p]!;
    const leading = typicalLeading(rows);
    const blocks: RootContent[] = [];
    let i = 0;
    while (i < rows.length) {
      const row = rows[i]!;
      if (row.heading) {
        let text = row.text.replace(/ \| /g, ' ');
        let j = i + 1;
        while (j < rows.length && j - i < 4) {
          const next = rows[j]!;
          if (!next.heading || next.fl.flow !== row.fl.flow || Math.abs(next.size - row.size) > 0.04 * row.size) break;
          if (vgap(rows[j - 1]!, next) > 1.6 * row.size) break;
          text = joinLines(text, next.text.replace(/ \| /g, ' '));
          j++;
        }
        blocks.push(mdast.heading(depthOf(row.size), text, location));
        i = j;
        continue;
      }
      const table = tableAt(rows, i, leading);
      if (table) {
        blocks.push({ ...table.node, data: { location } });
        i = table.end;
        continue;
      }
      const marker = listMarker(row.text);
      if (marker) {
        const list = listAt(rows, i, leading);
        blocks.push({ ...list.node, data: { location } });
        i = list.end;
        continue;
      }
      const para = paragraphAt(rows, i, leading);
      if (para.text !== '') blocks.push(mdast.paragraph(para.text, location));
      i = para.end;
    }
    children.push(...blocks);
  }
  return children;
}

/** Distance between the baselines of two consecutive rows (0 when not in one flow). */
function vgap(a: Row, b: Row): number {
  if (a.fl.flow !== b.fl.flow) return Infinity;
  return a.fl.line.y - b.fl.line.y;
}

/** The most common baseline distance between consecutive same-size rows of a page. */
function typicalLeading(rows: Row[]): Map<string, number> {
  const perFlow = new Map<string, number[]>();
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    const d = vgap(a, b);
    if (!Number.isFinite(d) || d <= 0 || Math.abs(a.size - b.size) > 0.1 * a.size) continue;
    const list = perFlow.get(a.fl.flow) ?? [];
    list.push(Math.round((d / a.size) * 20) / 20);
    perFlow.set(a.fl.flow, list);
  }
  const out = new Map<string, number>();
  for (const [flow, ds] of perFlow) {
    const counts = new Map<number, number>();
    for (const d of ds) counts.set(d, (counts.get(d) ?? 0) + 1);
    let best = 1.2;
    let bestN = 0;
    for (const [d, n] of counts) if (n > bestN || (n === bestN && d < best)) [best, bestN] = [d, n];
    out.set(flow, best);
  }
  return out;
}

/** Whether `b` continues the paragraph (or list item) that `a` ends. */
function continues(a: Row, b: Row, leading: Map<string, number>): boolean {
  if (b.heading) return false;
  if (a.fl.flow !== b.fl.flow) {
    // From the foot of a left column to the top of the right one, mid-sentence.
    return (
      a.fl.flow.endsWith('/left') &&
      b.fl.flow === a.fl.flow.replace(/\/left$/, '/right') &&
      Math.abs(a.size - b.size) <= 0.1 * a.size &&
      !/[.!?:;。]["”’)]?$/u.test(a.text) &&
      a.fl.x1 > a.fl.flowLeft + 0.8 * (a.fl.flowRight - a.fl.flowLeft)
    );
  }
  const d = vgap(a, b);
  if (!(d > 0)) return false;
  const size = Math.max(a.size, b.size);
  const lead = (leading.get(a.fl.flow) ?? 1.2) * a.size;
  if (d > Math.max(1.5 * size, 1.3 * lead)) return false;
  if (Math.abs(a.size - b.size) > 0.1 * Math.max(a.size, b.size)) return false;
  return true;
}

function paragraphAt(rows: Row[], start: number, leading: Map<string, number>): { text: string; end: number } {
  let text = rows[start]!.text;
  let i = start + 1;
  for (; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if (!continues(a, b, leading) || listMarker(b.text) || isTableRow(b)) break;
    const { flowLeft, flowRight } = b.fl;
    const width = flowRight - flowLeft;
    const indent = b.fl.x0 - flowLeft;
    const prevIndent = a.fl.x0 - flowLeft;
    // A first-line indent starts a new paragraph: b is indented, the lines around it are not
    // (a hanging indent, where the following lines stay indented, does not count).
    const c = rows[i + 1];
    const nextBack = c === undefined || c.fl.flow !== b.fl.flow || c.fl.x0 - flowLeft < 0.5 * b.size;
    if (indent > 0.8 * b.size && indent < 6 * b.size && prevIndent < 0.5 * b.size && nextBack && width > 150) break;
    // A table-of-contents entry ("Diagnosis … 13") stands alone.
    if (/…\s*\d{1,4}$/.test(a.text)) break;
    // A short line ending a sentence ends its paragraph.
    if (width > 150 && a.fl.x1 < flowLeft + 0.6 * width && /[.!?:。]["”’)]?$/u.test(a.text)) break;
    text = joinLines(text, b.text);
  }
  return { text: text.replace(/\s+/g, ' ').trim(), end: i };
}

function isTableRow(r: Row): boolean {
  return r.cells.length >= 2 && !r.heading;
}

function listAt(rows: Row[], start: number, leading: Map<string, number>): { node: List; end: number } {
  const first = listMarker(rows[start]!.text)!;
  const items: string[] = [];
  let i = start;
  let prevItemRow = rows[start]!;
  while (i < rows.length) {
    const row = rows[i]!;
    const m = listMarker(row.text);
    if (!m || m.ordered !== first.ordered || row.heading) break;
    if (i > start) {
      const gap = vgap(rows[i - 1]!, row);
      const lead = (leading.get(row.fl.flow) ?? 1.2) * row.size;
      if (!(gap > 0) || gap > Math.max(2.5 * row.size, 2 * lead) || Math.abs(row.fl.x0 - prevItemRow.fl.x0) > 4 * row.size) break;
    }
    let text = m.rest;
    const textX = row.cells[0]!.glyphs.find((g) => !LONE_BULLET.test(g.str.trim()))?.x0 ?? row.fl.x0;
    let j = i + 1;
    for (; j < rows.length; j++) {
      const b = rows[j]!;
      if (!continues(rows[j - 1]!, b, leading) || listMarker(b.text) || isTableRow(b)) break;
      // Continuation lines hang under the item's text (or at least right of its bullet).
      if (b.fl.x0 < Math.min(textX, row.fl.x0 + 0.3 * row.size) - 1) break;
      text = joinLines(text, b.text);
    }
    items.push(text.replace(/\s+/g, ' ').trim());
    prevItemRow = row;
    i = j;
  }
  const node: List = {
    type: 'list',
    ordered: first.ordered,
    spread: false,
    children: items.map(
      (t): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: t }] }] }),
    ),
  };
  if (first.ordered && first.start !== undefined) node.start = first.start;
  return { node, end: i };
}

/**
 * A table starting at `start`: two or more consecutive rows of several widely spaced cells (single
 * short cells that line up with a column may sit in between). Columns are the overlapping x ranges
 * of the cells. When a row puts two cells in one column the run is kept as " | " lines instead.
 */
function tableAt(rows: Row[], start: number, leading: Map<string, number>): { node: RootContent; end: number } | undefined {
  const first = rows[start]!;
  if (!isTableRow(first)) return undefined;
  const run: Row[] = [first];
  const starts = first.cells.map((c) => c.x0);
  for (let i = start + 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if (b.heading || a.fl.flow !== b.fl.flow) break;
    const d = vgap(a, b);
    const lead = (leading.get(a.fl.flow) ?? 1.2) * a.size;
    if (!(d > 0) || d > Math.max(3 * Math.max(a.size, b.size), 1.5 * lead)) break;
    if (!isTableRow(b)) {
      const c = b.cells[0]!;
      if (b.cells.length !== 1 || c.text.length > 40 || !starts.some((x) => Math.abs(x - c.x0) < 2)) break;
    }
    run.push(b);
    starts.push(...b.cells.map((c) => c.x0));
  }
  while (run.length > 0 && !isTableRow(run[run.length - 1]!)) run.pop();
  const end = start + run.length;
  if (run.length < 2) return undefined;
  const grid = alignCells(run);
  // Mostly one-character cells are split-up formulas or scattered labels, not a table.
  const filled = run.flatMap((r) => r.cells);
  if (filled.reduce((n, c) => n + letterCount(c.text), 0) < 2 * filled.length) return undefined;
  if (grid) {
    const node: Table = {
      type: 'table',
      children: grid.map((cs): TableRow => ({ type: 'tableRow', children: cs.map((c) => ({ type: 'tableCell', children: [{ type: 'text', value: c }] })) })),
    };
    return { node, end };
  }
  // A caption-like first row spanning several columns: it becomes a paragraph, the rest a table.
  if (run.length >= 3 && alignCells(run.slice(1))) return undefined;
  const text = run.map((r) => r.cells.map((c) => c.text).join(' | ')).join('\n');
  return { node: mdast.paragraph(text), end };
}

/** The cells of the rows on a grid of columns (overlapping x ranges), or undefined when they do not line up. */
function alignCells(run: Row[]): string[][] | undefined {
  // Columns: union of overlapping cell ranges.
  const ranges = run.flatMap((r) => r.cells.map((c) => [c.x0, c.x1] as [number, number])).sort((p, q) => p[0] - q[0]);
  const cols: [number, number][] = [];
  for (const [x0, x1] of ranges) {
    const last = cols[cols.length - 1];
    if (last && x0 <= last[1] - 0.5) last[1] = Math.max(last[1], x1);
    else cols.push([x0, x1]);
  }
  if (cols.length < 2 || cols.length > 20) return undefined;
  const grid: string[][] = [];
  for (const r of run) {
    const cellsOut: string[] = cols.map(() => '');
    for (const c of r.cells) {
      const k = cols.findIndex(([x0, x1]) => c.x0 >= x0 - 0.5 && c.x1 <= x1 + 0.5);
      if (k < 0 || cellsOut[k] !== '') return undefined;
      cellsOut[k] = c.text;
    }
    grid.push(cellsOut);
  }
  return grid;
}

// ---------------------------------------------------------------------------------------------
// Scans

/** Words of two or more letters that look like language (a vowel in Latin words; any other script). */
function realWords(text: string): string[] {
  const out: string[] = [];
  for (const token of text.split(/[^\p{L}\p{M}'’]+/u)) {
    const w = token.replace(/^['’]+|['’]+$/g, '');
    if ([...w].length < 2) continue;
    if (/^[\p{Script=Latin}\p{M}'’]+$/u.test(w)) {
      if (!/[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ]/i.test(w) || /^(.)\1+$/i.test(w)) continue;
      if (w.length > 25) continue;
    }
    out.push(w.toLowerCase());
  }
  return out;
}

function collectText(node: RootContent | { children?: unknown; value?: unknown }, out: string[], page: string | undefined, perPage: Map<string, string[]>): void {
  const n = node as { value?: unknown; children?: unknown[]; data?: { location?: string } };
  const loc = n.data?.location ?? page;
  if (typeof n.value === 'string') {
    out.push(n.value);
    if (loc) (perPage.get(loc) ?? perPage.set(loc, []).get(loc)!).push(n.value);
  }
  if (Array.isArray(n.children)) for (const c of n.children) collectText(c as RootContent, out, loc, perPage);
}

/**
 * `no_text_layer` when the text layer holds (almost) no real words: fewer than 10 distinct words
 * in the whole file, or — from 4 pages on — fewer than a quarter of the pages with 5 or more words
 * (a scan with a few typed pages or a scanner's stamp on every page).
 */
function checkTextLayer(children: RootContent[], pages: number, file: string): void {
  const all: string[] = [];
  const perPage = new Map<string, string[]>();
  for (const c of children) collectText(c, all, undefined, perPage);
  const distinct = new Set(realWords(all.join(' ')));
  let textPages = 0;
  for (const texts of perPage.values()) if (realWords(texts.join(' ')).length >= 5) textPages++;
  if (distinct.size < 10 || (pages >= 4 && textPages < pages / 4)) {
    throw new GradesheetError(
      'no_text_layer',
      `${file} has no readable text: it looks like a scan or pictures of text. Export it from your editor as a PDF with text, or upload the original document.`,
      { file },
    );
  }
}
