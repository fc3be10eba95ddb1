import { indexed } from '../src/grading/prefilter.js';
import { AMOUNT, hasMoney, is, MONEY, moneyAmounts, parseNumber, type Unit } from '../src/grading/text.js';
import { COST_LINES, COST_WORD } from './cues.js';

/** A table cell that is only a number: "12,500", "~40k", "2 000". */
const NUMBER_CELL = new RegExp(String.raw`^\s*[~≈]?\s*(${AMOUNT})\s*([kKmM]|Mio\.?|Mn|mn|Mrd\.?|Tsd\.?|million|thousand|lakh|crore)?\s*$`);
/** What a scale word after a figure multiplies it by: "1,2 Mio.", "45k", "3 lakh". */
const SCALE: Record<string, number> = { k: 1e3, tsd: 1e3, thousand: 1e3, m: 1e6, mio: 1e6, mn: 1e6, million: 1e6, mrd: 1e9, lakh: 1e5, crore: 1e7 };

const TOTAL = indexed(/\b(?:total|grand total|sum|year[- ]?(?:1|one) total|overall)\b/i);
const MONTHLY = indexed(/\b(?:monthly|per month|\/\s?mo(?:nth)?|a month|each month|pm\b|p\/m)\b/i);
const YEARLY = indexed(/\b(?:year[- ]?(?:1|one)|annual\w*|per year|\/\s?y(?:ea)?r|yearly|12[- ]months?|first year|FY)\b/i);
const ONE_OFF = indexed(/\b(?:one[- ]?(?:off|time)|upfront|up-front|set-?up|initial|implementation|build(?:-out)?|capex|non-recurring)\b/i);

/** A line of the cost deliverable under a heading that names cost ("cost" then "- hosting: existing AWS account"): cost talk even without the word. */
export function underCostHeading(u: Unit): boolean {
  return u.deliverable === 'cost' && COST_WORD.test(u.path.at(-1) ?? '');
}

export interface Inconsistency {
  unit: Unit;
  stated: number;
  computed: number;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1, Math.abs(b) * 0.03);
}

/**
 * A cost breakdown whose lines do not add up to its stated total. Looks at tables (a total row
 * against the rows above it, column by column) and at runs of "label: amount" lines ending in a
 * total. Monthly lines against a yearly total are compared ×12, and one-off plus 12 × monthly too.
 */
