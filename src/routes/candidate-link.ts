import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { defaultLimits } from '../documents/limits.js';
import { describeDocument, parseDocument } from '../documents/parse.js';
import { GradesheetError } from '../errors.js';
import { assignmentRubric } from '../store/assignments.js';
import { sha256Hex } from '../store/crypto.js';
import { addFiles, deleteFile, listFiles, loadDocuments, type ParsedUpload } from '../store/files.js';
import { alreadySubmitted, dueAt, expired, isExpired, openLink, resolveLink, type ResolvedLink } from '../store/links.js';
import type { Receipt } from '../store/submissions.js';
import { submitSubmission } from '../store/submissions.js';
import { candidatePage } from '../pages/candidate-page.js';
import { pageErrorHandler, renderPage } from '../pages/respond.js';
import type { ServiceDeps } from './deps.js';

/** A file name as we keep it: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const short = cleaned.length > 200 ? cleaned.slice(0, 150) + cleaned.slice(-50) : cleaned;
  return short || 'upload';
}

/** The brief and the state of a submission, for the candidate (JSON and the page). */
export function linkView(link: ResolvedLink, files: Awaited<ReturnType<typeof listFiles>>, now: Date, maxFiles: number, maxFileBytes = defaultLimits.maxFileBytes) {
  const { submission, assignment } = link;
  const rubric = assignmentRubric(assignment);
  const due = dueAt(submission, assignment);
  const submitted = submission.status !== 'open';
  return {
    submission_id: submission.id,
    assignment: { title: assignment.title, role: assignment.role },
    brief: {
      deliverables: rubric.deliverables ?? {},
      time_box_hours: Number(assignment.time_box_hours),
      deadline: assignment.deadline,
    },
    status: submitted ? ('submitted' as const) : ('open' as const),
    opened_at: submission.opened_at,
    due_at: due,
    time_remaining_seconds: due === null || submitted ? null : Math.max(0, Math.floor((new Date(due).getTime() - now.getTime()) / 1000)),
    expires_at: submission.expires_at,
    files: files.map((f) => ({ id: f.id, name: f.name, format: f.format, deliverable: f.deliverable, size: Number(f.size), sha256: f.sha256, uploaded_at: f.created_at })),
    limits: { max_files: maxFiles, max_file_bytes: maxFileBytes, formats: ['markdown', 'text', 'docx', 'pdf', 'pptx'] },
    receipt: submission.receipt_json ? (JSON.parse(submission.receipt_json) as Receipt) : null,
  };
}

export type LinkView = ReturnType<typeof linkView>;

/** A stored upload as the API answers it: what was read, at once. */
export interface UploadedFile {
  id: string;
  name: string;
  format: string;
  deliverable: string;
  size: number;
  sha256: string;
  parsed: { sections: number; summary: string; stats: unknown };
}

/**
 * Parse every file and keep them all, or none: the first unusable file throws the parser's typed
 * error (415, 422, 413 …) naming it. The API and the page's upload form both come here.
 */
export async function receiveUploads(deps: ServiceDeps, link: ResolvedLink, files: File[]): Promise<UploadedFile[]> {
  const maxFiles = deps.config.maxFilesPerSubmission;
  if (files.length === 0) throw new GradesheetError('invalid_request', 'No file in the upload: send one or more files in the multipart field "file".');
  if (files.length > maxFiles) throw new GradesheetError('too_many_files', `At most ${maxFiles} files per submission; this upload has ${files.length}.`);
  const uploads: ParsedUpload[] = [];
  for (const f of files) {
    const name = cleanFileName(f.name);
    const bytes = new Uint8Array(await f.arrayBuffer());
    const document = await (deps.parse ?? parseDocument)({ name, bytes });
    uploads.push({ name, bytes, sha256: await sha256Hex(bytes), document });
  }
  const stored = await addFiles(deps.db, deps.blobs, link.submission, uploads, { maxFiles }, deps.now());
  return stored.map((f, i) => {
    const doc = uploads[i]!.document;
    return {
      id: f.id,
      name: f.name,
      format: f.format,
      deliverable: f.deliverable,
      size: Number(f.size),
      sha256: f.sha256,
      parsed: { sections: doc.sections.length, summary: describeDocument(doc), stats: doc.stats ?? null },
    };
  });
}

