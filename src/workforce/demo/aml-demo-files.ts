/** The AML demo's raw files, in the formats of docs/import-formats/workforce.md. */

import type { TimeRecord } from '../aml/aml-model.ts';
import type { DemoEmployee } from './aml-demo-org.ts';
import { csvTime } from './aml-demo-time.ts';

export interface DemoTimeRecord extends TimeRecord {
  employeeId: string;
}

export function employeesCsv(employees: DemoEmployee[]): string {
  const lines = ['employee_id;name;position_fraction;valid_from;valid_to;exempt;unit;role'];
  for (const e of employees) {
    for (const p of e.positions) {
      lines.push([e.id, e.name, String(p.fraction).replace('.', ','), p.from, p.to ?? '', e.exempt ? '1' : '0', e.unit, e.role].join(';'));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function dispensationsCsv(employees: DemoEmployee[]): string {
  const lines = ['employee_id;type;valid_from;valid_to'];
  for (const e of employees) for (const d of e.dispensations) lines.push([e.id, d.type, d.from, d.to ?? ''].join(';'));
  return `${lines.join('\n')}\n`;
}

export function timeRecordsCsv(records: DemoTimeRecord[]): string {
  const lines = ['employee_id;start;end;kind;cause;registered_at'];
  for (const r of records) {
    lines.push([r.employeeId, csvTime(r.start), csvTime(r.end), r.kind, r.cause ?? '', new Date(r.registeredAt).toISOString()].join(';'));
  }
  return `${lines.join('\n')}\n`;
}
