import { isRejectedOrQuoted, MEASURE, neighbourhood, pickEvidence, quote } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';
import { BUZZWORD } from '../cues.js';

const BUZZWORDS = new RegExp(BUZZWORD.source, 'gi');

/** A metric near a buzzword: in the same unit (buzzword itself removed) or the next one. */
function hasMetric(text: string): boolean {
  return MEASURE.test(text.replace(BUZZWORDS, ' '));
}

/** `buzzwords_without_metrics`: AI buzzwords with no concrete metric nearby, more than once. */
export const buzzwordsWithoutMetrics: FlagDetector = {
  detect({ all }) {
    const hits = all.filter((u) => {
      const m = BUZZWORD.exec(u.text);
      if (!m || isRejectedOrQuoted(u.text, m.index, m.index + m[0].length)) return false;
      return !neighbourhood(all, u, 1).some((n) => hasMetric(n.text));
    });
    const words = hits.flatMap((u) => [...u.text.matchAll(BUZZWORDS)].map((m) => m[0].toLowerCase()));
    const distinct = new Set(words);
    // One stray "seamless" is style; a pattern is several buzzwords with nothing measurable near them.
    const present = distinct.size >= 3 || (hits.length >= 2 && distinct.size >= 2);
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
