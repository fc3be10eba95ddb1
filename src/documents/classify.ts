import type { Deliverable, Section, SectionDeliverable } from './model.js';
import type { RawSection } from './sectionize.js';

type Kind = Exclude<SectionDeliverable, 'unknown'>;
const KINDS: Kind[] = ['roadmap', 'policy', 'cost'];

/** Headings that serve one deliverable, often without naming it ("Ground rules", "What I'll judge it on"); NAMING_CUES, below, are added to them. */
const OWN_HEADING_CUES: Record<Kind, RegExp> = {
  roadmap: /\broad ?map\b|\bmilestones?\b|\btimeline\b|\bjourney\b|\bover the (?:coming |next )?(?:year|12 months|twelve months)\b|\bhow (?:I|we) (?:would|will|'d|'ll) (?:do|build|roll|deliver|sequence|phase)\b|\bhow we(?:'ll| will) know\b|\bwhat (?:I|we)(?:'ll|’ll| will| would|'d)? (?:judge|measure) (?:it|this|us|ourselves|success) (?:on|by)\b|\bsuccess (?:metrics|measures|criteria)\b|\bKPIs?\b|\bnow\W+next\W+later\b|\bplan\b|\b(?:12|twelve)[- ]months?\b|^\W*(?:\d{1,2}[.)]?\s*)?(?:the )?(?:programme|program|work ?plan|delivery plan)\b|\bwhat success (?:would |will |should )?looks? like\b|\b(?:Q[1-4]|H[12])\b|\bquarter|\bphase \d|\bmonths? \d|\bnorth[- ]star\b|\bOKRs?\b|\bvision\b|\blaunch plan\b/i,
  policy: /\bpolic(?:y|ies)\b|\bgovernance\b|\bresponsible ai\b|\brules (?:for|of) (?:the )?(?:AI|use|using)\b|\b(?:AI|usage|use) rules\b|\bresponsibl[ey]\b|\brai\b|\broll ?-?back\b|\bincident\b|\bmonitoring\b|\bdeployment gates?\b|\bdecision rights\b|\bguardrails?\b|\bescalation\b|\bprinciples\b|\bethic|\bwho (?:will )?(?:take|make)s? (?:the )?decisions?\b|\bprivacy of\b|\bwhat (?:will happen|happens) if\b|\bif (?:there is )?(?:any |a )?problem\b|\bwho (?:decides|approves|signs off)\b|\bground rules\b|^\W*(?:\d{1,2}[.)]\s*)?(?:the |our )?rules\W*$|\bwhat are the rules\b|\brules (?:before|after|during|around)\b|\b(?:what|when) if (?:something|anything|things|it) go(?:es)? wrong\b|\bwhen (?:something|anything|things|it) go(?:es)? wrong\b|\bquality of the \w+ be maintained\b/i,
  cost: /\bcosts?\b|\bbudget\b|\bspend\b|\bfinancials?\b|\bunit economics\b|\bpricing\b|\bTCO\b|\bopex\b|\bcapex\b|\brun[- ]rate\b|\bexpenses?\b|\binvestment\b|\b(?:the )?money\b|\bwhat it (?:will )?costs?\b|\bthe numbers\b|\bP&L\b|\bbusiness case\b/i,
};

/** Headings that name the deliverable itself ("12-month roadmap", "Responsible AI policy", "Year-1 cost"): only these make a file combined. */
export const NAMING_CUES: Record<Kind, RegExp> = {
  roadmap: /\broad ?map\b|\b(?:12|twelve)[- ]month (?:plan|roadmap)\b|\bproduct plan\b|\btimeline\b|\bmilestones\b|\bplan for (?:20\d\d|the (?:year|next (?:12|twelve) months))\b|\b(?:20\d\d|annual|year(?:-one| one| 1)?) plan\b|\bquarterly (?:objectives|plan|goals|OKRs)\b/i,
  policy: /\bpolic(?:y|ies)\b|\bgovernance\b|\bresponsible (?:ai|use)\b|\brules (?:for|of) (?:the )?(?:AI|use|using)\b|\b(?:AI|usage) rules\b|\bAI responsibly\b|\buse (?:it|AI|the model) (?:safely|responsibly)\b|\bRAI\b|\bAI principles\b|\bethics\b|\bguardrails\b|\bkeep(?:ing|s)? (?:the |our )?(?:AI|model|bot|assistant|copilot|agent) (?:safe|in check|honest)\b|\bAI safety\b|\((?:the |our )?(?:AI )?rules\)/i,
  cost: /\bcosts?\b|\bbudget\b|\bfinancials?\b|\bunit economics\b|\bTCO\b|\bspend\b|\bpricing\b|\binvestment\b/i,
};

