import { z } from 'zod';

/** Formats Gradesheet reads. The format is sniffed from the bytes, never taken from the name alone. */
export const formatSchema = z.enum(['markdown', 'text', 'docx', 'pdf', 'pptx']);
export type Format = z.infer<typeof formatSchema>;

/** The deliverables of the take-home; `combined` is one file holding several. */
export const deliverableSchema = z.enum(['roadmap', 'policy', 'cost', 'combined', 'unknown']);
export type Deliverable = z.infer<typeof deliverableSchema>;

/** The deliverable a single section belongs to (never `combined`). */
export const sectionDeliverableSchema = z.enum(['roadmap', 'policy', 'cost', 'unknown']);
export type SectionDeliverable = z.infer<typeof sectionDeliverableSchema>;

/** `line 14`, `page 2`, `slide 1`: where a section starts in the original file. */
export const locationSchema = z.string().regex(/^(line|page|slide) \d+$/);

export const sectionSchema = z.object({
  /** Heading path, outermost first; empty before the first heading. */
  path: z.array(z.string()),
  location: locationSchema,
  /** Plain text; table rows are lines with cells joined by " | ". */
  text: z.string(),
  /** Which deliverable this section serves (differs between sections only in `combined` files). */
  deliverable: sectionDeliverableSchema,
});
export type Section = z.infer<typeof sectionSchema>;

export const documentSchema = z.object({
  file: z.string(),
  format: formatSchema,
  deliverable: deliverableSchema,
  sections: z.array(sectionSchema),
  /** Facts about what was read, for people ("1 slide, a table of 6 rows read"). */
  stats: z
    .object({
      pages: z.number().int().optional(),
      slides: z.number().int().optional(),
      tables: z.number().int(),
      tableRows: z.number().int(),
      notes: z.number().int().optional(),
      characters: z.number().int(),
      encoding: z.string().optional(),
    })
    .optional(),
});
export type Document = z.infer<typeof documentSchema>;

/** CONTRACT.md: `gradesheet parse` prints `{ documents: [...] }`. */
export const parseOutputSchema = z.object({ documents: z.array(documentSchema) });
