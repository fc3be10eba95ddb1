import type { Child, FC } from 'hono/jsx';
import type { Role } from '../store/schema.js';

/** Who is signed in, for the header (absent on the candidate's pages). */
export interface StaffHeader {
  name: string;
  role: Role;
  csrf: string;
  /** The path of the page, to mark the current navigation entry. */
  path: string;
}

const roleLabels: Record<Role, string> = { admin: 'admin', hiring_manager: 'hiring manager', reviewer: 'reviewer' };

/** The navigation a role gets: only pages its role may open. */
function navFor(role: Role): { href: string; label: string }[] {
  const queue = { href: '/review', label: 'Review queue' };
  const assignments = { href: '/assignments', label: 'Assignments' };
  return role === 'reviewer' ? [queue] : [assignments, queue];
}

/** The hidden field every staff form carries (checked against the session on POST). */
export const CsrfField: FC<{ token: string }> = ({ token }) => <input type="hidden" name="_csrf" value={token} />;

/**
 * Every page: `lang`, landmarks (header, nav, main, footer), a skip link, the served CSS and
 * scripts (no inline script or style: the Content-Security-Policy forbids them).
 */
export const Layout: FC<{ title: string; staff?: StaffHeader | undefined; scripts?: string[]; children?: Child; wide?: boolean }> = ({ title, staff, scripts = [], children, wide }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="no-referrer" />
      <title>{`${title} — Gradesheet`}</title>
      <link rel="stylesheet" href="/assets/gradesheet.css" />
      {scripts.map((src) => (
        <script src={src} defer></script>
      ))}
    </head>
    <body>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="bar">
          <a class="brand" href={staff ? '/' : '#main'}>
            Gradesheet
          </a>
          {staff ? (
            <>
              <nav aria-label="Main">
                <ul>
                  {navFor(staff.role).map((n) => (
                    <li>
                      <a href={n.href} aria-current={staff.path === n.href || staff.path.startsWith(`${n.href}/`) ? 'page' : undefined}>
                        {n.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <div class="who">
                <span>
                  Signed in as <strong>{staff.name}</strong> ({roleLabels[staff.role]})
                </span>
                <form method="post" action="/sign-out">
                  <CsrfField token={staff.csrf} />
                  <button type="submit" class="link-button">
                    Sign out
                  </button>
                </form>
              </div>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabindex={-1} class={wide ? 'wide' : undefined}>
        {children}
      </main>
      <footer class="site-footer">
        <p>Gradesheet pre-fills grading sheets; a human reviewer makes every decision.</p>
      </footer>
    </body>
  </html>
);

/** A notice at the top of a page: role="alert" for errors so screen readers announce them. */
export const Notice: FC<{ kind: 'error' | 'ok' | 'info'; children?: Child; id?: string }> = ({ kind, children, id }) => (
  <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} id={id} tabindex={-1}>
    {children}
  </div>
);
