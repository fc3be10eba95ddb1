/**
 * Where model answers are remembered: keyed by model, prompt version and a hash of everything
 * sent, so re-grading the same files costs nothing — across restarts and command-line runs when
 * the store is the database (`src/store/llm-cache.ts`).
 */
export interface AssistCache {
  get(key: string): Promise<CachedAnswer | undefined>;
  /** Keep an answer; a second put of the same key keeps the first. */
  put(key: string, answer: CachedAnswer, now: Date): Promise<void>;
}

export interface CachedAnswer {
  /** The model's reply as it came (JSON text). */
  content: string;
  /** What the original call cost, for the record (a hit itself costs nothing). */
  input_tokens: number;
  output_tokens: number;
}

/** A cache in memory, for one process (the eval, tests). */
export function createMemoryCache(): AssistCache & { size(): number } {
  const entries = new Map<string, CachedAnswer>();
  return {
    async get(key) {
      return entries.get(key);
    },
    async put(key, answer) {
      if (!entries.has(key)) entries.set(key, answer);
    },
    size: () => entries.size,
  };
}
