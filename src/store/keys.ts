import { GradesheetError } from '../errors.js';
import { appendAudit, type Actor } from './audit.js';
import { newId, newSecret, sha256Hex } from './crypto.js';
import type { ApiKey, Db, Role } from './schema.js';

/** What lists and the creator see of a key: never its hash. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
}

const KEY_PREFIX = 'gsk_';

function toInfo(row: ApiKey): ApiKeyInfo {
  return { id: row.id, name: row.name, role: row.role, prefix: row.key_prefix, created_at: row.created_at, created_by: row.created_by, revoked_at: row.revoked_at };
}

/**
 * Create a key with 256 random bits. The key itself is returned once and stored only as its
 * SHA-256 (a fast hash is enough for a high-entropy secret) beside a short prefix for lists.
 *
 * @example
 * const { key } = await createApiKey(db, { role: 'admin', name: 'bootstrap' }, new Date());
 */
export async function createApiKey(db: Db, input: { role: Role; name?: string | undefined; createdBy?: Actor | undefined }, now: Date): Promise<ApiKeyInfo & { key: string }> {
  const key = newSecret(32, KEY_PREFIX);
  const row: ApiKey = {
    id: newId('key', now),
    name: input.name?.trim() || `${input.role} key`,
    role: input.role,
    key_hash: await sha256Hex(key),
    key_prefix: key.slice(0, KEY_PREFIX.length + 8),
    created_at: now.toISOString(),
    created_by: input.createdBy?.id ?? null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('api_keys').values(row).execute();
    await appendAudit(trx, { submissionId: null, actor: input.createdBy ?? { id: 'system', role: 'system' }, action: 'key.created', after: { id: row.id, role: row.role, prefix: row.key_prefix } }, now);
  });
  return { ...toInfo(row), key };
}

/** The key a bearer secret belongs to, revoked or not; undefined when it matches none. */
export async function findApiKeyBySecret(db: Db, secret: string): Promise<ApiKey | undefined> {
  if (!secret.startsWith(KEY_PREFIX) || secret.length > 200) return undefined;
  return db.selectFrom('api_keys').selectAll().where('key_hash', '=', await sha256Hex(secret)).executeTakeFirst();
}

export async function listApiKeys(db: Db): Promise<ApiKeyInfo[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('id').execute();
  return rows.map(toInfo);
}

/** Revoke a key: it stops working at once. Revoking a revoked key changes nothing. */
export async function revokeApiKey(db: Db, id: string, actor: Actor, now: Date): Promise<ApiKeyInfo> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new GradesheetError('not_found', `No API key ${id}. List keys with GET /api/v1/keys.`);
    if (row.revoked_at) return toInfo(row);
    const revoked_at = now.toISOString();
    await trx.updateTable('api_keys').set({ revoked_at }).where('id', '=', id).execute();
    await appendAudit(trx, { submissionId: null, actor, action: 'key.revoked', before: { id, role: row.role }, after: { revoked_at } }, now);
    return toInfo({ ...row, revoked_at });
  });
}
