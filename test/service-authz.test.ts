import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/node/config.js';
import { openDatabase, type NodeDatabase } from '../src/node/database.js';
import { createKeyFromEnv } from '../src/node/keys-command.js';
import { client, createStorage, fixture, flavours, startTestServer, upload, waitFor, type TestStorage } from './helpers/service.js';

type Role = 'admin' | 'hiring_manager' | 'reviewer';
const staff: Role[] = ['admin', 'hiring_manager', 'reviewer'];
const managers: Role[] = ['admin', 'hiring_manager'];

/** CONTRACT.md's table, plus key management, calibration, reopen and one submission: the spec this test holds the service to. */
const matrix: Record<string, Role[]> = {
  'POST /api/v1/keys': ['admin'],
  'GET /api/v1/keys': ['admin'],
  'DELETE /api/v1/keys/{id}': ['admin'],
  'POST /api/v1/assignments': managers,
  'GET /api/v1/assignments': staff,
  'GET /api/v1/assignments/{id}': staff,
  'POST /api/v1/assignments/{id}/links': managers,
  'GET /api/v1/assignments/{id}/summary': managers,
  'GET /api/v1/assignments/{id}/calibration': managers,
  'GET /api/v1/submissions': staff,
  'GET /api/v1/submissions/{id}': staff,
  'GET /api/v1/submissions/{id}/sheet': staff,
  'PUT /api/v1/submissions/{id}/sheet/items/{item_id}': ['reviewer'],
  'PUT /api/v1/submissions/{id}/sheet/red_flags/{flag_id}': ['reviewer'],
  'POST /api/v1/submissions/{id}/sheet/confirm': ['reviewer'],
  'POST /api/v1/submissions/{id}/sheet/reopen': ['admin', 'reviewer'],
  'GET /api/v1/submissions/{id}/audit': staff,
  'DELETE /api/v1/candidates/{id}': ['admin'],
  'PATCH /api/v1/assignments/{id}': managers,
  'GET /api/v1/settings/llm_assist': staff,
  'PUT /api/v1/settings/llm_assist': ['admin'],
};

