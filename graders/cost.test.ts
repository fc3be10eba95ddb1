import { describe, expect, it } from 'vitest';
import { doc, runGrader } from '../test/helpers/docs.js';
import { gradeCost } from './cost.js';

const strong = `# Year-1 cost model

| Line | One-off | Monthly | Year 1 |
|---|---|---|---|
| LLM inference (GPT-4o-mini, 2M queries/month) | $0 | $6,000 | $72,000 |
| Vector DB and storage | $5,000 | $1,500 | $23,000 |
| People: 1 ML engineer + 0.5 ops | $0 | $20,000 | $240,000 |
| Total | $5,000 | $27,500 | $335,000 |

Tradeoff: a hosted API costs more per query than self-hosting but saves a platform team.
Levers: response caching cuts inference by 30%; routing easy questions to a smaller model saves about $1,500 a month; per-user token budgets cap spend.
`;

describe('cost grader', () => {
  it('gives 3 to figures per line, a tradeoff and levers with their effect', async () => {
    const r = runGrader(gradeCost, 'cost', [await doc('cost.md', strong)]);
    expect(r.score).toBe(3);
  });

  it('notices a table whose lines do not add up, and leaves that to the cost model item', async () => {
    const broken = strong.replace('| Total | $5,000 | $27,500 | $335,000 |', '| Total | $5,000 | $27,500 | $135,000 |');
    const r = runGrader(gradeCost, 'cost', [await doc('cost.md', broken)]);
    expect(r.signals.totals_not_adding_up).toBe(1);
    expect(r.score).toBe(3);
  });

  it('holds absurd unit costs at 2', async () => {
    const absurd = strong + '\nInference works out at $0.0000001 per query.\n';
    const r = runGrader(gradeCost, 'cost', [await doc('cost.md', absurd)]);
    expect(r.signals.absurd_unit_costs).toBe(1);
    expect(r.score).toBe(2);
  });

  it('gives 1 to cost talk without figures', async () => {
    const r = runGrader(gradeCost, 'cost', [await doc('cost.md', '# Costs\n\nInference costs will be reasonable and we will keep an eye on the budget.\n')]);
    expect(r.score).toBe(1);
  });

  it('gives 0 when nothing addresses cost', async () => {
    const r = runGrader(gradeCost, 'cost', [await doc('notes.md', '# Notes\n\nThe assistant helps agents answer faster.\n')]);
    expect(r.score).toBe(0);
  });
});
