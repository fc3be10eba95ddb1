import { indexed } from '../src/grading/prefilter.js';
import { hasQuantity, headingIs, is, linesUnderLabels, MEASURE, MONTH_STEMS, MONTHS, pathIs, pickEvidence, placeOf, quote, sentencesOf, tableHeader, TIME_FRAME, type Unit } from '../src/grading/text.js';
import type { ItemGrader, Score } from '../src/grading/types.js';
import { BASELINE_TO_TARGET, BUZZWORD, DIRECTION, KPI_WORD, METRIC_LABEL, MODEL_QUALITY, OUTCOME, TARGET, VANITY } from './cues.js';

/** An explicit tie to a milestone ("at M3 self-service GA", "after the pilot launch"); sitting in a Q3 section is not one. */
// A numbered gate is a milestone too ("all 18 shops live by 31 August (Gate 2)"), and so is one named in the candidate's language ("(Jalon 3)").
const MILESTONE = indexed(/\bM\d{1,2}\b|\bmilestones?\b|\b(?:jalons?|meilensteine?|hitos?|mijlpa(?:al|len)|milstolpar?|milepæl(?:e|er)?)\b|\bgate\s?\d{1,2}\b|\bend of (?:phase|stage|wave|the pilot|pilot|beta) ?\d*\b|\b(?:at|after|with|by|before|for|on|from) (?:the )?(?:[\w-]+ ){0,3}(?:launch|GA|general availability|beta|pilot|go-?live|rollout|release|cut-?over)\b|\b(?:launch|GA|beta|pilot|rollout|release)\s?\+\s?\d/i);
/** A KPI table's header says which columns are baselines and targets ("Today | After pilot (Jun 30) | Year end"). */
const TARGET_HEADER = indexed(new RegExp(String.raw`\b(?:targets?|goals?|baseline|KPIs?|metrics?|by|from|to|today|current|now|after|year[- ]end|end of|H[12]|Q[1-4]|${MONTHS}|20\d\d)\b`, 'i'));
const WHEN_HEADER = indexed(new RegExp(String.raw`\b(?:by|when|date|deadline|due|quarter|timeline|timing|after|year[- ]end|end of|H[12]|Q[1-4]|${MONTHS}|20\d\d|milestones?|checked at|read at|measured at|MS\d?)\b`, 'i'));
/** A KPI table's baseline and target columns. */
const BASELINE_COLUMN = /\b(?:baseline|today|current(?:ly)?|now|from|before|starting point|as[- ]is)\b/i;
const TARGET_COLUMN = /\b(?:targets?|goals?|to|by|after|year[- ]end|end of|aim|to-be)\b/i;
/** A line that names a milestone: metrics in its section are tied to it. */
const MILESTONE_LINE = indexed(/^\W*(?:milestones?\b|jalons?\b|meilensteine?\b|hitos?\b|M\d{1,2}\b)|\bgate\s?\d{1,2}\b/i);
const BUZZWORDS = indexed(new RegExp(BUZZWORD.source, 'gi'));

/** A line that introduces the KPIs listed after it ("What we want to see by the end of the year:", "Targets for December:"). */
const KPI_LABEL = /\b(?:want to see|targets?|goals?|aims?|expect\w*|success|measures?|KPIs?|results?|outcomes?)\b/i;
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
/** A small number in words before a unit of time ("two weeks", "three working days"), to be read as digits. */
const NUMBER_WORD_BEFORE_UNIT = indexed(new RegExp(String.raw`\b(?:${Object.keys(NUMBER_WORDS).join('|')})\b(?= (?:(?:working|business|school) )?(?:weeks?|days?|hours?|minutes?|months?)\b)`, 'gi'));

/** What sizes the system in a cost file: its throughput, volumes and assumptions. */
const SIZING = /^\W*(?:throughput|capacity|volumes?|assumptions?|sizing|load|usage)\b/i;

/** The AI's own bill or tokens moving ("cuts llm spend from ~£6k/month to £260", "input falls from ~20k to ~6k tokens"): a cost lever of the cost model, not a customer or business outcome. */
const OWN_SPEND = /\b(?:llm|api|model|compute|token|gpu|inference|cloud|hosting|infra\w*|ai)\s+(?:spend|costs?|bill|usage costs?|line)\b|\b(?:input |output |prompt )?tokens\b|\b(?:input|output|prompt) costs?\b/i;
/** Shares of one whole ("70% team, 20% growth and salon acquisition, 10% infrastructure"): an allocation, not a target. */
function splitsAWhole(text: string): boolean {
  const shares = [...text.matchAll(/(\d{1,3}(?:[.,]\d+)?)\s?%/g)].map((m) => Number(m[1]!.replace(',', '.')));
  const sum = shares.reduce((a, b) => a + b, 0);
  return shares.length >= 3 && Math.abs(sum - 100) <= 1;
}