export function findInconsistentTotals(units: Unit[]): Inconsistency[] {
  const out: Inconsistency[] = [];
  const bySection = new Map<number, Unit[]>();
  for (const u of units) bySection.set(u.section, [...(bySection.get(u.section) ?? []), u]);
  // A file's consecutive sections form one run for bullet lists ("- Inference: $X" are separate sections).
  const runs: Unit[][] = [];
  let current: Unit[] = [];
  for (const u of units) {
    const prev = current.at(-1);
    if (prev && (prev.file !== u.file || u.section - prev.section > 1)) {
      runs.push(current);
      current = [];
    }
    current.push(u);
  }
  if (current.length) runs.push(current);

  for (const run of runs) {
    const rows = run.filter((u) => u.row);
    // Tables: column-wise check of a total row.
    for (const total of rows.filter((u) => TOTAL.test(u.text.split(' | ')[0] ?? ''))) {
      const tableRows = rows.filter((u) => u.section === total.section && u !== total && !TOTAL.test(u.text.split(' | ')[0] ?? ''));
      // A subtotal of one kind ("One-time total", "Monthly total") adds up the lines of that kind only.
      const label = total.text.split(' | ')[0] ?? '';
      const kind = ONE_OFF.test(label) ? ONE_OFF : MONTHLY.test(label) && !YEARLY.test(label) ? MONTHLY : undefined;
      const before = tableRows.filter((u) => run.indexOf(u) < run.indexOf(total) && (!kind || kind.test(u.text)));
      // A total of one amount under a wider table stands in its last column ("TOTAL YEAR 1 | kr 2 520 600" under
      // "| one-off | per month | year 1", typed in a text file); other rows are read cell by cell from the left.
      const width = Math.max(...rows.filter((u) => u.section === total.section).map((u) => u.text.split(' | ').length));
      const cellAt = (u: Unit, c: number) => {
        const cs = u.text.split(' | ');
        if (u === total && cs.length === 2 && width > 2) return c === width - 1 ? cs[1] : undefined;
        return cs[c];
      };
      const cells = total.text.split(' | ');
      // Bare cells under a "€ per month" header, or "17.090"-style cells beside "1.450.000", read the European way.
      const european = isEuropeanTable(rows.filter((u) => u.section === total.section));
      let ok = true;
      let checked = false;
      let firstBad: Inconsistency | undefined;
      for (let c = 1; c < width; c++) {
        const statedCell = cellAt(total, c);
        if (statedCell === undefined) continue;
        const stated = moneyAmounts(statedCell)[0] ?? numberCell(statedCell, european);
        if (stated === undefined) continue;
        const values = before.map((r) => {
          const cell = cellAt(r, c);
          return cell === undefined ? undefined : (moneyAmounts(cell)[0] ?? numberCell(cell, european));
        });
        const present = values.filter((v): v is number => v !== undefined);
        if (present.length < 2) continue;
        checked = true;
        const sum = present.reduce((a, b) => a + b, 0);
        if (!close(sum, stated)) {
          ok = false;
          firstBad ??= { unit: total, stated, computed: sum };
        }
      }
      if (checked && !ok && firstBad) out.push(firstBad);
    }
    // "Label: $amount" lines then "Total: $amount".
    const lines = run.filter((u) => !u.row && hasMoney(u) && moneyAmounts(u.text).length >= 1);
    for (let i = 0; i < lines.length; i++) {
      const t = lines[i]!;
      if (!is(t, TOTAL) || !/^[^$€£\d]{0,40}\btotal\b/i.test(t.text)) continue;
      const items = [];
      for (let j = i - 1; j >= 0 && items.length < 15; j--) {
        const l = lines[j]!;
        // Lines of another deliverable (a roadmap slide's "energy is 1,2 Mio. € per season" before the cost slide) are not its items.
        if (is(l, TOTAL) || lineValue(l) === undefined || t.section - l.section > 15 || l.deliverable !== t.deliverable) break;
        items.unshift(l);
      }
      if (items.length < 2) continue;
      const stated = moneyAmounts(t.text)[0]!;
      const value = (u: Unit) => lineValue(u)!;
      const sum = items.reduce((a, u) => a + value(u), 0);
      const oneOff = items.filter((u) => is(u, ONE_OFF)).reduce((a, u) => a + value(u), 0);
      const monthly = items.filter((u) => is(u, MONTHLY) && !is(u, ONE_OFF)).reduce((a, u) => a + value(u), 0);
      const rest = sum - oneOff - monthly;
      const candidates = [sum, oneOff + 12 * monthly + rest, sum * 12];
      if (is(t, YEARLY) && is(t, MONTHLY)) candidates.push(sum);
      if (!candidates.some((c) => close(c, stated))) out.push({ unit: t, stated, computed: sum });
    }
  }
  return out;
}

/**
 * What a "label: amount" line costs: its one amount, or, when it shows its working ("7,600 reports x Rs 4.5 = Rs 34,200"),
 * the amount after its last "=" (undefined: not one line's cost).
 */
