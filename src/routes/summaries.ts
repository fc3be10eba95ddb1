import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../auth/roles.js';
import type { Rubric } from '../grading/rubric.js';
import { assignmentRubric, getAssignment } from '../store/assignments.js';
import { MAX_PAGE } from '../store/pagination.js';
import { assistCostOfAssignment } from '../store/llm-usage.js';
import { calibrateAssignment, summarizeAssignment, type SummaryFilter, type SummaryRow } from '../store/summaries.js';
import type { Role } from '../store/schema.js';
import { CandidateSchema, decisionEnum, errors, IdParam, json, PageQuery, secured, statusSchema, type Api } from './common.js';
import type { ServiceDeps } from './deps.js';

const outcome = <T extends z.ZodType>(v: T) => z.object({ suggested: v, value: v.nullable(), kept: z.boolean().nullable() });

const SummaryRowSchema = z
  .object({
    submission_id: z.string(),
    candidate: CandidateSchema,
    status: statusSchema,
    late: z.boolean(),
    submitted_at: z.string().nullable(),
    pillars: z.record(z.string(), z.number()).nullable(),
    decision: z.string().nullable().openapi({ description: "the reviewer's decision, null until confirmed" }),
    suggested_decision: z.string().nullable(),
    red_flags: z.array(z.string()).openapi({ description: 'flags present (human value where set, else suggestion)' }),
    reviewer_id: z.string().nullable(),
    confirmed_at: z.string().nullable(),
    review_seconds: z.number().nullable(),
    fields_changed: z.number().nullable(),
    items: z.record(z.string(), outcome(z.number())).openapi({ description: 'per item: suggestion, human value, kept or overridden' }),
    flags: z.record(z.string(), outcome(z.boolean())),
    assist: z
      .object({ model: z.string().nullable(), status: z.string(), cache_hit: z.boolean(), input_tokens: z.number(), output_tokens: z.number(), cost_usd: z.number() })
      .nullable()
      .openapi({ description: 'LLM assist: tokens and estimated cost (USD) for this submission; null when not asked for' }),
  })
  .openapi('SummaryRow');

const AssistCostSchema = z
  .object({ submissions: z.number(), cache_hits: z.number(), input_tokens: z.number(), output_tokens: z.number(), cost_usd: z.number() })
  .openapi({ description: 'LLM assist over the whole assignment (every submission, whatever the filters)' });

const SummaryQuery = PageQuery.extend({
  status: statusSchema.optional(),
  decision: decisionEnum.optional().openapi({ description: "the reviewer's final decision" }),
  format: z.enum(['json', 'csv']).optional().openapi({ description: 'csv: every matching row from the cursor on, as text/csv (also with Accept: text/csv)' }),
});

const summary = createRoute({
  method: 'get',
  path: '/api/v1/assignments/{id}/summary',
  summary: 'Per candidate: status, pillars, decision, red flags, reviewer, confirmed_at (JSON pages or CSV)',
  tags: ['summaries'],
  ...secured(access.managers),
  request: { params: IdParam, query: SummaryQuery },
  responses: {
    200: {
      description: 'a page of rows (JSON), or every matching row (CSV)',
      content: { 'application/json': { schema: z.object({ items: z.array(SummaryRowSchema), next_cursor: z.string().nullable(), assist_cost: AssistCostSchema }) }, 'text/csv': { schema: z.string() } },
    },
    ...errors(404),
  },
});

const dist = z.record(z.string(), z.number());
const CalibrationSchema = z
  .object({
    assignment_id: z.string(),
    confirmed: z.number(),
    items: z.record(z.string(), z.object({ reviewed: z.number(), kept: z.number(), kept_rate: z.number().nullable(), raised: z.number(), lowered: z.number(), suggested: dist, final: dist })),
    red_flags: z.record(z.string(), z.object({ reviewed: z.number(), kept: z.number(), kept_rate: z.number().nullable(), suggested_present: z.number(), final_present: z.number() })),
    decisions: z.object({ reviewed: z.number(), kept: z.number(), kept_rate: z.number().nullable(), suggested: dist, final: dist }),
    pillars: z.record(z.string(), dist),
  })
  .openapi('Calibration');

