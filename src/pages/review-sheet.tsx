import type { Rubric } from '../grading/rubric.js';
import type { AuditEntry } from '../store/audit.js';
import type { SheetView } from '../store/sheets.js';
import type { SubmissionListItem } from '../store/submissions.js';
import { deliverableLabels, decisionLabels, formatDateTime, formatDuration, formatLabels, formatShortDateTime, humanize, statusLabels } from './format.js';
import type { MarkedDocument } from './highlight.js';
import { CsrfField, Layout, Notice, type StaffHeader } from './layout.js';

/**
 * The reviewer's sheet: suggestions with their evidence beside the rendered documents, a form
 * per item and red flag, the decision and the audit history. Candidate text (quotes, file names,
 * the documents) is rendered as JSX text only.
 */

export interface FieldDraft {
  value?: string | undefined;
  reason?: string | undefined;
}

export interface SheetPageProps {
  staff: StaffHeader;
  sheet: SheetView;
  submission: SubmissionListItem;
  assignmentTitle: string;
  rubric: Rubric;
  documents: MarkedDocument[];
  /** Evidence key (`items.kpis.0`) → id of the element to jump to. */
  targets: Map<string, string>;
  audit: AuditEntry[];
  /** The decision the rubric's rule gives on the current values. */
  ruleDecision: string | null;
  /** Staff names by key id, so people read "Rita", not a key id. */
  people: Map<string, string>;
  /** May this viewer change fields and confirm? (reviewers) May they reopen? (reviewers, admins) */
  canEdit: boolean;
  canReopen: boolean;
  /** The error of the form just sent, by field (`items.kpis`, `red_flags.x`, `decision`, `reopen`). */
  errors?: Record<string, string>;
  drafts?: Record<string, FieldDraft>;
}

const scoreWords = ['absent', 'mentioned', 'partial', 'complete'];
const percent = (n: number) => `${Math.round(n * 100)}%`;
const sourceLabels: Record<string, string> = { rule: 'a rule grader', model: 'the model (LLM assist)', human: 'a person' };

function candidateLabel(c: SheetView['candidate']): string {
  if (c.erased) return `${c.anon_id} (erased)`;
  return c.name ? `${c.name} (${c.anon_id})` : c.anon_id;
}

const Evidence = (props: { kind: string; id: string; evidence: SheetView['items'][string]['evidence']; targets: Map<string, string> }) =>
  props.evidence.length === 0 ? (
    <p class="hint">No quote supports this suggestion.</p>
  ) : (
    <ul class="evidence" aria-label="Evidence">
      {props.evidence.map((e, i) => {
        const target = props.targets.get(`${props.kind}.${props.id}.${i}`);
        const where = `${e.file}, ${e.location}`;
        return (
          <li>
            {target ? (
              <a href={`#${target}`} class="evidence-link" data-target={target}>
                <q>{e.quote}</q>
              </a>
            ) : (
              <q>{e.quote}</q>
            )}{' '}
            <span class="where">{where}</span>
          </li>
        );
      })}
    </ul>
  );

const HumanLine = (props: { human: { value: number | boolean; reason: string | null; set_by: string; set_at: string } | null; suggested: number | boolean; show: (v: number | boolean) => string; people: Map<string, string> }) => {
  const h = props.human;
  if (!h) return <p class="human pending">Not set yet: confirming the sheet accepts the suggestion.</p>;
  const kept = h.value === props.suggested;
  return (
    <p class={`human ${kept ? 'kept' : 'overridden'}`}>
      <strong>{kept ? `Confirmed: ${props.show(h.value)}` : `Overridden: ${props.show(h.value)}`}</strong>
      {h.reason ? <> — “{h.reason}”</> : null}
      <span class="hint">{` by ${props.people.get(h.set_by) ?? h.set_by}, ${formatDateTime(h.set_at)}`}</span>
    </p>
  );
};

/**
 * The reviewer's form under a field (an item or a red flag): the choice, a reason, and "keep the
 * suggestion" beside "save". One markup for both, so keyboard shortcuts and styles treat them alike.
 */
