import { indexed } from '../../src/grading/prefilter.js';
import { isNegatedWithin, isRejectedOrQuoted, pickEvidence, quote, straightQuotes } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';
import { besideTheRules } from './reader.js';
import { COUNTERED, GATED, GOVERNANCE, ITERATION, isQuestion, defersGovernance, labelsPassage, unitDefersGovernance } from './deferral.js';

const GOV = String.raw`(?:governance|compliance(?: review)?|GDPR(?: (?:reviews?|checks?|assessments?))?|safeguarding(?: (?:reviews?|checks?|assessments?))?|sign-?offs?|approvals?|DPIAs?|(?:data protection|privacy) impact assessments?|(?:privacy|security|legal|model risk|child[- ]safety|safety) (?:reviews?|validation|assessments?)|model risk validation|(?:AI )?ethics (?:board|committee|council|review)|who approves what|(?:the |an? |our )?(?:AI |RAI )?polic(?:y|ies)|safety (?:reviews?|checks?|work)|ethics|responsible AI|RAI|legal review|privacy review|risk (?:review|assessment)|oversight|controls|bias (?:testing|audits?|checks?))`;
const LATER = String.raw`(?:(?:can|will|would) follow (?:the )?(?:\w+ )?(?:launch|go-?live|pilot|rollout|release)|(?:happens?|comes?|takes? place|runs?) after (?:the )?(?:\w+ )?(?:launch|go-?live|pilot|rollout|release|beta)|after (?:the )?(?:soft |public |full )?(?:launch|go-?live|rollout)|if (?:we|it) (?:grows?|scales?|takes off|succeeds?)|(?:when|once) (?:the )?(?:pilot|\w+ fleets|customers|clients) (?:renew|sign|ends?|succeeds?)|(?:planned|scheduled|deferred|postponed|pushed|slated|parked) (?:for|to|until) (?:H2|Q[2-4]|phase (?:2|3|two|three)|later|next|v2|a later|after)|can be added (?:then|later)|after (?:we )?(?:see|reach|hit|find|get|prove) [\w-]+|later|after (?:launch|GA|we launch|release|go-live|we ship|we scale|the pilot|product-market fit|PMF)|post[- ](?:launch|GA|MVP)|in (?:a )?(?:later|future|subsequent) (?:phase|release|version|iteration)|down the (?:road|line)|once we (?:scale|have (?:\w+ ){0,2}(?:traction|customers|users|revenue|clients)|launch|see (?:issues|problems|traction)|grow|know more)|when (?:we|it) (?:scales?|grows?|need (?:it|to)|becomes? (?:necessary|a problem))|if (?:regulators|anyone|customers) (?:ask|complain|require)|eventually|next year|in v2|as needed|if (?:it becomes|needed))`;

/** Someone's area set against the author's: "… area, not ours", "… job rather than mine". */
// Also set against the product itself: "… the DPO's patch and the compliance partner's, not really a product thing".
const NOT_OURS = String.raw`(?:(?:area|job|problem|responsibility|call|business|remit|domain|turf|department|thing|patch),? (?:not|rather than|and not) (?:ours|mine|the product team['’]?s|product['’]?s|this team['’]?s)|[^.;]{0,60}, not (?:really )?(?:a |an )?(?:product|tech|engineering|team|our) (?:thing|job|problem|concern|matter|issue))\b`;
/**
 * Governance put off, bolted on, or handed to someone else (RUBRIC.md, critical).
 */
