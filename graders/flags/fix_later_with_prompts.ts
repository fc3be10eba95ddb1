import { isRejectedOrQuoted, pickEvidence, quote, straightQuotes } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';
import { SELF_CORRECT } from '../cues.js';

/** "We'll fix it later with prompts" and its kin, as RUBRIC.md lists them (critical). */
const PATTERNS = [
  /\b(?:fix|patch|solve|address|handle|clean up|correct|sort out|iron out|tune away)\w*\b[^.;]{0,40}\b(?:later|afterwards|after launch|post[- ]launch|down the road|as we go|in production)\b[^.;]{0,30}\b(?:prompts?|prompting|prompt engineering|prompt tweaks?)\b/i,
  /\b(?:prompts?|prompting|prompt engineering|prompt tweaks?|better prompts)\b[^.;]{0,30}\b(?:will|can|should)\b[^.;]{0,20}\b(?:fix|solve|handle|take care of|cover|sort out|iron out)\b/i,
  /\b(?:just|simply)\s+prompt(?:[- ]engineer)?(?:ing)?\b[^.;]{0,20}\b(?:around|away|our way)\b|\bprompt[- ]engineer(?:ing)? (?:around|our way out of|away)\b|\bprompt (?:our|my|the|their) way (?:out of|around|through|past)\b/i,
  SELF_CORRECT,
  // Gaps left to prompt tuning after launch: "edge cases can be handled by tuning the system prompt after go-live".
  /\b(?:handled|fixed|covered|solved|addressed|dealt with|sorted)\b[^.;]{0,20}\b(?:by|with|through) (?:tuning|tweaking|adjusting|editing|updating|iterating on) (?:the )?(?:system )?prompts?\b/i,
  /\b(?:tun|tweak|adjust|edit|iterat)\w* (?:the )?(?:system )?prompts?\b[^.;]{0,30}\b(?:after|once|post)[- ]?(?:go-?live|launch|release|we ship|we launch)\b/i,
  // Trusting the model to get better or to handle the hard cases on its own.
  /\b(?:trust|rely on|count on|let|expect)\b[^.;]{0,12}\b(?:the )?(?:model|AI|LLM|system|assistant|bot|agent)s?\b[^.;]{0,12}\b(?:to )?(?:get better|learn|improve|handle|figure|sort|fix|catch|deal with)\b/i,
  /\b(?:every|each) (?:conversation|interaction|query|chat|message|use)\b[^.;]{0,20}\bmakes (?:it|the (?:model|AI|system|bot|assistant)) (?:smarter|better|more accurate)\b/i,
  /\b(?:accuracy|quality|errors?|mistakes|hallucinations?|it|things)\b[^.;]{0,25}\bwill (?:sort|work|iron) (?:itself|themselves) out\b/i,
  // Dropping human review for speed, or keeping the hard cases away from people.
  /\b(?:drop|remove|skip|turn off|switch off|stop|cut|retire|phase out)\w*\b[^.;]{0,25}\b(?:(?:human|manual|nurse|agent|expert|moderator|pharmacist|clinician|editor)s? )?(?:review|approval|check|sign-?off|QA|in the loop|oversight)\b[^.;]{0,30}\b(?:after|once|from) (?:week|day|month|the first|launch|go-?live|\d)/i,
  /\b(?:review|approval|checks?|sign-?off|the human queue|human review|oversight)\b[^.;]{0,20}\bslows? (?:\w+ ){0,3}down\b[^.;]{0,20}\bso (?:we'?ll|we will|we can|we)\b[^.;]{0,10}\b(?:drop|skip|remove|stop|cut)\b/i,
  /\b(?:don'?t|do not|won'?t|will not|no longer) (?:need to |have to )?go (?:to|through) (?:the )?(?:human|manual|moderat\w+|review)\b/i,
  // Declaring the safety net unnecessary.
  /\b(?:a )?(?:rollback(?: plan)?|roll-?back(?: plan)?|kill switch|eval(?:uation)? harness|evals?|monitoring|measurement|metrics|human review|guardrails?|test set)\b[^.;]{0,15}\b(?:is|are|would be|seems?)\s+(?:overkill|unnecessary|not needed|a waste|premature|over-?engineering|pointless)\b/i,
  /\bno point (?:in )?(?:building|measuring|tracking|evaluating|testing|setting up|writing|creating)\b[^.;]{0,40}\b(?:before|until|yet)\b/i,
  /\b(?:budget|cost|costs|spend)\b[^.;]{0,10}\b(?:is|are)\s+not (?:a |an )?(?:constraint|concern|issue|priority|limit)\b/i,
  /\bif (?:something|anything|it) (?:breaks|goes wrong)\b[^.;]{0,20}\b(?:we'?ll|we will) (?:just )?(?:hotfix|patch|fix it)\b/i,
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
const MAYBE = /later|after|correct|improve|learn|way|trust|rely|count on|let |smarter|itself|themselves|drop|remove|skip|slow|go to|go through|overkill|unnecessary|waste|premature|point|budget|constraint|breaks|wrong|tun|tweak|prompt|figure|sort|ship|launch|guardrail|hallucinat|human|review|replace|measure|monitor|metric|eval|roll|cost|fix|patch|solve|address/i;

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