const FieldForm = (props: {
  action: string;
  csrf: string;
  nextAnchor: string;
  base: string;
  error: string | undefined;
  legend: string;
  reasonHint: string;
  reason: string;
  keepLabel: string;
  saveLabel: string;
  children: unknown;
}) => (
  <form method="post" action={props.action} class="field-form">
    <CsrfField token={props.csrf} />
    <input type="hidden" name="next" value={props.nextAnchor} />
    {props.error ? (
      <p class="field-error" id={`${props.base}-error`} role="alert">
        {props.error}
      </p>
    ) : null}
    <fieldset class="scores">
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
    <label for={`${props.base}-reason`}>
      Reason <span class="hint">{props.reasonHint}</span>
    </label>
    <textarea id={`${props.base}-reason`} name="reason" rows={2} maxlength={4000} aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `${props.base}-error` : undefined}>
      {props.reason}
    </textarea>
    <div class="inline-actions">
      <button type="submit" name="action" value="accept" class="secondary keep-button" formnovalidate>
        {props.keepLabel}
      </button>
      <button type="submit" name="action" value="set" class="primary save-button">
        {props.saveLabel}
      </button>
    </div>
  </form>
);

function ItemField(props: SheetPageProps & { id: string; nextAnchor: string }) {
  const { id, sheet } = props;
  const s = sheet.items[id]!;
  const rubricItem = props.rubric.items.find((i) => i.id === id);
  const pillar = props.rubric.pillars.find((p) => p.id === rubricItem?.pillar);
  const field = `items.${id}`;
  const draft = props.drafts?.[field];
  const current = draft?.value ?? String(s.human?.value ?? s.suggested);
  const error = props.errors?.[field];
  const base = `item-${id}`;
  return (
    <article class="field" id={base} tabindex={-1} data-kind="item" data-suggested={String(s.suggested)} aria-labelledby={`${base}-title`}>
      <header class="field-head">
        <h3 id={`${base}-title`}>{rubricItem?.title ?? humanize(id)}</h3>
        {pillar ? <span class="tag">{pillar.title}</span> : null}
      </header>
      <p class="suggestion">
        Suggested <strong class="score">{`${s.suggested} / 3`}</strong> ({scoreWords[s.suggested]}) · proposed by {sourceLabels[s.source] ?? s.source} · confidence {percent(s.confidence)}
        {s.needs_attention ? <strong class="attention"> · needs your attention</strong> : null}
      </p>
      <p class="rationale">{s.rationale}</p>
      <Evidence kind="items" id={id} evidence={s.evidence} targets={props.targets} />
      {rubricItem?.three ? <p class="hint">{`A 3 means: ${rubricItem.three}`}</p> : null}
      <HumanLine human={s.human} suggested={s.suggested} show={(v) => `${v} / 3`} people={props.people} />
      {props.canEdit ? (
        <FieldForm
          action={`/review/${sheet.submission_id}/items/${id}`}
          csrf={props.staff.csrf}
          nextAnchor={props.nextAnchor}
          base={base}
          error={error}
          legend="Your score"
          reasonHint="(required when your score differs from the suggestion)"
          reason={draft?.reason ?? s.human?.reason ?? ''}
          keepLabel={`Keep ${s.suggested}`}
          saveLabel="Save score"
        >
          {[0, 1, 2, 3].map((n) => (
            <label class="score-option">
              <input type="radio" name="score" value={String(n)} checked={current === String(n)} />
              {` ${n} ${scoreWords[n]}${n === s.suggested ? ' (suggested)' : ''}`}
            </label>
          ))}
        </FieldForm>
      ) : null}
    </article>
  );
}

