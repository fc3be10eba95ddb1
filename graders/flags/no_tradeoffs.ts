import { indexed } from '../../src/grading/prefilter.js';
import { isRejectedOrQuoted, pickEvidence, quote } from '../../src/grading/text.js';
import type { FlagDetector } from '../../src/grading/types.js';
import { TRADEOFF } from '../cues.js';
import { readAsCriticalFlag, readerTradeoffs } from './reader.js';

// A tradeoff weighs goods of different kinds: one option is better on one axis and worse on
// another. So a passage acknowledges one when it joins two different axes with a word of cost or
// contrast ("adds 300 ms per query but lifts accuracy", "keeps data in the VPC at €14k/month
// more", "fewer slurs on screen, more false blocks"). Talk about tradeoffs without weighing any
// ("we will balance tradeoffs", "see appendix", "no real trade-off") is not one.
const AXES: Record<string, RegExp> = {
  cost: indexed(/\b(?:free|revenue|premium|pay(?:ing|s)?|paid|dearer|pricier|money|sav(?:e|es|ed|ing|ings)|per hour|hourly|storage|memory|workload|agent time|manual (?:queue|work|effort)|costs?|costly|cheap\w*|expensive|price\w*|pricier|bills?|spend\w*|budget|margin|tokens?|GPUs?|compute|FTEs?|licen[cs]es?|one-off|\d+(?:\.\d+)?x|\d+ times|twice|double[sd]?|triples?|halves|a (?:fifth|third|quarter) of)\b|[$€£¥₹]\s?\d/i),
  speed: indexed(/\b(?:\d+(?:\.\d+)? hours? (?:to|longer|slower|more|per)|hours? longer|overnight|live in (?:days|weeks)|in (?:days|weeks) rather than|time to (?:market|launch)|latency|slow\w*|fast\w*|speed\w*|quick\w*|\d+\s?ms|seconds?|\d+(?:\.\d+)?\s?s\b|minutes?|delays?|real-?time|batch\w*|waits?|waiting|go cold|turnaround|throughput|p9\d|feels? (?:fast|broken|slow))\b/i),
  quality: indexed(/\b(?:can'?t read|current|weaker|a notch (?:weaker|worse|lower)|richer|more detailed|better copy|WER|error rate|refuses?|refusing|complete(?:ness)?|newest model|latest model|ratings?|dropp\w* (?:the|a|an)|caveats?|read flat|rewr(?:ote|ite|iting)|rework\w*|miss(?:es|ed|ing)?|adapt\w*|personali[sz]\w*|explanations?|explainab\w*|interpretab\w*|under-?represent\w*|optimistic|experts?|clinicians|specialists|domain knowledge|quality|accura\w*|correct\w*|better|worse|sharper|blurrier|safer|safety|trustworth\w*|reliab\w*|can'?t (?:handle|find|run)|harder to|less (?:accurate|precise)|we lose (?:some|a bit|a little)|lose (?:some|a bit|a little) of|recall\w*|precision|errors?|wrong\w*|mistakes?|hallucinat\w*|\d+ (?:points?|pts)|resolv\w*|intents?|reasoning|safer|stale|refusals?|false (?:blocks?|positives?|negatives?|approvals?)|escalations?|regressions?|struggles?|confus\w*|tone|catches|misses|transcripts?|screws? up)\b/i),
  privacy: indexed(/\b(?:no (?:[\w-]+ ){0,2}(?:photos|data|records|images|documents|files|text) (?:leaves?|go(?:es)? to)|(?:only )?in the [\w-]+ region|data cent(?:re|er)s?|consent|(?:patient|health|medical|pupil|student|employee) (?:data|records|information)|(?:never )?leaves? the (?:building|premises|site|hospital|country)|data stays? with us|in-region|in region|data residency|residency|off our servers|on our (?:own )?servers|EU-only|sovereignty|browsing history|per-user (?:data|history)|not to store|data in the (?:EU|UK)|in Frankfurt|go(?:es)? outside (?:the |our )?(?:[\w-]+ )?(?:network|company|country|EU|region)|stays? in (?:the )?(?:EU|UK|US|country|region)|leaves? the (?:EU|UK|country|region)|personal data|PII|whereabouts|(?:live|precise|exact|real-?time) locations?|location (?:data|history|tracking)|customer (?:records|emails|data)|shouldn'?t see|oversharing|access control|retention|privacy|private|data (?:leaves|residency|stays|exposure)|leave (?:the|our) (?:EU|tenant|network|VPC|country)|residency|GDPR\w*|VPC|on-?prem\w*|on-device|exposure|breach|audit trail|redact\w*|wrong people|US-hosted|EU-hosted|(?:UK|EU|US) (?:South|West|North|East|region)|Frankfurt region)\b/i),
  reach: indexed(/\b(?:CTR|conversion|engagement|\d+% of (?:our )?(?:\w+ )?(?:users|customers|tenants|clients|members|patients|students|staff|stores)|lets us|enables? us|widen\w*|more (?:students|users|customers|stores|languages|markets)|reach|adoption|no longer switch|productivity|copy-paste|generation behind|churn|annoy\w*|capacity|languages|coverage|power users|free tier|offline|generation behind|caps? throughput)\b/i),
  control: indexed(/\b(?:blast radius|debugging|consent flows?|stricter filtering|liabilit\w*|audit trail|write access|read-only|retrain\w*|maintenance|ops staff|control|flexib\w*|fallback|say over|upgrades?|lock(?:s|ed)?[- ](?:us )?in)\b/i),
};
/** The gain said to exceed the cost: a business case, not a choice between goods. */
const PAYBACK = /\b(?:benefits?|returns?|value|savings?|revenue|gains?|upside|payback)\b[^.;]{0,80}\b(?:much |far |well |a lot |way )?(?:more|bigger|greater|larger|higher) than the (?:cost|costs|price|spend|investment|bill)\b/i;
/** A word that sets one side against the other. */
const WEIGHING = indexed(/\b(?:(?:is|are|goes|runs) (?:lower|higher|slower|worse) than|means we (?:can'?t|cannot)|entails|which (?:[\w-]+ ){0,2}(?:has|have) accepted|vs\.?(?=\s)|versus|costs? us(?! (?:about |roughly |around |~)?(?:[A-Z]{0,2}[$€£¥₹]|USD|EUR|GBP|AUD|CAD|NZD)\s?\d)|(?:a|one) (?:quarter|third|fifth|half|fraction|tenth) of the (?:price|cost)|so we (?:only|just|limit|restrict|start|launch|keep|pay|chose|take|accept|use|run)|we settled on|accept(?:ed|s)? (?:that|this|it)|to avoid|the catch (?:is|here)|but|though|although|even though|whereas|it also|but also|and (?:doubles|triples|adds|costs|slows|loses)|means (?:we'?re|we are|we lose|we give up)|at the (?:cost|price|expense|risk) of|in exchange for|in return|the trade(?:-?off)? is|gives? up|we lose|loses|rules? out|locks? us in|downside|we pay|we accept|more than the|less than the|paid for (?:with|by)|comes? at|with the risk (?:of|that)|so\b[^.;]{0,40}\bwe (?:only|just|keep|limit|accept))\b|,\s?(?:at|with) (?:roughly |about |around |~)?(?:[$€£¥₹]\s?)?\d[\d.,]*\w*(?:\/\w+)? more\b|\bcon:/i);
const WEIGHING_ALL = indexed(new RegExp(WEIGHING.source, 'gi'));
/** Choosing the worse option on one axis on purpose: "we take the slower answer". */
const ACCEPTED_DOWNSIDE = indexed(/\b(?:renounce|give up|giving up|forgo|sacrific\w+|do without)\w* (?:to )?(?:the )?(?:best|top|largest|strongest|better|most accurate)\b|\baccept(?:s|ed|ing)? (?:a |an |the )?(?:[\w-]+ ){0,2}(?:reduction|decrease|degradation)\b|\b(?:judge|consider|deem|find|call)\w* (?:the|this|that) (?:loss|drop|hit|cost|penalty|delay|premium) (?:acceptable|worth (?:it|paying)|tolerable)\b|\bwe (?:keep|accept|live with|take) the (?:delay|slowdown|extra (?:cost|latency|spend)|premium|penalty)\b|\bso we\b[^.;]{0,60}\baccept (?:that|some|a|the)\b|\baccept(?:s|ed|ing)? (?:a |an |the )?(?:(?!(?:after|other|under|over|never|ever|either|order|number|per)\b)\w{3,}er|less \w+|worse|weaker|lower) \w+|\baccepting (?:the |a |an )?(?:slower|costlier|more expensive|pricier|less accurate|weaker|longer|higher)\b|\baccept(?:s|ed|ing)? (?:the |a |an )?(?:[\w-]+ ){0,2}(?:drop|loss|hit|penalty|delay|increase|slowdown)\b|\b(?:take|accept|choose|chose|prefer|pick|picked|go with|went with|pay for) (?:the |a )?(?:slightly |somewhat |a bit )?(?:slower|costlier|more expensive|pricier|less accurate|worse|weaker|bigger and slower|smaller and less accurate)\b|\baccept(?:s|ed|ing)? (?:some|a bit of|a little|occasional|more) [\w-]+/i);
/** Choosing the better option on purpose; with a cost in the same sentence it is a price paid for quality. */
const PAY_FOR_BETTER = indexed(/\b(?:we|I) (?:are |'re |will |'ll )?(?:take|taking|choose|choosing|pick|go(?:ing)? with|pay(?:ing)? for|keep|buy(?:ing)?) (?:the )?(?:better|safer|larger|bigger|more accurate|premium)\b/i);
const EMPTY_TALK = indexed(/\b(?:isn'?t|is not|not) (?:allowed|permitted|an option)\b[^.]{0,60}\banyway\b|\b(?:vs\.?|versus)\b[^.]{0,40}\bwill (?:evaluate|compare|decide|assess)\b|\btrade-?off (?:analysis|section|discussion)\b[^.]{0,40}\b(?:will be|to be|TBD|later|after)\b|\b(?:vs\.?|versus)\b[^.]{0,30}\bwill be (?:monitored|tracked|reviewed|assessed|evaluated|decided)\b|\bwin-win\b|\b(?:will|to|we'?ll|must|should) balance (?:[\w-]+ )?(?:cost|speed|quality|latency|privacy|accuracy) (?:and|with|against) (?:[\w-]+ )?(?:cost|speed|quality|latency|privacy|accuracy)\b|\btrade-?offs? considered\b|\bwill (?:evaluate|compare|decide|assess)\b[^.]{0,40}\b(?:vs\.?|versus)\b|\b(?:will|to|we'?ll|must|should) (?:balance|make|consider|manage|weigh|review|assess|find|evaluate|discuss|optimi[sz]e)\b[^.]{0,40}\b(?:trade-?offs?|balance)\b|\bsee (?:the )?(?:appendix|below|section|slide)\b|\bno (?:real |significant |major )?trade-?offs?\b|\bright balance\b|\btrade-?offs? (?:will|are to) be\b/i);

/**
 * The price paid, on the far side of a contrast or beside a saving: "but users lose same-day
 * insights", "adds roughly 1.2 s", "strips context", "though it underrepresents rare conditions".
 */
const PRICE = indexed(/\b(?:can no longer|(?:cannot|can'?t) (?:account for|prefer|use|see|take into account)|(?:decreases?|drops?|suffers?|gets? worse) (?:a little|slightly|somewhat|a bit)|scores? \d+(?:[.,]\d+)? (?:points?|pts|%) lower|(?:lowers?|reduces?|hurts?) (?:the )?recall|quality gap|eat (?:the|our) margin|up to \d+ (?:days?|hours?|weeks?) old|limits? the (?:detail|length|depth)|(?:doubles?|triples?) (?:the )?(?:inference |compute |token |model )?cost|cruder|coarser|clums\w*|staler|blander|robotic|out of date|more (?:work|cases|load|noise|storage|effort)|quadruples?|(?:doubled?|doubles|tripled?|triples|quadrupled) (?:the |our |their )?(?:number|volume|load|workload|amount|queue|cost|bill|time|effort)\b|misfires? more|stops? us|limited to|(?:has|gives?|says? it has) no answer|no answer to|(?:a bit |a little |slightly |somewhat )?less (?:pertinent|exact|precise|specific|reliable|current|timely|readable|fluent)|(?:will be|is|gets?) (?:a (?:little|bit) |slightly |somewhat )?(?:less|lower|worse)\b|reduc\w* (?:the )?(?:coverage|recall|accuracy|quality|freshness)|widens? (?:our |the )?(?:exposure|attack surface|risk)|becomes? (?:about |roughly )?\d+(?:\.\d+)? ?(?:times|x)|(?:get|gets|are|is) missed more|more (?:personal|patient|customer|sensitive) data|more generic|than (?:it|they) could be|drops? (?:some|a few|part|most|many)|(?:reduces?|lowers?|cuts?) (?:the )?(?:[\w'’-]+ ){0,3}(?:AUC|accuracy|recall|precision|F1) from|(?:higher|more) (?:[\w-]+ )?(?:error|miss|WER)\w*|\d+ (?:points?|pts) lower|lower on|slightly (?:reduces?|lowers?|hurts?|worsens?)|preempt\w*|run late|risk that|next morning|instead of in real time|more misroutes|lose|loses|losing|lost|weaker|worse|hurts?|frustrat\w*|rules? out|under-?represent\w*|sacrific\w*|gives? up|give up|stale|wade through|false (?:alarms?|positives?|refusals?|blocks?)|less (?:accurate|fresh|detailed|useful|complete|natural|personal|relevant)|slower|costs? more|more expensive|pricier|fewer|misses|miss out|hated|annoy\w*|costs? us|underperform\w*|lag\w*|takes? (?:up to|longer)|can'?t be|miss(?:es)?|go(?:es)? unnoticed|bland|unreadable|run late|preempt\w*|dilute\w*|more misroutes|\d+% more \w+|catch later|burns?|less \w+ly|says? '?I don'?t know|refus(?:es|als?)|weak(?:er)? (?:one|model)|ties? (?:us|the model|it) to|locks? (?:us|it) in|adds?|slows?(?! (?:momentum|progress|adoption|(?:us|them|things|everyone|everything|the (?:project|pilot|rollout|team|launch|programme|program)) down|the (?:project|pilot|rollout|launch|team|programme|program))\b)|los(?:e|es|ing)|strips?|shrinks?|risks?|doubles?|triples?|less (?:accurate|useful|fresh|complete)|weaker|worse|harder|more (?:noise|time|work|false|expensive)|go(?:es)? up|rises?|annoys?|frustrat\w*|under-?represent\w*|(?:don'?t|doesn'?t|won'?t) show up|get nothing|stale|next (?:day|morning)|sound the same|blocks? (?:more|legitimate|ordinary)|flags? (?:about |roughly )?\d|shrink\w*|blurs?|blurring|eats? (?:into|up|a (?:third|quarter|half|fifth)|most|much|half)|eating (?:into|up)|raises? (?:the )?(?:cost|price|bill|latency|spend)|less nuanced|(?:weeks|days|hours) (?:late|stale)|accept some \w+|times (?:longer|slower|costlier|more expensive)|vaguer|blurrier|noisier|get (?:worse|slower|vaguer|longer)|leaves? (?:our|the) (?:[\w-]+ )?(?:warehouse|network|building|country|region|EU|premises|servers?|tenant|VPC)|buys? (?:us )?more (?:false|errors?|work|cost)\w*|mislabel\w*|misclassif\w*|misread\w*|drops? from \d+(?:\.\d+)?\s?%? to \d+|less (?:data|training data|signal|context))\b|\bshorter,/gi);/** Not a loss but a limit kept: "accuracy must not drop", "without losing quality". */
const NEGATED_LOSS = /\b(?:not|never|no|without|n't|must not|won't|cannot|before(?:\s+the)?)\s+(?:\w+\s+){0,2}$/i;
/** Is a price named in the text, and not negated? */
function priced(text: string): boolean {
  for (const l of text.matchAll(PRICE)) if (!NEGATED_LOSS.test(text.slice(Math.max(0, l.index - 25), l.index))) return true;
  return false;
}
/** The weighing words that set a good against what follows. */
const CONTRAST = /^(?:but|though|although|even though|whereas|at the (?:cost|price|expense)|in exchange|in return)\b/i;
/** Two goods that cannot be had together ("we can't have sub-second responses and full citation checking at the same time", "the more autonomous, the bigger the blast radius"), or a price judged worth it ("the larger model is the better trade"). */
const EXCLUSIVE = indexed(/\b(?:better|stronger|faster|cheaper|fresher)\s+[\w-]+(?:\s+[\w-]+)?,\s*(?:but\s+)?(?:clearly |much |noticeably |slightly |a bit |somewhat )?(?:worse|weaker|slower|costlier|pricier)\s+[\w-]+|\b(?:privacy|safety|accuracy|quality|speed|cost|latency|coverage|freshness)\b (?:comes?|go(?:es)?) (?:before|ahead of|first,? before) (?:[\w ]{0,25})?\b(?:privacy|safety|accuracy|quality|speed|cost|latency|coverage|convenience|freshness)\b|,\s*(?:but )?with (?:a |an )?(?:cruder|coarser|weaker|worse|simpler|less (?:accurate|precise|capable))\b|\bcan live with\b|\bwe (?:pay|spend) more\b[^.;]{0,40}\bto (?:keep|get|have|protect|avoid|stay)\b|\bfewer [\w-]+(?: [\w-]+){0,2},\s*(?:blander|flatter|duller|slower|vaguer|weaker|worse|costlier|pricier|longer)\b|\bit also makes [\w-]+ (?:the (?:biggest|largest|most expensive)|more expensive|slower)\b|\b(?:and|we) live with\b|\bbut (?:it |this |that )?(?:doubles?|triples?|increases?|widens?|expands?|adds? to|enlarges?) (?:the |our )?(?:privacy|security|attack|data|risk) (?:surface|exposure|footprint|risk)\b|\b(?:adds?|costs?|takes?|means)\b[^.;]{0,50}\b(?:latency|seconds?|minutes?|ms|more|extra|slower|delay)\b[^.;]{0,30},? which (?:is|we (?:judge|consider|find|call)) (?:acceptable|fine|worth it|tolerable|a fair price)\b|\bwould (?:need|require|cost|take)\b[^.;]{0,60}\b(?:can'?t|cannot|couldn'?t) afford\b|(?:[$€£¥₹]\s?[\d.,]+\s?[kKmM]?|\d+\s?%) extra\b[^.;]{0,40}\bfor (?:about |roughly |only |just )?(?:one|a|\d+) (?:more|extra|additional|fewer)\b|,\s*(?:but )?with (?:a |an )?(?:roughly |about |~)?(?:\d+(?:\.\d+)?\s?(?:%|pts?|points?) )?(?:slightly |somewhat |marginally |noticeably |a bit )?(?:(?:higher|more) (?:[\w-]+ ){0,2}(?:error|miss|WER|latency|false)\w*|(?:lower|worse|weaker|less) (?:[\w-]+ ){0,2}(?:accuracy|recall|precision|quality|F1|coverage))|[$€£]\s?[\d.,]+[^.;\n]{0,40}\b\d+(?:\.\d+)? ?(?:pts?|points?|%) (?:lower|worse|less)\b|\bfewer \w+[^.;]{0,40}\bbut (?:more|less)\b|\b\d+\s?ms\s?(?:->|→|to)\s?\d+\s?ms\b[^.;]{0,30}[−-]\s?\d+(?:\.\d+)?\s?(?:pts?|points?|%)\s?(?:of )?(?:accuracy|quality|F1|recall|precision)\b|\bevery (?:extra |additional )?(?:point|percent|%) of \w+\b[^.;]{0,60}\b(?:buys?|costs?|adds?|means?)\b|\|\s*(?:slower|costlier|pricier|more expensive|lower \w+|less \w+)(?:,\s*(?:slower|costlier|pricier|more expensive|lower \w+|less \w+))*\s*\|\s*\S|\bless (?:data|training data|signal|context)\b[^.;]{0,60}\bless (?:exposure|risk|cost)\b|\bfewer [\w-]+(?: [\w-]+)?,\s*more (?:false|wrong|missed|incorrect|unnecessary|manual|blocked|errors?|refusals?|escalations?|complaints?|delays?|cost)\b|\b(?:quality|accuracy|recall|precision): (?:higher|better|up)\b[^.]{0,40}\b(?:cost|price|latency): (?:higher|up|worse)\b|\bmore \w+[^.;]{0,40}\bbut (?:fewer|less)\b|\b(?:eats?|eating) (?:into |most of |much of )?(?:our )?margins?\b|\brather not spend\b[^.]{0,40}\bbut\b|\b(?:we (?:accept|chose|choose|take) (?:it|that|this|the \w+)\b[^.]{0,30}\bbecause\b|\bwe keep (?:it|that|this)\b[^.]{0,30}\bbecause\b|\bthe price (?:we|I) (?:chose|choose|are willing|were willing|pay)\b|\bwe live with\b|\b(?:we|I) (?:give|gave) up (?:some |a bit of |a little )?\w+)|\bmeans (?:giving up|losing|missing|sacrificing)\b|\b(?:tighter|stricter|more strict|heavier|stronger|more aggressive)\b[^.;]{0,60}\b(?:lowers?|reduces?|cuts?|drops?|hurts?)\b[^.;]{0,30}\b(?:F1|accuracy|recall|precision|AUC|quality|conversion|coverage|fluency)\b|[−-]\s?\d[\d.]*\s?%?\s?(?:[\w-]+ )?(?:cost|spend|latency)\b[^.;]{0,30}[−-]\s?\d[\d.]*\s?(?:pts?|points?|%)\s?(?:of )?(?:accuracy|quality|F1|recall|precision)\b|\bthe better trade\b|\ba (?:good|fair|reasonable|worthwhile) trade\b|\bworth the (?:extra |higher )?(?:cost|money|price|premium|spend)\b|\b(?:can'?t|cannot|can not) have (?:both\b|[^.;]{3,80}\b(?:at the same time|at once|simultaneously))|\bthe (?:more|less|higher|lower|bigger|smaller|faster|cheaper|stricter|tighter|longer|shorter)\b[^.;]{0,60},\s*the (?:more|less|fewer|higher|lower|bigger|smaller|slower|faster|worse|better|longer)\b/i);

/** One good put before another on purpose: "we're choosing warmth over speed", "prioritise safety ahead of speed". */
const CHOSEN_OVER = indexed(/\b(?:choos(?:e|es|ing)|chose|chosen|prefer(?:s|red|ring)?|prioriti[sz](?:e|es|ed|ing)|favou?r(?:s|ed|ing)?|put(?:s|ting)?|pick(?:s|ed|ing)?|value[sd]?|valuing) ([\w-]+(?: [\w-]+)?) (?:over|ahead of|above) ([\w-]+(?: [\w-]+)?)/i);
/** One option chosen over another for a reason; a tradeoff only when the reason is about a good (cost, speed, quality…), not a format choice. */
const CHOICE_WITH_REASON = indexed(/\b(?:instead of|rather than)\b[^.]{0,80}\b(?:because|since|so that)\b/i);
/** Paying more: "at about 4x the price", "the price is about 5 times", "pricier". */
const COST_UP = indexed(/[$€£]\s?[\d.,]+\s?[kKmM]? more (?:per|a|each)\b|\bcosts? (?:us )?an extra\b|\bcosts? (?:about |roughly |around |~)?[$€£]?\s?[\d.,]+\s?[kKmM]?(?:\/\w+)? more\b|\bat (?:about |roughly |around |~)?(?:[$€£]\s?[\d.,]+\s?[kKmM]?(?:\/\w+)? extra|(?:double|twice|triple)\b)|\b(?:at |for )?(?:about |roughly |around |~)?(?:\d+(?:\.\d+)?\s?[x×]|twice|double|triple|(?:two|three|four|five|six|ten) times) (?:the )?(?:[\w-]+ ){0,2}(?:price|cost|spend|bill)\b|\b(?:the )?(?:price|cost) is (?:about |roughly |around |~)?(?:\d+(?:\.\d+)?|two|three|four|five|six|ten)\s?(?:times|[x×])|\b(?:more expensive|pricier|costlier|costs? more)\b|\bpay (?:about |roughly |~)?\d+(?:\.\d+)?\s?% more\b|\bcosts? (?:about |roughly |around |~)?(?:\d+|two|three|four|five|ten) times more\b|\bat a (?:[\d–.-]+\s?%|small|big|large|significant|hefty|modest) premium\b|\b(?:about |roughly |around |~)?\d+(?:\.\d+)?\s?% more (?:cost|spend|expensive)\b/i);
/** Paying less: "small ~6× cheaper", "halves the cost". */
const COST_DOWN = indexed(/\b(?:[\w-]+ )?costs? (?:drop|fall|go down|come down)\w*|\bhalf the (?:price|cost)\b|[−-]\d+\s?%\s?(?:[\w-]+ )?cost\b|\bcheap\b|\b(?:\d+(?:\.\d+)?\s?[x×] |(?:two|three|four|five|six|ten) times |much |far )?cheaper\b|\b(?:halves|cuts?|saves?) (?:the )?(?:[\w-]+ )?(?:cost|bill|spend)\b/i);
/** Worse on some good, said in passing: "drafts noticeably flatter in tone". */
const NOTICEABLY_WORSE = indexed(/\b(?:noticeably|measurably|visibly|slightly|somewhat|a bit|a little|clearly) (?:(?!(?:better|faster|cheaper|safer|stronger|sharper|quicker|greater)\b)\w+er|less \w+|worse|weaker)\b/i);

/** A good bought, on the near side of the contrast: "reduces invented citations", "protects privacy", "keeps prices accurate". */
const GAIN = indexed(/\b(?:no (?:fee|fees|charge|charges|licen[cs]e fee|usage fee)s? (?:per|for|on)\b|free of charge|no problem (?:when|if)|still works?|keeps? working|better privacy|more privacy|works? offline|working offline|zero latency|no (?:vendor )?bill|nothing (?:[\w-]+ ){0,3}(?:goes|leaves|is sent)|no (?:[\w-]+ ){0,2}(?:audio|data|photos|records|images|recordings|text) (?:leaves?|go(?:es)?|is sent)|no (?:[\w-]+ )?records\b|in-house|finds? (?:smaller|more)|needs? (?:\d+x |far |much )?less|supports?|newer|more (?:exact|precise)|anonymi[sz]\w*|redact\w*|de-?identif\w*|encrypt\w*|sharper|more precise(?:ly)?|fresh|affordable|stable|fewer \w+|keeps? (?:\w+ )?(?:down|low|fresh|affordable|current)|instant|safer|fresher|never (?:invent|hallucinat|leak|miss)\w*|reduc\w*|improv\w*|lift(?:s|ed)?|protects?|keeps?|sav(?:e|es|ing)|gives?|lets?|satisf\w*|avoids?|increas\w*|catch\w*|boosts?|cuts?|halve[sd]?|speeds? up|cheap(?:er)?|faster|more (?:accurate|useful|consistent|complete|relevant|natural|fluent)|better|fixes|stops?|spares?|prevents?|sharpen\w*|explainable|auditable|traceable|transparent|are gone|is gone|fits on (?:one|a single)|less exposure|less risk)\b/i);
const FORCED = /\b(?:forces?|forced|pushes?|pushed|drives?|obliges?|obliged) us (?:onto|to|towards?|into|back to)\b/i;
/** A price joined by "and": strong enough words only. */
const STRONG_PRICE = indexed(/\band (?:also )?(?:annoys?|frustrates?|blocks?|slows?|slowed|burns?|doubled?s?|tripled?s?|loses?|lost|multiplies|multiplied)\b/i);
/** An amount paid, said right after a contrast: "but costs around €900". */
const AMOUNT_PAID = /^\s*(?:it |that |this )?costs? (?:(?:around|about|roughly|nearly|almost|over|some|~)\s?)?(?:[$€£¥₹]\s?\d|\d[\d.,]*\s?(?:[kKmM]\b|EUR|USD|GBP|CHF))/i;
/** A contrast between the two: but, yet, though, however. */
const TURN = /\b(?:but|yet|though|although|however|whereas|while(?= \w+ing\b))\b|;/gi;
const HAS_TURN = new RegExp(TURN.source, 'i');

/** The axes a stretch of text speaks of. */
function axesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const [axis, re] of Object.entries(AXES)) if (re.test(text)) out.add(axis);
  return out;
}

/**
 * Quantified changes that pull opposite ways on different goods: "-45 % inference cost | -5 pts accuracy",
 * "latency 2.1 s -> 0.6 s | accuracy 96 % -> 93 %", "+6 pts completeness, 2.3x tokens per query".
 */
const NEGATIVE_MEASURE = /\b(?:WER|errors?|mistakes?|misses|missed|hallucinat\w*|complaints?|false (?:positives?|negatives?|alarms?)|escalations?|rework|defects?|misroutes?|wrong)\b/i;
const QUALITY_MEASURE = /\b(?:accura\w*|quality|complete\w*|recall|precision|F1|AUC|faithful\w*|catch(?:es)?|coverage|pts|points|resolution rate|CSAT)\b/i;
/** Higher is better: throughput. */
const RATE_MEASURE = /\b(?:throughput|per (?:second|minute|hour)|requests\/s)\b/i;
const SPEED_MEASURE = /\b(?:latency|seconds?|\d+(?:\.\d+)?\s?(?:s|ms|sec)|response time|turnaround)\b/i;
const COST_MEASURE = /\b(?:costs?|spend|price|bill|tokens?|FTEs?|inference|EUR|USD|GBP|CHF)\b|[$€£¥₹]/i;
const ARROW = /(\d+(?:[.,]\d+)?)\s?(?:%|s|ms|pts)?\s?(?:->|→|=>)\s?(\d+(?:[.,]\d+)?)/;
const GOES_UP = /(?:^|[\s|(])\+\s?\d|\b\d+(?:\.\d+)?\s?[x×]\b|\b\d+(?:\.\d+)?\s?%\s?more\b|\b(?:doubles?|triples?|more)\b/i;
const GOES_DOWN = /(?:^|[\s|(])[-−–]\s?\d|\b\d+(?:\.\d+)?\s?%\s?(?:less|fewer|lower|cheaper)\b|\b(?:cuts?|reduc\w*|halves|fewer)\b/i;
function opposedMoves(text: string): boolean {
  if (!/\d/.test(text)) return false;
  const gains = new Set<string>();
  const losses = new Set<string>();
  for (const seg of text.split(/\s\|\s|[;,]\s|\.\s/)) {
    const arrow = ARROW.exec(seg);
    const dir = arrow ? Math.sign(Number(arrow[2]!.replace(',', '.')) - Number(arrow[1]!.replace(',', '.'))) : GOES_DOWN.test(seg) ? -1 : GOES_UP.test(seg) ? 1 : 0;
    if (dir === 0) continue;
    const axis = NEGATIVE_MEASURE.test(seg) ? 'bad' : QUALITY_MEASURE.test(seg) ? 'quality' : RATE_MEASURE.test(seg) ? 'rate' : SPEED_MEASURE.test(seg) ? 'speed' : COST_MEASURE.test(seg) ? 'cost' : undefined;
    if (!axis) continue;
    const good = axis === 'quality' || axis === 'rate' ? dir > 0 : dir < 0;
    const name = axis === 'bad' ? 'quality' : axis === 'rate' ? 'speed' : axis;
    (good ? gains : losses).add(name);
  }
  for (const g of gains) for (const l of losses) if (g !== l) return true;
  return false;
}
/** Does a unit weigh one good against another? Asked by the cost grader and by the flag: remembered per unit (per grading run). */
const answers = new WeakMap<object, boolean>();
/** A sentence that turns on the one before it. */
const TURN_OPENER = /^\W*(?:but|however|yet|though|on the other hand|the downside|the catch)\b/i;

export function unitAcknowledgesTradeoff(u: { text: string }): boolean {
  let answer = answers.get(u);
  // A safeguard or governance dropped for speed ("checking every answer would only slow the doors") is a red flag, not a weighed tradeoff.
  if (answer === undefined) answers.set(u, (answer = acknowledgesTradeoff(u.text) && !readAsCriticalFlag(u)));
  return answer;
}

/** The axis a table cell measures, from its own marks or its column's header: better when higher (quality) or lower (cost, time, errors). */
function cellAxis(cell: string, header: string): { axis: string; higherIsBetter: boolean } | null {
  const both = `${header} ${cell}`;
  if (/\b(?:errors?|mistakes?|false|misses|defects?|complaints?|incidents?|hallucinat\w*)\b/i.test(both)) return { axis: 'quality', higherIsBetter: false };
  if (/[$€£¥₹]|\b(?:cost|price|spend|EUR|USD|GBP|CHF|SEK|NOK|INR|budget|per (?:1k|1,000|month|year)|\/(?:yr|mo|month|year))\b/i.test(both)) return { axis: 'cost', higherIsBetter: false };
  if (/\b(?:latency|p9\d|seconds?|ms|s|sec|min(?:utes)?|hours?|days?|turnaround|response time)\b/i.test(both)) return { axis: 'speed', higherIsBetter: false };
  if (/%|\b(?:accuracy|precision|recall|F1|score|quality|coverage|agreement)\b/i.test(both)) return { axis: 'quality', higherIsBetter: true };
  return null;
}

/**
 * Options compared row by row ("Small model | EUR 14k/yr | 90% | 0.6 s" against "Large model | EUR 62k/yr | 95% | 3.1 s"):
 * one row better on one axis and worse on another.
 */
export function comparedRows(rows: string[]): boolean {
  const cells = rows.map((r) => r.split(' | ').map((c) => c.trim()));
  const width = cells[0]!.length;
  if (width < 3) return false;
  const header = cells.find((r) => r.slice(1).every((c) => !/\d/.test(c)));
  const options = cells.filter((r) => r !== header && r.length === width);
  for (let i = 0; i < options.length; i++) {
    for (let j = i + 1; j < options.length; j++) {
      let better = false;
      let worse = false;
      const axes = new Set<string>();
      for (let c = 1; c < width; c++) {
        const a = /(\d[\d,.]*)/.exec(options[i]![c]!.replace(/(\d),(\d{3})/g, '$1$2'));
        const b = /(\d[\d,.]*)/.exec(options[j]![c]!.replace(/(\d),(\d{3})/g, '$1$2'));
        const axis = cellAxis(options[i]![c]!, header?.[c] ?? '');
        if (!a || !b || !axis) continue;
        const x = parseFloat(a[1]!);
        const y = parseFloat(b[1]!);
        if (!Number.isFinite(x) || !Number.isFinite(y) || x === y) continue;
        axes.add(axis.axis);
        if ((x > y) === axis.higherIsBetter) better = true;
        else worse = true;
      }
      if (better && worse && axes.size >= 2) return true;
    }
  }
  return false;
}

/** One passage: does it weigh one good against another? */
export function acknowledgesTradeoff(text: string): boolean {
  if (EMPTY_TALK.test(text)) return false;
  // Several option rows in one passage ("… || …" or one per line).
  const rows = text.split(/\n|\s\|\|\s/).filter((r) => r.includes(' | '));
  if (rows.length >= 2 && comparedRows(rows)) return true;
  const m = TRADEOFF.exec(text);
  if (m !== null && !(m[0].toLowerCase().startsWith('trade') && isRejectedOrQuoted(text, m.index, m.index + m[0].length) && /\bno trade-?offs?\b/i.test(text))) return true;
  if (ACCEPTED_DOWNSIDE.test(text)) return true;
  // Paying for the better option: "At $300 a month we take the better copy".
  if (PAY_FOR_BETTER.test(text) && AXES.cost!.test(text)) return true;
  if (EXCLUSIVE.test(text) || opposedMoves(text)) return true;
  // A good bought, a contrast, and a price named: "reduces invented citations but adds roughly 1.2 s".
  for (const t of text.matchAll(TURN)) {
    const before = text.slice(0, t.index);
    const after = text.slice(t.index + t[0].length);
    if ((GAIN.test(before) && (priced(after) || (t[0] !== ';' && AMOUNT_PAID.test(after)))) || (priced(before) && GAIN.test(after))) return true;
  }
  // A constraint that forces a choice, and the price of it: "the 1 s latency target forces us onto the mid-size model, which scores 3 points lower".
  const forced = FORCED.exec(text);
  if (forced && priced(text.slice(forced.index))) return true;
  // "catches more fraud and annoys more honest cardholders", "improve detection by 4 points and triple storage".
  const also = STRONG_PRICE.exec(text);
  if (also && GAIN.test(text.slice(0, also.index))) return true;
  if (CHOICE_WITH_REASON.test(text) && axesIn(text).size > 0) return true;
  const over = CHOSEN_OVER.exec(text);
  if (over && (axesIn(over[1]!).size > 0 || axesIn(over[2]!).size > 0)) return true;
  // Paying more for something ("the bigger model is more accurate at about 4x the price"), or paying less and getting less.
  const upAt = COST_UP.exec(text);
  const up = upAt && !/\b(?:no|not|never|n't)\s+$/i.test(text.slice(Math.max(0, upAt.index - 6), upAt.index)) ? upAt : null;
  if (up && (/^at\b/i.test(up[0]) || axesIn(text.slice(0, up.index) + ' ' + text.slice(up.index + up[0].length)).size > 0 || HAS_TURN.test(text))) return true;
  if (COST_DOWN.test(text) && (NOTICEABLY_WORSE.test(text) || priced(text))) return true;
  // One axis before the weighing word, another after it: "adds 300 ms per query | but | lifts top-3 accuracy".
  for (const m of text.matchAll(WEIGHING_ALL)) {
    // A payback claim ("The benefit from higher conversion will be much more than the cost") weighs nothing.
    if (/^(?:more|less) than the$/i.test(m[0]) && PAYBACK.test(text)) continue;
    const before = axesIn(text.slice(0, m.index));
    const after = axesIn(text.slice(m.index));
    for (const a of before) for (const b of after) if (a !== b) return true;
    // A good bought on one side, a loss named on the other: "halves the cost, but users lose same-day insights".
    if (before.size > 0 && CONTRAST.test(m[0]) && priced(text.slice(m.index + m[0].length))) return true;
  }
  return false;
}

/**
 * The passages the rules read as weighing one good against another: each on its own, and, where none does, a table
 * whose option rows pull opposite ways (its first row stands for it).
 */
export function ruledTradeoffs<T extends { text: string; row?: boolean; file?: string; section?: number }>(all: T[]): T[] {
  const found = all.filter((u) => unitAcknowledgesTradeoff(u));
  if (found.length > 0) return found;
  // A good in one sentence and its price in the next that turns on it: "we could run an open model on a studio PC,
  // no fee per photo. But in our test it was weaker and took about 20 seconds a photo."
  for (let i = 0; i + 1 < all.length; i++) {
    const u = all[i]!;
    const next = all[i + 1]!;
    if (u.row || next.row || u.file !== next.file || u.section !== next.section || !TURN_OPENER.test(next.text)) continue;
    if (acknowledgesTradeoff(`${u.text} ${next.text}`) && !readAsCriticalFlag(u) && !readAsCriticalFlag(next)) found.push(u);
  }
  if (found.length > 0) return found;
  const tables = new Map<string, T[]>();
  for (const u of all) if (u.row) tables.set(`${u.file}#${u.section}`, [...(tables.get(`${u.file}#${u.section}`) ?? []), u]);
  for (const rows of tables.values()) if (rows.length >= 2 && comparedRows(rows.map((r) => r.text))) found.push(rows[0]!);
  return found;
}

/**
 * The passages that weigh one good against another, as the flag and the cost item both read them: the rules' readings,
 * or, where no rule reads one, the second reader's ("parents repeat themselves more, but no children's data is stored").
 */
export function tradeoffsIn<T extends { text: string; row?: boolean; file?: string; section?: number }>(units: T[]): { found: T[]; read: { unit: T; score: number }[] } {
  const found = ruledTradeoffs(units);
  return { found, read: found.length === 0 ? readerTradeoffs(units) : [] };
}

/** `no_tradeoffs`: no tradeoff (privacy, cost, latency, quality) acknowledged anywhere. */
export const noTradeoffs: FlagDetector = {
  absence: true,
  detect({ all }) {
    const { found, read } = tradeoffsIn(all);
    if (read.length > 0) return { present: false, rationale: `No rule reading found a tradeoff, but the second reader (a phrase model trained on labelled examples) reads ${read.length} passage(s) as weighing one good against another (first: ${(read[0]!.score * 100).toFixed(0)}% chance).`, evidence: pickEvidence(read.map((r) => quote(r.unit)), 2) };
    return found.length === 0
      ? { present: true, rationale: `No tradeoff between privacy, cost, latency or quality is acknowledged in any of the ${new Set(all.map((u) => u.file)).size} files.`, evidence: [] }
      : { present: false, rationale: `${found.length} passage(s) weigh one good against another.`, evidence: pickEvidence(found.map((u) => quote(u, TRADEOFF)), 2) };
  },
};
