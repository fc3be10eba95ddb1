import { describe, expect, it } from 'vitest';
import type { Document } from '../documents/model.js';
import { markDocuments } from './highlight.js';

const doc: Document = {
  file: 'roadmap.md',
  format: 'markdown',
  deliverable: 'roadmap',
  sections: [
    { path: ['Roadmap'], location: 'line 1', text: 'Intro line.', deliverable: 'roadmap' },
    { path: ['Roadmap', 'KPIs'], location: 'line 5', text: 'Cut handle time by 30% by Q3. Raise CSAT to 89% by Q4.', deliverable: 'roadmap' },
    { path: ['Roadmap', 'Risks'], location: 'line 9', text: 'Risk: <script>alert(1)</script> drift.', deliverable: 'roadmap' },
  ],
};

describe('markDocuments', () => {
  it('cuts each quote out of its section as a highlighted segment, and points the evidence at it', () => {
    const { documents, targets } = markDocuments([doc], [
      { key: 'items.kpis.0', file: 'roadmap.md', location: 'line 5', quote: 'Raise CSAT to 89% by Q4.' },
      { key: 'items.kpis.1', file: 'roadmap.md', location: 'line 5', quote: 'Cut handle time by 30%' },
    ]);
    const section = documents[0]!.sections[1]!;
    expect(section.id).toBe('d0-s1');
    expect(section.segments).toEqual([
      { text: 'Cut handle time by 30%', mark: 'd0-s1-m0' },
      { text: ' by Q3. ' },
      { text: 'Raise CSAT to 89% by Q4.', mark: 'd0-s1-m1' },
    ]);
    expect(targets.get('items.kpis.0')).toBe('d0-s1-m1');
    expect(targets.get('items.kpis.1')).toBe('d0-s1-m0');
    // The text is kept whole, in order.
    expect(section.segments.map((s) => s.text).join('')).toBe(doc.sections[1]!.text);
  });

  it('shares one mark between the same or overlapping quotes', () => {
    const { documents, targets } = markDocuments([doc], [
      { key: 'a', file: 'roadmap.md', location: 'line 5', quote: 'handle time by 30% by Q3' },
      { key: 'b', file: 'roadmap.md', location: 'line 5', quote: 'handle time by 30% by Q3' },
      { key: 'c', file: 'roadmap.md', location: 'line 5', quote: '30% by Q3. Raise' },
    ]);
    expect(documents[0]!.sections[1]!.segments.filter((s) => s.mark)).toHaveLength(1);
    expect(targets.get('a')).toBe('d0-s1-m0');
    expect(targets.get('b')).toBe('d0-s1-m0');
    expect(targets.get('c')).toBe('d0-s1-m0');
  });

  it('falls back to the section of a heading quote or of the location, and finds quotes at another location', () => {
    const { targets } = markDocuments([doc], [
      { key: 'heading', file: 'roadmap.md', location: 'line 9', quote: 'Risks' },
      { key: 'missing', file: 'roadmap.md', location: 'line 9', quote: 'not in the text' },
      { key: 'moved', file: 'roadmap.md', location: 'line 1', quote: 'drift.' },
      { key: 'nofile', file: 'other.md', location: 'line 1', quote: 'Intro' },
    ]);
    expect(targets.get('heading')).toBe('d0-s2');
    expect(targets.get('missing')).toBe('d0-s2');
    expect(targets.get('moved')).toBe('d0-s2-m0');
    expect(targets.has('nofile')).toBe(false);
  });

  it('keeps markup in the text as text (the page escapes it)', () => {
    const { documents } = markDocuments([doc], [{ key: 'x', file: 'roadmap.md', location: 'line 9', quote: '<script>alert(1)</script>' }]);
    expect(documents[0]!.sections[2]!.segments[1]).toEqual({ text: '<script>alert(1)</script>', mark: 'd0-s2-m0' });
  });
});
