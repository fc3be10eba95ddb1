import { describe, expect, it } from 'vitest';
import { doc, runGrader } from '../test/helpers/docs.js';
import { gradePolicyCoverage } from './policy_coverage.js';

describe('policy_coverage grader', () => {
  it('gives 3 when all five parts are covered concretely', async () => {
    const d = await doc(
      'policy.md',
      `# Responsible AI policy\n\n## Decision rights\n\nThe VP Product owns go/no-go decisions.\n\n## Deployment gates\n\nNo model ships before it passes the 500-case eval with 95% accuracy.\n\n## Monitoring\n\nDashboards track hallucination rate daily, with alerts at 3%.\n\n## Incident response\n\nSev-1 incidents page the on-call engineer within 15 minutes.\n\n## Rollback\n\nA kill switch reverts to the previous model within 1 hour.\n`,
    );
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [d]).score).toBe(3);
  });

  it('gives 1 to a policy that touches one part', async () => {
    const d = await doc('policy.md', `# AI policy\n\nWe will monitor the assistant.\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [d]).score).toBe(1);
  });
});
