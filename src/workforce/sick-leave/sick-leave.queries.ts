/** Data access for sick leave: absence records in and out, and the engine's input for a set of months. */
import { addDays, firstDayOfMonth, lastDayOfMonth, type YearMonth } from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';
import { findEmployees } from '../employees/employees.queries.ts';
import type { AbsenceTable } from './sick-leave.table.ts';
import { type Absence, SHORT_TERM_MAX_DAYS, type SickLeaveEmployee } from './sick-leave.ts';

const CHUNK = 500;

export async function insertAbsences(db: Db, rows: readonly Absence[], runId: number): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('absences')
      .values(
        rows.slice(i, i + CHUNK).map((a) => ({
          employee_id: a.employeeId,
          from_date: a.from,
          to_date: a.to,
          grade: a.grade,
          type: a.type,
          registered_at: a.registeredAt,
          import_run_id: runId,
        })),
      )
      .execute();
  }
}

type StoredAbsence = Pick<AbsenceTable, 'employee_id' | 'from_date' | 'to_date' | 'grade' | 'type' | 'registered_at'>;

export function toAbsence(r: StoredAbsence): Absence {
  return {
    employeeId: r.employee_id,
    from: r.from_date,
    to: r.to_date,
    grade: Number(r.grade),
    type: r.type,
    registeredAt: r.registered_at,
  };
}

/**
 * Absences overlapping [from − margin, to + margin]. The margin lets the engine see the whole length
 * of a case that crosses the window's edges: a case reaching more than 16 days beyond an edge is
 * long-term whatever lies further out, so any margin above 16 days gives exact bands.
 */
export async function findAbsences(db: Db, window: { from: string; to: string }): Promise<Absence[]> {
  const margin = 2 * SHORT_TERM_MAX_DAYS;
  const rows = await db
    .selectFrom('absences')
    .select(['employee_id', 'from_date', 'to_date', 'grade', 'type', 'registered_at'])
    .where('to_date', '>=', addDays(window.from, -margin))
    .where('from_date', '<=', addDays(window.to, margin))
    .orderBy('employee_id')
    .orderBy('from_date')
    .orderBy('id')
    .execute();
  return rows.map(toAbsence);
}

export async function countAbsences(db: Db): Promise<number> {
  const row = await db
    .selectFrom('absences')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SickLeaveInput {
  employees: SickLeaveEmployee[];
  absences: Absence[];
  months: YearMonth[];
}

/** Everything the engine needs for `months` (which need not be contiguous). */
export async function loadSickLeaveInput(db: Db, months: readonly YearMonth[]): Promise<SickLeaveInput> {
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return { employees: [], absences: [], months: [] };
  const [employees, absences] = await Promise.all([
    findEmployees(db),
    findAbsences(db, { from: firstDayOfMonth(first), to: lastDayOfMonth(last) }),
  ]);
  return { employees, absences, months: sorted };
}
