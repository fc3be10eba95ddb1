import type { RootContent } from 'mdast';
import { decodeText } from '../decode.js';
import type { Reader } from '../ir.js';

/** An amount of money, or a number grouped in thousands: "kr 555 040", "1,2 Mio. €", "€ 4.5k". */
const AMOUNT = /\d{1,3}[ \u00a0,.'’]\d{3}\b|[$€£¥₹]\s?\d|\d\s?[$€£¥₹]|\b(?:kr|EUR|USD|GBP|SEK|NOK|DKK|CHF|INR|JPY)\.?\s?\d|\d(?:[\d.,']*\d)?\s?(?:(?:Mio|Mrd|mn|bn|million|billion|lakhs?|crores?)\.?\s?)?(?:EUR|USD|GBP|CHF|INR|JPY|SEK|NOK|DKK|kr|€|£)/;
/** An amount or a share: a line that states one is content ("Year 1 total: EUR 206.3k"), not a title. */
const FIGURE = new RegExp(`${AMOUNT.source}|\\d\\s?(?:[kKmM]|%)(?!\\w)`);
const BULLET = /^\s*(?:[-*•◦▪–·]|\(?\d{1,2}[.)]|[a-z][.)])\s+(?=\S)/;
const UNDERLINE = /^\s*(={3,}|-{3,})\s*$/;

/** A line that reads as a heading in a plain-text file: short, and upper-case, numbered or ending in a colon. */
export function headingDepthOf(line: string): number | undefined {
  const raw = line.trim();
  // Decorated titles: "== 3. COSTS ==", "*** Policy ***", "--- Roadmap ---", "## Risks".
  const decorated = /^([=*#~_-]{2,}|#)\s*\S.*?\s*\1?$/.test(raw) && /^[=*#~_-]{2,}|^#/.test(raw);
  const t = raw.replace(/^[=*#~_-]+\s*|\s*[=*#~_-]+$/g, '').trim();
  if (t.length < 2 || t.length > 90 || /[.,;]$/.test(t)) return undefined;
  const words = t.split(/\s+/).length;
  if (words > 12) return undefined;
  if (decorated) return /^\d+\.\d/.test(t) ? 2 : 1;
  // A parenthetical does not count against a title shouted in full: "COSTS (year one, roughly)", "ROADMAP (draft)".
  const shouted = t.replace(/\s*\([^()]*\)\s*$/u, '');
  const letters = (/^[^\p{Ll}]*$/u.test(shouted) && shouted.replace(/[^\p{L}]/gu, '').length >= 4 ? shouted : t).replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  // "TOTAL YEAR 1 kr 555 040" is a shouted line of a cost list, not a title: a title does not carry an amount.
  if (!AMOUNT.test(t) && letters.length >= 3 && upper >= letters.length * 0.6 && /^[^\p{Ll}]*\p{Lu}{2}/u.test(t)) return 1;
  const numbered = /^(\d+(?:\.\d+){0,3})\.?\s+\p{Lu}/u.exec(t);
  if (numbered && !/\d[.)]\s*$/.test(t)) return Math.min(6, numbered[1]!.split('.').length + 1);
  if (/:$/.test(t) && words <= 8) return 2;
  return undefined;
}

function position(line: number) {
  return { start: { line, column: 1 }, end: { line, column: 1 } };
}

function paragraph(text: string, line: number): RootContent {
  return { type: 'paragraph', children: [{ type: 'text', value: text }], position: position(line) };
}

/**
 * Plain text: blocks are separated by blank lines; short upper-case, numbered or colon-ended
 * lines (or lines underlined with === / ---) become headings; bullet lines become list items;
 * wrapped lines of a paragraph are joined with spaces.
 */
export const readText: Reader = async (bytes) => {
  const { text, encoding } = decodeText(bytes);
  const lines = text.split(/\r\n|\r|\n/);
  const children: RootContent[] = [];
  let i = 0;
  let first = true;
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && lines[i]!.trim() !== '') i++;
    const block = lines.slice(start, i);
    const more = lines.slice(i).some((l) => l.trim() !== '');
    emitBlock(block, start + 1, children, { first, more });
    first = false;
  }
  return { tree: { type: 'root', children }, stats: { encoding } };
};


/** A lone short line between blank lines, not a sentence: a title ("Our commitments"). */
function isLoneTitle(block: string[], more: boolean): boolean {
  if (block.length !== 1 || !more) return false;
  const t = block[0]!.trim();
  return t.length <= 80 && t.split(/\s+/).length <= 10 && /^\p{Lu}/u.test(t) && !/[.,;!?]$/.test(t) && !BULLET.test(t) && !FIGURE.test(t);
}

/** A short label of a few words, no sentence: "context", "responsible AI", "open questions". */
function isLabelLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 40 && t.split(/\s+/).length <= 4 && /^\p{L}/u.test(t) && !/[.,;!?]$/.test(t) && !BULLET.test(t) && !FIGURE.test(t) && !/\d/.test(t);
}

