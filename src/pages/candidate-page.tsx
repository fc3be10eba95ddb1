import type { LinkView } from '../routes/candidate-link.js';
import { deliverableLabels, formatBytes, formatDateTime, formatDuration, formatLabels } from './format.js';
import { Layout, Notice } from './layout.js';

/**
 * The candidate's pages. Everything the candidate wrote (file names, parsed text) is rendered as
 * JSX text, which hono/jsx escapes; nothing here uses `raw` or `dangerouslySetInnerHTML`.
 */

const AREAS = ['roadmap', 'policy', 'cost'] as const;
const ACCEPT = '.md,.markdown,.txt,.text,.docx,.pdf,.pptx,text/markdown,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.presentationml.presentation';

type FileView = LinkView['files'][number];

export interface CandidatePageProps {
  view: LinkView;
  token: string;
  /** What was read from each file, by name ("roadmap.md: 5 sections read"). */
  summaries: Record<string, string>;
  /** Ids of the files the form just uploaded (no-JS path), to say what was read. */
  added?: string[];
  removed?: boolean;
  /** The error of the form just sent: what went wrong and what to do. */
  error?: string | undefined;
}

function areaOf(deliverable: string): string {
  return (AREAS as readonly string[]).includes(deliverable) ? deliverable : 'other';
}

