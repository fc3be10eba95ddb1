import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../auth/roles.js';
import { getSubmissionItem, listSubmissions } from '../store/submissions.js';
import { CandidateSchema, errors, IdParam, json, PageQuery, secured, statusSchema, type Api } from './common.js';
import type { ServiceDeps } from './deps.js';

export const SubmissionSchema = z
  .object({
    id: z.string(),
    assignment_id: z.string(),
    candidate: CandidateSchema,
    status: statusSchema,
    expires_at: z.string(),
    opened_at: z.string().nullable(),
    submitted_at: z.string().nullable(),
    late: z.boolean(),
    decision: z.string().nullable(),
    suggested_decision: z.string().nullable(),
    reviewer_id: z.string().nullable(),
    confirmed_at: z.string().nullable(),
  })
  .openapi('Submission');

const list = createRoute({
  method: 'get',
  path: '/api/v1/submissions',
  summary: 'List submissions (the review queue), oldest first',
  description: 'Filter by assignment and status (e.g. status=prefilled for the review queue). Reviewers on blind assignments see anon_id only.',
  tags: ['submissions'],
  ...secured(access.staff),
  request: { query: PageQuery.extend({ assignment_id: z.string().max(100).optional(), status: statusSchema.optional() }) },
  responses: { 200: json(z.object({ items: z.array(SubmissionSchema), next_cursor: z.string().nullable() }), 'a page of submissions'), ...errors() },
});

const getOne = createRoute({
  method: 'get',
  path: '/api/v1/submissions/{id}',
  summary: 'One submission',
  tags: ['submissions'],
  ...secured(access.staff),
  request: { params: IdParam },
  responses: { 200: json(SubmissionSchema, 'the submission'), ...errors(404) },
});

export function registerSubmissionRoutes(api: Api, deps: ServiceDeps): void {
  api.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const page = await listSubmissions(deps.db, { assignmentId: q.assignment_id, status: q.status, cursor: q.cursor, limit: q.limit }, c.get('actor').role);
    return c.json(page, 200);
  });
  api.openapi(getOne, async (c) => c.json(await getSubmissionItem(deps.db, c.req.valid('param').id, c.get('actor').role), 200));
}