describe.each(flavours)('authorization on %s', (flavour) => {
  let storage: TestStorage;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let database: NodeDatabase;
  const keys = {} as Record<Role, string>;
  let revokedAdminKey: string;
  let assignmentId: string;
  let linkA: { id: string; token: string; candidate_id: string };
  let linkB: { id: string; token: string; candidate_id: string };
  let throwaway: { candidate_id: string };
  let throwawayKeyId: string;
  let fileB: string;

  beforeAll(async () => {
    storage = await createStorage(flavour, 'authz');
    keys.admin = (await createKeyFromEnv(storage.env, 'admin')).key;
    const revoked = await createKeyFromEnv(storage.env, 'admin', 'to revoke');
    revokedAdminKey = revoked.key;
    server = await startTestServer(storage.env);
    database = await openDatabase(loadConfig(storage.env));
    const admin = client(server.base, keys.admin);
    expect((await admin.del(`/api/v1/keys/${revoked.id}`)).status).toBe(200);
    keys.hiring_manager = (await admin.post('/api/v1/keys', { role: 'hiring_manager' })).body.key;
    keys.reviewer = (await admin.post('/api/v1/keys', { role: 'reviewer' })).body.key;
    throwawayKeyId = (await admin.post('/api/v1/keys', { role: 'reviewer', name: 'throwaway' })).body.id;
    assignmentId = (await admin.post('/api/v1/assignments', { title: 'Authz' })).body.id;
    const link = async (name: string) => (await admin.post(`/api/v1/assignments/${assignmentId}/links`, { candidate: { name, email: `${name.toLowerCase()}@example.com` } })).body;
    linkA = await link('Alice');
    linkB = await link('Bob');
    throwaway = await link('Carol');
    expect((await upload(server.base, linkA.token, [fixture('03-sales-email-mediocre', 'roadmap.md')])).status).toBe(201);
    const up = await upload(server.base, linkB.token, [fixture('03-sales-email-mediocre', 'policy.txt'), fixture('03-sales-email-mediocre', 'costs.md')]);
    expect(up.status).toBe(201);
    fileB = up.body.files[0].id;
    expect((await client(server.base).post(`/s/${linkB.token}/submit`)).status).toBe(200);
    await waitFor('grading', async () => (await admin.get(`/api/v1/submissions/${linkB.id}`)).body.status === 'prefilled');
  });

  afterAll(async () => {
    await database?.close();
    await server?.close();
    await storage?.drop();
  });

  /** A concrete request for each documented route. */
  function requestFor(route: string): { path: string; body?: unknown } {
    const [, path] = route.split(' ') as [string, string];
    const bodies: Record<string, unknown> = {
      'POST /api/v1/keys': { role: 'reviewer' },
      'POST /api/v1/assignments': { title: 'Another' },
      'POST /api/v1/assignments/{id}/links': { candidate: { name: 'Dan', email: 'dan@example.com' } },
      'PUT /api/v1/submissions/{id}/sheet/items/{item_id}': { score: 0, reason: 'authorization test' },
      'PUT /api/v1/submissions/{id}/sheet/red_flags/{flag_id}': { present: true, reason: 'authorization test' },
      'POST /api/v1/submissions/{id}/sheet/confirm': { decision: 'do_not_advance', note: 'authorization test' },
      'POST /api/v1/submissions/{id}/sheet/reopen': { reason: 'authorization test' },
      'PATCH /api/v1/assignments/{id}': { llm_assist: false },
      'PUT /api/v1/settings/llm_assist': { enabled: true },
    };
    let id = linkB.id;
    if (path.startsWith('/api/v1/assignments/')) id = assignmentId;
    if (path.startsWith('/api/v1/keys/')) id = throwawayKeyId;
    if (path.startsWith('/api/v1/candidates/')) id = throwaway.candidate_id;
    const concrete = path.replace('{id}', id).replace('{item_id}', 'kpis').replace('{flag_id}', 'no_tradeoffs');
    return { path: concrete, body: bodies[route] };
  }

  async function send(route: string, bearer: string | null) {
    const method = route.split(' ')[0]!;
    const { path, body } = requestFor(route);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(server.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  it('documents every /api/v1 route with exactly the roles of the contract', async () => {
    const doc = (await client(server.base).get('/openapi.json')).body as { paths: Record<string, Record<string, { 'x-roles': Role[]; security: unknown[] }>> };
    const documented: Record<string, Role[]> = {};
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        documented[`${method.toUpperCase()} ${path}`] = op['x-roles'];
        expect(op.security).toEqual([{ bearer: [] }]);
      }
    }
    expect(documented).toEqual(matrix);
  });

  it('every route × no key, a wrong key, a revoked key, a link token, and each role', async () => {
    const unknown = 'gsk_' + 'A'.repeat(43);
    for (const route of Object.keys(matrix)) {
      for (const [label, bearer] of [
        ['no key', null],
        ['wrong key', unknown],
        ['garbage', 'not-a-key'],
        ['revoked key', revokedAdminKey],
        ["a candidate's link token", linkA.token],
      ] as const) {
        const r = await send(route, bearer);
        expect({ route, label, status: r.status, code: r.body?.error?.code }).toEqual({ route, label, status: 401, code: 'unauthorized' });
        expect(r.headers.get('www-authenticate')).toBe('Bearer');
      }
      // Forbidden roles first: a refused request must change nothing before the allowed ones run.
      const allowed = matrix[route]!;
      for (const role of [...staff.filter((r) => !allowed.includes(r)), ...allowed]) {
        const r = await send(route, keys[role]);
        if (allowed.includes(role)) {
          expect({ route, role, ok: r.status < 400 || ![401, 403].includes(r.status) }).toEqual({ route, role, ok: true });
          expect(r.status, `${route} as ${role}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
        } else {
          expect({ route, role, status: r.status, code: r.body?.error?.code }).toEqual({ route, role, status: 403, code: 'forbidden' });
        }
      }
    }
    // The forbidden DELETEs ran before the admin's: the throwaway candidate was erased by the admin only.
    const audit = (await client(server.base, keys.admin).get(`/api/v1/submissions/${(await database.db.selectFrom('submissions').select('id').where('candidate_id', '=', throwaway.candidate_id).executeTakeFirstOrThrow()).id}/audit`)).body.items;
    expect(audit.filter((e: { action: string }) => e.action === 'candidate.erased').map((e: { actor_role: string }) => e.actor_role)).toEqual(['admin']);
  });

  it("a candidate's token reaches only its own submission", async () => {
    const anon = client(server.base);
    // A's token on B's file: not found, and B's file stays.
    const cross = await anon.del(`/s/${linkA.token}/files/${fileB}`);
    expect(cross.status).toBe(404);
    expect((await anon.get(`/s/${linkB.token}`)).body.files.map((f: { id: string }) => f.id)).toContain(fileB);
    // Unknown, malformed tokens and API keys used as tokens open nothing.
    const fake = 'x'.repeat(43);
    for (const token of [fake, 'short', keys.admin, linkA.id]) {
      expect((await anon.get(`/s/${token}`)).status).toBe(404);
      expect((await anon.post(`/s/${token}/submit`)).status).toBe(404);
      expect((await upload(server.base, token, [fixture('03-sales-email-mediocre', 'roadmap.md')])).status).toBe(404);
      expect((await anon.del(`/s/${token}/files/${fileB}`)).status).toBe(404);
    }
    // B submitted: B's token may no longer change files.
    expect((await anon.del(`/s/${linkB.token}/files/${fileB}`)).status).toBe(409);
    // An expired link: 410 for opening, uploading and submitting.
    await database.db.updateTable('submissions').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', linkA.id).execute();
    const gone = await anon.get(`/s/${linkA.token}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('gone');
    expect((await upload(server.base, linkA.token, [fixture('03-sales-email-mediocre', 'roadmap.md')])).status).toBe(410);
    expect((await anon.post(`/s/${linkA.token}/submit`)).status).toBe(410);
    // The submitted link still shows its receipt after expiry.
    await database.db.updateTable('submissions').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', linkB.id).execute();
    expect((await anon.get(`/s/${linkB.token}`)).body.receipt.submission_id).toBe(linkB.id);
  });
});
