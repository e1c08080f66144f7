/** The JSON shapes of the register (API responses; the web pages read the same shapes). */
import { type Assessment, compareAssessments, type RegisterEntry } from './risk.ts';
import { type RiskMatrix, riskLevel, riskScore } from './risk-level.ts';

export function registerEntryJson(e: RegisterEntry) {
  const a = e.assessment;
  return {
    id: e.risk.id,
    title: e.risk.title,
    owner: e.risk.owner,
    category: e.risk.category,
    scope: e.risk.scope,
    opened: e.risk.opened,
    closed: e.risk.closed,
    open: e.open,
    probability: a?.probability ?? null,
    consequence: a?.consequence ?? null,
    score: e.score,
    level: e.level?.key ?? null,
    levelLabel: e.level?.label ?? null,
    statusText: a?.statusText ?? null,
    assessmentPeriod: a?.period ?? null,
    carriedForward: e.carriedForward,
    state: a?.state ?? null,
    movement: e.movement.kind,
    previousScore: e.movement.previousScore,
    scoreChange: e.movement.change,
  };
}

export function assessmentJson(a: Assessment, matrix: RiskMatrix, superseded = false) {
  const score = riskScore(a.probability, a.consequence);
  return { ...a, score, level: riskLevel(score, matrix).key, superseded };
}

/** Every assessment of a risk, newest first, with `superseded` marking rows a later one replaced. */
export function historyOf(assessments: readonly Assessment[], matrix: RiskMatrix) {
  const sorted = [...assessments].sort(compareAssessments);
  return sorted
    .map((a, i) =>
      assessmentJson(
        a,
        matrix,
        sorted.slice(i + 1).some((b) => b.period === a.period),
      ),
    )
    .reverse();
}
