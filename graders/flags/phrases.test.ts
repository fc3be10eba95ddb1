import { describe, expect, it } from 'vitest';
import { blindBanks, phraseScores, runBlindBank, runPhraseBanks, type PhraseResult } from '../../fixtures/phrases.js';

// The phrase banks (fixtures/phrases) hold single passages labeled by writers who never saw the
// detectors. These floors sit a little under today's figures (npm run eval prints them): a change
// that makes a detector read meaning worse fails here, with the passages it now gets wrong.
const FLOORS: Record<string, number> = {
  fix_later_with_prompts: 0.85,
  governance_afterthought: 0.9,
  'either critical flag': 0.9,
  'tradeoff (per passage)': 0.9,
  'buzzword_without_metric (per passage)': 0.9,
  'cross_functional_partner (per passage)': 0.9,
  'prompt injection (per passage)': 0.9,
};
/** Checks with negatives only: the share of passages read right. */
const ACCURACY_FLOORS: Record<string, number> = { 'clean passages: no critical flag': 0.95 };

describe('phrase banks', async () => {
  const results = await runPhraseBanks();
  it.each(results.map((r) => [r.name, r] as const))('%s stays above its floor', (name, r) => {
    const { f1, accuracy } = phraseScores(r);
    const wrong = r.rows.filter((x) => x.expected !== x.got).map((x) => `${x.expected ? 'missed' : 'false alarm'}: ${x.text}`);
    if (ACCURACY_FLOORS[name] !== undefined) {
      expect(accuracy, wrong.join('\n')).toBeGreaterThanOrEqual(ACCURACY_FLOORS[name]);
      return;
    }
    expect(FLOORS[name], `no floor for ${name}`).toBeDefined();
    expect(f1, wrong.join('\n')).toBeGreaterThanOrEqual(FLOORS[name]!);
  });
});

