import OpenAI from 'openai';
import type { ResponseFormatJSONSchema } from 'openai/resources/shared';
import type { AssistConfig, TokenUsage } from './config.js';

export interface ModelRequest {
  messages: { role: 'system' | 'user'; content: string }[];
  responseFormat: ResponseFormatJSONSchema;
  maxOutputTokens: number;
  temperature: number | null;
}

export interface ModelReply {
  content: string | null;
  refusal: string | null;
  finishReason: string | null;
  /** What the server reported; null when it reported nothing. */
  usage: TokenUsage | null;
  /** HTTP attempts made (1 + retries). */
  attempts: number;
}

/**
 * The port the assist talks to: one chat completion with a JSON-schema response format.
 * The OpenAI SDK implements it below; anything OpenAI-compatible (Azure OpenAI's v1 endpoint,
 * vLLM, Ollama) works through `baseURL`.
 */
export interface ModelClient {
  readonly model: string;
  complete(request: ModelRequest, options?: { signal?: AbortSignal }): Promise<ModelReply>;
}

/** Statuses worth another attempt: timeouts, lock conflicts, rate limits, server errors. */
function retryable(e: unknown): boolean {
  if (e instanceof OpenAI.APIUserAbortError) return false;
  if (e instanceof OpenAI.APIConnectionError) return true; // includes APIConnectionTimeoutError
  if (e instanceof OpenAI.APIError && typeof e.status === 'number') return e.status === 408 || e.status === 409 || e.status === 429 || e.status >= 500;
  return false;
}

/** The server's own wait (`retry-after-ms`, `retry-after` in seconds or as a date), if any. */
function retryAfterMs(e: unknown, now: number): number | undefined {
  if (!(e instanceof OpenAI.APIError) || !e.headers) return undefined;
  const ms = Number.parseFloat(e.headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const header = e.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number.parseFloat(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? date - now : undefined;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new OpenAI.APIUserAbortError());
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(new OpenAI.APIUserAbortError());
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface OpenAIClientOptions {
  /** Backoff before retry n (0-based) when the server names no wait: 0.5 s, 1 s, 2 s … up to 8 s, with jitter. */
  backoffMs?: (retry: number) => number;
  /** The longest wait a server's `retry-after` may impose; longer waits end the call instead. Default 10 s. */
  maxRetryAfterMs?: number;
}

/**
 * A `ModelClient` over the official `openai` SDK. Retries are ours, not the SDK's (it is given
 * `maxRetries: 0`): bounded by `maxRetries`, with exponential backoff, honouring `retry-after`
 * up to a cap, and every wait ends when the caller's signal aborts — the SDK's own retry sleeps
 * cannot be interrupted and obey any `retry-after`, however long.
 *
 * @example
 * const client = createOpenAIModelClient({ model: 'gpt-4o-mini', apiKey, timeoutMs: 20_000, maxRetries: 2 });
 * const reply = await client.complete(request, { signal: AbortSignal.timeout(45_000) });
 */
export function createOpenAIModelClient(
  config: Pick<AssistConfig, 'model' | 'apiKey' | 'baseURL' | 'timeoutMs' | 'maxRetries'>,
  options: OpenAIClientOptions = {},
): ModelClient {
  // Everything explicit: the SDK would otherwise read OPENAI_BASE_URL and friends from the environment.
  const sdk = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseURL ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    timeout: config.timeoutMs,
    maxRetries: 0,
  });
  const backoff = options.backoffMs ?? ((n: number) => Math.min(500 * 2 ** n, 8_000) * (1 - Math.random() * 0.25));
  const maxRetryAfter = options.maxRetryAfterMs ?? 10_000;
  return {
    model: config.model,
    async complete(request, { signal } = {}) {
      for (let attempt = 0; ; attempt++) {
        try {
          const completion = await sdk.chat.completions.create(
            {
              model: config.model,
              messages: request.messages,
              response_format: request.responseFormat,
              max_completion_tokens: request.maxOutputTokens,
              ...(request.temperature === null ? {} : { temperature: request.temperature }),
            },
            signal ? { signal } : {},
          );
          const choice = completion.choices[0];
          const u = completion.usage;
          return {
            content: choice?.message.content ?? null,
            refusal: choice?.message.refusal ?? null,
            finishReason: choice?.finish_reason ?? null,
            usage: u ? { input_tokens: u.prompt_tokens, output_tokens: u.completion_tokens, cached_input_tokens: u.prompt_tokens_details?.cached_tokens ?? 0 } : null,
            attempts: attempt + 1,
          };
        } catch (e) {
          if (attempt >= config.maxRetries || !retryable(e)) throw Object.assign(e as object, { attempts: attempt + 1 });
          const asked = retryAfterMs(e, Date.now());
          if (asked !== undefined && asked > maxRetryAfter) throw Object.assign(e as object, { attempts: attempt + 1 });
          await abortableSleep(Math.max(0, asked ?? backoff(attempt)), signal);
        }
      }
    },
  };
}

/** A short, stable description of a failed call for the sheet's warning (never the API key). */
export function describeModelFailure(e: unknown): string {
  const attempts = typeof e === 'object' && e !== null && 'attempts' in e ? Number((e as { attempts: unknown }).attempts) : undefined;
  const after = attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
  if (e instanceof OpenAI.APIUserAbortError) return `no answer within the time allowed${after}`;
  if (e instanceof OpenAI.APIConnectionTimeoutError) return `the model timed out${after}`;
  if (e instanceof OpenAI.APIConnectionError) return `the model endpoint could not be reached${after}`;
  if (e instanceof OpenAI.APIError && e.status === 429) return `rate limited (429)${after}`;
  if (e instanceof OpenAI.APIError && typeof e.status === 'number' && e.status >= 500) return `server error (${e.status})${after}`;
  if (e instanceof OpenAI.APIError && typeof e.status === 'number') return `the endpoint refused the request (${e.status}${e.status === 401 ? ': check OPENAI_API_KEY' : e.status === 404 ? ': check GRADESHEET_LLM_MODEL and OPENAI_BASE_URL' : ''})`;
  return `unexpected error: ${e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200)}`;
}
