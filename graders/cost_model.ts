import { indexed } from '../src/grading/prefilter.js';
import { hasMoney, is, MONEY, NUMBER, pickEvidence, quote, tableHeader, type Unit } from '../src/grading/text.js';
import type { ItemGrader, Score } from '../src/grading/types.js';
import { findAbsurdUnitCosts, findInconsistentTotals, fmt, underCostHeading } from './cost-checks.js';
import { COST_WORD, PLACEHOLDER } from './cues.js';

const PRICE_PER_HEAD = /\bper (?!year|annum|month)[\w-]+ (?:per|a) (?:year|annum)\b|\bpremium tier\b|\bwe (?:would |will )?charge\b/i;
// Also in the candidate's language: "Totale anno 1", "Gesamtkosten", "Summe".
const TOTAL_WORD = /\b(?:total|totale|totaal|totalt|gesamt\w*|summe|all[- ]in)\b/i;
const TOTAL = indexed(new RegExp(String.raw`${TOTAL_WORD.source}|\b(?:year[- ]?(?:1|one)|annual\w*|first[- ]year|12[- ]months?|per year|FY\s?\d*|yearly)\b|\/\s?(?:yr|year)\b`, 'i'));
/** The candidate says the cost model was not done: "I did not finish the cost slide in the 8 hours", "I have not yet produced a separate cost model". */
const NOT_DONE = indexed(/\b(?:did not|didn'?t|have not|haven'?t|has not|hasn'?t|could not|couldn'?t|was not able to|wasn'?t able to|ran out of time to|no time to)\b(?: yet)?(?: \w+)? (?:finish|produce|do|build|make|prepare|complete|get to|write)\w*\b[^.;]{0,25}\bcost (?:slide|model|sheet|deliverable|estimate|breakdown)s?\b|\b(?:separate|another|own) (?:budget|cost) (?:paper|document|sheet|model|file|memo)\b[^.;]{0,40}\b(?:have not|haven'?t|did not|didn'?t|is not|isn'?t|not) (?:yet )?(?:attached|included|enclosed|shared)\b/i);
/** Costs paid once, named as such (integration work billed monthly is not a one-off split). */
const ONE_OFF_WORD = /\b(?:one[- ]?(?:off|time)|upfront|up-front|set-?up (?:cost|fee)s?|initial (?:build|setup|investment|cost)|capex|non-recurring|una tantum|einmalig\w*|ponctuel\w*|pontua(?:l|is)|puntual\w*)\b/i;
const ONE_OFF = indexed(new RegExp(String.raw`${ONE_OFF_WORD.source}|\bonce\b`, 'i'));
/** A run-rate: a cost per month (or week, quarter). */
const RUN_RATE = /\b(?:monthly|per month|a month|each month|every month|per week|weekly|per quarter|quarterly|run[- ]?rate)\b|\/\s?(?:mo|month|mth)\b/i;
/** An ongoing cost: a run-rate, or a cost named as recurring. */
const ONGOING = indexed(new RegExp(String.raw`${RUN_RATE.source}|\b(?:recurring|opex|ongoing|steady[- ]state|subscription|ricorrent[ei]|recorrentes?|recurrentes?|récurrent\w*|laufend\w*|wiederkehrend\w*)\b`, 'i'));
const ASSUMPTION =
  indexed(/\b(?:assum\w*|users?|MAU|DAU|seats?|agents?|queries|requests|conversations|tickets|calls|messages|documents|tokens?|volume|traffic|growth|utili[sz]ation|price per|per (?:user|query|request|ticket|day|1[kKmM]|million|thousand)|\/\s?1[kKmM]\b|based on)\b/i);

/** Return on the cost, not the cost: payback, break-even, revenue, avoided fines. */
const PAYBACK = indexed(/\b(?:earned back|earns? (?:it(?:self)? )?back|pays? (?:for itself|back)|paid back|payback|break[- ]?even|revenue|fines?|ROI)\b/i);


/**
 * `cost_model`: a Year-1 total, its breakdown into one-off and ongoing (monthly) costs, and the
 * assumptions behind it (volume, tokens, users) (RUBRIC.md). A breakdown that does not add up
 * to its total, or absurd unit costs, is not a realistic model: at most 2.
 */
