import { sql, type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database, SqlFlavor } from './schema.js';

/**
 * Migrations live in code (not files) so the Workers build bundles them. One list serves SQLite,
 * D1 and Postgres; only auto-increment keys and the append-only triggers differ.
 */
function migrations(flavor: SqlFlavor): Record<string, Migration> {
  const serial = (db: Kysely<unknown>, table: string) =>
    flavor === 'postgres'
      ? db.schema.createTable(table).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  return {
    '0001_initial': {
      async up(db) {
        await db.schema
          .createTable('api_keys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('key_hash', 'text', (c) => c.notNull().unique())
          .addColumn('key_prefix', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text')
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('assignments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('role', 'text')
          .addColumn('rubric_id', 'text', (c) => c.notNull())
          .addColumn('rubric_json', 'text', (c) => c.notNull())
          .addColumn('time_box_hours', 'real', (c) => c.notNull())
          .addColumn('deadline', 'text')
          .addColumn('blind', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('llm_assist', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('candidates')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id'))
          .addColumn('anon_id', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text')
          .addColumn('email', 'text')
          .addColumn('erased_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('submissions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id'))
          .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('opened_at', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('submitted_at', 'text')
          .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('receipt_json', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('submissions_by_assignment').on('submissions').columns(['assignment_id', 'id']).execute();
        await db.schema.createIndex('submissions_by_status').on('submissions').columns(['assignment_id', 'status', 'id']).execute();
        await db.schema
          .createTable('files')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('deliverable', 'text', (c) => c.notNull())
          .addColumn('storage_key', 'text', (c) => c.notNull())
          .addColumn('document_json', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('files_by_submission').on('files').column('submission_id').execute();
        await serial(db, 'jobs')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('submission_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('run_after', 'text', (c) => c.notNull())
          .addColumn('locked_until', 'text')
          .addColumn('last_error', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('jobs_by_status').on('jobs').columns(['status', 'run_after']).execute();
        await db.schema
          .createTable('sheets')
          .addColumn('submission_id', 'text', (c) => c.primaryKey().references('submissions.id'))
          .addColumn('sheet_json', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('suggested_decision', 'text', (c) => c.notNull())
          .addColumn('decision', 'text')
          .addColumn('decision_note', 'text')
          .addColumn('reviewer_id', 'text')
          .addColumn('review_started_at', 'text')
          .addColumn('confirmed_at', 'text')
          .addColumn('review_seconds', 'real')
          .addColumn('fields_changed', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('pillars_json', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sheet_fields')
          .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
          .addColumn('field', 'text', (c) => c.notNull())
          .addColumn('suggested', 'integer', (c) => c.notNull())
          .addColumn('value', 'integer')
          .addColumn('reason', 'text')
          .addColumn('set_by', 'text')
          .addColumn('set_at', 'text')
          .addPrimaryKeyConstraint('sheet_fields_pk', ['submission_id', 'field'])
          .execute();
        await serial(db, 'audit_log')
          .addColumn('submission_id', 'text')
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('field', 'text')
          .addColumn('suggestion', 'text')
          .addColumn('before', 'text')
          .addColumn('after', 'text')
          .addColumn('reason', 'text')
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('audit_by_submission').on('audit_log').columns(['submission_id', 'id']).execute();
        await db.schema
          .createTable('settings')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('llm_cache')
          .addColumn('cache_key', 'text', (c) => c.primaryKey())
          .addColumn('response_json', 'text', (c) => c.notNull())
          .addColumn('input_tokens', 'integer', (c) => c.notNull())
          .addColumn('output_tokens', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        // The audit log is append-only, in the database itself.
        if (flavor === 'postgres') {
          await sql`CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql`.execute(db);
          await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
        } else {
          await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
          await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
        }
      },
    },
    '0002_service': {
      async up(db) {
        // Who acted, by role, beside the key id (the audit log names no people).
        await db.schema.alterTable('audit_log').addColumn('actor_role', 'text').execute();
        // Uploading a file with the same name replaces it: one name per submission.
        await db.schema.createIndex('files_by_submission_name').on('files').columns(['submission_id', 'name']).unique().execute();
        await db.schema.createIndex('submissions_by_candidate').on('submissions').column('candidate_id').execute();
        await db.schema.createIndex('candidates_by_assignment').on('candidates').columns(['assignment_id', 'id']).execute();
        await db.schema.createIndex('jobs_by_submission').on('jobs').columns(['submission_id', 'kind']).execute();
      },
    },
    '0004_llm_assist': {
      async up(db) {
        // What the LLM assist spent per submission, written with the sheet (summaries show it).
        await db.schema
          .createTable('llm_usage')
          .addColumn('submission_id', 'text', (c) => c.primaryKey().references('submissions.id'))
          .addColumn('model', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('cache_hit', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('input_tokens', 'integer', (c) => c.notNull())
          .addColumn('output_tokens', 'integer', (c) => c.notNull())
          .addColumn('cached_input_tokens', 'integer', (c) => c.notNull())
          .addColumn('cost_usd', 'double precision', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0005_pages': {
      async up(db) {
        // Staff sign in to the pages with their API key; the cookie's secret is stored as its SHA-256.
        await db.schema
          .createTable('staff_sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('key_id', 'text', (c) => c.notNull().references('api_keys.id'))
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('staff_sessions_by_expiry').on('staff_sessions').column('expires_at').execute();
        await db.schema.createIndex('staff_sessions_by_key').on('staff_sessions').column('key_id').execute();
      },
    },
  };
}

class CodeMigrations implements MigrationProvider {
  constructor(private readonly flavor: SqlFlavor) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.flavor);
  }
}

/** Bring the database to the latest schema; safe to call at every start. */
export async function migrateToLatest(db: Kysely<Database>, flavor: SqlFlavor): Promise<void> {
  // Migrations are numbered per feature and may land in any order (0005 before 0004); each one
  // only adds, so a database that already has a later one still takes an earlier newcomer.
  const migrator = new Migrator({ db, provider: new CodeMigrations(flavor), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
