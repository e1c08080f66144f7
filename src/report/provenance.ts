/**
 * Provenance of tables and figures: a block names the import kinds it reads; here they become the
 * concrete import runs (file name, SHA-256, import time) that had succeeded by the compile time.
 */
import type { Db } from '../storage/db.ts';

export interface ImportRef {
  runId: number;
  kind: string;
  /** The import kind's Norwegian label ("Tidsregistreringer"), for readers of the report. */
  kindLabel: string;
  fileName: string;
  sha256: string;
  /** ISO instant the import ran. */
  importedAt: string;
}

/** Succeeded import runs of the given kinds up to `compiledAt`, grouped by kind, oldest first. */
export async function importsByKind(
  db: Db,
  kinds: readonly string[],
  compiledAt: string,
  labels: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, ImportRef[]>> {
  const out = new Map<string, ImportRef[]>(kinds.map((k) => [k, []]));
  if (kinds.length === 0) return out;
  const cutoff = Date.parse(compiledAt);
  const rows = await db
    .selectFrom('import_runs')
    .select(['id', 'kind', 'file_name', 'sha256', 'started_at'])
    .where('kind', 'in', [...kinds])
    .where('status', '=', 'succeeded')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    if (Date.parse(r.started_at) > cutoff) continue;
    out.get(r.kind)?.push({
      runId: r.id,
      kind: r.kind,
      kindLabel: labels.get(r.kind) ?? r.kind,
      fileName: r.file_name,
      sha256: r.sha256,
      importedAt: r.started_at,
    });
  }
  return out;
}
