/**
 * The reading toolkit graders share: documents cut into sentence units with their location,
 * and recognisers for numbers, money, percentages, time frames, roles and negation.
 * Pure and deterministic: no I/O, no clocks.
 */
import type { Document, SectionDeliverable } from '../documents/model.js';
import { forgetScans, indexed, indexView, patternCount, patternNumber, refreshIndex, testWithView, type IndexView } from './prefilter.js';
import type { Evidence } from './sheet.js';
import { zeroedUint8 } from './slab.js';

export interface Unit {
  file: string;
  location: string;
  path: string[];
  deliverable: SectionDeliverable;
  /** One sentence (or one table row / bullet line), verbatim from the section text. */
  text: string;
  /** Index of the section in the whole submission, to find neighbours. */
  section: number;
  /** True for a table row (cells joined by " | "). */
  row: boolean;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/** The sentences of a text, as `Intl.Segmenter` cuts them (untrimmed). */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    // A title or an abbreviation does not end a sentence: "QC Section Manager (Ms. Hayashi) approves …", "e.g. a drift".
    if (out.length > 0 && ABBREVIATION_END.test(out[out.length - 1]!)) out[out.length - 1] += segment;
    else out.push(segment);
  }
  return out;
}
const ABBREVIATION_END = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|vs|approx|ca|cf|e\.g|i\.e|incl|resp|Nr|z\.B|bzw)\.\s*$/i;

/** Cut every section into units: lines first (rows, bullets), then sentences within a line. */
export function buildUnits(documents: Document[]): Unit[] {
  // Patterns indexed since the last submission (at module load, in practice) join the automaton now.
  refreshIndex();
  const units: Unit[] = [];
  let section = 0;
  for (const doc of documents) {
    for (const s of doc.sections) {
      for (const line of s.text.split('\n')) {
        const row = line.includes(' | ');
        if (row || line.length < 160) {
          if (line.trim()) units.push({ file: doc.file, location: s.location, path: s.path, deliverable: s.deliverable, text: line.trim(), section, row });
          continue;
        }
        for (const segment of sentencesOf(line)) {
          const text = segment.trim();
          if (text) units.push({ file: doc.file, location: s.location, path: s.path, deliverable: s.deliverable, text, section, row: false });
        }
      }
      section++;
    }
  }
  return units;
}

// Each pattern asked about gets a small number; each unit keeps its answers in an array by that
// number (0 not asked yet, 1 no, 2 yes), and the literal index's view of its text.
interface Memo {
  answers: Uint8Array;
  view: IndexView | null | undefined;
}
const memos = new WeakMap<Unit, Memo>();
let lastUnit: Unit | undefined;
let lastMemo: Memo | undefined;

/**
 * Does a unit's text match a pattern? Graders ask the same questions of the same units (roles,
 * outcomes, time frames), so answers are remembered per unit and pattern. An `indexed` pattern
 * is not run on a unit whose text lacks all its literals.
 */
export function is(unit: Unit, pattern: RegExp): boolean {
  const id = patternNumber(pattern);
  let memo = unit === lastUnit ? lastMemo : memos.get(unit);
  // Sized for every pattern made so far (they are made at module load), so it rarely grows.
  if (!memo) memos.set(unit, (memo = { answers: zeroedUint8(Math.max(patternCount(), id + 1)), view: undefined }));
  lastUnit = unit;
  lastMemo = memo;
  let answers = memo.answers;
  if (answers.length <= id) {
    const grown = new Uint8Array((id + 1) * 2);
    grown.set(answers);
    memo.answers = answers = grown;
  }
  const known = answers[id]!;
  if (known !== 0) return known === 2;
  if (memo.view === undefined) memo.view = indexView(unit.text);
  const answer = testWithView(memo.view, pattern, unit.text);
  answers[id] = answer ? 2 : 1;
  return answer;
}

const DIGIT = indexed(/\d/);

