/**
 * A Kysely dialect for Cloudflare D1, with optimistic transactions.
 *
 * D1 has no interactive transactions (no BEGIN over several round trips); its one atomic unit is
 * `batch()`: statements sent together run in one SQLite transaction, and the first failure rolls
 * them all back. The store's transactions (src/store/*.ts) read, take a "lock" with a conditional
 * UPDATE, read again and write. Here a transaction runs like this:
 *
 * - Reads (SELECT) run at once, against what is committed.
 * - Writes are collected and committed at the end in ONE `batch()`: all of them or none.
 * - An UPDATE or DELETE first reads the rows it would touch (a fingerprint: their rowids and every
 *   column) to answer "how many rows changed" at once, as the store's lock checks need. In the
 *   batch, a guard before that write aborts everything if those rows (or the set of rows its WHERE
 *   matches) changed since: someone else committed in between. That is a write-write conflict, and
 *   the transaction is run again from the start (`D1TransactionConflict`, retried by
 *   `openD1Database`), so it decides on fresh data, as a row lock would have made it wait.
 *
 * What differs from SQLite/Postgres (README, "Node and Workers"): a transaction does not see its own
 * writes (they are not sent yet); it sees other transactions' commits between its reads (no
 * snapshot), so only what its writes cover is protected, which is what the store's row locks
 * protect on Postgres as well; INSERT … RETURNING and UPDATE/DELETE with joins, LIMIT or RETURNING
 * are refused inside a transaction.
 */
import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types/index.ts';
import {
  AliasNode,
  CompiledQuery,
  createQueryId,
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  sql,
  DeleteQueryNode,
  IdentifierNode,
  InsertQueryNode,
  RawNode,
  SelectionNode,
  SelectQueryNode,
  SqliteAdapter,
  SqliteQueryCompiler,
  TableNode,
  UpdateQueryNode,
  ValuesNode,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type SchemaMetadata,
  type TableMetadata,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type OperationNode,
  type QueryCompiler,
  type QueryResult,
  type RootOperationNode,
  type WhereNode,
} from 'kysely';

/** The table whose named CHECK constraint aborts a batch when a guard finds its rows changed. */
export const GUARD_TABLE = '_gradesheet_tx_guard';
const GUARD_DDL = `CREATE TABLE IF NOT EXISTS ${GUARD_TABLE} (ok INTEGER NOT NULL CONSTRAINT transaction_conflict CHECK (ok = 1))`;

/** Another transaction changed rows this one was about to write: run it again. */
export class D1TransactionConflict extends Error {
  override readonly name = 'D1TransactionConflict';
}

export interface D1DialectOptions {
  database: D1Database;
}

/**
 * @example
 * const db = new Kysely<Database>({ dialect: new D1Dialect({ database: env.DB }) });
 */
export class D1Dialect implements Dialect {
  constructor(private readonly options: D1DialectOptions) {}
  createAdapter(): DialectAdapter {
    return new D1Adapter();
  }
  createDriver(): Driver {
    return new D1Driver(this.options.database);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new D1Introspector(db);
  }
}

/**
 * SQLite's introspection without D1's internal tables: D1 refuses any statement that names a
 * `_cf_…` table (SQLITE_AUTH), and SqliteIntrospector reads the columns of every table.
 */
class D1Introspector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}
  async getSchemas(): Promise<SchemaMetadata[]> {
    return [];
  }
  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const tables = await sql<{ name: string; type: string }>`SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND substr(name, 1, 7) <> 'sqlite_' AND substr(name, 1, 4) <> '_cf_' ORDER BY name`.execute(this.db);
    const internal = new Set([DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE]);
    const result: TableMetadata[] = [];
    for (const t of tables.rows) {
      if (!options.withInternalKyselyTables && internal.has(t.name)) continue;
      const cols = await sql<{ name: string; type: string; notnull: number; dflt_value: unknown; pk: number }>`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(${t.name}) ORDER BY cid`.execute(this.db);
      const pks = cols.rows.filter((c) => c.pk > 0);
      const rowidAlias = pks.length === 1 && pks[0]!.type.toLowerCase() === 'integer' ? pks[0]!.name : null;
      result.push({
        name: t.name,
        isView: t.type === 'view',
        columns: cols.rows.map((c) => ({ name: c.name, dataType: c.type, isNullable: !c.notnull, isAutoIncrementing: c.name === rowidAlias, hasDefaultValue: c.dflt_value != null })),
      });
    }
    return result;
  }
  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

