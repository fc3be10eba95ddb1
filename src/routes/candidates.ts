import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../auth/roles.js';
import { eraseCandidate } from '../store/erasure.js';
import { errors, IdParam, json, secured, type Api } from './common.js';
import type { ServiceDeps } from './deps.js';

const ErasureSchema = z
  .object({ candidate_id: z.string(), anon_id: z.string(), erased_at: z.string(), submissions: z.array(z.string()), files_deleted: z.number() })
  .openapi('Erasure');

const erase = createRoute({
  method: 'delete',
  path: '/api/v1/candidates/{id}',
  summary: "Erase a candidate's files, text and identity",
  description: 'Originals, parsed text, quotes, file names, name and email are removed; scores, decisions and the audit log stay under the anonymous id. Erasing again changes nothing.',
  tags: ['candidates'],
  ...secured(access.admins),
  request: { params: IdParam },
  responses: { 200: json(ErasureSchema, 'what was erased'), ...errors(404) },
});

export function registerCandidateRoutes(api: Api, deps: ServiceDeps): void {
  api.openapi(erase, async (c) => c.json(await eraseCandidate(deps.db, deps.blobs, c.req.valid('param').id, c.get('actor'), deps.now()), 200));
}
