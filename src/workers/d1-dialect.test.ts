// The D1 dialect against a real D1 (workerd's, through Miniflare): migrations, batches that
// commit whole or not at all, write-write conflicts that re-run a transaction, and the store's
// own transactions racing each other.
import type { D1Database, R2Bucket } from '@cloudflare/workers-types/index.ts';
import type { Kysely } from 'kysely';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRubric } from '../grading/index.js';
import { parseDocument } from '../documents/parse.js';
import { createAssignment } from '../store/assignments.js';
import type { BlobStore } from '../store/blob-store.js';
import { addFiles } from '../store/files.js';
import { createLink } from '../store/links.js';
import type { Database } from '../store/schema.js';
import { submitSubmission } from '../store/submissions.js';
import { migrateD1, openD1Database } from './d1-database.js';
import { createR2BlobStore } from './r2-blob-store.js';

const actor = { id: 'key_test', role: 'admin' } as const;

describe('the D1 dialect', () => {
  let mf: Miniflare;
  let d1: D1Database;
  let db: Kysely<Database>;
  let blobs: BlobStore;

  beforeAll(async () => {
    mf = new Miniflare({ modules: true, script: 'export default { fetch() { return new Response("") } }', d1Databases: ['DB'], r2Buckets: ['FILES'] });
    d1 = (await mf.getD1Database('DB')) as unknown as D1Database;
    blobs = createR2BlobStore((await mf.getR2Bucket('FILES')) as unknown as R2Bucket);
    db = openD1Database(d1);
    await migrateD1(db);
  });

  afterAll(async () => {
    await mf?.dispose();
  });

  it('applies the shared migrations once; running them again changes nothing', async () => {
    await migrateD1(db);
    const applied = await d1.prepare('SELECT name FROM kysely_migration ORDER BY name').all<{ name: string }>();
    expect(applied.results.map((r) => r.name)).toEqual(expect.arrayContaining(['0001_initial', '0002_service', '0004_llm_assist']));
    // The append-only trigger came along.
    await db.insertInto('audit_log').values({ submission_id: null, actor: 'system', actor_role: 'system', action: 'key.created', field: null, suggestion: null, before: null, after: null, reason: null, at: 'now' }).execute();
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('commits a transaction in one batch: a failing statement leaves nothing behind', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('settings').values({ key: 'a', value: '1' }).execute();
        await trx.insertInto('settings').values({ key: 'a', value: '2' }).execute(); // duplicate key: fails at commit
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.selectFrom('settings').selectAll().where('key', '=', 'a').execute()).toEqual([]);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('settings').values({ key: 'b', value: '1' }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.selectFrom('settings').selectAll().where('key', '=', 'b').execute()).toEqual([]);
  });

  it('answers row counts of guarded writes at once, also for a row it already locked', async () => {
    await db.insertInto('settings').values([{ key: 'c1', value: 'x' }, { key: 'c2', value: 'x' }]).execute();
    const counts = await db.transaction().execute(async (trx) => {
      const lock = await trx.updateTable('settings').set({ value: 'y' }).where('key', 'in', ['c1', 'c2']).executeTakeFirst();
      const again = await trx.updateTable('settings').set({ value: 'z' }).where('key', '=', 'c1').executeTakeFirst();
      const none = await trx.updateTable('settings').set({ value: 'z' }).where('key', '=', 'nope').executeTakeFirst();
      return [lock.numUpdatedRows, again.numUpdatedRows, none.numUpdatedRows].map(Number);
    });
    expect(counts).toEqual([2, 1, 0]);
    const rows = await db.selectFrom('settings').selectAll().where('key', 'like', 'c%').orderBy('key').execute();
    expect(rows).toEqual([{ key: 'c1', value: 'z' }, { key: 'c2', value: 'y' }]);
  });

  it('re-runs a transaction whose locked row another one changed, which then decides on fresh data', async () => {
    await db.insertInto('settings').values({ key: 'lock', value: 'open' }).execute();
    let runs = 0;
    const outcome = await db.transaction().execute(async (trx) => {
      runs++;
      const r = await trx.updateTable('settings').set({ value: 'mine' }).where('key', '=', 'lock').where('value', '=', 'open').executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return 'lost';
      // Someone else commits in between (first run only), as a concurrent request would.
      if (runs === 1) await db.updateTable('settings').set({ value: 'theirs' }).where('key', '=', 'lock').execute();
      await trx.insertInto('settings').values({ key: 'lock-side-effect', value: String(runs) }).execute();
      return 'won';
    });
    expect({ runs, outcome }).toEqual({ runs: 2, outcome: 'lost' });
    expect(await db.selectFrom('settings').select('value').where('key', '=', 'lock').executeTakeFirst()).toEqual({ value: 'theirs' });
    // The first run's insert was rolled back with its batch.
    expect(await db.selectFrom('settings').selectAll().where('key', '=', 'lock-side-effect').execute()).toEqual([]);
  });

  it('guards rows holding long text (a parsed document) without binding it whole', async () => {
    const long = 'x'.repeat(1_500_000);
    await db.insertInto('settings').values({ key: 'long', value: long }).execute();
    const outcome = await db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('settings').set({ value: long + 'y' }).where('key', '=', 'long').executeTakeFirst();
      return Number(r.numUpdatedRows);
    });
    expect(outcome).toBe(1);
    const row = await db.selectFrom('settings').select((eb) => eb.fn<number>('length', ['value']).as('n')).where('key', '=', 'long').executeTakeFirstOrThrow();
    expect(Number(row.n)).toBe(1_500_001);
  });

  it('notices rows that newly match a guarded WHERE (phantoms)', async () => {
    let runs = 0;
    const deleted = await db.transaction().execute(async (trx) => {
      runs++;
      const r = await trx.deleteFrom('settings').where('key', 'like', 'ph-%').executeTakeFirst();
      if (runs === 1) await db.insertInto('settings').values({ key: 'ph-1', value: 'new' }).execute();
      return Number(r.numDeletedRows);
    });
    expect({ runs, deleted }).toEqual({ runs: 2, deleted: 1 });
    expect(await db.selectFrom('settings').selectAll().where('key', 'like', 'ph-%').execute()).toEqual([]);
  });

  it('keeps originals in R2 under the blob keys; erasure removes a submission folder whole', async () => {
    await blobs.put('submissions/sub_a/file_1', new Uint8Array([1, 2, 3]));
    await blobs.put('submissions/sub_a/file_2', new Uint8Array([4]));
    await blobs.put('submissions/sub_b/file_3', new Uint8Array([5]));
    expect(await blobs.get('submissions/sub_a/file_1')).toEqual(new Uint8Array([1, 2, 3]));
    await blobs.deletePrefix('submissions/sub_a/');
    expect(await blobs.get('submissions/sub_a/file_2')).toBeNull();
    expect(await blobs.get('submissions/sub_b/file_3')).toEqual(new Uint8Array([5]));
    await blobs.delete('submissions/sub_b/file_3');
    await blobs.delete('submissions/sub_b/file_3');
    await expect(blobs.put('../escape', new Uint8Array())).rejects.toThrow(/invalid blob key/);
  });

  it('serialises the store: a file added while a submit runs is either on the receipt or refused', async () => {
    const assignment = await createAssignment(db, { title: 'race', rubric: defaultRubric }, actor, new Date());
    const policy = await parseDocument({ name: 'policy.md', bytes: new TextEncoder().encode('# Responsible AI policy\n\nDecision rights: the CPO approves launches.\n') });
    const roadmap = await parseDocument({ name: 'roadmap.md', bytes: new TextEncoder().encode('# Roadmap\n\nQ1: pilot with 50 agents.\n') });
    const upload = (d: typeof policy) => ({ name: d.file, bytes: new TextEncoder().encode(d.file), sha256: d.file, document: d });
    for (let round = 0; round < 5; round++) {
      const { submission } = await createLink(db, { assignment, candidate: { name: 'R', email: 'r@example.com' } }, actor, new Date());
      await addFiles(db, blobs, submission, [upload(policy)], { maxFiles: 10 }, new Date());
      const [submitted, added] = await Promise.allSettled([
        submitSubmission(db, submission, assignment, new Date()),
        addFiles(db, blobs, submission, [upload(roadmap)], { maxFiles: 10 }, new Date()),
      ]);
      expect(submitted.status).toBe('fulfilled');
      const receipt = submitted.status === 'fulfilled' ? submitted.value.receipt : null;
      const files = await db.selectFrom('files').select('name').where('submission_id', '=', submission.id).orderBy('name').execute();
      // Whatever the order, the receipt lists exactly the files the submission holds.
      expect(receipt?.files.map((f) => f.name)).toEqual(files.map((f) => f.name));
      if (added.status === 'rejected') expect(String(added.reason)).toMatch(/already submitted/);
      const jobs = await db.selectFrom('jobs').select('id').where('submission_id', '=', submission.id).execute();
      expect(jobs).toHaveLength(1);
    }
  });
});
