import { GradesheetError } from '../errors.js';
import type { Limits } from './limits.js';
import type { Format } from './model.js';
import { SafeZip } from './zip.js';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Find an ASCII string in the first `within` bytes (UTF-16LE when `wide`). */
function containsAscii(bytes: Uint8Array, needle: string, wide: boolean): boolean {
  const pattern = wide ? [...needle].flatMap((c) => [c.charCodeAt(0), 0]) : [...needle].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

export interface Sniffed {
  format: Format;
  /** The opened archive for DOCX and PPTX, so the reader does not parse the directory twice. */
  zip?: SafeZip;
}

/**
 * Decide the format from the bytes. The name only separates Markdown from plain text,
 * and makes error messages friendlier; a `.pptx` that is really a PNG is refused.
 */
export function sniffFormat(bytes: Uint8Array, file: string, limits: Limits): Sniffed {
  if (bytes.length > limits.maxFileBytes) {
    throw new GradesheetError(
      'file_too_large',
      `${file} is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${Math.round(limits.maxFileBytes / 1048576)} MB. Remove large images or embedded files and upload it again.`,
      { file },
    );
  }
  if (bytes.length === 0) throw new GradesheetError('empty_document', `${file} is empty. Upload the file that holds your work.`, { file });

  const head = bytes.subarray(0, 1024);
  if (containsAscii(head, '%PDF-', false)) return { format: 'pdf' };

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const zip = SafeZip.open(bytes, file, limits);
    const names = zip.names();
    if (names.some((n) => n.startsWith('ppt/'))) return { format: 'pptx', zip };
    if (names.some((n) => n.startsWith('word/'))) return { format: 'docx', zip };
    if (names.some((n) => n.startsWith('xl/'))) {
      throw new GradesheetError('unsupported_format', `${file} is a spreadsheet. Put the cost model on a slide (PPTX), a PDF page or a Markdown table and upload that.`, { file });
    }
    if (zip.has('[Content_Types].xml')) {
      const ext = extensionOf(file);
      if (ext === 'docx' || ext === 'pptx') {
        throw new GradesheetError('missing_main_part', `${file} is an Office package without a ${ext === 'docx' ? 'document body' : 'presentation'} inside. Save it again from your editor and upload the new copy.`, { file });
      }
    }
    throw new GradesheetError('unsupported_format', `${file} is a zip archive, not a document. Upload the DOCX, PPTX, PDF, Markdown or text file itself.`, { file });
  }

  if (startsWith(bytes, OLE2)) {
    if (containsAscii(bytes.subarray(0, 64 * 1024), 'EncryptedPackage', true) || containsAscii(bytes.subarray(0, 64 * 1024), 'EncryptionInfo', true)) {
      throw new GradesheetError('encrypted_file', `${file} is password-protected. Remove the password (File → Info → Protect) and upload it again.`, { file });
    }
    throw new GradesheetError('unsupported_format', `${file} is an old binary Office file (.doc/.ppt). Save it as .docx or .pptx (or PDF) and upload it again.`, { file });
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw new GradesheetError('unsupported_format', `${file} is an RTF file. Save it as .docx or PDF and upload it again.`, { file });
  }
  if (looksBinary(head)) {
    throw new GradesheetError('unsupported_format', `${file} is not a document Gradesheet can read. Upload Markdown, plain text, DOCX, PDF or PPTX.`, { file });
  }
  const ext = extensionOf(file);
  if (ext === 'md' || ext === 'markdown' || ext === 'mdx' || ext === 'mkd') return { format: 'markdown' };
  if (ext === 'txt' || ext === 'text') return { format: 'text' };
  return { format: looksLikeMarkdown(bytes.subarray(0, 16 * 1024)) ? 'markdown' : 'text' };
}

function looksBinary(head: Uint8Array): boolean {
  // UTF-16 text starts with a byte-order mark; it is text even though half its bytes are zero.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > head.length * 0.02;
}

function looksLikeMarkdown(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(bytes);
  return /^(#{1,6} |\|.*\|\s*$|```|[-*] \S)/m.test(text);
}
