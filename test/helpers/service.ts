import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startServer, type RunningServer } from '../../src/node/server.js';

/** Labeled sample submissions in the repository. */
export const submissionsDir = fileURLToPath(new URL('../../fixtures/submissions/', import.meta.url));
export { corpusDir } from './corpus.js';

export type Flavour = 'sqlite' | 'postgres';
export const flavours: Flavour[] = ['sqlite', 'postgres'];

/**
 * The machine's Postgres (CONTRACT: trust auth on 127.0.0.1, database `test`). TEST_POSTGRES_URL
 * overrides; otherwise user root, then postgres.
 */
async function adminUrl(): Promise<string> {
  const candidates = process.env.TEST_POSTGRES_URL
    ? [process.env.TEST_POSTGRES_URL]
    : ['postgres://root@127.0.0.1:5432/test', 'postgres://postgres@127.0.0.1:5432/test'];
  const errors: string[] = [];
  for (const url of candidates) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return url;
    } catch (e) {
      errors.push(`${url}: ${e instanceof Error ? e.message : String(e)}`);
      await client.end().catch(() => {});
    }
  }
  throw new Error(
    `Postgres is needed for the service tests and is not reachable (${errors.join('; ')}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
  );
}

export interface TestStorage {
  /** Environment for the server and the CLI: DATA_DIR, and DATABASE_URL on Postgres. */
  env: Record<string, string>;
  dataDir: string;
  flavour: Flavour;
  /** Drop the database (Postgres) and remove the data folder. */
  drop(): Promise<void>;
}

/** A fresh data folder and, on Postgres, a fresh database dropped afterwards. */
export async function createStorage(flavour: Flavour, label: string): Promise<TestStorage> {
  const dataDir = mkdtempSync(join(tmpdir(), `gradesheet-${label}-`));
  if (flavour === 'sqlite') {
    return { env: { DATA_DIR: dataDir }, dataDir, flavour, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const admin = await adminUrl();
  const name = `gs_${label.replace(/[^a-z0-9]/gi, '_')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    dataDir,
    flavour,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      // Closed pools finish closing their sockets a moment later: wait for them, so no client
      // is cut off mid-close (FORCE only if something is really left open).
      let open = 1;
      for (let i = 0; i < 100 && open > 0; i++) {
        open = Number((await c.query('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [name])).rows[0].n);
        if (open > 0) await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name}${open > 0 ? ' WITH (FORCE)' : ''}`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Node server in this process, on a free loopback port. */
export async function startTestServer(env: Record<string, string>): Promise<RunningServer & { base: string }> {
  const server = await startServer({ ...env, PORT: '0', HOST: '127.0.0.1', JOB_POLL_MS: env.JOB_POLL_MS ?? '25' });
  return { ...server, base: `http://127.0.0.1:${server.port}` };
}

export interface JsonResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** JSON over HTTP, with an optional bearer key. */
export function client(base: string, key?: string) {
  async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
    const h: Record<string, string> = { accept: 'application/json', ...headers };
    if (key) h.authorization = `Bearer ${key}`;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(base + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json')) parsed = text ? JSON.parse(text) : null;
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
    put: <T = any>(path: string, body?: unknown) => call<T>('PUT', path, body ?? {}),
    del: <T = any>(path: string) => call<T>('DELETE', path),
    call,
  };
}

export interface FileToSend {
  name: string;
  bytes: Uint8Array;
}

export function fixture(submission: string, file: string): FileToSend {
  return { name: file, bytes: new Uint8Array(readFileSync(join(submissionsDir, submission, file))) };
}

export function fromPath(path: string, name = basename(path)): FileToSend {
  return { name, bytes: new Uint8Array(readFileSync(path)) };
}

/** POST files to a candidate link as multipart, field `file`. */
export async function upload(base: string, token: string, files: FileToSend[]): Promise<JsonResponse> {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.name);
  const res = await fetch(`${base}/s/${token}/files`, { method: 'POST', body: form });
  const text = await res.text();
  return { status: res.status, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text, headers: res.headers };
}

/** Wait until `check` returns a value (polling; bounded so a broken worker fails the test instead of hanging it). */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | null | false>, { tries = 600, everyMs = 50 } = {}): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** A server process started as users start it: `node dist/cli.js serve` (`npm test` builds first). */
export interface ServerProcess {
  base: string;
  port: number;
  /** SIGKILL: no shutdown code runs. Resolves once the process is gone. */
  kill(): Promise<void>;
}

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [cliPath, 'serve'], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
