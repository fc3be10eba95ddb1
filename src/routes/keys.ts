import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../auth/roles.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../store/keys.js';
import { body, errors, IdParam, json, roleSchema, secured, type Api } from './common.js';
import type { ServiceDeps } from './deps.js';

const KeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string().openapi({ description: 'the first characters of the key, to tell keys apart' }),
    created_at: z.string(),
    created_by: z.string().nullable(),
    revoked_at: z.string().nullable(),
  })
  .openapi('ApiKey');

const NewKeySchema = z.object({ role: roleSchema, name: z.string().trim().min(1).max(100).optional() }).openapi('NewApiKey');

const createKey = createRoute({
  method: 'post',
  path: '/api/v1/keys',
  summary: 'Create an API key (shown once)',
  tags: ['keys'],
  ...secured(access.admins),
  request: { body: body(NewKeySchema) },
  responses: { 201: json(KeySchema.extend({ key: z.string().openapi({ description: 'the key itself: shown only in this response' }) }), 'the new key'), ...errors() },
});

const listKeys = createRoute({
  method: 'get',
  path: '/api/v1/keys',
  summary: 'List API keys (never the keys themselves)',
  tags: ['keys'],
  ...secured(access.admins),
  responses: { 200: json(z.object({ items: z.array(KeySchema) }), 'every key, revoked ones included'), ...errors() },
});

const revokeKey = createRoute({
  method: 'delete',
  path: '/api/v1/keys/{id}',
  summary: 'Revoke an API key',
  tags: ['keys'],
  ...secured(access.admins),
  request: { params: IdParam },
  responses: { 200: json(KeySchema, 'the revoked key'), ...errors(404) },
});

/** Admins manage keys: create (the key is shown once), list, revoke. */
export function registerKeyRoutes(api: Api, deps: ServiceDeps): void {
  api.openapi(createKey, async (c) => {
    const input = c.req.valid('json');
    const key = await createApiKey(deps.db, { role: input.role, name: input.name, createdBy: c.get('actor') }, deps.now());
    return c.json(key, 201);
  });
  api.openapi(listKeys, async (c) => c.json({ items: await listApiKeys(deps.db) }, 200));
  api.openapi(revokeKey, async (c) => c.json(await revokeApiKey(deps.db, c.req.valid('param').id, c.get('actor'), deps.now()), 200));
}
