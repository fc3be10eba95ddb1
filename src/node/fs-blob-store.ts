import * as fs from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { assertBlobKey, type BlobStore } from '../store/blob-store.js';
import { newSecret } from '../store/crypto.js';

// Plain descriptors rather than fs/promises FileHandles: a put is a handful of system calls, and
// a FileHandle object (with its finaliser) cost more CPU than the calls themselves under load.
const openFd = promisify(fs.open);
const writeFd = promisify(fs.write);
const fsyncFd = promisify(fs.fsync);
const closeFd = promisify(fs.close);

async function fsyncPath(path: string, flags: string): Promise<void> {
  const fd = await openFd(path, flags);
  try {
    await fsyncFd(fd);
  } finally {
    await closeFd(fd);
  }
}

async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const fd = await openFd(path, 'wx', 0o600);
  try {
    for (let offset = 0; offset < bytes.length; ) offset += (await writeFd(fd, bytes, offset, bytes.length - offset, null)).bytesWritten;
    await fsyncFd(fd);
  } finally {
    await closeFd(fd);
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
  // Folders this process created or found: a put into a known folder skips the mkdir (two
  // system calls per upload). A folder removed later (erasure) is forgotten again.
  const made = new Set<string>();
  const ensureDir = async (dir: string) => {
    if (made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    if (made.size >= 10_000) made.clear();
    made.add(dir);
  };
  const pathOf = (key: string) => {
    assertBlobKey(key);
    return join(root, key);
  };
  return {
    async put(key, bytes) {
      const target = pathOf(key);
      await ensureDir(dirname(target));
      await ensureDir(tmpDir);
      const tmp = join(tmpDir, newSecret(32).slice(0, 24));
      // A known folder can have gone (removed by hand or by another process): forget it and retry.
      await writeDurably(tmp, bytes).catch(async (e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
        made.clear();
        await ensureDir(tmpDir);
        await writeDurably(tmp, bytes);
      });
      try {
        await rename(tmp, target).catch(async (e: NodeJS.ErrnoException) => {
          if (e.code !== 'ENOENT') throw e;
          made.clear();
          await ensureDir(dirname(target));
          await rename(tmp, target);
        });
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
      await fsyncPath(dirname(target), 'r');
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
      const dir = pathOf(prefix);
      for (const d of made) if (d === dir.replace(/\/$/, '') || d.startsWith(dir)) made.delete(d);
      await rm(dir, { recursive: true, force: true });
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
