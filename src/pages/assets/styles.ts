/**
 * The one stylesheet, served at /assets/gradesheet.css. Colours are chosen for a contrast of at
 * least 4.5:1 (text) and 3:1 (focus ring, control borders) against their backgrounds (checked in
 * src/pages/assets/styles.test.ts); focus is always visible; the layout fits a 1366×768 laptop.
 */
export const palette = {
  text: '#1b1f24',
  muted: '#4b5563',
  subtle: '#f3f4f6',
  control: '#6b7280',
  dropBg: '#fbfbfc',
  tableHead: '#eef0f3',
  page: '#f5f6f8',
  card: '#ffffff',
  border: '#c9ced6',
  primary: '#0b57d0',
  primaryDark: '#0842a0',
  onPrimary: '#ffffff',
  focus: '#b45309',
  mark: '#fde68a',
  markCurrent: '#f59e0b',
  errorText: '#8b1a1a',
  errorBg: '#fdf0f0',
  errorBorder: '#b91c1c',
  okText: '#14532d',
  okBg: '#effaf2',
  okBorder: '#15803d',
  infoText: '#1e3a8a',
  infoBg: '#eef4ff',
  infoBorder: '#1d4ed8',
  prefilledBg: '#dbeafe',
  prefilledText: '#1e3a8a',
  reviewBg: '#fef3c7',
  reviewText: '#78350f',
  confirmedBg: '#dcfce7',
  confirmedText: '#14532d',
  neutralBg: '#e5e7eb',
  neutralText: '#1f2937',
  criticalBg: '#fee2e2',
  criticalText: '#7f1d1d',
} as const;

const p = palette;

