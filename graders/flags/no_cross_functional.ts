import { indexed } from '../../src/grading/prefilter.js';
import { is, PARTNER, PARTNER_IT, pickEvidence, quote } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';

/** "Prompt engineering" and "social engineering" name a technique, not a partner, and "the legal and compliance side" a topic; "Mikkel Brandt, CTO" signing the submission, or "Prepared by: R. Venkatesh (backend engineer)", is its author; "not worth paying a lawyer before that" names none. */
const NOT_A_PARTNER = indexed(/^\W*(?:prepared|written|submitted|drafted) by\s*:?[^\n]{0,160}$|^\W*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3},\s*(?:CTO|CEO|CPO|COO|CIO|founder|co-founder|Head of [\w ]+|VP [\w ]+|product (?:lead|manager|director))[\w-]*|\b(?:prompt|social|context|feature|reverse) engineer(?:ing|s)?\b|\b(?:no|without|zero) (?:\w+ )?(?:developers?|devs|engineers?|lawyers?|solicitors?|attorneys?)\b|\b(?:not worth|no need (?:for|to)|(?:don'?t|do not|won'?t|will not) (?:need|want) to|(?:can'?t|cannot) afford(?: to)?) (?:paying|pay|hiring|hire|getting|get|involving|involve|bringing in|bring in)(?: for)? (?:a |an |any )?(?:\w+ )?(?:lawyers?|solicitors?|attorneys?|counsel|developers?|engineers?)\b|\b(?:the )?legal (?:and [\w-]+ )?(?:side|questions?|issues?|topics?|aspects?|matters?|stuff|bits?)\b/gi);

/** `no_cross_functional`: no engineering, legal, security or go-to-market partner named in any plan. */
export const noCrossFunctional: FlagDetector = {
  absence: true,
  detect({ all }) {
    const found = all.filter((u) => PARTNER.test(u.text.replace(NOT_A_PARTNER, ' ')) || is(u, PARTNER_IT));
    return found.length === 0
      ? { present: true, rationale: 'No engineering, legal, security or go-to-market partner is named anywhere.', evidence: [] }
      : { present: false, rationale: `Partners are named in ${found.length} passage(s).`, evidence: pickEvidence(found.map((u) => quote(u, PARTNER)), 2) };
  },
};
