import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../auth/roles.js';
import { getAssignment } from '../store/assignments.js';
import { createLink } from '../store/links.js';
import { body, errors, IdParam, json, secured, type Api } from './common.js';
import type { ServiceDeps } from './deps.js';

const NewLinkSchema = z
  .object({
    candidate: z.object({ name: z.string().trim().min(1).max(200), email: z.email().max(320) }),
    expires_at: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()).optional().openapi({ type: 'string', format: 'date-time', description: 'default: 14 days, and at least a day past the deadline' }),
  })
  .openapi('NewLink');

const LinkSchema = z
  .object({
    id: z.string().openapi({ description: 'the submission id' }),
    submission_id: z.string(),
    candidate_id: z.string(),
    anon_id: z.string(),
    url: z.string(),
    token: z.string().openapi({ description: 'shown only in this response; stored as its SHA-256' }),
    expires_at: z.string(),
  })
  .openapi('Link');

const create = createRoute({
  method: 'post',
  path: '/api/v1/assignments/{id}/links',
  summary: 'Create a submission link for one candidate',
  tags: ['assignments'],
  ...secured(access.managers),
  request: { params: IdParam, body: body(NewLinkSchema) },
  responses: { 201: json(LinkSchema, 'the link (its token is shown once)'), ...errors(404) },
});

export function registerLinkRoutes(api: Api, deps: ServiceDeps): void {
  api.openapi(create, async (c) => {
    const assignment = await getAssignment(deps.db, c.req.valid('param').id);
    const input = c.req.valid('json');
    const { submission, candidate, token } = await createLink(deps.db, { assignment, candidate: input.candidate, expiresAt: input.expires_at }, c.get('actor'), deps.now());
    const base = (deps.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
    return c.json(
      { id: submission.id, submission_id: submission.id, candidate_id: candidate.id, anon_id: candidate.anon_id, url: `${base}/s/${token}`, token, expires_at: submission.expires_at },
      201,
    );
  });
}
