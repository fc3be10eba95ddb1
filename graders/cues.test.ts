import { describe, expect, it } from 'vitest';
import { TARGET } from './cues.js';

// A closing \b after a character that is not a word character ("≥", ":", ",", ".") needs a word character right after
// it, so such alternatives never matched as written ("≥ 95%"). These read them as meant.
describe('cue alternatives that end in a sign', () => {
  it('reads "≥ 95%" and "< 2 s" as targets', () => {
    expect(TARGET.test('correct answers ≥ 95% on the test set')).toBe(true);
    expect(TARGET.test('median reply < 2 s')).toBe(true);
    expect(TARGET.test('the sign ≥ alone')).toBe(false);
  });
});