/** Money in a unit (a digit first: most lines have none, and MONEY is a long pattern). */
export function hasMoney(unit: Unit): boolean {
  return is(unit, DIGIT) && (is(unit, MONEY) || (BARE_AMOUNT.test(unit.text) && pathIs(unit, CURRENCY_HEADING)));
}
/** A line that gives a bare amount for an item: "Platform subscription: 18,000", "Model usage: about 4,200". */
const BARE_AMOUNT = /:\s*(?:about |approx\.? |ca\.? |~)?\d{1,3}(?:[,.' ]\d{3})+(?:\s|$|[.;,)])/i;

const joinedPaths = new WeakMap<string[], string>();

/** A unit's heading path joined with " / " (made once per section: its units share the path array). */
function joinedPath(unit: Unit): string {
  let joined = joinedPaths.get(unit.path);
  if (joined === undefined) joinedPaths.set(unit.path, (joined = unit.path.join(' / ')));
  return joined;
}

// Heading questions are remembered per heading path (the units of a section share the path array).
const pathAnswers = new WeakMap<string[], Map<RegExp, boolean>>();
const headingAnswers = new WeakMap<string[], Map<RegExp, boolean>>();
const lastHeadingAnswers = new WeakMap<string[], Map<RegExp, boolean>>();

function remembered(memo: WeakMap<string[], Map<RegExp, boolean>>, path: string[], pattern: RegExp, text: () => string): boolean {
  let answers = memo.get(path);
  if (!answers) memo.set(path, (answers = new Map()));
  let answer = answers.get(pattern);
  if (answer === undefined) {
    pattern.lastIndex = 0;
    answers.set(pattern, (answer = pattern.test(text())));
  }
  return answer;
}

/**
 * The lines a label line introduces ("Cost levers and their effect:" then a list), each with its label. A label is a line
 * `isLabel` accepts; it runs until the next line that ends in a colon, or until `together` says a line is elsewhere.
 */
export function linesUnderLabels(units: Unit[], isLabel: (u: Unit) => boolean, together: (label: Unit, u: Unit) => boolean): Map<Unit, Unit> {
  const out = new Map<Unit, Unit>();
  let label: Unit | undefined;
  for (const u of units) {
    if (label && (!together(label, u) || /:\s*$/.test(u.text))) label = undefined;
    if (isLabel(u)) label = u;
    else if (label) out.set(u, label);
  }
  return out;
}

/** Does a unit's heading path, joined with " / ", match? */
export function pathIs(unit: Unit, pattern: RegExp): boolean {
  return remembered(pathAnswers, unit.path, pattern, () => joinedPath(unit));
}

/** Do a unit's headings, joined with spaces, match? Remembered per section (its units share the path). */
export function headingsAre(unit: Unit, pattern: RegExp): boolean {
  return remembered(headingAnswers, unit.path, pattern, () => unit.path.join(' '));
}

/** Does the heading right above a unit match? Remembered per section. */
export function headingIs(unit: Unit, pattern: RegExp): boolean {
  return remembered(lastHeadingAnswers, unit.path, pattern, () => unit.path.at(-1) ?? '');
}

/** A unit as evidence; long units are cut to a window around `focus` (still verbatim). */
export function quote(unit: Unit, focus?: RegExp, max = 280): Evidence {
  let text = unit.text;
  if (text.length > max) {
    const at = focus ? Math.max(0, text.search(focus)) : 0;
    const start = Math.max(0, Math.min(at - 60, text.length - max));
    text = text.slice(start, start + max).trim();
  }
  return { file: unit.file, location: unit.location, quote: text, path: unit.path };
}

const places = new WeakMap<string[], Map<string, string>>();

/** Where a unit stands: its file and heading path as one key (units under equal headings share it). */
export function placeOf(unit: Unit): string {
  // Units of one section share their path array, so the key is made once per section.
  let byFile = places.get(unit.path);
  if (!byFile) places.set(unit.path, (byFile = new Map()));
  let key = byFile.get(unit.file);
  if (key === undefined) byFile.set(unit.file, (key = `${unit.file}\u0000${unit.path.join('\u0000')}`));
  return key;
}

/** The heading path and the unit, as one string to match cues against. */
export function withPath(unit: Unit): string {
  return unit.path.length ? `${joinedPath(unit)} :: ${unit.text}` : unit.text;
}

// Numbers ------------------------------------------------------------------------------------

// Money in the forms candidates write it: "$1.2M", "€45k", "USD 3,000", "45.000 EUR", "0,14 €",
// "CHF 96'000", "₹2.5 lakh", "Rs 1.2 crore", "¥375", "A$12k", "1,200 dollars", "133 458 $ CA" (the dollar after, as in Quebec).
/** ISO codes written before or after an amount ("USD 3,000", "45.000 EUR"). */
const CURRENCY_CODES =
  'USD|EUR|GBP|JPY|INR|CHF|AUD|CAD|SGD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|ZAR|BRL|MXN|KRW|AED|SAR|CNY|RMB|HKD|TWD|THB|IDR|PHP|ILS|TRY|MYR|VND|NGN|KES|EGP|QAR|KWD|COP|CLP|ARS|PEN|RON|BGN|ISK|UAH|RUB|PKR|BDT|LKR|MAD|GHS';
const CURRENCY_SIGNS = '€£¥₹₩₺₫₦₴₽฿₱₪৳';
/** Rand written "R 2 300" or "R27 600": a bare R only before a grouped or three-digit amount (not "R2", a release). */
const CURRENCY_BEFORE = String.raw`(?:(?:US|A|C|S|NZ|HK|R|MX)\$|[$${CURRENCY_SIGNS}]|(?<![\w])(?:Rs\.?|Rp\.?|RM|K[Ss]h\.?|E£|S\/|R(?=\s?(?:\d{1,3}[ \u00a0,]\d{3}|\d{3,}))|(?:kr|Kr|SFr|Fr|Tk)\.?(?=\s?\d)|(?:${CURRENCY_CODES})\b))`;
const CURRENCY_AFTER = String.raw`(?:(?:${CURRENCY_CODES}|TL|dollars|euros|pounds|yen|rupees|francs|kronor|kroner|won|dirhams|pesos|lira|rand|baht|ringgit|rupiah|naira|shillings|forint|lei|złoty|zloty|dinars?|riyals?|yuan|reais|taka|kr|zł|zl|Kč|Ft|원)(?![\w])|[$${CURRENCY_SIGNS}](?![\d]))`;
/** A heading that names the currency of the bare amounts under it: "THE COST FOR THE FIRST YEAR (EUR)", "COST YEAR 1 (KSh)", "Costs in euros". */
const CURRENCY_HEADING = new RegExp(String.raw`\((?:in |all figures in |figures in )?(?:${CURRENCY_CODES}|KSh|Ksh|Rs\.?|R\$|kr|zł|Kč|TL|[$${CURRENCY_SIGNS}])\)|\bin (?:euros?|dollars?|pounds|francs|kronor|kroner|rupees|shillings|yen|rand|reais|pesos)\b`, 'i');
/** Digits grouped by spaces ("420 000 kr", "2 000,50 zł", thin or no-break spaces too), or by commas, dots and apostrophes. */
export const AMOUNT = String.raw`(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)|\d(?:[\d,.'’]*\d)?)`;
const SCALE = String.raw`(?:[kKmMbB]|mn|bn|million|billion|thousand|lakhs?|crores?|cr|millones|millions|Mio\.?|Mrd\.?|mln)`;
export const MONEY = indexed(new RegExp(
  String.raw`${CURRENCY_BEFORE}\s?${AMOUNT}(?:\s?${SCALE}\b)?|\b${AMOUNT}\s?(?:${SCALE}\.?\s?)?${CURRENCY_AFTER}|\b${AMOUNT}\s?(?:lakhs?|crores?)\b`,
));
export const PERCENT = indexed(/\d+(?:\.\d+)?\s?(?:%|per ?cent\b|pp\b|percentage points?\b|bps\b)/i);
export const NUMBER = indexed(/(?<![A-Za-z])\d[\d,]*(?:\.\d+)?(?![A-Za-z]{3})/);
/** A number that measures something: a percentage, money, a duration, a ratio, a count with a unit. */
export const MEASURE = indexed(new RegExp(
  `${PERCENT.source}|${MONEY.source}|\\b\\d+(?:\\.\\d+)?\\s?(?:ms|s|sec|seconds?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|x|×|points?|pts|tokens?|users?|customers?|tickets?|queries|requests|seats?|accounts?|hours? saved)\\b|[<>≤≥]\\s?\\d|\\b\\d+(?:\\.\\d+)?\\s?/\\s?\\d+\\b|\\b(?:NPS|CSAT)\\b[^.]{0,20}\\d`,
  'i',
));

/** The months' three-letter stems, January first: a month's number is its index + 1. */
export const MONTH_STEMS: readonly string[] = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * Month names. "may" is a month only where a date is meant ("May 2026", "by May", "May–June", "May:"), not the
 * verb ("this may cut churn").
 */
const MAY = String.raw`(?<=\b(?:in|by|of|from|until|till|to|through|early|mid|late|end|since|before|after|during|\d{1,2}(?:st|nd|rd|th)?)[\s.-]+)may|may(?=\s*(?:\d|[–—:|)/-]|to\b|through\b|until\b|and\b|$))`;
export const MONTHS = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|${MAY}|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
/** A point or span in time that a target or milestone can be held to. */
export const TIME_FRAME = indexed(new RegExp(
  `\\b\\d{1,2}\\.(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\\b|\\b(?:Q[1-4]|H[12]|W(?:k)?\\d{1,2}\\b|FY\\s?'?\\d{2,4}|20[2-4]\\d|(?:${MONTHS})\\b|months?\\s?\\d{1,2}|M\\d{1,2}\\b|weeks?\\s?\\d{1,2}|days?\\s?\\d{1,3}|sprint\\s?\\d+|(?:by|before|until|through) (?:the )?(?:end|start|close) of|end of (?:year|quarter|Q[1-4]|H[12])|within (?:the )?(?:first )?\\d+(?![\\d.,]*\\s?(?:h|hrs?|hours?|mins?|minutes?|s|secs?|seconds?|ms|business hours|working hours|(?:working|business|calendar) days?)\\b)(?![\\d.,]*\\s?(?:days?|weeks?|months?) (?:about|of|after|from|for)\\b)|(?:first|next|in|within|after|over) (?:\\d+|one|two|three|four|six|nine|twelve) (?:days?|weeks?|months?|quarters?)\\b(?! (?:about|of|after|from|for)\\b)|(?:\\d+|three|six|nine|twelve)[- ]months?(?![- ](?:[a-z]+ )?(?:rolling|repeat|retention|retained|active|returns?|returning|churn|average|window|trailing|moving|readmissions?|re-?orders?|re-?purchases?|revisits?|recurrence)\\b)|year[- ]?(?:1|one)\\b|(?:first|second|third|fourth) quarter|(?:30|60|90|180)[- ]days?\\b(?! (?:about|of|after|from|for)\\b)(?![- ](?:[a-z]+ )?(?:rolling|repeat|retention|retained|active|returns?|returning|churn|average|window|trailing|moving|readmissions?|re-?orders?|re-?purchases?|revisits?|recurrence)\\b))`,
  'i',
));

/**
 * A written number with thousands separators and a decimal mark in either convention:
 * "1,200,000", "1.200.000,50", "96'000", "0,14", "45.000 EUR" (European when the text says so).
 */
export function parseNumber(raw: string, european = false): number | undefined {
  let s = raw.replace(/['’ \u00a0\u202f]/g, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    const parts = s.split(',');
    const thousands = parts.length > 2 || (parts[parts.length - 1]!.length === 3 && parts[0] !== '0');
    s = thousands ? parts.join('') : parts.join('.');
  } else if (lastDot >= 0) {
    const parts = s.split('.');
    const thousands = parts.length > 2 || (european && parts[parts.length - 1]!.length === 3 && parts[0] !== '0');
    if (thousands) s = parts.join('');
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

const SCALES: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, millions: 1e6, millones: 1e6, mio: 1e6, 'mio.': 1e6, mln: 1e6, b: 1e9, bn: 1e9, billion: 1e9, mrd: 1e9, 'mrd.': 1e9, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7, cr: 1e7 };

/** Parse "$1.2M", "1,200,000 USD", "€45k", "£3,000", "120k", "0,14 €", "₹2.5 lakh" into a number (currency ignored). */
const AMOUNT_SCALED = new RegExp(String.raw`(${AMOUNT})\s?(${SCALE})?\b`, 'i');

export function parseAmount(text: string): number | undefined {
  const m = AMOUNT_SCALED.exec(text);
  if (!m) return undefined;
  // Currencies written with dot thousands ("45.000 TL", "R$ 12.500", "Rp 1.500.000") read the European way.
  const european = /[€₺₫]|R\$|\bRp\b|\b(?:EUR|CHF|SEK|NOK|DKK|PLN|CZK|HUF|TRY|TL|BRL|IDR|VND|ARS|CLP|COP|RON|lei|kr|zł|Kč)(?![\w])/.test(text) && !/(?<!R)\$|£/.test(text);
  const n = parseNumber(m[1]!, european);
  if (n === undefined) return undefined;
  return n * (SCALES[(m[2] ?? '').toLowerCase()] ?? 1);
}

const MONEY_ALL = indexed(new RegExp(MONEY.source, 'g'));

const amounts = new Map<string, readonly number[]>();
const NONE: readonly number[] = Object.freeze([]);

/** Every money amount in a text, parsed (remembered per text: cost checks ask again and again). */
export function moneyAmounts(text: string): readonly number[] {
  if (!/\d/.test(text)) return NONE;
  let out = amounts.get(text);
  if (out === undefined) {
    const found: number[] = [];
    for (const m of text.matchAll(MONEY_ALL)) {
      const v = parseAmount(m[0]);
      if (v !== undefined) found.push(v);
    }
    if (amounts.size > 20_000) amounts.clear();
    amounts.set(text, (out = Object.freeze(found)));
  }
  return out;
}

// People -------------------------------------------------------------------------------------

/** Titles and bodies that can own, approve or review something, in any case. */
const ROLE_TITLE =
  indexed(/\b(?:(?<=\b(?:the|our|their|a) )GM\b|budget[- ]holders?|deans?(?: of \w+(?: \w+)?)?|provost|registrar|rector|vice[- ]chancellor|headteacher|senate|(?:academic|admissions|audit|clinical|credit|investment|quality|safety|examinations?|disciplinary|management|executive) (?:committee|council|board)|(?:legal|IT|equal opportunity|grievance|compliance|vigilance|audit|quality|ethics) cell|Editor-in-Chief|(?:managing|chief|digital|news|deputy) editor|IT (?:department|services?|team|security)|Informatikdienste|S?VP|EVP|Vice President|Head of \w+(?: (?:&|and) \w+)?|Managing Director|MD(?=\)|\s(?:has|signs?|approves?|decides?|owns?)\b)|Head (?!of\b|over\b|under\b|quarters?\b)(?:[A-Za-z]+(?:er|or|ist|ian)|nurse|chef|coach|pilot|keeper)\b|ma[iî]tres? [a-zéèêà]+(?:eurs?|iers?|ers?)\b|(?:president|chair(?:man|woman|person)|bursar|treasurer|abbot|abbess|imam|rabbi|(?:chief|head) priest|vicar|pastor|headmaster|headmistress|maestro)\b|Gesch[äa]ftsf[üu]hr(?:er|erin|ung)\b|[A-ZÄÖÜ][a-zäöüß]*[Bb]eauftragte[rn]?\b|Leiter(?:in)? (?:Digitales|IT|Betrieb|Qualit[äa]t\w*|Vertrieb|Recht|Einkauf|Finanzen|Technik|\w+abteilung)\b|Prokurist(?:in)?\b|(?:chief|senior|principal|master) (?!(?:partner|customer|user|member|visitor|citizen|resident|buyer|owner)s?\b)[a-z]+(?:er|or|ist|ian|smith|wright)\b|lead (?:engineer|developer|architect|(?:data )?scientist|designer|counsel|lawyer)\b|(?:\w+ )?Director|Chief \w+(?: \w+)? Officer|(?:Financial |Finance )?Controller|Comptroller|Superintendent(?: \w+)?|C[TPEIOFRMD]O|CISO|CAIO|DPO|Data Protection Officer|General Counsel|(?:legal|privacy|security|compliance|risk|ethics|trust (?:&|and) safety|finance|procurement|model risk|infosec) (?:counsel|officer|lead|team|reviewers?|partners?|council|committee|board|function|department|owner|sign-?off)|product (?:manager|owner|lead|director)|group PM|PM\b|engineering (?:manager|lead|director|team)|tech(?:nical)? lead|EM\b|ML (?:lead|engineers?|team|owner)|data science (?:lead|team)|(?:support|operations|ops|content|QA|CX|customer success|sales|marketing) (?:lead|manager|director|team)|incident commander|on-?call (?:engineer|lead|owner|manager)|model owner|service owner|feature owner|executive sponsor|steering (?:committee|group)|(?:AI|RAI|responsible AI|model|governance|review|ethics|risk|change advisory) (?:council|board|committee|review board|lead|owner)|review board|approval board|CAB\b|CEO|founders?|board of (?:directors|trustees|governors|the [\w-]+)|(?<=\b(?:the|our|its) (?:[\w-]+ )?)board\b(?! (?:games?|meetings? room))|chief (?:judge|justice|nurse|engineer|pilot|inspector|physician|medical officer|clerk|accountant|architect|actuary|underwriter|scientist|pharmacist|of staff|registrar|driver|steward|warden|ranger|forester|mechanic|technician)|head (?:nurse|teacher|chef|librarian|pharmacist|ranger|curator)|(?!(?:the|a|an|our|their|each|every)\b)[a-z]+ (?:supervisors?|coordinators?|registrars?|secretar(?:y|ies))|(?:harbou?r|station|post|head|quarter|dock|port|yard|berth)[ -]?masters?|(?:[\w-]+ )?(?:lawyers?|solicitors?|attorneys?|notar(?:y|ies))|(?:crop|legal|safety|technical|medical|financial|tax|protection) (?:advis[oe]rs?)|(?:national|central|regional) executive|owners? of (?:the |our |this )?(?:company|business|firm|shop|store|studio|school|club|agency|restaurant|practice|chain|salon|gym|farm))\b/i);
/** The last word of a job named by what it leads (ROLE_GENERIC and its cheap hint share it). */
const ROLE_WORD = 'lead|leader|manager|owner|director|officer|controller|counsel|champion|in-charge';
/** "GL lead", "Financial Controller", "service manager", "transport in-charge": a job named by what it leads (not a verb: "asking leads", "assigned owners"). */
const ROLE_GENERIC = indexed(new RegExp(String.raw`\b(?!(?:the|a|an|will|to|can|would|and|or|who|which|that|our|their|team|project|we|they|each|every|one|should|must|may|is|are|was|be|by|for|with|of|in|on)\b)(?![a-z]+(?:ing|ed)\b)[A-Za-z&][\w&-]* (?:${ROLE_WORD})s?\b`, 'i'));

/** Functions named as proper nouns ("Legal", "Security"): capitalised, so "security issues" is not a role. */
const ROLE_FUNCTION = indexed(/\b(?:[A-Z][a-z]+(?:ing|ed) (?:Lead|Leader|Manager|Owner|Director|Officer|Controller|Counsel|Champion)s?|IT(?= (?:approves?|signs?|reviews?|checks?|decides?|owns?|validates?|must (?:approve|sign)))|Legal|Security|InfoSec|Compliance|Privacy|Finance|Procurement|Sales|Marketing|Engineering|Risk|Model Risk|Trust (?:&|and) Safety|Customer Success|Data Science)\b(?!\.\s)(?! (?:Act|Law|Regulation|Directive|Notice|Statement|Policy)\b)/);

const ROLE_TITLE_ALL = indexed(new RegExp(ROLE_TITLE.source, 'gi'));
const ROLE_FUNCTION_ALL = indexed(new RegExp(ROLE_FUNCTION.source, 'g'));
const ROLE_GENERIC_ALL = indexed(new RegExp(ROLE_GENERIC.source, 'gi'));

/** Every named role in a text, lower-cased. */
/** One name per role: "the DPO" and "the Data Protection Officer" are the same person. */
const ROLE_ALIASES: Record<string, string> = { dpo: 'data protection officer', 'data protection officer (dpo)': 'data protection officer' };
export function findRoles(text: string): string[] {
  const out = [...text.matchAll(ROLE_TITLE_ALL)].map((m) => m[0].toLowerCase()).map((r) => ROLE_ALIASES[r] ?? r);
  for (const m of text.matchAll(ROLE_FUNCTION_ALL)) out.push(m[0].toLowerCase());
  for (const m of text.matchAll(ROLE_GENERIC_ALL)) out.push(m[0].toLowerCase());
  // "Data Protection Officer" is one role, not also a "protection officer".
  return out.filter((r, i) => !out.some((o, j) => j !== i && o.length > r.length && o.endsWith(` ${r}`)));
}

/** Cheap look for the last words ROLE_GENERIC needs, before its costly look-ahead at every word. */
const ROLE_GENERIC_HINT = indexed(new RegExp(String.raw`(?:${ROLE_WORD})s?\b`, 'i'));

export function hasRole(text: string): boolean {
  return ROLE_TITLE.test(text) || ROLE_FUNCTION.test(text) || (ROLE_GENERIC_HINT.test(text) && ROLE_GENERIC.test(text));
}

/** `hasRole` for a unit, remembered. */
export function roleIn(unit: Unit): boolean {
  return is(unit, ROLE_TITLE) || is(unit, ROLE_FUNCTION) || (is(unit, ROLE_GENERIC_HINT) && is(unit, ROLE_GENERIC));
}

/** For quoting around a role. */
export const ROLE = indexed(new RegExp(`${ROLE_TITLE.source}|${ROLE_FUNCTION.source}|${ROLE_GENERIC.source}`, 'i'));

/** Partners the rubric counts as cross-functional: engineering, legal, security, go-to-market (and their kin). */
export const PARTNER =
  indexed(/\b(?:engineering (?:team|lead|manager|director|org|partners?)|(?<!\b(?:process|mechanical|civil|chemical|structural|field|maintenance|electrical|manufacturing|industrial|production|mining|environmental|agricultural|biomedical|plant|sound|audio|lift|elevator|boiler|marine|track|rail|flight|traffic|reservoir|petroleum|nuclear|acoustic|building|HVAC)[ -])engineers?|eng team|CTO|tech lead|ML (?:team|engineers?|lead)|data science (?:team|lead)|platform team|SRE|infra(?:structure)? team|legal|counsel|lawyers?|solicitors?|barristers?|attorneys?|General Counsel|privacy (?:team|officer|lead|counsel)|DPO|Data Protection Officer|data protection (?:advisor|adviser|lead|team|delegate)|(?:chief )?risk officer|compliance|security|InfoSec|CISO|red team|sales(?! (?:increase|growth|volumes?|figures|numbers|revenue|uplift|targets?|per|of|price|prices|go|went|rise|rose|fall|fell|drop|up|down|data|history|records?|channels?)\b)|marketing(?! (?:to|of|budget|spend|copy|material|emails?|messages?|texts?|campaigns?|consent|opt-?(?:in|outs?))\b)|GTM|go-to-market|customer success|account managers?|(?:comms|communications|PR) team|solutions engineers?|revenue team|partnerships team|channel partners?|(?:systems|data|platform|integration|dev|development|tech(?:nology)?|digital|delivery|IT|software|backend|back-end|frontend|front-end|mobile|web|app|infra\w*|cloud|ops|product engineering) (?:team|partners?|org|squad|guild|devs?|developers?|crew|agency|agencies|studio|contractors?)|vendor engineers?|(?:data|ML|platform|software|backend|frontend|site reliability) engineering|DevOps|MLOps|SecOps|AppSec|RevOps|SalesOps|Sales Ops|CS (?:team|leads?|managers?)|developers?|devs\b|Eng\b|Engineering\b)\b/i);

/** "IT" (or "ICT") in capitals names a partner; in lower case it is a pronoun. */
export const PARTNER_IT = indexed(/\b(?:IT|ICT)\b/);

// Negation and quotation ------------------------------------------------------------------------

/** Words that, before a phrase in the same sentence, reject or deny it. */
// "wrong" judges ("it is wrong to …"), except where something goes or gets wrong ("whatever it gets wrong we shall correct …").
const REJECTION =
  indexed(/\b(?:(?:nobody|no one|no-one|none of us)(?: here| on the team| in the team)? (?:(?:should|would|can|may) (?:assume|think|believe|claim|say)|assumes|thinks|believes|claims|expects|pretends)|reject(?:s|ed|ing)?|avoid(?:s|ing)?|refuse|never|not|no longer|won'?t|will not|don'?t|do not|does not|doesn'?t|isn'?t|aren'?t|cannot|can'?t|instead of|rather than|anti-?pattern|myth|mistake|(?<!\b(?:gets?|got|gotten|getting|goes|go|going|went|gone|anything|something|whatever) )wrong|dangerous|unacceptable|disagree|false|fallacy|mindset|trap|temptation|tempting|opposite|against|without ever|no room for|rule out|ruled out|ban|prohibit(?:s|ed)?|unlike|(?:other|some|many|most) (?:teams|companies|vendors|products|startups|people)|where others|others (?:do|might|would))\b/i);

const QUOTE_PAIRS: [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ["'", "'"],
  ['‘', '’'],
  ['«', '»'],
];

/** True when [start, end) of `sentence` sits inside quotation marks. */
export function isQuoted(sentence: string, start: number, end: number): boolean {
  for (const [open, close] of QUOTE_PAIRS) {
    const before = sentence.lastIndexOf(open, start);
    if (before < 0) continue;
    // A straight apostrophe inside a word ("we'll") is not a quotation mark.
    if (open === "'" && /\w/.test(sentence[before - 1] ?? '') && /\w/.test(sentence[before + 1] ?? '')) continue;
    const after = sentence.indexOf(close, Math.max(end - 1, before + 1));
    if (after >= end - 1 && after > before) {
      if (close === "'" && /\w/.test(sentence[after - 1] ?? '') && /\w/.test(sentence[after + 1] ?? '')) continue;
      return true;
    }
  }
  return false;
}

/** Curly apostrophes as straight ones, same length, so patterns need one spelling and offsets still hold. */
export function straightQuotes(text: string): string {
  return text.replace(/[’‘ʼ]/g, "'");
}

/** True when the phrase at [start, end) is mentioned to be rejected, denied or quoted, not asserted. */
export function isRejectedOrQuoted(sentence: string, start: number, end: number): boolean {
  if (isQuoted(sentence, start, end)) return true;
  // Look back over the clause before the phrase (up to a sentence-internal boundary).
  const before = straightQuotes(sentence.slice(0, start));
  // Sentence ends count too: the segmenter keeps "…day one. every time…" together when the next sentence starts in lower case.
  const clauseStart = Math.max(before.lastIndexOf(';'), before.lastIndexOf(' but '), before.lastIndexOf(' however'), before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '));
  const clause = before.slice(clauseStart + 1);
  return REJECTION.test(clause);
}

/** A negation inside a matched span ("built into gates, not bolted on after launch"). */
export function isNegatedWithin(span: string): boolean {
  return /\b(?:not|never|no longer|rather than|instead of)\b|n't\b/i.test(straightQuotes(span));
}

/** Search units for a pattern; returns the first match per unit with its offsets. */
export function findAll(units: Unit[], pattern: RegExp): { unit: Unit; index: number; match: string }[] {
  const out: { unit: Unit; index: number; match: string }[] = [];
  const re = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  for (const unit of units) {
    const m = re.exec(unit.text);
    if (m) out.push({ unit, index: m.index, match: m[0] });
  }
  return out;
}

const positions = new WeakMap<Unit[], Map<Unit, number>>();

/** Where a unit sits in a list of units (indexed once per list). */
function positionOf(units: Unit[], unit: Unit): number {
  let index = positions.get(units);
  if (!index) {
    index = new Map(units.map((u, i) => [u, i]));
    positions.set(units, index);
  }
  return index.get(unit) ?? -1;
}

/** Units near `unit` under the same heading of the same file (list items are sections of their own), including itself. */
export function neighbourhood(units: Unit[], unit: Unit, radius = 1): Unit[] {
  const i = positionOf(units, unit);
  const out: Unit[] = [];
  const samePlace = (u: Unit) => u.section === unit.section || (u.file === unit.file && u.path.length === unit.path.length && u.path.every((h, k) => h === unit.path[k]));
  for (let j = Math.max(0, i - radius); j <= Math.min(units.length - 1, i + radius); j++) {
    if (j === i || samePlace(units[j]!)) out.push(units[j]!);
  }
  return out;
}

const TIME_FRAME_ALL = indexed(new RegExp(TIME_FRAME.source, 'gi'));

const YEAR_ALL = /\b(?:19|20)\d\d\b/g;
// An objective's or key result's number ("Objective 2:", "KR 1.1") is a label too, unless it is a percentage.
const LABEL_ALL = /\b(?:M|Q|H|v|V)\d+\b|\b(?:year|phase|gate|sprint|stage|wave|step|tier|level|version|slide|page|section|quarter|semester|trimester|milestone)\s?\d+\b|\b(?:O?KRs?|O|objectives?|key results?|initiatives?|workstreams?|epics?|pillars?)\s?\d+(?:\.\d+)*\b(?![.,]?\d|\s?%)/gi;
const quantities = new Map<string, boolean>();

/**
 * Forget what was remembered per text (money amounts, quantities, the index's scans), so the next
 * grading pays for its text in full, as a submission never seen before does (`npm run bench`).
 */
export function forgetTexts(): void {
  amounts.clear();
  quantities.clear();
  forgetScans();
}

/** A number that is a quantity, not a date, a year or a quarter label (remembered per text: several graders ask). */
export function hasQuantity(text: string): boolean {
  if (!/\d/.test(text)) return false;
  let answer = quantities.get(text);
  if (answer === undefined) {
    if (quantities.size > 20_000) quantities.clear();
    answer = /\d/.test(text.replace(TIME_FRAME_ALL, ' ').replace(YEAR_ALL, ' ').replace(LABEL_ALL, ' '));
    quantities.set(text, answer);
  }
  return answer;
}

/** The header row of the table a row unit belongs to (the first row of its section), if any. */
export function tableHeader(units: Unit[], unit: Unit): Unit | undefined {
  if (!unit.row) return undefined;
  const i = positionOf(units, unit);
  let header: Unit | undefined;
  for (let j = i; j >= 0 && units[j]!.section === unit.section && units[j]!.row; j--) header = units[j];
  return header === unit ? undefined : header;
}

/** Deduplicate evidence and keep at most `n`, in document order. */
export function pickEvidence(evidence: Evidence[], n = 3): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of evidence) {
    const key = `${e.file}\u0000${e.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
    if (out.length >= n) break;
  }
  return out;
}