/** An alert's condition ("Health alert v1 (weight drop > 5% in 7 days)"): what the product watches for, not a goal. */
const ALERT_RULE = /\b(?:alerts?|alarms?|warnings?|triggers?|notifications?)\b[^.;]{0,30}\([^)]*?(?:[<>≥≤]|\b(?:above|below|over|under|more than|less than)\b)\s?\d/i;

const FUNDING = /\brais(?:e|es|ed|ing) (?:a |an |our |the )?(?:[\w-]+ )?(?:pre-?seed|seed|round|series [a-d]|funding|capital|investment)\b|\bfundrais\w*/i;
/** A launch gate's condition: "Go-live for the pilot needs …", "Gate 1 requires …". */
// Also a bar the model itself must clear: "It must answer price questions correctly in at least 95 out of 100 cases".
const GATE_BAR = /\b(?:go-?live|gate \d*|launch|pilot)\b[^.;]{0,40}\b(?:needs?|requires?|only if|criteri(?:on|a))\b|^\W*(?:it|the (?:model|assistant|bot|chatbot|system|tool|AI))\b (?:must|has to|needs to|should|shall)\b/i;

interface Kpi {
  unit: Unit;
  outcome: boolean;
  vanity: boolean;
  target: boolean;
  timeFrame: boolean;
  milestone: boolean;
}

/**
 * `kpis`: KPIs tied to customer outcomes, each with a target number and a time frame, linked
 * to a milestone (RUBRIC.md). Vanity metrics (prompts sent, model calls) are not outcomes.
 * A KPI table's header row counts for its rows ("KPI | Baseline | Target | By").
 */
/**
 * A heading that dates what stands under it: "Q2 (Apr–Jun)", "Month 3", "Phase 1: Jan–Mar". The span of
 * the whole plan ("Roadmap: January to December", "season 2025/26", "12-month roadmap", "2026") dates
 * nothing in particular: a KPI under it with no date of its own has none.
 */
