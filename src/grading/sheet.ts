import { z } from 'zod';
import { deliverableSchema } from '../documents/model.js';

export const evidenceSchema = z.object({
  file: z.string(),
  location: z.string(),
  /** Verbatim text from the parsed document (checked before the sheet is built). */
  quote: z.string().min(1),
  /** The heading path of the section the quote sits in. */
  path: z.array(z.string()).optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** Who proposed a value: a rule grader, a model, or a person. */
export const sourceSchema = z.enum(['rule', 'model', 'human']);

/** The LLM assist's opinion of an item, beside the rule graders' (only verified quotes are kept). */
export const modelItemOpinionSchema = z.object({
  score: z.number().int().min(0).max(3),
  rationale: z.string(),
  evidence: z.array(evidenceSchema),
  /** Quotes the model gave that were not found verbatim (or were text addressed to a grader): dropped. */
  dropped_quotes: z.number().int().min(0),
});
export type ModelItemOpinion = z.infer<typeof modelItemOpinionSchema>;

/** The LLM assist's opinion of a red flag. */
export const modelFlagOpinionSchema = z.object({
  present: z.boolean(),
  rationale: z.string(),
  evidence: z.array(evidenceSchema),
  dropped_quotes: z.number().int().min(0),
});
export type ModelFlagOpinion = z.infer<typeof modelFlagOpinionSchema>;

/** The rule graders' own suggestion, kept beside the model's when the LLM assist ran. */
export const ruleItemSuggestionSchema = z.object({
  suggested: z.number().int().min(0).max(3),
  confidence: z.number().min(0).max(1),
  rationale: z.string(),
  evidence: z.array(evidenceSchema),
});

export const itemSuggestionSchema = z.object({
  suggested: z.number().int().min(0).max(3),
  confidence: z.number().min(0).max(1),
  rationale: z.string(),
  evidence: z.array(evidenceSchema),
  source: sourceSchema,
  /** What the grader looked for and found, so a reviewer sees why (e.g. { target_numbers: 3, time_frames: 0 }). */
  signals: z.record(z.string(), z.union([z.number(), z.boolean()])).optional(),
  /** Set when a person must look first (missing deliverable, no grader for a custom item, model failure). */
  needs_attention: z.boolean().optional(),
  /** LLM assist only: the rule graders' suggestion (what `suggested` would be without the assist). */
  rule: ruleItemSuggestionSchema.optional(),
  /** LLM assist only: the model's score with its verified evidence; null when its answer was unusable. */
  model: modelItemOpinionSchema.nullable().optional(),
  /** LLM assist only: the model and the rule graders disagree; a reviewer should look. */
  disagreement: z.boolean().optional(),
});
export type ItemSuggestion = z.infer<typeof itemSuggestionSchema>;

export const redFlagSuggestionSchema = z.object({
  present: z.boolean(),
  critical: z.boolean(),
  rationale: z.string(),
  evidence: z.array(evidenceSchema),
  source: sourceSchema,
  /** Set when a person must look first (the LLM assist disagreed or failed). */
  needs_attention: z.boolean().optional(),
  /** LLM assist only: the model's view with its verified evidence; null when its answer was unusable. */
  model: modelFlagOpinionSchema.nullable().optional(),
  disagreement: z.boolean().optional(),
});
export type RedFlagSuggestion = z.infer<typeof redFlagSuggestionSchema>;

export const decisionSchema = z.enum(['advance', 'do_not_advance']);
export type Decision = z.infer<typeof decisionSchema>;

/** What the LLM assist did for this sheet: model, tokens, estimated cost, failures. */
export const assistReportSchema = z.object({
  /** `ok`: the model answered (maybe from the cache); `failed`: rules only (see `error`); `off`: switched off by an admin. */
  status: z.enum(['ok', 'failed', 'off']),
  model: z.string().nullable(),
  prompt_version: z.string(),
  cache_hit: z.boolean(),
  /** Tokens spent by this grading (0 on a cache hit). */
  input_tokens: z.number().int().min(0),
  output_tokens: z.number().int().min(0),
  cached_input_tokens: z.number().int().min(0),
  /** Estimated from the price table (USD); 0 on a cache hit. */
  cost_usd: z.number().min(0),
  /** `config`: the configured price table; `builtin`: Gradesheet's list; `fallback`: unknown model, a high guess; `none`: no call. */
  price_source: z.enum(['config', 'builtin', 'fallback', 'none']),
  disagreements: z.number().int().min(0),
  raised: z.number().int().min(0),
  dropped_quotes: z.number().int().min(0),
  /** Sections sent to the model and sections in the submission (the token budget may cut some). */
  sections_sent: z.number().int().min(0),
  sections_total: z.number().int().min(0),
  error: z.string().optional(),
  /** The `llm_cache` row the answer lives in (removed when the candidate is erased). */
  cache_key: z.string().optional(),
});
export type AssistReport = z.infer<typeof assistReportSchema>;

export const sheetStatusSchema = z.enum(['grading', 'prefilled', 'in_review', 'confirmed']);

/** The pre-filled grading sheet of CONTRACT.md. Deterministic: the same files give the same sheet. */
export const sheetSchema = z.object({
  rubric: z.string(),
  files: z.record(z.string(), deliverableSchema),
  items: z.record(z.string(), itemSuggestionSchema),
  red_flags: z.record(z.string(), redFlagSuggestionSchema),
  pillars: z.record(z.string(), z.number().int().min(0).max(3)),
  decision: decisionSchema,
  status: sheetStatusSchema,
  warnings: z.array(z.string()),
  /** Present when the LLM assist was asked for. */
  assist: assistReportSchema.optional(),
});
export type Sheet = z.infer<typeof sheetSchema>;
