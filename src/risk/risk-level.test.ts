import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RISK_MATRIX,
  levelRangeText,
  levelsAtOrAbove,
  type RiskMatrix,
  riskLevel,
  riskScore,
  validateRiskMatrix,
} from './risk-level.ts';

describe('riskScore(P, C)', () => {
  it('is P × C without normalisation', () => {
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(5, 5)).toBe(25);
  });
});

describe('riskLevel(score) with the default matrix', () => {
  const key = (s: number) => riskLevel(s).key;
  it('is green (low) up to 4 and yellow (moderate) from 5', () => {
    expect(key(4)).toBe('low');
    expect(riskLevel(4).colourName).toBe('grønn');
    expect(key(5)).toBe('moderate');
    expect(riskLevel(5).colourName).toBe('gul');
  });
  it('is yellow at 6 and orange (high) from 8', () => {
    expect(key(6)).toBe('moderate');
    expect(key(8)).toBe('high');
    expect(riskLevel(8).colourName).toBe('oransje');
  });
  it('is orange at 12 and red (critical) from 15', () => {
    expect(key(12)).toBe('high');
    expect(key(15)).toBe('critical');
    expect(riskLevel(15).colourName).toBe('rød');
    expect(key(25)).toBe('critical');
  });
  it('covers every score from 1 to 25', () => {
    for (let s = 1; s <= 25; s++) expect(['low', 'moderate', 'high', 'critical']).toContain(key(s));
  });
});

describe('levelRangeText', () => {
  it('shows the reachable scores of each level as in the spec table', () => {
    expect(DEFAULT_RISK_MATRIX.levels.map((l) => levelRangeText(l))).toEqual(['1–4', '5–6', '8–12', '15–25']);
  });
});

describe('a configured matrix', () => {
  const custom: RiskMatrix = {
    ...DEFAULT_RISK_MATRIX,
    levels: [
      { key: 'low', label: 'Lav', colourName: 'grønn', colour: '#00aa00', letter: 'L', minScore: 1 },
      { key: 'high', label: 'Høy', colourName: 'rød', colour: '#aa0000', letter: 'H', minScore: 10 },
    ],
    reportingThreshold: 10,
  };
  it('moves the boundaries', () => {
    expect(riskLevel(9, custom).key).toBe('low');
    expect(riskLevel(10, custom).key).toBe('high');
  });
  it('names the levels at or above the threshold', () => {
    expect(levelsAtOrAbove(8).map((l) => l.colourName)).toEqual(['oransje', 'rød']);
    expect(levelsAtOrAbove(10, custom).map((l) => l.key)).toEqual(['high']);
  });
  it('is accepted when sound and rejected with Norwegian messages when not', () => {
    expect(validateRiskMatrix(DEFAULT_RISK_MATRIX)).toEqual([]);
    expect(validateRiskMatrix(custom)).toEqual([]);
    const broken: RiskMatrix = {
      ...custom,
      probabilityLabels: ['a', 'b'],
      levels: [{ ...custom.levels[0]!, minScore: 2, colour: 'green' }],
      reportingThreshold: 30,
    };
    const messages = validateRiskMatrix(broken).map((p) => p.message);
    expect(messages).toContain('skalaen må ha fem ikke-tomme etiketter');
    expect(messages).toContain('laveste nivå må starte på skår 1');
    expect(messages).toContain('nivå «Lav»: fargen må være #rrggbb');
    expect(messages).toContain('rapporteringsterskelen må være et heltall fra 1 til 25');
  });
});

