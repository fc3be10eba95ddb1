import { GradesheetError } from '../errors.js';
import { appendAudit, candidateActor } from './audit.js';
import { visibleCandidate, type CandidateView } from './identity.js';
import { enqueueJob } from './jobs.js';
import { dueAt, expired, isExpired } from './links.js';
import { decodeCursor, toPage, type Page } from './pagination.js';
import type { Assignment, Db, Role, Submission, SubmissionStatus } from './schema.js';

/** What the candidate gets back when they submit (CONTRACT.md). */
export interface Receipt {
  submission_id: string;
  files: { name: string; size: number; sha256: string }[];
  submitted_at: string;
  late: boolean;
}

/**
 * The final submit: locks the submission, writes the receipt and, in the same transaction,
 * enqueues the grading job. Submitting again returns the same receipt (a retried request after
 * a lost response must not fail).
 */
export async function submitSubmission(db: Db, submission: Submission, assignment: Assignment, now: Date): Promise<{ receipt: Receipt; queued: boolean }> {
  const existing = (s: Pick<Submission, 'receipt_json'>) => ({ receipt: JSON.parse(s.receipt_json ?? 'null') as Receipt, queued: false });
  if (submission.status !== 'open') return existing(submission);
  if (isExpired(submission, now)) throw expired(submission);
  const iso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    // Lock first (see lockOpenSubmission), then read the files the receipt lists.
    const lock = await trx.updateTable('submissions').set({ updated_at: iso }).where('id', '=', submission.id).where('status', '=', 'open').executeTakeFirst();
    if (Number(lock.numUpdatedRows) !== 1) {
      return existing(await trx.selectFrom('submissions').select('receipt_json').where('id', '=', submission.id).executeTakeFirstOrThrow());
    }
    const files = await trx.selectFrom('files').select(['id', 'name', 'size', 'sha256']).where('submission_id', '=', submission.id).execute();
    if (files.length === 0) throw new GradesheetError('invalid_request', 'Upload at least one file before submitting.');
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const opened = submission.opened_at ?? iso;
    const due = dueAt({ opened_at: opened }, assignment);
    const late = due !== null && iso > due;
    const receipt: Receipt = { submission_id: submission.id, files: files.map((f) => ({ name: f.name, size: Number(f.size), sha256: f.sha256 })), submitted_at: iso, late };
    await trx
      .updateTable('submissions')
      .set({ status: 'grading', submitted_at: iso, late: late ? 1 : 0, receipt_json: JSON.stringify(receipt), opened_at: opened })
      .where('id', '=', submission.id)
      .execute();
    await enqueueJob(trx, { kind: 'grade', submissionId: submission.id }, now);
    await appendAudit(trx, { submissionId: submission.id, actor: candidateActor, action: 'submission.submitted', after: { files: files.map((f) => ({ id: f.id, sha256: f.sha256, size: Number(f.size) })), late } }, now);
    return { receipt, queued: true };
  });
}

/** A submission in staff lists. */
export interface SubmissionListItem {
  id: string;
  assignment_id: string;
  candidate: CandidateView;
  status: SubmissionStatus;
  expires_at: string;
  opened_at: string | null;
  submitted_at: string | null;
  late: boolean;
  decision: string | null;
  suggested_decision: string | null;
  reviewer_id: string | null;
  confirmed_at: string | null;
}

const LIST_COLUMNS = [
  's.id',
  's.assignment_id',
  's.status',
  's.expires_at',
  's.opened_at',
  's.submitted_at',
  's.late',
  'c.id as candidate_id',
  'c.anon_id',
  'c.name',
  'c.email',
  'c.erased_at',
  'a.blind',
  'sh.decision',
  'sh.suggested_decision',
  'sh.reviewer_id',
  'sh.confirmed_at',
] as const;

function baseQuery(db: Db) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('candidates as c', 'c.id', 's.candidate_id')
    .innerJoin('assignments as a', 'a.id', 's.assignment_id')
    .leftJoin('sheets as sh', 'sh.submission_id', 's.id')
    .select(LIST_COLUMNS);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toListItem(r: ListRow, viewer: Role): SubmissionListItem {
  return {
    id: r.id,
    assignment_id: r.assignment_id,
    candidate: visibleCandidate({ id: r.candidate_id, anon_id: r.anon_id, name: r.name, email: r.email, erased_at: r.erased_at }, r.blind === 1, viewer),
    status: r.status,
    expires_at: r.expires_at,
    opened_at: r.opened_at,
    submitted_at: r.submitted_at,
    late: r.late === 1,
    decision: r.decision,
    suggested_decision: r.suggested_decision,
    reviewer_id: r.reviewer_id,
    confirmed_at: r.confirmed_at,
  };
}

/** The review queue and lists: by assignment and status, oldest first, paged by id. */
export async function listSubmissions(
  db: Db,
  options: { assignmentId?: string | undefined; status?: SubmissionStatus | undefined; cursor?: string | undefined; limit: number },
  viewer: Role,
): Promise<Page<SubmissionListItem>> {
  const after = decodeCursor(options.cursor);
  let q = baseQuery(db).orderBy('s.id').limit(options.limit + 1);
  if (options.assignmentId) q = q.where('s.assignment_id', '=', options.assignmentId);
  if (options.status) q = q.where('s.status', '=', options.status);
  if (after) q = q.where('s.id', '>', after);
  const page = toPage(await q.execute(), options.limit, (r) => r.id);
  return { items: page.items.map((r) => toListItem(r, viewer)), next_cursor: page.next_cursor };
}

/** One submission as a staff member may see it. */
export async function getSubmissionItem(db: Db, id: string, viewer: Role): Promise<SubmissionListItem> {
  const row = await baseQuery(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new GradesheetError('not_found', `No submission ${id}. List submissions with GET /api/v1/submissions.`);
  return toListItem(row, viewer);
}
