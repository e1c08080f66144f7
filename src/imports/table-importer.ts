import type { Problem } from '../shared/errors.ts';
import type { Db } from '../storage/db.ts';
import { problem } from './decode.ts';
import type { ImportContext, Importer } from './imports.ts';
import { type ColumnSpec, openTable, type TableRecord } from './table.ts';

export interface RowContext {
  file: string;
  line: number;
  now: string;
  /** Reports an error (default) or warning about one field of this row. */
  problem(column: string, message: string, messageEn: string, severity?: 'error' | 'warning'): void;
}

export interface TableImporterDefinition<Row> {
  kind: string;
  label: string;
  description: string;
  columns: ColumnSpec[];
  /** Turns one record into a row, or reports problems and returns undefined. */
  parseRow(record: TableRecord, ctx: RowContext): Row | undefined;
  /** Checks that need the database or all rows (unknown employee, overlapping ranges). */
  validate?(rows: { line: number; row: Row }[], ctx: ImportContext): Promise<Problem[]> | Problem[];
  /** Writes the valid rows through ctx.trx. */
  write(trx: Db, rows: Row[], ctx: ImportContext): Promise<void>;
}

/** An Importer for a CSV/XLSX table with a header row, built on the shared machinery. */
export function defineTableImporter<Row>(def: TableImporterDefinition<Row>): Importer {
  return {
    kind: def.kind,
    label: def.label,
    description: def.description,
    columns: def.columns,
    async run(ctx) {
      const file = ctx.source.fileName;
      // Streamed: only parsed rows are kept, never the file or its raw records.
      const table = await openTable(ctx.source, def.columns, {
        limits: ctx.limits,
        encoding: ctx.encoding,
        onProgress: (done, total) => ctx.progress(done, total),
        onEncoding: (encoding) => ctx.usedEncoding(encoding),
      });
      for (const p of table.problems) ctx.report(p);
      if (table.problems.some((p) => p.severity === 'error')) return 0;
      const rows: { line: number; row: Row }[] = [];
      let failed = false;
      let count = 0;
      for await (const record of table.records) {
        count++;
        const row = def.parseRow(record, {
          file,
          line: record.line,
          now: ctx.now,
          problem: (column, message, messageEn, severity = 'error') => {
            failed ||= severity === 'error';
            ctx.report(problem(file, message, messageEn, { line: record.line, column, severity }));
          },
        });
        if (row !== undefined) rows.push({ line: record.line, row });
      }
      if (def.validate) {
        for (const p of await def.validate(rows, ctx)) {
          failed ||= p.severity === 'error';
          ctx.report(p);
        }
      }
      // The run is rolled back anyway when a row failed: do not write rows only to undo them.
      if (failed) return 0;
      await def.write(
        ctx.trx,
        rows.map((r) => r.row),
        ctx,
      );
      ctx.progress(count, count);
      return rows.length;
    },
  };
}
