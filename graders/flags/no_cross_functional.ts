import { indexed } from '../../src/grading/prefilter.js';
import { is, PARTNER, PARTNER_IT, pickEvidence, quote } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';

/** "Prompt engineering" and "social engineering" name a technique, not a partner, and "the legal and compliance side" a topic; "Mikkel Brandt, CTO" signing the submission, or "Prepared by: R. Venkatesh (backend engineer)" or "Author: Kenji Watanabe (backend engineer, …)", is its author, as is a roster line about the author ("Me: product, AI, marketing, everything digital"); "not worth paying a lawyer before that" names none; "legal in a river" is lawful, not Legal; "more online sales" is a figure, not the sales team, and drafts "for marketing" a purpose, not the marketing team. */
const NOT_A_PARTNER = indexed(/^\W*(?:prepared|written|submitted|drafted) by\s*:?[^\n]{0,160}$|^\W*(?:me|myself)\s*[:–—-]\s[^\n]{0,160}$|^\W*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3},\s*(?:CTO|CEO|CPO|COO|CIO|founder|co-founder|Head of [\w ]+|VP [\w ]+|product (?:lead|manager|director))[\w-]*|\b(?:prompt|social|context|feature|reverse) engineer(?:ing|s)?\b|\b(?:no|without|zero) (?:\w+ )?(?:developers?|devs|engineers?|lawyers?|solicitors?|attorneys?)\b|\b(?:not worth|no need (?:for|to)|(?:don'?t|do not|won'?t|will not) (?:need|want) to|(?:can'?t|cannot) afford(?: to)?) (?:paying|pay|hiring|hire|getting|get|involving|involve|bringing in|bring in)(?: for)? (?:a |an |any )?(?:\w+ )?(?:lawyers?|solicitors?|attorneys?|counsel|developers?|engineers?)\b|\b(?:the )?legal (?:and [\w-]+ )?(?:side|questions?|issues?|topics?|aspects?|matters?|stuff|bits?)\b|\b(?:author|candidate)\s*:\s*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*[(,][^()\n]{0,80}\)?|\b(?:is|are|be|being|was|were|not|it'?s|stay|remain|perfectly|fully) legal\b|\blegal (?:in|to|for|requirements?|obligations?|limits?|age|basis|duty|duties|deadlines?|notices?|texts?|minimums?|status|paperwork|terms|wording)\b|\b(?:online|more|higher|lower|total|annual|monthly|weekly|daily|store|shop|retail|web|e-?commerce|ticket|product|unit|gross|net|extra|additional|repeat|add-on|upsell|fewer|less|increased?) sales\b(?! (?:team|lead|manager|director|reps?|people|staff|colleagues|head|VP|org|department|dept|function|ops)\b)|\bfor marketing\b(?! (?:team|lead|manager|director|department|colleagues|people|staff)\b)/gi);

/**
 * Who builds it, when it is someone else: a firm by name ("Northlight Digital builds and hosts it"), a contractor or
 * agency on a build line ("Data pipeline + model build (contractor)"), "1 dev from the municipal IT company". A vendor
 * integrating its own system ("CAD/AVL integration by our vendor") is a supplier, not a partner in the plan.
 */
const OUTSIDE_BUILDER = indexed(/\b(?!(?:We|They|I|You|He|She|It|Our|The|This|That)\b)[A-Z][\w&-]+(?: [A-Z][\w&-]+){1,3} (?:builds|will build|develops|will develop|is building|is developing)(?: and (?:hosts|runs|maintains|will host|will run))? (?:it|the|our)\b|\b(?:[Bb]uild|[Dd]evelopment)\b[^.\n|]{0,30}\b(?:contractors?|agency|freelancers?)\b|\b(?:\d+|[Oo]ne|[Tt]wo|[Aa]n?) (?:part-time |freelance |contract |external )?dev\b/);

/** `no_cross_functional`: no engineering, legal, security or go-to-market partner named in any plan. */
export const noCrossFunctional: FlagDetector = {
  absence: true,
  detect({ all }) {
    const found = all.filter((u) => PARTNER.test(u.text.replace(NOT_A_PARTNER, ' ')) || is(u, PARTNER_IT) || OUTSIDE_BUILDER.test(u.text));
    return found.length === 0
      ? { present: true, rationale: 'No engineering, legal, security or go-to-market partner is named anywhere.', evidence: [] }
      : { present: false, rationale: `Partners are named in ${found.length} passage(s).`, evidence: pickEvidence(found.map((u) => quote(u, PARTNER)), 2) };
  },
};
