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
  /** Job title ("Driftsingeniør"); null in files without the optional `role` column. */
  role: string | null;
  import_run_id: number;
}

/** One position being recruited for: started, then filled (or cancelled). */
export interface RecruitmentTable {
  id: Generated<number>;
  /** The position's own reference (`position` column), unique. */
  position: string;
  unit: string;
  role: string;
  /** YYYY-MM-DD the recruitment started. */
  started: string;
  /** `open`, `filled` or `cancelled`. */
  status: string;
  /** YYYY-MM-DD the position was filled (status filled). */
  filled_on: string | null;
  updated_at: string;
  updated_by: string;
  import_run_id: number | null;
}

export interface EmployeeTables {
  employees: EmployeeTable;
  recruitments: RecruitmentTable;
}
