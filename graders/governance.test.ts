import { describe, expect, it } from 'vitest';
import { doc, runGrader } from '../test/helpers/docs.js';
import { gradeGovernance } from './governance.js';

describe('governance grader', () => {
  it('reads "switch it to off-mode at once" as a rollback with its speed', async () => {
    const d = await doc('policy.md', `# Policy\n\nTriggers: weekly recall below 90% or median latency over 3 minutes for two days.\n\nThe duty manager may switch the checker to off-mode at once; controllers return to the manual checklist.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).signals.how_fast).toBe(true);
  });

  it('reads "find at least 8 of the 10 past failures", "95 of 100 test questions correct" and "90% of findings match" as bars on measures', async () => {
    const d = await doc('policy.md', `# Policy\n\nBefore winter the model must find at least 8 of the 10 past failures with at most 2 false warnings per week.\n\nThe search must answer 95 of 100 test questions correct.\n\nGate: at least 90% of draft findings match the signed report.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).signals.threshold_measures).toBeGreaterThanOrEqual(2);
  });

  it('reads a false-alarm rate as a measure and "flips the line back to manual" as a rollback', async () => {
    const d = await doc('policy.md', `# Policy\n\n## Rollback\n\nfalse-alarm rate > 15% for 3 days in a row\n\nWho/how fast: the QC lead flips the line back to manual checks the same shift.\n`);
    const r = runGrader(gradeGovernance, 'governance', [d]);
    expect(r.signals.threshold_measures).toBeGreaterThanOrEqual(1);
    expect(r.signals.rollback_triggers).toBeGreaterThanOrEqual(1);
  });

  it('does not take a deadline for handling a complaint ("reported to the Dean within 48 hours") for a bar on a measure', async () => {
    const d = await doc('policy.md', `# Policy\n\nAny complaint that a summary misrepresented a file is reported to the Dean within 48 hours.\n\nIf serious concerns arise, the tool can be withdrawn.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).signals.threshold_measures).toBe(0);
  });

  it('reads a zero cell and "any confirmed case: rollback" as bars, and validity as a measure', async () => {
    const d = await doc('policy.md', `# Policy\n\n| Measure | Target | How measured | Rollback when |\n|---|---|---|---|\n| Protected-attribute leakage | 0 | scan of every output | Any confirmed case: rollback |\n\nThe tool is switched off if validity falls below 95% on any day.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).signals.threshold_measures).toBeGreaterThanOrEqual(2);
  });

  it('reads bars said in other orders ("at least 95% of proposed bookings are accepted", "disagreement with pathologists below 2%", "within 10% of what the grower set", a catch rate) and rollbacks to the phone line or the grower\'s own settings', async () => {
    const d = await doc('policy.md', `# Policy\n\nGate: at least 95% of proposed bookings are accepted by clerks without change, measured from the confirmation log.\n\nGate 2: disagreement with pathologists below 2%; seeded-error catch rate at least 95%.\n\nThe advice must stay within 10% of what the head grower actually set.\n\nIf quality drops, bookings go back to the phone line.\n`);
    const r = runGrader(gradeGovernance, 'governance', [d]);
    expect(r.signals.threshold_measures).toBeGreaterThanOrEqual(3);
    expect(r.signals.rollback_mentions).toBeGreaterThanOrEqual(1);
  });

  it('reads "switches all wards back to the fixed lists (the process we use today) the same day" as a rollback with its speed', async () => {
    const d = await doc('policy.md', `# Policy\n\nGate 1: forecast error below 15% per ward, computed every night against the RFID counts; no ward under-supplied by more than 20%.\n\nIf the weekly forecast error goes above 25% for two weeks running, the Head of Facilities switches all wards back to the fixed par-level lists (the process we use today) the same day.\n`);
    const r = runGrader(gradeGovernance, 'governance', [d]);
    expect(r.signals.rollback_triggers).toBe(1);
    expect(r.signals.how_fast).toBe(true);
  });

  it('reads rates with a comparator ("Max 15% of good batches amber/red"), a named measure ("Delta E 2000 not more than 1.0"), and the rollback\'s speed in its own forms', async () => {
    const rates = await doc('policy.md', `# Policy\n\nGo-live check: Max 15% of good batches flagged amber or red.\n\nColour match: Delta E 2000 not more than 1.0 against the target.\n`);
    expect(runGrader(gradeGovernance, 'governance', [rates]).signals.threshold_measures).toBeGreaterThanOrEqual(2);
    const speed = await doc('policy.md', `# Policy\n\nGate: recall of high-risk trees at least 90%, measured on 4 000 labelled inspections; agreement with arborists at least 80%.\n\nTrigger: recall below 85% over 4 weeks. On a trigger the Chief Arborist stops the risk sorting the same working day.\n`);
    expect(runGrader(gradeGovernance, 'governance', [speed]).signals.how_fast).toBe(true);
    const label = await doc('policy.md', `# Policy\n\nGate: HPI recall ≥ 98% and severity accuracy ≥ 88% on 3,000 labelled reports.\n\nRollback trigger: weekly HPI recall below 96%. The safety manager pulls the assistant.\n\nHow fast: one config flag, effective within 1 hour.\n`);
    expect(runGrader(gradeGovernance, 'governance', [label]).signals.how_fast).toBe(true);
  });

  it('reads "the target reached in at least 85% of the routes" as a bar on a measure', async () => {
    const d = await doc('policy.md', `# Policy\n\nGates. Assisted operation only when the proposal would have reached the Category-1 target in at least 85% of the routes, measured by replaying the GPS tracks.\n\nRollback. If results become clearly worse, we go back to manual planning.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).signals.threshold_measures).toBe(1);
  });

  it('reads agreement with the officers as a measure a bar can be set on', async () => {
    const d = await doc('policy.md', `# Policy\n\nGate: on 300 past applications the assistant agrees with the officer's decision on at least 90% of applications. Two senior officers mark the disagreements.\n\nIf things go wrong we can switch the assistant off.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).score).toBe(2);
  });

  it('counts two measures with bars in one line ("barrier recall … SIMOPS recall …", "per cent" spelled out)', async () => {
    const d = await doc(
      'policy.md',
      `# Policy\n\nGate 1: on 500 held-out permits, barrier recall at least 97 per cent and SIMOPS recall at least 99 per cent.\n\nRollback: if barrier recall on the weekly sample falls under 95%, the HSE manager switches the assistant off within 1 hour.\n`,
    );
    const r = runGrader(gradeGovernance, 'governance', [d]);
    expect(r.signals.threshold_measures).toBe(2);
    expect(r.score).toBe(3);
  });

  it('does not take the speed of incident triage for the speed of a rollback', async () => {
    const d = await doc(
      'policy.md',
      `# Policy\n\nThresholds: correct answers at least 95%; wrong price quoted at most 0.5%, from a weekly sample of 100 conversations.\n\nIncidents are triaged by the Head of Ticketing within one working day. If correct answers fall below 90%, the assistant can be switched off.\n`,
    );
    const r = runGrader(gradeGovernance, 'governance', [d]);
    expect(r.signals.how_fast).toBe(false);
    expect(r.score).toBe(2);
  });

  it('gives 3 to measured thresholds plus a rollback trigger with owner and speed', async () => {
    const d = await doc(
      'policy.md',
      `# Responsible AI policy\n\n## Thresholds\n\n- Hallucination rate below 2%, measured weekly on a 500-question golden set.\n- p95 latency under 3 s, tracked on the production dashboard.\n\n## Rollback\n\nIf the hallucination rate exceeds 3% on two consecutive days, the on-call ML lead rolls back to the previous model within 1 hour.\n`,
    );
    const r = runGrader(gradeGovernance, 'governance', [d]);
    expect(r.score).toBe(3);
    expect(r.signals.rollback_triggers).toBeGreaterThan(0);
  });

  it('gives 2 when the rollback trigger and its owner are there but not how fast it happens', async () => {
    const d = await doc(
      'policy.md',
      `# Responsible AI policy\n\n| Measure | Bar | How we check |\n|---|---|---|\n| Field accuracy | at least 90% | one vet corrects 30 random drafts every week |\n| Missed suspicion | recall at least 98% | logged from vet edits |\n\nWe roll back to the manual form when weekly field accuracy is under 85% two weeks in a row; the product lead decides.\n`,
    );
    const r = runGrader(gradeGovernance, 'governance', [d]);
    expect(r.signals).toMatchObject({ who_decides: true, how_fast: false });
    expect(r.score).toBe(2);
    expect(r.rationale).toContain('how fast');
  });

  it('reads "switches the assistant off … back on the old templates within 15 minutes" as a rollback with owner and speed', async () => {
    const d = await doc(
      'policy.md',
      `# How do we know it is still working?\n\nEdit rate: under 25% of drafts substantially changed before sending, measured automatically by comparing draft and sent text.\nComplaints mentioning a message: under 5 a month, from the complaints log.\n\n# How do we switch it off?\n\nTriggers: one clinical error reaching a donor; edit rate above 40% for two weeks in a row. The donor relations manager switches the assistant off in the CRM settings, and the team is back on the old templates within 15 minutes.\n`,
    );
    const r = runGrader(gradeGovernance, 'governance', [d]);
    expect(r.signals).toMatchObject({ who_decides: true, how_fast: true });
    expect(r.score).toBe(3);
  });

  it('does not take a rollback whose own condition has no bar ("if there are many problems") as triggered', async () => {
    const d = await doc(
      'policy.md',
      `# Policy\n\nWe will monitor the quality of the summaries.\n\nThe supervisors check 20 summaries, at least 90% must be usable.\nIf there are many problems, the HSE manager can decide to stop the tool and to come back to the manual process.\n`,
    );
    expect(runGrader(gradeGovernance, 'governance', [d]).signals.rollback_triggers).toBe(0);
  });

  it('gives 2 to thresholds without rollback criteria', async () => {
    const d = await doc('policy.md', `# Policy\n\nAnswer accuracy must stay above 95% on our evaluation set.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).score).toBe(2);
  });

  it('gives 1 to monitoring and rollback mentioned without numbers', async () => {
    const d = await doc('policy.md', `# Policy\n\nWe will watch for hallucinations and roll back if quality drops.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).score).toBe(1);
  });

  it('gives 0 when the policy says nothing about thresholds or rollback', async () => {
    const d = await doc('policy.md', `# Policy\n\nWe respect our users and build with care.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).score).toBe(0);
  });
  it('reads a forecast held within a tolerance for a share of cases ("ETA within 15 minutes for at least 70% of ships") as a bar on a measure', async () => {
    const d = await doc('policy.md', `# Policy\n\nThe model must be better than the planners: ETA within 15 minutes for at least 70% of ships during 6 weeks of test.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).signals.threshold_measures).toBe(1);
  });
  it('reads a gate\'s bar on a measure of the domain ("energy per m³ at least 8% better") as a threshold, measured "from meters"', async () => {
    const d = await doc('policy.md', `# Policy\n\n## Deployment gates\n\nGate 1 (end October): on 40 past nights the plan must give the same snow volume with at least 8% less energy.\n\nGate 2: three weeks of pilot, water withdrawal at most 95% of the permit value every night.\n\n## Monitoring\n\nEach night: energy per m³ snow (from meters and snowcat depth measurements).\n\n## Rollback\n\nTrigger: energy per m³ worse than last season for 5 nights in a row. The duty master switches to manual planning in less than 10 minutes.\n`);
    const r = runGrader(gradeGovernance, 'governance', [d]);
    expect(r.signals.threshold_measures).toBe(2);
    expect(r.signals.measured).toBeGreaterThanOrEqual(1);
  });
  it('names a gate\'s bars by what they count: "zero proposals that would have broken a gas limit", "operator acceptance of 70% or more"', async () => {
    const d = await doc('policy.md', `# Policy\n\n## Gates before deploy\n\nGate 2 (end M6): 30 days shadow with zero proposals that would have broken a gas limit in the replay, and operator acceptance of 70% or more.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).signals.threshold_measures).toBe(2);
  });
  it('reads the lines under a "Rolling back" heading as the rollback: its trigger, who and "switch to the saved template runs"', async () => {
    const d = await doc('policy.md', `# Policy\n\n## Gates\n\nGate 1: note extraction accuracy at least 97%, measured on 500 hand-checked notes; optimiser latency under 20 minutes.\n\n## Rolling back\n\nTrigger: two missed farms caused by the planner in one week, or extraction accuracy below 95% in a weekly check.\n\nWho: the transport lead decides alone.\n\nHow fast: schedulers switch to the saved template runs within 2 hours.\n`);
    const r = runGrader(gradeGovernance, 'governance', [d]);
    expect(r.signals.rollback_triggers).toBeGreaterThanOrEqual(1);
    expect(r.score).toBe(3);
  });

  it('reads "the same as the senior clerks\' decision in at least 85%" as a bar on agreement', async () => {
    const d = await doc('policy.md', `# Policy\n\nBefore the whole team: the draft decision is the same as the senior clerks' decision in at least 85%.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).signals.threshold_measures).toBe(1);
  });

  it('reads "suggested vs final price … Target: 90% within ±3%" as a bar on a measured quantity', async () => {
    const d = await doc('policy.md', `# Policy\n\nWeekly check. The branch lead compares 40 offers a week: suggested vs final price. Target: 92% within ±4%.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).signals.threshold_measures).toBeGreaterThanOrEqual(1);
  });

  it('reads "in at least 97% of 300 replayed orders" as a bar, and a rule that switches a hyphenated mode off "the same day" as a fast rollback', async () => {
    const bar = await doc('policy.md', `# Policy\n\nIn the March test the planner must pick a slot that fits in at least 97% of 300 replayed orders.\n`);
    expect(runGrader(gradeGovernance, 'governance', [bar]).signals.threshold_measures).toBeGreaterThanOrEqual(1);
    const fast = await doc('policy.md', `# Policy\n\nIf the weekly spot check shows an error rate of 3% or more, the duty lead switches auto-approve off the same day.\n`);
    const r = runGrader(gradeGovernance, 'governance', [fast]);
    expect(r.signals.rollback_triggers).toBeGreaterThanOrEqual(1);
    expect(r.signals.how_fast).toBe(true);
  });

  it('reads the bars a milestone line sets on measures of the domain ("K2: at least 40 % pooled rides; missed pick-ups under 3 %") as thresholds', async () => {
    const d = await doc('policy.md', `# Policy\n\nThe medical director signs each milestone K1 to K3.\n\nK2: six weeks in shadow; at least 40 % pooled rides; missed pick-ups under 3 %.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).signals.threshold_measures).toBeGreaterThanOrEqual(1);
  });

  it('reads "the clerks\' decisions are the reference" as how a threshold is measured', async () => {
    const base = `# Policy\n\nGo-live needs recall of missed defects of at least 98% and precision of at least 80%.\n\nRollback: if recall falls below 96% in any week, the Quality Lead switches it off within two hours.\n\n`;
    expect(runGrader(gradeGovernance, 'governance', [await doc('policy.md', base)]).signals.measured).toBe(0);
    const withRef = base + `Weekly: recall and precision of the flags (the clerks' decisions are the reference).\n`;
    expect(runGrader(gradeGovernance, 'governance', [await doc('policy.md', withRef)]).signals.measured).toBeGreaterThan(0);
  });

  it('reads "the system compares estimated vs real material" as how a threshold is measured', async () => {
    const base = `# Policy\n\nGate 1: fabric estimate within 10% in at least 75% of jobs.\n\nIf the share within 10% falls under 65% two weeks in a row, the Operations Director turns the AI quote off the same day.\n\n`;
    expect(runGrader(gradeGovernance, 'governance', [await doc('policy.md', base)]).signals.measured).toBe(0);
    const withCheck = base + `Every Monday the system compares estimated vs real material for all jobs closed the week before.\n`;
    expect(runGrader(gradeGovernance, 'governance', [await doc('policy.md', withCheck)]).signals.measured).toBeGreaterThan(0);
  });

  it('reads a weekly score on conversations picked at random, and numbers taken straight from the decision log, as how thresholds are measured', async () => {
    const base = `# Policy\n\nGate 1: at least 95% of suggestions safe to buy and 95% of answers in under 4 seconds.\n\nIt comes off the same day if the weekly safe rate falls below 90%; the Operations Director decides.\n\n`;
    expect(runGrader(gradeGovernance, 'governance', [await doc('policy.md', base)]).signals.measured).toBe(0);
    for (const how of ['Each week we score the accuracy of 60 conversations picked at random against the gate sheet.', 'Weekly accuracy and answer times come straight out of the decision log.']) {
      expect(runGrader(gradeGovernance, 'governance', [await doc('policy.md', base + how + '\n')]).signals.measured).toBeGreaterThan(0);
    }
  });

  it('reads numbers "reported from the repair system" and "a random 2% of quotes re-checked" as how thresholds are measured', async () => {
    const base = `# Policy\n\nGate A: correct part on at least 85% of 3,000 past tickets.\n\nWe switch it off if acceptance falls below 60% for two weeks; the Head of Retail decides within one hour.\n\n`;
    expect(runGrader(gradeGovernance, 'governance', [await doc('policy.md', base)]).signals.measured).toBe(0);
    for (const how of ['Every Monday the acceptance rate is reported from the repair system.', 'A random 2% of quotes are re-checked by a senior technician for accuracy.']) {
      expect(runGrader(gradeGovernance, 'governance', [await doc('policy.md', base + how + '\n')]).signals.measured).toBeGreaterThan(0);
    }
  });

  it('reads no governance in a policy promised for later', async () => {
    const d = await doc('email.md', `# Email\n\n## Responsible AI policy\n\nNot done yet, sorry - I'll send the one-pager on Friday. It will cover quality checks, privacy and human oversight.\n`);
    expect(runGrader(gradeGovernance, 'governance', [d]).score).toBe(0);
  });
});
