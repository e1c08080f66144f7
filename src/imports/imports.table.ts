import type { Generated } from 'kysely';

export interface ImportRunTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  sha256: string;
  /** ISO instants */
  started_at: string;
  finished_at: string | null;
  row_count: Generated<number>;
  /** JSON array of Problem */
  problems: Generated<string>;
  status: 'running' | 'succeeded' | 'failed' | 'duplicate';
  imported_by: string;
  /** "<host>:<pid>" of the process that ran it (recovery.ts); null for runs before it was kept. */
  owner: Generated<string | null>;
  /** The text encoding a CSV was read as; null for XLSX/XML and older runs. */
  encoding: Generated<string | null>;
}

/** At most one row (id 1): the import running now in this database (import-lock.ts). */
export interface ImportLockTable {
  id: number;
  /** "<host>:<pid>" of the process holding the lock. */
  owner: string;
  kind: string;
  file_name: string;
  acquired_at: string;
}

export interface ImportTables {
  import_runs: ImportRunTable;
  import_lock: ImportLockTable;
}
