import { parseDocument } from '../../src/documents/parse.js';
import type { Document } from '../../src/documents/model.js';
import { buildUnits } from '../../src/grading/text.js';
import type { FlagDetector, GraderInput, ItemGrader } from '../../src/grading/types.js';
import { defaultRubric } from '../../src/grading/rubric.js';
import { isVerbatim } from '../../src/grading/grade.js';

/** Parse Markdown or text through the real parser, as an upload named `name`. */
export async function doc(name: string, text: string): Promise<Document> {
  return parseDocument({ name, bytes: new TextEncoder().encode(text) });
}

/** Run one grader over documents the way gradeSubmission does (all units of the item's deliverables). */
export function runGrader(grader: ItemGrader, itemId: string, documents: Document[]) {
  const item = defaultRubric.items.find((i) => i.id === itemId)!;
  const all = buildUnits(documents);
  const readable = new Set<string>([...item.deliverables, 'unknown']);
  const input: GraderInput = { units: all.filter((u) => readable.has(u.deliverable)), all, documents, item };
  const result = grader(input);
  for (const e of result.evidence) if (!isVerbatim(documents, e)) throw new Error(`evidence is not verbatim: ${JSON.stringify(e)}`);
  return result;
}

export function runDetector(detector: FlagDetector, documents: Document[]) {
  const result = detector.detect({ all: buildUnits(documents), documents });
  for (const e of result.evidence) if (!isVerbatim(documents, e)) throw new Error(`evidence is not verbatim: ${JSON.stringify(e)}`);
  return result;
}