/** Cells of a column-aligned line: split at dot leaders ("Hosting ....... 4.8k") or runs of 3+ spaces. */
function cellsOf(line: string): string[] {
  return line
    .trim()
    .split(/\s*\.{4,}\s*|\s{3,}|\t+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/**
 * A block laid out in columns (a cost table typed in a text editor, a spreadsheet pasted as
 * text): most lines split into two or more cells. Kept as a table, row by row, so each line
 * stays a line with its figures instead of one long joined paragraph.
 */
function columnRows(block: string[]): string[][] | undefined {
  // A rule line under the figures ("-------") draws a line, it is no row (nor part of the next one).
  block = block.filter((l) => !/^\s*[-=_*~.]{3,}\s*$/.test(l));
  if (block.length < 2) return undefined;
  const split = block.map(cellsOf);
  const multi = split.filter((c) => c.length >= 2).length;
  if (multi < 2 || multi < block.length * 0.5) return undefined;
  const rows: string[][] = [];
  for (let i = 0; i < split.length; i++) {
    const cells = split[i]!;
    // A wrapped first cell ("Staff: product lead, engineer," / "   half an agronomist   11.0k") joins the next row.
    if (cells.length === 1 && i + 1 < split.length && split[i + 1]!.length >= 2 && /^\s{2,}/.test(block[i + 1]!) && /[,&/-]$|\band$/.test(cells[0]!)) {
      split[i + 1]![0] = `${cells[0]} ${split[i + 1]![0]}`;
      continue;
    }
    rows.push(cells);
  }
  return rows;
}

function emitBlock(block: string[], firstLine: number, out: RootContent[], at: { first: boolean; more: boolean }): void {
  let k = 0;
  if (isLoneTitle(block, at.more) && headingDepthOf(block[0]!) === undefined) {
    out.push({ type: 'heading', depth: at.first ? 1 : 2, children: [{ type: 'text', value: block[0]!.trim() }], position: position(firstLine) });
    return;
  }
  // A rule line alone is decoration, not content.
  if (block.every((l) => UNDERLINE.test(l))) return;
  // A boxed heading: "-----" / "Roadmap" / "-----".
  if (block.length >= 3 && UNDERLINE.test(block[0]!) && UNDERLINE.test(block[2]!) && block[1]!.trim().length <= 90 && !UNDERLINE.test(block[1]!)) {
    out.push({ type: 'heading', depth: block[0]!.trim().startsWith('=') ? 1 : 2, children: [{ type: 'text', value: block[1]!.trim() }], position: position(firstLine + 1) });
    k = 3;
  } else if (block.length >= 2 && UNDERLINE.test(block[1]!) && block[0]!.trim().length <= 90) {
    // Setext-style heading: "Title" then "=====".
    if (k === 0) {
      out.push({ type: 'heading', depth: block[1]!.trim().startsWith('=') ? 1 : 2, children: [{ type: 'text', value: block[0]!.trim() }], position: position(firstLine) });
      k = 2;
    }
  } else {
    // A short label line over a list ("context" then "- we're a locate contractor …", "roadmap" then "NOW") heads it.
    const label = block.length >= 2 && isLabelLine(block[0]!) && (BULLET.test(block[1]!) || headingDepthOf(block[1]!) !== undefined);
    const depth = headingDepthOf(block[0]!) ?? (label ? 2 : undefined);
    if (depth !== undefined && (block.length === 1 || !BULLET.test(block[0]!))) {
      out.push({ type: 'heading', depth: depth as 1, children: [{ type: 'text', value: block[0]!.trim().replace(/^[=*#~_-]{2,}\s*|\s*[=*#~_-]{2,}$/g, '') }], position: position(firstLine) });
      k = 1;
    }
  }
  const table = columnRows(block.slice(k));
  if (table) {
    // A one-cell first line is the table's caption ("One-off"), kept as its own paragraph.
    if (table[0]!.length === 1 && table.length > 2) {
      out.push(paragraph(table[0]![0]!, firstLine + k));
      table.shift();
    }
    out.push({ type: 'table', children: table.map((cells) => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: [{ type: 'text', value: c }] })) })), position: { start: { line: firstLine + k, column: 1 }, end: { line: firstLine + block.length - 1, column: 1 } } } as RootContent);
    return;
  }
  let para: string[] = [];
  let paraLine = 0;
  const flush = () => {
    if (para.length) out.push(paragraph(para.join(' '), paraLine));
    para = [];
  };
  for (; k < block.length; k++) {
    const line = block[k]!;
    if (BULLET.test(line)) {
      flush();
      const item = line.replace(BULLET, '').trim();
      const last = out.at(-1);
      const node: RootContent = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: item }] }], position: position(firstLine + k) };
      if (last?.type === 'list' && last.data?.location === undefined && (last.position?.end.line ?? 0) === firstLine + k - 1) {
        last.children.push(node);
        last.position!.end.line = firstLine + k;
      } else {
        out.push({ type: 'list', ordered: false, spread: false, children: [node], position: { start: { line: firstLine + k, column: 1 }, end: { line: firstLine + k, column: 1 } } });
      }
    } else if (/^\s{2,}\S/.test(line) && out.at(-1)?.type === 'list' && para.length === 0) {
      // Continuation of the previous bullet.
      const list = out.at(-1) as Extract<RootContent, { type: 'list' }>;
      const p = list.children.at(-1)!.children[0] as { children: { value: string }[] };
      p.children[0]!.value += ' ' + line.trim();
      list.position!.end.line = firstLine + k;
    } else {
      // A line that opens with its own short label is the next item of a list written without bullets, not a
      // wrapped line, when the line before it ended a sentence ("oct-nov 2026: shadow at Rosetown …" after "… done by
      // 30 sep.") or stated an amount after its own label ("Weather data API, premium: kr 24 000" after "Inference …:
      // kr 6 000"). The label must open the line: an indented one ("    Milestone: …" under "Q1  Data access …") stays
      // with the line above.
      const last = para[para.length - 1];
      // The amount may carry its unit after it: "OpenAI API: approx 9,000 / month", "Server: 4,000 per month".
      if (last !== undefined && /[.!?)]$|:\s*\S[^:]*\d(?:\s?(?:\/|per|a|each)\s?(?:month|year|week|day|mo|yr)|\s?(?:[$€£¥₹]|[A-Z]{3}|KSh|kr|zł))?$/.test(last) && LINE_LABEL.test(line)) flush();
      // A run of lines that each open with a period ("M1  kick-off …", "M2  labelling …", "Q3: rollout") is a plan
      // written one period per line: each line is an item, not a wrapped sentence.
      else if (PERIOD_LINE.test(line) && (PERIOD_LINE.test(block[k + 1] ?? '') || PERIOD_LINE.test(block[k - 1] ?? ''))) flush();
      if (para.length === 0) paraLine = firstLine + k;
      para.push(line.trim());
    }
  }
  flush();
}
/** A line that opens with a period: "M4  Hauptbahnhof live", "Q2: pilot", "Month 3 – shadow", "Week 6 rollout". */
const PERIOD_LINE = /^(?:M|Q|W|H|Wk)\d{1,2}\b\s*[:–—-]?\s+\S|^(?:Month|Week|Quarter)\s?\d{1,2}\b\s*[:–—-]?\s+\S/i;
// "Q: … ?" then "A: …" stays one paragraph: the answer belongs to its question.
const LINE_LABEL = /^(?!(?:A|Q|Answer|Question)\s*:)[\p{L}\d][^:.!?]{0,29}:\s+\S/u;
