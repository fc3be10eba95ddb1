import { indexed } from '../src/grading/prefilter.js';
import { is, neighbourhood, pickEvidence, quote, roleIn, sentencesOf, type Unit } from '../src/grading/text.js';
import type { ItemGrader, Score } from '../src/grading/types.js';
import { GOV_METRIC, MEASUREMENT, PLACEHOLDER, ROLLBACK, SPEED, THRESHOLD, TRIGGER } from './cues.js';
import { unitDefersGovernance, unitDefersSafeguard } from './flags/deferral.js';

const GOV_METRIC_ALL = indexed(new RegExp(GOV_METRIC.source, 'gi'));
const FILLER = /^(?:the|a|an|our|its|their|of|on|in|for|and|or|with|weekly|monthly|daily|overall|model|answer|mean|median|average|\W*)$/i;
function measureName(text: string, m: RegExpMatchArray): string {
  const before = /([\w-]+)\W*$/.exec(text.slice(Math.max(0, m.index! - 30), m.index))?.[1] ?? '';
  return `${FILLER.test(before) || /^\d/.test(before) ? '' : before.toLowerCase()} ${m[0].toLowerCase().slice(0, 6)}`;
}

/** A line that states a gate's condition ("Gate 1 (end October): …", "Go-live needs …") and a heading over gates. */
const GATE_LINE = /^\W*(?:(?:deployment |launch |release )?gate\s?\w{0,3}\b|(?:milestone|jalon|checkpoint)\b|[A-Z]\d{1,2}\s?:|go-?live (?:needs|requires|only if|when)|before (?:go-?live|launch|roll-?out)\b)/i;
const GATE_HEADING = /\b(?:gates?|go-?live criteria|launch criteria|release criteria|acceptance criteria)\b/i;
/**
 * The measures bars are set on, in the domain's own words: "8% less energy", "energy per m³ … at least 8% better",
 * "operator acceptance of 70% or more", "zero proposals that would have broken a gas limit", "at least 30 % shared transports".
 */
function domainMeasures(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)?\s?%\s(?:less|more|fewer|better|worse|lower|higher|of (?:the )?)\s?(?:the )?([a-z][a-z-]{3,})/gi)) out.push(m[1]!);
  for (const m of text.matchAll(/\b([a-z][a-z-]{3,}) per (?:[\w³²]+)[^.;]{0,30}\b(?:at least|at most|below|above|under|over|better|worse)\b/gi)) out.push(m[1]!);
  for (const m of text.matchAll(/\b([a-z][a-z-]{3,}) (?:rate )?(?:of|at) \d+(?:[.,]\d+)?\s?%\s?(?:or|and) (?:more|higher|better|above|less|lower|below|fewer)\b/gi)) out.push(m[1]!);
  for (const m of text.matchAll(/\b(?:zero|no) ([a-z][a-z-]{3,}) (?:that|which|where)\b/gi)) out.push(m[1]!);
  // "at least 30 % shared transports", "late arrivals under 8 %".
  for (const m of text.matchAll(/\b(?:at least|at most|no more than|under|below|above|over)\s?\d+(?:[.,]\d+)?\s?%\s(?!(?:of|the|than)\b)(?:[a-z-]+ )?([a-z][a-z-]{3,})/gi)) out.push(m[1]!);
  for (const m of text.matchAll(/\b(?!(?:with|than|from|that|this|each|every|must|should|have|been|into|only|give|gives)\b)([a-z][a-z-]{3,}) (?:at least|at most|no more than|under|below|above|over|[<>≤≥])\s?\d+(?:[.,]\d+)?\s?%(?!\s?of\b)/gi)) out.push(m[1]!);
  return [...new Set(out.map((x) => x.toLowerCase().slice(0, 6)))];
}

/** A line under a rollback heading ("Rolling back", "Going back"; not an incident heading that also mentions it). */
const underRollback = (u: Unit): boolean => ROLLBACK.test(u.path.at(-1) ?? '') && !/\bincident/i.test(u.path.at(-1) ?? '');

