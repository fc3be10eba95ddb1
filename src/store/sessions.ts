import { GradesheetError } from '../errors.js';
import { newSecret, sha256Hex } from './crypto.js';
import { findApiKeyBySecret } from './keys.js';
import type { Db, Role } from './schema.js';

/** `staff_sessions` (migration 0005_pages): one row per signed-in browser. */
export interface StaffSessionTable {
  /** SHA-256 of the cookie's secret: a stolen database holds no usable session. */
  id: string;
  key_id: string;
  /** Put in every form of the session and checked on every POST. */
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** A signed-in staff member, as the pages see them. */
export interface StaffSession {
  key_id: string;
  key_name: string;
  role: Role;
  csrf_token: string;
  expires_at: string;
}

/** Sessions end after this, signed out or not. */
export const SESSION_HOURS = 12;
const SESSION_PREFIX = 'gss_';

// The table belongs to the pages: typed here so the shared schema stays as it is.
const sessions = (db: Db) => db.withTables<{ staff_sessions: StaffSessionTable }>();

/**
 * Exchange an API key for a session. The secret goes into the cookie and is returned once; the
 * database keeps its SHA-256. Expired sessions are swept on the way.
 *
 * @example
 * const { secret, session } = await startStaffSession(db, 'gsk_…', new Date());
 */
export async function startStaffSession(db: Db, apiKey: string, now: Date): Promise<{ secret: string; session: StaffSession }> {
  const key = await findApiKeyBySecret(db, apiKey.trim());
  if (!key) throw new GradesheetError('unauthorized', 'This API key is not valid. Check that you pasted all of it, or ask an admin for a new one.');
  if (key.revoked_at) throw new GradesheetError('unauthorized', `This API key was revoked at ${key.revoked_at}. Ask an admin for a new one.`);
  const secret = newSecret(32, SESSION_PREFIX);
  const row: StaffSessionTable = {
    id: await sha256Hex(secret),
    key_id: key.id,
    csrf_token: newSecret(32),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_HOURS * 3600 * 1000).toISOString(),
  };
  const db2 = sessions(db);
  await db2.deleteFrom('staff_sessions').where('expires_at', '<=', row.created_at).execute();
  await db2.insertInto('staff_sessions').values(row).execute();
  return { secret, session: { key_id: key.id, key_name: key.name, role: key.role, csrf_token: row.csrf_token, expires_at: row.expires_at } };
}

/** The live session a cookie secret belongs to: not expired, not signed out, its key not revoked. */
export async function findStaffSession(db: Db, secret: string, now: Date): Promise<StaffSession | undefined> {
  if (!secret.startsWith(SESSION_PREFIX) || secret.length > 100) return undefined;
  const row = await sessions(db)
    .selectFrom('staff_sessions as s')
    .innerJoin('api_keys as k', 'k.id', 's.key_id')
    .select(['s.key_id', 's.csrf_token', 's.expires_at', 'k.name', 'k.role', 'k.revoked_at'])
    .where('s.id', '=', await sha256Hex(secret))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.expires_at <= now.toISOString()) return undefined;
  return { key_id: row.key_id, key_name: row.name, role: row.role, csrf_token: row.csrf_token, expires_at: row.expires_at };
}

/** Sign out: the session stops working at once, whoever holds a copy of the cookie. */
export async function endStaffSession(db: Db, secret: string): Promise<void> {
  if (!secret.startsWith(SESSION_PREFIX) || secret.length > 100) return;
  await sessions(db).deleteFrom('staff_sessions').where('id', '=', await sha256Hex(secret)).execute();
}
