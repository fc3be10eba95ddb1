import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { StaffEnv } from '../auth/authenticate.js';
import { allow } from '../auth/roles.js';
import { GradesheetError } from '../errors.js';
import { DEFAULT_PAGE, MAX_PAGE } from '../store/pagination.js';
import type { Role } from '../store/schema.js';

/** The `/api/v1` app: every route validated by zod and described in /openapi.json. */
export type Api = OpenAPIHono<StaffEnv>;

export function createApiApp(): Api {
  return new OpenAPIHono<StaffEnv>({
    // One error shape for validation failures too.
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`).join('; ');
        throw new GradesheetError('invalid_request', `The request is not valid: ${issues}.`);
      }
    },
  });
}

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string().openapi({ example: 'not_found' }), message: z.string() }) })
  .openapi('Error');

const errorText: Record<number, string> = {
  400: 'invalid request (code invalid_request, reason_required, …)',
  401: 'no key, an unknown key or a revoked key (code unauthorized)',
  403: 'the key’s role may not do this (code forbidden)',
  404: 'no such resource (code not_found)',
  409: 'the resource is not in a state that allows this (sheet_confirmed, sheet_not_ready, conflict, …)',
  413: 'the body is too large (payload_too_large)',
};

/** Error responses for the OpenAPI document (401 and 403 are on every staff route). */
export function errors(...statuses: (400 | 404 | 409 | 413)[]) {
  const out: Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }> = {};
  for (const s of [400, 401, 403, ...statuses]) out[s] = { description: errorText[s]!, content: { 'application/json': { schema: ErrorSchema } } };
  return out;
}

/**
 * The access part of a route: its roles (enforced by `allow`, documented as `x-roles` and in
 * the description) and the bearer security scheme.
 */
export function secured(roles: readonly Role[]) {
  return {
    middleware: allow(roles),
    security: [{ bearer: [] }],
    'x-roles': [...roles],
  };
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

export const IdParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });

export const PageQuery = z.object({
  cursor: z.string().max(200).optional().openapi({ description: 'next_cursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE).openapi({ description: `page size, 1–${MAX_PAGE} (default ${DEFAULT_PAGE})` }),
});

export const statusSchema = z.enum(['open', 'grading', 'prefilled', 'in_review', 'confirmed']);
export const roleSchema = z.enum(['admin', 'hiring_manager', 'reviewer']);
export const decisionEnum = z.enum(['advance', 'do_not_advance']);

export const CandidateSchema = z
  .object({
    id: z.string(),
    anon_id: z.string(),
    name: z.string().nullable().optional().openapi({ description: 'absent for reviewers on blind assignments; null once erased' }),
    email: z.string().nullable().optional(),
    erased: z.boolean(),
  })
  .openapi('Candidate');