/** Headings that serve a deliverable: those that name it, and those that name a part only it has. */
const HEADING_CUES = Object.fromEntries(KINDS.map((k) => [k, new RegExp(`${OWN_HEADING_CUES[k].source}|${NAMING_CUES[k].source}`, 'i')])) as Record<Kind, RegExp>;

/** Content cues, each counted at most three times per section. */
const CONTENT_CUES: Record<Kind, RegExp[]> = {
  roadmap: [
    /\b(?:Q[1-4]|H[12])\b/g,
    /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gi,
    /\b[Mm]onths? \d+\b|\bM\d{1,2}\b/g,
    /\bmilestones?\b|\bphases?\b|\broad ?map\b/gi,
    /\b(?:launch|beta|pilot|general availability|GA|rollout|roll out)\b/gi,
    /\bKPIs?\b|\bOKRs?\b|\bnorth[- ]star\b|\bsuccess (?:metric|criteria)/gi,
    /\bmitigat/gi,
  ],
  policy: [
    /\bpolic(?:y|ies)\b|\bgovernance\b/gi,
    /\broll ?-?back\b|\brevert/gi,
    /\bincident/gi,
    /\bmonitor/gi,
    /\bgates?\b|\bapprov|\bsign[- ]off/gi,
    /\bhuman review|\bhuman[- ]in[- ]the[- ]loop|\boversight\b/gi,
    /\bbias\b|\bfairness\b|\btoxic|\bhallucinat/gi,
    /\bprivacy\b|\bPII\b|\bGDPR\b|\bDPO\b|\bconsent\b|\bEU AI Act\b/gi,
    /\baudit(?!ion|orium|oria|ory)|\bcompliance\b|\bred[- ]team/gi,
  ],
  cost: [
    /[$€£]\s?\d|\b\d[\d,.]*\s?(?:USD|EUR|GBP|dollars)\b/g,
    /\bcosts?\b|\bbudget|\bspend\b/gi,
    /\bper (?:month|year|user|query|request|seat|ticket|1[kK]|1,000|million)\b|\/(?:mo|month|yr|year)\b/gi,
    /\binference\b|\btokens?\b|\bGPUs?\b|\bvector (?:db|database|store|index)\b|\bstorage\b|\bhosting\b/gi,
    /\btotal\b|\bsubtotal\b/gi,
    /\bopex\b|\bcapex\b|\brun[- ]rate\b|\bCOGS\b|\bone[- ]off\b|\bone[- ]time\b/gi,
    /\bheadcount\b|\bFTEs?\b|\bsalar/gi,
  ],
};

// Also in the languages candidates name their files in: "politica_IA_responsavel.txt", "Kosten_Jahr1.pptx", "hoja_de_ruta.md".
const NAME_CUES: Record<Kind, RegExp> = {
  roadmap: /road ?map|timeline|(?:^|[^a-z])plan(?:[^a-z]|$)|hoja[ _-]de[ _-]ruta|feuille[ _-]de[ _-]route|fahrplan|roteiro|cronograma|tabella[ _-]di[ _-]marcia/i,
  policy: /polic|(?:^|[^a-z])rai(?:[^a-z]|$)|governance|responsible|guardrail|ethic|principles|safety|trust|pol[ií]tica|politique|richtlinie|leitlinie|responsa[bv]|verantwort|gobernanza|governan[cç]a|gouvernance|[ée]tica|[ée]thique/i,
  cost: /cost|budget|pricing|financ|spend|econom|custos?(?:[^a-z]|$)|costes?(?:[^a-z]|$)|costi(?:[^a-z]|$)|kosten|(?:^|[^a-z])co[uû]ts?(?:[^a-z]|$)|or[cç]amento|presupuesto/i,
};

