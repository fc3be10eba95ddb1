import type { D1Database } from '@cloudflare/workers-types/index.ts';
import { Kysely, type Transaction, type TransactionBuilder } from 'kysely';
import { GradesheetError } from '../errors.js';
import { migrateToLatest } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { D1Dialect, D1TransactionConflict } from './d1-dialect.js';

/** How often a transaction that lost a write-write conflict is run again before giving up. */
const MAX_TRANSACTION_RUNS = 5;

/**
 * Kysely over D1 whose `transaction()` re-runs its callback when it lost a conflict (see
 * d1-dialect.ts): the store's transactions only read and write the database, so running one again
 * is safe, and the second run decides on what the other one committed.
 */
class D1Kysely extends Kysely<Database> {
  override transaction(): TransactionBuilder<Database> {
    const builder = super.transaction();
    const execute = builder.execute.bind(builder);
    builder.execute = async <T>(callback: (trx: Transaction<Database>) => Promise<T>): Promise<T> => {
      for (let run = 1; ; run++) {
        try {
          return await execute(callback);
        } catch (e) {
          if (!(e instanceof D1TransactionConflict)) throw e;
          if (run >= MAX_TRANSACTION_RUNS) {
            throw new GradesheetError('conflict', 'Other changes to the same record kept landing at the same moment; nothing was saved. Try again.', { cause: e });
          }
          // A short, jittered pause so that two colliding requests do not collide again.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * run));
        }
      }
    };
    return builder;
  }
}

/**
 * The D1 database as the store's Kysely.
 *
 * @example
 * const db = openD1Database(env.DB);
 * await migrateD1(db);
 */
export function openD1Database(d1: D1Database): Kysely<Database> {
  return new D1Kysely({ dialect: new D1Dialect({ database: d1 }) });
}

/**
 * Apply the shared migrations (src/store/migrations.ts, flavor 'sqlite'). Each run commits all
 * pending migrations in one D1 batch, so a migration is applied whole or not at all; when two
 * isolates migrate at once, the loser's batch fails and its retry finds the schema up to date.
 */
export async function migrateD1(db: Kysely<Database>, attempts = 3): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await migrateToLatest(db, 'sqlite');
      return;
    } catch (e) {
      if (i >= attempts) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50 * i));
    }
  }
}
