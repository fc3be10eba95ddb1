import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, defaultServiceConfig } from '../src/app.js';
import { loadConfig } from '../src/node/config.js';
import { openDatabase, type NodeDatabase } from '../src/node/database.js';
import { createFsBlobStore } from '../src/node/fs-blob-store.js';
import { createApiKey, revokeApiKey } from '../src/store/keys.js';
import { endStaffSession, findStaffSession, SESSION_HOURS, startStaffSession } from '../src/store/sessions.js';
import { createStorage, type TestStorage } from './helpers/service.js';

/** Staff sessions (migration 0005_pages): expiry, revoked keys, sign-out, and the cookie the app sets. */
describe('staff sessions', () => {
  let storage: TestStorage;
  let database: NodeDatabase;
  const t0 = new Date('2030-01-01T09:00:00Z');
  const at = (hours: number) => new Date(t0.getTime() + hours * 3600 * 1000);

  beforeAll(async () => {
    storage = await createStorage('sqlite', 'sessions');
    database = await openDatabase(loadConfig(storage.env));
  });
  afterAll(async () => {
    await database?.close();
    await storage?.drop();
  });

  it('end after SESSION_HOURS, when the key is revoked, and at sign-out', async () => {
    const key = await createApiKey(database.db, { role: 'reviewer', name: 'R' }, t0);
    const { secret, session } = await startStaffSession(database.db, key.key, t0);
    expect(secret).toMatch(/^gss_[A-Za-z0-9_-]{43}$/);
    expect(session).toMatchObject({ key_id: key.id, role: 'reviewer', key_name: 'R' });
    expect(await findStaffSession(database.db, secret, at(SESSION_HOURS - 0.01))).toMatchObject({ key_id: key.id });
    expect(await findStaffSession(database.db, secret, at(SESSION_HOURS))).toBeUndefined();

    const second = await startStaffSession(database.db, key.key, at(1));
    await endStaffSession(database.db, second.secret);
    expect(await findStaffSession(database.db, second.secret, at(1))).toBeUndefined();

    const third = await startStaffSession(database.db, key.key, at(2));
    await revokeApiKey(database.db, key.id, { id: 'system', role: 'system' }, at(2));
    expect(await findStaffSession(database.db, third.secret, at(2))).toBeUndefined();
    await expect(startStaffSession(database.db, key.key, at(3))).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(startStaffSession(database.db, 'gsk_nope', at(3))).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('sets an HttpOnly, SameSite=Strict cookie (Secure behind https) and refuses a sign-in form from elsewhere', async () => {
    const key = await createApiKey(database.db, { role: 'hiring_manager' }, new Date());
    const deps = { db: database.db, flavor: database.flavor, blobs: createFsBlobStore(storage.dataDir), now: () => new Date(), config: { ...defaultServiceConfig, publicUrl: 'https://grades.example.com' } };
    const app = createApp(deps);
    const form = await app.request('https://grades.example.com/sign-in');
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const preCookie = form.headers.get('set-cookie')!.split(';')[0]!;
    const body = new URLSearchParams({ _csrf: token, api_key: key.key });
    const signIn = await app.request('https://grades.example.com/sign-in', { method: 'POST', body, headers: { cookie: preCookie, origin: 'https://grades.example.com', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/assignments');
    const cookie = signIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^gs_session=gss_[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Strict$/);

    const forged = await app.request('https://grades.example.com/sign-in', { method: 'POST', body, headers: { cookie: preCookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(forged.status).toBe(403);
    const noToken = await app.request('https://grades.example.com/sign-in', { method: 'POST', body: new URLSearchParams({ api_key: key.key }), headers: { origin: 'https://grades.example.com', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(noToken.status).toBe(403);
    expect(noToken.headers.get('set-cookie') ?? '').not.toContain('gs_session=gss_');
  });
});
