import { indexed } from '../../src/grading/prefilter.js';
import { isRejectedOrQuoted, pickEvidence, quote, straightQuotes } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';
import { besideTheRules } from './reader.js';
import { CONDITIONED, COUNTERED, GATED, GOVERNANCE, isQuestion, MEASURING, SAFEGUARD_BEFORE, safeguardReading, unitDefersGovernance, unitDefersSafeguard } from './deferral.js';

/** A safeguard called a later concern: "evals are a phase-2 concern". The tail is asked first (rare), the safeguard only then. */
const LATER_CONCERN_TAIL = indexed(/\b(?:is|are) (?:a |an )?(?:phase[- ]?(?:2|two)|v2|later|future|post-?launch|next[- ]phase|nice[- ]to[- ]have|luxury|second-order) (?:concern|problem|item|thing|topic|question|task|job|priority|feature|worry)\b/gi);
const LATER_CONCERN = new RegExp(String.raw`${SAFEGUARD_BEFORE.source}[^.;]{0,30}$`, 'i');
function calledLaterConcern(text: string, straight: string): boolean {
  for (const m of straight.matchAll(LATER_CONCERN_TAIL)) {
    const from = Math.max(0, m.index - 200);
    const head = LATER_CONCERN.exec(straight.slice(from, m.index));
    if (head && !isRejectedOrQuoted(text, from + head.index, m.index + m[0].length)) return true;
  }
  return false;
}

