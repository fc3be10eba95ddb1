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
});
export type ItemSuggestion = z.infer<typeof itemSuggestionSchema>;

export const redFlagSuggestionSchema = z.object({
  present: z.boolean(),
  critical: z.boolean(),
  rationale: z.string(),
  evidence: z.array(evidenceSchema),
  source: sourceSchema,
});
export type RedFlagSuggestion = z.infer<typeof redFlagSuggestionSchema>;

export const decisionSchema = z.enum(['advance', 'do_not_advance']);
export type Decision = z.infer<typeof decisionSchema>;

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
});
export type Sheet = z.infer<typeof sheetSchema>;
