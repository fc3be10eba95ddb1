import type { Context, Hono, MiddlewareHandler } from 'hono';
import { GradesheetError } from '../errors.js';
import { linkView, openLinkOf, readSummaries, readUploadedFiles, receiveUploads, uploadBodyLimit } from '../routes/candidate-link.js';
import type { ServiceDeps } from '../routes/deps.js';
import { deleteFile, listFiles } from '../store/files.js';
import { submitSubmission } from '../store/submissions.js';
import { candidatePage, confirmPage } from './candidate-page.js';
import { renderPage } from './respond.js';
import type { PageEnv } from './session.js';

/**
 * The candidate's forms from a browser must come from the page itself. The link token in the
 * path is the credential (a forged form would need it), and a browser sending a form from
 * another site says so: in Sec-Fetch-Site, or in Origin where Sec-Fetch-Site is not sent (the
 * page's no-referrer policy makes Origin "null" on its own forms). Such a form is refused.
 */
function fromThisSite(deps: ServiceDeps): MiddlewareHandler {
  const publicOrigin = deps.config.publicUrl ? new URL(deps.config.publicUrl).origin : undefined;
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const own = new URL(c.req.url).origin;
    const crossSite = site ? site !== 'same-origin' && site !== 'none' : origin !== undefined && origin !== 'null' && origin !== own && origin !== publicOrigin;
    if (crossSite) throw new GradesheetError('forbidden', 'This form was sent from another site, so it was refused. Open your submission link and try again there.');
    await next();
  };
}

/**
 * The form path of the candidate page, for browsers without JavaScript (and the confirmation
 * step for everyone): each POST does what the JSON route does, through the same functions, then
 * redirects (303) back to the page.
 */
export function registerCandidateForms(app: Hono<PageEnv>, deps: ServiceDeps): void {
  const guard = fromThisSite(deps);
  const maxFiles = deps.config.maxFilesPerSubmission;
  const token = (c: Context) => c.req.param('token') ?? '';

  async function pageWithError(c: Context, error: GradesheetError): Promise<Response> {
    const link = await openLinkOf(deps, token(c));
    const view = linkView(link, await listFiles(deps.db, link.submission.id), deps.now(), maxFiles);
    return renderPage(c, candidatePage({ view, token: token(c), summaries: await readSummaries(deps, link.submission.id), error: error.message }), error.status);
  }

  app.get('/s/:token/review', async (c) => {
    const link = await openLinkOf(deps, token(c));
    if (link.submission.status !== 'open') return c.redirect(`/s/${token(c)}`, 303);
    const view = linkView(link, await listFiles(deps.db, link.submission.id), deps.now(), maxFiles);
    return renderPage(c, confirmPage({ view, token: token(c), summaries: await readSummaries(deps, link.submission.id) }));
  });

  app.post('/s/:token/upload', guard, uploadBodyLimit(deps), async (c) => {
    const link = await openLinkOf(deps, token(c));
    if (link.submission.status !== 'open') return c.redirect(`/s/${token(c)}`, 303);
    try {
      const stored = await receiveUploads(deps, link, await readUploadedFiles(c));
      return c.redirect(`/s/${token(c)}?added=${stored.map((f) => f.id).join(',')}#files`, 303);
    } catch (e) {
      if (e instanceof GradesheetError && e.status < 500 && e.code !== 'gone') return pageWithError(c, e);
      throw e;
    }
  });

  app.post('/s/:token/remove/:file_id', guard, async (c) => {
    const link = await openLinkOf(deps, token(c));
    if (link.submission.status !== 'open') return c.redirect(`/s/${token(c)}`, 303);
    try {
      await deleteFile(deps.db, deps.blobs, link.submission, c.req.param('file_id'), deps.now());
    } catch (e) {
      // Removed already (a second click): the page shows the files as they are.
      if (!(e instanceof GradesheetError && e.code === 'not_found')) throw e;
    }
    return c.redirect(`/s/${token(c)}?removed=1#files`, 303);
  });

  app.post('/s/:token/finish', guard, async (c) => {
    const link = await openLinkOf(deps, token(c));
    try {
      const { queued } = await submitSubmission(deps.db, link.submission, link.assignment, deps.now());
      if (queued) deps.onJobQueued?.();
    } catch (e) {
      if (!(e instanceof GradesheetError && e.code === 'invalid_request')) throw e;
      const view = linkView(link, await listFiles(deps.db, link.submission.id), deps.now(), maxFiles);
      return renderPage(c, confirmPage({ view, token: token(c), summaries: await readSummaries(deps, link.submission.id), error: e.message }), 400);
    }
    return c.redirect(`/s/${token(c)}#receipt-heading`, 303);
  });
}
