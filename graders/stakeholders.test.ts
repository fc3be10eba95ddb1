import { describe, expect, it } from 'vitest';
import { doc, runGrader } from '../test/helpers/docs.js';
import { gradeStakeholders } from './stakeholders.js';

describe('stakeholders grader', () => {
  it('gives 3 to named roles signing off on gates with a review cadence', async () => {
    const d = await doc(
      'policy.md',
      `# Policy\n\n## Sign-off\n\n- The VP Product and the Data Protection Officer sign off every launch gate.\n- Security approves each model change before release.\n\n## Reviews\n\nA monthly model review and a quarterly strategy review with Legal.\n`,
    );
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).score).toBe(3);
  });

  it('gives 2 to sign-off without a cadence', async () => {
    const d = await doc('policy.md', `# Policy\n\nThe Head of Legal must approve the launch.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).score).toBe(2);
  });

  it('gives 1 to vague stakeholders', async () => {
    const d = await doc('policy.md', `# Policy\n\nWe will keep stakeholders informed as we go.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).score).toBe(1);
  });
});
