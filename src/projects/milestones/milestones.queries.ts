import type { Db } from '../../storage/db.ts';
import type { Milestone, MilestoneKind, PlannedChange } from './milestones.ts';

type MilestoneRow = {
  project: string;
  milestone: string;
  name: string;
  kind: string;
  baseline: string | null;
  planned: string | null;
  actual: string | null;
  amount_ore: number | null;
  follows: string | null;
};

const toMilestone = (r: MilestoneRow): Milestone => ({
  project: r.project,
  id: r.milestone,
  name: r.name,
  kind: r.kind as MilestoneKind,
  baseline: r.baseline,
  planned: r.planned,
  actual: r.actual,
  amountOre: r.amount_ore === null ? null : Number(r.amount_ore),
  follows: r.follows,
});

/** A project's milestones in plan order (baseline, then id). */
export async function listMilestones(db: Db, project: string): Promise<Milestone[]> {
  const rows = await db.selectFrom('project_milestones').selectAll().where('project', '=', project).execute();
  return rows
    .map(toMilestone)
    .sort((a, b) => (a.baseline ?? a.planned ?? '9').localeCompare(b.baseline ?? b.planned ?? '9') || a.id.localeCompare(b.id));
}

/** Every planned-date change of a project, oldest first. */
export async function listChanges(db: Db, project: string): Promise<PlannedChange[]> {
  const rows = await db
    .selectFrom('project_milestone_changes')
    .selectAll()
    .where('project', '=', project)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    project: r.project,
    milestone: r.milestone,
    changedAt: r.changed_at,
    oldDate: r.old_date,
    newDate: r.new_date,
    reason: r.reason,
    changedBy: r.changed_by,
  }));
}

/** Changes recorded in a month over all projects (for the KPI). */
export async function countMovedMilestones(db: Db, fromIso: string, toIso: string): Promise<number> {
  const rows = await db
    .selectFrom('project_milestone_changes')
    .select(['project', 'milestone'])
    .where('changed_at', '>=', fromIso)
    .where('changed_at', '<', toIso)
    .distinct()
    .execute();
  return rows.length;
}

/** Writes milestones (insert or update by project + id) and appends the changes. */
export async function saveMilestones(
  db: Db,
  milestones: readonly Milestone[],
  changes: readonly PlannedChange[],
  meta: { now: string; importRunId: number | null },
): Promise<void> {
  for (const m of milestones) {
    const values = {
      name: m.name,
      kind: m.kind,
      baseline: m.baseline,
      planned: m.planned,
      actual: m.actual,
      amount_ore: m.amountOre,
      follows: m.follows,
      updated_at: meta.now,
    };
    const found = await db
      .selectFrom('project_milestones')
      .select('id')
      .where('project', '=', m.project)
      .where('milestone', '=', m.id)
      .executeTakeFirst();
    if (found) await db.updateTable('project_milestones').set(values).where('id', '=', found.id).execute();
    else
      await db
        .insertInto('project_milestones')
        .values({ project: m.project, milestone: m.id, ...values })
        .execute();
  }
  if (changes.length === 0) return;
  await db
    .insertInto('project_milestone_changes')
    .values(
      changes.map((c) => ({
        project: c.project,
        milestone: c.milestone,
        changed_at: c.changedAt,
        old_date: c.oldDate,
        new_date: c.newDate,
        reason: c.reason,
        changed_by: c.changedBy,
        import_run_id: meta.importRunId,
      })),
    )
    .execute();
}
