/**
 * Milestones and the history of their planned dates (specs/projects.md §2). Pure: dates and the
 * change instant come in as data; nothing here reads the clock.
 */
import { addDays, daysBetween, type IsoDate, localDateOf, type YearMonth } from '../../shared/period.ts';

export const MILESTONE_KINDS = ['delivery', 'acceptance', 'payment', 'other'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const KIND_LABELS: Record<MilestoneKind, string> = {
  delivery: 'Leveranse',
  acceptance: 'Akseptanse',
  payment: 'Betaling',
  other: 'Annet',
};

export interface Milestone {
  project: string;
  /** `CAT`, `PM4` … unique within the project. */
  id: string;
  name: string;
  kind: MilestoneKind;
  /** First approved plan. */
  baseline: IsoDate | null;
  /** Current planned date. */
  planned: IsoDate | null;
  actual: IsoDate | null;
  /** NOK in øre (payment milestones). */
  amountOre: number | null;
  /** The milestone this one moves with (a payment milestone following its delivery). */
  follows: string | null;
}

/** One recorded change of a milestone's planned date. */
export interface PlannedChange {
  project: string;
  milestone: string;
  /** ISO instant */
  changedAt: string;
  oldDate: IsoDate | null;
  newDate: IsoDate | null;
  reason: string;
  changedBy: string;
}

/** Current planned − baseline in calendar days; null without both dates. */
export function slipDays(m: Pick<Milestone, 'baseline' | 'planned'>): number | null {
  if (!m.baseline || !m.planned) return null;
  return daysBetween(m.baseline, m.planned);
}

/** The month (Europe/Oslo) a change was recorded in. */
export function changeMonth(c: Pick<PlannedChange, 'changedAt'>): YearMonth {
  return localDateOf(Date.parse(c.changedAt)).slice(0, 7);
}

/** The changes of one milestone recorded in `period`, oldest first. */
export function changesInMonth(changes: readonly PlannedChange[], period: YearMonth): PlannedChange[] {
  return changes.filter((c) => changeMonth(c) === period).sort((a, b) => a.changedAt.localeCompare(b.changedAt));
}

/** A milestone has moved in a month when a change of its planned date was recorded in that month. */
export function movedInMonth(m: Pick<Milestone, 'project' | 'id'>, changes: readonly PlannedChange[], period: YearMonth): boolean {
  return changes.some((c) => c.project === m.project && c.milestone === m.id && changeMonth(c) === period);
}

export interface PlanChangeRequest {
  project: string;
  milestone: string;
  newDate: IsoDate | null;
  reason: string;
  at: string;
  by: string;
}

export interface PlanChangeResult {
  /** Every milestone of the project after the change (followers moved). */
  milestones: Milestone[];
  /** The changes to record: the milestone itself first, then each follower moved with it. */
  changes: PlannedChange[];
}

/**
 * Moves a milestone's planned date and every milestone that follows it (directly or through
 * another follower) by the same number of days. Followers without a planned date stay as they are.
 */
export function changePlannedDate(milestones: readonly Milestone[], req: PlanChangeRequest): PlanChangeResult {
  const byId = new Map(milestones.filter((m) => m.project === req.project).map((m) => [m.id, { ...m }]));
  const target = byId.get(req.milestone);
  if (!target || target.planned === req.newDate) return { milestones: [...byId.values()], changes: [] };
  const changes: PlannedChange[] = [];
  const record = (m: Milestone, newDate: IsoDate | null, reason: string) => {
    changes.push({ project: req.project, milestone: m.id, changedAt: req.at, oldDate: m.planned, newDate, reason, changedBy: req.by });
    m.planned = newDate;
  };
  const delta = target.planned && req.newDate ? daysBetween(target.planned, req.newDate) : null;
  record(target, req.newDate, req.reason);
  const moved = new Set([target.id]);
  const queue = [target.id];
  while (queue.length > 0) {
    const leader = queue.shift() as string;
    for (const m of byId.values()) {
      if (m.follows !== leader || moved.has(m.id)) continue;
      moved.add(m.id);
      queue.push(m.id);
      // Stryker disable next-line ConditionalExpression: delta is never 0 here (an unchanged date returns above, two different dates are never 0 days apart); the guard only documents it.
      if (delta === null || !m.planned || delta === 0) continue;
      record(m, addDays(m.planned, delta), `Følger ${req.milestone}: ${req.reason}`.trim());
    }
  }
  return { milestones: [...byId.values()], changes };
}
