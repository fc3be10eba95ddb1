import { isRejectedOrQuoted, pickEvidence, quote } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';
import { TRADEOFF, TRADEOFF_HINT } from '../cues.js';

/** `no_tradeoffs`: no tradeoff (privacy, cost, latency, quality) acknowledged anywhere. */
export const noTradeoffs: FlagDetector = {
  absence: true,
  detect({ all }) {
    const found = all.filter((u) => {
      if (!TRADEOFF_HINT.test(u.text)) return false;
      const m = TRADEOFF.exec(u.text);
      return m !== null && !(m[0].toLowerCase().startsWith('trade') && isRejectedOrQuoted(u.text, m.index, m.index + m[0].length) && /\bno trade-?offs?\b/i.test(u.text));
    });
    return found.length === 0
      ? { present: true, rationale: `No tradeoff between privacy, cost, latency or quality is acknowledged in any of the ${new Set(all.map((u) => u.file)).size} files.`, evidence: [] }
      : { present: false, rationale: `${found.length} passage(s) weigh one good against another.`, evidence: pickEvidence(found.map((u) => quote(u, TRADEOFF)), 2) };
  },
};
