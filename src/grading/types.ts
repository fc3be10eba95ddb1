import type { Document } from '../documents/model.js';
import type { RubricItem } from './rubric.js';
import type { Evidence } from './sheet.js';
import type { Unit } from './text.js';

export type Score = 0 | 1 | 2 | 3;

export interface GraderInput {
  /** Units from the sections of the deliverables this item reads (and sections of unknown files). */
  units: Unit[];
  /** Every unit of the submission, for items that look across deliverables. */
  all: Unit[];
  documents: Document[];
  item: RubricItem;
}

export interface GraderResult {
  score: Score;
  confidence: number;
  /** One sentence a reviewer reads first: what was found and what is missing. */
  rationale: string;
  evidence: Evidence[];
  /** What was counted, so the reviewer sees why. */
  signals: Record<string, number | boolean>;
}

/** A checklist grader: pure, deterministic, fast. */
export type ItemGrader = (input: GraderInput) => GraderResult;

export interface FlagInput {
  all: Unit[];
  documents: Document[];
}

export interface FlagResult {
  present: boolean;
  rationale: string;
  evidence: Evidence[];
  /** A person should look: e.g. a rule matched but the detector did not raise the flag from it. */
  needs_attention?: boolean;
}

/**
 * A red-flag detector. `absence` detectors flag something missing everywhere (no tradeoffs),
 * so a present flag has no quote to show; all others need verbatim evidence to be present.
 */
export interface FlagDetector {
  absence?: boolean;
  detect(input: FlagInput): FlagResult;
}
