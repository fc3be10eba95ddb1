import { describe, expect, it } from 'vitest';
import { doc, runGrader } from '../test/helpers/docs.js';
import { gradeStakeholders } from './stakeholders.js';

describe('stakeholders grader', () => {
  it('reads academic bodies and Indian "cells" as roles that approve gates', async () => {
    const d = await doc('policy.md', `# Policy\n\nThe Dean approves the pilot only after the Equal Opportunity Cell has reviewed sample summaries.\n\nBefore the full launch, the Senate Academic Committee approves the extension.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).score).toBeGreaterThanOrEqual(2);
  });

  it('reads "every month X, Y and the DPO meet in the model review" as a forum with the approvers, sample or not', async () => {
    const d = await doc('policy.md', `# Policy\n\nThe Chief Arborist signs Gate A and Gate B. The Data Protection Officer signs the DPIA before Gate B.\n\nEvery month the Chief Arborist, the product lead, the data protection officer and the supplier meet in the model review to go through the figures and a sample of 40 disagreements.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).signals.cadences_with_approvers).toBe(1);
  });

  it('does not count approving each message as a sign-off on a gate, and knows a chief judge or a shift supervisor as a role', async () => {
    const perMessage = await doc('policy.md', `# Policy\n\nPilot: the control room supervisor approves each message before it goes out.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [perMessage]).signals.roles_signing_off).toBe(0);
    const perTransfer = await doc('policy.md', `# Policy\n\nThe forecast is a suggestion only; the area manager takes the final call on every transfer.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [perTransfer]).signals.roles_signing_off).toBe(0);
    const perRelease = await doc('policy.md', `# Policy\n\nThe CTO approves every release that changes the model or the prompts.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [perRelease]).signals.roles_signing_off).toBe(1);
    const court = await doc('policy.md', `# Policy\n\nThe chief judge approves the pilot gate. The shift supervisor signs off the go-live.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [court]).signals.roles_signing_off).toBe(2);
  });

  it('reads a review held with named roles, or with its attendees in brackets, as a forum even when it also looks at samples', async () => {
    for (const line of ['Reviews: a monthly "Kiln review" with the Head of Production, the safety officer and me (dashboard, samples, incidents).', 'Monthly: the kiln review (Head of Production, safety officer, two firers, product owner) goes through the dashboard and the sample.']) {
      const d = await doc('policy.md', `# Policy\n\nThe Head of Production approves Gate 1 and Gate 2.\n\n${line}\n`);
      expect(runGrader(gradeStakeholders, 'stakeholders', [d]).signals.cadences_with_approvers, line).toBe(1);
    }
  });

  it('reads roles who must be comfortable before a site switches to using it, and deciding when a new version goes out, as sign-off on gates', async () => {
    const d = await doc('policy.md', `# Policy\n\nOnly when the site manager and our agronomist are comfortable with the advice, the site switches to using it. Together with our IT partner we decide when a new version goes out.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).signals.sign_off_on_gates).toBeGreaterThanOrEqual(1);
  });

  it('reads a meeting that lists approvers by first name as a forum with the approvers, and "says go or no-go at each gate" as a sign-off', async () => {
    const d = await doc('policy.md', `# Policy\n\nAna Costa, Head of Kitchens approves Gate 1 and Gate 2.\n\nRavi Shah (CTO) says go or no-go on the security review before Gate 1.\n\n## Rhythm\n\nThe dashboard is refreshed every night.\n\nKitchen staff get a short note each week.\n\nMonthly AI meeting (first Monday): Ana, Ravi, our finance lead.\n`);
    const r = runGrader(gradeStakeholders, 'stakeholders', [d]);
    expect(r.signals.roles_signing_off).toBeGreaterThanOrEqual(2);
    expect(r.signals.cadences_with_approvers).toBe(1);
    expect(r.score).toBe(3);
    const accented = await doc('policy.md', `# Policy\n\nJosé Núñez, Head of Kitchens approves Gate 1 and Gate 2. Ravi Shah (CTO) signs off the security review before Gate 1.\n\n## Rhythm\n\nThe dashboard is refreshed every night.\n\nKitchen staff get a short note each week.\n\nMonthly AI meeting (first Monday): José, our finance lead.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [accented]).signals.cadences_with_approvers).toBe(1);
  });

  it('reads "Monthly steering: head of distribution (chair), …" as a review forum with the approver in it', async () => {
    const d = await doc('roadmap.md', `# Roadmap\n\nHead of Distribution: approves every gate (M1, M2, M3).\n\nPrivacy officer: signs off before M2.\n\nMonthly steering: head of distribution (chair), me, security lead. Reviews the targets.\n`);
    const r = runGrader(gradeStakeholders, 'stakeholders', [d]);
    expect(r.signals.cadences_with_approvers).toBe(1);
    expect(r.score).toBe(3);
  });

  it('gives 1 to a board that only gets an update, with nobody signing off a gate', async () => {
    const d = await doc('policy.md', `# Policy\n\nThe Head of Member Services (me) owns the assistant. The co-op board gets a quarterly update.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).score).toBe(1);
  });

  it('reads decision-rights rows and a monthly steering committee with the approvers as a full sign-off plan', async () => {
    const d = await doc('policy.md', `# Policy\n\n| Step | People |\n|---|---|\n| Pilot go-live (agents, Q1) | Head of Customer Operations |\n| In-app go-live (Q2) | Head of Customer Operations + Legal + IT Security |\n\nMonthly Reroute steering committee: Head of Customer Operations, Head of Digital, Legal, IT Security.\n`);
    const r = runGrader(gradeStakeholders, 'stakeholders', [d]);
    expect(r.signals.roles_signing_off).toBeGreaterThanOrEqual(2);
    expect(r.score).toBe(3);
  });

  it('gives 3 to named roles signing off on gates with a review cadence', async () => {
    const d = await doc(
      'policy.md',
      `# Policy\n\n## Sign-off\n\n- The VP Product and the Data Protection Officer sign off every launch gate.\n- Security approves each model change before release.\n\n## Reviews\n\nA monthly model review chaired by the VP Product, with Security and the DPO.\n`,
    );
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).score).toBe(3);
  });

  it('counts a monthly steering group that holds the approvers as the review forum', async () => {
    const d = await doc(
      'policy.md',
      `# Who decides?\n\nThe Medical Director approves each gate and any new message type. The Data Protection Officer approves the DPIA before Gate 1.\n\n# How do we know it is still working?\n\nThe monthly Donor Experience steering group (Medical Director, donor relations manager, DPO and the product lead) reviews all four.\n`,
    );
    const r = runGrader(gradeStakeholders, 'stakeholders', [d]);
    expect(r.signals.review_cadences).toBeGreaterThan(0);
    expect(r.score).toBe(3);
  });

  it('holds a review cadence without the approvers at 2, and does not count sampling outputs as a review', async () => {
    const d = await doc(
      'policy.md',
      `# Policy\n\n- The VP Product and Legal sign off the launch gate.\n- Weekly review of 200 sampled answers by the support team.\n- The support team meets monthly to discuss tone.\n`,
    );
    const r = runGrader(gradeStakeholders, 'stakeholders', [d]);
    expect(r.score).toBe(2);
    expect(r.signals.cadences_with_approvers).toBe(0);
  });

  it('gives 2 to sign-off without a cadence', async () => {
    const d = await doc('policy.md', `# Policy\n\nThe Head of Legal must approve the launch.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).score).toBe(2);
  });

  it('gives 1 to vague stakeholders', async () => {
    const d = await doc('policy.md', `# Policy\n\nWe will keep stakeholders informed as we go.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).score).toBe(1);
  });

  it('holds a weekly review run by the owner alone at 1: a cadence needs approvers to count', async () => {
    const d = await doc('roadmap.md', `# Who\n\n- Me: owner, roadmap, weekly review\n- Dana (CS lead): keeps me posted on tickets\n`);
    const r = runGrader(gradeStakeholders, 'stakeholders', [d]);
    expect(r.signals.cadences_with_approvers).toBe(0);
    expect(r.score).toBe(1);
  });

  it('does not count a sign-off put off past launch, and reads "Go-live for M1: <role>" as one', async () => {
    const later = await doc('policy.md', `# Policy\n\nOwner: Head of Procurement.\n\nFormal sign-offs from Quality and Legal we'll line up once the pilot buyers are happy with it.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [later]).score).toBe(1);
    const decider = await doc('policy.md', `# Policy\n\nGo-live for M1 (alpha) and M2 (soft launch): Head of Player Support + me.\n`);
    const r = runGrader(gradeStakeholders, 'stakeholders', [decider]);
    expect(r.signals.sign_off_on_gates).toBeGreaterThan(0);
    expect(r.score).toBe(2);
  });
  it('reads a "Head grower" or "head nurse" as a named role that signs off gates', async () => {
    const d = await doc('policy.md', `# Who decides\n\nHead grower (Marieke de Wit) signs off every gate: M3 shadow to pilot, M4 pilot to roll-out.\n\nOperations director signs off M4 together with the head grower.\n\nWeekly: 30 minutes in the Monday crop meeting, head grower and product look at gas use and acceptance rate.\n`);
    const r = runGrader(gradeStakeholders, 'stakeholders', [d]);
    expect(r.signals.roles_signing_off).toBe(2);
    expect(r.score).toBe(3);
  });
  it('reads "(MD)" after a name as the managing director who decides', async () => {
    const d = await doc('email.txt', `RESPONSIBLE AI\n\nMichael Doyle (MD) has the final say on going to more homes.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).signals.roles_signing_off).toBe(1);
  });
  it('reads "they remain the approvers of every issued schedule" as approving each output, not a gate', async () => {
    const d = await doc('roadmap.md', `# Risks\n\nCompany managers distrust a machine-made schedule. Mitigation: they remain the approvers of every issued schedule, and the first production is run in parallel.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).signals.roles_signing_off).toBe(0);
  });

  it('reads a "Sign-off:" line right under the gate lines as signing those gates', async () => {
    const d = await doc('policy.txt', `RAI POLICY\n\nGate A (Mar): reference accuracy 90%+ on the eval set.\n\nGate B (Jun): same on 500 live shadow cards.\n\nSign-off: Quality Manager + Head of Planning + IT Security (data stays in region).\n\nMonthly performance review: Head of Planning, Quality Manager, lead engineer.\n`);
    const r = runGrader(gradeStakeholders, 'stakeholders', [d]);
    expect(r.signals.sign_off_on_gates).toBe(1);
    expect(r.score).toBe(3);
  });
  it('reads "The Dyeing Manager sign the go-live" as a named role signing a gate, not "the asking manager"', async () => {
    const d = await doc('policy.txt', `POLICY\n\nThe Dyeing Manager sign the go-live when these numbers are met for 4 weeks.\n`);
    const r = runGrader(gradeStakeholders, 'stakeholders', [d]);
    expect(r.signals.roles_signing_off).toBe(1);
    expect(r.signals.sign_off_on_gates).toBe(1);
  });

  it('reads an Indian-English "transport in-charge" as a role that approves, and "the GM" as a named budget holder', async () => {
    const d = await doc('policy.md', `# Policy\n\nEvery new timetable is approved by the depot's transport in-charge before it goes live.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).signals.roles_signing_off).toBe(1);
    const owner = await doc('roadmap.md', `# Plan\n\nOwner: me. The budget is held by the GM.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [owner]).score).toBe(1);
  });

  it('reads a "Decides:" line naming another role as a sign-off, but not one where the author decides', async () => {
    const other = await doc('policy.md', `# Policy\n\nDecides: the plant manager decides live use.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [other]).signals.roles_signing_off).toBe(1);
    const author = await doc('policy.md', `# Policy\n\nWho decides: the Product Manager (me) is responsible for the assistant.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [author]).signals.roles_signing_off).toBe(0);
  });

  it('counts a role that approves moving to the next phase even when the same passage also approves each item', async () => {
    const d = await doc('policy.md', `# Policy\n\nDecision rights: the Head of Field Services approves moving from pilot to rollout; our safety engineer signs off every new defect type before the model may propose it.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).signals.roles_signing_off).toBeGreaterThanOrEqual(1);
  });

  it('does not read a decision on each case ("decides whether the alert is sent") as a sign-off, but reads a decision on going live as one', async () => {
    const perCase = await doc('policy.md', `# Policy\n\nThe shift supervisor decides whether the alert is sent to the crews.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [perCase]).signals.roles_signing_off).toBe(0);
    const gate = await doc('policy.md', `# Policy\n\nThe regional director decides whether a district goes live after the pilot.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [gate]).signals.roles_signing_off).toBe(1);
  });

  it('reads a general secretary as a role that approves, but not a decision the author takes with a colleague', async () => {
    const secretary = await doc('policy.md', `# Policy\n\nThe federation's General Secretary approves Gate 1 and Gate 2.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [secretary]).signals.roles_signing_off).toBe(1);
    const author = await doc('policy.md', `# Policy\n\nThe core team (our CTO and me) decides when the pilot widens.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [author]).signals.roles_signing_off).toBe(0);
  });

  it('reads a station master and a solicitor as roles that approve, but not a bare "Approvals:" list that says nothing of what they approve', async () => {
    const master = await doc('policy.md', `# Policy\n\nThe Station Master decides whether the system goes live on each line.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [master]).signals.roles_signing_off).toBe(1);
    const solicitor = await doc('policy.md', `# Policy\n\nThe club's honorary solicitor approves the consent form before launch.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [solicitor]).signals.roles_signing_off).toBe(1);
    const bare = await doc('policy.md', `# Policy\n\nApprovals: city IT / city attorney\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [bare]).signals.roles_signing_off).toBe(0);
  });

  it('reads "decides go-live at M4" as a sign-off by another role, but not the author\'s own "I … decide go-live"', async () => {
    const other = await doc('roadmap.md', `# Sign-off\n\nThe operations director decides go-live at M4.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [other]).signals.roles_signing_off).toBe(1);
    const author = await doc('policy.md', `# Policy\n\nOwner. I (Ana, Head of Operations) own the tool and decide go-live for each branch.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [author]).signals.roles_signing_off).toBe(0);
  });

  it('reads a monthly quality round as a review cadence, a notary as a role signing off, and a final say over any single change as a per-case decision', async () => {
    const round = await doc('policy.md', `# Policy\n\nA monthly Translation Quality Round, chaired by the head of the language desk, looks at every complaint.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [round]).signals.review_cadences).toBeGreaterThanOrEqual(1);
    const notary = await doc('policy.md', `# Policy\n\nThe notary Elena Ruiz approves the passage from the pilot to all deeds.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [notary]).signals.roles_signing_off).toBe(1);
    const perCase = await doc('policy.md', `# Policy\n\nThe Depot Manager will have the final say on any change to a shift pattern, as today.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [perCase]).signals.roles_signing_off).toBe(0);
  });

  it('reads a chief or senior craftsman and a lead engineer who approve before a step as roles signing off, not a lead who signs each report', async () => {
    const d = await doc('policy.md', `# Policy\n\nOur chief arborist approves the tool before we use it on council contracts.\n\nOur lead engineer signs off the security review before M3.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).signals.roles_signing_off).toBe(2);
    const perReport = await doc('policy.md', `# Policy\n\nThe lead auditor edits the draft and signs it.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [perReport]).signals.roles_signing_off).toBe(0);
  });

  it('reads titles in the candidate\'s language ("maître affineur", "Geschäftsführer", "Datenschutzbeauftragte") as roles who sign off', async () => {
    for (const line of ['M6: go/no-go of the maître fromager.', 'Go-live of the pilot (end of Q1): the Geschäftsführer decides.', 'The Datenschutzbeauftragte signs the processing record before the pilot starts.']) {
      expect(runGrader(gradeStakeholders, 'stakeholders', [await doc('policy.md', `# Policy\n\n${line}\n`)]).signals.roles_signing_off).toBe(1);
    }
  });

  it('reads "each gate needs two signatures" as a sign-off, and "the DPO" in the review as the Data Protection Officer who signs', async () => {
    const d = await doc('policy.md', `# Policy\n\nEach gate needs two signatures: the Operations Director and the Head of Sales.\n\nThe Data Protection Officer signs off the privacy notice before Gate 2.\n\nOnce a month the AI review meets: the DPO, the Head of Sales and me.\n`);
    const r = runGrader(gradeStakeholders, 'stakeholders', [d]);
    expect(r.signals.cadences_with_approvers).toBeGreaterThan(0);
    // Three people sign: the Data Protection Officer is one of them, not also a "protection officer".
    expect(r.signals.roles_signing_off).toBe(3);
  });

  it('reads the president of a network, a congregation\'s bursar and a chief priest as roles who can sign off', async () => {
    for (const line of ['The president of the guild, maestro Bruno Ricci, approves the passage from Phase 1 to Phase 2.', 'Sister Bursar of the Province approves Gate 1 and every new house.', 'The chief priest approves the guide before it opens to visitors.']) {
      expect(runGrader(gradeStakeholders, 'stakeholders', [await doc('policy.md', `# Policy\n\n${line}\n`)]).signals.roles_signing_off).toBeGreaterThanOrEqual(1);
    }
  });

  it('reads a role that validates before the pilot, and a decision "taken by" a role, as sign-offs on gates', async () => {
    const d = await doc('plan.md', `# Plan\n\nThe external privacy counsel validates how client data is used before the pilot starts in May.\nThe decision to extend to all depots at the end of August is taken by the Operations Director.\n`);
    const r = runGrader(gradeStakeholders, 'stakeholders', [d]);
    expect(r.signals.sign_off_on_gates).toBeGreaterThanOrEqual(1);
    expect(r.score).toBe(2);
  });

  it('reads the author named as owner ("I own it", "Who is responsible: me.") as an owner, and the author\'s byline as no stakeholder', async () => {
    const owner = await doc('plan.md', `# Plan\n\nWho is responsible: me. If it breaks I switch it off.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [owner]).score).toBe(1);
    const byline = await doc('plan.md', `# Plan\n\nI am Ana Ruiz, founder of Rutas, applying for the AI Product Leader position.\n\nWe follow the Data Privacy Act.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [byline]).score).toBe(0);
  });

  it('reads a monthly "Qualitätsrunde" with the approvers as a review forum', async () => {
    const d = await doc('policy.md', `# Policy\n\nThe Leiter Qualität (Head of Quality) signs Gate A and Gate B.\nThe Head of Operations signs the rollout to all sites.\nEvery month there is a Qualitätsrunde with the Leiter Qualität, the Head of Operations and me.\n`);
    expect(runGrader(gradeStakeholders, 'stakeholders', [d]).score).toBe(3);
  });
});
