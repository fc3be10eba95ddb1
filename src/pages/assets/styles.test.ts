import { describe, expect, it } from 'vitest';
import { palette as p, styles } from './styles.js';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the stylesheet', () => {
  // Every text colour on every background it is used on.
  const text: [string, string, string][] = [
    ['text on page', p.text, p.page],
    ['text on card', p.text, p.card],
    ['text on table head', p.text, p.tableHead],
    ['text on drop area', p.text, p.dropBg],
    ['muted on card', p.muted, p.card],
    ['muted on page', p.muted, p.page],
    ['muted on subtle', p.muted, p.subtle],
    ['muted on drop area', p.muted, p.dropBg],
    ['link on card', p.primary, p.card],
    ['link on page', p.primary, p.page],
    ['secondary button hover', p.primaryDark, p.infoBg],
    ['primary button', p.onPrimary, p.primary],
    ['primary button hover', p.onPrimary, p.primaryDark],
    ['disabled button', p.neutralText, p.neutralBg],
    ['error notice', p.errorText, p.errorBg],
    ['field error', p.errorText, p.card],
    ['ok notice', p.okText, p.okBg],
    ['info notice', p.infoText, p.infoBg],
    ['status prefilled', p.prefilledText, p.prefilledBg],
    ['status in review', p.reviewText, p.reviewBg],
    ['status confirmed', p.confirmedText, p.confirmedBg],
    ['status other', p.neutralText, p.neutralBg],
    ['critical tag', p.criticalText, p.criticalBg],
    ['highlighted quote', p.text, p.mark],
    ['current quote', p.text, p.markCurrent],
  ];
  it.each(text)('%s has a contrast of at least 4.5:1', (_what, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  // Non-text: the focus ring and control borders need 3:1 against what surrounds them.
  it.each([
    ['focus ring on page', p.focus, p.page],
    ['focus ring on card', p.focus, p.card],
    ['control border on card', p.control, p.card],
    ['error border on card', p.errorBorder, p.card],
  ] as [string, string, string][])('%s has a contrast of at least 3:1', (_what, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(3);
  });

  it('keeps focus visible and uses only palette colours', () => {
    expect(styles).toMatch(/:focus-visible \{ outline: 3px solid/);
    const used = new Set(styles.match(/#[0-9a-f]{3,6}\b/gi) ?? []);
    const known = new Set<string>(Object.values(p));
    expect([...used].filter((c) => !known.has(c))).toEqual([]);
  });
});
