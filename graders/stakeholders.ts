import { neighbourhood, pickEvidence, quote, ROLE } from '../src/grading/text.js';
import type { ItemGrader, Score } from '../src/grading/types.js';
import { CADENCE, GATE, REVIEW, SIGNOFF } from './cues.js';

/**
 * `stakeholders`: who signs off (named roles), on what (which gate), and the cadence of
 * reviews (RUBRIC.md).
 */
export const gradeStakeholders: ItemGrader = ({ units }) => {
  const signoffs = units.filter((u) => ROLE.test(u.text) && SIGNOFF.test(u.text));
  const roles = new Set(signoffs.flatMap((u) => [...u.text.matchAll(new RegExp(ROLE.source, 'gi'))].map((m) => m[0].toLowerCase())));
  const gated = signoffs.filter((u) => neighbourhood(units, u, 0).some((n) => GATE.test(n.text)) || GATE.test(u.path.join(' ')));
  const cadences = units.filter((u) => CADENCE.test(u.text) && (REVIEW.test(u.text) || REVIEW.test(u.path.join(' '))));
  const roleMentions = units.filter((u) => ROLE.test(u.text));
  const vague = units.filter((u) => /\bstakeholders?\b|\bleadership\b|\bmanagement\b|\bsign[- ]?off\b|\bapprov/i.test(u.text));

  let score: Score;
  let rationale: string;
  if (roles.size >= 2 && gated.length >= 1 && cadences.length >= 1) {
    score = 3;
    rationale = `Named roles sign off (${[...roles].slice(0, 4).join(', ')}) on named gates, and reviews have a cadence.`;
  } else if (signoffs.length >= 1 || cadences.length >= 1) {
    score = 2;
    const missing = [roles.size < 2 ? 'several named roles signing off' : '', gated.length === 0 ? 'which gate each signs off' : '', cadences.length === 0 ? 'a review cadence' : ''].filter(Boolean);
    rationale = `Part of a sign-off plan is concrete; missing: ${missing.join(', ')}.`;
  } else if (roleMentions.length > 0 || vague.length > 0) {
    score = 1;
    rationale = 'Stakeholders or roles are mentioned, with no sign-off on gates and no review cadence.';
  } else {
    score = 0;
    rationale = 'No sign-off plan or review cadence was found.';
  }
  const evidence = pickEvidence([...gated.map((u) => quote(u, SIGNOFF)), ...cadences.map((u) => quote(u, CADENCE)), ...signoffs.map((u) => quote(u, SIGNOFF)), ...roleMentions.map((u) => quote(u, ROLE)), ...vague.map((u) => quote(u))], 4);
  return {
    score,
    confidence: score === 3 ? 0.75 : score === 0 ? 0.85 : 0.6,
    rationale,
    evidence,
    signals: { roles_signing_off: roles.size, sign_off_on_gates: gated.length, review_cadences: cadences.length },
  };
};
