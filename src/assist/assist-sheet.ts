import { builtInDetectors, builtInGraders } from '../grading/index.js';
import type { Document } from '../documents/model.js';
import { gradingUnits } from '../grading/grade.js';
import type { Rubric } from '../grading/rubric.js';
import type { AssistReport, Sheet } from '../grading/sheet.js';
import type { FlagDetector, ItemGrader } from '../grading/types.js';
import { sha256Hex } from '../store/crypto.js';
import type { AssistCache } from './cache.js';
import { describeModelFailure, type ModelClient, type ModelRequest } from './client.js';
import { estimateCost, priceFor, type AssistConfig, type TokenUsage } from './config.js';
import { mergeAssist } from './merge.js';
import { assistResponseFormat, readAssistAnswer } from './output-schema.js';
import { buildAssistPrompt, estimateTokens, PROMPT_VERSION } from './prompt.js';

export type AssistSettings = Pick<AssistConfig, 'maxInputTokens' | 'maxOutputTokens' | 'deadlineMs' | 'temperature' | 'prices'>;

export interface AssistDeps {
  client: ModelClient;
  /** Without a cache every grading calls the model. */
  cache?: AssistCache | undefined;
  settings: AssistSettings;
  now: () => Date;
  /** Default: the built-in graders and detectors (the merge re-runs a grader to accept a raise). */
  graders?: Record<string, ItemGrader>;
  detectors?: Record<string, FlagDetector>;
  /** Where cache trouble is reported (it never stops grading). Default: stderr. */
  log?: (message: string) => void;
}

export interface AssistInput {
  documents: Document[];
  rubric: Rubric;
  /** The rule graders' sheet for these documents. */
  sheet: Sheet;
}

const noUsage: TokenUsage = { input_tokens: 0, output_tokens: 0, cached_input_tokens: 0 };

function report(model: string | null, fields: Partial<AssistReport> & Pick<AssistReport, 'status'>): AssistReport {
  return {
    model,
    prompt_version: PROMPT_VERSION,
    cache_hit: false,
    ...noUsage,
    cost_usd: 0,
    price_source: 'none',
    disagreements: 0,
    raised: 0,
    dropped_quotes: 0,
    sections_sent: 0,
    sections_total: 0,
    ...fields,
  };
}

/**
 * The rule graders' sheet when the assist could not give its opinion: a warning says why, and
 * every item and red flag is marked for attention (a reviewer expected a second reading and did
 * not get one). Scores stay the rule graders' — a failure never lowers a grade.
 */
export function sheetWithoutAssist(sheet: Sheet, reason: string, fields: Partial<AssistReport> & { model: string | null }): Sheet {
  const { model, ...rest } = fields;
  return {
    ...sheet,
    items: Object.fromEntries(Object.entries(sheet.items).map(([k, v]) => [k, { ...v, needs_attention: true }])),
    red_flags: Object.fromEntries(Object.entries(sheet.red_flags).map(([k, v]) => [k, { ...v, needs_attention: true }])),
    warnings: [...sheet.warnings, `LLM assist failed (${reason}): the suggestions are the rule graders' alone, and every item is marked for a reviewer's attention`],
    assist: report(model, { ...rest, status: 'failed', error: reason }),
  };
}

/** The rule graders' sheet when an admin switched the assist off for every assignment. */
export function sheetWithAssistOff(sheet: Sheet): Sheet {
  return { ...sheet, warnings: [...sheet.warnings, 'LLM assist is switched off by an admin: rule graders only'], assist: report(null, { status: 'off' }) };
}

/**
 * Ask a model for a second opinion on a graded submission and merge it into the sheet under
 * the merge policy (`mergeAssist`). At most one model call per submission (retries of a failed
 * HTTP attempt aside), answered from the cache when the same question was asked before. Never
 * throws: any failure gives the rule graders' sheet with a warning (`sheetWithoutAssist`).
 *
 * @example
 * const sheet = await assistSheet({ documents, rubric, sheet: gradeDocuments(documents, rubric) }, { client, cache, settings, now });
 * sheet.items.kpis.model; // { score, rationale, evidence, dropped_quotes }
 * sheet.assist;           // { status: 'ok', input_tokens, output_tokens, cost_usd, … }
 */
