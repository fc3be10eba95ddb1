import { describe, expect, it } from 'vitest';
import { zeroedUint32, zeroedUint8 } from './slab.js';

describe('slab', () => {
  it('hands out zeroed arrays that never overlap, also across chunks and for large requests', () => {
    const arrays: (Uint8Array | Uint32Array)[] = [];
    // Enough to fill several chunks, in odd sizes (alignment), with a few large ones among them.
    for (let i = 0; i < 3000; i++) arrays.push(i % 500 === 8 ? zeroedUint8(100_000) : i % 2 ? zeroedUint32(1 + (i % 113)) : zeroedUint8(1 + (i % 3547)));
    for (const a of arrays) expect(a.every((x) => x === 0)).toBe(true);
    arrays.forEach((a, i) => a.fill(i % 2 ? 0xffffffff : 255));
    arrays.forEach((a, i) => {
      expect(a.length).toBe(i % 500 === 8 ? 100_000 : i % 2 ? 1 + (i % 113) : 1 + (i % 3547));
      expect(a.every((x) => x === (i % 2 ? 0xffffffff : 255))).toBe(true);
      expect(a.byteOffset % a.BYTES_PER_ELEMENT).toBe(0);
    });
  });
});
