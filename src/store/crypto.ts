/**
 * Randomness and hashing through Web Crypto only, so the same code runs on Node and Workers.
 */

/** `n` bytes from the platform's CSPRNG. */
export function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  return bytes;
}

/** RFC 4648 base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A synchronous SHA-256 to hex, installed by a runtime that has one (see `installSha256`). */
export type Sha256Hex = (bytes: Uint8Array) => string;
let syncSha256: Sha256Hex | null = null;

/**
 * The Node entry installs node:crypto's hash: Web Crypto's async digest costs ~75 µs per call on
 * Node 20 against ~3 µs, and a submission hashes a link token on every request. Workers keep Web
 * Crypto (the core imports no Node module).
 */
export function installSha256(impl: Sha256Hex | null): void {
  syncSha256 = impl;
}

/** Hex SHA-256 of bytes or of a UTF-8 string. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  if (syncSha256) return syncSha256(bytes);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

// Lower-case Crockford-like alphabet: sorts the same bytewise and under any collation.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function encode32(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/**
 * A sortable id: prefix, 10 characters of milliseconds, 16 random characters (80 bits).
 * Ids sort by creation time, so cursors can page by id.
 *
 * @example newId('sub', new Date()) // "sub_01jc5x7k2m4p8q6r9s0t1v2w3x"
 */
export function newId(prefix: string, now: Date): string {
  let ms = now.getTime();
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  return `${prefix}_${time}${encode32(randomBytes(16))}`;
}

/** A short anonymous id shown to blind reviewers, e.g. `C-7k2m9qxa3d` (50 random bits). */
export function newAnonId(): string {
  return `C-${encode32(randomBytes(10))}`;
}

/** A secret of `bytes` random bytes (at least 32), base64url-encoded, with an optional prefix. */
export function newSecret(bytes = 32, prefix = ''): string {
  if (bytes < 32) throw new RangeError('secrets carry at least 256 bits');
  return prefix + base64url(randomBytes(bytes));
}
