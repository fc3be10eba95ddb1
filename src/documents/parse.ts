import { GradesheetError } from '../errors.js';
import { classifyDocument } from './classify.js';
import type { ReaderTable, ReadStats } from './ir.js';
import { defaultLimits, type Limits } from './limits.js';
import type { Document } from './model.js';
import { readDocx } from './readers/docx.js';
import { readMarkdown } from './readers/markdown.js';
import { readPdf } from './readers/pdf.js';
import { readPptx } from './readers/pptx.js';
import { readText } from './readers/text.js';
import { sectionize } from './sectionize.js';
import { sniffFormat } from './sniff.js';

export const defaultReaders: ReaderTable = {
  markdown: readMarkdown,
  text: readText,
  docx: readDocx,
  pdf: readPdf,
  pptx: readPptx,
};

export interface ParseOptions {
  limits?: Partial<Limits>;
  readers?: Partial<ReaderTable>;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Bytes → Document: sniff the format, read it into mdast, cut it into sections, classify it.
 * Throws `GradesheetError` (never anything else) when the file cannot be used.
 *
 * @example
 * const doc = await parseDocument({ name: 'Roadmap.md', bytes });
 * doc.sections[0].location; // "line 3"
 */
export async function parseDocument(upload: UploadedFile, options: ParseOptions = {}): Promise<Document> {
  const limits = { ...defaultLimits, ...options.limits };
  const file = upload.name;
  const { format } = sniffFormat(upload.bytes, file, limits);
  const reader = options.readers?.[format] ?? defaultReaders[format];
  let tree;
  let stats: ReadStats;
  try {
    ({ tree, stats } = await reader(upload.bytes, { file, limits }));
  } catch (e) {
    if (e instanceof GradesheetError) throw e;
    throw new GradesheetError('corrupt_file', `${file} could not be read as ${format.toUpperCase()} (${e instanceof Error ? e.message : String(e)}). Save it again from your editor and upload the new copy.`, { file, cause: e });
  }
  const raw = sectionize(tree);
  if (raw.length === 0 || raw.every((s) => s.text.trim() === '' && s.path.length === 0)) {
    const hint = format === 'pptx' ? 'the slides hold no text (only pictures?)' : 'there is no text in it';
    throw new GradesheetError('empty_document', `${file} was read but ${hint}. Upload a file whose text can be selected and copied.`, { file });
  }
  const { deliverable, sections } = classifyDocument(file, raw);
  let tables = 0;
  let tableRows = 0;
  for (const node of tree.children) {
    if (node.type === 'table') {
      tables++;
      tableRows += node.children.length;
    }
  }
  return {
    file,
    format,
    deliverable,
    sections,
    stats: {
      ...(stats.pages !== undefined ? { pages: stats.pages } : {}),
      ...(stats.slides !== undefined ? { slides: stats.slides } : {}),
      ...(stats.notes !== undefined ? { notes: stats.notes } : {}),
      ...(stats.encoding !== undefined ? { encoding: stats.encoding } : {}),
      tables,
      tableRows,
      characters: sections.reduce((n, s) => n + s.text.length, 0),
    },
  };
}

/** A one-line account of what was read, for the candidate ("1 slide, a table of 6 rows read"). */
export function describeDocument(doc: Document): string {
  const s = doc.stats;
  const parts: string[] = [];
  if (s?.slides !== undefined) parts.push(`${s.slides} slide${s.slides === 1 ? '' : 's'}`);
  else if (s?.pages !== undefined && doc.format === 'pdf') parts.push(`${s.pages} page${s.pages === 1 ? '' : 's'}`);
  else parts.push(`${doc.sections.length} section${doc.sections.length === 1 ? '' : 's'}`);
  if (s && s.tables === 1) parts.push(`a table of ${s.tableRows} rows`);
  else if (s && s.tables > 1) parts.push(`${s.tables} tables (${s.tableRows} rows)`);
  if (s?.notes) parts.push(`speaker notes on ${s.notes} slide${s.notes === 1 ? '' : 's'}`);
  return `${doc.file}: ${parts.join(', ')} read`;
}
