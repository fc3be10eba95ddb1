/**
 * A second reader for the two critical red flags. The rules in deferral.ts and the detectors read
 * a passage by its parts (a safeguard, what is done to it, what undercuts it); on fresh writers they
 * also match passages that only look like the flag ("Model cost is noise next to truck rolls", a
 * mitigation that says "never model-generated"). This reader is a logistic model over the passage's
 * word n-grams, trained by fixtures/train-reader.ts on the labelled phrase banks and the labelled
 * submissions (reader-weights.ts holds its weights: data, not code).
 *
 * It never raises a critical flag. A passage a rule matched is set aside when the reader gives it
 * almost no chance of being the flag; the flag is then not raised from it, and the sheet says so and
 * asks a reviewer to look (`needs_attention`), with the passage as evidence. A passage no rule matched
 * that the reader is nearly sure of is put before the reviewer the same way, flag not raised. A third
 * model reads tradeoffs: `no_tradeoffs` is not raised when it is nearly sure a passage weighs one good
 * against another. Pure and deterministic: the same text always gets the same score.
 */
import { indexed } from '../../src/grading/prefilter.js';
import { pickEvidence, quote, type Unit } from '../../src/grading/text.js';
import type { FlagResult } from '../../src/grading/types.js';
import { CONDITIONED, COUNTERED, GATED, GOVERNANCE, MEASURING, SAFEGUARD_BEFORE, unitDefersGovernance, unitDefersSafeguard } from './deferral.js';
import { READER_WEIGHTS } from './reader-weights.js';

export type ReaderFlag = 'fix_later_with_prompts' | 'governance_afterthought';
/** The reader's questions: the two critical flags, and whether a passage weighs one good against another. */
export type ReaderModel = ReaderFlag | 'tradeoff';

/** Below this chance a rule's match is set aside (chosen by cross-validation: `npx tsx fixtures/train-reader.ts --cv --holdout14 …`; README). */
export const SET_ASIDE_BELOW = 0.02;

