import { isNegatedWithin, isRejectedOrQuoted, pickEvidence, quote, straightQuotes } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';

const GOV = String.raw`(?:governance|compliance|sign-?offs?|approvals?|(?:the |an? |our )?(?:AI |RAI )?polic(?:y|ies)|safety (?:reviews?|checks?|work)|ethics|responsible AI|RAI|legal review|privacy review|risk (?:review|assessment)|oversight|controls|bias (?:testing|audits?|checks?))`;
const LATER = String.raw`(?:(?:planned|scheduled|deferred|postponed|pushed|slated|parked) (?:for|to|until) (?:H2|Q[2-4]|phase (?:2|3|two|three)|later|next|v2|a later|after)|can be added (?:then|later)|after (?:we )?(?:see|reach|hit|find|get|prove) [\w-]+|later|after (?:launch|GA|we launch|release|go-live|we ship|we scale|the pilot|product-market fit|PMF)|post[- ](?:launch|GA|MVP)|in (?:a )?(?:later|future|subsequent) (?:phase|release|version|iteration)|down the (?:road|line)|once we (?:scale|have (?:\w+ ){0,2}(?:traction|customers|users|revenue|clients)|launch|see (?:issues|problems|traction)|grow|know more)|when (?:we|it) (?:scales?|grows?|need (?:it|to)|becomes? (?:necessary|a problem))|if (?:regulators|anyone|customers) (?:ask|complain|require)|eventually|next year|in v2|as needed|if (?:it becomes|needed))`;

/**
 * Governance put off, bolted on, or handed to someone else (RUBRIC.md, critical). The first
 * patterns carry no negation of their own, so a negation inside the match rejects it.
 */
const NEGATABLE = 3;
const ITERATION = /\b(?:updat|revis|refin|iterat|evolv|improv|expand|extend|tighten|re-?review|revisit)\w*/i;
const PATTERNS = [
  new RegExp(String.raw`\b${GOV}\b[^.;]{0,60}\b${LATER}`, 'i'),
  new RegExp(String.raw`\b(?:add|bolt on|layer on|introduce|figure out|think about|worry about|address|deal with|formali[sz]e|put in place|set up)\b[^.;]{0,25}\b${GOV}\b[^.;]{0,40}\b${LATER}`, 'i'),
  new RegExp(String.raw`\b${LATER}\b[^.;]{0,30}\b(?:we(?:'ll| will| can)?|to)\s+(?:add|bolt on|layer on|introduce|figure out|think about|worry about|address|deal with|formali[sz]e)\b[^.;]{0,30}\b${GOV}`, 'i'),
  /\b(?:legal|compliance|security|risk|IT|the (?:legal|compliance|risk|security|platform|data) team|someone else|another team|the vendor|OpenAI|the (?:model )?provider|our vendor)\b[^.;]{0,30}\b(?:will|can|should|is going to)\s+(?:handle|take care of|own|deal with|worry about|sort out|look after|cover)\b[^.;]{0,40}\b(?:compliance|governance|that|it|this|the rest|risk|policy|ethics|sign-?off|approvals?)\b/i,
  /\b(?:compliance|governance|privacy|legal(?: review)?|security|data protection|risk|safety|the rules)\b[^.;]{0,20}\b(?:is|are) (?:fully |entirely )?(?:handled|covered|owned|taken care of|managed) by (?:our|the) (?:vendor|provider|platform|supplier|partner|LLM provider|model provider|cloud provider|IT|legal team|other)\b/i,
  new RegExp(String.raw`\b(?:legal|compliance|security|privacy|risk|the \w+ team)\b[^.;]{0,20}\b(?:can|will|could|should)\s+(?:review|look at|check|sign off|weigh in|get involved|be consulted)\b[^.;]{0,40}\b${LATER}`, 'i'),
  /\b(?:security|privacy|legal|compliance|governance|risk|safety)\b[^.;]{0,40}\b(?:is|are) (?:the )?(?:sole )?(?:responsibility|job|problem|concern|remit) of (?:the )?(?:IT|legal|security|compliance|another|other|platform|vendor|central|group|risk)\b/i,
  /\bloop (?:them|legal|security|compliance|privacy|IT|risk|the \w+ team) in\b[^.;]{0,40}\b(?:later|after|if|once|when)\b/i,
  /\b(?:not (?:our|my|the product team'?s|product'?s|the team'?s) (?:job|problem|concern|responsibility|call)|someone else'?s (?:job|problem|responsibility)|outside (?:of )?(?:our|the product) (?:scope|remit)|out of scope for (?:us|product|this team|the product team))\b/i,
  new RegExp(String.raw`\b${GOV}\b[^.;]{0,30}\b(?:can wait|is (?:a )?(?:phase 2|phase two|nice[- ]to[- ]have|secondary|an afterthought|overhead|bureaucracy|red tape|a blocker)|slows? (?:us|the team|things|delivery) down|gets in the way)\b`, 'i'),
  new RegExp(String.raw`\b(?:move fast|ship fast|speed|velocity|time[- ]to[- ]market)\b[^.;]{0,40}\b(?:over|before|matters more than|trumps|beats)\b[^.;]{0,20}\b${GOV}`, 'i'),
  /\b(?:no need for|don'?t need|skip|without) (?:a |an )?(?:formal )?(?:governance|compliance|(?:AI )?policy|approval|review board|sign-?off) (?:for now|yet|at this stage|initially|in the (?:pilot|MVP|first phase))\b/i,
];

/** Every pattern needs one of these words: a cheap first look. */
const MAYBE = /governance|complian|polic|sign|approv|safety|ethic|responsib|RAI|legal|privacy|risk|oversight|control|bias|audit|job|problem|scope|loop|later|launch|security/i;

/** `governance_afterthought`: governance described as something to add later or someone else's job. */
export const governanceAfterthought: FlagDetector = {
  detect({ all }) {
    const hits = all.filter((u) =>
      MAYBE.test(u.text) &&
      PATTERNS.some((re, i) => {
        const m = re.exec(straightQuotes(u.text));
        if (m === null || isRejectedOrQuoted(u.text, m.index, m.index + m[0].length)) return false;
        // "We will update this policy as we learn after launch" is iteration, not deferral.
        const clause = u.text.slice(Math.max(0, u.text.lastIndexOf(';', m.index) + 1), m.index + m[0].length);
        return !(i < NEGATABLE && (isNegatedWithin(m[0]) || ITERATION.test(clause)));
      }),
    );
    return hits.length
      ? { present: true, rationale: 'Governance is described as something to add later or as someone else’s job, not built into gates.', evidence: pickEvidence(hits.map((u) => quote(u)), 3) }
      : { present: false, rationale: 'Nothing describes governance as an afterthought or someone else’s job.', evidence: [] };
  },
};
