import { indexed } from '../src/grading/prefilter.js';
import { hasQuantity, headingIs, headingsAre, is, MONTH_STEMS, neighbourhood, pickEvidence, placeOf, quote, sentencesOf, tableHeader, TIME_FRAME, type Unit } from '../src/grading/text.js';
import type { GraderResult, ItemGrader, Score } from '../src/grading/types.js';
import { BASELINE_TO_TARGET, DIRECTION, KPI_WORD, METRIC_LABEL, OUTCOME, VANITY } from './cues.js';

const MILESTONE_VERB =
  indexed(/\b(?:launch\w*|ship\w*|releas\w*|pilot\w*|beta|GA\b|general availability|rollout|roll(?:s|ing)? out|deliver\w*|go[- ]live|live\b|complet\w*|MVP|expan\w+|integrat\w*|migrat\w*|onboard\w*|deploy\w*|hire|build|start|kick[- ]?off|sunset|scale|available|ready|sign(?:ed)?[- ]off|switch(?:ed)? on|turn(?:ed)? on|opens?\b|extend\w*|add\w*|connect\w*|exits?\b|ends?\b|closes?\b|go\s?\/\s?no[- ]go|decision|gate\b|review)\b/i);
/** A line that opens with its milestone label or date: "M3 (Sep 12): …", "Feb 15 – …", "Week 6: …". */
const MILESTONE_LABEL = indexed(/^\s*(?:W(?:k)?\d{1,2}\b|M\d{1,2}\b|milestone\s?\d*|Q[1-4]\b|H[12]\b|(?:month|week|sprint)\s?\d+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s?\d{1,2}\b|\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|20\d\d-\d\d)/i);
const RISK = indexed(/\brisks?\b|\bthreats?\b|\bconcerns?\b|\bdependenc\w+|\bblockers?\b|\bwhat could go wrong\b|\bcould (?:fail|slip|go wrong)\b/i);
/** A control stated as what is done: checked, reviewed, capped, never or only allowed. */
const CONTROL = /\b(?:checks?|checked|review(?:s|ed)?|test(?:s|ed)?|limit(?:s|ed)?|cap(?:s|ped)?|never|always|only|not allowed|blocked|requires?|must)\b/i;
const MITIGATION = indexed(/\bwhat we (?:do|will do|'ll do)\b|(?<!\b(?:not|never|n't|no)\b[^.;]{0,30})\bwhat (?:I|we)(?:'d|’d| would| will|'ll)? do about\b|\bhow we (?:handle|respond|reduce|prevent|deal)\b|\bhow (?:I|we)(?:'d|’d| would| will|'ll| shall)? (?:meet|handle|tackle|address|manage|counter|answer|deal with|head off) (?:them|it|each|these|those)\b|,\s?so (?:we|every|each|all|our|the|a|an)\b|\bwhich is why\b|\bmitigat\w*|\bmitigants?\b|\bcontingenc\w*|\bfallback\b|\bplan b\b|\baddress(?:ed)? by\b|\breduc\w+ by\b|\bcounter\w*|\b(?:response|answer)\s?:|\b(?:routed|sent|escalated|handed|passed|go(?:es)?) to (?:a |the )?(?:human|person|reviewer|specialist|expert)\b|\bwe will\b|\bby (?:running|adding|using|keeping|starting|limiting|partnering|hiring|building)\b|→|->|\bso that\b|\bto avoid\b|\bguard against\b|\bif (?:it|this|that) happens\b|\bfix(?:es)?\s?:|\bworkaround\b|\bremed(?:y|ies)\s?:/i);
const HORIZON = indexed(/\bmonths? (?:[IVX]+\s?[-–]\s?)?XII\b|\b(?:12|twelve)[- ]months?\b|\b(?:one|1)[- ]year\b|\bQ4\b|\bH2\b|\bmonths? (?:10|11|12)\b|\bM(?:10|11|12)\b|\b(?:oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\bend of (?:the )?year\b|\byear[- ]end\b|\bweeks? (?:4[0-9]|5[0-2])\b|\bW(?:4[0-9]|5[0-2])\b/i);
/** A calendar date a milestone can be held to: a month (with or without a day), a numbered week or day, an ISO date. A quarter alone is a phase, not a date. */
const DATE = indexed(/\b\d{1,2}\.(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\b|\b\d{1,2}[./-]\d{1,2}[./-](?:20)?\d\d\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b20\d\d-\d\d(?:-\d\d)?\b|\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\b(?:week|wk|day|month)\s?\d{1,3}\b|\bW(?:k)?\d{1,2}\b|\bM\d{1,2}\s?\(/i);

/** A milestone named anywhere in a line: "… Milestone 2 (30 June): …", "M3 (Sep 12)". */
const MILESTONE_ANYWHERE = indexed(/\bmilestones?\s?\d+\b|\bmilestone\s?:|\bM\d{1,2}\s?[(:]/i);
/** A measured change or bar: "down 40%", "+12 pts", "at or below 5 working days", "90% of trial crew rate answers useful". */
const MOVED_BY = indexed(/[-−+]\s?\d+(?:\.\d+)?\s?%|\bexit\b|\b(?:down|up|fewer|lower|higher|cut|reduced?)\s(?:by\s)?(?:about |~)?\d+(?:[.,]\d+)?\s?(?:%|pts?|points?)|\b(?:at or (?:below|above)|no more than|at least|under|below|above)\s~?\d+(?:[.,]\d+)?\s?(?:%|working days?|days?|hours?|minutes?|s\b|seconds?)|\b\d+(?:[.,]\d+)?\s?% of (?:\w+ ){0,4}(?:rate|say|report|find|answer|resolve|complete|use)\w*/i);

/** A table column that holds each phase's success measure. */
const METRIC_HEADER = /\b(?:(?:exit|success|phase) (?:metrics?|criteri(?:on|a)|measures?)|exit (?:checks?|tests?|conditions?)|(?:gate|go\/no-go) (?:criteria|checks?|conditions?)|metrics?|KPIs?|targets?|success|measured? by|how we know|done when|definition of done)\b/i;

/** Calendar periods (quarters, halves, months) as opposed to bare "Phase 2". A month is a month's name, not any word it opens ("Declan", "Marketing"). */
const CALENDAR_PERIOD = indexed(/\b((?:autumn|spring|summer|winter|fall|michaelmas|lent|trinity) term|(?:first|second) semester|semester \d)\b|\b(months? (?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?:\s?[-–]\s?(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I))?)\b|\b(Q[1-4]|H[12]|quarter\s?[1-4])\b|\b(months?\s?\d{1,2}(?:\s?[-–]\s?\d{1,2})?)\b|\b(M\d{1,2}\s?[-–]\s?M?\d{1,2})\b|\b((?:jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar|rero|braio)?|mar(?:ch|s|zo|ço)?|apr(?:il|ile)?|may|jun(?:e|i|io|ho)?|jul(?:y|i|io|ho)?|aug(?:ust|usti)?|sep(?:t|tember|tembre|tiembre)?|oct(?:ober|obre)?|nov(?:ember|embre)?|dec(?:ember|embre)?)(?:\s?[-–]\s?(?:jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar|rero|braio)?|mar(?:ch|s|zo|ço)?|apr(?:il|ile)?|may|jun(?:e|i|io|ho)?|jul(?:y|i|io|ho)?|aug(?:ust|usti)?|sep(?:t|tember|tembre|tiembre)?|oct(?:ober|obre)?|nov(?:ember|embre)?|dec(?:ember|embre)?))?)\b|\b(weeks?\s?\d{1,2}(?:\s?[-–]\s?\d{1,2})?)\b|\b(W(?:k)?\d{1,2}(?:\s?[-–]\s?W?\d{1,2})?)\b|\b(days?\s?\d+\s?[-–]\s?\d+)\b/i);
/** A phase's name, then its months in brackets: "Phase II – First new production (December 2026 to February 2027)". */
const PHASE_THEN_MONTHS = /^\W{0,3}(?:phase|stage|wave|step)\s?[\w.]{1,5}\s?[–—:.-][^()]{0,60}\(([^)]{3,40})\)/i;
const PHASE = indexed(/\b(phase\s?(?:\d|one|two|three|four|five|IX|IV|V?I{1,3}|V|X)|stage\s?\d|wave\s?\d|horizon\s?\d)\b/i);

const MONTHS_RE = MONTH_STEMS.join('|');
const PERIOD_OPENER = indexed(new RegExp(String.raw`^\W{0,3}(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:(?:objective|goal|focus|theme|OKR|O\d{1,2})\s?:?\s+)?(?:Q[1-4]|quarter\s?[1-4]|H[12]|M\d{1,2}\b|W(?:k)?\d{1,2}\b|month|week|phase|stage|wave|semester|trimester|term\s?\d|(?:first|second|third) (?:semester|term|trimester)|(?:${MONTHS_RE}))`, 'i'));
const PROSE_OPENER = new RegExp(String.raw`^\W{0,3}(?:in|from|during|over|between|by|for|then,? in|after that,? in)\b[^.;]{0,40}?\b(?:Q[1-4]|H[12]|(?:${MONTHS_RE})[a-z]*|(?:autumn|spring|summer|winter|fall) term|(?:first|second) semester|months? \d{1,2})\b`, 'i');
const NAMED_PHASE_OPENER = indexed(new RegExp(String.raw`^\W{0,3}[\p{L}][\p{L}\d'’-]*(?: [\p{L}'’-]+){0,3}\s?[,:(–—-]\s?(?:${MONTHS_RE})[a-z]*\.?\s?[-–—]\s?(?:${MONTHS_RE})`, 'iu'));

const MONTH_NAMES = new RegExp(String.raw`\b(${MONTHS_RE})[a-z]*\b`, 'gi');
/** How many months a text's first and last month names span ("May 2026 – Apr 2027": 12; "Jan–Mar": 3). */
function monthsSpanned(text: string): number {
  const months = [...text.matchAll(MONTH_NAMES)].map((m) => MONTH_STEMS.indexOf(m[1]!.toLowerCase().slice(0, 3)));
  if (months.length < 2) return 0;
  return ((months.at(-1)! - months[0]! + 12) % 12) + 1;
}

/** A heading that spans the year ("Roadmap (January–December 2026)") or names the horizon and where it starts ("ROADMAP (12 months, from March …)"): no phase. */
const spansYear = (h: string): boolean => monthsSpanned(h) >= 6 || /\b(?:12|twelve)[- ]months?\b|\b(?:one|1)[- ]year\b/i.test(h);
/** A line that opens with a month's number: "M4  Shadow: tool quotes, estimators quote" (not a range "M1–M3"). */
const MONTH_NUMBERED_LINE = /^\W{0,3}M(\d{1,2})\b(?!\s?[-–])/;
/** A line labelled as a measure: "Measure:", "Measure for the phase:", "Exit criterion:", "Done when:". */
const MEASURE_LABEL = new RegExp(String.raw`(?:^|[.;]\s+)\W*${METRIC_LABEL}`, 'i');
/** A milestone's label: "M4", "J2", "G3", "Milestone 2", "Gate A", "Jalon", "Meilenstein". */
const MILESTONE_TAG = String.raw`(?:[MJG]\d{1,2}|milestones?(?:\s?\d{1,2})?|gate\s?(?:\d{1,2}|[A-Z]\b)|jalons?(?:\s?\d{1,2})?|meilensteine?(?:\s?\d{1,2})?)`;
/** A milestone named by its label anywhere in a line. */
const MILESTONE_NAME = new RegExp(String.raw`\b${MILESTONE_TAG}\b`, 'i');
/** A line that opens with a milestone's label: "M3 –", "2. M6 –", "Milestone 2:", "Gate A", "J1:". */
const MILESTONE_OPENER = new RegExp(String.raw`^\W*(?:\d{1,2}[.)]\s*)?${MILESTONE_TAG}\b`, 'i');
/** A measure named as such in a line: "Exit metric:", "success criterion", "measured by". */
const MEASURE_NAMED = /\b(?:exit|success|done|measured?|metrics?|criteri(?:on|a)|KPIs?)\b/i;
/** A table of metrics ("Metric | Now | Goal | When"): its date cells are targets' dates, not phases. */
const METRIC_TABLE = /^\W*(?:metrics?|KPIs?|measures?|outcomes?|indicators?|targets?)\b/i;

const MITIGATION_LATER = /\bmitigations?\b[^.;]{0,60}\b(?:will|are to|still (?:need to|have to)|to) be (?:worked out|defined|agreed|decided|written|developed|determined|added|identified|designed)\b|\bmitigations?\s*:\s*(?:TBD|to follow|later)\b/i;

/** A row's cell, among its first four, that opens with a period and nothing more: "M1–M3", "Jan – Mar", "Q1 (Sep–Nov 2026)". */
function periodCell(row: string): string | undefined {
  return row
    .split(' | ')
    .slice(0, 4)
    .find((c) => c.length <= 40 && CALENDAR_PERIOD.exec(c)?.index === c.search(/\w/));
}

function periodLabel(text: string): { label: string; calendar: boolean } | undefined {
  // "Q3. What is the plan for 12 months?" numbers a question, not a quarter.
  if (text.includes('?')) text = text.replace(/\bQ\d{1,2}[.):]\s[^?]*\?/g, ' ');
  const c = CALENDAR_PERIOD.exec(text);
  const p = PHASE.exec(text);
  if (c && (!p || c.index <= p.index + 40)) return { label: c[0].toLowerCase().replace(/\s+/g, ' '), calendar: true };
  if (p) return { label: p[0].toLowerCase().replace(/\s+/g, ' '), calendar: false };
  return undefined;
}

