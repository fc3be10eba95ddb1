import { GradesheetError } from '../errors.js';
import { appendAudit, candidateActor, type Actor } from './audit.js';
import { newAnonId, newId, newSecret, sha256Hex } from './crypto.js';
import type { Assignment, Candidate, Db, Submission } from './schema.js';

const DAY_MS = 24 * 3600 * 1000;
/** Links live 14 days by default, and at least a day past the assignment's deadline. */
export const DEFAULT_LINK_DAYS = 14;

/** The token is 32 random bytes (256 bits), base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface CreatedLink {
  submission: Submission;
  candidate: Candidate;
  /** Shown once: only its SHA-256 is stored. */
  token: string;
}

/**
 * Create a candidate and their submission link (one link per candidate).
 *
 * @example
 * const { token } = await createLink(db, { assignment, candidate: { name: 'Ada', email: 'ada@example.com' } }, actor, now);
 * // the candidate opens /s/<token>
 */
export async function createLink(
  db: Db,
  input: { assignment: Assignment; candidate: { name: string; email: string }; expiresAt?: string | undefined },
  actor: Actor,
  now: Date,
): Promise<CreatedLink> {
  let expires = input.expiresAt ? new Date(input.expiresAt) : new Date(now.getTime() + DEFAULT_LINK_DAYS * DAY_MS);
  if (!input.expiresAt && input.assignment.deadline) {
    const afterDeadline = new Date(new Date(input.assignment.deadline).getTime() + DAY_MS);
    if (afterDeadline > expires) expires = afterDeadline;
  }
  if (expires.getTime() <= now.getTime()) throw new GradesheetError('invalid_request', 'expires_at is in the past; give a time in the future (ISO 8601).');
  const token = newSecret(32);
  const iso = now.toISOString();
  const candidate: Candidate = {
    id: newId('cand', now),
    assignment_id: input.assignment.id,
    anon_id: newAnonId(),
    name: input.candidate.name,
    email: input.candidate.email,
    erased_at: null,
    created_at: iso,
  };
  const submission: Submission = {
    id: newId('sub', now),
    assignment_id: input.assignment.id,
    candidate_id: candidate.id,
    token_hash: await sha256Hex(token),
    expires_at: expires.toISOString(),
    opened_at: null,
    status: 'open',
    submitted_at: null,
    late: 0,
    receipt_json: null,
    created_at: iso,
    updated_at: iso,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('candidates').values(candidate).execute();
    await trx.insertInto('submissions').values(submission).execute();
    await appendAudit(trx, { submissionId: submission.id, actor, action: 'link.created', after: { candidate: candidate.anon_id, expires_at: submission.expires_at } }, now);
  });
  return { submission, candidate, token };
}

export interface ResolvedLink {
  submission: Submission;
  candidate: Candidate;
  assignment: Assignment;
}

/**
 * The submission a link token opens. Unknown tokens are 404; a candidate who was erased gets 410.
 * Expiry is checked by the operations (a submitted link still shows its receipt).
 */
export async function resolveLink(db: Db, token: string): Promise<ResolvedLink> {
  const notFound = new GradesheetError('not_found', 'This submission link is not valid. Check that you copied the whole link, or ask the hiring team for a new one.');
  if (!TOKEN.test(token)) throw notFound;
  const submission = await db.selectFrom('submissions').selectAll().where('token_hash', '=', await sha256Hex(token)).executeTakeFirst();
  if (!submission) throw notFound;
  const [candidate, assignment] = await Promise.all([
    db.selectFrom('candidates').selectAll().where('id', '=', submission.candidate_id).executeTakeFirstOrThrow(),
    db.selectFrom('assignments').selectAll().where('id', '=', submission.assignment_id).executeTakeFirstOrThrow(),
  ]);
  if (candidate.erased_at) throw new GradesheetError('gone', 'This submission link no longer works: its data was erased at your request or by the hiring team.');
  return { submission, candidate, assignment };
}

/** Has the link expired for uploads and submitting? */
export function isExpired(submission: Pick<Submission, 'expires_at'>, now: Date): boolean {
  return submission.expires_at <= now.toISOString();
}

/** When the time box ends: opening plus the hours, capped by the deadline. */
export function dueAt(submission: Pick<Submission, 'opened_at'>, assignment: Pick<Assignment, 'deadline' | 'time_box_hours'>): string | null {
  const ends: number[] = [];
  if (submission.opened_at) ends.push(new Date(submission.opened_at).getTime() + Number(assignment.time_box_hours) * 3600 * 1000);
  if (assignment.deadline) ends.push(new Date(assignment.deadline).getTime());
  return ends.length === 0 ? null : new Date(Math.min(...ends)).toISOString();
}

/** Opening the link starts the time box (once). Returns the submission as it is now. */
export async function openLink(db: Db, submission: Submission, now: Date): Promise<Submission> {
  if (submission.opened_at) return submission;
  const opened_at = now.toISOString();
  const updated = await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('submissions').set({ opened_at }).where('id', '=', submission.id).where('opened_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await appendAudit(trx, { submissionId: submission.id, actor: candidateActor, action: 'link.opened', after: { opened_at } }, now);
    return true;
  });
  if (updated) return { ...submission, opened_at };
  return db.selectFrom('submissions').selectAll().where('id', '=', submission.id).executeTakeFirstOrThrow();
}

/**
 * Inside a transaction: lock the submission row for a candidate change and check it may change
 * (not submitted, not expired). The conditional UPDATE serialises uploads, deletes and the
 * submit on Postgres as on SQLite, so a receipt never misses a file that was being added.
 */
export async function lockOpenSubmission(trx: Db, submission: Submission, now: Date): Promise<void> {
  const r = await trx
    .updateTable('submissions')
    .set({ updated_at: now.toISOString() })
    .where('id', '=', submission.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw alreadySubmitted();
  if (isExpired(submission, now)) throw expired(submission);
  // Read after taking the lock: an erasure that committed meanwhile is seen.
  const candidate = await trx.selectFrom('candidates').select('erased_at').where('id', '=', submission.candidate_id).executeTakeFirst();
  if (!candidate || candidate.erased_at) throw new GradesheetError('gone', 'This submission link no longer works: its data was erased.');
}

export function alreadySubmitted(): GradesheetError {
  return new GradesheetError('already_submitted', 'This submission was already submitted; files can no longer be added, replaced or removed.');
}

export function expired(submission: Pick<Submission, 'expires_at'>): GradesheetError {
  return new GradesheetError('gone', `This submission link expired at ${submission.expires_at}. Ask the hiring team for a new link.`);
}
