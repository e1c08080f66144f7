import type { Generated } from 'kysely';

/** One employment period of an employee: several rows per employee when the position fraction changes. */
export interface EmployeeTable {
  id: Generated<number>;
  employee_id: string;
  name: string | null;
  /** 0–1 (1 = full time). */
  position_fraction: number;
  /** YYYY-MM-DD, inclusive. */
  valid_from: string;
  /** YYYY-MM-DD, inclusive; null = open-ended. */
  valid_to: string | null;
  /** 1 = senior/independent position outside AML chapter 10 (never evaluated). */
  exempt: number;
  unit: string | null;
  import_run_id: number;
}

export interface EmployeeTables {
  employees: EmployeeTable;
}
