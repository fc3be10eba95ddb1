import { describe, expect, it } from 'vitest';
import { doc, runGrader } from '../test/helpers/docs.js';
import { gradeCost } from './cost.js';
import { LEVER } from './cues.js';

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
  it('reads bare amounts under a heading that names the currency, and "How we keep it lower" as the levers', async () => {
    const bare = await doc('email.txt', `THE COST FOR THE FIRST YEAR (EUR)\n\n- Model usage inside our cloud tenancy: about 4,200\n- Platform subscription: 18,000\n- Chaplaincy coordinator time: 57,100\n- Total for the year: 79,300\n`);
    expect(runGrader(gradeCost, 'cost', [bare]).signals.cost_lines_with_figures).toBeGreaterThanOrEqual(2);
    const levers = await doc('cost.md', `# Year-1 cost\n\n| Line | Monthly | Year 1 |\n|---|---|---|\n| Model API | CHF 1'150 | CHF 13'800 |\n| Hosting | CHF 420 | CHF 5'040 |\n| Support | CHF 6'000 | CHF 72'000 |\n\nA bigger vision model was 3 points better but costs 4x more.\n\n## How we keep it lower\n\nScan image is reduced to 512 px before sending: ca. 45% less on the vision part.\n\nRules for standard cases (no model call): saves ca. CHF 4'500 per year.\n`);
    expect(runGrader(gradeCost, 'cost', [levers]).signals.levers).toBeGreaterThanOrEqual(2);
  });

  it('reads "modest, low six figures" as cost talk without figures (1)', async () => {
    const d = await doc('deck.md', `# Investment\n\nPlatform licences and model usage: modest, low six figures.\n`);
    expect(runGrader(gradeCost, 'cost', [d]).score).toBe(1);
  });

  it('reads an AI platform subscription as the model usage line', async () => {
    const d = await doc('cost.md', `# Investment\n\n| Line | Year 1 |\n|---|---|\n| AI stewardship platform subscription | £180k |\n| Analyst time | £60k |\n\nA larger model would read long reports more accurately, but it is slower and costs more per document.\n`);
    expect(runGrader(gradeCost, 'cost', [d]).score).toBeGreaterThanOrEqual(2);
  });

  it('reads a "kr 96 000" written before the amount, "saves ~kr 1 200/month" as an effect, "Retries capped at 2" as a lever, and "from 1.900 to around 1.150 per month" as an effect', async () => {
    const d = await doc('cost.txt', `COST YEAR 1 (SEK)\n\nRunning (per month)\n  LLM (hosted)        kr 200\n  Hosting             kr 2 500\n  My time 25%         kr 15 000\n\nChoices:\n- Small model, not large. Large one is 2 points better but costs ~8x.\n- Batch the sensor pull once per day: saves ~kr 1 200/month in link fees.\n- Retries capped at 2 per request.\n`);
    const r = runGrader(gradeCost, 'cost', [d]);
    expect(r.signals.cost_lines_with_figures).toBeGreaterThanOrEqual(2);
    expect(r.signals.levers).toBeGreaterThanOrEqual(2);
    expect(r.signals.levers_with_effect).toBeGreaterThanOrEqual(1);
    const fromTo = await doc('cost.md', `# Cost\n\nLevers: caching repeated routes should bring the LLM line from 1.900 to around 1.150 per month.\n`);
    expect(runGrader(gradeCost, 'cost', [fromTo]).signals.levers_with_effect).toBe(1);
  });

  it('reads a table cell "2.300 per month" under an EUR header as a figure for the usage line', async () => {
    const d = await doc('cost.md', `# Cost Year 1\n\n| Position | Type | EUR |\n|---|---|---|\n| Integration | one-time | 60.000 |\n| LLM usage | running | 2.300 per month |\n| 1 engineer | running | 8.500 per month |\n`);
    expect(runGrader(gradeCost, 'cost', [d]).score).toBeGreaterThanOrEqual(2);
  });

  it('reads "about £9,000 a month cheaper" as a lever\'s effect', async () => {
    const d = await doc('cost.md', `# Year-1 cost\n\n| Line | Monthly | Year 1 |\n|---|---|---|\n| LLM case summaries | £420 | £5,040 |\n| Scoring model hosting | £1,150 | £13,800 |\n| Analysts | £9,000 | £108,000 |\n\nA bigger ensemble caught 4 points more fraud but its p95 scoring time was 2.8 seconds.\n\n## Levers\n\nScoring with a self-hosted model instead of sending every transaction to an LLM: about £9,000 a month cheaper.\n\nCaching the summaries of repeat alerts.\n`);
    expect(runGrader(gradeCost, 'cost', [d]).signals.levers_with_effect).toBeGreaterThanOrEqual(1);
  });

  it('holds "One forecast costs 0,0000012 €" as an absurd unit cost', async () => {
    const d = await doc('cost.md', `# Costs\n\n| Line | Year 1 |\n|---|---|\n| GPT-4 inference for all forecasts | 12 € |\n| Cloud | 1.200 € |\n\nThe inference is so cheap, it is basically free. One forecast costs 0,0000012 €.\n`);
    expect(runGrader(gradeCost, 'cost', [d]).signals.absurd_unit_costs).toBeGreaterThan(0);
  });

  it('reads "AI (image + text model): R$ 650 per month" as the usage line and "My time for testing" as people', async () => {
    const d = await doc('cost.md', `# Costs year 1 (R$)\n\n- WhatsApp flow and integration: R$ 38.000\n- AI (image + text model): R$ 650 per month, R$ 7.800 in the year\n- My time for testing: R$ 12.000\n`);
    expect(runGrader(gradeCost, 'cost', [d]).signals.cost_lines_with_figures).toBeGreaterThanOrEqual(2);
  });

  it('does not take "Model/GPU cost not known yet" beside a budget as a figure for the usage line', async () => {
    const d = await doc('roadmap.md', `# 12-month roadmap\n\n## Q1\n\nPilot on one shift.\n\nBudget: roughly EUR 150k for the year, mostly my time + 1 developer. Model/GPU cost not known yet, IT to quote.\n`);
    expect(runGrader(gradeCost, 'cost', [d]).score).toBe(1);
  });

  it('reads "a monthly cap of CHF 300 on API spend" as a lever', async () => {
    const d = await doc('cost.md', `# Year-1 cost\n\n| Line | Monthly | Year 1 |\n|---|---|---|\n| LLM | CHF 40 | CHF 480 |\n| Hosting | CHF 260 | CHF 3'120 |\n| People | CHF 15'000 | CHF 180'000 |\n\nThe cheaper endpoint is about 2 points less accurate but 5x cheaper.\n\nLevers: cache the fixed form instructions, about 50% less LLM cost. Monthly cap of CHF 300 on API spend.\n`);
    expect(runGrader(gradeCost, 'cost', [d]).signals.levers).toBeGreaterThanOrEqual(2);
  });

  it('reads levers said as what they cut ("this cuts proposals by about 70%", "about 30% less input cost", "Levers: …")', async () => {
    const d = await doc('cost.md', `# Year-1 cost\n\n| Line | Monthly | Year 1 |\n|---|---|---|\n| Model inference | €400 | €4,800 |\n| Storage | €600 | €7,200 |\n| Engineer | €9,000 | €108,000 |\n\nA larger model writes better proposals but is 4 times the price.\n\nLevers: only areas with a night-flow jump get an LLM proposal, this cuts proposals by about 70%. Keep the fixed instructions cached, about 30% less input cost.\n`);
    const r = runGrader(gradeCost, 'cost', [d]);
    expect(r.signals.levers).toBeGreaterThanOrEqual(2);
    expect(r.score).toBe(3);
  });

  it('holds a real-priced vision model at R$ 0,0004 per inspection of 16 photos as absurd', async () => {
    const d = await doc('cost.md', `# Custo ano 1\n\n| Item | R$ per month | R$ year 1 |\n|---|---|---|\n| Photo storage | 1.000 | 12.000 |\n| Data scientist | 18.000 | 216.000 |\n\nAssumption: the vision model costs R$ 0,0004 per inspection (16 photos), so the model is almost free.\n`);
    expect(runGrader(gradeCost, 'cost', [d]).signals.absurd_unit_costs).toBeGreaterThan(0);
  });

  it('holds minutes of recording priced at a fraction of a cent per item as absurd, and a real price per recorded call as not', async () => {
    const table = `# Year-1 cost\n\n| Item | £ per month | £ year 1 |\n|---|---|---|\n| Hosting | 800 | 9,600 |\n| Analyst | 4,000 | 48,000 |\n\n`;
    const cheap = await doc('cost.md', `${table}Every call recording, about 15 minutes long, goes to the speech model; that comes to roughly £0.0004 per call.\n`);
    expect(runGrader(gradeCost, 'cost', [cheap]).signals.absurd_unit_costs).toBeGreaterThan(0);
    const real = await doc('cost.md', `${table}Every call recording, about 15 minutes long, goes to the speech model; that comes to roughly £0.09 per call.\n`);
    expect(runGrader(gradeCost, 'cost', [real]).signals.absurd_unit_costs).toBe(0);
  });

  it('holds a count of chats times a price per chat of a hundredth of a paisa as absurd', async () => {
    const d = await doc('cost.md', `# Year-1 cost\n\n| Item | Year 1 |\n|---|---|\n| Concierge licence | ₹40,00,000 |\n| AI usage (2,000,000 chats x ₹0.00005) | ₹100 |\n| Total | ₹40,00,100 |\n`);
    expect(runGrader(gradeCost, 'cost', [d]).signals.absurd_unit_costs).toBeGreaterThan(0);
  });

  it('holds a token price of a few thousandths of a cent per million tokens as absurd, and a real one as not', async () => {
    const table = `# Year-1 cost\n\n| Item | Year 1 |\n|---|---|\n| Hosting | CAD 4,000 |\n| Support staff | CAD 30,000 |\n\n`;
    const absurd = await doc('cost.md', `${table}Model: CAD 0.00003 per 1M tokens, so inference is basically free.\n`);
    expect(runGrader(gradeCost, 'cost', [absurd]).signals.absurd_unit_costs).toBeGreaterThan(0);
    const real = await doc('cost.md', `${table}Model: CAD 0.20 per 1M input tokens and CAD 0.80 per 1M output tokens.\n`);
    expect(runGrader(gradeCost, 'cost', [real]).signals.absurd_unit_costs).toBe(0);
  });

  it('counts each lever in a line that lists several, separated by semicolons', async () => {
    const d = await doc('cost.md', `# Year-1 cost\n\n| Line | Monthly | Year 1 |\n|---|---|---|\n| LLM for explanations | 6.000 kr | 72.000 kr |\n| Compute | 4.000 kr | 48.000 kr |\n| Team | 300.000 kr | 3.600.000 kr |\n\nThe large model writes nicer Danish but costs ~8x.\n\nLevers: batch all pens overnight (−35% compute vs hourly runs); only re-explain when the mix changes (saves ~2.400 kr/month).\n`);
    const r = runGrader(gradeCost, 'cost', [d]);
    expect(r.signals.levers).toBeGreaterThanOrEqual(2);
    expect(r.score).toBe(3);
  });

  it('reads cost from the roadmap when no cost deliverable came: a budget is 1, a figure of speech is nothing', async () => {
    const roadmap = (extra: string) => doc('roadmap.md', `# 12-month roadmap\n\n## Q1\n\nShadow mode with the control room; a missed fault costs far more than a false alarm.\n\n${extra}\n`);
    expect(runGrader(gradeCost, 'cost', [await roadmap('')]).score).toBe(0);
    expect(runGrader(gradeCost, 'cost', [await roadmap('Budget: A$180k approved for FY27, mostly my time and one data engineer; model usage is small.')]).score).toBe(1);
  });

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

  it('holds absurd unit costs at 1 (the labeling conventions: the figures cannot be relied on)', async () => {
    const absurd = strong + '\nInference works out at $0.0000001 per query.\n';
    const r = runGrader(gradeCost, 'cost', [await doc('cost.md', absurd)]);
    expect(r.signals.absurd_unit_costs).toBe(1);
    expect(r.score).toBe(1);
  });

  it('gives 1 to cost talk without figures', async () => {
    const r = runGrader(gradeCost, 'cost', [await doc('cost.md', '# Costs\n\nInference costs will be reasonable and we will keep an eye on the budget.\n')]);
    expect(r.score).toBe(1);
  });

  it('gives 0 when nothing addresses cost', async () => {
    const r = runGrader(gradeCost, 'cost', [await doc('notes.md', '# Notes\n\nThe assistant helps agents answer faster.\n')]);
    expect(r.score).toBe(0);
  });

  it('holds figures without a model-usage figure at 1: the line that grows with use is what matters', async () => {
    const text = `# Year-1 cost\n\n| Line | Year 1 |\n|---|---|\n| Implementation partner | $85,000 |\n| Analytics staff, 0.5 FTE | $48,000 |\n| Total (excluding model usage) | $133,000 |\n\nModel usage charges are to be confirmed with the vendor.\n`;
    const r = runGrader(gradeCost, 'cost', [await doc('cost.md', text)]);
    expect(r.score).toBe(1);
    expect(r.rationale).toContain('model usage');
  });

  it.each([
    ['a price per unit of work', '| Damage inspections (€0.04 per inspection) | €27,400 |'],
    ['rupees', '| WhatsApp and model calls | ₹0.35 per case | ₹4.2 lakh |'],
    ['yen', '| Model usage | ¥375 per 1M input tokens | ¥4,200 per month |'],
    ['Swiss francs with apostrophes', "| LLM usage (Swiss-hosted) | CHF 96'000 |"],
    ['euros written after the number', '| Small hosted model | 0,14 € per 1M tokens | 1.200,50 € |'],
  ])('sees a usage figure written with %s', async (_what, row) => {
    const text = `# Year-1 cost\n\n| Line | Figures |\n|---|---|\n${row}\n| Team: 2 engineers | $240,000 |\n`;
    const r = runGrader(gradeCost, 'cost', [await doc('cost.md', text)]);
    expect(r.score).toBe(2);
  });

  it('reads a levers table: every row is a lever, and its effect column counts', async () => {
    const text = strong.replace(/Levers:.*\n/, '') + `\n## Levers\n\n| Lever | Effect |\n|---|---|\n| Phrase catalogue for standard sentences | ~70% fewer output tokens |\n| Large model only for three sections | €500 / month instead of ~€1,900 |\n`;
    const r = runGrader(gradeCost, 'cost', [await doc('cost.md', text)]);
    expect(r.signals.levers).toBeGreaterThanOrEqual(2);
    expect(r.signals.levers_with_effect).toBeGreaterThanOrEqual(2);
    expect(r.score).toBe(3);
  });

  it('does not take the price the candidate would charge for a model-usage cost', async () => {
    const d = await doc('plan.txt', `COSTS\n- AI API: cheap, cents per packet\n- Hosting: free tiers for now\nPricing idea: $49 per packet, or $299/month unlimited.\n`);
    const r = runGrader(gradeCost, 'cost', [d]);
    expect(r.signals.cost_lines_with_figures).toBe(0);
    expect(r.score).toBe(1);
  });
  it('counts two levers in one line when each has its own saving in brackets', async () => {
    const d = await doc('cost.md', `# Year-1 cost (EUR)\n\n| Line | One-off | Monthly | Year 1 |\n|---|---|---|---|\n| Model training runs | 6.000 | | 6.000 |\n| Inference (nightly run) | | 900 | 10.800 |\n| Data scientist 0,8 FTE | | 7.500 | 90.000 |\n\nReal-time would react faster to sun but costs about 4x on compute.\n\nSaving on cost: we reuse the existing data warehouse (saves about EUR 12.000 versus a new one), and we train only once per month, not weekly (saves about EUR 3.000 a year).\n`);
    const r = runGrader(gradeCost, 'cost', [d]);
    expect(r.signals.levers).toBeGreaterThanOrEqual(2);
    expect(r.score).toBe(3);
  });
  it('reads "Levers: … (saves ca. 40% of runs); …" as levers with their effect, and a roadmap slide\'s figures are no items of the cost total', async () => {
    const roadmap = await doc('roadmap.md', `# Roadmap May – April\n\nSnowmaking is 1,2 Mio. € energy per season.\n\nOutcome for the company: energy cost ca. -180.000 € per season.\n`);
    const cost = await doc('cost.md', `# Year-1 costs\n\nTotal Year 1: 287.400 €\n\n| Cost line | Year 1 |\n|---|---|\n| Integration (vendor) | 96.000 € |\n| Optimiser compute (cloud inference runs) | 9.600 € |\n| Data scientist (1 FTE) | 181.800 € |\n| Total | 287.400 € |\n\nChoices: a small model instead of a big one: we lose maybe 2% plan quality, but compute stays under 10.000 € instead of ca. 60.000 €.\n\nLevers: re-plan only when the forecast changes more than 0,5 °C (saves ca. 40% of runs); run heavy simulation only on the 12 biggest slopes.\n`);
    const r = runGrader(gradeCost, 'cost', [roadmap, cost]);
    expect(r.signals.totals_not_adding_up).toBe(0);
    expect(r.signals.levers).toBeGreaterThanOrEqual(2);
    expect(r.signals.levers_with_effect).toBeGreaterThanOrEqual(1);
    expect(r.score).toBe(3);
  });
  it('does not take "48 000 € per vehicle per year" for the model usage line', async () => {
    const d = await doc('cost.md', `# Costs\n\nThe principal cost is the minibus operation, already carried by the authority (roughly 48 000 € per vehicle per year). The software costs are small in comparison.\n`);
    expect(runGrader(gradeCost, 'cost', [d]).score).toBe(1);
  });
  it('reads a way of working said to save money ("Sending SMS first … saves about £4,000 a year on postage") as a lever with its effect', async () => {
    const d = await doc('cost.md', `# Year 1 cost (GBP)\n\nSending SMS first and a letter only if there is no reply in 5 days saves about £4,000 a year on postage.\n`);
    const r = runGrader(gradeCost, 'cost', [d]);
    expect(r.signals.levers).toBe(1);
    expect(r.signals.levers_with_effect).toBe(1);
  });
  it('reads lines under a cost heading as talk of cost even without figures or the word (1, not 0)', async () => {
    const d = await doc('takehome.txt', `OVERLAY\n\ncost\n- vision model API: pay per page, cheap\n- hosting: existing AWS account\n`);
    const r = runGrader(gradeCost, 'cost', [d]);
    expect(r.score).toBe(1);
    expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('reads the lines under a lower-case "cost controls:" label as levers', async () => {
    const d = await doc('cost.txt', `year 1 cost\n\ninference ......... EUR 2,400\nhosting ........... EUR 1,200\n\ncost controls:\n- batch the night runs: cuts the GPU line from ~EUR 300 to ~EUR 120/month.\n- retrain twice a year, not monthly: saves ~EUR 6k of labelling.\n`);
    const r = runGrader(gradeCost, 'cost', [d]);
    expect(r.signals.levers).toBeGreaterThanOrEqual(2);
  });

  it('reads a line that opens with its own "how we keep … down:" label as a lever, "skips 30% of calls" as its effect, and a saving on staff cost as no lever', async () => {
    const d = await doc('cost.md', `# Year-1 cost (EUR)\n\n| Line | Year 1 |\n|---|---|\n| Model API usage | 14,000 |\n| Hosting | 6,000 |\n| Analyst time | 40,000 |\n\nOur way of keeping the model bill low: a keyword pass runs first and skips 30% of calls.\nTranscripts are sent in batches at night.\n`);
    const r = runGrader(gradeCost, 'cost', [d]);
    expect(r.signals.levers).toBeGreaterThanOrEqual(2);
    expect(r.signals.levers_with_effect).toBeGreaterThanOrEqual(1);
    const benefit = await doc('cost.md', `# Year-1 cost (EUR)\n\n| Line | Year 1 |\n|---|---|\n| Model API usage | 14,000 |\n| Hosting | 6,000 |\n\nStaff cost savings: about 200,000 a year once the clerks use it.\n`);
    expect(runGrader(gradeCost, 'cost', [benefit]).signals.levers).toBe(0);
  });

  it('reads "Model use" as the model usage line, and a section that only promises the estimate later as no cost content', async () => {
    const d = await doc('cost.md', `# Year-1 cost (CHF)\n\n| Line | Year 1 |\n|---|---|\n| Model use, EU-hosted | 9'600 |\n| Hosting | 7'200 |\n| Developer | 90'000 |\n`);
    expect(runGrader(gradeCost, 'cost', [d]).score).toBeGreaterThanOrEqual(2);
    const later = await doc('plan.md', `# Roadmap\n\nQ1: pilot in two sites.\n\n# Cost\n\nThe cost estimate will follow in a separate note once procurement has decided.\n`);
    expect(runGrader(gradeCost, 'cost', [later]).score).toBe(0);
  });

  it('reads "down about 55%" and "about KSh 7,000 a month saved" as a lever\'s effect', async () => {
    const base = `# Year-1 cost (KES)\n\n| Line | Year 1 |\n|---|---|\n| Model API | 144,000 |\n| Hosting | 60,000 |\n| Support staff | 400,000 |\n| Total | 604,000 |\n\nHow we keep it down:\n\n`;
    for (const lever of ['- Cache answers to repeated questions: API calls down about 55%.', '- Nightly batching of the reports: about KSh 7,000 a month saved.']) {
      expect(runGrader(gradeCost, 'cost', [await doc('cost.md', base + lever + '\n')]).signals.levers_with_effect).toBe(1);
    }
  });

  it('reads a change set against its effect on a line of the bill as a lever, in whatever words the change is named, but not a condition or a share', async () => {
    const base = `# Year-1 cost (EUR)\n\n| Line | Year 1 |\n|---|---|\n| Model API | 9,000 |\n| Image storage | 4,800 |\n| Two engineers | 150,000 |\n| Total | 163,800 |\n\n`;
    const changes = `Pictures shrunk to 800 px on the phone: storage down about 65%.\n\nSummaries built once a night instead of on every open: roughly EUR 300 a month saved on model calls.\n`;
    const r = runGrader(gradeCost, 'cost', [await doc('cost.md', base + changes)]);
    expect(r.signals.levers).toBeGreaterThanOrEqual(2);
    expect(r.signals.levers_with_effect).toBeGreaterThanOrEqual(2);
    const notChanges = `If the supplier lowers its price, we save EUR 2,000 a year on hosting.\n\nThe model API is less than 6% of the cost.\n`;
    expect(runGrader(gradeCost, 'cost', [await doc('cost.md', base + notChanges)]).signals.levers).toBe(0);
  });

  it('holds a price per item that takes hundreds of model calls ("$0.003 per house" for ~300 photos a house) as absurd, but not a plausible one', async () => {
    const table = (price: string) => `# Cost year 1\n\n## 6,000 houses a year, ~300 photos per house, read by a vision model\n\n| Line | Year 1 |\n|---|---|\n| Build | $90,000 |\n| AI usage: ${price} per house x 6,000 houses | $${(Number(price.slice(1)) * 6000).toFixed(0)} |\n| Hosting | $12,000 |\n`;
    expect(runGrader(gradeCost, 'cost', [await doc('cost.md', table('$0.003'))]).signals.absurd_unit_costs).toBeGreaterThan(0);
    expect(runGrader(gradeCost, 'cost', [await doc('cost.md', table('$1.50'))]).signals.absurd_unit_costs).toBe(0);
  });

  it('reads a model line written "AI model (API) | …" as the usage line, and a count times a unit price ("250,000 x $0.00002") as absurd', async () => {
    const table = `# Year 1 (EUR)\n\n| Line | One-off | Monthly | Year 1 |\n|---|---|---|---|\n| Developer | 14 000 € | – | 14 000 € |\n| AI model (API) | – | 180 € | 2 160 € |\n| Hosting | – | 120 € | 1 440 € |\n`;
    expect(runGrader(gradeCost, 'cost', [await doc('cost.md', table)]).rationale).not.toMatch(/none for the model usage/);
    const absurd = await doc('cost.txt', `Year one\n\nContract developer: $150,000\nAI model calls (photos + drafts): 250,000 x $0.00002 = $5\nHosting: $6,000\n`);
    expect(runGrader(gradeCost, 'cost', [absurd]).signals.absurd_unit_costs).toBeGreaterThan(0);
  });

  it('reads a "Levers:" label followed by a space as naming levers (the word boundary after the colon never matched)', () => {
    expect(LEVER.test('Cost levers: fewer photos per job, shorter replies.')).toBe(true);
    expect(LEVER.test('Levers: smaller pictures.')).toBe(true);
  });

  it('reads "Audio analysis + AI comments" as the model usage line', async () => {
    const d = await doc('cost.md', `# Year 1 (JPY)\n\n| Item | Type | Monthly | Year 1 |\n|---|---|---|---|\n| App development | One-off | – | ¥9,600,000 |\n| Audio analysis + AI comments | Monthly | ¥230,000 | ¥2,760,000 |\n| Recording storage | Monthly | ¥60,000 | ¥720,000 |\n`);
    expect(runGrader(gradeCost, 'cost', [d]).rationale).not.toMatch(/none for the model usage/);
  });

  it('takes a lever\'s saving from the sentence right after it when that sentence speaks of it ("That split saves about €250 a month")', async () => {
    const body = (after: string) => `# Year-1 cost\n\n| Line | Year 1 |\n|---|---|\n| Model usage (inference) | €4,800 |\n| Hosting and storage | €2,400 |\n| Engineer (0.5) | €45,000 |\n\nKeeping the bill down: short questions go to the small model and only disputes reach the large one, which gives slightly weaker answers on disputes but is fine for the rest. ${after} We also cache the tariff sheet.\n`;
    const kept = runGrader(gradeCost, 'cost', [await doc('cost.md', body('That split saves about €250 a month against the large model for everything.'))]);
    expect(kept.signals.levers_with_effect).toBe(1);
    // A saving that does not speak of the lever before it is not its effect.
    const other = runGrader(gradeCost, 'cost', [await doc('cost.md', body('Next year the budget is about €250 a month lower, since the pilot ends.'))]);
    expect(other.signals.levers_with_effect).toBe(0);
  });

  it('reads a usage line named by what the AI does ("AI damage detection | monthly | €900") as the inference line', async () => {
    const d = await doc('cost.md', `# Year-1 cost\n\n| Item | Type | Per month | Year 1 |\n|---|---|---|---|\n| AI damage detection | monthly | €900 | €10,800 |\n| Hosting | monthly | €300 | €3,600 |\n| Field support | monthly | €4,000 | €48,000 |\n`);
    const r = runGrader(gradeCost, 'cost', [d]);
    expect(r.rationale).not.toMatch(/none for the model usage/);
    expect(r.score).toBeGreaterThanOrEqual(2);
  });
});
