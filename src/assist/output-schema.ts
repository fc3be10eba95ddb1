import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { Rubric } from '../grading/rubric.js';

/** Quotes per item or flag that are read; more are ignored. */
export const MAX_QUOTES = 5;
const MAX_RATIONALE = 1_000;

const quoteSchema = z.object({
  file: z.string().describe('the file name exactly as in the section header'),
  location: z.string().describe('the location exactly as in the section header, e.g. "line 12", "slide 2"'),
  quote: z.string().describe('characters copied exactly from that one section, at most 300'),
});

// Quotes come first and the score last: the model commits to evidence before it gives a number.
const itemAnswerWire = z.object({
  quotes: z.array(quoteSchema).max(MAX_QUOTES),
  rationale: z.string().describe('one or two sentences: what is there and what is missing'),
  score: z.number().int().min(0).max(3),
});
const flagAnswerWire = z.object({
  quotes: z.array(quoteSchema).max(MAX_QUOTES),
  rationale: z.string(),
  present: z.boolean(),
});

/**
 * The JSON schema the model is asked for (strict structured output): one entry per item and red
 * flag of the rubric, every field required. Built from the rubric, so a company's own rubric
 * gets its own items.
 */
export function assistResponseFormat(rubric: Rubric) {
  const schema = z.object({
    items: z.object(Object.fromEntries(rubric.items.map((i) => [i.id, itemAnswerWire]))),
    red_flags: z.object(Object.fromEntries(rubric.red_flags.map((f) => [f.id, flagAnswerWire]))),
  });
  return zodResponseFormat(schema, 'gradesheet_assist');
}

// Reading the answer is lenient where leniency is harmless (extra quotes are cut, long rationales
// trimmed) and strict where it matters: a score outside 0–3 or a missing field makes that item's
// answer unusable, never a guess.
const quoteRead = z.object({ file: z.string(), location: z.string(), quote: z.string() });
const quotesRead = z.array(quoteRead).transform((q) => q.slice(0, MAX_QUOTES));
const rationaleRead = z.string().transform((s) => s.trim().slice(0, MAX_RATIONALE));
export const itemAnswerSchema = z.object({ quotes: quotesRead, rationale: rationaleRead, score: z.number().int().min(0).max(3) });
export const flagAnswerSchema = z.object({ quotes: quotesRead, rationale: rationaleRead, present: z.boolean() });
export type ItemAnswer = z.infer<typeof itemAnswerSchema>;
export type FlagAnswer = z.infer<typeof flagAnswerSchema>;
export type QuoteAnswer = z.infer<typeof quoteRead>;

/** A model's answer, read item by item: an unusable entry is `undefined` with the reason in `problems`. */
export interface AssistAnswer {
  items: Record<string, ItemAnswer | undefined>;
  red_flags: Record<string, FlagAnswer | undefined>;
  /** Why entries (or the whole answer) could not be used. */
  problems: string[];
  /** True when every item and flag was usable: only such answers are cached. */
  complete: boolean;
}

/**
 * Read the model's reply. Not JSON, or not an object with `items` and `red_flags`: every entry
 * is unusable. Otherwise each item and flag is validated on its own, so one bad entry costs only
 * that entry.
 */
export function readAssistAnswer(content: string | null | undefined, rubric: Rubric): AssistAnswer {
  const empty = (problem: string): AssistAnswer => ({
    items: Object.fromEntries(rubric.items.map((i) => [i.id, undefined])),
    red_flags: Object.fromEntries(rubric.red_flags.map((f) => [f.id, undefined])),
    problems: [problem],
    complete: false,
  });
  if (!content) return empty('the model returned no content');
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return empty('the model’s reply is not JSON');
  }
  const top = z.object({ items: z.record(z.string(), z.unknown()), red_flags: z.record(z.string(), z.unknown()) }).safeParse(raw);
  if (!top.success) return empty('the model’s reply does not follow the schema (no items and red_flags objects)');
  const problems: string[] = [];
  const items: AssistAnswer['items'] = {};
  for (const item of rubric.items) {
    const r = itemAnswerSchema.safeParse(top.data.items[item.id]);
    items[item.id] = r.success ? r.data : undefined;
    if (!r.success) problems.push(`the model’s answer for item ${item.id} is missing or off-schema`);
  }
  const red_flags: AssistAnswer['red_flags'] = {};
  for (const flag of rubric.red_flags) {
    const r = flagAnswerSchema.safeParse(top.data.red_flags[flag.id]);
    red_flags[flag.id] = r.success ? r.data : undefined;
    if (!r.success) problems.push(`the model’s answer for red flag ${flag.id} is missing or off-schema`);
  }
  return { items, red_flags, problems, complete: problems.length === 0 };
}
