import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.ts';
import { runImport, sourceFromPath } from '../../imports/imports.ts';
import { employeesImporter } from '../employees/employees.import.ts';
import { absencesImporter } from './sick-leave.import.ts';
import { firstDateOutside } from './sick-leave.parse.ts';
import { countAbsences, findAbsences, loadSickLeaveInput } from './sick-leave.queries.ts';
import { computeSickLeave, ratesOf, totalsOf } from './sick-leave.ts';

const dir = mkdtempSync(join(tmpdir(), 'absences-'));
let n = 0;
function file(text: string, name = 'absences'): string {
  const path = join(dir, `${name}-${++n}.csv`);
  writeFileSync(path, text);
  return path;
}

const HEADER = 'employee_id;from;to;grade;type;registered_at\n';
const NOW = '2025-06-20T10:00:00.000Z';

describe('firstDateOutside(positions, from, to)', () => {
  const positions = [
    { from: '2024-01-01', to: '2024-12-31', fraction: 1 },
    { from: '2025-01-01', to: '2025-03-31', fraction: 0.5 },
  ];
  it('is undefined when back-to-back periods cover the range', () => {
    expect(firstDateOutside(positions, '2024-12-20', '2025-01-10')).toBeUndefined();
  });
  it('names the first uncovered date', () => {
    expect(firstDateOutside(positions, '2025-03-25', '2025-04-05')).toBe('2025-04-01');
    expect(firstDateOutside(positions, '2023-12-30', '2024-01-05')).toBe('2023-12-30');
  });
});

describeEachDialect('absences import', (ctx) => {
  it('needs the employees first', async () => {
    const employees = file(
      'employee_id;name;position_fraction;valid_from;valid_to;exempt;unit\n' +
        'E1;Kari;1;2024-01-01;;0;Drift\n' +
        'E2;Ola;0,5;2024-01-01;2025-05-16;0;Drift\n' +
        'E2;Ola;1;2025-05-17;;0;Drift\n' +
        'E3;Per;1;2025-05-01;2025-05-31;0;Servicedesk\n',
      'employees',
    );
    expect((await runImport(ctx.db, employeesImporter, sourceFromPath(employees))).status).toBe('succeeded');
  });

  it('stores the records: empty grade = 1.0, empty registered_at = import time, local times converted', async () => {
    const path = file(
      HEADER +
        'E1;2025-05-28;2025-05-30;;self;2025-05-28T08:15\n' +
        'E2;2025-05-14;2025-05-21;0,5;doctor;2025-05-15T09:00:00+02:00\n' +
        'E3;2025-05-05;2025-05-09;1;DOCTOR;\n',
    );
    const result = await runImport(ctx.db, absencesImporter, sourceFromPath(path), { now: NOW });
    expect(result.problems).toEqual([]);
    expect(result.status).toBe('succeeded');
    expect(result.rowCount).toBe(3);
    expect(await findAbsences(ctx.db, { from: '2025-05-01', to: '2025-05-31' })).toEqual([
      { employeeId: 'E1', from: '2025-05-28', to: '2025-05-30', grade: 1, type: 'self', registeredAt: '2025-05-28T06:15:00.000Z' },
      { employeeId: 'E2', from: '2025-05-14', to: '2025-05-21', grade: 0.5, type: 'doctor', registeredAt: '2025-05-15T07:00:00.000Z' },
      { employeeId: 'E3', from: '2025-05-05', to: '2025-05-09', grade: 1, type: 'doctor', registeredAt: NOW },
    ]);
  });

  it('finds only absences near the window', async () => {
    expect(await findAbsences(ctx.db, { from: '2025-08-01', to: '2025-08-31' })).toEqual([]);
    // The margin is 32 days: a window from 10 June still sees E3's record ending 9 May, from 11 June not.
    expect(await findAbsences(ctx.db, { from: '2025-06-10', to: '2025-06-30' })).toHaveLength(3);
    expect(await findAbsences(ctx.db, { from: '2025-06-11', to: '2025-06-30' })).toHaveLength(2);
  });

  it('feeds the engine from the database', async () => {
    const input = await loadSickLeaveInput(ctx.db, ['2025-05']);
    const totals = totalsOf(computeSickLeave(input));
    // E1 20 agreed, E2 11 × 0.5 + 9, E3 20; lost: E1 2, E2 (14–16 May 3 × 0.5 + 19–21 May 3 × 1) × 0.5, E3 5.
    expect(totals.agreedDays).toBeCloseTo(20 + 14.5 + 20, 10);
    expect(totals.lostShort).toBeCloseTo(2 + 2.25 + 5, 10);
    expect(ratesOf(totals).longPct).toBe(0);
  });

  it('rejects the whole file, naming line and column, and stores nothing', async () => {
    const path = file(
      HEADER +
        'E9;2025-05-05;2025-05-06;;self;\n' + // 2 unknown employee
        'E1;2025-05-10;2025-05-05;;doctor;\n' + // 3 to < from
        'E1;2025-05-05;2025-05-06;1,5;doctor;\n' + // 4 grade too high
        'E1;2025-05-05;2025-05-06;0,1;doctor;\n' + // 5 grade too low
        'E1;2025-05-05;2025-05-06;50;doctor;\n' + // 6 percent, not fraction
        'E3;2025-04-28;2025-05-02;;doctor;\n' + // 7 starts before employment
        'E3;2025-05-26;2025-06-03;;doctor;\n' + // 8 runs past employment
        'E1;2025-05-05;2025-05-06;;sick;\n' + // 9 unknown type
        'E1;2025-05-05;2025-05-06;0,5;self;\n' + // 10 graded self-certification
        'E1;2025-05-05;2025-05-06;;doctor;2025-03-30T02:30\n' + // 11 DST gap
        'E1;2025-02-30;2025-05-06;;doctor;\n', // 12 bad date
    );
    const before = await countAbsences(ctx.db);
    const result = await runImport(ctx.db, absencesImporter, sourceFromPath(path), { now: NOW });
    expect(result.status).toBe('failed');
    const where = result.problems.map((p) => `${p.line}:${p.column}`);
    expect(where.sort()).toEqual(
      [
        '2:employee_id',
        '3:to',
        '4:grade',
        '5:grade',
        '6:grade',
        '7:from',
        '8:to',
        '9:type',
        '10:grade',
        '11:registered_at',
        '12:from',
      ].sort(),
    );
    expect(result.problems.every((p) => p.file === path.split('/').pop())).toBe(true);
    expect(result.problems.find((p) => p.line === 8)?.message).toContain('2025-06-01');
    expect(await countAbsences(ctx.db)).toBe(before);
  });

  it('reads XLSX with real date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Fravær');
    sheet.addRow(['employee_id', 'from', 'to', 'grade', 'type', 'registered_at']);
    sheet.addRow(['E1', new Date(Date.UTC(2025, 4, 5)), new Date(Date.UTC(2025, 4, 6)), 0.6, 'doctor', '2025-05-05T10:00:00Z']);
    const path = join(dir, 'absences.xlsx');
    await wb.xlsx.writeFile(path);
    const result = await runImport(ctx.db, absencesImporter, sourceFromPath(path), { now: NOW });
    expect(result.problems).toEqual([]);
    expect(result.status).toBe('succeeded');
    const stored = await findAbsences(ctx.db, { from: '2025-05-05', to: '2025-05-05' });
    expect(stored.find((a) => a.grade === 0.6)).toMatchObject({ employeeId: 'E1', from: '2025-05-05', to: '2025-05-06' });
  });
});
