import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../src/node/server.js';

/** Labeled sample submissions in the repository. */
export const submissionsDir = fileURLToPath(new URL('../../fixtures/submissions/', import.meta.url));
export { corpusDir } from './corpus.js';

export { adminUrl, createStorage, type Flavour, type TestStorage } from '../../bench/storage.js';
import type { Flavour } from '../../bench/storage.js';
export const flavours: Flavour[] = ['sqlite', 'postgres'];

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
