import { describe, expect, it } from 'vitest';
import { findRoles, hasMoney, moneyAmounts, parseAmount, parseNumber, sentencesOf, TIME_FRAME } from './text.js';

describe('money as people write it', () => {
  it('reads bare amounts under a heading that names the currency, also shillings ("COST YEAR 1 (KSh)")', () => {
    const unit = (path: string[]) => ({ file: 'c.txt', location: 'line 3', path, deliverable: 'cost' as const, text: 'Cloud API: approx 12,000 / month', section: 0, row: false });
    expect(hasMoney(unit(['COST YEAR 1 (KSh)']))).toBe(true);
    expect(hasMoney(unit(['COST YEAR 1']))).toBe(false);
  });

  it('reads a dollar sign written after the amount, as in Quebec ("133 458 $ CA", "0.000002 $")', () => {
    expect(moneyAmounts('Total year 1: 133 458 $ CA')).toEqual([133458]);
    expect(moneyAmounts('Cost per call: 0.000002 $.')).toEqual([0.000002]);
    expect(moneyAmounts('Step 2 $5 off')).toEqual([5]);
  });

  it.each([
    ['$1.2M', 1_200_000],
    ['€45k', 45_000],
    ['USD 3,000', 3000],
    ['45.000 EUR', 45_000],
    ['0,14 € per 1M tokens', 0.14],
    ["CHF 96'000", 96_000],
    ['₹2.5 lakh', 250_000],
    ['Rs 1.2 crore', 12_000_000],
    ['¥375 per 1M input tokens', 375],
    ['214.018,40 €', 214_018.4],
    ['$0.0004 per postmortem', 0.0004],
    ['1.5 million EUR', 1_500_000],
    ['420 000 kr', 420_000],
    ['2 000,50 zł a month', 2000.5],
    ['€ 12\u00a0500', 12_500],
    ['3 819 000 SEK', 3_819_000],
  ])('reads %s', (text, value) => {
    expect(moneyAmounts(text)[0]).toBeCloseTo(value, 6);
  });

  it('does not take dates, quarters or plain counts for money', () => {
    expect(moneyAmounts('Q3 2025, 14 March, 2,000 tickets a month')).toEqual([]);
    expect(moneyAmounts('160 000 player reports a month, 2025 200 kr')).toEqual([200]);
  });

  it('reads both decimal conventions and thousands separators', () => {
    expect(parseNumber('1,200,000')).toBe(1_200_000);
    expect(parseNumber('1.200.000,50')).toBe(1_200_000.5);
    expect(parseNumber('0,25')).toBe(0.25);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('45.000', true)).toBe(45_000);
    expect(parseNumber('45.000')).toBe(45);
    expect(parseAmount('$1,200.')).toBe(1200);
  });

  it('reads lira, rand, ringgit and other currencies, with their own thousands marks', () => {
    expect(moneyAmounts('LLM inference | Ongoing | 3.750 TL avg | 45.000 TL')).toEqual([3750, 45_000]);
    expect(moneyAmounts('Speech-to-text + LLM usage (R 2 300 / month) | R 27 600')).toEqual([2300, 27_600]);
    expect(moneyAmounts('RM 4,500 a month; KSh 120,000; R$ 12.500; ₺1.200')).toEqual([4500, 120_000, 12_500, 1200]);
    // A bare R is rand only before a grouped or three-digit amount: not a release name or a year.
    expect(moneyAmounts('Release R2 ships in YEAR 2026, FORM 200')).toEqual([]);
  });

  it('reads a scale abbreviated with a dot before the currency ("4,5 m.kr.") as millions', () => {
    expect(moneyAmounts('Cloud and model usage | 4,5 m.kr. | rest of year 12 m. kr')).toEqual([4_500_000, 12_000_000]);
  });
});

describe('roles', () => {
  it('finds job titles and functions, not verbs in front of "leads" or "owners"', () => {
    expect(findRoles('The GL lead and the Financial Controller sign off Gate 2.').length).toBeGreaterThanOrEqual(2);
    expect(findRoles('We are asking leads to try it and assigned owners later.')).toEqual([]);
    expect(findRoles('The board of the cooperative and the chief judge; the head nurse.')).toEqual(['board of the cooperative', 'chief judge', 'head nurse']);
    expect(findRoles('Open the dashboard; our chief concern is cost.')).toEqual([]);
    expect(findRoles('Plant IT approves server security before Phase 3.')).toEqual(['it']);
    expect(findRoles('IT costs are small.')).toEqual([]);
    expect(findRoles('The owner of the salon (me) decides when it starts in new branches.')).toEqual(['owner of the salon']);
  });
});

describe('sentences', () => {
  it('does not end a sentence at a title or an abbreviation', () => {
    expect(sentencesOf('QC Section Manager (Ms. Hayashi) approves Phase 3. Costs, e.g. inference, are small. No.').map((x) => x.trim())).toEqual(['QC Section Manager (Ms. Hayashi) approves Phase 3.', 'Costs, e.g. inference, are small.', 'No.']);
  });
});

describe('time frames', () => {
  it.each(['Handle time down 20% within 30 days.', 'Backlog under 200 by May 2026.', 'Live in all stores by the end of Q3.', 'Churn -2 points in the first 90 days.'])('reads "%s" as dated', (text) => {
    expect(TIME_FRAME.test(text)).toBe(true);
  });
  // A metric's own window ("repeat calls within 30 days of the first") is no date for its target; "may" the verb is no month.
  it.each(['Repeat calls within 30 days about the same bill: 22% today, 15%.', 'Readmissions within 30 days of discharge: 14% to 10%.', 'The assistant may cut repeat calls from 3.4 to 2.0.'])('does not read "%s" as dated', (text) => {
    expect(TIME_FRAME.test(text)).toBe(false);
  });
});
