/** The grading face of the core: documents in, the pre-filled sheet out. */
import { detectors, graders } from '../../graders/index.js';
import type { Document } from '../documents/model.js';
import { gradeSubmission as gradeWith } from './grade.js';
import { defaultRubric, type Rubric } from './rubric.js';
import type { Sheet } from './sheet.js';

export { defaultRubric, parseRubric, rubricSchema, type Rubric } from './rubric.js';
export { sheetSchema, type Sheet } from './sheet.js';
export { computePillars, decide, gradingUnits, isVerbatim, submissionUnits, unitsForItem } from './grade.js';
export { forgetTexts } from './text.js';
export { detectors as builtInDetectors, graders as builtInGraders } from '../../graders/index.js';

/**
 * Grade parsed documents as one submission with the built-in graders.
 *
 * @example
 * const sheet = gradeDocuments([roadmapDoc, policyDoc, costDoc]);
 * sheet.items.kpis.suggested; // 0..3, with sheet.items.kpis.evidence quoting the text
 */
export function gradeDocuments(documents: Document[], rubric: Rubric = defaultRubric): Sheet {
  return gradeWith(documents, { rubric, graders, detectors });
}
