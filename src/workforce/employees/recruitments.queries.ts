import type { Db } from '../../storage/db.ts';
import type { EmploymentPeriod, Recruitment, RecruitmentStatus } from './hiring.ts';

/** Every stored employment period with unit and role, for the hiring engines. */
export async function findEmploymentPeriods(db: Db): Promise<EmploymentPeriod[]> {
  const rows = await db
    .selectFrom('employees')
    .select(['employee_id', 'valid_from', 'valid_to', 'position_fraction', 'unit', 'role'])
    .orderBy('employee_id')
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({
    employeeId: r.employee_id,
    from: r.valid_from,
    to: r.valid_to,
    fraction: Number(r.position_fraction),
    unit: r.unit,
    role: r.role,
  }));
}

export async function findRecruitments(db: Db): Promise<Recruitment[]> {
  const rows = await db.selectFrom('recruitments').selectAll().orderBy('started').orderBy('position').execute();
  return rows.map((r) => ({
    position: r.position,
    unit: r.unit,
    role: r.role,
    started: r.started,
    status: r.status as RecruitmentStatus,
    filledOn: r.filled_on,
  }));
}

/** Inserts or replaces recruitments by `position`. */
export async function saveRecruitments(
  db: Db,
  rows: readonly Recruitment[],
  meta: { now: string; by: string; importRunId: number | null },
): Promise<void> {
  for (const r of rows) {
    await db.deleteFrom('recruitments').where('position', '=', r.position).execute();
    await db
      .insertInto('recruitments')
      .values({
        position: r.position,
        unit: r.unit,
        role: r.role,
        started: r.started,
        status: r.status,
        filled_on: r.filledOn,
        updated_at: meta.now,
        updated_by: meta.by,
        import_run_id: meta.importRunId,
      })
      .execute();
  }
}
