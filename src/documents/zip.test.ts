import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GradesheetError } from '../errors.js';
import { defaultLimits } from './limits.js';
import { SafeZip } from './zip.js';

/** A deflated one-entry zip whose central directory declares `declared` as the inflated size. */
function zipDeclaring(content: Uint8Array, declared: number | null): Uint8Array {
  const bytes = zipSync({ 'word/document.xml': [content, { level: 6 }] });
  if (declared === null) return bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The central directory entry (signature 0x02014b50): uncompressed size at +24.
  for (let p = bytes.length - 22; p >= 0; p--) {
    if (view.getUint32(p, true) === 0x02014b50) {
      view.setUint32(p + 24, declared, true);
      return bytes;
    }
  }
  throw new Error('no central directory entry');
}

const text = new TextEncoder().encode('<w:document>' + 'Responsible AI policy, gate 1 and gate 2. '.repeat(2000) + '</w:document>');

describe('SafeZip inflation', () => {
  it('reads a part whose directory tells the truth', () => {
    expect(SafeZip.open(zipDeclaring(text, null), 'a.docx', defaultLimits).read('word/document.xml')).toEqual(text);
  });

  it('reads the whole part when the directory declares less than it holds (the sized fast path must not truncate)', () => {
    for (const declared of [0, 1, 100, text.length - 1]) {
      expect(SafeZip.open(zipDeclaring(text, declared), 'a.docx', defaultLimits).read('word/document.xml')).toEqual(text);
    }
  });

  it('reads the exact part when the directory declares more than it holds', () => {
    expect(SafeZip.open(zipDeclaring(text, text.length + 5000), 'a.docx', defaultLimits).read('word/document.xml')).toEqual(text);
  });

  it('still refuses a part that inflates past the limit while declaring a small size', () => {
    const bomb = new Uint8Array(4 * 1024 * 1024); // zeros: compresses to a few kB
    const limits = { ...defaultLimits, maxPartBytes: 1024 * 1024 };
    for (const declared of [1000, null]) {
      const zip = SafeZip.open(zipDeclaring(bomb, declared), 'bomb.docx', limits);
      const error = (() => {
        try {
          zip.read('word/document.xml');
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(GradesheetError);
      expect((error as GradesheetError).code).toBe('zip_bomb');
    }
  });
});
