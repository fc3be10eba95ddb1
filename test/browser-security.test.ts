import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/node/config.js';
import { openDatabase, type NodeDatabase } from '../src/node/database.js';
import { eventually, launchChromium, newWatchedContext, screenshot, signIn, startStage, textOf, type Stage } from './helpers/browser.js';
import { fixture, submissionsDir, upload } from './helpers/service.js';

/**
 * What must never go wrong on the pages: candidate text run as HTML, forms forged from another
 * site or without the session's token, sessions that outlive sign-out, and a page path that
 * needs JavaScript.
 */

const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

// Script payloads where a candidate (or whoever types a candidate's name) can put text.
const nameXss = '"><img src=x onerror="window.__xss=1;alert(1)">.txt';
const candidateXss = '<img src=x onerror="window.__xss=2;alert(2)"> Mallory';
const contentXss = [
  'ROADMAP <script>window.__xss=3;alert(3)</script>',
  '',
  'Q1 2025: launch the pilot <img src=x onerror="window.__xss=4;alert(4)"> and reach 30% ticket deflection by month 3, measured weekly.',
  '</p><script>alert(5)</script><p>',
  '"><svg onload=alert(6)>',
  '',
].join('\n');

/** Elements a payload would create if it were parsed as HTML (the pages have no images or SVG). */
const injected = () => document.querySelectorAll('main img, main svg, main iframe, main script, body > script:not([src])').length + ((window as unknown as { __xss?: number }).__xss ?? 0);

