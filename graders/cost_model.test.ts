import { describe, expect, it } from 'vitest';
import { doc, runGrader } from '../test/helpers/docs.js';
import { gradeCostModel } from './cost_model.js';

describe('cost_model grader', () => {
  it('reads a typed cost list whose total stands alone under a rule line, and finds that its lines do not add up', async () => {
    const d = await doc('cost.txt', `YEAR 1 COST (NOK)\n\nAssumptions\n  2 600 orders/month, 6 000 input tokens per order\n\n                         one-off        per month      year 1\n  ERP integration        kr 180 000     -              kr 180 000\n  LLM API                -              kr 4 800       kr 57 600\n  Developer              -              kr 95 000      kr 1 140 000\n  ------------------------------------------------------------------\n  TOTAL YEAR 1                                         kr 1 500 000\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [d]).signals.totals_not_adding_up).toBe(1);
  });

  it('holds a speech-recognition line of CHF 0.76 in a CHF 451,801 year as absurd', async () => {
    const d = await doc('cost.md', `# Year-1 cost (CHF)\n\nAssumptions: 1,900 meeting-days, seven hours of audio each.\n\n| Line | One-off | Monthly | Year 1 |\n|---|---|---|---|\n| Screens | 180'000 | | 180'000 |\n| Speech recognition + term extraction | | 0.06 | 0.76 |\n| 1 engineer | | 16'500 | 198'000 |\n| Total | 180'000 | 16'500 | 378'001 |\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [d]).signals.absurd_unit_costs).toBeGreaterThan(0);
  });

  it('takes a line that shows its working ("~7,600 reports x ~Rs 4.5 per report = Rs 34,200") at the amount after "="', async () => {
    const d = await doc('cost.txt', `Running costs per month\n\n- Vision API: ~7,600 reports/month x ~Rs 4.5 per report = Rs 34,200\n- Cloud hosting: Rs 18,000\n- Support engineer: Rs 45,000\nMonthly total: Rs 97,200\n\nOne-off total: Rs 16,95,000\n\nYear 1 total: Rs 26,67,000\n\nAssumptions: 1,900 sites, 6 photos per report.\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [d]).signals.totals_not_adding_up).toBe(0);
  });

  it('reads Taka amounts in lakh grouping ("Tk 1,20,000") and takes "Label: Tk 60,000 (… = 32,400 calls, about Tk 1.85 per call)" at its lead amount', async () => {
    const d = await doc('cost.txt', `YEAR 1 COST (all in Taka)\n\nMonthly cost\n- Model API usage: Tk 60,000 (180 shades per day x 30 days x 6 calls = 32,400 calls, about Tk 1.85 per call)\n- Server in factory: Tk 25,000\n- Data engineer, 1 person: Tk 1,20,000\n- Vendor support: Tk 35,000\n- Total monthly: Tk 2,40,000\n\nOne-time cost: Tk 12,50,000\n\nTOTAL YEAR 1: Tk 41,30,000\n\nAssumptions: 180 new shades per day, 6 model calls per shade.\n`);
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.signals.totals_not_adding_up).toBe(0);
    expect(r.score).toBe(3);
  });

  it('reads bare dot-grouped cells ("48.000 | – | 48.000") as thousands, so a German table adds up', async () => {
    const d = await doc('cost.md', `# Cost model\n\nAssumptions: 2.600 requests a day.\n\n| Line | One-off | Per month | Year 1 |\n|---|---|---|---|\n| Integration | 48.000 | – | 48.000 |\n| LLM usage | – | 1.900 | 22.800 |\n| Hosting | 6.000 | 700 | 14.400 |\n| Total | 54.000 | 2.600 | 85.200 |\n`);
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.signals.totals_not_adding_up).toBe(0);
    expect(r.score).toBe(3);
  });

  it('does not take a premium price "49 kr per member per year" for a Year-1 total', async () => {
    const d = await doc('cost.md', `# Costs\n\nWe pay ourselves about 35 000 kr/month each. The AI features pay for themselves through a premium tier (49 kr per member per year).\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [d]).signals.total).toBe(false);
  });

  it('does not take a line\'s "$18k/yr" for a Year-1 total, and reads a written-out sum as one', async () => {
    const lines = await doc('cost.md', `# Cost\n\n| Item | Cost |\n|---|---|\n| GIS overlay service | $18k/yr |\n| Desk tech (1 FTE) | $85k/yr |\n| Model | pennies per ticket |\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [lines]).signals.total).toBe(false);
    const sum = await doc('cost.md', `# Year-1 cost\n\nUSD 136,000 one-off + USD 623,600 ongoing = USD 759,600.\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [sum]).signals.total).toBe(true);
  });

  it('does not take "once" in prose for a one-off cost line', async () => {
    const d = await doc('cost.md', `# Year-1 cost\n\nAssumptions: 60 sites, about 1,320 diaries per month.\n\n| Cost line | Year 1 |\n|---|---|\n| App development | 850 000 kr |\n| Model usage | 13 200 kr |\n| Year 1 total | 863 200 kr |\n\nUsage costs are small, c. 1 100 kr per month, and we review them once the pilot ends.\n`);
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.signals.one_off).toBe(false);
    expect(r.score).toBe(2);
  });

  it('adds up a one-time subtotal and a monthly subtotal over their own lines only', async () => {
    const d = await doc('cost.md', `# Year-1 cost\n\nAssumptions: 30,000 articles a month, 2,000 input tokens each.\n\n| Item | Type | Amount |\n|---|---|---|\n| Tool development | One-time | ¥18,000,000 |\n| CMS integration | One-time | ¥4,200,000 |\n| LLM API (¥650,000 / month) | Monthly | ¥7,800,000 |\n| Hosting (¥180,000 / month) | Monthly | ¥2,160,000 |\n| One-time total |  | ¥22,200,000 |\n| Monthly total (¥830,000 / month) |  | ¥9,960,000 |\n| Year-1 total |  | ¥32,160,000 |\n`);
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.signals.totals_not_adding_up).toBe(0);
    expect(r.score).toBe(3);
  });

  it('finds 0,0002 zł per work order of twenty pages unrealistic', async () => {
    const d = await doc('cost.md', `# Year-1 cost\n\nModel inference: 0,0002 zł per work order, 40 000 work orders a month of about 20 pages each.\n\nYear 1 total: 1 091 296 zł.\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [d]).signals.absurd_unit_costs).toBeGreaterThan(0);
  });

  it('weighs a small-unit currency by what it is worth, and finds half a dollar a year per daily user unrealistic', async () => {
    const inr = await doc('cost.md', `# Year-1 cost\n\n| Item | Year 1 |\n|---|---|\n| AI reading of 1.2 crore pages (approx. ₹0.001 per page) | ₹12,000 |\n| Scanning staff (ongoing) | ₹8,40,000 |\n| Total Year 1 | ₹8,52,000 |\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [inr]).signals.absurd_unit_costs).toBeGreaterThan(0);
    const aud = await doc('cost.md', `# Year-1 cost\n\nA builder does about 40 photos and voice notes a day, and it works out at around A$0.02 per builder per year.\n\nYear 1 total: under A$1,000 all up.\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [aud]).score).toBe(1);
    const sane = await doc('cost.md', `# Year-1 cost\n\nAbout 40 drafts a day per builder at A$0.004 per draft: roughly A$58 per builder per year.\n\nYear 1 total: A$58,000 for 1,000 builders.\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [sane]).signals.absurd_unit_costs).toBe(0);
  });

  it('reads bare cells under a euro header the European way, so "17.090" is seventeen thousand', async () => {
    const d = await doc('cost.md', `# Year-1 cost\n\n| Cost line | Type | € per month | € Year 1 |\n|---|---|---|---|\n| TOS change request | one-off | – | 85.000 |\n| Training | one-off | – | 18.000 |\n| Model usage (2,0 million proposals, 1.000 tokens each) | ongoing | 8.590 | 103.080 |\n| Hosting | ongoing | 8.500 | 102.000 |\n| Total |  | 17.090 | 308.080 |\n`);
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.signals.totals_not_adding_up).toBe(0);
    expect(r.score).toBe(3);
  });

  it('finds a model-usage line that is a rounding error of its own total unrealistic', async () => {
    const d = await doc('cost.md', `# Year-1 cost (one-off and ongoing)\n\nAssumptions: 3,400 rooms, GPT-4 class model, re-plans 4 times per day.\n\n| Item | FY2026 (yen) |\n|---|---|\n| Scheduling system set-up (one-off) | ¥12,000,000 |\n| AI model usage (ongoing, per month ¥6) | ¥68 |\n| Operation and support (ongoing) | ¥8,360,000 |\n| Total | ¥20,360,068 |\n`);
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.signals.absurd_unit_costs).toBe(1);
    expect(r.score).toBe(1);
  });

  it('gives 3 to a Year-1 total split into one-off and monthly costs, with assumptions', async () => {
    const d = await doc(
      'cost.md',
      `# Year-1 cost\n\nAssumptions: 5,000 users, 40 queries per user per month, 1,500 tokens per query.\n\n- One-off setup and integration: $40,000\n- Inference: $4,000 per month\n- Vector database: $800 per month\n- Total Year 1: $97,600\n`,
    );
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.score).toBe(3);
    expect(r.signals.totals_not_adding_up).toBe(0);
  });

  it('catches bullet lines that do not add up to the stated total', async () => {
    const d = await doc(
      'cost.md',
      `# Year-1 cost\n\nAssumptions: 5,000 users, 40 queries per user per month.\n\n- One-off setup: $40,000\n- Inference: $4,000 per month\n- Vector database: $800 per month\n- Total Year 1: $60,000\n`,
    );
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.signals.totals_not_adding_up).toBe(1);
    expect(r.score).toBe(2);
  });

  it('treats a per-query price of a hundred-thousandth of a cent as unrealistic', async () => {
    const d = await doc(
      'cost.md',
      `# Year-1 cost\n\nAssumptions: 10M queries per month at $0.0000001 per query.\n\n- One-off build: $20,000\n- Inference: $1 per month\n- Total Year 1: $20,012\n`,
    );
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.signals.absurd_unit_costs).toBe(1);
    expect(r.score).toBe(1);
    expect(r.rationale).toContain('orders of magnitude');
  });

  it('gives 1 to priced lines with no total; a payback sentence is not a total', async () => {
    const d = await doc(
      'cost.md',
      `# Cost\n\n| Line | Cost |\n|---|---|\n| App development | NOK 650 000 |\n| Tablets (30 boats) | NOK 6 000 per boat |\n| Product lead (60 %) | NOK 540 000 |\n\nCompared with NOK 2,1 million in fines last year, the development is earned back in the first year.\n`,
    );
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.signals.total).toBe(false);
    expect(r.score).toBe(1);
  });

  it('reads an "all in" row as the total and "$ / month" as ongoing costs', async () => {
    const d = await doc('cost.md', `# Cost (monthly)\n\n| Line | $ / month |\n|---|---|\n| Inference | ~$38k |\n| Hosting | $2k |\n| **All in** | **~$40k / month** |\n`);
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.signals).toMatchObject({ total: true, ongoing: true });
    expect(r.score).toBe(2);
  });

  it('gives 1 to a cost mention without a model', async () => {
    const r = runGrader(gradeCostModel, 'cost_model', [await doc('cost.md', '# Cost\n\nCosts should stay modest in year one.\n')]);
    expect(r.score).toBe(1);
  });

  it('reads an absurd price per piece of work in any currency, and a price too low for the tokens it says a piece takes', async () => {
    const photo = await doc('cost.md', `# Custo\n\n- Vision AI inference (R$ 0,00001 per photo) for 5,4 million photos per month: R$ 54 per month\n- Total Ano 1: R$ 40.000\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [photo]).signals.absurd_unit_costs).toBe(1);
    const letter = await doc('cost.md', `# Cost\n\n- The model costs about $0.00003 per letter, as we send about 3,000 tokens per letter.\n- Total Year 1: $40,000\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [letter]).signals.absurd_unit_costs).toBe(1);
    // A real small-model price per query is not absurd.
    const real = await doc('cost.md', `# Cost\n\n- Inference: $0.0006 per query at 3,000 tokens per query.\n- Total Year 1: $40,000\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [real]).signals.absurd_unit_costs).toBe(0);
  });
  it('holds "AI model (GPT-4 class) | 0,0001 € per member per year" as absurd', async () => {
    const d = await doc('cost.md', `# Costs year 1\n\n| Line | Cost |\n|---|---|\n| Development | 48.000 € |\n| AI model (GPT-4 class) | 0,0001 € per member per year |\n| Hosting | 150 € per month |\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [d]).signals.absurd_unit_costs).toBeGreaterThan(0);
  });
  it('wants a run-rate for ongoing costs (a year\'s sum alone is not one) and reads lines under "Assumptions" in the domain\'s own units', async () => {
    const yearOnly = await doc('cost.md', `# Year 1 cost\n\n## Assumptions\n\nApplications: 61,500 in the year.\n\n## One-off\n\n| Item | Rs |\n|---|---|\n| App build | 42,00,000 |\n| One-off total | 42,00,000 |\n\n## Ongoing\n\n| Item | Rs |\n|---|---|\n| Vendor licence | 18,00,000 |\n| Ongoing total | 18,00,000 |\n\nRs 42,00,000 one-off + Rs 18,00,000 ongoing = Rs 60,00,000.\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [yearOnly]).signals.ongoing).toBe(false);
    const monthly = await doc('cost.md', `# Year-1 cost\n\n| Line | One-off | Monthly | Year 1 |\n|---|---|---|---|\n| Radar integration | £500 000 | | £500 000 |\n| Hosting | | £13 500 | £162 000 |\n| YEAR-1 TOTAL | £500 000 | £13 500 | £662 000 |\n\n## ASSUMPTIONS\n\nTracks: ~40 000 per month in season.\n`);
    const r = runGrader(gradeCostModel, 'cost_model', [monthly]);
    expect(r.signals.assumptions).toBe(true);
    expect(r.score).toBe(3);
  });
  it('gives 1, with a quote, to a cost part that names its lines without any figure ("Where the money goes: …")', async () => {
    const d = await doc('deck.md', `# Year-1 cost\n\nWhere the money goes: product, cloud and AI APIs, farm onboarding, launch events.\n\nDetailed numbers in the data room.\n`);
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.score).toBe(1);
    expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('reads a model line that prices its own count of calls at a fraction of a cent each as absurd ("LLM usage (3,5 million calls) | R$ 3,50")', async () => {
    const d = await doc('cost.md', `# Year-1 cost\n\n| Item | Year 1 |\n|---|---|\n| LLM usage (3,5 million calls) | R$ 3,50 |\n| Hosting | R$ 12.000 |\n| Developer, half time | R$ 80.000 |\n| Total | R$ 92.003,50 |\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [d]).signals.absurd_unit_costs).toBe(1);
    const real = await doc('cost.md', `# Year-1 cost\n\n| Item | Year 1 |\n|---|---|\n| LLM usage (3,5 million calls) | R$ 35.000 |\n| Hosting | R$ 12.000 |\n| Total | R$ 47.000 |\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [real]).signals.absurd_unit_costs).toBe(0);
  });

  it('reads a cost section that only promises the estimate later as absent (0)', async () => {
    const d = await doc('plan.md', `# Roadmap\n\nQ1: pilot in two sites.\n\n# Cost\n\nThe cost estimate will follow in a separate note once procurement has decided.\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [d]).score).toBe(0);
  });

  it('does not read a rate per minute on an assumptions line as the price of all its calls', async () => {
    const d = await doc('cost.md', `# Year-1 cost\n\n| Line | One-off | Monthly | Year 1 |\n|---|---|---|---|\n| Build | $40,000 | – | $40,000 |\n| Transcription (50,000 calls) | – | $1,200 | $14,400 |\n| LLM summaries | – | $900 | $10,800 |\n| Total | $40,000 | $2,100 | $65,200 |\n\nAssumptions: 50,000 calls a month; 4 minutes each; about 3,000 tokens per call; transcription at $0.006 per minute.\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [d]).signals.absurd_unit_costs).toBe(0);
  });

  it('reads a total written "1,2 Mio." and finds that its lines do not add up to it', async () => {
    const d = await doc('cost.md', `# Year 1 (EUR)\n\n| Position | Type | EUR |\n|---|---|---|\n| Integration | one-time | 180.000 |\n| App | one-time | 240.000 |\n| LLM inference | 4.100 / month | 49.200 |\n| Team, 2 FTE | 16.000 / month | 192.000 |\n| Total Year 1 |  | 1,2 Mio. |\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [d]).signals.totals_not_adding_up).toBe(1);
    const right = await doc('cost.md', `# Year 1 (EUR)\n\n| Position | Type | EUR |\n|---|---|---|\n| Integration | one-time | 500.000 |\n| App | one-time | 458.800 |\n| LLM inference | 4.100 / month | 49.200 |\n| Team, 2 FTE | 16.000 / month | 192.000 |\n| Total Year 1 |  | 1,2 Mio. |\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [right]).signals.totals_not_adding_up).toBe(0);
  });

  it('reads a total and its one-off and recurring split in the candidate\'s language ("Gesamt Jahr 1 … = einmalig … + laufend …")', async () => {
    const d = await doc('kosten.md', `# Kosten Jahr 1\n\nGesamt Jahr 1: 48.000 € = einmalig 12.000 € + laufend 36.000 € (3.000 € pro Monat)\n\n| Posten | Art | € Jahr 1 |\n|---|---|---|\n| Anbindung Kasse | einmalig | 12.000 € |\n| Modellnutzung | laufend | 6.000 € |\n| Betreuung | laufend | 30.000 € |\n| Summe | | 48.000 € |\n`);
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.signals.total).toBe(true);
    expect(r.signals.one_off).toBe(true);
  });

  it('scores 0 when the candidate says the cost model was not done, though cost is talked about ("I didn\'t get to the cost sheet")', async () => {
    const d = await doc('cost.md', `# Cost\n\nI didn't get to the cost sheet in the time. Roughly: the main cost is the integration work and one analyst; model usage will be small next to that.\n`);
    const r = runGrader(gradeCostModel, 'cost_model', [d]);
    expect(r.score).toBe(0);
    const talked = await doc('cost.md', `# Cost\n\nRoughly: the main cost is the integration work and one analyst; model usage will be small next to that.\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [talked]).score).toBe(1);
  });

  it('scores 0 when the costs are said to be in a separate paper that is not attached', async () => {
    const d = await doc('cost.md', `# Cost\n\nThe costs are in a separate budget paper for the trustees, which is not attached here; broadly, hosting and model usage should be small next to staff time.\n`);
    expect(runGrader(gradeCostModel, 'cost_model', [d]).score).toBe(0);
  });
});
