import type { Document } from '../documents/model.js';

/** One evidence quote to find in the documents; `key` names it (e.g. `items.kpis.0`). */
export interface EvidenceRef {
  key: string;
  file: string;
  location: string;
  quote: string;
}

/** A run of a section's text, highlighted when `mark` is set (the `<mark>` element's id). */
export interface Segment {
  text: string;
  mark?: string;
}

export interface MarkedSection {
  id: string;
  path: string[];
  location: string;
  deliverable: string;
  segments: Segment[];
}

export interface MarkedDocument {
  id: string;
  file: string;
  format: string;
  deliverable: string;
  sections: MarkedSection[];
}

interface Range {
  start: number;
  end: number;
  keys: string[];
}

/**
 * The documents as sections of plain text with each evidence quote cut out as a highlighted
 * segment, and for each evidence key the id of the element to jump to: its `<mark>`, or the
 * section whose heading holds the quote, or at least the section at its location. Quotes that
 * overlap share the first one's mark. Text stays text: the caller renders segments escaped.
 */
export function markDocuments(documents: Document[], evidence: EvidenceRef[]): { documents: MarkedDocument[]; targets: Map<string, string> } {
  const targets = new Map<string, string>();
  const ranges = documents.map((d) => d.sections.map((): Range[] => []));
  for (const e of evidence) {
    const di = documents.findIndex((d) => d.file === e.file);
    const doc = documents[di];
    if (!doc || e.quote.length === 0) continue;
    const order = [...doc.sections.keys()].sort((a, b) => Number(doc.sections[b]!.location === e.location) - Number(doc.sections[a]!.location === e.location));
    let placed = false;
    for (const si of order) {
      const start = doc.sections[si]!.text.indexOf(e.quote);
      if (start < 0) continue;
      const list = ranges[di]![si]!;
      const same = list.find((r) => r.start === start && r.end === start + e.quote.length);
      if (same) same.keys.push(e.key);
      else list.push({ start, end: start + e.quote.length, keys: [e.key] });
      placed = true;
      break;
    }
    if (placed) continue;
    const heading = order.find((si) => doc.sections[si]!.path.includes(e.quote));
    const at = heading ?? order.find((si) => doc.sections[si]!.location === e.location);
    targets.set(e.key, at === undefined ? `d${di}` : `d${di}-s${at}`);
  }
  const marked = documents.map((doc, di): MarkedDocument => ({
    id: `d${di}`,
    file: doc.file,
    format: doc.format,
    deliverable: doc.deliverable,
    sections: doc.sections.map((s, si): MarkedSection => {
      const id = `d${di}-s${si}`;
      const list = ranges[di]![si]!.sort((a, b) => a.start - b.start || b.end - a.end);
      const segments: Segment[] = [];
      let at = 0;
      let lastMark = '';
      let n = 0;
      for (const r of list) {
        if (r.start < at) {
          // Overlaps the previous highlight: jump there instead.
          for (const k of r.keys) targets.set(k, lastMark);
          continue;
        }
        if (r.start > at) segments.push({ text: s.text.slice(at, r.start) });
        lastMark = `${id}-m${n++}`;
        segments.push({ text: s.text.slice(r.start, r.end), mark: lastMark });
        for (const k of r.keys) targets.set(k, lastMark);
        at = r.end;
      }
      if (at < s.text.length || segments.length === 0) segments.push({ text: s.text.slice(at) });
      return { id, path: s.path, location: s.location, deliverable: s.deliverable, segments };
    }),
  }));
  return { documents: marked, targets };
}
