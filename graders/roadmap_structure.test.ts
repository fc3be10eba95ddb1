import { describe, expect, it } from 'vitest';
import { doc, runGrader } from '../test/helpers/docs.js';
import { gradeRoadmapStructure } from './roadmap_structure.js';

describe('roadmap_structure grader', () => {
  it('gives 3 to quarters with dated milestones, metrics per phase and mitigated risks', async () => {
    const d = await doc(
      'roadmap.md',
      `# 12-month roadmap\n\n## Q1 (Jan–Mar): Pilot\n\n- Launch pilot with 20 agents in February\n- Metric: handle time down 15%\n\n## Q2: Beta\n\n- Release beta to 200 customers by May\n- Metric: CSAT above 4.3\n\n## Q3: GA\n\n- GA launch in August\n\n## Q4: Scale\n\n- Expand to EU in November\n\n## Risks\n\n- Risk: low agent trust. Mitigation: agents review every draft in Q1.\n`,
    );
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).score).toBe(3);
  });

  it('gives 2 to dated phases without metrics or risks', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\n## Q1\n\nLaunch the pilot in March.\n\n## Q2\n\nRelease to all customers in June.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).score).toBe(2);
  });

  it('gives 1 to intentions without dates', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\nFirst we build the assistant, then we improve it, then we grow.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).score).toBe(1);
  });
});
