/** Reading the import log (`import_runs`) for the web app and the API. */
import type { Problem } from '../shared/errors.ts';
import type { Db } from '../storage/db.ts';

export interface ImportRun {
  id: number;
  kind: string;
  fileName: string;
  sha256: string;
  startedAt: string;
  finishedAt: string | null;
  rowCount: number;
  status: 'running' | 'succeeded' | 'failed' | 'duplicate';
  importedBy: string;
  /** The text encoding a CSV was read as; null for XLSX/XML and older runs. */
  encoding: string | null;
  problems: Problem[];
}

export async function listImportRuns(db: Db, options: { limit: number }): Promise<ImportRun[]> {
  const rows = await db.selectFrom('import_runs').selectAll().orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    sha256: r.sha256,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    rowCount: r.row_count,
    status: r.status,
    importedBy: r.imported_by,
    encoding: r.encoding,
    problems: JSON.parse(r.problems) as Problem[],
  }));
}