const PATTERNS = [
  // Listed phrasings graders/flags/deferral.ts does not already read (measured on the dev set, the phrase bank and the tests); the first three are deferrals.
  new RegExp(String.raw`\b${GOV}\b[^.;]{0,60}\b${LATER}`, 'i'),
  new RegExp(String.raw`\b${GOV}\b[^.;]{0,60}\b(?:once|when|after|until) (?:we |it |they |the (?:[\w-]+ ){0,2}|our (?:[\w-]+ ){0,2}|[A-Z][\w-]+ )?(?:[\w-]+ ){0,6}(?:product[- ]market fit|PMF|series [A-D]|seed(?: round)?|funding|raise|traction|paying customers|revenue|at scale|(?:is|are|we are|we're|goes|go) live|launch(?:es|ed)?|GA|general availability|in production|scales?|grows?)\b`, 'i'),
  /\b(?:formali[sz]e|write|draft|create|hire for|put together|set up)\b[^.;]{0,40}\b(?:polic(?:y|ies)|governance|compliance|it)\b[^.;]{0,30}\b(?:once|when|after|at) (?:we |the )?(?:[\w-]+ ){0,3}(?:product[- ]market fit|PMF|series [A-D]|seed(?: round)?|funding|traction|scale|grow)/i,
  /\b(?:security|privacy|legal|compliance|governance|risk|safety)\b[^.;]{0,40}\b(?:is|are) (?:the )?(?:sole )?(?:responsibility|job|problem|concern|remit) of (?:the )?(?:IT|legal|security|compliance|another|other|platform|vendor|central|group|risk)\b/i,
  // "… is the IT team's job", "keeping the data safe is Northgate's department".
  /\b(?:(?:validation|review|compliance|governance|policy|risk|privacy|security|approval)\w*|keeping (?:the )?data (?:safe|secure)|data (?:safety|security|protection))\b[^.;]{0,30}\b(?:is|are) (?:[\w&-]+ ){0,3}(?:team'?s|[\w&-]*['’]s) (?:job|problem|responsibility|call|business|department|area|patch|remit)\b/i,
  /\b(?:not planning|no plans? for|do not plan|don'?t plan|won'?t (?:do|run|need)|will not (?:do|run|need)) (?:a |any )?(?:separate |own |formal |dedicated )?(?:privacy|legal|security|compliance|ethics|risk|model risk) (?:review|assessment|sign-?off|validation)\b/i,
  new RegExp(String.raw`\b${GOV}\b[^.;]{0,30}\b(?:would|will|could|might)? ?slow (?:\w+ ){0,3}down\b`, 'i'),
  new RegExp(String.raw`\b(?:is|are) (?:the |entirely |really )?[\w&'’-]+(?: [\w&'’-]+){0,2}['’]s? ${NOT_OURS}`, 'i'),
  /\b(?:security|privacy|compliance|governance|legal|data protection|regulatory|risk|ethics|certification|confidentiality)\b[^.;]{0,80}\b(?:is|are) (?:entirely |fully |solely |very much |really |squarely )?the (?:business|job|responsibility|remit|problem|concern|domain|matter|patch|world|territory) of\b/i,
  /\bnot (?:something|a thing|an area|a topic|a concern) (?:that )?(?:the product team|we|product|I|this team|our team) (?:needs? to|have to|has to|should|must) (?:own|worry about|handle|deal with|think about)\b/i,
  /\b(?:compliance|governance|privacy|security|confidentiality|data protection|legal|regulatory)\b[^.;]{0,80}\b(?:is|are)? ?(?:not part of|outside) (?:this|the|our) (?:project|scope|plan|remit)\b/i,
  /\b(?:compliance|privacy|data[- ]privacy|security|confidentiality|governance|data protection)\b[^.;]{0,60}\b(?:is|are)? ?covered by (?:the |our |their )?[^.;]{0,40}\b(?:certifi\w+|ISO ?27001|SOC ?2|NDA|contract|DPA|terms|indemnit\w*|clauses?)\b/i,
  /\bcovers? (?:all )?(?:of )?our (?:[\w-]+ ){0,3}(?:compliance|privacy|security|governance|regulatory)(?: and [\w-]+)? (?:needs|requirements|obligations|side|bases)\b/i,
  /\bno (?:separate |own |formal |dedicated |additional |further )?(?:[\w-]+ (?:or|and|nor) )?(?:privacy|legal|security|compliance|ethics|risk|AI|model risk|RAI|DPIA)[\w-]* (?:review|assessment|sign-?off|validation|audit|check)s? (?:is|are|will be) (?:planned|needed|required|scheduled|foreseen)\b/i,
  /\b(?:send|show|inform|notify|tell|present)\w* (?:them|legal|compliance|security|privacy|the (?:\w+ ){0,3}(?:team|office|officer|board|DPO))\b[^.;]{0,40}\b(?:at|after|once) (?:the )?(?:launch|go-?live|release|we launch|we go live)\b/i,
  // The reviewer gets the finished system, or gets it after the first season: "I will give him the finished system to look at after the first season".
  /\b(?:give|hand|send|show)\w* (?:it to )?(?:him|her|them|legal|compliance|security|privacy|the (?:\w+ ){0,3}(?:team|office|officer|board|DPO|lawyer|counsel))\b[^.;]{0,50}\b(?:(?:after|once) (?:the )?(?:first|initial|opening|pilot|trial) (?:season|year|months?|quarter|run|weeks?)\b|the (?:finished|final|completed|built) (?:system|product|tool|app|assistant|chatbot|bot|service)\b)/i,
  // The condition first, then the policy: "Once lots of guilds are on the paid plan we'll sit down and write a proper policy".
  /\b(?:once|when|after) [^.;]{0,60}\b(?:paid plans?|paying|revenue|customers|subscribers|traction|funding|funded|scale|bigger|profitable|grow\w*)\b[^.;]{0,40}\b(?:write|draft|put together|set up|formali[sz]e|sort out|work out)\b[^.;]{0,12}\b(?:a |the |an |our )?(?:proper |formal |real |full )?(?:AI )?(?:polic(?:y|ies)|governance|compliance|privacy review|DPIA)\b/i,
  // A trial not to be tied up in committees; reviewers brought in once it has run a while.
  /\b(?:rather not|don'?t want to|do not want to|won'?t|will not|not going to) tie (?:a |the |our |this )?(?:trial|pilot|launch|project|test) up in (?:committees?|reviews?|approvals?|red tape|paperwork|sign-?offs?)\b/i,
  /\b(?:once|when|after) (?:it|the (?:[\w-]+ )?(?:tool|model|system|pilot|trial|service))(?:'s|’s| has| have) been (?:running|live|in use)\b[^.;]{0,120}\b(?:get|ask|have|bring in|send)\b[^.;]{0,60}\b(?:to )?(?:look over|look at|review|check|go over|sign off)\b/i,
  // Reviewers asked in once the business has grown ("DJU and a lawyer can look at this once we are 40+ clubs").
  new RegExp(String.raw`\b${GOV}\b[^.;]{0,80}\b(?:once|when|after) we (?:are|have|reach|hit|pass) (?:\d[\d,]*\+?|a few hundred|dozens of|hundreds of) [\w-]+`, 'i'),
  // The reviewers asked in only once the thing has run a while: "I would expect them to take a look at the model once it has been running for a few months".
  /\b(?:expect|ask|want|invite|get)\w* (?:them|legal|compliance|security|privacy|the (?:\w+ ){0,3}(?:team|office|officer|board|DPO|lawyers?|counsel)) to (?:take a look at|look at|look over|review|check|go over)\b[^.;]{0,60}\b(?:once|after|when) (?:it|they|the (?:[\w-]+ )?(?:model|tool|system|pilot|service|engine)) (?:has|have|had) been (?:running|live|in use|in production)\b/i,
  // Review as the thing not to be slowed by: "I would not want the pilot to get bogged down in a review process",
  // "I do not want to slow down the beta with paperwork".
  /\b(?:would not|wouldn'?t|do not|don'?t|will not|won'?t) want (?:(?:the |our |this )?(?:[\w-]+ ){0,2}to (?:get |be )?(?:bogged|slowed|held) (?:down|up)|to slow (?:down )?(?:the |our )?(?:beta|pilot|trial|launch|rollout)(?: down)?) (?:in|by|with) (?:a |the |any |lengthy |long )?(?:[\w-]+ )?(?:review|approval|compliance|governance|sign-?off|legal|paperwork|red tape)\b/i,
  // "Consumer Duty is their area rather than mine": the governance topic must be named, since "their" names no one ("Pricing is their call, not ours").
  new RegExp(String.raw`\b(?:${GOVERNANCE.source})[^.;]{0,60}\b(?:is|are) (?:entirely |really |very much )?their ${NOT_OURS}`, 'i'),
].map(indexed);

/** The first three patterns (deferrals) carry no negation of their own: a negation inside the match, or iteration wording, rejects them. */
const NEGATABLE = 3;


type Passage = { text: string; file?: string; section?: number; location?: string; path?: readonly string[] };
/** Two passages of one paragraph (same file, section and place): a label or a sentence and what follows it. */
const samePlace = (a: Passage, b: Passage) => a.file === b.file && a.section === b.section && a.location === b.location;

/** A heading that names one governance step (not the policy as a whole): "Security / privacy", "GDPR", "Legal review". */
const STEP_HEADING = /^\W*(?:\d+[.)]\s*)?(?:[\w&/ -]{0,20}\b)?(?:privacy|security|data protection|GDPR|DPIA|legal|compliance|consent|works council)\b[\w&/ -]{0,30}$/i;
/** The passage speaks of the step it sits under ("deal with it then") or waves it off as no gate ("Not a launch blocker."). */
const SPEAKS_OF_IT = /\b(?:it|this|that|them)\b|^\W*not (?:a|an) [\w-]+ (?:blocker|gate|requirement|priority)\b/i;
/**
 * A passage under a heading that names the step, read as if the heading labelled it: under "## Security / privacy",
 * "Not a launch blocker." or "whoever we hire for IT can deal with it then" put the step off as "Privacy – …" would.
 */
