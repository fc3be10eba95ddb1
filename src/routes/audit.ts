import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../auth/roles.js';
import { GradesheetError } from '../errors.js';
import { listAudit } from '../store/audit.js';
import { errors, IdParam, json, secured, type Api } from './common.js';
import type { ServiceDeps } from './deps.js';

const AuditEntrySchema = z
  .object({
    id: z.number(),
    submission_id: z.string().nullable(),
    actor: z.string().openapi({ description: 'a key id, "system" or "candidate"' }),
    actor_role: z.string().nullable(),
    action: z.string().openapi({ example: 'sheet.field_set' }),
    field: z.string().nullable().openapi({ example: 'items.kpis' }),
    suggestion: z.unknown(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
    at: z.string(),
  })
  .openapi('AuditEntry');

const getAudit = createRoute({
  method: 'get',
  path: '/api/v1/submissions/{id}/audit',
  summary: 'The append-only log of a submission',
  tags: ['review'],
  ...secured(access.staff),
  request: { params: IdParam },
  responses: { 200: json(z.object({ items: z.array(AuditEntrySchema) }), 'oldest first'), ...errors(404) },
});

export function registerAuditRoutes(api: Api, deps: ServiceDeps): void {
  api.openapi(getAudit, async (c) => {
    const { id } = c.req.valid('param');
    const exists = await deps.db.selectFrom('submissions').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) throw new GradesheetError('not_found', `No submission ${id}. List submissions with GET /api/v1/submissions.`);
    return c.json({ items: await listAudit(deps.db, id) }, 200);
  });
}