const WHOLE_SPAN = /\b(?:jan(?:uary)?\.?\s?(?:to|through|–|-|—)\s?dec(?:ember)?|(?:twelve|12)[- ]months?|year[- ]?(?:1|one)|(?:season|FY|financial year|fiscal year|school year)\s?'?\d{2,4}(?:\s?[/–-]\s?\d{2,4})?|20[2-4]\d(?:\s?[/–-]\s?(?:20)?\d{2})?)\b/gi;
/** A span from one month to another ("May 2026 to April 2027", "Sept–June"): a whole span when it covers nine months or more. */
const MONTH_RANGE = new RegExp(String.raw`\b(${MONTH_STEMS.join('|')})[a-z]*\.?,?\s?('?\d{2,4})?\s?(?:to|through|until|till|–|-|—)\s?(${MONTH_STEMS.join('|')})[a-z]*\.?,?\s?('?\d{2,4})?`, 'gi');
function withoutWholeSpans(heading: string): string {
  return heading.replace(MONTH_RANGE, (all, m1: string, y1: string | undefined, m2: string, y2: string | undefined) => {
    const year = (y: string | undefined) => (y ? Number(y.replace("'", '')) % 100 : undefined);
    const from = MONTH_STEMS.indexOf(m1.toLowerCase());
    const to = MONTH_STEMS.indexOf(m2.toLowerCase());
    const a = year(y1);
    const b = year(y2);
    const months = a !== undefined && b !== undefined ? (b - a) * 12 + to - from : (to - from + 12) % 12;
    return months >= 8 ? ' ' : all;
  }).replace(WHOLE_SPAN, ' ');
}
/** A sentence that opens on the goals it then names: "As to what success looks like, I would hold us to …". */
const SUCCESS_LEAD = /\b(?:what success looks like|success (?:means|looks like|would be)|(?:hold|judge|measure) (?:us|me|ourselves|the (?:pilot|project|team)) (?:to|by|on|against))\b/i;
/** A label that names what will be counted ("What I'd count:", "How we'll know:"): the lines after it are goals. */
const COUNT_LABEL = /^\W*(?:what (?:I|we)(?:'d|’d| would| will|'ll|’ll)? (?:count|measure|track|watch|look at)|how (?:I|we)(?:'ll|’ll| will| would|'d)? know(?: it(?:'s| is) working)?|what (?:I|we)(?:'d|’d| would| will|'ll|’ll)? (?:judge|hold) (?:it|this|us|ourselves) (?:on|by|to))\b/i;
/** A heading that names what is aimed at ("What we're aiming for (FY27 vs FY26)", "Targets for 2027"): its year dates the KPIs under it. */
const GOALS_HEADING = /\b(?:aim(?:ing|s)?|targets?|goals?|want to (?:see|change|achieve|reach|move|improve)|KPIs?|metrics?|success|outcomes?|(?:expected|target|key) results?|measures? of success|success measures?)\b/i;
const datedByHeading = (unit: Unit): boolean =>
  unit.path.some((h, i) => TIME_FRAME.test(i === unit.path.length - 1 && GOALS_HEADING.test(h) ? h : withoutWholeSpans(h)));

/** A metric labelled as a phase's or a gate's ("Exit metric: …", "Metric: …") right after the dated milestone line it belongs to. */
const PHASE_METRIC_LABEL = new RegExp(String.raw`^\W*${METRIC_LABEL}`, 'i');
function datedByMilestoneBefore(units: Unit[], unit: Unit): boolean {
  if (!PHASE_METRIC_LABEL.test(unit.text)) return false;
  const at = units.indexOf(unit);
  return units.slice(Math.max(0, at - 2), at).some((u) => u.section === unit.section && is(u, TIME_FRAME));
}

export const gradeKpis: ItemGrader = ({ units }) => {
  const kpis: Kpi[] = [];
  // Sections that hold a milestone line: a metric listed there is tied to that milestone.
  const milestoneSections = new Set(units.filter((u) => is(u, MILESTONE_LINE)).map((u) => u.section));
  const sectionsByPath = new Map<string, Set<number>>();
  for (const u of units) {
    const key = placeOf(u);
    sectionsByPath.set(key, (sectionsByPath.get(key) ?? new Set()).add(u.section));
  }
  const milestonePaths = new Set([...sectionsByPath].filter(([, secs]) => [...secs].some((sec) => milestoneSections.has(sec))).map(([key]) => key));
  const inMilestonePhase = (u: Unit) => milestonePaths.has(placeOf(u));
  // A label line gives the lines after it their time frame and makes them KPIs: "What we want to see by the end of the year:" then a list.
  const labelLine = (u: Unit) => /:\s*$/.test(u.text) && u.text.length < 100;
  const samePlace = (l: Unit, u: Unit) => placeOf(u) === placeOf(l);
  const underLabel = linesUnderLabels(units, (u) => labelLine(u) && is(u, TIME_FRAME) && KPI_LABEL.test(u.text), samePlace);
  // A label line that names what will be counted gives the lines after it a goal, not a time frame: "What I'd count:" then
  // "reschedule calls from 40/week down to under 10".
  const underCountLabel = linesUnderLabels(units, (u) => labelLine(u) && COUNT_LABEL.test(u.text), samePlace);
  for (const unit of units) {
    const labelled = underLabel.has(unit);
    // A number moved from a baseline to a target under a heading that names what is aimed at ("What we want to change",
    // "Targets") is a KPI, as under a label line: "Officer hours on the list per week: 41 → 25".
    const underGoals = ((unit.path.length > 0 && GOALS_HEADING.test(unit.path[unit.path.length - 1]!)) || underCountLabel.has(unit)) && BASELINE_TO_TARGET.test(unit.text);
    // Small numbers in words count as numbers: "down from about two weeks to three days".
    const spelled = unit.text.replace(NUMBER_WORD_BEFORE_UNIT, (w) => String(NUMBER_WORDS[w.toLowerCase()]));
    // Cheap questions first: most lines have neither a number nor an outcome word.
    const digit = /\d/.test(spelled);
    if (!digit && !is(unit, OUTCOME) && !is(unit, VANITY)) continue;
    const header = tableHeader(units, unit);
    // A sentence that opens on what success looks like names the goals after it: "As to what success looks like, I would hold us to …".
    const goalSentence = SUCCESS_LEAD.test(unit.text);
    const inKpiContext = labelled || underGoals || goalSentence || pathIs(unit, KPI_WORD) || (header !== undefined && is(header, KPI_WORD));
    const text = digit ? spelled.replace(BUZZWORDS, ' ') : spelled;
    const value = hasQuantity(text);
    const vanity = VANITY.test(text);
    // An outcome: a named customer or business result, or any number moved from a baseline to a target
    // that is not a model-quality threshold (those belong to governance).
    // A row of a table with a baseline column and a target column moves a number too ("tickets per release | 310 | 150").
    const movedInTable = header !== undefined && BASELINE_COLUMN.test(header.text) && TARGET_COLUMN.test(header.text) && (text.match(/\d+/g)?.length ?? 0) >= 2;
    // A gate's bar on the model ("Go-live needs at least 92% correct answers on the test set") is governance, not an outcome KPI.
    const gateBar = GATE_BAR.test(text) && MODEL_QUALITY.test(text);
    // Raising money ("We will raise a pre-seed of US$ 300k, that covers 18 months") funds the plan; it is no outcome of it.
    if (FUNDING.test(text)) continue;
    if (splitsAWhole(text) && !BASELINE_TO_TARGET.test(text)) continue;
    if (ALERT_RULE.test(text) && !inKpiContext) continue;
    if (unit.deliverable === 'cost' && !inKpiContext && OWN_SPEND.test(text)) continue;
    const outcome = !vanity && !gateBar && (OUTCOME.test(text) || (value && (MEASURE.test(text) || movedInTable || labelled || underGoals || goalSentence) && (BASELINE_TO_TARGET.test(text) || DIRECTION.test(text) || movedInTable) && !MODEL_QUALITY.test(text)));
    if (!outcome && !vanity) continue;
    if (!inKpiContext && !is(unit, KPI_WORD) && !value) continue;
    // A cost file's assumptions ("two servers clear a peak day of 600 in under eight hours") size the system; they are not its goals.
    if (unit.deliverable === 'cost' && !inKpiContext && !is(unit, KPI_WORD) && (SIZING.test(unit.text) || pathIs(unit, SIZING))) continue;
    kpis.push({
      unit,
      outcome,
      vanity,
      target: value && (TARGET.test(text) || BASELINE_TO_TARGET.test(text) || inKpiContext || is(unit, KPI_WORD) || (header !== undefined && TARGET_HEADER.test(header.text))),
      timeFrame: labelled || is(unit, TIME_FRAME) || datedByHeading(unit) || datedByMilestoneBefore(units, unit) || (header !== undefined && WHEN_HEADER.test(header.text) && /\d/.test(unit.text)),
      milestone: is(unit, MILESTONE) || (header !== undefined && /\bmilestones?\b/i.test(header.text)) || (unit.path.length > 0 && !labelled && inMilestonePhase(unit)) || (labelled && is(underLabel.get(unit)!, MILESTONE)),
    });
  }
  const mentions = units.filter((u) => is(u, KPI_WORD) || headingIs(u, KPI_WORD) || is(u, OUTCOME));
  const outcomeTargets = kpis.filter((k) => k.outcome && k.target);
  // Outcomes named as KPIs with no number: "improve employee satisfaction" (not every KPI has a target).
  const untargeted = units.filter((u) => is(u, OUTCOME) && !hasQuantity(u.text) && (is(u, KPI_WORD) || pathIs(u, KPI_WORD) || is(tableHeader(units, u) ?? u, KPI_WORD) || /^\W*(?:improve|increase|reduce|grow|boost)\b/i.test(u.text)));
  const complete = outcomeTargets.filter((k) => k.timeFrame);
  // A line may hold several KPIs, one per sentence ("Targets end of year: incomplete logs 25% -> under 2%. Office time 6 h/week -> 1 h.").
  const completeCount = complete.reduce((n, k) => n + Math.max(1, sentencesOf(k.unit.text).filter((x) => BASELINE_TO_TARGET.test(x)).length), 0);
  const linked = complete.filter((k) => k.milestone);
  // The headline KPIs, numbers moved from a baseline to a target ("Trees planted per season: 1,450 to 2,600"): most must be dated.
  const moved = outcomeTargets.filter((k) => k.unit.deliverable !== 'cost' && k.unit.deliverable !== 'policy' && BASELINE_TO_TARGET.test(k.unit.text));
  const movedDated = moved.filter((k) => k.timeFrame).length;
  const vanityOnly = kpis.filter((k) => k.vanity);

  let score: Score;
  let rationale: string;
  if (completeCount >= 2 && linked.length >= 1 && complete.length >= Math.min(3, Math.ceil(outcomeTargets.length * 0.5)) && movedDated >= Math.ceil(moved.length * 0.6) && untargeted.length <= completeCount / 4) {
    score = 3;
    rationale = `${completeCount} outcome KPIs carry a target number and a time frame, ${linked.length} tied to a milestone or phase.`;
  } else if (outcomeTargets.length >= 1) {
    score = 2;
    rationale = `${outcomeTargets.length} outcome KPI${outcomeTargets.length === 1 ? ' has' : 's have'} a target number, but ${completeCount < 2 ? 'fewer than two also have a time frame' : linked.length === 0 ? 'none is explicitly tied to a milestone' : untargeted.length ? 'other outcomes have no target number' : 'several lack a time frame'}.`;
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
  const evidence = pickEvidence([...ranked.map((k) => quote(k.unit, OUTCOME)), ...mentions.map((u) => quote(u, KPI_WORD))], 3);
  const confidence = score === 3 ? 0.75 + Math.min(0.2, (complete.length - 2) * 0.05) : score === 0 ? 0.85 : score === 2 ? 0.6 : 0.65;
  return {
    score,
    confidence,
    rationale,
    evidence,
    signals: { untargeted_outcomes: untargeted.length, outcome_kpis_with_target: outcomeTargets.length, with_time_frame: complete.length, tied_to_milestone: linked.length, vanity_metrics: vanityOnly.length },
  };
};
