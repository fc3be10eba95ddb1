import { hasRole, MEASURE, pickEvidence, quote, type Unit } from '../src/grading/text.js';
import type { ItemGrader, Score } from '../src/grading/types.js';
import { CADENCE, ROLLBACK, SPEED } from './cues.js';

/** The five parts RUBRIC.md asks a policy to cover. */
const PARTS: Record<string, RegExp> = {
  decision_rights: /\bdecision[- ]?(?:rights|makers?|owners?|authority)\b|\bdecides?\b|\baccountab\w+|\bowns?\b|\bowners?\b|\bapprov\w+|\bsign(?:s|ed)?[- ]?off\b|\bRACI\b|\bauthority\b|\bfinal (?:say|call)\b|\bveto\w*|\bescalat\w+ to\b|\bwho can\b|\bresponsib\w+ for\b/i,
  deployment_gates: /\bgates?\b|\bgated\b|\bgo\/no[- ]go\b|\b(?:launch|release|exit|entry|acceptance|readiness) criteria\b|\bpre-?(?:launch|deploy\w*|release|production)\b|\bbefore (?:any )?(?:launch|deploy\w*|release|going live|production|GA|rollout|shipping)\b|\bmust pass\b|\breadiness review\b|\bcheck-?list\b|\bstaged rollout\b|\bcanary\b|\bsign[- ]off (?:to|before)\b|\bno (?:model|feature|change) (?:ships|goes live|is deployed)\b|\bcannot (?:ship|launch|deploy)\b/i,
  monitoring: /\bmonitor\w*|\bdashboards?\b|\balert\w*|\bdrift\b|\bobservab\w+|\btelemetry\b|\bpost-?(?:deploy\w*|launch|release)\b|\bsampl\w+ (?:review|audit)|\baudit\w* (?:weekly|monthly|of)\b|\btrack\w* (?:weekly|daily|continuously)\b|\bfeedback loop\b|\bin production\b|\bongoing (?:evaluation|review)\b/i,
  incident_response: /\bincidents?\b|\bescalat\w+|\bon-?call\b|\bpost-?mortems?\b|\bsev(?:erity)?[- ]?[0-4]\b|\bSEV\b|\broot[- ]cause\b|\bnotif\w+|\brunbooks?\b|\bpag(?:e|ed|ing)\b|\bresponse plan\b|\bbreach\w*\b|\bcustomer communication\b/i,
  rollback: ROLLBACK,
};

/** A part is concrete when it names who, a number, a time or a cadence. */
function concrete(u: Unit): boolean {
  return hasRole(u.text) || MEASURE.test(u.text) || SPEED.test(u.text) || CADENCE.test(u.text);
}

/**
 * `policy_coverage`: decision rights, deployment gates, post-deploy monitoring, incident
 * response and a rollback plan (RUBRIC.md).
 */
export const gradePolicyCoverage: ItemGrader = ({ units }) => {
  const policy = units.filter((u) => u.deliverable === 'policy' || u.deliverable === 'unknown');
  const found: Record<string, Unit[]> = {};
  for (const [part, re] of Object.entries(PARTS)) found[part] = policy.filter((u) => re.test(u.text) || re.test(u.path.at(-1) ?? ''));
  const covered = Object.keys(PARTS).filter((p) => found[p]!.length > 0);
  const solid = covered.filter((p) => found[p]!.some(concrete));
  const missing = Object.keys(PARTS).filter((p) => !covered.includes(p)).map((p) => p.replace('_', ' '));

  let score: Score;
  let rationale: string;
  if (covered.length === 5 && solid.length >= 3) {
    score = 3;
    rationale = `Covers all five parts (${solid.length} with owners, numbers or timings).`;
  } else if (covered.length >= 3 && (solid.length >= 1 || covered.length === 5)) {
    score = 2;
    rationale = `Covers ${covered.length} of 5 parts${missing.length ? `; missing: ${missing.join(', ')}` : ''}${solid.length < 3 ? '; few are concrete' : ''}.`;
  } else if (covered.length >= 1) {
    score = 1;
    rationale = `Touches ${covered.join(', ').replace(/_/g, ' ')} only in passing; missing: ${missing.join(', ')}.`;
  } else {
    score = 0;
    rationale = 'No Responsible AI policy content was found.';
  }
  const evidence = pickEvidence(
    covered.map((p) => {
      const best = found[p]!.find(concrete) ?? found[p]![0]!;
      return quote(best, PARTS[p]);
    }),
    5,
  );
  return {
    score,
    confidence: score === 3 ? 0.8 : score === 0 ? 0.85 : 0.65,
    rationale,
    evidence,
    signals: Object.fromEntries(Object.keys(PARTS).map((p) => [p, found[p]!.length > 0 ? (found[p]!.some(concrete) ? 2 : 1) : 0])),
  };
};