function underItsHeading(u: Passage): string | undefined {
  const heading = u.path?.at(-1);
  if (heading === undefined || !STEP_HEADING.test(heading) || !GOVERNANCE.test(heading) || GOVERNANCE.test(u.text) || !SPEAKS_OF_IT.test(u.text)) return undefined;
  return `${heading.replace(/^\W*(?:\d+[.)]\s*)?/, '')} – ${u.text}`;
}
function defersItsHeading(u: Passage): boolean {
  const labelled = underItsHeading(u);
  return labelled !== undefined && defersGovernance(labelled);
}

/** The step as a passage's label: "Privacy – …", "DPIA: …". */
function labelledStep(text: string): boolean {
  const m = GOVERNANCE.exec(text);
  return m !== null && labelsPassage(text, { index: m.index, end: m.index + m[0].length });
}

/**
 * A sentence that puts off the step its paragraph is labelled with: "Privacy – yeah, farmers' cell numbers are in there.
 * We'll get it looked at properly once we've got a full season running." The label, a sentence or two before in the
 * same place, names the step; the deferral speaks of "it" (defersGovernance reads the label and the sentence together).
 * `isLabel` answers labelledStep once per passage (each is asked by the three passages after it).
 */
function defersItsLabel<T extends Passage>(all: T[], i: number, isLabel: (k: number) => boolean): boolean {
  const u = all[i]!;
  if (u.location === undefined) return false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const w = all[k]!;
    if (!samePlace(w, u)) return false;
    if (isLabel(k)) return !unitDefersGovernance(w) && defersGovernance(`${w.text} ${u.text}`);
  }
  return false;
}

