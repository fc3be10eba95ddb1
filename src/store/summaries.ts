import type { Rubric } from '../grading/rubric.js';
import { visibleCandidate, type CandidateView } from './identity.js';
import { assistUsageOf, type AssistUsage } from './llm-usage.js';
import { decodeCursor, toPage, type Page } from './pagination.js';
import type { Db, Role, SubmissionStatus } from './schema.js';

/** One field of a summary row: was the suggestion kept? (null until a human set the field). */
export interface FieldOutcome<T> {
  suggested: T;
  value: T | null;
  kept: boolean | null;
}

/** One candidate in an assignment's summary. */
export interface SummaryRow {
  submission_id: string;
  candidate: CandidateView;
  status: SubmissionStatus;
  late: boolean;
  submitted_at: string | null;
  /** Pillars from the human values where set, else the suggestions; null before grading. */
  pillars: Record<string, number> | null;
  /** The reviewer's decision (null until confirmed). */
  decision: string | null;
  suggested_decision: string | null;
  /** Red flags present: the human value where set, else the suggestion. */
  red_flags: string[];
  reviewer_id: string | null;
  confirmed_at: string | null;
  review_seconds: number | null;
  fields_changed: number | null;
  items: Record<string, FieldOutcome<number>>;
  flags: Record<string, FieldOutcome<boolean>>;
  /** The LLM assist's tokens and estimated cost for this submission; null when it was not asked for. */
  assist: AssistUsage | null;
}

export interface SummaryFilter {
  assignmentId: string;
  status?: SubmissionStatus | undefined;
  /** Filters on the reviewer's final decision. */
  decision?: 'advance' | 'do_not_advance' | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * A page of an assignment's summary: one indexed range scan over submissions (by assignment,
 * id), joined to candidates and sheets by primary key, then the fields of that page in one query.
 */
export async function summarizeAssignment(db: Db, filter: SummaryFilter, viewer: Role): Promise<Page<SummaryRow>> {
  const after = decodeCursor(filter.cursor);
  let q = db
    .selectFrom('submissions as s')
    .innerJoin('candidates as c', 'c.id', 's.candidate_id')
    // The cursor bounds the sheets side too (a no-op for the result): Postgres merges the two in
    // id order and would otherwise walk the sheets index from the start to a page deep in the list.
    .leftJoin('sheets as sh', (join) => {
      const on = join.onRef('sh.submission_id', '=', 's.id');
      return after ? on.on('sh.submission_id', '>', after) : on;
    })
    .select([
      's.id',
      's.status',
      's.late',
      's.submitted_at',
      'c.id as candidate_id',
      'c.anon_id',
      'c.name',
      'c.email',
      'c.erased_at',
      'sh.pillars_json',
      'sh.decision',
      'sh.suggested_decision',
      'sh.reviewer_id',
      'sh.confirmed_at',
      'sh.review_seconds',
      'sh.fields_changed',
    ])
    .where('s.assignment_id', '=', filter.assignmentId)
    .orderBy('s.id')
    .limit(filter.limit + 1);
  if (filter.status) q = q.where('s.status', '=', filter.status);
  if (filter.decision) q = q.where('sh.decision', '=', filter.decision);
  if (after) q = q.where('s.id', '>', after);
  const page = toPage(await q.execute(), filter.limit, (r) => r.id);
  const ids = page.items.map((r) => r.id);
  const fields = ids.length === 0 ? [] : await db.selectFrom('sheet_fields').select(['submission_id', 'field', 'suggested', 'value']).where('submission_id', 'in', ids).execute();
  const usage = await assistUsageOf(db, ids);
  const bySubmission = new Map<string, typeof fields>();
  for (const f of fields) {
    const list = bySubmission.get(f.submission_id);
    if (list) list.push(f);
    else bySubmission.set(f.submission_id, [f]);
  }
  const items = page.items.map((r): SummaryRow => {
    const itemOutcomes: Record<string, FieldOutcome<number>> = {};
    const flagOutcomes: Record<string, FieldOutcome<boolean>> = {};
    const present: string[] = [];
    for (const f of bySubmission.get(r.id) ?? []) {
      const suggested = Number(f.suggested);
      const value = f.value === null ? null : Number(f.value);
      const kept = value === null ? null : value === suggested;
      if (f.field.startsWith('items.')) itemOutcomes[f.field.slice(6)] = { suggested, value, kept };
      else if (f.field.startsWith('red_flags.')) {
        const id = f.field.slice(10);
        flagOutcomes[id] = { suggested: suggested === 1, value: value === null ? null : value === 1, kept };
        if ((value ?? suggested) === 1) present.push(id);
      }
    }
    return {
      submission_id: r.id,
      // Summaries are for hiring managers and admins: they see identity unless erased.
      candidate: visibleCandidate({ id: r.candidate_id, anon_id: r.anon_id, name: r.name, email: r.email, erased_at: r.erased_at }, false, viewer),
      status: r.status,
      late: r.late === 1,
      submitted_at: r.submitted_at,
      pillars: r.pillars_json ? (JSON.parse(r.pillars_json) as Record<string, number>) : null,
      decision: r.decision,
      suggested_decision: r.suggested_decision,
      red_flags: present.sort(),
      reviewer_id: r.reviewer_id,
      confirmed_at: r.confirmed_at,
      review_seconds: r.review_seconds === null ? null : Number(r.review_seconds),
      fields_changed: r.fields_changed === null ? null : Number(r.fields_changed),
      items: itemOutcomes,
      flags: flagOutcomes,
      assist: usage.get(r.id) ?? null,
    };
  });
  return { items, next_cursor: page.next_cursor };
}