export const styles = `
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; line-height: 1.45; color: ${p.text}; background: ${p.page}; }
a { color: ${p.primary}; text-underline-offset: 2px; }
a:hover { color: ${p.primaryDark}; }
:focus-visible { outline: 3px solid ${p.focus}; outline-offset: 2px; }
main:focus, [tabindex="-1"]:focus:not(:focus-visible) { outline: none; }
code, kbd, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
kbd { border: 1px solid ${p.border}; border-bottom-width: 2px; border-radius: 4px; padding: 0 0.3em; background: ${p.card}; }
h1 { font-size: 1.6rem; margin: 0.2rem 0 0.6rem; line-height: 1.2; }
h2 { font-size: 1.2rem; margin: 0 0 0.6rem; }
h3 { font-size: 1.05rem; margin: 0; }
p { margin: 0.4rem 0; }
.lead { font-size: 1.05rem; color: ${p.muted}; }
.hint, .meta, .where { color: ${p.muted}; font-size: 0.9rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }

.skip-link { position: absolute; left: 0.5rem; top: -3rem; background: ${p.card}; color: ${p.primary}; padding: 0.5rem 0.8rem; border: 2px solid ${p.primary}; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.site-header { background: ${p.card}; border-bottom: 1px solid ${p.border}; }
.site-header .bar { display: flex; align-items: center; gap: 1.5rem; max-width: 1500px; margin: 0 auto; padding: 0.55rem 1.25rem; }
.brand { font-weight: 700; font-size: 1.1rem; color: ${p.text}; text-decoration: none; }
.site-header nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
.site-header nav a { text-decoration: none; padding: 0.25rem 0.1rem; }
.site-header nav a[aria-current="page"] { font-weight: 700; border-bottom: 3px solid ${p.primary}; }
.who { margin-left: auto; display: flex; align-items: center; gap: 0.75rem; font-size: 0.92rem; }
.who form { margin: 0; }
main { display: block; max-width: 1100px; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
main.wide { max-width: 1500px; }
.site-footer { max-width: 1500px; margin: 0 auto; padding: 0.5rem 1.25rem 1.5rem; color: ${p.muted}; font-size: 0.85rem; }
.narrow { max-width: 34rem; }
.crumbs { margin: 0; font-size: 0.9rem; }

.card { background: ${p.card}; border: 1px solid ${p.border}; border-radius: 8px; padding: 1rem 1.15rem; margin: 0 0 1rem; }
.two-columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.25rem; align-items: start; }
.two-columns.wide-left { grid-template-columns: minmax(0, 1fr) minmax(17rem, 21rem); }
.section-head { display: flex; align-items: center; justify-content: space-between; gap: 1rem; margin-bottom: 0.5rem; }
.section-head h2 { margin: 0; }

label { font-weight: 600; }
input[type="text"], input[type="password"], input[type="email"], input[type="number"], input[type="date"], input[type="datetime-local"], input:not([type]), select, textarea {
  font: inherit; color: ${p.text}; background: ${p.card}; border: 1px solid ${p.control}; border-radius: 6px; padding: 0.4rem 0.55rem; width: 100%; max-width: 100%;
}
textarea { resize: vertical; min-height: 2.6rem; }
input[aria-invalid="true"], textarea[aria-invalid="true"] { border: 2px solid ${p.errorBorder}; }
.stack { display: grid; gap: 0.35rem; }
.stack > label { margin-top: 0.35rem; }
.checkbox { font-weight: 400; display: flex; gap: 0.5rem; align-items: baseline; }
fieldset { border: 0; margin: 0; padding: 0; }
legend { font-weight: 600; padding: 0; margin-bottom: 0.2rem; }

button, .button { font: inherit; font-weight: 600; display: inline-block; border-radius: 6px; padding: 0.42rem 0.9rem; border: 2px solid ${p.primary}; cursor: pointer; text-decoration: none; line-height: 1.3; }
.primary { background: ${p.primary}; color: ${p.onPrimary}; }
.primary:hover { background: ${p.primaryDark}; border-color: ${p.primaryDark}; color: ${p.onPrimary}; }
.secondary { background: ${p.card}; color: ${p.primary}; }
.secondary:hover { background: ${p.infoBg}; color: ${p.primaryDark}; }
button:disabled { background: ${p.neutralBg}; color: ${p.neutralText}; border-color: ${p.neutralBg}; cursor: not-allowed; }
.link-button { background: none; border: 0; padding: 0; color: ${p.primary}; text-decoration: underline; font-weight: 400; }
.inline-actions { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin-top: 0.5rem; }
.form-actions { margin: 0.75rem 0 0; }

.notice { border-left: 5px solid; border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0.5rem 0 0.9rem; }
.notice p, .notice ul { margin: 0.2rem 0; }
.notice-error { background: ${p.errorBg}; border-color: ${p.errorBorder}; color: ${p.errorText}; }
.notice-ok { background: ${p.okBg}; border-color: ${p.okBorder}; color: ${p.okText}; }
.notice-info { background: ${p.infoBg}; border-color: ${p.infoBorder}; color: ${p.infoText}; }
.field-error { color: ${p.errorText}; font-weight: 600; margin: 0.2rem 0; }

table { border-collapse: collapse; width: 100%; background: ${p.card}; font-size: 0.94rem; }
th, td { text-align: left; padding: 0.4rem 0.55rem; border-bottom: 1px solid ${p.border}; vertical-align: top; }
thead th { background: ${p.tableHead}; font-weight: 700; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
.table-scroll { overflow-x: auto; border: 1px solid ${p.border}; border-radius: 8px; }
.table-scroll table { border: 0; }
.hash { word-break: break-all; }
.nowrap { white-space: nowrap; }
.status { display: inline-block; border-radius: 999px; padding: 0.05rem 0.6rem; font-size: 0.85rem; font-weight: 600; white-space: nowrap; background: ${p.neutralBg}; color: ${p.neutralText}; }
.status-prefilled { background: ${p.prefilledBg}; color: ${p.prefilledText}; }
.status-in_review { background: ${p.reviewBg}; color: ${p.reviewText}; }
.status-confirmed { background: ${p.confirmedBg}; color: ${p.confirmedText}; }
.tag { display: inline-block; border-radius: 4px; padding: 0 0.45rem; font-size: 0.8rem; font-weight: 600; background: ${p.neutralBg}; color: ${p.neutralText}; }
.tag-critical { background: ${p.criticalBg}; color: ${p.criticalText}; }
.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin-bottom: 1rem; }
.filters > div { display: grid; gap: 0.2rem; min-width: 14rem; }
.filters > div:last-child { min-width: 0; }
.copy-row { display: flex; gap: 0.5rem; }
.created-link { margin-bottom: 0.9rem; }
.inline-form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; }
.inline-form .form-field { display: grid; gap: 0.2rem; flex: 1 1 15rem; }
.inline-form .form-submit { flex: 0 0 auto; }
.inline-form .form-note { flex: 1 1 100%; margin: 0; }

/* Candidate */
.deliverables { margin: 0.3rem 0 0.8rem; padding-left: 1.4rem; }
.deliverables li { margin: 0.2rem 0; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.5rem 1.25rem; margin: 0; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; }
.areas { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.9rem; }
.drop-area { border: 2px dashed ${p.control}; border-radius: 8px; padding: 0.7rem 0.8rem; background: ${p.dropBg}; display: flex; flex-direction: column; gap: 0.4rem; min-width: 0; }
.drop-area.other { margin-top: 0.9rem; border-style: solid; }
.drop-area.dragging { border-color: ${p.primary}; background: ${p.infoBg}; }
.drop-area .pick { margin-top: auto; display: grid; gap: 0.25rem; }
.drop-area input[type="file"] { font: inherit; max-width: 100%; }
.file-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.45rem; }
.file { background: ${p.card}; border: 1px solid ${p.border}; border-radius: 6px; padding: 0.45rem 0.55rem; overflow-wrap: anywhere; }
.file-main { display: flex; flex-wrap: wrap; gap: 0.2rem 0.6rem; align-items: baseline; }
.file-name { font-weight: 700; }
.file-meta { color: ${p.muted}; font-size: 0.85rem; }
.file-read { margin: 0.2rem 0; font-size: 0.92rem; }
.file.failed { border: 2px solid ${p.errorBorder}; background: ${p.errorBg}; color: ${p.errorText}; }
.file.uploaded { border-color: ${p.okBorder}; }
.file-actions { display: flex; gap: 0.5rem; margin-top: 0.25rem; }
.file-actions button { padding: 0.15rem 0.6rem; font-size: 0.88rem; }
.file progress { width: 100%; height: 0.8rem; accent-color: ${p.primary}; }
.empty-note { color: ${p.muted}; font-style: italic; margin: 0; }
.check-list { padding-left: 1.2rem; }
.check-list li { margin: 0.35rem 0; overflow-wrap: anywhere; }
.receipt td { overflow-wrap: anywhere; }

/* Reviewer sheet */
.sheet-head { display: flex; justify-content: space-between; gap: 1rem; align-items: flex-start; }
.sheet-head h1 { font-size: 1.4rem; }
.shortcuts { background: ${p.card}; border: 1px solid ${p.border}; border-radius: 8px; padding: 0.4rem 0.75rem; font-size: 0.9rem; max-width: 24rem; }
.shortcuts summary { cursor: pointer; font-weight: 600; }
.shortcuts dl { margin: 0.4rem 0 0; display: grid; gap: 0.15rem; }
.shortcuts dl > div { display: grid; grid-template-columns: 4.5rem 1fr; }
.shortcuts dd { margin: 0; }
.sheet-layout { display: grid; grid-template-columns: minmax(0, 11fr) minmax(0, 9fr); gap: 1rem; align-items: start; }
.sheet-fields > section > h2 { margin-top: 0.4rem; }
.field { background: ${p.card}; border: 1px solid ${p.border}; border-radius: 8px; padding: 0.7rem 0.9rem; margin: 0 0 0.75rem; scroll-margin-top: 0.5rem; }
.field.current { border: 2px solid ${p.primary}; box-shadow: 0 0 0 3px ${p.infoBg}; }
.field:target { border: 2px solid ${p.primary}; }
.field-head { display: flex; gap: 0.6rem; align-items: baseline; justify-content: space-between; }
.suggestion { margin: 0.3rem 0; }
.score { font-size: 1.05rem; }
.attention { color: ${p.errorText}; }
.rationale { margin: 0.3rem 0; }
.evidence { margin: 0.3rem 0; padding-left: 1.1rem; font-size: 0.93rem; }
.evidence li { margin: 0.2rem 0; overflow-wrap: anywhere; }
.human { margin: 0.35rem 0; padding: 0.3rem 0.5rem; border-radius: 6px; background: ${p.subtle}; font-size: 0.93rem; }
.human.kept { background: ${p.okBg}; color: ${p.okText}; }
.human.overridden { background: ${p.reviewBg}; color: ${p.reviewText}; }
.human.kept .hint, .human.overridden .hint { color: inherit; }
.field-form { border-top: 1px solid ${p.border}; margin-top: 0.5rem; padding-top: 0.5rem; display: grid; gap: 0.3rem; }
.scores { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; align-items: center; }
.scores legend { width: 100%; }
.score-option { font-weight: 400; white-space: nowrap; }
.flag-present { border-left: 5px solid ${p.errorBorder}; }
.pillars th, .pillars td { text-align: center; }
.pillars caption { font-weight: 400; color: ${p.muted}; font-size: 0.9rem; }
.doc-pane { position: sticky; top: 0.5rem; max-height: calc(100vh - 1rem); overflow-y: auto; background: ${p.card}; border: 1px solid ${p.border}; border-radius: 8px; padding: 0.75rem 1rem; }
.doc-index ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; padding: 0; margin: 0 0 0.5rem; font-size: 0.9rem; }
.doc { border-top: 2px solid ${p.border}; padding-top: 0.5rem; margin-top: 0.5rem; }
.doc > h3 { overflow-wrap: anywhere; }
.doc-section { margin: 0.5rem 0; scroll-margin-top: 0.5rem; }
.doc-section .where { margin: 0; font-size: 0.8rem; overflow-wrap: anywhere; }
.doc-text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.1rem 0; font-size: 0.93rem; }
mark { background: ${p.mark}; color: ${p.text}; border-radius: 2px; padding: 0 1px; scroll-margin: 30vh 0; }
mark:target, mark.current { background: ${p.markCurrent}; outline: 3px solid ${p.focus}; outline-offset: 1px; }
.audit { table-layout: fixed; min-width: 60rem; }
.audit td { overflow-wrap: anywhere; }
.audit th:nth-child(1) { width: 10rem; }
.audit th:nth-child(2) { width: 8rem; }
.audit th:nth-child(3) { width: 9.5rem; }
.audit th:nth-child(4) { width: 8.5rem; }
.audit th:nth-child(5) { width: 16%; }
.audit th:nth-child(6) { width: 24%; }
.audit { font-size: 0.86rem; }

@media (max-width: 1000px) {
  .areas, .two-columns, .two-columns.wide-left, .sheet-layout { grid-template-columns: minmax(0, 1fr); }
  .doc-pane { position: static; max-height: none; }
  .sheet-head { flex-direction: column; }
}
`;
