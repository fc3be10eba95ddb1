import { describe, expect, it } from 'vitest';
import { doc, runGrader } from '../test/helpers/docs.js';
import { gradeRoadmapStructure } from './roadmap_structure.js';

describe('roadmap_structure grader', () => {
  it('reads a milestone\'s "Check:" with a number as its exit metric', async () => {
    const d = await doc('roadmap.md', `# Plan 2026\n\n- 28 February – tea notes written for all 90 blends. Check: staff accept 8 of 10 test answers without change.\n- 30 April – chat open on the shop. Check: 250 chats in the first month.\n`);
    const { signals } = runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]);
    expect(Number(signals.milestones_with_exit_metric) + Number(signals.phases_with_metrics)).toBeGreaterThan(0);
  });

  it('reads "Risks, and how we would tackle them:" as risks met by the lines that follow', async () => {
    const d = await doc('roadmap.md', `# Plan\n\nPhase 1, January to March: test set. Milestone: Gate 1 on 31 March.\n\nRisks, and how we would tackle them:\nWrong species for poisonous mushrooms. The app refuses every question about eating them.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).signals.risks_mitigated).toBeGreaterThan(0);
  });

  it('reads a "Main risk and mitigant" column as risks with their mitigations', async () => {
    const d = await doc('roadmap.md', `# Plan by quarter (April 2026 to March 2027)\n\n| Quarter | Work | Milestone and date | Phase success measure | Main risk and mitigant |\n|---|---|---|---|---|\n| Q1 Apr–Jun | Library tagged | Gate 1, 30 June | 95% of clauses tagged | Library out of date – counsel reviews first |\n| Q2 Jul–Sep | Shadow review | Gate 2, 30 September | 90% recall vs technicians | Distrust – each flag cites the clause |\n| Q3 Oct–Dec | Live on property | Live, 1 November | hours per treaty below 2.0 | Peak overload – overnight batches |\n| Q4 Jan–Mar | Casualty added | Live, 15 February | backlog two weeks | Varied wording – separate test set |\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).signals.risks_mitigated).toBeGreaterThan(0);
  });

  it('reads "Objective Q1 (Jan–Mar)" and "2.1 Quarter 1 (Jan–Mar)" as opening their quarters, and "Milestone:" as a milestone', async () => {
    const okr = await doc('roadmap.md', `# Plan for 2026\n\nObjective Q1 (Jan–Mar) – prove it on old cases.\n\nKR: matches the reviewers on at least 95% of 500 past cases. Milestone M1, 31 March: Gate 1.\n\nObjective Q2 (Apr–Jun) – shadow run.\n\nKR: turnaround from 3 to 2 days. Milestone M2, 30 June: Gate 2.\n\nObjective Q3 (Jul–Sep) – live for one desk.\n\nKR: 60% of requests closed within a day by 30 September.\n\nObjective Q4 (Oct–Dec) – live for all desks.\n\nKR: staff hours per case down 40% by 15 December.\n\nRisk: reviewers sign without reading. Mitigation: the sources are shown first.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [okr]).score).toBe(3);
    const quarters = await doc('roadmap.md', `# Roadmap – 12 months\n\n2.1 Quarter 1 (Jan–Mar). Label 1.500 old photos. Milestone: first model tested.\n\n2.2 Quarter 2 (Apr–Jun). Pilot in 3 clinics. Milestone: pilot finished.\n\n2.3 Quarter 3 (Jul–Sep). All clinics. Milestone: all clinics using.\n\n2.4 Quarter 4 (Oct–Dec). Patient messages. Milestone: messages live.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [quarters]).score).toBeGreaterThanOrEqual(2);
  });

  it('reads a "Months" column of bare ranges ("1–2 | Discovery | …") as phases, and "Success: …" as a phase metric', async () => {
    const months = await doc('roadmap.md', `# Roadmap\n\n| Months | Phase | Milestone | Exit measure |\n|---|---|---|---|\n| 1–2 | Discovery | M1 (end of Month 2): data cleaned | forecast error on back-test below 15% |\n| 3–4 | Shadow | M2 (end of Month 4): Gate 1 passed | stock-outs down 20% |\n| 5–12 | Rollout | M3 (end of Month 12): all wards | stock-outs down 60% |\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [months]).signals.calendar_periods).toBe(3);
    const success = await doc('roadmap.md', `# Roadmap 2026\n\nQ2 (Apr–Jun): Shadow run. Milestone 30.06.: Gate B passed. Success: analysts agree with the marks in 90% of files.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [success]).signals.phases_with_metrics).toBe(1);
  });

  it('reads an "Exit check" column as the phase metrics ("T1 and T4 met" points at the targets) and "Fix:" as a mitigation', async () => {
    const d = await doc('roadmap.md', `# Roadmap 2026\n\n| # | Target | Baseline | Goal | When |\n|---|---|---|---|---|\n| T1 | Days from leak start to find | 19 | 9 | end Sep 2026 |\n| T4 | Inspectors using it weekly | 0 | 35 | end Sep 2026 |\n\n## Plan\n\n| Phase | Months | Milestone (date) | Exit check |\n|---|---|---|---|\n| 1 Back-test | Jan–Mar | M1 back-test, 27 Mar | precision ≥ 60% |\n| 2 Shadow | Apr–Jun | M2 gate to pilot, 26 Jun | T1 below 14 days |\n| 3 Pilot | Jul–Sep | M3 gate, 25 Sep | T1 and T4 met |\n| 4 All areas | Oct–Dec | M4 review, 18 Dec | T1 met |\n\n## Risks\n\n- Loggers on plastic pipe hear less. Fix: night-flow data weighs more there.\n`);
    const r = runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]);
    expect(r.signals.phases_with_metrics).toBe(4);
    expect(r.signals.risks_mitigated).toBe(1);
    expect(r.score).toBe(3);
  });

  it('does not read a numbered question ("Q3. What is the plan for 12 months?") as a quarter, and reads a "Risk | What we do" table as mitigated', async () => {
    const qa = await doc('roadmap.md', `# Plan\n\n## Q3. What is the plan for 12 months?\n\nFirst step: trial on records of 5 villages. Next step: index all records after 1970.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [qa]).signals.calendar_periods).toBe(0);
    const risks = await doc('roadmap.md', `# Roadmap 2026\n\n## Risks\n\n| Risk | What we do |\n|---|---|\n| EHR integration slower than planned | Q1 runs on an export |\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [risks]).signals.risks_mitigated).toBeGreaterThan(0);
  });

  it('reads a table with the quarters as columns: each column a phase, a metric row and a milestone row per column', async () => {
    const d = await doc('roadmap.md', `# Plan by quarter (April 2026 – March 2027)\n\n| Workstream | Q1 Apr–Jun | Q2 Jul–Sep | Q3 Oct–Dec | Q4 Jan–Mar |\n|---|---|---|---|---|\n| Build | Labelling 600 emails | Drafts for 8 pilot advisers | All 38 advisers | Freeze during return season |\n| Milestone | M1 Gate 1 (30 June) | M2 Gate 2 (15 Aug) | M4 year-end check (20 Dec) | M5 FY review (31 Mar) |\n| Success metric | Tax-fact accuracy 97% on 600 emails | First reply 2.5 days to 1 day | Email hours 1,150 h to 750 h per month | Renewal 88% to 91% |\n\n## Risks\n\n- Wrong tax statement becomes advice: every draft is reviewed by an adviser, so we mitigate liability.\n`);
    const r = runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]);
    expect(r.signals).toMatchObject({ calendar_periods: 4, phases_with_metrics: 4 });
    expect(r.score).toBe(3);
  });

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

  it('reads month rows under a heading that spans the year as twelve periods', async () => {
    const rows = ['May 2026', 'Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026', 'Oct 2026', 'Nov 2026', 'Dec 2026', 'Jan 2027', 'Feb 2027', 'Mar 2027', 'Apr 2027'];
    const table = rows.map((m, i) => `| ${m} | ${i < 4 ? 'Build' : 'Pilot'} | milestone ${i + 1} live | tickets −${10 + i} % vs last winter |`).join('\n');
    const d = await doc('roadmap.md', `# Roadmap May 2026 – Apr 2027\n\n| Month | Phase | Milestone | Metric |\n|---|---|---|---|\n${table}\n\n| Risk | Mitigation |\n|---|---|\n| GPS gaps | show "no live data" instead |\n`);
    const r = runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]);
    expect(r.signals.calendar_periods).toBe(12);
    expect(r.score).toBe(3);
  });

  it('reads numbered quarter paragraphs and named phases with their months', async () => {
    const numbered = await doc(
      'roadmap.md',
      `# 2. Roadmap (January–December 2026)\n\n2.1 Q1 – Build and back-test. Milestone: back-tested on 2,000 calls.\n2.2 Q2 – Shadow mode on the night shift. Milestone: Gate 2 decision.\n2.3 Q3 – Assisted mode on all shifts. Milestone: all shifts live.\n2.4 Q4 – Assisted mode extended to alarms.\n`,
    );
    const a = runGrader(gradeRoadmapStructure, 'roadmap_structure', [numbered]);
    expect(a.signals.calendar_periods).toBe(4);
    expect(a.score).toBe(2);
    const named = await doc(
      'roadmap.md',
      `# Roadmap\n\nDiscovery, Apr-May 2026. Milestone 29 May: discovery assessment passed.\n\nAlpha, Jun-Aug 2026. Milestone 28 Aug: Gate A.\n\nPrivate beta, Sep-Nov 2026. Milestone 27 Nov: Gate B.\n`,
    );
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [named]).signals.calendar_periods).toBe(3);
  });

  it('carries a phase opened by a line through its bullets, and stops at a label line', async () => {
    const d = await doc(
      'roadmap.txt',
      `ROADMAP (12 months)\n\nPHASE 1 - JAN to FEB - Build and prove it offline\n  - Test set: 400 past notes graded by two managers.\n  - Phase metric: at least 97% of statements correct on the test set (M1, 28 Feb).\n\nPHASE 2 - MAR to MAY - Pilot in three homes\n  - Phase metric: calls asking for updates down 40% by M2 (31 May).\n\nPHASE 3 - JUN to DEC - All homes\n  - Rollout home by home, two a fortnight.\n\nTargets\n  - update calls from 2,300 to 1,300 a week by December\n`,
    );
    const r = runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]);
    expect(r.signals.calendar_periods).toBe(3);
    expect(r.signals.phases_with_metrics).toBe(2);
  });

  it('counts a row of a table with a metric column as its phase\'s metric', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\n| Months | Milestone | Exit metric |\n|---|---|---|\n| Apr–Jun | Gate 1, 30 Jun | P1 recall 99% on the eval set |\n| Jul–Aug | Gate 2, 29 Aug | 60% of drafts accepted |\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).signals.phases_with_metrics).toBe(2);
  });

  it('reads a roadmap written as prose by school term, and risks answered with "so …"', async () => {
    const d = await doc(
      'roadmap.txt',
      `The year follows the school calendar, September 2025 to August 2026. In the first half of the autumn term (1 September to 24 October) we build the tool with six teachers; the first go/no-go decision on 17 October 2025 needs marking time down from 4.5 to 3.5 hours a week. In the spring term we extend to four schools, with the trust-wide decision on 27 March once editing time is down by 30%. In the summer term all twelve schools use it.\n\nI can see four risks worth naming. Parents may worry that a computer marks their child's work, so every school sends a letter before its pilot.\n`,
    );
    const r = runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]);
    expect(r.signals.calendar_periods).toBeGreaterThanOrEqual(3);
    expect(r.signals.risks_mitigated).toBeGreaterThan(0);
    expect(r.score).toBe(3);
  });
  it('reads season lines under a heading that names the horizon and its start month ("ROADMAP (12 months, from March …)") as the phases', async () => {
    const d = await doc('plan.txt', `=== ROADMAP (12 months, from March because the season starts) ===\n\nSpring (March - May)\n- 300 hives with sensors.\n- Milestone: first model tested on spring data.\n\nSummer (June - August)\n- App for 60 volunteers.\n\nAutumn (September - November)\n- Varroa warning added.\n\nWinter (December - February)\n- Queen loss warning.\n`);
    const r = runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]);
    expect(r.signals.calendar_periods).toBe(4);
    expect(r.score).toBe(2);
  });
  it('reads the period cell of a phase table ("1. Data and digital twin | M1–M3 | …") as the phase, however long the name before it', async () => {
    const d = await doc('plan.md', `# Roadmap, 12 months\n\n| Phase | Months | Milestone | Exit metric |\n|---|---|---|---|\n| 1. Data and digital twin | M1–M3 | M3 (31 March): twin validated | error below 8% |\n| 2. Shadow on Level 7 | M4–M6 | M6 (30 June): Gate 2 | operators follow 70% |\n| 3. Closed loop, 4 levels | M7–M9 | M9 (30 September): live | energy -18% |\n| 4. Full mine | M10–M12 | M12 (31 December): all levels | energy -22% |\n\n## Risks\n\n- Sensor drift. Mitigation: monthly bump test.\n`);
    const r = runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]);
    expect(r.signals.calendar_periods).toBe(4);
    expect(r.score).toBe(3);
  });

  it('does not count risks whose mitigations are still to be worked out as mitigated', async () => {
    const d = await doc('plan.md', `# Roadmap 2026\n\n## Risks\n\n- Members distrust the answers.\n- Data quality in the old register.\n\nMitigations for each risk will be worked out with the project team in the first month.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).signals.risks_mitigated).toBe(0);
  });
  it('reads semesters and Catalan quarters ("Semester 1 (February to June).", "T2 (April–June) – Pilot") as dated periods', async () => {
    const a = await doc('plan.txt', `ROADMAP, 12 months\n\nSemester 1 (February to June). Pilot at two campuses, ending in a gate review.\n\nSemester 2 (August to November). All campuses, ending in a gate review.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [a]).signals.calendar_periods).toBe(2);
    const b = await doc('roadmap.md', `# Roadmap 12 months\n\n## Plan by quarter\n\nT1 (January–March) – Data and model.\n\nT2 (April–June) – Pilot in two districts.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [b]).signals.calendar_periods).toBe(2);
  });

  it('credits a phase with an exit metric given below the table by the milestone its row names ("M2 exit = …")', async () => {
    const d = await doc('roadmap.md', `# Roadmap (12 months)\n\n| Months | Work | Milestone |\n|---|---|---|\n| 1–3 | Label history, offline test | M1 (end Mar): test set ready |\n| 4–6 | Shadow run in one depot | M2 (end Jun): go/no-go |\n| 7–9 | Assisted use in four depots | M3 (end Sep): four depots live |\n| 10–12 | All depots | M4 (end Dec): all live |\n\nM2 exit = agreement with planners at least 90%.\nM3 exit = missed pickups down 25% in the four depots.\nM4 exit = missed pickups below 2% everywhere.\n\nRisk: drivers ignore the plan. Mitigation: planners keep the final say and we review overrides weekly.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).signals.phases_with_metrics).toBeGreaterThanOrEqual(3);
  });

  it('opens a period from a "Months" column that is not the first column', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\n| Phase | Months | Milestone | Exit metric |\n|---|---|---|---|\n| 1 Data | 1–3 | M1 (month 3): 2,000 records labelled | two labellers agree on 90% |\n| 2 Offline test | 4–6 | M2 (month 6): Gate 1 | recall 95% on the test set |\n| 3 Shadow | 7–9 | M3 (month 9): Gate 2 | handling time 40 to 15 min |\n| 4 Live | 10–12 | M4 (month 12): all sites | backlog down 50% |\n\nRisk: crews ignore it. Mitigation: supervisors keep the final call.\n`);
    const r = runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]);
    expect(r.signals.calendar_periods).toBeGreaterThanOrEqual(4);
    expect(r.score).toBe(3);
  });

  it.each(['Answer: low-confidence pages go to a human queue.', 'Every ticket that mentions gas is routed to a human whatever the score.'])('reads "%s" after a risk as its mitigation', async (line) => {
    const d = await doc('roadmap.md', `# Roadmap\n\n## Risks\n\nA gas leak report is misfiled by the model, which would be a safety failure.\n\n${line}\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).signals.risks_mitigated).toBeGreaterThan(0);
  });

  it('reads a Gantt row that marks its months under a header of twelve month initials as a dated phase', async () => {
    const d = await doc('roadmap.md', `# Plan\n\n| Work stream | J F M A M J J A S O N D | Milestone |\n|---|---|---|\n| Data import | X X X . . . . . . . . . | M3: data loaded |\n| Pilot depot | . . . X X X . . . . . . | M6: go-live decision |\n| Three depots | . . . . . . X X X . . . | M9: three depots live |\n| All depots | . . . . . . . . . X X X | M12: all live |\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).signals.calendar_periods).toBeGreaterThanOrEqual(4);
  });

  it('reads phases numbered in Roman numerals, each giving its months in brackets after its name, as dated phases', async () => {
    const d = await doc('roadmap.docx', `# Roadmap\n\nPhase I – Pilot in the north depot (April to June 2027).\n\nPhase II – Second depot and night shifts (July to September 2027).\n\nPhase III – All depots, with the winter timetable (October to December 2027).\n\nPhase IV – Hand-over to operations and year review (January to March 2028).\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).signals.calendar_periods).toBeGreaterThanOrEqual(4);
  });

  it('counts the rows of a milestone table beside a Gantt chart, each with its date and measured exit criterion, as measured stretches of the plan', async () => {
    const gantt = `# Bakery ordering assistant, 2027\n\n| Stream | Jan | Feb | Mar | Apr | May | Jun | Jul | Aug | Sep | Oct | Nov | Dec |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n| Order history import | x | x |  |  |  |  |  |  |  |  |  |  |\n| Trial in two shops |  |  | x | x | x |  |  |  |  |  |  |  |\n| All twelve shops |  |  |  |  |  | x | x | x | x |  |  |  |\n| Year review |  |  |  |  |  |  |  |  |  | x | x | x |\n\n`;
    const risks = `\n| Risk | Mitigation |\n|---|---|\n| Shop managers ignore the suggestion | Weekly call with the two trial managers; their overrides are logged and read |\n`;
    const milestones = `| Milestone | Date | Exit criterion |\n|---|---|---|\n| M1 History loaded | 26.02.2027 | 95 % of 2026 orders matched to a product |\n| M2 Trial done | 28.05.2027 | leftover bread down from 14 % to 9 % in both trial shops |\n| M3 All shops live | 30.09.2027 | 10 of 12 shop managers accept the suggestion most days |\n`;
    const r = runGrader(gradeRoadmapStructure, 'roadmap_structure', [await doc('roadmap.md', gantt + milestones + risks)]);
    expect(r.signals.milestones_with_exit_metric).toBe(3);
    expect(r.score).toBe(3);
    // A KPI table (measure | today | target | date) names no milestone: it is no phase's exit.
    const kpis = `| Measure | Today | Target | By |\n|---|---|---|---|\n| Leftover bread | 14 % | 9 % | 28.05.2027 |\n| Sold-out before noon | 6 days a month | 2 days a month | 30.09.2027 |\n`;
    const plain = runGrader(gradeRoadmapStructure, 'roadmap_structure', [await doc('roadmap.md', gantt + kpis + risks)]);
    expect(plain.signals.milestones_with_exit_metric).toBe(0);
    expect(plain.score).toBe(2);
  });

  it('reads lines numbered M1 … M12 under a month-by-month plan as its months, and the ones that deliver something as dated milestones', async () => {
    const months = ['Collect 500 past orders', 'First model, tested on 60 orders', 'Connect to the stock system', 'Shadow run at 2 shops', 'Shadow continues', 'Live at the 2 shops. Milestone: same-day quotes there', 'Rollout to shops 3-5', 'Rollout to shops 6-8. Milestone: all shops live', 'Tablet version for the field team', 'Returns photo check', 'Tune and refresh prices', 'Review with the owners, plan year 2'];
    const text = `TWELVE MONTH ROADMAP\n\nMONTH BY MONTH\n${months.map((m, i) => `M${i + 1}  ${m}.`).join('\n')}\n`;
    const r = runGrader(gradeRoadmapStructure, 'roadmap_structure', [await doc('roadmap.txt', text)]);
    expect(r.signals.calendar_periods).toBeGreaterThanOrEqual(10);
    expect(r.signals.dated_milestones).toBeGreaterThanOrEqual(2);
    expect(r.signals.dated_milestones).toBeLessThan(12);
    expect(r.score).toBe(2);
  });

  it('does not take a name or a word that starts like a month ("Declan", "Marketing") for a period', async () => {
    const d = await doc('roadmap.txt', `ROADMAP\n\nDeclan (ops director) is kept in the loop.\n\nMarketing runs the autumn offers.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).signals.periods).toBe(0);
  });

  it('lets a line open another quarter than the heading above it names, and reads "Measure:" lines as the phase metric', async () => {
    const d = await doc('memo.md', `# Roadmap\n\n## Q1 – Foundations\n\nData clean-up and the first model. Milestone 20 March: go/no-go for the pilot.\n\nQ2 – Pilot at two depots. Milestone 15 May: pilot live. Measure: 80% of route plans accepted by dispatchers.\n\nQ3 – All depots. Milestone 1 Aug: all live. Measure: empty kilometres down 10%.\n\nQ4 – Review and budget for next year.\n`);
    const r = runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]);
    expect(r.signals.calendar_periods).toBe(4);
    expect(r.signals.phases_with_metrics).toBeGreaterThanOrEqual(2);
  });

  it('reads "Risks and what I\'d do about them" as risks with mitigations, but not a note that the risk list does not say what we would do about them', async () => {
    const plan = `# Plan\n\nQ1 (Jan–Mar): data. Milestone 31 March: data loaded.\n\nQ2 (Apr–Jun): pilot. Milestone 30 June: pilot live.\n\nQ3 (Jul–Sep): all sites.\n\nQ4 (Oct–Dec): review.\n\n`;
    const withHeading = plan + `## Risks and what I'd do about them\n\n- The booking system API is late: we start with its nightly export.\n`;
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [await doc('roadmap.md', withHeading)]).signals.risks_mitigated).toBeGreaterThan(0);
    const note = plan + `## Risks\n\nThe risk list names the risks but does not yet say what we would do about each.\n`;
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [await doc('roadmap.md', note)]).signals.risks_mitigated).toBe(0);
  });

  it('reads a Gantt table headed M1 … M12 as twelve months, and a list of milestones with their exit metrics as measured stretches', async () => {
    const head = `| Stream | ${Array.from({ length: 12 }, (_, i) => `M${i + 1}`).join(' | ')} |\n|${'---|'.repeat(13)}\n`;
    const rows = ['Data', 'Build', 'Shadow', 'Live'].map((w, k) => `| ${w} | ${Array.from({ length: 12 }, (_, i) => (Math.floor(i / 3) === k ? 'x' : ' ')).join(' | ')} |`).join('\n');
    const milestones = `\n\n## Milestones\n\n1. M3 – Shadow starts. Exit metric: 90% of 200 test jobs priced within 10% of the final invoice.\n2. M6 – Two shops live. Exit metric: time to quote from 4 days to 1.\n`;
    const r = runGrader(gradeRoadmapStructure, 'roadmap_structure', [await doc('roadmap.md', `# Plan month by month\n\n${head}${rows}${milestones}`)]);
    expect(r.signals.calendar_periods).toBe(12);
    expect(r.signals.milestones_with_exit_metric).toBe(2);
  });

  it('dates the milestones of a table whose "Months" column gives each row its months ("4–6 | … | M6: go/no-go")', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\n| Months | Phase | Milestone | Measure |\n|---|---|---|---|\n| 1–3 | Collect images | M3: data set of 5,000 items | 95% readable |\n| 4–6 | First model | M6: go/no-go of the head buyer | 85% agreement |\n| 7–9 | Shadow use | M9: comparison report | half of the misses caught |\n| 10–12 | Live at 3 sites | M12: decision for the rest | returns from 9% to 6% |\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).signals.dated_milestones).toBeGreaterThanOrEqual(3);
  });

  it('does not take the number of "Quarter 1" for a phase\'s success metric', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\nQuarter 1 (April to June 2026): connect the booking software and build bookings and cancellations.\n\nQuarter 2 (July to September 2026): class suggestions for members.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).signals.phases_with_metrics).toBe(0);
  });

  it('reads a risk line that states its control in the next sentence as mitigated, and "double-checked" as no metric', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\n## Risks\n\nPrices quoted wrongly. Prices are always read from the price list, never written by the model.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [d]).signals.risks_mitigated).toBe(1);
    const plan = await doc('roadmap.md', `# Roadmap (January to December 2026)\n\n- Months 1–3 (Jan–Mar): build a test set of 800 records double-checked by the shift lead.\n- Months 4–6 (Apr–Jun): shadow run in two depots.\n- Months 7–12 (Jul–Dec): all depots.\n`);
    expect(runGrader(gradeRoadmapStructure, 'roadmap_structure', [plan]).signals.phases_with_metrics).toBe(0);
  });
});
