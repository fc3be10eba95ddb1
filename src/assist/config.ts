import { z } from 'zod';

/** Prices in USD per million tokens. `cached_input`: prompt tokens served from the provider's prefix cache. */
export const modelPriceSchema = z.object({
  input: z.number().min(0),
  output: z.number().min(0),
  cached_input: z.number().min(0).optional(),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;

/** A price table: model name → price. A `*` entry, when present, prices every model not listed. */
export const priceTableSchema = z.record(z.string().min(1), modelPriceSchema);
export type PriceTable = z.infer<typeof priceTableSchema>;

/**
 * List prices of common OpenAI models (USD per 1M tokens). Models not listed here or in the
 * configured table are priced at `fallbackPrice`, deliberately on the high side: an estimate
 * that errs towards too expensive is the safe one for a budget.
 */
export const defaultPrices: PriceTable = {
  'gpt-4o-mini': { input: 0.15, cached_input: 0.075, output: 0.6 },
  'gpt-4o': { input: 2.5, cached_input: 1.25, output: 10 },
  'gpt-4.1': { input: 2, cached_input: 0.5, output: 8 },
  'gpt-4.1-mini': { input: 0.4, cached_input: 0.1, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, cached_input: 0.025, output: 0.4 },
};
export const fallbackPrice: ModelPrice = { input: 2.5, output: 10 };

/**
 * What the LLM assist needs, injected by the runtime (the Node build reads it from the
 * environment in src/node/config.ts); the core never reads the environment itself.
 */
export const assistConfigSchema = z.object({
  /** The model name the endpoint knows (`gpt-4o-mini`, an Azure deployment, `llama3.1:8b` on Ollama). */
  model: z.string().min(1),
  /** Sent as the bearer token; local servers (Ollama, vLLM) accept any value. */
  apiKey: z.string().min(1),
  /** An OpenAI-compatible endpoint, e.g. http://localhost:11434/v1; default: OpenAI's. */
  baseURL: z.url().optional(),
  /** One HTTP attempt may take this long. */
  timeoutMs: z.number().int().positive().default(20_000),
  /** Retries of timeouts, connection errors, 408/409/429 and 5xx, with exponential backoff (the SDK's). */
  maxRetries: z.number().int().min(0).max(10).default(2),
  /** The whole call, retries and backoff included, ends after this: grading then goes on without it. */
  deadlineMs: z.number().int().positive().default(45_000),
  /** Token budget for one submission's prompt (estimated at 4 characters a token). */
  maxInputTokens: z.number().int().min(1_000).default(12_000),
  maxOutputTokens: z.number().int().min(256).default(4_000),
  /** `null` leaves the temperature to the server (reasoning models accept no other value). */
  temperature: z.number().min(0).max(2).nullable().default(0),
  /** Merged over `defaultPrices`. */
  prices: priceTableSchema.default({}),
});
export type AssistConfig = z.infer<typeof assistConfigSchema>;
export type AssistConfigInput = z.input<typeof assistConfigSchema>;

/** Where a price came from: the configured table, the built-in list, or the conservative fallback. */
export type PriceSource = 'config' | 'builtin' | 'fallback';

/** The price of a model: the configured table first, then the built-in one, then the fallback. */
export function priceFor(model: string, prices: PriceTable = {}): { price: ModelPrice; source: PriceSource } {
  const configured = prices[model] ?? prices['*'];
  if (configured) return { price: configured, source: 'config' };
  const known = defaultPrices[model];
  if (known) return { price: known, source: 'builtin' };
  return { price: fallbackPrice, source: 'fallback' };
}

export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
  /** Of the input tokens, those the provider served from its prompt cache (cheaper). */
  cached_input_tokens: number;
}

/** Estimated cost in USD (rounded to 1e-8: cheap models cost fractions of a cent per submission). */
export function estimateCost(usage: TokenUsage, price: ModelPrice): number {
  const cached = Math.min(usage.cached_input_tokens, usage.input_tokens);
  const usd = ((usage.input_tokens - cached) * price.input + cached * (price.cached_input ?? price.input) + usage.output_tokens * price.output) / 1e6;
  return Math.round(usd * 1e8) / 1e8;
}
