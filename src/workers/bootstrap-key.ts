import { appendAudit, systemActor } from '../store/audit.js';
import { newId, sha256Hex } from '../store/crypto.js';
import type { Db } from '../store/schema.js';

/**
 * The Workers build has no command line to run `gradesheet keys create`, so the first admin key
 * comes from the secret GRADESHEET_BOOTSTRAP_ADMIN_KEY: at the first request it is stored as its
 * SHA-256 (never the key itself), once. A key with that hash that exists already, revoked or not,
 * is left as it is, so revoking the bootstrap key is final even while the secret stays set.
 *
 * @example
 * await ensureBootstrapAdminKey(db, env.GRADESHEET_BOOTSTRAP_ADMIN_KEY, new Date());
 */
export async function ensureBootstrapAdminKey(db: Db, secret: string, now: Date): Promise<'created' | 'exists'> {
  const keyHash = await sha256Hex(secret);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('api_keys').select('id').where('key_hash', '=', keyHash).executeTakeFirst();
    if (existing) return 'exists' as const;
    const id = newId('key', now);
    const prefix = secret.slice(0, 12);
    await trx
      .insertInto('api_keys')
      .values({ id, name: 'bootstrap admin (GRADESHEET_BOOTSTRAP_ADMIN_KEY)', role: 'admin', key_hash: keyHash, key_prefix: prefix, created_at: now.toISOString(), created_by: null, revoked_at: null })
      .execute();
    await appendAudit(trx, { submissionId: null, actor: systemActor, action: 'key.created', after: { id, role: 'admin', prefix, bootstrap: true } }, now);
    return 'created' as const;
  });
}
