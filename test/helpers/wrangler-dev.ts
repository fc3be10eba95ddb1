import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (the folder of wrangler.toml), from the sources or from their build in dist/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'wrangler.toml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('wrangler.toml not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

const root = projectRoot();
const wranglerBin = join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/** Wrangler offline: no metrics, no error reports, no fetching of the `cf` object. */
export const offlineWranglerEnv = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface WranglerDev {
  base: string;
  /** wrangler's pid, also the id of the process group it and its workerd run in. */
  pid: number;
  /** Everything wrangler and the Worker printed so far (console.log of the Worker included). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `wrangler dev --local` on loopback, with its own D1/R2 state in a temporary folder, the given
 * vars (`--var NAME:VALUE`) and `--test-scheduled` (GET /__scheduled runs the cron handler).
 */
export async function startWranglerDev(options: { vars?: Record<string, string>; config?: string; timeoutMs?: number } = {}): Promise<WranglerDev> {
  const state = mkdtempSync(join(tmpdir(), 'gradesheet-wrangler-'));
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const args = [wranglerBin, 'dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--persist-to', join(state, 'state'), '--test-scheduled', '--log-level', 'info'];
  if (options.config) args.push('--config', options.config);
  for (const [k, v] of Object.entries(options.vars ?? {})) args.push('--var', `${k}:${v}`);
  const child = spawn(process.execPath, args, {
    cwd: root,
    // Its own process group: stop() ends wrangler and the workerd it started, and nothing else.
    detached: true,
    env: { ...process.env, ...offlineWranglerEnv, WRANGLER_LOG_PATH: join(state, 'logs'), WRANGLER_REGISTRY_PATH: join(state, 'registry'), NO_COLOR: '1', CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(state, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${out}`);
      if (/Ready on http/.test(out)) {
        // Ready means listening; the first request also bundles nothing more (wrangler built already).
        const res = await fetch(`${base}/healthz`).catch(() => null);
        if (res && res.status < 500) break;
      }
      if (Date.now() > deadline) throw new Error(`wrangler dev did not start in time:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, pid: child.pid!, output: () => out, stop };
}