const RISK_HEADING = /^\W*(?:(?:key|main|top|biggest) )?risks?\b(?:\s*(?:and|&|\/|,)\s*(?:mitigations?|issues|dependencies|assumptions))?\W*$/i;

function headingKind(heading: string): Kind | undefined {
  // A numbered question ("Q4. Who decides?") is no fourth quarter.
  if (/\?\s*$/.test(heading)) heading = heading.replace(/^\W*Q\d{1,2}[.):]\s*/i, '');
  const hits = KINDS.filter((k) => HEADING_CUES[k].test(heading));
  if (hits.length === 1) return hits[0];
  // "Cost governance", "Roadmap risks and policy": the first cue in the heading wins.
  if (hits.length > 1) {
    return hits.map((k) => ({ k, at: heading.search(HEADING_CUES[k]) })).sort((a, b) => a.at - b.at)[0]!.k;
  }
  return undefined;
}

function contentScores(text: string): Record<Kind, number> {
  const scores = { roadmap: 0, policy: 0, cost: 0 };
  for (const k of KINDS) {
    for (const re of CONTENT_CUES[k]) scores[k] += Math.min(3, text.match(re)?.length ?? 0);
  }
  return scores;
}

/**
 * The deliverable a paragraph announces in its opening words, the way a heading would ("Responsible
 * AI. I'll be straight…", "On Responsible AI, here is…", "Costs for year one."): headingless prose does this.
 */
export function openingKind(text: string): Kind | undefined {
  const opening = /^[^.:;!?\n]{0,50}[.:;!?—–-]/.exec(text)?.[0] ?? text.slice(0, 40);
  const hits = KINDS.filter((k) => NAMING_CUES[k].test(opening));
  return hits.length === 1 ? hits[0] : undefined;
}

/** What a passage reads like by its words alone, when it clearly reads like one deliverable. */
export function contentKind(text: string, minimum = 3): Kind | undefined {
  return best(contentScores(text), minimum);
}

function best(scores: Record<Kind, number>, minimum: number): Kind | undefined {
  const sorted = KINDS.map((k) => ({ k, s: scores[k] })).sort((a, b) => b.s - a.s);
  return sorted[0]!.s >= minimum && sorted[0]!.s > sorted[1]!.s ? sorted[0]!.k : undefined;
}

/**
 * Decide which deliverable a file is, and which deliverable each of its sections serves.
 * A section belongs to the nearest heading above it that names a deliverable; otherwise to
 * what its own words are about; otherwise to its neighbour. A file is `combined` when at
 * least two deliverables each hold a real share of its text.
 */