/** SQLite's SQL, and DDL inside transactions: migrations then commit as one batch each run. */
class D1Adapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class D1Driver implements Driver {
  private guardReady: Promise<void> | null = null;
  private readonly columns = new Map<string, Promise<string[]>>();
  constructor(private readonly d1: D1Database) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new D1Connection(this.d1, this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as D1Connection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as D1Connection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as D1Connection).rollback();
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}

  /** The guard table, created once per isolate (idempotent, outside any batch). */
  ensureGuardTable(): Promise<void> {
    this.guardReady ??= this.d1
      .prepare(GUARD_DDL)
      .run()
      .then(
        () => undefined,
        (e: unknown) => {
          this.guardReady = null;
          throw e;
        },
      );
    return this.guardReady;
  }

  /** A table's columns, in order (for row fingerprints); cached per isolate. */
  tableColumns(table: string): Promise<string[]> {
    let cols = this.columns.get(table);
    if (!cols) {
      cols = this.d1
        .prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid')
        .bind(table)
        .all<{ name: string }>()
        .then((r) => r.results.map((c) => c.name));
      cols.catch(() => this.columns.delete(table));
      this.columns.set(table, cols);
    }
    return cols;
  }
}

const compiler = new SqliteQueryCompiler();
const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A column in a row fingerprint: itself, or for long values (a parsed document, a sheet) their
 * length and both ends, so that a fingerprint stays small enough to bind. Every store write also
 * changes a short column (a status, `updated_at`), so this still sees every concurrent change.
 */
const summarized = (column: string) => `CASE WHEN length(${column}) > 256 THEN 'len:' || length(${column}) || ':' || substr(${column}, 1, 64) || substr(${column}, -64) ELSE ${column} END`;

/** A write waiting for the commit, with the guard that must pass just before it runs. */
interface PendingWrite {
  guard?: { sql: string; parameters: readonly unknown[] };
  sql: string;
  parameters: readonly unknown[];
}

class D1Connection implements DatabaseConnection {
  private pending: PendingWrite[] | null = null;
  /** Per table, the rowids this transaction's guarded writes already cover. */
  private locked = new Map<string, Set<number>>();

  constructor(
    private readonly d1: D1Database,
    private readonly driver: D1Driver,
  ) {}

  begin(): void {
    this.pending = [];
    this.locked = new Map();
  }

  rollback(): void {
    this.pending = null;
  }

  async commit(): Promise<void> {
    const writes = this.pending ?? [];
    this.pending = null;
    if (writes.length === 0) return;
    const statements: D1PreparedStatement[] = [];
    for (const w of writes) {
      if (w.guard) statements.push(this.prepare(w.guard.sql, w.guard.parameters));
      statements.push(this.prepare(w.sql, w.parameters));
    }
    try {
      await this.d1.batch(statements);
    } catch (e) {
      if (/transaction_conflict/.test(errorText(e))) throw new D1TransactionConflict('rows this transaction writes were changed by another one since it read them', { cause: e });
      throw e;
    }
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const parts = splitLargeInsert(compiled);
    if (parts) {
      // Too many bound values for one D1 statement: the same rows in several INSERTs, in one batch.
      if (this.pending) {
        for (const part of parts) this.pending.push({ sql: part.sql, parameters: part.parameters });
      } else {
        await this.d1.batch(parts.map((part) => this.prepare(part.sql, part.parameters)));
      }
      return { rows: [], numAffectedRows: BigInt(insertedRows(compiled.query as InsertQueryNode)) };
    }
    if (this.pending && isWrite(compiled)) return this.defer(compiled) as Promise<QueryResult<R>>;
    const result = await this.prepare(compiled.sql, compiled.parameters).all<R>();
    if (SelectQueryNode.is(compiled.query) || isReadSql(compiled.sql)) return { rows: result.results };
    return {
      rows: result.results,
      numAffectedRows: BigInt(result.meta.changes ?? 0),
      insertId: InsertQueryNode.is(compiled.query) && result.meta.last_row_id != null ? BigInt(result.meta.last_row_id) : undefined,
    };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('D1 does not stream query results; use execute().');
  }

