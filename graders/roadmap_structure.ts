import { MEASURE, neighbourhood, pickEvidence, quote, TIME_FRAME, type Unit } from '../src/grading/text.js';
import type { GraderResult, ItemGrader, Score } from '../src/grading/types.js';
import { KPI_WORD, OUTCOME } from './cues.js';

const MILESTONE_VERB =
  /\b(?:launch\w*|ship\w*|releas\w*|pilot\w*|beta|GA\b|general availability|rollout|roll(?:s|ing)? out|deliver\w*|go[- ]live|complet\w*|MVP|expan\w+|integrat\w*|migrat\w*|onboard\w*|deploy\w*|hire|build|start|kick[- ]?off|sunset|scale)\b/i;
const RISK = /\brisks?\b|\bthreats?\b|\bconcerns?\b|\bdependenc\w+|\bblockers?\b|\bwhat could go wrong\b|\bassumptions? at risk\b/i;
const MITIGATION = /\bmitigat\w*|\bcontingenc\w*|\bfallback\b|\bplan b\b|\baddress(?:ed)? by\b|\breduc\w+ by\b|\bcounter\w*|\bresponse:|\bwe will\b|\bby (?:running|adding|using|keeping|starting|limiting|partnering|hiring|building)\b|→|->|\bso that\b|\bto avoid\b|\bguard against\b/i;
const HORIZON = /\b(?:12|twelve)[- ]months?\b|\b(?:one|1)[- ]year\b|\bQ4\b|\bH2\b|\bmonths? (?:10|11|12)\b|\bM(?:10|11|12)\b|\b(?:oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\bend of (?:the )?year\b|\byear[- ]end\b|\bphase (?:3|4|three|four)\b/i;

/** A period label: which quarter, month range, half or phase a heading or line names. */
function periodOf(text: string): string | undefined {
  const m = /\b(Q[1-4]|H[12])\b|\b(months?\s?\d{1,2}(?:\s?[-–]\s?\d{1,2})?)|\bM(\d{1,2})\b|\b(phase\s?\d|phase (?:one|two|three|four))\b|\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b|\b(days? \d+\s?[-–]\s?\d+|\d+[- ]days?)\b/i.exec(text);
  return m ? m[0].toLowerCase().replace(/\s+/g, ' ') : undefined;
}

/**
 * `roadmap_structure`: a 12-month horizon in phases or quarters with dated milestones,
 * success metrics per phase, and named risks with mitigations (RUBRIC.md).
 */
export const gradeRoadmapStructure: ItemGrader = ({ units }): GraderResult => {
  const roadmap = units.filter((u) => u.deliverable === 'roadmap' || u.deliverable === 'unknown');
  if (roadmap.length === 0) return { score: 0, confidence: 0.9, rationale: 'No roadmap was found.', evidence: [], signals: {} };
  const periods = new Map<string, Unit[]>();
  for (const u of roadmap) {
    const p = periodOf(u.path.at(-1) ?? '') ?? periodOf(u.path.join(' ')) ?? (u.text.length < 200 ? periodOf(u.text.slice(0, 40)) : undefined);
    if (p) periods.set(p, [...(periods.get(p) ?? []), u]);
  }
  const dated = roadmap.filter((u) => MILESTONE_VERB.test(u.text) && (TIME_FRAME.test(u.text) || TIME_FRAME.test(u.path.join(' '))));
  const phasesWithMetric = [...periods.values()].filter((us) => us.some((u) => (OUTCOME.test(u.text) || KPI_WORD.test(u.text)) && MEASURE.test(u.text)));
  const risks = roadmap.filter((u) => RISK.test(u.text) || RISK.test(u.path.at(-1) ?? ''));
  const mitigated = risks.filter((u) => MITIGATION.test(u.text) || MITIGATION.test(u.path.join(' ')) || neighbourhood(roadmap, u, 1).some((n) => MITIGATION.test(n.text)) || (u.row && /\|.*\|/.test(u.text)));
  const horizon = roadmap.some((u) => HORIZON.test(u.text) || HORIZON.test(u.path.join(' ')));

  let score: Score;
  let rationale: string;
  const phased = periods.size >= 2 || dated.length >= 2;
  if (periods.size >= 3 && horizon && dated.length >= 2 && phasesWithMetric.length >= 2 && mitigated.length >= 1) {
    score = 3;
    rationale = `${periods.size} dated phases over 12 months, ${dated.length} dated milestones, metrics in ${phasesWithMetric.length} phases, and risks with mitigations.`;
  } else if (phased) {
    score = 2;
    const missing = [
      periods.size < 3 || !horizon ? 'a 12-month horizon in phases' : '',
      phasesWithMetric.length < 2 ? 'success metrics per phase' : '',
      mitigated.length === 0 ? (risks.length ? 'mitigations for the risks' : 'named risks with mitigations') : '',
    ].filter(Boolean);
    rationale = `Phases or dated milestones are laid out; missing: ${missing.join(', ') || 'dated milestones'}.`;
  } else {
    score = 1;
    rationale = 'The roadmap lists intentions without dated phases or milestones.';
  }
  const evidence = pickEvidence([...dated.map((u) => quote(u, MILESTONE_VERB)), ...[...periods.values()].map((us) => quote(us[0]!)), ...mitigated.map((u) => quote(u, RISK)), ...roadmap.map((u) => quote(u))], 4);
  return {
    score,
    confidence: score === 3 ? 0.75 : 0.6,
    rationale,
    evidence,
    signals: { periods: periods.size, dated_milestones: dated.length, phases_with_metrics: phasesWithMetric.length, risks: risks.length, risks_mitigated: mitigated.length, twelve_month_horizon: horizon },
  };
};
