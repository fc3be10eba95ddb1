/**
 * Small zeroed typed arrays carved out of large shared buffers.
 *
 * Grading makes a few hundred small typed arrays per submission (a bit per literal gate for each
 * text the index scans, an answer per pattern for each unit). A typed array of more than 64 bytes
 * gets a buffer of its own outside the JavaScript heap, which costs microseconds to allocate and
 * to collect; a view into a shared buffer costs a fraction of that. A buffer is used once, front to
 * back, and never rewritten: each array is a fresh zeroed region, and the buffer lives as long as
 * any array cut from it.
 */
const CHUNK_BYTES = 1 << 18;

let chunk = new ArrayBuffer(CHUNK_BYTES);
let used = 0;

function carve(bytes: number): [ArrayBuffer, number] {
  // A large request gets its own buffer rather than wasting the rest of a chunk.
  if (bytes > CHUNK_BYTES >>> 3) return [new ArrayBuffer(bytes), 0];
  if (used + bytes > CHUNK_BYTES) {
    chunk = new ArrayBuffer(CHUNK_BYTES);
    used = 0;
  }
  const at = used;
  // Each region starts on an eight-byte boundary, so any element size is aligned.
  used += (bytes + 7) & ~7;
  return [chunk, at];
}

/** A zeroed Uint32Array of `length` elements. */
export function zeroedUint32(length: number): Uint32Array {
  const [buffer, at] = carve(length * 4);
  return new Uint32Array(buffer, at, length);
}

/** A zeroed Uint8Array of `length` elements. */
export function zeroedUint8(length: number): Uint8Array {
  const [buffer, at] = carve(length);
  return new Uint8Array(buffer, at, length);
}
