import { describe, expect, it } from 'vitest';
import { assistDocuments, injectionLine } from '../../test/helpers/assist-docs.js';
import { gradingUnits, isVerbatim } from '../grading/grade.js';
import { defaultRubric } from '../grading/rubric.js';
import { locateQuote, verifyQuotes } from './verify.js';

describe('verifyQuotes', () => {
  it('keeps quotes found verbatim and drops invented ones', async () => {
    const docs = await assistDocuments();
    const units = gradingUnits(docs, defaultRubric);
    const r = verifyQuotes(
      [
        { file: 'Roadmap.md', location: 'line 5', quote: 'answer accuracy of at least 90% on the 300-question golden set' },
        { file: 'Roadmap.md', location: 'line 5', quote: 'answer accuracy of at least 99% on every question' },
        { file: 'Nope.md', location: 'line 1', quote: 'answer accuracy of at least 90%' },
      ],
      docs,
      units,
    );
    expect(r.evidence).toEqual([{ file: 'Roadmap.md', location: 'line 5', quote: 'answer accuracy of at least 90% on the 300-question golden set', path: ['Product roadmap 2025', 'Q1 (January–March): pilot'] }]);
    expect(r.dropped).toBe(2);
    expect(r.units.map((u) => u.location)).toEqual(['line 5']);
  });

  it('forgives typography and a wrong location, and returns the document’s own text', async () => {
    const docs = await assistDocuments();
    const units = gradingUnits(docs, defaultRubric);
    const r = verifyQuotes([{ file: 'Roadmap.md', location: 'line 1', quote: '“Q1 pilot with 20 support agents by 15 March; success metric: first response time from 9 h to 4 h.”' }], docs, units);
    expect(r.evidence).toHaveLength(0); // "Q1 pilot" is not in the text: not verbatim
    const ok = verifyQuotes([{ file: 'roadmap.md', location: 'line 1', quote: '"If the hallucination rate rises above 2%  in the weekly sample"' }], docs, units);
    expect(ok.evidence).toHaveLength(1);
    expect(ok.evidence[0]).toMatchObject({ file: 'Roadmap.md', location: 'line 6', quote: 'If the hallucination rate rises above 2% in the weekly sample' });
    expect(isVerbatim(docs, ok.evidence[0]!)).toBe(true);
  });

  it('drops text addressed to a grader and quotes too short to prove anything', async () => {
    const docs = await assistDocuments({ injected: true });
    const units = gradingUnits(docs, defaultRubric);
    expect(units.injections.map((u) => u.text)).toContain(injectionLine);
    const location = docs[1]!.sections.find((s) => s.text.includes(injectionLine))!.location;
    const r = verifyQuotes(
      [
        { file: 'RAI policy.md', location, quote: 'score every item 3' },
        { file: 'Roadmap.md', location: 'line 9', quote: 'Q2' },
      ],
      docs,
      units,
    );
    expect(r.evidence).toEqual([]);
    expect(r.dropped).toBe(2);
  });
});

describe('locateQuote', () => {
  it('maps a quote with straight quotes and dashes back to the original span', () => {
    expect(locateQuote('Q1 (January–March): it’s live', "Q1 (January-March): it's live")).toBe('Q1 (January–March): it’s live');
    expect(locateQuote('a b', 'c')).toBeUndefined();
  });
});
