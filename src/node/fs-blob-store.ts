import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertBlobKey, type BlobStore } from '../store/blob-store.js';
import { newSecret } from '../store/crypto.js';

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Originals as files under `root` (`DATA_DIR/files`). A put writes a temporary file, fsyncs it,
 * renames it into place and fsyncs the folder: a crash leaves the old bytes or the new, never
 * half a file.
 *
 * @example
 * const blobs = createFsBlobStore('./data/files');
 * await blobs.put('submissions/sub_1/file_1', bytes);
 */
export function createFsBlobStore(root: string): BlobStore & { sweepTemporaryFiles(olderThanMs?: number): Promise<void> } {
  const tmpDir = join(root, '.tmp');
  const pathOf = (key: string) => {
    assertBlobKey(key);
    return join(root, key);
  };
  return {
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      await mkdir(tmpDir, { recursive: true });
      const tmp = join(tmpDir, newSecret(32).slice(0, 24));
      const handle = await open(tmp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await rename(tmp, target);
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
      await fsyncDir(dirname(target));
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async deletePrefix(prefix) {
      if (!prefix.endsWith('/')) throw new Error(`a prefix ends with "/": ${prefix}`);
      await rm(pathOf(prefix), { recursive: true, force: true });
    },
    /** Remove temporary files a crash left behind (only old ones: another process may be writing). */
    async sweepTemporaryFiles(olderThanMs = 3600_000) {
      let names: string[];
      try {
        names = await readdir(tmpDir);
      } catch {
        return;
      }
      const cutoff = Date.now() - olderThanMs;
      for (const n of names) {
        const p = join(tmpDir, n);
        const s = await stat(p).catch(() => null);
        if (s && s.mtimeMs < cutoff) await rm(p, { force: true });
      }
    },
  };
}