/** The passage's features: lower-cased words, pairs and triples of words. */
export function readerFeatures(text: string): string[] {
  const words = text.toLowerCase().replace(/[’']/g, "'").match(/[a-z0-9]+(?:'[a-z]+)?|[%€$£|:;?]/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    out.add(words[i]!);
    if (i + 1 < words.length) out.add(`${words[i]} ${words[i + 1]}`);
    if (i + 2 < words.length) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  }
  return [...out];
}

const models = Object.fromEntries(
  (['fix_later_with_prompts', 'governance_afterthought', 'tradeoff'] as const).map((m) => [m, { bias: READER_WEIGHTS[m].bias, weights: new Map(Object.entries(READER_WEIGHTS[m].weights)) }]),
) as Record<ReaderModel, { bias: number; weights: Map<string, number> }>;

/** The reader's chance (0–1) that the passage expresses the flag. */
export function readerScore(flag: ReaderModel, text: string): number {
  return chanceOf(flag, readerFeatures(text));
}
function chanceOf(flag: ReaderModel, features: string[]): number {
  const m = models[flag];
  let z = m.bias;
  for (const f of features) z += m.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
// A unit is asked up to three questions in one grading, several times over (the flags, the cost item, the tradeoff
// check): its features are read once, and each model's chance computed once (per unit, so for one grading only).
const unitScores = new WeakMap<object, { features: string[]; chances: Partial<Record<ReaderModel, number>> }>();
function unitScore(flag: ReaderModel, u: { text: string }): number {
  let s = unitScores.get(u);
  if (!s) unitScores.set(u, (s = { features: readerFeatures(u.text), chances: {} }));
  return (s.chances[flag] ??= chanceOf(flag, s.features));
}

/** The n-grams that weighed most for and against the flag in this passage, for the rationale. */
export function readerTerms(flag: ReaderModel, text: string, n = 3): { for: string[]; against: string[] } {
  const m = models[flag];
  const weighed = readerFeatures(text)
    .map((f) => [f, m.weights.get(f) ?? 0] as const)
    .filter(([, w]) => w !== 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { for: weighed.filter(([, w]) => w > 0).slice(0, n).map(([f]) => f), against: weighed.filter(([, w]) => w < 0).slice(-n).reverse().map(([f]) => f) };
}

/** At or above this chance a passage no rule matched is put before the reviewer (never raised). */
export const ATTENTION_AT = 0.9;

/** What a passage must be about for the reader's word alone to matter: a safeguard (or review, testing, cost), or governance. */
const SAFEGUARD_WORDS = indexed(/\b(?:review\w*|check\w*|prompt\w*|cost\w*|budget\w*|spend\w*|human\w*|approv\w*|test\w*|monitor\w*|guardrail\w*|eval\w*|rollback|roll back|errors?|mistakes?|accura\w*|quality)\b/i);
const TOPIC: Record<ReaderFlag, (text: string) => boolean> = {
  fix_later_with_prompts: (t) => SAFEGUARD_BEFORE.test(t) || MEASURING.test(t) || SAFEGUARD_WORDS.test(t),
  governance_afterthought: (t) => GOVERNANCE.test(t),
};

/**
 * Passages no rule matched that the reader nonetheless reads as the flag (chance ≥ ATTENTION_AT), on the flag's
 * topic and not argued against, gated or tied to a measured condition. The flag is not raised from them: over
 * whole submissions the reader's word alone raised more false alarms than it found flags (README); a reviewer looks.
 */
export function readerOnly<T extends { text: string }>(flag: ReaderFlag, units: T[], at = ATTENTION_AT): { unit: T; score: number }[] {
  const out: { unit: T; score: number }[] = [];
  for (const u of units) {
    if (!TOPIC[flag](u.text)) continue;
    const score = unitScore(flag, u);
    if (score >= at && !COUNTERED.test(u.text) && !GATED.test(u.text) && !CONDITIONED.test(u.text) && !/["“”]/.test(u.text)) out.push({ unit: u, score });
  }
  return out;
}

/**
 * A passage the rules read as a critical flag and the reader does not set aside: "checking every answer would only
 * slow the doors" drops a safeguard for speed. Such a passage is the red flag, not a tradeoff weighed (no_tradeoffs).
 */
export function readAsCriticalFlag(u: { text: string }): boolean {
  return (unitDefersSafeguard(u) && unitScore('fix_later_with_prompts', u) >= SET_ASIDE_BELOW) || (unitDefersGovernance(u) && unitScore('governance_afterthought', u) >= SET_ASIDE_BELOW);
}

/** A gap owned up to, not a price weighed: "Model usage should be small, but I have not yet priced it." */
const STILL_OPEN = /\b(?:not yet|haven'?t yet|have not yet|still to be|yet to be)\b[^.;]{0,20}\b(?:priced|estimated|costed|quoted|known|decided|measured|checked|tested)\b|\bTBD\b/i;

/** At or above this chance the reader takes a passage as weighing one good against another. */
export const TRADEOFF_AT = 0.995;

/**
 * Passages the reader takes as a tradeoff where no rule reading did ("Session-only memory: parents repeat
 * themselves more, but no children's data is stored"). `no_tradeoffs` is not raised when one exists: on the
 * labelled sets it is never trained on (holdout–holdout3, holdout14–24), it clears 12 of 17 of the flag’s false alarms and 2 of 76 true flags (README).
 */
export function readerTradeoffs<T extends { text: string }>(units: T[]): { unit: T; score: number }[] {
  const out: { unit: T; score: number }[] = [];
  for (const u of units) {
    const score = unitScore('tradeoff', u);
    // A safeguard or governance dropped for speed is a red flag, not a weighed tradeoff (as in no_tradeoffs).
    if (score >= TRADEOFF_AT && !readAsCriticalFlag(u) && !STILL_OPEN.test(u.text)) out.push({ unit: u, score });
  }
  return out;
}

/** Split a rule's matches into those the reader keeps and those it sets aside. */
export function secondRead<T extends { text: string }>(flag: ReaderFlag, hits: T[], readAs?: (u: T) => string): { kept: T[]; setAside: { unit: T; score: number }[] } {
  const kept: T[] = [];
  const setAside: { unit: T; score: number }[] = [];
  for (const u of hits) {
    // A passage may be read with the words that give it its topic (its heading), when the detector says so.
    const text = readAs?.(u);
    const score = text === undefined || text === u.text ? unitScore(flag, u) : unitScore(flag, { text });
    if (score < SET_ASIDE_BELOW) setAside.push({ unit: u, score });
    else kept.push(u);
  }
  return { kept, setAside };
}

/**
 * The second reader beside a critical flag's rule matches, as both detectors use it: the matches it keeps, and,
 * when it keeps none, what the sheet says instead (null: nothing to say, the flag is simply absent).
 * - every match set aside: not raised, `needs_attention`, the passages as evidence;
 * - no match at all, but passages the reader is nearly sure of (`readerOnly`): put before the reviewer, and raised
 *   only where `raiseOnReaderAlone` and the passage says when or whose (governance_afterthought: right three times on the labelled sets,
 *   wrong three times (674, 682, 934) while a bare "customer" or "vendor" or "handled" counted as whose: "customer data will be processed in line with the Act";
 *   fix_later_with_prompts: right once, wrong six times).
 */
export function besideTheRules(flag: ReaderFlag, ruleHits: Unit[], all: Unit[], raiseOnReaderAlone: boolean, readAs?: (u: Unit) => string): { kept: Unit[]; instead: FlagResult | null } {
  const { kept, setAside } = secondRead(flag, ruleHits, readAs);
  if (kept.length > 0) return { kept, instead: null };
  if (setAside.length > 0) return { kept, instead: { present: false, needs_attention: true, rationale: setAsideRationale(flag, setAside), evidence: pickEvidence(setAside.map((s) => quote(s.unit)), 3) } };
  const found = readerOnly(flag, all);
  if (found.length === 0) return { kept, instead: null };
  // Raised only where a passage also says when or whose (a list of the people involved is not put off to anyone).
  const raise = raiseOnReaderAlone && found.some((s) => WHEN_OR_WHOSE.test(s.unit.text));
  const first = `first: ${(found[0]!.score * 100).toFixed(0)}% chance`;
  const rationale = raise
    ? `Raised by the second reader alone (a phrase model trained on labelled examples; no rule matched): it reads ${found.length} passage(s) as this flag (${first}) — check it.`
    : `Not raised, but check by hand: no rule matched, yet the second reader (a phrase model trained on labelled examples) reads ${found.length} passage(s) as possibly this flag (${first}).`;
  return { kept, instead: { present: raise, needs_attention: true, rationale, evidence: pickEvidence(found.map((s) => quote(s.unit)), 3) } };
}

/** A word that places something in time or with someone else: what a deferral or a hand-off needs to say (someone else's job, not their data). */
const WHEN_OR_WHOSE = /\bafter (?:the |our |a |we )?(?:[\w-]+ ){0,2}(?:launch\w*|pilot|go-?live|release|rollout|PMF|product-market fit|revenue|funding|round|traction|months?|weeks?|year|Q[1-4]|phase|results?|scale|season|summer|winter|opening)\b|\b(?:later|afterwards|once|when|until|post|next|phase|year|month|quarter|Q[1-4]|H[12]|M\d+|v\d|wave|stage|first|second|then|yet|eventually|their|them|they|theirs|job|problem|handles|will handle|handled by|handle[sd]? (?:elsewhere|separately|later|outside|centrally)|own(?:s|ed|ers?)?|belong\w*|covers?|covered|left|out|instead|rather|not|no|without|never|skip\w*)\b|n't\b|\b(?:vendor|partner|supplier|provider|reseller|integrator)s?['’]s?(?=\s)|\b(?:client|customer)s?['’]s?\s+(?:job|problem|call|side|responsibility|remit|concern|lawyers?|legal|team)\b|\b(?:the |our )?(?:vendor|partner|client|customer|supplier|provider|reseller)s? (?:handles?|owns?|covers?|takes care of|is responsible|are responsible)\b/i;

/** The rationale for a flag not raised because every rule match was set aside. */
function setAsideRationale(flag: ReaderFlag, setAside: { unit: { text: string }; score: number }[]): string {
  const first = setAside[0]!;
  const terms = readerTerms(flag, first.unit.text);
  const against = terms.against.length ? `; it weighs against: ${terms.against.map((t) => `"${t}"`).join(', ')}` : '';
  return `Not raised, but check by hand: a rule matched ${setAside.length} passage(s), and the second reader (a phrase model trained on labelled examples) gives ${setAside.length === 1 ? 'it' : 'each'} under ${Math.round(SET_ASIDE_BELOW * 100)}% chance of being this flag (first: ${(first.score * 100).toFixed(1)}%${against}).`;
}
