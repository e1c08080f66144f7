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
