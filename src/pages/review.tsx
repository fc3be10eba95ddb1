import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { access } from '../auth/roles.js';
import { GradesheetError } from '../errors.js';
import { decide } from '../grading/grade.js';
import type { ServiceDeps } from '../routes/deps.js';
import { assignmentRubric, getAssignment, listAssignments } from '../store/assignments.js';
import { listAudit } from '../store/audit.js';
import { listApiKeys } from '../store/keys.js';
import { loadDocuments } from '../store/files.js';
import { MAX_PAGE } from '../store/pagination.js';
import type { SubmissionStatus } from '../store/schema.js';
import { confirmSheet, getSheetView, reopenSheet, setSheetField, type SheetView } from '../store/sheets.js';
import { getSubmissionItem, listSubmissions, type SubmissionListItem } from '../store/submissions.js';
import { decisionLabels, formatShortDateTime, statusLabels } from './format.js';
import { markDocuments, type EvidenceRef } from './highlight.js';
import { Layout, type StaffHeader } from './layout.js';
import { renderPage } from './respond.js';
import { SheetPage, type FieldDraft } from './review-sheet.js';
import { staffHeader, staffOnly, type PageEnv } from './session.js';

const statuses = ['open', 'grading', 'prefilled', 'in_review', 'confirmed'] as const;
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

const QueueQuery = z.object({
  assignment_id: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  status: z.preprocess(blankToUndefined, z.enum(statuses).optional()),
  cursor: z.preprocess(blankToUndefined, z.string().max(200).optional()),
});

const FieldForm = z.object({
  action: z.enum(['accept', 'set']).default('set'),
  score: z.coerce.number().int().min(0).max(3).optional(),
  present: z.enum(['yes', 'no']).optional(),
  reason: z.string().max(4000).optional(),
  next: z.string().regex(/^[a-z0-9_-]{1,120}$/).optional(),
});

const ConfirmForm = z.object({ decision: z.enum(['advance', 'do_not_advance']).optional(), note: z.string().max(4000).optional() });
const ReopenForm = z.object({ reason: z.string().max(4000).optional() });

function who(c: SubmissionListItem['candidate']): string {
  if (c.erased) return `${c.anon_id} (erased)`;
  return c.name ? `${c.name} (${c.anon_id})` : c.anon_id;
}

