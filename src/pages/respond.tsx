import type { Context, Env, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Child } from 'hono/jsx';
import { GradesheetError } from '../errors.js';
import { Layout, type StaffHeader } from './layout.js';

/**
 * What every page response carries. The policy allows only the app's own CSS and scripts (no
 * inline script, no inline style, no other origin), so even a missed escape could not run code.
 */
export const pageHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  // Candidate links carry their token in the path: never send it on.
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Render a page (a hono/jsx tree) with the page headers. */
export async function renderPage(c: Context, page: Child, status = 200): Promise<Response> {
  const body = '<!doctype html>' + String(await (page as Promise<string> | string));
  return c.html(body, status as 200, pageHeaders);
}

/** Does the client want a page rather than JSON (a browser navigating, or a form)? */
export function prefersHtml(c: Context): boolean {
  const accept = c.req.header('accept') ?? '';
  return accept.includes('text/html');
}

/** A page that says what went wrong and what to do; carries no user data beyond the message. */
export function errorPage(c: Context, status: number, title: string, message: string, staff?: StaffHeader): Promise<Response> {
  return renderPage(
    c,
    <Layout title={title} staff={staff}>
      <h1>{title}</h1>
      <p class="lead">{message}</p>
      <p>{staff ? <a href="/">Back to the start page</a> : 'Use your browser’s Back button to return to the page.'}</p>
    </Layout>,
    status,
  );
}

const titles: Record<number, string> = {
  400: 'That did not work',
  401: 'Please sign in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Not possible now',
  410: 'This link no longer works',
  413: 'Too large',
  415: 'Unsupported file',
  422: 'The file could not be read',
};

/**
 * Errors on pages become pages. A request that wants JSON gets the error passed on to the app's
 * JSON error handler, so the API keeps its one error shape.
 */
export function pageErrorHandler<E extends Env>(options: { htmlOnly?: boolean; staff?: (c: Context<E>) => StaffHeader | undefined } = {}): ErrorHandler<E> {
  return (err, c) => {
    if (!options.htmlOnly && !prefersHtml(c)) throw err;
    const staff = options.staff?.(c);
    if (err instanceof GradesheetError && err.status < 500) return errorPage(c, err.status, titles[err.status] ?? 'That did not work', err.message, staff);
    if (err instanceof HTTPException && err.status === 403) {
      return errorPage(c, 403, 'Request refused', 'This form was sent from another site or an old page, so it was refused. Reload the page and try again.', staff);
    }
    if (err instanceof HTTPException && err.status < 500) return errorPage(c, err.status, titles[err.status] ?? 'That did not work', err.message || 'The request could not be handled.', staff);
    throw err;
  };
}
