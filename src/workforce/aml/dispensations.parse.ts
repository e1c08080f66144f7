/** The `dispensations` file: employee_id;type;valid_from;valid_to (working-time spec §1). */

import type { ColumnSpec, TableRecord } from '../../imports/table.ts';
import type { RowContext } from '../../imports/table-importer.ts';
import { dateField, optionalDateField, requiredText } from '../fields.ts';
import { DISPENSATION_TYPES, type DispensationType } from './aml-model.ts';

export const DISPENSATION_COLUMNS: ColumnSpec[] = [{ name: 'employee_id' }, { name: 'type' }, { name: 'valid_from' }, { name: 'valid_to' }];

export interface DispensationRow {
  employeeId: string;
  type: DispensationType;
  validFrom: string;
  validTo: string | null;
}

export function parseDispensationRow(record: TableRecord, ctx: RowContext): DispensationRow | undefined {
  const r = record.values;
  const employeeId = requiredText(r.employee_id, 'employee_id', ctx);
  const t = (r.type ?? '').trim().toLowerCase();
  const type = (DISPENSATION_TYPES as readonly string[]).includes(t) ? (t as DispensationType) : undefined;
  if (type === undefined) {
    ctx.problem(
      'type',
      `ukjent dispensasjonstype «${r.type ?? ''}», forventet rest, overtime eller sundays`,
      `unknown type "${r.type ?? ''}"`,
    );
  }
  const validFrom = dateField(r.valid_from, 'valid_from', ctx);
  const validTo = optionalDateField(r.valid_to, 'valid_to', ctx);
  if (employeeId === undefined || type === undefined || validFrom === undefined || validTo === undefined) return undefined;
  if (validTo !== null && validTo < validFrom) {
    ctx.problem('valid_to', `valid_to ${validTo} er før valid_from ${validFrom}`, `valid_to ${validTo} is before valid_from ${validFrom}`);
    return undefined;
  }
  return { employeeId, type, validFrom, validTo };
}
