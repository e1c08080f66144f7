/**
 * The forecast's comment and the forecast basis of the main deviations, each asserted inside a test
 * (finance.test.ts builds its table while the file is collected, which mutation testing's per-test
 * coverage does not see).
 */
import { describe, expect, it } from 'vitest';
import { CategoryMapper, DEFAULT_RULES } from './categories.ts';
import { buildResultTable, mainDeviations } from './finance.ts';

const mapper = new CategoryMapper(DEFAULT_RULES);
const MNOK = 100_000_000; // øre

describe('the forecast in the result table and the main deviations', () => {
  it('keeps the comment written with a forecast', () => {
    const t = buildResultTable({
      period: '2025-05',
      mapper,
      movements: [],
      budget: [],
      forecasts: [{ category: 'Tjenestekjøp', period: '2025-04', amount: 500, comment: 'Nytt vaktsystem' }],
    });
    expect(t.rows.find((r) => r.category === 'Tjenestekjøp')).toMatchObject({
      forecastYear: 500,
      forecastComment: 'Nytt vaktsystem',
      forecastPeriod: '2025-04',
    });
  });

  it('leaves a category without a forecast out of the forecast basis, however large its budget', () => {
    const t = buildResultTable({
      period: '2025-05',
      mapper,
      movements: [],
      budget: [
        { category: 'Personalkostnader', month: 1, amount: 100 * MNOK },
        { category: 'Tjenestekjøp', month: 1, amount: 100 * MNOK },
      ],
      forecasts: [{ category: 'Tjenestekjøp', period: '2025-05', amount: 110 * MNOK, comment: 'Nytt vaktsystem' }],
    });
    // Threshold: 0,5 % of 200 MNOK = 1 MNOK. Personalkostnader (no forecast) would deviate by −100 MNOK.
    expect(mainDeviations(t, { basis: 'forecast' })).toEqual([
      { category: 'Tjenestekjøp', kind: 'cost', deviation: 10 * MNOK, text: '10,0\u00a0MNOK over budsjett', comment: 'Nytt vaktsystem' },
    ]);
  });
});