  private prepare(sql: string, parameters: readonly unknown[]): D1PreparedStatement {
    const statement = this.d1.prepare(sql);
    return parameters.length > 0 ? statement.bind(...parameters.map(toD1Value)) : statement;
  }

  /** Queue a write for the commit; answer its row count from the rows it would touch now. */
  private async defer(compiled: CompiledQuery): Promise<QueryResult<unknown>> {
    const node = compiled.query;
    const pending = this.pending!;
    if (InsertQueryNode.is(node)) {
      if (node.returning) throw unsupported('INSERT … RETURNING');
      pending.push({ sql: compiled.sql, parameters: compiled.parameters });
      return { rows: [], numAffectedRows: BigInt(insertedRows(node)) };
    }
    if (UpdateQueryNode.is(node) || DeleteQueryNode.is(node)) {
      const table = writeTarget(node);
      const { guard, rowids } = await this.fingerprint(table, node.where);
      pending.push({ guard, sql: compiled.sql, parameters: compiled.parameters });
      const covered = this.locked.get(table) ?? new Set<number>();
      for (const id of rowids) covered.add(id);
      this.locked.set(table, covered);
      return { rows: [], numAffectedRows: BigInt(rowids.length) };
    }
    // DDL and other statements (migrations): committed with the batch, unguarded.
    pending.push({ sql: compiled.sql, parameters: compiled.parameters });
    return { rows: [] };
  }

  /**
   * The rows a WHERE matches now, and a guard statement that fails the batch unless the rows it
   * matches then (less those this transaction already guards) are exactly these, unchanged.
   */
  private async fingerprint(table: string, where: WhereNode | undefined): Promise<{ guard: PendingWrite['guard']; rowids: number[] }> {
    await this.driver.ensureGuardTable();
    const columns = await this.driver.tableColumns(table);
    if (columns.length === 0) throw new Error(`D1 transaction: no table ${table}`);
    const select: SelectQueryNode = {
      ...SelectQueryNode.createFrom([TableNode.create(table)]),
      selections: [SelectionNode.create(AliasNode.create(RawNode.createWithSql('rowid'), IdentifierNode.create('_gs_rowid'))), SelectionNode.createSelectAll()],
      ...(where ? { where } : {}),
    };
    const inner = compiler.compileQuery(select, createQueryId());
    const covered = [...(this.locked.get(table) ?? [])];
    const except = covered.length > 0 ? ` WHERE _gs_rowid NOT IN (${covered.map((n) => Math.trunc(n)).join(',')})` : '';
    const fields = ['_gs_rowid', ...columns.map(quoteId).map(summarized)].join(', ');
    const fpSql = `SELECT count(*) AS n, json_group_array(json_array(${fields})) AS fp FROM (SELECT * FROM (${inner.sql})${except} ORDER BY _gs_rowid)`;
    const now = await this.prepare(fpSql, inner.parameters).first<{ n: number; fp: string }>();
    const fp = now?.fp ?? '[]';
    const fresh = (JSON.parse(fp) as unknown[][]).map((row) => Number(row[0]));
    // Rows an earlier write of this transaction already guards count too (a second UPDATE of a
    // row the store locked must report it), as committed: this transaction's own writes are not.
    const again = covered.length > 0 ? await this.coveredMatches(inner, covered) : [];
    return {
      guard: { sql: `INSERT INTO ${GUARD_TABLE} (ok) SELECT 0 WHERE (SELECT fp FROM (${fpSql})) IS NOT ?`, parameters: [...inner.parameters, fp] },
      rowids: [...fresh, ...again],
    };
  }

