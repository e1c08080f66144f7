import type { Generated } from 'kysely';

/** One imported time record; instants as epoch milliseconds (the engine's unit). */
export interface TimeRecordTable {
  id: Generated<number>;
  employee_id: string;
  start_ms: number;
  end_ms: number;
  kind: 'ordinary' | 'overtime' | 'callout';
  cause: string | null;
  /** When the record was approved/registered in the source system (knownAt filters on it). */
  registered_ms: number;
  /**
   * Idempotency key `<employee>|<start_ms>|<end_ms>|<kind>|<cause>`: a newer export of the same
   * period re-imports the same records without doubling them; the earliest registration wins.
   */
  record_key: string;
  import_run_id: number;
}

export interface DispensationTable {
  id: Generated<number>;
  employee_id: string;
  type: 'rest' | 'overtime' | 'sundays';
  valid_from: string;
  /** Inclusive; null = open-ended. */
  valid_to: string | null;
  /** `<employee>|<type>|<from>|<to>`: re-imports do not double. */
  dispensation_key: string;
  import_run_id: number;
}

export interface AmlTables {
  time_records: TimeRecordTable;
  dispensations: DispensationTable;
}
