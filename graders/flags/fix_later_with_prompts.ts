import { isRejectedOrQuoted, pickEvidence, quote, straightQuotes } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';
import { SELF_CORRECT } from '../cues.js';
import { COUNTERED, defersSafeguard, GATED, safeguardReading } from './deferral.js';

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
  // Only the readings graders/flags/deferral.ts does not already make (measured on the dev set and the phrase bank).
  new RegExp(String.raw`\b${SAFEGUARD}\b[^.;]{0,30}\b(?:is|are) (?:a |an )?(?:phase[- ]?(?:2|two)|v2|later|future|post-?launch|next[- ]phase|nice[- ]to[- ]have|luxury|second-order) (?:concern|problem|item|thing|topic|question|task|job|priority|feature|worry)\b`, 'i'),
  /\b(?:don'?t|do not|won'?t|will not|doesn'?t|does not) (?:expect|anticipate|foresee|plan|intend)(?: to need)? (?:to )?(?:need (?:to )?)?(?:roll ?-?(?:back|backs)|revert\w*|a roll ?-?back)\b(?![\s\S]{0,150}\b(?:but|still|anyway|regardless|even so|nonetheless|drill|rehears|practi[sc]e|test)\w*)/i,
  /\b(?:not going to|won'?t|will not|don'?t|do not|no need to) (?:bother (?:with|to)|chase|track|measure|monitor|optimi[sz]e|worry about|look at)\b[^.;]{0,12}\b(?:unit )?(?:costs?|spend\w*|unit economics|budget|quality|accuracy|error rates?|hallucinations?)\b/i,
  /\b(?:optimi[sz]\w+|tracking|chasing|managing|worrying about|measuring) (?:\w+ )?(?:spend|costs?|unit economics|budget)\b[^.;]{0,50}\b(?:is|would be|seems?) (?:premature|a mistake|a waste|pointless|overkill|unnecessary)\b/i,
  /\b(?:look at|worry about|think about|deal with|optimi[sz]e) (?:\w+ ){0,2}(?:unit economics|costs?|spend)\b[^.;]{0,20}\b(?:at series [A-D]|later|once|after|when)\b/i,
  /\b(?:publish(?:es|ed)?|go(?:es)? out|post(?:s|ed)?|send(?:s)?|sent) (?:straight|directly) (?:from|to|out)\b(?![^.;]{0,40}\b(?:after|once) (?:review|approval|a (?:human|reviewer)))/i,
  /\b(?:won'?t|will not|no longer|don'?t|do not) (?:need|have) to (?:check|review|approve|verify|confirm|double-?check)\b/i,
  /\bno (?:need|longer a need) for (?:a |any )?(?:person|human|people|staff|anyone|reviewer|someone|an? \w+)s? to (?:check|review|approve|verify|read|look at)\b/i,
];
// Whatever else the sentence says, a measured condition means a considered reduction, not a deferral.
const CONDITIONED = /\b(?:if|when|once|after|as long as|provided|until)\b[^.;]{0,60}(?:\d+(?:\.\d+)?\s?%|\d+ (?:weeks?|months?) (?:in a row|running|straight)|(?:below|under|above|at least|no more than)\s[^.;]{0,10}\d)/i;