  /** Which of the rows this transaction already guards the WHERE matches (as committed). */
  private async coveredMatches(inner: CompiledQuery, covered: number[]): Promise<number[]> {
    const sql = `SELECT _gs_rowid AS id FROM (${inner.sql}) WHERE _gs_rowid IN (${covered.map((n) => Math.trunc(n)).join(',')})`;
    const r = await this.prepare(sql, inner.parameters).all<{ id: number }>();
    return r.results.map((x) => Number(x.id));
  }
}

/** D1 binds at most 100 values to one statement. */
export const D1_MAX_BOUND_PARAMETERS = 100;

/** Rows a VALUES insert adds (an upsert counts its rows too). */
function insertedRows(node: InsertQueryNode): number {
  return node.values && ValuesNode.is(node.values) ? node.values.values.length : 0;
}

/**
 * A multi-row INSERT … VALUES with more bound values than D1 takes, as several INSERTs of fewer
 * rows each (null when it fits). Audit entries and sheet fields are written many rows at a time.
 */
function splitLargeInsert(compiled: CompiledQuery): CompiledQuery[] | null {
  const node = compiled.query;
  if (compiled.parameters.length <= D1_MAX_BOUND_PARAMETERS || !InsertQueryNode.is(node) || !node.values || !ValuesNode.is(node.values)) return null;
  if (node.returning) throw unsupported('INSERT … RETURNING of more than 100 values');
  const rows = node.values.values;
  const perRow = Math.ceil(compiled.parameters.length / rows.length);
  const size = Math.max(1, Math.floor(D1_MAX_BOUND_PARAMETERS / Math.max(1, perRow)) - 1);
  const parts: CompiledQuery[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const part = compiler.compileQuery({ ...node, values: ValuesNode.create(rows.slice(i, i + size)) } as InsertQueryNode, createQueryId());
    if (part.parameters.length > D1_MAX_BOUND_PARAMETERS) throw new Error(`D1: one row of this INSERT binds more than ${D1_MAX_BOUND_PARAMETERS} values`);
    parts.push(part);
  }
  return parts;
}

/** The one plain table an UPDATE or DELETE writes (what the guard can fingerprint). */
function writeTarget(node: UpdateQueryNode | DeleteQueryNode): string {
  if (node.returning) throw unsupported('RETURNING');
  if (node.joins?.length || node.limit || node.orderBy || node.with) throw unsupported('joins, WITH, ORDER BY or LIMIT in UPDATE/DELETE');
  const tables: readonly OperationNode[] = UpdateQueryNode.is(node) ? (node.table ? [node.table] : []) : node.from.froms;
  if (UpdateQueryNode.is(node) && node.from) throw unsupported('UPDATE … FROM');
  if (DeleteQueryNode.is(node) && node.using) throw unsupported('DELETE … USING');
  const t = tables[0];
  if (tables.length !== 1 || !t || !TableNode.is(t) || t.table.schema) throw unsupported('a write to anything but one plain table');
  return t.table.identifier.name;
}

function unsupported(what: string): Error {
  return new Error(`D1 transactions do not support ${what} (see src/workers/d1-dialect.ts)`);
}

function isWrite(compiled: CompiledQuery): boolean {
  const node: RootOperationNode = compiled.query;
  if (SelectQueryNode.is(node)) return false;
  if (RawNode.is(node)) return !isReadSql(compiled.sql);
  return true;
}

function isReadSql(sql: string): boolean {
  return /^\s*(select|with|pragma|explain)\b/i.test(sql);
}

/** D1 binds null, numbers, strings and bytes; Kysely may hand it booleans and bigints. */
function toD1Value(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (v === undefined) return null;
  return v;
}

function errorText(e: unknown): string {
  let text = '';
  for (let cur: unknown = e; cur; cur = (cur as { cause?: unknown }).cause) text += ` ${cur instanceof Error ? cur.message : String(cur)}`;
  return text;
}
