import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AST, parseRegExpLiteral, visitRegExpAST } from '@eslint-community/regexpp';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * A closing \b right after a sign ("≥\b", "excl\.\b", "con:\b") needs a word character next, so "≥ 95%" or
 * "excl. usage" never match: a bug found twice by accident. Every regular-expression literal of the graders and
 * the grading core is read here, and an alternative that must end in a sign (not a space, not an optional one)
 * right before \b fails the test.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** The characters an element must end with, when it is a plain character, a required repeat or a group of them. */
function endings(el: AST.Node): number[] | null {
  if (el.type === 'Character') return [el.value];
  if (el.type === 'Quantifier') return el.min === 0 ? null : endings(el.element);
  if (el.type === 'Group' || el.type === 'CapturingGroup') {
    const all: number[] = [];
    for (const alt of el.alternatives) {
      const last = alt.elements.at(-1);
      const e = last ? endings(last) : null;
      if (e === null) return null;
      all.push(...e);
    }
    return all;
  }
  return null;
}

function signBeforeWordBoundary(literal: string): string[] {
  const found: string[] = [];
  let ast: AST.RegExpLiteral;
  try {
    ast = parseRegExpLiteral(literal);
  } catch {
    return found;
  }
  visitRegExpAST(ast, {
    onAlternativeEnter(alt) {
      alt.elements.forEach((el, i) => {
        const next = alt.elements[i + 1];
        if (!next || next.type !== 'Assertion' || next.kind !== 'word' || next.negate) return;
        const branches = el.type === 'Group' || el.type === 'CapturingGroup' ? el.alternatives : [{ elements: [el], raw: el.raw }];
        for (const b of branches) {
          const last = b.elements.at(-1);
          const e = last ? endings(last) : null;
          if (e && e.length > 0 && e.every((c) => !/[\w\s]/.test(String.fromCodePoint(c)))) found.push(b.raw.slice(-30));
        }
      });
    },
  });
  return found;
}

describe('regular expressions of the graders', () => {
  it('finds the bug it looks for', () => {
    expect(signBeforeWordBoundary(String.raw`/\b(?:at least|≥)\b/`)).toEqual(['≥']);
    expect(signBeforeWordBoundary(String.raw`/\bvs\.?\b|\bmore \b/`)).toEqual([]);
  });

  it('has no alternative that must end in a sign right before \\b', () => {
    const bad: string[] = [];
    for (const file of [...sources(join(root, 'graders')), ...sources(join(root, 'src', 'grading'))]) {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node) => {
        if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          for (const b of signBeforeWordBoundary(n.getText(sf))) bad.push(`${file.slice(root.length)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1} …${b}\\b`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect(bad).toEqual([]);
  });
});
