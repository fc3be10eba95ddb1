import { parseArgs } from 'node:util';
import { GradesheetError } from '../errors.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../store/keys.js';
import type { Role } from '../store/schema.js';
import { loadConfig } from './config.js';
import { openDatabase } from './database.js';

const roles: Role[] = ['admin', 'hiring_manager', 'reviewer'];

export const KEYS_USAGE = `  gradesheet keys create --role admin|hiring_manager|reviewer [--name NAME]
                               print a new API key (shown once; stored hashed)
  gradesheet keys list         list keys (id, role, prefix, revoked)
  gradesheet keys revoke ID    revoke a key`;

/**
 * Create an API key in the database the environment names (DATA_DIR or DATABASE_URL): the same
 * one the server uses. Returns the key; it is shown once.
 *
 * @example const { key } = await createKeyFromEnv({ DATA_DIR: './data' }, 'admin');
 */
export async function createKeyFromEnv(env: Record<string, string | undefined>, role: Role, name?: string): Promise<{ id: string; key: string; role: Role }> {
  const database = await openDatabase(loadConfig(env));
  try {
    const created = await createApiKey(database.db, { role, name }, new Date());
    return { id: created.id, key: created.key, role: created.role };
  } finally {
    await database.close();
  }
}

/** `gradesheet keys …`: returns the exit code. */
export async function runKeysCommand(args: string[], env: Record<string, string | undefined>, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { role: { type: 'string' }, name: { type: 'string' } } });
  switch (sub) {
    case 'create': {
      if (!values.role || !roles.includes(values.role as Role)) throw new GradesheetError('invalid_request', `keys create needs --role ${roles.join('|')}`);
      const created = await createKeyFromEnv(env, values.role as Role, values.name);
      out(created.key + '\n');
      err(`created ${created.role} key ${created.id}; it is shown only now: keep it somewhere safe\n`);
      return 0;
    }
    case 'list': {
      const database = await openDatabase(loadConfig(env));
      try {
        for (const k of await listApiKeys(database.db)) out(`${k.id}\t${k.role}\t${k.prefix}…\t${k.name}\t${k.revoked_at ? `revoked ${k.revoked_at}` : 'active'}\n`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'revoke': {
      const id = positionals[0];
      if (!id) throw new GradesheetError('invalid_request', 'keys revoke needs the key id (see gradesheet keys list)');
      const database = await openDatabase(loadConfig(env));
      try {
        const k = await revokeApiKey(database.db, id, { id: 'system', role: 'system' }, new Date());
        out(`${k.id} revoked at ${k.revoked_at}\n`);
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      throw new GradesheetError('invalid_request', `unknown keys command "${sub ?? ''}"; use:\n${KEYS_USAGE}`);
  }
}
