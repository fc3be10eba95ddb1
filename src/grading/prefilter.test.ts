import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cues from '../../graders/cues.js';
import * as deferral from '../../graders/flags/deferral.js';
import { parseDocument } from '../documents/parse.js';
import { indexed, indexView, refreshIndex, requiredLiterals, requiresDigit, skips } from './prefilter.js';
import * as text from './text.js';
import { buildUnits } from './text.js';

describe('requiredLiterals', () => {
  it('reads the words one of which every match must contain', () => {
    expect(requiredLiterals(/\b(?:churn|retention|CSAT)\b/i)?.sort()).toEqual(['churn', 'csat', 'retention']);
    // Optional parts multiply out while the set stays small; the longest sure part wins otherwise.
    expect(requiredLiterals(/\bsign[- ]?offs?\b/i)?.sort()).toEqual(['sign off', 'sign offs', 'sign-off', 'sign-offs', 'signoff', 'signoffs']);
    expect(requiredLiterals(/\bleverag\w* (?:AI|GenAI)\b/i)).toEqual(['leverag']);
    expect(requiredLiterals(/\bcosts? (?:about )?\d+/)).toContain('cost 1');
  });

  it('gives up where a match needs no literal, or only a common character', () => {
    expect(requiredLiterals(/\w+y\b|\d+%/)).toBeNull();
    expect(requiredLiterals(/(?:a|b)c?/)).toBeNull();
    expect(requiredLiterals(/[A-Z][a-z]+ (?:lead|owner)s?/)).toEqual([' lead', ' leads', ' owner', ' owners']);
    expect(requiredLiterals(/x*/)).toBeNull();
  });

  it('leaves out letters whose case folding lower-casing would not preserve', () => {
    // /σ/i matches "ς" (both upper-case to "Σ"), which lower-cases to itself.
    expect(requiredLiterals(/\bεπίσης\b/i)).toBeNull();
    expect(requiredLiterals(/\bPrüfer\b/i)).toEqual(['fer']);
    expect(requiredLiterals(/€\s?\d+ per month/i)).toContain('9 per month');
  });

  it('knows when every match holds a digit', () => {
    expect(requiresDigit(text.MONEY)).toBe(true);
    expect(requiresDigit(text.MEASURE)).toBe(true);
    expect(requiresDigit(/\b(?:Q[1-4]|March)\b/)).toBe(false);
    expect(requiresDigit(/\d?%/)).toBe(false);
  });
});

