import { MEASURE, TIME_FRAME, quote, pickEvidence, type Unit } from '../src/grading/text.js';
import type { ItemGrader, Score } from '../src/grading/types.js';
import { KPI_WORD, OUTCOME, TARGET, VANITY } from './cues.js';

const MILESTONE = /\b(?:milestones?|launch\w*|pilot|beta|GA\b|general availability|rollout|roll[- ]out|release\w*|phase|go[- ]live|MVP)\b/i;

interface Kpi {
  unit: Unit;
  outcome: boolean;
  vanity: boolean;
  target: boolean;
  timeFrame: boolean;
  milestone: boolean;
}

/** A number in the unit that is not a date or a quarter label: a value a target can be set on. */
function hasValue(text: string): boolean {
  const stripped = text.replace(new RegExp(TIME_FRAME.source, 'gi'), ' ');
  return MEASURE.test(stripped) || /\d/.test(stripped.replace(/\b(?:19|20)\d\d\b/g, ''));
}

/**
 * `kpis`: KPIs tied to customer outcomes, each with a target number and a time frame, linked
 * to a milestone (RUBRIC.md). Vanity metrics (prompts sent, model calls) are not outcomes.
 */
export const gradeKpis: ItemGrader = ({ units }) => {
  const kpis: Kpi[] = [];
  for (const unit of units) {
    const pathText = unit.path.join(' / ');
    const inKpiSection = KPI_WORD.test(pathText);
    const outcome = OUTCOME.test(unit.text);
    const vanity = VANITY.test(unit.text);
    if (!outcome && !vanity) continue;
    if (!inKpiSection && !KPI_WORD.test(unit.text) && !hasValue(unit.text)) continue;
    const value = hasValue(unit.text);
    kpis.push({
      unit,
      outcome,
      vanity: vanity && !outcome,
      target: value && (TARGET.test(unit.text) || inKpiSection || KPI_WORD.test(unit.text)),
      timeFrame: TIME_FRAME.test(unit.text) || TIME_FRAME.test(pathText),
      milestone: TIME_FRAME.test(pathText) || MILESTONE.test(unit.text) || MILESTONE.test(pathText),
    });
  }
  const mentions = units.filter((u) => KPI_WORD.test(u.text) || KPI_WORD.test(u.path.at(-1) ?? ''));
  const outcomeTargets = kpis.filter((k) => k.outcome && k.target);
  const complete = outcomeTargets.filter((k) => k.timeFrame);
  const linked = complete.filter((k) => k.milestone);
  const vanityOnly = kpis.filter((k) => k.vanity);

  let score: Score;
  let rationale: string;
  if (complete.length >= 2 && linked.length >= 1 && complete.length >= Math.ceil(outcomeTargets.length * 0.6)) {
    score = 3;
    rationale = `${complete.length} outcome KPIs carry a target number and a time frame, ${linked.length} tied to a milestone or phase.`;
  } else if (outcomeTargets.length >= 1) {
    score = 2;
    rationale = `${outcomeTargets.length} outcome KPI${outcomeTargets.length === 1 ? ' has' : 's have'} a target number, but ${complete.length < 2 ? 'fewer than two also have a time frame' : 'they are not tied to milestones'}.`;
  } else if (kpis.length > 0 || mentions.length > 0) {
    score = 1;
    rationale =
      vanityOnly.length > 0 && kpis.every((k) => k.vanity)
        ? 'The metrics named are activity counts (vanity metrics), not customer or business outcomes.'
        : 'Metrics or goals are named, but without target numbers tied to customer outcomes.';
  } else {
    score = 0;
    rationale = 'No KPI, metric or success measure was found.';
  }

  const ranked = [...complete, ...outcomeTargets.filter((k) => !k.timeFrame), ...kpis.filter((k) => !k.outcome || !k.target)];
  const evidence = pickEvidence(
    (ranked.length ? ranked.map((k) => quote(k.unit, OUTCOME)) : mentions.map((u) => quote(u, KPI_WORD))),
    3,
  );
  const confidence = score === 3 ? 0.75 + Math.min(0.2, (complete.length - 2) * 0.05) : score === 0 ? 0.85 : score === 2 ? 0.6 : 0.65;
  return {
    score,
    confidence,
    rationale,
    evidence,
    signals: { outcome_kpis_with_target: outcomeTargets.length, with_time_frame: complete.length, tied_to_milestone: linked.length, vanity_metrics: vanityOnly.length },
  };
};