function lineValue(u: Unit): number | undefined {
  const all = moneyAmounts(u.text);
  if (all.length === 1) return all[0];
  // "Model API usage: Tk 60,000 (180 shades per day x 30 days … = 32,400 calls, about Tk 1.85 per call)": the amount
  // right after the label is the line's cost; its working in brackets only explains it.
  const lead = /^[^:()]{2,80}:\s*([^()]{0,30}?)\s*\(/.exec(u.text);
  if (all.length > 1 && lead && moneyAmounts(lead[1]!).length === 1) return moneyAmounts(lead[1]!)[0];
  const eq = u.text.lastIndexOf('=');
  if (all.length > 1 && eq >= 0) {
    const after = moneyAmounts(u.text.slice(eq + 1));
    if (after.length === 1) return after[0];
  }
  return undefined;
}

/** A table that writes money the European way: a euro or krone header, or dot-grouped thousands. */
const EUROPEAN_TABLE = /[€₺₫]|R\$|\b(?:EUR|CHF|SEK|NOK|DKK|PLN|CZK|HUF|TRY|TL|BRL|IDR|kr)\b|zł|\b\d{1,3}(?:\.\d{3}){2,}\b|\b\d{1,3}\.\d{3},\d{1,2}\b/;

function isEuropeanTable(rows: Unit[]): boolean {
  if (rows.some((u) => /(?<!R)\$|£/.test(u.text))) return false;
  if (rows.some((u) => EUROPEAN_TABLE.test(u.text))) return true;
  // Bare cells all grouped by a dot ("48.000 | – | 48.000", "1.900"), none with a decimal point or a comma group: thousands.
  const cells = rows.flatMap((u) => u.text.split(' | ').slice(1).map((c) => c.trim()));
  const dotGrouped = cells.filter((c) => /^[1-9]\d{0,2}\.\d{3}$/.test(c)).length;
  return dotGrouped >= 2 && !cells.some((c) => /^\d+\.\d{1,2}$|^\d{1,3},\d{3}\b/.test(c));
}

function numberCell(cell: string, european = false): number | undefined {
  const m = NUMBER_CELL.exec(cell);
  if (!m) return undefined;
  const n = parseNumber(m[1]!, european);
  return n === undefined ? undefined : n * (m[2] ? SCALE[m[2].toLowerCase().replace('.', '')] ?? 1 : 1);
}

/** A price per piece of work ("per photo", "per letter", "/ query"); not per token, per 1K tokens or per unit of time. */
// Also a count times a unit price: "250,000 x $0.00002 = $5", "3,000,000 interactions x ¥0.0001".
const PER_UNIT = indexed(/\d[\d,.']*\s?[kKmM]?\s?(?:[a-z]+\s)?[x×]\s?[$€£¥₹]\s?\d|\b(?:one|each|a single|every) (?!(?:month|year|week|day|hour)\b)[\w-]+ costs?\b|\bper (?!(?:1[kKmM]|1,?000|million|thousand|tokens?|month|year|week|day|hour|minute|second|annum|FTE|head|GB|TB|kWh)\b)[a-z]{3,}\b|\/\s?(?:query|request|call|conversation|ticket|user|seat|message|photo|image|letter|page|document|report|case)\b/i);

const TOKENS_PER_PIECE = /\b(\d{1,3}(?:[ ,.\u00a0]\d{3})+|\d+)\s?(?:input |output )?tokens\b/i;

/** Unit costs no real system has (an LLM answer for a hundred-thousandth of a cent). */
export function findAbsurdUnitCosts(units: Unit[]): Unit[] {
  return [...new Set([...absurdPerUnit(units), ...vanishingModelLines(units), ...pricedCallCounts(units), ...absurdTokenPrices(units)])];
}

/** A price per million (or thousand) tokens: "CAD 0.00002 per 1M tokens", "$0.50 / 1K tokens". */
const TOKEN_PRICE_ALL = new RegExp(String.raw`(${MONEY.source})\s?(?:per|\/|for)\s?(?:(?<million>1\s?M|1,?000,?000|one million|a million|million|mio\.?|1\s?m)|1\s?[kK]|1,?000|one thousand|a thousand|thousand)\s?(?:input |output )?tokens\b`, 'gi');
/**
 * A token price no model is sold at: under half a (US) cent per million tokens, or its equal per thousand. The
 * cheapest small models cost a few cents per million; "CAD 0.00002 per 1M tokens" for a top-tier model is off by
 * orders of magnitude.
 */
function absurdTokenPrices(units: Unit[]): Unit[] {
  return units.filter((u) => {
    if (!/tokens/i.test(u.text) || !hasMoney(u)) return false;
    const worth = roughUsd(u.text);
    for (const m of u.text.matchAll(TOKEN_PRICE_ALL)) {
      const a = moneyAmounts(m[1]!)[0];
      const perMillion = a === undefined ? undefined : m.groups?.million !== undefined ? a : a * 1000;
      if (perMillion !== undefined && perMillion > 0 && perMillion * worth < 0.005) return true;
    }
    return false;
  });
}

/** A count of model calls on a line: "4,8 million calls", "120k requests", "2.000.000 images". */
const CALL_COUNT = /(\d[\d.,']*)\s?(million|mio\.?|mn|m|k|thousand|bn|billion)?\s(?:model |API |LLM |AI |inference )?(?:calls|requests|queries|inferences|predictions|completions|generations|images|photos|pages|documents|listings|messages)\b/i;
/** An amount with its unit of work after it: "£0.015 per minute", "$2 / 1k tokens", "€0.40 each". */
const RATE_ALL = new RegExp(String.raw`(?:${MONEY.source})\s?(?:(?:per|each|a (?:minute|call|page|token|request))\b|\/)`, 'g');
const MULTIPLIER: Record<string, number> = { million: 1e6, mio: 1e6, mn: 1e6, m: 1e6, k: 1e3, thousand: 1e3, bn: 1e9, billion: 1e9 };
/**
 * A model-usage line that prices its own count of calls at under a thousandth of a (US) cent each:
 * "Model inference (4,8 million calls) | R$ 4,80". No model serving real work costs that little per call.
 */
function pricedCallCounts(units: Unit[]): Unit[] {
  return units.filter((u) => {
    if (!COST_LINES.inference.test(u.text) || !hasMoney(u)) return false;
    const m = CALL_COUNT.exec(u.text);
    if (!m) return false;
    // "4,8" is a decimal comma; "4,800" and "4.800" group thousands.
    const n = parseNumber(m[1]!, /^\d+,\d{1,2}$/.test(m[1]!));
    const calls = n === undefined ? undefined : n * (m[2] ? MULTIPLIER[m[2].toLowerCase().replace('.', '')] ?? 1 : 1);
    if (calls === undefined || calls < 1000) return false;
    // A rate on the line ("speech-to-text at £0.015 per minute") prices a unit of work, not the count of calls.
    const price = Math.max(0, ...moneyAmounts(u.text.replace(RATE_ALL, ' ')));
    return price > 0 && (price * roughUsd(u.text)) / calls < 0.00001;
  });
}

/** Roughly what one unit of a small-unit currency is worth in US dollars (others count as about one). */
const SMALL_UNITS: [RegExp, number][] = [
  [/₹|\bINR\b|\bRs\.?\s?\d|\blakh|\bcrore/i, 0.012],
  [/(?:CN)?¥|\bJPY\b|\byen\b|円/i, 0.0067],
  [/₩|\bKRW\b/i, 0.00075],
  [/\bRp\b|\bIDR\b/i, 0.000063],
  [/₫|\bVND\b/i, 0.00004],
  [/₦|\bNGN\b/i, 0.0007],
  [/\bKSh\b|\bKES\b/i, 0.0077],
  [/\bHUF\b|\bFt\b/i, 0.0027],
  [/\b(?:SEK|NOK|DKK|kr)\b/i, 0.095],
  [/zł|\bPLN\b/i, 0.25],
  [/Kč|\bCZK\b/i, 0.043],
  [/₺|\bTL\b|\bTRY\b/i, 0.03],
  [/R\$|\bBRL\b|\breais\b/i, 0.18],
  [/MX\$|\bMXN\b|\bpesos\b/i, 0.055],
  [/\bZAR\b|\brand\b/, 0.055],
  [/\b(?:CLP|COP|ARS)\b/i, 0.001],
  [/₱|\bPHP\b/, 0.017],
  [/฿|\bTHB\b|\bbaht\b/i, 0.028],
  [/E£|\bEGP\b/i, 0.02],
  [/₽|\bRUB\b/i, 0.011],
  [/₴|\bUAH\b/i, 0.024],
  [/\b(?:PKR|LKR)\b/i, 0.0035],
  [/৳|\bBDT\b|\bTk\.?(?=\s?\d)|\btaka\b/i, 0.0085],
  [/NT\$|\bTWD\b/i, 0.031],
  [/HK\$|\bHKD\b/i, 0.13],
  [/\b(?:AED|SAR|QAR|ILS)\b|₪/i, 0.27],
  [/\bRM\s?\d|\bMYR\b|\bringgit\b/i, 0.21],
];
function roughUsd(text: string): number {
  if (/\b(?:CNY|RMB)\b|元/.test(text)) return 0.14;
  return SMALL_UNITS.find(([re]) => re.test(text))?.[1] ?? 1;
}
/** A price per person per year: "A$0.02 per builder per year", "¥0.02 per room per year". */
const PER_HEAD_PER_YEAR = new RegExp(String.raw`(\S*\d[\d.,]*\S*(?:\s?[€£$¥₹]|\s(?:EUR|USD|GBP|CHF|kr|SEK|NOK|DKK))?)\s?per (?:[\w-]+ ){1,2}(?:per|a|each) (?:year|annum)\b`, 'gi');

/** How many pieces of model work one item takes, as the text says: "~250 drone photos per roof", "40 pages per file". */
const WORK_PER_ITEM_ALL = /(\d[\d,.']*)\s?(?:[\w-]+ )?(?:photos|images|pictures|pages|calls|requests|queries|prompts)\s?(?:per|a|each|\/)\s?(?!(?:month|year|week|day|hour|minute|second)s?\b)([a-z]{3,})\b/gi;
/** A price per item: "$0.002 per roof". */
const PRICE_PER_ITEM_ALL = new RegExp(String.raw`(${MONEY.source})\s?(?:per|a|each|\/)\s?([a-z]{3,})\b`, 'gi');

/** Pieces of work per item, from anywhere in the submission's text and headings ("~250 drone photos per roof"). */
function workPerItem(units: Unit[]): Map<string, number> {
  const workPer = new Map<string, number>();
  for (const u of units) {
    if (!/\d/.test(u.text) && !u.path.some((h) => /\d/.test(h))) continue;
    for (const text of [u.text, ...u.path]) {
      for (const m of text.matchAll(WORK_PER_ITEM_ALL)) {
        const n = parseNumber(m[1]!.replace(/[,']/g, ''));
        const item = m[2]!.toLowerCase().replace(/s$/, '');
        if (n !== undefined && n >= 10) workPer.set(item, Math.max(workPer.get(item) ?? 0, n));
      }
    }
  }
  return workPer;
}

/** Video or audio sent to a model, and how many minutes of it: "the full video of each inspection, about 12 minutes". */
const MEDIA_MINUTES = /\b(?:video|audio|recording|footage|voice (?:note|message)|call)s?\b/i;
const MINUTES = /\b(\d{1,3}(?:[.,]\d)?)\s?(?:min(?:ute)?s?)\b/i;

function absurdPerUnit(units: Unit[]): Unit[] {
  // Read once, and only when some line prices a piece of work.
  let workPer: Map<string, number> | undefined;
  return units.filter((u) => {
    if (!is(u, PER_UNIT) || !hasMoney(u)) return false;
    const amounts = moneyAmounts(u.text);
    // A hundredth of a (US) cent for a piece of model work is off by orders of magnitude, in any currency:
    // ₹0.001 per page or ¥0.0005 per call is under it once the rupee or yen is counted as what it is worth.
    const worth = roughUsd(u.text);
    if (amounts.some((a) => a > 0 && a * worth < 0.0001)) return true;
    // Priced per item that takes many pieces of model work: "$0.002 per roof" for ~250 photos a roof is
    // under a hundredth of a cent per photo.
    workPer ??= workPerItem(units);
    if (workPer.size > 0) {
      for (const m of u.text.matchAll(PRICE_PER_ITEM_ALL)) {
        const pieces = workPer.get(m[m.length - 1]!.toLowerCase().replace(/s$/, ''));
        const a = moneyAmounts(m[1]!)[0];
        if (pieces !== undefined && a !== undefined && a > 0 && (a * worth) / pieces < 0.0001) return true;
      }
    }
    // Minutes of video or audio sent for each item, priced under a twentieth of a cent a minute: "the full video of each
    // inspection, about 12 minutes, … costs around R$ 0,002 per inspection". No model reads a minute of media that cheaply.
    const minutesMatch = MEDIA_MINUTES.test(u.text) ? MINUTES.exec(u.text) : null;
    const mediaMinutes = minutesMatch ? parseNumber(minutesMatch[1]!.replace(',', '.')) : undefined;
    if (mediaMinutes !== undefined && mediaMinutes >= 1) {
      for (const m of u.text.matchAll(PRICE_PER_ITEM_ALL)) {
        const a = moneyAmounts(m[1]!)[0];
        if (a !== undefined && a > 0 && !/^min/i.test(m[m.length - 1]!) && (a * worth) / mediaMinutes < 0.0005) return true;
      }
    }
    // Half a dollar a year for someone who uses the model every day is no real cost ("A$0.02 per builder per year").
    for (const m of u.text.matchAll(PER_HEAD_PER_YEAR)) {
      const a = moneyAmounts(m[1]!)[0];
      if (a !== undefined && a > 0 && a * worth < 0.5) return true;
    }
    // So is a price per piece that, for the tokens it says the piece takes, makes 1,000 tokens cost
    // under 0.003 of a cent ("0,0003 kr per letter, as we send about 3 000 tokens per letter").
    const tokens = TOKENS_PER_PIECE.exec(u.text);
    const n = tokens ? parseNumber(tokens[1]!.replace(/\s/g, ''), true) : undefined;
    return n !== undefined && n >= 100 && amounts.some((a) => a > 0 && (a / n) * 1000 < 0.00003);
  });
}

/**
 * A model-usage line that is a rounding error of its own table's total: "AI model usage | ¥68" in a
 * ¥20 million plan for a GPT-4-class model re-planning 600 messages a day. Under a hundred-thousandth
 * of the total, no model serving a real workload costs that little.
 */
function vanishingModelLines(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  const rows = units.filter((u) => u.row);
  const firstCell = (u: Unit) => u.text.split(' | ')[0] ?? '';
  // A cell read by its leading figure when the total's is bare ("108.0 (₹ 1.08 crore)" in a table in lakh).
  const amountAt = (u: Unit, c: number, european: boolean, bare = false) => {
    const cell = u.text.split(' | ')[c];
    if (cell === undefined) return undefined;
    const lead = /^\s*[~≈]?\s*(\d[\d.,']*)/.exec(cell);
    if (bare) return lead ? parseNumber(lead[1]!, european) : undefined;
    return moneyAmounts(cell)[0] ?? numberCell(cell, european);
  };
  for (const total of rows.filter((u) => TOTAL.test(firstCell(u)))) {
    const table = rows.filter((u) => u.section === total.section);
    const european = isEuropeanTable(table);
    // The total's last amount and its column: the same column of each line.
    const cells = total.text.split(' | ');
    let c = cells.length - 1;
    while (c > 0 && amountAt(total, c, european) === undefined) c--;
    const bare = c > 0 && /^\s*[~≈]?\s*\d/.test(cells[c]!);
    const stated = c > 0 ? amountAt(total, c, european, bare) : undefined;
    if (stated === undefined || stated <= 0) continue;
    for (const r of table) {
      if (r === total || !COST_LINES.inference.test(firstCell(r))) continue;
      const v = amountAt(r, c, european, bare);
      if (v !== undefined && v > 0 && v < stated * 1e-5) out.push(r);
    }
  }
  return out;
}

/** One formatter, made once (`toLocaleString` builds a new one on every call), for amounts in rationales. */
const AMOUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export function fmt(n: number): string {
  return AMOUNT_FORMAT.format(n);
}
