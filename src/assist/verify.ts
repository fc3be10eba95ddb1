import type { Document } from '../documents/model.js';
import { isVerbatim } from '../grading/grade.js';
import type { Evidence } from '../grading/sheet.js';
import type { Unit } from '../grading/text.js';
import type { QuoteAnswer } from './output-schema.js';

/** Shorter quotes prove nothing ("AI", "Q3"). */
const MIN_QUOTE_CHARS = 6;

export interface VerifiedQuotes {
  /** Quotes found verbatim in the parsed text, as they stand there (file, location, exact text). */
  evidence: Evidence[];
  /** The grader units those quotes cover (a quote inside a unit, or units inside a quote). */
  units: Unit[];
  /** Quotes that were not found, were too short, or quoted text addressed to a grader. */
  dropped: number;
}

/** Typography models "fix" when they copy: curly quotes, dashes, non-breaking and repeated spaces. */
const FOLD: Record<string, string> = { '‘': "'", '’': "'", 'ʼ': "'", '“': '"', '”': '"', '–': '-', '—': '-', '‑': '-', '−': '-', '\u00a0': ' ', '\t': ' ', '\n': ' ', '\r': ' ' };

/** Folded text with, for each of its characters, the index it came from in the original. */
function fold(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = FOLD[text[i]!] ?? text[i]!;
    if (c === ' ' && folded.endsWith(' ')) continue;
    folded += c;
    from.push(i);
  }
  return { folded, from };
}

/** Where `quote` is in `text`: exactly, else up to typography; returns the exact span of `text`. */
export function locateQuote(text: string, quote: string): string | undefined {
  if (text.includes(quote)) return quote;
  const t = fold(text);
  const q = fold(quote).folded.trim();
  if (!q) return undefined;
  const at = t.folded.indexOf(q);
  if (at < 0) return undefined;
  return text.slice(t.from[at]!, t.from[at + q.length - 1]! + 1);
}

/** Models often wrap a quote in quotation marks or end it with an ellipsis. */
function unwrap(quote: string): string {
  let q = quote.trim();
  const m = /^["“'‘](.*)["”'’]$/s.exec(q);
  if (m) q = m[1]!.trim();
  return q.replace(/(?:\.\.\.|…)$/, '').replace(/^(?:\.\.\.|…)/, '').trim();
}

/**
 * Check a model's quotes against the parsed documents. A quote counts only when it is found in
 * the named file — at the named location, else at another location of that file (models misread
 * locations more often than text) — exactly or up to typography; the evidence then carries the
 * document's own text, so it passes `isVerbatim`. Quotes of text the injection detector flagged
 * are dropped: text addressed to a grader is never evidence.
 */
export function verifyQuotes(quotes: QuoteAnswer[], documents: Document[], units: { all: Unit[]; injections: Unit[] }): VerifiedQuotes {
  const evidence: Evidence[] = [];
  const covered = new Set<Unit>();
  const injected = new Set(units.injections);
  let dropped = 0;
  for (const answer of quotes) {
    const quote = unwrap(answer.quote);
    const doc = documents.find((d) => d.file === answer.file) ?? documents.find((d) => d.file.toLowerCase() === answer.file.trim().toLowerCase());
    if (!doc || quote.replace(/\s/g, '').length < MIN_QUOTE_CHARS) {
      dropped++;
      continue;
    }
    const sections = [...doc.sections.filter((s) => s.location === answer.location.trim()), ...doc.sections.filter((s) => s.location !== answer.location.trim())];
    let found: Evidence | undefined;
    for (const s of sections) {
      const exact = locateQuote(s.text, quote);
      if (exact) {
        found = { file: doc.file, location: s.location, quote: exact, path: s.path };
        break;
      }
    }
    if (!found || !isVerbatim(documents, found)) {
      dropped++;
      continue;
    }
    const f = found;
    const hit = units.all.filter((u) => u.file === f.file && u.location === f.location && (u.text.includes(f.quote) || f.quote.includes(u.text)));
    if (hit.some((u) => injected.has(u))) {
      dropped++;
      continue;
    }
    if (evidence.some((e) => e.file === f.file && e.location === f.location && e.quote === f.quote)) continue;
    evidence.push(f);
    for (const u of hit) covered.add(u);
  }
  return { evidence, units: units.all.filter((u) => covered.has(u)), dropped };
}
