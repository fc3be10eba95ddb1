import { Hono } from 'hono';
import type { ServiceDeps } from '../routes/deps.js';
import { registerAssignmentPages } from './assignments.js';
import { candidateScript } from './assets/candidate-script.js';
import { reviewScript, staffScript } from './assets/review-script.js';
import { styles } from './assets/styles.js';
import { registerCandidateForms } from './candidate-forms.js';
import { pageErrorHandler } from './respond.js';
import { registerReviewPages } from './review.js';
import { staffHeader, type PageEnv } from './session.js';
import { registerSignIn } from './sign-in.js';

const assets: Record<string, { type: string; body: string }> = {
  '/assets/gradesheet.css': { type: 'text/css; charset=utf-8', body: styles },
  '/assets/candidate.js': { type: 'text/javascript; charset=utf-8', body: candidateScript },
  '/assets/review.js': { type: 'text/javascript; charset=utf-8', body: reviewScript },
  '/assets/staff.js': { type: 'text/javascript; charset=utf-8', body: staffScript },
};

/**
 * The pages people use, server-rendered with hono/jsx: sign-in, the reviewer's queue and sheet,
 * the hiring manager's assignments, and the candidate's form path (the candidate page itself is
 * `GET /s/<token>` in routes/candidate-link.ts). Middleware is attached per route, never with
 * `use('*')`, so nothing here touches the API's requests.
 *
 * @example
 * app.route('/', createPages(deps));
 */
export function createPages(deps: ServiceDeps): Hono<PageEnv> {
  const app = new Hono<PageEnv>();
  app.onError(pageErrorHandler<PageEnv>({ htmlOnly: true, staff: (c) => (c.get('session') ? staffHeader(c) : undefined) }));
  for (const [path, asset] of Object.entries(assets)) {
    app.get(path, (c) => c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' }));
  }
  // Browsers ask for it on every page; no icon, and no JSON 404 either.
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'cache-control': 'public, max-age=86400' }));
  registerSignIn(app, deps);
  registerReviewPages(app, deps);
  registerAssignmentPages(app, deps);
  registerCandidateForms(app, deps);
  return app;
}
