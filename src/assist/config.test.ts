import { describe, expect, it } from 'vitest';
import { assistConfigSchema, estimateCost, fallbackPrice, priceFor } from './config.js';

describe('prices and cost', () => {
  it('prices from the configured table, then the built-in list, then a high fallback', () => {
    expect(priceFor('local-llama', { 'local-llama': { input: 0, output: 0 } })).toEqual({ price: { input: 0, output: 0 }, source: 'config' });
    expect(priceFor('gpt-4o-mini')).toMatchObject({ source: 'builtin', price: { input: 0.15, output: 0.6 } });
    expect(priceFor('something-new')).toEqual({ price: fallbackPrice, source: 'fallback' });
    expect(priceFor('something-new', { '*': { input: 1, output: 2 } })).toMatchObject({ source: 'config' });
  });

  it('estimates USD per million tokens, cached input at its own price', () => {
    expect(estimateCost({ input_tokens: 1_000_000, output_tokens: 100_000, cached_input_tokens: 0 }, { input: 0.15, output: 0.6 })).toBeCloseTo(0.21, 6);
    expect(estimateCost({ input_tokens: 2_000, output_tokens: 0, cached_input_tokens: 1_000 }, { input: 1, cached_input: 0.5, output: 0 })).toBeCloseTo(0.0015, 6);
  });

  it('defaults: bounded retries, a deadline, a token budget, temperature 0', () => {
    expect(assistConfigSchema.parse({ model: 'm', apiKey: 'k' })).toMatchObject({ maxRetries: 2, timeoutMs: 20_000, deadlineMs: 45_000, maxInputTokens: 12_000, temperature: 0, prices: {} });
  });
});