describe('indexed patterns behave exactly like the plain ones', () => {
  const samples = [
    'Churn falls from 4.1% to 3.2% by Q3.',
    'We will add guardrails after launch.',
    'No figures here at all',
    'Retention, retention and more retention: 3 times',
    '',
    'Die Kündigungsrate sinkt um 2 Punkte',
  ];
  const patterns = [/\bretention\b/gi, /\b(?:churn|retention)\b/i, /\b(\d+(?:\.\d+)?)%/g, /guardrails? (after|before) (launch|pilot)/y, /\bfigures?\b/];
  refreshIndex();

  for (const plain of patterns) {
    it(`${plain} (test, exec, match, matchAll, replace, search, lastIndex)`, () => {
      const copy = new RegExp(plain.source, plain.flags);
      const gated = indexed(copy);
      refreshIndex();
      // indexed() hands back its argument when there is nothing to index: these all have literals.
      expect(gated).not.toBe(copy);
      for (const s of samples) {
        for (const re of [plain, gated]) re.lastIndex = 0;
        // Twice in a row: global and sticky patterns carry lastIndex from one call to the next.
        expect([gated.test(s), gated.lastIndex, gated.test(s), gated.lastIndex]).toEqual([plain.test(s), plain.lastIndex, plain.test(s), plain.lastIndex]);
        for (const re of [plain, gated]) re.lastIndex = 0;
        expect(gated.exec(s)).toEqual(plain.exec(s));
        expect(s.match(gated)).toEqual(s.match(plain));
        expect(s.replace(gated, '<$&>')).toBe(s.replace(plain, '<$&>'));
        expect(s.search(gated)).toBe(s.search(plain));
        if (plain.global) expect([...s.matchAll(gated)].map((m) => [m.index, m[0]])).toEqual([...s.matchAll(plain)].map((m) => [m.index, m[0]]));
      }
    });
  }

  it('a pattern with nothing to index is returned as it is', () => {
    const re = /\w+y\b/;
    expect(indexed(re)).toBe(re);
  });

  it('splits a long alternation and still picks the leftmost match, earliest alternative first', () => {
    const plain = /\b(?:after launch|launch|later|eventually)\b/i;
    const gated = indexed(new RegExp(plain.source, plain.flags));
    refreshIndex();
    for (const s of ['We ship at launch and add evals after launch, or later.', 'eventually, later', 'nothing here', 'LATER after launch']) {
      expect([gated.exec(s)?.index, gated.exec(s)?.[0], gated.test(s)]).toEqual([plain.exec(s)?.index, plain.exec(s)?.[0], plain.test(s)]);
    }
  });

  it('finds every match of a split global pattern alternative by alternative, as matchAll and replace do', () => {
    const plains = [
      /\b(?:after launch|launch|later|eventually|launch later)\b/gi,
      /evals?|eval harness|harness|x*|later/g,
      /\b(?:Q[1-4]|H[12]|20[2-4]\d)\b|\bphase \d\b|\bv\d\b/gi,
      /😀|launch|a?|later/gu,
    ];
    const pairs = plains.map((plain) => ({ plain, gated: indexed(new RegExp(plain.source, plain.flags)) }));
    refreshIndex();
    const samples = ['We ship at launch and add evals after launch, or later.', 'eventually, later, launch later', 'nothing here', 'LATER after launch', 'eval harness in Q3 2025, phase 2 then v3', '😀 launch 😀', ''];
    for (const { plain, gated } of pairs) {
      expect((gated as unknown as { globalPieces: unknown[] | null }).globalPieces?.length).toBeGreaterThanOrEqual(3);
      for (const s of samples) {
        expect([...s.matchAll(gated)].map((m) => [m.index, m[0]])).toEqual([...s.matchAll(plain)].map((m) => [m.index, m[0]]));
        expect(s.replace(gated, ' ')).toBe(s.replace(plain, ' '));
        expect(gated.lastIndex).toBe(0);
      }
    }
  });

  it("gives every graders' pattern the same answer as the plain pattern on every sentence of the labeled set", async () => {
    const root = join(import.meta.dirname, '../../fixtures');
    const sentences: string[] = [];
    for (const id of readdirSync(join(root, 'submissions'))) {
      const dir = join(root, 'submissions', id);
      if (!statSync(dir).isDirectory()) continue;
      for (const name of readdirSync(dir)) {
        if (name === 'labels.json') continue;
        const doc = await parseDocument({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }).catch(() => null);
        if (doc) for (const u of buildUnits([doc])) sentences.push(u.text, u.text.slice(0, 40), u.path.join(' / '));
      }
    }
    for (const f of readdirSync(join(root, 'phrases')).filter((n) => n.endsWith('.json'))) for (const r of JSON.parse(readFileSync(join(root, 'phrases', f), 'utf8')) as { text: string }[]) sentences.push(r.text);
    const patterns = [...Object.values(cues), ...Object.values(deferral), ...Object.values(text)].filter((v): v is RegExp => v instanceof RegExp);
    expect(patterns.length).toBeGreaterThan(30);
    const pairs = patterns.map((re) => {
      const copy = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
      return { plain: new RegExp(re.source, re.flags.replace(/[gy]/g, '')), copy, gated: indexed(copy) };
    });
    refreshIndex();
    let differences = 0;
    let ruledOut = 0;
    for (const { plain, gated } of pairs) {
      for (const s of sentences) {
        if (plain.test(s) !== gated.test(s)) differences++;
        // exec too: a split pattern runs its alternatives one by one and must pick the same match.
        const a = plain.exec(s);
        const b = gated.exec(s);
        if (a?.index !== b?.index || a?.[0] !== b?.[0]) differences++;
        if (skips(indexView(s), gated)) ruledOut++;
      }
    }
    expect(sentences.length).toBeGreaterThan(5000);
    // Most patterns get a gate, and the gates rule out most (pattern, sentence) pairs: the check exercises them.
    expect(pairs.filter((p) => p.gated !== p.copy).length).toBeGreaterThan(patterns.length / 2);
    expect(ruledOut).toBeGreaterThan((pairs.length * sentences.length) / 3);
    expect(differences).toBe(0);
    // Its time grows with the labeled set (about 70 s for 646 submissions on two cores).
  }, 240_000);
});
