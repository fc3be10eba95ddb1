import { contentKind, openingKind } from '../documents/classify.js';
import type { Document, SectionDeliverable } from '../documents/model.js';
import { defaultRubric, type Rubric, type RubricItem } from './rubric.js';
import type { Decision, Evidence, ItemSuggestion, RedFlagSuggestion, Sheet } from './sheet.js';
import { buildUnits, placeOf, type Unit } from './text.js';
import type { FlagDetector, ItemGrader } from './types.js';
import { findInjections } from './injection.js';

export interface GradeOptions {
  rubric?: Rubric;
  graders: Record<string, ItemGrader>;
  detectors: Record<string, FlagDetector>;
}

const DELIVERABLE_NAMES: Record<string, string> = { roadmap: 'roadmap', policy: 'Responsible AI policy', cost: 'cost slide' };

/** Passages under one heading (elsewhere classified) whose words plainly read like `kind`: a real block of text, not a stray line. */
function findUnclassified(units: Unit[], kind: SectionDeliverable): Unit[] {
  const byHeading = new Map<string, Unit[]>();
  for (const u of units) {
    const key = placeOf(u);
    byHeading.set(key, [...(byHeading.get(key) ?? []), u]);
  }
  const bySection = new Map<number, Unit[]>();
  for (const u of units) bySection.set(u.section, [...(bySection.get(u.section) ?? []), u]);
  // A block is the text under one heading; a file without headings is no block (it would move whole).
  const blocks = [...byHeading.values()].filter((us) => us[0]!.path.length > 0 && us.reduce((n, u) => n + u.text.length, 0) >= 250 && contentKind(us.map((u) => u.text).join('\n'), 4) === kind);
  // A paragraph of headingless prose that opens by naming the deliverable counts as well ("On Responsible AI, …").
  const sections = [...bySection.values()].filter((us) => contentKind(us.map((u) => u.text).join('\n'), 3) === kind || (us[0]!.path.length === 0 && openingKind(us[0]!.text) === kind));
  return [...new Set([...blocks.flat(), ...sections.flat()])];
}

/** Is `quote` verbatim in the parsed text of `file` (a section's text or heading path)? */
export function isVerbatim(documents: Document[], e: Evidence): boolean {
  const doc = documents.find((d) => d.file === e.file);
  if (!doc) return false;
  return doc.sections.some((s) => s.location === e.location && (s.text.includes(e.quote) || s.path.includes(e.quote)));
}

/**
 * The units graders read: every sentence, bullet and row except text addressed to a grader or a
 * model (prompt injection), which is never evidence and is returned apart.
 */
export function submissionUnits(documents: Document[]): { all: Unit[]; units: Unit[]; injections: Unit[] } {
  const all = buildUnits(documents);
  const injections = findInjections(all);
  const flagged = new Set(injections);
  return { all, units: all.filter((u) => !flagged.has(u)), injections };
}

/** The units an item's grader reads: sections of its deliverables and of unclassified files. */
export function unitsForItem(units: Unit[], item: RubricItem): Unit[] {
  const readable = new Set<string>([...item.deliverables, 'unknown']);
  return units.filter((u) => readable.has(u.deliverable));
}

/** What graders read, prepared once per submission: the units, the deliverables present, and the notes about both. */
export interface GradingUnits {
  all: Unit[];
  /** Every unit but prompt injections; units of passages graded as a missing deliverable carry it. */
  units: Unit[];
  injections: Unit[];
  present: Set<SectionDeliverable>;
  warnings: string[];
}

/** Units and deliverables exactly as `gradeSubmission` grades them (the LLM assist re-runs graders on the same view). */
export function gradingUnits(documents: Document[], rubric: Rubric): GradingUnits {
  const warnings: string[] = [];
  const { all, units, injections } = submissionUnits(documents);
  for (const u of injections) warnings.push(`possible prompt injection in ${u.file} (${u.location}): "${u.text.slice(0, 120)}" — ignored for grading`);

  const present = new Set<SectionDeliverable>();
  for (const d of documents) for (const s of d.sections) present.add(s.deliverable);
  const missing: SectionDeliverable[] = [];
  const declared = rubric.deliverables ? Object.keys(rubric.deliverables) : ['roadmap', 'policy', 'cost'];
  for (const d of declared as SectionDeliverable[]) {
    if (present.has(d)) continue;
    // No file was classified as this deliverable. Passages elsewhere that plainly read like it
    // (a policy folded into a roadmap without its own heading) are graded as it, and the sheet says so.
    const found = findUnclassified(units, d);
    if (found.length > 0) {
      for (const u of found) u.deliverable = d;
      present.add(d);
      const where = [...new Set(found.map((u) => `${u.file} (${u.location})`))].slice(0, 3).join(', ');
      warnings.push(`no file was classified as the ${DELIVERABLE_NAMES[d] ?? d}; graded the passages that read like it: ${where}`);
    } else {
      missing.push(d);
    }
  }
  // Items that can only come from a missing deliverable score 0; items with another source are read from it.
  for (const d of missing) {
    const needs = (it: Rubric['items'][number]) => it.requires ?? [it.deliverables[0]!];
    const zero = rubric.items.filter((it) => (needs(it) as string[]).includes(d) && !needs(it).some((x) => present.has(x))).map((it) => it.id);
    const other = rubric.items.filter((it) => (needs(it) as string[]).includes(d) && needs(it).some((x) => present.has(x))).map((it) => it.id);
    warnings.push(`no ${DELIVERABLE_NAMES[d] ?? d} found: ${zero.length ? `${zero.join(', ')} score${zero.length === 1 ? 's' : ''} 0` : 'no item scores 0 for it'}${other.length ? `; ${other.join(', ')} read from the other files` : ''}`);
  }
  return { all, units, injections, present, warnings };
}