describe('pages: escaping, CSRF, sessions and the no-JavaScript path', () => {
  let stage: Stage;
  let browser: Browser;
  let database: NodeDatabase;

  beforeAll(async () => {
    stage = await startStage('browser-security');
    browser = await launchChromium();
    database = await openDatabase(loadConfig(stage.storage.env));
  });

  afterAll(async () => {
    await browser?.close();
    await database?.close();
    await stage?.stop();
  });

  it('renders script payloads in file names, file content and candidate names as text', async () => {
    const a = await stage.api.manager.post('/api/v1/assignments', { title: 'Escaping <b>check</b>', blind: false });
    const l = await stage.api.manager.post(`/api/v1/assignments/${a.body.id}/links`, { candidate: { name: candidateXss, email: 'mallory@example.com' } });
    const { context, problems } = await newWatchedContext(browser);
    const page = await context.newPage();
    await page.goto(`${stage.base}/s/${l.body.token}`);
    await eventually(() => textOf(page.locator('h1'))).toBe('Escaping <b>check</b>');
    await page.setInputFiles('#file-roadmap', { name: nameXss, mimeType: 'text/plain', buffer: Buffer.from(contentXss) });
    const row = page.locator('li.file.uploaded');
    await eventually(() => textOf(row.locator('.file-name'))).toBe(nameXss);
    await eventually(() => textOf(row.locator('.file-read'))).toContain(`${nameXss}: `);
    expect(await page.evaluate(injected)).toBe(0);
    // The same file as the server renders it.
    await page.reload();
    await eventually(() => textOf(page.locator('li.file .file-name'))).toBe(nameXss);
    expect(await page.evaluate(injected)).toBe(0);
    await screenshot(page, 'xss-1-candidate');
    await page.getByRole('link', { name: 'Review and submit' }).click();
    await eventually(() => textOf(page.locator('.check-list'))).toContain(nameXss);
    await page.getByRole('button', { name: 'Submit my files' }).click();
    await eventually(() => textOf(page.locator('.receipt td').first())).toBe(nameXss);
    expect(await page.evaluate(injected)).toBe(0);
    await stage.waitForSheet(l.body.id);

    // The reviewer's document pane shows the content, tags and all, as text.
    await context.close();
    const staff = await newWatchedContext(browser);
    const reviewer = await staff.context.newPage();
    await signIn(reviewer, stage.base, stage.keys.reviewer.key);
    await reviewer.goto(`${stage.base}/review/${l.body.id}`);
    const doc = reviewer.locator('.doc');
    await eventually(() => textOf(doc.locator('h3'))).toBe(nameXss);
    await eventually(() => textOf(doc)).toContain('ROADMAP <script>window.__xss=3;alert(3)</script>');
    await eventually(() => textOf(doc)).toContain('<img src=x onerror="window.__xss=4;alert(4)">');
    await eventually(() => textOf(doc)).toContain('</p><script>alert(5)</script><p>');
    expect(await reviewer.evaluate(injected)).toBe(0);
    await screenshot(reviewer, 'xss-2-sheet');

    // The hiring manager sees the candidate's name as typed.
    await staff.context.clearCookies();
    const manager = await staff.context.newPage();
    await reviewer.close();
    await signIn(manager, stage.base, stage.keys.manager.key);
    await manager.goto(`${stage.base}/assignments/${a.body.id}`);
    await eventually(() => textOf(manager.locator('table.summary tbody td').first())).toBe(candidateXss);
    expect(await manager.evaluate(injected)).toBe(0);
    await screenshot(manager, 'xss-3-summary');
    expect([...problems, ...staff.problems]).toEqual([]);
    await staff.context.close();
  });

  it('works without JavaScript: plain forms upload (303 back to the page), remove, confirm and submit', async () => {
    const { token, submissionId } = await stage.invite({ name: 'Noor NoScript', email: 'noor@example.com' });
    const { context, problems } = await newWatchedContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stage.base}/s/${token}`);
    // Without the script the upload button shows and nothing starts by itself.
    await page.getByRole('button', { name: 'Upload the chosen files' }).waitFor({ state: 'visible' });
    const dir = join(submissionsDir, '01-support-copilot-strong');
    await page.setInputFiles('#file-roadmap', join(dir, 'roadmap.md'));
    await page.setInputFiles('#file-policy', join(dir, 'RAI_Policy_v2.docx'));
    await page.setInputFiles('#file-cost', [join(dir, 'Year1_Cost_Model.pptx'), join(submissionsDir, '02-claims-triage-strong', 'Responsible AI policy.pdf')]);
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/upload'));
    await page.getByRole('button', { name: 'Upload the chosen files' }).click();
    const response = await uploaded;
    expect(response.status()).toBe(303);
    expect(response.headers()['location']).toMatch(new RegExp(`^/s/${token}\\?added=`));
    const result = page.locator('#upload-result');
    await eventually(() => textOf(result)).toMatch(/roadmap\.md: \d+ sections?\b.*read/);
    await eventually(() => textOf(result)).toMatch(/Year1_Cost_Model\.pptx: \d+ slides?, .*read/);
    await eventually(() => textOf(page.locator('li.file'))).toContain('Responsible AI policy.pdf');
    await screenshot(page, 'nojs-1-uploaded');

    // An unreadable file: the page says which and what to do, and keeps the others.
    await page.setInputFiles('#file-cost', { name: 'cost.pptx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a deck') });
    await page.getByRole('button', { name: 'Upload the chosen files' }).click();
    await eventually(() => textOf(page.locator('#upload-error'))).toContain('cost.pptx');
    expect((await page.request.get(`${stage.base}/s/${token}`, { headers: { accept: 'application/json' } }).then((r) => r.json())).files).toHaveLength(4);
    await screenshot(page, 'nojs-2-error');

    await page.goto(`${stage.base}/s/${token}`);
    await page.getByRole('button', { name: 'Remove Responsible AI policy.pdf' }).click();
    await eventually(() => page.url()).toContain('removed=1');
    await eventually(() => page.locator('li.file').count()).toBe(3);
    await page.getByRole('link', { name: 'Review and submit' }).click();
    await eventually(() => page.locator('.check-list li').count()).toBe(3);
    await page.getByRole('button', { name: 'Submit my files' }).click();
    await page.getByRole('heading', { name: 'Receipt' }).waitFor();
    await eventually(() => page.locator('.receipt tbody tr').count()).toBe(3);
    const md = fixture('01-support-copilot-strong', 'roadmap.md');
    await eventually(() => textOf(page.locator('.receipt tbody tr').filter({ hasText: 'roadmap.md' }).locator('code'))).toBe(sha256(md.bytes));
    await screenshot(page, 'nojs-3-receipt');
    const status = await stage.api.reviewer.get(`/api/v1/submissions/${submissionId}`);
    expect(['grading', 'prefilled']).toContain(status.body.status);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs in with an API key for an HttpOnly, SameSite=Strict session stored hashed; signing out ends it', async () => {
    const { context, problems } = await newWatchedContext(browser);
    const page = await context.newPage();
    // A page behind the sign-in sends you there and back.
    await page.goto(`${stage.base}/review?status=prefilled`);
    await eventually(() => page.url()).toContain('/sign-in?next=%2Freview%3Fstatus%3Dprefilled');
    await screenshot(page, 'session-1-sign-in');
    await page.getByLabel('API key').fill('gsk_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => textOf(page.getByRole('alert'))).toContain('not valid');
    expect(await page.getByLabel('API key').inputValue()).toBe('');
    await screenshot(page, 'session-2-wrong-key');
    await page.getByLabel('API key').fill(stage.keys.reviewer.key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => page.url()).toBe(`${stage.base}/review?status=prefilled`);

    const cookie = (await context.cookies()).find((c) => c.name === 'gs_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.expires).toBeGreaterThan(Date.now() / 1000 + 11 * 3600);
    expect(cookie.value).not.toContain(stage.keys.reviewer.key);
    const sessions = database.db.withTables<{ staff_sessions: { id: string; key_id: string; csrf_token: string } }>();
    const rows = await sessions.selectFrom('staff_sessions').selectAll().execute();
    expect(rows.map((r) => r.id)).toContain(sha256(cookie.value));
    expect(JSON.stringify(rows)).not.toContain(cookie.value);

    // Roles as in the API: a reviewer may not open the hiring manager's pages.
    const forbidden = await page.goto(`${stage.base}/assignments`);
    expect(forbidden!.status()).toBe(403);
    await eventually(() => textOf(page.locator('main'))).toContain('This needs the role admin or hiring_manager');

    await page.goto(`${stage.base}/review`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await eventually(() => page.url()).toContain('/sign-in?signed_out=1');
    await eventually(() => textOf(page.getByRole('status'))).toContain('You are signed out');
    expect((await context.cookies()).find((c) => c.name === 'gs_session')).toBeUndefined();
    expect(await sessions.selectFrom('staff_sessions').select('id').where('id', '=', sha256(cookie.value)).executeTakeFirst()).toBeUndefined();

    // The old cookie, replayed, opens nothing.
    const { context: replay } = await newWatchedContext(browser);
    await replay.addCookies([{ name: 'gs_session', value: cookie.value, url: stage.base }]);
    const again = await replay.newPage();
    await again.goto(`${stage.base}/review`);
    await eventually(() => again.url()).toContain('/sign-in?next=%2Freview');
    await replay.close();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses forged forms: from another origin (hono csrf), without the session token, and from a role that may not', async () => {
    const invite = await stage.invite({ name: 'Csrf Target', email: 'target@example.com' });
    expect((await upload(stage.base, invite.token, [fixture('01-support-copilot-strong', 'roadmap.md')])).status).toBe(201);
    expect((await stage.api.manager.post(`/s/${invite.token}/submit`)).status).toBe(200);
    await stage.waitForSheet(invite.submissionId);
    const auditBefore = (await stage.api.reviewer.get(`/api/v1/submissions/${invite.submissionId}/audit`)).body.items.length;

    // An attacker's page on another origin (same site: another port on 127.0.0.1, so the
    // SameSite cookie is even sent) posts a form that would confirm the sheet.
    const attacker: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><form id="f" method="post" action="${stage.base}/review/${invite.submissionId}/confirm"><input name="decision" value="advance"><input name="_csrf" value="guessed"></form><script>document.getElementById('f').submit()</script>`);
    });
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', () => r()));
    const evil = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;

    const { context } = await newWatchedContext(browser);
    const page = await context.newPage();
    await signIn(page, stage.base, stage.keys.reviewer.key);
    const refused = page.waitForResponse((r) => r.url().endsWith('/confirm'));
    await page.goto(evil);
    expect((await refused).status()).toBe(403);
    await eventually(() => textOf(page.locator('h1'))).toBe('Request refused');
    await screenshot(page, 'csrf-1-refused');
    await new Promise<void>((r) => attacker.close(() => r()));

    // Same origin but no (or a wrong) session token: refused too.
    const post = (form: Record<string, string>, origin = stage.base) => page.request.post(`${stage.base}/review/${invite.submissionId}/confirm`, { form, headers: { origin }, maxRedirects: 0 });
    expect((await post({ decision: 'advance' })).status()).toBe(403);
    expect((await post({ decision: 'advance', _csrf: 'x'.repeat(43) })).status()).toBe(403);
    // The real token from another origin: refused by the Origin check.
    await page.goto(`${stage.base}/review/${invite.submissionId}`);
    const token = await page.locator('#confirm-form input[name=_csrf]').inputValue();
    expect((await post({ decision: 'advance', _csrf: token }, evil)).status()).toBe(403);
    let sheet = (await stage.api.reviewer.get(`/api/v1/submissions/${invite.submissionId}/sheet`)).body;
    expect(sheet.status).not.toBe('confirmed');
    expect((await stage.api.reviewer.get(`/api/v1/submissions/${invite.submissionId}/audit`)).body.items.length).toBe(auditBefore);

    // A hiring manager's session, with its own valid token, may not set scores (as in the API).
    const { context: hmContext } = await newWatchedContext(browser);
    const hm = await hmContext.newPage();
    await signIn(hm, stage.base, stage.keys.manager.key);
    await hm.goto(`${stage.base}/review/${invite.submissionId}`);
    expect(await hm.locator('form.field-form').count()).toBe(0);
    const hmToken = await hm.locator('form[action="/sign-out"] input[name=_csrf]').inputValue();
    const byManager = await hm.request.post(`${stage.base}/review/${invite.submissionId}/items/kpis`, { form: { _csrf: hmToken, score: '0', reason: 'no' }, headers: { origin: stage.base }, maxRedirects: 0 });
    expect(byManager.status()).toBe(403);
    expect(await byManager.text()).toContain('This needs the role reviewer');
    await hmContext.close();

    // The candidate's forms: a cross-site form is refused; the link's own page works.
    const crossSite = await fetch(`${stage.base}/s/${invite.token}/finish`, { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: '', redirect: 'manual' });
    expect(crossSite.status).toBe(403);

    // With the token, from this origin, the same confirm goes through.
    const ok = await post({ decision: 'advance', _csrf: token, note: 'Checked by hand.' });
    expect(ok.status()).toBe(303);
    sheet = (await stage.api.reviewer.get(`/api/v1/submissions/${invite.submissionId}/sheet`)).body;
    expect(sheet.status).toBe('confirmed');
    await context.close();
  });
});
