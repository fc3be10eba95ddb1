import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** The parts of an OpenAPI 3.1 document the docs page reads. */
interface OpenApiDoc {
  info: { title: string; version: string; description?: string | undefined };
  paths?: Record<string, Record<string, Operation | undefined> | undefined> | undefined;
  components?: { schemas?: Record<string, SchemaLike> | undefined } | undefined;
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  'x-roles'?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: SchemaLike }> };
  responses?: Record<string, { description?: string }>;
}
interface SchemaLike {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaLike>;
  required?: string[];
  description?: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function resolve(doc: OpenApiDoc, s: SchemaLike | undefined): SchemaLike | undefined {
  if (s?.$ref) return doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')];
  return s;
}

function bodyFields(doc: OpenApiDoc, op: Operation): string {
  const schema = resolve(doc, op.requestBody?.content?.['application/json']?.schema);
  if (!schema?.properties) return '';
  const required = new Set(schema.required ?? []);
  return Object.keys(schema.properties)
    .map((k) => (required.has(k) ? k : `${k}?`))
    .join(', ');
}

/**
 * `/docs`: the OpenAPI document rendered on the server as one self-contained page (no scripts,
 * no CDN): every route with its roles, parameters, body fields and responses.
 */
export function renderDocsPage(doc: OpenApiDoc): HtmlEscapedString | Promise<HtmlEscapedString> {
  const rows = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((m) => {
      const op = item?.[m];
      return op ? [{ method: m.toUpperCase(), path, op }] : [];
    }),
  );
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} — API</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.45rem .6rem;border-bottom:1px solid #ddd}
code{font:13px ui-monospace,monospace}.m{font-weight:600}.roles{color:#555}small{color:#666}
</style></head><body>
<h1>${doc.info.title} <small>${doc.info.version}</small></h1>
<p>Staff routes take <code>Authorization: Bearer &lt;api key&gt;</code>. Errors are <code>{"error":{"code","message"}}</code>.
The machine-readable document is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<table><thead><tr><th>route</th><th>who</th><th>does</th><th>parameters and body</th><th>responses</th></tr></thead><tbody>
${rows.map(
  (r) => html`<tr id="${r.method.toLowerCase()}-${r.path}">
<td><code><span class="m">${r.method}</span> ${r.path}</code></td>
<td class="roles">${(r.op['x-roles'] ?? []).join(', ')}</td>
<td>${r.op.summary ?? ''}${r.op.description ? html`<br><small>${r.op.description}</small>` : ''}</td>
<td><code>${(r.op.parameters ?? []).map((p) => `${p.in === 'path' ? '{' + p.name + '}' : p.name + (p.required ? '' : '?')}`).join(', ')}${bodyFields(doc, r.op) ? html`<br>body: ${bodyFields(doc, r.op)}` : ''}</code></td>
<td><small>${Object.entries(r.op.responses ?? {}).map(([code, res]) => html`${code} ${res.description ?? ''}<br>`)}</small></td>
</tr>`,
)}
</tbody></table>
<h2>Candidate routes (by link token, not in the document above)</h2>
<table><tbody>
<tr><td><code><span class="m">GET</span> /s/{token}</code></td><td>the upload page; <code>Accept: application/json</code> gives the brief, time box and files so far. Opening it starts the time box.</td></tr>
<tr><td><code><span class="m">POST</span> /s/{token}/files</code></td><td>multipart field <code>file</code> (one or more); each file is read at once, unreadable files get a 4xx error</td></tr>
<tr><td><code><span class="m">DELETE</span> /s/{token}/files/{file_id}</code></td><td>remove a file before submitting</td></tr>
<tr><td><code><span class="m">POST</span> /s/{token}/submit</code></td><td>lock the submission and queue grading; returns the receipt</td></tr>
</tbody></table>
</body></html>`;
}
