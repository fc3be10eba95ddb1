// Seeds one assignment with many graded submissions for the summary timing of bench/http.ts:
// candidates, submissions, sheets (the real sheet of a fixture submission, so rows have their
// real size) and sheet fields, in bulk, straight into the database (the server is stopped).
// Half the submissions are confirmed with a decision; the rest are prefilled, in review or grading.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { parseDocument } from '../src/documents/parse.js';
import { gradeDocuments } from '../src/grading/index.js';
import { newAnonId, newId } from '../src/store/crypto.js';

export interface SeedResult {
  assignmentId: string;
  rows: number;
  fields: number;
  seconds: number;
  /** The id of the submission at 90% of the list, for a cursor deep in it. */
  deepId: string;
  deepIndex: number;
}

const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

// A small deterministic generator, so every run seeds the same mix.
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Row = Record<string, string | number | null>;

async function generate(assignmentId: string, n: number) {
  const dir = join(repoRoot, 'fixtures', 'submissions', '01-support-copilot-strong');
  const docs = [];
  for (const name of ['roadmap.md', 'RAI_Policy_v2.docx', 'Year1_Cost_Model.pptx']) docs.push(await parseDocument({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  const sheet = gradeDocuments(docs);
  const sheetJson = JSON.stringify(sheet);
  const pillarsJson = JSON.stringify(sheet.pillars);
  const fieldDefs = [
    ...Object.entries(sheet.items).map(([id, s]) => ({ field: `items.${id}`, suggested: s.suggested, max: 3 })),
    ...Object.entries(sheet.red_flags).map(([id, f]) => ({ field: `red_flags.${id}`, suggested: f.present ? 1 : 0, max: 1 })),
  ];
  const rand = lcg(42);
  const start = Date.now() - n * 60_000;
  const candidates: Row[] = [];
  const submissions: Row[] = [];
  const sheets: Row[] = [];
  const fields: Row[] = [];
  let deepId = '';
  for (let i = 0; i < n; i++) {
    const at = new Date(start + i * 60_000);
    const iso = at.toISOString();
    const later = new Date(at.getTime() + 3600_000).toISOString();
    const r = rand();
    const status = r < 0.5 ? 'confirmed' : r < 0.8 ? 'prefilled' : r < 0.95 ? 'in_review' : 'grading';
    const cand = newId('cand', at);
    const sub = newId('sub', at);
    if (i === Math.floor(n * 0.9)) deepId = sub;
    candidates.push({ id: cand, assignment_id: assignmentId, anon_id: newAnonId(), name: `Seeded Candidate ${i}`, email: `seeded${i}@example.com`, erased_at: null, created_at: iso });
    const receipt = JSON.stringify({ submission_id: sub, files: docs.map((d, k) => ({ name: d.file, size: 10_000 + k, sha256: 'ab'.repeat(32) })), submitted_at: iso, late: false });
    submissions.push({
      id: sub,
      assignment_id: assignmentId,
      candidate_id: cand,
      token_hash: `${sub}${'0'.repeat(64)}`.slice(0, 64),
      expires_at: new Date(at.getTime() + 14 * 86400_000).toISOString(),
      opened_at: iso,
      status,
      submitted_at: iso,
      late: rand() < 0.05 ? 1 : 0,
      receipt_json: receipt,
      created_at: iso,
      updated_at: later,
    });
    if (status === 'grading') continue;
    const confirmed = status === 'confirmed';
    let changed = 0;
    for (const f of fieldDefs) {
      const set = confirmed || (status === 'in_review' && rand() < 0.3);
      let value: number | null = null;
      let reason: string | null = null;
      if (set) {
        value = f.suggested;
        if (rand() < 0.15) {
          value = f.max === 1 ? 1 - f.suggested : (f.suggested + 1) % 4;
          reason = 'The evidence supports a different score.';
          changed++;
        }
      }
      fields.push({ submission_id: sub, field: f.field, suggested: f.suggested, value, reason, set_by: set ? 'key_seededreviewer' : null, set_at: set ? later : null });
    }
    sheets.push({
      submission_id: sub,
      sheet_json: sheetJson,
      status,
      suggested_decision: sheet.decision,
      decision: confirmed ? (rand() < 0.4 ? 'advance' : 'do_not_advance') : null,
      decision_note: null,
      reviewer_id: status === 'prefilled' ? null : 'key_seededreviewer',
      review_started_at: status === 'prefilled' ? null : iso,
      confirmed_at: confirmed ? later : null,
      review_seconds: confirmed ? Math.round(300 + rand() * 3000) : null,
      fields_changed: changed,
      pillars_json: pillarsJson,
      updated_at: later,
    });
  }
  return { candidates, submissions, sheets, fields, deepId };
}

const TABLES = ['candidates', 'submissions', 'sheets', 'sheet_fields'] as const;

async function seedSqlite(dataDir: string, data: Awaited<ReturnType<typeof generate>>): Promise<void> {
  const db = new BetterSqlite3(join(resolve(dataDir), 'gradesheet.db'));
  try {
    db.pragma('journal_mode = WAL');
    const rowsOf = { candidates: data.candidates, submissions: data.submissions, sheets: data.sheets, sheet_fields: data.fields };
    for (const table of TABLES) {
      const rows = rowsOf[table];
      const cols = Object.keys(rows[0]!);
      const insert = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      const many = db.transaction((batch: Row[]) => {
        for (const r of batch) insert.run(r);
      });
      for (let i = 0; i < rows.length; i += 20_000) many(rows.slice(i, i + 20_000));
    }
    // Leave the database as a server would find it after a while: the WAL folded back in.
    // No ANALYZE: the service does not run one, so the planner has what the service gives it.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

const PG_TYPES: Record<string, string> = { late: 'int', suggested: 'int', value: 'int', fields_changed: 'int', review_seconds: 'real' };

async function seedPostgres(url: string, data: Awaited<ReturnType<typeof generate>>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rowsOf = { candidates: data.candidates, submissions: data.submissions, sheets: data.sheets, sheet_fields: data.fields };
    await client.query('BEGIN');
    for (const table of TABLES) {
      const rows = rowsOf[table];
      const cols = Object.keys(rows[0]!);
      const sql = `INSERT INTO ${table} (${cols.join(', ')}) SELECT * FROM unnest(${cols.map((c, i) => `$${i + 1}::${PG_TYPES[c] ?? 'text'}[]`).join(', ')})`;
      for (let i = 0; i < rows.length; i += 5_000) {
        const batch = rows.slice(i, i + 5_000);
        await client.query(sql, cols.map((c) => batch.map((r) => r[c] ?? null)));
      }
    }
    await client.query('COMMIT');
    // Autovacuum would analyze these tables within a minute of such a load; do it now.
    await client.query('ANALYZE');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}

/** Seed `n` submissions into the assignment `assignmentId` of the database `env` names. */
export async function seedSummary(env: Record<string, string>, assignmentId: string, n: number): Promise<SeedResult> {
  const t0 = performance.now();
  const data = await generate(assignmentId, n);
  if (env.DATABASE_URL) await seedPostgres(env.DATABASE_URL, data);
  else await seedSqlite(env.DATA_DIR!, data);
  return { assignmentId, rows: n, fields: data.fields.length, seconds: (performance.now() - t0) / 1000, deepId: data.deepId, deepIndex: Math.floor(n * 0.9) };
}
