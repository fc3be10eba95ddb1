/**
 * The checklist graders and red-flag detectors of the default rubric, by id. A custom rubric
 * names these ids (`grader`, `detector`) to reuse them.
 */
import type { FlagDetector, ItemGrader } from '../src/grading/types.js';
import { gradeCost } from './cost.js';
import { gradeCostModel } from './cost_model.js';
import { buzzwordsWithoutMetrics } from './flags/buzzwords_without_metrics.js';
import { fixLaterWithPrompts } from './flags/fix_later_with_prompts.js';
import { governanceAfterthought } from './flags/governance_afterthought.js';
import { noCrossFunctional } from './flags/no_cross_functional.js';
import { noTradeoffs } from './flags/no_tradeoffs.js';
import { gradeGovernance } from './governance.js';
import { gradeKpis } from './kpis.js';
import { gradePolicyCoverage } from './policy_coverage.js';
import { gradeRoadmapStructure } from './roadmap_structure.js';
import { gradeStakeholders } from './stakeholders.js';

export const graders: Record<string, ItemGrader> = {
  kpis: gradeKpis,
  governance: gradeGovernance,
  cost: gradeCost,
  stakeholders: gradeStakeholders,
  roadmap_structure: gradeRoadmapStructure,
  policy_coverage: gradePolicyCoverage,
  cost_model: gradeCostModel,
};

export const detectors: Record<string, FlagDetector> = {
  buzzwords_without_metrics: buzzwordsWithoutMetrics,
  no_tradeoffs: noTradeoffs,
  no_cross_functional: noCrossFunctional,
  governance_afterthought: governanceAfterthought,
  fix_later_with_prompts: fixLaterWithPrompts,
};
