/** The LLM assist: a second opinion from an OpenAI-compatible model that helps the graders and never decides. */
import { assistSheet, type AssistInput } from './assist-sheet.js';
import type { AssistCache } from './cache.js';
import { createOpenAIModelClient, type ModelClient } from './client.js';
import type { AssistConfig } from './config.js';
import type { Sheet } from '../grading/sheet.js';

export { assistSheet, sheetWithAssistOff, sheetWithoutAssist, type AssistDeps, type AssistInput, type AssistSettings } from './assist-sheet.js';
export { createMemoryCache, type AssistCache, type CachedAnswer } from './cache.js';
export { createOpenAIModelClient, describeModelFailure, type ModelClient, type ModelReply, type ModelRequest } from './client.js';
export { assistConfigSchema, defaultPrices, estimateCost, fallbackPrice, priceFor, type AssistConfig, type AssistConfigInput, type ModelPrice, type PriceTable } from './config.js';
export { mergeAssist } from './merge.js';
export { PROMPT_VERSION } from './prompt.js';

/** A configured assist: one model, one cache. */
export interface Assist {
  readonly model: string;
  /** The sheet with the model's opinion merged in (or the rule sheet with a warning). Never throws. */
  run(input: AssistInput): Promise<Sheet>;
}

/**
 * Wire an assist from its configuration.
 *
 * @example
 * const assist = createAssist(assistConfigSchema.parse({ model: 'gpt-4o-mini', apiKey }), { cache, now: () => new Date() });
 * const sheet = await assist.run({ documents, rubric, sheet: gradeDocuments(documents, rubric) });
 */
export function createAssist(config: AssistConfig, deps: { cache?: AssistCache | undefined; now: () => Date; client?: ModelClient; log?: (m: string) => void }): Assist {
  const client = deps.client ?? createOpenAIModelClient(config);
  return {
    model: client.model,
    run: (input) => assistSheet(input, { client, cache: deps.cache, settings: config, now: deps.now, ...(deps.log ? { log: deps.log } : {}) }),
  };
}