type Distribution = Record<'0' | '1' | '2' | '3', number>;

export interface Calibration {
  assignment_id: string;
  /** Confirmed sheets counted below. */
  confirmed: number;
  items: Record<string, { reviewed: number; kept: number; kept_rate: number | null; raised: number; lowered: number; suggested: Distribution; final: Distribution }>;
  red_flags: Record<string, { reviewed: number; kept: number; kept_rate: number | null; suggested_present: number; final_present: number }>;
  decisions: { reviewed: number; kept: number; kept_rate: number | null; suggested: Record<string, number>; final: Record<string, number> };
  pillars: Record<string, Distribution>;
}

const emptyDistribution = (): Distribution => ({ '0': 0, '1': 0, '2': 0, '3': 0 });
const rate = (kept: number, n: number) => (n === 0 ? null : Math.round((kept / n) * 1000) / 1000);

/**
 * Calibration over an assignment's confirmed sheets: per item and red flag, how often reviewers
 * kept the suggestion, and the suggested and final score distributions (for a bias audit).
 */
export async function calibrateAssignment(db: Db, assignmentId: string, rubric: Rubric): Promise<Calibration> {
  const grouped = await db
    .selectFrom('sheet_fields as f')
    .innerJoin('submissions as s', 's.id', 'f.submission_id')
    .select((eb) => ['f.field', 'f.suggested', 'f.value', eb.fn.countAll().as('n')])
    .where('s.assignment_id', '=', assignmentId)
    .where('s.status', '=', 'confirmed')
    .groupBy(['f.field', 'f.suggested', 'f.value'])
    .execute();
  const decisions = await db
    .selectFrom('sheets as sh')
    .innerJoin('submissions as s', 's.id', 'sh.submission_id')
    .select((eb) => ['sh.suggested_decision', 'sh.decision', eb.fn.countAll().as('n')])
    .where('s.assignment_id', '=', assignmentId)
    .where('s.status', '=', 'confirmed')
    .groupBy(['sh.suggested_decision', 'sh.decision'])
    .execute();
  const pillarRows = await db
    .selectFrom('sheets as sh')
    .innerJoin('submissions as s', 's.id', 'sh.submission_id')
    .select('sh.pillars_json')
    .where('s.assignment_id', '=', assignmentId)
    .where('s.status', '=', 'confirmed')
    .execute();

  const out: Calibration = {
    assignment_id: assignmentId,
    confirmed: pillarRows.length,
    items: Object.fromEntries(rubric.items.map((i) => [i.id, { reviewed: 0, kept: 0, kept_rate: null, raised: 0, lowered: 0, suggested: emptyDistribution(), final: emptyDistribution() }])),
    red_flags: Object.fromEntries(rubric.red_flags.map((f) => [f.id, { reviewed: 0, kept: 0, kept_rate: null, suggested_present: 0, final_present: 0 }])),
    decisions: { reviewed: 0, kept: 0, kept_rate: null, suggested: { advance: 0, do_not_advance: 0 }, final: { advance: 0, do_not_advance: 0 } },
    pillars: Object.fromEntries(rubric.pillars.map((p) => [p.id, emptyDistribution()])),
  };
  for (const g of grouped) {
    const n = Number(g.n);
    const suggested = Number(g.suggested);
    const value = Number(g.value ?? g.suggested);
    if (g.field.startsWith('items.')) {
      const item = out.items[g.field.slice(6)];
      if (!item) continue;
      item.reviewed += n;
      if (value === suggested) item.kept += n;
      else if (value > suggested) item.raised += n;
      else item.lowered += n;
      item.suggested[String(suggested) as keyof Distribution] += n;
      item.final[String(value) as keyof Distribution] += n;
    } else if (g.field.startsWith('red_flags.')) {
      const flag = out.red_flags[g.field.slice(10)];
      if (!flag) continue;
      flag.reviewed += n;
      if (value === suggested) flag.kept += n;
      if (suggested === 1) flag.suggested_present += n;
      if (value === 1) flag.final_present += n;
    }
  }
  for (const v of Object.values(out.items)) v.kept_rate = rate(v.kept, v.reviewed);
  for (const v of Object.values(out.red_flags)) v.kept_rate = rate(v.kept, v.reviewed);
  for (const d of decisions) {
    const n = Number(d.n);
    out.decisions.reviewed += n;
    if (d.decision === d.suggested_decision) out.decisions.kept += n;
    out.decisions.suggested[d.suggested_decision] = (out.decisions.suggested[d.suggested_decision] ?? 0) + n;
    if (d.decision) out.decisions.final[d.decision] = (out.decisions.final[d.decision] ?? 0) + n;
  }
  out.decisions.kept_rate = rate(out.decisions.kept, out.decisions.reviewed);
  for (const r of pillarRows) {
    const pillars = JSON.parse(r.pillars_json) as Record<string, number>;
    for (const [id, score] of Object.entries(pillars)) {
      const d = out.pillars[id];
      if (d && score >= 0 && score <= 3) d[String(score) as keyof Distribution] += 1;
    }
  }
  return out;
}