/** What was read from each stored file ("Year1 cost.pptx: 1 slide, a table of 6 rows read"), by file name. */
export async function readSummaries(deps: ServiceDeps, submissionId: string): Promise<Record<string, string>> {
  const documents = await loadDocuments(deps.db, submissionId);
  return Object.fromEntries(documents.map((d) => [d.file, describeDocument(d)]));
}

/** The submission a link token opens, refused when it expired before the submit. */
export async function openLinkOf(deps: ServiceDeps, token: string): Promise<ResolvedLink> {
  const link = await resolveLink(deps.db, token);
  if (link.submission.status === 'open' && isExpired(link.submission, deps.now())) throw expired(link.submission);
  return link;
}

/** Upload bodies over MAX_UPLOAD_MB get 413 before they are read. */
export function uploadBodyLimit(deps: ServiceDeps) {
  return bodyLimit({
    maxSize: deps.config.maxUploadBytes,
    onError: () => {
      throw new GradesheetError('payload_too_large', `The upload is larger than ${Math.floor(deps.config.maxUploadBytes / 1024 / 1024)} MB. Upload fewer files at a time (each file at most ${(deps.config.maxFileBytes ?? defaultLimits.maxFileBytes) / 1024 / 1024} MB).`);
    },
  });
}

/** The files of a multipart upload (field `file`, one or more). */
export async function readUploadedFiles(c: Context): Promise<File[]> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    throw new GradesheetError('unsupported_media_type', 'Send files as multipart/form-data in the field "file".');
  }
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch (e) {
    if (e instanceof GradesheetError) throw e;
    throw new GradesheetError('invalid_request', 'The upload could not be read as multipart/form-data. Try again.');
  }
  // An empty file input still sends a part with no name and no bytes: that is no file.
  return form.getAll('file').filter((f): f is File => typeof f !== 'string' && !(f.name === '' && f.size === 0));
}

/**
 * Candidate routes: `/s/<token>` and below. The token is the only credential: it is looked up by
 * its SHA-256, and every file id is checked against the token's own submission.
 */
export function createCandidateRoutes(deps: ServiceDeps): Hono {
  const app = new Hono();
  const maxFiles = deps.config.maxFilesPerSubmission;
  // A browser opening a dead or unknown link gets a page; scripts keep the JSON errors.
  app.onError(pageErrorHandler());
  const openableLink = (c: Context) => openLinkOf(deps, c.req.param('token') ?? '');

  app.get('/s/:token', async (c) => {
    const link = await openableLink(c);
    const now = deps.now();
    if (link.submission.status === 'open') link.submission = await openLink(deps.db, link.submission, now);
    const view = linkView(link, await listFiles(deps.db, link.submission.id), now, maxFiles, deps.config.maxFileBytes);
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    if ((c.req.header('accept') ?? '').includes('application/json')) return c.json(view);
    const added = (c.req.query('added') ?? '').split(',').filter(Boolean);
    return renderPage(c, candidatePage({ view, token: c.req.param('token'), summaries: await readSummaries(deps, link.submission.id), added, removed: c.req.query('removed') === '1' }));
  });

  app.post('/s/:token/files', uploadBodyLimit(deps), async (c) => {
    // Refuse before reading the body when the link cannot take files.
    const link = await openableLink(c);
    if (link.submission.status !== 'open') throw alreadySubmitted();
    const files = await readUploadedFiles(c);
    return c.json({ files: await receiveUploads(deps, link, files) }, 201);
  });

  app.delete('/s/:token/files/:file_id', async (c) => {
    const link = await openableLink(c);
    const fileId = c.req.param('file_id');
    await deleteFile(deps.db, deps.blobs, link.submission, fileId, deps.now());
    return c.json({ id: fileId, deleted: true });
  });

  app.post('/s/:token/submit', async (c) => {
    const link = await openableLink(c);
    const { receipt, queued } = await submitSubmission(deps.db, link.submission, link.assignment, deps.now());
    if (queued) deps.onJobQueued?.();
    return c.json(receipt, 200);
  });

  return app;
}