// The blind banks are development data once measured: the first bank's even half from the middle of
// session 3, its odd half and the second bank at its end, the third at the start of session 4, and so on.
const BLIND_FLOORS: Record<string, number> = {
  'blind: fix_later_with_prompts': 0.85,
  'blind: governance_afterthought': 0.85,
  'blind: either critical flag': 0.85,
  'blind: tradeoff (per passage)': 0.85,
  'blind2: fix_later_with_prompts': 0.85,
  'blind2: governance_afterthought': 0.85,
  'blind2: either critical flag': 0.85,
  'blind3: fix_later_with_prompts': 0.9,
  'blind3: governance_afterthought': 0.9,
  'blind3: either critical flag': 0.9,
  'blind3: tradeoff (per passage)': 0.75,
  'blind4: fix_later_with_prompts': 0.8,
  'blind4: governance_afterthought': 0.9,
  'blind4: either critical flag': 0.85,
  'blind4: tradeoff (per passage)': 0.75,
  'blind5: fix_later_with_prompts': 0.85,
  'blind5: governance_afterthought': 0.9,
  'blind5: either critical flag': 0.9,
  'blind5: tradeoff (per passage)': 0.85,
  'blind6: fix_later_with_prompts': 0.85,
  'blind6: governance_afterthought': 0.9,
  'blind6: either critical flag': 0.9,
  'blind6: tradeoff (per passage)': 0.85,
  // blind7: measured once at f2a453c (0.62 / 0.83 / 0.74 / 0.81), tuned on in session 5.
  'blind7: fix_later_with_prompts': 0.85,
  'blind7: governance_afterthought': 0.9,
  'blind7: either critical flag': 0.9,
  'blind7: tradeoff (per passage)': 0.9,
  // blind8: measured once at 83cbf9c (0.68 / 0.74 / 0.71 / 0.84), tuned on late in session 5.
  'blind8: fix_later_with_prompts': 0.85,
  'blind8: governance_afterthought': 0.9,
  'blind8: either critical flag': 0.9,
  'blind8: tradeoff (per passage)': 0.9,
  // blind9: measured once at 5a430b6 (0.55 / 0.76 / 0.67 / 0.80), tuned on in session 6.
  'blind9: fix_later_with_prompts': 0.9,
  'blind9: governance_afterthought': 0.95,
  'blind9: either critical flag': 0.92,
  'blind9: tradeoff (per passage)': 0.95,
  // blind10: measured once at 661000b (0.69 / 0.66 / 0.68 / 0.72), tuned on in session 6.
  'blind10: fix_later_with_prompts': 0.93,
  'blind10: governance_afterthought': 0.9,
  'blind10: either critical flag': 0.93,
  'blind10: tradeoff (per passage)': 0.93,
  // blind11: measured once at dfdf7b0 (0.68 / 0.80 / 0.73 / 0.74), tuned on in session 7.
  'blind11: fix_later_with_prompts': 0.95,
  'blind11: governance_afterthought': 0.93,
  'blind11: either critical flag': 0.95,
  'blind11: tradeoff (per passage)': 0.93,
  // blind12: measured once at 3bbfb5c (0.58 / 0.83 / 0.71 / 0.69), tuned on in session 7.
  'blind12: fix_later_with_prompts': 0.93,
  'blind12: governance_afterthought': 0.95,
  'blind12: either critical flag': 0.95,
  'blind12: tradeoff (per passage)': 0.6,
  // blind13: measured once (0.67 either / 0.83 tradeoff), tuned on in session 7.
  'blind13: fix_later_with_prompts': 0.93,
  'blind13: governance_afterthought': 0.9,
  'blind13: either critical flag': 0.93,
  'blind13: tradeoff (per passage)': 0.8,
  // blind14: measured once (0.71 / 0.90 / 0.81 / 0.84), partly tuned on in session 7.
  'blind14: fix_later_with_prompts': 0.7,
  'blind14: governance_afterthought': 0.95,
  'blind14: either critical flag': 0.83,
  'blind14: tradeoff (per passage)': 0.82,
  // blind15: measured once at 5692290 (0.64 / 0.90 / 0.77 / 0.79), tuned on in session 8.
  'blind15: fix_later_with_prompts': 0.94,
  'blind15: governance_afterthought': 0.97,
  'blind15: either critical flag': 0.96,
  'blind15: tradeoff (per passage)': 0.77,
  // blind16: measured once at 894e4d4 (0.72 / 0.88 / 0.80 / 0.70), tuned on in session 8.
  'blind16: fix_later_with_prompts': 0.96,
  'blind16: governance_afterthought': 0.96,
  'blind16: either critical flag': 0.96,
  'blind16: tradeoff (per passage)': 0.68,
  // blind17: measured once at 117e09e (0.75 / 0.92 / 0.83 / 0.80), tuned on in session 8.
  'blind17: fix_later_with_prompts': 0.96,
  'blind17: governance_afterthought': 0.97,
  'blind17: either critical flag': 0.97,
  'blind17: tradeoff (per passage)': 0.78,
  // blind18: measured once at 841a287 with the session-9 crash fix (0.65 / 0.89 / 0.77 / 0.78; the reader alone 0.91 / 0.96), tuned on in session 9.
  'blind18: fix_later_with_prompts': 0.97,
  'blind18: governance_afterthought': 0.97,
  'blind18: either critical flag': 0.97,
  'blind18: tradeoff (per passage)': 0.84,
  // blind19: measured once at 15f9e53 (0.70 / 0.81 / 0.75 / 0.82; the reader alone 0.90 / 0.97), tuned on in session 9.
  'blind19: fix_later_with_prompts': 0.92,
  'blind19: governance_afterthought': 0.92,
  'blind19: either critical flag': 0.92,
  'blind19: tradeoff (per passage)': 0.8,
  // blind20: measured once at 2e38d6b (0.75 / 0.89 / 0.83 / 0.85; the reader alone at score 0.5: 0.76 / 0.93 / tradeoff 0.96), tuned on in session 10.
  'blind20: fix_later_with_prompts': 0.91,
  'blind20: governance_afterthought': 0.94,
  'blind20: either critical flag': 0.93,
  'blind20: tradeoff (per passage)': 0.84,
  // blind21: measured once at f05bd0e (0.77 / 0.89 / 0.83 / 0.72; the reader alone at score 0.5: 0.85 / 0.94 / tradeoff 0.94), tuned on in session 10 (flags only).
  'blind21: fix_later_with_prompts': 0.94,
  'blind21: governance_afterthought': 0.96,
  'blind21: either critical flag': 0.95,
  'blind21: tradeoff (per passage)': 0.7,
  // blind22: measured once at 209bc14 (0.80 / 0.87 / 0.83 / 0.80; the reader alone at score 0.5: 0.90 / 0.95 / tradeoff 0.97), tuned on in session 10 (flags only).
  'blind22: fix_later_with_prompts': 0.94,
  'blind22: governance_afterthought': 0.96,
  'blind22: either critical flag': 0.95,
  'blind22: tradeoff (per passage)': 0.78,
  // blind23: measured once at 1e32e20 (0.72 / 0.91 / 0.84 / 0.77; the reader alone at score 0.5: 0.83 / 0.94 / tradeoff 0.90); not tuned on yet.
  'blind23: fix_later_with_prompts': 0.7,
  'blind23: governance_afterthought': 0.89,
  'blind23: either critical flag': 0.82,
  'blind23: tradeoff (per passage)': 0.75,
};

describe('blind phrase banks', async () => {
  const results: PhraseResult[] = [];
  for (const name of blindBanks()) results.push(...(await runBlindBank(name)));
  it.each(results.map((r) => [r.name, r] as const))('%s stays above its floor', (name, r) => {
    const wrong = r.rows.filter((x) => x.expected !== x.got).map((x) => `${x.expected ? 'missed' : 'false alarm'}: ${x.text}`);
    expect(BLIND_FLOORS[name], `no floor for ${name}`).toBeDefined();
    expect(phraseScores(r).f1, wrong.join('\n')).toBeGreaterThanOrEqual(BLIND_FLOORS[name]!);
  });
});
