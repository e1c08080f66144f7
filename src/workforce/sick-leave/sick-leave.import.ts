import { defineTableImporter } from '../../imports/table-importer.ts';
import { findEmployees } from '../employees/employees.queries.ts';
import { ABSENCE_COLUMNS, checkAgainstEmployees, parseAbsenceRow } from './sick-leave.parse.ts';
import { insertAbsences } from './sick-leave.queries.ts';
import type { Absence } from './sick-leave.ts';

/**
 * `styrerom import absences <file>`: adds the file's records. Re-sending a record (or a corrected,
 * longer one) is harmless: the engine counts each day once, at the highest grade.
 */
export const absencesImporter = defineTableImporter<Absence>({
  kind: 'absences',
  label: 'Sykefravær (fraværsperioder)',
  description: 'Sick-leave absences: employee_id;from;to;grade;type;registered_at (dates inclusive, grade 0.2–1.0, type self|doctor)',
  columns: ABSENCE_COLUMNS,
  parseRow: parseAbsenceRow,
  async validate(rows, ctx) {
    const ids = [...new Set(rows.map((r) => r.row.employeeId))];
    const employees = await findEmployees(ctx.trx, { ids });
    return checkAgainstEmployees(ctx.source.fileName, rows, new Map(employees.map((e) => [e.id, e.positions])));
  },
  write: (trx, rows, ctx) => insertAbsences(trx, rows, ctx.runId),
});
