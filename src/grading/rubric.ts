import { z } from 'zod';
import defaultRubricJson from '../../graders/rubrics/ai-product-leader.json' with { type: 'json' };
import { GradesheetError } from '../errors.js';

const deliverable = z.enum(['roadmap', 'policy', 'cost']);
const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are snake_case');

/**
 * A rubric is data: a company can ship its own. Items name the deliverables they read and the
 * pillar they count toward; `grader` picks the checklist grader (default: the item id).
 */
export const rubricSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a rubric id is lower-case letters, digits, - and _'),
    title: z.string().min(1),
    time_box_hours: z.number().positive().max(40).default(8),
    deliverables: z.record(deliverable, z.string()).optional(),
    scale: z.record(z.enum(['0', '1', '2', '3']), z.string()),
    items: z
      .array(
        z.object({
          id,
          title: z.string().min(1),
          deliverables: z.array(deliverable).min(1),
          pillar: id,
          three: z.string().optional(),
          /** The item scores 0 (with a warning) when none of these deliverables was submitted; default: the first of `deliverables`. */
          requires: z.array(deliverable).min(1).optional(),
          grader: id.optional(),
        }),
      )
      .min(1),
    pillars: z.array(z.object({ id, title: z.string(), items: z.array(id).min(1) })).min(1),
    pillar_rounding: z.enum(['floor', 'round']).default('floor'),
    decision: z.object({
      min_pillars: z.number().int().min(0),
      pillar_score_at_least: z.number().int().min(0).max(3),
      critical_flags_block: z.boolean(),
    }),
    red_flags: z.array(z.object({ id, critical: z.boolean(), description: z.string(), detector: id.optional() })),
  })
  .superRefine((r, ctx) => {
    const itemIds = new Set(r.items.map((i) => i.id));
    const pillarIds = new Set(r.pillars.map((p) => p.id));
    if (itemIds.size !== r.items.length) ctx.addIssue({ code: 'custom', message: 'item ids must be unique', path: ['items'] });
    for (const [i, item] of r.items.entries()) {
      if (!pillarIds.has(item.pillar)) ctx.addIssue({ code: 'custom', message: `item ${item.id} names unknown pillar ${item.pillar}`, path: ['items', i, 'pillar'] });
    }
    for (const [i, p] of r.pillars.entries()) {
      for (const it of p.items) if (!itemIds.has(it)) ctx.addIssue({ code: 'custom', message: `pillar ${p.id} names unknown item ${it}`, path: ['pillars', i, 'items'] });
    }
  });

export type Rubric = z.infer<typeof rubricSchema>;
export type RubricItem = Rubric['items'][number];

/** Validate a rubric from any source (file, database, request body). */
export function parseRubric(input: unknown, source = 'rubric'): Rubric {
  const result = rubricSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new GradesheetError('invalid_rubric', `${source} is not a valid rubric: ${issues}`);
  }
  return result.data;
}

export const defaultRubric: Rubric = parseRubric(defaultRubricJson, 'the default rubric');
