import type { AuditRow, Db, Role } from './schema.js';

/** Who did something: a staff key (id + role), the grading worker, or the holder of a link. */
export type Actor = { id: string; role: Role } | { id: 'system'; role: 'system' } | { id: 'candidate'; role: 'candidate' };

export const systemActor: Actor = { id: 'system', role: 'system' };
export const candidateActor: Actor = { id: 'candidate', role: 'candidate' };

/**
 * Every change the service makes. Entries name people only by key id or anonymous id, never by
 * name, email or file name, so erasing a candidate leaves the log intact and anonymous.
 */
export const auditActions = [
  'key.created',
  'key.revoked',
  'assignment.created',
  'assignment.updated',
  'link.created',
  'link.opened',
  'file.uploaded',
  'file.replaced',
  'file.deleted',
  'submission.submitted',
  'sheet.prefilled',
  'sheet.review_started',
  'sheet.field_set',
  'sheet.field_accepted',
  'sheet.confirmed',
  'sheet.reopened',
  'grading.failed',
  'candidate.erased',
  'settings.changed',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditInput {
  submissionId: string | null;
  actor: Actor;
  action: AuditAction;
  field?: string;
  /** What the graders suggested for this field, when there is a suggestion. */
  suggestion?: unknown;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditEntry {
  id: number;
  submission_id: string | null;
  actor: string;
  actor_role: string | null;
  action: string;
  field: string | null;
  suggestion: unknown;
  before: unknown;
  after: unknown;
  reason: string | null;
  at: string;
}

const encode = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
const decode = (v: string | null): unknown => (v === null ? null : (JSON.parse(v) as unknown));

/** Append one entry (inside the caller's transaction, so the change and its record commit together). */
export async function appendAudit(db: Db, entry: AuditInput, now: Date): Promise<void> {
  await appendAudits(db, [entry], now);
}

export async function appendAudits(db: Db, entries: AuditInput[], now: Date): Promise<void> {
  if (entries.length === 0) return;
  const at = now.toISOString();
  await db
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        submission_id: e.submissionId,
        actor: e.actor.id,
        actor_role: e.actor.role,
        action: e.action,
        field: e.field ?? null,
        suggestion: encode(e.suggestion),
        before: encode(e.before),
        after: encode(e.after),
        reason: e.reason ?? null,
        at,
      })),
    )
    .execute();
}

/** The log of one submission, oldest first. */
export async function listAudit(db: Db, submissionId: string): Promise<AuditEntry[]> {
  const rows: AuditRow[] = await db.selectFrom('audit_log').selectAll().where('submission_id', '=', submissionId).orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), suggestion: decode(r.suggestion), before: decode(r.before), after: decode(r.after) }));
}