export const gradeCostModel: ItemGrader = ({ units }) => {
  const priced = units.filter((u) => hasMoney(u) || (u.row && /\d/.test(u.text)));
  // A sentence weighing the cost against what it returns ("earned back in the first year") is no
  // total, unless it names one ("All in, year one lands at $126,000, and … pays for itself").
  // In a table row the total is named by the row's label ("Total | … | …"); "$18k/yr" in a line's cell is that line's annual cost.
  // A sum written out ("USD 136,000 one-off + USD 623,600 ongoing = USD 759,600") states a total too.
  const namesTotal = (u: Unit) => /\+[^=|]{1,60}=\s?[^\s\d]{0,4}\s?\d/.test(u.text) || (u.row ? TOTAL.test(u.text.split(' | ')[0] ?? '') || TOTAL_WORD.test(u.text) : is(u, TOTAL) && !PRICE_PER_HEAD.test(u.text));
  // "49 kr per member per year" for a premium tier is a price per head, not a Year-1 total.
  const totals = priced.filter((u) => (namesTotal(u) && (!is(u, PAYBACK) || TOTAL_WORD.test(u.text))) || (u.row && TOTAL.test(tableHeader(units, u)?.text ?? '') && hasMoney(u)));
  // "once" marks a one-off cost in a table row ("Training | once | 6,000"), not in prose ("… once the pilot ends").
  const oneOff = units.filter((u) => is(u, ONE_OFF) && (u.row || ONE_OFF_WORD.test(u.text)) && (hasMoney(u) || (u.row && priced.some((p) => p.section === u.section))));
  const ongoing = units.filter((u) => is(u, ONGOING) && (hasMoney(u) || (u.row && priced.some((p) => p.section === u.section))));
  // Lines under an "Assumptions" heading state them in the domain's own units ("Tracks: ~40 000 per month in season").
  const assumptions = units.filter((u) => (is(u, ASSUMPTION) || /\bassum\w*/i.test(u.path.at(-1) ?? '')) && is(u, NUMBER));
  const inconsistent = findInconsistentTotals(units);
  const absurd = findAbsurdUnitCosts(units);
  const money = units.filter((u) => hasMoney(u));

  // Ongoing costs are a run-rate (RUBRIC: "ongoing (monthly) costs"): a year's sum with no monthly figure anywhere is not one.
  const runRate = units.some((u) => (RUN_RATE.test(u.text) && (hasMoney(u) || u.row)) || (u.row && RUN_RATE.test(tableHeader(units, u)?.text ?? '')) || RUN_RATE.test(u.path.at(-1) ?? ''));
  const parts = { total: totals.length > 0, one_off: oneOff.length > 0, ongoing: ongoing.length > 0 && runRate, assumptions: assumptions.length > 0 };
  const have = Object.values(parts).filter(Boolean).length;
  // Cost talk: the word, or a line under a cost heading.
  // A placeholder ("the estimate will follow") is no cost content.
  const mentions = units.filter((u) => (is(u, COST_WORD) || underCostHeading(u)) && !(is(u, PLACEHOLDER) && !hasMoney(u)));
  let score: Score;
  let rationale: string;
  const unrealistic = inconsistent.length > 0 || absurd.length > 0;
  // "I did not finish the cost slide": a missing deliverable, whatever cost talk stands around it (scored 0, not 1).
  const saysNotDone = units.some((u) => is(u, NOT_DONE));
  if (have === 4 && !unrealistic) {
    score = 3;
    rationale = 'A Year-1 total, split into one-off and ongoing costs, with the assumptions behind it.';
  } else if (priced.length >= 2 && parts.total && absurd.length === 0) {
    score = 2;
    const missing = [
      !parts.total ? 'a Year-1 total' : '',
      !parts.one_off ? 'one-off costs' : '',
      !parts.ongoing ? 'ongoing (monthly) costs' : '',
      !parts.assumptions ? 'the assumptions (volume, tokens, users)' : '',
      inconsistent.length ? `lines that add up (they sum to ${fmt(inconsistent[0]!.computed)}, the total says ${fmt(inconsistent[0]!.stated)})` : '',
      absurd.length ? 'realistic unit costs' : '',
    ].filter(Boolean);
    rationale = `A cost breakdown with figures, but missing: ${missing.join(', ')}.`;
  } else if ((money.length > 0 || mentions.length > 0) && !saysNotDone) {
    score = 1;
    rationale = absurd.length ? 'The model rests on unit costs no real system has (off by orders of magnitude), so its total is meaningless.' : 'Cost is mentioned, but there is no Year-1 model: no total with a breakdown.';
  } else {
    score = 0;
    rationale = saysNotDone ? 'The candidate says the cost model was not done; cost is only talked about.' : 'No cost model was found.';
  }
  const evidence = pickEvidence(
    [...inconsistent.map((i) => quote(i.unit)), ...absurd.map((u) => quote(u)), ...totals.map((u) => quote(u, TOTAL)), ...oneOff.map((u) => quote(u, ONE_OFF)), ...ongoing.map((u) => quote(u, ONGOING)), ...assumptions.map((u) => quote(u, ASSUMPTION)), ...money.map((u) => quote(u, MONEY)), ...mentions.map((u) => quote(u, COST_WORD))],
    4,
  );
  return {
    score,
    confidence: score === 3 ? 0.8 : score === 0 ? 0.85 : 0.6,
    rationale,
    evidence,
    signals: { ...parts, totals_not_adding_up: inconsistent.length, absurd_unit_costs: absurd.length },
  };
};
