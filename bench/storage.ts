// Storage for the service tests and the HTTP benchmark: a fresh data folder, and on Postgres a
// fresh database dropped afterwards. Shared so both run the service on storage made the same way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type Flavour = 'sqlite' | 'postgres';

/**
 * The machine's Postgres (CONTRACT: trust auth on 127.0.0.1, database `test`). TEST_POSTGRES_URL
 * overrides; otherwise user root, then postgres.
 */
export async function adminUrl(): Promise<string> {
  const candidates = process.env.TEST_POSTGRES_URL
    ? [process.env.TEST_POSTGRES_URL]
    : ['postgres://root@127.0.0.1:5432/test', 'postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/postgres', 'postgres://postgres@127.0.0.1:5432/postgres'];
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
    `Postgres is needed (service tests, the HTTP benchmark) and is not reachable (${errors.join('; ')}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
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
