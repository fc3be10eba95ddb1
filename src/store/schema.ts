/**
 * The database schema, as Kysely types. Timestamps are ISO-8601 strings (UTC) and booleans are
 * 0/1 integers, so SQLite, D1 and Postgres share one schema and one set of queries.
 */
import type { Generated, Insertable, Kysely, Selectable } from 'kysely';

export type Role = 'admin' | 'hiring_manager' | 'reviewer';
export type SubmissionStatus = 'open' | 'grading' | 'prefilled' | 'in_review' | 'confirmed';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ApiKeyTable {
  id: string;
  name: string;
  role: Role;
  /** SHA-256 of the key: keys are high-entropy random strings, so a fast hash is enough. */
  key_hash: string;
  /** The first characters of the key, to tell keys apart in lists. */
  key_prefix: string;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
}

export interface AssignmentTable {
  id: string;
  title: string;
  role: string | null;
  rubric_id: string;
  rubric_json: string;
  time_box_hours: number;
  deadline: string | null;
  /** 1: reviewers see an anonymous id, not the candidate's identity. */
  blind: number;
  /** 1: the LLM assist runs for this assignment (issue 5). */
  llm_assist: number;
  created_by: string;
  created_at: string;
}

export interface CandidateTable {
  id: string;
  assignment_id: string;
  /** Shown to blind reviewers and kept in the audit log after erasure. */
  anon_id: string;
  name: string | null;
  email: string | null;
  erased_at: string | null;
  created_at: string;
}

export interface SubmissionTable {
  id: string;
  assignment_id: string;
  candidate_id: string;
  /** SHA-256 of the link token (the token itself is shown once). */
  token_hash: string;
  expires_at: string;
  opened_at: string | null;
  status: SubmissionStatus;
  submitted_at: string | null;
  late: number;
  receipt_json: string | null;
  created_at: string;
  updated_at: string;
}

export interface FileTable {
  id: string;
  submission_id: string;
  name: string;
  size: number;
  sha256: string;
  format: string;
  deliverable: string;
  storage_key: string;
  /** The parsed Document (JSON); the grader reads this, never the bytes. */
  document_json: string | null;
  created_at: string;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  submission_id: string;
  status: JobStatus;
  attempts: number;
  run_after: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface SheetTable {
  submission_id: string;
  /** The pre-filled sheet exactly as the graders produced it. */
  sheet_json: string;
  status: SubmissionStatus;
  suggested_decision: string;
  decision: string | null;
  decision_note: string | null;
  reviewer_id: string | null;
  review_started_at: string | null;
  confirmed_at: string | null;
  review_seconds: number | null;
  fields_changed: number;
  pillars_json: string;
  updated_at: string;
}

/** One row per item and red flag: the suggestion beside the human value. */
export interface SheetFieldTable {
  submission_id: string;
  /** `items.kpis` or `red_flags.no_tradeoffs`. */
  field: string;
  suggested: number;
  value: number | null;
  reason: string | null;
  set_by: string | null;
  set_at: string | null;
}

/** Append-only: no route updates or deletes it, and database triggers refuse it. */
export interface AuditTable {
  id: Generated<number>;
  submission_id: string | null;
  /** A key id (`key_…`), `system` or `candidate`: never a name or an email. */
  actor: string;
  /** The actor's role when it acted: admin, hiring_manager, reviewer, system or candidate. */
  actor_role: string | null;
  action: string;
  field: string | null;
  suggestion: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface LlmCacheTable {
  cache_key: string;
  response_json: string;
  input_tokens: number;
  output_tokens: number;
  created_at: string;
}

/** What the LLM assist spent on one submission (issue 5); one row per graded submission that asked for it. */
export interface LlmUsageTable {
  submission_id: string;
  model: string | null;
  /** `ok`, `failed` or `off` (switched off by an admin), as in the sheet's `assist.status`. */
  status: string;
  /** 1: answered from `llm_cache`, at no cost. */
  cache_hit: number;
  input_tokens: number;
  output_tokens: number;
  cached_input_tokens: number;
  /** Estimated from the price table, in USD. */
  cost_usd: number;
  created_at: string;
}

export interface Database {
  api_keys: ApiKeyTable;
  assignments: AssignmentTable;
  candidates: CandidateTable;
  submissions: SubmissionTable;
  files: FileTable;
  jobs: JobTable;
  sheets: SheetTable;
  sheet_fields: SheetFieldTable;
  audit_log: AuditTable;
  settings: SettingTable;
  llm_cache: LlmCacheTable;
  llm_usage: LlmUsageTable;
}

export type Db = Kysely<Database>;
export type ApiKey = Selectable<ApiKeyTable>;
export type Assignment = Selectable<AssignmentTable>;
export type Submission = Selectable<SubmissionTable>;
export type FileRow = Selectable<FileTable>;
export type NewAudit = Insertable<AuditTable>;
export type Candidate = Selectable<CandidateTable>;
export type Job = Selectable<JobTable>;
export type SheetRow = Selectable<SheetTable>;
export type SheetFieldRow = Selectable<SheetFieldTable>;
export type AuditRow = Selectable<AuditTable>;

/** Which SQL the database speaks: migrations differ only in auto-increment and triggers. */
export type SqlFlavor = 'sqlite' | 'postgres';
