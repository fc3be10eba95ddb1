import type { MiddlewareHandler } from 'hono';
import { GradesheetError } from '../errors.js';
import type { Role } from '../store/schema.js';
import type { StaffEnv } from './authenticate.js';

export const roles = ['admin', 'hiring_manager', 'reviewer'] as const satisfies readonly Role[];

/** Who may call what (CONTRACT.md's table); routes name one of these. */
export const access = {
  staff: ['admin', 'hiring_manager', 'reviewer'],
  managers: ['admin', 'hiring_manager'],
  admins: ['admin'],
  reviewers: ['reviewer'],
  reopeners: ['admin', 'reviewer'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * Let only `allowed` roles through (after `authenticate`): others get 403.
 *
 * @example app.openapi(createRoute({ ..., middleware: [allow(access.managers)] }), handler)
 */
export function allow(allowed: readonly Role[]): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!allowed.includes(actor.role)) {
      throw new GradesheetError('forbidden', `This needs the role ${allowed.join(' or ')}; your key has the role ${actor.role}.`);
    }
    await next();
  };
}
