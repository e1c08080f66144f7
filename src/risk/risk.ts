/**
 * The enterprise risk register (specs/risk.md): risks, their periodic assessments and the pure
 * engine that answers "what is the register in period X": the assessment in force (carried forward
 * until replaced), movement since the previous period, the at-or-above-threshold list and roll-forward.
 * No I/O here: the caller passes risks, assessments and the matrix in.
 */
import { addMonths, type IsoDate, lastDayOfMonth, monthOf, type YearMonth } from '../shared/period.ts';
import { DEFAULT_RISK_MATRIX, type RiskLevelDef, type RiskMatrix, riskLevel, riskScore } from './risk-level.ts';

export const ENTERPRISE_SCOPE = 'enterprise';

export interface Risk {
  /** e.g. `OR-631`; unique, never reused */
  id: string;
  title: string;
  description: string;
  owner: string;
  category: string;
  /** `enterprise` or a project id */
  scope: string;
  opened: IsoDate;
  /** null while open */
  closed: IsoDate | null;
}

export type AssessmentState = 'final' | 'draft';
export type AssessmentSource = 'form' | 'api' | 'import' | 'roll-forward';

/** The fields a person (or an import) gives for one assessment. */
export interface AssessmentInput {
  riskId: string;
  period: YearMonth;
  probability: number;
  consequence: number;
  statusText: string;
  assessedBy: string;
  assessedAt: IsoDate;
  state: AssessmentState;
}

/** A stored assessment: every row is kept; a later row for the same period supersedes an earlier one. */
export interface Assessment extends AssessmentInput {
  id: number;
  source: AssessmentSource;
  /** ISO instant the row was written. */
  recordedAt: string;
  recordedBy: string;
}