export async function assistSheet(input: AssistInput, deps: AssistDeps): Promise<Sheet> {
  const { documents, rubric, sheet } = input;
  const { client, settings } = deps;
  const log = deps.log ?? ((m: string) => console.error(m));
  const model = client.model;
  try {
    const prompt = await buildAssistPrompt(documents, rubric, { maxInputTokens: settings.maxInputTokens, units: gradingUnits(documents, rubric) });
    const sections = { sections_sent: prompt.sectionsSent, sections_total: prompt.sectionsTotal };
    const request: ModelRequest = { messages: prompt.messages, responseFormat: assistResponseFormat(rubric), maxOutputTokens: settings.maxOutputTokens, temperature: settings.temperature };
    const contentHash = await sha256Hex(JSON.stringify([request.messages, request.responseFormat.json_schema, request.maxOutputTokens, request.temperature]));
    const cacheKey = await sha256Hex(JSON.stringify([model, PROMPT_VERSION, contentHash]));

    let cached;
    try {
      cached = await deps.cache?.get(cacheKey);
    } catch (e) {
      log(`llm assist: the cache could not be read, calling the model: ${e instanceof Error ? e.message : String(e)}`);
    }
    let content: string | null;
    let usage = noUsage;
    let problem: string | undefined;
    if (cached) {
      content = cached.content;
    } else {
      let reply;
      try {
        reply = await client.complete(request, { signal: AbortSignal.timeout(settings.deadlineMs) });
      } catch (e) {
        return sheetWithoutAssist(sheet, describeModelFailure(e), { model, ...sections });
      }
      content = reply.content;
      // Servers that report no usage: estimate it, so the cost is never silently zero.
      usage = reply.usage ?? { input_tokens: prompt.estimatedInputTokens, output_tokens: estimateTokens(content ?? ''), cached_input_tokens: 0 };
      if (reply.refusal) problem = `the model refused: ${reply.refusal.slice(0, 200)}`;
      else if (reply.finishReason === 'length') problem = 'the answer was cut off at the output token limit (GRADESHEET_LLM_MAX_OUTPUT_TOKENS)';
    }
    const { price, source } = priceFor(model, settings.prices);
    // A failed answer was still paid for: its tokens and cost are reported too.
    const spent = { ...usage, cost_usd: estimateCost(usage, price), price_source: cached ? ('none' as const) : source, ...sections };
    if (problem) return sheetWithoutAssist(sheet, problem, { model, ...spent });

    const answer = readAssistAnswer(content, rubric);
    const usable = Object.values(answer.items).some(Boolean) || Object.values(answer.red_flags).some(Boolean);
    if (!usable) return sheetWithoutAssist(sheet, answer.problems[0] ?? 'the answer could not be read', { model, ...spent });
    if (!cached && answer.complete && content) {
      try {
        await deps.cache?.put(cacheKey, { content, input_tokens: usage.input_tokens, output_tokens: usage.output_tokens }, deps.now());
      } catch (e) {
        log(`llm assist: the answer could not be cached: ${e instanceof Error ? e.message : String(e)}`);
      }
    }

    const merged = mergeAssist({ sheet, documents, rubric, answer, graders: deps.graders ?? builtInGraders, detectors: deps.detectors ?? builtInDetectors });
    const warnings = [...sheet.warnings];
    if (merged.unusable.length > 0) warnings.push(`LLM assist: the model's answer for ${merged.unusable.join(', ')} was missing or off-schema; those keep the rule graders' suggestion and are marked for attention`);
    if (merged.dropped > 0) warnings.push(`LLM assist: ${merged.dropped} quote${merged.dropped === 1 ? '' : 's'} from the model could not be found verbatim in the submission (or quoted text addressed to a grader) and ${merged.dropped === 1 ? 'was' : 'were'} dropped`);
    if (merged.disagreements > 0) warnings.push(`LLM assist: the model disagrees with the rule graders on ${merged.disagreements} field${merged.disagreements === 1 ? '' : 's'}, marked for attention`);
    if (prompt.sectionsSent < prompt.sectionsTotal || prompt.sectionsCut > 0) {
      warnings.push(`LLM assist: the token budget (GRADESHEET_LLM_MAX_INPUT_TOKENS) let the model see ${prompt.sectionsSent} of ${prompt.sectionsTotal} sections${prompt.sectionsCut ? `, ${prompt.sectionsCut} of them shortened` : ''}`);
    }
    return {
      ...merged.sheet,
      warnings,
      assist: report(model, {
        status: 'ok',
        cache_hit: Boolean(cached),
        ...spent,
        disagreements: merged.disagreements,
        raised: merged.raised,
        dropped_quotes: merged.dropped,
        cache_key: cacheKey,
      }),
    };
  } catch (e) {
    // A bug of ours must not block grading either.
    log(`llm assist: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return sheetWithoutAssist(sheet, `internal error: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`, { model });
  }
}