/** "We'll fix it later with prompts" and its kin, as RUBRIC.md lists them (critical). */
const PATTERNS = [
  // The rubric's own phrasings that graders/flags/deferral.ts does not already read (measured on the dev set and the phrase bank).
  /\b(?:just|simply)\s+prompt(?:[- ]engineer)?(?:ing)?\b[^.;]{0,20}\b(?:around|away|our way)\b|\bprompt[- ]engineer(?:ing)? (?:around|our way out of|away)\b|\bprompt (?:our|my|the|their) way (?:out of|around|through|past)\b/i,
  /\b(?:handled|fixed|covered|solved|addressed|dealt with|sorted)\b[^.;]{0,20}\b(?:by|with|through) (?:tuning|tweaking|adjusting|editing|updating|iterating on) (?:the )?(?:system )?prompts?\b/i,
  /\b(?:trust|rely on|count on|let|expect)\b[^.;]{0,12}\b(?:the )?(?:model|AI|LLM|system|assistant|bot|agent)s?\b[^.;]{0,12}\b(?:to )?(?:get better|learn|improve|handle|figure|sort|fix|catch|deal with)\b/i,
  /\b(?:accuracy|quality|errors?|mistakes|hallucinations?|it|things)\b[^.;]{0,25}\bwill (?:sort|work|iron) (?:itself|themselves) out\b/i,
  /\b(?:review|approval|checks?|sign-?off|the human queue|human review|oversight)\b[^.;]{0,20}\bslows? (?:\w+ ){0,3}down\b[^.;]{0,20}\bso (?:we'?ll|we will|we can|we)\b[^.;]{0,10}\b(?:drop|skip|remove|stop|cut)\b/i,
  /\b(?:don'?t|do not|won'?t|will not|no longer) (?:need to |have to )?go (?:to|through) (?:the )?(?:human|manual|moderat\w+|review)\b/i,
  /\b(?:the )?(?:model|AI|LLM|GPT|system|agent)s?\s+(?:will|can|should|is going to)\s+(?:figure|work|sort)\s+(?:it|this|that|things|everything)\s+out\b/i,
  /\bhallucinations?\b[^.;]{0,20}\b(?:(?:are|is|will be|aren'?t|isn'?t)\s+(?:a\s+)?(?:non-?issue|not (?:an? )?(?:issue|problem|concern|risk|real risk)|no (?:problem|issue|concern)|negligible|rare enough|irrelevant|overblown|solved|nothing to worry about)|won'?t (?:matter|be (?:an? )?(?:issue|problem))|don'?t matter)\b/i,
  /\broll ?-?backs? (?:won'?t|will not|isn'?t|is not|shouldn'?t|should not|will never|are not|aren'?t)\s+(?:be\s+)?(?:needed|necessary|required|happen|an? (?:issue|concern))\b|\b(?:won'?t|will not|don'?t|do not) (?:need|plan for) (?:a\s+)?roll ?-?backs?(?: plan)?\b|\bno (?:need for a |need to plan (?:a |for )?)roll ?-?back\b/i,
];

/** Every pattern needs one of these words: a cheap first look. */
const MAYBE = /tell us|test|QA|as we go|on the fly|production|enough|worried|concerned|whatever|distraction|slow|n\/a|none|later|after|correct|improve|learn|way|trust|rely|count on|let |smarter|itself|themselves|drop|remove|skip|slow|go to|go through|overkill|unnecessary|waste|premature|point|budget|constraint|breaks|wrong|tun|tweak|prompt|figure|sort|ship|launch|guardrail|hallucinat|human|review|replace|measure|monitor|metric|eval|roll|cost|fix|patch|solve|address|once|when|until|phase|v2|beta|pilot|solo|straight|directly|need|spend|chase|track|econom|concern|wait/i;

/** All listed phrasings in one pass (each alternative keeps its own flags' meaning: all are case-insensitive). */
function combine(patterns: RegExp[]): RegExp {
  for (const re of patterns) if (!re.flags.includes('i')) throw new Error(`pattern must be case-insensitive: ${re.source.slice(0, 40)}`);
  return new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), 'gi');
}
const ALL_PATTERNS = combine(PATTERNS);
const ALL_COMPOSED = combine(COMPOSED);

/** Does any match of `re` in the (quote-straightened) text stand unrejected and unquoted? */
function matchesAny(text: string, straight: string, re: RegExp): boolean {
  for (const m of straight.matchAll(re)) if (!isRejectedOrQuoted(text, m.index, m.index + m[0].length)) return true;
  return false;
}

function defersSafety(text: string): boolean {
  const straight = straightQuotes(text);
  if (matchesAny(text, straight, ALL_PATTERNS)) return true;
  if (CONDITIONED.test(text)) return false;
  if (matchesAny(text, straight, ALL_COMPOSED)) return true;
  // "If a summary gets a fact wrong, the answer is a better system prompt": only a negation right
  // before the remedy rejects it ("wrong" itself is no rejection here).
  if (!FAILURE.test(text)) return false;
  const m = PROMPT_FIX.exec(straight);
  return m !== null && !/\b(?:not|never|no|don'?t|won'?t|rather than|instead of)\s+(?:\w+\s+){0,3}$/i.test(text.slice(Math.max(0, m.index - 40), m.index));
}

/** What the passages were read as ("safeguard deferred", "human review removed"), for the reviewer. */
function readings(texts: string[]): string {
  const found = [...new Set(texts.map(safeguardReading).filter((r): r is string => r !== null))];
  return found.length ? `: ${found.join('; ')}` : ': a listed phrasing';
}

/** `fix_later_with_prompts`: problems deferred to prompting, the model, or "later". */
export const fixLaterWithPrompts: FlagDetector = {
  detect({ all }) {
    // A sentence that argues against the idea or puts the safeguard before launch is never the flag.
    const hits = all.filter((u) => ((MAYBE.test(u.text) && defersSafety(u.text)) || defersSafeguard(u.text)) && !COUNTERED.test(u.text) && !GATED.test(u.text));
    return hits.length
      ? {
          present: true,
          rationale: `Defers quality or safety to later prompting or to the model itself ("fix it later with prompts" and its kin)${readings(hits.map((u) => u.text))}.`,
          evidence: pickEvidence(hits.map((u) => quote(u)), 3),
        }
      : { present: false, rationale: 'No "fix it later with prompts" reasoning was found.', evidence: [] };
  },
};