const COMPOSED = [
  // Only the readings graders/flags/deferral.ts does not already make (measured on the dev set and the phrase bank).
  /\b(?:don'?t|do not|won'?t|will not|doesn'?t|does not) (?:expect|anticipate|foresee|plan|intend)(?: to need)? (?:to )?(?:need (?:to )?)?(?:roll ?-?(?:back|backs)|revert\w*|a roll ?-?back|a way back|a fallback|(?:ever )?needing to (?:switch|turn) it off|an off-?switch|a kill[- ]?switch)\b(?![\s\S]{0,150}\b(?:but|still|anyway|regardless|even so|nonetheless|drill|rehears|practi[sc]e|test)\w*)/i,
  /\b(?:not going to|won'?t|will not|don'?t|do not|no need to) (?:bother (?:with|to)|chase|track|measure|monitor|optimi[sz]e|worry about|look at)\b[^.;]{0,12}\b(?:unit )?(?:costs?|spend\w*|unit economics|budget|quality|accuracy|error rates?|hallucinations?)\b/i,
  /\b(?:optimi[sz]\w+|tracking|chasing|managing|worrying about|measuring) (?:\w+ )?(?:spend|costs?|unit economics|budget)\b[^.;]{0,50}\b(?:is|would be|seems?) (?:premature|a mistake|a waste|pointless|overkill|unnecessary)\b/i,
  /\b(?:look at|worry about|think about|deal with|optimi[sz]e) (?:\w+ ){0,2}(?:unit economics|costs?|spend)\b[^.;]{0,20}\b(?:at series [A-D]|later|once|after|when)\b/i,
  /\b(?:recs|recommendations|drafts|replies|answers|outputs|summaries|responses|letters|emails)\b[^.;]{0,20}\bgo(?:es)? (?:straight|directly) to\b|\blet (?:the )?(?:bot|assistant|model|AI|agent) (?:answer|reply|respond|send|publish)\w* [^.;]{0,30}\bdirectly\b|\b(?:publish(?:es|ed)?|go(?:es)? out|post(?:s|ed)?|send(?:s)?|sent)(?: it| them)? (?:straight|directly) (?:from|to|out)\b(?! (?:the |our |each |a )?[\w-]+['’]s? (?:own )?(?:phones?|inbox|queue|tablets?|apps?|screens?|devices?|pagers?|radios?)\b)(?![^.;]{0,40}\b(?:after|once) (?:review|approval|a (?:human|reviewer)))/i,
  // "The agent sends directly, this is the gain of the product."
  /\b(?:the )?(?:agent|bot|assistant|model|AI|system|copilot)s? (?:then )?(?:sends?|repl(?:y|ies)|answers?|publish(?:es)?|posts?) (?:directly|straight away|on its own|by itself|without (?:a |any )?(?:human|review|check|approval|operator))\b(?!\s+(?:to|into|on|from|in)\b)/i,
  /\b(?:measure|track|monitor|evaluate|test)\w*\b[^.;]{0,40}\b(?:once|when|after|until) (?:we'?ve got|we have|we get|we'?ve|there are) (?:paying|real|enough|more|some) (?:users|customers|clients|volume|traffic)\b/i,
  /\b(?:inference |running |run |model |token )?costs?\b (?:is|are) (?:a |the )?(?:later|future|next year'?s|phase[- ]2|v2|year[- ]2) (?:problem|concern|issue|topic|question|worry)\b/i,
  /\b(?:won'?t|will not|no longer|don'?t|do not) (?:need|have) to (?:check|review|approve|verify|confirm|double-?check|sign off|read|look at|validate)\b/i,
  /\bno (?:need|longer a need) for (?:a |any |the )?(?:person|human|people|staff|anyone|reviewer|someone|an? \w+|\w+)s? to (?:check|review|approve|verify|read|look at|look (?:again|over))\b/i,
  // "I do not believe it necessary for a member of staff to read each confirmation before it is sent."
  /\b(?:(?:do not|don'?t) (?:believe|think|consider|find) (?:it )?|(?:it is|it'?s|is) (?:not )?)(?:necessary|needed|required|unnecessary|needless)\b[^.;:]{0,12}\bfor (?:a |any |the |our )?(?:[\w-]+ ){0,4}?(?:person|human|people|staff|anyone|reviewer|someone|member of staff|employee|[\w-]+er)s? to (?:read|check|review|approve|verify|look at|look over|see)\b/i,
];

/**
 * The boundary between the two critical flags: a governance structure put off that lists monitoring among its
 * parts ("Full policy (approvals, monitoring, incident handling): to be drafted after the first customer") is
 * governance_afterthought, not this flag.
 */
function governanceFirst(u: { text: string }): boolean {
  if (!unitDefersGovernance(u)) return false;
  const g = GOVERNANCE.exec(u.text)?.index ?? Infinity;
  const safeguard = Math.min(SAFEGUARD_BEFORE.exec(u.text)?.index ?? Infinity, MEASURING.exec(u.text)?.index ?? Infinity);
  return g < safeguard && /^[^.;]{0,40}\(/.test(u.text.slice(g));
}

/** "We'll fix it later with prompts" and its kin, as RUBRIC.md lists them (critical). */
const PATTERNS = [
  // The rubric's own phrasings that graders/flags/deferral.ts does not already read (measured on the dev set and the phrase bank).
  /\b(?:just|simply)\s+prompt(?:[- ]engineer)?(?:ing)?\b[^.;]{0,20}\b(?:around|away|our way)\b|\bprompt[- ]engineer(?:ing)? (?:around|our way out of|away)\b|\bprompt (?:our|my|the|their) way (?:out of|around|through|past)\b/i,
  // "Whatever it gets wrong in the first weeks we shall correct by refining its instructions."
  /\b(?:handled|fixed|covered|solved|addressed|dealt with|sorted|correct(?:ed)?|fix|remed(?:y|ied))\b[^.;]{0,20}\b(?:by|with|through) (?:tuning|tweaking|adjusting|editing|updating|iterating on|refining|rewriting|rewording) (?:the |its |our )?(?:system )?(?:prompts?|instructions)\b/i,
  /\b(?:trust|rely on|count on|let)\b[^.;]{0,12}\b(?:the )?(?:model|AI|LLM|system|assistant|bot|agent|summari[sz]er|classifier|generator|copilot|engine)s?\b[^.;]{0,12}\b(?:to )?(?:get better|learn|improve|handle|figure|sort|fix|catch|deal with|decide|judge|pick out|get it right)\b/i,
  // "with the volume of conversations the model learns the right tone alone"
  /\b(?:the )?(?:model|AI|LLM|system|assistant|bot|agent|engine)s?(?: (?:will|should|would|can|just|simply|then|slowly|soon|quickly))* (?:learn|improve|get better|correct|adjust|adapt|figure|picks? up)\w*\b[^.;]{0,30}\b(?:alone|by itself|on its own|of itself|without (?:our |any )?(?:help|intervention|us))\b/i,
  /\b(?:accuracy|quality|errors?|mistakes|hallucinations?|it|things|edge cases|issues|problems)\b[^.;]{0,25}\b(?:will )?(?:sort|work|iron) (?:itself|themselves) out\b/i,
  /\b(?:review|approval|checks?|sign-?off|the human queue|human review|oversight)\b[^.;]{0,20}\bslows? (?:\w+ ){0,3}down\b[^.;]{0,20}\bso (?:we'?ll|we will|we can|we)\b[^.;]{0,10}\b(?:drop|skip|remove|stop|cut)\b/i,
  /\b(?:don'?t|do not|won'?t|will not|no longer) (?:need to |have to )?go (?:to|through) (?:the )?(?:human|manual|moderat\w+|review)\b/i,
  /\b(?:the )?(?:model|AI|LLM|GPT|system|agent)s?\s+(?:will|can|should|is going to)\s+(?:learn to\s+)?(?:figure|work|sort)\s+(?:it|this|that|those|them|things|everything)\s+out\b/i,
  /\bhallucinations?\b[^.;]{0,20}\b(?:(?:are|is|will be|aren'?t|isn'?t)\s+(?:an?\s+)?(?:non-?issue|not (?:an? )?(?:issue|problem|concern|risk|real risk)|no (?:problem|issue|concern)|negligible|rare enough|irrelevant|overblown|solved|nothing to worry about)|won'?t (?:matter|be (?:an? )?(?:issue|problem))|don'?t matter)\b/i,
  /\b(?:roll ?-?backs?|revert(?:ing|s)?|rolling back) (?:won'?t|will not|isn'?t|is not|shouldn'?t|should not|will never|are not|aren'?t)\s+(?:be\s+)?(?:needed|necessary|required|happen|an? (?:issue|concern))\b|\b(?:won'?t|will not|don'?t|do not) (?:need|plan for) (?:a\s+)?roll ?-?backs?(?: plan)?\b|\bno (?:need for a |need to plan (?:a |for )?)roll ?-?back\b/i,
];


/** All listed phrasings in one pass (each alternative keeps its own flags' meaning: all are case-insensitive). */
function combine(patterns: RegExp[]): RegExp {
  for (const re of patterns) if (!re.flags.includes('i')) throw new Error(`pattern must be case-insensitive: ${re.source.slice(0, 40)}`);
  return indexed(new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), 'gi'));
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
  // Whatever else the sentence says, a measured condition means a considered reduction, not a deferral.
  return (matchesAny(text, straight, ALL_COMPOSED) || calledLaterConcern(text, straight)) && !CONDITIONED.test(text);
}

/** What the passages were read as ("safeguard deferred", "human review removed"), for the reviewer. */
function readings(texts: string[]): string {
  const found = [...new Set(texts.map(safeguardReading).filter((r): r is string => r !== null))];
  return found.length ? `: ${found.join('; ')}` : ': a listed phrasing';
}

/** The passages the rules read as the flag (before the second reader). */
export function fixLaterRuleHits<T extends { text: string }>(all: T[]): T[] {
  // A sentence that argues against the idea or puts the safeguard before launch is never the flag.
  return all.filter((u) => !isQuestion(u.text) && (defersSafety(u.text) || unitDefersSafeguard(u)) && !COUNTERED.test(u.text) && !GATED.test(u.text) && !governanceFirst(u));
}

/** `fix_later_with_prompts`: problems deferred to prompting, the model, or "later". */
export const fixLaterWithPrompts: FlagDetector = {
  detect({ all }) {
    const { kept: hits, instead } = besideTheRules('fix_later_with_prompts', fixLaterRuleHits(all), all, false);
    if (instead) return instead;
    return hits.length
      ? {
          present: true,
          rationale: `Defers quality or safety to later prompting or to the model itself ("fix it later with prompts" and its kin)${readings(hits.map((u) => u.text))}.`,
          evidence: pickEvidence(hits.map((u) => quote(u)), 3),
        }
      : { present: false, rationale: 'No "fix it later with prompts" reasoning was found.', evidence: [] };
  },
};
