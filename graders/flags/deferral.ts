/**
 * The two critical red flags read by meaning rather than by phrasing. Both are a combination in
 * one sentence (or bullet, table row, note): a TOPIC — a safeguard for `fix_later_with_prompts`,
 * a governance structure for `governance_afterthought` — and what is done to it: put off until
 * after launch or some later event, waved away as unneeded, removed, or handed to someone else.
 * Candidates phrase this in endless ways ("Evals – post-launch", "governance is a post-PMF
 * problem", "Compliance: customer's responsibility under the MSA"), so each part is a small
 * vocabulary, and a sentence that argues against the idea, or ties it to a measured condition,
 * is not the flag.
 */
import { indexed } from '../../src/grading/prefilter.js';
import { isQuoted, MONEY, straightQuotes } from '../../src/grading/text.js';

// ---------------------------------------------------------------------------------------------
// Topics

/** Safeguards that should exist before real users: putting them off is the flag. */
export const SAFEGUARD_BEFORE = indexed(/\b(?:adversarial (?:testing|tests|prompts?|review|probing)|abuse filters?|shadow (?:period|run|phase)|sampling audits?|(?:labell?ed|reference) test set|(?:tracking|measuring|monitoring) (?:its |the |their )?(?:[\w-]+ )?accuracy|hallucination checks?|shadow[- ]mode(?: phase)?|grounding checks?|citation verification|confidence thresholds?|regression (?:sets?|suites?|test\w*|runs?|checks?)|(?:PII|personal data) (?:redaction|masking|scrubbing)|redaction|anonymi[sz]ation|safety classifiers?|(?:output|input|content|toxicity) classifiers?|escalation (?:thresholds?|rules|criteria)|content safety|QA (?:samples?|pass(?:es)?|checks?|steps?|review)|safety (?:prompts?|warnings?|disclaimers?)|(?:checking|validation|verification|review) (?:layer|stage|step|pass)|go back to (?:an? )?(?:older|earlier|previous) (?:version|model|release)|guard-?rails?|safeguards?|(?:bias|fairness) (?:checks?|testing|tests|evaluations?|audits?|reviews?)|(?:wrong[- ]answer|accuracy|quality|safety|hallucination|regression|red[- ]team) testing|testing for (?:wrong|invented|made-up|hallucinated|incorrect|harmful|unsafe|biased)(?:,? (?:or|and) (?:wrong|invented|made-up|hallucinated|incorrect|harmful|unsafe|biased))?(?: (?:answers|outputs|responses|results|content))?|(?:prompt[- ]injection|jailbreak) (?:defen[cs]es?|testing|tests|protections?|guards?|filters?|checks?)|safety (?:filters?|layer|checks?|nets?|work|testing|evals?|evaluations?)|(?:content|output|input|toxicity|PII|safety) (?:filter\w*|moderation|checks?)|content filtering|moderation|eval(?:uation)? (?:harness|set|suite|framework)s?|evals?\b|evaluation|test (?:set|suite)s?|golden (?:set|dataset)|holdout(?: set)?|validation (?:step|set|activities|run)|benchmark\w*|red[- ]team\w*|quality (?:gate|thresholds?|bar|criteria|checks?|dashboards?)|(?:error|accuracy|acceptance|hallucination|quality) (?:thresholds?|criteria|metrics?|rate)|acceptance criteria|(?:pass|fail|pass\/fail|pass or fail|quality|acceptance) (?:levels?|bars?|thresholds?)|the bar\b|test (?:conversations|cases|questions|prompts)|quality work|roll-?back(?: plan)?|roll back|kill[- ]?switch|switch it off|fallback|citation check\w*|fact[- ]check\w*|cost (?:model|controls?|caps?|limits?)|(?:spend|token|rate|usage) (?:limits?|caps?|monitoring|alerts?)|budget (?:caps?|alerts?)|spot[- ]checks?|(?:accuracy|plausibility|sanity|consistency|validation|output|fact) checks?|validation (?:stud(?:y|ies)|rules?|rule sets?)|uncertainty (?:bands|estimates|intervals)|filters? for (?:wrong|harmful|unsafe|toxic|bad|invented|incorrect|made-up|discriminatory|offensive|biased|abusive)\w*(?: \w+)?|prompt[- ]injection|revert(?:ing)? to (?:the )?(?:old|previous|manual|former)|accuracy benchmarks?|(?:sanity|plausibility|price|safety) (?:limits|bounds)|checks? (?:for|on) (?:bias|accuracy|fairness|errors|hallucinations?|quality)|(?:control|check(?:ing)?|safety) layer|drift (?:checks?|detection|alerts?)|tests? (?:of|for) (?:quality|accuracy|safety|bias)|(?:in-domain|domain|separate|independent|local|own) validation|safety (?:envelope|limits|interlocks?)|(?:quality|latency|accuracy|error|drift|safety|bias) (?:alarms?|alerts?))\b/i);
/** Watching and measuring: normal after launch, so only setting them up later, or dismissing them, counts. */
export const MEASURING = indexed(/\b(?:instrument\w*|SLOs?|SLAs?|(?:quality|accuracy|numeric|performance) targets?|scor(?:e|ed|ing) (?:it|them|separately|each|every|the)|monitoring|measur\w+|baselines?|A\/B tests?|control groups?|metrics?|(?<!analytics |reporting |BI )dashboards?|alert(?:s|ing)|tracking|logging|KPIs?|observability|omission rate|error rate|accuracy|count(?:ing)? (?!on\b)(?:[\w-]+ ){0,2}(?:errors?|mistakes?|misrout\w*|failures?|complaints|wrong\w*|misses|overrides|tickets|cases))\b/i);
/** Human review of what the model produces. */
const HUMAN_REVIEW = indexed(/\b(?:manual spot-?checks?|(?:checking|verification|counting|double-checking) (?:panel|team|crew|staff)|second[- ]read(?:er|ing)s?|four[- ]eyes|QA sampling|sampling (?:audits?|checks?|reviews?)|review of (?:the |every |each |all )?(?:AI[- ]|model[- ])?(?:generated|drafted|produced|extracted|translated)\b|re-?reading (?:the|every|each|all)\b|(?!(?:government|parliament|department|cyber|officer|controller|legal|ethical|ethics|security|compliance|privacy|governance|risk|vendor|partner|customer|user|peer|code|board|design|internal|external|annual|formal|regulator|auditor|architectural|architecture|technical|stakeholder|customer|partner|manager|leader)\b)[a-z]+(?:ist|ian|er|or|al|ant|ent|yst)s?'? (?:double-check|sign-?off(?: step)?|check|review|approval|QA(?: pass)?|pass)\b|(?:human|manual) QA\b|QA pass|(?:second|first)-line (?:review|check)|double-check\w*|fully automated (?:approvals?|decisions?|sign-?offs?)|reviewer step|review queue|(?:human|manual|agent|reviewer|editor|pharmacist|nurse|teacher|expert|lawyer|underwriter|clinician|doctor|specialist|second|4-eyes|four-eyes|supervisor|staff|operator)s?'? (?:check\w*|review\w*|look\w*|approv\w*|verification|sign-?off|QC|oversight|read\w*|proofread\w*|sampl\w*)|humans? in the loop|human[- ]in[- ]the[- ]loop|human oversight|QC\b|quality control|proofread\w*|(?:human )?verification|review step|approval step|read-?through|sign-off step|approve[- ]before[- ]send|(?:look at|check|review|approve|verify|validat|sign off|proofread|read)\w* (?:on )?(?:the AI'?s|every|each|individual|all|the generated|generated|the|\d[\d,.]*k?) (?:\w+ )?(?:suggestions?|outputs?|drafts?|answers?|recommendations?|letters?|replies|reply|messages?|quotes?|summar(?:y|ies)|essays?|marks|ones?|alerts?|flags?|classifications?|scores?|decisions?|entr(?:y|ies)|records?|items?|fields?|cases?|claims?|labels?|codes?|tags?)|(?:reviewer|human|manual|editor) approval)\b/i);
/** What a model costs to run. */
const COST = indexed(/\b(?:overruns?|(?:cloud|GPU|API|AWS|inference|token|OpenAI) bills?|inference\b|costs?|spend\w*|budget\w*|the bill|unit economics|token (?:prices?|spend|usage|limits?)|inference (?:costs?|budget|spend)|run(?:ning)? costs?|cost per \w+|cost model)\b/i);
/** Quality of the model's answers, waved away. */
const QUALITY = indexed(/\b(?:(?:is|are|be) (?:actually |really )?accurate|hallucinat\w*|invent(?:s|ed|ing)?\b|made-up (?:facts|answers|citations)|invented (?:facts|answers|citations|policies)|accuracy|errors?|mistakes?|wrong answers?|quality|tone (?:issues|drift)|edge cases?)\b/i);

/** Governance structures: reviews, sign-offs, policies, compliance, decision rights. */
export const GOVERNANCE = indexed(/\b(?:(?:insurance|banking|financial|data protection|rail|aviation|health|energy|telecoms?) (?:supervisors?|regulators?)|retro-?fit the polic(?:y|ies)|go\/no[- ]go (?:owner|decision|authority)|(?:rules|polic(?:y|ies)) for (?:using|the use of|use of) (?:the )?data|data[- ]use rules|(?:ministry|ministerial|government) (?:review|approval|sign-?off|approval process)|steering (?:group|committee|board)|accessibility (?:certification|audit|review|compliance)|(?:aviation|civil aviation|regulatory|supervisory|competent|health|financial|data protection|medicines|safety) authorit(?:y|ies)|medical[- ]device (?:classification|certification|regulation|approval|registration)|export[- ]control\w*|sanctions screening|cyber(?:security)? (?:review|assessment|sign-?off|audit)|(?:human[- ]factors|safety) (?:review|assessment|sign-?off)|oversight workstream|head of trust|(?:data protection|privacy|information) commissioner|registration with (?:the )?(?:[\w-]+ ){0,3}(?:commissioner|authority|regulator|registry|register)|(?:maritime|port|rail|transport|road|aviation|energy|water|environment\w*|food|medical|drug|gaming|gambling|financial|telecom\w*|nuclear|mining) authorit(?:y|ies)|accessibility testing|(?:no )?committees?\b(?= before)|safety (?:board|committee)|(?:security|legal|compliance|privacy) team|juridical|(?:who (?:has|holds|gets)|the) (?:right|authority|power) to (?:stop|halt|pause|veto|approve|switch off)|notif\w+ (?:to|of) (?:the )?(?:[\w-]+ ){0,2}(?:chamber|regulator|authority|supervisor|ombudsman)|(?:board|committee|council|federation|chamber) (?:of (?:the )?(?:[\w-]+ ){1,3})?(?:will |must |shall )?approv\w*|(?:pharmacy|medical|nursing|licensing|professional) board(?: rules)?|liabilit(?:y|ies)|risk registers?|incident[- ](?:owner|ownership|roles?)|oversight (?:structure|model|process|framework|body|board|committee)|(?:AI|ethics|governance|risk|review|oversight|model) (?:council|board|panel|forum)|who approves|approv(?:es|ing) (?:model|prompt) changes|fair[- ](?:lending|housing)|regulators?|threat model\w*|access controls?|algorithm filing|model[- ]risk|(?:pull|bring|loop) (?:in )?(?:Security|Legal|Compliance|Privacy|InfoSec|the DPO)\b|rules of retention|data[- ]residency|(?:bias|fairness|ethics|equality|accessibility) (?:review|audit|assessment)s?|pen(?:etration)?[- ]?tests?|RACI|escalation paths?|incident (?:response )?ownership|security gate|IRB|ethics committee|consent|data[- ]sharing|data processing agreements?|security(?= (?:is|sits|lies|rests|falls|belongs)\b)|personal (?:data|information)|APPI|PIPEDA|LGPD|POPIA|CCPA|PDPA|PIPL|privacy act|security checks?|copyright|IP clearance|intellectual property|(?:clinical )?safety case|(?:clinical )?safety officer|model cards?|decision logs?|\bBAA\b|business associate agreement|(?:equality|privacy|data protection|algorithmic|human rights) impact assessments?|owner of (?:the )?(?:go\/no[- ]go|launch|gate|model|policy)|copyright clearance|(?:outside|external) counsel|conformity assessment|governance|compliance|complian\w+|design code|online safety act|digital services act|children'?s code|COPPA|FERPA|SR 11-7|model validation|second line|ownership\b(?! costs?)|regulatory|regulation|legal (?:sign-?off|review|validation|approval)|Legal\b|legal\b(?= (?:and|&|has|will|can|team|topics?|questions?|side))|sign-?offs?|(?<!pre-)approvals?|decision rights|(?:AI|RAI|responsible[- ]AI|usage|acceptable[- ]use) polic(?:y|ies)|(?<!(?:refund|returns?|pricing|cancell?ation|travel|leave|shipping|expense|booking|warranty|discount|loyalty) )polic(?:y|ies)(?! text| wording| snippets?| excerpts?| passages?| documents?| library| pdfs?)(?: docs?| work)?|security (?:review|requirements|clearance|assessment|questions?|sign-?off)|InfoSec|information security|privacy\b|data protection|DPIA|DPO|data protection (?:officer|office)|GDPR|RGPD|HIPAA|SOC ?2|ISO ?27001|EU AI Act|ethic\w*|model risk|risk (?:review|assessment|management|team|function)|audit\w*|works council|consent|data retention|retention (?:period|polic\w+|rules?)|legal hold|responsible[- ]AI|escalation process|oversight board|committee)\b/i);

// ---------------------------------------------------------------------------------------------
// What is done to the topic

/** Put off until after launch or until some later event. */
const DEFERRED = indexed(new RegExp(
  [
    String.raw`\b(?:later|afterwards|eventually|down the (?:road|line)|over time|as we go|in due course)\b`,
    String.raw`\b(?:after|post)[- ]?(?:the |our )?(?:GA|launch|v1|version 1|go-?live|release|pilot|beta|MVP|PMF|product-market fit|rollout|roll-out|soft launch|first (?:release|version|few months|clients|customers)|onboarding|BAU|the first)\b`,
    String.raw`\b(?:after|once|when|until|as soon as) (?:the |our |we |we'?re |we are |it |it'?s |there'?s |there is |they |people |users |customers |clients |volumes? |anyone |someone |a customer |the first )?(?:\S+ ){0,5}?(?:(?:have|has|get|gets|got) (?:real|more|enough|some|many|lots of|paying|a few|the first|traction|users|customers|clients|data|volume|usage|queries|numbers)|sees? (?:real|what|how|which|whether|if|traction|usage|traffic|enough|more|demand|the (?:first|real))|knows? (?:what|how|more|enough|which)|hit|hits|reach|reaches|cross|crosses|past|grow|grows|(?:is|are) (?:finished|complete|completed|done|over)|(?:is|are) (?:happy|satisfied|comfortable|convinced|on board) with|scale|scales|launch|launches|(?:are|is|go|goes|we'?re) (?:already )?live|stable|mature|settle|settles|settled|proves?|proven|(?:has |have )?shown|shows|demonstrat\w+|validated?|justify|opens? (?:up |it )?to|(?:customer|client|regulator|anyone|someone)s? asks?|love|bigger|onboarded|traction|revenue|funding|round|PMF|product-market fit|makes us|bedded in|more mature|requests? it|start complaining)\b`,
    String.raw`\bif (?:clients|customers|users|anyone|people|regulators|(?:quality )?complaints|it becomes|there is demand)\b[^.;]{0,20}\b(?:complain\w*|ask\w*|request\w*|come in|start\w*|necessary|needed|an issue|a problem)\b|\bif (?:needed|necessary|required)\s*$|\bif (?:ever )?needed later\b`,
    String.raw`\bin (?:H2|the second (?:release|half|phase|time)|a (?:second|later|subsequent|future|next) (?:phase|release|version|stage|time|step|wave|iteration|sprint|cycle)|phase (?:[2-9]|two|three|four|five|II|III|IV)|year (?:2|two)|v2|v1\.[1-9]|the next (?:phase|release|fiscal year|version)|parallel once)\b`,
    String.raw`\b(?:for|to|until|till) (?:phase (?:2|3|two|three)|v2|year 2|H2|the scale-?up(?: stage)?|later|next (?:year|phase|release))\b`,
    String.raw`\bnext (?:fiscal )?(?:year|release|version)\b|(?:->|→|:|—|–)\s?(?:phase \d|v2|later|H2|year 2|after)\b|\|\s?(?:phase [2-9]|v2|later|H2|year 2)\b`, // a table cell may say "after" for a column heading, so not after a pipe
    // "a Year-2 job", "after we've closed the first three logos", "post-marketing", "after the trial", "when there's a second model", "in v1.1", "once data has accrued", "when someone actually tries it".
    String.raw`\b(?:an? )?(?:year[- ]?2|year[- ]two|phase[- ]?(?:2|two)|v2|post-?launch) (?:job|task|topic|item|deliverable|workstream|project)\b|\bafter (?:we'?ve|we have) (?:closed|signed|landed|won)\b|\bpost-?(?:marketing|market|commerciali[sz]ation)\b|\bwhen there (?:is|'s|are) (?:a |an )?(?:second|another|more|real)\b|\bonce (?:\S+ ){0,4}data (?:has|have) (?:accrued|accumulated|built up|come in)\b|\bwhen (?:someone|anyone|somebody) (?:actually )?(?:tries|attempts|exploits|does)\b|\bto be (?:decided|defined|agreed|confirmed|determined|scoped|planned|designed|named|appointed|assigned|built|drafted|written|prepared|formali[sz]ed|finali[sz]ed) (?:post|after|later|once|when|in)|\b(?:still )?(?:in negotiation|pending|not (?:yet )?signed)\b[^.]{0,60}\b(?:in the meantime|meanwhile|anyway|regardless)\b`,
    // "PII redaction follows in the October release", "v2: add evals", "when the data team has capacity", "as we grow", "is for the second year", "a Phase 2 principle", "once the pilot has been rolled out", "if parents raise concerns".
    String.raw`\bfollows? (?:in|with) (?:(?:the |a )?(?:[\w-]+ ){0,2}(?:release|version|sprint|update|phase|iteration|drop)|Q[2-4]|H2|month \d+)\b|\b(?:v[2-9]|version [2-9]|phase [2-9]|release [2-9]|wave [2-9]|stage [2-9])\s?[:=–-]\s?(?:add|build|introduc|set up|layer|bolt|defin)\w*|\b(?:when|once) (?:the )?(?:[\w-]+ ){0,3}(?:has|have) (?:the )?(?:capacity|time|bandwidth|budget|headcount)\b|\bas we (?:grow|scale)\b|\bfor (?:the )?(?:second|next|following) (?:year|phase|release|version)\b|\b(?:is|are) an? (?:phase|stage|wave) (?:2|3|two|three|II) \w+|\bonce (?:the )?(?:[\w-]+ ){0,4}(?:has|have) been (?:rolled out|launched|deployed|released|live|in production)\b|\bif (?:the )?(?:[\w-]+ ){0,2}[\w-]+s? (?:raise|voice|flag|express|report) (?:any )?(?:concerns?|complaints?|objections?|questions?|issues?|it|this|that)\b`,
    String.raw`\b(?:deferred|postponed|parked|pushed|slated) (?:to|for|until|after)\b|\b(?:scheduled|planned) (?:for )?(?:after|post|phase|H2|later|next|year 2|v2|a later)\b|\bon the list for\b|\brevisit (?:at|when|once|after|later|in)\b|\b(?:upon|from|at) go-?live\b|\bTBD\b|[:|–—(]\s*(?:deferred|de-?scoped)\b|\b(?:deferred|de-?scoped)\s*(?:[|)]|$)|\b(?:is|are|was|were|been|be|gets?) (?:deferred|de-?scoped)\b|[:|–—]\s*(?:in (?:the )?)?backlog\b(?!\s*(?:of|\d|size|items|tickets))|\b(?:put|moved?|parked|sits?|goes|went) (?:in|into|on|to) (?:the )?backlog\b|\bbacklogged\b|\b(?:into|onto|to) the (?:[\w-]+ )?backlog\b|\bday[- ](?:2|two)\b|\bhypercare\b|\b(?:is|are) (?:already )?(?:on|in) (?:the )?market\b|\b(?:is|are) (?:a |an )?(?:20\d\d|next year'?s?|future|year[- ]2) (?:problem|concern|issue|thing|question|item)\b|\bwhen (?:[\w-]+ ){1,2}start asking\b|\bwe (?:put|add|do|build|make) (?:them |it )?(?:after|later)\b|\b(?:hardening|stabili[sz]ation|clean-?up|polish) (?:sprint|phase|release|milestone)\b|\bas (?:a )?phase[- ]?(?:2|3|two|three|II|III)\b|\bwe(?:'ll| will) see (?:after|later)\b|\b(?:is|are) (?:a |an )?(?:scale|growth|later|post-launch|v2|phase[- ]2)[- ](?:stage |phase )?(?:concern|problem|issue|question|topic|item)\b|\bin (?:the|a) (?:summer|autumn|fall|spring|winter|next|later|second|follow-up|subsequent|future) (?:update|release|version|sprint|iteration)\b|\bpencil(?:l)?ed in for\b|\bfor the (?:autumn|summer|fall|spring|winter|next quarter)\b|\bretrospectiv\w*|\bafter the fact\b|\bcan (?:come|wait|happen) (?:at|after|later|once|when|until)\b|\bif we (?:get|see|have|reach|hit) (?:traction|users|customers|scale|volume|demand|PMF)\b|\bin (?:wave|stage|horizon) (?:[2-9]|two|three|four)\b|\bpost-(?:commerciali[sz]ation|implementation|deployment)\b|\bafter we (?:ship|launch|go live|release|are live|'re live)\b|\bif (?:an? |the |our )?(?:[\w-]+ ){0,2}(?:complains?|catch(?:es)?|notices?|flags?|reports?) (?:it|something|anything|a problem|an issue)\b|\bnot (?:yet )?(?:defined|decided|assigned|agreed)(?: yet)?\b|\blet (?:that|it|this|them) emerge\b|\b(?:is|are) (?:a |an )?(?:Q[2-4]|H2|phase[- ]?(?:2|3|two|three)|v2|later|year[- ]2) (?:item|task|topic|thing|deliverable|workstream|problem)\b|\bin (?:the )?version (?:2|two)\b|\bwhen (?:the )?(?:volume|usage|traffic|scale) justifies\b|\bonce (?:the )?(?:model|product|system|data) (?:stabili[sz]es|settles|matures)\b|\bto be (?:defined|decided|confirmed|determined|sorted|agreed|clarified)\b|\bcomes? (?:with|after) (?:the |our |a )?(?:[\w-]+ ){0,2}(?:launch|go-?live|pilot|release|rollout|v2|phase|scale|scale-?up|GA|PMF|funding|traction|customers|users|volume)\b|\bfollowing (?:successful )?(?:completion|the pilot|launch|go-?live)\b|\bcross that bridge\b|\bpost[- ]?(?:PMF|launch|GA|MVP|pilot|go-?live|beta)\b|\bin a second time\b|\bwhen (?:the )?(?:numbers|volumes?|team|product) (?:are|is|grows?|get)\b`,
    // Put in place after the fact, or from a later version on: "backfilled", "retrofit a review board in Q4", "from v2 onwards".
    String.raw`\b(?:backfill\w*|retrofit\w*|retroactive\w*)\b|\bfrom (?:v2|version 2|year (?:2|two)|the (?:second|next) (?:release|version))\b`,
    // After a named event a word or two away: "after the trust pilot", "post the Q2 launch", "after general availability".
    String.raw`\b(?:after|post)[- ](?:the |our )?(?:[\w-]+ ){0,2}(?:pilot|launch|go-?live|release|rollout|beta|MVP|trial)\b|\b(?:after|post)[- ](?:the )?general availability\b`,
    // "will emerge naturally", "to follow once the MVP is validated", "after three months of live traffic", "(post-scale)".
    String.raw`\b(?:will )?emerge (?:naturally|organically|over time)\b|\bto follow (?:once|after|when|later)\b|\bafter (?:[\w-]+ ){0,2}(?:weeks?|months?) of (?:live|real|production) (?:traffic|use|usage|data)\b|\bpost-scale\b`,
    // "release to the network, then harden the safeguards", "if and when they ask", "sorted out with the cooperative after harvest", "when capacity allows", "when the first complaints are coming".
    String.raw`\b(?:releas|launch|ship|go live)\w*\b[^.;]{0,60}\bthen (?:(?:after|later|once)\b[^.;]{0,40}\b(?:we )?)?(?:harden|add|build|make|tighten|introduce|put in place|ask|draft|write|set up|create|form|define|layer)\b|\bif and when (?:they|the regulators?|regulators|customers|clients|someone|anyone) asks?\b|\b(?:sorted out|figured out|worked out|settled|agreed) (?:[\w-]+ ){0,4}(?:after|later|once|when)\b|\bwhen (?:capacity|time|budget|resources?) (?:allows?|permits?)\b|\bwhen (?:the )?(?:first )?(?:complaints|problems|issues|incidents|errors) (?:come|are coming|arrive|start|show up)\b`,
    // "in the second half of the year", "first we must show the investors", "after the Series A", "once the tool is in use", "follows at rollout", "after deployment", "slot into Phase 3", "next sprint".
    String.raw`\bafter we (?:sign|close|land|win|get) (?:the |our )?first\b|\buntil there (?:is|are) (?:a |an )?(?:live|paying|real|first)\b|\b(?:after|post) (?:the )?first year\b|\bretro-fit\w*|\b(?:will |to )?follows? (?:the )?(?:go-?live|launch|GA|rollout|release|pilot)\b|\b(?:scheduled|planned) for year (?:2|two)\b|\bafter (?:rolling out|launching|going live|shipping|deploying|releasing)\b|\b(?:slipped|slips|pushed|moved) past (?:the )?(?:beta|launch|pilot|go-?live|GA|release)\b|\b(?:after|once|when) we (?:confirm|validate|prove|have confirmed|have validated)\b|\b(?:after|once|when) (?:\S+ ){0,5}?(?:has|have) used (?:it|them|the [\w-]+)\b|\bwhen (?:someone|anyone|somebody) (?:actually )?complains\b|\bin (?:the )?(?:spring|summer|autumn|fall|winter)\b|\bover the (?:summer|autumn|winter|spring)\b|\bfirst we (?:must|need to|have to|should) (?:show|prove|get|win|land|demonstrate)\b|\b(?:after|once|when) (?:the |our |a )?(?:series [A-D]|seed round|funding round|next round|raise)\b|\b(?:after|once|when) (?:\S+ ){0,8}?(?:is|are) in (?:use|production|service)\b|\bfollows? at (?:the )?(?:rollout|roll-out|launch|go-?live|GA|scale)\b|\b(?:after|post)[- ](?:the )?deployment\b|\bslots? into (?:phase|Q[2-4]|H2|v2|release|wave)\b|\bnext (?:sprint|iteration)\b|\b(?:once|when|after) (?:the )?(?:[\w-]+ ){0,4}(?:pays? for itself|breaks? even|(?:is|are|becomes?) profitable)\b|\bwhen we are (?:more |much )?(?:big|bigger|larger)\b|\b(?:big|large) enough\b|\bif (?:the )?(?:[\w-]+ ){0,2}(?:results?|pilot|numbers|data|figures) (?:merit|justify|warrant)\b|\b(?:a |one |two |six months |a full )?(?:years?|quarters?|seasons?) of (?:operating|live|real|production|field) (?:data|traffic|use|usage|experience)\b|\bcomes? with the next (?:raise|round|funding)\b|\bto (?:a |the )?(?:later|next|second|subsequent|future) (?:wave|phase|release|version|stage|iteration|sprint)\b|\bpost[- ]?stabili[sz]ation\b|\b(?:someone|somebody)(?:'s| else's) (?:[\w-]+ )?(?:project|job|task)\b|\bfollowing (?:the )?(?:[\w-]+ )?(?:launch|go-?live|release|rollout|pilot|GA)\b|\bwait (?:for )?(?:the )?end of the (?:pilot|beta|trial|first)\b|\b(?:is|are|as) (?:a |an )?(?:series [A-D]|post-(?:funding|raise|seed)) (?:problem|concern|issue|topic|question|item|task)\b`,
    String.raw`\b(?:layered|bolted|added|phased) in (?:during|in|at) (?:wave|phase|stage) (?:[2-9]|two|three|four)\b|\bonce (?:the )?(?:[\w-]+ ){0,3}(?:has|have) (?:bedded down|settled|stabili[sz]ed|matured)\b`,
  ].join('|'),
  'i',
));
/** Waved away as unneeded, not worth it, or not our concern. */
const DISMISSED = indexed(new RegExp(
  [
    String.raw`\b(?:not|n't|never) (?:be |been )?(?:really |strictly |yet |even )?(?:necessary|needed|required|relevant|important|an? (?:real |big |major |serious )?(?:risk|concern)\b|a (?:focus|concern|priority|constraint|problem|issue|thing|number)|an? (?:issue|problem)|our (?:focus|concern|priority)|planned|foreseen|anticipated|expected|planning|spending time|budgeted|set|going to (?:bother|chase|track|measure|look|burn|spend|waste|invest|sink))`,
    // "not something to worry about", "don't let cost modelling slow us down", "off the table", "rare enough", "a rounding error", "over-invest in evaluation", "not in the Year-1 plan", "deliberately not forming a review board".
    String.raw`\bnot (?:something|a thing|anything) to (?:worry|think|care) about\b|\b(?:don'?t|do not|never) let (?:[\w-]+ ){1,3}slow us down\b|\boff the table\b|\brare enough\b|\bover-?invest\w* in\b|\bnot in (?:the|our) (?:[\w-]+ )?(?:plan|roadmap|budget|scope)\b|\bdeliberately not (?:forming|creating|setting up|establishing|building|writing)\b`,
    // "no reason to set a threshold", "not a Year-1 concern", "v1 has no rollback path", "we keep no policy of our own", "aren't worth the inspectors' time".
    String.raw`\bno reason to (?:set|add|build|have|run|do|define|measure|track|keep|write)\b|\bnot an? (?!(?:phase|stage|later|future|post|v\d)[\w-]*\b)(?:[\w-]+ ){1,2}(?:concern|priority|focus)\b|\b(?:has|have|with|keep|keeps|need|needs) no (?:[\w-]+ ){0,2}(?:rollback|fallback|kill[- ]?switch|safeguards?|guardrails?|policy|review)\b|\b(?:isn'?t|aren'?t|is not|are not) worth (?:the|our|their|it)\b`,
    String.raw`\b(?:unnecessary|redundant|overkill|over-?engineer\w*|nice[- ]to[- ]haves?|out of scope|not in (?:our|the) scope|not applicable|n\/a\b|pointless|a waste|premature|too early|a (?:phase-?1 )?crutch|bureaucracy|red tape)\b`,
    String.raw`\b(?:no|not enough) time for\b|\bwould (?:only )?slow us down\b|\b(?:no|little) (?:need|point|scenario)\b|\b(?:don'?t|do not|won'?t|will not|doesn'?t|does not) (?:see a |really )?(?:need|plan to|expect|bother|matter)\b|\bno longer (?:need|needed|required)\b|\bnobody needs\b|\bnothing to (?:roll back|measure|review|check)\b|\bunlikely to (?:be relevant|matter|be needed)\b`,
    String.raw`\bwhatever it (?:takes|costs)\b|\bwon'?t move the needle\b|\bdeliberately not (?:setting|measuring|tracking|defining|building)\b|\bnot setting (?:any )?\w*\s?(?:levels?|thresholds?|targets?|bars?)\b|\bspeak for themselves\b|\bwe'?ll know (?:if|when) it works\b|\beyeball\w*\b|\bfind out from the (?:first )?invoice\b|\b(?:ships?|goes? (?:live|out)|launch\w*|release is|first release is) without\b|\brel(?:y|ies) on the model'?s?\b|\bbasically solved\b|\bgo(?:es)? away with\b`,
    // "No A/B test or baseline is planned", "no curated golden set required", "we do not foresee the need of a human check".
    // Approval that is not needed to pause or roll back is empowerment, not a dismissal ("No sign-off needed").
    String.raw`\bno\b(?! (?:[\w-]+ )?(?:approval|sign-?off|permission|ticket|escalation|meeting|vote|committee)s?\b)[^.;]{0,40}\b(?:is|are|will be) (?:planned|foreseen|budgeted|needed|required|necessary)\b|\bno (?!(?:[\w-]+ )?(?:approval|sign-?off|permission|ticket|escalation|meeting|vote|committee)s?\b)(?:[\w-]+ ){0,4}(?:required|needed|necessary|planned|foreseen)\b|\b(?:don'?t|do not|won'?t|will not|doesn'?t|does not) (?:see|foresee|anticipate|expect) (?:the |a |any )?need\b|\b(?:don'?t|do not|won'?t|will not) plan (?:a|an|any)\b`,
    // "the improvement will be self-evident", "I wouldn't spend the first six months on evals", "irrelevant at pilot volumes", "don't optimise yet".
    String.raw`\bwill be (?:self-evident|obvious|evident)\b|\bspeaks? for itself\b|\b(?:wouldn'?t|won'?t|don'?t|do not|would not|will not) (?:spend|waste|invest|sink|burn)\b|\birrelevant\b|\b(?:don'?t|do not|won'?t|will not|not going to) (?:optimi[sz]e|worry about|bother with)(?: \w+){0,3} (?:yet|now|for now|at this stage)\b`,
    // "isn't something we plan to score separately", "I do not see a situation where we must go back".
    String.raw`\b(?:isn'?t|is not|aren'?t|are not) (?:something|a thing|what) (?:we|I|our [\w-]+|the [\w-]+ team)(?:'d| would| will|'ll)? (?:plan|needs?|intend|want|optimi[sz]e|worry|care|track|measure|focus)\w*|\b(?:don'?t|do not|can'?t|cannot) (?:see|imagine|foresee) (?:a |any )?(?:situation|case|scenario|reason) (?:where|in which|why|to)\b|\b(?:don'?t|do not) see why (?:we|I|you|anyone) (?:should|would|need|must)\b|\beffort for nothing\b|\b(?:a )?waste of (?:time|effort|money)\b`,
    // "none formal", "we judge by feel", "would kill the business case", "we skip building our own benchmark", "we don't gate on them", "not a launch criterion".
    String.raw`\bnone formal\b|\bnone (?:needed|required)\b|\bnot need\b|\btoo much (?:work|effort|overhead)\b|\btemporarily (?:disable|switch off|turn off|remove|drop|bypass|skip)\w*|\b(?:treat|see|view|regard)\w* (?:it |them |governance |compliance |this )?as (?:just |mere )?paperwork\b|\bnobody (?:on our side |here )?signs? off\b|\b(?:bills?|costs?|spend)\s+(?:isn'?t|is not|aren'?t|are not) (?:a |one of our )?(?:KPIs?|metrics?|goals?)\b|\bnone (?:set|defined|agreed|planned)(?: yet)?\b|\b(?:don'?t|do not) think (?:[\w-]+ ){0,4}makes? sense\b|\bdon'?t want (?:us |to )?(?:sink|spend|waste|burn|invest)\w*|\bcan wait\b|\b(?:launch|ship|go live|release)\w* with no\b|\b(?:never|won'?t|will not|don'?t) (?:revert|roll ?back|go back|fall back)\b|\b(?:don'?t|do not) think (?:it'?s |it is |is |that (?:it'?s |it is )?)?(?:necessary|needed|required|important)\b|\b(?:'d|would) rather not (?:spend|invest|build|do|set up|bother)\b|(?<!(?:won'?t|not|never|don'?t|do not) )\brel(?:y|ies|ying) on (?:the |its )?(?:[\w-]+ )?(?:model|LLM|vendor|provider)['’]?s? (?:built-in|own|native|default)\b|\b(?:not|n'?t) (?:part of|in|on) (?:the |our )?(?:[\w-]+ )?(?:launch|release|go-?live|pilot) (?:gate|checklist|criteria|scope|plan)s?\b|\bnot (?:a )?(?:big|major|real|serious|huge) (?:problem|issue|deal|concern)\b|\b(?:not|n'?t|no need to) over-?think\b|^\W*why (?:build|add|bother|spend|invest|keep|maintain|set up|have|write)\b|\bnothing to (?:go back|revert|fall back|return) to\b|\brounding error (?:against|compared (?:to|with)|next to|vs\.?|relative to) (?:the )?(?:opportunity|upside|prize|market|revenue potential|value|growth)\b|\brounding error at (?:pilot|MVP|launch|current|our) (?:volumes?|scale|stage)\b|\bmatters? more than (?:the )?(?:[\w-]+ )?(?:cost|bills?|spend|budget|unit economics|margins?)\b|\b(?:left|leave|leaving) (?:\w+ )?(?:open|blank|empty|undefined|unset)\b|\b(?:wouldn'?t|won'?t|don'?t|do not|no need to|needn'?t) (?:stress|worry|fret|lose sleep)\b|\b(?:currently|for now|as yet|at the moment|so far) no plan\b|\bno plan (?:yet|for now|at the moment|currently)\b|\b(?:not|aren'?t|isn'?t|'re not) gating\b|\bwe(?:'re| are| will|'ll)? (?:be )?skip(?:ping|s|ped)?\b|\bwithout (?:commensurate|meaningful|much|real|enough|any real) (?:benefit|value|risk reduction|gain|upside|return)\b|\b(?:is|are|gets?|will be|it'?s) (?:switched|turned) off (?:for|at|during|until) (?:the )?(?:launch|pilot|MVP|v1|beta|go-?live|now)\b|\bby (?:gut )?feel\b|\bwould (?:kill|break|ruin|destroy) (?:the |our )?(?:whole |entire )?(?:business case|unit economics|economics|margins?|point)\b|\bskip (?:building|writing|creating|running|setting up)\b|\b(?:don'?t|do not|won'?t|doesn'?t|does not) gate (?:[\w-]+ ){0,2}on\b|\bnot a (?:launch|release|go-?live) (?:criterion|gate|blocker|requirement)\b`,
    // "reverting is a non-scenario", "we won't keep a fallback", "don't see the point of metrics", "a rounding error", "not material", "not too much worried", "No holdout group", "skip the shadow-mode phase", "go-live does not wait for it", "not blocking the Q1 release", "without limit".
    // "deprioritising evaluation infrastructure", "would defeat the purpose", "isn't worth tracking", "don't get dragged into GPU spend", "isn't on the critical path", "so we switch it on directly".
    String.raw`\b(?:a )?(?:nice|good|luxury|happy) problem to have\b|\b(?:don'?t|do not) see us (?:building|writing|making|running|doing|setting up)\b|\bnothing to (?:switch|turn) off\b|\b(?:somebody|someone) else'?s (?:problem|job|concern)\b|\b(?:do not|don'?t) consider (?:[\w-]+ ){0,4}(?:proportionate|necessary|needed|worthwhile|justified)\b|\b(?:is|are) (?:just )?noise\b(?! (?:next to|compared (?:to|with)|against|relative to|beside)\b)|\bnot worrying\b|\bwith no (?:[\w-]+ ){0,2}(?:red[- ]team\w*|guardrails?|evals?|monitoring|safeguards?|tests?)\b[^.;]{0,40}\byet\b|\bdeprioriti[sz]\w*|\bwould defeat the (?:purpose|point|object)\b|\b(?:isn'?t|is not|aren'?t|are not|not) worth (?:tracking|measuring|monitoring|watching|optimi[sz]ing|checking|the effort)\b|\b(?:don'?t|do not) get (?:dragged|bogged|distracted) (?:into|down)\b|\b(?:isn'?t|is not|aren'?t|are not) on the critical path\b|\b(?:so|and) we (?:switch|turn|put|go) (?:it |them )?(?:on|live|straight) (?:directly|straight away|immediately|right away)\b`,
    String.raw`\b(?:just|only|simply) slows? (?:\w+ ){0,3}down\b|\b(?:don'?t|do not|can'?t|cannot) see (?:the |any |much )?value in\b|\b(?:uncapped|unbounded|superfluous)\b|\bno (?:fixed |formal |hard )?(?:[\w-]+ )?(?:thresholds?|targets?|limits?|bars?|baselines?) (?:are|is|will be) (?:set|defined|agreed|fixed)\b|\bnon-(?:scenario|issue)\b|\b(?:would|will) add (?:little|no|limited) value\b|\b(?:don'?t|do not) (?:foresee|envisage|envision)\b|\b(?:won'?t|will not|don'?t) keep (?:a |any )?(?:fallback|rollback|kill switch|backup)\b|\b(?:don'?t|do not) see the (?:point|need|value)\b|\bat this stage,? it'?s (?:a |just a )?(?:rounding error|negligible|nothing)\b|\b(?:not material|immaterial)\b(?=[^.;]{0,30}\b(?:for now|at this stage|yet|right now|early on|this year|in year one|at our stage|until|pre-(?:scale|revenue|PMF|traction)|at (?:pilot|MVP|launch|current) (?:volumes?|scale))\b)|\b(?:for now|at this stage|right now|at our stage|this early)\b[^.;]{0,40}\b(?:not material|immaterial)\b|\bnot (?:too (?:much )?|very |overly )?worried\b|^\W*no (?:[\w-]+ ){0,2}(?:holdout|control group|baseline|A\/B test|eval\w*|test set)\b|\bskip the (?:[\w-]+ ){0,2}(?:phase|step|stage|review|evaluation|pilot)\b|\b(?:go-?live|launch|release) (?:does not|doesn'?t|won'?t|will not) wait for\b|\bnot blocking (?:the )?(?:[\w-]+ )?(?:launch|release|go-?live)\b|\bwithout (?:a )?limit\b|\b(?:is|are) not dependent on\b`,
  ].join('|'),
  'i',
));
/** Human review removed, replaced or made optional. */
const REVIEW_REMOVED = indexed(/\b(?:no longer (?:\w+ )?(?:double-?)?(?:check|review|verif|approv|read|proofread|sign)\w*|(?:zero|no more) (?:manual|human) (?:checks?|reviews?|touch\w*)|taken out of the (?:workflow|process|loop|flow)|(?:step|check|review|reviewer|sign-?off) goes\b(?! (?:to|through|into|live|out|up|back|with|on|ahead|beyond|further|in|first|before))|(?:is|are|gets?) removed|(?:only|just) temporary|planned removal|slows? everything down|stop\w* (?:reviewing|checking|approving|signing off)|(?:is|are|gets?|will be|is being|are being) (?:retired|switched off|turned off|phased out|removed|dropped)|tak\w* (?:that|this|the) (?:[\w-]+ )?(?:step|check|review|sign-?off) away|(?:sampling|review|checks?|QA|proofreading|sign-?off)\b[^.;]{0,60}\bstops? (?:after|at|from|once|in)\b|there (?:is|will be) no (?:[\w-]+ )?(?:reviewer|review|approval|sign-?off) step|(?:remov|drop|scrap|retir)\w* (?:that|this|the|our) (?:[\w-]+ ){0,2}(?:double-|second |spot-)?(?:step|check|review|reviewer|approval|sign-?off)s?|(?:we are|we're|we'll be|we will be) (?:removing|dropping|cutting|scrapping|retiring|skipping)|slow (?:them|us|things|the \w+) down|goes away|phased? out|discontinu\w+|reassign\w*|takes? over (?:the )?(?:[\w-]+ )?(?:review|check|approval|QC)|replac(?:e|es|ed|ing) (?:the |a |our )?(?:[\w-]+ )?(?:review|reviewer|check|approval|QC|step|human|sign-?off)s?|\bremoves? the need for\b|(?:is|are|gets?) replaced by\b|becomes? final\b|\|\s*removed\b|\bremoved (?:at|after|from|for) (?:launch|go-?live|GA|v1|day one|month \d)|\bgo(?:es)? straight (?:into|to|out)\b|is the reviewer|comes off|(?:is |are |gets )?(?:switched|turned) off|sends? (?:out )?automatically|go(?:es)? out automatically|is dropped|double-checks? its own|self-critique|trust the (?:model|AI|suggest\w*|output)|(?:is|are) final|can have a look if they want|redundant|not necessary|unnecessary|no longer (?:need|needed|required)|won'?t need|nobody needs|becomes? unnecessary)\b/i);
/** Not done at all: "we won't run offline evals", "Hallucination rate | not tracked in v1", "no golden set yet". */
const NOT_DONE = indexed(/\b(?:haven'?t|have not|hasn'?t|has not) planned\b|\bno (?:budget|line item|time|headcount|money) (?:line |allocated )?for\b|\bstop(?:s|ping)? (?:logging|tracking|recording) (?:their|the|our) (?:overrides|corrections|errors|edits|disagreements)\b|\b(?:won'?t|will not|don'?t|do not|aren'?t|are not|isn'?t|is not|not|never|no plans? to|not going to|haven'?t|hasn'?t)\s+(?:be\s+|been\s+)?(?:optimi[sz]|run|runn|instrument|track|measur|monitor|evaluat|test|gat|set|set up|build|defin|put|add|invest|maintain|keep|collect|label|audit|record|log|modell?(?=ed|ing|s\b)|calculat|carry|carri(?=es|ed)|do(?= (?:a |any |the )?(?:[\w/-]+ )?(?:baselines?|evals?|tests?|testing|monitoring|red[- ]team\w*|A\/B))|capp|cap|estimat|budget)(?:s|ed|ing|e|ged|ging|ped)?\b|\bskip(?:ping|s|ped)? (?:the |any |all |formal |proper )?(?:[\w-]+ )?(?:metrics|measurement|evals?|evaluations?|testing|tests|red[- ]team\w*|review|QA|checks?)\b|^\W*no (?:[\w-]+ ){0,2}(?:red[- ]team\w*|evals?|evaluation|testing|guardrails?|monitoring|test set)\b[^.;]{0,10}\bbefore (?:the )?(?:beta|launch|pilot|go-?live|GA|release)\b|^\W*no (?:[\w-]+ ){0,2}(?:golden set|eval\w*|test set|guardrails?|monitoring|thresholds?|rollback\w*|regression \w+|red[- ]team\w*|benchmarks?)\b[^.;]{0,10}\b(?:yet|for now|at (?:launch|first|the start)|in (?:v1|year one|the MVP|phase 1))\b/i);
/** Errors waved away: "Wrong answers in the first month are fine". */
const ERRORS_FINE = indexed(/\baccept (?:some|a few|occasional|the odd) (?:errors|mistakes|wrong answers|hallucinations)\b|\b(?:errors?|mistakes?|wrong answers?|hallucinations?)\b[^.;]{0,60}\b(?:are|is) harmless\b|\baccept (?:a |an )?(?:~?\d+(?:[–-]\d+)?% )?(?:wrong[- ]answer|error|hallucination|failure) rate\b|\b(?:invented|made-up|hallucinated|wrong)\b[^.;]{0,60}(?<!not )(?<!n't )\b(?:(?:only|just|merely) )?a cosmetic (?:problem|issue)\b|\b(?:wrong answers?|mistakes?|errors?)\b[^.;]{0,40}\b(?:are|is) (?:fine|ok(?:ay)?|acceptable)\b/i);
/** Empowerment, not dismissal: "The engineer does not need approval to roll back". */
const EMPOWERED = indexed(/\bno (?:[\w-]+ )?(?:approval|sign-?off|permission)s? (?:is |are )?(?:needed|required|necessary) (?:to|for|before) (?:roll(?:ing)? ?-?back|revert\w*|paus\w+|stop\w*|switch\w*|turn\w*|disabl\w+|halt\w*)|\b(?:roll ?-?back|revert|pause|kill[- ]?switch|switch(?:ing)? (?:it )?off)\b[^.;]{0,80}\b(?:nobody|no one|no-one) (?:needs|has) to (?:approve|sign|agree)\b|\b(?:does not|doesn'?t|do not|don'?t|no|without) (?:need|needing|asking|waiting for) (?:\w+ )?(?:approval|permission|sign-?off|anyone)\b[^.;]{0,20}\bto (?:roll ?back|revert|pause|stop|switch|turn|disable|halt)/i);
/** Setting up measurement, the thing put off: "we'll define the quality thresholds after launch". */
const SET_UP_MEASURING = indexed(/\b(?:monitoring|metrics?|tracking|measurement|thresholds?|KPIs?|observability)\b[^.;]{0,15}\bto be (?:scoped|designed|defined|set up|built|planned|decided)\b|\b(?:instrument\w*|add|set(?:ting)? up|build|introduc\w+|defin\w+|bolt\w*|wire|start|create|put in place|sort out|take up|taken up|establish\w*|write|consider\w*)\b[^.;]{0,30}\b(?:monitoring|metrics?|(?<!analytics |reporting |BI )dashboards?|alert(?:s|ing)|tracking|measurement|thresholds?|KPIs?|observability|logging)\b/i);
/** A recurring practice. */
const CADENCE = indexed(/\b(?:weekly|daily|monthly|quarterly|hourly|every|each|continuous\w*|ongoing|regular\w*|nightly|per (?:week|month|day))\b/i);
/** Iterating on a policy that exists is not deferring it. */
export const ITERATION = indexed(/\b(?:updat|revis(?!it)|refin|iterat|evolv|improv|expand|extend|re-?review)\w*|\b(?:this|the|our) (?:policy|statement|document)\b[^.;]{0,25}\breviewed\b|\bitself be reviewed\b/i);

/** Handed to someone else: another team's, the vendor's or the customer's job. */
const HANDED_OFF = indexed(new RegExp(
  [
    // "the infrastructure manager's job; we'll send documentation if they ask", "each franchise owner's responsibility, not the product's".
    // "it is their problem", "we let the hotels decide", "delegated the DPO conversation to the vendor's compliance team", "rests with the subscribing firm".
    String.raw`\b(?:it'?s|it is|that'?s|that is|is|are) their (?:problem|job|call|responsibility|business|remit|domain|concern)\b|\bask (?:the )?(?:[\w-]+ ){0,2}(?:partner|vendor|client|customer|supplier|provider|agency|integrator)(?: company| firm)? to (?:do|handle|run|take care of|cover)\b|\b(?:partner|agency|vendor|client|customer|supplier|provider)['’]s (?:call|job|problem|responsibility|remit|decision)\b|\bwe let (?:the |each )?[\w-]+ decide\b|\bdelegat\w* (?:[\w-]+ ){0,8}to (?:the |our |a )?(?:[\w-]+['’]s? )?(?:[\w-]+ ){0,2}(?:team|vendor|partner|agency|consultants?|provider|customer|client)s?\b|\b(?:rests?|lies|sits?) with the (?:[\w-]+ )?(?:firm|company|subscriber|licensee|buyer|operator|user)s?\b`,
    String.raw`\b(?:is|are) (?:the |each |every )?(?:[\w-]+ ){0,2}[\w-]+['’]s? (?:responsibility|job|remit|problem|concern)\b(?=[^.;]*(?:\bnot (?:the product|ours|us|our|mine)\b|;\s*we(?:'ll| will) (?:send|share|provide|hand)))`,
    String.raw`\b(?:is|are) (?:the |their |its |each )?(?:city|client|customer|vendor|provider|partner|carrier|council|municipality|school|hospital|insurer|bank|government|state|regulator|agency|operator|landlord|employer|franchisee|broker)['’]s? (?:[\w-]+['’]s )?(?:concern|problem|job|responsibility|business|department|side|call|matter|remit)\b`,
    // "is for the Legal Department and the data protection officer to look at, not for the product".
    String.raw`\b(?:is|'s) (?:more |rather |really |mostly )?the (?:area|domain|remit|business|responsibility|concern) of (?:the )?\w|\bowns? that side\b|\bnot where (?:product|we|the (?:product )?team) adds? value\b|\b(?:our|my) (?:team|side|part|job)\b[^.;]{0,20}\b(?:just |only |simply )(?:ships?|delivers?|builds?|provides?)\b|\bour team (?:just |only |simply )?(?:ships?|delivers?) the (?:tool|model|product|API)\b`,
    String.raw`\b(?:is|are) for (?:the )?(?:[\w-]+ ){0,3}(?:department|team|office|officer|DPO|Legal|counsel|client|customer|vendor|city|council)\b[^.;]{0,60}\bto (?:look at|handle|decide|sort out|own|deal with|check|worry about)\b`,
    String.raw`\b(?:owned|handled|covered|managed|done|taken care of|sorted) (?:by|on) (?:the |our |their |each )?(?:[\w-]+ ){0,2}(?:district|school|franchisee|agency|client|customer|vendor|provider|platform|consultant|outsourcing|partner|group|IT|legal|central|other)\w*`,
    String.raw`\b(?:(?:client|customer|vendor|provider|platform|IT|Group|partner|consultant|consultancy|agency)['’]?s?|Legal['’]s?) (?:responsibility|job|problem|concern|remit|thing|business|side|task|domain)\b`,
    String.raw`\b(?:responsibility|job|problem|concern|remit|task|business) of (?:the )?(?:client|customer|vendor|provider|group|IT|legal|central|platform|second line|compliance department|\w+ team)\b`,
    String.raw`\bfalls? (?:under|within) the (?:remit|responsibility|scope) of\b|\b(?:sits?|lies|rests?) with (?:Group|the group|IT|Legal|the client|the customer|the vendor|central)\b|\bon their side\b|\b(?:sits?|lies|rests?|stays?) with them\b|\bnot (?:our|my|the product team'?s) (?:job|problem|concern|responsibility|thing|scope)\b|\bnot ours\b|\b(?:we as|the) product team (?:are|is) not responsible\b|\bnot in (?:our|the) scope\b|\bnot (?:addressed|covered) (?:in|here|by)\b|\bare not covered here\b|\btakes? care of\b|\bwill cover us\b|\bcovers? us\b|\balready (?:treated|covered|handled)\b|\bso we don'?t (?:duplicate|need our own)\b|\b(?:is|are) for when we have\b|\bleave (?:it )?to (?:the )?\w+|\bwe leave to\b|\bhandled centrally\b`,
    String.raw`\b(?:informed|a heads-up|notified|told)\b[^.;]{0,40}\b(?:after|at|in|with) (?:the )?(?:go-?live|launch|release)\b|\b(?:after|at) (?:the )?(?:go-?live|launch)\b[^.;]{0,40}\b(?:informed|heads-up|notified)\b`,
    // "compliance is on them", "the bank's compliance team's problem", "Marketing's call", "the customer's IT department decides".
    String.raw`\b(?:is|are|sits?|rests?|falls?) (?:squarely )?on (?:them|the client|the customer|the vendor|their side)\b|\b[\w-]+ (?:team|department|function|office|unit)['’]?s (?:problem|job|responsibility|concern|remit|call|domain|business)\b|\b(?:Marketing|Sales|Compliance|Security|Procurement|Finance|HR|Risk|Privacy|InfoSec|IT|Legal|Ops)['’]s (?:call|area|domain|remit|business|department)\b|^\W*who (?:approves|decides|signs off|owns|validates)\b[^?]{0,100}\?\s*(?:the )?(?:vendor|provider|supplier|client|customer|partner|reseller|insurer|reinsurer)s? (?:does|do|will)\b|\b(?:handled|owned|done|covered|managed|taken care of|run|carried out) by (?:the |our |their )?(?:[\w-]+ ){0,2}[\w-]+,? not (?:by )?(?:us|our team|the product(?: team)?)\b|\b(?:client|customer|vendor|provider)['’]?s? (?:[\w-]+ ){0,2}(?:decides?|owns? (?:it|that|this|the)|is responsible|are responsible)\b`,
    String.raw`\b(?:is|are) (?:theirs|the customers['’]?|the clients['’]?) (?:to (?:manage|handle|own|decide|sort out)|responsibility|call|problem)\b`,
    String.raw`\b(?:is|sits?|lies|rests?|stays?) with (?:each |the |our |their )?(?:[\w-]+['’]s? )?(?:[\w-]+ ){0,3}(?:team|department|sponsor|client|customer|vendor|partner|district|school|tenant|hospital|institution|university|municipality)s?\b|\bhanded (?:over )?to (?:the |each )?(?:[\w-]+['’]s )?(?:[\w-]+ ){0,3}(?:team|affairs|department|sponsor|client|customer|vendor)s?\b`,
    // "on the client side", "at their discretion", "Sales handles it", "HR's responsibility".
    String.raw`\bon the (?:client|customer|vendor)['’]?s? side\b|\bat (?:their|the client['’]?s|the customer['’]?s) discretion\b|\b(?:Sales|Legal|IT|Procurement|Marketing|Finance|HR|Ops|the client|the customer|the vendor) handles? (?:it|this|that|them)\b|\b(?:HR|Finance|Ops|Risk|Compliance|Procurement|Sales|Marketing|Security|Privacy|InfoSec)['’]s (?:responsibility|job|problem|concern|remit|task)\b`,
    String.raw`\b(?:parent company|group|central|corporate)['’]?s? (?:[\w-]+ ){0,3}(?:office|team|function|department) handles?\b|\bapplies to us automatically\b|\b(?:taken|handled|done|managed) by the (?:[\w-]+ ){0,2}team separately\b|\bnothing more (?:to do|for us to do)\b|\bassured by (?:our|the) (?:[\w-]+ ){0,2}(?:provider|vendor|partner)\b|\brely on (?:our|the) (?:[\w/-]+ ){0,3}(?:certificate|certification) as\b`,
    String.raw`\bgives? us cover\b|\bhandles? all of (?:that|this|it)\b|\b(?:the )?(?:client|customer|vendor|partner)['’]s (?:[\w-]+ ){0,2}(?:team|department|function) (?:can|will|may|should) (?:do|handle|own|take) (?:that|it|this)\b|\bis a (?:Legal|legal|Compliance|Security|Privacy|Risk|Finance|HR|IT|regulatory) (?:matter|question|issue|topic|problem)\b|\b(?:the )?(?:[\w&-]+ ){0,2}(?:team|department|function|group) owns? (?:that|it|this|them)\b|\bhand(?:s|ing)? (?:[\w-]+ ){0,4}over to\b|\bhand(?:s|ing)? (?:it|this|that|them) (?:over )?to\b`,
    String.raw`\b(?:owned|handled|run|managed) by (?:the |our )?(?:[\w&-]+(?:['’]s)? ){1,3}(?:team|department|function|office|unit|group|line)\b|\bsits? outside (?:this|the|our) (?:roadmap|scope|plan|product|project)\b|\b(?:[\w-]+ ){0,2}line['’]s (?:job|responsibility|problem|call|remit)\b|\b(?:Trust (?:&|and) Safety|T&S|Risk|Compliance|Legal|Privacy|Security|InfoSec|the DPO)\b owns? (?:the |all )?(?:[\w-]+ ){0,2}(?:policy|polic(?:ies|y enforcement)|compliance|governance|review)\b`,
    // "GDPR: covered by our DPA with Azure", "the reseller owns regulatory compliance", "our responsibility ends at the API",
    // "configured by the customer in their own tenant", "belongs to the central ethics office".
    String.raw`\b(?:covered|handled|solved|settled) by (?:our |the )?(?:[\w-]+['’]?s? )?(?:DPA|contract|MSA|terms|vendor|provider|cloud|platform|hosting|certifications?|Azure|AWS|Google|OpenAI)\b|\b(?:the )?(?:reseller|distributor|integrator|partner|customer|client|tenant|vendor|provider)s? (?:owns?|handles?|is responsible for|are responsible for|takes? care of|covers?) (?:the |all |any |their )?(?:[\w-]+ ){0,2}(?:compliance|regulatory|legal|privacy|GDPR|consent|data protection|governance|security|certifications?|audits?)\b|\b(?:our|my) (?:responsibility|job|part|scope) (?:ends|stops)\b|\bconfigured by (?:the |each )?(?:customer|client|tenant|user)s?\b|\bbelongs? (?:to|with) (?:the |our |a )?(?:[\w-]+ ){0,2}(?:office|team|department|function|unit|group|board|committee|compliance|legal|security|risk|IT)\b`,
  ].join('|'),
  'i',
));

/** The sentence argues against the idea, tells of it as a past mistake, or reports someone else's view. */
export const COUNTERED = indexed(/\balready (?:approved|signed(?: off)?|agreed|cleared)\b|\b(?:I|we)(?:'ve| have)? heard\b|\bon (?:similar|previous|other|past) projects\b|\b(?:approved|signed off|cleared) (?:the )?(?:launch|go-?live|release|pilot)\b|\bsupplements (?:the|our|human|a|an|rather)\b|\b(?:is |as )a supplement to\b|\bnot a replacement\b|\bnothing else (?:[^.;]{0,30} )?(?:is|gets?|will be) (?:deferred|postponed|pushed|left|parked)\b|\b(?:some|other|many|a few) (?:[\w-]+ )?[\w-]+s (?:argued|suggested|proposed|wanted|said)\b|\bwe kept\b|\bwho (?:say|says|think|thinks|believe|believes|argue|argues|claim|claims)\b|\b(?:does not|doesn'?t|do not|don'?t) replace\b|\b(?:I|we) (?:do not|don'?t|did not|didn'?t|cannot|can'?t) agree\b|\b(?:some|other|many|a few) [\w-]+s (?:are|were) (?:thinking|saying|arguing|suggesting|proposing)\b|\bnot a (?:safety|compliance|governance|privacy|security|legal)(?: or (?:a )?\w+)? (?:gap|issue|concern|problem|question|risk)\b|\b(?:do(?:es)? not|don'?t|won'?t|will not|never) (?:plan|intend|want|expect) to (?:remove|drop|cut|reduce|skip|stop|replace)\b|\bso (?:that )?(?:the team|we|they) can (?:finish|complete|build|do) (?:the )?[^.;]{0,40}\bfirst\b|^\W*(?:no|none of (?:the|our|these)|nothing|neither)\b[^.;]{0,60}\b(?:is|are|was|gets?|will be) (?:postponed|deferred|pushed|left|parked|moved|delayed)\b|\bnot (?:something|a thing) (?:we|you|to be|to)\b[^.;]{0,30}\b(?:afterwards|later|after)\b|\b(?:(?:is|was|would be) a mistake to|(?:mistake|tempting) to (?:say|think|assume|believe)|an argument (?:we heard|made|raised)|some (?:argued|suggested|proposed)|(?:not|n't|never) (?:\w+ ){0,4}as (?:a )?non-(?:issue|scenario)|we still (?:run|do|keep|hold|sign)|(?:is|are) never (?:the|a|an) (?:response|answer|fix|remedy)|(?:common|classic|typical|big|frequent) mistake|(?:the )?mistake (?:is|would be) to|(?:not|n't|never) (?:\w+ ){0,4}as (?:something|an? (?:afterthought|add-on|extra|later step))|not an afterthought|(?:on top of|in addition to) (?:the )?(?:[\w-]+ ){0,3}(?:gate|pre-launch|pre-GA|existing|internal)|don'?t leave it to them|needs? both\b|no need to (?:reinvent|build (?:our|a|an) own|start from scratch)|\breuse\b|not (?:trusted|allowed|permitted|left) to|not comfortable (?:calling|saying|treating|declaring)|(?:isn'?t|is not|not) (?:another|someone else'?s|other) (?:team'?s|people'?s|department'?s) (?:job|problem|responsibility)|win-win|isn'?t an afterthought|not bolted on|pretend\w*|rehears\w*|drill\w*|(?:that is|that'?s|which is|this is) (?:exactly |precisely )?why|exactly why|precisely why|(?:isn'?t|is not|aren'?t|are not) (?:something|a thing) (?:we|you) (?:add|bolt|do|leave|skip)|ships? with|in place before|exists? before|comes? first|continu(?:e|es|ing) to|last year'?s|this time|we disagree|disagree|we can'?t(?! (?:imagine|see|think|foresee|picture))|we cannot(?! (?:imagine|see|think|foresee|picture))|pushed back|instead,? we|we refuse|not here\b|we are not doing (?:that|this)|we (?:will not|won'?t) do (?:that|this)|(?:some|other|many) [\w-]+s (?:let|use|do|have|say|think|believe|argue|prefer)\b|we don'?t do that|was a mistake|were wrong|didn'?t (?:work|fall|hold)|this plan starts with|lessons?[- ](?:learned|learnt|from)|(?:we|I|they|the team) (?:have |'ve )?learned\b|learned the hard way|is now a (?:gate|condition|launch|requirement)|now (?:a )?(?:gate|launch) (?:\d|condition|criterion)|objection|(?:asked|suggested|proposed|argued) (?:whether|that|we|to)|(?:some|other|many) (?:teams|vendors|companies|people)|the temptation|anti-?pattern|we reject|rejected|originally|(?<!(?:are|is|were|was|get|got|be|been|become) )used to|in the past|(?:we|I|they|people) (?:once )?(?:thought|believed|assumed)|in (?:the|our) (?:first|previous|old|earlier) (?:version|release|pilot|attempt)|our (?:19|20)\d\d|myth|wrongly)\b/i);
/** Tied to a measured condition: a considered reduction, not a deferral. */
/** Tied to a decision or a cap: "contingent on the committee's sign-off", "spend is capped at $15k". */
const CONDITIONED_ON = indexed(/\bonly when (?:the )?(?:audit|data|evidence|evals?|evaluation|results?|metrics?|numbers) (?:shows?|confirms?|demonstrates?)\b|\bcapped at\b|\bcap(?:ped)? (?:of|at) [$€£]?\s?\d|\b(?:contingent|conditional) on\b|\bsubject to (?:the )?(?:[\w-]+ ){0,3}(?:sign-?off|approval|gate)\b/i);
/** Tied to a measured condition (kept apart from CONDITIONED_ON: a match needs a digit, so the literal index skips most sentences). */
const CONDITIONED_MEASURED = indexed(/\b(?:if|when|once|after|as long as|provided|until|only after|while)\b[^.;]{0,60}(?:\d+(?:\.\d+)?\s?%|\d+ (?:weeks?|months?|days?) (?:in a row|running|straight)|(?:below|under|above|at least|no more than|exceeds?)\s[^.;]{0,12}\d)|[<>]=\s?\d|(?:\b(?:above|below|under|over|exceeds?|drops? (?:below|under)|rises? above|at least|no more than|or less|or more)\s?~?|[<>≤≥]\s?)\d+(?:\.\d+)?\s?%|\d+(?:\.\d+)?\s?% or (?:less|more|lower|higher)\b/i);
export const CONDITIONED = { test: (text: string): boolean => CONDITIONED_MEASURED.test(text) || CONDITIONED_ON.test(text) };
/** A gate or a step before launch: governance scheduled before it is not deferred. */
const GATED_AT = indexed(/\b(?:precedes? (?:the )?(?:[\w-]+ )?(?:launch|go-?live|pilot|release|rollout)|(?:no|not) (?:prod(?:uction)?|launch|go-?live|release|rollout|deploy\w*) (?:until|before|without)|(?:don'?t|do not|won'?t|will not|never|cannot|can'?t) (?:go live|launch|ship|release|deploy|start|open|roll out)\w*(?: [\w-]+){0,3} (?:until|before|without)|approves? (?:every|each|all) (?:[\w-]+ )?gates?|before (?:the |any |we |our |its |each |every |they |it )?(?:launch|go-?live|pilot|gate|release|rollout|GA|ship|deploy|redeploy|sign|users|anything|open|start|roll out|go live|first)\w*|(?:launch|gate) (?:condition|criterion|requirement)|gate \d|(?:a|its own|their own|new|separate) (?:\w+ )?gate\b|gated by|gates? (?:the )?(?:release|launch|rollout|go-?live|GA)|ahead of (?:the )?(?:\w+ )?(?:\d+ \w+ )?(?:launch|pilot|go-?live|release|rollout)|(?:entry|exit|launch|go-live) criteri(?:on|a)|condition (?:for|of) (?:the )?(?:pilot|launch|go-?live|M\d+|gate \d+|phase \d+|release)|(?:passes|pass|passing|through) (?:the|a|its|each) (?:\w+ )?gate|signs? off (?:before|each|every)|signed off by|signed by|approved by|(?:approval|sign-?off|go\/no-go(?: decision)?) (?:for|of) (?:the )?(?:pilot|scale-?up|launch|go-?live|rollout|roll-out|release|GA|M\d+|phase \d+|gate \d+)|(?:was|is) the (?:launch|release|go-?live) gate)/i);
/** A gate or step before launch is named (and not negated: "not a launch criterion"). */
export const GATED = { test(text: string): boolean {
  for (const m of text.matchAll(GATED_ALL)) {
    if (/\bnot (?:a |an |the )?$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    // "a formal test set before go-live is not necessary" names the gate to say it is not needed.
    if (/^[^.;]{0,12}\b(?:is|are) not (?:necessary|needed|required|planned)\b/i.test(text.slice(m.index + m[0].length))) continue;
    // "before launch there is nothing to review" names the moment to say nothing happens then.
    if (/^[^.;]{0,12}\b(?:there is|there'?s) nothing\b/i.test(text.slice(m.index + m[0].length))) continue;
    // "No red-teaming before the beta" says what is missing before it, not that a gate exists.
    if (/^\W*no\b[^.;]{0,40}$/i.test(text.slice(0, m.index))) continue;
    // "we don't see a reason to build a testing programme before launch" names a gate to dismiss what would precede it.
    if (/\b(?:don'?t|do not|no|won'?t|no longer|will not|not) (?:see (?:a |any )?reason|need|plan|do|run|have|hold|conduct)(?: to)?\b[^.;]{0,60}$/i.test(text.slice(Math.max(0, m.index - 90), m.index))) continue;
    // "Quality gate before launch: none formal" names the gate to say there is none.
    if (/^\s*[:–—-]\s*(?:none|n\/a|no\b|nothing|tbd)/i.test(text.slice(m.index + m[0].length))) continue;
    return true;
  }
  return false;
} };
const GATED_ALL = indexed(new RegExp(GATED_AT.source, 'gi'));
/** A safeguard in place from the start is the opposite of deferring it ("review queue from day one"); an automation from day one is not. */
const FROM_START_PHRASE = indexed(/\bfrom (?:day one|the start|launch|the first day)\b/gi);
const IN_PLACE_BEFORE = new RegExp(String.raw`(?:${SAFEGUARD_BEFORE.source}|review\w*|monitor\w*|logging|audit\w*|approv\w*|sign-?offs?|human|governance|compliance|privacy|security|legal|polic(?:y|ies)|gates?)(?:(?!remov|drop|retir|skip|switch|turn)[^.;]){0,50}$`, 'i');
const FROM_THE_START = { test(text: string): boolean {
  for (const m of text.matchAll(FROM_START_PHRASE)) if (IN_PLACE_BEFORE.test(text.slice(Math.max(0, m.index - 160), m.index))) return true;
  return false;
} };

// ---------------------------------------------------------------------------------------------
// Remedies that are the flag by themselves

/** A failure answered by editing the prompt. */
const PROMPT_REMEDY = indexed(/\b(?:iterat\w* on (?:the )?(?:few-shot|prompt|examples)\w*|patch\w* (?:the |our |its )?instructions|adjust\w* (?:the |our )?prompt library|tighten\w* (?:the )?(?:wording|phrasing) (?:of|in) (?:the )?(?:instructions|prompt)|add (?:that|the|this|each|every) (?:case|example|failure) to the (?:system )?prompt|(?:stronger|stricter|firmer|clearer|better|tighter|more) prompt (?:instructions|wording|examples)|(?:soften|sharpen|loosen|harden)\w* (?:the |our )?(?:system )?prompts?|(?:soften|sharpen|loosen|harden)\w* it\b|(?:add|adding|put|putting|give|giving|include|including)\w*\s+[^.;]{0,80}?\b(?:to|in|into) (?:the|our|its) (?:system )?prompts?|(?:system )?prompt (?:tells|instructs|asks) (?:it|the model|the bot|the assistant|[A-Z]\w+) to|(?:telling|tell|instruct\w*|ask\w*) the model\b[^.;]{0,40}\b(?:in (?:its|the) (?:system )?prompt|to ignore)|(?:refin|tweak|adjust|updat|edit|improv|sharpen|rewor|rewrit|rephras|chang)\w* (?:the |our )?(?:instructions|instruction (?:sentences|text|wording|lines))\b|tun\w* (?:the )?(?:wording|phrasing|instructions)\b|(?:system )?prompts? (?:will be|gets?|is|can be|would be) (?:\w+ )?(?:adjusted|tweaked|updated|changed|edited|patched|fixed|tuned|refined|amended|rewritten|reworded)|(?:change|edit|tweak|adjust|update|patch|fix|amend)\w* (?:to |of |in )?(?:the |our )?(?:instruction text|system message|system text|meta-?prompt|prompt template)|(?:tweak|fix|change|edit|patch|adjustment)s? (?:to|in|of) the (?:system )?(?:prompt|message|instructions?)|make the (?:wording|instructions?|prompt) (?:stronger|stricter|clearer|firmer)|(?:one-line |small )?(?:instruction|prompt) change|(?:harden|retun|re-tun)\w* (?:the |our )?(?:system )?prompts?|(?:stricter|firmer|clearer|better|tighter) (?:wording|instructions?|phrasing) in the (?:system )?prompt|(?:more |extra )?examples in the few-shot (?:block|section|prompt)|a prompt(?:ing)? (?:problem|issue|fix)|(?:wording|phrasing|instructions?) (?:will be|is|are|gets?|get) (?:\w+ )?(?:tightened|refined|adjusted|tweaked|reworded|sharpened)|manag\w* (?:through|via|with|in) (?:the |our )?(?:system )?prompts?|(?:add|adding|tweak|fix|update|keep|edit|amend|patch|adjust|tun|chang|revis|grow)\w*\s+(?:[\w-]+ ){0,5}(?:to |in |of )?(?:the |our |its )?(?:model|system|drafting|bot|assistant)['’]?s? instructions?|prompt (?:updates?|edits?|adjustments?|patch(?:es)?|tuning|refinements?)|(?:solv|correct|fix|handl|address|patch|deal|iterat|sort)\w* (?:with |out )?(?:[\w-]+ ){0,3}(?:through|via|with|in|by (?:editing|tweaking|updating|changing)) (?:the |a |our )?(?:system |better |more )?prompt(?:s|ing)?|prompt (?:optimi[sz]ation|iteration|refinement|tuning)s?|(?:add|adding|tweak|fix|tighten|adjust|update|change|edit|improve|tun|rewrite|reword|patch|refine|amend|iterat)\w*\s+(?:[\w-]+ ){0,5}(?:to |in |of )?(?:the |our |its |a |that |this )?(?:system |few-shot )?prompts?|(?:better|new|tighter|clearer|well-crafted|right|firmer|stronger|stricter|sharper) (?:system |few-shot )?prompts?|prompt (?:tweak|fix|iteration|change|engineering)s?|(?:extra|more|a couple of (?:extra )?)(?:lines|examples|instructions) in the (?:system )?prompt|solve (?:\w+ ){0,2}with the prompt|how the prompt gets better|re-?prompt\w*|with (?:clearer|better|stricter|firmer|more explicit|more precise) instructions|patch\w* (?:the |our )?(?:prompt )?templates?)\b/i);
const FAILURE = indexed(/\b(?:false (?:negatives?|positives?)|mis(?:pric|rout|quot|calculat|spell|match|fir|identif|diagnos|assign|sort|translat)\w*|bias\w*|odd|quirks?|glitch\w*|risky|unsafe|dangerous|harmful|misread\w*|misclassif\w*|mislabel\w*|misinterpret\w*|not correct|incorrect|not right|dips?|degrades?|unsure|uncertain|not sure|low confidence|(?:over|under)-?(?:escalat|flag|block|refus|trigger)\w*|(?:reads?|sounds?|looks?|comes? out|turns? out) (?:a bit |slightly |rather |a little )?(?:odd\w*|off|wrong|strange\w*|weird)|a bit off|invent\w*|made[- ]up|off-brand|toxic\w*|shouldn'?t|should not|leaks?|injection|flagged|support tickets?|hard cases?|corrections?|jailbreak\w*|wrong|mistakes?|errors?|weird|bad|fails?|failures?|hallucinat\w*|complain\w*|edge cases?|problems?|issues?|incidents?|go(?:es)? sideways|misfires?|slips?|drift\w*|misses|gets? (?:\w+ ){0,3}wrong)\b|\b(?:is|are|'s|seems?|looks?|sounds?) off\b/i);
/** Users as the test: "guests will tell us quickly if something's off", "real traffic is our test set". */
const USERS_AS_QA = indexed(/\b(?:(?:collected|gathered|built|created) in production|tuned live|tune[sd]? (?:it |them )?(?:live|in production|on real (?:traffic|claims|users|data|orders))|users (?:will )?(?:learn to )?double-check|(?:reports|complaints|feedback|flags)\b[^.;]{0,30}\b(?:serve as|will be|become|are) (?:our|the) (?:labell?ed data|test set|eval\w*|ground truth)|(?:catch|find|spot|learn about|hear about|discover)\w* [^.;]{0,30}\bfrom (?:user|customer|client|guest|member|patient|merchant|shopper)s?'? (?:complaints|feedback|reports|tickets)|treat\w* [^.;]{0,60}\bas (?:our|the) (?:QA|testers?|test (?:set|suite|bed)|eval\w*|guinea pigs?)|(?:thumbs[- ]down\w*|complaints|feedback|ratings|clicks)\b[^.;]{0,20}\b(?:are|is|will be|become) (?:the|our) (?:evaluation|eval|test|QA)|let (?:the )?(?:users|customers|community|public|field|market) (?:find|discover|catch|report))\b|\b(?:users|customers|guests|members|patients|students|clients|learners|readers|callers|shoppers|people|the field|drivers|staff|[a-z]+(?:ers|ors|ists|ians|ants|ents))\b[^.;]{0,20}\b(?:will|can|'ll|would) (?:tell|let) us(?: know)?(?: \w+){0,4} (?:if|when|where|what|which)\b[^.;]{0,30}\b(?:off|wrong|broken|bad|problems?|issues?|mistakes?|errors?|weird|fails?)\b|\b(?:users|customers|real (?:users|traffic|usage|customers)|production|live traffic)\b[^.;]{0,15}\b(?:is|are|will be|becomes?) (?:our|the) (?:best |real |free )?(?:QA|testers?|test (?:set|suite|bed)|eval\w*|quality (?:check|control))\b|\blet (?:users|customers|the field) be (?:the|our) (?:QA|testers?)\b|\b\w+s can (?:verify|check|double-check|correct) (?:it |them |this )?(?:by )?themselves\b|\b(?:\w+ )?(?:users|customers|adopters|clients|testers|agents|staff|members)\b[^.;]{0,20}\b(?:is|are|will be|become) (?:effectively |basically |essentially |in effect |de facto )?(?:our|the) (?:\w+ )?(?:QA|testers?|test (?:set|suite|bed)|eval\w*|quality (?:check|control))\b|\blet (?:the )?(?:real |live )?(?:traffic|users|customers|production|usage|the market) (?:surface|reveal|expose|show us|find|tell us)\b|\b(?:thumbs[- ]down\w*|complaints|feedback|ratings|clicks|flags|reports)\b[^.;]{0,20}\b(?:will )?(?:show|tell|teach) us\b|\b(?:users|customers|clients|readers|staff)\b[^.;]{0,20}\b(?:smart|savvy|experienced|sharp) enough to (?:spot|catch|notice|ignore|correct)\b|\b(?:customers|users|clients)\b[^.;]{0,20}\b(?:will|'ll) tell us\b[^.;]{0,25}\b(?:misbehav\w*|breaks?|goes wrong|go wrong|wrong)\b/i);
/** Speed preferred over building a safeguard: "we'd rather be live early than spend a quarter writing test conversations". */
const RATHER_THAN_SAFEGUARD = indexed(/\b(?:would|'d) rather\b[^.;]{0,90}\bthan\b[^.;]{0,60}\b(?:test (?:set|conversations|cases|questions)|evals?|evaluation|eval harness|benchmarks?|review\w*|measur\w+|metrics|guardrails?|red[- ]team\w*|thresholds?)/i);
/** Waiting for a better model instead of measuring: "the vendor's next model … will clear up these slips", "ride that curve". */
const NEXT_MODEL = indexed(/\bmodel of next year\b|\bmodels? gets? better (?:every|each) (?:quarter|month|release|year)|\b(?:model|LLM|AI)s? (?:is|are|keeps?) (?:getting better|improving) (?:every|each|all the time)\b|\b(?:bigger|larger|longer) context window\b[^.;]{0,80}\bgo(?:es)? away\b|\b(?:next|newer|new|upcoming|future|coming|(?:each|every) new) (?:[\w-]+ )?(?:model|version|release|generation|GPT)s?\b[^.;]{0,80}\b(?:(?:don'?t|do not|won'?t) expect (?:that|this|it|them) to (?:still )?be|go(?:es)? away|disappear\w*|no longer (?:be )?(?:a |an )?(?:problem|issue)|close[sd]? (?:\w+ ){0,4}gap|take care of|stop|remove|eliminate|iron out|fix(?:es|ed)?|clear(?:s|ing)? up|solve[sd]?|handle[sd]?|sort(?:s|ed)?|get(?:s|ting)? better|improv\w*|better at)\b|\bride (?:that|the) curve\b|\b(?:more (?:precise|accurate|reliable)|better)\b[^.;]{0,40}\bwith (?:each|every) (?:new |next )?(?:version|release|generation|update)\b/i);
/** The model left to improve, or to work on its own. */
const SELF_RELIANT = indexed(/\b(?:learns? (?:[\w-]+ ){0,4}by itself|(?:diminish|decrease|disappear|fade|shrink|go away|improve)\w* as the (?:underlying |base |foundation )?(?:model|LLM|AI)s? (?:scales?|improves?|gets? better|matures?|evolves?)|get(?:s|ting)? (?:better|sharper|smarter|more accurate) (?:on (?:its|their) own|by itself|with (?:each|every) (?:release|version|update))|(?:the )?model (?:copes|deals|handles|manages) (?:with )?(?:that|it|this|them|those)|let (?:the )?(?:model|AI|LLM|system|assistant) (?:work|figure|sort) out|(?:edge cases?|errors?|mistakes?|quirks?|oddities|hallucinations?)\b[^.;]{0,60}\b(?:will|'ll) (?:simply |just |probably )?(?:be gone|disappear|go away|vanish|fade)|go(?:es)? away (?:on (?:its|their) own|by itself|by themselves)|picks? up [^.;]{0,40}\bfrom the context (?:itself|alone)|learn\w* from (?:each|every|real|live|its|user|production)|(?:improv|adjust|correct|calibrat|adapt|learn)\w* (?:organically|by itself|on its own|itself|alone)|go(?:es)? improving|(?:trains|teaches|corrects|improves|fixes|tunes) itself|learns? (?:on|by) (?:its|it) own|(?:learn|work out|figure out|pick up|handle)\w* [^.;]{0,40}\bon its own|without extra work from us|runs? alone|fly solo|good enough (?:that|so) (?:we|it|you) (?:don'?t|doesn'?t|do not|does not|can skip|no longer|won'?t)|good enough to (?:fly|run|work|go) (?:solo|alone|on its own|unsupervised|without)|(?:it|model|AI|LLM|system|assistant|bot|agent) knows? [^.;]{0,30}well enough|(?:fine-?tuning|the model|the LLM|it) will take care of|exposed to more (?:production |real )?data|the model'?s confidence score|smart enough to (?:work out|figure out|know|handle|spot|decide|tell)|(?:generali[sz]es|will learn|learns?)\b[^.;]{0,80}\bwithout (?:extra|additional|any|more) (?:data|testing|training|evaluation|labels?)|(?:knows?|tends to know|can tell|recogni[sz]es) when (?:it'?s|it is) (?:unsure|uncertain|wrong|out of its depth))\b/i);

// ---------------------------------------------------------------------------------------------

function at(text: string, re: RegExp): { index: number; end: number } | null {
  const m = re.exec(text);
  return m ? { index: m.index, end: m.index + m[0].length } : null;
}

/** The marker is inside a quotation, or a negation stands right before it ("not after launch"). */
function undercut(text: string, m: { index: number; end: number }): boolean {
  if (isQuoted(text, m.index, m.end)) return true;
  if (/\b(?:not|never|no|nothing|nobody|no one|rather than|instead of)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, m.index - 20), m.index))) return true;
  // A belief disowned: "We do not assume the model will figure out entrapment calls on its own".
  return DISOWNED_BELIEF.test(text.slice(Math.max(0, m.index - 70), m.index));
}
const DISOWNED_BELIEF = /\b(?:do(?:es)? not|don'?t|doesn'?t|did not|didn'?t|never|no longer|won'?t|will not|cannot|can'?t)\s+(?:simply |just )?(?:assume|expect|believe|think|count on|rely on|trust|hope|bet on|pretend)\b[^.;:]{0,60}$/i;

/** Does this passage defer or wave away a safeguard (the `fix_later_with_prompts` meaning)? */
export function defersSafeguard(raw: string): boolean {
  const text = straightQuotes(raw);
  if (safeguardDeferralRule(text) === null) return false;
  return !(COUNTERED.test(text) || FROM_THE_START.test(text) || CONDITIONED.test(text) || EMPOWERED.test(text) || GATED.test(text));
}

// The flag detectors and policy_coverage (where a deferred part is absent) ask about the same
// sentences: answers are remembered per unit, so for one grading only.
const unitAnswers = new WeakMap<object, { safeguard?: boolean; governance?: boolean }>();
function answersOf(u: object): { safeguard?: boolean; governance?: boolean } {
  let a = unitAnswers.get(u);
  if (!a) unitAnswers.set(u, (a = {}));
  return a;
}
/** defersSafeguard of a unit's text, asked once per unit. */
export const unitDefersSafeguard = (u: { text: string }): boolean => (answersOf(u).safeguard ??= defersSafeguard(u.text));
/** defersGovernance of a unit's text, asked once per unit. */
export const unitDefersGovernance = (u: { text: string }): boolean => (answersOf(u).governance ??= defersGovernance(u.text));

/**
 * The thing not done is the topic: its object ("we won't run offline quality evals"), or the
 * subject of a passive or a table cell ("Hallucination rate | not tracked in v1"), not a neighbour
 * ("the evaluation lines … and not modelled API usage").
 */
function notDoneTo(text: string, topic: { index: number; end: number }, notDone: { index: number; end: number }): boolean {
  if (topic.index >= notDone.index && topic.end <= notDone.end) return false;
  if (topic.index >= notDone.end) return topic.index - notDone.end <= 40;
  if (notDone.index - topic.end > 40) return false;
  // Before it: only when nothing follows the verb but a preposition or the end ("not tracked in v1", "won't be measured.").
  return /^\s*(?:$|[,.;:|)–—-]|(?:in|for|at|until|yet|before|during|as|by|from|on)\b)/i.test(text.slice(notDone.end));
}

/** Review removed, said of the review itself (within a clause of it), not of some other switch in the same row. */
function reviewRemovedNear(text: string): boolean {
  const reviews = spans(text, HUMAN_REVIEW_ALL);
  return spans(text, REVIEW_REMOVED_ALL).some((m) => !undercut(text, m) && reviews.some((r) => gap(r, m) <= 60));
}

/** Which reading of a safeguard deferral a passage matches (null: none); the guards come after. */
function safeguardDeferralRule(text: string): string | null {
  // The readings below that put off, wave away or leave undone need a topic to act on; without one
  // (most sentences) only the topic-free readings at the end can apply.
  const topical = SAFEGUARD_BEFORE.test(text) || MEASURING.test(text) || QUALITY.test(text) || COST.test(text) || HUMAN_REVIEW.test(text) || ANY_CHECK.test(text);
  return (topical ? topicalReading(text) : null) ?? topicFreeReading(text);
}

function topicalReading(text: string): string | null {
  const live = (m: { index: number; end: number } | null) => m !== null && !undercut(text, m);
  const deferredAt = at(text, DEFERRED);
  const deferred = live(deferredAt) ? deferredAt : null;
  const d = at(text, DISMISSED);
  // "Out of scope v1: chat inside the dashboard" lists what the product leaves out: the topic must come first.
  const dismissed = live(d) && !(/^\W*out of scope/i.test(text.slice(d!.index)) && !/\w/.test(text.slice(0, d!.index))) ? d : null;
  // The topic and what is done to it must stand close together: in a long sentence about a later
  // phase, "evaluation" and "after the pilot" can belong to different clauses.
  const safeguards = deferred || dismissed ? spans(text, SAFEGUARD_BEFORE_ALL).filter((m) => !isQuoted(text, m.index, m.end) && !/^\s(?:burden|effort|overhead|load)\b/i.test(text.slice(m.end))) : [];
  if (deferred && safeguards.length > 0 && !CADENCE.test(text)) {
    const close = safeguards.some((m) => gap(m, deferred) <= 60);
    const put = safeguards.some((m) => ATTEND_BEFORE.test(text.slice(Math.max(0, m.index - 45), m.index)) || ATTEND_BEFORE.test(text.slice(m.end, deferred.index)));
    const launchRelative = LAUNCH_RELATIVE.test(text.slice(deferred.index, deferred.end + 40));
    const fragment = safeguards.some((m) => fragmentBetween(text, m, deferred) || comesLater(text, m, deferred));
    if (close && (put || launchRelative || fragment)) return 'safeguard deferred';
  }
  if (dismissed && safeguards.some((m) => gap(m, dismissed) <= 60)) return 'safeguard dismissed';
  // The safeguard named first and put in place "them" at the later event: "Accuracy checks would slow the
  // launch, so we'll add them when we scale", "Latency SLOs: we'll define them once customers complain".
  const byPronoun = deferred !== null && PUT_PRONOUN.test(text.slice(Math.max(0, deferred.index - 40), deferred.index)) && !CADENCE.test(text);
  if (byPronoun && safeguards.some((m) => m.end <= deferred!.index)) return 'safeguard deferred';
  if (byPronoun && spans(text, MEASURING_ALL).some((m) => m.end <= deferred!.index)) return 'measurement set up later';
  const notDone = at(text, NOT_DONE);
  if (live(notDone) && [SAFEGUARD_BEFORE_ALL, MEASURING_ALL, QUALITY_ALL, COST_ALL, ANY_CHECK_ALL, HUMAN_REVIEW_ALL].some((re) => spans(text, re).some((m) => notDoneTo(text, m, notDone!)))) return 'safeguard not done';
  // A safeguard named as the topic of the passage ("Rollback? …", "Monitoring: …") and then waved away anywhere in it.
  if (dismissed && LEAD_TOPIC.test(text)) return 'safeguard dismissed';
  if (dismissed && !/\bnot worth\b/i.test(text) && [MEASURING_ALL, QUALITY_ALL].some((re) => spans(text, re).some((m) => gap(m, dismissed) <= 60 && sameSentence(text, m, dismissed)))) return 'measuring or quality dismissed';
  if (dismissed && !/\bnot worth\b|\b(?:is|are) fine\b|\b(?:separate|own|dedicated|extra) (?:budget|cost) (?:line|item)s?\b/i.test(text) && spans(text, COST_ALL).some((m) => gap(m, dismissed) <= 60 && sameSentence(text, m, dismissed))) return 'cost dismissed';
  if (deferred && SET_UP_MEASURING.test(text) && !CADENCE.test(text)) return 'measurement set up later';
  if (deferred && !CADENCE.test(text) && spans(text, MEASURING_ALL).some((m) => fragmentBetween(text, m, deferred, false) || comesLater(text, m, deferred))) return 'measurement set up later';
  if (launchedBeforeSafeguard(text) || afterLaunchInTime(text, safeguardTopic)) return 'safeguard after a broad launch';
  if (HUMAN_REVIEW.test(text) && ((dismissed && spans(text, HUMAN_REVIEW_ALL).some((m) => gap(m, dismissed) <= 60)) || reviewRemovedNear(text) || /\b(?:only|just) (?:in|during|for) the (?:first|beta|pilot|trial)|\b(?:during|for|in) the (?:first \w+ (?:weeks?|days?|months?)|beta|pilot)(?: only)?\b[^.;]{0,30}\b(?:after(?:wards)?|then|once)\b|\b(?:during|for|in) the (?:\w+ )?(?:beta|pilot|trial) only\b/i.test(text))) return 'human review removed';
  return null;
}

/** A launch to everyone, not a pilot: "goes live in April", "live for all 400 agents", "push the assistant to all three stations". */
const BROAD_LAUNCH = indexed(/\b(?:go(?:es)? out to|\d[\d,]* [\w-]+ live\b|go(?:es)? live|went live|live (?:for|to|across|at|in) (?:all|every|each|the whole)|(?:public|full|general|national|company-wide) (?:launch|release|rollout)|launch(?:es|ed)? (?:the|our|it|in|on|to (?:all|every|each|the whole))|go(?:es)? to (?:all|every|each)|\bwe (?:ship|launch)\b|(?:^|:\s)[\w-]+(?: [\w-]+){0,4} ships? (?:in|on|to)|opens? (?:up )?to (?:the|all|every)|push(?:es|ed)? (?:[\w-]+ ){1,4}to (?:all|every|each)|roll(?:s|ed)? (?:[\w-]+ ){0,3}out to (?:all|every|each|the whole)|switch(?:es|ed)? (?:it )?on (?:for|across) (?:all|every))\b|^\W*launch\b/i);
const TRIAL_LAUNCH = /\b(?:pilot|beta|trial|shadow|sandbox|internal|canary|dogfood\w*|test group|limited|friendly)\b/i;
/** Monitoring of the model's behaviour, which a broad launch should not go without. */
const WATCHING = /\b(?:drift|bias|fairness|quality|accuracy|safety|hallucination|toxicity) monitoring\b/i;
/** A later point on the plan: "in Q3", "Phase 3", "next sprint", "once …", "when …". */
const LATER_MARK = /\b(?:Q[2-4]|H2|spring|summer|autumn|winter|Black Friday|phase (?:[2-9]|two|three|four)|month (?:[3-9]|1[0-2])|next (?:sprint|release|quarter|phase|version)|later|once|when|after|post-?launch|post[- ]?stabili[sz]ation|second half)\b/i;
/** Gated, recurring or already there: not a safeguard put off. */
const NOT_LATER = /\b(?:before|prior to|until|unless|already|every|each|weekly|monthly|daily|continu\w*)\b/i;
/**
 * Launched to everyone in one clause, the safeguard in a later clause at a later point: "Claims-triage
 * model v1 goes live in April; drift and bias monitoring to be scoped once we see real volumes",
 * "Q1: generator live for all 400 agents. Q3: add filters for discriminatory wording".
 */
function launchedBeforeSafeguard(text: string): boolean {
  const clauses = text.split(/(?<=[.;!?])\s+|\s[—–]\s|,\s+(?=(?:the|and|but|while|with|then)\b)|\sand (?=we\b|the\b)/);
  const first = clauses.findIndex((c) => BROAD_LAUNCH.test(c) && !TRIAL_LAUNCH.test(c));
  if (first < 0) return false;
  // An aside in the launch line counts as a later clause: "500 hotels live by end of Q2 (offline eval set to be built in H2)".
  const asides = [...clauses[first]!.matchAll(/\(([^)]{10,})\)/g)].map((m) => m[1]!);
  return [...asides, ...clauses.slice(first + 1)].some((c) => (SAFEGUARD_BEFORE.test(c) || WATCHING.test(c)) && LATER_MARK.test(c) && !NOT_LATER.test(c) && !undercut(c, (at(c, SAFEGUARD_BEFORE) ?? at(c, WATCHING))!));
}

/** A point on the plan, as a month of the year (quarters and halves at their middle), or a phase number on its own scale. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const PERIOD = /\b(?:Q([1-4])|H([12])|(?:M|months? )(\d{1,2})|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(year[- ]end|end of (?:the )?year)|phase ([1-9])|(first|second) half)\b/i;
function periodOf(clause: string): { scale: 'month' | 'phase'; at: number } | null {
  const m = PERIOD.exec(clause);
  if (!m) return null;
  // "May" is a word as well as a month: only capitalised, and not "may be".
  if (m[4] && (m[4].toLowerCase() === 'may' ? !/^May\b(?! be\b)/.test(m[0]) : false)) return null;
  if (m[6]) return { scale: 'phase', at: Number(m[6]) };
  if (m[7]) return { scale: 'month', at: m[7].toLowerCase() === 'first' ? 3 : 9 };
  const at = m[1] ? Number(m[1]) * 3 - 1.5 : m[2] ? Number(m[2]) * 6 - 3 : m[3] ? Number(m[3]) : m[4] ? MONTHS.indexOf(m[4].toLowerCase()) + 1 : 12;
  return { scale: 'month', at };
}
const LAUNCH_WORD = /\b(?:launch\w*|go(?:es)? live|went live|live (?:for|to|across|in)|(?:in|to|into) production|go(?:es)? to (?:all|every)|ship(?:s|ped)?|roll(?:s|ed)? out|rollout|release[sd]?|GA)\b/i;
/** The clauses of a passage, for comparing when things happen: sentences, table cells after a row break, asides, comma clauses. */
function timedClauses(text: string): { text: string; period: { scale: 'month' | 'phase'; at: number } }[] {
  const out: { text: string; period: { scale: 'month' | 'phase'; at: number } }[] = [];
  const segments = text.replace(/\(([^()]*)\)/g, (_, inner: string) => (LAUNCH_WORD.test(inner) ? ` || ${inner} || ` : ` ${inner} `)).split(/(?<=[.;!?])\s+|\s*\|\|\s*|\s[—–]\s/);
  for (const segment of segments) {
    // A table row's cells and a sentence's comma clauses: a part with no time of its own takes the row's, from the
    // cell before it ("Q1 | assistant live for all 40 technicians | evals slotted for Q3").
    let inherited: { scale: 'month' | 'phase'; at: number } | null = null;
    const parts = segment.split(/\s\|\s|,\s+/).map((part) => ({ part, own: periodOf(part) }));
    parts.forEach(({ part, own }, i) => {
      // In a sentence, a listed item takes the time of the clause that ends the list ("its guardrails, monitoring and the DPIA all come in month 10").
      const period = own ?? (segment.includes(' | ') ? inherited : (parts.slice(i + 1).find((p) => p.own)?.own ?? null));
      if (own) inherited = own;
      if (period && part.trim().length > 3) out.push({ text: part, period });
    });
  }
  return out;
}
/**
 * A broad launch at one point of the plan and, in the same passage, a topic at a later point: "red-teaming sits in
 * the H2 backlog, launch to all inspectors in Q1", "M6 | Public launch || M10 | Safety board review",
 * "Stand up an AI steering committee by year end (launch is Q2)". The topic clause must not be a launch itself.
 */
function afterLaunchInTime(text: string, topic: (clause: string) => boolean): boolean {
  if (!LAUNCH_WORD.test(text)) return false;
  const clauses = timedClauses(text);
  const launches = clauses.filter((c) => LAUNCH_WORD.test(c.text) && !TRIAL_LAUNCH.test(c.text) && !NOT_LATER.test(c.text) && !/\b(?:no|not|never|without)\b/i.test(c.text));
  if (launches.length === 0) return false;
  return clauses.some((c) => !LAUNCH_WORD.test(c.text) && topic(c.text) && !NOT_LATER.test(c.text) && !RECURRING.test(c.text) && !ITERATION.test(c.text) && launches.some((l) => l.period.scale === c.period.scale && l.period.at < c.period.at));
}
const safeguardTopic = (c: string): boolean => (SAFEGUARD_BEFORE.test(c) || WATCHING.test(c)) && !undercut(c, (at(c, SAFEGUARD_BEFORE) ?? at(c, WATCHING))!);

/** Readings that need no topic: errors waved away, a prompt as the remedy, users as the test, the model left to itself. */
function topicFreeReading(text: string): string | null {
  const live = (m: { index: number; end: number } | null) => m !== null && !undercut(text, m);
  if (live(at(text, ERRORS_FINE))) return 'errors are fine';
  // A forum that reviews incidents and decides prompt changes is governance, not a prompt as the remedy.
  if (FAILURE.test(text) && !SAFEGUARD_BEFORE.test(text) && !REVIEWS_CHANGES.test(text) && !MEETS_REGULARLY.test(text) && live(at(text, PROMPT_REMEDY))) return 'failure fixed by prompt';
  if (INSTEAD_OF_SAFEGUARD.test(text) && live(at(text, PROMPT_REMEDY))) return 'prompt edits instead of a safeguard';
  if (ONLY_REMEDY.test(text) && (FAILURE.test(text) || /^\W*(?:\[notes\]\s*)?if\b/i.test(text)) && live(at(text, PROMPT_REMEDY))) return 'prompt edits as the only remedy';
  if (live(at(text, PROMPT_ONLY))) return 'guardrails only in the prompt';
  if (live(at(text, USERS_AS_QA))) return 'users as the test';
  if (live(at(text, NOBODY_REVIEWS))) return 'human review removed';
  if (live(at(text, RATHER_THAN_SAFEGUARD))) return 'speed preferred over a safeguard';
  if (live(at(text, NEXT_MODEL))) return 'waiting for a better model';
  return live(at(text, SELF_RELIANT)) ? 'model left to itself' : null;
}

/** A body that reviews or decides changes on a rhythm: "decides changes in prompts or rules", "every month …: incidents, changes to prompts". */
const REVIEWS_CHANGES = indexed(/\b(?:decides?|reviews?|approves?|signs? off)\b[^.;]{0,40}\bchanges?\b|\b(?:every|each) (?:week|month|quarter|sprint)\b[^.;]{0,200}\bchanges? (?:to|in|of)\b|\b(?:weekly|monthly|quarterly) (?:review|round)\b/i);
/** Said to be all that is done: "this is enough", "that is our whole remediation loop". */
const ONLY_REMEDY = /\b(?:(?:is|are|will be) enough\b|enough (?:solution|fix|remedy)|(?:our|the) (?:whole|entire|only) (?:remediation|fix|remedy|mitigation|plan|process|loop)|that'?s all|that is (?:the|our) plan|that'?s (?:the|our) plan)/i;
/** A safeguard declined: "rather than building a separate checking layer". */
const INSTEAD_OF_SAFEGUARD = indexed(new RegExp(String.raw`\b(?:rather than|instead of) (?:by )?(?:add|build|set up|run|have|create|building|adding|setting up|creating|having|running|maintaining|hold(?:ing)?|wait(?:ing)? for|spend(?:ing)?|invest(?:ing)?|a |an |the )(?:[\w-]+ ){0,5}?(?:${SAFEGUARD_BEFORE.source})`, 'i'));

/** The guardrails are a line in the prompt: "we put the guardrails in the prompt only". */
const PROMPT_ONLY = indexed(/\b(?:guardrails?|safety rules|safeguards?)\b[^.;]{0,30}\b(?:one|a|a single|single) (?:line|sentence|instruction) in the (?:system )?prompt|\b(?:guardrails?|safety rules|safeguards?) (?:are |live |sit |go )?(?:only )?in the (?:system )?prompt(?: only)?\b|\bprompt[- ]only (?:guardrails?|safeguards?)\b/i);

/** Nobody reads what the model writes before it goes out: "no one reads the explanations before learners see them". */
const NOBODY_REVIEWS = indexed(/\bin place of the (?:[\w-]+ )?(?:revisers?|reviewers?|checkers?|editors?|proofreaders?|translators?|clerks?|inspectors?|humans?)\b|\b(?:go(?:es)?|went|are|is|gets?)(?: out)? unreviewed\b|\b(?:sent|published|posted|issued|filed|released|mailed)(?: out)? unreviewed\b|\b(?:sent|go(?:es)? out|published|posted|issued|filed|released|mailed|shipped|air(?:s|ed)?|broadcast|printed|delivered)(?: to (?:the )?[\w-]+)? without (?:a |an |any )?(?:[\w-]+ )?[\w-]+ (?:reading|read|checking|check|reviewing|review|approving|seeing|looking at|signing off|listening|hearing)\b|(?<!\b(?:no|not|never|nothing|nobody)\b[^.;]{0,30})\b(?:relied (?:up)?on|used|accepted|issued|sent|published) without (?:a |an |any )?(?:[\w-]+ ){0,2}(?:verification|review|check|sign-?off|approval|proofreading)\b|\b(?:summaries|drafts|outputs?|model|AI|classifier|assistant|tool|system|bot|suggestions)s? (?:will )?replaces? (?:the |a |our )?(?:[\w-]+['’]s? )?(?:second |manual |human )?(?:read|reading|review|check|approval|sign-?off|verification|QA)\b|\b(?:drop|remove|retire|scrap|stop)\w* (?:the |our )(?:[\w-]+ ){0,2}(?:[\w-]+['’]s )?(?:second )?(?:read|reading)\b|\b(?:model|classifier|AI|system|tool|assistant|bot) becomes the (?:check|checker|reviewer|control|QA|second read(?:er)?)\b|\bretir\w* (?:the )?(?:manual|human) (?:QA|review|checks?|sign-?off)\b|\breplac\w* (?:the |a |our )?(?:[\w-]+ ){0,2}(?:[\w-]+['’]s )?(?:reading|read|checks?|checking|reviews?|reviewing|approval|sign-?off|verification|proofreading)\b(?: of [^.;]{0,40})? (?:with|by) (?:the |an? |our )?(?:AI|model|LLM|bot|automated|auto-?)\w*|\bgo(?:es)? out (?:exactly |just )?as (?:generated|written|drafted)\b|\bno longer (?:be )?required to (?:verify|check|review|approve|read|proofread)\b|\b(?:won'?t|will not|don'?t|do not|no longer|doesn'?t|does not) (?:need|have) to (?:review|check|read|approve|verify|proofread|sign off)\b|\bdecided against (?:[\w-]+ ){0,2}(?:escalation|review|hand-?off|a human|human)|\b(?:reviewing|review of|checking)[^.:]{0,60}:\s*(?:0|zero|none|no) (?:FTE|people|staff|hours)\b|\b(?:output|outputs|drafts?|answers?|replies|letters?|summar(?:y|ies)|recommendations?|descriptions?|copy|notices|listings?|translations?) (?:goes|go|is sent|are sent|flows?|is pushed|are pushed) (?:straight|directly) (?:to|into|out)\b|\beliminat\w* (?:the )?(?:manual|human|second|four-eyes) (?:revision|review|check|sign-?off|approval)|\bno (?:human|person|one|reviewer) needs to (?:look|check|review|read|approve)\b|\b(?:no longer|stop(?:s|ped)?) (?:(?:re-?)?(?:check|review|proofread|approv|verif)\w*|re-?read\w*) (?:the |any |each |every )?(?:AI |model )?(?:[\w-]+ ){0,2}(?:outputs?|drafts?|answers?|shortlists?|rankings?|decisions?|summar(?:y|ies)|recommendations?|suggestions?|codes?|classifications?|letters?|replies|clauses|extractions?|descriptions?|copy|notices|translations?|task cards?|results?|reports?|listings?)\b|\bno (?:human|operator|person|reviewer|editor) in the loop\b|\b(?:no one|nobody|no-one|no human) (?:reads|checks|reviews|looks at|approves) (?:the |an? |any |each |every )?(?:[\w-]+ ){0,2}(?:outputs?|drafts?|answers?|explanations?|replies|messages?|recommendations?|summar(?:y|ies)|letters?|texts?|posts?)\b/i);

/** The passage opens with a safeguard as its topic: "Rollback? …", "Monitoring: …". */
const LEAD_TOPIC = indexed(new RegExp(String.raw`^\W*(?:${SAFEGUARD_BEFORE.source}|monitoring|measurement)(?:\s(?:for|of|on|in)\s[^.:;?]{0,80})?\s?[?:]`, 'i'));

/** Putting in place something named earlier: "we'll add them", "we define it". */
const PUT_PRONOUN = /\b(?:add|build|set up|define|introduce|write|put in place|bolt on|wire up|run|start|do|instrument|track|measure)\s+(?:them|it|those|these|all three|both|all of them)(?:\s+in\s+(?:Q[1-4]|H[12]|month \d+))?[\s,]*$/i;
/** Putting something in place, said just before the safeguard or between it and the deferral. */
const ATTEND_BEFORE = indexed(/\b(?:add|adding|bolt\w*|layer\w*|build\w*|set(?:ting)? up|introduc\w+|tighten\w*|harden\w*|defin\w+|writ(?:e|ing)|sort|start\w*|put(?:ting)? in place|wire|creat\w+|establish\w*|take up|taken up|consider\w*|think about|worry about|look at)\b/i);
/** Deferred until launch, go-live or real users: the safeguard would be missing when it matters. */
const LAUNCH_RELATIVE = indexed(/\b(?:in the field|adoption|traction|proven|scale|in prod(?:uction)?|GA|general availability|launch\w*|go-?live|live|release|ship\w*|real (?:users|traffic|queries|usage|data)|users|traffic|customers|clients|second release|v2|version 2)\b/i);

/** What stands between a topic and its deferral in a heading-like fragment: "Evals – post-launch", "Monitoring dashboards: later". */
const FRAGMENT = /^[^.;]{0,45}(?:[–—:|(]|->|→|\s-\s)\s*$/;

/** The topic is said to come with the later event: "Measuring draft quality properly comes once we have enough data". */
function comesLater(text: string, topic: { index: number; end: number }, deferred: { index: number; end: number }): boolean {
  if (topic.end > deferred.index) return false;
  // The deferral itself says it comes: "Tracking which families get skipped comes with v2".
  if (/^(?:comes?|lands?|arrives?|follows?|parked|shelved|postponed|deferred|pushed|slated)\b/i.test(text.slice(deferred.index)) && /^[^.;]{0,40}$/.test(text.slice(topic.end, deferred.index))) return true;
  return /^[^.;]{0,40}\b(?:(?:is|are|gets?|will be) (?:parked|shelved|postponed|on hold|held back)|comes?|will come|happens?|will happen|starts?|will start|begins?|kicks? in|goes? in|lands?|gets? added|is added|will be added|(?:will be|is|are|gets?) (?:taken up|built|added|set up|done|started|introduced|created)|we(?:'ll| will)? (?:build|add|make|do|implement|set up|put|run)(?: (?:it|them))?)(?:\s+(?:in|at|during|into)(?:\s+the)?(?:\s+(?:Q[1-4]|H[12]|next|later))?)?\s*$/i.test(text.slice(topic.end, deferred.index));
}

/** The topic, then its deferral after a separator, as in a heading-like fragment (the deferral may begin with the separator: ": later"). */
function fragmentBetween(text: string, topic: { index: number; end: number }, deferred: { index: number; end: number }, cells = true): boolean {
  if (topic.end > deferred.index) return false;
  // In a table row, "Metric | Today | After pilot" are column headings, not a deferral.
  if (!cells && text.includes(' | ')) return /^[^|]{0,60}\|\s?(?:phase [2-9]|v[2-9]|later|post-(?:launch|GA|go-?live))\b/i.test(text.slice(topic.end, deferred.end));
  const between = text.slice(topic.end, deferred.index);
  return FRAGMENT.test(between) || (/^[^.;]{0,30}$/.test(between) && /^\s?(?:[–:|]|->|→)/.test(text.slice(deferred.index)));
}

function spans(text: string, re: RegExp): { index: number; end: number }[] {
  return [...text.matchAll(re)].map((m) => ({ index: m.index, end: m.index + m[0].length }));
}
/** No sentence ends between the two (a question and its answer are one: "Monthly run cost? We will find out from the first invoice"; "Quality vs speed. The schedule is made once a week, so latency does not matter"). */
function sameSentence(text: string, a: { index: number; end: number }, b: { index: number; end: number }): boolean {
  return !/[.!]\s/.test(text.slice(Math.min(a.end, b.end), Math.max(a.index, b.index)));
}
function gap(a: { index: number; end: number }, b: { index: number; end: number }): number {
  return a.end <= b.index ? b.index - a.end : b.end <= a.index ? a.index - b.end : 0;
}

/** Why a passage does or does not read as a deferral: each reading and each counter-reading (for maintainers). */
export function explainDeferral(raw: string): Record<string, string | boolean | null> {
  const text = straightQuotes(raw);
  return {
    safeguard_reading: safeguardDeferralRule(text),
    governance_topic: GOVERNANCE.test(text),
    governance_reading: GOVERNANCE.test(text) && readsAsGovernanceDeferral(text),
    countered: COUNTERED.test(text),
    from_the_start: FROM_THE_START.test(text),
    conditioned: CONDITIONED.test(text),
    empowered: EMPOWERED.test(text),
    gated: GATED.test(text),
  };
}

/** How a passage reads as a safeguard deferral, in words for the rationale (null: it does not). */
export function safeguardReading(raw: string): string | null {
  return safeguardDeferralRule(straightQuotes(raw));
}



const SAFEGUARD_BEFORE_ALL = indexed(new RegExp(SAFEGUARD_BEFORE.source, 'gi'));
const MEASURING_ALL = indexed(new RegExp(MEASURING.source, 'gi'));
const QUALITY_ALL = indexed(new RegExp(QUALITY.source, 'gi'));
/** "we don't add any check": a check of any kind, as the object of what is not done. */
const ANY_CHECK_ALL = indexed(/\b(?:any|a|an|extra|separate|additional) (?:[\w-]+ )?(?:checks?|reviews?|tests?|filters?|classifiers?|validation|verification)\b/gi);
const ANY_CHECK = indexed(new RegExp(ANY_CHECK_ALL.source, 'i'));
const COST_ALL = indexed(new RegExp(COST.source, 'gi'));
const HUMAN_REVIEW_ALL = indexed(new RegExp(HUMAN_REVIEW.source, 'gi'));
const GOVERNANCE_ALL = indexed(new RegExp(GOVERNANCE.source, 'gi'));
const REVIEW_REMOVED_ALL = indexed(new RegExp(REVIEW_REMOVED.source, 'gi'));
/** A priced item in a cost line: "audit £1,400", "DPIA: €3k". */
const COST_ITEM_ALL = new RegExp(String.raw`\b[\w-]+(?: [\w-]+)?\s?[:=]?\s?(?:${MONEY.source})`, 'g');

/** Does this passage defer governance or hand it to someone else (the `governance_afterthought` meaning)? */
export function defersGovernance(raw: string): boolean {
  const text = straightQuotes(raw);
  // Approving each output is review (the other flag); governance is sign-offs, policies and reviews of the system.
  // A cost line ("audit £1,400") names what is paid for, not governance put off.
  if (!GOVERNANCE.test(text) || !GOVERNANCE.test(text.replace(HUMAN_REVIEW_ALL, ' ').replace(COST_ITEM_ALL, ' '))) return false;
  if (!readsAsGovernanceDeferral(text)) return false;
  return !(COUNTERED.test(text) || FROM_THE_START.test(text) || CONDITIONED.test(text) || EMPOWERED.test(text) || GATED.test(text));
}


/** A recurring act after launch is a rhythm, not a deferral: "re-certification is planned annually after launch". */
const RECURRING = /\b(?:annually|yearly|every (?:year|quarter|month|six months)|re-?certif\w*|as (?:a )?routine|routinely)\b/i;
/** A list of people: "Partners: …", "Stakeholders: …". */
const ROSTER = /^\W*(?:partners|stakeholders|team|people|who is involved|involved)\b[^:]{0,20}:/i;
/** A forum that meets on a cadence: "the committee meets monthly to go through incidents". */
const MEETS_REGULARLY = indexed(/\b(?:(?:run|hold|do|conduct)s? (?:weekly|monthly|quarterly|annual|yearly) [\w-]+|meets?|meeting|convenes?|sits?|reviews? (?:[\w%-]+ ){0,3}?)(?: every \w+| (?:weekly|monthly|quarterly|fortnightly|daily|bi-?weekly))\b|\b(?:weekly|monthly|quarterly|fortnightly) (?:[\w-]+ ){0,3}(?:meeting|session|review board|forum|committee|council|board)s?\b/i);

function readsAsGovernanceDeferral(text: string): boolean {
  // In a table row the cells are separate answers: the governance word must stand in or beside the
  // cell that defers it ("Prompt caching of policy text | −28% | none needed" defers a quality check).
  const topics = text.includes(' | ') ? spans(text, GOVERNANCE_ALL) : null;
  const near = (m: { index: number; end: number }) => topics === null || topics.some((g) => gap(g, m) <= 60);
  const live = (m: { index: number; end: number } | null) => m !== null && !undercut(text, m) && near(m);
  if (live(at(text, HANDED_OFF))) return true;
  if (afterLaunchInTime(text, (c) => GOVERNANCE.test(c) && !undercut(c, at(c, GOVERNANCE)!))) return true;
  const dismissed = at(text, DISMISSED);
  // "Out of scope: legal text, which is translated by a human" lists what the product leaves out.
  if (live(dismissed) && !(/^out of scope|^\W*out of scope/i.test(text.slice(dismissed!.index)) && !GOVERNANCE.test(text.slice(0, dismissed!.index)))) return true;
  const deferred = at(text, DEFERRED);
  // A roster ("Partners: Head of IT, our DPO, … and Marketing only for the pre-need plans in phase 4") puts off
  // only the name the deferral stands next to.
  if (deferred && ROSTER.test(text) && !spans(text, GOVERNANCE_ALL).some((g) => gap(g, deferred) <= 40)) return false;
  return live(deferred) && !ITERATION.test(text) && !MEETS_REGULARLY.test(text) && !RECURRING.test(text);
}
