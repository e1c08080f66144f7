import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.ts';
import { runImport, sourceFromPath } from '../../imports/imports.ts';
import { employeesImporter } from './employees.import.ts';
import { findEmployees, fractionOn } from './employees.queries.ts';

const dir = mkdtempSync(join(tmpdir(), 'employees-'));
let n = 0;
function csv(text: string): string {
  const path = join(dir, `employees-${++n}.csv`);
  writeFileSync(path, text);
  return path;
}

const HEADER = 'employee_id;name;position_fraction;valid_from;valid_to;exempt;unit\n';

describeEachDialect('employees import', (ctx) => {
  it('stores several periods per employee and maps them to Employee', async () => {
    const file = csv(
      HEADER +
        'E001;Kari Nordmann;1;2024-01-01;2025-02-28;0;Servicedesk\n' +
        'E001;Kari Nordmann;0,8;2025-03-01;;0;Servicedesk\n' +
        'E002;;0.5;2024-06-01;;ja;\n',
    );
    const result = await runImport(ctx.db, employeesImporter, sourceFromPath(file));
    expect(result.status).toBe('succeeded');
    expect(result.rowCount).toBe(3);
    const employees = await findEmployees(ctx.db);
    expect(employees).toEqual([
      {
        id: 'E001',
        name: 'Kari Nordmann',
        exempt: false,
        unit: 'Servicedesk',
        positions: [
          { from: '2024-01-01', to: '2025-02-28', fraction: 1 },
          { from: '2025-03-01', to: null, fraction: 0.8 },
        ],
      },
      { id: 'E002', name: null, exempt: true, unit: null, positions: [{ from: '2024-06-01', to: null, fraction: 0.5 }] },
    ]);
    expect(fractionOn(employees[0]!, '2025-05-12')).toBe(0.8);
    expect(fractionOn(employees[1]!, '2024-05-31')).toBe(0);
  });

  it('replaces the periods of the employees in a re-import and keeps the others', async () => {
    const file = csv(HEADER + 'E001;Kari Nordmann;0,6;2025-01-01;;0;Drift\n');
    expect((await runImport(ctx.db, employeesImporter, sourceFromPath(file))).status).toBe('succeeded');
    const employees = await findEmployees(ctx.db);
    expect(employees.map((e) => e.id)).toEqual(['E001', 'E002']);
    expect(employees[0]!.positions).toEqual([{ from: '2025-01-01', to: null, fraction: 0.6 }]);
    expect(employees[0]!.unit).toBe('Drift');
    expect(await findEmployees(ctx.db, { ids: ['E002'] })).toHaveLength(1);
  });

  it('rejects the whole file with line and column for bad fraction, bad dates and overlaps', async () => {
    const file = csv(
      HEADER +
        'E010;;80;2025-01-01;;0;\n' +
        'E011;;1;2025-02-30;;0;\n' +
        'E012;;1;2025-03-01;2025-02-01;0;\n' +
        'E013;;1;2025-01-01;;0;\n' +
        'E013;;0,5;2025-06-01;;0;\n' +
        'E014;;1;2025-01-01;;kanskje;\n',
    );
    const result = await runImport(ctx.db, employeesImporter, sourceFromPath(file));
    expect(result.status).toBe('failed');
    const where = result.problems.map((p) => `${p.line}:${p.column}`);
    expect(where).toEqual(['2:position_fraction', '3:valid_from', '4:valid_to', '7:exempt', '6:valid_from']);
    expect(result.problems[0]!.file).toMatch(/employees-\d+\.csv/);
    expect((await findEmployees(ctx.db)).map((e) => e.id)).toEqual(['E001', 'E002']);
  });

  it('reports a missing required column', async () => {
    const file = csv('employee_id;position_fraction;valid_from;exempt\nE1;1;2025-01-01;0\n');
    const result = await runImport(ctx.db, employeesImporter, sourceFromPath(file));
    expect(result.status).toBe('failed');
    expect(result.problems[0]!.column).toBe('valid_to');
  });
});

describe('employees importer', () => {
  it('has the kind `employees`', () => {
    expect(employeesImporter.kind).toBe('employees');
  });
});
