import { GradesheetError } from '../errors.js';
import { computePillars, decide } from '../grading/grade.js';
import type { Rubric } from '../grading/rubric.js';
import type { AssistReport, Decision, ItemSuggestion, RedFlagSuggestion, Sheet } from '../grading/sheet.js';
import { assignmentRubric } from './assignments.js';
import { appendAudit, appendAudits, systemActor, type Actor, type AuditInput } from './audit.js';
import { scrubSheet } from './erasure.js';
import { visibleCandidate, type CandidateView } from './identity.js';
import { latestJob } from './jobs.js';
import { deleteCachedAnswers } from './llm-cache.js';
import type { Db, Role, SheetFieldRow, SheetRow, SubmissionStatus } from './schema.js';

/** Sheet fields are `items.<item id>` and `red_flags.<flag id>`. */
export type FieldKind = 'items' | 'red_flags';
export const fieldName = (kind: FieldKind, id: string): string => `${kind}.${id}`;

/** The human side of one field. */
export interface HumanValue<T> {
  value: T;
  reason: string | null;
  set_by: string;
  set_at: string;
}

export interface ReviewInfo {
  /** Pillars from the human values where set, the suggestions elsewhere. */
  pillars: Record<string, number>;
  suggested_decision: string;
  decision: string | null;
  decision_note: string | null;
  reviewer_id: string | null;
  review_started_at: string | null;
  confirmed_at: string | null;
  /** Seconds from the first open by a reviewer to the confirm (summed over reopenings). */
  review_seconds: number | null;
  /** How many fields the reviewer set to something else than the suggestion. */
  fields_changed: number;
}

/** The graders' sheet (CONTRACT.md) with, per field, the human value beside the suggestion. */
export interface SheetView {
  submission_id: string;
  assignment_id: string;
  candidate: CandidateView;
  status: Exclude<SubmissionStatus, 'open'>;
  rubric: string;
  files: Record<string, string>;
  items: Record<string, ItemSuggestion & { human: HumanValue<number> | null }>;
  red_flags: Record<string, RedFlagSuggestion & { human: HumanValue<boolean> | null }>;
  pillars: Record<string, number>;
  decision: Decision | null;
  warnings: string[];
  review: ReviewInfo | null;
  /** While grading: the job's progress (attempts, last error). */
  grading: { status: string; attempts: number; last_error: string | null } | null;
  /** What the LLM assist did (model, tokens, estimated cost, failure); null when it was not asked for. */
  assist: AssistReport | null;
}

/**
 * Write the graders' sheet for a submission in `grading`, inside the caller's transaction:
 * the sheet, one field per item and red flag, the status `prefilled` and the audit entry.
 * Returns false (and writes nothing) when the submission is no longer waiting for a sheet.
 */
