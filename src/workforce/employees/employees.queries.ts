import type { Db } from '../../storage/db.ts';
import type { EmployeeRow } from './employees.parse.ts';
import type { EmployeeTable } from './employees.table.ts';

/** One employment period: position fraction (0–1) between two inclusive dates (to null = open). */
export interface PositionPeriod {
  from: string;
  to: string | null;
  fraction: number;
}

export interface Employee {
  id: string;
  name: string | null;
  /** Outside AML chapter 10 (senior/independent); taken from the latest period. */
  exempt: boolean;
  unit: string | null;
  /** Sorted by `from`, never overlapping. */
  positions: PositionPeriod[];
}

const CHUNK = 500;

/** Deletes every stored period of the employees in `rows`, then inserts `rows`. */
export async function replaceEmployees(db: Db, rows: EmployeeRow[], runId: number): Promise<void> {
  const ids = [...new Set(rows.map((r) => r.employeeId))];
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db
      .deleteFrom('employees')
      .where('employee_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('employees')
      .values(
        rows.slice(i, i + CHUNK).map((r) => ({
          employee_id: r.employeeId,
          name: r.name,
          position_fraction: r.positionFraction,
          valid_from: r.validFrom,
          valid_to: r.validTo,
          exempt: r.exempt ? 1 : 0,
          unit: r.unit,
          role: r.role,
          import_run_id: runId,
        })),
      )
      .execute();
  }
}

type StoredRow = Pick<EmployeeTable, 'employee_id' | 'name' | 'position_fraction' | 'valid_from' | 'valid_to' | 'exempt' | 'unit'>;

/** Groups stored rows (sorted by employee, valid_from) into employees. */
export function toEmployees(rows: StoredRow[]): Employee[] {
  const out: Employee[] = [];
  let current: Employee | undefined;
  for (const r of rows) {
    if (!current || current.id !== r.employee_id) {
      current = { id: r.employee_id, name: null, exempt: false, unit: null, positions: [] };
      out.push(current);
    }
    current.positions.push({ from: r.valid_from, to: r.valid_to, fraction: Number(r.position_fraction) });
    // The latest period wins for the descriptive fields.
    current.name = r.name ?? current.name;
    current.unit = r.unit ?? current.unit;
    current.exempt = Number(r.exempt) === 1;
  }
  return out;
}

/** Every employee (or those in `ids`), sorted by id. */
export async function findEmployees(db: Db, options: { ids?: string[] } = {}): Promise<Employee[]> {
  let q = db
    .selectFrom('employees')
    .select(['employee_id', 'name', 'position_fraction', 'valid_from', 'valid_to', 'exempt', 'unit'])
    .orderBy('employee_id')
    .orderBy('valid_from');
  if (options.ids) {
    if (options.ids.length === 0) return [];
    q = q.where('employee_id', 'in', options.ids);
  }
  return toEmployees(await q.execute());
}

/** The position fraction of an employee on a date (0 outside every period). */
export function fractionOn(employee: Employee, date: string): number {
  for (const p of employee.positions) {
    if (p.from <= date && (p.to === null || date <= p.to)) return p.fraction;
  }
  return 0;
}

/** The subset of `ids` that exist in the employees table. */
export async function existingEmployeeIds(db: Db, ids: Iterable<string>): Promise<Set<string>> {
  const all = [...new Set(ids)];
  const found = new Set<string>();
  for (let i = 0; i < all.length; i += CHUNK) {
    const rows = await db
      .selectFrom('employees')
      .select('employee_id')
      .distinct()
      .where('employee_id', 'in', all.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) found.add(r.employee_id);
  }
  return found;
}
