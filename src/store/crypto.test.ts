import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { installSha256, sha256Hex } from './crypto.js';

afterEach(() => installSha256(null));

describe('sha256Hex', () => {
  const inputs: Array<Uint8Array | string> = ['', 'abc', 'token-ÄÖÜ-€', new Uint8Array(70_000).fill(7)];

  it('gives the standard digest through Web Crypto', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the same digest with an installed synchronous hash as with Web Crypto', async () => {
    const web = await Promise.all(inputs.map((i) => sha256Hex(i)));
    let calls = 0;
    installSha256((bytes) => {
      calls++;
      return createHash('sha256').update(bytes).digest('hex');
    });
    expect(await Promise.all(inputs.map((i) => sha256Hex(i)))).toEqual(web);
    expect(calls).toBe(inputs.length);
  });
});