/** A deadline for handling a case: "is sent to the Admissions Office and reported to the Dean within 48 hours". */
const RESPONSE_DEADLINE = /\b(?:reported|sent|escalated|respond\w*|acknowledg\w*|notif\w*|informed|triaged|investigated|corrected|fixed|answered|contacted|re-?read|logged|raised|called back|apologi[sz]\w*)\b[^.;]{0,60}\bwithin (?:\d+|one|two|three|a|an) (?:working |business )?(?:minutes?|hours?|days?|weeks?)\b/i;
const RESPONSE_DEADLINE_ALL = new RegExp(RESPONSE_DEADLINE.source, 'gi');

/** Watching quality at all, even without numbers ("we will look at bot comments now and then"). */
const OVERSIGHT = indexed(/\bkeep(?:s|ing)? an eye on\b|\bthresholds?\b|\bguardrails?\b|\bmonitor\w*|\blook (?:at|into)\b|\bcheck\w*|\breview\w*|\baudit(?!ion|orium|oria|ory)\w*|\boversight\b|\bquality\b|\bsafety\b|\bevaluat\w*|\btest\w*|\bfeedback\b/i);

/**
 * `governance`: measurable thresholds with how each is measured, and explicit rollback
 * criteria: what breach triggers it, who decides, how fast (RUBRIC.md). A 3 needs the speed: a
 * reviewer reads a rollback with no time to act ("we can switch it off") as vague, so 2.
 */