/**
 * A sentence that goes on about the step the sentence before it names: "Our compliance officer is responsible for privacy
 * and customs compliance. She will look at DocuLane when the pilot has shown results" is read with the step in place of
 * its pronoun; null when the passage does not continue one that names the step.
 */
const CONTINUES = /^\W*(?:she|he|they)\b/i;
function withPrevious<T extends Passage>(all: T[], i: number): string | null {
  const u = all[i]!;
  const w = all[i - 1];
  if (w === undefined || !CONTINUES.test(u.text) || GOVERNANCE.test(u.text) || !samePlace(w, u)) return null;
  // The pronoun stands for the step: "She will look at DocuLane when …" reads as "compliance officer will look at DocuLane when …".
  const step = GOVERNANCE.exec(w.text);
  return step === null ? null : u.text.replace(CONTINUES, step[0]);
}
function defersWithPrevious<T extends Passage>(all: T[], i: number): boolean {
  const joined = withPrevious(all, i);
  return joined !== null && !unitDefersGovernance(all[i - 1]!) && defersGovernance(joined);
}

/** The passages the rules read as the flag (before the second reader). */
export function governanceRuleHits<T extends Passage>(all: T[]): T[] {
  const labels: (boolean | undefined)[] = [];
  const isLabel = (k: number) => (labels[k] ??= labelledStep(all[k]!.text));
  return all.filter((u, i) => {
    // The patterns read the quote-straightened text: made once per passage, not once per pattern.
    let straight: string | undefined;
    return (
      !isQuestion(u.text) &&
      (unitDefersGovernance(u) ||
      defersItsLabel(all, i, isLabel) ||
      defersItsHeading(u) ||
      defersWithPrevious(all, i) ||
      PATTERNS.some((re, i) => {
        const m = re.exec((straight ??= straightQuotes(u.text)));
        if (m === null || isRejectedOrQuoted(u.text, m.index, m.index + m[0].length)) return false;
        // "We will update this policy as we learn after launch" is iteration, not deferral.
        const clause = u.text.slice(Math.max(0, u.text.lastIndexOf(';', m.index) + 1), m.index + m[0].length);
        return !(i < NEGATABLE && (isNegatedWithin(m[0]) || ITERATION.test(clause)));
      })) && !COUNTERED.test(u.text) && !GATED.test(u.text)
    );
  });
}

/** `governance_afterthought`: governance described as something to add later or someone else's job. */
export const governanceAfterthought: FlagDetector = {
  detect({ all }) {
    // The second reader reads a passage under a heading that names the step with that heading, as the rules do.
    // The same for a sentence that goes on about the step the sentence before it names.
    const at = new Map(all.map((u, i) => [u, i]));
    const readAs = (u: (typeof all)[number]) => underItsHeading(u) ?? withPrevious(all, at.get(u)!) ?? u.text;
    const { kept: hits, instead } = besideTheRules('governance_afterthought', governanceRuleHits(all), all, true, readAs);
    if (instead) return instead;
    return hits.length
      ? { present: true, rationale: 'Governance is described as something to add later or as someone else’s job, not built into gates.', evidence: pickEvidence(hits.map((u) => quote(u)), 3) }
      : { present: false, rationale: 'Nothing describes governance as an afterthought or someone else’s job.', evidence: [] };
  },
};
