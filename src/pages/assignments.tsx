import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { access } from '../auth/roles.js';
import { GradesheetError } from '../errors.js';
import { defaultRubric, type Rubric } from '../grading/rubric.js';
import type { ServiceDeps } from '../routes/deps.js';
import { summaryCsvStream } from '../routes/summaries.js';
import { assignmentRubric, createAssignment, getAssignment, listAssignments, toAssignmentView, type AssignmentView } from '../store/assignments.js';
import { listApiKeys } from '../store/keys.js';
import { createLink } from '../store/links.js';
import { MAX_PAGE } from '../store/pagination.js';
import type { Assignment } from '../store/schema.js';
import { summarizeAssignment, type SummaryRow } from '../store/summaries.js';
import { decisionLabels, formatDateTime, formatShortDateTime, humanize, statusLabels } from './format.js';
import { CsrfField, Layout, Notice, type StaffHeader } from './layout.js';
import { renderPage } from './respond.js';
import { staffHeader, staffOnly, type PageEnv } from './session.js';

/** The hiring manager's pages: assignments, candidate links, the summary and its CSV. */

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

// Form fields are strings; the limits are the API's (POST /api/v1/assignments, …/links).
const NewAssignmentForm = z.object({
  title: z.string().trim().min(1, 'Give the assignment a title.').max(200),
  role: z.preprocess(blank, z.string().trim().max(200).optional()),
  time_box_hours: z.preprocess(blank, z.coerce.number().positive('The time box is a positive number of hours.').max(24 * 14).optional()),
  // <input type="datetime-local"> has no zone: the form says it is UTC.
  deadline: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'The deadline is a date and time.')
      .transform((s) => new Date(`${s}Z`).toISOString())
      .optional(),
  ),
  blind: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
});

const NewLinkForm = z.object({
  name: z.string().trim().min(1, 'Give the candidate’s name.').max(200),
  email: z.email('Give the candidate’s email address.').max(320),
  expires_at: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'The expiry is a date.')
      .transform((s) => new Date(`${s}T23:59:59Z`).toISOString())
      .optional(),
  ),
});

function issues(e: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of e.issues) {
    const key = String(i.path[0] ?? 'form');
    out[key] ??= i.message;
  }
  return out;
}

const FieldError = ({ id, message }: { id: string; message: string | undefined }) =>
  message ? (
    <p class="field-error" id={id}>
      {message}
    </p>
  ) : null;

