import { GradesheetError } from '../errors.js';
import { parseRubric, type Rubric } from '../grading/rubric.js';
import { appendAudit, type Actor } from './audit.js';
import { newId } from './crypto.js';
import { decodeCursor, toPage, type Page } from './pagination.js';
import type { Assignment, Db } from './schema.js';

export interface NewAssignment {
  title: string;
  role?: string | null | undefined;
  rubric: Rubric;
  time_box_hours?: number | undefined;
  deadline?: string | null | undefined;
  blind?: boolean | undefined;
  /** Ask the LLM assist for a second opinion on this assignment's submissions (default off). */
  llm_assist?: boolean | undefined;
}

/** An assignment as the API shows it. */
export interface AssignmentView {
  id: string;
  title: string;
  role: string | null;
  rubric: string;
  time_box_hours: number;
  deadline: string | null;
  blind: boolean;
  llm_assist: boolean;
  created_by: string;
  created_at: string;
}

export function toAssignmentView(row: Assignment): AssignmentView {
  return {
    id: row.id,
    title: row.title,
    role: row.role,
    rubric: row.rubric_id,
    time_box_hours: Number(row.time_box_hours),
    deadline: row.deadline,
    blind: row.blind === 1,
    llm_assist: row.llm_assist === 1,
    created_by: row.created_by,
    created_at: row.created_at,
  };
}

/** Create an assignment; blind (reviewers see anonymous ids) unless told otherwise. */
export async function createAssignment(db: Db, input: NewAssignment, actor: Actor, now: Date): Promise<Assignment> {
  const row: Assignment = {
    id: newId('asg', now),
    title: input.title,
    role: input.role ?? null,
    rubric_id: input.rubric.id,
    rubric_json: JSON.stringify(input.rubric),
    time_box_hours: input.time_box_hours ?? input.rubric.time_box_hours,
    deadline: input.deadline ?? null,
    blind: input.blind === false ? 0 : 1,
    llm_assist: input.llm_assist === true ? 1 : 0,
    created_by: actor.id,
    created_at: now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('assignments').values(row).execute();
    await appendAudit(trx, { submissionId: null, actor, action: 'assignment.created', after: { id: row.id, rubric: row.rubric_id, blind: row.blind === 1, llm_assist: row.llm_assist === 1 } }, now);
  });
  return row;
}

/** Switch the LLM assist on or off for an assignment's next gradings (audited). */
export async function setAssignmentLlmAssist(db: Db, id: string, enabled: boolean, actor: Actor, now: Date): Promise<Assignment> {
  return db.transaction().execute(async (trx) => {
    const before = await getAssignment(trx, id);
    await trx.updateTable('assignments').set({ llm_assist: enabled ? 1 : 0 }).where('id', '=', id).execute();
    await appendAudit(trx, { submissionId: null, actor, action: 'assignment.updated', field: 'llm_assist', before: { id, llm_assist: before.llm_assist === 1 }, after: { id, llm_assist: enabled } }, now);
    return { ...before, llm_assist: enabled ? 1 : 0 };
  });
}

export async function getAssignment(db: Db, id: string): Promise<Assignment> {
  const row = await db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new GradesheetError('not_found', `No assignment ${id}. List assignments with GET /api/v1/assignments.`);
  return row;
}

export async function listAssignments(db: Db, options: { cursor?: string | undefined; limit: number }): Promise<Page<Assignment>> {
  const after = decodeCursor(options.cursor);
  let q = db.selectFrom('assignments').selectAll().orderBy('id').limit(options.limit + 1);
  if (after) q = q.where('id', '>', after);
  return toPage(await q.execute(), options.limit, (r) => r.id);
}

const rubrics = new Map<string, Rubric>();

/** The rubric an assignment was created with (validated once per process, then cached). */
export function assignmentRubric(row: Pick<Assignment, 'rubric_json'>): Rubric {
  let rubric = rubrics.get(row.rubric_json);
  if (!rubric) {
    rubric = parseRubric(JSON.parse(row.rubric_json), 'the assignment rubric');
    if (rubrics.size > 100) rubrics.clear();
    rubrics.set(row.rubric_json, rubric);
  }
  return rubric;
}