function QueuePage(props: {
  staff: StaffHeader;
  assignments: { id: string; title: string }[];
  items: SubmissionListItem[];
  nextCursor: string | null;
  filter: { assignment_id?: string | undefined; status?: SubmissionStatus | undefined };
}) {
  const titles = new Map(props.assignments.map((a) => [a.id, a.title]));
  const nextQuery = new URLSearchParams();
  if (props.filter.assignment_id) nextQuery.set('assignment_id', props.filter.assignment_id);
  if (props.filter.status) nextQuery.set('status', props.filter.status);
  if (props.nextCursor) nextQuery.set('cursor', props.nextCursor);
  return (
    <Layout title="Review queue" staff={props.staff}>
      <h1>Review queue</h1>
      <form method="get" action="/review" class="filters" aria-label="Filter the queue">
        <div>
          <label for="filter-assignment">Assignment</label>
          <select id="filter-assignment" name="assignment_id">
            <option value="">All assignments</option>
            {props.assignments.map((a) => (
              <option value={a.id} selected={props.filter.assignment_id === a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-status">Status</label>
          <select id="filter-status" name="status">
            <option value="">Any status</option>
            {statuses.map((s) => (
              <option value={s} selected={props.filter.status === s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" class="secondary">
            Show
          </button>
        </div>
      </form>
      {props.items.length === 0 ? (
        <p>No submission matches these filters.</p>
      ) : (
        <div class="table-scroll">
          <table class="queue">
            <caption class="visually-hidden">Submissions, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Assignment</th>
                <th scope="col">Status</th>
                <th scope="col">Submitted (UTC)</th>
                <th scope="col">Suggested</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((s) => (
                <tr>
                  <td>{s.status === 'open' ? who(s.candidate) : <a href={`/review/${s.id}`}>{who(s.candidate)}</a>}</td>
                  <td>{titles.get(s.assignment_id) ?? s.assignment_id}</td>
                  <td>
                    <span class={`status status-${s.status}`}>{statusLabels[s.status]}</span>
                  </td>
                  <td class="nowrap">{`${formatShortDateTime(s.submitted_at)}${s.late ? ' (late)' : ''}`}</td>
                  <td>{s.suggested_decision ? decisionLabels[s.suggested_decision] : '—'}</td>
                  <td>{s.decision ? decisionLabels[s.decision] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.nextCursor ? (
        <p>
          <a href={`/review?${nextQuery.toString()}`}>Next page</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** The reviewer's pages: the queue and the sheet, through the store functions the API uses. */
export function registerReviewPages(app: Hono<PageEnv>, deps: ServiceDeps): void {
  app.get('/review', staffOnly(deps, access.staff), async (c) => {
    const parsed = QueueQuery.safeParse(c.req.query());
    if (!parsed.success) throw new GradesheetError('invalid_request', 'These filters are not valid; choose them from the lists.');
    const filter = parsed.data;
    const [assignments, page] = await Promise.all([
      listAssignments(deps.db, { limit: MAX_PAGE }),
      listSubmissions(deps.db, { assignmentId: filter.assignment_id, status: filter.status, cursor: filter.cursor, limit: 50 }, c.get('actor').role),
    ]);
    return renderPage(c, <QueuePage staff={staffHeader(c)} assignments={assignments.items} items={page.items} nextCursor={page.next_cursor} filter={filter} />);
  });

  async function sheetPage(c: Context<PageEnv>, options: { errors?: Record<string, string>; drafts?: Record<string, FieldDraft>; status?: number } = {}) {
    const id = c.req.param('id') ?? '';
    const actor = c.get('actor');
    // The same call as GET /api/v1/submissions/{id}/sheet: a reviewer's first open starts the clock.
    const sheet = await getSheetView(deps.db, id, actor, deps.now());
    const [submission, assignment, audit, documents, keys] = await Promise.all([
      getSubmissionItem(deps.db, id, actor.role),
      getAssignment(deps.db, sheet.assignment_id),
      listAudit(deps.db, id),
      sheet.status === 'grading' || sheet.candidate.erased ? Promise.resolve([]) : loadDocuments(deps.db, id),
      listApiKeys(deps.db),
    ]);
    const rubric = assignmentRubric(assignment);
    const evidence: EvidenceRef[] = [
      ...Object.entries(sheet.items).flatMap(([k, v]) => v.evidence.map((e, i) => ({ key: `items.${k}.${i}`, file: e.file, location: e.location, quote: e.quote }))),
      ...Object.entries(sheet.red_flags).flatMap(([k, v]) => v.evidence.map((e, i) => ({ key: `red_flags.${k}.${i}`, file: e.file, location: e.location, quote: e.quote }))),
    ];
    const marked = markDocuments(documents, evidence);
    const ruleDecision = sheet.review ? decide(rubric, sheet.review.pillars, currentFlags(sheet)) : null;
    const roleMay = (roles: readonly string[]) => roles.includes(actor.role);
    return renderPage(
      c,
      <SheetPage
        staff={staffHeader(c)}
        sheet={sheet}
        submission={submission}
        assignmentTitle={assignment.title}
        rubric={rubric}
        documents={marked.documents}
        targets={marked.targets}
        audit={audit}
        people={new Map(keys.map((k) => [k.id, k.name]))}
        ruleDecision={ruleDecision}
        canEdit={roleMay(access.reviewers) && (sheet.status === 'prefilled' || sheet.status === 'in_review')}
        canReopen={roleMay(access.reopeners) && sheet.status === 'confirmed'}
        errors={options.errors}
        drafts={options.drafts}
      />,
      options.status,
    );
  }

  app.get('/review/:id', staffOnly(deps, access.staff), (c) => sheetPage(c));

  /** A refused change shows the sheet again with the message beside the field and what was typed. */
  async function refused(c: Context<PageEnv>, e: unknown, field: string, draft: FieldDraft) {
    if (!(e instanceof GradesheetError) || e.status >= 500 || e.code === 'not_found' || e.code === 'forbidden') throw e;
    return sheetPage(c, { errors: { [field]: e.message }, drafts: { [field]: draft }, status: e.status });
  }

  for (const kind of ['items', 'red_flags'] as const) {
    app.post(`/review/:id/${kind}/:field_id`, staffOnly(deps, access.reviewers), async (c) => {
      const id = c.req.param('id');
      const fieldId = c.req.param('field_id');
      const parsed = FieldForm.safeParse(await c.req.parseBody());
      if (!parsed.success) throw new GradesheetError('invalid_request', 'The form was not complete: choose a value and try again.');
      const form = parsed.data;
      const field = `${kind}.${fieldId}`;
      const draft: FieldDraft = { value: kind === 'items' ? (form.score === undefined ? undefined : String(form.score)) : form.present, reason: form.reason };
      try {
        let value: number;
        if (form.action === 'accept') {
          const sheet = await getSheetView(deps.db, id, c.get('actor'), deps.now());
          const suggestion = kind === 'items' ? sheet.items[fieldId]?.suggested : sheet.red_flags[fieldId]?.present;
          if (suggestion === undefined) throw new GradesheetError('not_found', `No ${kind === 'items' ? 'checklist item' : 'red flag'} "${fieldId}" on this sheet.`);
          value = Number(suggestion);
        } else if (kind === 'items') {
          if (form.score === undefined) throw new GradesheetError('invalid_request', 'Choose a score from 0 to 3.');
          value = form.score;
        } else {
          if (form.present === undefined) throw new GradesheetError('invalid_request', 'Choose present or not present.');
          value = form.present === 'yes' ? 1 : 0;
        }
        await setSheetField(deps.db, { submissionId: id, kind, id: fieldId, value, reason: form.reason }, c.get('actor'), deps.now());
      } catch (e) {
        return refused(c, e, field, draft);
      }
      return c.redirect(`/review/${encodeURIComponent(id)}#${form.next ?? 'decision'}`, 303);
    });
  }

  app.post('/review/:id/confirm', staffOnly(deps, access.reviewers), async (c) => {
    const id = c.req.param('id');
    const parsed = ConfirmForm.safeParse(await c.req.parseBody());
    if (!parsed.success) throw new GradesheetError('invalid_request', 'The form was not complete: choose a decision and try again.');
    const form = parsed.data;
    try {
      if (!form.decision) throw new GradesheetError('invalid_request', 'Choose a decision: advance or do not advance.');
      await confirmSheet(deps.db, { submissionId: id, decision: form.decision, note: form.note }, c.get('actor'), deps.now());
    } catch (e) {
      return refused(c, e, 'decision', { value: form.decision, reason: form.note });
    }
    return c.redirect(`/review/${encodeURIComponent(id)}#decision`, 303);
  });

  app.post('/review/:id/reopen', staffOnly(deps, access.reopeners), async (c) => {
    const id = c.req.param('id');
    const parsed = ReopenForm.safeParse(await c.req.parseBody());
    if (!parsed.success) throw new GradesheetError('invalid_request', 'The form was not complete: give a reason and try again.');
    const form = parsed.data;
    try {
      if (!form.reason?.trim()) throw new GradesheetError('reason_required', 'Say why the sheet is reopened.');
      await reopenSheet(deps.db, { submissionId: id, reason: form.reason.trim() }, c.get('actor'), deps.now());
    } catch (e) {
      return refused(c, e, 'reopen', { reason: form.reason });
    }
    return c.redirect(`/review/${encodeURIComponent(id)}#decision`, 303);
  });
}

/** Red flags as they stand: the human value where set, the suggestion elsewhere. */
function currentFlags(sheet: SheetView): Record<string, boolean> {
  return Object.fromEntries(Object.entries(sheet.red_flags).map(([k, f]) => [k, f.human?.value ?? f.present]));
}