export function classifyDocument(file: string, rawSections: RawSection[]): { deliverable: Deliverable; sections: Section[] } {
  const raw = rawSections.flatMap(splitRunInHeadings);
  const anchored = new Set<Kind>();
  const declared = new Set<Kind>();
  const perSection: (Kind | undefined)[] = raw.map((s) => {
    for (let i = s.path.length - 1; i >= 0; i--) {
      // A title that names several deliverables ("take-home (roadmap / policy / cost)") anchors none of
      // its sections, but says the file holds each of them.
      const named = KINDS.filter((k) => NAMING_CUES[k].test(s.path[i]!));
      if (named.length >= 2) {
        for (const k of named) declared.add(k);
        continue;
      }
      const k = headingKind(s.path[i]!);
      if (k) {
        if (s.path.some((h) => NAMING_CUES[k].test(h))) anchored.add(k);
        return k;
      }
    }
    // A risk register ("Risks", "Key risks and mitigations") under no heading that names a deliverable is the roadmap's,
    // even when its mitigations read like policy (allergens, counsel review).
    if (s.path.length > 0 && RISK_HEADING.test(s.path[s.path.length - 1]!)) return 'roadmap';
    return best(contentScores(s.text), 2);
  });
  // Unanchored, unclear sections follow the section before them (or after, at the start).
  let carry: Kind | undefined;
  for (let i = 0; i < perSection.length; i++) {
    if (perSection[i]) carry = perSection[i];
    else perSection[i] = carry;
  }
  carry = undefined;
  for (let i = perSection.length - 1; i >= 0; i--) {
    if (perSection[i]) carry = perSection[i];
    else perSection[i] = carry;
  }

  const share = { roadmap: 0, policy: 0, cost: 0 };
  let total = 0;
  raw.forEach((s, i) => {
    const k = perSection[i];
    const n = s.text.length + s.path.join(' ').length;
    total += n;
    if (k) share[k] += n;
  });
  const totals = contentScores(raw.map((s) => s.path.join(' ') + '\n' + s.text).join('\n'));
  const nameKind = KINDS.find((k) => NAME_CUES[k].test(file));
  // A deliverable is really there when a heading names it (however short its part), or when it fills 40% of the file:
  // a roadmap deck's risk slide that reads like policy does not make the deck "combined".
  // When the file's name says what it is ("RAI policy FAQ.docx"), another deliverable needs a heading
  // that names it: a policy's gate dates and monitoring table read like a roadmap, but are policy.
  const present = KINDS.filter(
    (k) =>
      total > 0 &&
      (anchored.has(k) || declared.has(k) ? share[k] > 0 : (!nameKind || k === nameKind) && share[k] / total >= 0.4 && raw.filter((_, i) => perSection[i] === k).length >= 2),
  );

  let deliverable: Deliverable;
  if (present.length >= 2) deliverable = 'combined';
  else if (present.length === 1) deliverable = present[0]!;
  else if (nameKind) deliverable = nameKind;
  else deliverable = best(totals, 3) ?? 'unknown';
  // A name that says "cost" on a one-slide deck with figures beats weak content cues.
  if (deliverable !== 'combined' && nameKind && deliverable !== nameKind && totals[nameKind] >= Math.max(...KINDS.map((k) => totals[k])) * 0.6) {
    deliverable = nameKind;
  }

  const sections: Section[] = raw.map((s, i) => ({
    ...s,
    deliverable: deliverable === 'combined' ? (perSection[i] ?? 'unknown') : deliverable,
  }));
  return { deliverable, sections };
}

/**
 * A paragraph that opens with a run-in title naming a deliverable ("4. Responsible AI policy. A detailed
 * policy will be framed …", "5. Cost. The approximate costs are") heads what follows, as a memo writer means
 * it: the section is split there and the title joins its path. The text stays as written.
 */
const RUN_IN = /^(?:\(?\d{1,2}[.)]\s*|[IVX]{1,4}[.)]\s+)?([A-Z][\w’'&/-]*(?: [\w’'&/()-]+){0,5})\.\s+\S/;
const SENTENCE_WORD = /\b(?:is|are|was|were|will|be|been|has|have|had|do|does|did|can|could|should|must|would|may|we|I|it|this|that|these|our|my|you)\b/i;
function runInTitle(line: string): string | undefined {
  const m = RUN_IN.exec(line);
  if (!m || m[1]!.length > 50 || SENTENCE_WORD.test(m[1]!)) return undefined;
  return KINDS.some((k) => NAMING_CUES[k].test(m[1]!)) ? m[1] : undefined;
}
function splitRunInHeadings(s: RawSection): RawSection[] {
  const lines = s.text.split('\n');
  const titles = lines.map(runInTitle);
  if (!titles.some(Boolean)) return [s];
  const out: RawSection[] = [];
  let current: RawSection = { ...s, text: '' };
  for (const [i, line] of lines.entries()) {
    const title = titles[i];
    if (title) {
      if (current.text) out.push(current);
      current = { ...s, path: [...s.path, title], text: line };
    } else current.text = current.text ? `${current.text}\n${line}` : line;
  }
  if (current.text) out.push(current);
  return out;
}
