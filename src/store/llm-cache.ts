import type { AssistCache, CachedAnswer } from '../assist/cache.js';
import type { Db } from './schema.js';

/**
 * The LLM assist's answers in the `llm_cache` table, keyed by model, prompt version and content
 * hash: a hit across restarts and command-line runs costs nothing.
 *
 * @example
 * const assist = createAssist(config, { cache: createDbAssistCache(db), now });
 */
export function createDbAssistCache(db: Db): AssistCache {
  return {
    async get(key) {
      const row = await db.selectFrom('llm_cache').selectAll().where('cache_key', '=', key).executeTakeFirst();
      if (!row) return undefined;
      const stored = JSON.parse(row.response_json) as { content: string };
      return { content: stored.content, input_tokens: Number(row.input_tokens), output_tokens: Number(row.output_tokens) } satisfies CachedAnswer;
    },
    async put(key, answer, now) {
      await db
        .insertInto('llm_cache')
        .values({ cache_key: key, response_json: JSON.stringify({ content: answer.content }), input_tokens: answer.input_tokens, output_tokens: answer.output_tokens, created_at: now.toISOString() })
        .onConflict((oc) => oc.column('cache_key').doNothing())
        .execute();
    },
  };
}

/** Forget cached answers (they quote the candidate): erasure removes those its sheets name. */
export async function deleteCachedAnswers(db: Db, keys: string[]): Promise<void> {
  if (keys.length > 0) await db.deleteFrom('llm_cache').where('cache_key', 'in', keys).execute();
}
