import { isRejectedOrQuoted, pickEvidence, quote, straightQuotes } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';
import { SELF_CORRECT } from '../cues.js';

/** "We'll fix it later with prompts" and its kin, as RUBRIC.md lists them (critical). */
const PATTERNS = [
  /\b(?:fix|patch|solve|address|handle|clean up|correct|sort out|iron out|tune away)\w*\b[^.;]{0,40}\b(?:later|afterwards|after launch|post[- ]launch|down the road|as we go|in production)\b[^.;]{0,30}\b(?:prompts?|prompting|prompt engineering|prompt tweaks?)\b/i,
  /\b(?:prompts?|prompting|prompt engineering|prompt tweaks?|better prompts)\b[^.;]{0,30}\b(?:will|can|should)\b[^.;]{0,20}\b(?:fix|solve|handle|take care of|cover|sort out|iron out)\b/i,
  /\b(?:just|simply)\s+prompt(?:[- ]engineer)?(?:ing)?\b[^.;]{0,20}\b(?:around|away|our way)\b|\bprompt[- ]engineer(?:ing)? (?:around|our way out of|away)\b|\bprompt (?:our|my|the|their) way (?:out of|around|through|past)\b/i,
  SELF_CORRECT,
  /\b(?:the )?(?:model|AI|LLM|GPT|system|agent)s?\s+(?:will|can|should|is going to)\s+(?:figure|work|sort)\s+(?:it|this|that|things|everything)\s+out\b/i,
  /\b(?:ship|launch|release|go live|deploy)\w*\b[^.;]{0,30}\b(?:now|first|fast|quickly|asap|today)\b[^.;]{0,40}\b(?:guardrails?|safety|evals?|safeguards|controls|monitoring|governance)\b[^.;]{0,20}\b(?:later|afterwards|after|once|when)\b/i,
  /\b(?:add|bolt on|layer on|worry about|think about|set up|build|wire up)\b[^.;]{0,15}\b(?:guardrails?|safeguards|safety|evals?|monitoring|measurement|metrics|dashboards?|alerting|logging)\b[^.;]{0,15}\b(?:later|afterwards|after (?:launch|we ship|go-?live|GA)|post[- ]launch|once we)\b/i,
  /\bhallucinations?\b[^.;]{0,20}\b(?:(?:are|is|will be|aren'?t|isn'?t)\s+(?:a\s+)?(?:non-?issue|not (?:an? )?(?:issue|problem|concern|risk|real risk)|no (?:problem|issue|concern)|negligible|rare enough|irrelevant|overblown|solved|nothing to worry about)|won'?t (?:matter|be (?:an? )?(?:issue|problem))|don'?t matter)\b/i,
  /\b(?:we\s+)?(?:don'?t|do not|won'?t|will not|shouldn'?t)\s+(?:need|require|bother with|have time for)\s+(?:a\s+|any\s+)?(?:human[- ]in[- ]the[- ]loop|human (?:review|oversight|reviewers?|checks?|approval)|manual review|people (?:reviewing|in the loop)|reviewers)\b/i,
  /\bno (?:need for|human) (?:human )?(?:review|oversight|in the loop|reviewers)\b/i,
  /\b(?:AI|the model|the assistant|the LLM|automation)\b[^.;]{0,20}\b(?:will|can|should)\s+replace\b[^.;]{0,20}\b(?:the )?(?:human )?(?:review|reviewers?|oversight|QA|approval)\b/i,
  /\bno need to (?:measure|monitor|track|evaluate|test|benchmark|eval)\b|\b(?:measuring|metrics|evals?|evaluation|monitoring) (?:is|are) (?:unnecessary|not needed|overkill|a waste)\b|\b(?:don'?t|do not|won'?t) need (?:to measure|metrics|evals?|to monitor|monitoring|to evaluate)\b/i,
  /\broll ?-?backs? (?:won'?t|will not|isn'?t|is not|shouldn'?t|should not|will never|are not|aren'?t)\s+(?:be\s+)?(?:needed|necessary|required|happen|an? (?:issue|concern))\b|\b(?:won'?t|will not|don'?t|do not) (?:need|plan for) (?:a\s+)?roll ?-?backs?(?: plan)?\b|\bno (?:need for a |need to plan (?:a |for )?)roll ?-?back\b/i,
  /\bcosts?\b[^.;]{0,15}\b(?:doesn'?t|does not|don'?t|do not|won'?t|will not|shouldn'?t)\s+(?:really\s+)?matter\b|\b(?:ignore|not worry about|worry about|deal with|optimi[sz]e)\s+(?:the\s+)?costs?\s+(?:later|after|once)\b|\bcosts? (?:is|are) (?:not a concern|irrelevant|secondary) (?:at this stage|for now|yet|right now)\b/i,
];

/** Every pattern needs one of these words: a cheap first look. */
const MAYBE = /later|after|correct|improve|learn|way|prompt|figure|sort|ship|launch|guardrail|hallucinat|human|review|replace|measure|monitor|metric|eval|roll|cost|fix|patch|solve|address/i;

/** `fix_later_with_prompts`: problems deferred to prompting, the model, or "later". */
export const fixLaterWithPrompts: FlagDetector = {
  detect({ all }) {
    const hits = all.filter((u) =>
      MAYBE.test(u.text) &&
      PATTERNS.some((re) => {
        const m = re.exec(straightQuotes(u.text));
        return m !== null && !isRejectedOrQuoted(u.text, m.index, m.index + m[0].length);
      }),
    );
    return hits.length
      ? { present: true, rationale: 'Defers quality or safety to later prompting or to the model itself ("fix it later with prompts" and its kin).', evidence: pickEvidence(hits.map((u) => quote(u)), 3) }
      : { present: false, rationale: 'No "fix it later with prompts" reasoning was found.', evidence: [] };
  },
};
