import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asPattern, eventually, isFocused, launchChromium, newWatchedContext, screenshot, signIn, startStage, textOf, type Stage } from './helpers/browser.js';
import { fixture, submissionsDir, upload } from './helpers/service.js';

/**
 * The three journeys of issue 6, end to end in Debian's chromium against a real server on
 * loopback: a candidate uploads three files in three formats and submits; a reviewer follows an
 * evidence link, overrides one item with a reason and confirms; a hiring manager creates an
 * assignment and a link and downloads the CSV.
 */

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const claims = (name: string) => join(submissionsDir, '02-claims-triage-strong', name);

describe('browser journeys', () => {
  let stage: Stage;
  let browser: Browser;
  let context: BrowserContext;
  let problems: string[];
  // Shared by the reviewer's and the hiring manager's journeys.
  let reviewed: { assignmentId: string; submissionId: string };

  beforeAll(async () => {
    stage = await startStage('browser-journeys');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stage?.stop();
  });

  async function freshPage(): Promise<Page> {
    await context?.close();
    ({ context, problems } = await newWatchedContext(browser));
    return context.newPage();
  }

  it('a candidate uploads three files in three formats (pick, drop, replace, remove) and submits', async () => {
    const { token, submissionId } = await stage.invite({ name: 'Ada Lovelace', email: 'ada@example.com' });
    const page = await freshPage();
    await page.goto(`${stage.base}/s/${token}`);
    await eventually(() => textOf(page.getByRole('heading', { level: 1 }))).toMatch(asPattern('AI product lead take-home'));
    await eventually(() => textOf(page.locator('#time-remaining'))).toMatch(asPattern(/\d+ h|\d+ min/));
    expect(await page.locator('.deliverables li').count()).toBe(3);
    // No-JS controls are replaced: uploads start as soon as files are chosen.
    await eventually(() => page.locator('#upload-actions').isHidden()).toBe(true);
    await screenshot(page, 'candidate-1-brief');

    // Record each progress bar the page shows while a file uploads.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenProgress: string[] }).seenProgress = seen;
      new MutationObserver((records) => {
        for (const r of records) for (const n of Array.from(r.addedNodes)) if (n instanceof HTMLElement && n.querySelector('progress')) seen.push(n.getAttribute('data-file-name') ?? '');
      }).observe(document.getElementById('files')!, { childList: true, subtree: true });
    });

    // A wrong roadmap first, replaced below; a file that cannot be read shows what to do.
    await page.setInputFiles('#file-roadmap', join(submissionsDir, '03-sales-email-mediocre', 'roadmap.md'));
    await eventually(() => textOf(page.locator('#list-roadmap li.file.uploaded'))).toMatch(asPattern('roadmap.md:'));
    await page.setInputFiles('#file-policy', claims('Responsible AI policy.pdf'));
    await page.setInputFiles('#file-cost', { name: 'Year1 cost.pptx', mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', buffer: readFileSync(claims('cost-slide.pptx')) });
    const cost = page.locator('#list-cost li.file.uploaded');
    await eventually(() => textOf(cost)).toMatch(asPattern(/Year1 cost\.pptx: 1 slide, .*read/));
    await eventually(() => textOf(page.locator('#list-policy li.file.uploaded'))).toMatch(asPattern(/Responsible AI policy\.pdf: \d+ pages? .*read|Responsible AI policy\.pdf: \d+ page/));

    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await page.setInputFiles('#file-cost', { name: 'budget.pptx', mimeType: 'image/png', buffer: png });
    const failed = page.locator('li.file.failed');
    await eventually(() => textOf(failed)).toMatch(asPattern('budget.pptx'));
    await eventually(() => textOf(failed.getByRole('alert'))).toMatch(asPattern(/budget\.pptx/));
    await failed.scrollIntoViewIfNeeded();
    await screenshot(page, 'candidate-2-error');
    await failed.getByRole('button', { name: /Dismiss/ }).click();
    await eventually(() => failed.count()).toBe(0);

    // Drag and drop a stray file onto the cost area, then remove it.
    const stray = readFileSync(join(submissionsDir, '01-support-copilot-strong', 'roadmap.md')).toString('base64');
    const dataTransfer = await page.evaluateHandle(({ b64 }) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'notes.md', { type: 'text/markdown' }));
      return dt;
    }, { b64: stray });
    await page.locator('#area-cost').dispatchEvent('dragenter', { dataTransfer });
    await page.locator('#area-cost').dispatchEvent('drop', { dataTransfer });
    const notes = page.locator('li.file.uploaded[data-file-name="notes.md"]');
    await eventually(() => textOf(notes)).toMatch(asPattern('notes.md:'));
    // It was read as a roadmap, so it is listed there, with a word about it.
    await eventually(() => textOf(page.locator('#list-roadmap'))).toMatch(asPattern('notes.md'));
    await notes.getByRole('button', { name: 'Remove notes.md' }).click();
    await eventually(() => notes.count()).toBe(0);

    // Replace the wrong roadmap with the right one (another name: the old file is removed).
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Replace roadmap.md' }).click();
    await (await chooser).setFiles(claims('Claims AI Roadmap.docx'));
    await eventually(() => page.locator('#list-roadmap li.file.uploaded').count()).toBe(1);
    await eventually(() => textOf(page.locator('#list-roadmap'))).toMatch(asPattern('Claims AI Roadmap.docx:'));
    await eventually(() => textOf(page.locator('#list-roadmap'))).not.toMatch(asPattern('roadmap.md'));
    expect(await page.evaluate(() => (window as unknown as { seenProgress: string[] }).seenProgress)).toEqual(expect.arrayContaining(['roadmap.md', 'Year1 cost.pptx', 'Claims AI Roadmap.docx']));
    await screenshot(page, 'candidate-3-files');

    const listed = await stage.api.manager.get(`/api/v1/submissions/${submissionId}`);
    expect(listed.body.status).toBe('open');
    await page.getByRole('link', { name: 'Review and submit' }).click();
    await eventually(() => textOf(page.getByRole('heading', { level: 1 }))).toMatch(asPattern('Check and submit'));
    await eventually(() => page.locator('.check-list li').count()).toBe(3);
    await screenshot(page, 'candidate-4-confirm');
    await page.getByRole('button', { name: 'Submit my files' }).click();
    await page.getByRole('heading', { name: 'Receipt' }).waitFor({ state: 'visible' });
    const rows = page.locator('.receipt tbody tr');
    await eventually(() => rows.count()).toBe(3);
    const expected = [
      { name: 'Claims AI Roadmap.docx', bytes: readFileSync(claims('Claims AI Roadmap.docx')) },
      { name: 'Responsible AI policy.pdf', bytes: readFileSync(claims('Responsible AI policy.pdf')) },
      { name: 'Year1 cost.pptx', bytes: readFileSync(claims('cost-slide.pptx')) },
    ];
    for (const f of expected) {
      const row = rows.filter({ hasText: f.name });
      await eventually(() => textOf(row.locator('code.hash'))).toMatch(asPattern(sha256(f.bytes)));
    }
    await screenshot(page, 'candidate-5-receipt');
    const receipt = await stage.api.reviewer.get(`/api/v1/submissions/${submissionId}`);
    expect(['grading', 'prefilled']).toContain(receipt.body.status);
    expect(problems).toEqual([]);
  });

  it('a reviewer filters the queue, follows an evidence link, overrides one item with a reason, keeps one by keyboard and confirms', async () => {
    const invite = await stage.invite({ name: 'Grace Hopper', email: 'grace@example.com' }, 'Support copilot take-home');
    const files = ['roadmap.md', 'RAI_Policy_v2.docx', 'Year1_Cost_Model.pptx'].map((f) => fixture('01-support-copilot-strong', f));
    expect((await upload(stage.base, invite.token, files)).status).toBe(201);
    expect((await stage.api.manager.post(`/s/${invite.token}/submit`)).status).toBe(200);
    const suggested = await stage.waitForSheet(invite.submissionId);
    reviewed = { assignmentId: invite.assignmentId, submissionId: invite.submissionId };

    const page = await freshPage();
    await signIn(page, stage.base, stage.keys.reviewer.key);
    await eventually(() => page.url()).toMatch(/\/review$/);
    await page.getByLabel('Assignment').selectOption({ label: 'Support copilot take-home' });
    await page.getByLabel('Status').selectOption('prefilled');
    await page.getByRole('button', { name: 'Show' }).click();
    const queueRows = page.locator('table.queue tbody tr');
    await eventually(() => queueRows.count()).toBe(1);
    // Blind review: the reviewer sees the anonymous id, never the name.
    await eventually(() => textOf(queueRows)).toMatch(asPattern(invite.anonId));
    await eventually(() => textOf(page.locator('main'))).not.toMatch(asPattern('Grace Hopper'));
    await screenshot(page, 'reviewer-1-queue');
    await queueRows.getByRole('link').click();

    await eventually(() => textOf(page.getByRole('heading', { level: 1 }))).toMatch(asPattern(invite.anonId));
    const kpis = page.locator('#item-kpis');
    await eventually(() => textOf(kpis.locator('.suggestion'))).toMatch(asPattern(`Suggested ${suggested.items.kpis.suggested} / 3`));
    await eventually(() => textOf(kpis.locator('.suggestion'))).toMatch(asPattern('proposed by a rule grader'));
    await eventually(() => textOf(kpis.locator('.suggestion'))).toMatch(asPattern('confidence'));
    await eventually(() => textOf(kpis.locator('.rationale'))).toMatch(asPattern(suggested.items.kpis.rationale));
    await screenshot(page, 'reviewer-2-sheet');

    // The evidence link jumps to its passage in the document pane and highlights it.
    const quote: string = suggested.items.kpis.evidence[0].quote;
    const link = kpis.locator('a.evidence-link').first();
    const target = await link.getAttribute('data-target');
    // As a keyboard user: focus the link and press Enter.
    await link.focus();
    await page.keyboard.press('Enter');
    const markEl = page.locator(`mark#${target}`);
    await eventually(() => markEl.getAttribute('class')).toMatch(/current/);
    await eventually(() => textOf(markEl)).toMatch(asPattern(quote));
    const pane = (await page.locator('.doc-pane').boundingBox())!;
    const box = (await markEl.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(pane.y);
    expect(box.y + Math.min(box.height, 40)).toBeLessThanOrEqual(pane.y + pane.height);
    await eventually(() => page.url()).toMatch(new RegExp(`#${target}$`));
    await screenshot(page, 'reviewer-3-evidence');

    // Override: a score that differs needs a reason (the browser asks first, the server insists).
    const before: number = suggested.items.kpis.suggested;
    const override = before === 3 ? 2 : before + 1;
    await kpis.locator(`input[name=score][value="${override}"]`).check();
    await kpis.getByRole('button', { name: 'Save score' }).click();
    await eventually(() => kpis.locator('textarea').evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    await kpis.getByLabel(/Reason/).fill('KPIs are tied to milestones in the quarterly table; the grader missed the link.');
    await kpis.getByRole('button', { name: 'Save score' }).click();
    await eventually(() => page.url()).toMatch(/#item-governance$/);
    await eventually(() => textOf(page.locator('#item-kpis .human'))).toMatch(asPattern(`Overridden: ${override} / 3`));
    await eventually(() => textOf(page.locator('#item-kpis .human'))).toMatch(asPattern('grader missed the link'));

    // The keyboard path: the next item is current; "a" keeps its suggestion, "d" goes to the decision.
    await eventually(() => page.locator('#item-governance').getAttribute('class')).toMatch(/current/);
    await page.keyboard.press('a');
    await eventually(() => page.url()).toMatch(/#item-cost$/);
    await eventually(() => textOf(page.locator('#item-governance .human'))).toMatch(asPattern(`Confirmed: ${suggested.items.governance.suggested} / 3`));
    await page.keyboard.press('?');
    await eventually(() => page.locator('#shortcuts').getAttribute('open')).toBe('');
    await page.keyboard.press('?');
    await page.keyboard.press('d');
    await eventually(() => isFocused(page.locator('#decision'))).toBe(true);
    await screenshot(page, 'reviewer-4-decision');
    await page.getByRole('button', { name: 'Confirm the sheet' }).click();
    await eventually(() => textOf(page.locator('#decision .notice-ok'))).toMatch(asPattern('Confirmed'));
    await eventually(() => textOf(page.locator('.sheet-head .status'))).toMatch(asPattern('Confirmed'));
    const audit = page.locator('table.audit');
    await eventually(() => textOf(audit)).toMatch(asPattern('sheet.field_set'));
    await eventually(() => textOf(audit)).toMatch(asPattern('grader missed the link'));
    await eventually(() => textOf(audit)).toMatch(asPattern('sheet.confirmed'));
    await screenshot(page, 'reviewer-5-confirmed');
    await page.locator('#audit').scrollIntoViewIfNeeded();
    await screenshot(page, 'reviewer-6-audit');

    const after = await stage.api.reviewer.get(`/api/v1/submissions/${invite.submissionId}/sheet`);
    expect(after.body.status).toBe('confirmed');
    expect(after.body.items.kpis.human).toMatchObject({ value: override, reason: expect.stringContaining('grader missed the link'), set_by: stage.keys.reviewer.id });
    expect(after.body.items.governance.human.value).toBe(suggested.items.governance.suggested);
    expect(after.body.review.fields_changed).toBe(1);
    expect(problems).toEqual([]);
  });

  it('a hiring manager creates an assignment and a link (shown once), sees the summary and downloads the CSV', async () => {
    const page = await freshPage();
    await signIn(page, stage.base, stage.keys.manager.key);
    await eventually(() => page.url()).toMatch(/\/assignments$/);
    await page.getByLabel('Title').fill('Platform AI PM take-home');
    await page.getByLabel(/^Role/).fill('Senior PM, AI platform');
    await page.getByLabel('Time box in hours').fill('6');
    await page.getByLabel(/Deadline, UTC/).fill('2030-03-01T17:00');
    await screenshot(page, 'manager-1-assignments');
    await page.getByRole('button', { name: 'Create assignment' }).click();
    await eventually(() => textOf(page.getByRole('heading', { level: 1 }))).toMatch(asPattern('Platform AI PM take-home'));
    await eventually(() => textOf(page.locator('.meta'))).toMatch(asPattern('time box 6 h'));
    await eventually(() => textOf(page.locator('.meta'))).toMatch(asPattern('Fri, 1 Mar 2030, 17:00 UTC'));

    await page.getByLabel('Candidate’s name').fill('Katherine Johnson');
    await page.getByLabel('Candidate’s email').fill('katherine@example.com');
    await page.getByRole('button', { name: 'Create link' }).click();
    const url = await page.locator('#link-url').inputValue();
    expect(url).toMatch(new RegExp(`^${stage.base}/s/[A-Za-z0-9_-]{43}$`));
    await eventually(() => isFocused(page.locator('#link-url'))).toBe(true);
    await page.getByRole('button', { name: 'Copy' }).click();
    await eventually(() => textOf(page.locator('.copy-status'))).toMatch(asPattern(/Copied|Selected/));
    await eventually(() => textOf(page.locator('table.summary'))).toMatch(asPattern('Katherine Johnson'));
    await screenshot(page, 'manager-2-link');
    const opened = await fetch(url, { headers: { accept: 'application/json' } });
    expect(opened.status).toBe(200);
    // Shown once: the page does not show it again.
    await page.goto(page.url());
    await eventually(() => page.locator('#link-url').count()).toBe(0);

    // The summary of the reviewed assignment: pillars and the reviewer's decision.
    await page.goto(`${stage.base}/assignments/${reviewed.assignmentId}`);
    const summary = (await stage.api.manager.get(`/api/v1/assignments/${reviewed.assignmentId}/summary`)).body.items[0];
    const row = page.locator('table.summary tbody tr').filter({ hasText: 'Grace Hopper' });
    await eventually(() => textOf(row)).toMatch(asPattern('Confirmed'));
    await eventually(() => textOf(row)).toMatch(asPattern(summary.decision === 'advance' ? 'Advance' : 'Do not advance'));
    for (const v of Object.values(summary.pillars as Record<string, number>)) await eventually(() => textOf(row)).toMatch(asPattern(String(v)));
    await screenshot(page, 'manager-3-summary');

    const downloadStarted = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toBe(`summary-${reviewed.assignmentId}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    const fromApi = await stage.api.manager.get(`/api/v1/assignments/${reviewed.assignmentId}/summary?format=csv`);
    expect(csv).toBe(fromApi.body);
    expect(csv.split('\r\n')[0]).toContain('pillar_vision');
    expect(csv).toContain('Grace Hopper');
    expect(csv).toContain(reviewed.submissionId);
    expect(problems).toEqual([]);
  });
});
