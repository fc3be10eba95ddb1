import { Inflate, inflateSync } from 'fflate';
import { GradesheetError } from '../errors.js';
import type { Limits } from './limits.js';

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As the directory declares it (0xffffffff when unknown: ZIP64): a hint for the output buffer, never trusted as a limit. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Feed the inflater this many compressed bytes at a time, so one push can never produce more than ~16 MB. */
const SLICE = 16 * 1024;

/**
 * A zip archive read defensively: the central directory is parsed once, entries are inflated
 * only on demand, and inflated bytes are counted while inflating (declared sizes can lie).
 */
export class SafeZip {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  private inflatedTotal = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    entries: Map<string, ZipEntry>,
    private readonly file: string,
    private readonly limits: Limits,
  ) {
    this.entries = entries;
  }

  static open(bytes: Uint8Array, file: string, limits: Limits): SafeZip {
    return new SafeZip(bytes, readCentralDirectory(bytes, file, limits), file, limits);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Inflate one part, or return undefined when the archive has no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.flags & 1) {
      throw new GradesheetError('encrypted_file', `${this.file} is password-protected. Remove the password and upload it again.`, { file: this.file });
    }
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== 0x04034b50) {
      throw corrupt(this.file, `the entry ${name} points outside the archive`);
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw corrupt(this.file, `the entry ${name} is cut short`);
    const data = this.bytes.subarray(start, end);
    const budget = Math.min(this.limits.maxPartBytes, this.limits.maxInflatedBytes - this.inflatedTotal);
    if (entry.method === 0) {
      this.count(data.length, budget, name);
      return data;
    }
    if (entry.method !== 8) throw corrupt(this.file, `the entry ${name} uses an unsupported compression method (${entry.method})`);
    return this.inflate(data, budget, name, entry.uncompressedSize);
  }

  /** Read a part as text (UTF-8, or UTF-16 when it starts with a byte-order mark), without a BOM. */
  readText(name: string): string | undefined {
    const bytes = this.read(name);
    return bytes === undefined ? undefined : decodeXmlBytes(bytes);
  }

  private inflate(data: Uint8Array, budget: number, name: string, declared: number): Uint8Array {
    // Fast path: one pass into a buffer of the declared size plus one byte. A part that fills the
    // extra byte holds more than its header says (a lie, or a bomb): it goes the streaming way,
    // which counts every byte. Memory is bounded by the declared size, itself within the budget,
    // and work by what the part could inflate to at DEFLATE's maximum ratio (about 1032:1), also
    // within the budget: a lying bomb cannot make this pass run long.
    if (declared < 0xffffffff && declared + 1 <= budget && data.length * 1032 <= budget) {
      let out: Uint8Array | undefined;
      try {
        out = inflateSync(data, { out: new Uint8Array(declared + 1) });
      } catch {
        out = undefined; // the streaming path reports the damage
      }
      if (out !== undefined && out.length <= declared) {
        this.count(out.length, budget, name);
        return out;
      }
    }
    const chunks: Uint8Array[] = [];
    let produced = 0;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      this.count(chunk.length, budget - (produced - chunk.length), name);
      chunks.push(chunk);
    });
    try {
      for (let i = 0; i < data.length; i += SLICE) {
        inflater.push(data.subarray(i, Math.min(i + SLICE, data.length)), i + SLICE >= data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof GradesheetError) throw e;
      throw corrupt(this.file, `the entry ${name} cannot be decompressed`, e);
    }
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(produced);
    let offset = 0;
    for (const c of chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  }

  private count(n: number, budget: number, name: string): void {
    if (n > budget) {
      throw new GradesheetError(
        'zip_bomb',
        `${this.file} expands to more data than any document needs (part ${name} exceeds the ${Math.round(this.limits.maxPartBytes / 1048576)} MB limit). Save it again from your editor, without embedded files, and upload it again.`,
        { file: this.file },
      );
    }
    this.inflatedTotal += n;
  }
}

export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function corrupt(file: string, why: string, cause?: unknown): GradesheetError {
  return new GradesheetError('corrupt_file', `${file} is damaged or incomplete (${why}). Save it again from your editor and upload the new copy.`, { file, cause });
}

function readCentralDirectory(bytes: Uint8Array, file: string, limits: Limits): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file, 'the zip directory is missing, the file was probably cut off');
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator precedes the classic record.
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== 0x07064b50) throw corrupt(file, 'the ZIP64 directory locator is missing');
    const z64 = Number(view.getBigUint64(loc + 8, true));
    if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== 0x06064b50) throw corrupt(file, 'the ZIP64 directory is missing');
    count = Number(view.getBigUint64(z64 + 32, true));
    cdSize = Number(view.getBigUint64(z64 + 40, true));
    cdOffset = Number(view.getBigUint64(z64 + 48, true));
  }
  if (count > limits.maxZipEntries) {
    throw new GradesheetError(
      'too_many_entries',
      `${file} holds ${count} files inside; a document needs far fewer (limit ${limits.maxZipEntries}). Save it again from your editor and upload the new copy.`,
      { file },
    );
  }
  if (cdOffset + cdSize > bytes.length) throw corrupt(file, 'the zip directory points past the end of the file');
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw corrupt(file, 'the zip directory is malformed');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // ZIP64 extended information extra field (id 0x0001).
      let e = p + 46 + nameLen;
      const endExtra = e + extraLen;
      while (e + 4 <= endExtra) {
        const id = view.getUint16(e, true);
        const size = view.getUint16(e + 2, true);
        if (id === 1) {
          let q = e + 4;
          if (view.getUint32(p + 24, true) === 0xffffffff) q += 8;
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(view.getBigUint64(q, true));
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(view.getBigUint64(q, true));
        }
        e += 4 + size;
      }
    }
    // OOXML part names are case-insensitive; normalise to the common spelling without a leading slash.
    entries.set(name.replace(/^\//, ''), { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
