import type { Generated } from 'kysely';

/** One absence record (sykefraværsperiode) as imported; cases are built by the engine, not stored. */
export interface AbsenceTable {
  id: Generated<number>;
  employee_id: string;
  /** YYYY-MM-DD, inclusive. */
  from_date: string;
  /** YYYY-MM-DD, inclusive. */
  to_date: string;
  /** 0.2–1.0 */
  grade: number;
  type: 'self' | 'doctor';
  /** ISO instant (UTC) the record was registered in the source system. */
  registered_at: string;
  import_run_id: number;
}

export interface SickLeaveTables {
  absences: AbsenceTable;
}
