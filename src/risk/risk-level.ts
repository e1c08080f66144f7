/**
 * The risk matrix: score → level, the organisation's scale labels, level colours and the reporting
 * threshold (specs/risk.md). Pure; the matrix in force is read from the database by risk.queries.ts.
 */

export interface RiskLevelDef {
  /** Stable key: `low`, `moderate`, `high`, `critical` by default. */
  key: string;
  /** Norwegian label ("Høy"). */
  label: string;
  /** Norwegian colour name ("oransje"), as the report text says "oransje og rødt nivå". */
  colourName: string;
  /** #rrggbb */
  colour: string;
  /** One letter drawn in heat-map cells so levels are distinguishable without colour. */
  letter: string;
  /** Lowest score of the level; the level runs up to the next level's minScore − 1. */
  minScore: number;
}

/** `consequence-x`: consequence on the x-axis, probability on the y-axis (the spec's default). */
export type AxisOrientation = 'consequence-x' | 'probability-x';

export interface RiskMatrix {
  /** Five Norwegian labels, index 0 is probability 1. */
  probabilityLabels: readonly string[];
  consequenceLabels: readonly string[];
  /** Ascending by minScore; the first starts at 1. */
  levels: readonly RiskLevelDef[];
  reportingThreshold: number;
  axes: AxisOrientation;
}

export const SCALE = [1, 2, 3, 4, 5] as const;

export const DEFAULT_RISK_MATRIX: RiskMatrix = Object.freeze({
  probabilityLabels: ['Svært lite sannsynlig', 'Lite sannsynlig', 'Mulig', 'Sannsynlig', 'Svært sannsynlig'],
  consequenceLabels: ['Ubetydelig', 'Mindre alvorlig', 'Alvorlig', 'Svært alvorlig', 'Katastrofal'],
  levels: [
    { key: 'low', label: 'Lav', colourName: 'grønn', colour: '#6abf69', letter: 'L', minScore: 1 },
    { key: 'moderate', label: 'Moderat', colourName: 'gul', colour: '#ffd54f', letter: 'M', minScore: 5 },
    { key: 'high', label: 'Høy', colourName: 'oransje', colour: '#f7a047', letter: 'H', minScore: 8 },
    { key: 'critical', label: 'Kritisk', colourName: 'rød', colour: '#e8625c', letter: 'K', minScore: 15 },
  ],
  reportingThreshold: 8,
  axes: 'consequence-x',
});

/** Score = P × C, 1–25, no normalisation. */
export function riskScore(probability: number, consequence: number): number {
  return probability * consequence;
}

/** The level a score falls in: the last level whose minScore ≤ score. */
export function riskLevel(score: number, matrix: RiskMatrix = DEFAULT_RISK_MATRIX): RiskLevelDef {
  let found = matrix.levels[0];
  for (const level of matrix.levels) if (score >= level.minScore) found = level;
  if (!found) throw new Error('risk matrix has no levels');
  return found;
}

/** Every score a 5×5 matrix can produce (1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25). */
export const POSSIBLE_SCORES: readonly number[] = [...new Set(SCALE.flatMap((p) => SCALE.map((c) => p * c)))].sort((a, b) => a - b);

/** The possible scores of a level as text: "8–12", "1–4", "25". */
export function levelRangeText(level: RiskLevelDef, matrix: RiskMatrix = DEFAULT_RISK_MATRIX): string {
  const scores = POSSIBLE_SCORES.filter((s) => riskLevel(s, matrix).key === level.key);
  const first = scores[0];
  const last = scores[scores.length - 1];
  // Stryker disable next-line LogicalOperator,ConditionalExpression: first and last come from one array, so both are undefined or neither is; any one half decides it.
  if (first === undefined || last === undefined) return '–';
  return first === last ? String(first) : `${first}–${last}`;
}

/** Levels at or above the reporting threshold, e.g. "oransje og rødt" for the report. */
export function levelsAtOrAbove(threshold: number, matrix: RiskMatrix = DEFAULT_RISK_MATRIX): RiskLevelDef[] {
  return matrix.levels.filter((l) => POSSIBLE_SCORES.some((s) => s >= threshold && riskLevel(s, matrix).key === l.key));
}

export interface MatrixProblem {
  field: string;
  message: string;
  messageEn: string;
}

/** Checks a matrix an administrator saves; [] when it is usable. */
export function validateRiskMatrix(m: RiskMatrix): MatrixProblem[] {
  const out: MatrixProblem[] = [];
  const add = (field: string, message: string, messageEn: string) => out.push({ field, message, messageEn });
  for (const [field, labels] of [
    ['probabilityLabels', m.probabilityLabels],
    ['consequenceLabels', m.consequenceLabels],
  ] as const) {
    if (labels.length !== 5 || labels.some((l) => typeof l !== 'string' || l.trim() === '')) {
      add(field, 'skalaen må ha fem ikke-tomme etiketter', 'the scale needs five non-empty labels');
    }
  }
  if (m.levels.length === 0) add('levels', 'matrisen må ha minst ett nivå', 'the matrix needs at least one level');
  m.levels.forEach((l, i) => {
    const prev = m.levels[i - 1];
    if (i === 0 && l.minScore !== 1) add('levels', 'laveste nivå må starte på skår 1', 'the lowest level must start at score 1');
    if (!Number.isInteger(l.minScore) || l.minScore < 1 || l.minScore > 25) {
      add('levels', `nivå «${l.label}»: laveste skår må være et heltall fra 1 til 25`, `level "${l.key}": minScore must be 1–25`);
    }
    if (prev && l.minScore <= prev.minScore) add('levels', 'nivåene må stå i stigende rekkefølge', 'levels must ascend by minScore');
    if (!/^#[0-9a-fA-F]{6}$/.test(l.colour))
      add('levels', `nivå «${l.label}»: fargen må være #rrggbb`, `level "${l.key}": colour must be #rrggbb`);
    if (l.letter.trim().length !== 1)
      add('levels', `nivå «${l.label}»: bokstaven må være ett tegn`, `level "${l.key}": letter must be one character`);
    if (l.label.trim() === '' || l.key.trim() === '')
      add('levels', 'hvert nivå må ha nøkkel og navn', 'every level needs a key and a label');
  });
  if (new Set(m.levels.map((l) => l.key)).size !== m.levels.length) add('levels', 'nivånøklene må være unike', 'level keys must be unique');
  if (new Set(m.levels.map((l) => l.letter)).size !== m.levels.length)
    add('levels', 'nivåbokstavene må være unike', 'level letters must be unique');
  if (!Number.isInteger(m.reportingThreshold) || m.reportingThreshold < 1 || m.reportingThreshold > 25) {
    add('reportingThreshold', 'rapporteringsterskelen må være et heltall fra 1 til 25', 'the reporting threshold must be 1–25');
  }
  if (m.axes !== 'consequence-x' && m.axes !== 'probability-x') {
    add('axes', 'aksene må være «consequence-x» eller «probability-x»', 'axes must be consequence-x or probability-x');
  }
  return out;
}