describe('validateRiskMatrix at the limits of its ranges', () => {
  const withLevels = (minScores: number[]) => ({
    ...DEFAULT_RISK_MATRIX,
    levels: minScores.map((minScore, i) => ({ ...DEFAULT_RISK_MATRIX.levels[0]!, key: `k${i}`, letter: `${i}`, minScore })),
  });
  const fields = (m: RiskMatrix) => validateRiskMatrix(m).map((p) => p.messageEn);

  it('accepts a reporting threshold of 1 and 25 and rejects 0, 26 and 8,5', () => {
    expect(fields({ ...DEFAULT_RISK_MATRIX, reportingThreshold: 1 })).toEqual([]);
    expect(fields({ ...DEFAULT_RISK_MATRIX, reportingThreshold: 25 })).toEqual([]);
    for (const t of [0, 26, 8.5])
      expect(fields({ ...DEFAULT_RISK_MATRIX, reportingThreshold: t })).toEqual(['the reporting threshold must be 1–25']);
  });

  it('accepts level minimum scores up to 25 and rejects 26, a non-integer and a repeat', () => {
    expect(fields(withLevels([1, 25]))).toEqual([]);
    expect(fields(withLevels([1, 26]))).toEqual(['level "k1": minScore must be 1–25']);
    expect(fields(withLevels([1, 2.5]))).toEqual(['level "k1": minScore must be 1–25']);
    expect(fields(withLevels([1, 1]))).toEqual(['levels must ascend by minScore']);
    expect(fields(withLevels([0]))).toEqual(['the lowest level must start at score 1', 'level "k0": minScore must be 1–25']);
    expect(fields(withLevels([2]))).toEqual(['the lowest level must start at score 1']);
  });
});