export async function writePrefilledSheet(trx: Db, submissionId: string, sheet: Sheet, now: Date): Promise<boolean> {
  const iso = now.toISOString();
  const moved = await trx.updateTable('submissions').set({ status: 'prefilled', updated_at: iso }).where('id', '=', submissionId).where('status', '=', 'grading').executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) return false;
  // Read after taking the lock: a candidate erased while grading ran gets a sheet without text.
  const candidate = await trx
    .selectFrom('submissions as s')
    .innerJoin('candidates as c', 'c.id', 's.candidate_id')
    .select('c.erased_at')
    .where('s.id', '=', submissionId)
    .executeTakeFirstOrThrow();
  if (candidate.erased_at) {
    sheet = scrubSheet(sheet);
    // The LLM assist may have cached an answer quoting the candidate while grading ran.
    if (sheet.assist?.cache_key) await deleteCachedAnswers(trx, [sheet.assist.cache_key]);
  }
  await trx
    .insertInto('sheets')
    .values({
      submission_id: submissionId,
      sheet_json: JSON.stringify(sheet),
      status: 'prefilled',
      suggested_decision: sheet.decision,
      decision: null,
      decision_note: null,
      reviewer_id: null,
      review_started_at: null,
      confirmed_at: null,
      review_seconds: null,
      fields_changed: 0,
      pillars_json: JSON.stringify(sheet.pillars),
      updated_at: iso,
    })
    .execute();
  const fields = [
    ...Object.entries(sheet.items).map(([id, s]) => ({ field: fieldName('items', id), suggested: s.suggested })),
    ...Object.entries(sheet.red_flags).map(([id, f]) => ({ field: fieldName('red_flags', id), suggested: f.present ? 1 : 0 })),
  ];
  if (fields.length > 0) {
    await trx
      .insertInto('sheet_fields')
      .values(fields.map((f) => ({ submission_id: submissionId, field: f.field, suggested: f.suggested, value: null, reason: null, set_by: null, set_at: null })))
      .execute();
  }
  await appendAudit(
    trx,
    {
      submissionId,
      actor: systemActor,
      action: 'sheet.prefilled',
      // Scores and flags only: quotes are candidate text and stay out of the append-only log.
      suggestion: {
        items: Object.fromEntries(Object.entries(sheet.items).map(([k, v]) => [k, v.suggested])),
        red_flags: Object.fromEntries(Object.entries(sheet.red_flags).map(([k, v]) => [k, v.present])),
        pillars: sheet.pillars,
        decision: sheet.decision,
        // Which fields a model saw differently: no quotes, no rationales.
        ...(sheet.assist ? { assist: { status: sheet.assist.status, model: sheet.assist.model, disagreements: sheet.assist.disagreements, raised: sheet.assist.raised } } : {}),
      },
      after: { status: 'prefilled' },
    },
    now,
  );
  return true;
}

interface LockedSheet {
  sheet: SheetRow;
  rubric: Rubric;
  fields: SheetFieldRow[];
}

/** Inside a transaction: lock a sheet that a reviewer may still edit, or say why not. */
async function lockEditableSheet(trx: Db, submissionId: string, now: Date): Promise<LockedSheet> {
  const r = await trx
    .updateTable('sheets')
    .set({ updated_at: now.toISOString() })
    .where('submission_id', '=', submissionId)
    .where('status', 'in', ['prefilled', 'in_review'])
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw await whyNotEditable(trx, submissionId);
  return loadLocked(trx, submissionId);
}

async function loadLocked(trx: Db, submissionId: string): Promise<LockedSheet> {
  const sheet = await trx.selectFrom('sheets').selectAll().where('submission_id', '=', submissionId).executeTakeFirstOrThrow();
  const assignment = await trx
    .selectFrom('submissions as s')
    .innerJoin('assignments as a', 'a.id', 's.assignment_id')
    .select('a.rubric_json')
    .where('s.id', '=', submissionId)
    .executeTakeFirstOrThrow();
  const fields = await trx.selectFrom('sheet_fields').selectAll().where('submission_id', '=', submissionId).execute();
  return { sheet, rubric: assignmentRubric(assignment), fields };
}

async function whyNotEditable(db: Db, submissionId: string): Promise<GradesheetError> {
  const s = await db.selectFrom('submissions').select('status').where('id', '=', submissionId).executeTakeFirst();
  if (!s) return new GradesheetError('not_found', `No submission ${submissionId}. List submissions with GET /api/v1/submissions.`);
  if (s.status === 'confirmed') return new GradesheetError('sheet_confirmed', 'This sheet is confirmed. Reopen it first (POST …/sheet/reopen with a reason) to change it.');
  return new GradesheetError('sheet_not_ready', `This sheet is not ready for review (status ${s.status}): ${s.status === 'open' ? 'the candidate has not submitted yet' : 'grading is still running'}.`);
}