export const gradeGovernance: ItemGrader = ({ units }) => {
  // A deadline for acting on a case ("reported to the Dean within 48 hours") is incident handling, not a bar on a measure.
  const bar = (u: Unit) => is(u, THRESHOLD) && (!RESPONSE_DEADLINE.test(u.text) || THRESHOLD.test(u.text.replace(RESPONSE_DEADLINE_ALL, ' ')));
  // A gate's own bar on a measure of the domain ("Gate 2: energy per m³ at least 8% better than last season") is a threshold
  // too, whatever the measure is called; it is named by the word the number is said of.
  const gateBar = (u: Unit) => !is(u, GOV_METRIC) && bar(u) && (GATE_LINE.test(u.text) || GATE_HEADING.test(u.path.at(-1) ?? '')) && domainMeasures(u.text).length > 0;
  const thresholds = units.filter((u) => (is(u, GOV_METRIC) && bar(u)) || gateBar(u));
  // Each measure a bar is set on, named by its word and the word before it: "barrier recall" and
  // "SIMOPS recall" are two measures, "top-1 accuracy" and "grouping precision" in one line too.
  const metricNames = new Set(thresholds.flatMap((u) => (is(u, GOV_METRIC) ? [...u.text.matchAll(GOV_METRIC_ALL)].map((m) => measureName(u.text, m)) : domainMeasures(u.text))));
  const named = [...metricNames].map((n) => n.trim().split(' ').at(-1)!).filter((n) => n.length >= 4);
  const measured = units.filter((u) => is(u, MEASUREMENT) && (is(u, GOV_METRIC) || thresholds.some((t) => t.section === u.section) || named.some((n) => u.text.toLowerCase().includes(n))));
  // A line under a rollback heading ("Rolling back" then "Trigger: two missed farms in one week …") is about rollback.
  const rollbacks = units.filter((u) => is(u, ROLLBACK) || underRollback(u));
  const triggered: Unit[] = [];
  let who = false;
  let fast = false;
  for (const r of rollbacks) {
    // Rollback criteria often run over a few lines: "We roll back when:" then the triggers.
    const near = neighbourhood(units, r, 3);
    // A trigger is a bar on a measure near the rollback: "if groundedness drops below 90%", "error rate above 3%".
    // A rollback that states its own condition without a bar ("If there are many problems, … stop the tool")
    // has a vague trigger, whatever numbers stand in the lines around it.
    const ownVagueCondition = !r.row && /\b(?:if|when|whenever|should)\b/i.test(r.text) && !is(r, THRESHOLD) && !/:\s*$/.test(r.text);
    const hasTrigger = (is(r, THRESHOLD) && (is(r, TRIGGER) || is(r, GOV_METRIC))) || (!ownVagueCondition && near.some((n) => is(n, THRESHOLD) && (is(n, TRIGGER) || is(n, GOV_METRIC))));
    if (hasTrigger) triggered.push(r);
    if (near.some((n) => roleIn(n))) who = true;
    // The speed must be the rollback's: in its own line, a line that also undoes the deployment, or a
    // line under a rollback heading, or the line right after it ("We apologise within 1 working day" two lines up is not it).
    const at = units.indexOf(r);
    const follows = (n: Unit) => n.section === r.section && (n === units[at + 1] || n === units[at + 2]);
    // A speed that is itself a bar on a measure ("hand-over to staff within 30 seconds") is a threshold, not the rollback's.
    const ownSpeed = (n: Unit) => !(is(n, THRESHOLD) && is(n, GOV_METRIC));
    // In a line that undoes the deployment, the speed must stand in the sentence that does ("Incidents are triaged
    // within one working day. Encore can be switched off if needed." gives no speed for switching off).
    const rollbackSpeed = (n: Unit) => sentencesOf(n.text).some((x) => ROLLBACK.test(x) && SPEED.test(x));
    if (near.some((n) => is(n, SPEED) && (is(n, ROLLBACK) ? rollbackSpeed(n) : (follows(n) || underRollback(n)) && ownSpeed(n)))) fast = true;
    // A line labelled as the speed: "How fast: one config flag, effective within 1 hour."
    if (near.some((n) => /^\W*(?:how fast|speed|time to (?:roll ?back|stop|switch (?:it )?off|revert))\b/i.test(n.text) && is(n, SPEED))) fast = true;
  }
  // A placeholder or deferral ("Quality thresholds and monitoring method: to be finalised after go-live") is absent, not a mention.
  // A promise of what a policy still to be sent will cover ("I'll send the one-pager on Monday. It'll cover …") mentions nothing yet.
  const mentions = units.filter((u) => (is(u, GOV_METRIC) || is(u, OVERSIGHT)) && !unitDefersSafeguard(u) && !unitDefersGovernance(u) && !is(u, PLACEHOLDER));

  let score: Score;
  let rationale: string;
  if (metricNames.size >= 2 && measured.length >= 1 && triggered.length >= 1 && fast) {
    score = 3;
    rationale = `Thresholds on ${metricNames.size} measures with how they are measured, and rollback triggered by a threshold breach${who ? ', with who decides' : ''}${fast ? ', and how fast' : ''}.`;
  } else if (thresholds.length >= 1 || triggered.length >= 1) {
    score = 2;
    const missing = [
      metricNames.size < 2 ? 'thresholds on several measures' : '',
      measured.length === 0 ? 'how they are measured' : '',
      triggered.length === 0 ? 'a threshold that triggers rollback' : '',
      triggered.length > 0 && !fast ? 'how fast the rollback happens' : '',
    ].filter(Boolean);
    rationale = `Some measurable thresholds or rollback triggers are given; missing: ${missing.join(', ')}.`;
  } else if (mentions.length > 0 || rollbacks.length > 0) {
    score = 1;
    rationale = 'Quality or safety measures and rollback are mentioned, but with no thresholds.';
  } else {
    score = 0;
    rationale = 'No governance thresholds or rollback criteria were found.';
  }
  const evidence = pickEvidence(
    [...triggered.map((u) => quote(u, ROLLBACK)), ...thresholds.map((u) => quote(u, GOV_METRIC)), ...measured.map((u) => quote(u, MEASUREMENT)), ...rollbacks.map((u) => quote(u, ROLLBACK)), ...mentions.map((u) => quote(u))],
    4,
  );
  return {
    score,
    confidence: score === 3 ? 0.8 : score === 0 ? 0.85 : 0.6,
    rationale,
    evidence,
    signals: { threshold_measures: metricNames.size, measured: measured.length, rollback_mentions: rollbacks.length, rollback_triggers: triggered.length, who_decides: who, how_fast: fast },
  };
};
