import { describe, expect, it } from 'vitest';
import { doc, runGrader } from '../test/helpers/docs.js';
import { gradeKpis } from './kpis.js';

describe('kpis grader', () => {
  it('does not take a launch gate\'s bar on the model ("Go-live needs at least 92% correct answers") for an outcome KPI', async () => {
    const d = await doc('policy.md', `# Policy\n\nGo-live for the pilot needs at least 92% correct answers on the test set and zero bookings made for the wrong person by March.\n`);
    expect(runGrader(gradeKpis, 'kpis', [d]).signals.outcome_kpis_with_target).toBe(0);
  });

  it('reads "KR:" lines as key results and "down 40% by 15 December" as a target with its date', async () => {
    const d = await doc('plan.md', `# Plan\n\nKR: staff hours per case down 40% by 15 December (M4).\n\nKR: turnaround on cases from 3.5 to 2 working days. Milestone M2, 30 June.\n`);
    expect(runGrader(gradeKpis, 'kpis', [d]).signals.with_time_frame).toBe(2);
  });

  it('reads a list under "What we want to see by the end of the year:" as KPIs dated by that line, also with numbers in words', async () => {
    const d = await doc('plan.txt', `PLAN\n\nWhat we want to see by the end of the year:\n\n- time to plan a menu cycle down from about two weeks to three days\n- allergen slips caught at the final check down by at least half (we logged 40 last year)\n- food cost per meal held at or under £1.50\n`);
    const r = runGrader(gradeKpis, 'kpis', [d]);
    expect(r.signals.with_time_frame).toBeGreaterThanOrEqual(2);
    // Dated only by the year's end, not tied to a milestone.
    expect(r.score).toBe(2);
  });

  it('counts each KPI of a line that holds several, one per sentence, and reads "(today 5 days)" as a baseline', async () => {
    const d = await doc('plan.txt', `ROADMAP\n\nQ3 (M7-M9): all sites. Done when: report closed within 24 h for 95% of jobs (today avg 5 days).\n\nTargets end of year: late reports 25% -> under 2%. Office time 6 h/week -> 1 h.\n`);
    expect(runGrader(gradeKpis, 'kpis', [d]).signals.with_time_frame).toBeGreaterThanOrEqual(2);
  });

  it('does not take a cost file\'s throughput assumption for a KPI', async () => {
    const d = await doc('cost_assumptions.txt', `Throughput: one server summarises about 40 files an hour, so two servers clear a peak day of 600 in under eight hours.\n`);
    expect(runGrader(gradeKpis, 'kpis', [d]).signals.outcome_kpis_with_target).toBe(0);
  });

  it('does not date a KPI by the span of the whole plan in its heading, but does date a phase\'s exit metric by its milestone line', async () => {
    const undated = await doc('roadmap.md', `# Roadmap: January to December 2026\n\n- Report writing time reduced from 6.5 hours to 4 hours by the end of Q3;\n- median visit-to-report time reduced from 16 to 8 working days;\n- sponsor query rate reduced from 12% to 8%.\n`);
    const r1 = runGrader(gradeKpis, 'kpis', [undated]);
    expect(r1.signals.with_time_frame).toBe(1);
    const phased = await doc('roadmap.md', `# Roadmap 2026\n\n## Phase 2\n\nAll chapters, Rotterdam desk. Milestone (end of month 6): Gate B decision.\nMetric: handling time per line 7 → 4 min.\n\n## Phase 3\n\nMilestone (end of month 9): all desks.\nMetric: post-filing corrections 4.1% → 3%.\n`);
    const r2 = runGrader(gradeKpis, 'kpis', [phased]);
    expect(r2.signals.with_time_frame).toBe(2);
    expect(r2.score).toBe(3);
  });

  it('gives 3 to outcome KPIs with targets, time frames and milestones', async () => {
    const d = await doc(
      'roadmap.md',
      `# 12-month roadmap\n\n## Q1: Pilot with 20 support agents\n\n- Milestone (Feb 15): pilot live for 20 agents\n- Success metric: average handle time down from 9 to 7 minutes by end of Q1\n\n## Q2: GA launch\n\n- KPI: activation of new workspaces +15% by June, after the GA launch\n- Ticket deflection rate reaches 25% by Q2\n`,
    );
    const r = runGrader(gradeKpis, 'kpis', [d]);
    expect(r.score).toBe(3);
    expect(r.evidence.length).toBeGreaterThan(0);
    expect(r.evidence[0]!.location).toMatch(/^line \d+$/);
  });

  it('holds KPIs that only sit in a quarter, with no milestone named, at 2', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\n## Targets\n\n- Handle time: 9 → 7 minutes by end of Q2\n- Retention: 88% → 92% by Q4\n`);
    const r = runGrader(gradeKpis, 'kpis', [d]);
    expect(r.score).toBe(2);
    expect(r.rationale).toMatch(/milestone/);
  });

  it('does not take a response time ("within 24 hours") for the date a target is due', async () => {
    const d = await doc(
      'roadmap.md',
      `# Success\n\n- Vet reading time: from 6 hours to 2 hours a week by the end of the pilot (June)\n- Welfare concerns reaching a vet within 24 hours: 95%\n- Keeper admin time: down 30%\n`,
    );
    const r = runGrader(gradeKpis, 'kpis', [d]);
    expect(r.signals.with_time_frame).toBe(1);
    expect(r.score).toBe(2);
  });

  it('reads outcome targets written as prose against today\'s figure', async () => {
    const d = await doc(
      'roadmap.txt',
      `July to September adds deferral letters. Milestone 3, at the end of September: 55% of pilot donors deferred for low haemoglobin rebook once their deferral period ends, against 42% today.\n\nBy the end of December, milestone 4, an O negative appeal goes out within 4 hours of the stock alert instead of two days, and first-time donor return at six months reaches 38% across the region.\n`,
    );
    const r = runGrader(gradeKpis, 'kpis', [d]);
    expect(r.signals.with_time_frame).toBeGreaterThanOrEqual(2);
    expect(r.score).toBe(3);
  });

  it('reads a KPI table by its columns: baseline, target, and the milestone it is read at', async () => {
    const d = await doc(
      'roadmap.md',
      `# Success measures\n\n| Measure | Baseline | Target | Milestone |\n|---|---|---|---|\n| Days from release to published notes | 4 | 0 (same day) | M3 · 29 Aug |\n| Support tickets per release | 310 | 150 | M4 · 12 Dec |\n`,
    );
    const r = runGrader(gradeKpis, 'kpis', [d]);
    expect(r.signals.outcome_kpis_with_target).toBe(2);
    expect(r.score).toBe(3);
  });

  it('takes "by W26 (end of phase 3)" as a milestone and "till 30.VI" as a date', async () => {
    const d = await doc('roadmap.md', `# Targets\n\n- Working days to close: 9 → 7 by W26 (end of phase 3)\n- Unreconciled items older than 30 days: 410 → under 100 by W26\n- Handover time 35 min → 22 min in pilot divisions till 30.VI\n`);
    const r = runGrader(gradeKpis, 'kpis', [d]);
    expect(r.signals.with_time_frame).toBe(3);
    expect(r.signals.tied_to_milestone).toBeGreaterThan(0);
  });

  it('caps vanity metrics at 1 however many numbers they carry', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\n## KPIs\n\n- 1M prompts sent by Q4\n- 500k model calls per month by Q2\n- 12 AI features shipped by December\n`);
    const r = runGrader(gradeKpis, 'kpis', [d]);
    expect(r.score).toBe(1);
    expect(r.rationale).toMatch(/vanity/);
  });

  it('gives 2 to an outcome with a target but no time frame', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\n## Goals\n\nWe aim to increase retention by 5% and improve CSAT.\n`);
    expect(runGrader(gradeKpis, 'kpis', [d]).score).toBe(2);
  });

  it('gives 1 when metrics are only named', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\nWe will track success metrics like retention and customer satisfaction.\n`);
    expect(runGrader(gradeKpis, 'kpis', [d]).score).toBe(1);
  });

  it('gives 0 with no evidence when there is nothing about success', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\nWe will build an assistant for the support team and launch it.\n`);
    const r = runGrader(gradeKpis, 'kpis', [d]);
    expect(r.score).toBe(0);
    expect(r.evidence).toEqual([]);
  });
});
