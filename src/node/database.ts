import * as fs from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
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
  /** Resolves once every commit so far is on disk (SQLite's group commit; absent: each commit is). */
  durable?: () => Promise<void>;
  /**
   * Connections of the grading worker's own (Postgres): claiming a job and writing its sheet never wait behind the
   * requests queued for the shared pool, so grading keeps up under load. Absent: the worker uses `db`.
   */
  workerDb?: Kysely<Database>;
  close(): Promise<void>;
}

/**
 * better-sqlite3 prepares a statement on every call; Kysely sends the same SQL text again and
 * again, so keep prepared statements by SQL (safe: one connection, queries run one at a time).
 * `onCommit` is called after every commit: an explicit COMMIT, or a write outside a transaction.
 */
function withStatementCache(db: BetterSqlite3.Database, onCommit: () => void, max = 512): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  const track = (statement: BetterSqlite3.Statement): SqliteStatement => {
    const after = <T>(result: T): T => {
      if (!db.inTransaction) onCommit();
      return result;
    };
    return {
      reader: statement.reader,
      all: (parameters) => after(statement.all(...(parameters as unknown[]))),
      run: (parameters) => after(statement.run(...(parameters as unknown[]))),
      *iterate(parameters) {
        yield* statement.iterate(...(parameters as unknown[]));
        after(undefined);
      },
    };
  };
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement) return statement;
      const prepared = db.prepare(sql);
      // COMMIT is "read-only" to SQLite (it writes nothing itself) but it is what makes writes last.
      statement = !prepared.readonly || /^\s*(commit|end)\b/i.test(sql) ? track(prepared) : (prepared as unknown as SqliteStatement);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
      return statement;
    },
  };
}

const openFd = promisify(fs.open);
const fsyncFd = promisify(fs.fsync);
const closeFd = promisify(fs.close);

/** fsync a path (opened and closed around it); a missing file needs nothing. */
async function fsyncPath(path: string): Promise<void> {
  let fd: number;
  try {
    fd = await openFd(path, 'r');
  } catch (e) {
    // No WAL file: the last connection checkpointed it into the database (with an fsync) and removed it.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  try {
    await fsyncFd(fd);
  } finally {
    await closeFd(fd);
  }
}

/**
 * Group commit for SQLite in WAL mode with synchronous=NORMAL: commits are not fsynced one by one
 * on the main thread; `durable()` fsyncs the WAL file (on libuv's thread pool) and resolves once
 * every commit made before the call is on disk. Calls that arrive while an fsync runs share the
 * next one, so 50 concurrent requests cost a few fsyncs, not 50. The app awaits it before any
 * response, so whatever a client was told survives a power loss as with synchronous=FULL.
 */
function groupCommit(file: string): { committed(): void; durable(): Promise<void>; close(): Promise<void> } {
  let committed = 0;
  let synced = 0;
  let dirSynced = false;
  let inFlight: Promise<void> | null = null;
  // The WAL stays open as long as our connection is (SQLite resets it in place after a
  // checkpoint, it never replaces it), so one descriptor serves every fsync.
  let walFd: number | null = null;
  const sync = async (upTo: number) => {
    if (walFd === null) {
      try {
        walFd = await openFd(`${file}-wal`, 'r');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    if (walFd !== null) await fsyncFd(walFd);
    // Once: the WAL's directory entry (SQLite syncs it itself only with synchronous=FULL).
    if (!dirSynced) {
      await fsyncPath(dirname(file));
      dirSynced = true;
    }
    synced = Math.max(synced, upTo);
  };
  return {
    committed: () => void committed++,
    async durable() {
      const target = committed;
      while (synced < target) {
        inFlight ??= sync(committed).finally(() => (inFlight = null));
        await inFlight;
      }
    },
    async close() {
      if (walFd !== null) await closeFd(walFd);
      walFd = null;
    },
  };
}

/** Open SQLite at `DATA_DIR/gradesheet.db` (created on first use). */
export function openSqlite(dataDir: string): NodeDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = join(resolve(dataDir), 'gradesheet.db');
  const sqlite = new BetterSqlite3(file);
  // WAL: readers never block the writer. synchronous=NORMAL with a group commit (groupCommit):
  // a commit is fsynced before any response leaves, so a receipt we returned survives a power
  // loss, not only a process crash; only commits no client has heard of yet (a sheet the worker
  // just wrote, with its job still marked undone) can be lost, and the job then runs again.
  // busy_timeout: the CLI and the server may write at the same time.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const commits = groupCommit(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, commits.committed) }) });
  return {
    db,
    flavor: 'sqlite',
    where: file,
    durable: commits.durable,
    async close() {
      await commits.durable();
      await commits.close();
      await db.destroy();
    },
  };
}

/** Open Postgres at `DATABASE_URL` (a pool of connections). */
export function openPostgres(url: string, max = 10, workerMax = 2): NodeDatabase {
  const open = (size: number) => {
    const pool = new pg.Pool({ connectionString: url, max: size });
    // An idle connection dropped by the server (restart, failover) must not crash the process:
    // the pool replaces it on the next query.
    pool.on('error', (e) => console.error(`postgres: idle connection lost: ${e.message}`));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  };
  const db = open(max);
  const workerDb = open(workerMax);
  const where = url.replace(/\/\/[^@/]*@/, '//');
  return {
    db,
    workerDb,
    flavor: 'postgres',
    where,
    async close() {
      await workerDb.destroy();
      await db.destroy();
    },
  };
}

/** The database the configuration names, migrated to the latest schema. */
export async function openDatabase(config: Pick<NodeConfig, 'DATA_DIR' | 'DATABASE_URL'> & Partial<Pick<NodeConfig, 'JOB_CONCURRENCY'>>): Promise<NodeDatabase> {
  // The worker's own connections: one per job it runs at once, and one to claim the next.
  const opened = config.DATABASE_URL ? openPostgres(config.DATABASE_URL, 10, (config.JOB_CONCURRENCY ?? 1) + 1) : openSqlite(config.DATA_DIR);
  try {
    await migrateToLatest(opened.db, opened.flavor);
  } catch (e) {
    await opened.close();
    throw e;
  }
  return opened;
}
