/**
 * Applies incoming milestone rows (a CSV import or the web form) to the stored plan: new milestones
 * are added, a changed planned date becomes a recorded change and moves the followers. Pure.
 */
import { changePlannedDate, type Milestone, type PlannedChange } from './milestones.ts';

export interface IncomingMilestone extends Milestone {
  reason: string;
}

export interface ApplyResult {
  milestones: Milestone[];
  changes: PlannedChange[];
  /** Rows whose planned date changed without a reason (index into the incoming rows). */
  missingReason: number[];
}

export function applyMilestoneRows(
  stored: readonly Milestone[],
  incoming: readonly IncomingMilestone[],
  meta: { at: string; by: string },
): ApplyResult {
  const before = new Map(stored.map((m) => [`${m.project}/${m.id}`, m]));
  let current = new Map(stored.map((m) => [`${m.project}/${m.id}`, { ...m }]));
  const changes: PlannedChange[] = [];
  const missingReason: number[] = [];
  incoming.forEach((row, index) => {
    const key = `${row.project}/${row.id}`;
    const old = before.get(key);
    const now = current.get(key);
    const { reason, ...fields } = row;
    if (!old || !now) {
      current.set(key, { ...fields, baseline: fields.baseline ?? fields.planned });
      return;
    }
    // A planned date equal to the stored one means "unchanged by this row": a follower moved by its
    // leader earlier in the same file keeps its new date.
    const plannedChanged = row.planned !== old.planned && row.planned !== now.planned;
    current.set(key, { ...now, ...fields, baseline: fields.baseline ?? old.baseline, planned: now.planned });
    if (!plannedChanged) return;
    if (reason.trim() === '') missingReason.push(index);
    const result = changePlannedDate([...current.values()], {
      project: row.project,
      milestone: row.id,
      newDate: row.planned,
      reason,
      at: meta.at,
      by: meta.by,
    });
    changes.push(...result.changes);
    const next = new Map(current);
    for (const m of result.milestones) next.set(`${m.project}/${m.id}`, m);
    current = next;
  });
  return { milestones: [...current.values()], changes, missingReason };
}
