import { isRejectedOrQuoted, pickEvidence, quote, straightQuotes } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';
import { SELF_CORRECT } from '../cues.js';
import { COUNTERED, defersSafeguard, GATED } from './deferral.js';

// The meaning, in parts: a safeguard (guardrails, evaluation, measurement, human review,
// rollback), put off until after launch or some later event, or waved away as unneeded; a
// failure answered by editing the prompt; the model left to improve or to run on its own.
const SAFEGUARD = String.raw`(?:guardrails?|safeguards?|safety (?:checks?|filters?|nets?|work)|filters?|content filters?|evals?|evaluations?|eval(?:uation)? (?:harness|set|suite)|test (?:set|suite)s?|benchmarks?|red[- ]team\w*|monitoring|measurement|measuring|metrics|tracking|dashboards?|alerting|logging|QA|quality (?:checks?|assurance|control)|(?:human|manual|editor|expert|clinical|nurse|tutor|agent|staff) (?:review|checks?|approval|oversight|sign-?off)|human[- ]in[- ]the[- ]loop|oversight|rollback(?: plan)?|roll-?back(?: plan)?|kill[- ]switch|accuracy|hallucinations?)`;
const EVENT = String.raw`(?:launch(?:es|ed)?|go(?:es)?[- ]live|are live|is live|GA|general availability|release|ship(?:ping)?|scale|grow|traction|(?:real |live |production )?(?:traffic|usage|users|customers|data|volume)|product[- ]market fit|PMF|series [A-D]|(?:the )?seed(?: round)?|funding|revenue|the (?:beta|pilot|MVP) (?:ends?|closes?|is over|wraps up))`;
const DEFERRED = String.raw`(?:later(?! (?:this|that|in (?:the )?(?:week|month|quarter|year|Q[1-4]|H[12]|20\d\d))\b)|afterwards|down the (?:road|line)|eventually|in (?:v2|version 2|a later (?:phase|release|version))|for (?:v2|phase[- ]?(?:2|two)|a later phase)|(?:once|when|after|until) (?:we |it |they |the (?:\w+ ){0,2}|our (?:\w+ ){0,2})?(?:\w+ ){0,3}${EVENT}|post[- ](?:launch|GA|MVP|go-?live)|at series [A-D]|in year (?:2|two)|next year)`;
const ATTEND = String.raw`(?:add|adding|bolt(?:ing)? on|layer(?:ing)? on|build|set(?:ting)? up|introduc\w+|tighten\w*|harden\w*|strengthen\w*|put(?:ting)? in place|wire up|writ(?:e|ing)|defin\w+|worry about|think about|look(?:ing)? at|get to|deal with|sort out|figure out|care about|start\w*|begin|invest\w* in|formali[sz]\w*)`;
const FAILURE = /\b(?:wrong|mistakes?|errors?|weird|bad|fails?|failures?|hallucinat\w*|complain\w*|edge cases?|problems?|issues?|incidents?|goes sideways|misfires?|slips? through)\b|\b(?:is|are|'s|seems?|looks?|sounds?) off\b/i;
const PROMPT_FIX = /\b(?:(?:we|I|they|he|she|[A-Z][a-z]+)(?:'ll| will| can| just)? (?:tweak|fix|tighten|adjust|update|change|edit|improve|tune|rewrite|patch|refine|amend)\w*\s+(?:the |our |its |a |that |this )?(?:system )?prompts?|the (?:answer|fix|solution|remedy) is (?:a )?(?:better|new|tighter|clearer) (?:system )?prompts?|(?:fix|solve|handle|patch)\w* (?:it |that |this |them )?(?:with|via|by|through) (?:a )?(?:better|new|tweaked|updated|tighter) (?:system )?prompts?)\b/i;
const COMPOSED = [
  new RegExp(String.raw`\b${ATTEND}\b[^.;]{0,30}\b${SAFEGUARD}\b[^.;]{0,45}\b${DEFERRED}`, 'i'),
  new RegExp(String.raw`\b${DEFERRED}\b[^.;]{0,25}\b(?:we(?:'ll| will| can| plan to)?|then|to)\s+${ATTEND}\b[^.;]{0,30}\b${SAFEGUARD}\b`, 'i'),
  new RegExp(String.raw`\b${SAFEGUARD}\b[^.;]{0,30}\b(?:can|will|could|should|may) (?:wait|come later|follow|be (?:added|built|set up|introduced|tightened|done|looked at|handled|sorted|revisited|formali[sz]ed)\b[^.;]{0,15}\b${DEFERRED})`, 'i'),
  new RegExp(String.raw`\b${SAFEGUARD}\b[^.;]{0,30}\b(?:is|are) (?:a |an )?(?:phase[- ]?(?:2|two)|v2|later|future|post-?launch|next[- ]phase|nice[- ]to[- ]have|luxury|second-order) (?:concern|problem|item|thing|topic|question|task|job|priority|feature|worry)\b`, 'i'),
  // Waved away: "We don't expect to need to roll back", "we will not track spend per answer".
  /\b(?:don'?t|do not|won'?t|will not|doesn'?t|does not) (?:expect|anticipate|foresee|plan|intend)(?: to need)? (?:to )?(?:need (?:to )?)?(?:roll ?-?(?:back|backs)|revert\w*|a roll ?-?back)\b(?![\s\S]{0,150}\b(?:but|still|anyway|regardless|even so|nonetheless|drill|rehears|practi[sc]e|test)\w*)/i,
  /\b(?:not going to|won'?t|will not|don'?t|do not|no need to) (?:bother (?:with|to)|chase|track|measure|monitor|optimi[sz]e|worry about|look at)\b[^.;]{0,12}\b(?:unit )?(?:costs?|spend\w*|unit economics|budget|quality|accuracy|error rates?|hallucinations?)\b/i,
  /\b(?:optimi[sz]\w+|tracking|chasing|managing|worrying about|measuring) (?:\w+ )?(?:spend|costs?|unit economics|budget)\b[^.;]{0,50}\b(?:is|would be|seems?) (?:premature|a mistake|a waste|pointless|overkill|unnecessary)\b/i,
  /\b(?:look at|worry about|think about|deal with|optimi[sz]e) (?:\w+ ){0,2}(?:unit economics|costs?|spend)\b[^.;]{0,20}\b(?:at series [A-D]|later|once|after|when)\b/i,
  // Human review that ends with a phase, or is no longer needed.
  /\b(?:review|approv\w*|check\w*|oversight|in the loop|sign[- ]?off)\b[^.;]{0,40}\b(?:during|for|in) the (?:\w+ ){0,2}(?:beta|pilot|trial)(?: (?:only|period))?\b[^.;]{0,5}(?:only\b|\.\s*(?:after|once|when) (?:that|the (?:beta|pilot)))/i,
  /\b(?:only|just) (?:during|for|in) the (?:\w+ ){0,2}(?:beta|pilot|trial)\b[^.;]{0,60}\b(?:review|approv\w*|check\w*|oversight)|\b(?:review|approv\w*|check\w*|oversight)\b[^.;]{0,40}\b(?:only|just) (?:during|for|in) the (?:\w+ ){0,2}(?:beta|pilot|trial)\b/i,
  /\b(?:good enough to (?:fly|run|work|go) (?:solo|alone|on its own|unsupervised)|fly solo)\b/i,
  /\b(?:publish(?:es|ed)?|go(?:es)? out|post(?:s|ed)?|send(?:s)?|sent) (?:straight|directly) (?:from|to|out)\b(?![^.;]{0,40}\b(?:after|once) (?:review|approval|a (?:human|reviewer)))/i,
  /\b(?:won'?t|will not|no longer|don'?t|do not) (?:need|have) to (?:check|review|approve|verify|confirm|double-?check)\b/i,
  /\bno (?:need|longer a need) for (?:a |any )?(?:person|human|people|staff|anyone|reviewer|someone|an? \w+)s? to (?:check|review|approve|verify|read|look at)\b/i,
  /\b(?:trains|teaches|corrects|improves|fixes|tunes) itself\b|\blearns? (?:on|by) (?:its|it) own\b|\bgets? smarter (?:on its own|by itself|over time|with (?:every|each|more))/i,
  /\b(?:model|AI|LLM|bot|assistant|agent|system)s?\b[^.;]{0,20}\b(?:will|can|should|is going to) (?:figure|work|sort|pick) (?:out |up )?(?:\w+ ){0,3}(?:out|up)\b(?=[^.;]{0,40}$|[^.;]{0,40}[.;])/i,
  // Users as the test: "guests will tell us quickly if something's off", "real traffic is our test set".
  /\b(?:users|customers|guests|members|patients|students|clients|learners|readers|callers|shoppers|people|the field|drivers|staff)\b[^.;]{0,20}\b(?:will|can|'ll|would) (?:tell|let) us(?: know)?(?: \w+){0,2} (?:if|when)\b[^.;]{0,30}\b(?:off|wrong|broken|bad|problems?|issues?|mistakes?|errors?|weird|fails?)\b/i,
  /\b(?:users|customers|real (?:users|traffic|usage|customers)|production|live traffic)\b[^.;]{0,15}\b(?:is|are|will be|becomes?) (?:our|the) (?:QA|testers?|test (?:set|suite|bed)|eval\w*|quality (?:check|control))\b/i,
  // Reactive fixing as the plan ("we'll fix it as we go"); fixing reported problems as they come up is incident handling.
  /\b(?:fix|patch|correct|sort|tune|clean)\w* (?:up )?(?:\w+ ){0,2}(?:as we go|on the fly|in production)\b/i,
  /\b(?:launch|ship|go live|release|deploy)\w* (?:first|now|fast|early|quickly)\b[^.;]{0,25}\b(?:fix|refine|tune|clean up|iterate|harden|tidy|improve)\w*\b[^.;]{0,20}\b(?:later|afterwards|as we go|after)\b/i,
  // Testing, evaluation or review skipped for speed or time.
  /\b(?:no time|not enough time|too (?:slow|early|soon|expensive)|would slow us down|slows? us down)\b[^.;]{0,30}\b(?:for )?(?:evals?|evaluation|testing|test sets?|red[- ]team\w*|measur\w+|benchmark\w*|QA|human review|review)\b/i,
  /\b(?:evals?|evaluation|testing|test sets?|QA|benchmark\w*|measur\w+|metrics|red[- ]team\w*)\b[^.;]{0,30}\b(?:would|will|could)? ?(?:slow (?:us|things|the \w+|\w+) down|(?:is|are) a distraction|(?:is|are) (?:not )?worth (?:it|the (?:time|effort)) (?:yet|now|at this stage)?)\b/i,
  /\bskip\w* (?:the |any |formal |an? )?(?:evals?|evaluation|testing|test sets?|metrics|measurement|QA|red[- ]team\w*|human review|manual review)\b/i,
  // "Accurate enough out of the box that we don't need a review step."
  /\b(?:good|accurate|smart|reliable|safe|mature) enough\b[^.;]{0,40}\b(?:that we|so we|to)\b[^.;]{0,25}\b(?:don'?t|do not|won'?t|no|skip|drop|without|handle)\b/i,
  // Cost waved away.
  /\b(?:costs?|spend|money|budget|the bill|unit economics|pricing)\b[^.;]{0,20}\b(?:is|are|isn'?t|aren'?t) (?:not )?(?:really )?(?:a|an|the|our)? ?(?:concern|priority|issue|problem|worry|focus)\b[^.;]{0,15}\b(?:for now|yet|at this (?:stage|point)|right now|in (?:year (?:1|one)|the pilot|phase (?:1|one)))\b/i,
  /\bnot (?:too |really )?(?:worried|concerned|fussed) about (?:the )?(?:costs?|spend|money|budget|bill|unit economics)\b|\bwhatever it costs\b|\bcosts? (?:is|are) (?:a )?(?:later|tomorrow'?s|future|next year'?s) (?:problem|concern|question|worry)\b/i,
  // A rollback plan left empty: "Rollback: not needed".
  /\b(?:roll ?-?back(?: plan)?|kill[- ]switch)\s*[:\-–—]\s*(?:n\/a|not applicable|not needed|none needed|unnecessary|none)\b/i,
];
// Whatever else the sentence says, a measured condition means a considered reduction, not a deferral.
const CONDITIONED = /\b(?:if|when|once|after|as long as|provided|until)\b[^.;]{0,60}(?:\d+(?:\.\d+)?\s?%|\d+ (?:weeks?|months?) (?:in a row|running|straight)|(?:below|under|above|at least|no more than)\s[^.;]{0,10}\d)/i;

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
const MAYBE = /tell us|test|QA|as we go|on the fly|production|enough|worried|concerned|whatever|distraction|slow|n\/a|none|later|after|correct|improve|learn|way|trust|rely|count on|let |smarter|itself|themselves|drop|remove|skip|slow|go to|go through|overkill|unnecessary|waste|premature|point|budget|constraint|breaks|wrong|tun|tweak|prompt|figure|sort|ship|launch|guardrail|hallucinat|human|review|replace|measure|monitor|metric|eval|roll|cost|fix|patch|solve|address|once|when|until|phase|v2|beta|pilot|solo|straight|directly|need|spend|chase|track|econom|concern|wait/i;

function matches(text: string, re: RegExp): boolean {
  const m = re.exec(straightQuotes(text));
  return m !== null && !isRejectedOrQuoted(text, m.index, m.index + m[0].length);
}

/** One unit's reading: the listed phrasings, the composed meaning, or a failure fixed by prompt edits. */
function defersSafety(text: string): boolean {
  if (PATTERNS.some((re) => matches(text, re))) return true;
  if (CONDITIONED.test(text)) return false;
  if (COMPOSED.some((re) => matches(text, re))) return true;
  // "If a summary gets a fact wrong, the answer is a better system prompt": only a negation right
  // before the remedy rejects it ("wrong" itself is no rejection here).
  if (!FAILURE.test(text)) return false;
  const m = PROMPT_FIX.exec(straightQuotes(text));
  return m !== null && !/\b(?:not|never|no|don'?t|won'?t|rather than|instead of)\s+(?:\w+\s+){0,3}$/i.test(text.slice(Math.max(0, m.index - 40), m.index));
}

/** `fix_later_with_prompts`: problems deferred to prompting, the model, or "later". */
export const fixLaterWithPrompts: FlagDetector = {
  detect({ all }) {
    // A sentence that argues against the idea or puts the safeguard before launch is never the flag.
    const hits = all.filter((u) => ((MAYBE.test(u.text) && defersSafety(u.text)) || defersSafeguard(u.text)) && !COUNTERED.test(u.text) && !GATED.test(u.text));
    return hits.length
      ? { present: true, rationale: 'Defers quality or safety to later prompting or to the model itself ("fix it later with prompts" and its kin).', evidence: pickEvidence(hits.map((u) => quote(u)), 3) }
      : { present: false, rationale: 'No "fix it later with prompts" reasoning was found.', evidence: [] };
  },
};
