import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../auth/roles.js';
import { assistReportSchema, decisionSchema, itemSuggestionSchema, redFlagSuggestionSchema } from '../grading/sheet.js';
import { confirmSheet, getSheetView, reopenSheet, setSheetField } from '../store/sheets.js';
import { body, CandidateSchema, decisionEnum, errors, IdParam, json, secured, type Api } from './common.js';
import type { ServiceDeps } from './deps.js';

const human = <T extends z.ZodType>(value: T) =>
  z.object({ value, reason: z.string().nullable(), set_by: z.string().openapi({ description: 'the key id of the reviewer' }), set_at: z.string() }).nullable();

const ReviewSchema = z
  .object({
    pillars: z.record(z.string(), z.number()).openapi({ description: 'from the human values where set, the suggestions elsewhere' }),
    suggested_decision: z.string(),
    decision: z.string().nullable(),
    decision_note: z.string().nullable(),
    reviewer_id: z.string().nullable(),
    review_started_at: z.string().nullable(),
    confirmed_at: z.string().nullable(),
    review_seconds: z.number().nullable().openapi({ description: 'first open by a reviewer to confirm, summed over reopenings' }),
    fields_changed: z.number().int().openapi({ description: 'fields whose final value differs from the suggestion' }),
  })
  .openapi('Review');

const SheetViewSchema = z
  .object({
    submission_id: z.string(),
    assignment_id: z.string(),
    candidate: CandidateSchema,
    status: z.enum(['grading', 'prefilled', 'in_review', 'confirmed']),
    rubric: z.string(),
    files: z.record(z.string(), z.string()),
    items: z.record(z.string(), itemSuggestionSchema.extend({ human: human(z.number().int()) })),
    red_flags: z.record(z.string(), redFlagSuggestionSchema.extend({ human: human(z.boolean()) })),
    pillars: z.record(z.string(), z.number()).openapi({ description: 'as suggested by the graders' }),
    decision: decisionSchema.nullable().openapi({ description: 'as suggested by the graders' }),
    warnings: z.array(z.string()),
    review: ReviewSchema.nullable(),
    grading: z.object({ status: z.string(), attempts: z.number(), last_error: z.string().nullable() }).nullable(),
    assist: assistReportSchema.nullable().openapi({ description: 'the LLM assist: model, tokens, estimated cost, disagreements; null when it was not asked for' }),
  })
  .openapi('SheetView');

const fieldId = (name: string) => z.string().regex(/^[a-z][a-z0-9_]*$/).max(100).openapi({ param: { name, in: 'path' } });
const ItemParams = IdParam.extend({ item_id: fieldId('item_id') });
const FlagParams = IdParam.extend({ flag_id: fieldId('flag_id') });

const FieldResult = z
  .object({ field: z.string(), suggested: z.union([z.number(), z.boolean()]), value: z.union([z.number(), z.boolean()]), reason: z.string().nullable(), set_by: z.string(), set_at: z.string(), status: z.literal('in_review') })
  .openapi('FieldResult');

const reason = z.string().max(4000).optional().openapi({ description: 'required when the value differs from the suggestion' });

const getSheet = createRoute({
  method: 'get',
  path: '/api/v1/submissions/{id}/sheet',
  summary: 'The grading sheet: suggestions beside human values',
  description: 'A reviewer opening a sheet that is ready for review starts its review clock.',
  tags: ['review'],
  ...secured(access.staff),
  request: { params: IdParam },
  responses: { 200: json(SheetViewSchema, 'the sheet'), ...errors(404, 409) },
});

const setItem = createRoute({
  method: 'put',
  path: '/api/v1/submissions/{id}/sheet/items/{item_id}',
  summary: 'Set a checklist item score',
  tags: ['review'],
  ...secured(access.reviewers),
  request: { params: ItemParams, body: body(z.object({ score: z.number().int().min(0).max(3), reason }).openapi('ItemValue')) },
  responses: { 200: json(FieldResult, 'the field as set'), ...errors(404, 409) },
});

const setFlag = createRoute({
  method: 'put',
  path: '/api/v1/submissions/{id}/sheet/red_flags/{flag_id}',
  summary: 'Set a red flag present or not',
  tags: ['review'],
  ...secured(access.reviewers),
  request: { params: FlagParams, body: body(z.object({ present: z.boolean(), reason }).openapi('FlagValue')) },
  responses: { 200: json(FieldResult, 'the field as set'), ...errors(404, 409) },
});

const confirm = createRoute({
  method: 'post',
  path: '/api/v1/submissions/{id}/sheet/confirm',
  summary: 'Confirm the sheet with the final decision',
  description:
    'Fields not set are accepted as suggested, as the reviewer’s explicit choice (audited per field). A decision other than the rubric’s rule applied to the final values needs a note.',
  tags: ['review'],
  ...secured(access.reviewers),
  request: { params: IdParam, body: body(z.object({ decision: decisionEnum, note: z.string().max(4000).optional() }).openapi('Confirm')) },
  responses: { 200: json(z.object({ status: z.literal('confirmed'), review: ReviewSchema }), 'the confirmed review'), ...errors(404, 409) },
});

const reopen = createRoute({
  method: 'post',
  path: '/api/v1/submissions/{id}/sheet/reopen',
  summary: 'Reopen a confirmed sheet (audited, with a reason)',
  tags: ['review'],
  ...secured(access.reopeners),
  request: { params: IdParam, body: body(z.object({ reason: z.string().trim().min(1).max(4000) }).openapi('Reopen')) },
  responses: { 200: json(z.object({ status: z.literal('in_review') }), 'the sheet is editable again'), ...errors(404, 409) },
});

export function registerSheetRoutes(api: Api, deps: ServiceDeps): void {
  api.openapi(getSheet, async (c) => c.json(await getSheetView(deps.db, c.req.valid('param').id, c.get('actor'), deps.now()), 200));
  api.openapi(setItem, async (c) => {
    const { id, item_id } = c.req.valid('param');
    const input = c.req.valid('json');
    const r = await setSheetField(deps.db, { submissionId: id, kind: 'items', id: item_id, value: input.score, reason: input.reason }, c.get('actor'), deps.now());
    return c.json({ field: item_id, ...r, status: 'in_review' as const }, 200);
  });
  api.openapi(setFlag, async (c) => {
    const { id, flag_id } = c.req.valid('param');
    const input = c.req.valid('json');
    const r = await setSheetField(deps.db, { submissionId: id, kind: 'red_flags', id: flag_id, value: input.present ? 1 : 0, reason: input.reason }, c.get('actor'), deps.now());
    return c.json({ field: flag_id, ...r, suggested: r.suggested === 1, value: r.value === 1, status: 'in_review' as const }, 200);
  });
  api.openapi(confirm, async (c) => {
    const input = c.req.valid('json');
    const review = await confirmSheet(deps.db, { submissionId: c.req.valid('param').id, decision: input.decision, note: input.note }, c.get('actor'), deps.now());
    return c.json({ status: 'confirmed' as const, review }, 200);
  });
  api.openapi(reopen, async (c) => {
    await reopenSheet(deps.db, { submissionId: c.req.valid('param').id, reason: c.req.valid('json').reason }, c.get('actor'), deps.now());
    return c.json({ status: 'in_review' as const }, 200);
  });
}