const calibration = createRoute({
  method: 'get',
  path: '/api/v1/assignments/{id}/calibration',
  summary: 'How often reviewers kept the suggestions, and score distributions, over confirmed sheets',
  tags: ['summaries'],
  ...secured(access.managers),
  request: { params: IdParam },
  responses: { 200: json(CalibrationSchema, 'per item and red flag: kept rate and distributions'), ...errors(404) },
});

/** A CSV cell: quoted when needed, and never a formula when opened in a spreadsheet. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvHeader(rubric: Rubric): string[] {
  return [
    'submission_id',
    'candidate_id',
    'anon_id',
    'name',
    'email',
    'status',
    'late',
    'submitted_at',
    ...rubric.pillars.map((p) => `pillar_${p.id}`),
    'decision',
    'suggested_decision',
    'red_flags',
    'reviewer_id',
    'confirmed_at',
    'review_seconds',
    'fields_changed',
    ...rubric.items.flatMap((i) => [`item_${i.id}_suggested`, `item_${i.id}_value`, `item_${i.id}_kept`]),
    ...rubric.red_flags.flatMap((f) => [`flag_${f.id}_suggested`, `flag_${f.id}_value`, `flag_${f.id}_kept`]),
    'llm_model',
    'llm_input_tokens',
    'llm_output_tokens',
    'llm_cost_usd',
  ];
}

function csvRow(rubric: Rubric, r: SummaryRow): string[] {
  return [
    r.submission_id,
    r.candidate.id,
    r.candidate.anon_id,
    r.candidate.name,
    r.candidate.email,
    r.status,
    r.late,
    r.submitted_at,
    ...rubric.pillars.map((p) => r.pillars?.[p.id]),
    r.decision,
    r.suggested_decision,
    r.red_flags.join(' '),
    r.reviewer_id,
    r.confirmed_at,
    r.review_seconds,
    r.fields_changed,
    ...rubric.items.flatMap((i) => [r.items[i.id]?.suggested, r.items[i.id]?.value, r.items[i.id]?.kept]),
    ...rubric.red_flags.flatMap((f) => [r.flags[f.id]?.suggested, r.flags[f.id]?.value, r.flags[f.id]?.kept]),
    r.assist?.model,
    r.assist?.input_tokens,
    r.assist?.output_tokens,
    r.assist?.cost_usd,
  ].map(cell);
}

/**
 * An assignment's summary as CSV, streamed page by page (the whole assignment never sits in
 * memory): the API's `?format=csv` and the hiring manager's download both use it.
 */
export function summaryCsvStream(deps: ServiceDeps, rubric: Rubric, filter: Omit<SummaryFilter, 'limit'>, viewer: Role): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | null | undefined = filter.cursor;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvHeader(rubric).join(',') + '\r\n'));
        return;
      }
      if (cursor === null) return controller.close();
      const page = await summarizeAssignment(deps.db, { ...filter, cursor: cursor ?? undefined, limit: MAX_PAGE }, viewer);
      if (page.items.length > 0) controller.enqueue(encoder.encode(page.items.map((r) => csvRow(rubric, r).join(',') + '\r\n').join('')));
      cursor = page.next_cursor;
      if (cursor === null) controller.close();
    },
  });
}

export function registerSummaryRoutes(api: Api, deps: ServiceDeps): void {
  api.openapi(summary, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const assignment = await getAssignment(deps.db, id);
    const viewer: Role = c.get('actor').role;
    const filter = { assignmentId: id, status: q.status, decision: q.decision };
    const wantsCsv = q.format === 'csv' || (q.format === undefined && (c.req.header('accept') ?? '').includes('text/csv'));
    if (!wantsCsv) return c.json({ ...(await summarizeAssignment(deps.db, { ...filter, cursor: q.cursor, limit: q.limit }, viewer)), assist_cost: await assistCostOfAssignment(deps.db, id) }, 200);
    const stream = summaryCsvStream(deps, assignmentRubric(assignment), { ...filter, cursor: q.cursor }, viewer);
    return c.body(stream, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="summary-${id}.csv"` });
  });
  api.openapi(calibration, async (c) => {
    const { id } = c.req.valid('param');
    const assignment = await getAssignment(deps.db, id);
    return c.json(await calibrateAssignment(deps.db, id, assignmentRubric(assignment)), 200);
  });
}
