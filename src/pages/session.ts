import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import type { StaffActor } from '../auth/authenticate.js';
import { allow } from '../auth/roles.js';
import { GradesheetError } from '../errors.js';
import type { ServiceDeps } from '../routes/deps.js';
import type { Role } from '../store/schema.js';
import { findStaffSession, SESSION_HOURS, type StaffSession } from '../store/sessions.js';
import type { StaffHeader } from './layout.js';

/** The session cookie: HttpOnly, SameSite=Strict, Secure on https. */
export const SESSION_COOKIE = 'gs_session';

export type PageEnv = { Variables: { actor: StaffActor; session: StaffSession } };

function secureCookies(c: Context, deps: ServiceDeps): boolean {
  return new URL(c.req.url).protocol === 'https:' || (deps.config.publicUrl ?? '').startsWith('https:');
}

export function setSessionCookie(c: Context, deps: ServiceDeps, secret: string): void {
  setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'Strict', secure: secureCookies(c, deps), path: '/', maxAge: SESSION_HOURS * 3600 });
}

export function clearSessionCookie(c: Context, deps: ServiceDeps): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Strict', secure: secureCookies(c, deps), path: '/' });
}

export function sessionSecret(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/**
 * Hono's CSRF middleware: a form POST must come from this origin (Origin or Sec-Fetch-Site),
 * or from PUBLIC_URL's when the service sits behind a proxy.
 */
export function sameOrigin(deps: ServiceDeps): MiddlewareHandler {
  const publicOrigin = deps.config.publicUrl ? new URL(deps.config.publicUrl).origin : undefined;
  return csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin });
}

/** Compare secrets without leaking where they differ. */
export function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Only local paths are followed after sign-in (no open redirect). */
export function localPath(next: string | undefined): string | undefined {
  return next && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : undefined;
}

/**
 * The guard of every staff page: the request's origin (hono's csrf), a live session (else the
 * sign-in page), the per-session token of every POSTed form, then the same role check as the API
 * (`allow` with the route's `access` list).
 *
 * @example app.get('/review', staffOnly(deps, access.staff), handler)
 */
export function staffOnly(deps: ServiceDeps, allowed: readonly Role[]): MiddlewareHandler<PageEnv> {
  const origin = sameOrigin(deps);
  // The API's own role check; PageEnv carries the same `actor` it reads.
  const role = allow(allowed) as unknown as MiddlewareHandler<PageEnv>;
  const session: MiddlewareHandler<PageEnv> = async (c, next) => {
    const secret = sessionSecret(c);
    const found = secret ? await findStaffSession(deps.db, secret, deps.now()) : undefined;
    if (!found) {
      if (secret) clearSessionCookie(c, deps);
      const back = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search || ''))}` : '?expired=1';
      return c.redirect(`/sign-in${back}`, 303);
    }
    c.set('session', found);
    c.set('actor', { id: found.key_id, role: found.role });
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody();
      const token = form['_csrf'];
      if (typeof token !== 'string' || !sameSecret(token, found.csrf_token)) {
        throw new GradesheetError('forbidden', 'This form is out of date or did not come from Gradesheet, so it was refused. Reload the page and try again.');
      }
    }
    return role(c, next);
  };
  return async (c, next) => {
    let res: Response | void = undefined;
    await origin(c, async () => {
      res = await session(c, next);
    });
    return res;
  };
}

/** What the layout shows of the signed-in staff member. */
export function staffHeader(c: Context<PageEnv>): StaffHeader {
  const s = c.get('session');
  return { name: s.key_name, role: s.role, csrf: s.csrf_token, path: c.req.path };
}
