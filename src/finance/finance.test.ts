import { describe, expect, it } from 'vitest';
import { CategoryMapper, categoriesAgree, DEFAULT_RULES } from './categories.ts';
import { buildResultTable, deviation, deviationText, mainDeviations, reperiodisedYtd, reportSign } from './finance.ts';

const M = (mnok: number) => Math.round(mnok * 100_000_000);

describe('CategoryMapper with the default rules', () => {
  const mapper = new CategoryMapper(DEFAULT_RULES);

  it('maps the spec’s ranges, specific ranges before the catch-all', () => {
    expect(mapper.categoryOf('3100')).toBe('Driftsinntekter');
    expect(mapper.categoryOf('5000')).toBe('Personalkostnader');
    expect(mapper.categoryOf('4500')).toBe('Tjenestekjøp');
    expect(mapper.categoryOf('6700')).toBe('Tjenestekjøp');
    expect(mapper.categoryOf('6425')).toBe('Lisenser, support og garanti');
    expect(mapper.categoryOf('6553')).toBe('Lisenser, support og garanti');
    expect(mapper.categoryOf('6554')).toBe('Andre driftskostnader');
    expect(mapper.categoryOf('6909')).toBe('Transmisjon og data');
    expect(mapper.categoryOf('6010')).toBe('Avskrivninger');
    expect(mapper.categoryOf('4000')).toBe('Andre driftskostnader');
    expect(mapper.categoryOf('8299')).toBe('Finansposter');
  });

  it('leaves balance sheet accounts without a category and reports other unmatched accounts as unmapped', () => {
    expect(mapper.categoryOf('1920')).toBeNull();
    expect(mapper.isUnmapped('1920')).toBe(false);
    expect(mapper.isUnmapped('8300')).toBe(true);
    expect(mapper.isUnmapped('X1')).toBe(true);
  });

  it('lets explicit accounts win over ranges, whatever their position', () => {
    const m = new CategoryMapper([...DEFAULT_RULES, { category: 'Innleie', account: '6790' }, { category: 'Frikjøp', account: '6790' }]);
    expect(m.categoryOf('6790')).toBe('Innleie');
    expect(m.rangeCategoryOf('6790')).toBe('Tjenestekjøp');
  });

  it('treats the catch-all as compatible with any cost category when comparing with a GroupingCode', () => {
    expect(categoriesAgree('Lisenser, support og garanti', 'Andre driftskostnader')).toBe(true);
    expect(categoriesAgree('Personalkostnader', 'Avskrivninger')).toBe(false);
    expect(categoriesAgree('Driftsinntekter', 'Andre driftskostnader')).toBe(false);
  });
});

describe('deviation wording (spec §3)', () => {
  it('writes the actual against the budget: under when below, over when above, with one decimal', () => {
    expect(deviationText(M(-6.5))).toBe('6,5\u00a0MNOK under budsjett');
    expect(deviationText(M(5.1))).toBe('5,1\u00a0MNOK over budsjett');
    expect(deviationText(M(-0.04))).toBe('på budsjett');
    expect(deviationText(M(0.05))).toBe('0,1\u00a0MNOK over budsjett');
  });

  it('is actual − budget', () => {
    expect(deviation(M(10), M(12))).toBe(M(-2));
    expect(deviation(M(12), M(10))).toBe(M(2));
  });
});

describe('buildResultTable(input)', () => {
  const mapper = new CategoryMapper(DEFAULT_RULES);
  const table = buildResultTable({
    period: '2025-02',
    mapper,
    movements: [
      { accountId: '3100', month: '2025-01', amount: -M(30) },
      { accountId: '3100', month: '2025-02', amount: -M(31) },
      { accountId: '5000', month: '2025-02', amount: M(12) },
      { accountId: '8050', month: '2025-02', amount: -M(0.5) },
      { accountId: '8150', month: '2025-02', amount: M(0.2) },
      { accountId: '1920', month: '2025-02', amount: M(19) },
      { accountId: '8800', month: '2025-02', amount: M(1) },
      { accountId: '5000', month: '2025-03', amount: M(99) },
    ],
    budget: [
      { category: 'Driftsinntekter', month: 2, amount: M(30) },
      { category: 'Personalkostnader', month: 1, amount: M(13) },
      { category: 'Personalkostnader', month: 2, amount: M(13) },
      { category: 'Personalkostnader', month: 12, amount: M(13) },
    ],
    forecasts: [{ category: 'Personalkostnader', period: '2025-02', amount: M(150), comment: 'Færre årsverk' }],
  });
  const row = (c: string) => table.rows.find((r) => r.category === c);

  it('shows income (credit) positive and costs positive, finance items net', () => {
    expect(reportSign('income', -M(1))).toBe(M(1));
    expect(row('Driftsinntekter')).toMatchObject({
      actualMonth: M(31),
      actualYtd: M(61),
      budgetMonth: M(30),
      budgetYtd: M(30),
      budgetYear: M(30),
    });
    expect(row('Personalkostnader')).toMatchObject({
      actualMonth: M(12),
      actualYtd: M(12),
      budgetMonth: M(13),
      budgetYtd: M(26),
      budgetYear: M(39),
    });
    expect(row('Finansposter')?.actualMonth).toBe(-M(0.3));
  });

  it('computes totals (costs incl. finance) and result = income − costs − net finance', () => {
    expect(table.totals.actualMonth).toBe(M(11.7));
    expect(table.result.actualMonth).toBe(M(31 - 11.7));
    expect(table.result.actualYtd).toBe(M(61 - 11.7));
    expect(table.result.budgetYear).toBe(M(30 - 39));
  });

  it('counts a category without a forecast as on budget in the forecast totals, and keeps the comment', () => {
    expect(row('Personalkostnader')).toMatchObject({ forecastYear: M(150), forecastComment: 'Færre årsverk', forecastPeriod: '2025-02' });
    expect(row('Driftsinntekter')?.forecastYear).toBeNull();
    expect(table.totals.forecastYear).toBe(M(150));
    expect(table.result.forecastYear).toBe(M(30 - 150));
  });

  it('lists unmapped P&L accounts with their YTD amount and leaves them out of the result; ignores later months', () => {
    expect(table.unmapped).toEqual([{ accountId: '8800', amountYtd: M(1) }]);
  });

  it('re-periodises the annual budget for a second YTD comparison', () => {
    const even = reperiodisedYtd(table, Array(12).fill(1));
    expect(even.get('Personalkostnader')).toBe(M(39 * (2 / 12)));
    expect(even.get('Driftsinntekter')).toBe(M(5));
  });

  it('lists main deviations of cost categories reaching the materiality share of the annual cost budget', () => {
    const list = mainDeviations(table, { basis: 'ytd', share: 0.1 });
    expect(list.map((d) => [d.category, d.text])).toEqual([['Personalkostnader', '14,0\u00a0MNOK under budsjett']]);
    expect(mainDeviations(table, { basis: 'ytd', share: 0.5 })).toEqual([]);
    expect(mainDeviations(table, { basis: 'forecast' }).map((d) => [d.category, d.text, d.comment])).toEqual([
      ['Personalkostnader', '111,0\u00a0MNOK over budsjett', 'Færre årsverk'],
    ]);
  });
});