function AssignmentsPage(props: { staff: StaffHeader; assignments: AssignmentView[]; errors?: Record<string, string>; values?: Record<string, string> }) {
  const e = props.errors ?? {};
  const v = props.values ?? {};
  return (
    <Layout title="Assignments" staff={props.staff}>
      <h1>Assignments</h1>
      <div class="two-columns">
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">All assignments</h2>
          {props.assignments.length === 0 ? (
            <p>No assignment yet. Create the first one.</p>
          ) : (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Role</th>
                    <th scope="col">Time box</th>
                    <th scope="col">Deadline</th>
                    <th scope="col">Blind</th>
                  </tr>
                </thead>
                <tbody>
                  {props.assignments.map((a) => (
                    <tr>
                      <td>
                        <a href={`/assignments/${a.id}`}>{a.title}</a>
                      </td>
                      <td>{a.role ?? '—'}</td>
                      <td class="num">{`${a.time_box_hours} h`}</td>
                      <td>{formatDateTime(a.deadline)}</td>
                      <td>{a.blind ? 'yes' : 'no'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="create-heading" class="card">
          <h2 id="create-heading">Create an assignment</h2>
          {Object.keys(e).length > 0 ? <Notice kind="error">The assignment was not created: correct the fields marked below.</Notice> : null}
          <form method="post" action="/assignments" class="stack">
            <CsrfField token={props.staff.csrf} />
            <label for="a-title">Title</label>
            <input id="a-title" name="title" required maxlength={200} value={v.title ?? ''} aria-invalid={e.title ? 'true' : undefined} aria-describedby={e.title ? 'a-title-error' : undefined} />
            <FieldError id="a-title-error" message={e.title} />
            <label for="a-role">
              Role <span class="hint">(optional)</span>
            </label>
            <input id="a-role" name="role" maxlength={200} value={v.role ?? ''} />
            <label for="a-hours">Time box in hours</label>
            <input id="a-hours" name="time_box_hours" type="number" min="0.5" max="336" step="0.5" value={v.time_box_hours ?? String(defaultRubric.time_box_hours)} aria-invalid={e.time_box_hours ? 'true' : undefined} aria-describedby={e.time_box_hours ? 'a-hours-error' : undefined} />
            <FieldError id="a-hours-error" message={e.time_box_hours} />
            <label for="a-deadline">
              Deadline, UTC <span class="hint">(optional)</span>
            </label>
            <input id="a-deadline" name="deadline" type="datetime-local" value={v.deadline ?? ''} aria-invalid={e.deadline ? 'true' : undefined} aria-describedby={e.deadline ? 'a-deadline-error' : undefined} />
            <FieldError id="a-deadline-error" message={e.deadline} />
            <label class="checkbox">
              <input type="checkbox" name="blind" checked={v.blind === undefined ? true : v.blind === 'on'} /> Blind review (reviewers see an anonymous id, not the name)
            </label>
            <p class="hint">{`Rubric: ${defaultRubric.title}.`}</p>
            <div>
              <button type="submit" class="primary">
                Create assignment
              </button>
            </div>
          </form>
        </section>
      </div>
    </Layout>
  );
}

function candidateCell(r: SummaryRow) {
  const c = r.candidate;
  const label = c.erased ? `${c.anon_id} (erased)` : c.name ? c.name : c.anon_id;
  return r.status === 'open' ? label : <a href={`/review/${r.submission_id}`}>{label}</a>;
}

function AssignmentPage(props: {
  staff: StaffHeader;
  people: Map<string, string>;
  assignment: AssignmentView;
  rubric: Rubric;
  rows: SummaryRow[];
  nextCursor: string | null;
  created?: { url: string; name: string; expires_at: string } | undefined;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}) {
  const a = props.assignment;
  const e = props.errors ?? {};
  const v = props.values ?? {};
  return (
    <Layout title={a.title} staff={props.staff} scripts={['/assets/staff.js']} wide>
      <p class="crumbs">
        <a href="/assignments">Assignments</a>
      </p>
      <h1>{a.title}</h1>
      <p class="meta">{`${a.role ? `${a.role} · ` : ''}time box ${a.time_box_hours} h · deadline ${formatDateTime(a.deadline)} · ${a.blind ? 'blind review' : 'named review'} · rubric ${a.rubric}`}</p>
      <section aria-labelledby="link-heading" class="card">
        <h2 id="link-heading">Invite a candidate</h2>
        {props.created ? (
          <div class="created-link" id="created-link" tabindex={-1}>
            <Notice kind="ok">{`Link for ${props.created.name} created. It is shown only now: copy it and send it to the candidate.`}</Notice>
            <label for="link-url">Submission link (expires {formatDateTime(props.created.expires_at)})</label>
            <div class="copy-row">
              <input id="link-url" type="text" readonly value={props.created.url} class="mono" />
              <button type="button" class="secondary copy-button" data-copy="link-url" hidden>
                Copy
              </button>
            </div>
            <p class="hint copy-status" role="status" aria-live="polite"></p>
          </div>
        ) : null}
        {Object.keys(e).length > 0 ? <Notice kind="error">The link was not created: correct the fields marked below.</Notice> : null}
        <form method="post" action={`/assignments/${a.id}/links`} class="inline-form">
          <CsrfField token={props.staff.csrf} />
          <div class="form-field">
            <label for="l-name">Candidate’s name</label>
            <input id="l-name" name="name" required maxlength={200} autocomplete="off" value={v.name ?? ''} aria-invalid={e.name ? 'true' : undefined} aria-describedby={e.name ? 'l-name-error' : undefined} />
            <FieldError id="l-name-error" message={e.name} />
          </div>
          <div class="form-field">
            <label for="l-email">Candidate’s email</label>
            <input id="l-email" name="email" type="email" required maxlength={320} autocomplete="off" value={v.email ?? ''} aria-invalid={e.email ? 'true' : undefined} aria-describedby={e.email ? 'l-email-error' : undefined} />
            <FieldError id="l-email-error" message={e.email} />
          </div>
          <div class="form-field">
            <label for="l-expires">
              Link expires on <span class="hint">(optional)</span>
            </label>
            <input id="l-expires" name="expires_at" type="date" value={v.expires_at ?? ''} aria-invalid={e.expires_at ? 'true' : undefined} aria-describedby={e.expires_at ? 'l-expires-error l-expires-hint' : 'l-expires-hint'} />
            <FieldError id="l-expires-error" message={e.expires_at} />
          </div>
          <div class="form-field form-submit">
            <button type="submit" class="primary">
              Create link
            </button>
          </div>
          <p class="hint form-note" id="l-expires-hint">
            Without a date the link lasts 14 days, and at least a day past the deadline. The link is shown once, right here.
          </p>
        </form>
      </section>
      <section aria-labelledby="summary-heading">
        <div class="section-head">
          <h2 id="summary-heading">Candidates</h2>
          <a class="button secondary" href={`/assignments/${a.id}/summary.csv`} download>
            Download CSV
          </a>
        </div>
        {props.rows.length === 0 ? (
          <p>No candidate yet. Create a link for the first one.</p>
        ) : (
          <div class="table-scroll">
            <table class="summary">
              <caption class="visually-hidden">Per candidate: status, pillar scores, decisions and red flags</caption>
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Status</th>
                  {props.rubric.pillars.map((p) => (
                    <th scope="col" class="num">
                      {p.title}
                    </th>
                  ))}
                  <th scope="col">Suggested</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Red flags</th>
                  <th scope="col">Reviewer</th>
                  <th scope="col">Confirmed (UTC)</th>
                </tr>
              </thead>
              <tbody>
                {props.rows.map((r) => (
                  <tr>
                    <td>{candidateCell(r)}</td>
                    <td>
                      <span class={`status status-${r.status}`}>{`${statusLabels[r.status]}${r.late ? ' (late)' : ''}`}</span>
                    </td>
                    {props.rubric.pillars.map((p) => (
                      <td class="num">{r.pillars?.[p.id] === undefined ? '—' : String(r.pillars[p.id])}</td>
                    ))}
                    <td>{r.suggested_decision ? decisionLabels[r.suggested_decision] : '—'}</td>
                    <td>{r.decision ? <strong>{decisionLabels[r.decision]}</strong> : '—'}</td>
                    <td>{r.red_flags.length ? r.red_flags.map(humanize).join(', ') : '—'}</td>
                    <td>{r.reviewer_id ? (props.people.get(r.reviewer_id) ?? r.reviewer_id) : '—'}</td>
                    <td class="nowrap">{formatShortDateTime(r.confirmed_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {props.nextCursor ? (
          <p>
            <a href={`/assignments/${a.id}?cursor=${encodeURIComponent(props.nextCursor)}`}>Next page</a>
          </p>
        ) : null}
      </section>
    </Layout>
  );
}

function formValues(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).flatMap(([k, val]) => (typeof val === 'string' && k !== '_csrf' ? [[k, val]] : [])));
}

export function registerAssignmentPages(app: Hono<PageEnv>, deps: ServiceDeps): void {
  async function listPage(c: Context<PageEnv>, errors?: Record<string, string>, values?: Record<string, string>) {
    const page = await listAssignments(deps.db, { limit: MAX_PAGE });
    return renderPage(c, <AssignmentsPage staff={staffHeader(c)} assignments={page.items.map(toAssignmentView)} errors={errors} values={values} />, errors ? 400 : 200);
  }

  async function detailPage(c: Context<PageEnv>, assignment: Assignment, extra: { created?: { url: string; name: string; expires_at: string }; errors?: Record<string, string>; values?: Record<string, string>; cursor?: string | undefined } = {}) {
    const [page, keys] = await Promise.all([summarizeAssignment(deps.db, { assignmentId: assignment.id, cursor: extra.cursor, limit: 100 }, c.get('actor').role), listApiKeys(deps.db)]);
    return renderPage(
      c,
      <AssignmentPage
        staff={staffHeader(c)}
        people={new Map(keys.map((k) => [k.id, k.name]))}
        assignment={toAssignmentView(assignment)}
        rubric={assignmentRubric(assignment)}
        rows={page.items}
        nextCursor={page.next_cursor}
        created={extra.created}
        errors={extra.errors}
        values={extra.values}
      />,
      extra.errors ? 400 : 200,
    );
  }

  app.get('/assignments', staffOnly(deps, access.managers), (c) => listPage(c));

  app.post('/assignments', staffOnly(deps, access.managers), async (c) => {
    const body = await c.req.parseBody();
    const parsed = NewAssignmentForm.safeParse(body);
    if (!parsed.success) return listPage(c, issues(parsed.error), formValues(body));
    const row = await createAssignment(deps.db, { ...parsed.data, rubric: defaultRubric }, c.get('actor'), deps.now());
    return c.redirect(`/assignments/${row.id}`, 303);
  });

  app.get('/assignments/:id', staffOnly(deps, access.managers), async (c) => {
    const cursor = c.req.query('cursor');
    return detailPage(c, await getAssignment(deps.db, c.req.param('id')), { cursor: cursor && cursor.length <= 200 ? cursor : undefined });
  });

  // The link's token is shown in this response only (never stored, never redirected through).
  app.post('/assignments/:id/links', staffOnly(deps, access.managers), async (c) => {
    const assignment = await getAssignment(deps.db, c.req.param('id'));
    const body = await c.req.parseBody();
    const parsed = NewLinkForm.safeParse(body);
    if (!parsed.success) return detailPage(c, assignment, { errors: issues(parsed.error), values: formValues(body) });
    try {
      const { submission, token } = await createLink(deps.db, { assignment, candidate: { name: parsed.data.name, email: parsed.data.email }, expiresAt: parsed.data.expires_at }, c.get('actor'), deps.now());
      const base = (deps.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
      return detailPage(c, assignment, { created: { url: `${base}/s/${token}`, name: parsed.data.name, expires_at: submission.expires_at } });
    } catch (e) {
      if (e instanceof GradesheetError && e.code === 'invalid_request') return detailPage(c, assignment, { errors: { expires_at: e.message }, values: formValues(body) });
      throw e;
    }
  });

  app.get('/assignments/:id/summary.csv', staffOnly(deps, access.managers), async (c) => {
    const assignment = await getAssignment(deps.db, c.req.param('id'));
    const stream = summaryCsvStream(deps, assignmentRubric(assignment), { assignmentId: assignment.id }, c.get('actor').role);
    return c.body(stream, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="summary-${assignment.id}.csv"`, 'cache-control': 'no-store' });
  });
}
