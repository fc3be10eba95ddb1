import { indexed } from '../src/grading/prefilter.js';
import { findRoles, headingIs, headingsAre, is, neighbourhood, pickEvidence, quote, ROLE, roleIn, tableHeader, type Unit } from '../src/grading/text.js';
import type { ItemGrader, Score } from '../src/grading/types.js';
import { APPROVAL, CADENCE, CADENCE_WORD, GATE, OWNERSHIP } from './cues.js';
import { unitDefersGovernance } from './flags/deferral.js';

/** A standing review of the model, the strategy or the governance, with its rhythm. */
// A German "-runde" is a meeting ("Qualitätsrunde", "Lenkungsrunde"), as is a "jour fixe".
const REVIEW_CADENCE = indexed(new RegExp(
  String.raw`\b(?:${CADENCE_WORD})\b[^.;]{0,40}\b(?:(?:model|strategy|strategic|governance|roadmap|risk|safety|quality|business|product|steering|portfolio|operating|performance|metrics?|KPI|RAI|AI|ethics|exec\w*|leadership|stakeholder|cost|budget|program|progress|policy|launch|release|evaluation|eval|council|board|committee)\s+)?(?:reviews?|meetings?|syncs?|councils?|boards?|committees?|forums?|readouts?|retros?|retrospectives?|QBRs?|(?:working|steering|review|advisory|oversight|governance) groups?|huddles?|round-?tables?|(?<=quality |review |safety |audit )rounds?|[A-Za-zÄÖÜäöüß]*runden?|jour fixe|panels?|steering(?=\s?[:(–—-]))\b|\bmeet\w* (?:in|at|for|as) (?:the |a )?(?:[\w-]+ ){0,2}(?:reviews?|meetings?|boards?|committees?|forums?)\b|\b(?:reviews?|meetings?|syncs?|councils?|boards?|committees?|forums?|readouts?|(?:working|steering|review|advisory|oversight|governance) groups?|huddles?)\b[^.;]{0,30}\b(?:${CADENCE_WORD})\b|\bQBRs?\b`,
  'i',
));
/** A person introduced by name and then a title: "Paulo Siqueira, Head of Operations", "Sarah Blake (Operations Director)", "Mark (our IT contractor)". */
const NAMED_APPROVER_ALL = /(?:^|[.;:]\s+|\n)\W*([A-Z][\p{Ll}'’-]+)(?:(?: [A-Z][\p{Ll}'’-]+){1,2},\s| (?:[A-Z][\p{Ll}'’-]+ ){0,2}\((?:our |the )?[^()\d]{3,40}\))/gu;
/** Reviewing a sample of outputs is monitoring, not a stakeholder review. */
const SAMPLE_REVIEW = indexed(/\bsampl\w*|\b\d[\d,]*\s+(?:\w+\s){0,2}(?:diar(?:y|ies)|chats|listings|answers|outputs|tickets|conversations|cases|transcripts|responses|drafts|summaries|emails|calls|PRs|documents|letters|records|reports|invoices|claims|orders|messages|replies|notes|sheets|files|threads)\b|\breview(?:s|ed)? (?:of )?(?:the )?(?:logs?|transcripts|outputs|comments)\b/i);
/** A line that opens with a go-live or gate and names, after a colon, who takes it. */
const DECIDER_LINE = /^\W*(?:go-?live|launch|rollout|roll-out|release to \w+|gate\s?\w{0,3}|decides?|decision(?:s| rights)?|who decides)\b[^:|.]{0,60}:\s*(.+)$/i;
/** Approving every output one by one: "the supervisor approves each message before it goes out". */
/** A step of the release itself, which approving or deciding on is a sign-off, not work on one case. */
const RELEASE_STEP = 'gates?|releases?|launch(?:es)?|phases?|go-lives?|rollouts?|models?|versions?|milestones?|stages?';
const PER_OUTPUT_APPROVAL = new RegExp(String.raw`\b(?:(?:approv\w*(?: of)?|signs? off|checks?|reviews?|takes? (?:the )?final (?:call|say|decision) on) (?:each|every|all)|(?:takes?|has|have|gets?) (?:the )?final (?:call|say|decision|word) (?:on|over) any) (?!(?:single )?(?:[\w-]+ )?(?:${RELEASE_STEP})\b)(?:single )?(?:[\w-]+ )?[\w-]+\b`, 'i');
const PER_OUTPUT_APPROVAL_ALL = new RegExp(PER_OUTPUT_APPROVAL.source, 'gi');
/** Deciding on one case at a time: "The shift supervisor decides if the work order is sent" (not "decides if the pilot is extended" or "if a collection goes online"). */
const PER_CASE_DECISION = new RegExp(String.raw`\bdecides? (?:if|whether) (?:the|a|an|each|this) (?!(?:[\w-]+ )?(?:${RELEASE_STEP}|pilots?|project|product|feature|tool|system)\b)(?:[\w-]+ ){1,2}(?:is|gets|should be|goes|will be|can be)\b(?! (?:online|live|public|published|into production|to production|to all)\b)`, 'i');
/** Stakeholders named in general terms. */
const VAGUE = indexed(/\bstakeholders?\b|\bleadership\b|\bmanagement\b|\bsign[- ]?off\b|\bapprov\w*|\breview(?:ed)? by\b/i);
const QBR = indexed(/\bQBRs?\b/);
/** A meeting of people, whatever it looks at: by its name, or a review held with roles ("a monthly review with the Head of Service", "the review (Head of Service, DPO, two tuners)"). */
const MEETING = indexed(/\b(?:meet(?:s|ing)?|council|board|committee|forum|steering|QBR|business review|readout|check-?in|sync|retro\w*|working group|huddle|chair\w*|attend\w*)\b|\breviews?\b["”’']?\s+with (?:the |our |all )?(?:heads?|chiefs?|directors?|managers?|leads?|owners?|DPO|CEO|CFO|CTO|COO|board|founders?|partners?|[\w-]+ (?:leads?|managers?|directors?|officers?|owners?))\b|\breviews?\b["”’']?\s*\((?:[^(),]+,){2,}[^()]*\)/i);

/** The author named as the owner: "I own it. if it breaks I turn it off.", "Who is responsible: me." */
const AUTHOR_OWNS = /\bI (?:own|am (?:the )?(?:owner|responsible))\b|\b(?:responsible|owner|accountable)\s*:\s*(?:me|myself|I)\b/i;
/**
 * The author introducing themselves ("I am Paolo, founder of SakayNow", "applying for the AI Product Leader position"): no
 * stakeholder of the plan. Kept apart from no_cross_functional's byline reading on purpose: an author's own introduction
 * may name a partner ("I am …, working with our CTO"), which that flag must still see (sharing one reading lost 792).
 */
const BYLINE = /^\W*(?:I am|I'm|my name is|author|prepared by|written by|submitted by)\b|\bapplying for\b|\bcandidate for\b/i;

/**
 * `stakeholders`: who signs off (named roles), on what (which gate), and the cadence of
 * model and strategy reviews (RUBRIC.md). Owning a product is not signing off a gate, and
 * reading a weekly sample of outputs is monitoring, not a review cadence.
 */
export const gradeStakeholders: ItemGrader = ({ units }) => {
  // A row of a table whose header says who decides or signs ("Gate | Decides") approves too.
  const approverTable = (u: Unit) => u.row && /\b(?:decides?|decision|approv\w*|signs?|sign-?off|signer|owner|accountable|go\/no-go)\b/i.test(tableHeader(units, u)?.text ?? '');
  // "Go-live for M1 (alpha) and M2 (soft launch): Head of Player Support + me." names who lets it go live.
  // So does a row "Pilot go-live (agents, Q1) | Head of Customer Operations" under a decision-rights heading.
  const deciderLine = (u: Unit) => {
    const m = DECIDER_LINE.exec(u.text);
    // "Decides: site manager decides live use" names who decides; "Who decides: the Product Manager (me)" is the author owning it.
    const byAuthor = m !== null && /^\W*(?:decides?|decision|who decides)/i.test(m[0]) && (/\b(?:me|myself|we|us)\b/i.test(m[1]!.slice(0, 80)) || /\bI\b/.test(m[1]!.slice(0, 80)));
    if (m !== null && !byAuthor && findRoles(m[1]!.slice(0, 60)).length > 0) return true;
    const [first, ...rest] = u.row ? u.text.split(' | ') : [];
    return first !== undefined && /\b(?:go-?live|launch|gate|release|rollout|roll-out)\b/i.test(first) && findRoles(rest.join(' ')).length > 0;
  };
  // A sign-off put off past launch or handed to another party is no sign-off plan (governance_afterthought says so).
  // Approving each message before it goes out is an operational step, not a sign-off on a gate.
  // A passage that also approves something else ("approves moving from Now to Next; our expert signs off every new defect type") still signs off.
  const perOutput = (u: Unit) => {
    if (PER_CASE_DECISION.test(u.text) && !GATE.test(u.text)) return true;
    if (!PER_OUTPUT_APPROVAL.test(u.text)) return false;
    const rest = u.text.replace(PER_OUTPUT_APPROVAL_ALL, ' ');
    return !(APPROVAL.test(rest) && (GATE.test(rest) || /\b(?:phases?|stages?|mov(?:e|ing) (?:from|to|on))\b/i.test(rest)));
  };
  // The author among those who decide ("The product team (me and our CTO) decides when to widen the pilot", "I (Rohit) own it and decide go-live") owns it; no one else signs off.
  const authorDecides = (u: Unit) => /(?:^|[.;:]\s)[^.;:]{0,60}\b(?:me|myself)\b[^.;:]{0,30}\b(?:decides?|approves?|signs? off)\b/i.test(u.text) || /\bI\b(?: \([^)]{0,60}\))?[^.;:]{0,60}\b(?:decide|approve|sign off)\b/.test(u.text);
  // A bare list under an approvals label ("Approvals: county IT / county attorney") names approvers, not what they approve.
  const bareList = (u: Unit) => /^\W*(?:approvals?|approvers?|sign-?offs?|signers?)\s*:\s*[^.;:]{0,60}$/i.test(u.text) && !is(u, GATE);
  const approvals = units.filter((u) => roleIn(u) && (is(u, APPROVAL) || approverTable(u) || deciderLine(u)) && !unitDefersGovernance(u) && !perOutput(u) && !authorDecides(u) && !bareList(u));
  const roles = new Set(approvals.flatMap((u) => findRoles(u.text)));
  // A "Sign-off: …" line right under the gate lines it closes ("Gate C (Sep): …" then "Sign-off: Quality Manager + …") signs those gates.
  const afterGates = (u: Unit) => /^\W*(?:sign-?offs?|signed (?:off )?by|approv\w+)\s*:/i.test(u.text) && neighbourhood(units, u, 1).some((n) => n !== u && /^\W*gate\b/i.test(n.text));
  const gated = approvals.filter((u) => is(u, GATE) || headingsAre(u, GATE) || neighbourhood(units, u, 0).some((n) => is(n, GATE)) || afterGates(u));
  const cadences = units.filter((u) => (is(u, CADENCE) || is(u, QBR) || headingIs(u, CADENCE)) && (is(u, REVIEW_CADENCE) || (headingsAre(u, REVIEW_CADENCE) && /\d|\b(?:weekly|monthly|quarterly)\b/i.test(u.text))) && (!is(u, SAMPLE_REVIEW) || is(u, MEETING)));
  const owners = units.filter((u) => roleIn(u) && is(u, OWNERSHIP));
  const vague = units.filter((u) => is(u, VAGUE));

  // A review cadence completes the plan only when the people who approve (or a governance body) sit in it: by their
  // role, or by the first name of an approver introduced by name and role ("Paulo Siqueira, Head of Operations approves
  // Gate 1" and later "Monthly AI meeting (first Tuesday): Marina, Paulo, Diego").
  // Letters on both sides, not \b: "José" ends in a letter \b does not count as a word character.
  const approverNames = [...new Set(approvals.flatMap((u) => [...u.text.matchAll(NAMED_APPROVER_ALL)].map((m) => m[1]!)))].map((name) => new RegExp(String.raw`(?<!\p{L})${name}(?!\p{L})`, 'u'));
  const governingCadences = cadences.filter((u) => neighbourhood(units, u, 1).some((n) => findRoles(n.text).some((r) => roles.has(r))) || /\b(?:council|board|committee|steering|approvers?|sign-?off (?:group|owners))\b/i.test(u.text) || approverNames.some((name) => name.test(u.text)));

  let score: Score;
  let rationale: string;
  if (roles.size >= 2 && gated.length >= 1 && governingCadences.length >= 1) {
    score = 3;
    rationale = `Named roles sign off (${[...roles].slice(0, 4).join(', ')}) on named gates, and reviews have a cadence.`;
  } else if (approvals.length >= 1) {
    score = 2;
    const missing = [
      roles.size < 2 ? 'several named roles signing off' : '',
      gated.length === 0 ? 'which gate each signs off' : '',
      cadences.length === 0 ? 'a cadence of model and strategy reviews' : governingCadences.length === 0 ? 'a review cadence that includes the approvers' : '',
    ].filter(Boolean);
    rationale = `Part of a sign-off plan is concrete; missing: ${missing.join(', ')}.`;
  } else if (owners.length > 0 || vague.length > 0 || units.some((u) => (roleIn(u) && !BYLINE.test(u.text)) || AUTHOR_OWNS.test(u.text))) {
    score = 1;
    rationale = 'Owners or stakeholders are named, with no sign-off on gates and no review cadence.';
  } else {
    score = 0;
    rationale = 'No sign-off plan or review cadence was found.';
  }
  const evidence = pickEvidence(
    [...gated.map((u) => quote(u, APPROVAL)), ...cadences.map((u) => quote(u, REVIEW_CADENCE)), ...approvals.map((u) => quote(u, APPROVAL)), ...owners.map((u) => quote(u, ROLE)), ...vague.map((u) => quote(u)), ...units.filter((u) => roleIn(u) && !BYLINE.test(u.text)).map((u) => quote(u, ROLE)), ...units.filter((u) => AUTHOR_OWNS.test(u.text)).map((u) => quote(u, AUTHOR_OWNS))],
    4,
  );
  return {
    score,
    confidence: score === 3 ? 0.75 : score === 0 ? 0.85 : 0.6,
    rationale,
    evidence,
    signals: { roles_signing_off: roles.size, sign_off_on_gates: gated.length, review_cadences: cadences.length, cadences_with_approvers: governingCadences.length, owners_named: owners.length },
  };
};
