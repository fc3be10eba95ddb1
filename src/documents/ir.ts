/**
 * The intermediate representation every reader produces: an mdast tree (the Markdown AST of
 * unified/remark). Markdown comes from remark; DOCX, PDF and PPTX readers build mdast directly.
 * Top-level blocks carry where they came from in `data.location` ("page 3", "slide 2");
 * Markdown and text blocks use their source position instead ("line N").
 */
import type { Root, RootContent } from 'mdast';
import type { Format } from './model.js';
import type { Limits } from './limits.js';

declare module 'mdast' {
  interface Data {
    /** "page N" or "slide N" where this block sits in the original file. */
    location?: string;
    /** A heading the reader made up (an untitled slide's "Slide N"): a path, never content. */
    synthetic?: boolean;
  }
}

export interface ReadContext {
  /** File name as uploaded, for error messages. */
  file: string;
  limits: Limits;
}

export interface ReadStats {
  pages?: number;
  slides?: number;
  notes?: number;
  encoding?: string;
}

export interface ReadResult {
  tree: Root;
  stats: ReadStats;
}

/** A reader turns the bytes of one format into mdast. It throws `GradesheetError` for unusable input. */
export type Reader = (bytes: Uint8Array, context: ReadContext) => Promise<ReadResult>;

export type ReaderTable = Record<Format, Reader>;

/** Helpers for readers that build mdast by hand. */
export const mdast = {
  heading(depth: 1 | 2 | 3 | 4 | 5 | 6, text: string, location?: string): RootContent {
    return { type: 'heading', depth, children: [{ type: 'text', value: text }], ...(location ? { data: { location } } : {}) };
  },
  paragraph(text: string, location?: string): RootContent {
    return { type: 'paragraph', children: [{ type: 'text', value: text }], ...(location ? { data: { location } } : {}) };
  },
  list(items: string[], ordered: boolean, location?: string): RootContent {
    return {
      type: 'list',
      ordered,
      spread: false,
      children: items.map((t) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: t }] }] })),
      ...(location ? { data: { location } } : {}),
    };
  },
  table(rows: string[][], location?: string): RootContent {
    return {
      type: 'table',
      children: rows.map((cells) => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: [{ type: 'text', value: c }] })) })),
      ...(location ? { data: { location } } : {}),
    };
  },
};
