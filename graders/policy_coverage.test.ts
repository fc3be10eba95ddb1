import { describe, expect, it } from 'vitest';
import { doc, runGrader } from '../test/helpers/docs.js';
import { gradePolicyCoverage } from './policy_coverage.js';

describe('policy_coverage grader', () => {
  it('reads "runs four weeks in parallel first … only when the manager and our agronomist are comfortable" as a gate', async () => {
    const d = await doc('policy.md', `# Policy\n\nBefore a greenhouse starts\nEach greenhouse runs four weeks in parallel first: the advice is shown but the grower waters as before. Only when the grower and our agronomist are comfortable with the advice does the greenhouse switch to using it.\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [d]).signals.deployment_gates).toBeGreaterThanOrEqual(1);
  });

  it('reads a heading "Before each phase goes live" as the gates', async () => {
    const d = await doc('policy.md', `# AI policy\n\n## Before each phase goes live\n\nList clean-up: spot check of 200 records, fewer than 1% wrong merges.\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [d]).signals.deployment_gates).toBeGreaterThan(0);
  });

  it('reads "We will only expand … if" as a gate and "Every Monday I pull …" as monitoring', async () => {
    const d = await doc('policy.md', `# AI use policy\n\n## Before we expand\n\nWe will only expand from the pilot to the whole network if, over 8 weeks, 80% of quotes land within 15% of the invoice.\n\n## After launch\n\nEvery Monday I pull the match between quotes and invoices by location.\n`);
    const r = runGrader(gradePolicyCoverage, 'policy_coverage', [d]);
    expect(r.signals.deployment_gates).toBeGreaterThan(0);
    expect(r.signals.monitoring).toBeGreaterThan(0);
  });

  it('reads "Stage 2 (month 7): only if … at least 90%" as a gate and "Back to manual … like before" as a rollback', async () => {
    const d = await doc('policy.md', `# Responsible AI\n\n## Stages\n\nStage 1 (month 4): only if at least 90% of fields are correct on 3.000 old invoices.\n\n## Back to manual\n\nIf the numbers get worse we stop the automatic payout and the clerks do it again like before.\n`);
    const r = runGrader(gradePolicyCoverage, 'policy_coverage', [d]);
    expect(r.signals.deployment_gates).toBeGreaterThan(0);
    expect(r.signals.rollback).toBeGreaterThan(0);
  });

  it('reads "test before start" as a gate, and does not make a bare stop rule concrete with the incident owner beside it', async () => {
    const d = await doc('policy.md', `# Policy\n\nThe Digital Editor-in-Chief approves the start of each use.\n\n## Test before start\n\nFor each use, we test with 500 past articles before start; at least 95% of summaries must be correct.\n\n## Check after start\n\nEvery week, one editor checks 200 published summaries and counts the errors.\n\n## Mistakes\n\nIf an error reaches a reader, the desk editor reports it to the Operations Manager the same day.\nStop: if a problem is serious, we can stop the system and return to manual work.\n`);
    const r = runGrader(gradePolicyCoverage, 'policy_coverage', [d]);
    expect(r.signals).toMatchObject({ deployment_gates: 2, rollback: 1 });
    expect(r.score).toBe(2);
  });

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

  const base = `# Policy\n\n## Decision rights\n\nThe Head of Ticketing owns go/no-go decisions.\n\n## Gates\n\nNo release before 95% correct answers on 300 test questions.\n\n## Monitoring\n\nWeekly review of 50 sampled chats.\n\n`;

  it('holds a bare "can be switched off" at named, even beside an incident owner on the same line', async () => {
    const d = await doc('policy.md', base + `## Incidents and rollback\n\nIncidents are logged and triaged by the Head of Ticketing within one working day. Encore can be switched off if needed.\n`);
    const r = runGrader(gradePolicyCoverage, 'policy_coverage', [d]);
    expect(r.signals.rollback).toBe(1);
    expect(r.score).toBe(2);
  });

  it('holds a vague trigger ("falls noticeably") at named, and takes "after any critical incident" as a trigger', async () => {
    const vague = await doc('policy.md', base + `## Incidents\n\nSev-1 incidents page the on-call engineer.\n\n## Rollback\n\nIf accuracy falls noticeably, we would revert students to the existing FAQ pages.\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [vague]).signals.rollback).toBe(1);
    const severe = await doc('policy.md', base + `## Incidents\n\nSev-1 incidents page the on-call engineer.\n\n## Rollback\n\nWe can switch back to the old decision-tree bot from the admin console, and we do after any critical incident.\n`);
    const r = runGrader(gradePolicyCoverage, 'policy_coverage', [severe]);
    expect(r.signals.rollback).toBe(2);
    expect(r.score).toBe(3);
  });

  it('reads a check made every morning as monitoring', async () => {
    const d = await doc('policy.md', `# Policy\n\nEvery morning the duty nurse goes through the summaries of the night before and notes each wrong one.\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [d]).signals.monitoring).toBeGreaterThanOrEqual(1);
  });

  it('reads a monthly re-check of a random sample after go-live as monitoring', async () => {
    const d = await doc('policy.txt', `Responsible AI policy\n\nFollowing after go-live\nEvery month two senior valuers take 150 valuations at random and value them again without seeing the suggestion.\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [d]).signals.monitoring).toBe(2);
  });

  it('gives 1 to a policy of principles alone, with a quote, and 0 to one that puts the policy itself off', async () => {
    const principles = await doc('deck.md', `# Responsible AI\n\nOur principles\n\nTransparent: guests always know they are talking to a machine.\n\nRespectful of every faith and culture we serve on our journeys.\n`);
    const r = runGrader(gradePolicyCoverage, 'policy_coverage', [principles]);
    expect(r.score).toBe(1);
    expect(r.evidence.length).toBeGreaterThan(0);
    const later = await doc('deck.md', `# Responsible AI\n\nPolicy: to be written with the welfare committee after the pilot.\n\nTransparent: visitors always know they are talking to a machine.\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [later]).score).toBe(0);
  });

  it('reads "Before it goes to the shops … must get: recall >= 98%" as a deployment gate', async () => {
    const d = await doc('policy.txt', `RESPONSIBLE AI POLICY\n\nBefore it goes to the shops\nRun on the 150 approved labels. Must get: recall >= 98% on allergens.\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [d]).signals.deployment_gates).toBe(2);
  });

  it('names the parts in a short list of one-liners: a person always validates, quality verified regularly, "in case of problem" someone informs', async () => {
    const d = await doc('policy.txt', `About the Responsible AI policy. The main lines:\n\n- the assistant never sends anything alone, a person of the shop always validates;\n- we will verify the quality of the drafts regularly;\n- in case of problem, the assistant informs the manager.\n`);
    const r = runGrader(gradePolicyCoverage, 'policy_coverage', [d]);
    expect(r.signals.decision_rights).toBeGreaterThan(0);
    expect(r.signals.monitoring).toBeGreaterThan(0);
    expect(r.signals.incident_response).toBeGreaterThan(0);
  });

  it('takes principles under a question heading that asks for the policy in other words ("How will you use AI responsibly?") as a policy of principles (1)', async () => {
    const d = await doc('answers.md', `# Answers\n\n## 3. How will you use AI responsibly?\n\nThe assistant never gives medical advice to a visitor.\nThe assistant always says that it is a machine.\nVisitor photos are never kept after the answer is sent.\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [d]).score).toBe(1);
  });

  it('reads conditions for going live as a deployment gate, not a briefing before it goes live', async () => {
    const gate = await doc('policy.md', `# Policy\n\n## Conditions for going live\n\nThe router must pick the right depot for at least 95% of 300 past orders, checked by the dispatch lead.\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [gate]).signals.deployment_gates).toBeGreaterThan(0);
    const briefing = await doc('policy.md', `# Policy\n\nDrivers get a 10 minute briefing before it goes live on their route.\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [briefing]).signals.deployment_gates).toBe(0);
  });

  it('reads "on any safety incident the app goes back to advice-only mode" as a concrete rollback', async () => {
    const d = await doc('policy.md', `# Policy\n\n## 5. Rollback\n\nIf wrong answers rise, or on any safety incident, the app goes back to advice-only mode (no suggestions).\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [d]).signals.rollback).toBe(2);
  });

  it('scores a policy promised for later ("I\'ll send the one-pager on Friday. It will cover privacy and fairness.") as absent', async () => {
    const d = await doc('email.md', `# Email\n\n## Responsible AI policy\n\nI ran out of time on this part, apologies to the panel - I'll send the one-pager on Friday. It will cover the usual points for a tool like this: privacy, fairness and being open with customers.\n`);
    expect(runGrader(gradePolicyCoverage, 'policy_coverage', [d]).score).toBe(0);
  });
});
