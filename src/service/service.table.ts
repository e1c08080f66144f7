import type { Generated } from 'kysely';

/** A call: a (callid, queue) pair (inbound, queue_log or CSV) or an outbound call (CSV). */
export interface ServiceCallColumns {
  call_id: string;
  queue: string;
  direction: 'in' | 'out';
  /** Epoch seconds of the first ENTERQUEUE (or CSV started_at); null when only outcomes were seen. */
  entered_at: number | null;
  outcome: string | null;
  /** Epoch seconds. */
  outcome_at: number | null;
  wait_seconds: number | null;
  talk_seconds: number | null;
  /** The last import that touched the call. */
  import_run_id: number;
}

export interface ServiceCallTable extends ServiceCallColumns {
  id: Generated<number>;
}

export interface ServiceOutageTable {
  id: Generated<number>;
  service: string;
  start_ms: number;
  end_ms: number;
  /** 0/1 */
  planned: number;
  description: string;
  import_run_id: number;
}

export interface ServiceHoursTable {
  id: Generated<number>;
  service: string;
  /** ISO weekday 1–7 */
  weekday: number;
  from_minute: number;
  /** Up to 1440 (24:00). */
  to_minute: number;
  import_run_id: number;
}

export interface ServiceVolumeTable {
  id: Generated<number>;
  /** YYYY-MM */
  month: string;
  service: string;
  vendor: string;
  count: number;
  import_run_id: number;
}

export interface ServiceComplaintTable {
  id: Generated<number>;
  /** YYYY-MM-DD */
  date: string;
  customer: string;
  category: string;
  status: string;
  summary: string;
  import_run_id: number;
}

export interface ServiceTables {
  service_calls: ServiceCallTable;
  service_call_stage: ServiceCallColumns;
  service_outages: ServiceOutageTable;
  service_hours: ServiceHoursTable;
  service_volumes: ServiceVolumeTable;
  service_complaints: ServiceComplaintTable;
}
