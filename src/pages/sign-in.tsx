import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { GradesheetError } from '../errors.js';
import type { ServiceDeps } from '../routes/deps.js';
import { newSecret } from '../store/crypto.js';
import type { Role } from '../store/schema.js';
import { endStaffSession, findStaffSession, startStaffSession } from '../store/sessions.js';
import { Layout, Notice } from './layout.js';
import { renderPage } from './respond.js';
import { clearSessionCookie, localPath, sameOrigin, sameSecret, sessionSecret, setSessionCookie, type PageEnv } from './session.js';

// Before a session exists, the sign-in form carries a token that must match this cookie.
const SIGN_IN_COOKIE = 'gs_sign_in';

/** Where a role starts. */
export function homeFor(role: Role): string {
  return role === 'reviewer' ? '/review' : '/assignments';
}

function SignInPage(props: { token: string; next?: string | undefined; error?: string | undefined; notice?: string | undefined }) {
  return (
    <Layout title="Sign in">
      <div class="narrow">
        <h1>Sign in</h1>
        {props.error ? (
          <Notice kind="error" id="sign-in-error">
            {props.error}
          </Notice>
        ) : null}
        {props.notice ? <Notice kind="info">{props.notice}</Notice> : null}
        <p>Staff sign in with their Gradesheet API key. An admin creates keys with <code>gradesheet keys create --role reviewer</code> (or hiring_manager, admin).</p>
        <form method="post" action="/sign-in" class="stack">
          <input type="hidden" name="_csrf" value={props.token} />
          {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
          <label for="api-key">API key</label>
          <input
            id="api-key"
            name="api_key"
            type="password"
            autocomplete="off"
            spellcheck={false}
            required
            autofocus
            aria-describedby={props.error ? 'sign-in-error key-help' : 'key-help'}
            aria-invalid={props.error ? 'true' : undefined}
          />
          <p id="key-help" class="hint">
            Starts with <code>gsk_</code>. You stay signed in for 12 hours on this browser, or until you sign out.
          </p>
          <div>
            <button type="submit" class="primary">
              Sign in
            </button>
          </div>
        </form>
      </div>
    </Layout>
  );
}

function signInToken(c: Context): string {
  let token = getCookie(c, SIGN_IN_COOKIE);
  if (!token || token.length > 100) {
    token = newSecret(32);
    setCookie(c, SIGN_IN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/sign-in', maxAge: 3600, secure: new URL(c.req.url).protocol === 'https:' });
  }
  return token;
}

/** `/`, `/sign-in` and `/sign-out`: an API key is exchanged for a session cookie. */
export function registerSignIn(app: Hono<PageEnv>, deps: ServiceDeps): void {
  app.get('/', async (c) => {
    const secret = sessionSecret(c);
    const session = secret ? await findStaffSession(deps.db, secret, deps.now()) : undefined;
    return c.redirect(session ? homeFor(session.role) : '/sign-in', 303);
  });

  app.get('/sign-in', async (c) => {
    const secret = sessionSecret(c);
    const session = secret ? await findStaffSession(deps.db, secret, deps.now()) : undefined;
    const next = localPath(c.req.query('next'));
    if (session) return c.redirect(next ?? homeFor(session.role), 303);
    const notice = c.req.query('signed_out') ? 'You are signed out.' : c.req.query('expired') ? 'Your session ended. Sign in again, then repeat what you were doing.' : undefined;
    return renderPage(c, <SignInPage token={signInToken(c)} next={next} notice={notice} />);
  });

  app.post('/sign-in', sameOrigin(deps), async (c) => {
    const form = await c.req.parseBody();
    const token = getCookie(c, SIGN_IN_COOKIE);
    const sent = form['_csrf'];
    const next = localPath(typeof form['next'] === 'string' ? form['next'] : undefined);
    if (!token || typeof sent !== 'string' || !sameSecret(sent, token)) {
      return renderPage(c, <SignInPage token={signInToken(c)} next={next} error="The sign-in form had expired. Paste your key and try again." />, 403);
    }
    const key = typeof form['api_key'] === 'string' ? form['api_key'] : '';
    try {
      const { secret, session } = await startStaffSession(deps.db, key, deps.now());
      setSessionCookie(c, deps, secret);
      return c.redirect(next ?? homeFor(session.role), 303);
    } catch (e) {
      if (!(e instanceof GradesheetError) || e.code !== 'unauthorized') throw e;
      // The key typed is never echoed back into the page.
      return renderPage(c, <SignInPage token={token} next={next} error={e.message} />, 401);
    }
  });

  // Signing out needs the session's form token too (see staffOnly), but an expired session
  // may always sign out.
  app.post('/sign-out', sameOrigin(deps), async (c) => {
    const secret = sessionSecret(c);
    if (secret) {
      const session = await findStaffSession(deps.db, secret, deps.now());
      const form = await c.req.parseBody();
      const sent = form['_csrf'];
      if (session && (typeof sent !== 'string' || !sameSecret(sent, session.csrf_token))) {
        throw new GradesheetError('forbidden', 'This form is out of date or did not come from Gradesheet, so it was refused. Reload the page and try again.');
      }
      await endStaffSession(deps.db, secret);
    }
    clearSessionCookie(c, deps);
    return c.redirect('/sign-in?signed_out=1', 303);
  });
}