/** Current value of each field: the human value where set, the suggestion elsewhere. */
function currentValues(fields: SheetFieldRow[]) {
  const items: Record<string, number> = {};
  const flags: Record<string, boolean> = {};
  for (const f of fields) {
    const v = Number(f.value ?? f.suggested);
    if (f.field.startsWith('items.')) items[f.field.slice(6)] = v;
    else if (f.field.startsWith('red_flags.')) flags[f.field.slice(10)] = v === 1;
  }
  return { items, flags };
}

/**
 * A reviewer sets one item score or red flag. A value that differs from the suggestion needs a
 * reason. The first edit moves the sheet to `in_review`.
 */
export async function setSheetField(
  db: Db,
  input: { submissionId: string; kind: FieldKind; id: string; value: number; reason?: string | undefined },
  actor: Actor,
  now: Date,
): Promise<HumanValue<number> & { suggested: number }> {
  const field = fieldName(input.kind, input.id);
  const iso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const locked = await lockEditableSheet(trx, input.submissionId, now);
    const row = locked.fields.find((f) => f.field === field);
    if (!row) {
      const known = locked.fields.filter((f) => f.field.startsWith(`${input.kind}.`)).map((f) => f.field.slice(input.kind.length + 1));
      throw new GradesheetError('not_found', `No ${input.kind === 'items' ? 'checklist item' : 'red flag'} "${input.id}" on this sheet; it has: ${known.join(', ')}.`);
    }
    const suggested = Number(row.suggested);
    const reason = input.reason?.trim() || null;
    if (input.value !== suggested && !reason) {
      const shown = input.kind === 'items' ? String(suggested) : String(suggested === 1);
      throw new GradesheetError('reason_required', `The suggestion for ${input.id} is ${shown}; give a reason when you set something else.`);
    }
    const before = row.set_at === null || row.value === null ? null : Number(row.value);
    await trx.updateTable('sheet_fields').set({ value: input.value, reason, set_by: actor.id, set_at: iso }).where('submission_id', '=', input.submissionId).where('field', '=', field).execute();
    row.value = input.value;
    const pillars = computePillars(locked.rubric, currentValues(locked.fields).items);
    await trx
      .updateTable('sheets')
      .set({ status: 'in_review', pillars_json: JSON.stringify(pillars), review_started_at: locked.sheet.review_started_at ?? iso })
      .where('submission_id', '=', input.submissionId)
      .execute();
    if (locked.sheet.status === 'prefilled') await trx.updateTable('submissions').set({ status: 'in_review', updated_at: iso }).where('id', '=', input.submissionId).execute();
    const shape = (v: number | null) => (v === null ? null : input.kind === 'items' ? v : v === 1);
    await appendAudit(
      trx,
      { submissionId: input.submissionId, actor, action: 'sheet.field_set', field, suggestion: shape(suggested), before: shape(before), after: shape(input.value), reason },
      now,
    );
    return { value: input.value, reason, set_by: actor.id, set_at: iso, suggested };
  });
}

/**
 * Confirm the sheet with the reviewer's decision. Fields the reviewer did not touch are accepted
 * as they were suggested, as the reviewer's explicit choice (audited one by one). A decision
 * other than the rubric's rule applied to the final values needs a note.
 */
