import { z } from 'zod';
import { assistConfigSchema, priceTableSchema, type AssistConfig } from '../assist/config.js';
import { GradesheetError } from '../errors.js';

const int = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * The one configuration loader of the Node build: every setting comes from the environment,
 * so the server and the command line (`gradesheet keys …`) act on the same database.
 */
export const nodeConfigSchema = z.object({
  PORT: int(3000, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** SQLite database and uploaded originals (`DATA_DIR/gradesheet.db`, `DATA_DIR/files/`). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… or postgresql://…: the database lives on Postgres instead of SQLite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Base of candidate links, e.g. https://grades.example.com (default: the request's origin). */
  PUBLIC_URL: z.url().optional(),
  MAX_FILES_PER_SUBMISSION: int(10, 1, 100),
  /** Largest upload request, in MB. */
  MAX_UPLOAD_MB: int(51, 1, 1024),
  /** A crashed worker's job is claimed again after this lease. */
  JOB_LEASE_SECONDS: int(60, 1, 3600),
  JOB_POLL_MS: int(1000, 10, 60_000),
  JOB_MAX_ATTEMPTS: int(5, 1, 100),
  JOB_CONCURRENCY: int(1, 1, 16),
  /** `off` runs the API without the in-process job worker (another process runs it). */
  GRADESHEET_WORKER: z.enum(['on', 'off']).default('on'),
  /** Worker threads that parse uploads and grade submissions; 0: on the main thread. Default: cores − 1, at least 2. */
  PARSE_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  // The LLM assist (off unless GRADESHEET_LLM_MODEL is set; then per assignment and `grade --llm`).
  /** The model name the endpoint knows; unset: no assist. */
  GRADESHEET_LLM_MODEL: z.string().trim().optional().transform((s) => s || undefined),
  OPENAI_API_KEY: z.string().trim().optional().transform((s) => s || undefined),
  /** An OpenAI-compatible endpoint (Azure OpenAI's /openai/v1/, vLLM, Ollama's http://localhost:11434/v1). */
  OPENAI_BASE_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  GRADESHEET_LLM_TIMEOUT_MS: int(20_000, 100, 600_000),
  GRADESHEET_LLM_MAX_RETRIES: int(2, 0, 10),
  /** The whole model call, retries included; the worker keeps it inside the job lease. */
  GRADESHEET_LLM_DEADLINE_MS: int(45_000, 100, 3_600_000),
  GRADESHEET_LLM_MAX_INPUT_TOKENS: int(12_000, 1_000, 1_000_000),
  GRADESHEET_LLM_MAX_OUTPUT_TOKENS: int(4_000, 256, 100_000),
  /** A number, or `none` to send no temperature (reasoning models accept only their default). */
  GRADESHEET_LLM_TEMPERATURE: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return 0;
      if (s === 'none') return null;
      const n = Number(s);
      if (!Number.isFinite(n) || n < 0 || n > 2) {
        ctx.addIssue({ code: 'custom', message: 'a number from 0 to 2, or none' });
        return z.NEVER;
      }
      return n;
    }),
  /** JSON: {"model": {"input": USD per 1M tokens, "output": …, "cached_input"?: …}, "*": {…}}. */
  GRADESHEET_LLM_PRICES: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return {};
      let raw: unknown;
      try {
        raw = JSON.parse(s);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. {"gpt-4o-mini":{"input":0.15,"output":0.6}}' });
        return z.NEVER;
      }
      const r = priceTableSchema.safeParse(raw);
      if (!r.success) {
        ctx.addIssue({ code: 'custom', message: `not a price table: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
        return z.NEVER;
      }
      return r.data;
    }),
});

export type NodeConfig = z.infer<typeof nodeConfigSchema>;

/** The LLM assist's settings (the Workers build reads the same names from its bindings). */
export const llmSettings = [
  'GRADESHEET_LLM_MODEL',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'GRADESHEET_LLM_TIMEOUT_MS',
  'GRADESHEET_LLM_MAX_RETRIES',
  'GRADESHEET_LLM_DEADLINE_MS',
  'GRADESHEET_LLM_MAX_INPUT_TOKENS',
  'GRADESHEET_LLM_MAX_OUTPUT_TOKENS',
  'GRADESHEET_LLM_TEMPERATURE',
  'GRADESHEET_LLM_PRICES',
] as const;
export type LlmSetting = (typeof llmSettings)[number];

/**
 * The LLM assist's configuration, or undefined when no model is set. A model without a key is
 * fine for a local endpoint (Ollama and vLLM ignore it) and an error for OpenAI's own.
 */
export function assistConfigFrom(config: Pick<NodeConfig, LlmSetting>): AssistConfig | undefined {
  if (!config.GRADESHEET_LLM_MODEL) return undefined;
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) {
    throw new GradesheetError('invalid_request', 'GRADESHEET_LLM_MODEL is set but OPENAI_API_KEY is not: set the key, or OPENAI_BASE_URL for a local endpoint.');
  }
  return assistConfigSchema.parse({
    model: config.GRADESHEET_LLM_MODEL,
    apiKey: config.OPENAI_API_KEY ?? 'unused',
    baseURL: config.OPENAI_BASE_URL,
    timeoutMs: config.GRADESHEET_LLM_TIMEOUT_MS,
    maxRetries: config.GRADESHEET_LLM_MAX_RETRIES,
    deadlineMs: config.GRADESHEET_LLM_DEADLINE_MS,
    maxInputTokens: config.GRADESHEET_LLM_MAX_INPUT_TOKENS,
    maxOutputTokens: config.GRADESHEET_LLM_MAX_OUTPUT_TOKENS,
    temperature: config.GRADESHEET_LLM_TEMPERATURE,
    prices: config.GRADESHEET_LLM_PRICES,
  });
}

export function loadConfig(env: Record<string, string | undefined> = process.env): NodeConfig {
  const result = nodeConfigSchema.safeParse(env);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new GradesheetError('invalid_request', `The configuration in the environment is not valid: ${issues}.`);
  }
  return result.data;
}