/** Category codes with Norwegian labels; any other text is shown as written. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  economy: 'Økonomi',
  delivery: 'Leveranse',
  security: 'Sikkerhet',
  personnel: 'Personell',
  operations: 'Drift',
  compliance: 'Etterlevelse',
};

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

export function scopeLabel(scope: string): string {
  return scope === ENTERPRISE_SCOPE ? 'Foretaket' : `Prosjekt ${scope}`;
}

const idCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural order of risk ids: OR-99 before OR-100. */
export function compareRiskIds(a: string, b: string): number {
  return idCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Open at the end of the period: opened by then and not closed by then. */
export function isOpenAt(risk: Risk, period: YearMonth): boolean {
  const end = lastDayOfMonth(period);
  return risk.opened <= end && (risk.closed === null || risk.closed > end);
}

export function closedIn(risk: Risk, period: YearMonth): boolean {
  return risk.closed !== null && monthOf(risk.closed) === period;
}

/** Order of record: period, then knowledge time, then row id. */
export function compareAssessments(a: Assessment, b: Assessment): number {
  return a.period.localeCompare(b.period) || a.recordedAt.localeCompare(b.recordedAt) || a.id - b.id;
}

/**
 * The assessment in force for a risk in `period`: the newest assessment of the newest period
 * ≤ `period`. An assessment carries forward until a later period gets its own.
 */
export function assessmentInForce(assessments: readonly Assessment[], riskId: string, period: YearMonth): Assessment | undefined {
  let best: Assessment | undefined;
  for (const a of assessments) {
    if (a.riskId !== riskId || a.period > period) continue;
    if (!best || compareAssessments(a, best) > 0) best = a;
  }
  return best;
}

export type MovementKind = 'up' | 'down' | 'same' | 'new' | 'closed';

export interface Movement {
  kind: MovementKind;
  /** Score in force in the previous period (null when there was none). */
  previousScore: number | null;
  /** score − previousScore, null for new risks */
  change: number | null;
}

export interface RegisterEntry {
  risk: Risk;
  /** In force for the period (maybe carried forward); null when the risk was never assessed. */
  assessment: Assessment | null;
  /** True when the assessment in force belongs to an earlier period. */
  carriedForward: boolean;
  score: number | null;
  level: RiskLevelDef | null;
  /** Open at the end of the period. */
  open: boolean;
  movement: Movement;
}

/** Movement of one risk from the previous period to `period` (specs/risk.md "Movement"). */
export function movementOf(risk: Risk, assessments: readonly Assessment[], period: YearMonth): Movement {
  const previous = addMonths(period, -1);
  const cur = assessmentInForce(assessments, risk.id, period);
  const prev = isOpenAt(risk, previous) ? assessmentInForce(assessments, risk.id, previous) : undefined;
  const score = cur ? riskScore(cur.probability, cur.consequence) : null;
  const previousScore = prev ? riskScore(prev.probability, prev.consequence) : null;
  const change = score !== null && previousScore !== null ? score - previousScore : null;
  if (risk.closed !== null && risk.closed <= lastDayOfMonth(period)) return { kind: 'closed', previousScore, change };
  if (change === null) return { kind: 'new', previousScore, change: null };
  return { kind: change > 0 ? 'up' : change < 0 ? 'down' : 'same', previousScore, change };
}

/** Every risk opened by the end of `period`, with its assessment in force, level and movement. */
export function registerAt(
  risks: readonly Risk[],
  assessments: readonly Assessment[],
  period: YearMonth,
  matrix: RiskMatrix = DEFAULT_RISK_MATRIX,
): RegisterEntry[] {
  const end = lastDayOfMonth(period);
  return risks
    .filter((r) => r.opened <= end)
    .map((risk) => {
      const a = assessmentInForce(assessments, risk.id, period) ?? null;
      const score = a ? riskScore(a.probability, a.consequence) : null;
      return {
        risk,
        assessment: a,
        carriedForward: a !== null && a.period < period,
        score,
        level: score === null ? null : riskLevel(score, matrix),
        open: isOpenAt(risk, period),
        movement: movementOf(risk, assessments, period),
      };
    })
    .sort((x, y) => compareRiskIds(x.risk.id, y.risk.id));
}

/** Score descending, then id: the order of the report's list. */
export function compareByScoreThenId(a: RegisterEntry, b: RegisterEntry): number {
  return (b.score ?? 0) - (a.score ?? 0) || compareRiskIds(a.risk.id, b.risk.id);
}

/**
 * The report's "Foretakets åpne risikoer på nivå N eller høyere": open enterprise risks whose
 * score in force is ≥ the threshold, by score descending, then id.
 */
export function atOrAboveThreshold(entries: readonly RegisterEntry[], threshold: number, scope = ENTERPRISE_SCOPE): RegisterEntry[] {
  return entries.filter((e) => e.open && e.risk.scope === scope && e.score !== null && e.score >= threshold).sort(compareByScoreThenId);
}

export interface MovementSummary {
  up: number;
  down: number;
  same: number;
  new: number;
  /** Closed during the period (not risks closed earlier). */
  closed: number;
}

export function summariseMovement(entries: readonly RegisterEntry[], period: YearMonth): MovementSummary {
  const out: MovementSummary = { up: 0, down: 0, same: 0, new: 0, closed: 0 };
  for (const e of entries) {
    if (e.movement.kind === 'closed') {
      if (closedIn(e.risk, period)) out.closed++;
    } else if (e.open) out[e.movement.kind]++;
  }
  return out;
}

/**
 * Roll-forward to `target`: for every risk open in `target` without an assessment of its own there,
 * a draft copy of the latest earlier assessment. Existing rows are never touched; running it twice
 * adds nothing the second time.
 */
export function rollForwardDrafts(risks: readonly Risk[], assessments: readonly Assessment[], target: YearMonth): AssessmentInput[] {
  const out: AssessmentInput[] = [];
  for (const risk of [...risks].sort((a, b) => compareRiskIds(a.id, b.id))) {
    if (!isOpenAt(risk, target)) continue;
    if (assessments.some((a) => a.riskId === risk.id && a.period === target)) continue;
    const latest = assessmentInForce(assessments, risk.id, addMonths(target, -1));
    if (!latest) continue;
    out.push({
      riskId: risk.id,
      period: target,
      probability: latest.probability,
      consequence: latest.consequence,
      statusText: latest.statusText,
      assessedBy: latest.assessedBy,
      assessedAt: latest.assessedAt,
      state: 'draft',
    });
  }
  return out;
}

/** Score per period from `from` to `to` (carry-forward applied), for the risk detail's timeline. */
export function scoreTimeline(
  assessments: readonly Assessment[],
  riskId: string,
  from: YearMonth,
  to: YearMonth,
): { period: YearMonth; score: number | null; own: boolean }[] {
  const out: { period: YearMonth; score: number | null; own: boolean }[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) {
    const a = assessmentInForce(assessments, riskId, p);
    out.push({ period: p, score: a ? riskScore(a.probability, a.consequence) : null, own: a?.period === p });
  }
  return out;
}
