import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.ts';
import { domains } from '../../domains.ts';
import { importOrThrow, sourceFromPath } from '../../imports/imports.ts';
import { evaluateKpis } from '../../kpi/kpi.ts';
import { employeesImporter } from '../employees/employees.import.ts';
import { absencesImporter } from './sick-leave.import.ts';
import { sickLeave, sickLeaveKpis, sickLeaveModule } from './sick-leave.module.ts';
import { DEFAULT_SICK_LEAVE_SETTINGS } from './sick-leave-settings.ts';

describe('the sickLeave module', () => {
  it('is registered with its page, importer, KPIs, report blocks and demo', () => {
    expect(domains).toContain(sickLeave);
    expect(sickLeave.nav).toEqual([{ path: '/sykefravaer', label: 'Sykefravær', order: 31 }]);
    expect(sickLeave.importers?.map((i) => i.kind)).toEqual(['absences']);
    expect(sickLeave.kpis?.map((k) => [k.id, k.target ?? null])).toEqual([
      ['workforce.sickLeave.total', { op: '<', value: 5 }],
      ['workforce.sickLeave.short', null],
      ['workforce.sickLeave.long', null],
      ['workforce.sickLeave.ytd', { op: '<', value: 5 }],
    ]);
    expect(sickLeave.report?.map((r) => r.id)).toEqual([
      'sick-leave-kpis',
      'sick-leave-split',
      'sick-leave-trend',
      'sick-leave-restatement',
    ]);
    expect(sickLeave.demo?.order).toBe(20);
  });
});

describeEachDialect('sick-leave KPIs', (ctx) => {
  it('give null before any absence is imported, then follow the band setting and knownAt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sick-leave-kpi-'));
    const employees = join(dir, 'employees.csv');
    writeFileSync(employees, 'employee_id;name;position_fraction;valid_from;valid_to;exempt;unit\nL;;1;2020-01-01;;0;\n');
    await importOrThrow(ctx.db, employeesImporter, sourceFromPath(employees));
    const values = async (kpis = sickLeaveKpis(), knownAt?: string) =>
      (await evaluateKpis(kpis, { db: ctx.db, period: '2025-06', knownAt })).map((v) => v.value);
    expect(await values()).toEqual([null, null, null, null]);

    const absences = join(dir, 'absences.csv');
    writeFileSync(
      absences,
      'employee_id;from;to;grade;type;registered_at\nL;2025-05-19;2025-05-31;;doctor;2025-05-19T10:00\nL;2025-06-01;2025-06-13;;doctor;2025-06-10T10:00\n',
    );
    await importOrThrow(ctx.db, absencesImporter, sourceFromPath(absences));
    // June 2025: 20 working days (Whit Monday 9 June); the case has 9 of them (2–6, 10–13 June).
    const whole = await values();
    expect(whole[0]).toBeCloseTo(45, 10);
    expect(whole[1]).toBe(0);
    expect(whole[2]).toBeCloseTo(45, 10);
    // Day-based: case days 14–16 (1–3 June, two working days) short, the rest long.
    const dayBased = await values(sickLeaveModule({ ...DEFAULT_SICK_LEAVE_SETTINGS, bandRule: 'day-based' }).kpis);
    expect(dayBased[1]).toBeCloseTo(10, 10);
    expect(dayBased[2]).toBeCloseTo(35, 10);
    expect(sickLeaveKpis({ ...DEFAULT_SICK_LEAVE_SETTINGS, bandRule: 'day-based' })[1]?.label).toBe('Korttidssykefravær (dag 1–16)');
    // Known on 5 June: only the first note (13 days, short) exists and June has no absence yet.
    const early = await values(sickLeaveKpis(), '2025-06-05T12:00:00Z');
    expect(early.slice(0, 3)).toEqual([0, 0, 0]);
    // YTD (Jan–Jun): 18 lost (9 in May, 9 in June) of 22 + 20 + 21 + 19 + 20 + 20 = 122 agreed days.
    expect(whole[3]).toBeCloseTo((18 / 122) * 100, 10);
  });
});
