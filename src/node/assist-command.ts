import { createAssist, sheetWithAssistOff } from '../assist/index.js';
import type { Document } from '../documents/model.js';
import { GradesheetError } from '../errors.js';
import type { Rubric } from '../grading/rubric.js';
import type { Sheet } from '../grading/sheet.js';
import { createDbAssistCache } from '../store/llm-cache.js';
import { getLlmAssistSetting } from '../store/settings.js';
import { assistConfigFrom, loadConfig } from './config.js';
import { openDatabase } from './database.js';

/**
 * `gradesheet grade --llm`: the rule sheet with the LLM assist's opinion merged in. The model
 * comes from the environment (GRADESHEET_LLM_MODEL, OPENAI_API_KEY, OPENAI_BASE_URL); answers
 * are cached in the database DATA_DIR/DATABASE_URL names, the same one the server uses, so a
 * second run over the same files costs nothing. An admin's switch-off applies here too.
 */
export async function assistFromEnv(
  input: { documents: Document[]; rubric: Rubric; sheet: Sheet },
  env: Record<string, string | undefined>,
  stderr: (s: string) => void,
): Promise<Sheet> {
  const config = loadConfig(env);
  const assistConfig = assistConfigFrom(config);
  if (!assistConfig) {
    throw new GradesheetError('invalid_request', '--llm needs a model: set GRADESHEET_LLM_MODEL, and OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server).');
  }
  const database = await openDatabase(config);
  try {
    if (!(await getLlmAssistSetting(database.db)).enabled) {
      stderr('gradesheet: the LLM assist is switched off by an admin (PUT /api/v1/settings/llm_assist); graded with the rule graders only\n');
      return sheetWithAssistOff(input.sheet);
    }
    const assist = createAssist(assistConfig, { cache: createDbAssistCache(database.db), now: () => new Date(), log: (m) => stderr(`gradesheet: ${m}\n`) });
    const sheet = await assist.run(input);
    const a = sheet.assist;
    if (a) {
      const what = a.status === 'ok' ? (a.cache_hit ? 'answered from the cache, no cost' : `${a.input_tokens} input + ${a.output_tokens} output tokens, about $${a.cost_usd.toFixed(4)}`) : `failed: ${a.error ?? 'unknown'}`;
      stderr(`gradesheet: LLM assist (${a.model}): ${what}; ${a.disagreements} disagreement(s), ${a.raised} raised\n`);
    }
    return sheet;
  } finally {
    await database.close();
  }
}
