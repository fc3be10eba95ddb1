import { GradesheetError } from '../errors.js';
import type { Sheet } from '../grading/sheet.js';
import { appendAudits, type Actor } from './audit.js';
import { submissionBlobPrefix, type BlobStore } from './blob-store.js';
import { completeJob, enqueueJob } from './jobs.js';
import { deleteCachedAnswers } from './llm-cache.js';
import type { Receipt } from './submissions.js';
import type { Db } from './schema.js';

export interface Erasure {
  candidate_id: string;
  anon_id: string;
  erased_at: string;
  submissions: string[];
  files_deleted: number;
}

/**
 * Keep the scores, drop every piece of candidate text: quotes, rationales (graders may echo
 * text), warnings (they quote suspicious passages) and file names.
 */
export function scrubSheet(sheet: Sheet): Sheet {
  return {
    ...sheet,
    files: {},
    items: Object.fromEntries(
      Object.entries(sheet.items).map(([k, v]) => [
        k,
        { ...v, rationale: '', evidence: [], ...(v.rule ? { rule: { ...v.rule, rationale: '', evidence: [] } } : {}), ...(v.model ? { model: { ...v.model, rationale: '', evidence: [] } } : {}) },
      ]),
    ),
    red_flags: Object.fromEntries(Object.entries(sheet.red_flags).map(([k, v]) => [k, { ...v, rationale: '', evidence: [], ...(v.model ? { model: { ...v.model, rationale: '', evidence: [] } } : {}) }])),
    warnings: [],
  };
}

/**
 * Erase a candidate: their name and email, the parsed text of their files and the originals.
 * Scores, decisions and the audit log stay, under the anonymous id. The database change and a
 * durable `erase_files` job commit together; the originals are then removed at once, and the job
 * queue retries the removal if this process dies first.
 */
export async function eraseCandidate(db: Db, blobs: BlobStore, candidateId: string, actor: Actor, now: Date): Promise<Erasure> {
  const iso = now.toISOString();
  const result = await db.transaction().execute(async (trx) => {
    const candidate = await trx.selectFrom('candidates').selectAll().where('id', '=', candidateId).executeTakeFirst();
    if (!candidate) throw new GradesheetError('not_found', `No candidate ${candidateId}. Candidate ids are in GET /api/v1/submissions and the summaries.`);
    // Lock the candidate's submissions first: uploads and the grading worker lock them too, so
    // whatever they commit is either seen (and erased) here or refused after this commits.
    await trx.updateTable('submissions').set({ updated_at: iso }).where('candidate_id', '=', candidateId).execute();
    const subs = await trx.selectFrom('submissions').select(['id', 'receipt_json']).where('candidate_id', '=', candidateId).execute();
    const ids = subs.map((s) => s.id);
    if (candidate.erased_at) return { candidate_id: candidate.id, anon_id: candidate.anon_id, erased_at: candidate.erased_at, submissions: ids, files_deleted: 0, fresh: false };
    let filesDeleted = 0;
    if (ids.length > 0) {
      const del = await trx.deleteFrom('files').where('submission_id', 'in', ids).executeTakeFirst();
      filesDeleted = Number(del.numDeletedRows);
      for (const s of subs) {
        if (s.receipt_json) {
          const receipt = JSON.parse(s.receipt_json) as Receipt;
          receipt.files = receipt.files.map((f) => ({ ...f, name: '(erased)' }));
          await trx.updateTable('submissions').set({ receipt_json: JSON.stringify(receipt), updated_at: iso }).where('id', '=', s.id).execute();
        }
      }
      const sheets = await trx.selectFrom('sheets').select(['submission_id', 'sheet_json']).where('submission_id', 'in', ids).execute();
      // The LLM assist's cached answers quote the candidate too.
      await deleteCachedAnswers(trx, sheets.flatMap((sh) => (JSON.parse(sh.sheet_json) as Sheet).assist?.cache_key ?? []));
      for (const sh of sheets) {
        await trx.updateTable('sheets').set({ sheet_json: JSON.stringify(scrubSheet(JSON.parse(sh.sheet_json) as Sheet)) }).where('submission_id', '=', sh.submission_id).execute();
      }
      for (const id of ids) await enqueueJob(trx, { kind: 'erase_files', submissionId: id }, now);
    }
    await trx.updateTable('candidates').set({ name: null, email: null, erased_at: iso }).where('id', '=', candidateId).execute();
    await appendAudits(
      trx,
      ids.map((id) => ({ submissionId: id, actor, action: 'candidate.erased' as const, after: { candidate: candidate.anon_id, files_deleted: filesDeleted } })),
      now,
    );
    return { candidate_id: candidate.id, anon_id: candidate.anon_id, erased_at: iso, submissions: ids, files_deleted: filesDeleted, fresh: true };
  });
  const { fresh, ...erasure } = result;
  // Originals go now; on failure the queued erase_files jobs retry.
  for (const id of erasure.submissions) {
    try {
      await blobs.deletePrefix(submissionBlobPrefix(id));
      if (fresh) {
        const jobs = await db.selectFrom('jobs').select('id').where('submission_id', '=', id).where('kind', '=', 'erase_files').where('status', '=', 'queued').execute();
        for (const j of jobs) await completeJob(db, Number(j.id), now);
      }
    } catch (e) {
      console.error(`erasure of ${id}: removing originals failed, the job queue will retry: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return erasure;
}
