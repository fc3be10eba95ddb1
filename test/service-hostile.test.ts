import { request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyFromEnv } from '../src/node/keys-command.js';
import { client, corpusDir, createStorage, fixture, flavours, fromPath, startTestServer, upload, type TestStorage } from './helpers/service.js';

// The corpus's hostile files and what the parser says about them (CONTRACT: typed 4xx errors).
const hostile: [file: string, status: number, code: string][] = [
  ['docx/edge_ZIPBOMB_100MB_document_xml.docx', 422, 'zip_bomb'],
  ['docx/edge_ZIPBOMB_600MB_document_xml.docx', 422, 'zip_bomb'],
  ['docx/edge_ZIP_10006_entries.docx', 422, 'too_many_entries'],
  ['docx/edge_ENCRYPTED_password_is_pass.docx', 422, 'encrypted_file'],
  ['pdf/edge_ENCRYPTED_user_password_required.pdf', 422, 'encrypted_file'],
  ['docx/edge_TRUNCATED_docx.docx', 422, 'corrupt_file'],
  ['pptx/edge_CORRUPT_fuzzer_minimized.pptx', 422, 'corrupt_file'],
  ['pptx/edge_TRUNCATED_no_central_directory.pptx', 422, 'corrupt_file'],
  ['docx/edge_no_main_document_part_theme_only.docx', 422, 'missing_main_part'],
  ['pptx/edge_NO_SLIDES.pptx', 422, 'no_slides'],
  ['pdf/edge_no_text_layer_table_as_graphics.pdf', 422, 'no_text_layer'],
];

const MB = 1024 * 1024;

describe.each(flavours)('hostile uploads on %s', (flavour) => {
  let storage: TestStorage;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  let submissionId: string;
  const anon = () => client(server.base);

  async function healthy() {
    expect((await anon().get('/healthz')).body).toEqual({ ok: true });
  }
  async function nothingStored() {
    expect((await anon().get(`/s/${token}`)).body.files).toEqual([]);
    const dir = join(storage.dataDir, 'files', 'submissions', submissionId);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  }

  beforeAll(async () => {
    storage = await createStorage(flavour, 'hostile');
    const { key } = await createKeyFromEnv(storage.env, 'admin');
    server = await startTestServer({ ...storage.env, MAX_UPLOAD_MB: '30' });
    const admin = client(server.base, key);
    const assignment = (await admin.post('/api/v1/assignments', { title: 'Hostile' })).body;
    const link = (await admin.post(`/api/v1/assignments/${assignment.id}/links`, { candidate: { name: 'Mallory', email: 'mallory@example.com' } })).body;
    token = link.token;
    submissionId = link.id;
  });

  afterAll(async () => {
    await server?.close();
    await storage?.drop();
  });

  it.each(hostile)('%s → %i %s, nothing stored, server healthy', async (file, status, code) => {
    const r = await upload(server.base, token, [fromPath(join(corpusDir, file))]);
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toContain(file.split('/')[1]);
    await healthy();
    await nothingStored();
  });

  it('refuses a binary named .pptx and a file with a good one beside it, storing neither', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, ...new Array(200).fill(7)]);
    const r = await upload(server.base, token, [fixture('01-support-copilot-strong', 'roadmap.md'), { name: 'Year1 cost.pptx', bytes: png }]);
    expect(r.status).toBe(415);
    expect(r.body.error).toMatchObject({ code: 'unsupported_format' });
    expect(r.body.error.message).toContain('Year1 cost.pptx');
    const random = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect((await upload(server.base, token, [{ name: 'deck.pptx', bytes: random }])).body.error.code).toBe('unsupported_format');
    await healthy();
    await nothingStored();
  });

  it('a file over 25 MB inside an accepted body → 413 file_too_large', async () => {
    const big = new Uint8Array(26 * MB).fill(0x61);
    const r = await upload(server.base, token, [{ name: 'notes.md', bytes: big }]);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('file_too_large');
    await healthy();
    await nothingStored();
  });

  it('a body declared larger than the limit → 413 before it is read', async () => {
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: `/s/${token}/files`,
      headers: { 'content-type': 'multipart/form-data; boundary=xyz', 'content-length': String(8 * 1024 * MB) },
    });
    req.on('error', () => {});
    req.write('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.md"\r\n\r\n# a');
    // Only a few bytes of the 8 GB were sent: the answer cannot have waited for the rest.
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    let text = '';
    for await (const chunk of res) text += String(chunk);
    req.destroy();
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(text).error.code).toBe('payload_too_large');
    await healthy();
    await nothingStored();
  });

  it('a streamed (chunked) body over the limit → 413 payload_too_large', async () => {
    // node:http rather than fetch: the server answers 413 and closes while the client is still
    // sending, and fetch turns that race into "other side closed" before the response is read.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(`${server.base}/s/${token}/files`);
      const req = httpRequest({ hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xyz', 'transfer-encoding': 'chunked' } });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      // Write errors after the server has answered (EPIPE, ECONNRESET) are expected; only a missing response fails.
      req.on('error', (e) => setTimeout(() => reject(e), 2_000));
      let sent = 0;
      const chunk = Buffer.alloc(MB, 0x62);
      const pump = () => {
        while (sent < 40 * MB && !req.destroyed) {
          sent += MB;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!req.destroyed) req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    expect((JSON.parse(body) as { error: { code: string } }).error.code).toBe('payload_too_large');
    await healthy();
    await nothingStored();
  });

  it('too many files, malformed multipart and a missing field get 4xx; a good upload still works', async () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `n${i}.md`, bytes: new TextEncoder().encode(`# Note ${i}\n\nText.`) }));
    const r = await upload(server.base, token, many);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('too_many_files');
    const broken = await fetch(`${server.base}/s/${token}/files`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: '--xyz\r\ngarbage' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    const form = new FormData();
    form.append('other', 'x');
    const missing = await fetch(`${server.base}/s/${token}/files`, { method: 'POST', body: form });
    expect(missing.status).toBe(400);
    const notMultipart = await fetch(`${server.base}/s/${token}/files`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(notMultipart.status).toBe(415);
    await nothingStored();
    // The candidate's name for a file is shown back as text, never as markup.
    const ok = await upload(server.base, token, [{ name: '<img src=x onerror=alert(1)>.md', bytes: new TextEncoder().encode('# Roadmap\n\nQ1: pilot.') }]);
    expect(ok.status).toBe(201);
    const page = await (await fetch(`${server.base}/s/${token}`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;.md');
    expect(page).not.toContain('<img');
    await healthy();
  });
});