function FlagField(props: SheetPageProps & { id: string; nextAnchor: string }) {
  const { id, sheet } = props;
  const f = sheet.red_flags[id]!;
  const rubricFlag = props.rubric.red_flags.find((r) => r.id === id);
  const field = `red_flags.${id}`;
  const draft = props.drafts?.[field];
  const current = draft?.value ?? ((f.human?.value ?? f.present) ? 'yes' : 'no');
  const error = props.errors?.[field];
  const base = `flag-${id}`;
  const show = (v: number | boolean) => (v ? 'present' : 'not present');
  return (
    <article class={`field flag${f.present ? ' flag-present' : ''}`} id={base} tabindex={-1} data-kind="flag" data-suggested={f.present ? 'yes' : 'no'} aria-labelledby={`${base}-title`}>
      <header class="field-head">
        <h3 id={`${base}-title`}>{humanize(id)}</h3>
        {f.critical ? <span class="tag tag-critical">critical</span> : <span class="tag">red flag</span>}
      </header>
      {rubricFlag ? <p class="hint">{rubricFlag.description}</p> : null}
      <p class="suggestion">
        Suggested <strong class="score">{f.present ? 'present' : 'not present'}</strong> · proposed by {sourceLabels[f.source] ?? f.source}
      </p>
      <p class="rationale">{f.rationale}</p>
      <Evidence kind="red_flags" id={id} evidence={f.evidence} targets={props.targets} />
      <HumanLine human={f.human} suggested={f.present} show={show} people={props.people} />
      {props.canEdit ? (
        <FieldForm
          action={`/review/${sheet.submission_id}/red_flags/${id}`}
          csrf={props.staff.csrf}
          nextAnchor={props.nextAnchor}
          base={base}
          error={error}
          legend="This red flag is"
          reasonHint="(required when you differ from the suggestion)"
          reason={draft?.reason ?? f.human?.reason ?? ''}
          keepLabel={f.present ? 'Keep: present' : 'Keep: not present'}
          saveLabel="Save"
        >
          <label class="score-option">
            <input type="radio" name="present" value="yes" checked={current === 'yes'} />
            {` present${f.present ? ' (suggested)' : ''}`}
          </label>
          <label class="score-option">
            <input type="radio" name="present" value="no" checked={current === 'no'} />
            {` not present${f.present ? '' : ' (suggested)'}`}
          </label>
        </FieldForm>
      ) : null}
    </article>
  );
}

