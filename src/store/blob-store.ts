/**
 * Where uploaded originals live. The Node build keeps them under `DATA_DIR/files/`
 * (src/node/fs-blob-store.ts); the Workers build will keep them in R2.
 *
 * Keys are `/`-separated paths of `[a-z0-9_.-]` segments, e.g. `submissions/sub_…/file_…`.
 */
export interface BlobStore {
  /** Store `bytes` under `key` durably (the call resolves once the bytes survive a crash). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Remove `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Remove every key under `prefix` (which ends with `/`). */
  deletePrefix(prefix: string): Promise<void>;
}

/** The folder of one submission's originals: erasure removes it whole. */
export function submissionBlobPrefix(submissionId: string): string {
  return `submissions/${submissionId}/`;
}

export function fileBlobKey(submissionId: string, fileId: string): string {
  return `${submissionBlobPrefix(submissionId)}${fileId}`;
}

const KEY = /^[a-z0-9_.-]+(\/[a-z0-9_.-]+)*\/?$/i;

/** Refuse keys that could escape the store's root (`..`, absolute paths, odd characters). */
export function assertBlobKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((s) => s === '.' || s === '..')) throw new Error(`invalid blob key: ${key}`);
}