export async function confirmSheet(
  db: Db,
  input: { submissionId: string; decision: Decision; note?: string | undefined },
  actor: Actor,
  now: Date,
): Promise<ReviewInfo> {
  const iso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const locked = await lockEditableSheet(trx, input.submissionId, now);
    const untouched = locked.fields.filter((f) => f.value === null);
    if (untouched.length > 0) {
      await trx.updateTable('sheet_fields').set((eb) => ({ value: eb.ref('suggested'), set_by: actor.id, set_at: iso })).where('submission_id', '=', input.submissionId).where('value', 'is', null).execute();
    }
    for (const f of untouched) {
      f.value = f.suggested;
      f.set_by = actor.id;
      f.set_at = iso;
    }
    const { items, flags } = currentValues(locked.fields);
    const pillars = computePillars(locked.rubric, items);
    const rule = decide(locked.rubric, pillars, flags);
    const note = input.note?.trim() || null;
    if (input.decision !== rule && !note) {
      throw new GradesheetError('reason_required', `By the rubric's rule the final scores give "${rule}"; add a note saying why you decide "${input.decision}".`);
    }
    const fieldsChanged = locked.fields.filter((f) => Number(f.value) !== Number(f.suggested)).length;
    const started = locked.sheet.review_started_at ?? iso;
    const seconds = Number(locked.sheet.review_seconds ?? 0) + Math.max(0, (now.getTime() - new Date(started).getTime()) / 1000);
    const review_seconds = Math.round(seconds * 10) / 10;
    await trx
      .updateTable('sheets')
      .set({ status: 'confirmed', decision: input.decision, decision_note: note, reviewer_id: actor.id, review_started_at: started, confirmed_at: iso, review_seconds, fields_changed: fieldsChanged, pillars_json: JSON.stringify(pillars) })
      .where('submission_id', '=', input.submissionId)
      .execute();
    await trx.updateTable('submissions').set({ status: 'confirmed', updated_at: iso }).where('id', '=', input.submissionId).execute();
    const audits: AuditInput[] = untouched.map((f) => {
      const flag = f.field.startsWith('red_flags.');
      const v = flag ? Number(f.suggested) === 1 : Number(f.suggested);
      return { submissionId: input.submissionId, actor, action: 'sheet.field_accepted', field: f.field, suggestion: v, before: null, after: v };
    });
    audits.push({
      submissionId: input.submissionId,
      actor,
      action: 'sheet.confirmed',
      field: 'decision',
      suggestion: locked.sheet.suggested_decision,
      before: { status: locked.sheet.status },
      after: { decision: input.decision, pillars, fields_changed: fieldsChanged, review_seconds },
      reason: note,
    });
    await appendAudits(trx, audits, now);
    return {
      pillars,
      suggested_decision: locked.sheet.suggested_decision,
      decision: input.decision,
      decision_note: note,
      reviewer_id: actor.id,
      review_started_at: started,
      confirmed_at: iso,
      review_seconds,
      fields_changed: fieldsChanged,
    };
  });
}

/** Reopen a confirmed sheet: an explicit act with a reason, audited. Human values stay. */
export async function reopenSheet(db: Db, input: { submissionId: string; reason: string }, actor: Actor, now: Date): Promise<void> {
  const iso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('sheets')
      .set({ updated_at: iso })
      .where('submission_id', '=', input.submissionId)
      .where('status', '=', 'confirmed')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      const e = await whyNotEditable(trx, input.submissionId);
      if (e.code === 'not_found') throw e;
      throw new GradesheetError('conflict', 'Only a confirmed sheet can be reopened; this one can be edited as it is.');
    }
    const sheet = await trx.selectFrom('sheets').selectAll().where('submission_id', '=', input.submissionId).executeTakeFirstOrThrow();
    // A new review session starts now; review_seconds keeps the time spent so far.
    await trx
      .updateTable('sheets')
      .set({ status: 'in_review', decision: null, decision_note: null, confirmed_at: null, review_started_at: iso })
      .where('submission_id', '=', input.submissionId)
      .execute();
    await trx.updateTable('submissions').set({ status: 'in_review', updated_at: iso }).where('id', '=', input.submissionId).execute();
    await appendAudit(
      trx,
      { submissionId: input.submissionId, actor, action: 'sheet.reopened', field: 'decision', before: { status: 'confirmed', decision: sheet.decision, reviewer_id: sheet.reviewer_id }, after: { status: 'in_review' }, reason: input.reason },
      now,
    );
  });
}

/**
 * The sheet as a staff member sees it. When a reviewer opens a sheet that is ready for review,
 * its review clock starts (once), so the review duration runs from first open to confirm.
 */
