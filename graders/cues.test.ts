import { describe, expect, it } from 'vitest';
import { LEVER, TARGET } from './cues.js';

// A closing \b after a character that is not a word character ("≥", ":", ",", ".") needs a word character right after
// it, so such alternatives never matched as written ("≥ 95%"). These read them as meant.
describe('cue alternatives that end in a sign', () => {
  it('reads "≥ 95%" and "< 2 s" as targets', () => {
    expect(TARGET.test('correct answers ≥ 95% on the test set')).toBe(true);
    expect(TARGET.test('median reply < 2 s')).toBe(true);
    expect(TARGET.test('the sign ≥ alone')).toBe(false);
  });
});

describe('routing as a cost lever', () => {
  it('reads requests routed to a smaller model as a lever, not the routes of a gritting lorry or a delivery van', () => {
    expect(LEVER.test('Easy questions are routed to the small model, hard ones to the large one.')).toBe(true);
    expect(LEVER.test('Model routing sends 70% of calls to the mini tier.')).toBe(true);
    expect(LEVER.test('The county treats a priority network of 1,150 km on 28 precautionary routes.')).toBe(false);
    expect(LEVER.test('Vans follow the routes planned the night before.')).toBe(false);
  });
});
