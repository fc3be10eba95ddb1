import type { MiddlewareHandler } from 'hono';
import { GradesheetError } from '../errors.js';
import { findApiKeyBySecret } from '../store/keys.js';
import type { Db, Role } from '../store/schema.js';

/** A staff member, as their API key says. */
export interface StaffActor {
  id: string;
  role: Role;
}

export type StaffEnv = { Variables: { actor: StaffActor } };

/**
 * Staff authenticate with `Authorization: Bearer <api key>`. Missing, unknown and revoked keys
 * get 401; the key's id and role become `c.get('actor')`.
 */
export function authenticate(db: Db): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new GradesheetError('unauthorized', 'Send an API key as "Authorization: Bearer <key>". An admin creates keys (gradesheet keys create --role admin, or POST /api/v1/keys).');
    const key = await findApiKeyBySecret(db, match[1]!);
    if (!key) throw new GradesheetError('unauthorized', 'This API key is not valid. Check that you copied all of it, or ask an admin for a new one.');
    if (key.revoked_at) throw new GradesheetError('unauthorized', `This API key was revoked at ${key.revoked_at}. Ask an admin for a new one.`);
    c.set('actor', { id: key.id, role: key.role });
    await next();
  };
}
