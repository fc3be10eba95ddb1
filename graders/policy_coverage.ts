import { indexed } from '../src/grading/prefilter.js';
import { headingIs, is, MEASURE, neighbourhood, pickEvidence, quote, roleIn, type Unit, sentencesOf } from '../src/grading/text.js';
import type { ItemGrader, Score } from '../src/grading/types.js';
import { NAMING_CUES } from '../src/documents/classify.js';
import { CADENCE, PLACEHOLDER, ROLLBACK, SPEED, THRESHOLD, TRIGGER } from './cues.js';
import { unitDefersGovernance, unitDefersSafeguard } from './flags/deferral.js';

/** The five parts RUBRIC.md asks a policy to cover. */
const PARTS: Record<string, RegExp> = {
  decision_rights: indexed(/\b(?:stays?|remains?|is|are) in charge of\b|\b(?:always|must|has to|have to) validates?\b|\b(?:make|makes|making|take|takes|taking) (?:the )?(?:final )?(?:calls?|decisions?)\b|\bdecision[- ]?(?:rights|makers?|owners?|authority)\b|\bdecides?\b|\baccountab\w+|\bowns?\b|\bowners?\b|\bapprov\w+|\bsign(?:s|ed)?[- ]?off\b|\bRACI\b|\bauthority\b|\bfinal (?:say|call)\b|\bveto\w*|\bescalat\w+ to\b|\bwho can\b|\bresponsib\w+ for\b/i),
  deployment_gates: indexed(/\bin (?:parallel|shadow) first\b|\bbefore (?:a|each|every|any) [\w-]+ (?:starts|begins|switches)\b|\bonly (?:when|once|after) (?:the |our )?(?:[\w-]+ ){1,6}(?:are|is) (?:comfortable|satisfied|happy|confident)\b|\bonly (?:expand|launch|go live|roll out|scale|extend|open)\w*\b[^.]{0,60}\bif\b|\bbefore (?:it|the (?:tool|assistant|model|bot)) goes (?:to|wider)\b|\bmust (?:get|reach|score|achieve|hit)\b|\bif not,? it stays\b|\bbefore (?:each|every|any|a|the|a new) (?:phase|stage|step|release|version|wave) (?:goes live|starts|launches|ships|opens)\b|\b(?:test\w*|evaluat\w*|check\w*|pilot\w*) (?:[\w-]+ ){0,5}before (?:the )?(?:start|use|go-?live|launch|we (?:start|use|go))\b|\bbefore (?:the )?start\b|\bgates?\b|\bgated\b|\bgo\/no[- ]go\b|\bgo-?live\b|\b(?:conditions?|criteria|requirements?) for (?:going|go) live\b|\ballowed to go live\b|\b(?:going|go(?:es)?) live\b[^.;]{0,40}\b(?:approved by|only (?:if|once|when|after))\b|\bgo(?:es)? live only\b|\b(?:launch|release|exit|entry|acceptance|readiness|pilot|beta|GA) criteria\b|\bpre-?(?:launch|deploy\w*|release|production|pilot)\b|\b(?:before|prior to) (?:any |the |each |a )?(?:launch|deploy\w*|release|going live|production|GA|rollout|shipping|pilot|beta|expansion|go-?live)\b|\bmust pass\b|\breadiness review\b|\bcheck-?list\b|\bstaged rollout\b|\bcanary\b|\bsign[- ]off (?:to|before)\b|\bno (?:model|feature|change|draft|version) (?:ships|goes live|is deployed|is released)\b|\bcannot (?:ship|launch|deploy|go live)\b|\bonly (?:after|when|once)\b[^.]{0,40}\b(?:pass|meet|reach|approv)|^\W*(?:stage|phase|step|wave|level) \d+\b[^.]{0,60}\b(?:only )?if\b[^.]{0,80}(?:at least|under|below|above|over|less than|more than|\d\s?%)/i),
  monitoring: indexed(/\bkeep(?:s|ing)? an eye on\b|\b(?:verify|check|review|look at|measure)\b[^.;]{0,40}\bregularly\b|\bregularly (?:check|verify|review|measure)\w*|\bmonitor\w*|\bdashboards?\b|\balert\w*|\bdrift\b|\bobservab\w+|\btelemetry\b|\bpost-?(?:deploy\w*|launch|release)\b|\bsampl\w+|\bspot-?check\w*|\baudit(?!ion|orium|oria|ory)\w* (?:weekly|monthly|of)\b|\btrack\w*|\bfeedback loop\b|\bin production\b|\bongoing (?:evaluation|review)\b|\breview\w* (?:weekly|daily|monthly|every)\b|\b(?:weekly|daily|monthly) (?:review|check|audit|report)s?\b|\bthumbs[- ](?:up|down)\b|\bservice levels?\b|\bSL[OA]s?\b|\b(?:weekly|daily|per week|each week|every week)\b|\bevery (?:monday|tuesday|wednesday|thursday|friday)\b|\b(?:every|each) (?:morning|evening|night|shift)\b|\bafter (?:the )?start\b|\bafter (?:the )?(?:go-?live|launch|roll-?out)\b|\bat random\b|\brandom (?:samples?|checks?)\b|\b(?:every|each) month\b/i),
  incident_response: indexed(/\bincidents?\b|\bin case of (?:a |an |any )?(?:problems?|errors?|mistakes?|complaints?|issues?)\b|\bescalat\w+|\bon-?call\b|\bpost-?mortems?\b|\bsev(?:erity)?[- ]?[0-4]\b|\bSEV\b|\broot[- ]cause\b|\bnotif\w+|\brunbooks?\b|\bpag(?:e|ed|ing)\b|\bresponse plan\b|\bbreach\w*\b|\bcustomer communication\b|\breport(?:s|ed)? (?:of|by|through|to)\b|\bgoes wrong\b|\bwent wrong\b|\bcomplain\w*|\bapologi[sz]\w*|\bcorrect(?:ed|ion)s?\b|\berrors? (?:are|is) (?:corrected|fixed|reported)|\bserious (?:cases?|errors?|issues?)\b/i),
  rollback: ROLLBACK,
};

