import type { Document, SectionDeliverable } from '../documents/model.js';
import { computePillars, decide, gradingUnits, isVerbatim, unitsForItem } from '../grading/grade.js';
import type { Rubric, RubricItem } from '../grading/rubric.js';
import type { Evidence, ItemSuggestion, RedFlagSuggestion, Sheet } from '../grading/sheet.js';
import type { Unit } from '../grading/text.js';
import type { FlagDetector, ItemGrader } from '../grading/types.js';
import type { AssistAnswer } from './output-schema.js';
import { verifyQuotes } from './verify.js';

export interface MergeInput {
  /** The rule graders' sheet. */
  sheet: Sheet;
  documents: Document[];
  rubric: Rubric;
  answer: AssistAnswer;
  graders: Record<string, ItemGrader>;
  detectors: Record<string, FlagDetector>;
}

export interface MergeOutcome {
  sheet: Sheet;
  disagreements: number;
  raised: number;
  dropped: number;
  /** Items and flags whose answer was unusable (marked for attention). */
  unusable: string[];
}

/** A disagreement lowers confidence to at most this: the reviewer should not skim it. */
const DISAGREEMENT_CONFIDENCE = 0.5;

const covers = (u: Unit, e: Evidence) => u.file === e.file && u.location === e.location && (u.text.includes(e.quote) || e.quote.includes(u.text));

/**
 * Can the model's evidence raise this item? Only if the rule grader, re-run on the units it read
 * plus the units the model's verified quotes point to that it had not read (text elsewhere in
 * the submission, a section classified as another deliverable), gives a higher score, and its
 * evidence for that score includes those units. Text the injection detector flagged is never
 * among them. Units the grader had already read change nothing: there the grader's own verdict
 * stands, whatever the model says.
 */
function ruleAcceptedRaise(
  item: RubricItem,
  current: number,
  modelUnits: Unit[],
  context: { units: Unit[]; documents: Document[]; grader: ItemGrader | undefined; present: Set<SectionDeliverable> },
): { score: number; confidence: number; rationale: string; evidence: Evidence[]; signals: Record<string, number | boolean> } | undefined {
  const { grader, units, documents, present } = context;
  if (!grader) return undefined;
  // An item whose deliverable is missing is absent by rule; a model cannot make it present.
  if (!(item.requires ?? [item.deliverables[0]!]).some((d) => present.has(d))) return undefined;
  const read = new Set(unitsForItem(units, item));
  const added = modelUnits.filter((u) => !read.has(u));
  if (added.length === 0) return undefined;
  const widenedSet = new Set([...read, ...added]);
  const widened = units.filter((u) => widenedSet.has(u)); // document order, as graders expect
  const r = grader({ units: widened, all: units, documents, item });
  const evidence = r.evidence.filter((e) => isVerbatim(documents, e));
  const score = evidence.length === 0 ? 0 : r.score;
  if (score <= current) return undefined;
  if (!evidence.some((e) => added.some((u) => covers(u, e)))) return undefined;
  return { score, confidence: r.confidence, rationale: r.rationale, evidence, signals: r.signals };
}

/**
 * Combine the rule graders' sheet with a model's verified answer (the merge policy in README):
 * - the rule graders' suggestion stands, and is kept beside the model's opinion (`rule`, `model`);
 * - a model can raise an item only with verified quotes that the rule grader, re-run with them,
 *   accepts (`ruleAcceptedRaise`); never above its own score;
 * - a model never lowers an item and never adds or removes a red flag: there it is a second
 *   opinion, and a disagreement is marked `disagreement` and `needs_attention` for the reviewer;
 * - an unusable answer for an item or flag leaves the rule suggestion, marked `needs_attention`.
 * Pillars and the decision are computed again from the merged scores.
 */
export function mergeAssist(input: MergeInput): MergeOutcome {
  const { sheet, documents, rubric, answer } = input;
  // The same units and deliverables the rule graders read, so a re-run differs only by the model's units.
  const units = gradingUnits(documents, rubric);
  const present = units.present;
  let disagreements = 0;
  let raised = 0;
  let dropped = 0;
  const unusable: string[] = [];

  const items: Record<string, ItemSuggestion> = {};
  for (const item of rubric.items) {
    const rule = sheet.items[item.id];
    if (!rule) continue;
    const ruleView = { suggested: rule.suggested, confidence: rule.confidence, rationale: rule.rationale, evidence: rule.evidence };
    const a = answer.items[item.id];
    if (!a) {
      unusable.push(item.id);
      items[item.id] = { ...rule, needs_attention: true, rule: ruleView, model: null, disagreement: false };
      continue;
    }
    const v = verifyQuotes(a.quotes, documents, units);
    dropped += v.dropped;
    const model = { score: a.score, rationale: a.rationale, evidence: v.evidence, dropped_quotes: v.dropped };
    const disagreement = a.score !== rule.suggested;
    if (disagreement) disagreements++;
    let merged: ItemSuggestion = { ...rule };
    if (a.score > rule.suggested) {
      const accepted = ruleAcceptedRaise(item, rule.suggested, v.units, { units: units.units, documents, grader: input.graders[item.grader ?? item.id], present });
      if (accepted) {
        const suggested = Math.min(a.score, accepted.score);
        const where = [...new Set(v.units.map((u) => `${u.file} (${u.location})`))].slice(0, 3).join(', ');
        merged = {
          ...merged,
          suggested,
          confidence: accepted.confidence,
          rationale: `${accepted.rationale} Raised from ${rule.suggested} to ${suggested}: the model quoted text the rule grader had not read for this item (${where}), and the rule grader accepts it.`,
          evidence: accepted.evidence,
          signals: accepted.signals,
          source: 'model',
        };
        raised++;
      }
    }
    items[item.id] = {
      ...merged,
      confidence: disagreement ? Math.min(merged.confidence, DISAGREEMENT_CONFIDENCE) : merged.confidence,
      needs_attention: rule.needs_attention === true || disagreement,
      rule: ruleView,
      model,
      disagreement,
    };
  }

  const red_flags: Record<string, RedFlagSuggestion> = {};
  for (const flag of rubric.red_flags) {
    const rule = sheet.red_flags[flag.id];
    if (!rule) continue;
    const a = answer.red_flags[flag.id];
    if (!a) {
      unusable.push(flag.id);
      red_flags[flag.id] = { ...rule, needs_attention: true, model: null, disagreement: false };
      continue;
    }
    const v = verifyQuotes(a.quotes, documents, units);
    dropped += v.dropped;
    const disagreement = a.present !== rule.present;
    if (disagreement) disagreements++;
    // `present` stays the detector's: a model neither hides a flag the rules found nor adds one.
    red_flags[flag.id] = {
      ...rule,
      needs_attention: rule.needs_attention === true || disagreement,
      model: { present: a.present, rationale: a.rationale, evidence: v.evidence, dropped_quotes: v.dropped },
      disagreement,
    };
  }

  const scores = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.suggested]));
  const pillars = computePillars(rubric, scores);
  const decision = decide(rubric, pillars, Object.fromEntries(Object.entries(red_flags).map(([k, v]) => [k, v.present])));
  return { sheet: { ...sheet, items: { ...sheet.items, ...items }, red_flags: { ...sheet.red_flags, ...red_flags }, pillars, decision }, disagreements, raised, dropped, unusable };
}
