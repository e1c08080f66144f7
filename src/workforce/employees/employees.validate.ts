import { problem } from '../../imports/decode.ts';
import type { Problem } from '../../shared/errors.ts';
import type { Db } from '../../storage/db.ts';
import { existingEmployeeIds } from './employees.queries.ts';

/** One problem per row whose employee is not in the employees table (import employees first). */
export async function unknownEmployees(db: Db, file: string, rows: { line: number; row: { employeeId: string } }[]): Promise<Problem[]> {
  const known = await existingEmployeeIds(
    db,
    rows.map((r) => r.row.employeeId),
  );
  return rows
    .filter((r) => !known.has(r.row.employeeId))
    .map((r) =>
      problem(
        file,
        `ukjent ansatt «${r.row.employeeId}»; importer ansattlista (employees) først`,
        `unknown employee "${r.row.employeeId}"; import the employees file first`,
        { line: r.line, column: 'employee_id' },
      ),
    );
}
