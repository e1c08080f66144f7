/** The `employees` file: one row per employment period (several rows when the position fraction changes). */
import { problem } from '../../imports/decode.ts';
import type { ColumnSpec, TableRecord } from '../../imports/table.ts';
import type { RowContext } from '../../imports/table-importer.ts';
import type { Problem } from '../../shared/errors.ts';
import { dateField, flagField, optionalDateField, optionalText, requiredText } from '../fields.ts';

export const EMPLOYEE_COLUMNS: ColumnSpec[] = [
  { name: 'employee_id' },
  { name: 'name', required: false },
  { name: 'position_fraction' },
  { name: 'valid_from' },
  { name: 'valid_to' },
  { name: 'exempt' },
  { name: 'unit', required: false },
  { name: 'role', required: false },
];

export interface EmployeeRow {
  employeeId: string;
  name: string | null;
  positionFraction: number;
  validFrom: string;
  validTo: string | null;
  exempt: boolean;
  unit: string | null;
  role: string | null;
}

/** "0,8", "0.8", "1"; 0–1 inclusive. Percent values ("80") are rejected, not guessed. */
export function parseFraction(value: string | undefined, ctx: RowContext): number | undefined {
  const v = (value ?? '').trim();
  if (!/^\d+(?:[.,]\d+)?$/.test(v)) {
    ctx.problem(
      'position_fraction',
      `ugyldig stillingsbrøk «${v}», forventet et tall fra 0 til 1`,
      `invalid position fraction "${v}", expected 0–1`,
    );
    return undefined;
  }
  const n = Number(v.replace(',', '.'));
  if (n < 0 || n > 1) {
    ctx.problem(
      'position_fraction',
      `stillingsbrøk ${v} er utenfor 0–1 (skriv 0,8, ikke 80)`,
      `position fraction ${v} outside 0–1 (write 0.8, not 80)`,
    );
    return undefined;
  }
  return n;
}

export function parseEmployeeRow(record: TableRecord, ctx: RowContext): EmployeeRow | undefined {
  const r = record.values;
  const employeeId = requiredText(r.employee_id, 'employee_id', ctx);
  const positionFraction = parseFraction(r.position_fraction, ctx);
  const validFrom = dateField(r.valid_from, 'valid_from', ctx);
  const validTo = optionalDateField(r.valid_to, 'valid_to', ctx);
  const exempt = flagField(r.exempt, 'exempt', ctx);
  if (
    employeeId === undefined ||
    positionFraction === undefined ||
    validFrom === undefined ||
    validTo === undefined ||
    exempt === undefined
  ) {
    return undefined;
  }
  if (validTo !== null && validTo < validFrom) {
    ctx.problem('valid_to', `valid_to ${validTo} er før valid_from ${validFrom}`, `valid_to ${validTo} is before valid_from ${validFrom}`);
    return undefined;
  }
  return {
    employeeId,
    name: optionalText(r.name),
    positionFraction,
    validFrom,
    validTo,
    exempt,
    unit: optionalText(r.unit),
    role: optionalText(r.role),
  };
}

/** Two periods of one employee may not overlap (open-ended counts as forever). */
export function overlappingPeriods(file: string, rows: { line: number; row: EmployeeRow }[]): Problem[] {
  const byEmployee = new Map<string, { line: number; row: EmployeeRow }[]>();
  for (const r of rows) {
    const list = byEmployee.get(r.row.employeeId) ?? [];
    list.push(r);
    byEmployee.set(r.row.employeeId, list);
  }
  const problems: Problem[] = [];
  for (const [id, list] of byEmployee) {
    list.sort((a, b) => (a.row.validFrom < b.row.validFrom ? -1 : a.row.validFrom > b.row.validFrom ? 1 : a.line - b.line));
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const cur = list[i]!;
      if (prev.row.validTo === null || prev.row.validTo >= cur.row.validFrom) {
        problems.push(
          problem(
            file,
            `ansatt ${id}: perioden overlapper perioden på linje ${prev.line}`,
            `employee ${id}: the period overlaps the period on line ${prev.line}`,
            { line: cur.line, column: 'valid_from' },
          ),
        );
      }
    }
  }
  return problems;
}