export async function getSheetView(db: Db, submissionId: string, viewer: Actor & { role: Role }, now: Date): Promise<SheetView> {
  const sub = await db
    .selectFrom('submissions as s')
    .innerJoin('candidates as c', 'c.id', 's.candidate_id')
    .innerJoin('assignments as a', 'a.id', 's.assignment_id')
    .select(['s.id', 's.assignment_id', 's.status', 'c.id as candidate_id', 'c.anon_id', 'c.name', 'c.email', 'c.erased_at', 'a.blind'])
    .where('s.id', '=', submissionId)
    .executeTakeFirst();
  if (!sub) throw new GradesheetError('not_found', `No submission ${submissionId}. List submissions with GET /api/v1/submissions.`);
  if (sub.status === 'open') throw new GradesheetError('sheet_not_ready', 'The candidate has not submitted yet, so there is no sheet.');
  const candidate = visibleCandidate({ id: sub.candidate_id, anon_id: sub.anon_id, name: sub.name, email: sub.email, erased_at: sub.erased_at }, sub.blind === 1, viewer.role);
  let sheet = await db.selectFrom('sheets').selectAll().where('submission_id', '=', submissionId).executeTakeFirst();
  if (!sheet) {
    const job = await latestJob(db, submissionId, 'grade');
    return {
      submission_id: sub.id,
      assignment_id: sub.assignment_id,
      candidate,
      status: 'grading',
      rubric: '',
      files: {},
      items: {},
      red_flags: {},
      pillars: {},
      decision: null,
      warnings: [],
      review: null,
      grading: job ? { status: job.status, attempts: job.attempts, last_error: job.last_error } : null,
      assist: null,
    };
  }
  if (viewer.role === 'reviewer' && sheet.review_started_at === null && (sheet.status === 'prefilled' || sheet.status === 'in_review')) {
    const iso = now.toISOString();
    const started = await db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('sheets').set({ review_started_at: iso }).where('submission_id', '=', submissionId).where('review_started_at', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await appendAudit(trx, { submissionId, actor: viewer, action: 'sheet.review_started', after: { review_started_at: iso } }, now);
      return true;
    });
    if (started) sheet = { ...sheet, review_started_at: iso };
  }
  const fields = await db.selectFrom('sheet_fields').selectAll().where('submission_id', '=', submissionId).execute();
  const byField = new Map(fields.map((f) => [f.field, f]));
  const human = <T>(field: string, map: (v: number) => T): HumanValue<T> | null => {
    const f = byField.get(field);
    if (!f || f.value === null || f.set_by === null || f.set_at === null) return null;
    return { value: map(Number(f.value)), reason: f.reason, set_by: f.set_by, set_at: f.set_at };
  };
  const graded = JSON.parse(sheet.sheet_json) as Sheet;
  return {
    submission_id: sub.id,
    assignment_id: sub.assignment_id,
    candidate,
    status: sheet.status === 'open' ? 'grading' : sheet.status,
    rubric: graded.rubric,
    files: graded.files,
    items: Object.fromEntries(Object.entries(graded.items).map(([id, s]) => [id, { ...s, human: human(fieldName('items', id), (v) => v) }])),
    red_flags: Object.fromEntries(Object.entries(graded.red_flags).map(([id, f]) => [id, { ...f, human: human(fieldName('red_flags', id), (v) => v === 1) }])),
    pillars: graded.pillars,
    decision: graded.decision,
    warnings: graded.warnings,
    review: {
      pillars: JSON.parse(sheet.pillars_json) as Record<string, number>,
      suggested_decision: sheet.suggested_decision,
      decision: sheet.decision,
      decision_note: sheet.decision_note,
      reviewer_id: sheet.reviewer_id,
      review_started_at: sheet.review_started_at,
      confirmed_at: sheet.confirmed_at,
      review_seconds: sheet.review_seconds === null ? null : Number(sheet.review_seconds),
      fields_changed: Number(sheet.fields_changed),
    },
    grading: null,
    assist: graded.assist ?? null,
  };
}