/**
 * When a part is concrete rather than named: who decides; the bar a gate sets; the rhythm or
 * measure of monitoring; how fast or how severe for incidents; what triggers a rollback.
 */
const CONCRETE: Record<string, (u: Unit) => boolean> = {
  decision_rights: (u) => roleIn(u),
  deployment_gates: (u) => is(u, THRESHOLD) || is(u, MEASURE) || roleIn(u),
  monitoring: (u) => is(u, CADENCE) || is(u, MEASURE) || /\d/.test(u.text),
  incident_response: (u) => is(u, SPEED) || /\bsev(?:erity)?[- ]?[0-4]\b|\bon-?call\b|\bP[0-3]\b|\bpag(?:e|ed|es|ing)\b/i.test(u.text),
  // A rollback is concrete with an owner, a measurable trigger or a speed; "can be disabled" alone is a bare mechanism.
  // In a line holding several sentences, only the one about rollback counts ("Incidents are triaged by the Head of
  // Ticketing within one working day. Encore can be switched off if needed." has no rollback owner).
  rollback: (u) => {
    const s = rollbackSentence(u);
    return roleIn(s) || (is(s, TRIGGER) && is(s, THRESHOLD)) || SEVERE_EVENT.test(s.text) || is(s, SPEED);
  },
};

/** A trigger that needs no number: "after any critical incident". */
const SEVERE_EVENT = /\b(?:if|when|after|following|on|upon|for|or) (?:any|every|a|one) (?:single )?(?:critical|serious|major|severe|safety|P[01]|sev(?:erity)?[- ]?[12]) (?:incident|error|failure|breach)s?\b/i;
/** The sentences of a unit that speak of rollback, as a unit of their own (the unit itself when it is one sentence). */
function rollbackSentence(u: Unit): Unit {
  if (!/[.;!?]\s+\S/.test(u.text)) return u;
  const parts = sentencesOf(u.text).filter((x) => ROLLBACK.test(x));
  return parts.length ? { ...u, text: parts.join(' ').trim() } : u;
}

/** A heading or file name that names the policy deliverable. */
const POLICY_NAME = /\bpolic(?:y|ies)\b|\bresponsible[ _-]?(?:AI|use)\b|\bRAI\b|\bAI[ _-](?:principles|rules|ethics)\b|\bguardrails\b|\bgovernance\b|pol[ií]tica|politique|richtlinie/i;
/** A heading that names the policy, also in other words ("What are the rules for using AI responsibly?"): the classifier's own cue. */
const namesPolicy = (heading: string) => POLICY_NAME.test(heading) || NAMING_CUES.policy.test(heading);

/**
 * What a part named as the policy (by its heading or its file's name) states: principles count, passages found
 * elsewhere because no policy was given do not, and a part that puts the policy itself off ("Policy: TBD with the
 * welfare committee after pilot") gives none.
 */