function Decision(props: SheetPageProps) {
  const { sheet } = props;
  const review = sheet.review;
  if (!review) return null;
  const error = props.errors?.['decision'];
  const draft = props.drafts?.['decision'];
  const chosen = draft?.value ?? review.decision ?? props.ruleDecision ?? review.suggested_decision;
  return (
    <section class="card decision" id="decision" tabindex={-1} aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision</h2>
      <table class="pillars">
        <caption>Pillar scores (your values where set, the suggestions elsewhere)</caption>
        <thead>
          <tr>
            {props.rubric.pillars.map((p) => (
              <th scope="col">{p.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {props.rubric.pillars.map((p) => (
              <td class="num">{String(review.pillars[p.id] ?? '—')}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <p>
        Suggested by the graders: <strong>{decisionLabels[review.suggested_decision] ?? review.suggested_decision}</strong>
        {props.ruleDecision ? (
          <>
            {' '}
            · the rubric’s rule on the current values: <strong>{decisionLabels[props.ruleDecision] ?? props.ruleDecision}</strong>
          </>
        ) : null}
      </p>
      {sheet.status === 'confirmed' ? (
        <>
          <Notice kind="ok">
            Confirmed: <strong>{decisionLabels[review.decision ?? ''] ?? review.decision}</strong> by {props.people.get(review.reviewer_id ?? '') ?? review.reviewer_id ?? '—'}, {formatDateTime(review.confirmed_at)}
            {review.review_seconds !== null ? ` after ${formatDuration(review.review_seconds)} of review` : ''}; {String(review.fields_changed)} field(s) changed.
          </Notice>
          {review.decision_note ? <p>Note: “{review.decision_note}”</p> : null}
          {props.canReopen ? (
            <form method="post" action={`/review/${sheet.submission_id}/reopen`} class="stack">
              <CsrfField token={props.staff.csrf} />
              {props.errors?.['reopen'] ? (
                <p class="field-error" role="alert" id="reopen-error">
                  {props.errors['reopen']}
                </p>
              ) : null}
              <label for="reopen-reason">Reason to reopen (required)</label>
              <textarea id="reopen-reason" name="reason" rows={2} required maxlength={4000}></textarea>
              <div>
                <button type="submit" class="secondary">
                  Reopen the sheet
                </button>
              </div>
            </form>
          ) : null}
        </>
      ) : props.canEdit ? (
        <form method="post" action={`/review/${sheet.submission_id}/confirm`} class="stack" id="confirm-form">
          <CsrfField token={props.staff.csrf} />
          {error ? (
            <p class="field-error" role="alert" id="decision-error">
              {error}
            </p>
          ) : null}
          <fieldset class="scores">
            <legend>Your decision</legend>
            {['advance', 'do_not_advance'].map((d) => (
              <label class="score-option">
                <input type="radio" name="decision" value={d} checked={chosen === d} required />
                {` ${decisionLabels[d]}`}
              </label>
            ))}
          </fieldset>
          <label for="decision-note">
            Note <span class="hint">(required when your decision differs from the rubric’s rule)</span>
          </label>
          <textarea id="decision-note" name="note" rows={2} maxlength={4000} aria-invalid={error ? 'true' : undefined}>
            {draft?.reason ?? ''}
          </textarea>
          <p class="hint">Items and red flags you did not set are accepted as suggested, as your choice, and recorded one by one.</p>
          <div>
            <button type="submit" class="primary" id="confirm-button">
              Confirm the sheet
            </button>
          </div>
        </form>
      ) : (
        <p>The sheet is not confirmed yet. Only reviewers change scores and confirm.</p>
      )}
    </section>
  );
}

/** An audit value for people: `key: value` pairs, hashes and ids cut short. */
function auditValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return /^[0-9a-f]{64}$/.test(v) ? `${v.slice(0, 12)}…` : v;
  if (Array.isArray(v)) return v.map(auditValue).join('; ');
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${typeof x === 'object' && x !== null ? `(${auditValue(x)})` : auditValue(x)}`).join(', ');
  return String(v);
}

const AuditTable = ({ audit, people }: { audit: AuditEntry[]; people: Map<string, string> }) => (
  <section class="card" id="audit" aria-labelledby="audit-heading">
    <h2 id="audit-heading">Audit history</h2>
    <p class="hint">Every change, oldest first (times in UTC). Staff appear by key, files by id and SHA-256, the candidate by anonymous id.</p>
    <div class="table-scroll">
      <table class="audit">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Field</th>
            <th scope="col">Suggested</th>
            <th scope="col">Before → after</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {audit.map((a) => (
            <tr>
              <td class="nowrap">{formatShortDateTime(a.at)}</td>
              <td>{a.actor_role && a.actor_role !== a.actor ? `${people.get(a.actor) ?? a.actor} (${a.actor_role.replace('_', ' ')})` : a.actor}</td>
              <td>{a.action}</td>
              <td>{a.field ?? ''}</td>
              <td class="json">{auditValue(a.suggestion)}</td>
              <td class="json">{a.before === null && a.after === null ? '' : `${auditValue(a.before) || '—'} → ${auditValue(a.after) || '—'}`}</td>
              <td>{a.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </section>
);

const DocumentPane = ({ documents, erased }: { documents: MarkedDocument[]; erased: boolean }) => (
  <aside class="doc-pane" aria-labelledby="docs-heading" id="documents">
    <h2 id="docs-heading">Submitted documents</h2>
    {erased ? <p>The candidate’s files and text were erased.</p> : null}
    {documents.length > 1 ? (
      <nav aria-label="Documents" class="doc-index">
        <ul>
          {documents.map((d) => (
            <li>
              <a href={`#${d.id}`}>{d.file}</a>
            </li>
          ))}
        </ul>
      </nav>
    ) : null}
    {documents.map((d) => (
      <article class="doc" id={d.id} tabindex={-1} aria-labelledby={`${d.id}-title`}>
        <h3 id={`${d.id}-title`}>{d.file}</h3>
        <p class="hint">{`${formatLabels[d.format] ?? d.format} · ${deliverableLabels[d.deliverable] ?? d.deliverable}`}</p>
        {d.sections.map((s) => (
          <section class="doc-section" id={s.id} tabindex={-1}>
            <p class="where">{[...s.path, s.location].join(' › ')}</p>
            <p class="doc-text">{s.segments.map((seg) => (seg.mark ? <mark id={seg.mark} tabindex={-1}>{seg.text}</mark> : seg.text))}</p>
          </section>
        ))}
      </article>
    ))}
  </aside>
);

const Shortcuts = () => (
  <details class="shortcuts" id="shortcuts">
    <summary>Keyboard shortcuts</summary>
    <dl>
      <div>
        <dt>
          <kbd>j</kbd> / <kbd>k</kbd>
        </dt>
        <dd>next / previous item or red flag</dd>
      </div>
      <div>
        <dt>
          <kbd>0</kbd>–<kbd>3</kbd>
        </dt>
        <dd>choose that score for the current item</dd>
      </div>
      <div>
        <dt>
          <kbd>y</kbd> / <kbd>n</kbd>
        </dt>
        <dd>red flag present / not present</dd>
      </div>
      <div>
        <dt>
          <kbd>a</kbd>
        </dt>
        <dd>keep the suggestion (confirm it) and go to the next</dd>
      </div>
      <div>
        <dt>
          <kbd>s</kbd>
        </dt>
        <dd>save the chosen score</dd>
      </div>
      <div>
        <dt>
          <kbd>r</kbd>
        </dt>
        <dd>write the reason (<kbd>Esc</kbd> leaves the box)</dd>
      </div>
      <div>
        <dt>
          <kbd>e</kbd>
        </dt>
        <dd>show the first evidence in the document</dd>
      </div>
      <div>
        <dt>
          <kbd>d</kbd>
        </dt>
        <dd>go to the decision</dd>
      </div>
      <div>
        <dt>
          <kbd>?</kbd>
        </dt>
        <dd>show or hide this list</dd>
      </div>
    </dl>
  </details>
);

/** `/review/<submission id>`. */
export function SheetPage(props: SheetPageProps) {
  const { sheet, submission } = props;
  const itemIds = props.rubric.items.map((i) => i.id).filter((id) => sheet.items[id]);
  const extraItems = Object.keys(sheet.items).filter((id) => !itemIds.includes(id));
  const items = [...itemIds, ...extraItems];
  const flags = [...props.rubric.red_flags.map((f) => f.id).filter((id) => sheet.red_flags[id]), ...Object.keys(sheet.red_flags).filter((id) => !props.rubric.red_flags.some((f) => f.id === id))];
  const anchors = [...items.map((id) => `item-${id}`), ...flags.map((id) => `flag-${id}`), 'decision'];
  const next = (anchor: string) => anchors[anchors.indexOf(anchor) + 1] ?? 'decision';
  const errorList = Object.values(props.errors ?? {});
  return (
    <Layout title={`Sheet ${sheet.candidate.anon_id}`} staff={props.staff} scripts={['/assets/review.js']} wide>
      <div class="sheet-head">
        <div>
          <p class="crumbs">
            <a href={`/review?assignment_id=${encodeURIComponent(sheet.assignment_id)}`}>{props.assignmentTitle}</a>
          </p>
          <h1>{`Grading sheet — ${candidateLabel(sheet.candidate)}`}</h1>
          <p class="meta">
            <span class={`status status-${sheet.status}`}>{statusLabels[sheet.status] ?? sheet.status}</span>
            {` · submitted ${formatDateTime(submission.submitted_at)}`}
            {submission.late ? ' · late' : ''}
          </p>
        </div>
        <Shortcuts />
      </div>
      {errorList.length > 0 ? (
        <Notice kind="error" id="form-error">
          {errorList.join(' ')}
        </Notice>
      ) : null}
      {sheet.status === 'grading' ? (
        <section class="card">
          <h2>Grading is running</h2>
          <p>The graders have not finished this submission yet. Reload this page in a moment.</p>
          {sheet.grading?.last_error ? <p>{`Last attempt failed (attempt ${sheet.grading.attempts}): ${sheet.grading.last_error}`}</p> : null}
        </section>
      ) : (
        <div class="sheet-layout">
          <div class="sheet-fields">
            {sheet.warnings.length > 0 ? (
              <section class="card warnings" aria-labelledby="warnings-heading">
                <h2 id="warnings-heading">Warnings</h2>
                <ul>
                  {sheet.warnings.map((w) => (
                    <li>{w}</li>
                  ))}
                </ul>
              </section>
            ) : null}
            <section aria-labelledby="items-heading">
              <h2 id="items-heading">Checklist items</h2>
              {items.map((id) => (
                <ItemField {...props} id={id} nextAnchor={next(`item-${id}`)} />
              ))}
            </section>
            <section aria-labelledby="flags-heading">
              <h2 id="flags-heading">Red flags</h2>
              {flags.map((id) => (
                <FlagField {...props} id={id} nextAnchor={next(`flag-${id}`)} />
              ))}
            </section>
            <Decision {...props} />
          </div>
          <DocumentPane documents={props.documents} erased={sheet.candidate.erased} />
        </div>
      )}
      <AuditTable audit={props.audit} people={props.people} />
    </Layout>
  );
}
