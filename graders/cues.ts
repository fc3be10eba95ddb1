/**
 * Cues the graders share. Each names a meaning from RUBRIC.md, not a phrasing from a fixture:
 * variants a careful reader treats alike are listed together.
 */

/** Customer or business outcomes a KPI can be tied to (RUBRIC: activation, time saved, retention, ARR uplift). */
export const OUTCOME =
  indexed(/\b(?:time[- ]to[- ](?!market\b)[a-z]+|(?:agent|analyst|reviewer|staff|manual|handling|lawyer|engineer|developer|adjuster|rep|recruiter|nurse|clinician|employee)s?'? (?:hours|time|effort|minutes|days|productivity)|hours? per|share of|completion rate|completeness|\bGMV\b|orders|bookings|sales|gross margin|margin|savings|complaints?|returns? rate|repeat purchases?|satisfaction|ratings?|containment|contained|self[- ]service|tickets? resolved|resolved tickets|cases? closed|claims? (?:processed|closed|settled)|leakage|fraud (?:caught|losses)|write[- ]offs?|hires? per|days to|turnaround time|SLA (?:met|attainment|compliance)|open rate|click[- ]through|CTR|activation|activat(?:e|ed) (?:users|accounts|customers)|retention|retain|churn|CSAT|NPS|customer satisfaction|satisfaction score|time[- ](?:saved|savings|to (?:value|resolution|resolve|first response|answer|close|decision|quote|hire|onboard))|(?:hours?|minutes?|days?) saved|sav(?:e|es|ing) (?:\d+|agents?|reps?|users?|analysts?|reviewers?)|handle time|handling time|\bAHT\b|resolution (?:rate|time)|resolved (?:without|by)|first[- ]contact resolution|\bFCR\b|deflection|self[- ]serve|self[- ]service rate|conversion|win[- ]rate|pipeline|\bARR\b|\bMRR\b|\bNRR\b|\bGRR\b|revenue|upsell|expansion|cost (?:per|to) (?:ticket|case|claim|contact|serve|resolution|review|lead)|adoption|(?:weekly|monthly|daily) active|\b[WMD]AU\b|active (?:users|accounts|teams)|engagement|productivity|throughput|cycle time|turnaround|backlog|first response time|response time|renewals?|\bLTV\b|\bCAC\b|sign[- ]?ups?|onboarding time|reply rate|meetings? booked|tickets? per (?:agent|hour)|claims? per|cases? per|accuracy of (?:answers|claims|triage|routing)|escalations? to (?:humans|agents|tier)|repeat contacts?|abandonment|qualified leads|time to hire|review time|approval time|processing time|errors? caught|defects? caught|bugs? caught|cost savings?|(?:support|ops|operating) costs?)\b/i);

/** Counts of activity that say nothing about customers (RUBRIC: vanity metrics). */
export const VANITY =
  indexed(/\b(?:logged in|log-?ins?|sign-?ins?|sessions? (?:started|opened)|conversations? started|messages? sent|prompts? (?:sent|submitted|written|issued|run)|(?:model|LLM|API|GPT) (?:calls|requests|invocations)|tokens? (?:generated|processed|consumed|used)|number of (?:AI )?(?:features|models|prompts|integrations|experiments|use cases|agents|pilots|demos)|(?:AI )?(?:features|models|agents|use cases) (?:shipped|launched|deployed|built|released)|messages generated|generations|queries (?:run|sent|processed)|page ?views|downloads|lines of code|press (?:mentions|coverage)|hackathons?|demos? (?:given|run)|POCs?|proofs? of concept|(?:AI )?experiments run|impressions|clicks on the AI button|times the (?:AI|assistant|bot) (?:was|is) (?:used|invoked|opened))\b/i);

/** A baseline and a target: "0% → 55%", "48% to 60%", "from 9 h to 4 h", "2.5 -> 0.5". */
export const BASELINE_TO_TARGET = indexed(/\b(?:against|compared (?:with|to)|versus|vs\.?) (?:about |around |roughly |~)?\d[\d.,]*\s?%?\s?(?:today|now|currently|at (?:baseline|present)|last (?:year|season|winter|summer))\b|\d[\d.,]*\s?(?:%|h\b|hours?|min(?:utes)?|days?|weeks?)[^.;]{0,40}\binstead of (?:the )?(?:current |today's |about |around )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a (?:day|week))|\d[\d.,]*\s?%?\s?(?:now|today|currently|at baseline|at present)\b[,;:]?\s+(?:and |to |→ )?[<>≤≥~]?\s?\d|\d[\d,.]*\s?(?:%|[kKmM]\b|h\b|hours?|min(?:utes)?|days?|s\b|\/\s?\d+|\/\w+)?\s?(?:→|->|=>|➝|to)\s?(?:under |below |above |over |at least |at most )?[<>≤≥~]?\s?[$€£]?\d/i);

/** Moving a number in a direction: a target even without the word "target". */
export const DIRECTION = indexed(/\b(?:reduc\w+|cut\w*|lower\w*|decreas\w+|increas\w+|improv\w+|grow\w*|rais\w+|lift\w*|boost\w*|doubl\w+|halv\w+|shorten\w*|speed(?:s|ing)? up|fall\w*|drop\w*|rise|rising|climb\w*|aim\w* (?:for|at|to)|reach\w*|get (?:down|up) to|go (?:down|up) to|by (?:a (?:third|quarter|half)|half))\b/i);

/** Model-quality measures: thresholds for governance, not customer outcomes by themselves. */
export const MODEL_QUALITY = indexed(/\b(?:accuracy|hallucinat\w*|groundedness|faithful\w*|toxic\w*|precision|recall|F1|latency|p9[59]|error rate|refusal rate|eval\w*)\b/i);

/** Words that announce a measure of success. */
export const KPI_WORD = indexed(/\b(?:KPIs?|metrics?|OKRs?|key results?|north[- ]star|success (?:criteria|measures?|metrics?)|targets?|goals?|measured by|we will measure|success looks like|exit criteria)\b/i);

/** A direction or a bar for a number: the number is a target, not a description. */
export const TARGET =
  indexed(/\b(?:increase|decrease|reduce|reduction|cut|improve|grow|growth|lift|raise|boost|lower|drop|fall|shrink|double|halve|aim(?:ing)? (?:for|at)|expect(?:ed)? to|should (?:fall|drop|rise|reach|be)|from \S+ to|to at least|at least|at most|no more than|up to|under|below|above|over|exceed|target|goal|reach(?:es|ed|ing)?|hit|achieve|≥|≤|>|<)\b|[+−-]\s?\d+(?:\.\d+)?\s?%|[↑↓→]|\bfrom\b[^.]{0,30}\bto\b/i);

/** The quality, safety and operating measures a governance threshold can be set on. */
export const GOV_METRIC =
  indexed(/\b(?:identif(?:y|ies|ied)|detect(?:s|ed)?|catch(?:es)?|find(?:s)?|flag(?:s|ged)?|spot(?:s)?|accepts?|accepted|approves?|keeps?|kept) (?:at least |over |more than |no fewer than )?\d+(?:\.\d+)?\s?(?:%|per ?cent\b)|\b(?:fabricat\w*|invented|made-up|within \d+(?:\.\d+)?\s?(?:%|per ?cent) of (?:the )?(?:measured|actual|real|observed|true|reference|recorded)|(?:error|reject(?:ion)?|override|escalation|complaint|refusal|failure|defect|match|acceptance|edit|hand-?over|fallback|abstention|pass) rates?|quality scores?|scores?|accuracy|accurate|correct\w*|incorrect|errors?|mistakes?|rated|ratings?|safe to|unsafe|harm\w*|precision|recall|F1|hallucinat\w*|groundedness|grounded|faithful\w*|factual\w*|citation (?:rate|accuracy)|toxic\w*|harmful|unsafe|offensive|bias|fairness|disparit\w*|parity|latency|p50|p9[059]|response time|time to first token|cost per|spend|error rate|failure rate|defect rate|escalation rate|complaints?|CSAT|thumbs[- ]down|negative feedback|PII|leak\w*|jailbreak\w*|prompt injection|refusal rate|override rate|drift|uptime|availability|SLA|SLO|false (?:positive|negative)s?|misroute\w*|wrong answers?|incorrect|quality score|eval(?:uation)? score|pass rate|win rate|satisfaction)\b/i);

/** A bar on a measure: comparator with a number, or a number with a unit. */
export const THRESHOLD =
  indexed(/[<>≤≥]=?\s?\d|\d[\d,.]*\s?%?\s?(?:or|and) (?:higher|more|above|better|less|lower|below|fewer|under)\b|\b(?:zero|no) (?:critical |major |severe )?(?:errors?|incidents?|defects?|leaks?|hallucinations?)\b|\b(?:below|above|under|over|at least|at most|no more than|no less than|less than|more than|greater than|fewer than|exceeds?|exceeding|drops? (?:below|under)|falls? (?:below|under)|rises? above|goes? above|minimum(?: of)?|maximum(?: of)?|max\.?|min\.?|threshold(?: of| is|:)?|target(?: of|:)?|cap(?:ped)? at|stays? (?:below|above|under)|within)\b[^.;]{0,25}\d|\d+(?:\.\d+)?\s?(?:%|per ?cent\b|ms\b|s\b|sec\b|seconds?\b|pp\b|percentage points?\b|bps\b)/i);

/** How a threshold is measured. */
export const MEASUREMENT =
  indexed(/\b(?:measured|measure (?:by|via|on|with|using)|evaluat(?:ed|ion) (?:on|against|with|using|set|suite|harness)|evals?\b|eval (?:set|suite|harness)|golden (?:set|dataset|questions)|test set|held[- ]out|benchmark|sampl(?:e|ed|es|ing)|human (?:review|rating|raters?|graders?|label\w*|audit)|LLM[- ]as[- ]a?[- ]?judge|dashboards?|monitored (?:by|via|in|with|through)|track(?:ed)? (?:in|via|by|with|on)|offline eval\w*|online eval\w*|A\/B|shadow (?:mode|traffic)|canary|audit(?:ed|s)? (?:of|weekly|monthly|quarterly)|red[- ]team\w*|spot[- ]check\w*|telemetry|logg(?:ed|ing)|rated by|labell?ed by|annotat\w*|classifier|automated (?:checks?|tests?|scoring)|user (?:feedback|reports|ratings)|feedback (?:button|widget)|weekly review of)\b/i);

/** Undoing a deployment. */
export const ROLLBACK =
  indexed(/\b(?:stop\w* (?:the )?(?:pilot|rollout|roll-out|feature|model|assistant|bot|service|launch|use)|(?:be |is |gets )?paused|suspend\w*|roll ?-?back\w*|rolled back|revert\w*|kill[- ]?switch\w*|turn(?:ed|ing)? (?:it |the (?:feature|model|assistant|bot) )?off|disabl\w+|switch(?:es|ed|ing)? (?:it |them |(?:the |our )?(?:\w+ ){1,2})?off|turns? (?:it |the \w+ )?off|fall ?-?back\w*|circuit[- ]breaker|pause\w* (?:the )?(?:rollout|feature|model|launch|deployment|assistant)|feature[- ]flag\w*|previous (?:model|version|release|prompt)|prior (?:model|version)|last known good|halt\w*|stop\w* the rollout|take (?:it |the \w+ )?offline|back(?:ing)? out|withdraw\w*|pause[sd]?|pausing|(?:return|go(?:es)? back|fall(?:s)? back|switch(?:es|ed|ing)? back)s? to (?:the )?(?:manual|old|previous|existing|former)|manual (?:mode|process|cataloguing|workflow|handling)|old (?:message|process|template|workflow|system)s?)\b/i);

/** Speed of a response. */
export const SPEED = indexed(/\bsame (?:working |business )?day\b|\bwithin (?:\d+|one|two|three|an?|24|48)\s?(?:-\s?)?(?:min(?:ute)?s?|hours?|h|hrs?|days?|business (?:days?|hours?)|working (?:days?|hours?)|weeks?)\b|\b\d+\s?(?:min(?:ute)?s?|hours?|hrs?)\b|\bimmediate(?:ly)?\b|\bsame[- ]day\b|\bautomatically\b|\bautomatic (?:roll ?-?back|switch\w*|fall ?-?back|revert\w*|pause|cut-?over|kill)|\binstant(?:ly)?\b|\bin real[- ]time\b/i);

/** Conditions that trigger an action. */
export const TRIGGER = indexed(/\b(?:if|when|whenever|once|should|triggers?|triggered|breach\w*|exceed\w*|drops? (?:below|under)|falls? (?:below|under)|rises? above|goes? above|crosses|violat\w*|upon)\b/i);

/** Sign-off and ownership. */
export const SIGNOFF =
  indexed(/\b(?:sign(?:s|ed|ing)?[- ]?off|approv\w*|accountable|decision[- ]?(?:maker|rights|owner)|decides?|final (?:say|call|decision)|owns?|owner|veto\w*|RACI|responsible for|must (?:approve|review|agree|sign)|go\/no[- ]go|authori[sz]\w*|endors\w*|ratif\w*|consulted|informed)\b/i);

/** Approving something: more than owning it. */
export const APPROVAL =
  indexed(/\b(?:sign(?:s|ed)?\b(?! up| in\b| out\b| language| posts?\b)|sign(?:s|ed|ing)?[- ]?off|signs? (?:after|before|when|once|for|on)\b|signs? (?:the |each |every |all |a )?(?:gates?|launch|release|DPIA|go|Gate \d)|approv\w*|veto\w*|go\/no[- ]go|must (?:approve|agree|sign|clear)|authori[sz]\w*|decides? (?:on|whether|if|when)|final (?:say|call|decision)|ratif\w*|endors\w*|clears? (?:the|each|every|a)|gatekeeper|RACI|accountable for (?:the )?(?:decision|launch|release|go))\b/i);

/** Owning something. */
export const OWNERSHIP = indexed(/\b(?:owns?|owner|owned by|accountable|responsible for|in charge of|leads?)\b/i);

/** Words of rhythm, for building cadence patterns. */
export const CADENCE_WORD =
  String.raw`weekly|bi-?weekly|fortnightly|monthly|bi-?monthly|quarterly|annual(?:ly)?|yearly|semi-?annual\w*|daily|every (?:\d+|two|three|six|other)? ?(?:weeks?|months?|quarters?|sprints?|days?)|each (?:week|month|quarter|sprint)|per (?:sprint|quarter|month|week)|twice (?:a|per) (?:week|month|quarter|year)|once (?:a|per) (?:week|month|quarter|year)|(?:half-?)?termly|(?:every|each|per) (?:half[- ])?term`;

/** Gates a sign-off can be on. */
export const GATE =
  indexed(/\b(?:launch\w*|gates?|go\/no[- ]go|GA\b|general availability|release\w*|deploy\w*|rollout|roll[- ]out|beta|pilot|production|model (?:change|update|swap|upgrade)s?|expan\w+|each phase|phase (?:exit|gate)|milestones?|go[- ]live|new use cases?|vendor|policy changes?|exceptions?)\b/i);

/** A review cadence. */
export const CADENCE =
  indexed(/\b(?:weekly|bi-?weekly|fortnightly|monthly|bi-?monthly|quarterly|annual(?:ly)?|yearly|semi-?annual\w*|daily|every (?:\d+|two|three|six|other)? ?(?:weeks?|months?|quarters?|sprints?|days?)|each (?:week|month|quarter|sprint)|per (?:sprint|quarter|month|week)|twice (?:a|per) (?:week|month|quarter|year)|once (?:a|per) (?:week|month|quarter|year)|(?:half-?)?termly|(?:every|each|per) (?:half[- ])?term)\b/i);

/** What a cadence applies to: a review or meeting. */
export const REVIEW = indexed(/\b(?:review\w*|meeting|meets|sync|council|board|committee|stand-?up|check-?ins?|retro\w*|reports?|reporting|audit\w*|readouts?|QBR|business review|steering|forum|syncs|demo day|read-?out|operating review)\b/i);

/** Cost lines a Year-1 model should cover. */
export const COST_LINES = {
  // The line that grows with use: model calls by name, usage or consumption, a deployment of the
  // model, or a price per unit of work ("€0.04 per inspection", "₹0.35 per case", "$5 / 1M tokens").
  inference: /\b(?:inference|LLM|(?:large )?language models?|model \(API\)|(?:AI|LLM|model|GenAI) APIs?|model (?:API|usage|calls|hosting|costs?|spend|deployment)|(?:provisioned|model|AI) (?:deployment|endpoint|capacity|throughput)|endpoints?|tokens?|API (?:costs?|spend|usage|calls|fees)|GPUs?|OpenAI|Anthropic|Azure OpenAI|Bedrock|Vertex|Gemini|Claude|GPT|compute|embeddings? (?:API|calls|generation)|usage|consumption|pay[- ]as[- ]you[- ]go|metered|transcription|speech[- ]to[- ]text|text[- ]to[- ]speech)\b|(?:[$€£¥₹]\s?\d[\d.,]*|\d[\d.,]*\s?(?:[$€£¥₹]|USD|EUR|GBP|INR|JPY|CHF|cents?|p\b|ct\b))\s?(?:per|\/|a|each)\s?(?:1[kKmM]\s|1,000\s|1,000,000\s|million\s|thousand\s)?(?!(?:month|year|week|day|hour|FTE|seat|licen[cs]e|user|head|person|annum|quarter)s?\b)[a-z]+/i,
  storage: /\b(?:storage|vector (?:db|database|store|index|search)|embeddings?|Pinecone|Weaviate|pgvector|Qdrant|Milvus|database|hosting|infra\w*|cloud|S3|bandwidth|logging|observability|monitoring tools?|search index|retrieval|platform)\b/i,
  people: /\b(?:people|headcount|FTEs?|engineers?|engineering|salar\w*|staff\w*|team|contractors?|ops|operations|support|on-?call|labell?ing|annotation|evaluation|human review\w*|reviewers?|PM|product manager|data scientists?|ML engineers?|SRE|vendor management|training)\b/i,
};

/** Acknowledged tensions between goods (RUBRIC: privacy, cost, latency, quality). */
/** `[^.]` spans in TRADEOFF_SOURCE must not stop at a decimal point ("costs about USD 0.12 a word, but"). */
const TRADEOFF_SOURCE = String.raw`\b(?:on )?the flip side\b|\bthe other side of the coin\b|\b(?:precision|recall|speed|cost|quality|latency|accuracy|privacy|coverage) over (?:precision|recall|speed|cost|quality|latency|accuracy|privacy|coverage)\b|\b(?:recall|precision)\b[^.;]{0,60}\bwould (?:drop|lower|cut|reduce|raise)\b[^.;]{0,30}\b(?:precision|recall)\b|\b(?:higher|more|better) (?:recall|precision)\b[^.;]{0,40}\bmeans (?:more|fewer|lower|higher)\b|\bthe (?:price|cost|downside|catch) (?:for|of) (?:this|that|it) is\b|\b(?:which|this|that) means we (?:give up|lose|accept|pay)\b|\bcosts? (?:about |roughly |around |~)?(?:\d+(?:\.\d+)?\s?(?:%|x)|[$€£]\s?[\d.,]+\w*(?: (?:a|per) \w+)?|\w+ times) (?:more|less|as much)\b[^.]{0,40}\bthan\b|\bat (?:some|a|the|an) (?:\w+ ){0,2}(?:extra|additional|higher|small|modest) (?:\w+ )?cost\b|\bin exchange\b|\b(?:costs?|is|are|runs?|takes?)\b[^.]{0,25}\b(?:\d+(?:\.\d+)?\s?x|\d+ times|twice|(?:three|four|five|ten) times|\d+(?:\.\d+)?\s?%|[$€£]\s?\d[\d.,]*|about \S+)\s*(?:more|less|as much|cheaper|slower|faster|pricier|the (?:small|large|cheap))\b[^.]{0,90}\bbut\b|\b(?:nicer|pricier|more per \w+|less per \w+|\d+(?:\.\d+)?\s?x cheaper|\d+(?:\.\d+)?\s?x (?:more|the cost))\b[^.]{0,80}\bbut\b|\bwe'?d rather \w+\b[^.]{0,100}\bthan\b|\b(?:judged|deemed|found) (?:it |that |this )?acceptable\b|\ban acceptable (?:loss|drop|cost|price|trade)\b|\bpros?:[^|]{0,200}\bcons?:|\b(?:rather than|instead of)\b[^.]{0,60}\b(?:cheaper|faster|slower|costlier|pricier|more per|less per|\d+(?:\.\d+)?\s?% (?:more|less))\b|\btrade-?offs?\b|\btrading (?:off|\w+ for)\b|\bat the (?:cost|expense) of\b|\bin exchange for\b|\bbalanc\w* (?:between|against|cost|quality|latency|speed|privacy|accuracy)|\b(?:instead of|rather than)\b[^.]{0,80}\b(?:accept\w*|at the cost|but|which (?:costs|adds|means|loses)|trade\w*|worth)\b|\b(?:even though|although|despite|albeit|even if)\b[^.]{0,60}\b(?:expensive|cheap\w*|slow\w*|fast\w*|cost\w*|latency|accura\w*|quality|privacy|risk\w*)\b|\b(?:instead of|rather than|over)\b[^.]{0,80}[:;,—–-][^.]{0,100}\b(?:faster|slower|cheaper|costlier|higher|lower|better|worse|\d+(?:\.\d+)?x)\b[^.]{0,80}\b(?:faster|slower|cheaper|costlier|higher|lower|better|worse|\d+(?:\.\d+)?x|cost)\b|\bmatters? more than\b|\boutweighs?\b|\bmore important than\b|\bwe chose\b[^.]{0,80}\b(?:over|instead of|rather than|vs\.?|versus|not)\b|\b(?:cheaper|faster|slower|costlier|more expensive|less accurate|more accurate|lower quality|higher quality|higher latency|lower latency)\b[^.]{0,40}\bbut\b|\bbut\b[^.]{0,40}\b(?:cheaper|faster|slower|costlier|more expensive|less accurate|more accurate|higher latency|lower latency|adds latency|costs more)\b|\b(?:hosted|managed API)s? (?:vs|or|versus)\b|\bcompromise\b|\bdownside\b|\bwe (?:accept|trade|prioriti[sz]e)\b|\bprioriti[sz]\w+ \w+(?: \w+)? over\b|\bsacrific\w*\b|\bworth the (?:extra )?(?:cost|latency)\b|\bcosts? (?:more|less) but\b|\bat a (?:higher|lower) (?:cost|price)\b|\btension between\b|\bon the other hand\b|\bthe price (?:of|is)\b`;
export const TRADEOFF = indexed(new RegExp(TRADEOFF_SOURCE.replaceAll('[^.]', '(?:[^.]|\\.(?=\\d))'), 'i'));


/** Levers that control AI cost. */
export const LEVER =
  indexed(/\b(?:reus(?:e|es|ed|ing)|translation memory|fuzzy match\w*|tiered (?:review|routing|models?)|off-?peak|compress\w*|cach(?:e|es|ed|ing)|batch(?:ing|ed|es)?|smaller (?:models?|LLMs?)|small(?:er)? model|distill\w*|quantiz\w*|rout(?:e|es|ed|ing|er)\b|model cascade|cascad\w*|cheaper model|mini model|rate[- ]limit\w*|token (?:budgets?|limits?|caps?)|max(?:imum)? tokens|prompt (?:compression|trimming|caching|optimi[sz]ation)|shorter prompts|context (?:trimming|pruning|window limits?)|reserved (?:instances|capacity)|committed[- ]use|commit\w* discounts?|savings plans?|spot instances|autoscal\w*|scale to zero|off-peak|volume discounts?|negotiat\w*|self-?host\w*|open[- ](?:source|weight) models?|usage caps?|quotas?|spend (?:caps?|alerts?|limits?)|budget alerts?|fine-?tun\w* (?:a )?smaller|retrieval (?:to reduce|instead)|dedup\w*|truncat\w*)\b/i);

/** Red flag: buzzwords the rubric names and their kin. */
export const BUZZWORD =
  indexed(/\bAI[- ]first\b|\bleverag\w* (?:Gen(?:erative)? ?AI|AI|LLMs?|machine learning|ML|synerg\w*|cutting[- ]edge)\b|\b(?:10|100|1000)x\b(?! (?:normal|more|higher|lower|the (?:usual|normal)|volume|traffic|load|peak|during|on))|\bsynerg\w*|\bgame[- ]chang\w*|\brevolutioni[sz]\w*|\bcutting[- ]edge\b|\bnext[- ]gen(?:eration)?\b|\bworld[- ]class\b|\bparadigm shift\w*|\bdisrupt(?:ive|ing|s)?\b(?! (?:rebooking|management|handling|recovery|response|alerts?))(?<!flight disrupt\w*)|\btransformative\b|\btransform(?:s|ing)? (?:the|our|every)\b|\bbest[- ]in[- ]class\b|\bsupercharg\w*|\bunlock\w* (?:value|the (?:full )?power|potential|growth)\b|\bAI[- ](?:powered|driven|native)\b|\bhyper-?personali[sz]\w*|\bbleeding[- ]edge\b|\bstate[- ]of[- ]the[- ]art\b|\bmagic(?:al)?\b|\bseamless\w*|\bholistic\w*|\bmoonshot\w*|\bdemocrati[sz]\w*|\bGenAI\b|\binfus\w* AI\b|\bembrace AI\b|\bAI transformation\b|\bintelligent automation\b|\bempower\w*|\bsuper-?app\b|\bexponential\w*|\bfuture-?proof\w*|\bcognitive\b|\bthought leader\w*|\breimagin\w*|\bwith AI at the (?:core|heart)\b|\bcategory[- ](?:defining|leading|creating)\b|\b(?:the )?(?:AI|market|industry) leader\b|\bbest[- ]of[- ]breed\b|\brevolutionary\b|\bbreakthrough\b/i);import { indexed } from '../src/grading/prefilter.js';

