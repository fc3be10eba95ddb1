import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFsBlobStore } from '../src/node/fs-blob-store.js';

const root = mkdtempSync(join(tmpdir(), 'gradesheet-blobs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('file blob store', () => {
  const blobs = createFsBlobStore(root);
  const bytes = (s: string) => new TextEncoder().encode(s);
  const text = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : null);

  it('keeps what it was given, leaves no temporary file, and forgets what was deleted', async () => {
    await blobs.put('submissions/sub_1/file_a', bytes('alpha'));
    await blobs.put('submissions/sub_1/file_b', bytes('beta'));
    expect(text(await blobs.get('submissions/sub_1/file_a'))).toBe('alpha');
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
    await blobs.delete('submissions/sub_1/file_a');
    expect(await blobs.get('submissions/sub_1/file_a')).toBeNull();
  });

  it('writes into a folder again after deletePrefix removed it', async () => {
    await blobs.deletePrefix('submissions/sub_1/');
    expect(await blobs.get('submissions/sub_1/file_b')).toBeNull();
    await blobs.put('submissions/sub_1/file_c', bytes('gamma'));
    expect(text(await blobs.get('submissions/sub_1/file_c'))).toBe('gamma');
  });

  it('recovers when a folder it knew was removed behind its back', async () => {
    await blobs.put('submissions/sub_2/file_a', bytes('one'));
    rmSync(join(root, 'submissions'), { recursive: true, force: true });
    rmSync(join(root, '.tmp'), { recursive: true, force: true });
    await blobs.put('submissions/sub_2/file_b', bytes('two'));
    expect(text(await blobs.get('submissions/sub_2/file_b'))).toBe('two');
  });

  it('refuses keys that would leave its folder', async () => {
    await expect(blobs.put('../escape', bytes('x'))).rejects.toThrow();
  });
});
