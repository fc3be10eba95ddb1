import { appendAudit, type Actor } from './audit.js';
import type { Db } from './schema.js';

const LLM_ASSIST = 'llm_assist';

/** The service-wide LLM assist switch: on unless an admin switched it off. */
export interface LlmAssistSetting {
  enabled: boolean;
  set_by: string | null;
  set_at: string | null;
}

/** The global switch: when off, no assignment's submissions go to a model, whatever their flag. */
export async function getLlmAssistSetting(db: Db): Promise<LlmAssistSetting> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', LLM_ASSIST).executeTakeFirst();
  if (!row) return { enabled: true, set_by: null, set_at: null };
  const v = JSON.parse(row.value) as Partial<LlmAssistSetting>;
  return { enabled: v.enabled !== false, set_by: v.set_by ?? null, set_at: v.set_at ?? null };
}

/** An admin turns the assist on or off for every assignment at once (audited). */
export async function setLlmAssistSetting(db: Db, enabled: boolean, actor: Actor, now: Date): Promise<LlmAssistSetting> {
  const value: LlmAssistSetting = { enabled, set_by: actor.id, set_at: now.toISOString() };
  return db.transaction().execute(async (trx) => {
    const before = await getLlmAssistSetting(trx);
    await trx
      .insertInto('settings')
      .values({ key: LLM_ASSIST, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
    await appendAudit(trx, { submissionId: null, actor, action: 'settings.changed', field: LLM_ASSIST, before: { enabled: before.enabled }, after: { enabled } }, now);
    return value;
  });
}
