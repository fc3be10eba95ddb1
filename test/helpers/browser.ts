import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createKeyFromEnv } from '../../src/node/keys-command.js';
import { client, createStorage, startTestServer, waitFor, type TestStorage } from './service.js';

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Playwright adds a fresh --user-data-dir (a new temporary profile) to every launch.
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`No chromium at ${chromiumPath}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/** A laptop screen. */
export const laptop = { width: 1366, height: 768 };

/** Screenshots land in test-artifacts/ (gitignored) for people to look at. */
export const artifactsDir = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: options.fullPage ?? false });
}

/**
 * A browser context that fails the test on any page error or dialog (an `alert` from a script
 * payload would be one), and that remembers them for the assertions.
 */
export async function newWatchedContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ viewport: laptop, acceptDownloads: true, ...options });
  const problems: string[] = [];
  context.on('page', (page) => watch(page, problems));
  return { context, problems };
}

function watch(page: Page, problems: string[]): void {
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
}

/** A server on loopback with an admin, a hiring manager and a reviewer, and API clients for them. */
export async function startStage(label: string) {
  const storage: TestStorage = await createStorage('sqlite', label);
  const admin = await createKeyFromEnv(storage.env, 'admin', 'Admin');
  const manager = await createKeyFromEnv(storage.env, 'hiring_manager', 'Harriet');
  const reviewer = await createKeyFromEnv(storage.env, 'reviewer', 'Rita');
  // Parsing in this process: the browser tests are about pages, not the parse threads.
  const server = await startTestServer({ ...storage.env, PARSE_THREADS: '0' });
  const api = { admin: client(server.base, admin.key), manager: client(server.base, manager.key), reviewer: client(server.base, reviewer.key) };
  return {
    storage,
    server,
    base: server.base,
    keys: { admin, manager, reviewer },
    api,
    /** An assignment and one candidate's link, through the API. */
    async invite(candidate = { name: 'Ada Lovelace', email: 'ada@example.com' }, title = 'AI product lead take-home') {
      const a = await api.manager.post('/api/v1/assignments', { title, role: 'Head of AI Product', deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString() });
      if (a.status !== 201) throw new Error(`assignment: ${JSON.stringify(a.body)}`);
      const l = await api.manager.post(`/api/v1/assignments/${a.body.id}/links`, { candidate });
      if (l.status !== 201) throw new Error(`link: ${JSON.stringify(l.body)}`);
      return { assignmentId: a.body.id as string, submissionId: l.body.id as string, token: l.body.token as string, url: l.body.url as string, anonId: l.body.anon_id as string };
    },
    async waitForSheet(submissionId: string) {
      return waitFor('the sheet to be prefilled', async () => {
        const r = await api.reviewer.get(`/api/v1/submissions/${submissionId}/sheet`);
        return r.status === 200 && r.body.status !== 'grading' ? r.body : undefined;
      });
    },
    async stop() {
      await server.close();
      await storage.drop();
    },
  };
}

export type Stage = Awaited<ReturnType<typeof startStage>>;

/** Sign in on the sign-in page with an API key, as a person would. */
export async function signIn(page: Page, base: string, key: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/** The visible text of every element a locator matches, joined (for polling assertions). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.allInnerTexts()).join('\n');
}

/** Vitest's polling expect, with a browser-friendly timeout. */
export function eventually<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000, interval: 50 });
}

export const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** A string as a pattern that matches it literally; a RegExp as it is. */
export function asPattern(s: string | RegExp): RegExp {
  return typeof s === 'string' ? new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : s;
}
