import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../store/migrations.js';
import type { Database, SqlFlavor } from '../store/schema.js';
import type { NodeConfig } from './config.js';

export interface NodeDatabase {
  db: Kysely<Database>;
  flavor: SqlFlavor;
  /** Where the data is, for logs (never the password). */
  where: string;
  close(): Promise<void>;
}

/**
 * better-sqlite3 prepares a statement on every call; Kysely sends the same SQL text again and
 * again, so keep prepared statements by SQL (safe: one connection, queries run one at a time).
 */
function withStatementCache(db: BetterSqlite3.Database, max = 512): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement) return statement;
      statement = db.prepare(sql) as unknown as SqliteStatement;
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
      return statement;
    },
  };
}

/** Open SQLite at `DATA_DIR/gradesheet.db` (created on first use). */
export function openSqlite(dataDir: string): NodeDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = join(resolve(dataDir), 'gradesheet.db');
  const sqlite = new BetterSqlite3(file);
  // WAL: readers never block the writer. synchronous=FULL: every commit is fsynced, so a receipt
  // we returned survives a power loss too, not only a process crash (NORMAL may lose the last
  // commits on power loss). busy_timeout: the CLI and the server may write at the same time.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, flavor: 'sqlite', where: file, close: () => db.destroy() };
}

/** Open Postgres at `DATABASE_URL` (a pool of connections). */
export function openPostgres(url: string, max = 10): NodeDatabase {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // the pool replaces it on the next query.
  pool.on('error', (e) => console.error(`postgres: idle connection lost: ${e.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const where = url.replace(/\/\/[^@/]*@/, '//');
  return { db, flavor: 'postgres', where, close: () => db.destroy() };
}

/** The database the configuration names, migrated to the latest schema. */
export async function openDatabase(config: Pick<NodeConfig, 'DATA_DIR' | 'DATABASE_URL'>): Promise<NodeDatabase> {
  const opened = config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openSqlite(config.DATA_DIR);
  try {
    await migrateToLatest(opened.db, opened.flavor);
  } catch (e) {
    await opened.close();
    throw e;
  }
  return opened;
}
