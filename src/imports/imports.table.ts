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
}

export interface ImportTables {
  import_runs: ImportRunTable;
}
