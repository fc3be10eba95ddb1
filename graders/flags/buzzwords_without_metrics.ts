import { indexed } from '../../src/grading/prefilter.js';
import { isRejectedOrQuoted, MEASURE, pickEvidence, quote } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';
import { BUZZWORD } from '../cues.js';

const BUZZWORDS = indexed(new RegExp(BUZZWORD.source, 'gi'));

/** A metric beside a buzzword: in the same unit, the buzzword itself removed ("10x growth" is not a measure). */
function hasMetric(text: string): boolean {
  const rest = text.replace(BUZZWORDS, ' ');
  return MEASURE.test(rest) || COUNTED.test(rest);
}

/**
 * A number that measures something, beyond MEASURE's units: a decimal score ("recall@5 of 0.91"),
 * a change ("from 9 to 5 working days", "1,200 vs 120"), or a count of things per period or per
 * person ("2 extra qualified meetings per rep per week", "40,000 chats a day", "300 dpi").
 */
const COUNTED = indexed(/(?<![\w.])0?\.\d+\b(?!\.\d)|\bfrom (?:about |~)?\d[\d,.]*\s?\S{0,12} to \d|\b\d[\d,.]*\s?\S{0,6}\s(?:vs\.?|versus|instead of|against) \d|\b\d[\d,.]*\s?[kKmM]?\s(?:[A-Za-z-]+\s){0,3}(?:a|per|each|every) (?:day|week|month|year|hour|minute|rep|user|agent|shift|store|site|customer|ticket|call|quarter)\b|\b\d[\d,.]*\s?(?:GB|TB|MB|dpi|fps|req\/s|rps|qps|pages?|suppliers?|languages?|markets?)\b|\b(?:halves|doubles|triples)\b/i);

/** One passage: a buzzword, not quoted or rejected, with no metric in the passage itself. */
export function buzzwordWithoutMetric(text: string): boolean {
  const m = BUZZWORD.exec(text);
  return m !== null && !isRejectedOrQuoted(text, m.index, m.index + m[0].length) && !hasMetric(text);
}

/** `buzzwords_without_metrics`: AI buzzwords with no concrete metric nearby, more than once. */
export const buzzwordsWithoutMetrics: FlagDetector = {
  detect({ all }) {
    const hits = all.filter((u) => {
      const m = BUZZWORD.exec(u.text);
      if (!m || isRejectedOrQuoted(u.text, m.index, m.index + m[0].length)) return false;
      // The rubric's scope: the same sentence or bullet; a figure in the sentence before ("6 people type this in") does not measure the buzzword's claim.
      return !hasMetric(u.text);
    });
    // A buzzword denied where it stands ("AI-driven planning is no magic") is not used as one.
    const denied = (text: string, at: number) => /\b(?:no|not|never|n't)\s+$/i.test(text.slice(Math.max(0, at - 8), at));
    const words = hits.flatMap((u) => [...u.text.matchAll(BUZZWORDS)].filter((m) => !denied(u.text, m.index)).map((m) => m[0].toLowerCase()));
    const distinct = new Set(words);
    // One stray "seamless" is style; a pattern is several buzzwords with nothing measurable near them.
    const present = distinct.size >= 2;
    return {
      present,
      rationale: present
        ? `${hits.length} passages use buzzwords (${[...distinct].slice(0, 4).join(', ')}) with no metric nearby.`
        : hits.length
          ? `Only ${hits.length} buzzword without a metric nearby; not a pattern.`
          : 'Buzzwords, where used, stand next to concrete metrics.',
      evidence: present ? pickEvidence(hits.map((u) => quote(u, BUZZWORD)), 3) : [],
    };
  },
};
