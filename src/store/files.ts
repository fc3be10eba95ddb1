import { documentSchema, type Document } from '../documents/model.js';
import { GradesheetError } from '../errors.js';
import { appendAudits, candidateActor, type AuditInput } from './audit.js';
import { fileBlobKey, type BlobStore } from './blob-store.js';
import { newId } from './crypto.js';
import { alreadySubmitted, expired, isExpired, lockOpenSubmission } from './links.js';
import type { Db, FileRow, Submission } from './schema.js';

/** A file that was read at upload: the route parses, the store keeps. */
export interface ParsedUpload {
  name: string;
  bytes: Uint8Array;
  sha256: string;
  document: Document;
}

/** A stored file without its parsed text. */
export type FileInfo = Omit<FileRow, 'document_json' | 'storage_key'>;

const INFO_COLUMNS = ['id', 'submission_id', 'name', 'size', 'sha256', 'format', 'deliverable', 'created_at'] as const;

/**
 * Keep uploaded files: originals go to the blob store first, then one transaction records them
 * (replacing files of the same name). A refused transaction removes the new originals again;
 * replaced originals are removed after the commit.
 */
export async function addFiles(
  db: Db,
  blobs: BlobStore,
  submission: Submission,
  uploads: ParsedUpload[],
  limits: { maxFiles: number },
  now: Date,
): Promise<FileInfo[]> {
  if (submission.status !== 'open') throw alreadySubmitted();
  if (isExpired(submission, now)) throw expired(submission);
  const names = new Set<string>();
  for (const u of uploads) {
    if (names.has(u.name)) throw new GradesheetError('invalid_request', `Two files are named ${u.name} in this upload; rename one and upload again.`, { file: u.name });
    names.add(u.name);
  }
  const iso = now.toISOString();
  const rows: FileRow[] = uploads.map((u) => {
    const id = newId('file', now);
    return {
      id,
      submission_id: submission.id,
      name: u.name,
      size: u.bytes.length,
      sha256: u.sha256,
      format: u.document.format,
      deliverable: u.document.deliverable,
      storage_key: fileBlobKey(submission.id, id),
      document_json: JSON.stringify(u.document),
      created_at: iso,
    };
  });
  for (const [i, row] of rows.entries()) await blobs.put(row.storage_key, uploads[i]!.bytes);
  let replacedKeys: string[];
  try {
    replacedKeys = await db.transaction().execute(async (trx) => {
      await lockOpenSubmission(trx, submission, now);
      const existing = await trx.selectFrom('files').select(['id', 'name', 'sha256', 'storage_key']).where('submission_id', '=', submission.id).execute();
      const replaced = existing.filter((f) => names.has(f.name));
      const total = existing.length - replaced.length + rows.length;
      if (total > limits.maxFiles) {
        throw new GradesheetError('too_many_files', `A submission holds at most ${limits.maxFiles} files; this upload would make ${total}. Remove a file first, or combine files.`);
      }
      if (replaced.length > 0) await trx.deleteFrom('files').where('id', 'in', replaced.map((f) => f.id)).execute();
      await trx.insertInto('files').values(rows).execute();
      if (!submission.opened_at) await trx.updateTable('submissions').set({ opened_at: iso }).where('id', '=', submission.id).where('opened_at', 'is', null).execute();
      const audits: AuditInput[] = rows.map((r) => {
        const old = replaced.find((f) => f.name === r.name);
        return {
          submissionId: submission.id,
          actor: candidateActor,
          action: old ? 'file.replaced' : 'file.uploaded',
          // File names can carry identity: the log keeps ids and hashes only.
          before: old ? { id: old.id, sha256: old.sha256 } : undefined,
          after: { id: r.id, sha256: r.sha256, size: r.size, format: r.format, deliverable: r.deliverable },
        };
      });
      await appendAudits(trx, audits, now);
      return replaced.map((f) => f.storage_key);
    });
  } catch (e) {
    await Promise.allSettled(rows.map((r) => blobs.delete(r.storage_key)));
    throw e;
  }
  await Promise.allSettled(replacedKeys.map((k) => blobs.delete(k)));
  return rows.map(({ document_json: _d, storage_key: _k, ...info }) => info);
}

/** Remove one file before the final submit. */
export async function deleteFile(db: Db, blobs: BlobStore, submission: Submission, fileId: string, now: Date): Promise<void> {
  if (submission.status !== 'open') throw alreadySubmitted();
  const key = await db.transaction().execute(async (trx) => {
    await lockOpenSubmission(trx, submission, now);
    const row = await trx.selectFrom('files').select(['id', 'sha256', 'storage_key']).where('id', '=', fileId).where('submission_id', '=', submission.id).executeTakeFirst();
    if (!row) throw new GradesheetError('not_found', `No file ${fileId} in this submission. GET this link with Accept: application/json lists the files.`);
    await trx.deleteFrom('files').where('id', '=', row.id).execute();
    await appendAudits(trx, [{ submissionId: submission.id, actor: candidateActor, action: 'file.deleted', before: { id: row.id, sha256: row.sha256 } }], now);
    return row.storage_key;
  });
  await blobs.delete(key);
}

/** The files of a submission, by name. */
export async function listFiles(db: Db, submissionId: string): Promise<FileInfo[]> {
  const rows = await db.selectFrom('files').select(INFO_COLUMNS).where('submission_id', '=', submissionId).execute();
  return rows.sort(byName);
}

/** The parsed documents of a submission, by file name, so grading does not depend on upload order. */
export async function loadDocuments(db: Db, submissionId: string): Promise<Document[]> {
  const rows = await db.selectFrom('files').select(['name', 'document_json']).where('submission_id', '=', submissionId).execute();
  return rows.sort(byName).flatMap((r) => (r.document_json === null ? [] : [documentSchema.parse(JSON.parse(r.document_json))]));
}

// Code-point order in JS: SQLite and Postgres collations disagree on names.
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