const Brief = ({ view }: { view: LinkView }) => {
  const deliverables = view.brief.deliverables as Record<string, string>;
  const remaining = view.time_remaining_seconds;
  return (
    <section aria-labelledby="brief-heading" class="card">
      <h2 id="brief-heading">The brief</h2>
      <p>Upload three deliverables, in any of the usual formats:</p>
      <ol class="deliverables">
        {AREAS.filter((a) => deliverables[a]).map((a) => (
          <li>
            <strong>{deliverableLabels[a]}</strong>: {deliverables[a]}
          </li>
        ))}
      </ol>
      <dl class="facts">
        <div>
          <dt>Time box</dt>
          <dd>{`${view.brief.time_box_hours} hours from when you first opened this page`}</dd>
        </div>
        <div>
          <dt>Deadline</dt>
          <dd>{view.brief.deadline ? <time datetime={view.brief.deadline}>{formatDateTime(view.brief.deadline)}</time> : 'none besides the time box'}</dd>
        </div>
        {view.status === 'open' && view.due_at ? (
          <div>
            <dt>Time remaining</dt>
            <dd>
              <span id="time-remaining" data-due={view.due_at}>
                {remaining === 0 ? 'the time box has ended' : formatDuration(remaining ?? 0)}
              </span>{' '}
              (due <time datetime={view.due_at}>{formatDateTime(view.due_at)}</time>)
              {remaining === 0 ? <p class="hint">You can still submit; the submission will be marked late.</p> : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Files</dt>
          <dd>{`Markdown, plain text, Word (.docx), PDF or PowerPoint (.pptx); at most ${formatBytes(view.limits.max_file_bytes)} each and ${view.limits.max_files} files in all.`}</dd>
        </div>
      </dl>
    </section>
  );
};

const FileRow = (props: { file: FileView; summary: string | undefined; area: string }) => {
  const { file } = props;
  const readAs = props.area === 'other' ? (file.deliverable === 'combined' ? 'Read as several deliverables in one file.' : 'We could not tell which deliverable this is. A reviewer still reads it; if it is one of the three, give it a clear title.') : null;
  return (
    <li class="file" data-file-id={file.id} data-file-name={file.name}>
      <div class="file-main">
        <span class="file-name">{file.name}</span>
        <span class="file-meta">{`${formatLabels[file.format] ?? file.format}, ${formatBytes(file.size)}`}</span>
      </div>
      <p class="file-read">{props.summary ?? `${file.name}: read`}</p>
      {readAs ? <p class="hint">{readAs}</p> : null}
      <div class="file-actions">
        <button type="submit" form={`remove-${file.id}`} class="secondary remove-button" aria-label={`Remove ${file.name}`}>
          Remove
        </button>
      </div>
    </li>
  );
};

const Receipt = ({ view }: { view: LinkView }) => {
  const r = view.receipt;
  if (!r) return <p>Your files were submitted.</p>;
  return (
    <section aria-labelledby="receipt-heading" class="card receipt">
      <h2 id="receipt-heading">Receipt</h2>
      <Notice kind="ok">
        Submitted on <time datetime={r.submitted_at}>{formatDateTime(r.submitted_at)}</time>. Thank you: the hiring team will be in touch.
      </Notice>
      {r.late ? <p>This submission came after the time box or the deadline and is marked late.</p> : null}
      <p>
        The SHA-256 fingerprint of each file proves which bytes we received. Keep this page (or copy the fingerprints); you can close it now.
      </p>
      <table>
        <caption class="visually-hidden">Files received</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" class="num">
              Size
            </th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {r.files.map((f) => (
            <tr>
              <td>{f.name}</td>
              <td class="num">{formatBytes(f.size)}</td>
              <td>
                <code class="hash">{f.sha256}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">{`Submission ${r.submission_id}`}</p>
    </section>
  );
};

/** `/s/<token>`: the brief, an upload area per deliverable, the files so far, then the receipt. */
export function candidatePage(props: CandidatePageProps) {
  const { view, token } = props;
  const base = `/s/${token}`;
  const title = view.assignment.title;
  const byArea = new Map<string, FileView[]>();
  for (const f of view.files) byArea.set(areaOf(f.deliverable), [...(byArea.get(areaOf(f.deliverable)) ?? []), f]);
  const added = view.files.filter((f) => props.added?.includes(f.id));
  const deliverables = view.brief.deliverables as Record<string, string>;
  return (
    <Layout title={title} scripts={view.status === 'open' ? ['/assets/candidate.js'] : []}>
      <h1>{title}</h1>
      {view.assignment.role ? <p class="lead">{`Take-home assignment for the role: ${view.assignment.role}`}</p> : null}
      {view.status === 'open' ? (
        <>
          <Brief view={view} />
          <section aria-labelledby="files-heading" class="card" id="files" data-base={base}>
            <h2 id="files-heading">Your files</h2>
            {props.error ? (
              <Notice kind="error" id="upload-error">
                {props.error}
              </Notice>
            ) : null}
            {added.length > 0 ? (
              <Notice kind="ok" id="upload-result">
                <p>Uploaded and read:</p>
                <ul>
                  {added.map((f) => (
                    <li>{props.summaries[f.name] ?? f.name}</li>
                  ))}
                </ul>
              </Notice>
            ) : null}
            {props.removed ? <Notice kind="ok">The file was removed.</Notice> : null}
            <p>
              Choose or drop files in the area of each deliverable. Each file is read at once so you can see what we found. Uploading a file with the same name as an
              earlier one replaces it; use Remove to take a file away. Nothing is final until you submit.
            </p>
            <form id="upload-form" method="post" action={`${base}/upload#files`} enctype="multipart/form-data">
              <div class="areas">
                {AREAS.filter((a) => deliverables[a]).map((a) => (
                  <div class="drop-area" data-area={a} id={`area-${a}`}>
                    <h3 id={`area-${a}-heading`}>{deliverableLabels[a]}</h3>
                    <ul class="file-list" id={`list-${a}`} aria-labelledby={`area-${a}-heading`}>
                      {(byArea.get(a) ?? []).map((f) => (
                        <FileRow file={f} summary={props.summaries[f.name]} area={a} />
                      ))}
                    </ul>
                    <p class="empty-note" hidden={(byArea.get(a) ?? []).length > 0}>
                      No file yet.
                    </p>
                    <div class="pick">
                      <label for={`file-${a}`}>{`Choose ${a === 'policy' ? 'the policy' : a === 'cost' ? 'the cost slide' : 'the roadmap'}`}</label>
                      <input type="file" id={`file-${a}`} name="file" multiple accept={ACCEPT} data-area={a} />
                      <p class="drop-hint hint" hidden>
                        or drag and drop files here
                      </p>
                    </div>
                  </div>
                ))}
              </div>
              <div class="drop-area other" data-area="other" id="area-other" hidden={!byArea.get('other')?.length}>
                <h3 id="area-other-heading">Other files</h3>
                <ul class="file-list" id="list-other" aria-labelledby="area-other-heading">
                  {(byArea.get('other') ?? []).map((f) => (
                    <FileRow file={f} summary={props.summaries[f.name]} area="other" />
                  ))}
                </ul>
              </div>
              <p class="form-actions" id="upload-actions">
                <button type="submit" class="primary">
                  Upload the chosen files
                </button>
              </p>
            </form>
            {view.files.map((f) => (
              <form id={`remove-${f.id}`} method="post" action={`${base}/remove/${f.id}`} class="remove-form" data-file-id={f.id}></form>
            ))}
          </section>
          <section aria-labelledby="submit-heading" class="card">
            <h2 id="submit-heading">Submit</h2>
            <p>When your files are here, review them and submit. After submitting you cannot change them.</p>
            <p>
              <a class="button primary" href={`${base}/review`} id="review-link">
                Review and submit
              </a>
            </p>
          </section>
        </>
      ) : (
        <Receipt view={view} />
      )}
    </Layout>
  );
}

/** `/s/<token>/review`: the confirmation step before the final submit. */
export function confirmPage(props: { view: LinkView; token: string; summaries: Record<string, string>; error?: string | undefined }) {
  const { view } = props;
  const base = `/s/${props.token}`;
  const deliverables = view.brief.deliverables as Record<string, string>;
  const covered = new Set(view.files.flatMap((f) => (f.deliverable === 'combined' ? [...AREAS] : [f.deliverable])));
  const missing = AREAS.filter((a) => deliverables[a] && !covered.has(a));
  return (
    <Layout title={`Submit — ${view.assignment.title}`}>
      <h1>Check and submit</h1>
      {props.error ? (
        <Notice kind="error" id="submit-error">
          {props.error}
        </Notice>
      ) : null}
      <section aria-labelledby="check-heading" class="card">
        <h2 id="check-heading">{`You are about to submit ${view.files.length} file${view.files.length === 1 ? '' : 's'}`}</h2>
        {view.files.length === 0 ? <p>There is no file yet. Go back and upload your deliverables first.</p> : null}
        <ul class="check-list">
          {view.files.map((f) => (
            <li>
              <span class="file-name">{f.name}</span> — {deliverableLabels[f.deliverable] ?? f.deliverable}
              <br />
              <span class="hint">{props.summaries[f.name] ?? ''}</span>
            </li>
          ))}
        </ul>
        {missing.length > 0 && view.files.length > 0 ? (
          <Notice kind="info" id="missing-note">
            {`No file was read as: ${missing.map((m) => deliverableLabels[m]).join(', ')}. You can still submit; if one of your files is that deliverable, give it a clear title and upload it again.`}
          </Notice>
        ) : null}
        <p>Once you submit, you cannot add, replace or remove files.</p>
        <form method="post" action={`${base}/finish`} class="inline-actions">
          <button type="submit" class="primary" disabled={view.files.length === 0}>
            Submit my files
          </button>
          <a href={base} class="button secondary">
            Back to my files
          </a>
        </form>
      </section>
    </Layout>
  );
}