describe('validateRiskMatrix names each problem with its field, in Norwegian and English', () => {
  const level = DEFAULT_RISK_MATRIX.levels[0]!;
  const problems = (m: Partial<RiskMatrix>) => validateRiskMatrix({ ...DEFAULT_RISK_MATRIX, ...m });

  it('scales: five non-empty labels', () => {
    const scale = {
      field: 'consequenceLabels',
      message: 'skalaen må ha fem ikke-tomme etiketter',
      messageEn: 'the scale needs five non-empty labels',
    };
    expect(problems({ consequenceLabels: ['a', 'b', 'c', 'd', ' '] })).toEqual([scale]);
    expect(problems({ consequenceLabels: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual([scale]);
    expect(problems({ probabilityLabels: ['a', 'b', 'c', 'd'] })).toEqual([{ ...scale, field: 'probabilityLabels' }]);
    expect(problems({ probabilityLabels: ['a', 'b', 'c', 'd', 'e'] })).toEqual([]);
  });

  it('levels: at least one, a letter of one character, key and label, unique keys and letters, #rrggbb', () => {
    expect(problems({ levels: [] })).toEqual([
      { field: 'levels', message: 'matrisen må ha minst ett nivå', messageEn: 'the matrix needs at least one level' },
    ]);
    expect(problems({ levels: [{ ...level, letter: 'LL' }] })).toEqual([
      { field: 'levels', message: 'nivå «Lav»: bokstaven må være ett tegn', messageEn: 'level "low": letter must be one character' },
    ]);
    expect(problems({ levels: [{ ...level, label: ' ' }] })).toEqual([
      { field: 'levels', message: 'hvert nivå må ha nøkkel og navn', messageEn: 'every level needs a key and a label' },
    ]);
    expect(problems({ levels: [{ ...level, key: '' }] }).map((p) => p.messageEn)).toEqual(['every level needs a key and a label']);
    const twin = { ...level, minScore: 5 };
    expect(problems({ levels: [level, { ...twin, letter: 'X' }] })).toEqual([
      { field: 'levels', message: 'nivånøklene må være unike', messageEn: 'level keys must be unique' },
    ]);
    expect(problems({ levels: [level, { ...twin, key: 'x' }] })).toEqual([
      { field: 'levels', message: 'nivåbokstavene må være unike', messageEn: 'level letters must be unique' },
    ]);
    expect(problems({ levels: [{ ...level, colour: '#12345g' }] })).toEqual([
      { field: 'levels', message: 'nivå «Lav»: fargen må være #rrggbb', messageEn: 'level "low": colour must be #rrggbb' },
    ]);
    expect(problems({ levels: [{ ...level, colour: '#AbC123' }] })).toEqual([]);
    expect(problems({ levels: [{ ...level, minScore: 0 }] })[1]).toEqual({
      field: 'levels',
      message: 'nivå «Lav»: laveste skår må være et heltall fra 1 til 25',
      messageEn: 'level "low": minScore must be 1–25',
    });
  });

  it('thresholds and axes', () => {
    expect(problems({ reportingThreshold: 0 })).toEqual([
      {
        field: 'reportingThreshold',
        message: 'rapporteringsterskelen må være et heltall fra 1 til 25',
        messageEn: 'the reporting threshold must be 1–25',
      },
    ]);
    expect(problems({ axes: 'probability-x' })).toEqual([]);
    expect(problems({ axes: 'diagonal' as RiskMatrix['axes'] })).toEqual([
      {
        field: 'axes',
        message: 'aksene må være «consequence-x» eller «probability-x»',
        messageEn: 'axes must be consequence-x or probability-x',
      },
    ]);
  });
});

describe('levelRangeText and riskLevel edge cases', () => {
  it('shows a single score without a range and "–" for a level no score reaches', () => {
    const m: RiskMatrix = {
      ...DEFAULT_RISK_MATRIX,
      levels: [
        { ...DEFAULT_RISK_MATRIX.levels[0]!, minScore: 1 },
        { ...DEFAULT_RISK_MATRIX.levels[1]!, minScore: 7 },
        { ...DEFAULT_RISK_MATRIX.levels[3]!, minScore: 25 },
      ],
    };
    expect(m.levels.map((l) => levelRangeText(l, m))).toEqual(['1–6', '8–20', '25']);
    expect(levelRangeText({ ...DEFAULT_RISK_MATRIX.levels[0]!, key: 'none' }, m)).toBe('–');
  });

  it('fails loudly on a matrix without levels', () => {
    expect(() => riskLevel(5, { ...DEFAULT_RISK_MATRIX, levels: [] })).toThrow('risk matrix has no levels');
  });
});

describe('validateRiskMatrix: anchored patterns and trimmed text', () => {
  const level = DEFAULT_RISK_MATRIX.levels[0]!;
  const en = (levels: RiskMatrix['levels']) => validateRiskMatrix({ ...DEFAULT_RISK_MATRIX, levels }).map((p) => p.messageEn);

  it('wants the whole colour to be #rrggbb and a letter and key that are not blank', () => {
    expect(en([{ ...level, colour: 'x#123456' }])).toEqual(['level "low": colour must be #rrggbb']);
    expect(en([{ ...level, colour: '#1234567' }])).toEqual(['level "low": colour must be #rrggbb']);
    expect(en([{ ...level, letter: ' ' }])).toEqual(['level "low": letter must be one character']);
    expect(en([{ ...level, letter: ' L ' }])).toEqual([]);
    expect(en([{ ...level, key: '  ' }])).toEqual(['every level needs a key and a label']);
  });

  it('levelsAtOrAbove includes the level of a score exactly at the threshold', () => {
    expect(levelsAtOrAbove(12).map((l) => l.key)).toEqual(['high', 'critical']);
    expect(levelsAtOrAbove(13).map((l) => l.key)).toEqual(['critical']);
  });
});

describe('validateRiskMatrix: the whole problem for order, start and non-text labels', () => {
  const level = DEFAULT_RISK_MATRIX.levels[0]!;
  const problems = (m: Partial<RiskMatrix>) => validateRiskMatrix({ ...DEFAULT_RISK_MATRIX, ...m });

  it('names the field and both messages when the levels do not ascend or do not start at 1', () => {
    expect(problems({ levels: [level, { ...level, key: 'b', letter: 'B', minScore: 1 }] })).toEqual([
      { field: 'levels', message: 'nivåene må stå i stigende rekkefølge', messageEn: 'levels must ascend by minScore' },
    ]);
    expect(problems({ levels: [{ ...level, minScore: 2 }] })).toEqual([
      { field: 'levels', message: 'laveste nivå må starte på skår 1', messageEn: 'the lowest level must start at score 1' },
    ]);
  });

  it('rejects a label that is not text (a saved matrix read back as JSON) instead of failing', () => {
    const notText = ['a', 'b', 'c', 'd', null] as unknown as string[];
    expect(problems({ consequenceLabels: notText })).toEqual([
      { field: 'consequenceLabels', message: 'skalaen må ha fem ikke-tomme etiketter', messageEn: 'the scale needs five non-empty labels' },
    ]);
  });
});
