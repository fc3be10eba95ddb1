import { indexed } from '../src/grading/prefilter.js';
import { AMOUNT, hasMoney, is, linesUnderLabels, MONEY, pathIs, pickEvidence, quote, sentencesOf, tableHeader, type Unit } from '../src/grading/text.js';
import type { ItemGrader, Score } from '../src/grading/types.js';
import { findAbsurdUnitCosts, findInconsistentTotals, fmt, underCostHeading } from './cost-checks.js';
import { tradeoffsIn } from './flags/no_tradeoffs.js';
import { COST_LINES, COST_WORD, LEVER, PLACEHOLDER, TRADEOFF } from './cues.js';

/** A cost table cell holding a bare amount (the currency sits in the header): "| 2 000 |", "| ~40k |". */
const PRICED_CELL = new RegExp(String.raw`\|\s*[~≈]?${AMOUNT}\s?[kKmM]?(?:\s?(?:per|a|\/)\s?(?:month|year|mo|yr|week|day|quarter))?\s*(?:\||$)`);

const TOTAL_OR_EXCLUDED = indexed(/^\W*(?:grand )?total\b|\b(?:exclud\w*|not including|without|TBC|TBD|to be (?:confirmed|quoted|decided))\b|\bexcl\./i);
/** What the customer pays: a price to sell at, not a cost to bear. */
const OUR_PRICE = indexed(/\b(?:pricing (?:idea|plan|model|tiers?)|(?:our|list|sale|selling|subscription) price|we (?:would |will |could )?charge|charg(?:e|ing) (?:customers|clients|users|each|per)|revenue|MRR|ARR)\b/i);
const LEVER_HEADING = indexed(/\b(?:levers?|cost (?:controls?|levers?|reduction|optimi[sz]ation|savings?)|savings?|optimi[sz]ation|(?:keep|keeping|bring|bringing) (?:the )?(?:[\w-]+ ){0,2}(?:costs?|bill|spend) (?:down|low|lower)|(?:keep|keeping) (?:it|them|this|costs?|the bill) (?:lower|low|down|cheap)|reduc\w+ (?:the )?(?:costs?|bill|spend)|ways to (?:save|cut|reduce))\b/i);
/** A way of working said to save money: "Sending SMS first and a letter only if there is no reply saves about £4,000 a year". */
const SAVING_ACTION = /^\W*[A-Z]?[a-z]+ing\b[^.;]{0,140}\b(?:saves?|cuts?|reduces?|lowers?|trims?|halves)\b[^.;]{0,40}(?:[$€£¥₹]\s?\d|\d+(?:[.,]\d+)?\s?%|\d[\d,.]*\s?(?:€|EUR|GBP|USD|kr))/;
/** What the feature saves the business ("Agent cost saving: around $5M per year at full containment"): the value case, not a lever on the feature's own cost. */
const BUSINESS_SAVING = indexed(/\b(?:agent|staff|labou?r|handling|headcount|FTE|payroll|overtime)\s(?:cost\s|time\s)?savings?\b/i);
/** The header row or the heading line itself is not a lever. */
const LEVER_HEADING_ONLY = indexed(/^\W*(?:(?:cost )?levers?|effects?|savings?|(?:estimated )?(?:effect|impact|saving)s?)(?:\s*\|\s*(?:(?:estimated )?(?:effect|impact|saving)s?|how|what|lever))*\W*$/i);
/** Cost content in a roadmap: what is spent, budgeted or licensed. */
const UNPRICED_USAGE = indexed(/\b(?:model|GPU|inference|API|LLM|token)\w*(?:\/\w+)?[^.;]{0,25}\b(?:not (?:yet )?(?:known|priced|estimated|included|quoted)|unknown|TBD|to be (?:quoted|confirmed|estimated|priced))\b/i);
const COST_CONTENT = indexed(/\b(?:(?:low |mid |high )?(?:five|six|seven)[- ]figures?|budget\w*|licen[cs]e\w*|outlays?|spend(?:ing)?|opex|capex|costed|costing|run-?rate|per (?:month|year|query|call|user)|(?:usage|API|hosting|subscription|licen[cs]e|model) fees|costs? (?:will be|are|is) (?:modest|small|low|limited|mainly|mostly|principally)\b[^.;]{0,60}\b(?:time|fees|usage|hosting|licen[cs]es?))\b/i);
/** An estimated effect: a saving or reduction with its size ("cuts inference 30%", "saves ~$1,500 a month", "-15% calls"). */
const EFFECT =
  indexed(/\b(?:bring|brings|take|takes|get|gets|push|pushes|cut|cuts|lower|lowers|reduc\w+|drop\w*|fall\w*|go(?:es)?)\b[^.;]{0,40}\bfrom (?:about |around |~)?[$€£¥₹]?\s?\d[\d.,']*\s?[kKmM]?\b[^.;\d]{0,12}\bto (?:about |around |roughly |~|under |below |approx\.? )?[$€£¥₹]?\s?\d|[$€£¥₹]\s?[\d.,]+\s?[kKmM]?(?:\s(?:a|per) (?:month|year|week))? (?:cheaper|less|lower|saved)\b|\bminus\s?\d+(?:\.\d+)?\s?%|\b(?:sav\w+|cut\w*|reduc\w+|lower\w*|fewer|less|drop\w*|avoid\w*|skip\w*|shav\w+|trim\w*|brings? (?:\w+ )?down)\b[^.;]{0,50}(?:\d+(?:\.\d+)?\s?%|[$€£]\s?\d|\b\d[\d,.]*\s?[kK]\b|\bhalf\b|\ba (?:third|quarter|fifth)\b)|(?:^|[\s(|])[-−–]\s?\d+(?:\.\d+)?\s?%|\d+(?:\.\d+)?\s?%\s?(?:cheaper|less|lower|fewer|saving|savings|reduction|off|smaller)\b|\bhalv\w+|\b(?:in half|by half)\b|\b(?:saves?|saving) (?:about |around |roughly |~|up to )?(?:[$€£¥₹]|(?:kr|CHF|EUR|USD|GBP|SEK|NOK|DKK|INR|Rs\.?|R\$)\s?)?\d|(?:[$€£¥₹]\s?\d|\b(?:KES|KSh|INR|Rs|CHF|SEK|NOK|DKK|PLN|BRL|ZAR|JPY|AUD|CAD|NZD|SGD|HKD|MXN|IDR|TRY|TL|AED)\s?\d|\d[\d.,]*\s?[kKmM]?\s?(?:[$€£¥₹]|EUR|USD|GBP))[^.;]{0,30}\b(?:instead of|rather than|vs\.?|versus|down from|compared (?:with|to))\b[^.;]{0,20}\d|\d+(?:\.\d+)?\s?%[^.;]{0,40}\b(?:never (?:reach|hit|go to|touch)|skip|avoid|bypass)\w*|[$€£¥₹]\s?\d[\d.,]*\s?[kKmM]?\s?(?:\/|a|per)\s?(?:month|year|mo|yr)\s(?:saved|less)\b|\b\d[\d.,]*\s?[kKmM]?\s?(?:[$€£¥₹]|EUR|USD|GBP)?(?:\s(?:a|per) (?:month|year|week))?\s?(?:saved|less)\b|\bdown (?:by )?(?:about |around |roughly |~|some |nearly |almost )?\d+(?:\.\d+)?\s?%/i);

/** What a cost lever acts on: a line of the bill. Narrower than COST_LINES on purpose (with its usage, monitoring and people words, two sheets read a lever where there is none). */
const BILL_LINE = indexed(/\b(?:inference|(?:model|API|LLM|planner) calls?|tokens?|storage|hosting|compute|GPU|spend|bill|licen[cs]es?|data (?:bundles?|transfer)|bandwidth|cloud)\b/i);

/** A sentence that speaks of the one before it: "That split saves …", "Together these take the LLM line from …". */
const REFERS_BACK = /^\W*(?:that|this|these|those|it|which|together|combined|doing so|between them)\b/i;
/** An effect on the bill: what it costs or saves. */
const BILL_EFFECT = /\b(?:cost\w*|cheaper|sav(?:e|es|ed|ing|ings)|spend\w*|bill\w*|expensive)\b/i;

/** A change and then its effect: "change: effect", or a change made instead of another. */
const CHANGE_THEN_EFFECT = /^(?!\W*if\b)[^:]{8,160}:\s|\b(?:instead of|rather than)\b/i;

/** A line whose own short lead-in is a lever heading: "How we keep inference cost down: a small on-phone model first filters …". */
function leadLabel(text: string): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && colon <= 60 && LEVER_HEADING.test(text.slice(0, colon)) && /\S/.test(text.slice(colon + 1));
}

/**
 * `cost`: Year-1 figures for the main cost lines (inference, storage, people), named tradeoffs,
 * and named levers with their estimated effect (RUBRIC.md). Lines that do not add up to their
 * total, or absurd unit costs, are not realistic: at most 2.
 */
export const gradeCost: ItemGrader = ({ units }) => {
  // Figures: money, or a cost table's numeric cells ("Inference | 4,200 | 50,400").
  const priced = units.filter((u) => hasMoney(u) || (u.row && u.deliverable === 'cost' && PRICED_CELL.test(u.text)));
  // A total ("Total (excluding model usage)") or a line that leaves the cost out is no line of its own.
  // So is what the candidate would charge ("Pricing idea: $49 per packet"): revenue, not cost.
  const lineUnits = priced.filter((u) => !TOTAL_OR_EXCLUDED.test(u.text) && !is(u, OUR_PRICE));
  // "Model/GPU cost not known yet, IT to quote" beside a budget names the usage line only to say it has no figure.
  const unpriced = (k: string, u: Unit) => k === 'inference' && UNPRICED_USAGE.test(u.text);
  const lines = (Object.keys(COST_LINES) as (keyof typeof COST_LINES)[]).filter((k) => lineUnits.some((u) => (COST_LINES[k].test(u.text) && !unpriced(k, u)) || (u.row && COST_LINES[k].test(u.path.join(' ')))));
  // The same reading of a tradeoff as the no_tradeoffs flag: one good weighed against another.
  // Read as the no_tradeoffs flag reads them (the rules, else the second reader), plus any line that names a tradeoff outright.
  const { found, read } = tradeoffsIn(units);
  const byRules = new Set(found);
  const named = units.filter((u) => is(u, TRADEOFF) || byRules.has(u));
  const tradeoffs = named.length > 0 ? named : read.map((r) => r.unit);
  // A lever is a known cost technique, or any row of a table or line of a section that is about
  // levers ("Lever | Effect", "## Cost levers", "Keeping the bill down").
  const underLevers = (u: Unit) => (u.row ? tableHeader(units, u) : undefined)?.text.match(LEVER_HEADING) || (!u.row && pathIs(u, LEVER_HEADING) && !pathIs(u, /\btrade-?offs?\b/i));
  // A label line introduces the lines after it in its section: "Cost levers and their effect:" then "- Template first: … minus 35% of calls".
  const underLabel = linesUnderLabels(units, (u) => is(u, LEVER_HEADING) && /:\s*$/.test(u.text) && u.text.length < 80, (l, u) => u.section === l.section);
  // A line that opens with its own label names levers after it: "Levers: re-plan only when … (saves ca. 40% of runs); run …".
  const labelled = (u: Unit) => !u.row && (leadLabel(u.text) || SAVING_ACTION.test(u.text));
  // A change set against its effect on a line of the bill is a lever, in whatever words the change is named:
  // "Photos downsized to 1024 px before upload: storage and data bundles down about 70%", "30 days of video instead of
  // a year, about kr 15 000 a month saved on storage". Not a condition or a comparison ("If X replaces Y, we save …",
  // "Inference is less than 1% of the cost").
  const changeWithEffect = (u: Unit) => !u.row && u.deliverable === 'cost' && is(u, EFFECT) && is(u, BILL_LINE) && CHANGE_THEN_EFFECT.test(u.text);
  const levers = units.filter((u) => (is(u, LEVER) || labelled(u) || changeWithEffect(u) || ((underLevers(u) || underLabel.has(u)) && !is(u, LEVER_HEADING_ONLY))) && !is(u, BUSINESS_SAVING));
  // Each lever named, also when one line lists several ("Levers: batch all pens overnight (−35% …); only re-explain when …").
  // Sentences of one paragraph that each name a technique are separate levers too ("Levers: only … get a proposal. Cache the instructions, 30% less input cost.").
  const leverKinds = new Set(levers.flatMap((u) => [
    ...(u.row ? [u.text] : u.text.split(/;\s+/)).map((seg) => (LEVER.exec(seg)?.[0] ?? seg.split(' | ')[0]!).toLowerCase().slice(0, 12)),
    ...(u.row ? [] : sentencesOf(u.text).flatMap((x) => LEVER.exec(x)?.[0].toLowerCase().slice(0, 12) ?? [])),
    // A line that lists levers each with its own saving ("we reuse the warehouse (saves about EUR 12.000), and we train
    // only once a month (saves about EUR 3.000 a year)") names one lever per saving.
    ...(u.row ? [] : [...u.text.matchAll(/\((?:[^()]{0,20}\b)?(?:sav\w+|cut\w*|reduc\w+|lower\w*|minus)\b[^()]{0,60}\)/gi)].map((m) => m[0].toLowerCase().slice(0, 24))),
  ]));
  // "saves ca. 40% of runs": an abbreviation's dot does not end the effect.
  // The effect may be the next sentence of the same paragraph, on the bill: "The cheaper small model handles about 70% of
  // reports. That split saves about £380 a month against using the large model everywhere".
  const after = new Map(units.map((u, i) => [u, units[i + 1]]));
  const leverSet = new Set(levers);
  const effectNext = (u: Unit) => {
    const n = after.get(u);
    return !u.row && n !== undefined && !n.row && n.section === u.section && REFERS_BACK.test(n.text) && !leverSet.has(n) && is(n, EFFECT) && BILL_EFFECT.test(n.text) && !is(n, BUSINESS_SAVING);
  };
  const withEffect = levers.filter((u) => is(u, EFFECT) || EFFECT.test(u.text.replace(/\b(ca|approx|appr|abt|c)\.\s/gi, '$1 ')) || effectNext(u));
  // Without a cost deliverable the roadmap speaks for cost (the labelling conventions), but only with cost
  // content: a budget, a figure, a licence ("I have not included the cost slide" and "a missed deviation
  // costs far more than a false flag" are not), and a lump sum (one priced line) is not a breakdown.
  const roadmapOnly = !units.some((u) => u.deliverable === 'cost');
  // A placeholder ("the estimate will follow") is no cost content.
  const mentions = units.filter((u) => ((is(u, COST_WORD) || underCostHeading(u)) && (!roadmapOnly || hasMoney(u) || is(u, COST_CONTENT)) && !(is(u, PLACEHOLDER) && !hasMoney(u))));
  const inconsistent = findInconsistentTotals(units);
  const absurd = findAbsurdUnitCosts(units);
  // Absurd unit costs are not realistic figures; a total that does not add up is the cost model's problem (cost_model).
  const unrealistic = absurd.length > 0;

  let score: Score;
  let rationale: string;
  if (lines.length >= 2 && lines.includes('inference') && tradeoffs.length >= 1 && leverKinds.size >= 2 && withEffect.length >= 1 && !unrealistic) {
    score = 3;
    rationale = `Figures for ${lines.join(', ')}; ${tradeoffs.length} tradeoff statement(s); ${leverKinds.size} cost levers, ${withEffect.length} with an estimated effect.`;
  } else if (priced.length >= 1 && lines.includes('inference') && !unrealistic && (!roadmapOnly || lineUnits.filter((u) => Object.values(COST_LINES).some((re) => re.test(u.text))).length >= 2)) {
    score = 2;
    const missing = [
      lines.length < 2 ? 'figures for the main cost lines' : '',
      tradeoffs.length === 0 ? 'tradeoffs' : '',
      leverKinds.size < 2 ? 'named cost levers' : '',
      leverKinds.size >= 1 && withEffect.length === 0 ? 'the levers’ estimated effect' : '',
      inconsistent.length ? `a consistent total (lines sum to ${fmt(inconsistent[0]!.computed)}, stated ${fmt(inconsistent[0]!.stated)})` : '',
      absurd.length ? 'realistic unit costs' : '',
    ].filter(Boolean);
    rationale = `Concrete figures are given, but missing: ${missing.join(', ')}.`;
  } else if (mentions.length > 0 || priced.length > 0 || levers.length > 0) {
    score = 1;
    rationale = unrealistic
      ? 'Figures are given, but the model usage rests on unit costs no real system has (off by orders of magnitude), so they cannot be relied on.'
      : priced.length > 0
        ? 'Figures are given, but none for the model usage (inference) line, the cost that grows with use.'
        : 'Cost is mentioned, but without figures for its main lines.';
  } else {
    score = 0;
    rationale = 'Nothing in the submission addresses cost.';
  }
  const pick = (us: Unit[], re?: RegExp) => us.map((u) => quote(u, re));
  const evidence = pickEvidence(
    [...pick(inconsistent.map((i) => i.unit)), ...pick(absurd), ...pick(priced.filter((u) => Object.values(COST_LINES).some((re) => re.test(u.text))), MONEY), ...pick(withEffect, LEVER), ...pick(tradeoffs, TRADEOFF), ...pick(levers, LEVER), ...pick(mentions)],
    4,
  );
  return {
    score,
    confidence: score === 3 ? 0.75 : score === 0 ? 0.85 : 0.6,
    rationale,
    evidence,
    signals: { cost_lines_with_figures: lines.length, tradeoffs: tradeoffs.length, levers: leverKinds.size, levers_with_effect: withEffect.length, totals_not_adding_up: inconsistent.length, absurd_unit_costs: absurd.length },
  };
};


