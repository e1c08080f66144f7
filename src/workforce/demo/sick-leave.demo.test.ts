import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDialect, freshDatabase } from '../../../test/support/databases.ts';
import { importOrThrow, sourceFromPath } from '../../imports/imports.ts';
import { evaluateKpis } from '../../kpi/kpi.ts';
import type { DemoContext } from '../../module.ts';
import { ytdMonths } from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';
import { employeesImporter } from '../employees/employees.import.ts';
import { absencesImporter } from '../sick-leave/sick-leave.import.ts';
import { sickLeaveKpis } from '../sick-leave/sick-leave.module.ts';
import { sickLeaveOverview } from '../sick-leave/sick-leave.section.ts';
import { staffCsv, syntheticStaff } from '../sick-leave/sick-leave.testing.ts';
import { buildCases, computeSickLeave, ratesOf, totalsOf } from '../sick-leave/sick-leave.ts';
import { absencesCsv, planDemoAbsences, runSickLeaveDemo } from './sick-leave.demo.ts';

const PERIOD = '2025-05';
const staff = syntheticStaff(90);

function demoContext(db: Db, dir: string): DemoContext {
  const importers = [employeesImporter, absencesImporter];
  return {
    db,
    dir,
    period: PERIOD,
    importFile: (kind, path, options) => importOrThrow(db, importers.find((i) => i.kind === kind)!, sourceFromPath(path), options),
    log: () => {},
  };
}

async function kpiValues(db: Db) {
  const values = await evaluateKpis(sickLeaveKpis(), { db, period: PERIOD });
  return Object.fromEntries(
    values.map((v) => [v.id, { value: v.value === null ? null : Math.round(v.value * 100) / 100, status: v.status }]),
  );
}

describeEachDialect('sick-leave demo', (ctx) => {
  const dir = mkdtempSync(join(tmpdir(), 'sick-leave-demo-'));

  it('runs after the employees and reproduces May 1,44 = 1,34 + 0,10 and YTD 2,60 through the real import', async () => {
    const employees = join(dir, 'employees.csv');
    writeFileSync(employees, staffCsv(staff));
    await importOrThrow(ctx.db, employeesImporter, sourceFromPath(employees));
    await runSickLeaveDemo(demoContext(ctx.db, dir));
    expect(await kpiValues(ctx.db)).toEqual({
      'workforce.sickLeave.total': { value: 1.44, status: 'met' },
      'workforce.sickLeave.short': { value: 1.34, status: 'none' },
      'workforce.sickLeave.long': { value: 0.1, status: 'none' },
      'workforce.sickLeave.ytd': { value: 2.6, status: 'met' },
    });
  });

  it('contains self-certified days, graded doctor cases and a case crossing the 16-day boundary after the cut-off', async () => {
    const overview = await sickLeaveOverview(ctx.db, { period: PERIOD });
    // As first reported (5 June) the boundary case was still short-term: everything was short.
    expect(overview.firstReported).not.toBeNull();
    expect(overview.firstReported?.longPct).toBe(0);
    expect(overview.firstReported?.totalPct).toBeCloseTo(overview.month.totalPct ?? 0, 10);
    expect(overview.trend).toHaveLength(12);
    expect(overview.units.map((u) => u.unit)).toEqual(['Drift', 'Servicedesk', 'Stab', 'Utvikling']);
  });

  it('changes the figure when the raw data changes', async () => {
    const before = await kpiValues(ctx.db);
    // One more day of self-certified absence for an employee who is present on Monday 5 May.
    const taken = new Set(
      planDemoAbsences(staff, PERIOD)
        .filter((a) => a.from <= '2025-05-12' && a.to >= '2025-04-28')
        .map((a) => a.employeeId),
    );
    const free = staff.find((e) => !taken.has(e.id) && e.positions.every((p) => p.from <= '2025-01-01'))!;
    const extra = join(dir, 'absences-extra.csv');
    writeFileSync(
      extra,
      absencesCsv([
        { employeeId: free.id, from: '2025-05-05', to: '2025-05-05', grade: 1, type: 'self', registeredAt: '2025-05-05T06:00:00.000Z' },
      ]),
    );
    await importOrThrow(ctx.db, absencesImporter, sourceFromPath(extra));
    const after = await kpiValues(ctx.db);
    expect(after['workforce.sickLeave.total']!.value).toBeGreaterThan(before['workforce.sickLeave.total']!.value!);
    expect(after['workforce.sickLeave.short']!.value).toBeGreaterThan(before['workforce.sickLeave.short']!.value!);
    expect(after['workforce.sickLeave.long']).toEqual(before['workforce.sickLeave.long']);
  });
});

it('planDemoAbsences is deterministic and uses every kind of record', () => {
  const a = planDemoAbsences(staff, PERIOD);
  expect(planDemoAbsences(staff, PERIOD)).toEqual(a);
  expect(a.some((r) => r.type === 'self')).toBe(true);
  expect(a.some((r) => r.type === 'doctor' && r.grade < 1)).toBe(true);
  const cases = buildCases(a);
  expect(cases.some((c) => c.band === 'long' && c.from.startsWith(PERIOD) && c.to > '2025-05-31')).toBe(true);
  // Self-certified records are registered on their first day (local morning = same UTC date).
  expect(a.filter((r) => r.type === 'self').every((r) => r.registeredAt.slice(0, 10) === r.from)).toBe(true);
});

it.each([25, 102, 250])('planDemoAbsences hits the targets for a staff of %i', (n) => {
  const employees = syntheticStaff(n);
  const result = computeSickLeave({ employees, absences: planDemoAbsences(employees, PERIOD), months: ytdMonths(PERIOD) });
  const month = ratesOf(totalsOf(result, { months: [PERIOD] }));
  const round = (v: number | null) => Math.round((v ?? Number.NaN) * 100) / 100;
  expect([round(month.shortPct), round(month.longPct), round(month.totalPct), round(ratesOf(totalsOf(result)).totalPct)]).toEqual([
    1.34, 0.1, 1.44, 2.6,
  ]);
});

it('skips with a message when there are no employees', async () => {
  const open = await freshDatabase('sqlite');
  const lines: string[] = [];
  await runSickLeaveDemo({ ...demoContext(open.db, tmpdir()), log: (t) => lines.push(t) });
  expect(lines.join()).toContain('ingen ansatte');
  await open.close();
});
