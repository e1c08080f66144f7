import { defineTableImporter } from '../../imports/table-importer.ts';
import { EMPLOYEE_COLUMNS, type EmployeeRow, overlappingPeriods, parseEmployeeRow } from './employees.parse.ts';
import { replaceEmployees } from './employees.queries.ts';

/** `styrerom import employees <file>`: a re-import replaces every period of the employees in the file. */
export const employeesImporter = defineTableImporter<EmployeeRow>({
  kind: 'employees',
  label: 'Ansatte (stillingsbrøk og unntak)',
  description: 'Employees: employee_id;name;position_fraction;valid_from;valid_to;exempt;unit[;role] (one row per employment period)',
  columns: EMPLOYEE_COLUMNS,
  parseRow: parseEmployeeRow,
  validate: (rows, ctx) => overlappingPeriods(ctx.source.fileName, rows),
  write: (trx, rows, ctx) => replaceEmployees(trx, rows, ctx.runId),
});
