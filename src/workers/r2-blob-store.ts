import type { R2Bucket } from '@cloudflare/workers-types/index.ts';
import { assertBlobKey, type BlobStore } from '../store/blob-store.js';

/**
 * The BlobStore port on R2: uploaded originals under the same keys as on disk
 * (`submissions/<submission id>/<file id>`). An R2 `put` resolves once the object is stored
 * durably, which is what the port asks of `put`.
 *
 * @example
 * const blobs = createR2BlobStore(env.FILES);
 * await blobs.put('submissions/sub_1/file_1', bytes);
 */
export function createR2BlobStore(bucket: R2Bucket): BlobStore {
  return {
    async put(key, bytes) {
      assertBlobKey(key);
      await bucket.put(key, bytes);
    },
    async get(key) {
      assertBlobKey(key);
      const object = await bucket.get(key);
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
    async delete(key) {
      assertBlobKey(key);
      await bucket.delete(key);
    },
    async deletePrefix(prefix) {
      assertBlobKey(prefix);
      if (!prefix.endsWith('/')) throw new Error(`a blob prefix ends with /: ${prefix}`);
      // R2 lists at most 1,000 keys a page and deletes at most 1,000 keys a call.
      let cursor: string | undefined;
      do {
        const page = await bucket.list({ prefix, ...(cursor ? { cursor } : {}) });
        if (page.objects.length > 0) await bucket.delete(page.objects.map((o) => o.key));
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
    },
  };
}