/** The months a Gantt row marks ("1–3"), read from a cell of twelve marks under a header cell of twelve months. */
function ganttMonths(header: string, row: string): string | undefined {
  const heads = header.split(' | ');
  const cells = row.split(' | ');
  for (let i = 0; i < cells.length; i++) {
    const marks = cells[i]!.trim().split(/\s+/);
    if (marks.length !== 12 || !marks.every((m) => /^[xX■█●✓✔*#.·○□-]$/.test(m))) continue;
    if (!/^(?:[A-Za-z]{1,3}\s+){11}[A-Za-z]{1,3}$|^(?:\d{1,2}\s+){11}\d{1,2}$/.test((heads[i] ?? '').trim())) continue;
    const on = marks.map((m) => /^[xX■█●✓✔*#]$/.test(m));
    const first = on.indexOf(true);
    if (first < 0) continue;
    const last = on.lastIndexOf(true);
    return first === last ? `${first + 1}` : `${first + 1}–${last + 1}`;
  }
  return undefined;
}

/**
 * `roadmap_structure`: a 12-month horizon in phases or quarters with dated milestones,
 * success metrics per phase, and named risks with mitigations (RUBRIC.md). Phases without
 * dates are not dated milestones.
 */
export const gradeRoadmapStructure: ItemGrader = ({ units }): GraderResult => {
  const roadmap = units.filter((u) => u.deliverable === 'roadmap' || u.deliverable === 'unknown');
  if (roadmap.length === 0) return { score: 0, confidence: 0.9, rationale: 'No roadmap was found.', evidence: [], signals: {} };

  // Each unit belongs to the period its heading names, or to the last period a line opened in its section.
  const periods = new Map<string, { calendar: boolean; units: Unit[] }>();
  // A period opened by a line runs on through the lines and list items under the same heading of the same file.
  let carried: { label: string; calendar: boolean; section: number; place: string } | undefined;
  const within = (c: typeof carried, u: Unit) => c !== undefined && (c.section === u.section || (!u.row && c.place === placeOf(u)));
  // A table laid out with the periods as columns ("Workstream | Q1 Apr–Jun | Q2 Jul–Sep | …") is read by column below.
  const columnLabels = (u: Unit) => {
    const header = u.row ? tableHeader(roadmap, u) : undefined;
    const heads = header ? header.text.split(' | ').slice(1) : [];
    // Columns headed by month numbers ("M1 | M2 | … | M12") are the plan's months.
    const monthNumbers = heads.filter((c) => /^\s*M\d{1,2}\s*$/.test(c)).length >= 6;
    const labels = heads.map((c) => (monthNumbers && /^\s*M\d{1,2}\s*$/.test(c) ? { label: `month ${c.trim().slice(1)}`, calendar: true } : periodLabel(c)));
    return labels.filter((l) => l?.calendar).length >= 3 ? { header: header!, labels } : undefined;
  };
  // Lines numbered by month ("M1  Pull 800 past quotes" … "M12 Review with GM Ops") in a run that reaches month 9 or
  // later are the plan's months, not milestones: milestone labels rarely run that far.
  const monthLine = (u: Unit) => (u.row ? null : MONTH_NUMBERED_LINE.exec(u.text));
  const mNumbers = new Set(roadmap.flatMap((u) => monthLine(u)?.[1] ?? []).map(Number));
  const byMonthNumber = mNumbers.size >= 6 && Math.max(...mNumbers) >= 9;
  // Rows of a table whose "Months" column dates them ("4–6 | First model | M6: go/no-go of the maître affineur").
  const monthRows = new Set<Unit>();
  for (const u of roadmap) {
    if (columnLabels(u)) continue;
    // The nearest heading names the period; an ancestor ("Roadmap (January to December)") only when no line does.
    // A heading that spans the year ("Roadmap (January–December 2026)") is the horizon, not a phase.
    const last = u.path.at(-1) ?? '';
    const fromLast = spansYear(last) ? undefined : periodLabel(last);
    const fromPath = fromLast ?? (within(carried, u) || u.path.some((h) => monthsSpanned(h) >= 6) ? undefined : periodLabel(u.path.filter((h) => !spansYear(h)).join(' ')));
    // Prose names its period in an opening phrase: "In the first half of the autumn term (1 September to 24 October) we build …".
    const prose = !u.row && PROSE_OPENER.exec(u.text);
    // A row under a "Months" column whose cell is a bare range ("1–2 | Discovery | …") opens months 1–2.
    const header = u.row ? tableHeader(roadmap, u)?.text ?? '' : '';
    // So does one under a "Months" column further right ("1 Data | 1–2 | M1 (month 2) …").
    const monthColumn = u.row ? header.split(' | ').findIndex((h) => /^\W*months?\W*$/i.test(h)) : -1;
    const monthCell = monthColumn >= 0 ? /^\s*(\d{1,2}\s?[–-]\s?\d{1,2}|\d{1,2})\s*$/.exec(u.text.split(' | ')[monthColumn] ?? '') : null;
    // A phase table's row opens the period its period cell names ("1. Data and digital twin | M1–M3 | …"); a metric table's row does not.
    const opening = u.row && !METRIC_TABLE.test(header) ? (periodCell(u.text) ?? u.text.slice(0, 30)) : u.text.slice(0, 30);
    // A Gantt row marks its months in one cell under a header of twelve months ("J F M A … D" over "X X X . . ."): it opens the months marked.
    const gantt = u.row ? ganttMonths(header, u.text) : undefined;
    // A phase named and then its months in brackets ("Phase IV – Summer festival and review (June to August 2027).") opens those months.
    const bracketed = u.row ? null : PHASE_THEN_MONTHS.exec(u.text);
    const numbered = byMonthNumber ? monthLine(u) : null;
    const fromLine = monthCell ? { label: `month ${monthCell[1]!.replace(/\s/g, '')}`, calendar: true } : numbered ? { label: `month ${numbered[1]}`, calendar: true } : gantt ? { label: `month ${gantt}`, calendar: true } : u.text.length < 300 || PERIOD_OPENER.test(u.text) ? periodLabel(prose ? prose[0] : bracketed && CALENDAR_PERIOD.test(bracketed[1]!) ? bracketed[1]! : opening) : undefined;
    // A line opens a period when it starts with one ("Q1 –", "2.1 Q1 –", "Month 3:"), is a table row,
    // or names a phase and then its months ("Discovery, Apr-May 2026.", "Alpha (Jun–Aug):").
    const opens = fromLine !== undefined && (u.row || Boolean(prose) || PERIOD_OPENER.test(u.text) || NAMED_PHASE_OPENER.test(u.text));
    // A short label line ("Targets", "Risks") in a file without headings starts something else.
    if (carried && !opens && carried.section !== u.section && !u.row && u.text.length <= 30 && !/\d|[.;,]$/.test(u.text)) carried = undefined;
    if (opens) carried = { ...fromLine, section: u.section, place: placeOf(u) };
    else if (carried && !within(carried, u) && !(u.row || fromLast)) carried = undefined;
    // A table row's own month beats the heading above the table ("Roadmap May 2026 – Apr 2027").
    // A line that opens another period than its heading names ("Q2 – Pilot …" under a heading "Q1 – Foundations" that
    // is only the first of four) opens it, for itself and the lines after it under that heading.
    const ownLine = carried !== undefined && within(carried, u) && fromLast !== undefined && carried.label !== fromLast.label && carried.place === placeOf(u) && carried.calendar ? carried : undefined;
    const p = (u.row && opens ? fromLine : undefined) ?? ownLine ?? fromLast ?? (within(carried, u) ? carried : undefined) ?? fromPath;
    if (!p) continue;
    if (monthCell) monthRows.add(u);
    const entry = periods.get(p.label) ?? { calendar: p.calendar, units: [] };
    entry.units.push(u);
    periods.set(p.label, entry);
  }
  // A table laid out with the periods as columns ("Workstream | Q1 Apr–Jun | Q2 Jul–Sep | …"): each column is
  // a phase, a row labelled as a metric ("Success metric | … | …") gives each its metric, and a milestone row
  // ("Milestone | M1 Gate 1 (30 June) | …") dates each column's milestone.
  const columnMetrics = new Set<string>();
  const columnRows = new Set<Unit>();
  let columnDates = 0;
  for (const u of roadmap) {
    const table = columnLabels(u);
    if (!table || table.header === u) continue;
    const { labels } = table;
    const cells = u.text.split(' | ');
    columnRows.add(u);
    cells.slice(1).forEach((cell, i) => {
      const l = labels[i];
      if (!l) return;
      const entry = periods.get(l.label) ?? { calendar: l.calendar, units: [] };
      if (!entry.units.includes(u)) entry.units.push(u);
      periods.set(l.label, entry);
      if (METRIC_HEADER.test(cells[0] ?? '') && hasQuantity(cell)) columnMetrics.add(l.label);
      if (DATE.test(cell) && (MILESTONE_VERB.test(cell) || MILESTONE_ANYWHERE.test(cell) || /^\W*M\d/.test(cell))) columnDates++;
    });
  }
  const calendarPeriods = [...periods.values()].filter((p) => p.calendar).length;
  // A month-numbered line is dated by its number, and is a milestone by what it delivers ("M6  Live at the 2 depots"), not by its label.
  const datedUnits = roadmap.filter((u) => (is(u, DATE) && (is(u, MILESTONE_VERB) || is(u, MILESTONE_LABEL) || is(u, MILESTONE_ANYWHERE))) || ((monthRows.has(u) || (byMonthNumber && monthLine(u) !== null)) && (is(u, MILESTONE_VERB) || is(u, MILESTONE_ANYWHERE))));
  const dated = { length: datedUnits.filter((u) => !columnRows.has(u)).length + columnDates, units: datedUnits };
  // A success metric, not a scope number ("pilot with 30 technicians" sizes the phase; "handle time -15%" measures it).
  // A row of a table with a metric column ("Phase | Months | Milestone | Exit metric") carries its phase's metric.
  const metricColumn = (u: Unit) => u.row && METRIC_HEADER.test(tableHeader(roadmap, u)?.text ?? '');
  // In a metric column, "T1 and T4 met" points at targets set elsewhere with their numbers.
  const targetMet = (u: Unit) => metricColumn(u) && /\b(?:T|KR|KPI|O|G)\s?\d{1,2}\b[^|]{0,30}\b(?:met|reached|achieved|hit|on track)\b/i.test(u.text);
  // A line labelled as the phase's measure ("Measure for the phase: 100% of pitches have size data") is one.
  const isMetric = (u: Unit) => (hasQuantity(u.text) || targetMet(u)) && !is(u, VANITY) && (is(u, OUTCOME) || is(u, KPI_WORD) || /\bsuccess\s?:/i.test(u.text) || MEASURE_LABEL.test(u.text) || is(u, BASELINE_TO_TARGET) || is(u, DIRECTION) || is(u, MOVED_BY) || metricColumn(u));
  // A phase's exit metric given apart from its row, by the milestone the row names: "M3 exit = wasted drives −30%"
  // for the row "5–7 | Assisted clears | M3 (end Aug): Gate 2".
  const exitByName = new Set<string>();
  for (const u of roadmap) {
    const ref = /^(?:[\w ]{0,15}:\s*)?\W*(M|Gate|Milestone|Phase)\s?(\d{1,2})\s+(?:exit|done|success)\b/i.exec(u.text);
    if (!ref || !isMetric(u)) continue;
    const name = new RegExp(String.raw`\b${ref[1]}\s?${ref[2]}\b`, 'i');
    for (const [label, p] of periods) if (p.units.some((x) => x !== u && x.row && name.test(x.text))) exitByName.add(label);
  }
  const phasesWithMetric = [...periods].filter(([label, p]) => columnMetrics.has(label) || exitByName.has(label) || p.units.some(isMetric));
  // A milestone table beside a Gantt chart ("Milestone | Date | Exit criterion"): each dated row with its measured exit
  // criterion closes a stretch of the plan, as a phase's metric does, though no period holds the row.
  const inPeriod = new Set([...periods.values()].flatMap((p) => p.units));
  // A KPI table (metric | today | target | date) is no milestone table unless its rows name their milestone ("… (M4)").
  const milestoneRow = (u: Unit) => MILESTONE_NAME.test(u.text) || /\b(?:milestones?|gates?|jalons?|meilensteine?)\b/i.test(tableHeader(roadmap, u)?.text ?? '');
  // So does a list of milestones each with its exit metric ("2. M6 – Zürich and Bern live. Exit metric: median time to estimate from 4.5 to 1 day").
  const milestoneLine = (u: Unit) => !u.row && MILESTONE_OPENER.test(u.text) && MEASURE_NAMED.test(u.text);
  const milestoneExits = roadmap.filter((u) => !inPeriod.has(u) && isMetric(u) && ((metricColumn(u) && is(u, DATE) && milestoneRow(u)) || milestoneLine(u)));
  const measuredStretches = phasesWithMetric.length + milestoneExits.length;
  const risks = roadmap.filter((u) => is(u, RISK) || headingIs(u, RISK) || RISK.test(tableHeader(roadmap, u)?.text ?? ''));
  // Mitigations promised for later ("Mitigations for each risk will be worked out with the project team") mitigate nothing yet.
  const mitigates = (u: Unit) => is(u, MITIGATION) && !MITIGATION_LATER.test(u.text);
  // Under a risks heading, a line that names the risk and then, in its next sentences, the control that meets it
  // ("Allergy answer is wrong. Answers about allergens are always the kitchen sheet text, never written by the model.").
  const riskThenControl = (u: Unit) => !u.row && headingIs(u, RISK) && sentencesOf(u.text).slice(1).some((x) => CONTROL.test(x));
  const mitigated = risks.filter((u) => {
    const header = tableHeader(roadmap, u)?.text ?? '';
    return mitigates(u) || headingsAre(u, MITIGATION) || MITIGATION.test(header) || neighbourhood(roadmap, u, 1).some(mitigates) || riskThenControl(u);
  });
  const horizon = roadmap.some((u) => is(u, HORIZON) || headingsAre(u, HORIZON));

  let score: Score;
  let rationale: string;
  if (calendarPeriods >= 3 && horizon && dated.length >= 2 && measuredStretches >= 2 && mitigated.length >= 1) {
    score = 3;
    rationale = `${calendarPeriods} dated phases over 12 months, ${dated.length} dated milestones, metrics in ${measuredStretches} phases or milestones, and risks with mitigations.`;
  } else if (calendarPeriods >= 2 || dated.length >= 2) {
    score = 2;
    const missing = [
      calendarPeriods < 3 || !horizon ? 'a 12-month horizon in dated phases' : '',
      dated.length < 2 ? 'dated milestones' : '',
      measuredStretches < 2 ? 'success metrics per phase' : '',
      mitigated.length === 0 ? (risks.length ? 'mitigations for the risks' : 'named risks with mitigations') : '',
    ].filter(Boolean);
    rationale = `Dated phases or milestones are laid out; missing: ${missing.join(', ')}.`;
  } else {
    score = 1;
    rationale = periods.size ? 'The roadmap has phases but no dates: intentions without dated milestones.' : 'The roadmap lists intentions without dated phases or milestones.';
  }
  const evidence = pickEvidence([...dated.units.map((u) => quote(u, MILESTONE_VERB)), ...[...periods.values()].map((p) => quote(p.units[0]!)), ...mitigated.map((u) => quote(u, RISK)), ...roadmap.map((u) => quote(u))], 4);
  return {
    score,
    confidence: score === 3 ? 0.75 : 0.6,
    rationale,
    evidence,
    signals: { periods: periods.size, calendar_periods: calendarPeriods, dated_milestones: dated.length, phases_with_metrics: phasesWithMetric.length, milestones_with_exit_metric: milestoneExits.length, risks: risks.length, risks_mitigated: mitigated.length, twelve_month_horizon: horizon },
  };
};
