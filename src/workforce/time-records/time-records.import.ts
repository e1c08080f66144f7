import { defineTableImporter } from '../../imports/table-importer.ts';
import { insertDispensations, upsertTimeRecords } from '../aml/aml.queries.ts';
import { DISPENSATION_COLUMNS, type DispensationRow, parseDispensationRow } from '../aml/dispensations.parse.ts';
import { unknownEmployees } from '../employees/employees.validate.ts';
import { parseTimeRecordRow, TIME_RECORD_COLUMNS, type TimeRecordRow } from './time-records.parse.ts';

/**
 * `styrerom import time-records <file>`. Overlapping and repeated records are safe: the engine
 * unions them, and a record already stored (same employee, start, end, kind, cause) is not doubled.
 */
export const timeRecordsImporter = defineTableImporter<TimeRecordRow>({
  kind: 'time-records',
  label: 'Timelister (arbeidstid, overtid, utrykning)',
  description: 'Time records: employee_id;start;end;kind;cause;registered_at (local Europe/Oslo or ISO with offset)',
  columns: TIME_RECORD_COLUMNS,
  parseRow: parseTimeRecordRow,
  validate: (rows, ctx) => unknownEmployees(ctx.trx, ctx.source.fileName, rows),
  async write(trx, rows, ctx) {
    await upsertTimeRecords(trx, rows, ctx.runId);
  },
});

/** `styrerom import dispensations <file>`: AML dispensations (rest, overtime, sundays). */
export const dispensationsImporter = defineTableImporter<DispensationRow>({
  kind: 'dispensations',
  label: 'AML-dispensasjoner',
  description: 'Working-time dispensations: employee_id;type;valid_from;valid_to (type rest|overtime|sundays)',
  columns: DISPENSATION_COLUMNS,
  parseRow: parseDispensationRow,
  validate: (rows, ctx) => unknownEmployees(ctx.trx, ctx.source.fileName, rows),
  write: (trx, rows, ctx) => insertDispensations(trx, rows, ctx.runId),
});