/**
 * Documents → the pre-filled grading sheet. Items and flags come from rule graders; pillars and
 * the decision are computed as the rubric says. Deterministic: no clocks, no randomness.
 */
export function gradeSubmission(documents: Document[], options: GradeOptions): Sheet {
  const rubric = options.rubric ?? defaultRubric;
  const { units, present, warnings } = gradingUnits(documents, rubric);

  const items: Record<string, ItemSuggestion> = {};
  for (const item of rubric.items) {
    const requires = item.requires ?? [item.deliverables[0]!];
    if (!requires.some((d) => present.has(d))) {
      items[item.id] = { suggested: 0, confidence: 0.9, rationale: `No ${requires.map((d) => DELIVERABLE_NAMES[d] ?? d).join(' or ')} was submitted, so this item is absent.`, evidence: [], source: 'rule' };
      continue;
    }
    const grader = options.graders[item.grader ?? item.id];
    if (!grader) {
      warnings.push(`no grader for item ${item.id}: a reviewer must score it`);
      items[item.id] = { suggested: 0, confidence: 0, rationale: 'No automatic grader exists for this item; score it by hand.', evidence: [], source: 'rule', needs_attention: true };
      continue;
    }
    const r = contained(() => grader({ units: unitsForItem(units, item), all: units, documents, item }), `the ${item.id} grader`, warnings);
    if (!r) {
      items[item.id] = { suggested: 0, confidence: 0, rationale: 'The automatic grader failed on this text; score it by hand.', evidence: [], source: 'rule', needs_attention: true };
      continue;
    }
    const evidence = r.evidence.filter((e) => isVerbatim(documents, e));
    const suggested = evidence.length === 0 ? 0 : r.score;
    items[item.id] = {
      suggested,
      confidence: round(r.confidence),
      rationale: suggested === r.score ? r.rationale : `${r.rationale} No verifiable quote supports it, so it scores 0.`,
      evidence,
      source: 'rule',
      signals: r.signals,
    };
  }

  const red_flags: Record<string, RedFlagSuggestion> = {};
  for (const flag of rubric.red_flags) {
    const detector = options.detectors[flag.detector ?? flag.id];
    if (!detector) {
      warnings.push(`no detector for red flag ${flag.id}: a reviewer must check it`);
      red_flags[flag.id] = { present: false, critical: flag.critical, rationale: 'No automatic detector exists for this flag; check it by hand.', evidence: [], source: 'rule' };
      continue;
    }
    const r = contained(() => detector.detect({ all: units, documents }), `the ${flag.id} detector`, warnings);
    if (!r) {
      red_flags[flag.id] = { present: false, critical: flag.critical, rationale: 'The automatic detector failed on this text; check it by hand.', evidence: [], source: 'rule', needs_attention: true };
      continue;
    }
    const evidence = r.evidence.filter((e) => isVerbatim(documents, e));
    const isPresent = r.present && (detector.absence === true || evidence.length > 0);
    red_flags[flag.id] = { present: isPresent, critical: flag.critical, rationale: r.rationale, evidence, source: 'rule', ...(r.needs_attention ? { needs_attention: true } : {}) };
  }

  const scores = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.suggested]));
  const pillars = computePillars(rubric, scores);
  const decision = decide(rubric, pillars, Object.fromEntries(Object.entries(red_flags).map(([k, v]) => [k, v.present])));
  const files = Object.fromEntries(documents.map((d) => [d.file, d.deliverable]));
  return { rubric: rubric.id, files, items, red_flags, pillars, decision, status: 'prefilled', warnings };
}

/**
 * A grader or detector that throws on some text must not cost the candidate a sheet: the field is left to the
 * reviewer (needs attention, score 0, no evidence) and the sheet's warnings say which one failed and why.
 */
function contained<T>(run: () => T, what: string, warnings: string[]): T | undefined {
  try {
    return run();
  } catch (e) {
    warnings.push(`${what} failed on this submission (${e instanceof Error ? e.message : String(e)}): a reviewer must judge it by hand`);
    return undefined;
  }
}

/** Pillar = mean of its items, rounded as the rubric says (RUBRIC.md: rounded down). */
export function computePillars(rubric: Rubric, scores: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of rubric.pillars) {
    const mean = p.items.reduce((n, id) => n + (scores[id] ?? 0), 0) / p.items.length;
    out[p.id] = rubric.pillar_rounding === 'floor' ? Math.floor(mean + 1e-9) : Math.round(mean);
  }
  return out;
}

/** Advance when enough pillars reach the bar and no critical red flag is present. */
export function decide(rubric: Rubric, pillars: Record<string, number>, flags: Record<string, boolean>): Decision {
  const strong = Object.values(pillars).filter((v) => v >= rubric.decision.pillar_score_at_least).length;
  const critical = rubric.red_flags.some((f) => f.critical && flags[f.id]);
  if (rubric.decision.critical_flags_block && critical) return 'do_not_advance';
  return strong >= rubric.decision.min_pillars ? 'advance' : 'do_not_advance';
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

export type { Unit };
