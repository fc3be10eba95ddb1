import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import { defaultLimits } from '../documents/limits.js';
import { describeDocument, parseDocument } from '../documents/parse.js';
import { GradesheetError } from '../errors.js';
import { assignmentRubric } from '../store/assignments.js';
import { sha256Hex } from '../store/crypto.js';
import { addFiles, deleteFile, listFiles, type ParsedUpload } from '../store/files.js';
import { alreadySubmitted, dueAt, expired, isExpired, openLink, resolveLink, type ResolvedLink } from '../store/links.js';
import type { Receipt } from '../store/submissions.js';
import { submitSubmission } from '../store/submissions.js';
import type { ServiceDeps } from './deps.js';

/** A file name as we keep it: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const short = cleaned.length > 200 ? cleaned.slice(0, 150) + cleaned.slice(-50) : cleaned;
  return short || 'upload';
}

/** The brief and the state of a submission, for the candidate. */
function linkView(link: ResolvedLink, files: Awaited<ReturnType<typeof listFiles>>, now: Date, maxFiles: number) {
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
    limits: { max_files: maxFiles, max_file_bytes: defaultLimits.maxFileBytes, formats: ['markdown', 'text', 'docx', 'pdf', 'pptx'] },
    receipt: submission.receipt_json ? (JSON.parse(submission.receipt_json) as Receipt) : null,
  };
}

type LinkView = ReturnType<typeof linkView>;

/** A minimal page until the pages issue builds the real one. Candidate strings are escaped by `html`. */
function placeholderPage(v: LinkView) {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${v.assignment.title} — Gradesheet</title></head>
<body>
<h1>${v.assignment.title}</h1>
<p>Time box: ${v.brief.time_box_hours} hours${v.due_at ? html`, due ${v.due_at}` : ''}. Status: ${v.status}.</p>
<ul>${Object.entries(v.brief.deliverables).map(([k, d]) => html`<li><strong>${k}</strong>: ${d}</li>`)}</ul>
<h2>Files so far</h2>
<ul>${v.files.map((f) => html`<li>${f.name} (${f.deliverable}, ${f.size} bytes)</li>`)}</ul>
${v.status === 'open'
    ? html`<form method="post" action="files" enctype="multipart/form-data"><input type="file" name="file" multiple> <button>Upload</button></form>`
    : html`<p>Submitted at ${v.receipt?.submitted_at ?? ''}.</p>`}
</body></html>`;
}

/**
 * Candidate routes: `/s/<token>` and below. The token is the only credential: it is looked up by
 * its SHA-256, and every file id is checked against the token's own submission.
 */
export function createCandidateRoutes(deps: ServiceDeps): Hono {
  const app = new Hono();
  const maxFiles = deps.config.maxFilesPerSubmission;

  async function openableLink(c: Context): Promise<ResolvedLink> {
    const link = await resolveLink(deps.db, c.req.param('token') ?? '');
    if (link.submission.status === 'open' && isExpired(link.submission, deps.now())) throw expired(link.submission);
    return link;
  }

  app.get('/s/:token', async (c) => {
    const link = await openableLink(c);
    const now = deps.now();
    if (link.submission.status === 'open') link.submission = await openLink(deps.db, link.submission, now);
    const view = linkView(link, await listFiles(deps.db, link.submission.id), now, maxFiles);
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    if ((c.req.header('accept') ?? '').includes('application/json')) return c.json(view);
    return c.html(placeholderPage(view));
  });

  app.post(
    '/s/:token/files',
    bodyLimit({
      maxSize: deps.config.maxUploadBytes,
      onError: () => {
        throw new GradesheetError('payload_too_large', `The upload is larger than ${Math.floor(deps.config.maxUploadBytes / 1024 / 1024)} MB. Upload fewer files at a time (each file at most ${defaultLimits.maxFileBytes / 1024 / 1024} MB).`);
      },
    }),
    async (c) => {
      // Refuse before reading the body when the link cannot take files.
      const link = await openableLink(c);
      if (link.submission.status !== 'open') throw alreadySubmitted();
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
      const files = form.getAll('file').filter((f): f is File => typeof f !== 'string');
      if (files.length === 0) throw new GradesheetError('invalid_request', 'No file in the upload: send one or more files in the multipart field "file".');
      if (files.length > maxFiles) throw new GradesheetError('too_many_files', `At most ${maxFiles} files per submission; this upload has ${files.length}.`);
      const uploads: ParsedUpload[] = [];
      for (const f of files) {
        const name = cleanFileName(f.name);
        const bytes = new Uint8Array(await f.arrayBuffer());
        // Throws the parser's typed error (415, 422, 413 …) naming the file: nothing is stored.
        const document = await parseDocument({ name, bytes });
        uploads.push({ name, bytes, sha256: await sha256Hex(bytes), document });
      }
      const stored = await addFiles(deps.db, deps.blobs, link.submission, uploads, { maxFiles }, deps.now());
      return c.json(
        {
          files: stored.map((f, i) => {
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
          }),
        },
        201,
      );
    },
  );

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
