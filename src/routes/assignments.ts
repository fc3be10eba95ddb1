import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../auth/roles.js';
import { GradesheetError } from '../errors.js';
import { defaultRubric, parseRubric } from '../grading/rubric.js';
import { assignmentRubric, createAssignment, getAssignment, listAssignments, setAssignmentLlmAssist, toAssignmentView } from '../store/assignments.js';
import { body, errors, IdParam, json, PageQuery, secured, type Api } from './common.js';
import type { ServiceDeps } from './deps.js';

const AssignmentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    role: z.string().nullable(),
    rubric: z.string().openapi({ description: 'the rubric id' }),
    time_box_hours: z.number(),
    deadline: z.string().nullable(),
    blind: z.boolean().openapi({ description: 'reviewers see an anonymous id instead of name and email' }),
    llm_assist: z.boolean().openapi({ description: 'the LLM assist gives a second opinion on its submissions (unless an admin switched the assist off everywhere)' }),
    created_by: z.string(),
    created_at: z.string(),
  })
  .openapi('Assignment');

const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

const NewAssignmentSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    role: z.string().trim().max(200).optional(),
    rubric: z
      .union([z.string(), z.record(z.string(), z.unknown())])
      .optional()
      .openapi({ description: `"${defaultRubric.id}" (the default) or a rubric object (see graders/rubrics/)` }),
    time_box_hours: z.number().positive().max(24 * 14).optional().openapi({ description: "default: the rubric's (8 hours)" }),
    deadline: isoDate.optional().openapi({ type: 'string', format: 'date-time' }),
    blind: z.boolean().optional().openapi({ description: 'default true' }),
    llm_assist: z.boolean().optional().openapi({ description: 'default false: ask the LLM assist for a second opinion on each submission' }),
  })
  .openapi('NewAssignment');

const AssignmentChangeSchema = z
  .object({ llm_assist: z.boolean().openapi({ description: 'switch the LLM assist on or off for submissions graded from now on' }) })
  .openapi('AssignmentChange');

const RubricSummary = z.object({
  id: z.string(),
  title: z.string(),
  items: z.array(z.object({ id: z.string(), title: z.string(), pillar: z.string() })),
  red_flags: z.array(z.object({ id: z.string(), critical: z.boolean() })),
  pillars: z.array(z.object({ id: z.string(), title: z.string(), items: z.array(z.string()) })),
});

const create = createRoute({
  method: 'post',
  path: '/api/v1/assignments',
  summary: 'Create an assignment',
  tags: ['assignments'],
  ...secured(access.managers),
  request: { body: body(NewAssignmentSchema) },
  responses: { 201: json(AssignmentSchema, 'the assignment'), ...errors() },
});

const update = createRoute({
  method: 'patch',
  path: '/api/v1/assignments/{id}',
  summary: 'Change an assignment (the LLM assist switch)',
  tags: ['assignments'],
  ...secured(access.managers),
  request: { params: IdParam, body: body(AssignmentChangeSchema) },
  responses: { 200: json(AssignmentSchema, 'the assignment'), ...errors(404) },
});

const list = createRoute({
  method: 'get',
  path: '/api/v1/assignments',
  summary: 'List assignments',
  tags: ['assignments'],
  ...secured(access.staff),
  request: { query: PageQuery },
  responses: { 200: json(z.object({ items: z.array(AssignmentSchema), next_cursor: z.string().nullable() }), 'a page of assignments'), ...errors() },
});

const getOne = createRoute({
  method: 'get',
  path: '/api/v1/assignments/{id}',
  summary: 'One assignment with its rubric',
  tags: ['assignments'],
  ...secured(access.staff),
  request: { params: IdParam },
  responses: { 200: json(AssignmentSchema.extend({ rubric_detail: RubricSummary }), 'the assignment'), ...errors(404) },
});

export function registerAssignmentRoutes(api: Api, deps: ServiceDeps): void {
  api.openapi(create, async (c) => {
    const input = c.req.valid('json');
    let rubric = defaultRubric;
    if (typeof input.rubric === 'object') rubric = parseRubric(input.rubric, 'the rubric in the request');
    else if (input.rubric !== undefined && input.rubric !== defaultRubric.id) {
      throw new GradesheetError('invalid_rubric', `Rubric "${input.rubric}" is unknown: use "${defaultRubric.id}" or send a rubric object.`);
    }
    const row = await createAssignment(deps.db, { ...input, rubric }, c.get('actor'), deps.now());
    return c.json(toAssignmentView(row), 201);
  });
  api.openapi(update, async (c) => {
    const row = await setAssignmentLlmAssist(deps.db, c.req.valid('param').id, c.req.valid('json').llm_assist, c.get('actor'), deps.now());
    return c.json(toAssignmentView(row), 200);
  });
  api.openapi(list, async (c) => {
    const page = await listAssignments(deps.db, c.req.valid('query'));
    return c.json({ items: page.items.map(toAssignmentView), next_cursor: page.next_cursor }, 200);
  });
  api.openapi(getOne, async (c) => {
    const row = await getAssignment(deps.db, c.req.valid('param').id);
    const r = assignmentRubric(row);
    const rubric_detail = {
      id: r.id,
      title: r.title,
      items: r.items.map((i) => ({ id: i.id, title: i.title, pillar: i.pillar })),
      red_flags: r.red_flags.map((f) => ({ id: f.id, critical: f.critical })),
      pillars: r.pillars,
    };
    return c.json({ ...toAssignmentView(row), rubric_detail }, 200);
  });
}