function statedPolicy(policy: Unit[], putOff: (u: Unit) => boolean): Unit[] {
  const named = policy.filter((u) => u.deliverable === 'policy' && (u.path.some(namesPolicy) || POLICY_NAME.test(u.file)));
  // A promise to send it later ("I'll send the one-pager on Monday. It'll cover the usual (fairness, privacy, transparency).") states nothing yet.
  if (named.some((u) => (putOff(u) && POLICY_NAME.test(u.text)) || is(u, PLACEHOLDER))) return [];
  return named.filter((u) => /\p{L}{3,}(?:\s+\p{L}+){3,}/u.test(u.text));
}

/**
 * `policy_coverage`: decision rights, deployment gates, post-deploy monitoring, incident
 * response and a rollback plan (RUBRIC.md). A 3 needs all five, concrete.
 */
export const gradePolicyCoverage: ItemGrader = ({ units }) => {
  const policy = units.filter((u) => u.deliverable === 'policy' || u.deliverable === 'unknown');
  // A part put off ("a proper AI policy after go-live", "Evals: post-launch") is absent, not named (RUBRIC.md: a placeholder or deferral scores nothing).
  const putOff = (u: Unit) => unitDefersGovernance(u) || unitDefersSafeguard(u);
  const found: Record<string, Unit[]> = {};
  for (const [part, re] of Object.entries(PARTS)) found[part] = policy.filter((u) => (is(u, re) || headingIs(u, re)) && !putOff(u));
  const covered = Object.keys(PARTS).filter((p) => found[p]!.length > 0);
  // Concrete where the part is named, or in the lines right beside it under the same heading
  // ("… is a serious incident. The Support Lead phones the person back the same day").
  // For rollback the neighbour must be about rollback too: an incident owner on the next line does not
  // make "The service can be withdrawn if needed" a plan.
  // A neighbour with a measured trigger ("If the error rate passes 5% …") completes it; one with only an owner
  // ("If an error reaches a client, the clerk reports to the Operations Manager") is the incident part.
  const besides = (p: string, n: Unit) => p !== 'rollback' || is(n, ROLLBACK) || headingIs(n, ROLLBACK) || (is(n, TRIGGER) && is(n, THRESHOLD));
  const solid = covered.filter((p) => found[p]!.some((u) => neighbourhood(policy, u, 1).some((n) => CONCRETE[p]!(n) && (n === u || besides(p, n)))));
  const missing = Object.keys(PARTS).filter((p) => !covered.includes(p)).map((p) => p.replace('_', ' '));
  const thin = covered.filter((p) => !solid.includes(p)).map((p) => p.replace('_', ' '));

  // Asked only when no part is named: what a part named as the policy (by its heading or its file's name) states.
  const stated = covered.length === 0 ? statedPolicy(policy, putOff) : [];
  let score: Score;
  let rationale: string;
  if (covered.length === 5 && solid.length >= 4 && solid.includes('incident_response') && solid.includes('rollback')) {
    score = 3;
    rationale = `Covers all five parts, ${solid.length} of them concretely (owners, thresholds, timings or triggers).`;
  } else if (solid.length >= 3) {
    score = 2;
    rationale = `Covers ${covered.length} of 5 parts${missing.length ? `; missing: ${missing.join(', ')}` : ''}${thin.length ? `; only named, not concrete: ${thin.join(', ')}` : ''}.`;
  } else if (covered.length >= 1) {
    score = 1;
    rationale = `Names ${covered.length} of 5 parts but few concretely${missing.length ? `; missing: ${missing.join(', ')}` : ''}${thin.length ? `; only named: ${thin.join(', ')}` : ''}.`;
  } else if (stated.length >= 2) {
    // A policy of principles alone ("Transparent: guests know they are talking to AI") is given, but names none of the parts.
    score = 1;
    rationale = 'A policy is given, but it names none of the five parts (decision rights, gates, monitoring, incident response, rollback): principles only.';
  } else {
    score = 0;
    rationale = 'No Responsible AI policy content was found.';
  }
  const evidence = pickEvidence(
    covered.length
      ? covered.map((p) => {
          const best = found[p]!.find(CONCRETE[p]!) ?? found[p]![0]!;
          return quote(best, PARTS[p]);
        })
      : stated.slice(0, 2).map((u) => quote(u)),
    5,
  );
  return {
    score,
    confidence: score === 3 ? 0.8 : score === 0 ? 0.85 : 0.65,
    rationale,
    evidence,
    signals: Object.fromEntries(Object.keys(PARTS).map((p) => [p, found[p]!.length > 0 ? (solid.includes(p) ? 2 : 1) : 0])),
  };
};
